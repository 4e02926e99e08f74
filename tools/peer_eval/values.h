// Normalized values for the peer-suite accuracy harness: what an expected
// entity of a peer suite says ("[20,30)", "20%", "(2014-01-01,2018-01-01,
// P4Y)", "2013-02-18T00:00:00.000-02:00") and what a crosscheck claim says,
// in one comparable form, and the rule that says when the two agree.
//
//   absl::StatusOr<Value> range = ParseNumberRange("[20,30)");
//   Agrees(*range, Value::Interval(20, 30, true, true));  // true
//
// Every parser here is locale-independent and pure; errors are
// kInvalidArgument naming the offending text.

#ifndef TOOLS_PEER_EVAL_VALUES_H_
#define TOOLS_PEER_EVAL_VALUES_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "proto/crosscheck/v1/claim.pb.h"

namespace crosscheck::peer_eval {

// The categories scored, each with its own table row.
enum class Category {
  kNumber,
  kOrdinal,
  kPercent,
  kNumberRange,
  kCurrency,
  kDate,
  kDuration,
};
inline constexpr Category kCategories[] = {
    Category::kNumber,      Category::kOrdinal,  Category::kPercent,
    Category::kNumberRange, Category::kCurrency, Category::kDate,
    Category::kDuration};

// "number", "ordinal", "percent", "numberrange", "currency", "date",
// "duration".
absl::string_view CategoryName(Category category);
// The inverse of CategoryName; nullopt for any other name.
std::optional<Category> ParseCategory(absl::string_view name);
// The category under which expected entities of the suites' normalized type
// `type` are scored: the category of the same name, and kDate for "date"
// and "daterange". nullopt for the types never scored ("time", "timerange",
// "datetime", "datetimerange", "set", "timezone", "datetimealt", "temporal",
// "dimension", "age", "temperature", "quote").
std::optional<Category> CategoryOfType(absl::string_view type);

// A value to compare. Numbers, money, percentages and durations are kNumber
// (durations in seconds, money in the main unit of `currency`); ranges and
// open bounds ("more than 30") are kInterval; dates are kDays.
// Copyable.
struct Value {
  enum class Kind { kNumber, kInterval, kDays };

  static Value Number(double number, std::string currency = "");
  static Value Interval(std::optional<double> low, std::optional<double> high,
                        std::optional<bool> low_inclusive,
                        std::optional<bool> high_inclusive,
                        std::string currency = "");
  // The days [first, end): end exclusive.
  static Value Days(absl::CivilDay first, absl::CivilDay end);

  // "20", "USD 5", "(30,)", "[20,30]", "(20,?)" (inclusion not stated),
  // "2016-09-01", "2016-09-01..2016-09-30" (last day inclusive).
  std::string ToString() const;

  Kind kind = Kind::kNumber;
  // kNumber.
  double number = 0;
  // kInterval: the bounds; an unset bound is an open side.
  std::optional<double> low;
  std::optional<double> high;
  // kInterval: whether each bound belongs to the interval; unset when the
  // suite does not say (Duckling's "under"/"above").
  std::optional<bool> low_inclusive;
  std::optional<bool> high_inclusive;
  // kNumber and kInterval of money: ISO 4217 code. On an expected value,
  // empty means any currency.
  std::string currency;
  // kDays.
  absl::CivilDay first_day;
  absl::CivilDay end_day;
};

// Whether `unit` has the form of an ISO 4217 code: three capital letters.
bool IsIsoCurrencyCode(absl::string_view unit);

// True when a and b differ by at most 1e-9 of the larger magnitude.
bool NearlyEqual(double a, double b);

// Whether a claim's value `found` agrees with the suite's value `expected`:
//  - kNumber: the numbers are NearlyEqual, and the currencies are equal
//    unless `expected.currency` is empty;
//  - kInterval: the same sides are open and the bounds NearlyEqual; for a
//    one-sided interval the inclusion of the bound must agree too when the
//    expected value states it ("more than 30" is not "at least 30"); a
//    two-sided range ignores inclusion (the suites' "[20,30)" for "between
//    20 and 30" is a convention the text does not state); currency as for
//    kNumber;
//  - kDays: the same first and end day.
// Values of different kinds never agree.
bool Agrees(const Value& expected, const Value& found);

// A plain decimal number as the suites write it: "192", "-0.5",
// "1.2732E+15", "1,000" is an error.
absl::StatusOr<double> ParseSuiteNumber(absl::string_view text);

// Recognizers-Text percent: "20%" -> 20.
absl::StatusOr<Value> ParsePercent(absl::string_view text);

// Recognizers-Text number range in interval notation: "(30,)" (more than
// 30), "[20,30)", "(,5]".
absl::StatusOr<Value> ParseNumberRange(absl::string_view text);

// Duckling amount: "10" (kNumber), "10..20" (a range, inclusion not
// stated), "..7" (under), "1.42.." (above).
absl::StatusOr<Value> ParseDucklingAmount(absl::string_view text,
                                          const std::string& currency);

// Seconds in one `unit`: second, minute, hour, day, week, month (30 days),
// year (365 days), decade, century; singular, as crosscheck's Figure.unit
// and Duckling's grain write them. The month and year lengths are those of
// the Recognizers-Text resolutions. nullopt for anything else.
std::optional<double> SecondsPerUnit(absl::string_view unit);

// An ISO 8601 duration as the Recognizers-Text timex writes it: "P3D",
// "PT1.5H", "P1Y2M", "P2W". Business days ("P1BD") and unknown amounts
// ("PXD") are errors.
absl::StatusOr<double> ParseIsoDurationSeconds(absl::string_view timex);

// "YYYY-MM-DD", the date part of an ISO date-time ("2016-11-07T00:00:00",
// "2016-11-07 00:00:00") also accepted.
absl::StatusOr<absl::CivilDay> ParseDay(absl::string_view text);

// A Recognizers-Text timex naming days: "2016", "2016-09", "2016-09-04",
// "2016-W45" (ISO week, Monday to Sunday), "2016-W45-WE" (its Saturday and
// Sunday), "(2014-01-01,2018-01-01,P4Y)" (end exclusive), "PRESENT_REF"
// (`reference`). An unknown year "XXXX" takes `year` when given; any other
// unknown part ("XXXX-WXX-5", "SU") is an error.
absl::StatusOr<Value> ParseTimexDays(absl::string_view timex,
                                     std::optional<int> year,
                                     absl::CivilDay reference);

// A Duckling time value of a date or date range: "2013-02-18T00:00:00.000-
// 02:00" with its `grain` (day, week, month, quarter, year) is that whole
// day, week, month...; "START/END" is [START, END) (END exclusive). Open
// intervals ("START/..", "../END") and clock times are errors.
absl::StatusOr<Value> ParseDucklingDays(absl::string_view text,
                                        absl::string_view grain);

// The days a crosscheck Date covers, at its granularity: "2016-09" to
// "2016-10" (MONTH) is 2016-09-01 up to 2016-11-01. nullopt when the date
// is unresolved (empty `start`) or malformed.
std::optional<Value> DaysOfDate(const crosscheck::v1::Date& date);

}  // namespace crosscheck::peer_eval

#endif  // TOOLS_PEER_EVAL_VALUES_H_
