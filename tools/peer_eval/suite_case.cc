#include "tools/peer_eval/suite_case.h"

#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "google/protobuf/struct.pb.h"
#include "src/base/status_macros.h"
#include "tools/eval_io/eval_io.h"

namespace crosscheck::peer_eval {

namespace {

namespace pb = ::google::protobuf;

// ---- Reading a google.protobuf.Struct ------------------------------------

const pb::Value* Field(const pb::Struct& s, absl::string_view key) {
  const auto it = s.fields().find(std::string(key));
  return it == s.fields().end() ? nullptr : &it->second;
}

// The string at `key`; empty when absent, null or not a string.
std::string Str(const pb::Struct& s, absl::string_view key) {
  const pb::Value* v = Field(s, key);
  return v != nullptr && v->kind_case() == pb::Value::kStringValue
             ? v->string_value()
             : "";
}

bool Bool(const pb::Struct& s, absl::string_view key) {
  const pb::Value* v = Field(s, key);
  return v != nullptr && v->kind_case() == pb::Value::kBoolValue &&
         v->bool_value();
}

const pb::Struct* Obj(const pb::Struct& s, absl::string_view key) {
  const pb::Value* v = Field(s, key);
  return v != nullptr && v->kind_case() == pb::Value::kStructValue
             ? &v->struct_value()
             : nullptr;
}

const pb::ListValue* List(const pb::Struct& s, absl::string_view key) {
  const pb::Value* v = Field(s, key);
  return v != nullptr && v->kind_case() == pb::Value::kListValue
             ? &v->list_value()
             : nullptr;
}

bool IsNonNull(const pb::Struct& s, absl::string_view key) {
  const pb::Value* v = Field(s, key);
  return v != nullptr && v->kind_case() != pb::Value::kNullValue;
}

// ---- Text helpers ----------------------------------------------------------

bool IsAlnum(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c));
}

// Lowercase, "’" folded to "'", whitespace runs to one space.
std::string Fold(absl::string_view text) {
  const std::string lower =
      absl::AsciiStrToLower(absl::StrReplaceAll(text, {{"\xE2\x80\x99", "'"}}));
  return absl::StrJoin(
      absl::StrSplit(lower, absl::ByAnyChar(" \t\n\r"), absl::SkipWhitespace()),
      " ");
}

// Whether `phrase` occurs in `folded` as whole words.
bool ContainsPhrase(absl::string_view folded, absl::string_view phrase) {
  for (size_t at = folded.find(phrase); at != absl::string_view::npos;
       at = folded.find(phrase, at + 1)) {
    const size_t after = at + phrase.size();
    if ((at == 0 || !IsAlnum(folded[at - 1])) &&
        (after == folded.size() || !IsAlnum(folded[after]))) {
      return true;
    }
  }
  return false;
}

// The runs of ASCII letters of `text`, in order.
std::vector<absl::string_view> LetterRuns(absl::string_view text) {
  std::vector<absl::string_view> runs;
  size_t i = 0;
  while (i < text.size()) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() &&
           absl::ascii_isalpha(static_cast<unsigned char>(text[j]))) {
      ++j;
    }
    runs.push_back(text.substr(i, j - i));
    i = j;
  }
  return runs;
}

// Whether `text` holds a month or weekday name written all in lowercase.
bool HasLowercaseCalendarWord(absl::string_view text, const ScopeData& data) {
  for (absl::string_view word : LetterRuns(text)) {
    bool lower = true;
    for (char c : word) {
      lower = lower && absl::ascii_islower(static_cast<unsigned char>(c));
    }
    if (lower && data.calendar_words.contains(word)) return true;
  }
  return false;
}

// Words that say which way a date lies from the reference ("next",
// "ago", "this", "last"), name the reference itself ("today", "now"), or
// count time from it ("in 2 weeks", "3 days later"). A date whose text
// holds none of them has no direction of its own: "Aug 8", "third
// quarter", "Tuesday the 19th", "in March", "July 13 to 15" ("in", "to"
// and "from" join a date or a range, they point nowhere).
bool HasDirectionWord(absl::string_view text) {
  static const auto* const kWords = new absl::flat_hash_set<std::string>{
      "next",      "coming",    "upcoming", "following", "after",
      "hence",     "later",     "ahead",    "within",    "this",
      "last",      "past",      "previous", "ago",       "before",
      "since",     "earlier",   "prior",    "today",     "tonight",
      "tomorrow",  "tomorrows", "yesterday", "now",      "current",
      "rest",      "remaining", "day",      "days",      "week",
      "weeks",     "fortnight", "fortnights", "month",   "months",
      "year",      "years",     "decade",   "decades",   "century",
      "centuries", "hour",      "hours",    "minute",    "minutes",
      "tmrw",      "tonite",    "eoy",      "eom",       "ytd"};
  for (absl::string_view word : LetterRuns(text)) {
    if (kWords->contains(absl::AsciiStrToLower(word))) return true;
  }
  return false;
}

// Whether `text` writes a year: a run of four digits.
bool HasFourDigitRun(absl::string_view text) {
  int run = 0;
  for (char c : text) {
    run = absl::ascii_isdigit(static_cast<unsigned char>(c)) ? run + 1 : 0;
    if (run == 4) return true;
  }
  return false;
}

// Duckling resolves a date that states neither its year nor a direction
// to the next such date after the reference, as an assistant does ("Aug
// 8" said on 2013-02-12 is 2013-08-08). crosscheck's convention for news,
// which reports the past, is the opposite: the most recent one on or
// before the publication date. Such entities — Duckling, a date
// value wholly after the reference day, no four-digit year and no
// direction word in the text — test the assistant convention.
bool IsForwardResolved(const SuiteCase& c, const ExpectedEntity& entity) {
  if (c.suite != "duckling" || c.published.empty() ||
      entity.readings.empty() || HasFourDigitRun(entity.text) ||
      HasDirectionWord(entity.text)) {
    return false;
  }
  absl::CivilDay reference;
  if (!absl::ParseCivilTime(c.published, &reference)) return false;
  for (const Value& v : entity.readings) {
    if (v.kind != Value::Kind::kDays || v.first_day <= reference) return false;
  }
  return true;
}

// The whitespace-delimited token of `input` around [begin, end).
absl::string_view TokenAround(absl::string_view input, uint32_t begin,
                              uint32_t end) {
  auto is_space = [](char c) {
    return absl::ascii_isspace(static_cast<unsigned char>(c));
  };
  size_t first = begin;
  while (first > 0 && !is_space(input[first - 1])) --first;
  size_t last = end;
  while (last < input.size() && !is_space(input[last])) ++last;
  return input.substr(first, last - first);
}

// Whether the entity [begin, end) sits in a digit sequence: the
// whitespace-delimited token around it starts with "+" and a digit (a phone
// number) or holds four or more groups of digits once thousands commas are
// dropped ("192.168.1.2", "1-800-555-0199").
bool InDigitSequence(absl::string_view input, uint32_t begin, uint32_t end) {
  const absl::string_view token = TokenAround(input, begin, end);
  if (token.size() >= 2 && token[0] == '+' &&
      absl::ascii_isdigit(static_cast<unsigned char>(token[1]))) {
    return true;
  }
  int groups = 0;
  bool in_digits = false;
  for (char c : token) {
    if (c == ',' && in_digits) continue;
    const bool digit = absl::ascii_isdigit(static_cast<unsigned char>(c));
    if (digit && !in_digits) ++groups;
    in_digits = digit;
  }
  return groups >= 4;
}

// Whether the entity [begin, end) is written in exponent or scientific
// notation: its whitespace-delimited token holds "^" after a digit
// ("1.1^23", "2.5^-1") or a digit, "e", an optional sign and a digit
// ("1e10", "-127.32e13", "12.32e+14"). Calculator notation, not news text.
bool InExponentNotation(absl::string_view input, uint32_t begin,
                        uint32_t end) {
  auto is_digit = [](char c) {
    return absl::ascii_isdigit(static_cast<unsigned char>(c));
  };
  const absl::string_view token = TokenAround(input, begin, end);
  for (size_t k = 1; k < token.size(); ++k) {
    if (!is_digit(token[k - 1])) continue;
    if (token[k] == '^') return true;
    if (token[k] != 'e' && token[k] != 'E') continue;
    size_t d = k + 1;
    if (d < token.size() && (token[d] == '+' || token[d] == '-')) ++d;
    if (d < token.size() && is_digit(token[d])) return true;
  }
  return false;
}

// ---- Values of one entity --------------------------------------------------

// The context an entity's value is read in.
struct Context {
  const SuiteCase* c;
  bool span_test;  // Duckling rangeTests: span only, value null
  std::optional<absl::CivilDay> reference;
  const ScopeData* data;
};

// Money: the currency of the entity and the divisor of its unit.
CurrencyName CurrencyOf(const pb::Struct& e, const ScopeData& data) {
  const std::string iso = Str(e, "iso_currency");
  if (!iso.empty()) return CurrencyName{iso, 1};
  const std::string unit = Str(e, "unit");
  if (IsIsoCurrencyCode(unit)) return CurrencyName{unit, 1};
  if (const std::optional<CurrencyName> known = data.FindCurrency(unit)) {
    return *known;
  }
  return CurrencyName{"", 1};  // unknown: compare the amount only
}

absl::Status ReadCurrency(const pb::Struct& e, const Context& context,
                          ExpectedEntity* entity) {
  const CurrencyName currency = CurrencyOf(e, *context.data);
  absl::StatusOr<Value> value;
  if (context.c->suite == "duckling") {
    value = ParseDucklingAmount(entity->value, currency.code);
  } else {
    const absl::StatusOr<double> number = ParseSuiteNumber(entity->value);
    if (!number.ok()) return number.status();
    value = Value::Number(*number, currency.code);
  }
  if (!value.ok()) return value.status();
  value->number /= currency.divisor;
  if (value->low.has_value()) *value->low /= currency.divisor;
  if (value->high.has_value()) *value->high /= currency.divisor;
  entity->readings.push_back(*std::move(value));
  return absl::OkStatus();
}

absl::Status ReadDuration(const pb::Struct& e, const Context& context,
                          ExpectedEntity* entity) {
  if (context.c->suite == "duckling") {
    const absl::StatusOr<double> amount = ParseSuiteNumber(entity->value);
    if (!amount.ok()) return amount.status();
    const std::string unit = Str(e, "unit");
    const std::optional<double> seconds = SecondsPerUnit(unit);
    if (!seconds.has_value()) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown duration unit \"", unit, "\""));
    }
    entity->readings.push_back(Value::Number(*amount * *seconds));
    return absl::OkStatus();
  }
  // Recognizers-Text: the seconds of the resolution where given, else the
  // timex.
  std::vector<std::string> seconds;
  if (const pb::Struct* resolution = Obj(e, "resolution")) {
    if (const pb::ListValue* values = List(*resolution, "values")) {
      for (const pb::Value& v : values->values()) {
        if (v.kind_case() != pb::Value::kStructValue) continue;
        const std::string s = Str(v.struct_value(), "value");
        if (!s.empty()) seconds.push_back(s);
      }
    }
    for (const char* key : {"FutureResolution", "PastResolution"}) {
      if (const pb::Struct* r = Obj(*resolution, key)) {
        const std::string s = Str(*r, "duration");
        if (!s.empty()) seconds.push_back(s);
      }
    }
  }
  for (const std::string& s : seconds) {
    const absl::StatusOr<double> number = ParseSuiteNumber(s);
    if (!number.ok()) return number.status();
    entity->readings.push_back(Value::Number(*number));
  }
  if (entity->readings.empty()) {
    const absl::StatusOr<double> number =
        ParseIsoDurationSeconds(entity->value);
    if (!number.ok()) return number.status();
    entity->readings.push_back(Value::Number(*number));
  }
  return absl::OkStatus();
}

// Whether a date entity's text names both ends of a range: it holds a
// dash, a tilde or one of the words to, through, thru, till, until, and.
bool NamesBothEnds(absl::string_view text) {
  if (absl::StrContains(text, "-") || absl::StrContains(text, "~") ||
      absl::StrContains(text, "\xE2\x80\x93")) {
    return true;
  }
  const std::string folded = Fold(text);
  for (const char* word : {"to", "through", "thru", "till", "until", "and"}) {
    if (ContainsPhrase(folded, word)) return true;
  }
  return false;
}

// For a range timex "(START,END,PnU)" whose bounds `first` and `end` are
// aligned to the unit U (Y: January 1; M: the first of a month; W: a
// Monday; D: any day), the day after the period of U that starts at `end`;
// nullopt otherwise.
std::optional<absl::CivilDay> InclusiveEnd(absl::string_view timex,
                                           absl::CivilDay first,
                                           absl::CivilDay end) {
  if (!absl::StartsWith(timex, "(") || !absl::EndsWith(timex, ")")) {
    return std::nullopt;
  }
  const std::vector<absl::string_view> parts =
      absl::StrSplit(timex.substr(1, timex.size() - 2), ',');
  if (parts.size() != 3 || parts[2].size() < 3 || parts[2][0] != 'P') {
    return std::nullopt;
  }
  // One unit only: "P4Y", "P37D"; not "P5Y1M12D" or "P4BD".
  const absl::string_view amount = parts[2].substr(1, parts[2].size() - 2);
  for (char c : amount) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      return std::nullopt;
    }
  }
  switch (parts[2].back()) {
    case 'Y':
      if (first.month() != 1 || first.day() != 1 || end.month() != 1 ||
          end.day() != 1) {
        return std::nullopt;
      }
      return absl::CivilDay(absl::CivilYear(end) + 1);
    case 'M':
      if (first.day() != 1 || end.day() != 1) return std::nullopt;
      return absl::CivilDay(absl::CivilMonth(end) + 1);
    case 'W':
      if (absl::GetWeekday(first) != absl::Weekday::monday ||
          absl::GetWeekday(end) != absl::Weekday::monday) {
        return std::nullopt;
      }
      return end + 7;
    case 'D':
      return end + 1;
    default:
      return std::nullopt;
  }
}

// One reading of a Recognizers-Text date resolution, in the shape shared by
// the model files (`values[]`) and the parser files (`PastResolution`,
// `FutureResolution`).
struct ResolutionItem {
  std::string timex;
  std::string mod;
  std::string value;  // a single date, or "not resolved"
  std::string start;  // range start, inclusive
  std::string end;    // range end, exclusive
};

std::vector<ResolutionItem> ResolutionItems(const pb::Struct& resolution) {
  std::vector<ResolutionItem> items;
  if (const pb::ListValue* values = List(resolution, "values")) {
    for (const pb::Value& v : values->values()) {
      if (v.kind_case() != pb::Value::kStructValue) continue;
      const pb::Struct& s = v.struct_value();
      ResolutionItem item;
      item.timex = Str(s, "timex");
      item.mod = Str(s, "Mod");
      if (item.mod.empty()) item.mod = Str(resolution, "Mod");
      item.value = Str(s, "value");
      item.start = Str(s, "start");
      item.end = Str(s, "end");
      items.push_back(std::move(item));
    }
    return items;
  }
  for (const char* key : {"PastResolution", "FutureResolution"}) {
    const pb::Struct* r = Obj(resolution, key);
    if (r == nullptr) continue;
    ResolutionItem item;
    item.timex = Str(resolution, "Timex");
    item.mod = Str(resolution, "Mod");
    item.value = Str(*r, "date");
    item.start = Str(*r, "startDate");
    item.end = Str(*r, "endDate");
    items.push_back(std::move(item));
  }
  return items;
}

// Adds the days one resolution item names to `readings`; sets `unresolved`
// when the suite itself gives no days.
//
// An open range ("since August", "before 2018": Mod before, after, since,
// until) compares its anchor, the period the text names, since a Date claim
// holds the named date and the relation lies outside it: the timex itself,
// its unknown year ("XXXX-08") taken from the resolved bound. A part of a
// period ("early 2016": Mod start, mid, end) compares the part the suite
// resolves. An open range from a part of a period ("since late July") has no
// comparable anchor.
//
// A range the text names both ends of ("from 2014 to 2018", "November
// 18-19": `names_both_ends`) has the suite's reading, which ends where the
// last named period begins ("(2014-01-01,2018-01-01,P4Y)": 2014 to 2017),
// and the reading that includes the last named period (2014 to 2018), as a
// news reader and crosscheck take it. The period is the unit of the timex
// duration (Y, M, W or D) when both bounds are aligned to it.
absl::Status AddDateReadings(const ResolutionItem& item,
                             absl::CivilDay reference, bool names_both_ends,
                             std::vector<Value>* readings, bool* unresolved) {
  const std::vector<std::string> mods =
      absl::StrSplit(item.mod, '-', absl::SkipEmpty());
  const std::string base = mods.empty() ? "" : mods[0];
  const bool open =
      base == "before" || base == "after" || base == "since" || base == "until";
  if (open) {
    if (mods.size() > 1) {
      return absl::InvalidArgumentError(absl::StrCat(
          "open range from part of a period (Mod ", item.mod, ")"));
    }
    const bool from_start = base == "after" || base == "since";
    const std::string& bound_text = from_start ? item.start : item.end;
    const absl::StatusOr<absl::CivilDay> bound = ParseDay(bound_text);
    if (!bound.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("open range (Mod ", item.mod, ") without its bound"));
    }
    if (!absl::StrContains(item.timex, 'X')) {
      absl::StatusOr<Value> anchor =
          ParseTimexDays(item.timex, std::nullopt, reference);
      if (!anchor.ok()) return anchor.status();
      readings->push_back(*std::move(anchor));
      return absl::OkStatus();
    }
    bool found = false;
    for (int year = bound->year() - 1; year <= bound->year() + 1; ++year) {
      const absl::StatusOr<Value> anchor =
          ParseTimexDays(item.timex, year, reference);
      if (anchor.ok() &&
          (anchor->first_day == *bound || anchor->end_day == *bound)) {
        readings->push_back(*anchor);
        found = true;
      }
    }
    if (!found) {
      return absl::InvalidArgumentError(absl::StrCat(
          "no anchor of timex \"", item.timex, "\" meets bound ", bound_text));
    }
    return absl::OkStatus();
  }
  if (!item.value.empty()) {
    // "0001-01-01" is Recognizers-Text's day that does not exist ("the
    // fifth Sunday" of a month with four).
    if (item.value == "not resolved" ||
        absl::StartsWith(item.value, "0001-01-01")) {
      *unresolved = true;
      return absl::OkStatus();
    }
    const absl::StatusOr<absl::CivilDay> day = ParseDay(item.value);
    if (!day.ok()) return day.status();
    readings->push_back(Value::Days(*day, *day + 1));
    return absl::OkStatus();
  }
  if (item.start.empty() && item.end.empty()) {
    *unresolved = true;
    return absl::OkStatus();
  }
  const absl::StatusOr<absl::CivilDay> first = ParseDay(item.start);
  const absl::StatusOr<absl::CivilDay> end = ParseDay(item.end);
  if (!first.ok() || !end.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("range without both ends (timex \"", item.timex, "\")"));
  }
  readings->push_back(Value::Days(*first, *end));
  if (names_both_ends) {
    if (const std::optional<absl::CivilDay> inclusive =
            InclusiveEnd(item.timex, *first, *end)) {
      readings->push_back(Value::Days(*first, *inclusive));
    }
  }
  return absl::OkStatus();
}

absl::Status ReadDate(const pb::Struct& e, const Context& context,
                      ExpectedEntity* entity) {
  if (context.c->suite == "duckling") {
    const std::string grain = Str(e, "grain");
    if (IsNonNull(e, "direction")) {
      // An open interval ("since 2014"): its anchor is the period of its
      // one bound.
      const pb::Struct* interval = Obj(e, "interval");
      std::string bound;
      if (interval != nullptr) {
        bound = Str(*interval, "from");
        if (bound.empty()) bound = Str(*interval, "to");
      }
      absl::StatusOr<Value> anchor = ParseDucklingDays(bound, grain);
      if (!anchor.ok()) return anchor.status();
      entity->readings.push_back(*std::move(anchor));
      return absl::OkStatus();
    }
    absl::StatusOr<Value> days = ParseDucklingDays(entity->value, grain);
    if (!days.ok()) return days.status();
    entity->readings.push_back(*std::move(days));
    return absl::OkStatus();
  }
  const pb::Struct* resolution = Obj(e, "resolution");
  if (resolution == nullptr) {
    entity->span_only = true;  // extractor files give no value
    return absl::OkStatus();
  }
  const absl::CivilDay reference =
      context.reference.value_or(absl::CivilDay(1970, 1, 1));
  bool unresolved = false;
  absl::Status first_error;
  for (const ResolutionItem& item : ResolutionItems(*resolution)) {
    const absl::Status status =
        AddDateReadings(item, reference, NamesBothEnds(entity->text),
                        &entity->readings, &unresolved);
    if (!status.ok() && first_error.ok()) first_error = status;
  }
  if (!entity->readings.empty()) return absl::OkStatus();
  if (unresolved) {
    entity->span_only = true;  // the suite leaves the value unresolved
    return absl::OkStatus();
  }
  if (!first_error.ok()) return first_error;
  return absl::InvalidArgumentError("resolution without a value");
}

// Fills readings, span_only or value_error of `entity`.
void ReadValue(const pb::Struct& e, const Context& context,
               ExpectedEntity* entity) {
  if (!entity->category.has_value()) return;
  const Category category = *entity->category;
  // Recognizers-Text dates and durations carry their value in `resolution`
  // (MergedParser gives no `value` beside it).
  const bool resolved =
      context.c->suite != "duckling" &&
      (category == Category::kDate || category == Category::kDuration) &&
      Obj(e, "resolution") != nullptr;
  if (entity->value.empty() && !resolved) {
    // No value: a span test, an extractor file, or a bare currency or
    // percent word.
    if ((category == Category::kCurrency || category == Category::kPercent) &&
        !context.span_test) {
      entity->value_error = "no amount";
    } else {
      entity->span_only = true;
    }
    return;
  }
  absl::Status status;
  switch (category) {
    case Category::kNumber: {
      const absl::StatusOr<double> n = ParseSuiteNumber(entity->value);
      status = n.status();
      if (n.ok()) entity->readings.push_back(Value::Number(*n));
      break;
    }
    case Category::kOrdinal: {
      if (entity->suite_type == "ordinal.relative") {
        status = absl::InvalidArgumentError("relative ordinal");
        break;
      }
      const absl::StatusOr<double> n = ParseSuiteNumber(entity->value);
      status = n.status();
      if (n.ok()) entity->readings.push_back(Value::Number(*n));
      break;
    }
    case Category::kPercent: {
      absl::StatusOr<Value> v = ParsePercent(entity->value);
      status = v.status();
      if (v.ok()) entity->readings.push_back(*std::move(v));
      break;
    }
    case Category::kNumberRange: {
      absl::StatusOr<Value> v = ParseNumberRange(entity->value);
      status = v.status();
      if (v.ok()) entity->readings.push_back(*std::move(v));
      break;
    }
    case Category::kCurrency:
      status = ReadCurrency(e, context, entity);
      break;
    case Category::kDuration:
      status = ReadDuration(e, context, entity);
      break;
    case Category::kDate:
      status = ReadDate(e, context, entity);
      break;
  }
  if (!status.ok()) {
    entity->readings.clear();
    entity->span_only = false;
    entity->value_error = std::string(status.message());
  }
  // One reading per distinct value.
  std::vector<Value> distinct;
  for (Value& v : entity->readings) {
    bool seen = false;
    for (const Value& d : distinct) seen = seen || d.ToString() == v.ToString();
    if (!seen) distinct.push_back(std::move(v));
  }
  entity->readings = std::move(distinct);
}

// The first entity rule that leaves `entity` out of in-scope scoring.
std::string EntityRule(const pb::Struct& e, const SuiteCase& c,
                       const ExpectedEntity& entity, const ScopeData& data) {
  if (!entity.category.has_value()) return "";
  switch (*entity.category) {
    case Category::kOrdinal:
      if (entity.suite_type == "ordinal.relative") return kRuleRelativeOrdinal;
      break;
    case Category::kNumber:
      if (InDigitSequence(c.input, entity.begin, entity.end)) {
        return kRuleDigitSequence;
      }
      if (InExponentNotation(c.input, entity.begin, entity.end)) {
        return kRuleExponent;
      }
      break;
    case Category::kCurrency:
    case Category::kPercent:
      if (entity.value_error == "no amount") return kRuleNoAmount;
      break;
    case Category::kDate: {
      if (IsNonNull(e, "holiday")) return kRuleHoliday;
      const std::string folded = Fold(entity.text);
      for (const std::string& phrase : data.holidays) {
        if (ContainsPhrase(folded, phrase)) return kRuleHoliday;
      }
      if (HasLowercaseCalendarWord(entity.text, data)) {
        return kRuleLowercaseCalendarWord;
      }
      if (IsForwardResolved(c, entity)) return kRuleForwardResolution;
      break;
    }
    default:
      break;
  }
  return "";
}

// The case rule that leaves the whole case out of in-scope scoring.
std::string CaseRule(const pb::Struct& s) {
  for (const char* key : {"not_supported", "not_supported_by_design"}) {
    if (absl::StrContains(absl::AsciiStrToLower(Str(s, key)), "dotnet")) {
      return kRuleNotSupportedByDotnet;
    }
  }
  if (Str(s, "corpus") == "latentCorpus") return kRuleLatent;
  const std::string locale = Str(s, "locale");
  if (!locale.empty() && locale != "EN") return kRuleRegionalLocale;
  return "";
}

}  // namespace

absl::StatusOr<SuiteCase> ParseSuiteCase(absl::string_view json_line,
                                         absl::string_view file, int line,
                                         const ScopeData& data) {
  const std::string where = absl::StrCat(file, ":", line);
  CC_ASSIGN_OR_RETURN(const pb::Struct s,
                      eval_io::ParseJsonObject(json_line, where));
  SuiteCase c;
  c.file = std::string(file);
  c.line = line;
  c.suite = Str(s, "suite");
  if (const pb::Value* index = Field(s, "case_index");
      index != nullptr && index->kind_case() == pb::Value::kNumberValue) {
    c.case_index = static_cast<int>(index->number_value());
  }
  const pb::Value* input = Field(s, "input");
  if (input == nullptr || input->kind_case() != pb::Value::kStringValue) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": case without a string \"input\""));
  }
  c.input = input->string_value();
  const std::string reference = Str(s, "reference_datetime");
  std::optional<absl::CivilDay> reference_day;
  if (!reference.empty()) {
    const absl::StatusOr<absl::CivilDay> day = ParseDay(reference);
    if (!day.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": reference_datetime: ", day.status().message()));
    }
    reference_day = *day;
    c.published = absl::FormatCivilTime(*day);
  }
  c.partial_annotation = Bool(s, "partial_annotation");
  c.out_of_scope = CaseRule(s);
  const pb::ListValue* expected = List(s, "expected");
  if (expected == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": case without an \"expected\" list"));
  }
  const Context context{&c, Bool(s, "span_only"), reference_day, &data};
  int index = 0;
  for (const pb::Value& v : expected->values()) {
    ++index;
    if (v.kind_case() != pb::Value::kStructValue) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": expected[", index - 1, "] is not an object"));
    }
    const pb::Struct& e = v.struct_value();
    ExpectedEntity entity;
    entity.type = Str(e, "type");
    entity.suite_type = Str(e, "suite_type");
    entity.text = Str(e, "text");
    entity.value = Str(e, "value");
    // Recognizers-Text writes a missing percentage as the string "null".
    if (entity.value == "null") entity.value.clear();
    const pb::Value* begin = Field(e, "byte_start");
    const pb::Value* end = Field(e, "byte_end");
    if (begin == nullptr || end == nullptr ||
        begin->kind_case() != pb::Value::kNumberValue ||
        end->kind_case() != pb::Value::kNumberValue ||
        begin->number_value() < 0 ||
        begin->number_value() > end->number_value() ||
        end->number_value() > static_cast<double>(c.input.size())) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": expected[", index - 1, "] \"", entity.text,
                       "\" has no valid byte_start/byte_end"));
    }
    entity.begin = static_cast<uint32_t>(begin->number_value());
    entity.end = static_cast<uint32_t>(end->number_value());
    entity.category = CategoryOfType(entity.type);
    ReadValue(e, context, &entity);
    entity.out_of_scope = EntityRule(e, c, entity, data);
    c.expected.push_back(std::move(entity));
  }
  return c;
}

}  // namespace crosscheck::peer_eval
