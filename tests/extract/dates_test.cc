#include "src/extract/dates.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/crosscheck/v1/article.pb.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "src/extract/document.h"

namespace crosscheck::extract {
namespace {

using crosscheck::v1::Article;
using crosscheck::v1::Claim;
using crosscheck::v1::Date;
using crosscheck::v1::Note;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

// The dates and notes FindDates finds in `text`; checks the invariants every
// claim must keep.
struct Found {
  std::vector<Claim> claims;
  std::vector<Note> notes;
};

Found Dates(const std::string& text, const std::string& published,
            const std::vector<crosscheck::v1::Span>& furniture = {}) {
  Article article;
  article.set_id("a");
  article.set_text(text);
  article.set_published(published);
  for (const auto& span : furniture) *article.add_furniture() = span;
  const Document doc = MakeDocument(article);
  Found found;
  FindDates(doc, &found.claims, &found.notes);
  // Trying every token finds the same: no date escapes the anchor filter.
  Found every;
  internal::FindDatesAtEveryToken(doc, &every.claims, &every.notes);
  EXPECT_EQ(every.claims.size(), found.claims.size()) << text;
  for (size_t i = 0; i < every.claims.size() && i < found.claims.size();
       ++i) {
    EXPECT_EQ(every.claims[i].DebugString(), found.claims[i].DebugString());
  }
  EXPECT_EQ(every.notes.size(), found.notes.size()) << text;
  // No pattern is skipped at a token where it would read a date.
  EXPECT_EQ(internal::DateGateViolations(doc), std::vector<std::string>())
      << text;
  size_t previous = 0;
  for (const Claim& claim : found.claims) {
    EXPECT_EQ(claim.kind(), Claim::KIND_DATE);
    EXPECT_TRUE(claim.has_date());
    EXPECT_LE(claim.span().end(), text.size());
    EXPECT_EQ(claim.text(),
              text.substr(claim.span().begin(),
                          claim.span().end() - claim.span().begin()));
    EXPECT_LE(claim.sentence().begin(), claim.span().begin());
    EXPECT_GE(claim.sentence().end(), claim.span().end());
    EXPECT_GE(claim.span().begin(), previous) << "not in text order";
    previous = claim.span().begin();
  }
  return found;
}

struct DateCase {
  const char* text;
  const char* published;
  const char* span;
  const char* start;
  const char* end;
  Date::Granularity granularity;
  bool relative;
  const char* anchor;
};

void ExpectOneDate(const DateCase& c) {
  SCOPED_TRACE(c.text);
  const Found found = Dates(c.text, c.published);
  ASSERT_THAT(found.claims, SizeIs(1));
  const Claim& claim = found.claims[0];
  EXPECT_EQ(claim.text(), c.span);
  EXPECT_EQ(claim.date().start(), c.start);
  EXPECT_EQ(claim.date().end(), c.end);
  EXPECT_EQ(claim.date().granularity(), c.granularity);
  EXPECT_EQ(claim.date().relative(), c.relative);
  EXPECT_EQ(claim.date().anchor(), c.anchor);
  EXPECT_THAT(found.notes, IsEmpty());
}

constexpr Date::Granularity kDay = Date::GRANULARITY_DAY;
constexpr Date::Granularity kMonth = Date::GRANULARITY_MONTH;
constexpr Date::Granularity kYear = Date::GRANULARITY_YEAR;
constexpr Date::Granularity kDecade = Date::GRANULARITY_DECADE;

// At "the" before a count word, the patterns are gated on the token after
// the count: Dates() checks the gates against the exhaustive scan where
// each of them reads a date, and where none does.
TEST(FindDatesTest, GatesAfterTheAndACountLetDatesThrough) {
  for (const char* text : {
           "They met on the twenty first.",
           "They met on the thirty first of May.",
           "They met on the twenty 1st.",
           "Prices rose in the nineteen sixties.",
           "Prices rose in the eighteen nineties.",
           "Sales fell in the two past weeks.",
           "Sales fell in the three next days.",
           "Sales fell in the two thousands.",
           "Prices rose in the twenty tens.",
           "The two sides met in Lagos.",
           "The two / three split held.",
           "The three - four split held.",
           "On the two.",
       }) {
    Dates(text, "2024-06-05");
  }
}

TEST(FindDatesTest, AbsoluteDates) {
  const DateCase kCases[] = {
      {"The talks were held on June 5, 2024.", "", "June 5, 2024", "2024-06-05",
       "2024-06-05", kDay, false, ""},
      {"The vote took place on 5 June 2024.", "", "5 June 2024", "2024-06-05",
       "2024-06-05", kDay, false, ""},
      {"It happened on the 5th of June 2024.", "", "5th of June 2024",
       "2024-06-05", "2024-06-05", kDay, false, ""},
      {"Her government survived a vote on Sept. 12, 2023, narrowly.", "",
       "Sept. 12, 2023", "2023-09-12", "2023-09-12", kDay, false, ""},
      {"She resigned on Oct. 3, 2021.", "", "Oct. 3, 2021", "2021-10-03",
       "2021-10-03", kDay, false, ""},
      {"The pact expired in Sept. 2021.", "", "Sept. 2021", "2021-09",
       "2021-09", kMonth, false, ""},
      {"The filing is dated 2024-06-07.", "", "2024-06-07", "2024-06-07",
       "2024-06-07", kDay, false, ""},
      {"Okafor took office in 2016.", "", "2016", "2016", "2016", kYear, false,
       ""},
      {"It was the great storm of 1953.", "", "1953", "1953", "1953", kYear,
       false, ""},
      {"The war of 1812 was short.", "", "1812", "1812", "1812", kYear, false,
       ""},
      {"The firm was paid in 2000.", "", "2000", "2000", "2000", kYear, false,
       ""},
      {"Okafor paid the debt 2011.", "", "2011", "2011", "2011", kYear, false,
       ""},
      {"Prices soared in the 1990s.", "", "1990s", "1990", "1999", kDecade,
       false, ""},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
}

TEST(FindDatesTest, Ranges) {
  const DateCase kCases[] = {
      {"The festival ran June 5-7, 2024.", "", "June 5-7, 2024", "2024-06-05",
       "2024-06-07", kDay, false, ""},
      {"The talks ran from June 5 to 7, 2024.", "", "June 5 to 7, 2024",
       "2024-06-05", "2024-06-07", kDay, false, ""},
      {"Talks ran June 30 to July 2, 2024.", "", "June 30 to July 2, 2024",
       "2024-06-30", "2024-07-02", kDay, false, ""},
      {"The summit ran 5-7 June 2024.", "", "5-7 June 2024", "2024-06-05",
       "2024-06-07", kDay, false, ""},
      {"Output rose between 2016 and 2018.", "", "2016 and 2018", "2016",
       "2018", kYear, false, ""},
      {"The plan covered 2016-18.", "", "2016-18", "2016", "2018", kYear, false,
       ""},
      {"Prices fell from 2016 to 2018.", "", "2016 to 2018", "2016", "2018",
       kYear, false, ""},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
}

TEST(FindDatesTest, YearInferredFromPublication) {
  const DateCase kCases[] = {
      // The publication year, with the publication date as anchor.
      {"Okafor arrived in Lundby on June 3.", "2024-06-05", "June 3",
       "2024-06-03", "2024-06-03", kDay, false, "2024-06-05"},
      // A month after the publication month, in the past: the year before.
      {"The treaty was signed on October 12.", "2024-06-05", "October 12",
       "2023-10-12", "2023-10-12", kDay, false, "2024-06-05"},
      // A month before the publication month, in the future: the year after.
      {"The next summit will be held on March 3.", "2024-06-05", "March 3",
       "2025-03-03", "2025-03-03", kDay, false, "2024-06-05"},
      // A bare month needs a cue word.
      {"Parliament approved the law in May.", "2024-06-05", "May", "2024-05",
       "2024-05", kMonth, false, "2024-06-05"},
      {"The festival runs June 5-7.", "2024-05-01", "June 5-7", "2024-06-05",
       "2024-06-07", kDay, false, "2024-05-01"},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
}

TEST(FindDatesTest, RelativeDatesResolvedAgainstPublication) {
  // 2024-06-04 is a Tuesday.
  const char* const kTuesday = "2024-06-04";
  const DateCase kCases[] = {
      {"Okafor arrived in Lundby on Monday.", kTuesday, "Monday", "2024-06-03",
       "2024-06-03", kDay, true, kTuesday},
      {"The talks ended on Tuesday.", kTuesday, "Tuesday", "2024-06-04",
       "2024-06-04", kDay, true, kTuesday},
      {"Tuesday’s meeting was the thirty-first summit.", kTuesday, "Tuesday",
       "2024-06-04", "2024-06-04", kDay, true, kTuesday},
      {"She arrived on Friday.", kTuesday, "Friday", "2024-05-31", "2024-05-31",
       kDay, true, kTuesday},
      {"She will travel to Helvik on Thursday.", kTuesday, "Thursday",
       "2024-06-06", "2024-06-06", kDay, true, kTuesday},
      {"On Wednesday, Okafor is scheduled to open a forum.", kTuesday,
       "Wednesday", "2024-06-05", "2024-06-05", kDay, true, kTuesday},
      {"The visit ends on Thursday.", kTuesday, "Thursday", "2024-06-06",
       "2024-06-06", kDay, true, kTuesday},
      // "would" looks ahead; a past verb nearer looks back.
      {"The offer would remain on the table until Friday.", kTuesday,
       "Friday", "2024-06-07", "2024-06-07", kDay, true, kTuesday},
      {"The port stayed shut until Monday.", kTuesday, "Monday", "2024-06-03",
       "2024-06-03", kDay, true, kTuesday},
      // "for talks" is a noun, no schedule.
      {"Okafor arrived in Oslo on Monday for talks with Berg.", kTuesday,
       "Monday", "2024-06-03", "2024-06-03", kDay, true, kTuesday},
      // The tense of the date's own clause, not of the next one.
      {"Vasko, who flew over the valley on Friday, is expected in Lundby.",
       kTuesday, "Friday", "2024-05-31", "2024-05-31", kDay, true, kTuesday},
      {"Ministers will meet next Monday.", kTuesday, "next Monday",
       "2024-06-10", "2024-06-10", kDay, true, kTuesday},
      {"They met last Tuesday.", kTuesday, "last Tuesday", "2024-05-28",
       "2024-05-28", kDay, true, kTuesday},
      {"The law passed yesterday.", kTuesday, "yesterday", "2024-06-03",
       "2024-06-03", kDay, true, kTuesday},
      {"Markets are closed today.", kTuesday, "today", "2024-06-04",
       "2024-06-04", kDay, true, kTuesday},
      {"Parliament approved the law last month.", kTuesday, "last month",
       "2024-05", "2024-05", kMonth, true, kTuesday},
      {"Earlier this month, the law changed.", kTuesday, "Earlier this month",
       "2024-06-01", "2024-06-03", kDay, true, kTuesday},
      {"It grew 14 per cent last year.", kTuesday, "last year", "2023", "2023",
       kYear, true, kTuesday},
      {"Elections are due next year.", kTuesday, "next year", "2025", "2025",
       kYear, true, kTuesday},
      {"The deals were signed earlier this week.", kTuesday,
       "earlier this week", "2024-06-03", "2024-06-03", kDay, true, kTuesday},
      {"Talks continue this week.", kTuesday, "this week", "2024-06-03",
       "2024-06-09", kDay, true, kTuesday},
      {"The ministers met last week.", kTuesday, "last week", "2024-05-27",
       "2024-06-02", kDay, true, kTuesday},
      {"The pact was signed two years ago.", kTuesday, "two years ago", "2022",
       "2022", kYear, true, kTuesday},
      {"The blockade began 10 days ago.", kTuesday, "10 days ago", "2024-05-25",
       "2024-05-25", kDay, true, kTuesday},
      // "last <month>": the most recent such month strictly before the
      // publication month.
      {"The referendum was held last October.", kTuesday, "last October",
       "2023-10", "2023-10", kMonth, true, kTuesday},
      {"The referendum was held last May.", kTuesday, "last May", "2024-05",
       "2024-05", kMonth, true, kTuesday},
      {"The referendum was held last June.", kTuesday, "last June", "2023-06",
       "2023-06", kMonth, true, kTuesday},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
}

// The span leaves out a possessive ending however it is written: "'s",
// "’s", and in capitals "'S", which is two bytes like "'s".
TEST(FindDatesTest, PossessiveEndingIsLeftOutOfTheSpan) {
  const char* const kTuesday = "2024-06-04";
  const DateCase kCases[] = {
      {"MONDAY'S MEETING ENDED LATE.", kTuesday, "MONDAY", "2024-06-03",
       "2024-06-03", kDay, true, kTuesday},
      {"Monday's meeting ended late.", kTuesday, "Monday", "2024-06-03",
       "2024-06-03", kDay, true, kTuesday},
      {"Monday’s meeting ended late.", kTuesday, "Monday", "2024-06-03",
       "2024-06-03", kDay, true, kTuesday},
      {"LAST WEEK'S DEAL HELD.", kTuesday, "LAST WEEK", "2024-05-27",
       "2024-06-02", kDay, true, kTuesday},
      {"Last week’s deal held.", kTuesday, "Last week", "2024-05-27",
       "2024-06-02", kDay, true, kTuesday},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
}

// Hours, minutes and seconds count back whole days, not the publication day
// whatever the count.
TEST(FindDatesTest, HoursAgoCountWholeDays) {
  const char* const kTuesday = "2024-06-04";
  const DateCase kCases[] = {
      {"The ceasefire began 48 hours ago.", kTuesday, "48 hours ago",
       "2024-06-02", "2024-06-02", kDay, true, kTuesday},
      {"The ceasefire began 36 hours ago.", kTuesday, "36 hours ago",
       "2024-06-03", "2024-06-03", kDay, true, kTuesday},
      {"The ceasefire began three hours ago.", kTuesday, "three hours ago",
       "2024-06-04", "2024-06-04", kDay, true, kTuesday},
      {"The ceasefire began 2880 minutes ago.", kTuesday, "2880 minutes ago",
       "2024-06-02", "2024-06-02", kDay, true, kTuesday},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
}

TEST(FindDatesTest, LongAgoCountsUpToTenThousand) {
  const char* const kTuesday = "2024-06-04";
  const DateCase kCases[] = {
      {"The town was founded 10000 days ago.", kTuesday, "10000 days ago",
       "1997-01-17", "1997-01-17", kDay, true, kTuesday},
      {"The treaty was signed 20 centuries ago.", kTuesday, "20 centuries ago",
       "0024", "0024", kYear, true, kTuesday},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
}

// "N <units> ago" with a count above 10,000 is no date, with or without a
// publication date: no claim, no note, and no arithmetic that could
// overflow.
TEST(FindDatesTest, AgoWithHugeCountIsNotADate) {
  for (const char* text : {
           "The pact was signed 10001 days ago.",
           "The pact was signed 20000 weeks ago.",
           "The pact was signed 2147483647 centuries ago.",
           "The pact was signed 99999999999999999999 weeks ago.",
       }) {
    for (const char* published : {"2024-06-04", ""}) {
      const Found found = Dates(text, published);
      EXPECT_THAT(found.claims, IsEmpty()) << text << " " << published;
      EXPECT_THAT(found.notes, IsEmpty()) << text << " " << published;
    }
  }
}

// Counting back past the year 1 is no date either.
TEST(FindDatesTest, AgoBeforeTheYearOneIsNotADate) {
  for (const char* text : {
           "The dynasty began 10000 years ago.",
           "The dynasty began 30 centuries ago.",
           "The dynasty began 9999 decades ago.",
       }) {
    const Found found = Dates(text, "2024-06-04");
    EXPECT_THAT(found.claims, IsEmpty()) << text;
    EXPECT_THAT(found.notes, IsEmpty()) << text;
  }
}

// Published on a Monday, no day of the week comes before publication; on a
// Sunday none comes after it. The date is left unresolved, with a note.
TEST(FindDatesTest, EmptyPartOfTheWeekIsUnresolvedWithANote) {
  struct Case {
    const char* text;
    const char* published;
    const char* span;
    const char* weekday;
  };
  const Case kCases[] = {
      {"The deals were signed earlier this week.", "2024-06-03",
       "earlier this week", "Monday"},
      {"Earlier this month, the law changed.", "2024-06-01",
       "Earlier this month", "first day of its month"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    const Found found = Dates(c.text, c.published);
    ASSERT_THAT(found.claims, SizeIs(1));
    const Claim& claim = found.claims[0];
    EXPECT_EQ(claim.text(), c.span);
    EXPECT_TRUE(claim.date().relative());
    EXPECT_EQ(claim.date().start(), "");
    EXPECT_EQ(claim.date().end(), "");
    EXPECT_EQ(claim.date().anchor(), "");
    EXPECT_EQ(claim.date().granularity(), kDay);
    ASSERT_THAT(found.notes, SizeIs(1));
    const Note& note = found.notes[0];
    EXPECT_EQ(note.severity(), Note::SEVERITY_INFO);
    EXPECT_EQ(note.code(), "unresolved-date");
    EXPECT_EQ(note.span().begin(), claim.span().begin());
    EXPECT_EQ(note.span().end(), claim.span().end());
    EXPECT_THAT(note.message(), HasSubstr(c.span));
    EXPECT_THAT(note.message(), HasSubstr(c.weekday));
  }
  // The day after a Monday and the day before a Sunday resolve.
  ExpectOneDate({"The deals were signed earlier this week.", "2024-06-04",
                 "earlier this week", "2024-06-03", "2024-06-03", kDay, true,
                 "2024-06-04"});
  // "later this week" starts on publication day, at the earliest on the
  // Thursday.
  ExpectOneDate({"More deals will follow later this week.", "2024-06-08",
                 "later this week", "2024-06-08", "2024-06-09", kDay, true,
                 "2024-06-08"});
  ExpectOneDate({"More deals will follow later this week.", "2024-06-09",
                 "later this week", "2024-06-09", "2024-06-09", kDay, true,
                 "2024-06-09"});
  ExpectOneDate({"More deals will follow later this week.", "2024-06-03",
                 "later this week", "2024-06-06", "2024-06-09", kDay, true,
                 "2024-06-03"});
}

// Parts of a period, by Recognizers-Text's conventions (dates.h).
TEST(FindDatesTest, PartsOfAPeriod) {
  const DateCase kCases[] = {
      // A year written out splits in thirds, a relative one in halves.
      {"The firm was founded at the end of 2000.", "2020-04-23",
       "the end of 2000", "2000-09", "2000-12", kMonth, false, ""},
      {"The firm was founded at the beginning of 2000.", "2020-04-23",
       "the beginning of 2000", "2000-01", "2000-04", kMonth, false, ""},
      {"We have lived here from mid 1989.", "2020-04-27", "mid 1989",
       "1989-05", "1989-08", kMonth, false, ""},
      {"The firm was founded in the middle of 2000.", "2020-04-23",
       "the middle of 2000", "2000-05", "2000-08", kMonth, false, ""},
      {"Sales rose in mid-2016.", "", "mid-2016", "2016-05", "2016-08",
       kMonth, false, ""},
      {"A party will be held at the end of this year.", "2016-11-07",
       "the end of this year", "2016-07", "2016-12", kMonth, true,
       "2016-11-07"},
      // A bare period word after the phrase is the current period.
      {"A party will be held at the end of year.", "2018-11-23",
       "the end of year", "2018-07", "2018-12", kMonth, true, "2018-11-23"},
      {"They will party end of month.", "2018-11-27", "end of month",
       "2018-11-16", "2018-11-30", kDay, true, "2018-11-27"},
      {"The disks will be renewed the end of the week.", "2018-11-29",
       "the end of the week", "2018-11-29", "2018-12-02", kDay, true,
       "2018-11-29"},
      {"Let us meet mid next week.", "2017-11-08", "mid next week",
       "2017-11-14", "2017-11-17", kDay, true, "2017-11-08"},
      {"Talks ended in mid-November, 2 officials said.", "2018-07-13",
       "mid-November", "2017-11-10", "2017-11-20", kDay, false, "2018-07-13"},
      // "earlier"/"later": a half, cut at publication in the current one.
      {"We met earlier this month.", "2018-05-28", "earlier this month",
       "2018-05-01", "2018-05-15", kDay, true, "2018-05-28"},
      {"We met earlier this year.", "2018-05-28", "earlier this year",
       "2018-01-01", "2018-05-27", kDay, true, "2018-05-28"},
      {"We could have met earlier in the week.", "2018-05-31",
       "earlier in the week", "2018-05-28", "2018-05-30", kDay, true,
       "2018-05-31"},
      {"Let us meet later this year.", "2018-05-28", "later this year",
       "2018-07-01", "2018-12-31", kDay, true, "2018-05-28"},
      {"Let us meet later in the year.", "2017-11-08", "later in the year",
       "2017-11-08", "2017-12-31", kDay, true, "2017-11-08"},
      {"He took a test earlier previous week.", "2018-11-30",
       "earlier previous week", "2018-11-19", "2018-11-21", kDay, true,
       "2018-11-30"},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
}

TEST(FindDatesTest, MonthAndDayWrittenTogether) {
  for (const DateCase& c : std::vector<DateCase>{
           {"I'll go back Oct2.", "2016-11-07", "Oct2", "2017-10-02",
            "2017-10-02", kDay, false, "2016-11-07"},
           {"Eli Lilly sold IVAC on Dec31 , 1994.", "2018-05-01",
            "Dec31 , 1994", "1994-12-31", "1994-12-31", kDay, false, ""},
           {"We set something up for October, 1st.", "2018-08-21",
            "October, 1st", "2017-10-01", "2017-10-01", kDay, false,
            "2018-08-21"},
           {"Show me the records for August 99.", "", "August 99", "1999-08",
            "1999-08", kMonth, false, ""},
           // February 29 without a year: the latest leap year.
           {"It was due on Feb 29.", "2017-03-22", "Feb 29", "2016-02-29",
            "2016-02-29", kDay, false, "2017-03-22"},
       }) {
    ExpectOneDate(c);
  }
  // A lowercase "may" glued to a number is no month; a number that can be
  // a day or is followed by a word is no year.
  EXPECT_THAT(Dates("The tool may2 run.", "2016-11-07").claims, IsEmpty());
  // A month and day in one dotted or hyphenated token needs a cue and no
  // word after it.
  EXPECT_THAT(Dates("Shares rose on 4.22 million trades.", "2016-11-07")
                  .claims,
              IsEmpty());
  EXPECT_THAT(Dates("The score was 4-2.", "2016-11-07").claims, IsEmpty());
  {
    const Found listed = Dates(
        "Find us 30 minutes on 11/20, 11/22 or 11/25.", "2018-11-28");
    ASSERT_THAT(listed.claims, SizeIs(3));
    EXPECT_EQ(listed.claims[1].text(), "11/22");
    EXPECT_EQ(listed.claims[1].date().start(), "2018-11-22");
    EXPECT_EQ(listed.claims[2].text(), "11/25");
  }
  {
    // A quarter of a relative year without a publication date is one
    // unresolved claim.
    const Found quarter = Dates("I'll be out the third quarter this year.", "");
    ASSERT_THAT(quarter.claims, SizeIs(1));
    EXPECT_EQ(quarter.claims[0].text(), "the third quarter this year");
    EXPECT_TRUE(quarter.claims[0].date().relative());
    EXPECT_EQ(quarter.claims[0].date().start(), "");
  }
  // Without a cue a season ends a clause, and "the fall" is no season.
  EXPECT_THAT(Dates("They survived the fall.", "2016-11-07").claims,
              IsEmpty());
  EXPECT_THAT(Dates("They spent the summer abroad.", "2016-11-07").claims,
              IsEmpty());
  for (const Claim& claim :
       Dates("In August 99 people left.", "2016-11-07").claims) {
    EXPECT_NE(claim.text(), "August 99");
  }
}

TEST(FindDatesTest, YearAndMonthInAnyOrder) {
  for (const DateCase& c : std::vector<DateCase>{
           {"Output was flat in 2016 November.", "", "2016 November", "2016-11",
            "2016-11", kMonth, false, ""},
           {"She was born in April of 1987.", "", "April of 1987", "1987-04",
            "1987-04", kMonth, false, ""},
           {"It happened in June of nineteen ninety nine.", "",
            "June of nineteen ninety nine", "1999-06", "1999-06", kMonth,
            false, ""},
           {"The conference was in October two thousand and five.", "",
            "October two thousand and five", "2005-10", "2005-10", kMonth,
            false, ""},
           {"I was born in April of 87.", "2018-01-07", "April of 87",
            "1987-04", "1987-04", kMonth, false, ""},
           {"I was born on 15 April of 87.", "2018-01-07", "15 April of 87",
            "1987-04-15", "1987-04-15", kDay, false, ""},
           {"I'll be out August two thousand and fifteen.", "",
            "August two thousand and fifteen", "2015-08", "2015-08", kMonth,
            false, ""},
           {"Sales in 11-2016 rose.", "", "11-2016", "2016-11", "2016-11",
            kMonth, false, ""},
           {"Sales in 2016 / 11 rose.", "", "2016 / 11", "2016-11", "2016-11",
            kMonth, false, ""},
           {"The filing is dated 11/12,2016.", "", "11/12,2016", "2016-11-12",
            "2016-11-12", kDay, false, ""},
           {"Sales rose in 2017 q1.", "", "2017 q1", "2017-01", "2017-03",
            kMonth, false, ""},
           {"Profits peaked in 2018Q4.", "", "2018Q4", "2018-10", "2018-12",
            kMonth, false, ""},
           {"Exports rose in Oct, officials said.", "2024-06-04", "Oct",
            "2023-10", "2023-10", kMonth, false, "2024-06-04"},
           {"The fleet sailed on the tenth of September 2019.", "",
            "tenth of September 2019", "2019-09-10", "2019-09-10", kDay, false,
            ""},
           // Consecutive years are a season, not a month.
           {"The 2011 - 12 season was long.", "", "2011", "2011", "2011", kYear,
            false, ""},
       }) {
    ExpectOneDate(c);
  }
}

TEST(FindDatesTest, WeekdaysInsideLongerDates) {
  const char* const kTuesday = "2024-06-04";
  for (const DateCase& c : std::vector<DateCase>{
           {"The ministers will meet next week on Friday.", kTuesday,
            "next week on Friday", "2024-06-14", "2024-06-14", kDay, true,
            kTuesday},
           {"The vote is on Friday next week.", kTuesday, "Friday next week",
            "2024-06-14", "2024-06-14", kDay, true, kTuesday},
           {"The talks ended Friday the 31st.", kTuesday, "Friday the 31st",
            "2024-05-31", "2024-05-31", kDay, true, kTuesday},
           {"The board meets the second Monday of next month.", kTuesday,
            "the second Monday of next month", "2024-07-08", "2024-07-08",
            kDay, true, kTuesday},
           {"The fair opens second Sunday.", "2017-09-27", "second Sunday",
            "2017-09-10", "2017-09-10", kDay, true, "2017-09-27"},
           {"We met the third Tuesday.", "2017-09-27", "the third Tuesday",
            "2017-09-19", "2017-09-19", kDay, true, "2017-09-27"},
           {"Voting runs 4 to 8 next month.", kTuesday, "4 to 8 next month",
            "2024-07-04", "2024-07-08", kDay, true, kTuesday},
           {"The deadline is the 20th of next month.", kTuesday,
            "the 20th of next month", "2024-07-20", "2024-07-20", kDay, true,
            kTuesday},
       }) {
    ExpectOneDate(c);
  }
}

TEST(FindDatesTest, PeriodsAndOffsets) {
  const char* const kTuesday = "2024-06-04";
  for (const DateCase& c : std::vector<DateCase>{
           {"The court will rule the week after next.", kTuesday,
            "the week after next", "2024-06-17", "2024-06-23", kDay, true,
            kTuesday},
           {"Profits will rise next quarter.", kTuesday, "next quarter",
            "2024-07", "2024-09", kMonth, true, kTuesday},
           {"Growth will slow in the next decade.", kTuesday, "next decade",
            "2030", "2039", kDecade, true, kTuesday},
           {"Stores stay shut for the rest of the week.", kTuesday,
            "the rest of the week", "2024-06-04", "2024-06-09", kDay, true,
            kTuesday},
           {"Crews worked through the rest of current week.", kTuesday,
            "the rest of current week", "2024-06-04", "2024-06-09", kDay,
            true, kTuesday},
           {"The drought began last summer.", kTuesday, "last summer",
            "2023-06", "2023-08", kMonth, true, kTuesday},
           {"The dam will open next winter.", kTuesday, "next winter",
            "2024-12", "2025-02", kMonth, true, kTuesday},
           {"Talks stalled in the spring.", kTuesday, "the spring", "2024-03",
            "2024-05", kMonth, true, kTuesday},
           {"They spent the winter.", kTuesday, "the winter", "2023-12",
            "2024-02", kMonth, true, kTuesday},
           {"The stock is down 20% in the year to date.", "2018-09-07",
            "year to date", "2018-01-01", "2018-09-06", kDay, true,
            "2018-09-07"},
           {"Year-to-date sales fell.", "2018-09-07", "Year-to-date",
            "2018-01-01", "2018-09-06", kDay, true, "2018-09-07"},
           {"Sales fell month to date.", "2018-09-07", "month to date",
            "2018-09-01", "2018-09-06", kDay, true, "2018-09-07"},
           {"I'll go back Monday two weeks from now.", "2016-11-09",
            "Monday two weeks from now", "2016-11-21", "2016-11-21", kDay,
            true, "2016-11-09"},
           {"I'll go back Sunday 3 weeks after January 15th.", "2021-01-02",
            "Sunday 3 weeks after January 15th", "2021-01-31", "2021-01-31",
            kDay, false, "2021-01-02"},
           {"I'll go back in 3 days on Friday.", "2016-11-09",
            "in 3 days on Friday", "2016-11-11", "2016-11-11", kDay, true,
            "2016-11-09"},
           {"The event happened in two years since 2011.", "2019-03-10",
            "in two years since 2011", "2013-01-01", "2013-01-01", kDay,
            false, ""},
           {"The event happened in two weeks since the year 2011.",
            "2019-03-10", "in two weeks since the year 2011", "2011-01-15",
            "2011-01-15", kDay, false, ""},
           {"A big party will be held at the EOY.", "2018-11-23", "EOY",
            "2018-07", "2018-12", kMonth, true, "2018-11-23"},
           {"Invoices are due EOM.", "2018-11-23", "EOM", "2018-11-16",
            "2018-11-30", kDay, true, "2018-11-23"},
           {"It will happen 4 weeks in the future.", "2016-11-07",
            "4 weeks in the future", "2016-11-08", "2016-12-05", kDay, true,
            "2016-11-07"},
           {"It happened 3 days in the past.", "2016-11-07",
            "3 days in the past", "2016-11-04", "2016-11-06", kDay, true,
            "2016-11-07"},
           {"It will happen this working week.", "2018-06-26",
            "this working week", "2018-06-25", "2018-06-29", kDay, true,
            "2018-06-26"},
           {"It will happen on next workweek.", "2018-06-26", "next workweek",
            "2018-07-02", "2018-07-06", kDay, true, "2018-06-26"},
           {"This task will be done less than 3 days after tomorrow.",
            "2018-05-29", "less than 3 days after tomorrow", "2018-05-30",
            "2018-06-01", kDay, true, "2018-05-29"},
           {"This task will start within 2 weeks before yesterday.",
            "2018-06-22", "2 weeks before yesterday", "2018-06-07",
            "2018-06-07", kDay, true, "2018-06-22"},
           {"We'll meet in 3 years.", "2016-11-07", "in 3 years",
            "2019-11-07", "2019-11-07", kDay, true, "2016-11-07"},
           {"This task should be done next 6th of April.", "2019-05-20",
            "next 6th of April", "2020-04-06", "2020-04-06", kDay, false,
            "2019-05-20"},
           {"This task should be done next 5/12.", "2019-05-20",
            "next 5/12", "2020-05-12", "2020-05-12", kDay, false,
            "2019-05-20"},
           {"It runs from this 5/12 to next 5/19.", "2019-05-20",
            "this 5/12 to next 5/19", "2019-05-12", "2020-05-19", kDay, false,
            "2019-05-20"},
           {"It will open in the first week of Oct.", kTuesday,
            "the first week of Oct", "2024-09-30", "2024-10-06", kDay, false,
            kTuesday},
           {"The pact was signed 1 month 21 days ago.", kTuesday,
            "1 month 21 days ago", "2024-04-13", "2024-04-13", kDay, true,
            kTuesday},
           {"The pact was signed a year and two months ago.", kTuesday,
            "a year and two months ago", "2023-04", "2023-04", kMonth,
            true, kTuesday},
           {"Talks resume two days after today.", kTuesday,
            "two days after today", "2024-06-06", "2024-06-06", kDay, true,
            kTuesday},
           {"The polls close three weeks before June 30, 2024.", "",
            "three weeks before June 30, 2024", "2024-06-09", "2024-06-09",
            kDay, false, ""},
       }) {
    ExpectOneDate(c);
  }
}

TEST(FindDatesTest, LaterCountsFromTheDateBeforeIt) {
  const Found found = Dates(
      "He was arrested on June 5, 2024, and freed three days later.", "");
  ASSERT_THAT(found.claims, SizeIs(2));
  EXPECT_EQ(found.claims[1].text(), "three days later");
  EXPECT_EQ(found.claims[1].date().start(), "2024-06-08");
  EXPECT_EQ(found.claims[1].date().end(), "2024-06-08");
  // Nor after a date that is not a single day.
  const Found month = Dates(
      "The bill passed last month and was signed 3 weeks later.",
      "2024-06-04");
  ASSERT_THAT(month.claims, SizeIs(1));
  EXPECT_EQ(month.claims[0].text(), "last month");
  // Without a date before it, "three days later" is no date.
  // "two thousand" before a noun is a count, not a year of the month.
  {
    const Found found =
        Dates("In October two thousand people marched.", "2024-06-04");
    ASSERT_THAT(found.claims, SizeIs(1));
    EXPECT_EQ(found.claims[0].text(), "October");
  }
  EXPECT_THAT(Dates("He was freed three days later.", "2024-06-04").claims,
              IsEmpty());
}

TEST(FindDatesTest, WeekdayWithDateIsAbsolute) {
  ExpectOneDate({"The visit runs from Monday, June 3, 2024.", "2024-06-05",
                 "Monday, June 3, 2024", "2024-06-03", "2024-06-03", kDay,
                 false, ""});
}

TEST(FindDatesTest, NumericDatesReadMonthFirstUnlessTheFirstIsAboveTwelve) {
  const DateCase kCases[] = {
      {"The deal was signed on 02/22/2016.", "", "02/22/2016", "2016-02-22",
       "2016-02-22", kDay, false, ""},
      {"It was dated 21/04/2016.", "", "21/04/2016", "2016-04-21",
       "2016-04-21", kDay, false, ""},
      {"Records from 2015/08/12 show it.", "", "2015/08/12", "2015-08-12",
       "2015-08-12", kDay, false, ""},
      {"We went back on 4-22.", "2016-11-07", "4-22", "2016-04-22",
       "2016-04-22", kDay, false, "2016-11-07"},
      {"I'll go back in 4.22", "2016-11-07", "4.22", "2017-04-22",
       "2017-04-22", kDay, false, "2016-11-07"},
      {"The letter of 9-18-15 said so.", "", "9-18-15", "2015-09-18",
       "2015-09-18", kDay, false, ""},
      {"The audit of 2015.5.13 found gaps.", "", "2015.5.13", "2015-05-13",
       "2015-05-13", kDay, false, ""},
      {"Sales fell in 2015-3.", "", "2015-3", "2015-03", "2015-03", kMonth,
       false, ""},
      {"Sales fell in 2016-11.", "", "2016-11", "2016-11", "2016-11", kMonth,
       false, ""},
      {"Sales fell in 3/2015.", "", "3/2015", "2015-03", "2015-03", kMonth,
       false, ""},
      {"He left in Dec/2018.", "", "Dec/2018", "2018-12", "2018-12", kMonth,
       false, ""},
      {"He left in November, 2016.", "", "November, 2016", "2016-11",
       "2016-11", kMonth, false, ""},
      {"The vote on 4/22 was close.", "2016-11-07", "4/22", "2016-04-22",
       "2016-04-22", kDay, false, "2016-11-07"},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
}

TEST(FindDatesTest, TwoDatesJoinedByARangeWordAreOneRange) {
  const DateCase kCases[] = {
      {"Prices rose from 2014 through May 2018.", "", "2014 through May 2018",
       "2014-01", "2018-05", kMonth, false, ""},
      {"It ran between January 1st 2015 and Feb 5th 2018.", "",
       "January 1st 2015 and Feb 5th 2018", "2015-01-01", "2018-02-05", kDay,
       false, ""},
      {"It ran from June 5 to July 2, 2024.", "", "June 5 to July 2, 2024",
       "2024-06-05", "2024-07-02", kDay, false, ""},
      {"It ran from 10/1 to 11/7.", "2018-10-24", "10/1 to 11/7",
       "2018-10-01", "2018-11-07", kDay, false, "2018-10-24"},
      {"It ran from 10/25 to 01/25.", "2018-10-24", "10/25 to 01/25",
       "2018-10-25", "2019-01-25", kDay, false, "2018-10-24"},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
}

TEST(FindDatesTest, RangesWrittenWithoutSpacesOrAcrossMonths) {
  const DateCase kCases[] = {
      {"I will leave from 5/1-5/7/2020.", "2018-10-24", "5/1-5/7/2020",
       "2020-05-01", "2020-05-07", kDay, false, ""},
      {"I will leave from 5/1-5/7, 2020.", "2018-10-24", "5/1-5/7, 2020",
       "2020-05-01", "2020-05-07", kDay, false, ""},
      {"I will leave from 5/1/2019-5/7/2020.", "2018-10-24",
       "5/1/2019-5/7/2020", "2019-05-01", "2020-05-07", kDay, false, ""},
      {"My vacation is from 10-1-2018-10-7-2018.", "2018-10-24",
       "10-1-2018-10-7-2018", "2018-10-01", "2018-10-07", kDay, false, ""},
      {"The period is 10/1-11/2/2017.", "2018-10-24", "10/1-11/2/2017",
       "2017-10-01", "2017-11-02", kDay, false, ""},
      {"We had a vacation between 10/1-11/7.", "2018-12-24", "10/1-11/7",
       "2018-10-01", "2018-11-07", kDay, false, "2018-12-24"},
      {"APEC met in Korea Nov 18-Dec 19, 2015.", "2018-10-24",
       "Nov 18-Dec 19, 2015", "2015-11-18", "2015-12-19", kDay, false, ""},
      {"APEC met in Korea Nov 18 2014-Dec 19 2015.", "2018-10-24",
       "Nov 18 2014-Dec 19 2015", "2014-11-18", "2015-12-19", kDay, false,
       ""},
      {"I was out November between 19 and 20.", "2016-11-30",
       "November between 19 and 20", "2016-11-19", "2016-11-20", kDay, false,
       "2016-11-30"},
      {"I was out from 4 to January 22, 1995.", "2016-11-07",
       "4 to January 22, 1995", "1995-01-04", "1995-01-22", kDay, false, ""},
      // Months without a year: the second end's year rules.
      {"What will happen from Sep to Nov?", "2018-09-07", "Sep to Nov",
       "2018-09", "2018-11", kMonth, false, "2018-09-07"},
      {"What will happen from Nov to March?", "2018-09-07", "Nov to March",
       "2018-11", "2019-03", kMonth, false, "2018-09-07"},
      {"It happened May to March.", "2018-09-07", "May to March", "2017-05",
       "2018-03", kMonth, false, "2018-09-07"},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
  // A range of scores is no date.
  EXPECT_THAT(Dates("They won 5/1-5/7.", "2018-10-24").claims, IsEmpty());
}

TEST(FindDatesTest, NumbersInWords) {
  const DateCase kCases[] = {
      {"They left in nineteen ninety six, aged 9.", "", "nineteen ninety six", "1996",
       "1996", kYear, false, ""},
      {"Show 3 sales in two thousand and twenty.", "", "two thousand and twenty",
       "2020", "2020", kYear, false, ""},
      {"It was 1 war in one thousand seven hundred and eighty nine.", "",
       "one thousand seven hundred and eighty nine", "1789", "1789", kYear,
       false, ""},
      {"She was born on January twenty five nineteen eighty six.", "",
       "January twenty five nineteen eighty six", "1986-01-25", "1986-01-25",
       kDay, false, ""},
      {"She was born on twenty five January nineteen eighty six.", "",
       "twenty five January nineteen eighty six", "1986-01-25", "1986-01-25",
       kDay, false, ""},
      {"On fifteen August nineteen hundred ninety three, it opened.", "",
       "fifteen August nineteen hundred ninety three", "1993-08-15",
       "1993-08-15", kDay, false, ""},
      {"They sailed on 6 April seventeen hundred thirty three.", "",
       "6 April seventeen hundred thirty three", "1733-04-06", "1733-04-06",
       kDay, false, ""},
      {"It opened on September 10, nineteen zero one.", "",
       "September 10, nineteen zero one", "1901-09-10", "1901-09-10", kDay,
       false, ""},
      // "and" is a cue before a range's second end only.
      {"Sales fell from two thousand until two thousand and four.", "",
       "two thousand until two thousand and four", "2000", "2004", kYear,
       false, ""},
      {"I went back May twenty-first.", "2016-11-07", "May twenty-first",
       "2016-05-21", "2016-05-21", kDay, false, "2016-11-07"},
      {"I went back Jan first.", "2016-11-07", "Jan first", "2016-01-01",
       "2016-01-01", kDay, false, "2016-11-07"},
      {"I went back twenty second of June.", "2016-11-07",
       "twenty second of June", "2016-06-22", "2016-06-22", kDay, false,
       "2016-11-07"},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
  // Counts in words are no years.
  for (const char* text : {"It cost two thousand dollars in all.",
                           "They met in two thousand places, 3 said.",
                           "The total was two hundred and two thousand.",
                           "It rose from ten to two thousand."}) {
    EXPECT_THAT(Dates(text, "2016-11-07").claims, IsEmpty()) << text;
  }
  // A plain number word before a noun is no day: "May", not "May five".
  const Found found = Dates("In May five people left.", "2016-11-07");
  ASSERT_THAT(found.claims, SizeIs(1));
  EXPECT_EQ(found.claims[0].text(), "May");
}

TEST(FindDatesTest, RangesToAndFromNow) {
  const DateCase kCases[] = {
      {"We will meet between now and November 15th.", "2019-04-23",
       "now and November 15th", "2019-04-23", "2019-11-15", kDay, true,
       "2019-04-23"},
      {"Prices rose between Jan 22 and now.", "2019-04-25", "Jan 22 and now",
       "2019-01-22", "2019-04-25", kDay, true, "2019-04-25"},
      {"Sales rose from March to date.", "2016-11-07", "March to date",
       "2016-03-01", "2016-11-07", kDay, true, "2016-11-07"},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
}

TEST(FindDatesTest, WithoutPublicationDateARelativeRangeIsOneClaim) {
  for (const char* text :
       {"The office is shut today till tomorrow.",
        "The fair runs Friday through Sunday.",
        "The office is shut this Friday until next Sunday."}) {
    SCOPED_TRACE(text);
    const Found found = Dates(text, "");
    ASSERT_THAT(found.claims, SizeIs(1));
    EXPECT_TRUE(found.claims[0].date().relative());
    EXPECT_EQ(found.claims[0].date().start(), "");
    EXPECT_EQ(found.claims[0].date().granularity(), kDay);
    EXPECT_THAT(found.notes, SizeIs(1));
  }
  // "now" is a date only at an end of a range.
  EXPECT_THAT(Dates("The shop is now open.", "2019-04-23").claims, IsEmpty());
  EXPECT_THAT(Dates("From now on, it is open.", "2019-04-23").claims,
              IsEmpty());
}

TEST(FindDatesTest, CountedSpansAroundPublication) {
  const DateCase kCases[] = {
      {"What happened in the 5 past years?", "2018-08-30", "the 5 past years",
       "2013-08-30", "2018-08-29", kDay, true, "2018-08-30"},
      {"It will rain in the 2 next days.", "2018-08-30", "the 2 next days",
       "2018-08-31", "2018-09-01", kDay, true, "2018-08-30"},
      {"I will come back within 2 weeks from today.", "2018-05-29",
       "within 2 weeks from today", "2018-05-29", "2018-06-11", kDay, true,
       "2018-05-29"},
      {"It will start within the next 2 weeks after today.", "2018-05-29",
       "within the next 2 weeks after today", "2018-05-29", "2018-06-11",
       kDay, true, "2018-05-29"},
      {"I will be back within next 10 months.", "2018-03-23",
       "within next 10 months", "2018-03-23", "2019-01-22", kDay, true,
       "2018-03-23"},
      {"Prices rose over the past week.", "2016-11-07", "the past week",
       "2016-10-31", "2016-11-06", kDay, true, "2016-11-07"},
      // "previous" reads as "last": the latest such day before publication.
      {"Where were you on previous Wednesday?", "2019-01-31",
       "previous Wednesday", "2019-01-30", "2019-01-30", kDay, true,
       "2019-01-31"},
      // Decades count whole calendar decades.
      {"It happened in the past 2 decades.", "2016-11-07",
       "the past 2 decades", "1990", "2009", kYear, true, "2016-11-07"},
      {"It will happen in the next 3 decades.", "2016-11-07",
       "the next 3 decades", "2020", "2049", kYear, true, "2016-11-07"},
      // "few" is three, "couple" two.
      {"Prices rose over the past few days.", "2016-11-07",
       "the past few days", "2016-11-04", "2016-11-06", kDay, true,
       "2016-11-07"},
      {"Let us arrange that over the next couple weeks.", "2018-07-31",
       "the next couple weeks", "2018-08-01", "2018-08-14", kDay, true,
       "2018-07-31"},
      {"Who did I email a few days ago?", "2016-11-07", "a few days ago",
       "2016-11-04", "2016-11-04", kDay, true, "2016-11-07"},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
  // A singular unit after a count is no span: "3 next week".
  const Found found = Dates("We will be only 3 next week.", "2016-11-07");
  ASSERT_THAT(found.claims, SizeIs(1));
  EXPECT_EQ(found.claims[0].text(), "next week");
}

TEST(FindDatesTest, DecadesWithoutCenturyOrInWords) {
  const DateCase kCases[] = {
      {"Prices rose in the 70s.", "", "the 70s", "1970", "1979", kDecade,
       false, ""},
      {"Prices rose in the '40s.", "", "the '40s", "1940", "1949", kDecade,
       false, ""},
      {"Prices rose in the 10s.", "", "the 10s", "2010", "2019", kDecade,
       false, ""},
      {"Prices rose in the seventies.", "", "the seventies", "1970", "1979",
       kDecade, false, ""},
      {"Prices rose in the nineteen seventies.", "", "the nineteen seventies",
       "1970", "1979", kDecade, false, ""},
      {"Prices rose in the noughties.", "", "the noughties", "2000", "2009",
       kDecade, false, ""},
      {"Who were presidents in 1990 s.", "", "1990 s", "1990", "1999",
       kDecade, false, ""},
      {"Who were presidents in the 90 s.", "", "90 s", "1990", "1999",
       kDecade, false, ""},
      {"Who were presidents in nineties", "", "nineties", "1990", "1999",
       kDecade, false, ""},
      {"Prices rose in the two thousands.", "", "the two thousands", "2000",
       "2009", kDecade, false, ""},
      {"Prices rose in the twenty-tens.", "", "the twenty-tens", "2010",
       "2019", kDecade, false, ""},
      {"Prices rose in the two thousand and tens.", "",
       "the two thousand and tens", "2010", "2019", kDecade, false, ""},
      {"Prices rose in the twenty twenties.", "", "the twenty twenties",
       "2020", "2029", kDecade, false, ""},
      {"Prices rose in the 70's.", "", "the 70's", "1970", "1979", kDecade,
       false, ""},
      {"It happened in the 21st century.", "", "the 21st century", "2000",
       "2099", kYear, false, ""},
      {"It was built in the fifteenth century.", "", "the fifteenth century",
       "1400", "1499", kYear, false, ""},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
  // Ages are not decades.
  EXPECT_THAT(Dates("Both are in their 70s.", "").claims, IsEmpty());
}

TEST(FindDatesTest, NumberedWeeksAreIsoWeeks) {
  const DateCase kCases[] = {
      {"Sales rose in week 31.", "2018-07-02", "week 31", "2018-07-30",
       "2018-08-05", kDay, true, "2018-07-02"},
      {"Sales rose in week 1.", "2019-03-02", "week 1", "2018-12-31",
       "2019-01-06", kDay, true, "2019-03-02"},
      {"Sales rose in week 10 of 2019.", "", "week 10 of 2019", "2019-03-04",
       "2019-03-10", kDay, false, ""},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
  EXPECT_THAT(Dates("It lasted 3 weeks 2 days.", "2019-03-02").claims,
              IsEmpty());
}

TEST(FindDatesTest, MonthAndNumbersInOneToken) {
  const DateCase kCases[] = {
      {"The date should be 05-Aug-2016.", "", "05-Aug-2016", "2016-08-05",
       "2016-08-05", kDay, false, ""},
      {"It was signed 31-Oct-74.", "", "31-Oct-74", "1974-10-31", "1974-10-31",
       kDay, false, ""},
      {"It was signed Sep-23-2020.", "", "Sep-23-2020", "2020-09-23",
       "2020-09-23", kDay, false, ""},
      {"APEC will happen in Korea Nov-Feb 5th, 2017.", "",
       "Nov-Feb 5th, 2017", "2016-11-01", "2017-02-05", kDay, false, ""},
      {"Prices fell Jan-Feb 2017.", "", "Jan-Feb 2017", "2017-01", "2017-02",
       kMonth, false, ""},
      {"What is the plan for Dec-2018?", "", "Dec-2018", "2018-12", "2018-12",
       kMonth, false, ""},
      {"APEC met in Korea Nov-Feb 2017.", "", "Nov-Feb 2017", "2016-11",
       "2017-02", kMonth, false, ""},
      {"I went back Oct-2.", "2016-11-07", "Oct-2", "2016-10-02", "2016-10-02",
       kDay, false, "2016-11-07"},
      {"I went back Oct/2.", "2016-11-07", "Oct/2", "2016-10-02", "2016-10-02",
       kDay, false, "2016-11-07"},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
  // Lowercase month names stay words.
  EXPECT_THAT(Dates("We may-2 be late.", "2016-11-07").claims, IsEmpty());
  EXPECT_THAT(Dates("Send 5-may-7 now.", "2016-11-07").claims, IsEmpty());
}

TEST(FindDatesTest, QuartersWeeksAndHalves) {
  const DateCase kCases[] = {
      {"Sales rose in Q1 2016.", "", "Q1 2016", "2016-01", "2016-03", kMonth,
       false, ""},
      {"I'll be out the first quarter of two thousand and twenty.", "",
       "the first quarter of two thousand and twenty", "2020-01", "2020-03",
       kMonth, false, ""},
      {"I'll go back as early as next year's first quarter.", "2018-09-06",
       "next year's first quarter", "2019-01", "2019-03", kMonth, true,
       "2018-09-06"},
      {"We met the 1st week of Oct. on Friday.", "2019-11-07",
       "the 1st week of Oct. on Friday", "2019-10-04", "2019-10-04", kDay,
       false, "2019-11-07"},
      {"I'll be out the third week next year.", "2016-11-07",
       "the third week next year", "2017-01-16", "2017-01-22", kDay, true,
       "2016-11-07"},
      {"I'll be out the third week of two thousand and twenty seven.", "",
       "the third week of two thousand and twenty seven", "2027-01-18",
       "2027-01-24", kDay, false, ""},
      {"Sales rose in the third quarter of 2016.", "",
       "the third quarter of 2016", "2016-07", "2016-09", kMonth, false, ""},
      {"Sales rose in H2 2016.", "", "H2 2016", "2016-07", "2016-12", kMonth,
       false, ""},
      // After an ordinal word, with or without "the": "half", "qtr".
      {"Sales rose in the first half of 2016.", "", "the first half of 2016",
       "2016-01", "2016-06", kMonth, false, ""},
      {"Sales fell in second half of 2016.", "", "second half of 2016",
       "2016-07", "2016-12", kMonth, false, ""},
      {"Sales rose in the third qtr of 2016.", "", "the third qtr of 2016",
       "2016-07", "2016-09", kMonth, false, ""},
      // A quarter alone in a sentence without other numbers.
      {"Sales rose during Q3.", "2016-11-07", "Q3", "2016-07", "2016-09",
       kMonth, false, "2016-11-07"},
      // ISO 8601: the week holding the first Thursday of 2015.
      {"The first week of 2015 was cold.", "", "The first week of 2015",
       "2014-12-29", "2015-01-04", kDay, false, ""},
      {"Dates were free the week of April 10th.", "2018-03-14",
       "the week of April 10th", "2017-04-10", "2017-04-16", kDay, false,
       "2018-03-14"},
      {"Prices rose in the 1970's.", "", "the 1970's", "1970", "1979", kDecade,
       false, ""},
      {"Prices rose in early 2016.", "", "early 2016", "2016-01", "2016-04",
       kMonth, false, ""},
      // Parts of a year counted in units; weeks are ISO weeks.
      {"Rooms are booked for the first 2 weeks of 2021.", "",
       "the first 2 weeks of 2021", "2021-01-04", "2021-01-17", kDay, false,
       ""},
      {"Work is scheduled for the last 3 weeks of this year.", "2019-11-29",
       "the last 3 weeks of this year", "2019-12-09", "2019-12-29", kDay, true,
       "2019-11-29"},
      {"Results for the last four months of 2021 are out.", "",
       "the last four months of 2021", "2021-09", "2021-12", kMonth, false, ""},
      {"They will leave the third month of 2021.", "",
       "the third month of 2021", "2021-03", "2021-03", kMonth, false, ""},
      {"Sales will grow early next year.", "2017-11-08", "early next year",
       "2018-01", "2018-06", kMonth, true, "2017-11-08"},
      {"Sales fell late this month.", "2017-11-08", "late this month",
       "2017-11-16", "2017-11-30", kDay, true, "2017-11-08"},
      {"Talks end by the end of next week.", "2017-11-08",
       "the end of next week", "2017-11-16", "2017-11-19", kDay, true,
       "2017-11-08"},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
}

TEST(FindDatesTest, OffsetsAndSpansFromPublication) {
  const DateCase kCases[] = {
      {"It will open in 2 weeks.", "2018-03-23", "in 2 weeks", "2018-04-06",
       "2018-04-06", kDay, true, "2018-03-23"},
      {"The ban lapses two weeks from now.", "2018-03-23",
       "two weeks from now", "2018-04-06", "2018-04-06", kDay, true,
       "2018-03-23"},
      {"They meet the day after tomorrow.", "2016-11-07",
       "the day after tomorrow", "2016-11-09", "2016-11-09", kDay, true,
       "2016-11-07"},
      {"Prices rose over the past 3 weeks.", "2016-11-07", "the past 3 weeks",
       "2016-10-17", "2016-11-06", kDay, true, "2016-11-07"},
      {"I went back for the 27th.", "2016-11-07", "the 27th", "2016-10-27",
       "2016-10-27", kDay, true, "2016-11-07"},
      // After a cue, bare digits and ordinal words are days too.
      {"I went back for the 27.", "2016-11-07", "the 27", "2016-10-27",
       "2016-10-27", kDay, true, "2016-11-07"},
      {"I went back for the twenty second", "2016-11-07", "the twenty second",
       "2016-10-22", "2016-10-22", kDay, true, "2016-11-07"},
      {"I went back on 22nd", "2016-11-07", "22nd", "2016-10-22",
       "2016-10-22", kDay, true, "2016-11-07"},
      {"We meet on the 20th of next month.", "2017-12-07",
       "the 20th of next month", "2018-01-20", "2018-01-20", kDay, true,
       "2017-12-07"},
      // A week named by a day; days counted from a day.
      {"Please schedule it for the week beginning February 4.", "2019-11-07",
       "the week beginning February 4", "2019-02-04", "2019-02-10", kDay,
       false, "2019-11-07"},
      {"Please schedule a meeting for w/c Feb 4.", "2019-11-07", "w/c Feb 4",
       "2019-02-04", "2019-02-10", kDay, false, "2019-11-07"},
      {"Set replies for 3 days starting from next Monday.", "2019-10-07",
       "3 days starting from next Monday", "2019-10-14", "2019-10-16", kDay,
       true, "2019-10-07"},
      {"Set OOO for 3 days from today.", "2018-05-23", "3 days from today",
       "2018-05-23", "2018-05-25", kDay, true, "2018-05-23"},
      {"The fair ran from Dec 18 for 10 days.", "2020-01-10",
       "Dec 18 for 10 days", "2019-12-18", "2019-12-27", kDay, false,
       "2020-01-10"},
      {"The fair ran from 18th Dec for two weeks.", "2020-01-10",
       "18th Dec for two weeks", "2019-12-18", "2019-12-31", kDay, false,
       "2020-01-10"},
      // The Nth weekday nearest a day.
      {"The vote fell on the closest Monday to Oct 5th.", "2019-11-07",
       "closest Monday to Oct 5th", "2019-10-07", "2019-10-07", kDay, false,
       "2019-11-07"},
      {"It was the second nearest Mon to October fifth.", "2019-11-07",
       "second nearest Mon to October fifth", "2019-09-30", "2019-09-30",
       kDay, false, "2019-11-07"},
      {"It fell on the nearest Saturday to October 5.", "2019-11-07",
       "nearest Saturday to October 5", "2019-10-05", "2019-10-05", kDay,
       false, "2019-11-07"},
      // Weekday abbreviations before a day or after a week; a bare day
      // after a weekday before punctuation.
      {"I went back Mon 13th", "2022-05-01", "Mon 13th", "2021-12-13",
       "2021-12-13", kDay, true, "2022-05-01"},
      {"I'll go back Mon 13th", "2022-05-01", "Mon 13th", "2022-06-13",
       "2022-06-13", kDay, true, "2022-05-01"},
      {"Any arrangement on Sunday 31!", "2019-01-25", "Sunday 31",
       "2017-12-31", "2017-12-31", kDay, true, "2019-01-25"},
      {"We meet next week between Wednesday and Friday.", "2017-11-14",
       "next week between Wednesday and Friday", "2017-11-22", "2017-11-24",
       kDay, true, "2017-11-14"},
      {"We meet this week from Tue to Thur.", "2017-11-14",
       "this week from Tue to Thur", "2017-11-14", "2017-11-16", kDay, true,
       "2017-11-14"},
      // Bare digits after a weekday only before punctuation.
      {"On Friday 13 people died.", "2024-06-05", "Friday", "2024-05-31",
       "2024-05-31", kDay, true, "2024-06-05"},
      // The current period at the end of a clause after "for" or "over".
      {"Profits doubled over the year.", "2018-05-24", "the year", "2018",
       "2018", kYear, true, "2018-05-24"},
      {"Trading was halted for the day.", "2018-05-22", "the day",
       "2018-05-22", "2018-05-22", kDay, true, "2018-05-22"},
      {"Deliver it before the thirty-first day of the month.", "2019-08-12",
       "the thirty-first day of the month", "2019-08-31", "2019-08-31", kDay,
       true, "2019-08-12"},
      // A number after a currency sign is money, not a day.
      {"I bought it for $12 December 27.", "2019-07-04", "December 27",
       "2018-12-27", "2018-12-27", kDay, false, "2019-07-04"},
      // Quarters are calendar quarters.
      {"What were the sales for the past two quarters?", "2019-07-04",
       "the past two quarters", "2019-01", "2019-06", kMonth, true,
       "2019-07-04"},
      {"Sales for past quarter fell.", "2019-07-04", "past quarter",
       "2019-04", "2019-06", kMonth, true, "2019-07-04"},
      {"Sales will grow in the next 7 quarters.", "2019-07-04",
       "the next 7 quarters", "2019-10", "2021-06", kMonth, true,
       "2019-07-04"},
      // A count from a day is a day, whatever its unit.
      {"I will leave in 2 months.", "2018-07-05", "in 2 months", "2018-09-05",
       "2018-09-05", kDay, true, "2018-07-05"},
      {"It will happen 4 months from tomorrow.", "2016-11-07",
       "4 months from tomorrow", "2017-03-08", "2017-03-08", kDay, true,
       "2016-11-07"},
      {"I'll go back the day after tmrw.", "2016-11-07", "the day after tmrw",
       "2016-11-09", "2016-11-09", kDay, true, "2016-11-07"},
      {"He will come back the next day.", "2016-11-07", "the next day",
       "2016-11-08", "2016-11-08", kDay, true, "2016-11-07"},
      {"What happened the day before?", "2018-11-08", "the day before",
       "2018-11-07", "2018-11-07", kDay, true, "2018-11-08"},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
  // "the next day" counts from the day before it in the sentence.
  const Found found = Dates(
      "He was arrested on June 5, 2024 and freed the following day.",
      "2024-06-20");
  ASSERT_THAT(found.claims, SizeIs(2));
  EXPECT_EQ(found.claims[1].text(), "the following day");
  EXPECT_EQ(found.claims[1].date().start(), "2024-06-06");
  EXPECT_EQ(found.claims[1].date().anchor(), "");
  // Not after a month: which day is unknown.
  EXPECT_THAT(Dates("He left in June and came back the next day.",
                    "2024-06-20")
                  .claims,
              SizeIs(1));
}

TEST(FindDatesTest, CountsFromNowNameADay) {
  const char* const kTuesday = "2013-02-12";
  const DateCase kCases[] = {
      {"The lease ends 3 years from today.", kTuesday, "3 years from today",
       "2016-02-12", "2016-02-12", kDay, true, kTuesday},
      {"Rates reset three months hence.", kTuesday, "three months hence",
       "2013-05-12", "2013-05-12", kDay, true, kTuesday},
      {"The vote is a week hence.", kTuesday, "a week hence", "2013-02-19",
       "2013-02-19", kDay, true, kTuesday},
      {"The fair opens 3 Fridays from now.", kTuesday, "3 Fridays from now",
       "2013-03-01", "2013-03-01", kDay, true, kTuesday},
      {"The fair opens three fridays from now.", "2013-02-15",
       "three fridays from now", "2013-03-08", "2013-03-08", kDay, true,
       "2013-02-15"},
      {"It closes four Tuesdays from now.", kTuesday, "four Tuesdays from now",
       "2013-03-12", "2013-03-12", kDay, true, kTuesday},
      {"It closes two Sundays from tomorrow.", kTuesday,
       "two Sundays from tomorrow", "2013-02-24", "2013-02-24", kDay, true,
       kTuesday},
      {"The fire broke out 2 Thursdays ago.", kTuesday, "2 Thursdays ago",
       "2013-01-31", "2013-01-31", kDay, true, kTuesday},
      {"The fire broke out 2 thursdays back.", kTuesday, "2 thursdays back",
       "2013-01-31", "2013-01-31", kDay, true, kTuesday},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
  // In a future sentence "in 3 years" is the day three years on too.
  ExpectOneDate({"The plant will open in 3 years.", kTuesday, "in 3 years",
                 "2016-02-12", "2016-02-12", kDay, true, kTuesday});
  // Without a publication date the day is unresolved.
  const Found found = Dates("It closes two Sundays from now.", "");
  ASSERT_THAT(found.claims, SizeIs(1));
  EXPECT_EQ(found.claims[0].text(), "two Sundays from now");
  EXPECT_TRUE(found.claims[0].date().relative());
  EXPECT_EQ(found.claims[0].date().start(), "");
  EXPECT_THAT(Dates("He has worked three fridays in a row.", kTuesday).claims,
              IsEmpty());
}

TEST(FindDatesTest, NthFromTheEndAndOfTheMonth) {
  const char* const kTuesday = "2013-02-12";
  const DateCase kCases[] = {
      {"Talks end in the third last week of 2018.", kTuesday,
       "the third last week of 2018", "2018-12-10", "2018-12-16", kDay, false,
       ""},
      {"Talks end in the 3rd last week of 2018.", kTuesday,
       "the 3rd last week of 2018", "2018-12-10", "2018-12-16", kDay, false,
       ""},
      {"It fell in the 2nd last week of October 2018.", kTuesday,
       "the 2nd last week of October 2018", "2018-10-15", "2018-10-21", kDay,
       false, ""},
      {"It fell on the second last Friday of June 2024.", kTuesday,
       "the second last Friday of June 2024", "2024-06-21", "2024-06-21",
       kDay, false, ""},
      {"Bills fell due on the first Monday of the month.", kTuesday,
       "the first Monday of the month", "2013-02-04", "2013-02-04", kDay,
       true, kTuesday},
      {"Bills fell due on the first Monday in the month.", kTuesday,
       "the first Monday in the month", "2013-02-04", "2013-02-04", kDay,
       true, kTuesday},
      {"It closed on the 5th last day of May 2012.", kTuesday,
       "the 5th last day of May 2012", "2012-05-27", "2012-05-27", kDay,
       false, ""},
      {"It closed on the fifth last day of May.", kTuesday,
       "the fifth last day of May", "2012-05-27", "2012-05-27", kDay, false,
       kTuesday},
      {"Rents were due on the last day of the month.", kTuesday,
       "the last day of the month", "2013-02-28", "2013-02-28", kDay, true,
       kTuesday},
      {"It ended on the last day of 2011.", kTuesday, "the last day of 2011",
       "2011-12-31", "2011-12-31", kDay, false, ""},
      {"Filing opened on the second day of last month.", kTuesday,
       "the second day of last month", "2013-01-02", "2013-01-02", kDay, true,
       kTuesday},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
}

TEST(FindDatesTest, TheFollowingPeriodComesAfterTheDateBeforeIt) {
  const char* const kTuesday = "2013-02-12";
  const DateCase kCases[] = {
      {"Talks resume the following week.", kTuesday, "the following week",
       "2013-02-18", "2013-02-24", kDay, true, kTuesday},
      {"Talks resume at the beginning of the following week.", kTuesday,
       "the beginning of the following week", "2013-02-18", "2013-02-20",
       kDay, true, kTuesday},
      {"Rates rise the following month.", kTuesday, "the following month",
       "2013-03", "2013-03", kMonth, true, kTuesday},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
  const Found found = Dates(
      "He was elected in 2010 and re-elected the following year.", kTuesday);
  ASSERT_THAT(found.claims, SizeIs(2));
  EXPECT_EQ(found.claims[1].text(), "the following year");
  EXPECT_EQ(found.claims[1].date().start(), "2011");
  EXPECT_EQ(found.claims[1].date().end(), "2011");
  EXPECT_EQ(found.claims[1].date().granularity(), kYear);
  EXPECT_EQ(found.claims[1].date().anchor(), "");
  {
    // "same year" is the period holding the date before it, else the one
    // holding publication.
    const Found same =
        Dates("He was elected in 2010 and married the same year.", kTuesday);
    ASSERT_THAT(same.claims, SizeIs(2));
    EXPECT_EQ(same.claims[1].text(), "same year");
    EXPECT_EQ(same.claims[1].date().start(), "2010");
    EXPECT_EQ(same.claims[1].date().end(), "2010");
    const DateCase kSame = {"I was not there the same week that it happened.",
                            "2017-11-17", "same week", "2017-11-13",
                            "2017-11-19", kDay, true, "2017-11-17"};
    ExpectOneDate(kSame);
  }
  const Found day = Dates(
      "He was arrested on June 5, 2024, and charged the following day.", "");
  ASSERT_THAT(day.claims, SizeIs(2));
  EXPECT_EQ(day.claims[1].date().start(), "2024-06-06");
  EXPECT_EQ(day.claims[1].date().end(), "2024-06-06");
  // No publication date and no date before it: unresolved.
  const Found bare = Dates("Talks resume the following week.", "");
  ASSERT_THAT(bare.claims, SizeIs(1));
  EXPECT_EQ(bare.claims[0].date().start(), "");
  EXPECT_TRUE(bare.claims[0].date().relative());
  EXPECT_THAT(Dates("He read the following statement.", kTuesday).claims,
              IsEmpty());
}

TEST(FindDatesTest, YearsWithAnEra) {
  ExpectOneDate({"The town was founded in 14 a.d.", "2013-02-12", "14 a.d.",
                 "0014", "0014", kYear, false, ""});
  ExpectOneDate({"The temple dates from 800 CE, say scholars.", "",
                 "800 CE", "0800", "0800", kYear, false, ""});
  // Years BC are not read: no claim rather than a wrong one.
  for (const char* text : {"The city fell in 2014 B.C.",
                           "The city fell in 1200 BC, they say."}) {
    EXPECT_THAT(Dates(text, "2013-02-12").claims, IsEmpty()) << text;
  }
  // An "ad" that is a word is no era.
  EXPECT_THAT(Dates("They ran 14 ad campaigns.", "2013-02-12").claims,
              IsEmpty());
}

TEST(FindDatesTest, DayMonthNameAndYearJoinedBySlashes) {
  ExpectOneDate({"He was born on 31/Oct/1974 in Leeds.", "", "31/Oct/1974",
                 "1974-10-31", "1974-10-31", kDay, false, ""});
  ExpectOneDate({"Set up a call sometime Friday 7/6 with Jim.", "2018-07-06",
                 "Friday 7/6", "2018-07-06", "2018-07-06", kDay, false,
                 "2018-07-06"});
  ExpectOneDate({"Set up a call sometime Friday 2018-7-6 with Jim.",
                 "2018-07-06", "Friday 2018-7-6", "2018-07-06", "2018-07-06",
                 kDay, false, ""});
  ExpectOneDate({"I'll go back 2020/Sep/23.", "", "2020/Sep/23",
                 "2020-09-23", "2020-09-23", kDay, false, ""});
  ExpectOneDate({"I'll go back 2020/23/Sep.", "", "2020/23/Sep",
                 "2020-09-23", "2020-09-23", kDay, false, ""});
  // With spaces the slashes join no day to the month.
  const Found spaced = Dates("Scores were 31 / Oct / 1974.", "");
  for (const Claim& claim : spaced.claims) {
    EXPECT_NE(claim.date().granularity(), kDay) << claim.text();
  }
}

TEST(FindDatesTest, MonthAfterNextAndBeforeLast) {
  const char* const kTuesday = "2013-02-12";
  const DateCase kCases[] = {
      {"The plant opens in March after next.", kTuesday, "March after next",
       "2014-03", "2014-03", kMonth, true, kTuesday},
      {"The plant opens the January after next.", kTuesday,
       "the January after next", "2015-01", "2015-01", kMonth, true, kTuesday},
      {"It closed the June before last.", kTuesday, "the June before last",
       "2011-06", "2011-06", kMonth, true, kTuesday},
      {"It was built in the week before last.", kTuesday,
       "the week before last", "2013-01-28", "2013-02-03", kDay, true,
       kTuesday},
      {"Markets reopen tomorrows.", kTuesday, "tomorrows", "2013-02-13",
       "2013-02-13", kDay, true, kTuesday},
  };
  for (const DateCase& c : kCases) ExpectOneDate(c);
}

TEST(FindDatesTest, NoDateSwallowsACountOrAMismatchedWeekday) {
  // "in the past" ends the clause only in "10 years in the past".
  const Found past =
      Dates("He was sentenced to 10 years in the past week.", "2024-06-07");
  ASSERT_THAT(past.claims, SizeIs(1));
  EXPECT_EQ(past.claims[0].text(), "the past week");
  // July 6, 2023 was a Thursday: "Friday 7/6" names no such day.
  const Found weekday =
      Dates("The team lost 2-1 on Friday 7/6.", "2023-08-01");
  for (const Claim& claim : weekday.claims) {
    EXPECT_NE(claim.text(), "Friday 7/6");
  }
}

TEST(FindDatesTest, NotDates) {
  for (const char* text : {
           "The May figures may change.",
           "She may travel.",
           "Every Monday the market opens early.",
           "More than 2,400 delegates attended.",
           "The forum drew 2000 delegates.",
           "Room 1500 is closed.",
           "Prices rose 2016%.",
           "Sun and Wed are abbreviations here.",
           "Half of them, 1/2 of voters, agreed.",
           "The shop is open 24/7.",
           "It was the highest in 10 years.",
           // "10 s" alone is as often seconds; a count "in the past week"
           // is a count and a date.
           "He ran it in 10 s flat.",
           // Award names and the day of a report's events are no dates.
           "She was named player of the year.",
           "Security was tight throughout the day.",
           "It will be the first time in 10 years.",
           "The 27th floor is closed.",
           "Prices are expected to fall 5%.",
           "He was freed three days later.",
           "They met the day before the vote.",
           "He won it for the second time.",
           "Of the 27, nine voted against.",
           "She finished on 15.",
           "They will Wed, then move on.",
           "It was the year before independence.",
           "He worked in the day and slept at night.",
           "Pay ABC 2000",
           "The council paid 1995 for the repairs.",
           "He still owes them 1500.",
           "The club is paying Okafor 2000 a week.",
       }) {
    EXPECT_THAT(Dates(text, "2024-06-05").claims, IsEmpty()) << text;
  }
}

TEST(FindDatesTest, SeveralDatesInTextOrderWithTheirEvents) {
  const Found found = Dates(
      "The two countries signed a defence pact in 2012, and the border "
      "treaty of 2008 settled the dispute. Okafor took office in 2016.",
      "2024-06-06");
  ASSERT_THAT(found.claims, SizeIs(3));
  EXPECT_EQ(found.claims[0].text(), "2012");
  EXPECT_EQ(found.claims[0].predicate(), "sign");
  EXPECT_EQ(found.claims[1].text(), "2008");
  EXPECT_EQ(found.claims[1].predicate(), "settle");
  EXPECT_EQ(found.claims[2].text(), "2016");
  EXPECT_EQ(found.claims[2].predicate(), "take office");
  EXPECT_THAT(found.claims[2].keywords(), Contains("office"));
  EXPECT_LE(found.claims[2].keywords_size(), 8);
  // Each claim's sentence is its own.
  EXPECT_EQ(found.claims[0].sentence().begin(),
            found.claims[1].sentence().begin());
  EXPECT_NE(found.claims[1].sentence().begin(),
            found.claims[2].sentence().begin());
}

struct EventCase {
  const char* text;
  const char* span;   // the date's text
  const char* event;  // Date.event, "" for none
};

// The one date of `c.text` (published on a Monday) has span `c.span` and
// event `c.event`.
void ExpectEvent(const EventCase& c) {
  SCOPED_TRACE(c.text);
  const Found found = Dates(c.text, "2025-03-10");
  ASSERT_THAT(found.claims, SizeIs(1));
  EXPECT_EQ(found.claims[0].text(), c.span);
  EXPECT_EQ(found.claims[0].date().event(), c.event);
}

// A noun that names a happening next to the date is the event the date is
// the date of, whatever verb governs the sentence: outlets that date one
// event in different words compare equal.
TEST(FindDatesTest, EventNounAttachedToTheDate) {
  const EventCase kCases[] = {
      // A possessive date, with either apostrophe.
      {"Saturday’s earthquake flattened the old town.", "Saturday",
       "earthquake"},
      {"Saturday's earthquake killed 146 people.", "Saturday", "earthquake"},
      {"The toll from last Saturday’s earthquake rose.", "last Saturday",
       "earthquake"},
      {"Last week’s summit ended without a deal.", "Last week", "summit"},
      {"Tuesday's state visit began in Lundby.", "Tuesday", "visit"},
      {"Saturday’s devastating earthquake struck before dawn.", "Saturday",
       "earthquake"},
      {"Saturday morning’s quake was felt in Belavan.", "Saturday",
       "earthquake"},
      // A date after a determiner that modifies the noun.
      {"The March 8 earthquake has killed 268 people.", "March 8",
       "earthquake"},
      {"Most houses predated the 1987 earthquake.", "1987", "earthquake"},
      {"It rebuilt after the October 1987 earthquake.", "October 1987",
       "earthquake"},
      {"The 2016 election was close.", "2016", "election"},
      {"The June 3 vote passed narrowly.", "June 3", "vote"},
      {"Nothing changed since the 2021 election.", "2021", "election"},
      {"The 2016 presidential election divided the country.", "2016",
       "election"},
      {"The 1987 Whittier Narrows earthquake damaged the campus.", "1987",
       "earthquake"},
      {"Turnout fell in Tarvia's 2019 parliamentary elections.", "2019",
       "election"},
      // The subject of a verb saying the event happened, began or ended.
      {"A powerful earthquake struck before dawn on Saturday.", "Saturday",
       "earthquake"},
      {"The strike had begun on Monday.", "Monday", "strike"},
      {"The toll from the earthquake that struck the valley on March 8 rose.",
       "March 8", "earthquake"},
      {"The walkout, which started Oct. 6, has closed the port.", "Oct. 6",
       "strike"},
      // The noun before "of", "on" or "in" and the date.
      {"The valley suffered in the earthquake of October 14, 1987.",
       "October 14, 1987", "earthquake"},
      {"It rebuilt again after the floods of 2014.", "2014", "flood"},
      {"The vote on June 3 was close.", "June 3", "vote"},
      {"Sorel spoke at a briefing on Sunday.", "Sunday", "briefing"},
      {"A magnitude 5.3 aftershock on Sunday afternoon halted the work.",
       "Sunday", "aftershock"},
      {"The government narrowly survived a confidence vote on Sept. 12, "
       "2023.",
       "Sept. 12, 2023", "vote"},
  };
  for (const EventCase& c : kCases) ExpectEvent(c);
}

// Synonyms of event_nouns.tsv give one event.
TEST(FindDatesTest, EventNounsAreCanonical) {
  const EventCase kCases[] = {
      {"The March 8 quake struck at night.", "March 8", "earthquake"},
      {"The March 8 temblor struck at night.", "March 8", "earthquake"},
      {"The March 8 earthquake struck at night.", "March 8", "earthquake"},
      {"The 2019 wildfire burned for weeks.", "2019", "fire"},
      {"The crises of 2008 shook the banks.", "2008", "crisis"},
  };
  for (const EventCase& c : kCases) ExpectEvent(c);
}

// Times of day, nouns that name no happening, verbs and words past the noun
// phrase are no events.
TEST(FindDatesTest, NoEventWithoutAnEventNounAttached) {
  const EventCase kCases[] = {
      {"The toll rose to 214 by Monday evening.", "Monday", ""},
      {"Saturday morning was calm.", "Saturday", ""},
      {"Okafor arrived in Lundby on Monday.", "Monday", ""},
      // The verb says something happened, but its subject is no event.
      {"After the storm they began work on Monday.", "Monday", ""},
      {"The ministry opened an inquiry on Monday.", "Monday", ""},
      {"Officials missed the March 8 deadline for the report.", "March 8", ""},
      {"The government ignored the 2019 study.", "2019", ""},
      {"The 2019 study found floods were likely.", "2019", ""},
      {"Monday's figures show floods in the north.", "Monday", ""},
      {"Lawmakers will vote on June 3.", "June 3", ""},
      {"They vote on June 3.", "June 3", ""},
      {"The code, last revised in 2009, is strict.", "2009", ""},
      {"Rescuers reached the village on Sunday, after the earthquake.",
       "Sunday", ""},
  };
  for (const EventCase& c : kCases) ExpectEvent(c);
  // "since the election" names no date, so no event either.
  EXPECT_THAT(Dates("Nothing changed since the election.", "2025-03-10").claims,
              IsEmpty());
}

TEST(FindDatesTest, WithoutPublicationDateRelativeDatesAreNoted) {
  const std::string text = "Parliament approved the law last month.";
  const Found found = Dates(text, "");
  ASSERT_THAT(found.claims, SizeIs(1));
  const Claim& claim = found.claims[0];
  EXPECT_EQ(claim.text(), "last month");
  EXPECT_TRUE(claim.date().relative());
  EXPECT_EQ(claim.date().start(), "");
  EXPECT_EQ(claim.date().end(), "");
  EXPECT_EQ(claim.date().anchor(), "");
  EXPECT_EQ(claim.date().granularity(), kMonth);
  ASSERT_THAT(found.notes, SizeIs(1));
  const Note& note = found.notes[0];
  EXPECT_EQ(note.severity(), Note::SEVERITY_WARNING);
  EXPECT_EQ(note.code(), "unresolved-date");
  EXPECT_EQ(note.article_id(), "a");
  EXPECT_EQ(note.span().begin(), claim.span().begin());
  EXPECT_EQ(note.span().end(), claim.span().end());
  EXPECT_EQ(note.message(),
            "cannot resolve \"last month\": the article has no publication "
            "date");
}

TEST(FindDatesTest, WithoutPublicationDateMonthAndDayIsNoted) {
  const Found found = Dates("Okafor arrived on June 3.", "not-a-date");
  ASSERT_THAT(found.claims, SizeIs(1));
  EXPECT_FALSE(found.claims[0].date().relative());
  EXPECT_EQ(found.claims[0].date().start(), "");
  ASSERT_THAT(found.notes, SizeIs(1));
  EXPECT_EQ(found.notes[0].message(),
            "cannot resolve \"June 3\": the article has no publication date");
}

TEST(FindDatesTest, WithoutPublicationDateAbsoluteDatesResolve) {
  const Found found = Dates("Okafor took office in 2016 on Monday.", "");
  ASSERT_THAT(found.claims, SizeIs(2));
  EXPECT_EQ(found.claims[0].date().start(), "2016");
  EXPECT_EQ(found.claims[1].text(), "Monday");
  EXPECT_EQ(found.claims[1].date().start(), "");
  EXPECT_THAT(found.notes, SizeIs(1));
}

TEST(FindDatesTest, FurnitureIsSkipped) {
  const std::string text =
      "Published June 4, 2024\n\nOkafor arrived in Lundby on Monday.";
  crosscheck::v1::Span furniture;
  furniture.set_begin(0);
  furniture.set_end(text.find('\n'));
  const Found found = Dates(text, "2024-06-04", {furniture});
  ASSERT_THAT(found.claims, SizeIs(1));
  EXPECT_EQ(found.claims[0].text(), "Monday");
  EXPECT_EQ(found.claims[0].date().start(), "2024-06-03");
}

}  // namespace
}  // namespace crosscheck::extract
