#include "src/extract/figures.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/crosscheck/v1/article.pb.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "src/extract/dates.h"
#include "src/extract/document.h"
#include "src/segment/segment.h"

namespace crosscheck::extract {
namespace {

using crosscheck::v1::Article;
using crosscheck::v1::Claim;
using crosscheck::v1::Figure;
using ::testing::Contains;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

// The figures of `text`, found as the extract stage does: dates first, and
// their spans passed as taken. Checks the invariants every claim keeps.
std::vector<Claim> Figures(const std::string& text,
                           const std::string& published = "2024-06-05") {
  Article article;
  article.set_id("a");
  article.set_text(text);
  article.set_published(published);
  const Document doc = MakeDocument(article);
  std::vector<Claim> dates;
  std::vector<crosscheck::v1::Note> notes;
  FindDates(doc, &dates, &notes);
  std::vector<segment::Range> taken;
  for (const Claim& date : dates) {
    taken.push_back({date.span().begin(), date.span().end()});
  }
  std::vector<Claim> figures;
  FindFigures(doc, taken, &figures);
  // Trying every token finds the same: no figure escapes the anchor filter.
  std::vector<Claim> every;
  internal::FindFiguresAtEveryToken(doc, taken, &every);
  EXPECT_EQ(every.size(), figures.size()) << text;
  for (size_t i = 0; i < every.size() && i < figures.size(); ++i) {
    EXPECT_EQ(every[i].DebugString(), figures[i].DebugString()) << text;
  }
  // The gate of the scan skips no token where a figure starts.
  EXPECT_THAT(internal::FigureGateViolations(doc), IsEmpty()) << text;
  size_t previous = 0;
  for (const Claim& claim : figures) {
    EXPECT_EQ(claim.kind(), Claim::KIND_FIGURE);
    EXPECT_TRUE(claim.has_figure());
    EXPECT_EQ(claim.text(),
              text.substr(claim.span().begin(),
                          claim.span().end() - claim.span().begin()));
    EXPECT_LE(claim.sentence().begin(), claim.span().begin());
    EXPECT_GE(claim.sentence().end(), claim.span().end());
    EXPECT_GE(claim.span().begin(), previous) << "not in text order";
    EXPECT_LE(claim.keywords_size(), 8);
    for (const auto& date : dates) {
      EXPECT_TRUE(claim.span().end() <= date.span().begin() ||
                  claim.span().begin() >= date.span().end())
          << claim.text() << " overlaps the date " << date.text();
    }
    previous = claim.span().begin();
  }
  return figures;
}

constexpr Figure::Qualifier kExact = Figure::QUALIFIER_EXACT;

struct FigureCase {
  const char* text;
  const char* span;
  std::optional<double> value;
  Figure::Qualifier qualifier = kExact;
  const char* unit = "";
  const char* counted = "";
  bool ordinal = false;
  std::optional<double> value_max = std::nullopt;
};

void ExpectOneFigure(const FigureCase& c) {
  SCOPED_TRACE(c.text);
  const std::vector<Claim> figures = Figures(c.text);
  ASSERT_THAT(figures, SizeIs(1));
  const Claim& claim = figures[0];
  const Figure& figure = claim.figure();
  EXPECT_EQ(claim.text(), c.span);
  EXPECT_EQ(figure.has_value(), c.value.has_value());
  if (c.value.has_value()) {
    EXPECT_DOUBLE_EQ(figure.value(), *c.value);
  }
  EXPECT_EQ(figure.has_value_max(), c.value_max.has_value());
  if (c.value_max.has_value()) {
    EXPECT_DOUBLE_EQ(figure.value_max(), *c.value_max);
  }
  EXPECT_EQ(figure.qualifier(), c.qualifier)
      << Figure::Qualifier_Name(figure.qualifier());
  EXPECT_EQ(figure.unit(), c.unit);
  EXPECT_EQ(figure.counted(), c.counted);
  EXPECT_EQ(figure.ordinal(), c.ordinal);
}

TEST(FindFiguresTest, NumbersInDigits) {
  const FigureCase kCases[] = {
      {"The forum drew 2,400 delegates.", "2,400", 2400, kExact, "",
       "delegate"},
      {"The port handled 17 ships.", "17", 17, kExact, "", "ship"},
      {"The growth rate was 4.8 on the index.", "4.8", 4.8},
      {"The rail operator will order 35 locomotives from Estmark.", "35", 35,
       kExact, "", "locomotive"},
      {"The port handled 1.2 million containers in 2023.", "1.2 million", 1.2e6,
       kExact, "", "container"},
      {"Sales reached 3.5 million units.", "3.5 million", 3.5e6, kExact, "",
       "unit"},
      {"The forum drew 2000 delegates.", "2000", 2000, kExact, "", "delegate"},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
}

TEST(FindFiguresTest, NumbersInWords) {
  const FigureCase kCases[] = {
      {"Four officials resigned.", "Four", 4, kExact, "", "official"},
      {"Executives from twenty-nine Valdorian companies attended.",
       "twenty-nine", 29, kExact, "", "company"},
      {"Executives from twenty nine firms attended.", "twenty nine", 29, kExact,
       "", "firm"},
      {"A dozen ships docked.", "A dozen", 12, kExact, "", "ship"},
      {"The law has one hundred and five articles.", "one hundred and five",
       105, kExact, "", "article"},
      {"Some two thousand people marched.", "Some two thousand", 2000,
       Figure::QUALIFIER_APPROXIMATE, "", "person"},
      {"Officials met twice a year.", "twice", 2, kExact, "", "time"},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
}

TEST(FindFiguresTest, Ordinals) {
  const FigureCase kCases[] = {
      {"It was the thirty-first summit between their leaders.", "thirty-first",
       31, kExact, "", "summit", true},
      {"It was the 31st summit.", "31st", 31, kExact, "", "summit", true},
      {"It was the 54th meeting.", "54th", 54, kExact, "", "meeting", true},
      {"She won the 2nd round.", "2nd", 2, kExact, "", "round", true},
      {"This is Okafor’s sixth visit to Estmark.", "sixth", 6, kExact, "",
       "visit", true},
      {"The city marked its 70th anniversary.", "70th", 70, kExact, "",
       "anniversary", true},
      {"It was her first visit abroad.", "first", 1, kExact, "", "visit", true},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
}

TEST(FindFiguresTest, Money) {
  const FigureCase kCases[] = {
      {"Annual trade stands at $48.5 billion.", "$48.5 billion", 48.5e9, kExact,
       "USD"},
      {"Annual trade totals 48.5 billion dollars.", "48.5 billion dollars",
       48.5e9, kExact, "USD"},
      {"Estmark will set up a €3 million scholarship fund.", "€3 million", 3e6,
       kExact, "EUR", "fund"},
      {"They announced a $12 billion investment package.", "$12 billion", 12e9,
       kExact, "USD", "package"},
      {"The firm raised $4.8bn in bonds.", "$4.8bn", 4.8e9, kExact, "USD"},
      {"The loan is worth US$200 million.", "US$200 million", 200e6, kExact,
       "USD"},
      {"The club paid £27 million.", "£27 million", 27e6, kExact, "GBP"},
      {"The bank added ¥500 billion.", "¥500 billion", 500e9, kExact, "JPY"},
      {"The fee is USD 200 per night.", "USD 200", 200, kExact, "USD"},
      {"The deal is worth GBP 27 million.", "GBP 27 million", 27e6, kExact,
       "GBP"},
      {"Tickets cost 200 euros.", "200 euros", 200, kExact, "EUR"},
      {"The budget is 3 billion yuan.", "3 billion yuan", 3e9, kExact, "CNY"},
      {"The fund holds $3.5 bn in assets.", "$3.5 bn", 3.5e9, kExact, "USD"},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
}

// An abbreviated magnitude written attached to the digits is ambiguous ("m"
// for metres, "k" for kilometres); it counts only for money.
TEST(FindFiguresTest, AttachedAbbreviatedMagnitudesAreMoney) {
  const FigureCase kCases[] = {
      {"The firm raised $4.8bn in bonds.", "$4.8bn", 4.8e9, kExact, "USD"},
      {"The club paid £3.5m for him.", "£3.5m", 3.5e6, kExact, "GBP"},
      {"The grant was €20k.", "€20k", 20e3, kExact, "EUR"},
      {"The deal is worth USD 4.8bn.", "USD 4.8bn", 4.8e9, kExact, "USD"},
      {"Trade reached 4.8bn dollars.", "4.8bn dollars", 4.8e9, kExact, "USD"},
      {"Bids ranged from $1.2m to 2.5m, officials said.", "$1.2m to 2.5m",
       1.2e6, Figure::QUALIFIER_RANGE, "USD", "", false, 2.5e6},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
}

TEST(FindFiguresTest, AttachedAbbreviatedMagnitudesAloneAreNotFigures) {
  // After "a", "an" or "the", or before a singular word, "m" and "k" are
  // distances.
  for (const char* text : {
           "She won the 400m freestyle.",
           "He ran a 5k race.",
           "He ran 10k yesterday.",
       }) {
    EXPECT_THAT(Figures(text), IsEmpty()) << text;
  }
}

TEST(FindFiguresTest, AbbreviatedMagnitudesNewsMeansAsNumbers) {
  const FigureCase kCases[] = {
      {"Sales reached 3.5m units.", "3.5m", 3500000, kExact, "", "unit"},
      {"More than 2bn people watched.", "More than 2bn", 2e9,
       Figure::QUALIFIER_MORE_THAN, "", "person"},
      {"The plan creates 20k jobs.", "20k", 20000, kExact, "", "job"},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
}

TEST(FindFiguresTest, NamesThatLookLikeCurrencyCodesAreNoMoney) {
  // "Le" is the Egyptian pound's abbreviation only in Egypt's own prices;
  // in news it starts names.
  for (const Claim& claim : Figures("She addressed 5 Le Pen rallies.")) {
    EXPECT_NE(claim.figure().unit(), "EGP") << claim.text();
  }
}

TEST(FindFiguresTest, Percentages) {
  const FigureCase kCases[] = {
      {"Support rose to 12%.", "12%", 12, kExact, "percent"},
      {"It grew 12 per cent.", "12 per cent", 12, kExact, "percent"},
      {"It grew 12 percent.", "12 percent", 12, kExact, "percent"},
      {"Rates rose 2 percentage points.", "2 percentage points", 2, kExact,
       "percentage point"},
      {"Nearly 40% of Estmark’s gas imports cross Valdoria.", "Nearly 40%", 40,
       Figure::QUALIFIER_APPROXIMATE, "percent", "import"},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
}

// A unit of one word may be joined to the digits by a hyphen.
TEST(FindFiguresTest, UnitsJoinedByAHyphen) {
  const FigureCase kCases[] = {
      {"Prices saw a 10-percent rise.", "10-percent", 10, kExact, "percent",
       "rise"},
      {"A 6.9-magnitude earthquake struck.", "6.9-magnitude", 6.9, kExact,
       "magnitude", "earthquake"},
      {"The magnitude-6.9 quake struck before dawn.", "magnitude-6.9", 6.9,
       kExact, "magnitude", "quake"},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
}

// The magnitude of an earthquake, however it is written, has the unit
// "magnitude" and keeps the noun it qualifies, so that it is never taken
// for a count of earthquakes; a unit written before the number stays out
// of the span.
TEST(FindFiguresTest, EarthquakeMagnitudes) {
  const FigureCase kCases[] = {
      {"The magnitude 6.9 earthquake struck at dawn.", "6.9", 6.9, kExact,
       "magnitude", "earthquake"},
      {"The institute measured it at a magnitude of 6.9, the strongest in "
       "decades.",
       "6.9", 6.9, kExact, "magnitude"},
      {"Relay News said the 6.9-magnitude earthquake struck the valley.",
       "6.9-magnitude", 6.9, kExact, "magnitude", "earthquake"},
      {"Vasko toured the valley after the magnitude-6.9 quake.",
       "magnitude-6.9", 6.9, kExact, "magnitude", "quake"},
      {"A magnitude 5.3 aftershock hit the town.", "5.3", 5.3, kExact,
       "magnitude", "aftershock"},
      {"A 7.1 magnitude quake hit the coast.", "7.1 magnitude", 7.1, kExact,
       "magnitude", "quake"},
      {"The quake measured 6.9 on the Richter scale.",
       "6.9 on the Richter scale", 6.9, kExact, "magnitude"},
      {"Magnitude 6.4 tremor hit the coast.", "6.4", 6.4, kExact, "magnitude",
       "tremor"},
      {"Aftershocks above magnitude 5 kept coming.", "5", 5,
       Figure::QUALIFIER_MORE_THAN, "magnitude"},
      {"The quake had a magnitude of about 6.2 at its peak.", "about 6.2", 6.2,
       Figure::QUALIFIER_APPROXIMATE, "magnitude"},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
}

// "magnitude" names a unit only right next to the number.
TEST(FindFiguresTest, MagnitudeApartFromTheNumberIsNoUnit) {
  const FigureCase kCases[] = {
      {"Prices rose by two orders of magnitude.", "two", 2, kExact, "",
       "order"},
      {"The magnitude of the damage left 300 families homeless.", "300", 300,
       kExact, "", "family"},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
}

TEST(FindFiguresTest, Qualifiers) {
  const FigureCase kCases[] = {
      {"The forum drew more than 2,400 delegates.", "more than 2,400", 2400,
       Figure::QUALIFIER_MORE_THAN, "", "delegate"},
      {"Over 300 people attended.", "Over 300", 300,
       Figure::QUALIFIER_MORE_THAN, "", "person"},
      {"At least 40 people were hurt.", "At least 40", 40,
       Figure::QUALIFIER_AT_LEAST, "", "person"},
      {"Almost 50 ships docked.", "Almost 50", 50,
       Figure::QUALIFIER_APPROXIMATE, "", "ship"},
      {"About 50 ships docked.", "About 50", 50, Figure::QUALIFIER_APPROXIMATE,
       "", "ship"},
      {"Around 60 firms signed up.", "Around 60", 60,
       Figure::QUALIFIER_APPROXIMATE, "", "firm"},
      {"Roughly 70 ships docked.", "Roughly 70", 70,
       Figure::QUALIFIER_APPROXIMATE, "", "ship"},
      {"Some 80 ships docked.", "Some 80", 80, Figure::QUALIFIER_APPROXIMATE,
       "", "ship"},
      {"Approximately 90 ships docked.", "Approximately 90", 90,
       Figure::QUALIFIER_APPROXIMATE, "", "ship"},
      {"Fewer than 10 ships docked.", "Fewer than 10", 10,
       Figure::QUALIFIER_LESS_THAN, "", "ship"},
      {"Inflation is less than 5%.", "less than 5%", 5,
       Figure::QUALIFIER_LESS_THAN, "percent"},
      {"Under 20 people came.", "Under 20", 20, Figure::QUALIFIER_LESS_THAN, "",
       "person"},
      {"The plan could create up to 300 jobs.", "up to 300", 300,
       Figure::QUALIFIER_AT_MOST, "", "job"},
      {"At most 7 countries will join.", "At most 7", 7,
       Figure::QUALIFIER_AT_MOST, "", "country"},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
}

TEST(FindFiguresTest, VagueQuantitiesHaveNoValue) {
  const FigureCase kCases[] = {
      {"Several deals were announced.", "Several", std::nullopt,
       Figure::QUALIFIER_VAGUE, "", "deal"},
      {"Police detained dozens of protesters.", "dozens of", std::nullopt,
       Figure::QUALIFIER_VAGUE, "", "protester"},
      {"A number of firms left.", "A number of", std::nullopt,
       Figure::QUALIFIER_VAGUE, "", "firm"},
      {"Multiple reports confirmed it.", "Multiple", std::nullopt,
       Figure::QUALIFIER_VAGUE, "", "report"},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
  // Without a countable noun there is no figure.
  EXPECT_THAT(Figures("Several of them left."), IsEmpty());
}

TEST(FindFiguresTest, Ranges) {
  constexpr Figure::Qualifier kRange = Figure::QUALIFIER_RANGE;
  const FigureCase kCases[] = {
      {"The ferry carried 20-30 people.", "20-30", 20, kRange, "", "person",
       false, 30},
      {"It took between 5 and 7 weeks of talks.", "between 5 and 7 weeks", 5,
       kRange, "week", "", false, 7},
      {"Bids ranged from $1.2 million to $23.5 million, officials said.",
       "$1.2 million to $23.5 million", 1.2e6, kRange, "USD", "", false,
       23.5e6},
      {"It could affect 1.2 to 1.5 million people.", "1.2 to 1.5 million",
       1.2e6, kRange, "", "person", false, 1.5e6},
      {"They met two or three times.", "two or three", 2, kRange, "", "time",
       false, 3},
      {"Prices may rise 5 to 7%.", "5 to 7%", 5, kRange, "percent", "", false,
       7},
      {"Between five and seven ships docked.", "Between five and seven", 5,
       kRange, "", "ship", false, 7},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
}

TEST(FindFiguresTest, ChangeFromOneValueToAnotherIsTwoFigures) {
  const std::vector<Claim> figures =
      Figures("Inflation fell from 9% to 6% over the year.");
  ASSERT_THAT(figures, SizeIs(2));
  EXPECT_EQ(figures[0].text(), "9%");
  EXPECT_EQ(figures[1].text(), "6%");
  EXPECT_FALSE(figures[0].figure().has_value_max());
}

TEST(FindFiguresTest, CompoundsAndDurations) {
  const FigureCase kCases[] = {
      {"Okafor unveiled a ten-point plan.", "ten-point", 10, kExact, "",
       "plan"},
      {"She began a four-day tour of the north.", "four-day", 4, kExact, "day",
       "tour"},
      {"Okafor arrived at the start of a four-day state visit.", "four-day", 4,
       kExact, "day", "visit"},
      {"Nordvind will build a 600-megawatt offshore wind farm.", "600-megawatt",
       600, kExact, "", "farm"},
      {"For forty years we have been the harbour at the end of the line.",
       "forty years", 40, kExact, "year"},
      {"Okafor and Solberg signed seven cooperation agreements.", "seven", 7,
       kExact, "", "agreement"},
      {"Officials counted 2,450 delegates, and the corridors were crowded.",
       "2,450", 2450, kExact, "", "delegate"},
      {"The government has lost two by-elections since the winter.", "two", 2,
       kExact, "", "by-election"},
      {"A $9 billion investment package spread over the decade.", "$9 billion",
       9e9, kExact, "USD", "package"},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
}

TEST(FindFiguresTest, CountsOfTimesCarryTheirVerb) {
  const std::vector<Claim> figures =
      Figures("The foreign ministers have met 17 times since 2019.");
  ASSERT_THAT(figures, SizeIs(1));
  EXPECT_EQ(figures[0].text(), "17");
  EXPECT_EQ(figures[0].figure().counted(), "time");
  EXPECT_EQ(figures[0].predicate(), "meet");
  EXPECT_THAT(figures[0].keywords(), Contains("minister"));

  const std::vector<Claim> calls =
      Figures("Okafor and Solberg have spoken by phone three times this year.");
  ASSERT_THAT(calls, SizeIs(1));
  EXPECT_EQ(calls[0].text(), "three");
  EXPECT_EQ(calls[0].predicate(), "call");
}

TEST(FindFiguresTest, SeveralFiguresInTextOrder) {
  const std::string text =
      "Valdoria and Estmark signed seven agreements on Tuesday and announced "
      "a $12 billion investment package. Nearly 40% of gas imports cross "
      "Valdoria.";
  const std::vector<Claim> figures = Figures(text);
  ASSERT_THAT(figures, SizeIs(3));
  EXPECT_EQ(figures[0].text(), "seven");
  EXPECT_EQ(figures[0].predicate(), "sign");
  EXPECT_EQ(figures[1].text(), "$12 billion");
  EXPECT_EQ(figures[1].predicate(), "announce");
  EXPECT_EQ(figures[2].text(), "Nearly 40%");
  EXPECT_EQ(figures[2].span().begin(), text.find("Nearly"));
  EXPECT_NE(figures[1].sentence().begin(), figures[2].sentence().begin());
}

TEST(FindFiguresTest, NotFigures) {
  for (const char* text : {
           "The G20 summit opened.",
           "COVID-19 cases rose.",
           "Boeing 737 jets were grounded.",
           "Article 5 applies.",
           "It was a Catch-22 situation.",
           "The meeting starts at 5 p.m. sharp.",
           "The train left at 6:40 in the morning.",
           "One of them signed.",
           "No one came.",
           "At first, nobody came.",
           "She must first win the argument.",
           "Okafor took office in 2016.",
           "The 2016 election was close.",
           "The ceremony was held on June 5.",
           "The talks took place on 5 June 2024.",
           "The pact was signed two years ago.",
           "In 2016 the two met.",
           "The two leaders laughed on the palace steps.",
           "Their three children watched.",
           "Estmark’s two neighbours objected.",
           "The score was 2-1.",
           "She reads the news every day.",
       }) {
    EXPECT_THAT(Figures(text), IsEmpty()) << text;
  }
}

// A small number after "the" or a possessive is turned away before it is
// parsed only when no word after it can make it a figure: Figures() checks
// the gate against the exhaustive scan for each of these words.
TEST(FindFiguresTest, PointersBeforeSmallNumbersAreGatedOnlyWhereNoFigureIs) {
  for (const char* text : {
           "The two sides met.",
           "Its three sons left.",
           "The zero sums met.",
           "The two of them met.",
           "Their two Koreas talked.",
       }) {
    EXPECT_THAT(Figures(text), IsEmpty()) << text;
  }
  for (const char* text : {
           "The two thirds of voters agreed.",
           "The two dozens of eggs broke.",
           "The three hundred delegates left.",
           "The two million people voted.",
           "The two or more parties met.",
           "The two to three weeks passed.",
           "The two through four ranks held.",
           "The one in five adults smoke.",
           "The two out of five seats fell.",
           "The one over three share held.",
           "The two percent rise surprised.",
           "Their three dollars vanished.",
           "The two MUSD deal closed.",
           "The two and a half days passed.",
           "The two point five mark held.",
           "The three days passed.",
           "The two fortyfive buses left.",
           "The two quarters ended.",
           "Their two halves met.",
           "The two hundreds of people came.",
           "The one fifths rule held.",
           "The two plus parties met.",
       }) {
    Figures(text);
  }
}

TEST(FindFiguresTest, CountsOfNewThingsAreFiguresEvenAfterThe) {
  const auto figures = Figures(
      "Talks between the seven ministers lasted. "
      "Two leaders met. The 30 delegates left.");
  ASSERT_EQ(figures.size(), 3u);
  EXPECT_EQ(figures[0].figure().value(), 7);
  EXPECT_EQ(figures[1].figure().value(), 2);
  EXPECT_EQ(figures[2].figure().value(), 30);
}

TEST(FindFiguresTest, Fractions) {
  constexpr Figure::Qualifier kMore = Figure::QUALIFIER_MORE_THAN;
  const FigureCase kCases[] = {
      {"Two thirds of the delegates left.", "Two thirds", 2.0 / 3, kExact,
       "fraction", "delegate"},
      {"Two-thirds of voters agreed.", "Two-thirds", 2.0 / 3, kExact,
       "fraction", "voter"},
      {"Half of the delegates left.", "Half", 0.5, kExact, "fraction",
       "delegate"},
      {"A third of the budget went to roads.", "A third", 1.0 / 3, kExact,
       "fraction", "budget"},
      {"Three quarters of homes have power.", "Three quarters", 0.75, kExact,
       "fraction", "home"},
      {"More than half the staff quit.", "More than half", 0.5, kMore,
       "fraction", "staff"},
      {"The talks lasted one and a half days.", "one and a half days", 1.5,
       kExact, "day"},
      {"The city has 3 million and a half residents.", "3 million and a half",
       3.5e6, kExact, "", "resident"},
      {"Officials counted five and a half million votes.",
       "five and a half million", 5.5e6, kExact, "", "vote"},
      {"It raised half a million dollars.", "half a million dollars", 5e5,
       kExact, "USD"},
      {"They ordered half a dozen trucks.", "half a dozen", 6, kExact, "",
       "truck"},
      {"The wait was half an hour.", "half an hour", 0.5, kExact, "hour"},
      // A plural ordinal after "a" is the only word of such a figure that
      // names a number: it must anchor the figure by itself.
      {"He won a thirds of the vote.", "a thirds", 1.0 / 3, kExact,
       "fraction", "vote"},
      {"It rose by a tenths. Another line.", "a tenths", 0.1, kExact,
       "fraction"},
      {"They said an eighths went to the fund.", "an eighths", 0.125, kExact,
       "fraction"},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
  for (const char* text : {
           "The loaf was cut in half.",
           "Profits rose in the third quarter.",
           "She won a second term.",
           "The match was level at half-time.",
       }) {
    for (const Claim& claim : Figures(text)) {
      EXPECT_NE(claim.figure().unit(), "fraction") << text;
    }
  }
}

TEST(FindFiguresTest, FractionsInDigitsAndComposedDenominators) {
  constexpr Figure::Qualifier kMore = Figure::QUALIFIER_MORE_THAN;
  const FigureCase kCases[] = {
      {"They said 3/4 of the staff quit.", "3/4", 0.75, kExact, "fraction",
       "staff"},
      {"More than 1/2 of the people came.", "More than 1/2", 0.5, kMore,
       "fraction", "person"},
      {"The index fell -4/5 of a point.", "-4/5", -0.8, kExact, "fraction",
       "point"},
      {"The board grew 2 1/4 times.", "2 1/4", 2.25, kExact, "", "time"},
      {"Rates rose 2\u00BD points.", "2\u00BD", 2.5, kExact, "", "point"},
      {"Only \u2154 of the seats were filled.", "\u2154", 2.0 / 3, kExact,
       "fraction", "seat"},
      {"a hundredth", "a hundredth", 0.01, kExact, "fraction"},
      {"one twenty-fifth", "one twenty-fifth", 0.04, kExact, "fraction"},
      {"three twenty firsts", "three twenty firsts", 3.0 / 21, kExact,
       "fraction"},
      {"one hundred thirty-fifths", "one hundred thirty-fifths", 100.0 / 35,
       kExact, "fraction"},
      {"five - eighths", "five - eighths", 0.625, kExact, "fraction"},
      {"two and fifty-four hundredths", "two and fifty-four hundredths", 2.54},
      {"two hundred and fifty-four hundredths",
       "two hundred and fifty-four hundredths", 200.54},
      {"twenty and three and three fifths",
       "twenty and three and three fifths", 23.6},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
  // Slashes in dates and idioms are no fractions.
  for (const char* text : {"The shop is open 24/7.", "Call 5/17/2018 off."}) {
    for (const Claim& claim : Figures(text)) {
      EXPECT_NE(claim.figure().unit(), "fraction") << text;
    }
  }
  // "a hundredth" before a noun is a rank; so is "a twenty-first" one.
  const FigureCase kRanks[] = {
      {"It was the hundredth anniversary.", "hundredth", 100, kExact, "",
       "anniversary", true},
      {"It is a twenty-first century problem.", "twenty-first", 21, kExact, "",
       "problem", true},
  };
  for (const FigureCase& c : kRanks) ExpectOneFigure(c);
}

TEST(FindFiguresTest, NumbersWrittenApartOrFused) {
  const FigureCase kCases[] = {
      {"The town has 40 000 residents.", "40 000", 40000, kExact, "",
       "resident"},
      {"1 234 567", "1 234 567", 1234567},
      {"fifty - two", "fifty - two", 52},
      {"twenty\u2014fifth", "twenty\u2014fifth", 25, kExact, "", "", true},
      {"twentyfifth", "twentyfifth", 25, kExact, "", "", true},
      {"fortytwo", "fortytwo", 42},
      {"- 1,200,000", "- 1,200,000", -1.2e6},
      {"- 10  k", "- 10  k", -1e4},
      {"10G", "10G", 1e10},
      {"-.0012G", "-.0012G", -1.2e6},
      {"five dozs", "five dozs", 60},
      {"three hundred krores", "three hundred krores", 3e9},
      {"The fund got Rs 30 L.", "Rs 30 L", 3e6, kExact, "INR"},
      {"trillionth", "trillionth", 1e12, kExact, "", "", true},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
  // A list dash is no sign; "5G" in running text is no number.
  const FigureCase kNews[] = {
      {"- 10 people were hurt.", "10", 10, kExact, "", "person"},
  };
  for (const FigureCase& c : kNews) ExpectOneFigure(c);
  EXPECT_THAT(Figures("The 5G network opened."), IsEmpty());
}

TEST(FindFiguresTest, DecimalsInWordsAndZeroAfterAnd) {
  const FigureCase kCases[] = {
      {"1 point 1", "1 point 1", 1.1},
      {"point 77", "point 77", 0.77},
      {"At that point 77 people died.", "77", 77, kExact, "", "person"},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
  const auto figures = Figures("4 thousand 3 hundred and 0 are two numbers.");
  ASSERT_THAT(figures, SizeIs(3));
  EXPECT_EQ(figures[0].text(), "4 thousand 3 hundred");
  EXPECT_EQ(figures[1].text(), "0");
}

TEST(FindFiguresTest, RatiosAndScaledFractions) {
  const FigureCase kCases[] = {
      {"One in five adults smoke.", "One in five", 0.2, kExact, "fraction",
       "adult"},
      {"two out of five hundred", "two out of five hundred", 0.004, kExact,
       "fraction"},
      {"1 over 3", "1 over 3", 1.0 / 3, kExact, "fraction"},
      {"The answer is negative one over 20", "negative one over 20", -0.05,
       kExact, "fraction"},
      {"two thirds of a million", "two thirds of a million", 2e6 / 3},
      {"one billion and three quarters million",
       "one billion and three quarters million", 1000750000},
      {"one hundred and thirty fifths", "one hundred and thirty fifths", 26,
       kExact, "fraction"},
      {"The result is 12,34,567.89", "12,34,567.89", 1234567.89},
      {"The grant was Rs 1,00,000.", "Rs 1,00,000", 100000, kExact, "INR"},
      {"It came to nought point eleven", "nought point eleven", 0.11},
      {"three cr twelve lac fifty-six thousand seven hundred twenty-one",
       "three cr twelve lac fifty-six thousand seven hundred twenty-one",
       31256721},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
  // A larger first number, a time unit or a year after "in", or a first
  // number other than one before "in" make no ratio.
  for (const char* text : {"I see five out of three pieces.",
                           "He scored 2 in 10 minutes.",
                           "Only 1 in 2020 was new.",
                           "He scored 3 in 4 matches.",
                           "The vote was 52 over 48."}) {
    for (const Claim& claim : Figures(text)) {
      EXPECT_NE(claim.figure().unit(), "fraction") << text;
    }
  }
}

TEST(FindFiguresTest, MoneyWithCentsRareCurrenciesAndMillionCodes) {
  constexpr Figure::Qualifier kMore = Figure::QUALIFIER_MORE_THAN;
  const FigureCase kCases[] = {
      {"It cost 3 CAD 3 cents.", "3 CAD 3 cents", 3.03, kExact, "CAD"},
      {"It cost $20 and 43c.", "$20 and 43c", 20.43, kExact, "USD"},
      {"$20 43", "$20 43", 20.43, kExact, "USD"},
      {"It cost twenty ringgit 43 sens.", "twenty ringgit 43 sens", 20.43,
       kExact, "MYR"},
      {"It cost 3 UAH 4 kopiykas.", "3 UAH 4 kopiykas", 3.04, kExact, "UAH"},
      {"Losses reached 30 MUSD last year.", "30 MUSD", 3e7, kExact, "USD"},
      {"Revenues were MAUD 60.", "MAUD 60", 6e7, kExact, "AUD"},
      {"a dollar", "a dollar", 1, kExact, "USD"},
      {"It sold above a dollar and 42 cents.", "above a dollar and 42 cents",
       1.42, kMore, "USD"},
      {"Hey, the cost is 100\u5143!", "100\u5143", 100, kExact, "CNY"},
      {"It cost 42 L.E at the door.", "42 L.E", 42, kExact, "EGP"},
      {"He lost 10000 bitcoins.", "10000 bitcoins", 10000, kExact, "XBT"},
      {"Pay Kiran1 10eur", "10eur", 10, kExact, "EUR"},
      {"It raised $ 280 million first preferred notes.", "$ 280 million",
       2.8e8, kExact, "USD"},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
  // "a" and a currency word before a noun or "of" is no amount; an
  // ordinal takes no currency.
  EXPECT_THAT(Figures("He opened a dollar store."), IsEmpty());
  EXPECT_THAT(Figures("It weighs a pound of flesh."), IsEmpty());
  const auto figures = Figures("He became the first \u00A3 100 player.");
  ASSERT_THAT(figures, SizeIs(2));
  EXPECT_TRUE(figures[0].figure().unit().empty());
  EXPECT_EQ(figures[1].text(), "\u00A3 100");
  EXPECT_EQ(figures[1].figure().unit(), "GBP");
}

TEST(FindFiguresTest, RanksAfterVerbsOfRankingAndBoundVerbs) {
  constexpr Figure::Qualifier kMore = Figure::QUALIFIER_MORE_THAN;
  constexpr Figure::Qualifier kAtMost = Figure::QUALIFIER_AT_MOST;
  const FigureCase kCases[] = {
      {"She finished second!", "second", 2, kExact, "", "", true},
      {"He ranked fifth in the poll.", "fifth", 5, kExact, "", "", true},
      {"She won a second term.", "second", 2, kExact, "", "term", true},
      {"Sales exceeded $3bn.", "exceeded $3bn", 3e9, kMore, "USD"},
      {"surpass 3000", "surpass 3000", 3000, kMore},
      {"Numbers which are < = 100", "< = 100", 100, kAtMost},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
  for (const char* text : {"Wait a second.", "In a second, it was over.",
                           "We must first win.", "He came first time."}) {
    EXPECT_THAT(Figures(text), IsEmpty()) << text;
  }
  // An operator symbol after another is notation, no bound.
  for (const char* text : {"<>30", "=>30"}) {
    for (const Claim& claim : Figures(text)) {
      EXPECT_EQ(claim.figure().qualifier(), kExact) << text;
    }
  }
}

TEST(FindFiguresTest, OrdinalDenominatorsBarePhrasesAndUnitlessAbbreviations) {
  const FigureCase kCases[] = {
      {"one one hundred and fifth", "one one hundred and fifth", 1.0 / 105,
       kExact, "fraction"},
      {"It lasted one millionth of a second.", "one millionth", 1e-6, kExact,
       "fraction"},
      {"one twenty two", "one twenty two", 122},
      {"negative-5", "negative-5", -5},
      {"Exports hit 5 mln tonnes.", "5 mln", 5e6, kExact, "", "tonne"},
      {"The fund holds 10 bln.", "10 bln", 1e10},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
  // "one twenty" in running text may be a time: no 120.
  for (const Claim& claim : Figures("The train left at one twenty.")) {
    EXPECT_NE(claim.figure().value(), 120);
  }
  // A capitalized word is no code of millions; "one out of the park" is
  // no number.
  EXPECT_THAT(Figures("He hit one out of the park."), IsEmpty());
  for (const Claim& claim : Figures("Mars 5 was launched.")) {
    EXPECT_TRUE(claim.figure().unit().empty());
  }
  // A number word before "out of" and a number states a number.
  const auto figures = Figures("I see five out of three pieces.");
  ASSERT_THAT(figures, SizeIs(2));
  EXPECT_EQ(figures[0].text(), "five");
  EXPECT_DOUBLE_EQ(figures[0].figure().value(), 5);
}

TEST(FindFiguresTest, OrdinalsBeforeAnotherNumber) {
  const auto figures = Figures("I like the first two books.");
  ASSERT_THAT(figures, SizeIs(2));
  EXPECT_EQ(figures[0].text(), "first");
  EXPECT_TRUE(figures[0].figure().ordinal());
  EXPECT_EQ(figures[1].figure().counted(), "book");
}

TEST(FindFiguresTest, NegativeNumbers) {
  const FigureCase kCases[] = {
      {"The index closed at -1.2 points.", "-1.2", -1.2, kExact, "", "point"},
      {"It was minus 1,200,000 in the ledger.", "minus 1,200,000", -1.2e6},
      {"Growth was negative five percent.", "negative five percent", -5, kExact,
       "percent"},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
  EXPECT_THAT(Figures("The score was 2-1."), IsEmpty());
}

TEST(FindFiguresTest, ComposedNumbers) {
  const FigureCase kCases[] = {
      {"They paid 3 hundred and 21 yuan.", "3 hundred and 21 yuan", 321, kExact,
       "CNY"},
      {"The crowd was 322 hundred people.", "322 hundred", 32200, kExact, "",
       "person"},
      {"They bought 3 dozens eggs.", "3 dozens", 36, kExact, "", "egg"},
      {"They bought three hundred and two dozen eggs.",
       "three hundred and two dozen", 324, kExact, "", "egg"},
      {"The loan was 13 lakh rupees.", "13 lakh rupees", 1.3e6, kExact, "INR"},
      {"The bill is three lakh crore rupees.", "three lakh crore rupees", 3e12,
       kExact, "INR"},
      {"The fund holds 4 crores rupees.", "4 crores rupees", 4e7, kExact,
       "INR"},
      {"The limit is .08 grams.", ".08", 0.08, kExact, "", "gram"},
      {"Inflation hit two point five percent.", "two point five percent", 2.5,
       kExact, "percent"},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
  // A vague plural after a year stays vague; the year is no figure.
  const auto figures = Figures("In 2020 hundreds of delegates fled.");
  ASSERT_THAT(figures, SizeIs(1));
  EXPECT_EQ(figures[0].figure().qualifier(), Figure::QUALIFIER_VAGUE);
}

TEST(FindFiguresTest, BarePhraseIsAFigure) {
  const FigureCase kCases[] = {
      {"sixteen", "sixteen", 16},
      {"Twenty-fifth.", "Twenty-fifth", 25, kExact, "", "", true},
      {"one hundred twenty fifth", "one hundred twenty fifth", 125, kExact, "",
       "", true},
      {"100k", "100k", 1e5},
      {"-504", "-504", -504},
      {"three fifths", "three fifths", 0.6, kExact, "fraction"},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
  for (const char* text : {"The two met.", "She ran a 5k race.", "2016"}) {
    EXPECT_THAT(Figures(text), IsEmpty()) << text;
  }
}

TEST(FindFiguresTest, RangePhrasings) {
  constexpr Figure::Qualifier kRange = Figure::QUALIFIER_RANGE;
  const FigureCase kCases[] = {
      {"There were at most 100 and at least 20 apples.",
       "at most 100 and at least 20", 20, kRange, "", "apple", false, 100},
      {"The number is above 1000 and below 1500.", "above 1000 and below 1500",
       1000, kRange, "", "", false, 1500},
      {"Prices ran 20~100 a unit.", "20~100", 20, kRange, "", "", false, 100},
      {"The range is 20 through 100 points.", "20 through 100", 20, kRange, "",
       "point", false, 100},
      {"Scores of 200 or greater are rare.", "200 or greater", 200,
       Figure::QUALIFIER_AT_LEAST},
      {"Groups of 50 or fewer may meet.", "50 or fewer", 50,
       Figure::QUALIFIER_AT_MOST},
      {"The value is greater than 4,565.", "greater than 4,565", 4565,
       Figure::QUALIFIER_MORE_THAN},
      {"It must be less than or equal to 100.", "less than or equal to 100",
       100, Figure::QUALIFIER_AT_MOST},
      {"Is it still the case when >= 30?", ">= 30", 30,
       Figure::QUALIFIER_AT_LEAST},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
}

TEST(FindFiguresTest, PercentagesInWebAddressesAreNotFigures) {
  EXPECT_THAT(Figures("See https://www.test.com/search?q=30%25%2020% now."),
              IsEmpty());
  const FigureCase kCases[] = {
      {"Turnout was 100 percentage.", "100 percentage", 100, kExact, "percent"},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
}

TEST(FindFiguresTest, MoneySubunitsCodesAndCurrencies) {
  const FigureCase kCases[] = {
      {"Shares fell 34 cents.", "34 cents", 0.34, kExact, "USD"},
      {"The offer was 470 pence a share.", "470 pence", 4.7, kExact, "GBP"},
      {"It cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, kExact, "USD"},
      {"It cost thirteen dollars and forty-five cents.",
       "thirteen dollars and forty-five cents", 13.45, kExact, "USD"},
      {"The charge was C$300 million.", "C$300 million", 3e8, kExact, "CAD"},
      {"Exports reached HK $ 10.05 billion.", "HK $ 10.05 billion", 10.05e9,
       kExact, "HKD"},
      {"They sold Mex$ 10 million.", "Mex$ 10 million", 1e7, kExact, "MXN"},
      {"A ticket is 10 $ at the door.", "10 $", 10, kExact, "USD"},
      {"A ticket is 20€ at the door.", "20€", 20, kExact, "EUR"},
      {"The fee is USD115 per person.", "USD115", 115, kExact, "USD"},
      {"The fee is 115USD per person.", "115USD", 115, kExact, "USD"},
      {"The fee is GBP3.01 per person.", "GBP3.01", 3.01, kExact, "GBP"},
      {"The fee is Rs20 per person.", "Rs20", 20, kExact, "INR"},
      {"The bid was 420 million Finnish markka.", "420 million Finnish markka",
       4.2e8, kExact, "FIM"},
      {"It paid 6.65 billion pesetas.", "6.65 billion pesetas", 6.65e9, kExact,
       "ESP"},
      {"It issued 250 million Dutch guilders of bonds.",
       "250 million Dutch guilders", 2.5e8, kExact, "NLG"},
      {"The room costs RM 42 a night.", "RM 42", 42, kExact, "MYR"},
      {"The room costs 42 riyals a night.", "42 riyals", 42, kExact, "SAR"},
      {"He paid 42 bucks.", "42 bucks", 42, kExact, "USD"},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
  // A symbol against the next number is that number's.
  const auto figures = Figures("They paid 10 $20 notes.");
  ASSERT_THAT(figures, SizeIs(2));
  EXPECT_EQ(figures[1].text(), "$20");
}

TEST(FindFiguresTest, AmountsAfterTheCurrencyAndEqualBounds) {
  const FigureCase kCases[] = {
      {"It costs 15 dollars 50.", "15 dollars 50", 15.5, kExact, "USD"},
      {"The fee rose to 17 USD 25.", "17 USD 25", 17.25, kExact, "USD"},
      {"It costs 15 dollars and 50.", "15 dollars and 50", 15.5, kExact, "USD"},
      {"They lost 75 USD million last year.", "75 USD million", 7.5e7, kExact,
       "USD"},
      {"It costs 10 us dollar.", "10 us dollar", 10, kExact, "USD"},
      {"percent of 10", "percent of 10", 10, kExact, "percent"},
      {"The number equals 20.", "equals 20", 20, Figure::QUALIFIER_RANGE, "",
       "", false, 20},
      {"Debt is equal to 90% of output.", "equal to 90%", 90,
       Figure::QUALIFIER_RANGE, "percent", "output", false, 90},
      {"His score is less than 5000 or equal.", "less than 5000 or equal", 5000,
       Figure::QUALIFIER_AT_MOST},
      {"It is smaller or equal than 100.", "smaller or equal than 100", 100,
       Figure::QUALIFIER_AT_MOST},
      {"There were about 500 or more.", "about 500 or more", 500,
       Figure::QUALIFIER_AT_LEAST},
      {"It paid a 12-cent dividend.", "12-cent", 0.12, kExact, "USD",
       "dividend"},
      {"Dollar: 143.80 yen.", "143.80 yen", 143.8, kExact, "JPY"},
      {"His score is 200 or greater than.", "200 or greater than", 200,
       Figure::QUALIFIER_AT_LEAST},
      {"Losses exceeding $150 million were booked.", "exceeding $150 million",
       1.5e8, Figure::QUALIFIER_MORE_THAN, "USD"},
      {"The war lasted more than a decade.", "more than a decade", 1,
       Figure::QUALIFIER_MORE_THAN, "decade"},
      {"Talks took nearly a year.", "nearly a year", 1,
       Figure::QUALIFIER_APPROXIMATE, "year"},
      {"The nineth meeting opened.", "nineth", 9, kExact, "", "meeting", true},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
  // A bare amount after the currency must end the phrase.
  const auto paid = Figures("He paid 10 dollars 20 more times.");
  ASSERT_THAT(paid, Not(IsEmpty()));
  EXPECT_EQ(paid[0].text(), "10 dollars");
  // After "and", a multiplier no smaller than the last starts a new number.
  const auto hundreds = Figures("3 hundred and 2 hundred delegates came.");
  ASSERT_THAT(hundreds, SizeIs(2));
  EXPECT_DOUBLE_EQ(hundreds[0].figure().value(), 300);
  EXPECT_DOUBLE_EQ(hundreds[1].figure().value(), 200);
  // A number restated in parentheses is one figure.
  const auto restated = Figures("It signed 45 (forty-five) deals.");
  ASSERT_THAT(restated, SizeIs(1));
  EXPECT_EQ(restated[0].text(), "45");
  // A spaced abbreviation multiplies only in a bare phrase or for money.
  ExpectOneFigure({"2.33 k", "2.33 k", 2330});
  const auto run = Figures("5 k runners took part.");
  ASSERT_THAT(run, SizeIs(1));
  EXPECT_DOUBLE_EQ(run[0].figure().value(), 5);
  // A symbol after a number that had one is the next number's.
  const auto costs = Figures("Costs: $ 20.00 $ 37.97 in all.");
  ASSERT_THAT(costs, SizeIs(2));
  EXPECT_EQ(costs[0].text(), "$ 20.00");
  EXPECT_EQ(costs[1].text(), "$ 37.97");
  // "or less" before "than" belongs to the next number.
  const auto figures = Figures("His score is 5000 or less than 6000.");
  ASSERT_THAT(figures, SizeIs(2));
  EXPECT_EQ(figures[1].text(), "less than 6000");
  EXPECT_EQ(figures[1].figure().qualifier(), Figure::QUALIFIER_LESS_THAN);
}

TEST(FindFiguresTest, TwoWayTalksAndRecordNumbers) {
  const FigureCase kCases[] = {
      {"They held two-way talks.", "two-way", 2, kExact, "", "talk"},
      {"A record number of voters turned out.", "A record number of",
       std::nullopt, Figure::QUALIFIER_VAGUE, "", "voter"},
  };
  for (const FigureCase& c : kCases) ExpectOneFigure(c);
}

TEST(FindFiguresTest, TakenRangesAreSkipped) {
  const std::string text = "The forum drew 300 delegates.";
  Article article;
  article.set_id("a");
  article.set_text(text);
  const Document doc = MakeDocument(article);
  const size_t at = text.find("300");
  std::vector<Claim> figures;
  FindFigures(doc, {{at, at + 3}}, &figures);
  EXPECT_THAT(figures, IsEmpty());
  FindFigures(doc, {}, &figures);
  ASSERT_THAT(figures, SizeIs(1));
  EXPECT_EQ(figures[0].text(), "300");
}

}  // namespace
}  // namespace crosscheck::extract
