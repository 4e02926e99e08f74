#include "tools/peer_eval/peer_eval.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "tests/testing/status_matchers.h"
#include "tools/peer_eval/claims_file.h"
#include "tools/peer_eval/scope_data.h"
#include "tools/peer_eval/score.h"
#include "tools/peer_eval/suite_case.h"
#include "tools/peer_eval/values.h"

namespace crosscheck::peer_eval {
namespace {

using crosscheck::testing::StatusIs;
using crosscheck::v1::Claim;
using crosscheck::v1::Date;
using crosscheck::v1::Figure;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::SizeIs;

std::vector<std::string> Strings(const std::vector<Value>& values) {
  std::vector<std::string> out;
  for (const Value& v : values) out.push_back(v.ToString());
  return out;
}

// ---- Values of the suites --------------------------------------------------

struct ParseCase {
  const char* text;
  const char* want;  // Value::ToString(), or nullptr for an error
};

TEST(ValuesTest, ParsesPercentages) {
  for (const ParseCase& c : std::vector<ParseCase>{
           {"20%", "20"},
           {"-5%", "-5"},
           {"33.3333333333333%", "33.3333333333333"},
           {"20", nullptr},
           {"null", nullptr},
       }) {
    SCOPED_TRACE(c.text);
    const absl::StatusOr<Value> v = ParsePercent(c.text);
    if (c.want == nullptr) {
      EXPECT_THAT(
          v, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.text)));
    } else {
      ASSERT_OK(v);
      EXPECT_EQ(v->ToString(), c.want);
    }
  }
}

TEST(ValuesTest, ParsesNumberRanges) {
  for (const ParseCase& c : std::vector<ParseCase>{
           {"[20,30)", "[20,30)"},
           {"(20,35]", "(20,35]"},
           {"(30,)", "(30,)"},
           {"(,100]", "(,100]"},
           {"[-10,15)", "[-10,15)"},
           {"[0.4,)", "[0.4,)"},
           {"(,)", nullptr},
           {"20-30", nullptr},
           {"[a,3)", nullptr},
       }) {
    SCOPED_TRACE(c.text);
    const absl::StatusOr<Value> v = ParseNumberRange(c.text);
    if (c.want == nullptr) {
      EXPECT_THAT(
          v, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.text)));
    } else {
      ASSERT_OK(v);
      EXPECT_EQ(v->ToString(), c.want);
    }
  }
}

TEST(ValuesTest, ParsesDucklingAmounts) {
  for (const ParseCase& c : std::vector<ParseCase>{
           {"10", "USD 10"},
           {"10..20", "USD ?10,20?"},
           {"..7", "USD (,7?"},
           {"1.42..", "USD ?1.42,)"},
           {"..", nullptr},
           {"ten", nullptr},
       }) {
    SCOPED_TRACE(c.text);
    const absl::StatusOr<Value> v = ParseDucklingAmount(c.text, "USD");
    if (c.want == nullptr) {
      EXPECT_FALSE(v.ok());
    } else {
      ASSERT_OK(v);
      EXPECT_EQ(v->ToString(), c.want);
    }
  }
}

TEST(ValuesTest, ParsesSuiteNumbersLocaleIndependently) {
  EXPECT_EQ(*ParseSuiteNumber("192"), 192);
  EXPECT_EQ(*ParseSuiteNumber("-0.5"), -0.5);
  EXPECT_EQ(*ParseSuiteNumber("-1.2732E+15"), -1.2732e15);
  EXPECT_FALSE(ParseSuiteNumber("1,000").ok());
  EXPECT_FALSE(ParseSuiteNumber("").ok());
}

TEST(ValuesTest, ParsesIsoDurations) {
  EXPECT_EQ(*ParseIsoDurationSeconds("P3D"), 3 * 86400);
  EXPECT_EQ(*ParseIsoDurationSeconds("PT1.5H"), 5400);
  EXPECT_EQ(*ParseIsoDurationSeconds("PT1H30M"), 5400);
  EXPECT_EQ(*ParseIsoDurationSeconds("P1Y2M"), (365 + 60) * 86400.0);
  EXPECT_EQ(*ParseIsoDurationSeconds("P2W"), 14 * 86400);
  EXPECT_FALSE(ParseIsoDurationSeconds("P1BD").ok());
  EXPECT_FALSE(ParseIsoDurationSeconds("PXD").ok());
  EXPECT_FALSE(ParseIsoDurationSeconds("3 days").ok());
}

TEST(ValuesTest, ParsesTimexDays) {
  const absl::CivilDay reference(2016, 11, 7);
  for (const ParseCase& c : std::vector<ParseCase>{
           {"2007", "2007-01-01..2007-12-31"},
           {"2016-09", "2016-09-01..2016-09-30"},
           {"2019-01-04", "2019-01-04"},
           {"2016-W45", "2016-11-07..2016-11-13"},
           {"2016-W45-WE", "2016-11-12..2016-11-13"},
           {"2019-W01", "2018-12-31..2019-01-06"},
           {"(2014-01-01,2018-01-01,P4Y)", "2014-01-01..2017-12-31"},
           {"PRESENT_REF", "2016-11-07"},
           {"XXXX-08", "2015-08-01..2015-08-31"},  // with year 2015
           {"XXXX-WXX-5", nullptr},
           {"SU", nullptr},
           {"2016-13", nullptr},
       }) {
    SCOPED_TRACE(c.text);
    const absl::StatusOr<Value> v = ParseTimexDays(c.text, 2015, reference);
    if (c.want == nullptr) {
      EXPECT_FALSE(v.ok());
    } else {
      ASSERT_OK(v);
      EXPECT_EQ(v->ToString(), c.want);
    }
  }
  EXPECT_FALSE(ParseTimexDays("XXXX-08", std::nullopt, reference).ok());
}

TEST(ValuesTest, ParsesDucklingDays) {
  struct DucklingCase {
    const char* text;
    const char* grain;
    const char* want;
  };
  for (const DucklingCase& c : std::vector<DucklingCase>{
           {"2013-02-18T00:00:00.000-02:00", "day", "2013-02-18"},
           {"2013-02-11T00:00:00.000-02:00", "week", "2013-02-11..2013-02-17"},
           {"2013-03-01T00:00:00.000-02:00", "month", "2013-03-01..2013-03-31"},
           {"2013-07-01T00:00:00.000-02:00", "quarter",
            "2013-07-01..2013-09-30"},
           {"1960-01-01T00:00:00.000-02:00/1962-01-01T00:00:00.000-02:00",
            "year", "1960-01-01..1961-12-31"},
           {"2013-02-12T15:30:00.000-02:00", "minute", nullptr},
           {"2014-01-01T00:00:00.000-02:00/..", "year", nullptr},
           {"-2014-01-01T00:00:00.000-02:00", "year", nullptr},
       }) {
    SCOPED_TRACE(c.text);
    const absl::StatusOr<Value> v = ParseDucklingDays(c.text, c.grain);
    if (c.want == nullptr) {
      EXPECT_FALSE(v.ok());
    } else {
      ASSERT_OK(v);
      EXPECT_EQ(v->ToString(), c.want);
    }
  }
}

Date MakeDate(const char* start, const char* end,
              Date::Granularity granularity) {
  Date d;
  d.set_start(start);
  d.set_end(end);
  d.set_granularity(granularity);
  return d;
}

TEST(ValuesTest, ReadsClaimDatesAtTheirGranularity) {
  EXPECT_EQ(
      DaysOfDate(MakeDate("2016-09-04", "2016-09-04", Date::GRANULARITY_DAY))
          ->ToString(),
      "2016-09-04");
  EXPECT_EQ(
      DaysOfDate(MakeDate("2016-11-19", "2016-11-20", Date::GRANULARITY_DAY))
          ->ToString(),
      "2016-11-19..2016-11-20");
  EXPECT_EQ(DaysOfDate(MakeDate("2016-09", "2016-10", Date::GRANULARITY_MONTH))
                ->ToString(),
            "2016-09-01..2016-10-31");
  EXPECT_EQ(
      DaysOfDate(MakeDate("2014", "2018", Date::GRANULARITY_YEAR))->ToString(),
      "2014-01-01..2018-12-31");
  EXPECT_EQ(DaysOfDate(MakeDate("1990", "1999", Date::GRANULARITY_DECADE))
                ->ToString(),
            "1990-01-01..1999-12-31");
  EXPECT_FALSE(DaysOfDate(MakeDate("", "", Date::GRANULARITY_DAY)));
  EXPECT_FALSE(DaysOfDate(MakeDate("June", "June", Date::GRANULARITY_MONTH)));
}

TEST(ValuesTest, AgreesOnValuesNotOnNearMisses) {
  EXPECT_TRUE(
      Agrees(Value::Number(103.666666666667), Value::Number(311.0 / 3)));
  EXPECT_FALSE(Agrees(Value::Number(103.67), Value::Number(311.0 / 3)));
  // Currency: must agree when the suite names one, anything otherwise.
  EXPECT_TRUE(Agrees(Value::Number(5, "USD"), Value::Number(5, "USD")));
  EXPECT_FALSE(Agrees(Value::Number(5, "CAD"), Value::Number(5, "USD")));
  EXPECT_TRUE(Agrees(Value::Number(5), Value::Number(5, "USD")));
  // One-sided intervals: the inclusion counts when the suite states it.
  const Value more_than_30 =
      Value::Interval(30, std::nullopt, false, std::nullopt);
  const Value at_least_30 =
      Value::Interval(30, std::nullopt, true, std::nullopt);
  EXPECT_TRUE(Agrees(more_than_30, more_than_30));
  EXPECT_FALSE(Agrees(more_than_30, at_least_30));
  EXPECT_TRUE(
      Agrees(Value::Interval(30, std::nullopt, std::nullopt, std::nullopt),
             at_least_30));
  EXPECT_FALSE(Agrees(more_than_30,
                      Value::Interval(std::nullopt, 30, std::nullopt, false)));
  // Two-sided ranges: bounds only ("[20,30)" for "between 20 and 30").
  EXPECT_TRUE(Agrees(Value::Interval(20, 30, true, false),
                     Value::Interval(20, 30, true, true)));
  EXPECT_FALSE(Agrees(Value::Interval(20, 30, true, false),
                      Value::Interval(20, 31, true, true)));
  // Days, and different kinds.
  const absl::CivilDay d(2016, 9, 4);
  EXPECT_TRUE(Agrees(Value::Days(d, d + 1), Value::Days(d, d + 1)));
  EXPECT_FALSE(Agrees(Value::Days(d, d + 1), Value::Days(d, d + 2)));
  EXPECT_FALSE(Agrees(Value::Number(20), Value::Interval(20, 20, true, true)));
}

// ---- Scope data ------------------------------------------------------------

TEST(ScopeDataTest, EmbeddedTablesLoad) {
  const ScopeData& data = EmbeddedScopeData();
  const FileRule* rule =
      data.FindFile("recognizers-text/Number/NumberModel.jsonl");
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(rule->scope, FileRule::Scope::kIn);
  EXPECT_THAT(rule->types, ElementsAre("number"));
  const FileRule* skipped = data.FindFile("textacy/direct-quotations.jsonl");
  ASSERT_NE(skipped, nullptr);
  EXPECT_EQ(skipped->scope, FileRule::Scope::kSkip);
  EXPECT_FALSE(skipped->reason.empty());
  EXPECT_EQ(data.FindCurrency("cent")->code, "USD");
  EXPECT_EQ(data.FindCurrency("Cent")->divisor, 100);
  EXPECT_EQ(data.FindCurrency("Franc")->code, "");
  EXPECT_FALSE(data.FindCurrency("Klingon darsek").has_value());
  EXPECT_TRUE(data.calendar_words.contains("may"));
}

TEST(ScopeDataTest, RejectsMalformedTables) {
  const char* kOk = "a.jsonl\tnumber\tin\t-\n";
  EXPECT_OK(ParseScopeData(kOk, "Cent\tUSD\t100\n", "christmas\n", "may\n"));
  EXPECT_THAT(ParseScopeData("a.jsonl\tnumber\tmaybe\t-\n", "", "", ""),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("unknown scope \"maybe\"")));
  EXPECT_THAT(ParseScopeData("a.jsonl\tnumber\tout\t-\n", "", "", ""),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("without a reason")));
  EXPECT_THAT(ParseScopeData(absl::StrCat(kOk, kOk), "", "", ""),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("suites.tsv:2: duplicate file")));
  EXPECT_THAT(ParseScopeData(kOk, "Cent\tUSD\tzero\n", "", ""),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("divisor \"zero\"")));
  EXPECT_THAT(ParseScopeData("a.jsonl\tnumber\n", "", "", ""),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected 4 fields, got 2")));
}

// ---- Reading cases
// -----------------------------------------------------------

SuiteCase Parse(const std::string& json) {
  absl::StatusOr<SuiteCase> c =
      ParseSuiteCase(json, "suite/file.jsonl", 3, EmbeddedScopeData());
  EXPECT_OK(c);
  return c.ok() ? *c : SuiteCase();
}

TEST(SuiteCaseTest, ReadsPastAndFutureReadingsOfAParserCase) {
  const SuiteCase c = Parse(R"json({"suite": "recognizers-text",
      "case_index": 30, "input": "I'll go back May twenty one",
      "reference_datetime": "2016-11-07T00:00:00", "partial_annotation": true,
      "expected": [{"type": "date", "suite_type": "date",
        "text": "May twenty one", "byte_start": 13, "byte_end": 27,
        "value": "XXXX-05-21", "resolution": {"Timex": "XXXX-05-21",
          "FutureResolution": {"date": "2017-05-21"},
          "PastResolution": {"date": "2016-05-21"}}}]})json");
  EXPECT_EQ(c.published, "2016-11-07");
  EXPECT_TRUE(c.partial_annotation);
  EXPECT_EQ(c.case_index, 30);
  ASSERT_THAT(c.expected, SizeIs(1));
  const ExpectedEntity& e = c.expected[0];
  EXPECT_EQ(e.category, Category::kDate);
  EXPECT_EQ(e.begin, 13u);
  EXPECT_EQ(e.end, 27u);
  EXPECT_THAT(Strings(e.readings), ElementsAre("2016-05-21", "2017-05-21"));
  EXPECT_TRUE(e.out_of_scope.empty());
}

TEST(SuiteCaseTest, ComparesTheAnchorOfAnOpenRange) {
  const SuiteCase c = Parse(R"json({"suite": "recognizers-text",
      "input": "I'll be out since August",
      "reference_datetime": "2016-11-07T00:00:00",
      "expected": [{"type": "daterange", "text": "since August",
        "byte_start": 12, "byte_end": 24, "value": "XXXX-08",
        "resolution": {"values": [
          {"timex": "XXXX-08", "Mod": "since", "type": "daterange",
           "start": "2016-08-01"},
          {"timex": "XXXX-08", "Mod": "since", "type": "daterange",
           "start": "2017-08-01"}]}}]})json");
  ASSERT_THAT(c.expected, SizeIs(1));
  EXPECT_THAT(Strings(c.expected[0].readings),
              ElementsAre("2016-08-01..2016-08-31", "2017-08-01..2017-08-31"));
  const SuiteCase after = Parse(R"json({"suite": "recognizers-text",
      "input": "show me sales after 2010",
      "reference_datetime": "2018-05-31T00:00:00",
      "expected": [{"type": "daterange", "text": "after 2010",
        "byte_start": 14, "byte_end": 24, "value": "2010",
        "resolution": {"values": [{"timex": "2010", "Mod": "after",
          "type": "daterange", "start": "2011-01-01"}]}}]})json");
  EXPECT_THAT(Strings(after.expected[0].readings),
              ElementsAre("2010-01-01..2010-12-31"));
}

TEST(SuiteCaseTest, ARangeNamingBothEndsAlsoReadsInclusively) {
  const SuiteCase c = Parse(R"json({"suite": "recognizers-text",
      "input": "The range is 2014 to 2018.",
      "reference_datetime": "2016-11-07T00:00:00",
      "expected": [{"type": "daterange", "text": "2014 to 2018",
        "byte_start": 13, "byte_end": 25,
        "value": "(2014-01-01,2018-01-01,P4Y)",
        "resolution": {"values": [{"timex": "(2014-01-01,2018-01-01,P4Y)",
          "type": "daterange", "start": "2014-01-01",
          "end": "2018-01-01"}]}}]})json");
  EXPECT_THAT(Strings(c.expected[0].readings),
              ElementsAre("2014-01-01..2017-12-31", "2014-01-01..2018-12-31"));
  // "next 3 days" names no end: only the suite's reading.
  const SuiteCase next = Parse(R"json({"suite": "recognizers-text",
      "input": "I'll be out next 3 days",
      "reference_datetime": "2016-11-07T00:00:00",
      "expected": [{"type": "daterange", "text": "next 3 days",
        "byte_start": 12, "byte_end": 23,
        "value": "(2016-11-08,2016-11-11,P3D)",
        "resolution": {"values": [{"timex": "(2016-11-08,2016-11-11,P3D)",
          "type": "daterange", "start": "2016-11-08",
          "end": "2016-11-11"}]}}]})json");
  EXPECT_THAT(Strings(next.expected[0].readings),
              ElementsAre("2016-11-08..2016-11-10"));
}

TEST(SuiteCaseTest, UnresolvedAndExtractorEntitiesAreSpanOnly) {
  const SuiteCase season = Parse(R"json({"suite": "recognizers-text",
      "input": "I'll leave this SUMMER",
      "reference_datetime": "2016-11-07T00:00:00",
      "expected": [{"type": "daterange", "text": "this SUMMER",
        "byte_start": 11, "byte_end": 22, "value": "2016-SU",
        "resolution": {"values": [{"timex": "2016-SU", "type": "daterange",
          "value": "not resolved"}]}}]})json");
  EXPECT_TRUE(season.expected[0].span_only);
  const SuiteCase extractor = Parse(R"json({"suite": "recognizers-text",
      "input": "i went back two months ago", "partial_annotation": true,
      "expected": [{"type": "date", "text": "two months ago",
        "byte_start": 12, "byte_end": 26, "value": null}]})json");
  EXPECT_TRUE(extractor.expected[0].span_only);
  EXPECT_EQ(extractor.published, "");
}

TEST(SuiteCaseTest, ReadsTheResolutionWhenTheValueIsNull) {
  // MergedParser gives the resolution without a `value`.
  const SuiteCase c = Parse(R"json({"suite": "recognizers-text",
      "input": "schedule a meeting in 3 weeks for 2 hours",
      "reference_datetime": "2016-11-07T00:00:00", "partial_annotation": true,
      "expected": [
        {"type": "date", "text": "in 3 weeks", "byte_start": 19,
         "byte_end": 29, "value": null, "resolution": {"values": [
           {"timex": "2016-11-28", "type": "date", "value": "2016-11-28"}]}},
        {"type": "duration", "text": "2 hours", "byte_start": 34,
         "byte_end": 41, "value": null, "resolution": {"values": [
           {"timex": "PT2H", "type": "duration", "value": "7200"}]}}]})json");
  ASSERT_THAT(c.expected, SizeIs(2));
  EXPECT_FALSE(c.expected[0].span_only);
  EXPECT_THAT(Strings(c.expected[0].readings), ElementsAre("2016-11-28"));
  EXPECT_THAT(Strings(c.expected[1].readings), ElementsAre("7200"));
}

TEST(SuiteCaseTest, ReadsMoneyInTheMainUnitOfItsCurrency) {
  const SuiteCase c = Parse(R"json({"suite": "recognizers-text",
      "input": "egg prices averaged 64.2 cents a dozen . c $ 5",
      "expected": [
        {"type": "currency", "text": "64.2 cents", "byte_start": 20,
         "byte_end": 30, "value": "64.2", "unit": "Cent"},
        {"type": "currency", "text": "c $ 5", "byte_start": 41,
         "byte_end": 46, "value": "5", "unit": "Canadian dollar",
         "iso_currency": "CAD"},
        {"type": "currency", "text": "dollars", "byte_start": 0,
         "byte_end": 3, "value": null, "unit": "Dollar"}]})json");
  ASSERT_THAT(c.expected, SizeIs(3));
  EXPECT_THAT(Strings(c.expected[0].readings), ElementsAre("USD 0.642"));
  EXPECT_THAT(Strings(c.expected[1].readings), ElementsAre("CAD 5"));
  EXPECT_EQ(c.expected[2].value_error, "no amount");
  EXPECT_EQ(c.expected[2].out_of_scope, kRuleNoAmount);
  const SuiteCase duckling = Parse(R"json({"suite": "duckling",
      "corpus": "corpus", "locale": "EN", "input": "between 10 and 20 dollars",
      "expected": [{"type": "currency", "text": "between 10 and 20 dollars",
        "byte_start": 0, "byte_end": 25, "value": "10..20",
        "unit": "Dollar"}]})json");
  EXPECT_THAT(Strings(duckling.expected[0].readings),
              ElementsAre("USD ?10,20?"));
}

TEST(SuiteCaseTest, AppliesEntityAndCaseRules) {
  const SuiteCase c = Parse(R"json({"suite": "recognizers-text",
      "input": "i'll go back may 5 or on Christmas; call +1-222-2222 or last",
      "reference_datetime": "2016-11-07T00:00:00",
      "expected": [
        {"type": "date", "text": "may 5", "byte_start": 13, "byte_end": 18,
         "value": "XXXX-05-05", "resolution": {"values": [{"timex":
         "XXXX-05-05", "type": "date", "value": "2016-05-05"}]}},
        {"type": "date", "text": "Christmas", "byte_start": 25,
         "byte_end": 34, "value": "XXXX-12-25", "resolution": {"values": [
         {"timex": "XXXX-12-25", "type": "date", "value": "2016-12-25"}]}},
        {"type": "number", "text": "222", "byte_start": 44, "byte_end": 47,
         "value": "222"},
        {"type": "ordinal", "suite_type": "ordinal.relative", "text": "last",
         "byte_start": 56, "byte_end": 60, "value": "end+0"},
        {"type": "time", "text": "5", "byte_start": 17, "byte_end": 18,
         "value": "T05"}]})json");
  ASSERT_THAT(c.expected, SizeIs(5));
  EXPECT_EQ(c.expected[0].out_of_scope, kRuleLowercaseCalendarWord);
  EXPECT_EQ(c.expected[1].out_of_scope, kRuleHoliday);
  EXPECT_EQ(c.expected[2].out_of_scope, kRuleDigitSequence);
  EXPECT_EQ(c.expected[3].out_of_scope, kRuleRelativeOrdinal);
  EXPECT_FALSE(c.expected[3].value_error.empty());
  EXPECT_FALSE(c.expected[4].category.has_value());
  EXPECT_TRUE(c.out_of_scope.empty());

  EXPECT_EQ(Parse(R"json({"suite": "recognizers-text", "input": "x",
      "not_supported": "dotnet, java", "expected": []})json")
                .out_of_scope,
            kRuleNotSupportedByDotnet);
  EXPECT_EQ(Parse(R"json({"suite": "duckling", "input": "x",
      "corpus": "latentCorpus", "locale": "EN", "expected": []})json")
                .out_of_scope,
            kRuleLatent);
  EXPECT_EQ(Parse(R"json({"suite": "duckling", "input": "x",
      "corpus": "corpus", "locale": "EN_AU", "expected": []})json")
                .out_of_scope,
            kRuleRegionalLocale);
}

TEST(SuiteCaseTest, LeavesOutDucklingDatesResolvedForwardWithoutACue) {
  // "Aug 8" said on 2013-02-12: Duckling's next Aug 8 is 2013-08-08; the
  // text names no year and no direction, so the case tests the assistant
  // convention and is left out.
  const auto duckling = [](absl::string_view text, absl::string_view value) {
    return Parse(absl::StrCat(
        R"json({"suite": "duckling", "corpus": "corpus", "locale": "EN",
        "reference_datetime": "2013-02-12T04:30:00-02:00", "input": ")json",
        text, R"json(", "expected": [{"type": "date", "text": ")json", text,
        R"json(", "byte_start": 0, "byte_end": )json", text.size(),
        R"json(, "value": ")json", value, R"json(", "grain": "day"}]})json"));
  };
  EXPECT_EQ(duckling("Aug 8", "2013-08-08T00:00:00.000-02:00")
                .expected[0]
                .out_of_scope,
            kRuleForwardResolution);
  // A direction word, a written year or a date on or before the reference
  // keeps the entity in scope.
  EXPECT_EQ(duckling("next Aug 8", "2013-08-08T00:00:00.000-02:00")
                .expected[0]
                .out_of_scope,
            "");
  EXPECT_EQ(duckling("Aug 8 2013", "2013-08-08T00:00:00.000-02:00")
                .expected[0]
                .out_of_scope,
            "");
  EXPECT_EQ(duckling("Feb 1", "2013-02-01T00:00:00.000-02:00")
                .expected[0]
                .out_of_scope,
            "");
  EXPECT_EQ(duckling("tomorrow", "2013-02-13T00:00:00.000-02:00")
                .expected[0]
                .out_of_scope,
            "");
  // A count of time from the reference states its direction; "in" and
  // "to" only join a date or a range.
  EXPECT_EQ(duckling("in 2 weeks", "2013-02-26T00:00:00.000-02:00")
                .expected[0]
                .out_of_scope,
            "");
  EXPECT_EQ(duckling("in March", "2013-03-01T00:00:00.000-02:00")
                .expected[0]
                .out_of_scope,
            kRuleForwardResolution);
  EXPECT_EQ(duckling("July 13 to 15", "2013-07-13T00:00:00.000-02:00")
                .expected[0]
                .out_of_scope,
            kRuleForwardResolution);
}

TEST(SuiteCaseTest, LeavesOutExponentAndScientificNotation) {
  const SuiteCase c = Parse(R"json({"suite": "recognizers-text",
      "input": "-2.5^-1 or 12.32e+14 or 1e10, not 3 eggs or e5 or 1,3",
      "expected": [
        {"type": "number", "text": "-2.5^-1", "byte_start": 0,
         "byte_end": 7, "value": "-0.4"},
        {"type": "number", "text": "12.32e+14", "byte_start": 11,
         "byte_end": 20, "value": "1.232E+15"},
        {"type": "number", "text": "1e10", "byte_start": 24,
         "byte_end": 28, "value": "10000000000"},
        {"type": "number", "text": "3", "byte_start": 34,
         "byte_end": 35, "value": "3"},
        {"type": "number", "text": "1,3", "byte_start": 50,
         "byte_end": 53, "value": "1.3"}]})json");
  ASSERT_THAT(c.expected, SizeIs(5));
  EXPECT_EQ(c.expected[0].out_of_scope, kRuleExponent);
  EXPECT_EQ(c.expected[1].out_of_scope, kRuleExponent);
  EXPECT_EQ(c.expected[2].out_of_scope, kRuleExponent);
  EXPECT_EQ(c.expected[3].out_of_scope, "");
  EXPECT_EQ(c.expected[4].out_of_scope, "");
}

TEST(SuiteCaseTest, RejectsMalformedLinesNamingFileAndLine) {
  const ScopeData& data = EmbeddedScopeData();
  EXPECT_THAT(ParseSuiteCase("{not json", "d/f.jsonl", 7, data),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("d/f.jsonl:7: not a JSON object")));
  EXPECT_THAT(ParseSuiteCase(R"({"expected": []})", "d/f.jsonl", 8, data),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("d/f.jsonl:8: case without a string")));
  EXPECT_THAT(
      ParseSuiteCase(R"({"input": "ab", "expected": [{"type": "number",
          "text": "abc", "byte_start": 0, "byte_end": 3, "value": "1"}]})",
                     "d/f.jsonl", 9, data),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("d/f.jsonl:9: expected[0] \"abc\" has no valid")));
}

// ---- Claims and scoring
// ------------------------------------------------------

Claim FigureClaim(uint32_t begin, uint32_t end, double value,
                  Figure::Qualifier qualifier = Figure::QUALIFIER_EXACT,
                  const std::string& unit = "",
                  std::optional<double> value_max = std::nullopt) {
  Claim claim;
  claim.set_kind(Claim::KIND_FIGURE);
  claim.mutable_span()->set_begin(begin);
  claim.mutable_span()->set_end(end);
  Figure* f = claim.mutable_figure();
  f->set_value(value);
  if (value_max.has_value()) f->set_value_max(*value_max);
  f->set_qualifier(qualifier);
  f->set_unit(unit);
  return claim;
}

Claim DateClaim(uint32_t begin, uint32_t end, const char* start,
                const char* last, Date::Granularity granularity) {
  Claim claim;
  claim.set_kind(Claim::KIND_DATE);
  claim.mutable_span()->set_begin(begin);
  claim.mutable_span()->set_end(end);
  *claim.mutable_date() = MakeDate(start, last, granularity);
  return claim;
}

std::vector<std::string> ItemStrings(const std::vector<FoundItem>& items) {
  std::vector<std::string> out;
  for (const FoundItem& item : items) {
    out.push_back(absl::StrCat(CategoryName(item.category), ":", item.type, " ",
                               absl::StrJoin(Strings(item.views), "|")));
  }
  return out;
}

TEST(ScoreTest, SeesEachClaimInItsCategories) {
  Claim vague = FigureClaim(0, 7, 0, Figure::QUALIFIER_VAGUE);
  vague.mutable_figure()->clear_value();
  Claim ordinal = FigureClaim(0, 5, 31);
  ordinal.mutable_figure()->set_ordinal(true);
  const std::vector<Claim> claims = {
      FigureClaim(0, 17, 20, Figure::QUALIFIER_RANGE, "", 30),
      FigureClaim(0, 5, 48.5e9, Figure::QUALIFIER_MORE_THAN, "USD"),
      FigureClaim(0, 3, 12, Figure::QUALIFIER_EXACT, "percent"),
      FigureClaim(0, 6, 3, Figure::QUALIFIER_EXACT, "day"),
      vague,
      ordinal,
      DateClaim(0, 4, "2016", "2016", Date::GRANULARITY_YEAR),
      DateClaim(0, 6, "", "", Date::GRANULARITY_DAY),
  };
  EXPECT_THAT(
      ItemStrings(FoundItems(claims)),
      ElementsAre("number:number 20|30", "numberrange:numberrange [20,30]",
                  "number:number 48500000000",
                  "currency:currency USD 48500000000|USD (48500000000,)",
                  "numberrange:numberrange (48500000000,)", "number:number 12",
                  "percent:percent 12", "number:number 3",
                  "duration:duration 259200", "ordinal:ordinal 31",
                  "date:daterange 2016-01-01..2016-12-31", "date:date "));
}

// A case of `file_types` with the given expected entities.
SuiteCase CaseWith(std::vector<ExpectedEntity> expected) {
  SuiteCase c;
  c.file = "f.jsonl";
  c.expected = std::move(expected);
  return c;
}

ExpectedEntity Entity(const char* type, uint32_t begin, uint32_t end,
                      std::vector<Value> readings) {
  ExpectedEntity e;
  e.type = type;
  e.category = CategoryOfType(type);
  e.begin = begin;
  e.end = end;
  e.readings = std::move(readings);
  return e;
}

struct Tallies {
  size_t expected = 0, expected_matched = 0, found = 0, found_matched = 0;
};

Tallies Tally(const std::vector<CategoryOutcome>& outcomes, Category category) {
  Tallies t;
  for (const CategoryOutcome& o : outcomes) {
    if (o.category != category) continue;
    t.expected = o.expected.size();
    t.found = o.found.size();
    for (bool m : o.expected_matched) t.expected_matched += m;
    for (bool m : o.found_matched) t.found_matched += m;
  }
  return t;
}

TEST(ScoreTest, MatchesOnOverlapAndValue) {
  // "between 20 and 30": the suite's two numbers, one range claim.
  const SuiteCase c = CaseWith({Entity("number", 8, 10, {Value::Number(20)}),
                                Entity("number", 15, 17, {Value::Number(30)})});
  const std::vector<FoundItem> items =
      FoundItems({FigureClaim(0, 17, 20, Figure::QUALIFIER_RANGE, "", 30)});
  const Tallies t =
      Tally(ScoreCase(c, {"number"}, items, Mode::kInScope), Category::kNumber);
  EXPECT_EQ(t.expected, 2u);
  EXPECT_EQ(t.expected_matched, 2u);
  EXPECT_EQ(t.found, 1u);
  EXPECT_EQ(t.found_matched, 1u);
}

TEST(ScoreTest, AWrongValueIsAMissAndAFalsePositive) {
  const SuiteCase c = CaseWith({Entity("number", 0, 3, {Value::Number(0.08)})});
  const std::vector<FoundItem> items = FoundItems({FigureClaim(1, 3, 8)});
  const Tallies t =
      Tally(ScoreCase(c, {"number"}, items, Mode::kInScope), Category::kNumber);
  EXPECT_EQ(t.expected_matched, 0u);
  EXPECT_EQ(t.found, 1u);
  EXPECT_EQ(t.found_matched, 0u);
  // No overlap, right value: no match either.
  const std::vector<FoundItem> apart = FoundItems({FigureClaim(5, 7, 0.08)});
  EXPECT_EQ(
      Tally(ScoreCase(c, {"number"}, apart, Mode::kInScope), Category::kNumber)
          .expected_matched,
      0u);
}

TEST(ScoreTest, ExpectedNothingCountsFalsePositivesOfTheFileTypesOnly) {
  const SuiteCase c = CaseWith({});
  const std::vector<FoundItem> items =
      FoundItems({FigureClaim(0, 3, 12, Figure::QUALIFIER_EXACT, "percent"),
                  DateClaim(5, 9, "2016", "2016", Date::GRANULARITY_YEAR)});
  const std::vector<CategoryOutcome> outcomes =
      ScoreCase(c, {"percent"}, items, Mode::kInScope);
  ASSERT_THAT(outcomes, SizeIs(1));
  EXPECT_EQ(Tally(outcomes, Category::kPercent).found, 1u);
  // A file of single dates does not count a found year against itself...
  EXPECT_EQ(
      Tally(ScoreCase(c, {"date"}, items, Mode::kInScope), Category::kDate)
          .found,
      0u);
  // ...but one of date ranges does.
  EXPECT_EQ(
      Tally(ScoreCase(c, {"daterange"}, items, Mode::kInScope), Category::kDate)
          .found,
      1u);
}

TEST(ScoreTest, AClaimOverAnotherCategoryOrALeftOutEntityIsChargedOnce) {
  const absl::CivilDay d(2016, 11, 8);
  ExpectedEntity lowercase = Entity("date", 20, 25, {Value::Days(d, d + 1)});
  lowercase.out_of_scope = kRuleLowercaseCalendarWord;
  const SuiteCase c = CaseWith(
      {Entity("daterange", 0, 11, {Value::Days(d, d + 3)}),  // "next 3 days"
       lowercase, Entity("time", 30, 33, {})});
  const std::vector<FoundItem> items = FoundItems(
      {FigureClaim(5, 11, 3, Figure::QUALIFIER_EXACT, "day"),
       DateClaim(20, 25, "2016-11-09", "2016-11-09", Date::GRANULARITY_DAY),
       DateClaim(30, 33, "2016-11-07", "2016-11-07", Date::GRANULARITY_DAY)});
  const std::vector<std::string> types = {"date", "daterange", "duration",
                                          "time"};
  const std::vector<CategoryOutcome> in_scope =
      ScoreCase(c, types, items, Mode::kInScope);
  EXPECT_EQ(Tally(in_scope, Category::kDuration).found, 0u);
  const Tallies dates = Tally(in_scope, Category::kDate);
  EXPECT_EQ(dates.expected, 1u);
  EXPECT_EQ(dates.expected_matched, 0u);
  EXPECT_EQ(dates.found, 0u);
  // Scoring all cases, the lowercase entity is scored, and its wrong claim
  // counts.
  const Tallies all =
      Tally(ScoreCase(c, types, items, Mode::kAll), Category::kDate);
  EXPECT_EQ(all.expected, 2u);
  EXPECT_EQ(all.found, 1u);
  EXPECT_EQ(all.found_matched, 0u);
}

TEST(ScoreTest, SpanOnlyEntitiesMatchAnyOverlappingClaim) {
  ExpectedEntity e = Entity("date", 13, 27, {});
  e.span_only = true;
  const SuiteCase c = CaseWith({e});
  const std::vector<FoundItem> items =
      FoundItems({DateClaim(13, 16, "", "", Date::GRANULARITY_DAY)});
  const Tallies t =
      Tally(ScoreCase(c, {"date"}, items, Mode::kInScope), Category::kDate);
  EXPECT_EQ(t.expected_matched, 1u);
  EXPECT_EQ(t.found_matched, 1u);
}

// ---- The whole run
// -----------------------------------------------------------

TEST(PeerEvalTest, ScoresASuiteDirectory) {
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) / "peer_eval_suites";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "recognizers-text/Number");
  std::filesystem::create_directories(dir / "other");
  {
    std::ofstream out(dir / "recognizers-text/Number/PercentModel.jsonl");
    out << R"({"suite": "recognizers-text", "case_index": 0, "input": "Prices rose 20% in a year.", "expected": [{"type": "percent", "text": "20%", "byte_start": 12, "byte_end": 15, "value": "20%"}]})"
        << "\n\n"
        << R"({"suite": "recognizers-text", "case_index": 1, "input": "Nothing to see.", "not_supported": "dotnet", "expected": []})"
        << "\n";
  }
  { std::ofstream out(dir / "other/new.jsonl"); }
  EvalOptions options;
  options.suites_dir = dir.string();
  options.failures = Category::kPercent;
  options.failures_mode = Mode::kAll;
  const absl::StatusOr<EvalReport> report = RunPeerEval(options);
  ASSERT_OK(report);
  bool saw_in_scope = false;
  for (const Score& s : report->scores()) {
    if (s.scope() == "in-scope" && s.suite() == "all" &&
        s.category() == "percent") {
      saw_in_scope = true;
      EXPECT_EQ(s.cases(), 1u);
      EXPECT_EQ(s.expected(), 1u);
    }
    if (s.scope() == "all" && s.suite() == "all") {
      EXPECT_EQ(s.category(), "percent");
      EXPECT_EQ(s.cases(), 2u);
    }
  }
  EXPECT_TRUE(saw_in_scope);
  for (const FileSummary& f : report->files()) {
    if (f.file() == "recognizers-text/Number/PercentModel.jsonl") {
      EXPECT_EQ(f.scope(), "in");
      EXPECT_EQ(f.cases(), 2u);
      EXPECT_EQ(f.cases_in_scope(), 1u);
    }
    if (f.file() == "recognizers-text/Number/NumberModel.jsonl") {
      EXPECT_EQ(f.scope(), "missing");
    }
    if (f.file() == "other/new.jsonl") {
      EXPECT_EQ(f.scope(), "unknown");
    }
  }
  ASSERT_THAT(report->exclusions(), SizeIs(::testing::Ge(1)));
  const std::string markdown = FormatMarkdown(*report);
  EXPECT_THAT(markdown, HasSubstr("## In scope"));
  EXPECT_THAT(markdown, HasSubstr("| percent | **all suites** | 1 | 1 |"));

  options.suites_dir = (dir / "nowhere").string();
  EXPECT_THAT(RunPeerEval(options),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("nowhere")));
}

// ---- Claims of another system (--claims) ----------------------------------

TEST(ClaimsFileTest, ReadsTheClaimsOfEachCase) {
  const absl::StatusOr<ClaimsFile> file = ParseClaimsFile(
      R"({"system": "peer", "file": "a.jsonl", "line": 3, "claims": [{"kind": "KIND_FIGURE", "span": {"begin": 12, "end": 15}, "text": "20%", "figure": {"value": 20, "unit": "percent"}}]})"
      "\n\n"
      R"({"system": "peer", "file": "a.jsonl", "line": 4, "claims": [{"kind": "KIND_DATE", "span": {"begin": 0, "end": 4}, "date": {"start": "2016", "end": "2016", "granularity": "GRANULARITY_YEAR"}}]})"
      "\n"
      R"({"system": "peer", "file": "b.jsonl", "line": 1, "claims": []})"
      "\n",
      "peer.jsonl");
  ASSERT_OK(file);
  EXPECT_EQ(file->system, "peer");
  ASSERT_NE(file->Find("a.jsonl", 3), nullptr);
  EXPECT_EQ(file->Find("a.jsonl", 3)->source_line, 1);
  ASSERT_THAT(file->Find("a.jsonl", 3)->claims, SizeIs(1));
  const Claim& percent = file->Find("a.jsonl", 3)->claims[0];
  EXPECT_EQ(percent.figure().unit(), "percent");
  EXPECT_EQ(percent.figure().value(), 20);
  EXPECT_EQ(percent.span().end(), 15u);
  ASSERT_NE(file->Find("a.jsonl", 4), nullptr);
  EXPECT_EQ(file->Find("a.jsonl", 4)->source_line, 3);
  EXPECT_EQ(file->Find("a.jsonl", 4)->claims[0].date().granularity(),
            Date::GRANULARITY_YEAR);
  ASSERT_NE(file->Find("b.jsonl", 1), nullptr);
  EXPECT_THAT(file->Find("b.jsonl", 1)->claims, SizeIs(0));
  EXPECT_EQ(file->Find("b.jsonl", 2), nullptr);
  EXPECT_EQ(file->Find("c.jsonl", 1), nullptr);
}

TEST(ClaimsFileTest, RejectsMalformedLinesNamingFileAndLine) {
  struct BadLine {
    const char* line;
    const char* message;
  };
  const char kGood[] = R"({"system": "peer", "file": "a.jsonl", "line": 1})";
  const BadLine kBad[] = {
      {"not json", "peer.jsonl:2: not a CaseClaims JSON object"},
      {R"({"system": "peer", "file": "a.jsonl", "line": 2, "score": 1})",
       "peer.jsonl:2: not a CaseClaims JSON object"},
      {R"({"system": "peer", "line": 2})", "peer.jsonl:2: needs the case's"},
      {R"({"system": "other", "file": "a.jsonl", "line": 2})",
       "peer.jsonl:2: system \"other\" differs"},
      {kGood, "peer.jsonl:2: case a.jsonl:1 was already given at line 1"},
      {R"({"system": "peer", "file": "a.jsonl", "line": 2, "claims": [{"kind": "KIND_QUOTE", "span": {"begin": 0, "end": 2}}]})",
       "peer.jsonl:2: claim 0 is a claim of kind KIND_QUOTE"},
      {R"({"system": "peer", "file": "a.jsonl", "line": 2, "claims": [{"kind": "KIND_DATE", "span": {"begin": 0, "end": 2}}]})",
       "peer.jsonl:2: claim 0 is a KIND_DATE claim without a date"},
      {R"({"system": "peer", "file": "a.jsonl", "line": 2, "claims": [{"kind": "KIND_FIGURE", "span": {"begin": 5, "end": 2}, "figure": {"value": 1}}]})",
       "peer.jsonl:2: claim 0 is a reversed span [5,2)"},
  };
  for (const BadLine& bad : kBad) {
    EXPECT_THAT(
        ParseClaimsFile(absl::StrCat(kGood, "\n", bad.line, "\n"),
                        "peer.jsonl"),
        StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(bad.message)))
        << bad.line;
  }
}

// A suite directory with one in-scope percent file of two cases.
std::filesystem::path WritePercentSuite(const char* name) {
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "recognizers-text/Number");
  std::ofstream out(dir / "recognizers-text/Number/PercentModel.jsonl");
  out << R"({"suite": "recognizers-text", "case_index": 0, "input": "Prices rose 20% in a year.", "expected": [{"type": "percent", "text": "20%", "byte_start": 12, "byte_end": 15, "value": "20%"}]})"
      << "\n\n"
      << R"({"suite": "recognizers-text", "case_index": 1, "input": "Costs fell 7% and 3%.", "expected": [{"type": "percent", "text": "7%", "byte_start": 11, "byte_end": 13, "value": "7%"}, {"type": "percent", "text": "3%", "byte_start": 18, "byte_end": 20, "value": "3%"}]})"
      << "\n";
  return dir;
}

void WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
}

const Score* FindScore(const EvalReport& report, const char* scope,
                       const char* category) {
  for (const Score& s : report.scores()) {
    if (s.scope() == scope && s.suite() == "all" && s.file().empty() &&
        s.category() == category) {
      return &s;
    }
  }
  return nullptr;
}

constexpr char kPercentFile[] = "recognizers-text/Number/PercentModel.jsonl";

std::string ClaimsLine(int line, const std::string& claims) {
  return absl::StrCat(R"({"system": "peer", "file": ")", kPercentFile,
                      R"(", "line": )", line, R"(, "claims": [)", claims,
                      "]}\n");
}

std::string PercentClaim(int begin, int end, double value) {
  return absl::StrCat(R"({"kind": "KIND_FIGURE", "span": {"begin": )", begin,
                      R"(, "end": )", end, R"(}, "figure": {"value": )", value,
                      R"(, "unit": "percent"}})");
}

TEST(PeerEvalTest, ScoresAClaimsFileWithTheSameRules) {
  const std::filesystem::path dir = WritePercentSuite("claims_suites");
  const std::filesystem::path claims = dir / "peer.jsonl";
  // Case 1: right. Case 3: "7%" right, "3%" read as 30 (a miss and a false
  // positive), and a percent where nothing is expected (a false positive).
  WriteFile(claims,
            ClaimsLine(1, PercentClaim(12, 15, 20)) +
                ClaimsLine(3, absl::StrCat(PercentClaim(11, 13, 7), ",",
                                           PercentClaim(18, 20, 30), ",",
                                           PercentClaim(0, 5, 1))));
  EvalOptions options;
  options.suites_dir = dir.string();
  options.claims_file = claims.string();
  const absl::StatusOr<EvalReport> report = RunPeerEval(options);
  ASSERT_OK(report);
  EXPECT_EQ(report->system(), "peer");
  EXPECT_EQ(report->claims_file(), claims.string());
  const Score* percent = FindScore(*report, "in-scope", "percent");
  ASSERT_NE(percent, nullptr);
  EXPECT_EQ(percent->cases(), 2u);
  EXPECT_EQ(percent->expected(), 3u);
  EXPECT_EQ(percent->expected_matched(), 2u);
  EXPECT_EQ(percent->found(), 4u);
  EXPECT_EQ(percent->found_matched(), 2u);
  EXPECT_THAT(FormatMarkdown(*report), HasSubstr("# peer on the peer suites"));

  // Without --claims the same suite scores crosscheck's own extraction.
  options.claims_file.clear();
  const absl::StatusOr<EvalReport> own = RunPeerEval(options);
  ASSERT_OK(own);
  EXPECT_EQ(own->system(), "crosscheck");
  EXPECT_EQ(own->claims_file(), "");
}

TEST(PeerEvalTest, AClaimsFileMustCoverExactlyTheCasesRead) {
  const std::filesystem::path dir = WritePercentSuite("claims_suites_bad");
  const std::filesystem::path claims = dir / "peer.jsonl";
  EvalOptions options;
  options.suites_dir = dir.string();
  options.claims_file = claims.string();

  WriteFile(claims, ClaimsLine(1, ""));
  EXPECT_THAT(RunPeerEval(options),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr(absl::StrCat(kPercentFile,
                                              ":3: no line for this case"))));

  WriteFile(claims, ClaimsLine(1, "") + ClaimsLine(3, "") + ClaimsLine(2, ""));
  EXPECT_THAT(RunPeerEval(options),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr(absl::StrCat(":3: names ", kPercentFile,
                                              ":2, which is no case"))));

  WriteFile(claims,
            ClaimsLine(1, PercentClaim(12, 40, 20)) + ClaimsLine(3, ""));
  EXPECT_THAT(
      RunPeerEval(options),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("a claim's span [12,40) ends past the input")));

  options.claims_file = (dir / "nowhere.jsonl").string();
  EXPECT_THAT(RunPeerEval(options), StatusIs(absl::StatusCode::kNotFound,
                                             HasSubstr("nowhere.jsonl")));
}

}  // namespace
}  // namespace crosscheck::peer_eval
