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
  for (const char* text : {
           "She won the 400m freestyle.",
           "He ran a 5k race.",
           "Sales reached 3.5m units.",
           "More than 2bn people watched.",
       }) {
    EXPECT_THAT(Figures(text), IsEmpty()) << text;
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

TEST(FindFiguresTest, CountsOfNewThingsAreFiguresEvenAfterThe) {
  const auto figures = Figures("Talks between the seven ministers lasted. "
                               "Two leaders met. The 30 delegates left.");
  ASSERT_EQ(figures.size(), 3u);
  EXPECT_EQ(figures[0].figure().value(), 7);
  EXPECT_EQ(figures[1].figure().value(), 2);
  EXPECT_EQ(figures[2].figure().value(), 30);
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
