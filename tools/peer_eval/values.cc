#include "tools/peer_eval/values.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace crosscheck::peer_eval {

namespace {

absl::Status Invalid(absl::string_view what, absl::string_view text) {
  return absl::InvalidArgumentError(absl::StrCat(what, " \"", text, "\""));
}

// Shortest decimal that reads back as `v`, without exponent for everyday
// magnitudes: 20, 0.5, 48500000000.
std::string FormatNumber(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e18) {
    return absl::StrFormat("%.0f", v);
  }
  return absl::StrFormat("%.15g", v);
}

bool AllDigits(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// The first day after the period of `grain` starting at `day`.
absl::StatusOr<absl::CivilDay> EndOfGrain(absl::CivilDay day,
                                          absl::string_view grain) {
  if (grain == "day") return day + 1;
  if (grain == "week") return day + 7;
  if (grain == "month") {
    return absl::CivilDay(absl::CivilMonth(day) + 1);
  }
  if (grain == "quarter") {
    return absl::CivilDay(absl::CivilMonth(day) + 3);
  }
  if (grain == "year") return absl::CivilDay(absl::CivilYear(day) + 1);
  return Invalid("not a date grain:", grain);
}

// The Monday of ISO week `week` of ISO year `year`.
absl::CivilDay IsoWeekMonday(int year, int week) {
  // January 4 is always in week 1.
  const absl::CivilDay jan4(year, 1, 4);
  const int weekday_index = (static_cast<int>(absl::GetWeekday(jan4)) + 7 -
                             static_cast<int>(absl::Weekday::monday)) %
                            7;
  return jan4 - weekday_index + 7 * (week - 1);
}

}  // namespace

absl::string_view CategoryName(Category category) {
  switch (category) {
    case Category::kNumber:
      return "number";
    case Category::kOrdinal:
      return "ordinal";
    case Category::kPercent:
      return "percent";
    case Category::kNumberRange:
      return "numberrange";
    case Category::kCurrency:
      return "currency";
    case Category::kDate:
      return "date";
    case Category::kDuration:
      return "duration";
  }
  return "?";
}

std::optional<Category> ParseCategory(absl::string_view name) {
  for (Category c : kCategories) {
    if (CategoryName(c) == name) return c;
  }
  return std::nullopt;
}

std::optional<Category> CategoryOfType(absl::string_view type) {
  if (type == "daterange") return Category::kDate;
  return ParseCategory(type);
}

Value Value::Number(double number, std::string currency) {
  Value v;
  v.kind = Kind::kNumber;
  v.number = number;
  v.currency = std::move(currency);
  return v;
}

Value Value::Interval(std::optional<double> low, std::optional<double> high,
                      std::optional<bool> low_inclusive,
                      std::optional<bool> high_inclusive,
                      std::string currency) {
  Value v;
  v.kind = Kind::kInterval;
  v.low = low;
  v.high = high;
  v.low_inclusive = low.has_value() ? low_inclusive : std::nullopt;
  v.high_inclusive = high.has_value() ? high_inclusive : std::nullopt;
  v.currency = std::move(currency);
  return v;
}

Value Value::Days(absl::CivilDay first, absl::CivilDay end) {
  Value v;
  v.kind = Kind::kDays;
  v.first_day = first;
  v.end_day = end;
  return v;
}

std::string Value::ToString() const {
  const std::string money = currency.empty() ? "" : absl::StrCat(currency, " ");
  switch (kind) {
    case Kind::kNumber:
      return absl::StrCat(money, FormatNumber(number));
    case Kind::kInterval: {
      const char* open = !low.has_value()             ? "("
                         : !low_inclusive.has_value() ? "?"
                         : *low_inclusive             ? "["
                                                      : "(";
      const char* close = !high.has_value()             ? ")"
                          : !high_inclusive.has_value() ? "?"
                          : *high_inclusive             ? "]"
                                                        : ")";
      return absl::StrCat(money, open,
                          low.has_value() ? FormatNumber(*low) : "", ",",
                          high.has_value() ? FormatNumber(*high) : "", close);
    }
    case Kind::kDays: {
      const absl::CivilDay last = end_day - 1;
      if (last == first_day) return absl::FormatCivilTime(first_day);
      return absl::StrCat(absl::FormatCivilTime(first_day), "..",
                          absl::FormatCivilTime(last));
    }
  }
  return "?";
}

bool IsIsoCurrencyCode(absl::string_view unit) {
  return unit.size() == 3 && std::all_of(unit.begin(), unit.end(), [](char c) {
           return absl::ascii_isupper(static_cast<unsigned char>(c));
         });
}

bool NearlyEqual(double a, double b) {
  if (a == b) return true;
  const double scale = std::max(std::fabs(a), std::fabs(b));
  return std::fabs(a - b) <= 1e-9 * scale;
}

bool Agrees(const Value& expected, const Value& found) {
  if (expected.kind != found.kind) return false;
  if (!expected.currency.empty() && expected.currency != found.currency) {
    return false;
  }
  switch (expected.kind) {
    case Value::Kind::kNumber:
      return NearlyEqual(expected.number, found.number);
    case Value::Kind::kInterval: {
      if (expected.low.has_value() != found.low.has_value() ||
          expected.high.has_value() != found.high.has_value()) {
        return false;
      }
      if (expected.low.has_value() && !NearlyEqual(*expected.low, *found.low)) {
        return false;
      }
      if (expected.high.has_value() &&
          !NearlyEqual(*expected.high, *found.high)) {
        return false;
      }
      const bool two_sided =
          expected.low.has_value() && expected.high.has_value();
      if (two_sided) return true;
      const std::optional<bool>& want = expected.low.has_value()
                                            ? expected.low_inclusive
                                            : expected.high_inclusive;
      const std::optional<bool>& got =
          expected.low.has_value() ? found.low_inclusive : found.high_inclusive;
      return !want.has_value() || want == got;
    }
    case Value::Kind::kDays:
      return expected.first_day == found.first_day &&
             expected.end_day == found.end_day;
  }
  return false;
}

absl::StatusOr<double> ParseSuiteNumber(absl::string_view text) {
  const absl::string_view stripped = absl::StripAsciiWhitespace(text);
  double value = 0;
  if (stripped.empty() || absl::StrContains(stripped, ',') ||
      !absl::SimpleAtod(stripped, &value) || !std::isfinite(value)) {
    return Invalid("not a number:", text);
  }
  return value;
}

absl::StatusOr<Value> ParsePercent(absl::string_view text) {
  absl::string_view number = absl::StripAsciiWhitespace(text);
  if (!absl::ConsumeSuffix(&number, "%")) {
    return Invalid("not a percentage:", text);
  }
  const absl::StatusOr<double> value = ParseSuiteNumber(number);
  if (!value.ok()) return Invalid("not a percentage:", text);
  return Value::Number(*value);
}

absl::StatusOr<Value> ParseNumberRange(absl::string_view text) {
  const absl::string_view s = absl::StripAsciiWhitespace(text);
  if (s.size() < 3 || (s.front() != '(' && s.front() != '[') ||
      (s.back() != ')' && s.back() != ']')) {
    return Invalid("not a number range:", text);
  }
  const std::vector<absl::string_view> sides =
      absl::StrSplit(s.substr(1, s.size() - 2), ',');
  if (sides.size() != 2) return Invalid("not a number range:", text);
  std::optional<double> bounds[2];
  for (int i = 0; i < 2; ++i) {
    if (absl::StripAsciiWhitespace(sides[i]).empty()) continue;
    const absl::StatusOr<double> bound = ParseSuiteNumber(sides[i]);
    if (!bound.ok()) return Invalid("not a number range:", text);
    bounds[i] = *bound;
  }
  if (!bounds[0].has_value() && !bounds[1].has_value()) {
    return Invalid("number range without a bound:", text);
  }
  return Value::Interval(bounds[0], bounds[1], s.front() == '[',
                         s.back() == ']');
}

absl::StatusOr<Value> ParseDucklingAmount(absl::string_view text,
                                          const std::string& currency) {
  const absl::string_view s = absl::StripAsciiWhitespace(text);
  const size_t dots = s.find("..");
  if (dots == absl::string_view::npos) {
    const absl::StatusOr<double> value = ParseSuiteNumber(s);
    if (!value.ok()) return Invalid("not an amount:", text);
    return Value::Number(*value, currency);
  }
  std::optional<double> bounds[2];
  const absl::string_view sides[2] = {s.substr(0, dots), s.substr(dots + 2)};
  for (int i = 0; i < 2; ++i) {
    if (sides[i].empty()) continue;
    const absl::StatusOr<double> bound = ParseSuiteNumber(sides[i]);
    if (!bound.ok()) return Invalid("not an amount:", text);
    bounds[i] = *bound;
  }
  if (!bounds[0].has_value() && !bounds[1].has_value()) {
    return Invalid("amount interval without a bound:", text);
  }
  return Value::Interval(bounds[0], bounds[1], std::nullopt, std::nullopt,
                         currency);
}

std::optional<double> SecondsPerUnit(absl::string_view unit) {
  constexpr double kDay = 86400;
  static constexpr std::pair<const char*, double> kUnits[] = {
      {"second", 1},        {"minute", 60},          {"hour", 3600},
      {"day", kDay},        {"week", 7 * kDay},      {"month", 30 * kDay},
      {"year", 365 * kDay}, {"decade", 3650 * kDay}, {"century", 36500 * kDay},
  };
  for (const auto& [name, seconds] : kUnits) {
    if (unit == name) return seconds;
  }
  return std::nullopt;
}

absl::StatusOr<double> ParseIsoDurationSeconds(absl::string_view timex) {
  absl::string_view s = absl::StripAsciiWhitespace(timex);
  if (!absl::ConsumePrefix(&s, "P") || s.empty()) {
    return Invalid("not an ISO duration:", timex);
  }
  double total = 0;
  bool in_time = false;
  while (!s.empty()) {
    if (s.front() == 'T') {
      if (in_time) return Invalid("not an ISO duration:", timex);
      in_time = true;
      s.remove_prefix(1);
      continue;
    }
    size_t n = 0;
    while (n < s.size() &&
           (absl::ascii_isdigit(static_cast<unsigned char>(s[n])) ||
            s[n] == '.')) {
      ++n;
    }
    double amount = 0;
    if (n == 0 || n == s.size() || !absl::SimpleAtod(s.substr(0, n), &amount)) {
      return Invalid("not an ISO duration:", timex);
    }
    const char designator = s[n];
    s.remove_prefix(n + 1);
    const char* unit = nullptr;
    switch (designator) {
      case 'Y':
        unit = in_time ? nullptr : "year";
        break;
      case 'M':
        unit = in_time ? "minute" : "month";
        break;
      case 'W':
        unit = in_time ? nullptr : "week";
        break;
      case 'D':
        unit = in_time ? nullptr : "day";
        break;
      case 'H':
        unit = in_time ? "hour" : nullptr;
        break;
      case 'S':
        unit = in_time ? "second" : nullptr;
        break;
      default:
        break;
    }
    if (unit == nullptr) return Invalid("not an ISO duration:", timex);
    total += amount * *SecondsPerUnit(unit);
  }
  return total;
}

absl::StatusOr<absl::CivilDay> ParseDay(absl::string_view text) {
  absl::string_view s = absl::StripAsciiWhitespace(text);
  const size_t cut = s.find_first_of("T ");
  if (cut != absl::string_view::npos) s = s.substr(0, cut);
  const std::vector<absl::string_view> parts = absl::StrSplit(s, '-');
  int ymd[3];
  if (parts.size() != 3 || parts[0].size() != 4 || parts[1].size() != 2 ||
      parts[2].size() != 2) {
    return Invalid("not a date:", text);
  }
  for (int i = 0; i < 3; ++i) {
    if (!AllDigits(parts[i]) || !absl::SimpleAtoi(parts[i], &ymd[i])) {
      return Invalid("not a date:", text);
    }
  }
  const absl::CivilDay day(ymd[0], ymd[1], ymd[2]);
  if (day.year() != ymd[0] || day.month() != ymd[1] || day.day() != ymd[2]) {
    return Invalid("not a real day:", text);
  }
  return day;
}

absl::StatusOr<Value> ParseTimexDays(absl::string_view timex,
                                     std::optional<int> year,
                                     absl::CivilDay reference) {
  const absl::string_view s = absl::StripAsciiWhitespace(timex);
  if (s == "PRESENT_REF") return Value::Days(reference, reference + 1);
  // A range "(START,END,DURATION)", END exclusive.
  if (absl::StartsWith(s, "(") && absl::EndsWith(s, ")")) {
    const std::vector<absl::string_view> parts =
        absl::StrSplit(s.substr(1, s.size() - 2), ',');
    if (parts.size() != 3) return Invalid("not a timex range:", timex);
    absl::StatusOr<Value> first = ParseTimexDays(parts[0], year, reference);
    absl::StatusOr<Value> last = ParseTimexDays(parts[1], year, reference);
    if (!first.ok() || !last.ok()) return Invalid("not a timex range:", timex);
    return Value::Days(first->first_day, last->first_day);
  }
  std::string text(s);
  if (absl::StartsWith(text, "XXXX")) {
    if (!year.has_value()) return Invalid("timex without a year:", timex);
    text.replace(0, 4, absl::StrFormat("%04d", *year));
  }
  const std::vector<absl::string_view> parts = absl::StrSplit(text, '-');
  int y = 0;
  if (parts[0].size() != 4 || !AllDigits(parts[0]) ||
      !absl::SimpleAtoi(parts[0], &y)) {
    return Invalid("not a timex of days:", timex);
  }
  if (parts.size() == 1) {
    return Value::Days(absl::CivilDay(y, 1, 1), absl::CivilDay(y + 1, 1, 1));
  }
  if (absl::StartsWith(parts[1], "W") && parts.size() <= 3) {
    int week = 0;
    const absl::string_view digits = parts[1].substr(1);
    if (!AllDigits(digits) || !absl::SimpleAtoi(digits, &week) || week < 1 ||
        week > 53) {
      return Invalid("not a timex of days:", timex);
    }
    const absl::CivilDay monday = IsoWeekMonday(y, week);
    if (parts.size() == 2) return Value::Days(monday, monday + 7);
    if (parts[2] == "WE") return Value::Days(monday + 5, monday + 7);
    return Invalid("not a timex of days:", timex);
  }
  int m = 0;
  if (parts[1].size() != 2 || !AllDigits(parts[1]) ||
      !absl::SimpleAtoi(parts[1], &m) || m < 1 || m > 12) {
    return Invalid("not a timex of days:", timex);
  }
  if (parts.size() == 2) {
    const absl::CivilMonth month(y, m);
    return Value::Days(absl::CivilDay(month), absl::CivilDay(month + 1));
  }
  if (parts.size() == 3) {
    const absl::StatusOr<absl::CivilDay> day = ParseDay(text);
    if (!day.ok()) return Invalid("not a timex of days:", timex);
    return Value::Days(*day, *day + 1);
  }
  return Invalid("not a timex of days:", timex);
}

absl::StatusOr<Value> ParseDucklingDays(absl::string_view text,
                                        absl::string_view grain) {
  const absl::string_view s = absl::StripAsciiWhitespace(text);
  // The clock part must be midnight: anything else is a time, not a date.
  auto day_of =
      [&](absl::string_view instant) -> absl::StatusOr<absl::CivilDay> {
    const size_t t = instant.find('T');
    if (t == absl::string_view::npos ||
        !absl::StartsWith(instant.substr(t), "T00:00:00")) {
      return Invalid("not a Duckling date:", text);
    }
    return ParseDay(instant.substr(0, t));
  };
  const size_t slash = s.find('/');
  if (slash == absl::string_view::npos) {
    const absl::StatusOr<absl::CivilDay> first = day_of(s);
    if (!first.ok()) return first.status();
    const absl::StatusOr<absl::CivilDay> end = EndOfGrain(*first, grain);
    if (!end.ok()) return end.status();
    return Value::Days(*first, *end);
  }
  const absl::string_view from = s.substr(0, slash);
  const absl::string_view to = s.substr(slash + 1);
  if (from == ".." || to == "..") {
    return Invalid("open Duckling interval:", text);
  }
  const absl::StatusOr<absl::CivilDay> first = day_of(from);
  const absl::StatusOr<absl::CivilDay> end = day_of(to);
  if (!first.ok()) return first.status();
  if (!end.ok()) return end.status();
  return Value::Days(*first, *end);
}

std::optional<Value> DaysOfDate(const crosscheck::v1::Date& date) {
  using crosscheck::v1::Date;
  if (date.start().empty()) return std::nullopt;
  const std::string& end = date.end().empty() ? date.start() : date.end();
  switch (date.granularity()) {
    case Date::GRANULARITY_DAY: {
      const absl::StatusOr<absl::CivilDay> first = ParseDay(date.start());
      const absl::StatusOr<absl::CivilDay> last = ParseDay(end);
      if (!first.ok() || !last.ok()) return std::nullopt;
      return Value::Days(*first, *last + 1);
    }
    case Date::GRANULARITY_MONTH: {
      absl::CivilMonth first, last;
      if (!absl::ParseCivilTime(date.start(), &first) ||
          !absl::ParseCivilTime(end, &last)) {
        return std::nullopt;
      }
      return Value::Days(absl::CivilDay(first), absl::CivilDay(last + 1));
    }
    case Date::GRANULARITY_YEAR:
    case Date::GRANULARITY_DECADE: {
      absl::CivilYear first, last;
      if (!absl::ParseCivilTime(date.start(), &first) ||
          !absl::ParseCivilTime(end, &last)) {
        return std::nullopt;
      }
      return Value::Days(absl::CivilDay(first), absl::CivilDay(last + 1));
    }
    default:
      return std::nullopt;
  }
}

}  // namespace crosscheck::peer_eval
