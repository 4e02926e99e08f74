#include "src/extract/dates.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <new>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/node_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "src/extract/context.h"
#include "src/extract/figures.h"
#include "src/extract/lexicon.h"
#include "src/extract/word_classes.h"
#include "src/extract/words.h"
#include "src/segment/segment.h"

namespace crosscheck::extract {
namespace {

using crosscheck::v1::Claim;
using crosscheck::v1::Date;
using crosscheck::v1::Note;
using internal::Word;
using internal::WordIs;
using segment::TokenKind;

// Bare four-digit numbers in this range are years without any cue ("the
// 2016 election"); other years need one ("the war of 1812").
constexpr int kMinBareYear = 1900;
constexpr int kMaxBareYear = 2100;
constexpr int kMinYear = 1000;
constexpr int kMaxYear = 2999;
// How many tokens on each side of a date are searched for a tense cue.
constexpr int kTenseWindow = 25;
// The largest count of "N <units> ago" that is a date ("10000 years ago");
// larger counts are not dates, and the arithmetic on them stays small.
constexpr int kMaxAgoCount = 10000;

// ---------------------------------------------------------------------------
// Sets `*words` to the words of a sentence with a possessive "'s" dropped from
// `folded`; `possessive_bytes` keeps how many bytes it took in the text
// ("’s" 4, "'s" and "'S" 2), which the span leaves out.

void StripPossessives(const std::vector<Word>& sentence_words,
                      std::vector<Word>* words) {
  *words = sentence_words;
  for (Word& word : *words) {
    if (word.possessive_bytes > 0) {
      word.folded.resize(word.folded.size() - 2);  // "'s"
    }
  }
}

// ---------------------------------------------------------------------------
// Lexicons.

struct MonthName {
  int month = 0;
  bool abbreviation = false;
};

enum class Part { kNone, kBefore, kAfter, kStart, kMid, kEnd };
enum class Period { kWeek, kWeekend, kMonth, kQuarter, kYear, kDecade };
enum class Tense { kUnknown, kPast, kFuture };

struct DayPhrase {
  std::vector<std::string> words;
  int offset = 0;
};

struct PartPhrase {
  std::vector<std::string> words;
  Part part = Part::kNone;
};

// Adds `phrase` to `buckets` under its first word, longest first.
template <typename T>
void AddPhrase(T phrase,
               WordMap<std::vector<T>>* buckets) {
  auto& bucket = (*buckets)[phrase.words[0]];
  bucket.push_back(std::move(phrase));
  std::stable_sort(bucket.begin(), bucket.end(), [](const T& a, const T& b) {
    return a.words.size() > b.words.size();
  });
}

// A filter of a set of words by their size and first and last bytes:
// MayHold is true for every word of the set and false for most others.
// 2 KB, and a test is a few instructions, without a hash.
class WordFilter {
 public:
  // The most bytes MayHoldShort takes; longer words share the row of
  // this size.
  static constexpr size_t kSizes = 16;

  // Adds `word` to the set.
  void Add(absl::string_view word) {
    if (word.empty()) return;
    rows_[Row(word.back(), word.size())] |= FirstBit(word.front());
  }

  // Whether `word` may be in the set.
  bool MayHold(absl::string_view word) const {
    return !word.empty() &&
           (rows_[Row(word.back(), word.size())] & FirstBit(word.front())) != 0;
  }

  // MayHold of the `size` bytes at `p`, 1 to kSizes of them.
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool MayHoldShort(const char* p,
                                                 size_t size) const {
    const uint32_t firsts = rows_[ShortRow(p[size - 1], size)];
    return (firsts >> (static_cast<unsigned char>(p[0]) & 31) & 1) != 0;
  }

 private:
  // The row of a word of last byte `last` and `size` (1 to kSizes) bytes.
  static size_t ShortRow(char last, size_t size) {
    return (static_cast<size_t>(static_cast<unsigned char>(last) & 31) << 4) |
           (size - 1);
  }
  // The row of a word of last byte `last` and `size` (1 or more) bytes.
  static size_t Row(char last, size_t size) {
    return ShortRow(last, std::min(size, kSizes));
  }
  // The bit of a first byte `first` in a row.
  static uint32_t FirstBit(char first) {
    return 1u << (static_cast<unsigned char>(first) & 31);
  }

  // By Row of the words of the set, the low five bits of their first
  // bytes, as bits.
  uint32_t rows_[32 * kSizes] = {};
};

struct Lexicons {
  WordMap<MonthName> months;
  WordMap<int> weekdays;  // ISO: 1 = Monday
  WordMap<int> numbers;   // cardinal number words
  WordMap<std::string> time_units;
  // Relative day phrases ("yesterday", "last night"), by first word,
  // longest first.
  WordMap<std::vector<DayPhrase>> day_phrases;
  WordMap<int> shifts;  // "last" -1, "next" 1
  WordMap<Part> parts;  // "earlier", "later"
  // Phrases naming the first or second half of the date after them ("early",
  // "end of"), by first word, longest first.
  WordMap<std::vector<PartPhrase>> half_phrases;
  // "last 3 days" -1, "next 3 days" 1, "within 3 days" 0.
  WordMap<int> span_words;
  // "two weeks from now" 0, "from tomorrow" 1: the day counted from.
  WordMap<std::vector<DayPhrase>> hence;
  // "rest of the" (week): from publication to the end of the period.
  WordMap<std::vector<DayPhrase>> rests;
  // "two days after today" 1, "a week before June 5" -1.
  WordMap<int> offsets;
  // "three days later" 1, "a week earlier" -1: counted from the date before
  // in the sentence.
  WordMap<int> laters;
  // "the next day" 1, "the day before" -1: from the single day before in
  // the sentence, else from publication. By first word, longest first.
  WordMap<std::vector<DayPhrase>> next_days;
  WordMap<int> seasons;  // first month
  WordSet numeric_cues;   // "on 4/22"
  WordSet day_cues;       // "for the 27"
  WordSet week_starts;    // "week beginning"
  // "Mon", "Thurs": read only next to a day or another weekday.
  WordMap<int> weekday_abbrevs;
  WordSet offset_blocks;  // "highest in 10 years"
  WordSet payment_verbs;  // "paid 2000"
  WordMap<int> ordinals;  // "first" 1 ... "fifth"
  WordMap<Period> periods;
  WordSet ago;
  WordSet cues;
  WordMap<Tense> tense_words;
  WordSet past_forms;   // irregular past forms
  WordFilter tense_filter;  // of tense_words and past_forms
  WordSet plural_nouns;  // "people", "children"
  WordSet event_verbs;  // verbs.tsv event lemmas
};

// The first position of `c` in `text` from `from` on, npos when none, as
// find(c, from) gives it: a loop over the few bytes of a token, inline
// instead of a library call.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline size_t FindByte(absl::string_view text,
                                                    char c, size_t from = 0) {
  for (size_t k = from; k < text.size(); ++k) {
    if (text[k] == c) return k;
  }
  return absl::string_view::npos;
}

// absl::SimpleAtoi, reading one to nine digits alone (the numbers of
// dates, most of those asked) without the call.
bool ParseInt(absl::string_view text, int* value) {
  if (!text.empty() && text.size() <= 9) {
    int digits = 0;
    size_t k = 0;
    for (; k < text.size(); ++k) {
      const unsigned digit = static_cast<unsigned char>(text[k]) - '0';
      if (digit > 9) break;
      digits = digits * 10 + static_cast<int>(digit);
    }
    if (k == text.size()) {
      *value = digits;
      return true;
    }
  }
  return absl::SimpleAtoi(text, value);
}

int ParseIntOr(absl::string_view text, int fallback) {
  int value = 0;
  return ParseInt(text, &value) ? value : fallback;
}

void AddDateWord(const std::vector<std::string>& row, Lexicons* lex) {
  const std::string& phrase = row[0];
  const std::string& role = row[1];
  const std::string& argument = row[2];
  if (role == "rest") {
    DayPhrase rest;
    rest.words = absl::StrSplit(phrase, ' ', absl::SkipEmpty());
    AddPhrase(std::move(rest), &lex->rests);
  } else if (role == "offset") {
    lex->offsets[phrase] = ParseIntOr(argument, 0);
  } else if (role == "season") {
    lex->seasons[phrase] = ParseIntOr(argument, 0);
  } else if (role == "later") {
    lex->laters[phrase] = ParseIntOr(argument, 0);
  } else if (role == "day" || role == "hence" || role == "next-day") {
    DayPhrase day;
    day.words = absl::StrSplit(phrase, ' ', absl::SkipEmpty());
    day.offset = ParseIntOr(argument, 0);
    AddPhrase(std::move(day), role == "day"     ? &lex->day_phrases
                              : role == "hence" ? &lex->hence
                                                : &lex->next_days);
  } else if (role == "half") {
    PartPhrase half;
    half.words = absl::StrSplit(phrase, ' ', absl::SkipEmpty());
    half.part = argument == "start" ? Part::kStart
                : argument == "mid" ? Part::kMid
                                    : Part::kEnd;
    AddPhrase(std::move(half), &lex->half_phrases);
  } else if (role == "span") {
    lex->span_words[phrase] = ParseIntOr(argument, 0);
  } else if (role == "numeric-cue") {
    lex->numeric_cues.insert(phrase);
  } else if (role == "weekday-abbrev") {
    lex->weekday_abbrevs[phrase] = ParseIntOr(argument, 0);
  } else if (role == "week-start") {
    lex->week_starts.insert(phrase);
  } else if (role == "day-cue") {
    lex->day_cues.insert(phrase);
  } else if (role == "not-offset") {
    lex->offset_blocks.insert(phrase);
  } else if (role == "payment") {
    lex->payment_verbs.insert(phrase);
  } else if (role == "shift") {
    lex->shifts[phrase] = ParseIntOr(argument, 0);
  } else if (role == "part") {
    lex->parts[phrase] = argument == "before" ? Part::kBefore : Part::kAfter;
  } else if (role == "period") {
    lex->periods[phrase] = argument == "week"      ? Period::kWeek
                           : argument == "weekend" ? Period::kWeekend
                           : argument == "month"   ? Period::kMonth
                           : argument == "quarter" ? Period::kQuarter
                           : argument == "decade"  ? Period::kDecade
                                                   : Period::kYear;
  } else if (role == "ago") {
    lex->ago.insert(phrase);
  } else if (role == "cue") {
    lex->cues.insert(phrase);
  } else if (role == "future" || role == "present") {
    lex->tense_words[phrase] = Tense::kFuture;
  } else if (role == "past") {
    lex->tense_words[phrase] = Tense::kPast;
  }
}

Lexicons* LoadLexicons() {
  auto* lex = new Lexicons();
  for (const auto& row : ReadTsv("months.tsv")) {
    if (row.size() < 3) continue;
    lex->months[row[0]] = {ParseIntOr(row[1], 0), row[2] == "abbrev"};
  }
  for (const auto& row : ReadTsv("weekdays.tsv")) {
    if (row.size() >= 2) lex->weekdays[row[0]] = ParseIntOr(row[1], 0);
  }
  for (const auto& row : ReadTsv("number_words.tsv")) {
    if (row.size() >= 4 && row[3] == "cardinal" &&
        (row[2] == "small" || row[2] == "tens")) {
      lex->numbers[row[0]] = ParseIntOr(row[1], 0);
    }
    if (row.size() >= 4 && row[3] == "ordinal" && row[2] == "small") {
      lex->ordinals[row[0]] = ParseIntOr(row[1], 0);
    }
  }
  for (const auto& row : ReadTsv("time_units.tsv")) {
    if (row.size() >= 2) lex->time_units[row[0]] = row[1];
  }
  for (const auto& row : ReadTsv("date_words.tsv")) {
    if (row.size() >= 3 && !row[0].empty()) AddDateWord(row, lex);
  }
  for (const auto& row : ReadTsv("irregular_words.tsv")) {
    if (row.size() >= 3 && row[2] == "past") lex->past_forms.insert(row[0]);
    if (row.size() >= 3 && row[2] == "noun") lex->plural_nouns.insert(row[0]);
  }
  for (const auto& row : ReadTsv("verbs.tsv")) {
    if (row.size() >= 2 && row[1] == "event") lex->event_verbs.insert(row[0]);
  }
  for (const auto& [word, tense] : lex->tense_words) {
    lex->tense_filter.Add(word);
  }
  for (const std::string& word : lex->past_forms) lex->tense_filter.Add(word);
  return lex;
}

// Inlined: the parsers call it for nearly every token they look at.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline const Lexicons& Lex() {
  static const Lexicons* const kLexicons = LoadLexicons();
  return *kLexicons;
}

// ---------------------------------------------------------------------------
// What a date expression resolves to.

// A date as the parsers build it: the fields of crosscheck.v1.Date they
// set, named as there. Its strings are short enough ("2024-06-05") to be
// kept without an allocation, and it is moved and copied as plain data;
// AddClaim copies it into the claim's Date once a date is found.
class DateValue {
 public:
  const std::string& start() const { return start_; }
  void set_start(std::string start) { start_ = std::move(start); }
  const std::string& end() const { return end_; }
  void set_end(std::string end) { end_ = std::move(end); }
  Date::Granularity granularity() const { return granularity_; }
  void set_granularity(Date::Granularity granularity) {
    granularity_ = granularity;
  }
  bool relative() const { return relative_; }
  void set_relative(bool relative) { relative_ = relative; }
  void Clear() { *this = DateValue(); }

  // Sets these fields of `*date`, which has none set yet.
  void CopyTo(Date* date) const {
    if (!start_.empty()) date->set_start(start_);
    if (!end_.empty()) date->set_end(end_);
    date->set_granularity(granularity_);
    date->set_relative(relative_);
  }

 private:
  std::string start_;
  std::string end_;
  Date::Granularity granularity_ = Date::GRANULARITY_UNSPECIFIED;
  bool relative_ = false;
};

// A parsed date before formatting. Absolute dates carry their own year;
// `inferred` ones take it from the publication date; relative ones are
// computed from it.
struct DateMatch {
  int begin = 0;  // tokens [begin, end) of the mention
  int end = 0;
  DateValue date;
  // Resolution needed the publication date (relative, or year inferred).
  bool needs_anchor = false;
  // Why a date left unresolved (empty `start`) could not be resolved
  // although the publication date is known (a literal, which outlives the
  // match); empty otherwise.
  absl::string_view unresolved_reason;
  // For a month or days written without a year ("June 5-7", "4/22"): the
  // months and days (0 for a whole month), so that a range can give it the
  // year of its other end ("June 5 to July 2, 2024"). month 0 otherwise.
  int yearless_month = 0;
  int yearless_day = 0;
  int yearless_end_month = 0;
  int yearless_end_day = 0;
};

// The first and last day a resolved date covers.
struct DaySpan {
  absl::CivilDay first;
  absl::CivilDay last;
};

// `DateLike` is Date or DateValue.
template <typename DateLike>
std::optional<DaySpan> DaysOf(const DateLike& date) {
  if (date.start().empty() || date.end().empty()) return std::nullopt;
  auto parse = [&](absl::string_view text,
                   bool last) -> std::optional<absl::CivilDay> {
    switch (date.granularity()) {
      case Date::GRANULARITY_DAY:
        return ParseIsoDay(text);
      case Date::GRANULARITY_MONTH: {
        // "YYYY-MM": two parts around a single hyphen.
        const size_t hyphen = FindByte(text, '-');
        int year = 0;
        int month = 0;
        if (hyphen == absl::string_view::npos ||
            FindByte(text, '-', hyphen + 1) != absl::string_view::npos ||
            !ParseInt(text.substr(0, hyphen), &year) ||
            !ParseInt(text.substr(hyphen + 1), &month) || month < 1 ||
            month > 12) {
          return std::nullopt;
        }
        const absl::CivilMonth civil(year, month);
        return last ? absl::CivilDay(civil + 1) - 1 : absl::CivilDay(civil);
      }
      case Date::GRANULARITY_YEAR:
      case Date::GRANULARITY_DECADE: {
        int year = 0;
        if (!ParseInt(text, &year)) return std::nullopt;
        return last ? absl::CivilDay(year, 12, 31) : absl::CivilDay(year, 1, 1);
      }
      default:
        return std::nullopt;
    }
  };
  const std::optional<absl::CivilDay> first = parse(date.start(), false);
  const std::optional<absl::CivilDay> last = parse(date.end(), true);
  if (!first.has_value() || !last.has_value()) return std::nullopt;
  return DaySpan{*first, *last};
}


// Appends `value` in decimal, zero-padded to `width` digits, as printf's
// "%0*d" writes it.
void AppendPadded(int64_t value, int width, std::string* out) {
  if (value < 0) {
    absl::StrAppendFormat(out, "%0*d", width, value);
    return;
  }
  char digits[20];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  for (int k = n; k < width; ++k) out->push_back('0');
  while (n > 0) out->push_back(digits[--n]);
}

// Writes `value`, from 0 to 99, as two digits at `out`.
void PutTwoDigits(int value, char* out) {
  out[0] = static_cast<char>('0' + value / 10);
  out[1] = static_cast<char>('0' + value % 10);
}

// "2024-06-05" (with `month` and `day`), "2024-06" (with `month`, `day`
// 0) or "2024" (both 0): years from 0 to 9999 written directly, others as
// AppendPadded writes them.
std::string FormatDate(absl::civil_year_t year, int month, int day) {
  if (year >= 0 && year <= 9999) {
    char text[10];
    PutTwoDigits(static_cast<int>(year / 100), text);
    PutTwoDigits(static_cast<int>(year % 100), text + 2);
    size_t size = 4;
    for (const int part : {month, day}) {
      if (part == 0) break;
      text[size] = '-';
      PutTwoDigits(part, text + size + 1);
      size += 3;
    }
    return std::string(text, size);
  }
  std::string text;
  AppendPadded(year, 4, &text);
  for (const int part : {month, day}) {
    if (part == 0) break;
    text.push_back('-');
    AppendPadded(part, 2, &text);
  }
  return text;
}
std::string FormatDay(absl::CivilDay day) {
  return FormatDate(day.year(), day.month(), day.day());
}
std::string FormatMonth(absl::CivilMonth month) {
  return FormatDate(month.year(), month.month(), 0);
}
std::string FormatYear(absl::civil_year_t year) {
  return FormatDate(year, 0, 0);
}

void SetDays(absl::CivilDay start, absl::CivilDay end, DateValue* date) {
  date->set_start(FormatDay(start));
  date->set_end(FormatDay(end));
  date->set_granularity(Date::GRANULARITY_DAY);
}
void SetMonths(absl::CivilMonth start, absl::CivilMonth end,
               DateValue* date) {
  date->set_start(FormatMonth(start));
  date->set_end(FormatMonth(end));
  date->set_granularity(Date::GRANULARITY_MONTH);
}
void SetYears(absl::civil_year_t start, absl::civil_year_t end,
              DateValue* date) {
  date->set_start(FormatYear(start));
  date->set_end(FormatYear(end));
  date->set_granularity(Date::GRANULARITY_YEAR);
}

// Sets `date` to the days [first, last] at `granularity` (DAY, MONTH or
// YEAR; DECADE is written as years).
void SetSpan(absl::CivilDay first, absl::CivilDay last,
             Date::Granularity granularity, DateValue* date) {
  switch (granularity) {
    case Date::GRANULARITY_MONTH:
      SetMonths(absl::CivilMonth(first), absl::CivilMonth(last), date);
      return;
    case Date::GRANULARITY_YEAR:
    case Date::GRANULARITY_DECADE:
      SetYears(first.year(), last.year(), date);
      return;
    default:
      SetDays(first, last, date);
  }
}

// A date resolved against the publication date: tokens [begin, end), the
// days `first` to `last` at `granularity`.
DateMatch RelativeMatch(int begin, int end, absl::CivilDay first,
                        absl::CivilDay last,
                        Date::Granularity granularity = Date::GRANULARITY_DAY) {
  DateMatch match{begin, end};
  match.needs_anchor = true;
  match.date.set_relative(true);
  SetSpan(first, last, granularity, &match.date);
  return match;
}

// A real calendar day (no "June 31").
std::optional<absl::CivilDay> MakeDay(int64_t year, int month, int day) {
  const absl::CivilDay result(year, month, day);
  if (result.year() != year || result.month() != month || result.day() != day) {
    return std::nullopt;
  }
  return result;
}

// The latest leap year up to `year`.
int LeapYearUpTo(int year) {
  while (year > 1 && !MakeDay(year, 2, 29).has_value()) --year;
  return year;
}

// ISO weekday number of `day`: 1 = Monday ... 7 = Sunday.
int IsoWeekday(absl::CivilDay day) {
  switch (absl::GetWeekday(day)) {
    case absl::Weekday::monday:
      return 1;
    case absl::Weekday::tuesday:
      return 2;
    case absl::Weekday::wednesday:
      return 3;
    case absl::Weekday::thursday:
      return 4;
    case absl::Weekday::friday:
      return 5;
    case absl::Weekday::saturday:
      return 6;
    case absl::Weekday::sunday:
      return 7;
  }
  return 1;
}

// ---------------------------------------------------------------------------
// Token tests.

bool IsDigits(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// A year written as four digits ("2016").
std::optional<int> YearOf(const Word& word) {
  if (word.kind != TokenKind::kNumber || word.folded.size() != 4 ||
      !IsDigits(word.folded)) {
    return std::nullopt;
  }
  const int year = ParseIntOr(word.folded, 0);
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  return year;
}

// A day of the month: "5", "5th", "31st".
std::optional<int> DayOf(absl::string_view folded) {
  size_t k = 0;
  while (k < folded.size() &&
         absl::ascii_isdigit(static_cast<unsigned char>(folded[k]))) {
    ++k;
  }
  if (k == 0 || k > 2) return std::nullopt;
  const absl::string_view suffix = folded.substr(k);
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" &&
      suffix != "th") {
    return std::nullopt;
  }
  const int day = ParseIntOr(folded.substr(0, k), 0);
  if (day < 1 || day > 31) return std::nullopt;
  return day;
}

std::optional<int> DayOf(const Word& word) {
  if (word.kind != TokenKind::kNumber) return std::nullopt;
  return DayOf(word.folded);
}

// A month name, capitalised as in the text ("June", "Sept").
std::optional<MonthName> MonthOf(const Word& word) {
  if (word.kind != TokenKind::kWord || !word.capitalized) return std::nullopt;
  auto it = Lex().months.find(word.folded);
  if (it == Lex().months.end()) return std::nullopt;
  return it->second;
}

std::optional<int> WeekdayOf(const Word& word) {
  if (word.kind != TokenKind::kWord || !word.capitalized) return std::nullopt;
  auto it = Lex().weekdays.find(word.folded);
  if (it == Lex().weekdays.end()) return std::nullopt;
  return it->second;
}

// A weekday, its name or a capitalised abbreviation ("Mon", "Thurs"); the
// abbreviations are for places where a weekday is expected.
std::optional<int> WeekdayOrAbbrevOf(const Word& word) {
  if (std::optional<int> weekday = WeekdayOf(word)) return weekday;
  if (word.kind != TokenKind::kWord || !word.capitalized) return std::nullopt;
  auto it = Lex().weekday_abbrevs.find(word.folded);
  if (it == Lex().weekday_abbrevs.end()) return std::nullopt;
  return it->second;
}

bool IsRangeSeparator(const Word& word, bool after_between) {
  if (after_between && WordIs(word, "and")) return true;
  return WordIs(word, "-") || WordIs(word, "~") || WordIs(word, "to") ||
         WordIs(word, "through") || WordIs(word, "until") ||
         WordIs(word, "till") || WordIs(word, "thru");
}

// "$", "€", "£", "¥": a number after it is money.
bool IsCurrencySign(absl::string_view folded) {
  return folded == "$" || folded == "\u20ac" || folded == "\u00a3" ||
         folded == "\u00a5";
}

// A regular plural noun ("2000 delegates"); not "was" or "news".
bool IsPlural(const Word& word) {
  if (word.kind != TokenKind::kWord || word.capitalized) return false;
  // Irregular nouns ("people", "children") count as plurals.
  if (!absl::EndsWith(word.folded, "s")) {
    return Lex().plural_nouns.contains(word.folded);
  }
  if (Lex().plural_nouns.contains(word.folded)) return true;
  const std::string lemma = Lemma(word.folded);
  return lemma != word.folded &&
         (word.folded == lemma + "s" || word.folded == lemma + "es" ||
          (absl::EndsWith(lemma, "y") &&
           word.folded == lemma.substr(0, lemma.size() - 1) + "ies"));
}

Date::Granularity PeriodGranularity(Period period) {
  switch (period) {
    case Period::kMonth:
    case Period::kQuarter:
      return Date::GRANULARITY_MONTH;
    case Period::kYear:
      return Date::GRANULARITY_YEAR;
    case Period::kDecade:
      return Date::GRANULARITY_DECADE;
    default:
      return Date::GRANULARITY_DAY;  // weeks are day ranges
  }
}

// ---------------------------------------------------------------------------
// Tense: whether a date without a year or week is in the past or future of
// the publication date, from the nearest tense cue in the sentence.

Tense TenseOf(const std::vector<Word>& words, int k) {
  const Word& word = words[k];
  if (word.kind != TokenKind::kWord) return Tense::kUnknown;
  const Lexicons& lex = Lex();
  // Most words are in neither table, as the filter says without a lookup.
  const bool listed = lex.tense_filter.MayHold(word.folded);
  if (listed) {
    if (auto it = lex.tense_words.find(word.folded);
        it != lex.tense_words.end()) {
      return it->second;
    }
  }
  // "I'll", "they'll": a contracted "will".
  if (word.folded.size() > 3 && absl::EndsWith(word.folded, "'ll")) {
    return Tense::kFuture;
  }
  if ((listed && lex.past_forms.contains(word.folded)) ||
      (word.folded.size() > 4 && absl::EndsWith(word.folded, "ed"))) {
    // In a passive ("will be held", "was signed") the auxiliary before the
    // participle carries the tense.
    const bool passive = k > 0 && (WordIs(words[k - 1], "be") ||
                                   WordIs(words[k - 1], "been") ||
                                   WordIs(words[k - 1], "being"));
    return passive ? Tense::kUnknown : Tense::kPast;
  }
  // A present-tense event verb ("the visit ends on Thursday") states a
  // schedule; "the talks", "for talks" (after an article or a preposition)
  // is a noun.
  if (word.folded.size() > 3 && absl::EndsWith(word.folded, "s") &&
      !word.capitalized && lex.event_verbs.contains(Lemma(word.folded))) {
    static constexpr absl::string_view kNounBefore[] = {
        "the",   "a",    "an",   "for",     "of",     "in",
        "at",    "with", "from", "after",   "before", "during",
        "about", "and",  "new",  "further", "more"};
    bool noun = false;
    if (k > 0) {
      for (absl::string_view w : kNounBefore)
        noun = noun || WordIs(words[k - 1], w);
    }
    if (!noun) return Tense::kFuture;
  }
  return Tense::kUnknown;
}

// Whether words[k] ends a clause for the tense search: a comma, semicolon,
// colon, dash or bracket.
bool EndsTenseClause(const Word& word) {
  if (word.kind != TokenKind::kPunct) return false;
  const absl::string_view t = word.folded;
  return t == "," || t == ";" || t == ":" || t == "(" || t == ")" ||
         t == "\xE2\x80\x94" || t == "\xE2\x80\x93" || t == "-";
}

// The tense of the cue nearest to words[begin, end) within kTenseWindow
// words on either side (TenseOf); of two as near, the one before it.
// Cues of the date's own clause come first ("who flew over the valley on
// Saturday, is expected to …": "flew", not "is"); only when the clause has
// none are the others read. kUnknown when there is none. Reads outward
// from the span and stops at the first cue, so a cue close by costs a few
// lookups.
Tense NearestTense(const std::vector<Word>& words, int begin, int end) {
  const int n = static_cast<int>(words.size());
  for (const bool in_clause : {true, false}) {
    bool before_open = true, after_open = true;
    for (int distance = 1; distance <= kTenseWindow; ++distance) {
      const int before = begin - distance;
      const int after = end - 1 + distance;
      if (before < 0 && after >= n) break;
      if (before >= 0 && before_open) {
        if (in_clause && EndsTenseClause(words[before])) {
          before_open = false;
        } else {
          const Tense tense = TenseOf(words, before);
          if (tense != Tense::kUnknown) return tense;
        }
      }
      if (after < n && after_open) {
        if (in_clause && EndsTenseClause(words[after])) {
          after_open = false;
        } else {
          const Tense tense = TenseOf(words, after);
          if (tense != Tense::kUnknown) return tense;
        }
      }
      if (in_clause && !before_open && !after_open) break;
    }
  }
  return Tense::kUnknown;
}

// Decades in words from the twenties on, ten years apart.
constexpr absl::string_view kDecadeWords[] = {
    "twenties", "thirties", "forties",  "fifties",
    "sixties",  "seventies", "eighties", "nineties"};

// The tens of a decade in words: "seventies" 70; -1 for other words.
int DecadeTens(absl::string_view word) {
  for (int t = 0; t < 8; ++t) {
    if (word == kDecadeWords[t]) return 20 + 10 * t;
  }
  return -1;
}

// ---------------------------------------------------------------------------
// Gates: what the first token of a date can be. Each parser states the
// kinds of token it can start at (Opens), and at "the" the kinds of the
// token after it; FirstMatch skips a parser whose kinds the tokens lack with
// a bit test, instead of letting it run its own lexicon lookups. The gates
// only skip work: a parser they skip would have found nothing
// (internal::DateGateViolations checks it).

enum Opens : uint32_t {
  kOpensDigits12 = 1 << 0,   // a number of one or two digits: "4", "31"
  kOpensThe = 1 << 1,        // "the"
  kOpensCalendar = 1 << 2,   // a capitalised month, weekday, "Thurs", "EOY"
  kOpensShaped = 1 << 3,     // a word with a digit or hyphen: "Q3", "mid-May"
  kOpensCount = 1 << 4,      // a number word, "a", "an", "few", "couple"
  kOpensOrdinal = 1 << 5,    // an ordinal word or "last"
  kOpensUnit = 1 << 6,       // a time unit or period: "week", "years"
  kOpensIn = 1 << 7,         // "in"
  kOpensDayPhrase = 1 << 8,  // opens a relative day: "yesterday", "the"
  kOpensRest = 1 << 9,       // opens a rest phrase: "rest"
  kOpensShift = 1 << 10,     // a shift or part word: "next", "earlier"
  kOpensSpan = 1 << 11,      // a span word: "past", "within"
  kOpensSeason = 1 << 12,    // "summer"
  kOpensDecade = 1 << 13,    // "sixties", "noughties"
  kOpensPart = 1 << 14,      // opens a part phrase: "end", "early"
  kOpensCue = 1 << 15,       // "from", "same", "following", "less", …
  kOpensOther = 1 << 16,     // any other token
  kOpensNumberOrdinal = 1 << 17,  // a day as an ordinal number: "5th", "31st"
  kOpensNumberOther = 1 << 18,    // any other number: "2,400", "2016-06-07"
  kOpensDigits4 = 1 << 19,        // a number of four digits: "2016"
  kOpensDigitsOther = 1 << 20,    // a number of 3 or 5 and more digits: "400"
  // With kOpensCalendar, what it is: a month ("June", "Sept"), or a weekday
  // or its abbreviation ("Monday", "Thurs").
  kOpensMonth = 1 << 27,
  kOpensWeekday = 1 << 28,
};
// A number of digits alone.
constexpr uint32_t kOpensDigits =
    kOpensDigits12 | kOpensDigits4 | kOpensDigitsOther;
constexpr uint32_t kOpensNumber =
    kOpensDigits | kOpensNumberOrdinal | kOpensNumberOther;

// A token that can anchor a date (DateBitsOf): every date holds one.
constexpr uint32_t kAnchor = 1u << 31;
// In DateWords: a month, weekday or weekday abbreviation, which is
// kOpensCalendar when capitalised (CalendarBits), and kOpensMonth or
// kOpensWeekday then too.
constexpr uint32_t kCalendarWord = 1u << 30;
// "few" and "couple": counts that may be followed by "of" ("a couple of
// weeks"), not only by a time unit.
constexpr uint32_t kVagueCount = 1u << 29;

// What a token is as the one right after a number of digits, a count
// word or an ordinal word (DateParser::FollowerAt): its Opens bits, with
// kOpensOther told apart into the following.
enum Next : uint32_t {
  kNextSlash = 1 << 21,   // "/"
  kNextDash = 1 << 22,    // "-", "~"
  kNextSymbol = 1 << 23,  // any other token of neither letters nor digits
  kNextLink = 1 << 24,    // "of", "and", "to", "through", "until", "till",
                          // "thru"
  kNextWord = 1 << 25,    // any other word of no date lexicon
  kNextEnd = 1 << 26,     // none: the sentence ends
};
// After an ordinal word alone (DateParser::OrdinalFollowerAt), besides its
// FollowerAt bits: one of the plain words a pattern reads right after an
// ordinal ("first half", "third nearest").
constexpr uint64_t kNextOrdinalTail = uint64_t{1} << 32;
// After "the" and a count word alone (DateParser::FollowerAfterThe), marks
// the FollowerAt bits of the token after the count, which the gates of
// GatedParser::after_the_count read.
constexpr uint64_t kNextAfterCount = uint64_t{1} << 33;
// Any word: a follower of none of these bits is a word.
constexpr uint32_t kNextAnyWord =
    ~(kOpensNumber | kNextSlash | kNextDash | kNextSymbol | kNextEnd);
// Any token of no letters: the FollowerAt bits of a number or a symbol.
constexpr uint32_t kNextNotWord =
    kOpensNumber | kNextSlash | kNextDash | kNextSymbol;

// The DateWords bits `bits` of a word, as a token: a calendar word
// (kCalendarWord) opens calendar dates only when `capitalized`.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline uint32_t CalendarBits(uint32_t bits,
                                                          bool capitalized) {
  if ((bits & kCalendarWord) == 0) return bits;
  bits &= ~kCalendarWord;
  return capitalized ? bits | kOpensCalendar
                     : bits & ~(kOpensMonth | kOpensWeekday);
}

// DateBitsOf a plain word (IsPlainWord) of DateWords bits `bits`:
// CalendarBits, and kOpensOther when it opens no pattern.
inline uint32_t PlainTokenBits(uint32_t bits, bool capitalized) {
  bits = CalendarBits(bits, capitalized);
  if ((bits & ~kAnchor) == 0) bits |= kOpensOther;
  return bits;
}

// The date facts of lexicon words: kAnchor, kCalendarWord and Opens bits;
// and, so that one lookup of a token gives both, the figure scan's classes
// of the words that have any (internal::ScanClassWords), which the date
// scan hands on to it (internal::ScanClassWriter).
class DateWords {
 public:
  explicit DateWords(const Lexicons& lex) {
    const auto add_keys = [this](const auto& table, uint32_t bits) {
      for (const auto& entry : table) Add(entry.first, bits);
    };
    const auto add = [this](std::initializer_list<const char*> list,
                            uint32_t bits) {
      for (const char* word : list) Add(word, bits);
    };
    // The words that name a time by themselves: months, weekdays, number
    // and ordinal words, time units, periods, seasons, decade words, and
    // the last word of each relative-day and "from now" phrase
    // ("yesterday", "night", "now"; their first words "the", "last",
    // "this" name no time).
    add_keys(lex.months, kAnchor | kCalendarWord | kOpensMonth);
    add_keys(lex.weekdays, kAnchor | kCalendarWord | kOpensWeekday);
    add_keys(lex.weekday_abbrevs, kCalendarWord | kOpensWeekday);
    add_keys(lex.numbers, kAnchor | kOpensCount);
    add_keys(lex.ordinals, kAnchor | kOpensOrdinal);
    add_keys(lex.time_units, kAnchor | kOpensUnit);
    add_keys(lex.periods, kAnchor | kOpensUnit);
    add_keys(lex.seasons, kAnchor | kOpensSeason);
    for (const auto* table : {&lex.day_phrases, &lex.hence}) {
      for (const auto& [first, phrases] : *table) {
        for (const DayPhrase& phrase : phrases) {
          if (!phrase.words.empty()) Add(phrase.words.back(), kAnchor);
        }
      }
    }
    for (absl::string_view decade : kDecadeWords) {
      Add(decade, kAnchor | kOpensDecade);
    }
    add({"noughties"}, kAnchor | kOpensDecade);
    // Vague counts of time units ("a couple of weeks", "a few days").
    add({"couple", "few"}, kAnchor | kOpensCount | kVagueCount);
    add({"tens",            // "the twenty-tens"
         "thousands",       // "the two thousands"
         "year-to-date", "month-to-date", "workweek"},
        kAnchor);
    add({"eoy", "eom"}, kAnchor | kCalendarWord);
    // What the patterns start at besides.
    add({"the"}, kOpensThe);
    add({"a", "an"}, kOpensCount);
    add({"last"}, kOpensOrdinal);
    add({"week", "month", "year"}, kOpensUnit);
    add({"in"}, kOpensIn);
    add_keys(lex.day_phrases, kOpensDayPhrase);
    add_keys(lex.next_days, kOpensDayPhrase);
    add_keys(lex.rests, kOpensRest);
    add_keys(lex.shifts, kOpensShift);
    add_keys(lex.parts, kOpensShift);
    add({"next", "this", "last", "previous"}, kOpensShift);
    add_keys(lex.span_words, kOpensSpan);
    add_keys(lex.half_phrases, kOpensPart);
    add({"from", "same", "following", "less", "closest", "nearest", "w"},
        kOpensCue);
    for (auto& [word, classes] : internal::ScanClassWords()) {
      if (!word.empty()) figure_classes_[word] |= classes;
    }
    // The words of up to 16 bytes of either table, again in an
    // open-addressing table keyed by their bytes as two integers (Pack), at
    // most a quarter full.
    WordMap<PackedSlot> packed_words;
    for (const auto& [word, bits] : bits_) {
      if (word.size() <= kMaxPacked) packed_words[word].bits = bits;
    }
    for (const auto& [word, classes] : figure_classes_) {
      if (word.size() <= kMaxPacked) packed_words[word].figure = classes;
    }
    size_t slots = 64;
    while (slots < 4 * packed_words.size()) slots *= 2;
    packed_.assign(slots, PackedSlot());
    packed_mask_ = slots - 1;
    for (const auto& [word, facts] : packed_words) {
      const Packed key = Pack(word);
      size_t s = SlotOf(key, word.size());
      while (packed_[s].size != 0) s = (s + 1) & packed_mask_;
      packed_[s] = PackedSlot{
          key.low,
          key.high,
          facts.bits,
          {PlainTokenBits(facts.bits, false), PlainTokenBits(facts.bits, true)},
          static_cast<uint8_t>(word.size()),
          facts.figure};
      filter_.Add(word);
    }
    // Punctuation of one byte, by the byte.
    for (int c = 0; c < 256; ++c) {
      const char byte = static_cast<char>(c);
      const absl::string_view word(&byte, 1);
      uint16_t record = FigureClasses(word);
      if (c < 0x80 && internal::ShapeOf(word) == 0) {
        record |= internal::kShortPlainWord;
      }
      one_byte_punct_records_[c] = record;
    }
  }

  // A word of the table: its bytes (Pack) and size, its bits and its figure
  // scan classes. Empty: size 0, bits and classes 0.
  struct PackedSlot {
    uint64_t low = 0;
    uint64_t high = 0;
    uint32_t bits = 0;
    // PlainTokenBits of `bits`, lowercase and capitalized (by
    // Word::capitalized): what a plain word of the slot is as a token.
    uint32_t token_bits[2] = {kOpensOther, kOpensOther};
    uint8_t size = 0;  // 0: empty
    uint8_t figure = 0;
  };

  // The longest words Pack takes.
  static constexpr size_t kMaxPacked = 16;
  static_assert(kMaxPacked <= WordFilter::kSizes);

  // A word of 1 to kMaxPacked bytes as two integers (internal::PackWord).
  using Packed = internal::PackedWord;
  ABSL_ATTRIBUTE_ALWAYS_INLINE static Packed Pack(absl::string_view word) {
    return internal::PackWord(word);
  }

  // Whether a word of `size` (1 to kMaxPacked) bytes at `p` may have
  // bits: false for most words of no table, from its size and first and
  // last bytes alone (a WordFilter of 2 KB, which stays in cache where the
  // table of packed words may not); true for every word of the table.
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool MayFindPacked(const char* p,
                                                  size_t size) const {
    return filter_.MayHoldShort(p, size);
  }

  // The slot of a word of 1 to kMaxPacked bytes given as Pack(word) and
  // its size; an empty slot when it has none.
  ABSL_ATTRIBUTE_ALWAYS_INLINE const PackedSlot& FindPackedSlot(
      Packed key, size_t size) const {
    const PackedSlot* const slots = packed_.data();
    for (size_t s = SlotOf(key, size);; s = (s + 1) & packed_mask_) {
      const PackedSlot& slot = slots[s];
      if (slot.size == 0) return slot;
      if (slot.low == key.low && slot.high == key.high && slot.size == size) {
        return slot;
      }
    }
  }

  // Find of a word of 1 to kMaxPacked bytes given as Pack(word) and its
  // size.
  ABSL_ATTRIBUTE_ALWAYS_INLINE uint32_t FindPacked(Packed key,
                                                   size_t size) const {
    return FindPackedSlot(key, size).bits;
  }

  // The ScanClassRecord of a punctuation token of one byte `c`: its figure
  // scan classes, and internal::kShortPlainWord unless `c` is a digit, a
  // hyphen or not ASCII.
  ABSL_ATTRIBUTE_ALWAYS_INLINE uint16_t OneBytePunctRecord(char c) const {
    return one_byte_punct_records_[static_cast<unsigned char>(c)];
  }

  // The figure scan classes of the folded word `folded`; 0 for a word of
  // none.
  uint8_t FigureClasses(absl::string_view folded) const {
    if (folded.empty()) return 0;
    if (folded.size() <= kMaxPacked) {
      if (!MayFindPacked(folded.data(), folded.size())) return 0;
      return FindPackedSlot(Pack(folded), folded.size()).figure;
    }
    auto it = figure_classes_.find(folded);
    return it == figure_classes_.end() ? 0 : it->second;
  }

  // The bits of the folded word `folded`; 0 for a word of no lexicon.
  uint32_t Find(absl::string_view folded) const {
    if (folded.empty()) return 0;
    if (folded.size() <= kMaxPacked) {
      return FindPacked(Pack(folded), folded.size());
    }
    // Most longer words of a text are in no table: one bit test says so for
    // most of them (no entry has their first and last letter and length).
    const uint32_t length = 1u << std::min<size_t>(folded.size(), 31);
    if ((lengths_[Index(folded.front())][Index(folded.back())] & length) ==
        0) {
      return 0;
    }
    auto it = bits_.find(folded);
    return it == bits_.end() ? 0 : it->second;
  }

 private:
  static int Index(char c) { return c >= 'a' && c <= 'z' ? c - 'a' : 26; }

  size_t SlotOf(Packed key, size_t size) const {
    const uint64_t hash = (key.low + size + key.high * 0xD6E8FEB86659FD93ull) *
                          0x9E3779B97F4A7C15ull;
    return static_cast<size_t>(hash >> 32) & packed_mask_;
  }

  void Add(absl::string_view word, uint32_t bits) {
    if (word.empty()) return;
    bits_[std::string(word)] |= bits;
    lengths_[Index(word.front())][Index(word.back())] |=
        1u << std::min<size_t>(word.size(), 31);
  }

  WordMap<uint32_t> bits_;
  // The figure scan classes of the words that have any.
  WordMap<uint8_t> figure_classes_;
  // By byte, OneBytePunctRecord.
  uint16_t one_byte_punct_records_[256] = {};
  std::vector<PackedSlot> packed_;
  size_t packed_mask_ = 0;  // packed_.size() - 1
  // Of the words of packed_.
  WordFilter filter_;
  // By first and last letter (26: any other byte), the lengths of the
  // entries as bits (bit 31: 31 bytes or more).
  uint32_t lengths_[27][27] = {};
};

// The DateWords of the lexicons, made once.
const DateWords& DateWordsOfLexicons() {
  static const DateWords* const kDateWords = new DateWords(Lex());
  return *kDateWords;
}

// DateBitsOf of a word or number for which IsPlainWord does not hold.
ABSL_ATTRIBUTE_NOINLINE uint32_t OtherDateBitsOf(const Word& word,
                                                 const DateWords& date_words) {
  if (word.kind == TokenKind::kNumber) {
    if (IsDigits(word.folded)) {
      const size_t size = word.folded.size();
      return kAnchor | (size <= 2   ? kOpensDigits12
                        : size == 4 ? kOpensDigits4
                                    : kOpensDigitsOther);
    }
    return kAnchor | (DayOf(word.folded).has_value() ? kOpensNumberOrdinal
                                                      : kOpensNumberOther);
  }
  if (word.kind != TokenKind::kWord) return kOpensOther;
  absl::string_view folded = word.folded;
  if (word.possessive_bytes > 0) folded.remove_suffix(2);  // "'s"
  uint32_t bits = date_words.Find(folded);
  bits = CalendarBits(bits, word.capitalized);
  size_t hyphen = absl::string_view::npos;
  for (size_t k = internal::HasNoDigitOrHyphen(folded) ? folded.size() : 0;
       k < folded.size(); ++k) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(folded[k]))) {
      bits |= kAnchor | kOpensShaped;
    } else if (folded[k] == '-') {
      bits |= kOpensShaped;
      hyphen = k;
    }
  }
  // "mid-November": the part after the last hyphen.
  if ((bits & kAnchor) == 0 && hyphen != absl::string_view::npos &&
      hyphen + 1 < folded.size()) {
    bits |= date_words.Find(folded.substr(hyphen + 1)) & kAnchor;
  }
  if ((bits & ~kAnchor) == 0) bits |= kOpensOther;
  return bits;
}

// Whether `word` is a word of 1 to DateWords::kMaxPacked bytes without a
// digit, hyphen (Word::shape) or possessive ending: most tokens are.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool IsPlainWord(const Word& word) {
  return word.kind == TokenKind::kWord &&
         (word.shape & (internal::kHasDigit | internal::kHasHyphen)) == 0 &&
         word.possessive_bytes == 0 &&
         word.folded.size() - 1 < DateWords::kMaxPacked;
}

// DateBitsOf of a word for which IsPlainWord holds: from a filter, and for
// the few words it lets pass, one probe of the packed word.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline uint32_t PlainWordBits(
    const Word& word, const DateWords& date_words) {
  const char* const data = word.folded.data();
  const size_t size = word.folded.size();
  if (!date_words.MayFindPacked(data, size)) return kOpensOther;
  return date_words
      .FindPackedSlot(DateWords::Pack(absl::string_view(data, size)), size)
      .token_bits[word.capitalized ? 1 : 0];
}

// What date scanning needs to know of a token, read without its possessive
// ending ("Monday's"): kAnchor when a date can hold it — a number, a word
// with a digit ("Q3", "mid-2016"), or a word that names a time (a month,
// weekday, number or ordinal word, time unit, period, season, a relative
// day such as "yesterday"; after a hyphen too: "mid-November") — and the
// Opens bits of the patterns that can start at it. Inlined: ScanDates asks
// it of every token. `date_words` is DateWordsOfLexicons().
ABSL_ATTRIBUTE_ALWAYS_INLINE inline uint32_t DateBitsOf(
    const Word& word, const DateWords& date_words) {
  if (IsPlainWord(word)) return PlainWordBits(word, date_words);
  if (word.kind != TokenKind::kWord && word.kind != TokenKind::kNumber) {
    return kOpensOther;
  }
  return OtherDateBitsOf(word, date_words);
}

// ---------------------------------------------------------------------------
// Parsers. Each tries to read a date starting at words[i]; `published` is
// the publication date when known. A parser that needs the publication date
// but has none still returns the match, with an empty start.

// The memos of a DateParser (OrdinalAt, CountAt), kept from one sentence
// to the next so their storage is reused.
// An entry is set for the current sentence when its `sentence` is
// `sentence` below, so a new sentence clears none of them.
struct ParserMemos {
  struct Ordinal {
    uint32_t sentence = 0;
    std::optional<int> ordinal;
  };
  struct Count {
    uint32_t sentence = 0;
    std::optional<std::pair<int, std::string>> count;
    int end = 0;
  };
  // The current sentence's number, from 1 on.
  uint32_t sentence = 0;
  std::vector<Ordinal> ordinal;
  std::vector<Count> count;

  // Starts a sentence of `size` words: no entry is set.
  void NextSentence(size_t size) {
    if (++sentence == 0) {  // wrapped around: clear the old numbers
      for (Ordinal& entry : ordinal) entry.sentence = 0;
      for (Count& entry : count) entry.sentence = 0;
      sentence = 1;
    }
    if (ordinal.size() < size) ordinal.resize(size);
    if (count.size() < size) count.resize(size);
  }
};

class DateParser {
 public:
  // `bits` holds DateBitsOf of each word; `memos` is started for them
  // (NextSentence).
  DateParser(const std::vector<Word>& words, const std::vector<uint32_t>& bits,
             std::optional<absl::CivilDay> published, ParserMemos* memos)
      : words_(words),
        bits_(bits),
        n_(static_cast<int>(words.size())),
        published_(published),
        memos_(*memos) {
    memos_.NextSentence(words.size());
  }

  // Whether ParseAt finds nothing at "in" (the only token of Opens bits
  // kOpensIn and no other) before a token of Opens bits `next`: no parser
  // that starts at "in" reads such a token after it (the list FirstMatch
  // would try there is empty), and "in" opens no part phrase and is not
  // "now". Lets the scan pass "in" before a place name without a try.
  static bool NothingAfterIn(uint32_t next) {
    static const uint64_t kAfterIn = [] {
      uint64_t bits = 0;
      for (const GatedParser& parser : Parsers()) {
        if ((parser.opens & kOpensIn) != 0) bits |= parser.after_in;
      }
      return bits;
    }();
    return (kAfterIn & next) == 0;
  }

  // Whether parsers are skipped at tokens they cannot start at (on by
  // default; off, every parser is tried at every token).
  void SetGates(bool on) { gates_ = on; }

  // Turns on the audit of the gates: a parser a gate skips is tried anyway,
  // and each date one finds is listed in Violations().
  void AuditGates() { audit_ = true; }
  const std::vector<std::string>& Violations() const { return violations_; }

  // The date found before the next one in the sentence, which "three days
  // later" counts from.
  // `date` must outlive the parses that follow, up to the next SetPrevious.
  void SetPrevious(const Date* date) { previous_ = date; }

  // A date at words[i], joined with a second one into a range when a range
  // word stands between them ("2014 through May 2018", "from 10/1 to
  // 11/7", "between January 1st 2015 and Feb 5th 2018").
  std::optional<DateMatch> ParseAt(int i) const {
    std::optional<DateMatch> first = Halved(i);
    // "between now and May 21", "from now until June": "now" is a range's
    // first end only.
    const bool now_first = !first.has_value() && Is(i, "now") &&
                           (Is(i - 1, "between") || Is(i - 1, "from"));
    if (now_first) first = Today(i, i + 1);
    // Every return below gives `first`, which is built in place of the
    // result: a date is not moved on its way out.
    if (!first.has_value()) return first;
    const int e = first->end;
    if (e + 1 >= n_ ||
        !IsRangeSeparator(words_[e], AfterBetween(first->begin))) {
      if (now_first) first.reset();
      return first;
    }
    second_end_ = true;
    std::optional<DateMatch> second = Halved(e + 1);
    second_end_ = false;
    // "between Jan 22 and now", "from March to date": the second end.
    if (!second.has_value() && !now_first && !WordIs(words_[e], "-") &&
        (Is(e + 1, "now") || Is(e + 1, "date"))) {
      second = Today(e + 1, e + 2);
    }
    if (!second.has_value()) {
      if (now_first) first.reset();
      return first;
    }
    std::optional<DateMatch> joined = Joined(*first, *std::move(second));
    if (!joined.has_value()) {
      if (now_first) first.reset();
      return first;
    }
    first = std::move(joined);
    return first;
  }

 private:
  // One date at words[i], without a range to a second one.
  std::optional<DateMatch> Single(int i) const {
    // Some parsers read a date inside their own ("in 2 years since 2011",
    // "next 5/12"); bounding that nesting keeps a sentence of repeats ("in
    // 2 years since in 2 years since …") linear instead of a recursion as
    // deep as the sentence is long.
    if (nesting_ >= kMaxNesting) return std::nullopt;
    // Undoes the ++nesting_ below on return, after FirstMatch has built
    // the result in place.
    struct Unnest {
      int* nesting;
      ~Unnest() { --*nesting; }
    };
    ++nesting_;
    const Unnest unnest{&nesting_};
    return FirstMatch(i);
  }

  // One parser of FirstMatch's list: the Opens bits of the tokens it can
  // start at.
  using Parse = std::optional<DateMatch> (DateParser::*)(int) const;
  struct GatedParser {
    Parse parse;
    uint32_t opens;
    // At "the", the Opens bits the next token must have (kAfterAny: any).
    uint64_t after_the;
    const char* name;
    // At a number of digits alone, and at a count word other than "few"
    // and "couple" ("two", "a"): the bits the token after it must have
    // (FollowerAt; kAfterAny: any).
    uint64_t after_digits = kAfterAny;
    uint64_t after_count = kAfterAny;
    // At "in": the Opens bits the next token must have (kAfterAny: any).
    uint64_t after_in = kAfterAny;
    // At an ordinal word alone ("first"; LeadOf), and at "the" before one
    // ("the first"): the bits the token after the ordinal must have
    // (OrdinalFollowerAt; kAfterAny: any).
    uint64_t after_ordinal = kAfterAny;
    // At "the" before a count word other than "few" and "couple" ("the
    // two"): the bits the token after the count must have (FollowerAt;
    // kAfterAny: any).
    uint64_t after_the_count = kAfterAny;
  };
  static constexpr uint64_t kAfterAny = ~uint64_t{0};

  // FirstMatch's parsers, in order.
  static const std::vector<GatedParser>& Parsers() {
    static const auto* const kParsers = new std::vector<GatedParser>{
        // A day of ISO form has hyphens: never digits alone.
        {&DateParser::Iso, kOpensNumber, kAfterAny, "Iso", 0},
        // Digits alone take their hyphen from the touching numbers and
        // "/" after them.
        {&DateParser::NumericRange, kOpensNumber, kAfterAny, "NumericRange",
         kOpensNumber | kNextSlash},
        // Digits alone are followed by "/" ("4/22").
        {&DateParser::Numeric, kOpensNumber, kAfterAny, "Numeric", kNextSlash},
        // After "first" or "last": a count ("first 2 weeks"); after
        // another ordinal: "month".
        {&DateParser::CountedPart,
         kOpensThe | kOpensOrdinal | kOpensNumberOrdinal,
         kOpensOrdinal | kOpensNumberOrdinal, "CountedPart", kAfterAny,
         kAfterAny, kAfterAny, kOpensDigits | kOpensCount | kOpensUnit},
        // After a year: "the", "Q3" or "H2", or an ordinal ("2016 third
        // quarter").
        {&DateParser::Quarter,
         kOpensDigits4 | kOpensNumberOrdinal | kOpensNumberOther |
             kOpensShaped | kOpensThe | kOpensOrdinal,
         kOpensOrdinal | kOpensNumber, "Quarter",
         kOpensThe | kOpensShaped | kOpensOrdinal | kOpensNumberOrdinal,
         kAfterAny, kAfterAny, kOpensUnit | kNextOrdinalTail},
        // After an ordinal: "week", or "last" ("third last week").
        {&DateParser::WeekOfOnWeekday,
         kOpensThe | kOpensUnit | kOpensOrdinal | kOpensNumberOrdinal,
         kOpensOrdinal | kOpensNumberOrdinal | kOpensUnit, "WeekOfOnWeekday",
         kAfterAny, kAfterAny, kAfterAny, kOpensUnit | kOpensOrdinal},
        {&DateParser::WeekOf,
         kOpensThe | kOpensUnit | kOpensOrdinal | kOpensNumberOrdinal,
         kOpensOrdinal | kOpensNumberOrdinal | kOpensUnit, "WeekOf", kAfterAny,
         kAfterAny, kAfterAny, kOpensUnit | kOpensOrdinal},
        {&DateParser::WeekCommencing, kOpensCue, kAfterAny, "WeekCommencing"},
        // After an ordinal: a weekday, or "last".
        {&DateParser::NthWeekday,
         kOpensThe | kOpensOrdinal | kOpensNumberOrdinal,
         kOpensOrdinal | kOpensNumberOrdinal, "NthWeekday", kAfterAny,
         kAfterAny, kAfterAny, kOpensWeekday | kOpensOrdinal},
        // Digits alone are a day only after "the"; a day in words without
        // "the" ends in an ordinal ("on twenty second").
        // After "the" and a count word: the ordinal that ends a day in
        // words ("the twenty first"), or what DayWordsAt looks up without
        // a gate of its own (a count word, a token of no letters).
        {&DateParser::TheDay,
         kOpensThe | kOpensDigits12 | kOpensNumberOrdinal | kOpensCount |
             kOpensOrdinal | kOpensShaped,
         kOpensDigits12 | kOpensNumberOrdinal | kOpensCount | kOpensOrdinal |
             kOpensShaped,
         "TheDay", 0, kOpensOrdinal, kAfterAny, kAfterAny,
         kOpensOrdinal | kOpensCount | kNextNotWord},
        {&DateParser::WeekdayNumeric, kOpensWeekday, kAfterAny,
         "WeekdayNumeric"},
        // From a number, a count of time units (CountAt).
        {&DateParser::WeekdayOffset,
         kOpensWeekday | kOpensIn | kOpensDigits | kOpensCount, kAfterAny,
         "WeekdayOffset", kOpensUnit, kOpensUnit | kOpensCount,
         kOpensDigits | kOpensCount},
        {&DateParser::WeekdayDate, kOpensWeekday, kAfterAny, "WeekdayDate"},
        {&DateParser::MonthAfterNext, kOpensThe | kOpensMonth, kOpensMonth,
         "MonthAfterNext"},
        {&DateParser::MonthFirst, kOpensMonth, kAfterAny, "MonthFirst"},
        {&DateParser::SlashedDayMonth, kOpensDigits12 | kOpensNumberOrdinal,
         kAfterAny, "SlashedDayMonth", kNextSlash},
        {&DateParser::YearSlashed, kOpensDigits4, kAfterAny, "YearSlashed",
         kNextSlash},
        // After a day in digits: a range word, "of" or a month. After a
        // number word: the rest of a day in words ("twenty second"),
        // "day", "of" or a month. After an ordinal word: "day" or "of".
        {&DateParser::DayFirst,
         kOpensDigits12 | kOpensNumberOrdinal | kOpensNumberOther |
             kOpensShaped | kOpensCount | kOpensOrdinal,
         kAfterAny, "DayFirst", kNextDash | kNextLink | kOpensCalendar,
         kOpensOrdinal | kOpensCount | kOpensUnit | kNextLink | kOpensCalendar,
         kAfterAny, kNextLink | kOpensUnit},

        {&DateParser::MidToken, kOpensShaped, kAfterAny, "MidToken"},
        // A month, or "-" or "/" and a second number.
        {&DateParser::YearMonth, kOpensDigits12 | kOpensDigits4, kAfterAny,
         "YearMonth", kOpensCalendar | kNextDash | kNextSlash},
        {&DateParser::BareDecade, kOpensDigits12 | kOpensDigits4 | kOpensDecade,
         kAfterAny, "BareDecade"},
        {&DateParser::Year, kOpensNumber, kAfterAny, "Year"},
        {&DateParser::SpokenYear, kOpensCount, kAfterAny, "SpokenYear"},
        // After "the" and a count word ("nineteen"): a decade word.
        {&DateParser::Decade, kOpensThe,
         kOpensNumber | kOpensOther | kOpensDecade | kOpensCount, "Decade",
         kAfterAny, kAfterAny, kAfterAny, kAfterAny, kOpensDecade},
        {&DateParser::Century, kOpensThe | kOpensNumberOrdinal | kOpensOrdinal,
         kOpensNumberOrdinal | kOpensOrdinal, "Century", kAfterAny, kAfterAny,
         kAfterAny, kOpensUnit},
        {&DateParser::WeekNumber, kOpensUnit, kAfterAny, "WeekNumber"},
        // One hyphenated token: never digits alone.
        {&DateParser::Compact, kOpensNumber | kOpensShaped, kAfterAny,
         "Compact", 0},
        // At "the", the second word of one of their phrases.
        {&DateParser::RelativeDay, kOpensDayPhrase,
         SecondWordsAfterThe(Lex().day_phrases), "RelativeDay"},
        {&DateParser::NextDay, kOpensDayPhrase,
         SecondWordsAfterThe(Lex().next_days), "NextDay"},
        {&DateParser::AfterNext, kOpensThe, kOpensUnit, "AfterNext"},
        {&DateParser::RestOf, kOpensThe | kOpensRest, kOpensRest, "RestOf"},
        {&DateParser::PossessiveQuarter, kOpensShift, kAfterAny,
         "PossessiveQuarter"},
        {&DateParser::Shifted, kOpensShift, kAfterAny, "Shifted"},
        {&DateParser::Following, kOpensThe | kOpensCue, kOpensCue, "Following"},
        {&DateParser::Season, kOpensThe | kOpensSeason, kOpensSeason, "Season"},
        // These five start with a count of time units (CountAt): a time
        // unit after the number, or "few" or "couple" after "a".
        {&DateParser::CountStarting, kOpensDigits | kOpensCount, kAfterAny,
         "CountStarting", kOpensUnit, kOpensUnit | kOpensCount},
        {&DateParser::Offset, kOpensDigits | kOpensCount, kAfterAny, "Offset",
         kOpensUnit, kOpensUnit | kOpensCount},
        {&DateParser::Later, kOpensDigits | kOpensCount, kAfterAny, "Later",
         kOpensUnit, kOpensUnit | kOpensCount},
        {&DateParser::Ago, kOpensDigits | kOpensCount, kAfterAny, "Ago",
         kOpensUnit, kOpensUnit | kOpensCount},
        {&DateParser::Ahead, kOpensIn | kOpensDigits | kOpensCount, kAfterAny,
         "Ahead", kOpensUnit, kOpensUnit | kOpensCount,
         kOpensDigits | kOpensCount},
        // A number before a span word ("2 next days").
        // After "the" and a count word: a span word, or a token of no
        // letters, which MayBeIn lets through.
        {&DateParser::CountSpan,
         kOpensThe | kOpensDigits | kOpensCount | kOpensSpan,
         kOpensDigits | kOpensCount | kOpensSpan, "CountSpan", kOpensSpan,
         kOpensSpan, kAfterAny, kAfterAny, kOpensSpan | kNextNotWord},
        // A plural weekday ("3 Fridays").
        {&DateParser::CountedWeekdays, kOpensDigits | kOpensCount, kAfterAny,
         "CountedWeekdays", kNextAnyWord, kNextAnyWord},
        {&DateParser::ClosestWeekday, kOpensOrdinal | kOpensCue, kAfterAny,
         "ClosestWeekday", kAfterAny, kAfterAny, kAfterAny, kNextOrdinalTail},
        {&DateParser::FromDayFor, kOpensCue, kAfterAny, "FromDayFor"},
        // After an ordinal: "day", or "last".
        {&DateParser::NthDayOf, kOpensThe | kOpensOrdinal | kOpensNumberOrdinal,
         kOpensOrdinal | kOpensNumberOrdinal, "NthDayOf", kAfterAny, kAfterAny,
         kAfterAny, kOpensUnit | kOpensOrdinal},
        {&DateParser::NthWeekdayAlone,
         kOpensThe | kOpensOrdinal | kOpensNumberOrdinal,
         kOpensOrdinal | kOpensNumberOrdinal, "NthWeekdayAlone", kAfterAny,
         kAfterAny, kAfterAny, kOpensWeekday},
        {&DateParser::MonthDayToken, kOpensShaped, kAfterAny, "MonthDayToken"},
        {&DateParser::SpokenDecade, kOpensThe, kOpensShaped | kOpensCount,
         "SpokenDecade"},
        {&DateParser::Same, kOpensCue, kAfterAny, "Same"},
        {&DateParser::ToDate, kOpensUnit | kOpensShaped, kAfterAny, "ToDate"},
        {&DateParser::NextYearless, kOpensShift, kAfterAny, "NextYearless"},
        {&DateParser::LessThanOffset, kOpensCue, kAfterAny, "LessThanOffset"},
        {&DateParser::WorkWeek, kOpensShift, kAfterAny, "WorkWeek"},
        {&DateParser::CountInThe, kOpensDigits | kOpensCount, kAfterAny,
         "CountInThe", kOpensUnit, kOpensUnit | kOpensCount},
        {&DateParser::EndOfAbbreviation, kOpensCalendar, kAfterAny,
         "EndOfAbbreviation"},
        // "in" and a count (CountAt).
        {&DateParser::InCountSince, kOpensIn, kAfterAny, "InCountSince",
         kAfterAny, kAfterAny, kOpensDigits | kOpensCount},
        {&DateParser::ThePeriod, kOpensThe, kOpensUnit, "ThePeriod"},
    };
    return *kParsers;
  }

  // The Opens bits the second word of a phrase of `phrases` (by first
  // word) that starts with "the" can have, read as DateBitsOf reads a
  // token of the text, in either case; kAfterAny when one is "the" alone.
  // `Phrase` is DayPhrase or PartPhrase.
  template <typename Phrase>
  static uint64_t SecondWordsAfterThe(
      const WordMap<std::vector<Phrase>>& phrases) {
    auto it = phrases.find("the");
    if (it == phrases.end()) return 0;
    uint32_t bits = 0;
    for (const Phrase& phrase : it->second) {
      if (phrase.words.size() < 2 || phrase.words[1].empty()) return kAfterAny;
      Word word;
      word.folded = phrase.words[1];
      word.shape = internal::ShapeOf(word.folded);
      const unsigned char c = static_cast<unsigned char>(word.folded[0]);
      word.kind = absl::ascii_isalpha(c)   ? TokenKind::kWord
                  : absl::ascii_isdigit(c) ? TokenKind::kNumber
                                           : TokenKind::kPunct;
      for (const bool capitalized : {false, true}) {
        word.capitalized = capitalized;
        bits |= DateBitsOf(word, DateWordsOfLexicons()) & ~kAnchor;
      }
    }
    return bits;
  }

  // The parsers of Parsers() a token of Opens bits `opens` can start, in
  // order, when the next token is `next` (NextOpensAt) and, after "the"
  // and an ordinal or count word, the one after that is `next2`
  // (FollowerAfterThe); made once per thread for each triple.
  static const std::vector<Parse>& ParsersFor(uint32_t opens, uint64_t next,
                                              uint64_t next2) {
    // The last list asked for each of 64 slots of the triple, in front of
    // the map of all lists: a sentence asks for few triples, and most again
    // and again.
    using Key = std::tuple<uint32_t, uint64_t, uint64_t>;
    struct Recent {
      Key key{0, 0, 0};
      const std::vector<Parse>* list = nullptr;
    };
    thread_local Recent recent[64];
    const Key key{opens, next, next2};
    const uint64_t mixed =
        (uint64_t{opens} << 32 ^ next ^ next2 << 7) * 0x9E3779B97F4A7C15ull;
    Recent& slot = recent[mixed >> 58];
    if (slot.list != nullptr && slot.key == key) return *slot.list;
    // Nodes stay put while nested parses add lists.
    thread_local absl::node_hash_map<Key, std::vector<Parse>> lists;
    auto [it, inserted] = lists.try_emplace(key);
    if (inserted) {
      for (const GatedParser& parser : Parsers()) {
        if (CanOpen(parser, opens, next, next2)) {
          it->second.push_back(parser.parse);
        }
      }
    }
    slot = Recent{key, &it->second};
    return it->second;
  }

  // What a token of DateBitsOf `opens` is as the first of a date: a number
  // of digits alone, a count word other than "few" and "couple" ("two",
  // "a"), an ordinal word of no other lexicon ("first", not "last"), or
  // another.
  enum class Lead { kDigits, kCount, kOrdinal, kOther };
  static Lead LeadOf(uint32_t opens) {
    const uint32_t own = opens & ~kAnchor;
    if (own == kOpensDigits12 || own == kOpensDigits4 ||
        own == kOpensDigitsOther) {
      return Lead::kDigits;
    }
    return own == kOpensCount     ? Lead::kCount
           : own == kOpensOrdinal ? Lead::kOrdinal
                                  : Lead::kOther;
  }

  // Whether `parser` can start at a token of Opens bits `opens` followed by
  // one of `next` (NextOpensAt; kAfterAny: any) and, at "the", by one of
  // `next2` after that (FollowerAfterThe; kAfterAny: any).
  static bool CanOpen(const GatedParser& parser, uint32_t opens, uint64_t next,
                      uint64_t next2) {
    if ((parser.opens & opens) == 0) return false;
    if (next == kAfterAny) return true;
    if ((opens & kOpensThe) != 0) {
      const uint64_t after_next =
          next2 != kAfterAny && (next2 & kNextAfterCount) != 0
              ? parser.after_the_count
              : parser.after_ordinal;
      return (parser.after_the & next) != 0 && (after_next & next2) != 0;
    }
    if ((opens & kOpensIn) != 0) return (parser.after_in & next) != 0;
    switch (LeadOf(opens)) {
      case Lead::kDigits:
        return (parser.after_digits & next) != 0;
      case Lead::kCount:
        return (parser.after_count & next) != 0;
      case Lead::kOrdinal:
        return (parser.after_ordinal & next) != 0;
      default:
        return true;
    }
  }

  // The Opens bits of the token after words[i] when words[i] is "the" or
  // "in"; its FollowerAt when words[i] is a number of digits or a count
  // word, its OrdinalFollowerAt when an ordinal word (LeadOf); else
  // kAfterAny.
  uint64_t NextOpensAt(int i) const {
    if ((bits_[i] & (kOpensThe | kOpensIn)) != 0) {
      return i + 1 < n_ ? bits_[i + 1] : kAfterAny;
    }
    switch (LeadOf(bits_[i])) {
      case Lead::kDigits:
      case Lead::kCount:
        return FollowerAt(i + 1);
      case Lead::kOrdinal:
        return OrdinalFollowerAt(i + 1);
      default:
        return kAfterAny;
    }
  }

  // When words[i] is "the": if words[i + 1] is an ordinal word (LeadOf:
  // "the first"), the OrdinalFollowerAt of words[i + 2]; if a count word
  // (LeadOf: "the two"), its FollowerAt with kNextAfterCount. Else
  // kAfterAny.
  uint64_t FollowerAfterThe(int i) const {
    if ((bits_[i] & kOpensThe) == 0 || i + 1 >= n_) return kAfterAny;
    switch (LeadOf(bits_[i + 1])) {
      case Lead::kOrdinal:
        return OrdinalFollowerAt(i + 2);
      case Lead::kCount:
        return FollowerAt(i + 2) | kNextAfterCount;
      default:
        return kAfterAny;
    }
  }

  // What words[k] is as the token after an ordinal word: its FollowerAt,
  // and kNextOrdinalTail for "half", "closest" and "nearest".
  uint64_t OrdinalFollowerAt(int k) const {
    uint64_t next = FollowerAt(k);
    if (k < n_ && (Is(k, "half") || Is(k, "closest") || Is(k, "nearest"))) {
      next |= kNextOrdinalTail;
    }
    return next;
  }

  // What words[k] is as the token after a number, a count or an ordinal
  // word: never 0.
  uint32_t FollowerAt(int k) const {
    if (k >= n_) return kNextEnd;
    const Word& word = words_[k];
    if (word.kind == TokenKind::kNumber) return bits_[k] & kOpensNumber;
    const absl::string_view folded = word.folded;
    if (word.kind != TokenKind::kWord) {
      return folded == "/"                    ? kNextSlash
             : folded == "-" || folded == "~" ? kNextDash
                                              : kNextSymbol;
    }
    uint32_t next = bits_[k] & ~(kAnchor | kOpensOther | kVagueCount);
    if (folded == "of" || folded == "and" || folded == "to" ||
        folded == "through" || folded == "until" || folded == "till" ||
        folded == "thru") {
      next |= kNextLink;
    } else if ((bits_[k] & kOpensOther) != 0) {
      next |= kNextWord;
    }
    return next;
  }

  // The Opens bits of words[i].
  uint32_t OpensAt(int i) const { return bits_[i]; }

  // The first parser of the list that reads a date at words[i]. Without
  // gates (SetGates) every parser is tried; when auditing, a parser the
  // gate skips is tried too and a date it finds is recorded (Violations).
  // Inlined into Single, its only caller.
  // Every return gives `match`, which is built in the caller's result
  // (named return value) and which each parser's result is built in
  // anew: a date found is not moved on its way out.
  ABSL_ATTRIBUTE_ALWAYS_INLINE std::optional<DateMatch> FirstMatch(
      int i) const {
    std::optional<DateMatch> match;
    // Builds the result of `parse` at words[i] in place of `match`, which
    // holds no date; whether it holds one now. The parsers throw nothing
    // (an exception there, say bad_alloc, would end here with `match`
    // destroyed and destroyed again on the way out).
    const auto found_by = [this, i, &match](Parse parse) {
      match.~optional();
      ::new (static_cast<void*>(&match))
          std::optional<DateMatch>((this->*parse)(i));
      return match.has_value();
    };
    if (gates_ && !audit_) {
      for (const Parse parse :
           ParsersFor(OpensAt(i), NextOpensAt(i), FollowerAfterThe(i))) {
        if (found_by(parse)) return match;
      }
      return match;
    }
    const uint32_t opens = gates_ ? OpensAt(i) : ~uint32_t{0};
    const uint64_t next = gates_ ? NextOpensAt(i) : kAfterAny;
    const uint64_t next2 = gates_ ? FollowerAfterThe(i) : kAfterAny;
    for (const GatedParser& parser : Parsers()) {
      if (!CanOpen(parser, opens, next, next2)) {
        if (audit_ && (this->*parser.parse)(i).has_value()) {
          violations_.push_back(
              absl::StrCat(parser.name, " at \"", words_[i].folded, "\""));
        }
        continue;
      }
      if (found_by(parser.parse)) return match;
    }
    return match;
  }

  // A part phrase and the date it narrows ("early 2016", "end of next
  // week", "mid 1989", "the end of the month"), else Single(i). PartOf
  // gives the days; a period word right after the phrase ("end of month",
  // "the end of the year") is the current one.
  std::optional<DateMatch> Halved(int i) const {
    // Every first word of a part phrase is kOpensPart; at "the", the next
    // word must be the second word of one ("the end of"), as its bits say.
    const uint32_t opens = OpensAt(i);
    if ((opens & kOpensPart) == 0) return Single(i);
    static const uint64_t kPartAfterThe =
        SecondWordsAfterThe(Lex().half_phrases);
    if ((opens & kOpensThe) != 0 &&
        (i + 1 >= n_ || (bits_[i + 1] & kPartAfterThe) == 0)) {
      return Single(i);
    }
    auto it = Lex().half_phrases.find(words_[i].folded);
    if (it != Lex().half_phrases.end()) {
      for (const PartPhrase& phrase : it->second) {
        int k = i + static_cast<int>(phrase.words.size());
        if (k >= n_ || !MatchesWords(i, phrase.words)) continue;
        std::optional<DateMatch> inner = Single(k);
        if (!inner.has_value()) inner = CurrentPeriod(k);
        if (!inner.has_value()) continue;
        inner->begin = i;
        inner->yearless_month = 0;
        const std::optional<DaySpan> days = DaysOf(inner->date);
        if (!days.has_value()) return inner;
        // A year written out ("end of 2000") splits in thirds, a relative
        // one ("end of this year") in halves.
        const bool thirds = !inner->date.relative();
        const Date::Granularity granularity = inner->date.granularity();
        const DaySpan part = PartOf(*days, granularity, phrase.part, thirds);
        const bool one_year = granularity == Date::GRANULARITY_YEAR &&
                              days->first.year() == days->last.year();
        const Date::Granularity narrowed =
            one_year ? Date::GRANULARITY_MONTH
            : granularity == Date::GRANULARITY_MONTH ? Date::GRANULARITY_DAY
                                                     : granularity;
        SetSpan(part.first, part.last, narrowed, &inner->date);
        return inner;
      }
    }
    return Single(i);
  }

  // "the week", "month", "the year" right after a part phrase: the period
  // holding publication.
  std::optional<DateMatch> CurrentPeriod(int k) const {
    const int p = Is(k, "the") ? k + 1 : k;
    if (p >= n_) return std::nullopt;
    auto period = Lex().periods.find(words_[p].folded);
    if (period == Lex().periods.end()) return std::nullopt;
    if (!published_.has_value()) {
      return Unresolved(k, p + 1, PeriodGranularity(period->second));
    }
    DateMatch match{k, p + 1};
    match.needs_anchor = true;
    match.date.set_relative(true);
    ResolvePeriod(period->second, 0, Part::kNone, &match.date);
    return match;
  }

  // The part of `days` (at `granularity`) that `part` names. A week: start
  // Monday to Wednesday, middle Tuesday to Friday, end Thursday to Sunday.
  // A month: the 1st to 15th, 10th to 20th, 16th to its end. A year:
  // January to June and July to December, or with `thirds` January to
  // April and September to December; its middle is May to August. Any
  // other span: its first or second half, or the middle half of its days.
  static DaySpan PartOf(DaySpan days, Date::Granularity granularity, Part part,
                        bool thirds) {
    const int length = static_cast<int>(days.last - days.first) + 1;
    absl::CivilDay start_end = days.first + (length - 1) / 2;
    absl::CivilDay end_start = start_end + 1;
    absl::CivilDay mid_first = days.first + length / 4;
    absl::CivilDay mid_last = days.last - length / 4;
    if (length == 7) {
      start_end = days.first + 2;
      end_start = days.first + 3;
      mid_first = days.first + 1;
      mid_last = days.first + 4;
    } else if (granularity == Date::GRANULARITY_MONTH &&
               absl::CivilMonth(days.first) == absl::CivilMonth(days.last)) {
      start_end = days.first + 14;
      end_start = days.first + 15;
      mid_first = days.first + 9;
      mid_last = days.first + 19;
    } else if (granularity == Date::GRANULARITY_YEAR &&
               days.first.year() == days.last.year()) {
      const absl::civil_year_t year = days.first.year();
      start_end = thirds ? absl::CivilDay(year, 4, 30)
                         : absl::CivilDay(year, 6, 30);
      end_start = thirds ? absl::CivilDay(year, 9, 1)
                         : absl::CivilDay(year, 7, 1);
      mid_first = absl::CivilDay(year, 5, 1);
      mid_last = absl::CivilDay(year, 8, 31);
    }
    switch (part) {
      case Part::kStart:
      case Part::kBefore:
        return {days.first, start_end};
      case Part::kMid:
        return {mid_first, mid_last};
      case Part::kEnd:
      case Part::kAfter:
        return {end_start, days.last};
      default:
        return days;
    }
  }

  // The range from `first` to `second`, or nullopt when they do not make
  // one (unresolved, or the second before the first). A first date without
  // a year takes that of the second ("June 5 to July 2, 2024", "Jan to Feb
  // 2017"), or the year before when its month comes later.
  std::optional<DateMatch> Joined(DateMatch first, DateMatch second) const {
    // Without a publication date, a range with a relative end ("today till
    // tomorrow", "Friday through Sunday") is one unresolved claim.
    if (!published_.has_value() &&
        (first.date.start().empty() || second.date.start().empty())) {
      DateMatch joined = first;
      joined.end = second.end;
      joined.needs_anchor = true;
      joined.yearless_month = 0;
      joined.date.Clear();
      joined.date.set_relative(true);
      joined.date.set_granularity(
          std::min(first.date.granularity(), second.date.granularity()));
      return joined;
    }
    // Both without a year ("from Nov to March"): the second end's inferred
    // year rules.
    if (first.yearless_month > 0 &&
        ((second.yearless_month == 0 && !second.date.relative()) ||
         (second.yearless_month > 0 && first.yearless_day == 0 &&
          second.yearless_day == 0 && !second.date.start().empty()))) {
      const std::optional<DaySpan> b = DaysOf(second.date);
      if (!b.has_value()) return std::nullopt;
      const absl::civil_year_t year = b->first.year();
      if (!WithYear(year, &first) || DaysOf(first.date)->first > b->first) {
        if (!WithYear(year - 1, &first)) return std::nullopt;
      }
      first.needs_anchor = false;
    } else if (second.yearless_month > 0) {
      // "from 10/25 to 01/25": the second end follows the first.
      const std::optional<DaySpan> a = DaysOf(first.date);
      if (!a.has_value()) return std::nullopt;
      const absl::civil_year_t year = a->first.year();
      if (!WithYear(year, &second) || DaysOf(second.date)->last < a->first) {
        if (!WithYear(year + 1, &second)) return std::nullopt;
      }
    }
    const std::optional<DaySpan> a = DaysOf(first.date);
    const std::optional<DaySpan> b = DaysOf(second.date);
    if (!a.has_value() || !b.has_value() || b->last < a->first) {
      return std::nullopt;
    }
    DateMatch joined = first;
    joined.end = second.end;
    joined.needs_anchor = first.needs_anchor || second.needs_anchor;
    joined.yearless_month = 0;
    joined.date.set_relative(first.date.relative() || second.date.relative());
    const Date::Granularity granularity =
        std::min(first.date.granularity(), second.date.granularity());
    SetSpan(a->first, b->last, granularity, &joined.date);
    return joined;
  }

  // Gives a date written without a year (DateMatch::yearless_month) the
  // year `year`; false when its days do not exist in that year.
  static bool WithYear(absl::civil_year_t year, DateMatch* match) {
    const std::optional<absl::CivilDay> from =
        MakeDay(year, match->yearless_month, std::max(1, match->yearless_day));
    std::optional<absl::CivilDay> to;
    if (match->yearless_end_day > 0) {
      to = MakeDay(year, match->yearless_end_month, match->yearless_end_day);
    } else {
      to = absl::CivilDay(absl::CivilMonth(year, match->yearless_end_month) +
                          1) -
           1;
    }
    if (!from.has_value() || !to.has_value() || *to < *from) return false;
    SetSpan(*from, *to,
            match->yearless_day > 0 ? Date::GRANULARITY_DAY
                                    : Date::GRANULARITY_MONTH,
            &match->date);
    return true;
  }

  // A "from now" phrase of date_words.tsv at words[*end] ("from now",
  // "from tomorrow", "hence"): moves *end past it and sets *base to the
  // offset in days of the day it counts from. False, changing nothing,
  // when there is none.
  bool MatchHence(int* end, int* base) const {
    if (*end >= n_) return false;
    auto it = Lex().hence.find(words_[*end].folded);
    if (it == Lex().hence.end()) return false;
    for (const DayPhrase& phrase : it->second) {
      if (!MatchesWords(*end, phrase.words)) continue;
      *base = phrase.offset;
      *end += static_cast<int>(phrase.words.size());
      return true;
    }
    return false;
  }

  // Whether words[i, i + phrase.size()) are `phrase`, a phrase of a list
  // found by words[i] (AddPhrase: keyed by its first word), so that its
  // first word is not compared again.
  bool MatchesWords(int i, const std::vector<std::string>& phrase) const {
    if (i + static_cast<int>(phrase.size()) > n_) return false;
    for (size_t w = 1; w < phrase.size(); ++w) {
      const std::string& word = words_[i + w].folded;
      if (word.size() != phrase[w].size() ||
          !internal::SameBytes(word.data(), phrase[w].data(), word.size())) {
        return false;
      }
    }
    return true;
  }

  // Whether words[a] and words[b] touch, with no space between them.
  bool Touch(int a, int b) const {
    return a >= 0 && b < n_ && words_[a].end == words_[b].begin;
  }

  // Two numeric dates joined by a hyphen, written without spaces:
  // "5/1-5/7/2020", "5/1/2019-5/7/2020", "10/1-11/2/2017", "2/29-3/1",
  // "5/1-5/7, 2020", "10-1-2018-10-7-2018". Each end reads month first
  // (day first when the first number is above 12); an end without a year
  // takes the other's, else the one after a comma, else is inferred after
  // a numeric cue ("between 10/1-11/7").
  std::optional<DateMatch> NumericRange(int i) const {
    const Word& word = words_[i];
    if (word.kind != TokenKind::kNumber ||
        !absl::ascii_isdigit(static_cast<unsigned char>(word.folded[0]))) {
      return std::nullopt;
    }
    // The touching number and "/" tokens from words[i]; both forms below
    // need a hyphen in them.
    {
      bool hyphen = FindByte(word.folded, '-') != std::string::npos;
      size_t size = word.folded.size();
      for (int k = i + 1; !hyphen && k < n_ && Touch(k - 1, k) &&
                          (words_[k].kind == TokenKind::kNumber ||
                           Is(k, "/")) &&
                          size < 32;
           ++k) {
        hyphen = FindByte(words_[k].folded, '-') != std::string::npos;
        size += words_[k].folded.size();
      }
      if (!hyphen) return std::nullopt;
    }
    std::string joined = word.folded;
    int end = i + 1;
    while (end < n_ && Touch(end - 1, end) &&
           (words_[end].kind == TokenKind::kNumber || Is(end, "/")) &&
           joined.size() < 32) {
      joined += words_[end].folded;
      ++end;
    }
    if (end < n_ && Touch(end - 1, end) &&
        words_[end].kind != TokenKind::kPunct) {
      return std::nullopt;
    }
    std::vector<absl::string_view> halves;
    const bool slashed = FindByte(joined, '/') != std::string::npos;
    std::vector<absl::string_view> a;
    std::vector<absl::string_view> b;
    if (slashed) {
      halves = absl::StrSplit(joined, '-');
      if (halves.size() != 2) return std::nullopt;
      a = absl::StrSplit(halves[0], '/');
      b = absl::StrSplit(halves[1], '/');
    } else {
      std::vector<absl::string_view> pieces = absl::StrSplit(joined, '-');
      if (pieces.size() != 6) return std::nullopt;
      a.assign(pieces.begin(), pieces.begin() + 3);
      b.assign(pieces.begin() + 3, pieces.end());
    }
    if (a.size() < 2 || a.size() > 3 || b.size() < 2 || b.size() > 3) {
      return std::nullopt;
    }
    auto year_of = [](absl::string_view text) -> std::optional<int> {
      if (!IsDigits(text) || (text.size() != 2 && text.size() != 4)) {
        return std::nullopt;
      }
      int year = ParseIntOr(text, 0);
      if (text.size() == 2) year += year < 50 ? 2000 : 1900;
      if (year < kMinYear || year > kMaxYear) return std::nullopt;
      return year;
    };
    std::optional<int> year_a;
    std::optional<int> year_b;
    if (a.size() == 3 && !(year_a = year_of(a[2])).has_value()) {
      return std::nullopt;
    }
    if (b.size() == 3 && !(year_b = year_of(b[2])).has_value()) {
      return std::nullopt;
    }
    // "5/1-5/7, 2020": the year after a comma.
    if (!year_a.has_value() && !year_b.has_value() && Is(end, ",") &&
        end + 1 < n_) {
      if (std::optional<int> year = YearOf(words_[end + 1])) {
        year_b = year;
        end += 2;
      }
    }
    if (!year_a.has_value()) year_a = year_b;
    if (!year_b.has_value()) year_b = year_a;
    int values[4];
    const absl::string_view texts[4] = {a[0], a[1], b[0], b[1]};
    for (int v = 0; v < 4; ++v) {
      if (!IsDigits(texts[v]) || texts[v].size() > 2) return std::nullopt;
      values[v] = ParseIntOr(texts[v], 0);
    }
    int month_a = values[0], day_a = values[1];
    int month_b = values[2], day_b = values[3];
    if (month_a > 12) std::swap(month_a, day_a);
    if (month_b > 12) std::swap(month_b, day_b);
    if (month_a < 1 || month_a > 12 || month_b < 1 || month_b > 12) {
      return std::nullopt;
    }
    if (!year_a.has_value()) {
      // Without a year, like "4/22", only after a numeric cue.
      if (i == 0 || !Lex().numeric_cues.contains(words_[i - 1].folded)) {
        return std::nullopt;
      }
      return DayRange(i, end, month_a, month_b, day_a, day_b, std::nullopt);
    }
    const std::optional<absl::CivilDay> first =
        MakeDay(*year_a, month_a, day_a);
    const std::optional<absl::CivilDay> last = MakeDay(*year_b, month_b, day_b);
    if (!first.has_value() || !last.has_value() || *last < *first) {
      return std::nullopt;
    }
    DateMatch match{i, end};
    SetDays(*first, *last, &match.date);
    return match;
  }

  // "4-22", "4.22" as one token: a month and day only right after a
  // numeric cue or "in", before punctuation or the end ("on 4.22 million"
  // is no date).
  bool JoinedDayCued(int i, const std::vector<std::string>& pieces) const {
    if (!AfterNumericCue(i)) return false;
    if (i + 1 < n_ && words_[i + 1].kind != TokenKind::kPunct) return false;
    for (const std::string& piece : pieces) {
      if (piece.empty() || piece.size() > 2 || !IsDigits(piece)) return false;
    }
    return true;
  }

  // Whether a numeric cue or "in" comes before words[i].
  bool AfterNumericCue(int i) const {
    return i > 0 && (Lex().numeric_cues.contains(words_[i - 1].folded) ||
                     Is(i - 1, "in"));
  }

  // "11/22" and "11/25" of "on 11/20, 11/22 or 11/25": a month/day listed
  // after one a numeric cue makes a date (joined by ",", "or", "and").
  bool ListedAfterCue(int i) const {
    int k = i;
    while (k >= 4 && (Is(k - 1, ",") || Is(k - 1, "or") || Is(k - 1, "and")) &&
           IsDigits(words_[k - 2].folded) && Is(k - 3, "/") &&
           IsDigits(words_[k - 4].folded)) {
      k -= 4;
      if (k > 0 && Lex().numeric_cues.contains(words_[k - 1].folded)) {
        return true;
      }
    }
    return false;
  }

  // Numeric dates: "02/22/2016", "21/04/2016", "2015/08/12", "9-18-15",
  // "2015.5.13", "3/2015", "2015/3", and "4/22" after a numeric cue ("on
  // 4/22"). Day and month are read month first, as in American English,
  // unless the first number is above 12 ("21/04/2016"). A two-digit year
  // is 20xx below 50 and 19xx from 50.
  std::optional<DateMatch> Numeric(int i) const {
    const Word& word = words_[i];
    if (word.kind != TokenKind::kNumber) return std::nullopt;
    const std::string& token = word.folded;
    // Parts come from touching "/" tokens after digits, or from "." or "-"
    // inside the token; a token with neither has one part.
    if (IsDigits(token) ? !Is(i + 1, "/")
                        : (FindByte(token, '.') == std::string::npos &&
                           FindByte(token, '-') == std::string::npos)) {
      return std::nullopt;
    }
    std::vector<std::string> parts;
    int end = i + 1;
    if (IsDigits(token)) {
      parts.push_back(token);
      while (parts.size() < 3 && end + 1 < n_ && Is(end, "/") &&
             Touch(end - 1, end) && Touch(end, end + 1) &&
             IsDigits(words_[end + 1].folded)) {
        parts.push_back(words_[end + 1].folded);
        end += 2;
      }
      // "11/12,2016": the day and year may be read as one number.
      if (parts.size() == 1 && end + 1 < n_ && Is(end, "/") &&
          Touch(end - 1, end) && Touch(end, end + 1)) {
        const std::vector<std::string> pieces =
            absl::StrSplit(words_[end + 1].folded, ',');
        if (pieces.size() == 2 && IsDigits(pieces[0]) &&
            pieces[0].size() <= 2 && IsDigits(pieces[1]) &&
            (pieces[1].size() == 2 || pieces[1].size() == 4)) {
          parts.push_back(pieces[0]);
          parts.push_back(pieces[1]);
          end += 2;
        }
      }
    } else {
      for (char separator : {'.', '-'}) {
        // Two pieces make a date only after a cue (JoinedDayCued), three
        // always may; other counts never: those are skipped before
        // splitting.
        const size_t count =
            std::count(token.begin(), token.end(), separator) + 1;
        if ((count != 2 || !AfterNumericCue(i)) && count != 3) continue;
        std::vector<std::string> pieces = absl::StrSplit(token, separator);
        if (pieces.size() == 2 && JoinedDayCued(i, pieces)) {
          parts = std::move(pieces);
          break;
        }
        if (pieces.size() != 3) continue;
        bool digits = true;
        for (const std::string& piece : pieces)
          digits = digits && IsDigits(piece);
        if (digits) parts = std::move(pieces);
        break;
      }
    }
    // "11/12,2016", "11/12,16": a year after a comma, all touching.
    if (parts.size() == 2 && end + 1 < n_ && Is(end, ",") &&
        Touch(end - 1, end) && Touch(end, end + 1) &&
        IsDigits(words_[end + 1].folded) &&
        (words_[end + 1].folded.size() == 2 ||
         words_[end + 1].folded.size() == 4)) {
      parts.push_back(words_[end + 1].folded);
      end += 2;
    }
    if (parts.size() < 2) return std::nullopt;
    for (const std::string& part : parts) {
      if (part.size() > 4 || part.size() == 3) return std::nullopt;
    }
    std::vector<int> values;
    for (const std::string& part : parts) values.push_back(ParseIntOr(part, 0));
    DateMatch match{i, end};
    if (parts.size() == 2) {
      if (parts[0].size() == 4 || parts[1].size() == 4) {
        const bool year_first = parts[0].size() == 4;
        const int year = values[year_first ? 0 : 1];
        const int month = values[year_first ? 1 : 0];
        if (parts[year_first ? 1 : 0].size() > 2 || month < 1 || month > 12 ||
            year < kMinYear || year > kMaxYear) {
          return std::nullopt;
        }
        const absl::CivilMonth civil(year, month);
        SetMonths(civil, civil, &match.date);
        return match;
      }
      const bool cued =
          i > 0 && (Lex().numeric_cues.contains(words_[i - 1].folded) ||
                    (i > 1 && IsRangeSeparator(words_[i - 1], false) &&
                     words_[i - 2].kind == TokenKind::kNumber) ||
                    ListedAfterCue(i) || !IsDigits(token));
      if (!cued) return std::nullopt;
      int month = values[0];
      int day = values[1];
      if (month > 12) std::swap(month, day);
      if (month < 1 || month > 12) return std::nullopt;
      return DayRange(i, end, month, month, day, day, std::nullopt);
    }
    int year = 0;
    int month = 0;
    int day = 0;
    if (parts[0].size() == 4) {
      year = values[0];
      month = values[1];
      day = values[2];
    } else {
      year = values[2];
      if (parts[2].size() == 1) return std::nullopt;
      if (parts[2].size() == 2) year += year < 50 ? 2000 : 1900;
      month = values[0];
      day = values[1];
      if (month > 12) std::swap(month, day);
    }
    if (year < kMinYear || year > kMaxYear) return std::nullopt;
    const std::optional<absl::CivilDay> civil = MakeDay(year, month, day);
    if (!civil.has_value()) return std::nullopt;
    SetDays(*civil, *civil, &match.date);
    return match;
  }

  // The ordinal at words[k]: "third", "3rd"; "last" is -1.
  // OrdinalAt and CountAt read only the words, and many parsers ask them
  // of the same token: each is computed once per token.
  std::optional<int> OrdinalAt(int k) const {
    if (k < 0 || k >= n_) return std::nullopt;
    ParserMemos::Ordinal& memo = memos_.ordinal[k];
    if (memo.sentence != memos_.sentence) {
      const std::optional<int> ordinal = ComputeOrdinalAt(k);
      memo.sentence = memos_.sentence;
      memo.ordinal = ordinal;
    }
    return memo.ordinal;
  }

  std::optional<int> ComputeOrdinalAt(int k) const {
    const Word& word = words_[k];
    if (WordIs(word, "last")) return -1;
    if (MayBeIn(k, kOpensOrdinal)) {
      if (auto it = Lex().ordinals.find(word.folded);
          it != Lex().ordinals.end()) {
        return it->second;
      }
    }
    if (word.kind == TokenKind::kNumber && !IsDigits(word.folded)) {
      return DayOf(word.folded);
    }
    return std::nullopt;
  }

  // An ordinal at words[k] counted from either end: "second" 2, "last"
  // -1, "third last" and "3rd last" -3. `*next` is the word after it.
  std::optional<int> EndOrdinalAt(int k, int* next) const {
    std::optional<int> ordinal = OrdinalAt(k);
    if (!ordinal.has_value()) return std::nullopt;
    *next = k + 1;
    if (*ordinal > 1 && Is(k + 1, "last")) {
      ordinal = -*ordinal;
      *next = k + 2;
    }
    return ordinal;
  }

  // A year at words[k], or a resolved "this/next/last year".
  std::optional<int> YearAt(int k, int* end) const {
    if (k >= n_) return std::nullopt;
    if (std::optional<int> year = YearOf(words_[k])) {
      *end = k + 1;
      return year;
    }
    // "of two thousand and twenty": a year in words after "of".
    if (words_[k].kind == TokenKind::kWord && Is(k - 1, "of")) {
      if (std::optional<int> year = YearWordsAt(k, end)) return year;
    }
    if (std::optional<DateMatch> shifted = Shifted(k)) {
      const std::optional<DaySpan> days = DaysOf(shifted->date);
      if (days.has_value() &&
          shifted->date.granularity() == Date::GRANULARITY_YEAR &&
          days->first.year() == days->last.year()) {
        *end = shifted->end;
        return static_cast<int>(days->first.year());
      }
    }
    return std::nullopt;
  }

  // Parts of a year counted in units: "the first 2 weeks of 2021", "the
  // last four months of 2021", "first ten days of last year", and "the
  // third month of 2021". Weeks are Monday to Sunday: the year's first
  // holds its first Thursday, its last its last Thursday (ISO 8601).
  std::optional<DateMatch> CountedPart(int i) const {
    int k = Is(i, "the") ? i + 1 : i;
    if (k + 3 >= n_) return std::nullopt;
    const bool first = Is(k, "first");
    const bool last = Is(k, "last");
    int year_at = 0;
    int count = 0;
    std::string unit;
    int ordinal = 0;
    if (first || last) {
      count = NumberAt(k + 1);
      auto it = Lex().time_units.find(words_[k + 2].folded);
      if (count <= 0 || it == Lex().time_units.end() || !Is(k + 3, "of")) {
        return std::nullopt;
      }
      unit = it->second;
      if (unit != "day" && unit != "week" && unit != "month") {
        return std::nullopt;
      }
      year_at = k + 4;
    } else {
      const std::optional<int> nth = OrdinalAt(k);
      if (!nth.has_value() || *nth < 1 || *nth > 12 || !Is(k + 1, "month") ||
          !Is(k + 2, "of")) {
        return std::nullopt;
      }
      ordinal = *nth;
      year_at = k + 3;
    }
    int end = 0;
    const std::optional<int> year = YearAt(year_at, &end);
    if (!year.has_value()) return std::nullopt;
    DateMatch match{i, end};
    if (!YearOf(words_[year_at]).has_value()) {
      match.needs_anchor = true;
      match.date.set_relative(true);
    }
    if (ordinal > 0) {
      const absl::CivilMonth month(*year, ordinal);
      SetMonths(month, month, &match.date);
      return match;
    }
    const absl::CivilDay jan1(*year, 1, 1);
    const absl::CivilDay dec31(*year, 12, 31);
    if (unit == "month") {
      if (count > 12) return std::nullopt;
      const absl::CivilMonth from = first ? absl::CivilMonth(*year, 1)
                                          : absl::CivilMonth(*year, 13 - count);
      SetMonths(from, from + (count - 1), &match.date);
      return match;
    }
    absl::CivilDay from = jan1;
    absl::CivilDay to = dec31;
    if (unit == "day") {
      if (count > 366) return std::nullopt;
      if (first) to = jan1 + (count - 1);
      else from = dec31 - (count - 1);
    } else {
      if (count > 53) return std::nullopt;
      const absl::CivilDay first_thursday =
          jan1 + (4 - IsoWeekday(jan1) + 7) % 7;
      const absl::CivilDay last_thursday =
          dec31 - (IsoWeekday(dec31) - 4 + 7) % 7;
      if (first) {
        from = first_thursday - 3;
        to = from + (7 * count - 1);
      } else {
        to = last_thursday + 3;
        from = to - (7 * count - 1);
      }
    }
    SetDays(from, to, &match.date);
    return match;
  }

  // Quarters and halves: "Q1 2016", "2016 Q3", "H2 2016", "the third
  // quarter of 2016", "the first half of next year"; without a year
  // ("Q2"), the year is inferred as for a month.
  std::optional<DateMatch> Quarter(int i) const {
    if (std::optional<DateMatch> joined = JoinedQuarter(i)) return joined;
    int k = i;
    std::optional<int> year;
    int end = 0;
    if (std::optional<int> leading = YearOf(words_[i])) {
      year = leading;
      ++k;
      if (Is(k, "the")) ++k;
    }
    if (k >= n_) return std::nullopt;
    int index = 0;
    int months = 0;
    const std::string& token = words_[k].folded;
    // "Q1", "H2"; a lowercase "q1" only next to a year ("2017 q1").
    if (token.size() == 2 && (token[0] == 'q' || token[0] == 'h') &&
        absl::ascii_isdigit(token[1]) &&
        (words_[k].capitalized ||
         (token[0] == 'q' &&
          (year.has_value() ||
           (k + 1 < n_ && YearOf(words_[k + 1]).has_value()))))) {
      index = token[1] - '0';
      months = token[0] == 'q' ? 3 : 6;
      ++k;
    } else {
      if (Is(k, "the") && !year.has_value()) ++k;
      // The word after the ordinal first: it turns away most tokens
      // without reading an ordinal.
      if (Is(k + 1, "quarter") || Is(k + 1, "qtr")) {
        months = 3;
      } else if (Is(k + 1, "half")) {
        months = 6;
      } else {
        return std::nullopt;
      }
      const std::optional<int> ordinal = OrdinalAt(k);
      if (!ordinal.has_value() || *ordinal < 1) return std::nullopt;
      index = *ordinal;
      k += 2;
    }
    if (index < 1 || index > 12 / months) return std::nullopt;
    if (!year.has_value()) {
      int j = Is(k, "of") ? k + 1 : k;
      year = YearAt(j, &end);
      if (year.has_value()) k = end;
      // "the third quarter this year" without a publication date.
      if (!year.has_value() && !published_.has_value() && ShiftedYearAt(j) &&
          Is(j + 1, "year")) {
        return Unresolved(i, j + 2, Date::GRANULARITY_MONTH);
      }
    }
    DateMatch match{i, k};
    const int first_month = (index - 1) * months + 1;
    if (!year.has_value()) {
      if (months == 6 && i == k - 1) return std::nullopt;  // "H1" alone
      match.needs_anchor = true;
      const std::optional<absl::civil_year_t> inferred =
          InferYear(first_month, i, k);
      if (!inferred.has_value()) {
        match.date.set_granularity(Date::GRANULARITY_MONTH);
        return match;
      }
      year = static_cast<int>(*inferred);
    }
    const absl::CivilMonth first(*year, first_month);
    SetMonths(first, first + (months - 1), &match.date);
    return match;
  }

  // A year and quarter or half in one token: "2018Q4", "2017-q1",
  // "2019-H2", "q1-2019".
  std::optional<DateMatch> JoinedQuarter(int i) const {
    const std::string& token = words_[i].folded;
    if (token.size() < 6 || token.size() > 7) return std::nullopt;
    std::string year_text;
    std::string part;
    if (IsDigits(token.substr(0, 4))) {
      year_text = token.substr(0, 4);
      part = token.substr(token[4] == '-' ? 5 : 4);
    } else if (IsDigits(token.substr(token.size() - 4))) {
      year_text = token.substr(token.size() - 4);
      part = token.substr(0, token.size() - 4);
      if (!part.empty() && part.back() == '-') part.pop_back();
    }
    if (part.size() != 2 || (part[0] != 'q' && part[0] != 'h') ||
        !absl::ascii_isdigit(static_cast<unsigned char>(part[1]))) {
      return std::nullopt;
    }
    const int months = part[0] == 'q' ? 3 : 6;
    const int index = part[1] - '0';
    const int year = ParseIntOr(year_text, 0);
    if (index < 1 || index > 12 / months || year < kMinYear ||
        year > kMaxYear) {
      return std::nullopt;
    }
    DateMatch match{i, i + 1};
    const absl::CivilMonth first(year, (index - 1) * months + 1);
    SetMonths(first, first + (months - 1), &match.date);
    return match;
  }

  // The date a week is named by, at words[t]: "April 10th", "next Monday".
  std::optional<DateMatch> WeekTarget(int t) const {
    if (t >= n_) return std::nullopt;
    for (auto parse : {&DateParser::Iso, &DateParser::Numeric,
                       &DateParser::MonthFirst, &DateParser::DayFirst,
                       &DateParser::Year, &DateParser::RelativeDay,
                       &DateParser::Shifted, &DateParser::TheDay,
                       &DateParser::SpokenYearAfterOf}) {
      std::optional<DateMatch> target = (this->*parse)(t);
      if (target.has_value()) return target;
    }
    return std::nullopt;
  }

  // The year in words at words[k] (YearWordsAt) as a date.
  std::optional<DateMatch> YearInWords(int k) const {
    int end = 0;
    const std::optional<int> year = YearWordsAt(k, &end);
    if (!year.has_value()) return std::nullopt;
    DateMatch match{k, end};
    SetYears(*year, *year, &match.date);
    return match;
  }

  // A year in words right after "of" ("the third week of two thousand and
  // twenty seven").
  std::optional<DateMatch> SpokenYearAfterOf(int t) const {
    if (words_[t].kind != TokenKind::kWord || !Is(t - 1, "of")) {
      return std::nullopt;
    }
    return YearInWords(t);
  }

  // "w/c Feb 4" (week commencing): the Monday-to-Sunday week holding the
  // day.
  std::optional<DateMatch> WeekCommencing(int i) const {
    if (!WordIs(words_[i], "w") || !Is(i + 1, "/") || !Is(i + 2, "c")) {
      return std::nullopt;
    }
    std::optional<DateMatch> target = WeekTarget(i + 3);
    if (!target.has_value()) return std::nullopt;
    target->begin = i;
    target->yearless_month = 0;
    const std::optional<DaySpan> days = DaysOf(target->date);
    if (!days.has_value()) {
      target->date.set_granularity(Date::GRANULARITY_DAY);
      return target;
    }
    if (days->first != days->last) return std::nullopt;
    const absl::CivilDay monday = days->first - (IsoWeekday(days->first) - 1);
    SetDays(monday, monday + 6, &target->date);
    return target;
  }

  // "next year's first quarter", "this year's second half": a quarter or
  // half of the year named before it with a possessive.
  std::optional<DateMatch> PossessiveQuarter(int i) const {
    const Word& word = words_[i];
    if (word.kind != TokenKind::kWord || !ShiftedYearAt(i) ||
        !Is(i + 1, "year") || words_[i + 1].possessive_bytes == 0) {
      return std::nullopt;
    }
    const std::optional<int> ordinal = OrdinalAt(i + 2);
    if (!ordinal.has_value() || i + 3 >= n_) return std::nullopt;
    const int months = Is(i + 3, "quarter") ? 3 : Is(i + 3, "half") ? 6 : 0;
    if (months == 0 || *ordinal < 1 || *ordinal > 12 / months) {
      return std::nullopt;
    }
    if (!published_.has_value()) {
      return Unresolved(i, i + 4, Date::GRANULARITY_MONTH);
    }
    const int shift = Is(i, "next") ? 1 : Is(i, "last") ? -1 : 0;
    const absl::CivilMonth first(published_->year() + shift,
                                 (*ordinal - 1) * months + 1);
    DateMatch match{i, i + 4};
    match.needs_anchor = true;
    match.date.set_relative(true);
    SetMonths(first, first + (months - 1), &match.date);
    return match;
  }

  // "1st week of Oct. on Friday": that weekday of the week (WeekOf).
  std::optional<DateMatch> WeekOfOnWeekday(int i) const {
    const Word& word = words_[i];
    if (word.kind == TokenKind::kPunct) return std::nullopt;
    std::optional<DateMatch> week = WeekOf(i);
    if (!week.has_value()) return std::nullopt;
    int k = week->end;
    if (Is(k, ".")) ++k;
    if (!Is(k, "on") || k + 1 >= n_) return std::nullopt;
    const std::optional<int> weekday = WeekdayOf(words_[k + 1]);
    if (!weekday.has_value()) return std::nullopt;
    week->end = k + 2;
    const std::optional<DaySpan> days = DaysOf(week->date);
    if (!days.has_value()) return week;
    if (days->last - days->first != 6) return std::nullopt;
    const absl::CivilDay day = days->first + (*weekday - 1);
    SetDays(day, day, &week->date);
    return week;
  }

  // Whether "next/this/last year" (or month) starts at words[k].
  bool ShiftedYearAt(int k) const {
    return (Is(k, "next") || Is(k, "this") || Is(k, "last")) &&
           (Is(k + 1, "year") || Is(k + 1, "month"));
  }

  // Weeks by convention (ISO 8601: Monday to Sunday; a month's or year's
  // Nth week is the one holding its Nth Thursday): "the first week of
  // 2015", "the last week of October 2016", "the week of April 10th".
  std::optional<DateMatch> WeekOf(int i) const {
    int k = i;
    if (Is(k, "the")) ++k;
    std::optional<int> ordinal;
    if (!Is(k, "week")) {
      ordinal = EndOrdinalAt(k, &k);
      if (!ordinal.has_value()) return std::nullopt;
    }
    if (!Is(k, "week") || k + 2 >= n_) return std::nullopt;
    int t = k + 2;
    if (ordinal.has_value() && ShiftedYearAt(k + 1)) {
      t = k + 1;  // "the third week next year"
    } else if (!Is(k + 1, "of")) {
      // "the week beginning (on) February 4", "week commencing May 6".
      if (ordinal.has_value() ||
          !Lex().week_starts.contains(words_[k + 1].folded)) {
        return std::nullopt;
      }
      if (Is(t, "on") || Is(t, "from")) ++t;
    }
    std::optional<DateMatch> target = WeekTarget(t);
    if (!target.has_value()) return std::nullopt;
    target->begin = i;
    target->yearless_month = 0;
    const std::optional<DaySpan> days = DaysOf(target->date);
    if (!days.has_value()) {
      target->date.set_granularity(Date::GRANULARITY_DAY);
      return target;
    }
    absl::CivilDay thursday;
    if (!ordinal.has_value()) {
      if (days->first != days->last) return std::nullopt;
      thursday = days->first - (IsoWeekday(days->first) - 1) + 3;
    } else if (*ordinal < 0) {
      thursday = days->last - (IsoWeekday(days->last) - 4 + 7) % 7 +
                 7 * (*ordinal + 1);
    } else {
      thursday = days->first + (4 - IsoWeekday(days->first) + 7) % 7 +
                 7 * (*ordinal - 1);
    }
    if (ordinal.has_value() &&
        (thursday < days->first || thursday > days->last)) {
      return std::nullopt;
    }
    SetDays(thursday - 3, thursday + 3, &target->date);
    return target;
  }

  // "the 27th", "on the 21st": a day of the publication month (of the month
  // before when the day is later and the sentence is not in the future, of
  // the month after when it is earlier and the sentence is); "the 20th of
  // next month". The ordinal needs its suffix and no word after it ("the
  // 27th floor" is not a date), unless a day cue (date_words.tsv) stands
  // before "the": then bare digits and ordinal words are days too ("for the
  // 27.", "on the twenty second"); after "on" the day needs no "the" ("on
  // 22nd", "on twenty second?").
  std::optional<DateMatch> TheDay(int i) const {
    const bool the = Is(i, "the");
    if (i + 1 >= n_ && the) return std::nullopt;
    if (!the && !Is(i - 1, "on")) return std::nullopt;
    // After a cue ("for the 27.", "on the second!", "on 22nd", "on twenty
    // second?") the day may be bare digits or an ordinal in words.
    const bool cued = i > 0 && Lex().day_cues.contains(
                                   words_[i - 1].folded);
    if (!the && !cued) return std::nullopt;
    const int d = the ? i + 1 : i;
    const Word& word = words_[d];
    std::optional<int> day;
    int k = d + 1;
    if (word.kind == TokenKind::kNumber) {
      if (IsDigits(word.folded) && !(cued && the)) return std::nullopt;
      day = DayOf(word);
    } else if (cued && word.kind == TokenKind::kWord) {
      day = DayWordsAt(d, &k);
      if (day.has_value() && !EndsInOrdinal(k - 1)) return std::nullopt;
    }
    if (!day.has_value()) return std::nullopt;
    if (Is(k, "day") && Is(k + 1, "of")) ++k;  // "the 26th day of the month"
    if (Is(k, "of") && k + 1 < n_) {
      std::optional<DateMatch> month = Shifted(k + 1);
      if (!month.has_value() && Is(k + 1, "the") && Is(k + 2, "month")) {
        month = CurrentPeriod(k + 1);
      }
      if (month.has_value()) {
        const std::optional<DaySpan> days = DaysOf(month->date);
        if (!days.has_value() ||
            month->date.granularity() != Date::GRANULARITY_MONTH) {
          return std::nullopt;
        }
        const std::optional<absl::CivilDay> civil =
            MakeDay(days->first.year(), days->first.month(), *day);
        if (!civil.has_value()) return std::nullopt;
        month->begin = i;
        SetDays(*civil, *civil, &month->date);
        return month;
      }
      return std::nullopt;
    }
    if (k < n_ && words_[k].kind != TokenKind::kPunct) return std::nullopt;
    if (!published_.has_value()) {
      return Unresolved(i, k, Date::GRANULARITY_DAY);
    }
    absl::CivilMonth month(*published_);
    const Tense tense = NearestTense(words_, i, k);
    if (tense == Tense::kFuture && *day < published_->day()) month += 1;
    if (tense != Tense::kFuture && *day > published_->day()) month -= 1;
    const std::optional<absl::CivilDay> civil =
        MakeDay(month.year(), month.month(), *day);
    if (!civil.has_value()) return std::nullopt;
    return RelativeMatch(i, k, *civil, *civil);
  }

  // Whether words[k] is an ordinal word, or ends in one ("twenty-first").
  bool EndsInOrdinal(int k) const {
    absl::string_view folded = words_[k].folded;
    const size_t hyphen = folded.rfind('-');
    if (hyphen != absl::string_view::npos) folded.remove_prefix(hyphen + 1);
    return Lex().ordinals.contains(folded);
  }

  // A count of time units at words[i]: "two weeks", "10 days", "a year".
  // Returns the count and the unit name; `*end` is after the unit.
  // The result stays valid while the parser reads this sentence.
  const std::optional<std::pair<int, std::string>>& CountAt(int i,
                                                            int* end) const {
    static const auto* const kNone =
        new std::optional<std::pair<int, std::string>>();
    if (i < 0 || i + 1 >= n_) return *kNone;
    ParserMemos::Count& memo = memos_.count[i];
    if (memo.sentence != memos_.sentence) {
      memo.sentence = memos_.sentence;
      memo.count.reset();
      memo.end = 0;
      memo.count = ComputeCountAt(i, &memo.end);
    }
    if (memo.count.has_value()) *end = memo.end;
    return memo.count;
  }

  // CountAt without the memo; 0 <= i and i + 1 < n_.
  std::optional<std::pair<int, std::string>> ComputeCountAt(int i,
                                                            int* end) const {
    // Every count starts at a number of digits, a number word, "a", "an",
    // "few" or "couple" (kOpensCount).
    if ((bits_[i] & (kOpensDigits | kOpensCount)) == 0) return std::nullopt;
    const Lexicons& lex = Lex();
    // "a few days" 3, "a couple of weeks" 2, as Recognizers-Text counts.
    {
      int k = Is(i, "a") ? i + 1 : i;
      int vague = Is(k, "few") ? 3 : Is(k, "couple") ? 2 : 0;
      if (vague > 0) {
        ++k;
        if (vague == 2 && Is(k, "of")) ++k;
        if (k >= n_) return std::nullopt;
        auto unit = lex.time_units.find(words_[k].folded);
        if (unit == lex.time_units.end()) return std::nullopt;
        *end = k + 1;
        return std::make_pair(vague, unit->second);
      }
    }
    const Word& word = words_[i];
    int count = 0;
    if (WordIs(word, "a") || WordIs(word, "an")) {
      count = 1;
    } else if (word.kind == TokenKind::kNumber && IsDigits(word.folded)) {
      count = ParseIntOr(word.folded, 0);
    } else if (auto it = lex.numbers.find(word.folded);
               it != lex.numbers.end()) {
      count = it->second;
    }
    // Every time unit is kOpensUnit.
    if (count <= 0 || count > kMaxAgoCount ||
        (bits_[i + 1] & kOpensUnit) == 0) {
      return std::nullopt;
    }
    auto unit = lex.time_units.find(words_[i + 1].folded);
    if (unit == lex.time_units.end()) return std::nullopt;
    *end = i + 2;
    return std::make_pair(count, unit->second);
  }

  // `day` moved by `count` units (negative: back); nullopt when it leaves
  // the calendar.
  static std::optional<absl::CivilDay> Move(absl::CivilDay day, int count,
                                            const std::string& unit) {
    absl::CivilDay result = day;
    if (unit == "year" || unit == "decade" || unit == "century" ||
        unit == "month") {
      const int months = unit == "month"    ? count
                         : unit == "year"   ? 12 * count
                         : unit == "decade" ? 120 * count
                                            : 1200 * count;
      const absl::CivilMonth month = absl::CivilMonth(day) + months;
      const absl::CivilDay first(month);
      const int last_day = static_cast<int>(absl::CivilDay(month + 1) - first);
      result = first + (std::min(day.day(), last_day) - 1);
    } else {
      const int days = unit == "week"        ? 7 * count
                       : unit == "fortnight" ? 14 * count
                       : unit == "day"       ? count
                                             : 0;
      if (days == 0) return std::nullopt;  // hours and shorter
      result = day + days;
    }
    if (result.year() < 1 || result.year() > 9999) return std::nullopt;
    return result;
  }

  // Dates ahead of publication: "two weeks from now", "three days from
  // tomorrow", "a week hence", and "in 2 weeks" when the sentence speaks
  // of the future and the word before "in" does not make it a span ("the
  // first time in ten years", "the highest in 10 years"). The date is a
  // day.
  std::optional<DateMatch> Ahead(int i) const {
    int k = i;
    const bool in = Is(i, "in");
    if (in) {
      if (i > 0) {
        const std::string& before = words_[i - 1].folded;
        if (Lex().offset_blocks.contains(before) ||
            (before.size() > 4 && absl::EndsWith(before, "est"))) {
          return std::nullopt;
        }
      }
      ++k;
    }
    int end = 0;
    const auto& count = CountAt(k, &end);
    if (!count.has_value()) return std::nullopt;
    int base = 0;
    if (in) {
      if (NearestTense(words_, i, end) != Tense::kFuture) return std::nullopt;
      if (end < n_ && words_[end].kind == TokenKind::kWord &&
          Lex().hence.contains(words_[end].folded)) {
        return std::nullopt;  // "in two weeks from now" is read from "two"
      }
    } else {
      if (!MatchHence(&end, &base)) return std::nullopt;
    }
    // A count from a day lands on a day ("in 2 months" read on July 5 is
    // September 5), unlike "N months ago", which keeps the unit.
    const std::string& unit = count->second;
    if (!published_.has_value()) {
      return Unresolved(i, end, Date::GRANULARITY_DAY);
    }
    const std::optional<absl::CivilDay> day =
        Move(*published_ + base, count->first, unit);
    if (!day.has_value()) return std::nullopt;
    return RelativeMatch(i, end, *day, *day, Date::GRANULARITY_DAY);
  }

  // "3 days starting from next Monday", "a week starting tomorrow", and
  // after "for" "3 days from today": the days from that day on, as many as
  // the count.
  std::optional<DateMatch> CountStarting(int i) const {
    if (words_[i].kind != TokenKind::kNumber && !Is(i, "a") &&
        !Lex().numbers.contains(words_[i].folded)) {
      return std::nullopt;
    }
    int k = 0;
    const auto& count = CountAt(i, &k);
    if (!count.has_value() || k >= n_) return std::nullopt;
    if (Is(k, "starting") || Is(k, "beginning")) {
      ++k;
      if (Is(k, "from") || Is(k, "on")) ++k;
    } else if (Is(i - 1, "for") && Is(k, "from")) {
      ++k;
    } else {
      return std::nullopt;
    }
    if (k >= n_) return std::nullopt;
    std::optional<DateMatch> target;
    for (auto parse : {&DateParser::Iso, &DateParser::Numeric,
                       &DateParser::WeekdayDate, &DateParser::MonthFirst,
                       &DateParser::DayFirst, &DateParser::RelativeDay,
                       &DateParser::Shifted}) {
      target = (this->*parse)(k);
      if (target.has_value()) break;
    }
    if (!target.has_value()) return std::nullopt;
    target->begin = i;
    target->yearless_month = 0;
    const std::optional<DaySpan> days = DaysOf(target->date);
    if (!days.has_value()) {
      target->date.set_granularity(Date::GRANULARITY_DAY);
      return target;
    }
    if (target->date.granularity() != Date::GRANULARITY_DAY ||
        days->first != days->last) {
      return std::nullopt;
    }
    const std::optional<absl::CivilDay> last =
        Move(days->first, count->first, count->second);
    if (!last.has_value() || *last <= days->first) return std::nullopt;
    SetDays(days->first, *last - 1, &target->date);
    return target;
  }

  // A single day at words[k] for a phrase built around it ("the closest
  // Monday to Oct 5th", "from Dec 18 for 10 days"): the match, with
  // `*days` its day when resolved (nullopt without a publication date).
  // nullopt when no day starts at k or the date there is wider than a day.
  std::optional<DateMatch> OneDayAt(int k,
                                    std::optional<absl::CivilDay>* day) const {
    if (k >= n_) return std::nullopt;
    std::optional<DateMatch> target;
    for (auto parse : {&DateParser::Iso, &DateParser::Numeric,
                       &DateParser::WeekdayDate, &DateParser::MonthFirst,
                       &DateParser::DayFirst, &DateParser::RelativeDay}) {
      target = (this->*parse)(k);
      if (target.has_value()) break;
    }
    if (!target.has_value()) return std::nullopt;
    const std::optional<DaySpan> days = DaysOf(target->date);
    if (!days.has_value()) {
      if (target->date.start().empty() &&
          target->date.granularity() == Date::GRANULARITY_DAY) {
        *day = std::nullopt;
        return target;
      }
      return std::nullopt;
    }
    if (target->date.granularity() != Date::GRANULARITY_DAY ||
        days->first != days->last) {
      return std::nullopt;
    }
    *day = days->first;
    return target;
  }

  // "the closest Monday to Oct 5th", "the second nearest Mon to October
  // fifth": among the days of that weekday, the Nth nearest to the date
  // after "to" (the date itself when it is that weekday; of two as near,
  // the earlier). The span starts at the ordinal or "closest".
  std::optional<DateMatch> ClosestWeekday(int i) const {
    if (words_[i].kind != TokenKind::kWord) return std::nullopt;
    const char c = words_[i].folded[0];
    if (c != 'c' && c != 'n' && !Is(i + 1, "closest") &&
        !Is(i + 1, "nearest")) {
      return std::nullopt;
    }
    int k = i;
    int nth = 1;
    if (auto it = Lex().ordinals.find(words_[k].folded);
        it != Lex().ordinals.end()) {
      nth = it->second;
      ++k;
    }
    if (nth < 1 || nth > 4 || !(Is(k, "closest") || Is(k, "nearest"))) {
      return std::nullopt;
    }
    ++k;
    if (k + 2 >= n_ || !Is(k + 1, "to")) return std::nullopt;
    const std::optional<int> weekday = WeekdayOrAbbrevOf(words_[k]);
    if (!weekday.has_value()) return std::nullopt;
    std::optional<absl::CivilDay> day;
    std::optional<DateMatch> target = OneDayAt(k + 2, &day);
    if (!target.has_value()) return std::nullopt;
    target->begin = i;
    target->yearless_month = 0;
    if (!day.has_value()) return target;
    // Days of that weekday around the date, nearest first.
    const int before = (IsoWeekday(*day) - *weekday + 7) % 7;
    std::vector<absl::CivilDay> near;
    for (int w = -4; w <= 4; ++w) near.push_back(*day - before + 7 * w);
    std::stable_sort(near.begin(), near.end(),
                     [&](absl::CivilDay a, absl::CivilDay b) {
                       const auto da = a > *day ? a - *day : *day - a;
                       const auto db = b > *day ? b - *day : *day - b;
                       return da < db;
                     });
    SetDays(near[nth - 1], near[nth - 1], &target->date);
    return target;
  }

  // "from Dec 18 for 10 days", "from Monday for two weeks": the days from
  // that day on, as many as the count (as "10 days from Dec 18" after
  // "for"). The span starts at the date.
  std::optional<DateMatch> FromDayFor(int i) const {
    if (words_[i].kind != TokenKind::kWord || words_[i].folded[0] != 'f' ||
        !WordIs(words_[i], "from") || LastFor() < i + 2) {
      return std::nullopt;
    }
    std::optional<absl::CivilDay> day;
    std::optional<DateMatch> target = OneDayAt(i + 1, &day);
    if (!target.has_value()) return std::nullopt;
    const int f = target->end;
    if (!Is(f, "for")) return std::nullopt;
    int end = 0;
    const auto& count =
        CountAt(f + 1, &end);
    if (!count.has_value()) return std::nullopt;
    target->end = end;
    target->yearless_month = 0;
    if (!day.has_value()) return target;
    const std::optional<absl::CivilDay> last =
        Move(*day, count->first, count->second);
    if (!last.has_value() || *last <= *day) return std::nullopt;
    SetDays(*day, *last - 1, &target->date);
    return target;
  }

  // The position of the sentence's last "for", -1 when it has none.
  int LastFor() const {
    if (last_for_ == kUnknown) {
      last_for_ = -1;
      for (int k = n_ - 1; k >= 0; --k) {
        if (WordIs(words_[k], "for")) {
          last_for_ = k;
          break;
        }
      }
    }
    return last_for_;
  }

  // "the last day of May", "the 5th last day of May", "the first day of
  // next month", "the last day of 2019": the Nth day of the period after
  // "of" or "in", counted from either end.
  std::optional<DateMatch> NthDayOf(int i) const {
    if ((words_[i].kind != TokenKind::kWord &&
         words_[i].kind != TokenKind::kNumber) ||
        !(Is(i + 1, "day") || Is(i + 2, "day") || Is(i + 3, "day"))) {
      return std::nullopt;
    }
    int k = Is(i, "the") ? i + 1 : i;
    int next = 0;
    const std::optional<int> ordinal = EndOrdinalAt(k, &next);
    if (!ordinal.has_value() || *ordinal == 0 || next + 2 >= n_ ||
        !Is(next, "day") || (!Is(next + 1, "of") && !Is(next + 1, "in"))) {
      return std::nullopt;
    }
    k = next + 2;
    std::optional<DateMatch> period;
    for (auto parse : {&DateParser::MonthFirst, &DateParser::Year,
                       &DateParser::Shifted}) {
      period = (this->*parse)(k);
      if (period.has_value()) break;
    }
    // "the last day of the month": the publication month.
    if (!period.has_value()) {
      period = CurrentPeriod(k);
      if (period.has_value() && Is(period->end, "of")) return std::nullopt;
    }
    if (!period.has_value()) return std::nullopt;
    period->begin = i;
    period->yearless_month = 0;
    const std::optional<DaySpan> days = DaysOf(period->date);
    if (!days.has_value()) {
      if (!period->date.start().empty()) return std::nullopt;
      period->date.set_granularity(Date::GRANULARITY_DAY);
      return period;
    }
    if (days->last - days->first < 1) return std::nullopt;
    const absl::CivilDay day = *ordinal > 0 ? days->first + (*ordinal - 1)
                                            : days->last + (*ordinal + 1);
    if (day < days->first || day > days->last) return std::nullopt;
    SetDays(day, day, &period->date);
    return period;
  }

  // "3 Fridays from now", "two sundays from tomorrow", "2 Thursdays ago"
  // (or "back"): the Nth such weekday after the day the hence phrase names
  // (before publication for "ago"), that day excluded. A plural weekday
  // name is read in lowercase too: it is no verb.
  std::optional<DateMatch> CountedWeekdays(int i) const {
    if (i + 2 >= n_) return std::nullopt;
    const Word& name = words_[i + 1];
    if (name.kind != TokenKind::kWord || name.folded.size() < 7 ||
        name.folded.back() != 's') {
      return std::nullopt;
    }
    // The weekday first: it turns away most plurals ("two sides") before
    // the count is read.
    auto weekday = Lex().weekdays.find(
        absl::string_view(name.folded).substr(0, name.folded.size() - 1));
    if (weekday == Lex().weekdays.end()) return std::nullopt;
    const Word& number = words_[i];
    int count = 0;
    if (number.kind == TokenKind::kNumber) {
      if (!IsDigits(number.folded)) return std::nullopt;
      count = ParseIntOr(number.folded, 0);
    } else if (number.kind == TokenKind::kWord) {
      auto it = Lex().numbers.find(number.folded);
      if (it == Lex().numbers.end()) return std::nullopt;
      count = it->second;
    } else {
      return std::nullopt;
    }
    if (count <= 0 || count > kMaxAgoCount) return std::nullopt;
    int end = i + 2;
    int base = 0;
    int direction = 1;
    if (Lex().ago.contains(words_[end].folded) || Is(end, "back")) {
      direction = -1;
      ++end;
    } else {
      if (!MatchHence(&end, &base)) return std::nullopt;
    }
    if (!published_.has_value()) {
      return Unresolved(i, end, Date::GRANULARITY_DAY);
    }
    const absl::CivilDay from = *published_ + base;
    const int weekday_of = IsoWeekday(from);
    const int step = direction > 0 ? (weekday->second - weekday_of + 6) % 7 + 1
                                   : (weekday_of - weekday->second + 6) % 7 + 1;
    const absl::CivilDay day =
        from + direction * (step + 7 * static_cast<int64_t>(count - 1));
    if (day.year() < 1 || day.year() > 9999) return std::nullopt;
    return RelativeMatch(i, end, day, day);
  }

  // "the last 3 days", "past two weeks" (up to the day before
  // publication), "next five days" (from the day after), "within 9 months"
  // (from publication): a range of days.
  std::optional<DateMatch> CountSpan(int i) const {
    int k = Is(i, "the") ? i + 1 : i;
    if (k >= n_) return std::nullopt;
    const Lexicons& lex = Lex();
    int end = 0;
    std::optional<std::pair<int, std::string>> count;
    int direction = 0;
    // "the 5 past years", "2 next days": the count before the span word.
    if (words_[k].kind == TokenKind::kNumber ||
        (MayBeIn(k, kOpensCount) && lex.numbers.contains(words_[k].folded))) {
      auto span = k + 2 < n_ && MayBeIn(k + 1, kOpensSpan)
                      ? lex.span_words.find(words_[k + 1].folded)
                      : lex.span_words.end();
      if (span == lex.span_words.end() || span->second == 0) {
        return std::nullopt;
      }
      auto unit = lex.time_units.find(words_[k + 2].folded);
      const int number = words_[k].kind == TokenKind::kNumber &&
                                 IsDigits(words_[k].folded)
                             ? ParseIntOr(words_[k].folded, 0)
                         : lex.numbers.contains(words_[k].folded)
                             ? lex.numbers.at(words_[k].folded)
                             : 0;
      if (unit == lex.time_units.end() || number <= 0 ||
          number > kMaxAgoCount ||
          (number > 1 && words_[k + 2].folded == unit->second)) {
        return std::nullopt;
      }
      count = std::make_pair(number, unit->second);
      direction = span->second;
      end = k + 3;
    } else {
      auto it = lex.span_words.find(words_[k].folded);
      if (it == lex.span_words.end()) return std::nullopt;
      direction = it->second;
      if (direction == 0 && k != i) return std::nullopt;
      // "within the next 3 years": from publication on.
      int c = k + 1;
      if (direction == 0) {
        if (Is(c, "the")) ++c;
        auto next = c < n_ ? lex.span_words.find(words_[c].folded)
                           : lex.span_words.end();
        if (next != lex.span_words.end() && next->second > 0) {
          ++c;
        } else {
          c = k + 1;
        }
      }
      count = CountAt(c, &end);
      // "the last 2 quarters", "past quarter": calendar quarters.
      if (!count.has_value() && direction != 0) {
        int quarters = 0;
        int q = c;
        if (c < n_ && (WordIs(words_[c], "quarter"))) {
          quarters = WordIs(words_[k], "past") ? 1 : 0;
        } else if (c + 1 < n_ && WordIs(words_[c + 1], "quarters")) {
          quarters = NumberAt(c);
          q = c + 1;
        }
        if (quarters > 0 && quarters <= 100) {
          return QuarterSpan(i, q + 1, direction, quarters);
        }
      }
      if (count.has_value() &&
          (WordIs(words_[c], "a") || WordIs(words_[c], "an")) &&
          !Is(c + 1, "few") && !Is(c + 1, "couple")) {
        return std::nullopt;
      }
      // "the past week", "past year": one unit.
      if (!count.has_value() && WordIs(words_[k], "past") && c < n_) {
        auto unit = lex.time_units.find(words_[c].folded);
        if (unit != lex.time_units.end() && words_[c].folded == unit->second &&
            (unit->second == "day" || unit->second == "week" ||
             unit->second == "month" || unit->second == "year" ||
             unit->second == "decade")) {
          count = std::make_pair(1, unit->second);
          end = c + 1;
        }
      }
    }
    if (!count.has_value()) return std::nullopt;
    // "within the next 2 weeks before today": the count belongs to the
    // offset ("2 weeks before today").
    if (end < n_ && Lex().offsets.contains(words_[end].folded) &&
        !Is(end + 1, "today") && !Is(end + 1, "now")) {
      return std::nullopt;
    }
    end = WithinFromToday(direction, end);
    if (!published_.has_value()) {
      return Unresolved(i, end, Date::GRANULARITY_DAY);
    }
    const absl::CivilDay today = *published_;
    // "the past 2 decades", "the next 3 decades": whole calendar decades
    // before or after the one holding publication.
    if (count->second == "decade" && direction != 0 && count->first <= 100) {
      const absl::civil_year_t base = today.year() - today.year() % 10;
      const absl::civil_year_t from =
          direction < 0 ? base - 10 * count->first : base + 10;
      const absl::civil_year_t to =
          direction < 0 ? base - 1 : base + 10 * count->first + 9;
      if (from < 1) return std::nullopt;
      DateMatch match{i, end};
      match.needs_anchor = true;
      match.date.set_relative(true);
      SetYears(from, to, &match.date);
      return match;
    }
    std::optional<absl::CivilDay> first;
    std::optional<absl::CivilDay> last;
    if (direction < 0) {
      first = Move(today, -count->first, count->second);
      last = today - 1;
    } else if (direction > 0) {
      first = today + 1;
      last = Move(today, count->first, count->second);
    } else {
      first = today;
      last = Move(today, count->first, count->second);
      if (last.has_value()) *last -= 1;
    }
    if (!first.has_value() || !last.has_value() || *last < *first) {
      return std::nullopt;
    }
    return RelativeMatch(i, end, *first, *last);
  }

  // "from today" ("after today", "from now") right after "within" and its
  // count at `end`: the same span, from publication on. Returns the end.
  int WithinFromToday(int direction, int end) const {
    if (direction != 0 || end + 1 >= n_) return end;
    if ((Is(end, "from") || Is(end, "after")) &&
        (Is(end + 1, "today") || Is(end + 1, "now"))) {
      return end + 2;
    }
    return end;
  }

  // A count at words[k] in digits or words ("3", "three"), else 0.
  int NumberAt(int k) const {
    if (k < 0 || k >= n_) return 0;
    const Word& word = words_[k];
    if (word.kind == TokenKind::kNumber) {
      return IsDigits(word.folded) ? ParseIntOr(word.folded, 0) : 0;
    }
    auto it = Lex().numbers.find(word.folded);
    return it == Lex().numbers.end() ? 0 : it->second;
  }

  // `count` calendar quarters before (direction < 0) or after the one
  // holding publication, as months.
  std::optional<DateMatch> QuarterSpan(int begin, int end, int direction,
                                       int count) const {
    if (!published_.has_value()) {
      return Unresolved(begin, end, Date::GRANULARITY_MONTH);
    }
    const absl::CivilMonth current(published_->year(),
                                   (published_->month() - 1) / 3 * 3 + 1);
    const absl::CivilMonth first =
        direction < 0 ? current - 3 * count : current + 3;
    const absl::CivilMonth last =
        direction < 0 ? current - 1 : current + 3 * (count + 1) - 1;
    if (first.year() < 1) return std::nullopt;
    DateMatch match{begin, end};
    match.needs_anchor = true;
    match.date.set_relative(true);
    SetMonths(first, last, &match.date);
    return match;
  }

  // False when words[k] is surely in no lexicon whose words all have the
  // Opens bit `bit` in DateWords (number words kOpensCount, time units
  // kOpensUnit, ...): a word token without it.
  bool MayBeIn(int k, uint32_t bit) const {
    return words_[k].kind != TokenKind::kWord || (bits_[k] & bit) != 0;
  }

  // Whether words[i] exists and is folded to `folded`. Inlined: parsers
  // ask it with literals, which WordIs compares without a call.
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool Is(int i, absl::string_view folded) const {
    return i >= 0 && i < n_ && WordIs(words_[i], folded);
  }
  bool AfterBetween(int i) const { return Is(i - 1, "between"); }
  bool AfterCue(int i) const {
    return i > 0 && Lex().cues.contains(words_[i - 1].folded);
  }

  // "2024-06-07".
  std::optional<DateMatch> Iso(int i) const {
    const Word& word = words_[i];
    if (word.kind != TokenKind::kNumber) return std::nullopt;
    const std::optional<absl::CivilDay> day = ParseIsoDay(word.folded);
    if (!day.has_value()) return std::nullopt;
    DateMatch match{i, i + 1};
    SetDays(*day, *day, &match.date);
    return match;
  }

  // The year of a month written without one: the publication year, moved
  // back a year when the month is after the publication month and the
  // sentence is not in the future ("in October", written in June, is last
  // October), forward when it is before it and the sentence speaks of the
  // future.
  std::optional<absl::civil_year_t> InferYear(int month, int begin,
                                              int end) const {
    if (!published_.has_value()) return std::nullopt;
    const absl::civil_year_t year = published_->year();
    const Tense tense = NearestTense(words_, begin, end);
    if (tense == Tense::kFuture && month < published_->month()) return year + 1;
    if (tense != Tense::kFuture && month > published_->month()) return year - 1;
    return year;
  }

  // The cardinal number word at words[k] ("nineteen" 19, "ninety" 90), -1
  // for any other token.
  int NumberWordAt(int k) const {
    if (k < 0 || k >= n_ || words_[k].kind != TokenKind::kWord) return -1;
    auto it = Lex().numbers.find(words_[k].folded);
    return it == Lex().numbers.end() ? -1 : it->second;
  }

  // A number from 1 to 99 in words at words[k]: "seven", "nineteen",
  // "ninety", "ninety six", "twenty-eight", "zero one" (with `leading_zero`:
  // the last two digits of a year). `*end` is after it.
  std::optional<int> TwoDigitWords(int k, int* end, bool leading_zero) const {
    if (k >= n_ || words_[k].kind != TokenKind::kWord) return std::nullopt;
    const absl::string_view token = words_[k].folded;
    const size_t hyphen = FindByte(token, '-');
    if (hyphen != absl::string_view::npos) {  // "twenty-eight"
      auto tens = Lex().numbers.find(token.substr(0, hyphen));
      auto unit = Lex().numbers.find(token.substr(hyphen + 1));
      if (tens == Lex().numbers.end() || unit == Lex().numbers.end() ||
          tens->second < 20 || tens->second % 10 != 0 || unit->second < 1 ||
          unit->second > 9) {
        return std::nullopt;
      }
      *end = k + 1;
      return tens->second + unit->second;
    }
    const int value = NumberWordAt(k);
    if (value < 0) return std::nullopt;
    if (value == 0) {
      if (!leading_zero) return std::nullopt;
      const int unit = NumberWordAt(k + 1);
      if (unit < 1 || unit > 9) return std::nullopt;
      *end = k + 2;
      return unit;
    }
    *end = k + 1;
    if (value >= 20 && value % 10 == 0) {
      const int unit = NumberWordAt(k + 1);
      if (unit >= 1 && unit <= 9) {
        *end = k + 2;
        return value + unit;
      }
    }
    return value;
  }

  // A year in words at words[k]: "nineteen ninety six", "nineteen zero
  // one", "nineteen hundred ninety three", "seventeen hundred thirty
  // three", "two thousand", "two thousand and eighteen", "one thousand
  // seven hundred and eighty nine". `*end` is after it.
  std::optional<int> YearWordsAt(int k, int* end) const {
    const int first = NumberWordAt(k);
    int year = 0;
    int j = k + 1;
    if (first >= 10 && first <= 20 && j < n_) {
      int rest = 0;
      if (Is(j, "hundred")) {
        ++j;
        if (Is(j, "and")) ++j;
        int after = j;
        if (std::optional<int> tail = TwoDigitWords(j, &after, false)) {
          rest = *tail;
          j = after;
        } else if (Is(j - 1, "and")) {
          --j;
        }
      } else {
        int after = 0;
        const std::optional<int> tail = TwoDigitWords(j, &after, true);
        if (!tail.has_value() || (*tail < 10 && NumberWordAt(j) != 0)) {
          return std::nullopt;  // "nineteen five" is no year
        }
        rest = *tail;
        j = after;
      }
      year = first * 100 + rest;
    } else if (first >= 1 && first <= 9 && Is(j, "thousand")) {
      year = first * 1000;
      ++j;
      const int hundreds = NumberWordAt(j);
      if (hundreds >= 1 && hundreds <= 9 && Is(j + 1, "hundred")) {
        year += hundreds * 100;
        j += 2;
      }
      const int before_and = j;
      if (Is(j, "and")) ++j;
      int after = j;
      if (std::optional<int> tail = TwoDigitWords(j, &after, false)) {
        year += *tail;
        j = after;
      } else {
        j = before_and;
      }
    } else {
      return std::nullopt;
    }
    if (year < kMinYear || year > kMaxYear) return std::nullopt;
    // "two thousand people", "two thousand years": a count.
    if (j < n_ && (IsPlural(words_[j]) ||
                   Lex().time_units.contains(words_[j].folded))) {
      return std::nullopt;
    }
    *end = j;
    return year;
  }

  // A year in words after a cue ("in nineteen ninety six", "from two
  // thousand until two thousand and fourteen").
  // "and" and "to" are cues only before a range's second end: "two
  // hundred and two thousand" is a number.
  std::optional<DateMatch> SpokenYear(int i) const {
    if (words_[i].kind != TokenKind::kWord || !AfterCue(i)) {
      return std::nullopt;
    }
    if (!second_end_ && (Is(i - 1, "and") || Is(i - 1, "to"))) {
      return std::nullopt;
    }
    return YearInWords(i);
  }

  // A day in words (DayWordsAt) that stands as one: an ordinal or a
  // number above twenty ("twenty one"); a plain "five" only before
  // punctuation, a year or the end ("May five, 2016", not "in May five
  // people").
  std::optional<int> SpokenDayAt(int k, int* end) const {
    const std::optional<int> day = DayWordsAt(k, end);
    if (!day.has_value()) return std::nullopt;
    const int value = NumberWordAt(k);
    if (value >= 1 && value < 20 && *end == k + 1 && *end < n_ &&
        words_[*end].kind == TokenKind::kWord &&
        NumberWordAt(*end) < 0) {
      return std::nullopt;
    }
    if (value >= 1 && value < 20 && *end < n_ &&
        (IsPlural(words_[*end]) ||
         Lex().time_units.contains(words_[*end].folded))) {
      return std::nullopt;
    }
    return day;
  }

  // A day of the month in words at words[k]: "first", "twenty-first",
  // "twenty one", "thirty first", "twenty five".
  std::optional<int> DayWordsAt(int k, int* end) const {
    if (k >= n_ || words_[k].kind != TokenKind::kWord) return std::nullopt;
    const Lexicons& lex = Lex();
    const absl::string_view token = words_[k].folded;
    int tens = 0;
    int unit = -1;
    int next = k + 1;
    const size_t hyphen = FindByte(token, '-');
    if (hyphen != absl::string_view::npos) {
      auto t = lex.numbers.find(token.substr(0, hyphen));
      if (t == lex.numbers.end()) return std::nullopt;
      tens = t->second;
      const absl::string_view rest = token.substr(hyphen + 1);
      if (auto o = lex.ordinals.find(rest); o != lex.ordinals.end()) {
        unit = o->second;
      } else if (auto c = lex.numbers.find(rest); c != lex.numbers.end()) {
        unit = c->second;
      }
    } else if ((bits_[k] & (kOpensOrdinal | kOpensCount)) == 0) {
      return std::nullopt;  // neither an ordinal nor a number word
    } else if (auto o = lex.ordinals.find(token); o != lex.ordinals.end()) {
      unit = o->second;
    } else if (auto c = lex.numbers.find(token); c != lex.numbers.end()) {
      if (c->second == 20 || c->second == 30) {
        tens = c->second;
        if (k + 1 < n_) {
          if (auto o = lex.ordinals.find(words_[k + 1].folded);
              o != lex.ordinals.end()) {
            unit = o->second;
            ++next;
          } else if (int value = NumberWordAt(k + 1);
                     value >= 1 && value <= 9) {
            unit = value;
            ++next;
          }
        }
        if (unit < 0) unit = 0;
      } else {
        unit = c->second;
      }
    }
    if (unit < 0 || (tens != 0 && tens != 20 && tens != 30) ||
        (tens > 0 && unit > 9)) {
      return std::nullopt;
    }
    const int day = tens + unit;
    if (day < 1 || day > 31) return std::nullopt;
    *end = next;
    return day;
  }

  // Reads an optional ", 2024" or " 2024" at words[*k].
  std::optional<int> TrailingYear(int* k) const {
    if (std::optional<int> year = OfYear(k)) return year;
    int j = *k;
    if (Is(j, ",")) ++j;
    if (j >= n_) return std::nullopt;
    const std::optional<int> year = YearOf(words_[j]);
    if (!year.has_value()) {
      int end = 0;
      const std::optional<int> spoken =
          YearWordsAt(j, &end);  // "May 5, two thousand"
      if (spoken.has_value()) *k = end;
      return spoken;
    }
    *k = j + 1;
    return year;
  }

  // "of" and a year after a month at words[*k]: "of 1987", "of 87" (two
  // digits: below 50 of the 2000s), "of nineteen ninety nine". `*k` moves
  // after it.
  std::optional<int> OfYear(int* k) const {
    const int j = *k + 1;
    if (j >= n_ || !Is(*k, "of")) return std::nullopt;
    const Word& word = words_[j];
    if (word.kind == TokenKind::kNumber) {
      if (std::optional<int> year = YearOf(word)) {
        *k = j + 1;
        return year;
      }
      if (word.folded.size() != 2 || !IsDigits(word.folded)) {
        return std::nullopt;
      }
      const int two = ParseIntOr(word.folded, -1);
      if (two < 0) return std::nullopt;
      *k = j + 1;
      return two < 50 ? 2000 + two : 1900 + two;
    }
    if (word.kind != TokenKind::kWord) return std::nullopt;
    int end = 0;
    const std::optional<int> year = YearWordsAt(j, &end);
    if (year.has_value()) *k = end;
    return year;
  }

  // A month name and a year in words or after "of", at words[k] right
  // after the month: "June of nineteen ninety nine", "October two thousand
  // and five", "April of 87". Needs no cue.
  std::optional<DateMatch> MonthSpelledYear(int i, int k, int month) const {
    if (k >= n_ || words_[k].kind != TokenKind::kWord) return std::nullopt;
    int end = k;
    std::optional<int> year = OfYear(&end);
    if (!year.has_value()) year = YearWordsAt(k, &end);
    if (!year.has_value()) return std::nullopt;
    DateMatch match{i, end};
    const absl::CivilMonth civil(*year, month);
    SetMonths(civil, civil, &match.date);
    return match;
  }

  // "October, 1st": a comma, then a day with an ordinal suffix, at
  // words[k] after the month at words[i].
  std::optional<DateMatch> MonthCommaOrdinal(int i, int k, int month) const {
    if (k + 1 >= n_ || !Is(k, ",")) return std::nullopt;
    const Word& word = words_[k + 1];
    if (word.kind != TokenKind::kNumber || IsDigits(word.folded)) {
      return std::nullopt;
    }
    const std::optional<int> day = DayOf(word);
    if (!day.has_value()) return std::nullopt;
    int end = k + 2;
    const std::optional<int> year = TrailingYear(&end);
    return DayRange(i, end, month, month, *day, *day, year);
  }

  // "August 99": two digits that cannot be a day, at words[k] after the
  // month at words[i] and before punctuation or the end, are a year (below
  // 50 of the 2000s).
  std::optional<DateMatch> MonthTwoDigitYear(int i, int k, int month) const {
    const std::string& digits = words_[k].folded;
    if (digits.size() != 2 || !IsDigits(digits)) return std::nullopt;
    if (k + 1 < n_ && words_[k + 1].kind != TokenKind::kPunct) {
      return std::nullopt;
    }
    const int two = ParseIntOr(digits, 0);
    if (two <= 31) return std::nullopt;
    const int year = two < 50 ? 2000 + two : 1900 + two;
    DateMatch match{i, k + 1};
    const absl::CivilMonth civil(year, month);
    SetMonths(civil, civil, &match.date);
    return match;
  }

  // "Oct2", "December31": a month name and a day in one word, then an
  // optional year ("Dec31 , 1994"). "may" and "march" only capitalized.
  std::optional<DateMatch> MonthDayToken(int i) const {
    const Word& word = words_[i];
    const std::string& token = word.folded;
    if (word.kind != TokenKind::kWord || token.size() < 4 ||
        !absl::ascii_isdigit(static_cast<unsigned char>(token.back()))) {
      return std::nullopt;
    }
    size_t split = token.size() - 1;
    while (split > 0 &&
           absl::ascii_isdigit(static_cast<unsigned char>(token[split - 1]))) {
      --split;
    }
    if (split < 3 || token.size() - split > 2) return std::nullopt;
    const absl::string_view name = absl::string_view(token).substr(0, split);
    if ((name == "may" || name == "march") && !word.capitalized) {
      return std::nullopt;
    }
    auto it = Lex().months.find(name);
    if (it == Lex().months.end()) return std::nullopt;
    const std::optional<int> day =
        DayOf(absl::string_view(token).substr(split));
    if (!day.has_value()) return std::nullopt;
    int k = i + 1;
    const std::optional<int> year = TrailingYear(&k);
    if (!year.has_value()) k = i + 1;
    return DayRange(i, k, it->second.month, it->second.month, *day, *day,
                    year);
  }

  // Fills a day range of `month`, with `year` or an inferred one.
  std::optional<DateMatch> DayRange(int begin, int end, int month,
                                    int end_month, int first_day, int last_day,
                                    std::optional<int> year) const {
    DateMatch match{begin, end};
    if (!year.has_value()) {
      match.needs_anchor = true;
      match.yearless_month = month;
      match.yearless_day = first_day;
      match.yearless_end_month = end_month;
      match.yearless_end_day = last_day;
      const std::optional<absl::civil_year_t> inferred =
          InferYear(month, begin, end);
      if (!inferred.has_value()) {
        // Unresolved, but still a real day of the month (2000 is a leap
        // year, so "February 29" stays).
        if (!MakeDay(2000, month, first_day).has_value() ||
            !MakeDay(2000, end_month, last_day).has_value()) {
          return std::nullopt;
        }
        match.date.set_granularity(Date::GRANULARITY_DAY);
        return match;
      }
      year = static_cast<int>(*inferred);
      // "Feb 29" in a year without one: the latest leap year before it.
      if (month == 2 && first_day == 29) year = LeapYearUpTo(*year);
    }
    const std::optional<absl::CivilDay> first =
        MakeDay(*year, month, first_day);
    const std::optional<absl::CivilDay> last =
        MakeDay(*year, end_month, last_day);
    if (!first.has_value() || !last.has_value() || *last < *first) {
      return std::nullopt;
    }
    SetDays(*first, *last, &match.date);
    return match;
  }

  // "June 5", "June 5, 2024", "Oct. 3, 2021", "June 5-7", "June 5 to 7",
  // "June 30 to July 2", "Sept. 2021", "in May".
  std::optional<DateMatch> MonthFirst(int i) const {
    const std::optional<MonthName> month = MonthOf(words_[i]);
    if (!month.has_value()) return std::nullopt;
    int k = i + 1;
    if (month->abbreviation && Is(k, ".")) ++k;
    if (Is(k, "/") || Is(k, ",") || Is(k, "of")) {
      // "Dec/2018", "November, 2016", "Dec, 2018", "April of 1987".
      if (k + 1 < n_ && YearOf(words_[k + 1]).has_value()) {
        ++k;
      } else if (Is(k, "/") && Touch(k - 1, k) && Touch(k, k + 1) &&
                 IsDigits(words_[k + 1].folded) &&
                 DayOf(words_[k + 1]).has_value()) {
        // "Oct/2": a day.
        return DayRange(i, k + 2, month->month, month->month,
                        *DayOf(words_[k + 1]), *DayOf(words_[k + 1]),
                        std::nullopt);
      }
    }
    if (std::optional<DateMatch> day = MonthCommaOrdinal(i, k, month->month)) {
      return day;
    }
    if (k < n_ && words_[k].kind == TokenKind::kNumber) {
      if (std::optional<DateMatch> two =
              MonthTwoDigitYear(i, k, month->month)) {
        return two;
      }
      if (std::optional<int> year = YearOf(words_[k])) {
        DateMatch match{i, k + 1};  // "Sept. 2021"
        const absl::CivilMonth civil(*year, month->month);
        SetMonths(civil, civil, &match.date);
        return match;
      }
      return MonthDays(i, k, month->month);
    }
    if (std::optional<DateMatch> spelled =
            MonthSpelledYear(i, k, month->month)) {
      return spelled;
    }
    // "May twenty one", "Jan first", "January twenty five nineteen eighty
    // six", "September the twenty-first".
    {
      const int d = Is(k, "the") ? k + 1 : k;
      int after = 0;
      if (std::optional<int> day = SpokenDayAt(d, &after)) {
        const std::optional<int> year = TrailingYear(&after);
        return DayRange(i, after, month->month, month->month, *day, *day,
                        year);
      }
    }
    // A bare month name needs a cue ("in May"); abbreviations never stand
    // alone.
    // "the first week of Oct" takes an abbreviation as well.
    // An abbreviation ("Jan" is a name too) needs "in", "during" or
    // "since" before it, or "week of"/"month of".
    // A month before a range word and another month ("May to March",
    // "from Sep to Nov") needs no cue.
    if (Is(k, "between")) return MonthDays(i, k, month->month);
    const bool month_range =
        (i + 2 < n_ && IsRangeSeparator(words_[i + 1], AfterBetween(i)) &&
         !WordIs(words_[i + 1], "-") && MonthOf(words_[i + 2]).has_value()) ||
        (i >= 2 && IsRangeSeparator(words_[i - 1], AfterBetween(i - 2)) &&
         !WordIs(words_[i - 1], "-") && MonthOf(words_[i - 2]).has_value());
    if (!month_range &&
        (!AfterCue(i) ||
         (month->abbreviation && !Is(i - 1, "in") && !Is(i - 1, "during") &&
          !Is(i - 1, "since") &&
          !(Is(i - 1, "of") && (Is(i - 2, "week") || Is(i - 2, "month")))))) {
      return std::nullopt;
    }
    DateMatch match{i, i + 1};
    const std::optional<absl::civil_year_t> year =
        InferYear(month->month, i, i + 1);
    match.needs_anchor = true;
    match.yearless_month = match.yearless_end_month = month->month;
    if (year.has_value()) {
      const absl::CivilMonth civil(*year, month->month);
      SetMonths(civil, civil, &match.date);
    } else {
      match.date.set_granularity(Date::GRANULARITY_MONTH);
    }
    return match;
  }

  // The days after a month name at words[k]: "5", "5-7", "5 to 7",
  // "30 to July 2", then an optional year.
  std::optional<DateMatch> MonthDays(int begin, int k, int month) const {
    const std::string& token = words_[k].folded;
    int first_day = 0;
    int last_day = 0;
    int end_month = month;
    const size_t hyphen = FindByte(token, '-');
    std::optional<int> first_year;
    if (hyphen != std::string::npos) {
      const std::optional<int> a = DayOf(token.substr(0, hyphen));
      const std::optional<int> b = DayOf(token.substr(hyphen + 1));
      if (!a.has_value()) return std::nullopt;
      first_day = last_day = *a;
      ++k;
      if (b.has_value()) {
        last_day = *b;
      } else if (std::optional<int> b_day = HyphenMonthDay(
                     token.substr(hyphen + 1), k, &end_month)) {
        last_day = *b_day;  // "Nov 18-Dec 19"
        ++k;
      } else {
        return std::nullopt;
      }
    } else if (Is(k, "between") && k + 3 < n_ && Is(k + 2, "and") &&
               DayOf(words_[k + 1]).has_value() &&
               DayOf(words_[k + 3]).has_value()) {
      // "November between 19 and 20".
      first_day = *DayOf(words_[k + 1]);
      last_day = *DayOf(words_[k + 3]);
      k += 4;
    } else {
      const std::optional<int> a = DayOf(words_[k]);
      if (!a.has_value()) return std::nullopt;
      first_day = last_day = *a;
      ++k;
      // "Nov 18 2014-Dec 19 2015": a year and the second month in one token.
      if (k + 1 < n_ && words_[k].kind == TokenKind::kNumber &&
          words_[k].folded.size() > 5 && words_[k].folded[4] == '-' &&
          IsDigits(absl::string_view(words_[k].folded).substr(0, 4))) {
        int second_month = month;
        if (std::optional<int> b_day = HyphenMonthDay(
                absl::string_view(words_[k].folded).substr(5), k + 1,
                &second_month)) {
          int j = k + 2;
          const std::optional<int> second_year = TrailingYear(&j);
          const std::optional<absl::CivilDay> from = MakeDay(
              ParseIntOr(words_[k].folded.substr(0, 4), 0), month, first_day);
          if (second_year.has_value() && from.has_value()) {
            const std::optional<absl::CivilDay> to =
                MakeDay(*second_year, second_month, *b_day);
            if (to.has_value() && *from <= *to) {
              DateMatch match{begin, j};
              SetDays(*from, *to, &match.date);
              return match;
            }
          }
        }
      }
      if (k + 1 < n_ && IsRangeSeparator(words_[k], AfterBetween(begin))) {
        int j = k + 1;
        std::optional<MonthName> second_month = MonthOf(words_[j]);
        if (second_month.has_value()) {
          ++j;
          if (second_month->abbreviation && Is(j, ".")) ++j;
        }
        if (j < n_) {
          if (std::optional<int> b = DayOf(words_[j])) {
            last_day = *b;
            if (second_month.has_value()) end_month = second_month->month;
            k = j + 1;
          }
        }
      }
    }
    const std::optional<int> year = TrailingYear(&k);
    return DayRange(begin, k, month, end_month, first_day, last_day, year);
  }

  // The month named by `piece` (the end of a hyphenated token, "dec" of
  // "18-Dec") and the day at words[k] after it; sets `*month`. "may" and
  // "march" are not read in a token that cannot show their case.
  std::optional<int> HyphenMonthDay(absl::string_view piece, int k,
                                    int* month) const {
    if (piece.size() < 3 || k >= n_ || piece == "may" || piece == "march") {
      return std::nullopt;
    }
    auto it = Lex().months.find(piece);
    if (it == Lex().months.end()) return std::nullopt;
    const std::optional<int> day = DayOf(words_[k]);
    if (!day.has_value()) return std::nullopt;
    *month = it->second.month;
    return day;
  }

  // "31/Oct/1974", "5/Jun/2024": a day, a month name and a year joined by
  // slashes without spaces.
  std::optional<DateMatch> SlashedDayMonth(int i) const {
    if (i + 4 >= n_ || words_[i].kind != TokenKind::kNumber ||
        !Is(i + 1, "/") || !Is(i + 3, "/") || !Touch(i, i + 1) ||
        !Touch(i + 1, i + 2) || !Touch(i + 2, i + 3) || !Touch(i + 3, i + 4)) {
      return std::nullopt;
    }
    const std::optional<int> day = DayOf(words_[i]);
    const std::optional<MonthName> month = MonthOf(words_[i + 2]);
    const std::optional<int> year = YearOf(words_[i + 4]);
    if (!day.has_value() || !month.has_value() || !year.has_value()) {
      return std::nullopt;
    }
    return DayRange(i, i + 5, month->month, month->month, *day, *day, year);
  }

  // "2020/Sep/23", "2020/23/Sep": a year, then a month name and a day in
  // either order, joined by slashes without spaces.
  std::optional<DateMatch> YearSlashed(int i) const {
    if (i + 4 >= n_ || words_[i].kind != TokenKind::kNumber ||
        words_[i].folded.size() != 4 || !Is(i + 1, "/") || !Is(i + 3, "/") ||
        !Touch(i, i + 1) || !Touch(i + 1, i + 2) || !Touch(i + 2, i + 3) ||
        !Touch(i + 3, i + 4)) {
      return std::nullopt;
    }
    const std::optional<int> year = YearOf(words_[i]);
    std::optional<MonthName> month = MonthOf(words_[i + 2]);
    std::optional<int> day = DayOf(words_[i + 4]);
    if (!month.has_value()) {
      month = MonthOf(words_[i + 4]);
      day = DayOf(words_[i + 2]);
    }
    if (!year.has_value() || !month.has_value() || !day.has_value()) {
      return std::nullopt;
    }
    return DayRange(i, i + 5, month->month, month->month, *day, *day, year);
  }

  // "5 June 2024", "5th of June", "5-7 June", "5 to 7 June 2024".
  std::optional<DateMatch> DayFirst(int i) const {
    const Word& word = words_[i];
    // "the tenth of September", "fifth day of June": an ordinal word needs
    // "of".
    // "twenty second of June", "fifteen August nineteen hundred ninety
    // three", "twenty third day of September": a day in words before a
    // month (an ordinal alone needs "of").
    if (word.kind == TokenKind::kWord) {
      int k = 0;
      const std::optional<int> day = DayWordsAt(i, &k);
      if (!day.has_value()) return std::nullopt;
      const bool single_ordinal =
          k == i + 1 && Lex().ordinals.contains(word.folded);
      if (Is(k, "day")) ++k;
      const bool of = Is(k, "of");
      if (of) ++k;
      if ((single_ordinal && !of) || k >= n_) return std::nullopt;
      const std::optional<MonthName> month = MonthOf(words_[k]);
      if (!month.has_value() || (month->abbreviation && !of && k == i + 1)) {
        return std::nullopt;
      }
      ++k;
      if (month->abbreviation && Is(k, ".")) ++k;
      const std::optional<int> year = TrailingYear(&k);
      return DayRange(i, k, month->month, month->month, *day, *day, year);
    }
    if (word.kind != TokenKind::kNumber) return std::nullopt;
    // "$12 December 27": an amount of money is no day.
    if (i > 0 && words_[i - 1].kind == TokenKind::kPunct &&
        IsCurrencySign(words_[i - 1].folded)) {
      return std::nullopt;
    }
    int first_day = 0;
    int last_day = 0;
    int k = i + 1;
    bool ranged = false;
    const size_t hyphen = FindByte(word.folded, '-');
    if (hyphen != std::string::npos) {
      const std::optional<int> a = DayOf(word.folded.substr(0, hyphen));
      const std::optional<int> b = DayOf(word.folded.substr(hyphen + 1));
      if (!a.has_value() || !b.has_value()) return std::nullopt;
      first_day = *a;
      last_day = *b;
      ranged = true;
    } else {
      const std::optional<int> a = DayOf(word);
      if (!a.has_value()) return std::nullopt;
      first_day = last_day = *a;
      if (k + 1 < n_ && IsRangeSeparator(words_[k], AfterBetween(i))) {
        // "13 to the 15th of July".
        const int j = Is(k + 1, "the") ? k + 2 : k + 1;
        if (j < n_) {
          if (std::optional<int> b = DayOf(words_[j])) {
            last_day = *b;
            k = j + 1;
            ranged = true;
          } else if (std::optional<MonthName> month = MonthOf(words_[j]);
                     month.has_value() && j + 1 < n_ &&
                     (Is(i - 1, "from") || Is(i - 1, "between")) &&
                     DayOf(words_[j + 1]).has_value()) {
            // "from 4 to January 22, 1995": days of the month after them.
            int e = j + 2;
            const std::optional<int> year = TrailingYear(&e);
            return DayRange(i, e, month->month, month->month, first_day,
                            *DayOf(words_[j + 1]), year);
          }
        }
      }
    }
    if (Is(k, "day") && !IsDigits(word.folded)) ++k;  // "15th day of June"
    // "4 to 23 next month", "the 20th of next month", "20th of the current
    // month": days of a shifted month; a single bare number needs "of".
    {
      int j = k;
      if (Is(j, "of") || Is(j, "in")) ++j;
      if (Is(j, "the") && j + 1 < n_ &&
          Lex().shifts.contains(words_[j + 1].folded)) {
        ++j;
      }
      const bool cued = ranged || Is(k, "of") || !IsDigits(word.folded);
      if (cued && j < n_ && Lex().shifts.contains(words_[j].folded)) {
        if (std::optional<DateMatch> shifted = Shifted(j)) {
          if (shifted->date.granularity() != Date::GRANULARITY_MONTH) {
            return std::nullopt;
          }
          const std::optional<DaySpan> days = DaysOf(shifted->date);
          shifted->begin = i;
          shifted->date.set_granularity(Date::GRANULARITY_DAY);
          if (!days.has_value()) return shifted;
          if (days->first.month() != days->last.month()) return std::nullopt;
          const std::optional<absl::CivilDay> from =
              MakeDay(days->first.year(), days->first.month(), first_day);
          const std::optional<absl::CivilDay> to =
              MakeDay(days->first.year(), days->first.month(), last_day);
          if (!from.has_value() || !to.has_value() || *to < *from) {
            return std::nullopt;
          }
          SetDays(*from, *to, &shifted->date);
          return shifted;
        }
      }
    }
    if (Is(k, "of")) {
      ++k;
    }
    if (k >= n_) return std::nullopt;
    const std::optional<MonthName> month = MonthOf(words_[k]);
    if (!month.has_value()) return std::nullopt;
    ++k;
    if (month->abbreviation && Is(k, ".")) ++k;
    const std::optional<int> year = TrailingYear(&k);
    return DayRange(i, k, month->month, month->month, first_day, last_day,
                    year);
  }

  // "mid-June", "mid-2016": one token.
  std::optional<DateMatch> MidToken(int i) const {
    const Word& word = words_[i];
    if (word.kind != TokenKind::kWord ||
        !absl::StartsWith(word.folded, "mid-")) {
      return std::nullopt;
    }
    const std::string rest = word.folded.substr(4);
    DateMatch match{i, i + 1};
    if (IsDigits(rest) && rest.size() == 4) {
      const int year = ParseIntOr(rest, 0);
      SetMonths(absl::CivilMonth(year, 5), absl::CivilMonth(year, 8),
                &match.date);  // PartOf: the middle of a year
      return match;
    }
    auto it = Lex().months.find(rest);
    if (it == Lex().months.end() || it->second.abbreviation) {
      return std::nullopt;
    }
    match.needs_anchor = true;
    const std::optional<absl::civil_year_t> year =
        InferYear(it->second.month, i, i + 1);
    if (year.has_value()) {
      const absl::CivilMonth civil(*year, it->second.month);
      SetMonths(civil, civil, &match.date);
      const DaySpan mid = PartOf(*DaysOf(match.date), Date::GRANULARITY_MONTH,
                                 Part::kMid, false);
      SetDays(mid.first, mid.last, &match.date);
    } else {
      match.date.set_granularity(Date::GRANULARITY_DAY);
    }
    return match;
  }

  // An era marker at words[k]: 1 for "AD", "A.D.", "CE", "C.E." (written
  // in capitals, or dotted), -1 for "BC", "B.C.", "BCE", "B.C.E.", else 0.
  int EraAt(int k) const {
    if (k < 0 || k >= n_ || words_[k].kind != TokenKind::kWord) return 0;
    // Compared as views: inline, without a call each.
    const absl::string_view f = words_[k].folded;
    if (f[0] != 'a' && f[0] != 'b' && f[0] != 'c') return 0;
    if (f == "b.c." || f == "b.c.e." || f == "bce" ||
        (f == "bc" && words_[k].capitalized)) {
      return -1;
    }
    if (f == "a.d." || f == "c.e." ||
        ((f == "ad" || f == "ce") && words_[k].capitalized)) {
      return 1;
    }
    return 0;
  }

  // A year of one to four digits with an era after it: "14 A.D.", "in 14
  // a.d.", "800 CE". Years BC are not read.
  std::optional<DateMatch> EraYear(int i) const {
    const Word& word = words_[i];
    if (word.kind != TokenKind::kNumber || word.folded.size() > 4 ||
        !IsDigits(word.folded) || EraAt(i + 1) <= 0) {
      return std::nullopt;
    }
    const int year = ParseIntOr(word.folded, 0);
    if (year < 1) return std::nullopt;
    DateMatch match{i, i + 2};
    SetYears(year, year, &match.date);
    return match;
  }

  // "2016", "1990s", "2016-18", "2016 to 2018", "between 2016 and 2018".
  // Whether words[k] is a form of "pay" or "owe" (date_words.tsv
  // `payment`).
  bool IsPaymentVerb(int k) const {
    if (k < 0 || words_[k].kind != TokenKind::kWord) return false;
    const std::string& w = words_[k].folded;
    if (w.size() < 3 || (w[0] != 'p' && w[0] != 'o')) return false;
    return Lex().payment_verbs.contains(w);
  }

  // Whether the bare number at words[i] is what is paid or owed: right
  // after "pay" or "owe" ("paid 2000"), or after its indirect object, a
  // name or pronoun ("Pay ABC 2000", "owes them 1500"). An amount, no year.
  bool PaidAmount(int i) const {
    if (IsPaymentVerb(i - 1)) return true;
    if (i < 2 || words_[i - 1].kind != TokenKind::kWord) return false;
    const Word& object = words_[i - 1];
    const absl::string_view o = object.folded;
    const bool pronoun = o == "him" || o == "her" || o == "them" ||
                         o == "us" || o == "me" || o == "you";
    return (object.capitalized || pronoun) && IsPaymentVerb(i - 2);
  }

  std::optional<DateMatch> Year(int i) const {
    const Word& word = words_[i];
    if (word.kind != TokenKind::kNumber) return std::nullopt;
    const std::string& token = word.folded;
    // Every form below has a hyphen, is a decade ("1990s"), a year of four
    // digits, or fewer digits before an era ("500 BC", EraYear).
    const bool digits = IsDigits(token);
    if (FindByte(token, '-') == std::string::npos &&
        !(token.size() == 5 && token.back() == 's') &&
        !(digits && token.size() == 4) &&
        !(digits && token.size() < 4 && EraAt(i + 1) > 0)) {
      return std::nullopt;
    }
    // Money, percentages and counts are figures: "$2016", "2000 delegates".
    if (Is(i - 1, "$") || Is(i - 1, "€") || Is(i - 1, "£") || Is(i + 1, "%")) {
      return std::nullopt;
    }
    if (i + 1 < n_ && IsPlural(words_[i + 1])) return std::nullopt;
    if (PaidAmount(i)) return std::nullopt;
    DateMatch match{i, i + 1};
    // "1990s": a decade.
    if (token.size() == 5 && token.back() == 's' &&
        IsDigits(token.substr(0, 4))) {
      const int year = ParseIntOr(token.substr(0, 4), 0);
      if (year % 10 != 0 || year < kMinYear || year > kMaxYear) {
        return std::nullopt;
      }
      match.date.set_start(FormatYear(year));
      match.date.set_end(FormatYear(year + 9));
      match.date.set_granularity(Date::GRANULARITY_DECADE);
      return match;
    }
    // "2016-18", "2016-2018"; "2015-3" and "2016-11" (no later year) are
    // months.
    const size_t hyphen = FindByte(token, '-');
    if (hyphen == 4 && IsDigits(token.substr(0, 4)) &&
        IsDigits(token.substr(5)) && token.size() >= 6 && token.size() <= 9 &&
        token.size() != 8) {
      const int first = ParseIntOr(token.substr(0, 4), 0);
      const int second = ParseIntOr(token.substr(5), 0);
      int last = second;
      if (token.size() == 7) last += first / 100 * 100;
      if (first < kMinYear || first > kMaxYear) return std::nullopt;
      if (token.size() <= 7 && (token.size() == 6 || last <= first) &&
          second >= 1 && second <= 12) {
        const absl::CivilMonth civil(first, second);
        SetMonths(civil, civil, &match.date);
        return match;
      }
      if (token.size() == 6 || last <= first || last > kMaxYear) {
        return std::nullopt;
      }
      SetYears(first, last, &match.date);
      return match;
    }
    // "11-2016": a month.
    if ((hyphen == 1 || hyphen == 2) && token.size() == hyphen + 5 &&
        IsDigits(token.substr(0, hyphen)) &&
        IsDigits(token.substr(hyphen + 1))) {
      const int month = ParseIntOr(token.substr(0, hyphen), 0);
      const int first = ParseIntOr(token.substr(hyphen + 1), 0);
      if (month < 1 || month > 12 || first < kMinYear || first > kMaxYear) {
        return std::nullopt;
      }
      const absl::CivilMonth civil(first, month);
      SetMonths(civil, civil, &match.date);
      return match;
    }
    const std::optional<int> year = YearOf(word);
    if (!year.has_value()) return EraYear(i);
    if (EraAt(i + 1) < 0) return std::nullopt;  // "2014 BC" is no date here
    // "the 1970's": a decade.
    int decade_end = word.possessive_bytes > 0 ? i + 1 : 0;
    if (Touch(i, i + 1) && Is(i + 1, "'s")) decade_end = i + 2;
    if (Touch(i, i + 1) && Is(i + 1, "'") && Touch(i + 1, i + 2) &&
        Is(i + 2, "s")) {
      decade_end = i + 3;
    }
    if (decade_end > 0 && *year % 10 == 0 && Is(i - 1, "the")) {
      match.begin = i - 1;
      match.end = decade_end;
      match.date.set_start(FormatYear(*year));
      match.date.set_end(FormatYear(*year + 9));
      match.date.set_granularity(Date::GRANULARITY_DECADE);
      return match;
    }
    if ((*year < kMinBareYear || *year > kMaxBareYear) && !AfterCue(i)) {
      return std::nullopt;
    }
    int last = *year;
    if (i + 2 < n_ && IsRangeSeparator(words_[i + 1], AfterBetween(i))) {
      if (std::optional<int> second = YearOf(words_[i + 2])) {
        if (*second > *year) {
          last = *second;
          match.end = i + 3;
        }
      }
    }
    SetYears(*year, last, &match.date);
    return match;
  }

  // "Monday June 3", "Monday, June 3, 2024": the absolute date wins; else a
  // bare weekday, resolved by tense.
  std::optional<DateMatch> WeekdayDate(int i) const {
    const std::optional<int> weekday = WeekdayOrAbbrevOf(words_[i]);
    if (!weekday.has_value()) return std::nullopt;
    if (Is(i - 1, "every")) return std::nullopt;  // a recurring day
    // An abbreviation ("Mon 13th", "Wed, 22 of Jan") only before a day.
    const bool abbreviated = !WeekdayOf(words_[i]).has_value();
    int k = i + 1;
    if (words_[i].possessive_bytes == 0) {
      if (Is(k, ",")) ++k;
      if (k < n_) {
        std::optional<DateMatch> absolute = MonthFirst(k);
        if (!absolute.has_value()) absolute = DayFirst(k);
        if (absolute.has_value()) {
          absolute->begin = i;
          return absolute;
        }
      }
      if (std::optional<DateMatch> day = WeekdayTheDay(i, k, *weekday)) {
        return day;
      }
      if (abbreviated) return std::nullopt;
      // "Friday next week", "Monday of last week": that day of the week.
      const int w = Is(i + 1, "of") ? i + 2 : i + 1;
      if (w < n_) {
        if (std::optional<DateMatch> week = Shifted(w)) {
          const std::optional<DaySpan> days = DaysOf(week->date);
          if (w < n_ && Lex().periods.contains(words_[week->end - 1].folded) &&
              Lex().periods.at(words_[week->end - 1].folded) ==
                  Period::kWeek) {
            week->begin = i;
            if (days.has_value() && days->last - days->first == 6) {
              const absl::CivilDay day = days->first + (*weekday - 1);
              SetDays(day, day, &week->date);
            } else if (days.has_value()) {
              return std::nullopt;  // "Friday earlier this week"
            }
            return week;
          }
        }
      }
    }
    if (!published_.has_value())
      return Unresolved(i, i + 1, Date::GRANULARITY_DAY);
    const Tense tense = NearestTense(words_, i, i + 1);
    const int today = IsoWeekday(*published_);
    const absl::CivilDay day = tense == Tense::kFuture
                                   ? *published_ + (*weekday - today + 7) % 7
                                   : *published_ - (today - *weekday + 7) % 7;
    return RelativeMatch(i, i + 1, day, day);
  }

  // "Friday the 15th" (weekday at words[i], "the" at words[k]): the 15th
  // of the publication month or a month next to it that falls on a Friday,
  // the latest on or before publication unless the sentence speaks of the
  // future (then the earliest on or after it); failing that, the nearest.
  std::optional<DateMatch> WeekdayTheDay(int i, int k, int weekday) const {
    if (!Is(k, "the")) k = i;  // "Tuesday 19th", "Sunday 31!"
    if (k + 1 >= n_) return std::nullopt;
    const Word& word = words_[k + 1];
    if (word.kind != TokenKind::kNumber) return std::nullopt;
    // Bare digits only right after the weekday and before punctuation or
    // the end ("Sunday 31!", not "Friday 13 people").
    if (IsDigits(word.folded) &&
        (k != i || (k + 2 < n_ && words_[k + 2].kind != TokenKind::kPunct))) {
      return std::nullopt;
    }
    const std::optional<int> number = DayOf(word);
    if (!number.has_value()) return std::nullopt;
    if (k + 2 < n_ && words_[k + 2].kind == TokenKind::kWord &&
        !IsRangeSeparator(words_[k + 2], AfterBetween(i)) &&
        !Is(k + 2, "and")) {
      return std::nullopt;  // "Friday the 27th floor"
    }
    if (!published_.has_value()) {
      return Unresolved(i, k + 2, Date::GRANULARITY_DAY);
    }
    const bool future = NearestTense(words_, i, k + 2) == Tense::kFuture;
    const absl::CivilMonth here(*published_);
    std::optional<absl::CivilDay> best;
    for (int delta = -24; delta <= 24; ++delta) {
      const absl::CivilMonth month = here + delta;
      const std::optional<absl::CivilDay> day =
          MakeDay(month.year(), month.month(), *number);
      if (!day.has_value() || IsoWeekday(*day) != weekday) continue;
      const bool fits = future ? *day >= *published_ : *day <= *published_;
      if (!fits) continue;
      if (!best.has_value() ||
          (future ? *day < *best : *day > *best)) {
        best = day;
      }
    }
    if (!best.has_value()) return std::nullopt;
    return RelativeMatch(i, k + 2, *best, *best);
  }

  // "second Sunday", "the third Tuesday" with no month after them: the Nth
  // such weekday of the publication month. Not after "every", nor before
  // "of", "in", "after", "before" (a month or an event it counts from).
  std::optional<DateMatch> NthWeekdayAlone(int i) const {
    const int k = Is(i, "the") ? i + 1 : i;
    if (k + 1 >= n_ || WordIs(words_[k], "last") || Is(i - 1, "every")) {
      return std::nullopt;
    }
    const std::optional<int> ordinal = OrdinalAt(k);
    if (!ordinal.has_value() || *ordinal < 1 || *ordinal > 5) {
      return std::nullopt;
    }
    const std::optional<int> weekday = WeekdayOf(words_[k + 1]);
    if (!weekday.has_value()) return std::nullopt;
    for (absl::string_view word : {"of", "in", "after", "before"}) {
      if (Is(k + 2, word)) return std::nullopt;
    }
    if (!published_.has_value()) {
      return Unresolved(i, k + 2, Date::GRANULARITY_DAY);
    }
    const absl::CivilDay first(published_->year(), published_->month(), 1);
    const absl::CivilDay day = first +
                               (*weekday - IsoWeekday(first) + 7) % 7 +
                               7 * (*ordinal - 1);
    if (absl::CivilMonth(day) != absl::CivilMonth(first)) return std::nullopt;
    return RelativeMatch(i, k + 2, day, day);
  }

  // "the second Monday of next month", "the last Friday of June 2024",
  // "the first Sunday in March": the Nth (or last) such weekday of the
  // month named after "of" or "in".
  std::optional<DateMatch> NthWeekday(int i) const {
    int k = Is(i, "the") ? i + 1 : i;
    int next = 0;
    const std::optional<int> ordinal = EndOrdinalAt(k, &next);
    if (!ordinal.has_value()) return std::nullopt;
    k = next - 1;
    if (k + 3 >= n_) return std::nullopt;
    const std::optional<int> weekday = WeekdayOf(words_[k + 1]);
    if (!weekday.has_value() || (!Is(k + 2, "of") && !Is(k + 2, "in"))) {
      return std::nullopt;
    }
    std::optional<DateMatch> month;
    for (auto parse : {&DateParser::MonthFirst, &DateParser::Shifted}) {
      month = (this->*parse)(k + 3);
      if (month.has_value()) break;
    }
    // "the first Monday of the month": the publication month.
    if (!month.has_value()) {
      month = CurrentPeriod(k + 3);
      if (month.has_value() && Is(month->end, "of")) return std::nullopt;
    }
    if (!month.has_value() ||
        month->date.granularity() != Date::GRANULARITY_MONTH) {
      return std::nullopt;
    }
    month->begin = i;
    month->yearless_month = 0;
    const std::optional<DaySpan> days = DaysOf(month->date);
    if (!days.has_value()) {
      month->date.set_granularity(Date::GRANULARITY_DAY);
      return month;
    }
    if (days->first.month() != days->last.month()) return std::nullopt;
    absl::CivilDay day;
    if (*ordinal < 0) {
      day = days->last - (IsoWeekday(days->last) - *weekday + 7) % 7 +
            7 * (*ordinal + 1);
      if (day < days->first) return std::nullopt;
    } else {
      day = days->first + (*weekday - IsoWeekday(days->first) + 7) % 7 +
            7 * (*ordinal - 1);
      if (day > days->last) return std::nullopt;
    }
    SetDays(day, day, &month->date);
    return month;
  }

  // The publication day, for "now" at an end of a range.
  DateMatch Today(int begin, int end) const {
    if (!published_.has_value()) {
      return Unresolved(begin, end, Date::GRANULARITY_DAY);
    }
    return RelativeMatch(begin, end, *published_, *published_);
  }

  // A relative date that cannot be resolved without a publication date.
  DateMatch Unresolved(int begin, int end,
                       Date::Granularity granularity) const {
    DateMatch match{begin, end};
    match.needs_anchor = true;
    match.date.set_relative(true);
    match.date.set_granularity(granularity);
    return match;
  }

  // "yesterday", "today", "last night".
  std::optional<DateMatch> RelativeDay(int i) const {
    auto it = Lex().day_phrases.find(words_[i].folded);
    if (it == Lex().day_phrases.end()) return std::nullopt;
    for (const DayPhrase& phrase : it->second) {
      const int end = i + static_cast<int>(phrase.words.size());
      if (end > n_) continue;
      bool match = true;
      for (size_t w = 1; w < phrase.words.size() && match; ++w) {
        match = words_[i + w].folded == phrase.words[w];
      }
      if (!match) continue;
      if (!published_.has_value()) {
        return Unresolved(i, end, Date::GRANULARITY_DAY);
      }
      DateMatch result{i, end};
      result.needs_anchor = true;
      result.date.set_relative(true);
      const absl::CivilDay day = *published_ + phrase.offset;
      SetDays(day, day, &result.date);
      return result;
    }
    return std::nullopt;
  }

  // The days of a week named right after it, from words[j]: "Friday", "on
  // Friday", "between Wednesday and Friday", "from Tue to Thur" (ISO
  // weekdays `*a` to `*b`). Returns the end, or 0 when none follows.
  int WeekdaysAfter(int j, int* a, int* b) const {
    // "next week between Wednesday and Friday", "this week from Tue to
    // Thur": those days of the week.
    if ((Is(j, "between") || Is(j, "from")) && j + 3 < n_ &&
        IsRangeSeparator(words_[j + 2], Is(j, "between"))) {
      const std::optional<int> first = WeekdayOrAbbrevOf(words_[j + 1]);
      const std::optional<int> last = WeekdayOrAbbrevOf(words_[j + 3]);
      if (first.has_value() && last.has_value() && *first <= *last) {
        *a = *first;
        *b = *last;
        return j + 4;
      }
    }
    if (Is(j, "on") || Is(j, ",")) ++j;
    if (j < n_) {
      if (std::optional<int> weekday = WeekdayOrAbbrevOf(words_[j])) {
        *a = *b = *weekday;
        return j + 1;
      }
    }
    return 0;
  }

  // "for the day", "over the weekend", "for the year" at the end of a
  // clause: the period holding publication. Other cues do not name it in
  // news: "player of the year" is an award, "throughout the day" the day
  // of the events reported.
  std::optional<DateMatch> ThePeriod(int i) const {
    if (!Is(i, "the") || i == 0 || i + 1 >= n_) return std::nullopt;
    const std::string& cue = words_[i - 1].folded;
    if (cue != "for" && cue != "over") return std::nullopt;
    const int end = i + 2;
    if (end < n_ && words_[end].kind != TokenKind::kPunct) return std::nullopt;
    if (Is(i + 1, "day")) {
      if (!published_.has_value()) {
        return Unresolved(i, end, Date::GRANULARITY_DAY);
      }
      return RelativeMatch(i, end, *published_, *published_);
    }
    auto period = Lex().periods.find(words_[i + 1].folded);
    if (period == Lex().periods.end() || period->second == Period::kQuarter ||
        period->second == Period::kDecade ||
        words_[i + 1].folded != (period->second == Period::kYear    ? "year"
                                 : period->second == Period::kMonth ? "month"
                                 : period->second == Period::kWeek
                                     ? "week"
                                     : "weekend")) {
      return std::nullopt;
    }
    return CurrentPeriod(i);
  }

  // "the next day", "the following day", "the day before": a day from the
  // single day before it in the sentence ("arrested on June 5 and freed
  // the next day"), else from publication; no date when the date before
  // is not one day. A phrase ending in "after" or "before" must end the
  // clause ("the day before the vote" is no date).
  std::optional<DateMatch> NextDay(int i) const {
    const Word& first = words_[i];
    if (first.kind != TokenKind::kWord) return std::nullopt;
    auto it = Lex().next_days.find(first.folded);
    if (it == Lex().next_days.end()) return std::nullopt;
    for (const DayPhrase& phrase : it->second) {
      const int end = i + static_cast<int>(phrase.words.size());
      if (end > n_ || !MatchesWords(i, phrase.words)) continue;
      if (Lex().offsets.contains(phrase.words.back()) && end < n_ &&
          words_[end].kind != TokenKind::kPunct) {
        continue;
      }
      std::optional<absl::CivilDay> from = published_;
      bool needs_anchor = true;
      if (previous_ != nullptr) {
        const std::optional<DaySpan> days = DaysOf(*previous_);
        if (!days.has_value() && previous_->relative()) {
          from.reset();  // unresolved: so is this one
        } else if (!days.has_value() ||
                   previous_->granularity() != Date::GRANULARITY_DAY ||
                   days->first != days->last) {
          return std::nullopt;
        } else {
          from = days->first;
          needs_anchor = !previous_->anchor().empty();
        }
      }
      if (!from.has_value()) return Unresolved(i, end, Date::GRANULARITY_DAY);
      DateMatch result{i, end};
      result.needs_anchor = needs_anchor;
      result.date.set_relative(true);
      const absl::CivilDay day = *from + phrase.offset;
      SetDays(day, day, &result.date);
      return result;
    }
    return std::nullopt;
  }

  // "[earlier|later|early|late] (last|this|next|this coming) (week|weekend|
  // month|year|<Month>|<Weekday>)".
  std::optional<DateMatch> Shifted(int i) const {
    const Lexicons& lex = Lex();
    int k = i;
    Part part = Part::kNone;
    if (auto it = lex.parts.find(words_[k].folded); it != lex.parts.end()) {
      part = it->second;
      ++k;
    }
    if (k >= n_) return std::nullopt;
    int shift = 0;
    if (part != Part::kNone && Is(k, "in") && Is(k + 1, "the") &&
        k + 2 < n_ && lex.periods.contains(words_[k + 2].folded)) {
      k += 2;  // "earlier in the week", "later in the year"
    } else {
      auto shift_it = lex.shifts.find(words_[k].folded);
      if (shift_it == lex.shifts.end()) return std::nullopt;
      shift = shift_it->second;
      ++k;
    }
    if (k < n_ && shift == 0 && lex.shifts.contains(words_[k].folded)) {
      shift = lex.shifts.at(words_[k].folded);  // "this coming"
      ++k;
    }
    if (k >= n_) return std::nullopt;
    const Word& unit = words_[k];
    DateMatch match{i, k + 1};
    match.needs_anchor = true;
    match.date.set_relative(true);
    if (auto period = lex.periods.find(unit.folded);
        period != lex.periods.end()) {
      // A part of a period is a range of days.
      const Date::Granularity granularity =
          part == Part::kNone ? PeriodGranularity(period->second)
                              : Date::GRANULARITY_DAY;
      if (!published_.has_value()) {
        int a = 0;
        int b = 0;
        const int days_end =
            period->second == Period::kWeek && part == Part::kNone
                ? WeekdaysAfter(k + 1, &a, &b)
                : 0;
        if (days_end > 0) return Unresolved(i, days_end, Date::GRANULARITY_DAY);
        return Unresolved(i, k + 1, granularity);
      }
      if (std::optional<absl::string_view> why =
              EmptyPartOfWeek(period->second, shift, part)) {
        DateMatch unresolved = Unresolved(i, k + 1, granularity);
        unresolved.unresolved_reason = *why;
        return unresolved;
      }
      ResolvePeriod(period->second, shift, part, &match.date);
      // "next week Friday", "next week on Friday": that day of the week.
      if (period->second == Period::kWeek && part == Part::kNone) {
        int a = 0;
        int b = 0;
        if (const int days_end = WeekdaysAfter(k + 1, &a, &b); days_end > 0) {
          const absl::CivilDay monday = *ParseIsoDay(match.date.start());
          SetDays(monday + (a - 1), monday + (b - 1), &match.date);
          match.end = days_end;
        }
      }
      return match;
    }
    if (auto season = lex.seasons.find(unit.folded);
        season != lex.seasons.end() && part == Part::kNone) {
      if (!published_.has_value()) {
        return Unresolved(i, k + 1, Date::GRANULARITY_MONTH);
      }
      const absl::CivilMonth first =
          SeasonStart(season->second, shift < 0   ? Tense::kPast
                                      : shift > 0 ? Tense::kFuture
                                                  : Tense::kUnknown);
      SetMonths(first, first + 2, &match.date);
      return match;
    }
    if (std::optional<MonthName> month = MonthOf(unit)) {
      if (month->abbreviation && Is(k + 1, ".")) match.end = k + 2;
      if (!published_.has_value()) {
        return Unresolved(i, k + 1, Date::GRANULARITY_MONTH);
      }
      absl::civil_year_t year = published_->year();
      if (shift < 0 && month->month >= published_->month()) --year;
      if (shift > 0 && month->month <= published_->month()) ++year;
      const absl::CivilMonth civil(year, month->month);
      SetMonths(civil, civil, &match.date);
      return match;
    }
    if (std::optional<int> weekday = WeekdayOf(unit)) {
      if (!published_.has_value()) {
        return Unresolved(i, k + 1, Date::GRANULARITY_DAY);
      }
      const int today = IsoWeekday(*published_);
      absl::CivilDay day;
      if (shift < 0) {
        const int back = (today - *weekday + 7) % 7;
        day = *published_ - (back == 0 ? 7 : back);
      } else if (shift > 0) {
        const int ahead = (*weekday - today + 7) % 7;
        day = *published_ + (ahead == 0 ? 7 : ahead);
      } else {
        day = *published_ + (*weekday - today);  // in this week
      }
      SetDays(day, day, &match.date);
      return match;
    }
    return std::nullopt;
  }

  // The first month of the season starting in `first_month`: with `kPast`
  // the latest that ended before the publication month, with `kFuture` the
  // earliest that starts after it, else the one holding it or, failing
  // that, the one of the publication year (winter: the one that holds its
  // January).
  absl::CivilMonth SeasonStart(int first_month, Tense tense) const {
    const absl::CivilMonth now(*published_);
    const absl::civil_year_t year = published_->year();
    if (tense == Tense::kPast) {
      absl::CivilMonth start(year + 1, first_month);
      while (start + 2 >= now) start -= 12;
      return start;
    }
    if (tense == Tense::kFuture) {
      absl::CivilMonth start(year - 1, first_month);
      while (start <= now) start += 12;
      return start;
    }
    for (absl::CivilMonth start(year - 1, first_month);
         start <= absl::CivilMonth(year, first_month); start += 12) {
      if (start <= now && now <= start + 2) return start;
    }
    return first_month == 12 ? absl::CivilMonth(year - 1, 12)
                             : absl::CivilMonth(year, first_month);
  }

  // A season after a cue ("in the summer", "during winter", "by spring"):
  // the one holding publication, else the latest before it, or the next
  // one when the sentence speaks of the future.
  // "the summer" ending a clause (punctuation or the end after it) needs
  // no cue: "I'll leave the summer." Not "the fall" ("survived the fall").
  bool TheSeasonEnds(int i, int k) const {
    return k == i + 1 && !Is(k, "fall") &&
           (k + 1 >= n_ || words_[k + 1].kind == TokenKind::kPunct);
  }

  std::optional<DateMatch> Season(int i) const {
    const int k = Is(i, "the") ? i + 1 : i;
    // "to", "and" and "of" are cues of months, not of seasons ("expected to
    // fall", "the spring and").
    if (k >= n_ || (!AfterCue(i) && !TheSeasonEnds(i, k)) || Is(i - 1, "to") ||
        Is(i - 1, "and") || Is(i - 1, "of")) {
      return std::nullopt;
    }
    auto season = Lex().seasons.find(words_[k].folded);
    if (season == Lex().seasons.end()) return std::nullopt;
    if (k + 1 < n_ && words_[k + 1].kind != TokenKind::kPunct &&
        !Is(k + 1, "of") && !YearOf(words_[k + 1]).has_value() &&
        !IsRangeSeparator(words_[k + 1], false)) {
      return std::nullopt;  // "in summer camps", "by fall 5%"
    }
    int end = k + 1;
    std::optional<int> year;
    if (Is(end, "of") && end + 1 < n_) {
      year = YearOf(words_[end + 1]);
      if (!year.has_value()) return std::nullopt;
      end += 2;
    } else if (end < n_) {
      year = YearOf(words_[end]);
      if (year.has_value()) ++end;
    }
    DateMatch match{i, end};
    if (year.has_value()) {
      // "the winter of 2010" starts in December 2010.
      const absl::CivilMonth first(*year, season->second);
      SetMonths(first, first + 2, &match.date);
      return match;
    }
    match.needs_anchor = true;
    match.date.set_relative(true);
    if (!published_.has_value()) {
      return Unresolved(i, end, Date::GRANULARITY_MONTH);
    }
    const absl::CivilMonth now(*published_);
    absl::CivilMonth first = SeasonStart(season->second, Tense::kUnknown);
    const Tense tense = NearestTense(words_, i, end);
    if (first > now || first + 2 < now) {
      first = SeasonStart(season->second, tense == Tense::kFuture
                                              ? Tense::kFuture
                                              : Tense::kPast);
    }
    SetMonths(first, first + 2, &match.date);
    return match;
  }

  // Why "earlier this week (month, year)" names no day: published on its
  // first day (a Monday, the 1st, January 1st), no day of it comes before
  // publication. nullopt for any other period, part or day.
  std::optional<absl::string_view> EmptyPartOfWeek(Period period, int shift,
                                                   Part part) const {
    if (shift != 0 || part != Part::kBefore) return std::nullopt;
    if (period == Period::kWeek && IsoWeekday(*published_) == 1) {
      return "the article was published on a Monday, so no day of its week "
             "comes before publication";
    }
    if (period == Period::kMonth && published_->day() == 1) {
      return "the article was published on the first day of its month, so no "
             "day of its month comes before publication";
    }
    if (period == Period::kYear && published_->day() == 1 &&
        published_->month() == 1) {
      return "the article was published on January 1st, so no day of its "
             "year comes before publication";
    }
    return std::nullopt;
  }

  // Weeks run Monday to Sunday. "earlier" and "later" name the first and
  // second half of the period (PartOf); in the period holding publication
  // "earlier" also ends the day before publication and "later" starts on
  // publication day ("earlier this year" is January 1st to the day before,
  // "later this week" read on a Friday is Friday to Sunday).
  // EmptyPartOfWeek rules out the periods where nothing is left.
  void ResolvePeriod(Period period, int shift, Part part,
                     DateValue* date) const {
    WholePeriod(period, shift, date);
    if (part != Part::kBefore && part != Part::kAfter) return;
    const std::optional<DaySpan> days = DaysOf(*date);
    if (!days.has_value()) return;
    DaySpan narrowed = PartOf(*days, date->granularity(), part, false);
    if (shift == 0 && part == Part::kBefore) {
      narrowed.last = std::min(narrowed.last, *published_ - 1);
    } else if (shift == 0 && part == Part::kAfter) {
      narrowed.first = std::max(narrowed.first, *published_);
    }
    if (narrowed.last < narrowed.first) return;
    SetDays(narrowed.first, narrowed.last, date);
  }

  void WholePeriod(Period period, int shift, DateValue* date) const {
    const absl::CivilDay today = *published_;
    switch (period) {
      case Period::kWeek: {
        const absl::CivilDay monday =
            today - (IsoWeekday(today) - 1) + 7 * shift;
        SetDays(monday, monday + 6, date);
        return;
      }
      case Period::kWeekend: {
        const absl::CivilDay saturday =
            today - (IsoWeekday(today) - 1) + 5 + 7 * shift;
        // "last weekend" read on a Sunday is the weekend before.
        SetDays(saturday, saturday + 1, date);
        return;
      }
      case Period::kMonth: {
        const absl::CivilMonth month = absl::CivilMonth(today) + shift;
        SetMonths(month, month, date);
        return;
      }
      case Period::kQuarter: {
        const absl::CivilMonth first =
            absl::CivilMonth(today.year(), (today.month() - 1) / 3 * 3 + 1) +
            3 * shift;
        SetMonths(first, first + 2, date);
        return;
      }
      case Period::kYear: {
        const absl::civil_year_t year = today.year() + shift;
        SetYears(year, year, date);
        return;
      }
      case Period::kDecade: {
        const absl::civil_year_t first =
            (today.year() - today.year() % 10) + 10 * shift;
        SetYears(first, first + 9, date);
        date->set_granularity(Date::GRANULARITY_DECADE);
        return;
      }
    }
  }

  // A year and a month: "2016 November", "2015 June", "2016 - 11",
  // "2016 / 11", "11 / 2016" (the numbers spaced apart; "2016/11" is
  // Numeric). "2011 - 12" (consecutive years) is a season, not a month.
  std::optional<DateMatch> YearMonth(int i) const {
    if (i + 1 >= n_) return std::nullopt;
    const std::optional<int> year = YearOf(words_[i]);
    if (year.has_value()) {
      if (std::optional<MonthName> month = MonthOf(words_[i + 1])) {
        DateMatch match{i, i + 2};
        const absl::CivilMonth civil(*year, month->month);
        SetMonths(civil, civil, &match.date);
        return match;
      }
    }
    if (i + 2 >= n_ || (!Is(i + 1, "-") && !Is(i + 1, "/"))) {
      return std::nullopt;
    }
    if (Touch(i, i + 1) && Touch(i + 1, i + 2)) return std::nullopt;
    const Word& second = words_[i + 2];
    if (i + 3 < n_ && (Is(i + 3, "-") || Is(i + 3, "/")) &&
        words_[i + 3].begin == second.end) {
      return std::nullopt;  // part of a longer numeric expression
    }
    int month = 0;
    int y = 0;
    auto small = [](const Word& word) {
      return word.kind == TokenKind::kNumber && IsDigits(word.folded) &&
                     word.folded.size() <= 2
                 ? ParseIntOr(word.folded, 0)
                 : 0;
    };
    if (year.has_value()) {
      month = small(second);
      y = *year;
      if (month == (y + 1) % 100) return std::nullopt;  // "2011 - 12"
    } else if (std::optional<int> after = YearOf(second)) {
      month = small(words_[i]);
      y = *after;
    }
    if (month < 1 || month > 12) return std::nullopt;
    DateMatch match{i, i + 3};
    const absl::CivilMonth civil(y, month);
    SetMonths(civil, civil, &match.date);
    return match;
  }

  // The decade from `year` to year + 9 over tokens [begin, end).
  static DateMatch DecadeMatch(int begin, int end, int year) {
    DateMatch match{begin, end};
    match.date.set_start(FormatYear(year));
    match.date.set_end(FormatYear(year + 9));
    match.date.set_granularity(Date::GRANULARITY_DECADE);
    return match;
  }

  // Decades without a century or in words, after "the": "the 70s", "the
  // '40s", "the 70's" (1970s; "the 00s" and "the 10s" are 2000s and 2010s),
  // "the seventies", "the nineteen seventies", "the noughties".
  std::optional<DateMatch> Decade(int i) const {
    if (!Is(i, "the") || i + 1 >= n_) return std::nullopt;
    int k = i + 1;
    if (Is(k, "'") && Touch(k, k + 1)) ++k;
    if (k >= n_) return std::nullopt;
    const Word& word = words_[k];
    int year = -1;
    if (word.kind == TokenKind::kNumber) {
      absl::string_view digits = word.folded;
      if (Touch(k, k + 1) && Is(k + 1, "'s")) {
        ++k;  // "the 70's"
      } else if (Touch(k, k + 1) && Is(k + 1, "'") && Touch(k + 1, k + 2) &&
                 Is(k + 2, "s")) {
        k += 2;
      } else if (word.possessive_bytes == 0) {
        if (digits.size() != 3 || digits.back() != 's') return std::nullopt;
        digits.remove_suffix(1);
      }
      if (digits.size() != 2 || !IsDigits(digits) || digits[1] != '0') {
        return std::nullopt;
      }
      const int tens = ParseIntOr(digits, 0);
      year = tens < 20 ? 2000 + tens : 1900 + tens;
    } else if (word.kind == TokenKind::kWord &&
               absl::EndsWith(word.folded, "ies")) {
      year = WordIs(word, "noughties") ? 2000 : DecadeWord(word.folded);
      if (year < 0) return std::nullopt;
      if (year != 2000) year += 1900;
    } else if (WordIs(word, "nineteen") || WordIs(word, "eighteen")) {
      if (k + 1 >= n_) return std::nullopt;
      const int tens = DecadeWord(words_[k + 1].folded);
      if (tens < 0) return std::nullopt;
      year = (WordIs(word, "nineteen") ? 1900 : 1800) + tens;
      ++k;
    } else {
      return std::nullopt;
    }
    return DecadeMatch(i, k + 1, year);
  }

  // Decades of the 2000s in words, after "the": "the two thousands"
  // (2000s), "the twenty-tens", "the twenty tens", "the two thousand and
  // tens" (2010s), "the twenty twenties".
  std::optional<DateMatch> SpokenDecade(int i) const {
    if (!Is(i, "the") || i + 1 >= n_ ||
        words_[i + 1].kind != TokenKind::kWord) {
      return std::nullopt;
    }
    const auto tens_of = [](absl::string_view word) {
      return word == "tens" ? 10 : DecadeTens(word);
    };
    int k = i + 1;
    int year = -1;
    const absl::string_view word = words_[k].folded;
    if (absl::StartsWith(word, "twenty-")) {
      const int tens = tens_of(word.substr(7));
      if (tens < 0) return std::nullopt;
      year = 2000 + tens;
    } else if (word == "twenty" && k + 1 < n_) {
      const int tens = tens_of(words_[k + 1].folded);
      if (tens < 0) return std::nullopt;
      year = 2000 + tens;
      ++k;
    } else if (word == "two" && Is(k + 1, "thousands")) {
      year = 2000;
      ++k;
    } else if (word == "two" && Is(k + 1, "thousand")) {
      int t = k + 2;
      if (Is(t, "and")) ++t;
      if (t >= n_) return std::nullopt;
      const int tens = tens_of(words_[t].folded);
      if (tens < 0) return std::nullopt;
      year = 2000 + tens;
      k = t;
    } else {
      return std::nullopt;
    }
    return DecadeMatch(i, k + 1, year);
  }

  // Decades without "the": "1990 s", "90 s" (the "s" apart), and a decade
  // word right after "in" ("in nineties").
  std::optional<DateMatch> BareDecade(int i) const {
    const Word& word = words_[i];
    int year = -1;
    if (word.kind == TokenKind::kNumber) {
      const std::string& digits = word.folded;
      if ((digits.size() != 2 && digits.size() != 4) || digits.back() != '0' ||
          !IsDigits(digits) || !Is(i + 1, "s")) {
        return std::nullopt;
      }
      // "90 s" names a decade only after "the" ("in the 90 s"); alone it
      // is as often seconds ("in 10 s flat").
      if (digits.size() == 2 && !Is(i - 1, "the")) return std::nullopt;
      year = ParseIntOr(digits, -1);
      if (digits.size() == 2) year = year < 20 ? 2000 + year : 1900 + year;
      if (year < kMinYear || year > kMaxYear) return std::nullopt;
    } else if (word.kind == TokenKind::kWord && Is(i - 1, "in") &&
               absl::EndsWith(word.folded, "ies")) {
      year = DecadeWord(word.folded);
      if (year < 0) return std::nullopt;
      year += 1900;
      return DecadeMatch(i, i + 1, year);
    } else {
      return std::nullopt;
    }
    return DecadeMatch(i, i + 2, year);
  }

  // "the 21st century", "15th century": an ordinal and "century".
  std::optional<DateMatch> Century(int i) const {
    const int k = Is(i, "the") ? i + 1 : i;
    if (k + 1 >= n_ || !Is(k + 1, "century")) return std::nullopt;
    const Word& word = words_[k];
    std::optional<int> nth;
    if (word.kind == TokenKind::kNumber) {
      if (IsDigits(word.folded)) return std::nullopt;
      nth = DayOf(word.folded);
    } else if (auto it = Lex().ordinals.find(word.folded);
               it != Lex().ordinals.end()) {
      nth = it->second;
    }
    if (!nth.has_value() || *nth < 2 || *nth > 30) return std::nullopt;
    DateMatch match{i, k + 2};
    SetYears((*nth - 1) * 100, (*nth - 1) * 100 + 99, &match.date);
    return match;
  }

  // A month name and numbers in one hyphenated token: "Oct-2", "Dec-2018",
  // "05-Aug-2016", "31-Oct-74", "Sep-23-2020", and "Jan-Feb 2017" (months
  // of the year after them). A token starting with a digit cannot show
  // the month's case, so "may" and "march" are not read in it.
  std::optional<DateMatch> Compact(int i) const {
    const Word& word = words_[i];
    if (word.kind == TokenKind::kPunct) return std::nullopt;
    const absl::string_view token = word.folded;
    const size_t first_hyphen = FindByte(token, '-');
    if (first_hyphen == absl::string_view::npos) return std::nullopt;
    absl::string_view pieces[3];
    int count = 0;
    size_t from = 0;
    while (count < 3) {
      const size_t hyphen = FindByte(token, '-', from);
      pieces[count++] = token.substr(from, hyphen == absl::string_view::npos
                                               ? absl::string_view::npos
                                               : hyphen - from);
      if (hyphen == absl::string_view::npos) break;
      from = hyphen + 1;
      if (count == 3) return std::nullopt;  // four pieces or more
    }
    if (count < 2) return std::nullopt;
    int month = 0;
    int month_at = -1;
    int second_month = 0;
    for (int p = 0; p < count; ++p) {
      auto it = Lex().months.find(pieces[p]);
      if (it == Lex().months.end()) continue;
      if (word.kind == TokenKind::kWord ? !word.capitalized
                                        : pieces[p] == "may" ||
                                              pieces[p] == "march") {
        return std::nullopt;
      }
      if (month_at >= 0) {
        second_month = it->second.month;
      } else {
        month = it->second.month;
        month_at = p;
      }
    }
    if (month_at < 0) return std::nullopt;
    if (second_month > 0) {
      // "Jan-Feb 2017": a range of months in the year after it.
      // "Nov-Feb 5th, 2017": November 1 to February 5.
      if (count != 2) return std::nullopt;
      int k = i + 1;
      std::optional<int> last_day;
      if (k < n_ && words_[k].kind == TokenKind::kNumber) {
        last_day = DayOf(words_[k]);
        if (last_day.has_value()) ++k;
      }
      const std::optional<int> year = TrailingYear(&k);
      if (!year.has_value()) return std::nullopt;
      DateMatch match{i, k};
      const absl::CivilMonth last(*year, second_month);
      const absl::CivilMonth first(
          second_month >= month ? *year : *year - 1, month);
      if (last_day.has_value()) {
        const std::optional<absl::CivilDay> end_day =
            MakeDay(*year, second_month, *last_day);
        if (!end_day.has_value()) return std::nullopt;
        SetDays(absl::CivilDay(first), *end_day, &match.date);
        return match;
      }
      SetMonths(first, last, &match.date);
      return match;
    }
    std::optional<int> year;
    std::optional<int> day;
    for (int p = 0; p < count; ++p) {
      if (p == month_at) continue;
      const absl::string_view piece = pieces[p];
      if (!IsDigits(piece)) {
        if (!DayOf(piece).has_value() || day.has_value()) return std::nullopt;
        day = DayOf(piece);
      } else if (piece.size() == 4) {
        if (year.has_value()) return std::nullopt;
        year = ParseIntOr(piece, 0);
        if (*year < kMinYear || *year > kMaxYear) return std::nullopt;
      } else if (piece.size() <= 2 && !day.has_value() &&
                 (count == 2 || p != count - 1 || year.has_value())) {
        day = ParseIntOr(piece, 0);
      } else if (piece.size() == 2 && !year.has_value()) {
        const int two = ParseIntOr(piece, 0);
        year = two < 50 ? 2000 + two : 1900 + two;
      } else {
        return std::nullopt;
      }
    }
    if (!day.has_value()) {
      if (!year.has_value() || count != 2) return std::nullopt;
      DateMatch match{i, i + 1};  // "Dec-2018"
      const absl::CivilMonth civil(*year, month);
      SetMonths(civil, civil, &match.date);
      return match;
    }
    if (*day < 1 || *day > 31) return std::nullopt;
    return DayRange(i, i + 1, month, month, *day, *day, year);
  }

  static int DecadeWord(absl::string_view word) { return DecadeTens(word); }

  // "week 31", "Week 10 of 2019": an ISO week of the year after "of", else
  // of the publication year.
  std::optional<DateMatch> WeekNumber(int i) const {
    if (!Is(i, "week") || i + 1 >= n_) return std::nullopt;
    const Word& number = words_[i + 1];
    if (number.kind != TokenKind::kNumber || !IsDigits(number.folded) ||
        number.folded.size() > 2) {
      return std::nullopt;
    }
    const int week = ParseIntOr(number.folded, 0);
    if (week < 1 || week > 53) return std::nullopt;
    int end = i + 2;
    std::optional<int> year;
    if (Is(end, "of") && end + 1 < n_) {
      int after = 0;
      year = YearAt(end + 1, &after);
      if (year.has_value()) end = after;
    }
    bool relative = false;
    if (!year.has_value()) {
      if (!published_.has_value()) {
        return Unresolved(i, end, Date::GRANULARITY_DAY);
      }
      year = static_cast<int>(published_->year());
      relative = true;
    }
    // ISO: week 1 holds January 4th.
    const absl::CivilDay jan4(*year, 1, 4);
    const absl::CivilDay monday =
        jan4 - (IsoWeekday(jan4) - 1) + 7 * (week - 1);
    if (week == 53 && IsoWeekday(absl::CivilDay(*year, 12, 31)) != 4 &&
        IsoWeekday(absl::CivilDay(*year, 1, 1)) != 4) {
      return std::nullopt;  // a year of 52 weeks
    }
    if (relative) return RelativeMatch(i, end, monday, monday + 6);
    DateMatch match{i, end};
    SetDays(monday, monday + 6, &match.date);
    return match;
  }

  // "the week after next" (two weeks on), "the month before last" (two
  // months back): any period word.
  std::optional<DateMatch> AfterNext(int i) const {
    if (!Is(i, "the") || i + 3 >= n_) return std::nullopt;
    auto period = Lex().periods.find(words_[i + 1].folded);
    if (period == Lex().periods.end()) return std::nullopt;
    const int shift = 2 * AfterNextAt(i + 2);
    if (shift == 0) return std::nullopt;
    if (!published_.has_value()) {
      return Unresolved(i, i + 4, PeriodGranularity(period->second));
    }
    DateMatch match{i, i + 4};
    match.needs_anchor = true;
    match.date.set_relative(true);
    ResolvePeriod(period->second, shift, Part::kNone, &match.date);
    return match;
  }

  // 1 for "after next" at words[k], -1 for "before last", else 0.
  int AfterNextAt(int k) const {
    if (Is(k, "after") && Is(k + 1, "next")) return 1;
    if (Is(k, "before") && Is(k + 1, "last")) return -1;
    return 0;
  }

  // "March after next" (the March after next March), "the June before
  // last" (the June before last June).
  std::optional<DateMatch> MonthAfterNext(int i) const {
    const int k = Is(i, "the") ? i + 1 : i;
    if (k + 2 >= n_) return std::nullopt;
    const std::optional<MonthName> month = MonthOf(words_[k]);
    if (!month.has_value() || month->abbreviation) return std::nullopt;
    const int shift = AfterNextAt(k + 1);
    if (shift == 0) return std::nullopt;
    if (!published_.has_value()) {
      return Unresolved(i, k + 3, Date::GRANULARITY_MONTH);
    }
    absl::civil_year_t year = published_->year() + shift;
    if (shift < 0 && month->month >= published_->month()) --year;
    if (shift > 0 && month->month <= published_->month()) ++year;
    DateMatch match{i, k + 3};
    match.needs_anchor = true;
    match.date.set_relative(true);
    const absl::CivilMonth civil(year, month->month);
    SetMonths(civil, civil, &match.date);
    return match;
  }

  // "rest of the week", "the rest of the year": from publication to the end
  // of the current period.
  std::optional<DateMatch> RestOf(int i) const {
    const int k = Is(i, "the") ? i + 1 : i;
    if (k >= n_) return std::nullopt;
    auto it = Lex().rests.find(words_[k].folded);
    if (it == Lex().rests.end()) return std::nullopt;
    for (const DayPhrase& phrase : it->second) {
      const int p = k + static_cast<int>(phrase.words.size());
      if (p >= n_ || !MatchesWords(k, phrase.words)) continue;
      auto period = Lex().periods.find(words_[p].folded);
      if (period == Lex().periods.end()) continue;
      if (!published_.has_value()) {
        return Unresolved(i, p + 1, Date::GRANULARITY_DAY);
      }
      DateValue whole;
      ResolvePeriod(period->second, 0, Part::kNone, &whole);
      const std::optional<DaySpan> days = DaysOf(whole);
      if (!days.has_value() || days->last < *published_) return std::nullopt;
      return RelativeMatch(i, p + 1, *published_, days->last);
    }
    return std::nullopt;
  }

  // Counts of time units at words[i]: "two weeks", "1 month 21 days", "a
  // year and two months" (each unit smaller). `*end` is after the last
  // unit.
  std::vector<std::pair<int, std::string>> CountsAt(int i, int* end) const {
    std::vector<std::pair<int, std::string>> counts;
    const bool list_before =
        Is(i - 1, "and") && i >= 2 &&
        Lex().time_units.contains(words_[i - 2].folded);
    int k = i;
    while (true) {
      int next = 0;
      std::optional<std::pair<int, std::string>> count = CountAt(k, &next);
      if (!count.has_value()) break;
      counts.push_back(*std::move(count));
      *end = next;
      k = next;
      // "a year and two months": "and" joins a smaller unit, unless the
      // counts continue a list ("for 3 months and 2 weeks and 2 days ago").
      if (Is(k, "and") && !list_before) {
        int probe = 0;
        const auto& more =
            CountAt(k + 1, &probe);
        if (more.has_value() && UnitRank(more->second) <
                                    UnitRank(counts.back().second)) {
          k = k + 1;
        }
      }
    }
    return counts;
  }

  // The order of time units by length: second 0 ... century 9.
  static int UnitRank(const std::string& unit) {
    static const char* const kUnits[] = {"second", "minute", "hour",
                                         "day",    "week",   "fortnight",
                                         "month",  "year",   "decade",
                                         "century"};
    for (int r = 0; r < 10; ++r) {
      if (unit == kUnits[r]) return r;
    }
    return 0;
  }

  // The granularity of a date counted in `unit`s.
  static Date::Granularity UnitGranularity(const std::string& unit) {
    return unit == "year" || unit == "decade" || unit == "century"
               ? Date::GRANULARITY_YEAR
           : unit == "month" ? Date::GRANULARITY_MONTH
                             : Date::GRANULARITY_DAY;
  }

  // A date moved by counts of units: "two days after today", "3 weeks
  // before June 5", "a year after 2001". The date after the offset word
  // must name one day, or one month or year for a count of months or
  // years; the result has the coarser of its and the unit's granularity.
  std::optional<DateMatch> Offset(int i) const {
    int end = 0;
    const std::vector<std::pair<int, std::string>> counts = CountsAt(i, &end);
    if (counts.empty() || end + 1 >= n_) return std::nullopt;
    auto offset = Lex().offsets.find(words_[end].folded);
    if (offset == Lex().offsets.end()) return std::nullopt;
    std::optional<DateMatch> target;
    for (auto parse :
         {&DateParser::Iso, &DateParser::Numeric, &DateParser::WeekdayDate,
          &DateParser::MonthFirst, &DateParser::DayFirst, &DateParser::Year,
          &DateParser::RelativeDay, &DateParser::Shifted}) {
      target = (this->*parse)(end + 1);
      if (target.has_value()) break;
    }
    if (!target.has_value()) return std::nullopt;
    // Counted from a day, the date is a day ("two months after next
    // Friday"); from a month or year, at the coarser unit.
    Date::Granularity granularity = target->date.granularity();
    if (granularity != Date::GRANULARITY_DAY) {
      for (const auto& count : counts) {
        granularity = std::max(granularity, UnitGranularity(count.second));
      }
    }
    target->begin = i;
    target->yearless_month = 0;
    const std::optional<DaySpan> days = DaysOf(target->date);
    if (!days.has_value()) {
      target->date.set_granularity(granularity);
      return target;
    }
    if (target->date.granularity() == Date::GRANULARITY_DAY &&
        days->first != days->last) {
      return std::nullopt;
    }
    std::optional<absl::CivilDay> day = days->first;
    for (const auto& count : counts) {
      day = Move(*day, offset->second * count.first, count.second);
      if (!day.has_value()) return std::nullopt;
    }
    SetSpan(*day, *day, granularity, &target->date);
    return target;
  }

  // "two years ago", "a week ago", "10 days ago", "48 hours ago" (two days
  // before publication). Not a date when the count is above kMaxAgoCount
  // or the date would fall before the year 1.
  std::optional<DateMatch> Ago(int i) const {
    int unit_end = 0;
    const std::vector<std::pair<int, std::string>> counts =
        CountsAt(i, &unit_end);
    if (counts.empty() || unit_end >= n_ ||
        !Lex().ago.contains(words_[unit_end].folded)) {
      return std::nullopt;
    }
    if (counts.size() > 1) return CompoundAgo(i, unit_end + 1, counts);
    const std::optional<std::pair<int, std::string>> counted = counts[0];
    const int count = counted->first;
    const std::string& name = counted->second;
    const bool years = name == "year" || name == "decade" || name == "century";
    if (!published_.has_value()) {
      return Unresolved(i, unit_end + 1,
                        years             ? Date::GRANULARITY_YEAR
                        : name == "month" ? Date::GRANULARITY_MONTH
                                          : Date::GRANULARITY_DAY);
    }
    DateMatch match{i, unit_end + 1};
    match.needs_anchor = true;
    match.date.set_relative(true);
    const absl::CivilDay today = *published_;
    if (years) {
      const int back = name == "year"     ? count
                       : name == "decade" ? 10 * count
                                          : 100 * count;
      const absl::civil_year_t year = today.year() - back;
      if (year < 1) return std::nullopt;
      SetYears(year, year, &match.date);
    } else if (name == "month") {
      const absl::CivilMonth month = absl::CivilMonth(today) - count;
      if (month.year() < 1) return std::nullopt;
      SetMonths(month, month, &match.date);
    } else {
      // Whole days back: "36 hours ago" is the day before publication,
      // "three hours ago" publication day.
      const int days = name == "week"        ? 7 * count
                       : name == "fortnight" ? 14 * count
                       : name == "day"       ? count
                       : name == "hour"      ? count / 24
                       : name == "minute"    ? count / (24 * 60)
                       : name == "second"    ? count / (24 * 60 * 60)
                                             : 0;
      const absl::CivilDay day = today - days;
      if (day.year() < 1) return std::nullopt;
      SetDays(day, day, &match.date);
    }
    return match;
  }

  // "1 month 21 days ago": each count moved back in turn, at the finest
  // granularity of its units.
  std::optional<DateMatch> CompoundAgo(
      int i, int end,
      const std::vector<std::pair<int, std::string>>& counts) const {
    Date::Granularity granularity = Date::GRANULARITY_YEAR;
    for (const auto& count : counts) {
      granularity = std::min(granularity, UnitGranularity(count.second));
    }
    if (!published_.has_value()) return Unresolved(i, end, granularity);
    std::optional<absl::CivilDay> day = *published_;
    for (const auto& count : counts) {
      if (count.second == "hour" || count.second == "minute" ||
          count.second == "second") {
        continue;
      }
      day = Move(*day, -count.first, count.second);
      if (!day.has_value()) return std::nullopt;
    }
    return RelativeMatch(i, end, *day, *day, granularity);
  }

  // "the following week" (day, month, quarter, year): the period after the
  // one holding the last day of the date before it in the sentence
  // ("elected in 2010 and again the following year" is 2011), else after
  // the one holding publication.
  std::optional<DateMatch> Following(int i) const {
    const int k = Is(i, "the") ? i + 1 : i;
    if (!Is(k, "following")) return std::nullopt;
    return PeriodOfPrevious(i, k + 1, /*shift=*/1);
  }

  // "same week" (day, month, quarter, year; "the" stays outside the
  // span): the period holding the last day of the date before it in the
  // sentence ("born in 1990 and married the same year"), else the one
  // holding publication.
  std::optional<DateMatch> Same(int i) const {
    if (!Is(i, "same")) return std::nullopt;
    return PeriodOfPrevious(i, i + 1, /*shift=*/0);
  }

  // The day, week, month, quarter or year named at words[unit], `shift`
  // periods after the one holding the last day of the date before it in
  // the sentence (none when that date is coarser than the unit), else the
  // one holding publication; the match runs from words[begin] through the
  // unit.
  std::optional<DateMatch> PeriodOfPrevious(int begin, int unit,
                                            int shift) const {
    if (unit >= n_) return std::nullopt;
    const std::string& name = words_[unit].folded;
    std::optional<Period> period;
    if (auto it = Lex().periods.find(name); it != Lex().periods.end()) {
      period = it->second;
      if (*period != Period::kWeek && *period != Period::kMonth &&
          *period != Period::kQuarter && *period != Period::kYear) {
        return std::nullopt;
      }
    } else if (name != "day") {
      return std::nullopt;
    }
    const int end = unit + 1;
    const Date::Granularity granularity =
        !period.has_value() ? Date::GRANULARITY_DAY
                            : PeriodGranularity(*period);
    std::optional<absl::CivilDay> reference = published_;
    bool needs_anchor = true;
    if (previous_ != nullptr) {
      // A date coarser than the unit holds no one such unit ("born in 1950
      // and died the same month in 2010").
      if (previous_->granularity() > granularity) return std::nullopt;
      const std::optional<DaySpan> days = DaysOf(*previous_);
      reference.reset();
      if (days.has_value()) reference = days->last;
      needs_anchor = !previous_->anchor().empty();
    }
    if (!reference.has_value()) return Unresolved(begin, end, granularity);
    const absl::CivilDay r = *reference;
    DateMatch match{begin, end};
    match.needs_anchor = needs_anchor;
    match.date.set_relative(true);
    if (!period.has_value()) {
      SetDays(r + shift, r + shift, &match.date);
    } else if (*period == Period::kWeek) {
      const absl::CivilDay monday = r - (IsoWeekday(r) - 1) + 7 * shift;
      SetDays(monday, monday + 6, &match.date);
    } else if (*period == Period::kMonth) {
      const absl::CivilMonth month = absl::CivilMonth(r) + shift;
      SetMonths(month, month, &match.date);
    } else if (*period == Period::kQuarter) {
      const absl::CivilMonth first =
          absl::CivilMonth(r.year(), (r.month() - 1) / 3 * 3 + 1) + 3 * shift;
      SetMonths(first, first + 2, &match.date);
    } else {
      if (r.year() + shift > 9999) return std::nullopt;
      SetYears(r.year() + shift, r.year() + shift, &match.date);
    }
    return match;
  }

  // "year to date" ("year-to-date", "month to date"): from the start of
  // the year (month) holding publication to the day before publication.
  std::optional<DateMatch> ToDate(int i) const {
    const Word& word = words_[i];
    if (word.kind != TokenKind::kWord || (word.folded[0] != 'y' &&
                                          word.folded[0] != 'm')) {
      return std::nullopt;
    }
    bool year = false;
    int end = i + 1;
    if (WordIs(word, "year-to-date") || WordIs(word, "month-to-date")) {
      year = word.folded[0] == 'y';
    } else if ((WordIs(word, "year") || WordIs(word, "month")) &&
               Is(i + 1, "to") && Is(i + 2, "date")) {
      year = word.folded[0] == 'y';
      end = i + 3;
    } else {
      return std::nullopt;
    }
    if (!published_.has_value()) {
      return Unresolved(i, end, Date::GRANULARITY_DAY);
    }
    const absl::CivilDay today = *published_;
    const absl::CivilDay first =
        year ? absl::CivilDay(today.year(), 1, 1)
             : absl::CivilDay(today.year(), today.month(), 1);
    const absl::CivilDay last = today > first ? today - 1 : today;
    return RelativeMatch(i, end, first, last);
  }

  // "next 5/12", "next 6th of April": a day without a year after "next"
  // is its first occurrence after publication; after "this" ("this 5/12")
  // it is of the publication year.
  std::optional<DateMatch> NextYearless(int i) const {
    const bool next = Is(i, "next");
    if ((!next && !Is(i, "this")) || i + 1 >= n_) return std::nullopt;
    std::optional<DateMatch> inner = Single(i + 1);
    if (!inner.has_value() || inner->yearless_month == 0 ||
        inner->yearless_day == 0 ||
        inner->yearless_end_month != inner->yearless_month ||
        inner->yearless_end_day != inner->yearless_day) {
      return std::nullopt;
    }
    if (!published_.has_value()) {
      return Unresolved(i, inner->end, Date::GRANULARITY_DAY);
    }
    const int month = inner->yearless_month;
    const int day = inner->yearless_day;
    absl::civil_year_t year = published_->year();
    std::optional<absl::CivilDay> date = MakeDay(year, month, day);
    while (next && year < published_->year() + 8 &&
           (!date.has_value() || *date <= *published_)) {
      date = MakeDay(++year, month, day);
    }
    if (!date.has_value()) return std::nullopt;
    DateMatch match = RelativeMatch(i, inner->end, *date, *date);
    match.date.set_relative(false);
    return match;
  }

  // A weekday before a numeric date ("Friday 7/6", "Friday 2018-7-6",
  // "Friday 7.6"): the date, which the weekday only names. A month/day
  // needs its parts touching ("7/6") or one dotted token ("7.6").
  std::optional<DateMatch> WeekdayNumeric(int i) const {
    const Word& word = words_[i];
    if (word.kind != TokenKind::kWord || i + 1 >= n_ ||
        words_[i + 1].kind != TokenKind::kNumber || !WeekdayOf(word)) {
      return std::nullopt;
    }
    const int j = i + 1;
    std::optional<DateMatch> date = Iso(j);
    if (!date.has_value()) date = Numeric(j);
    if (!date.has_value()) {
      int end = j + 1;
      int month = 0;
      int day = 0;
      const std::string& token = words_[j].folded;
      const std::vector<std::string> pieces = absl::StrSplit(token, '.');
      if (pieces.size() == 2 && IsDigits(pieces[0]) && IsDigits(pieces[1]) &&
          pieces[0].size() <= 2 && pieces[1].size() <= 2) {
        month = ParseIntOr(pieces[0], 0);
        day = ParseIntOr(pieces[1], 0);
      } else if (IsDigits(token) && token.size() <= 2 && j + 2 < n_ &&
                 Is(j + 1, "/") && Touch(j, j + 1) && Touch(j + 1, j + 2) &&
                 IsDigits(words_[j + 2].folded) &&
                 words_[j + 2].folded.size() <= 2 &&
                 !Is(j + 3, "/")) {
        month = ParseIntOr(token, 0);
        day = ParseIntOr(words_[j + 2].folded, 0);
        end = j + 3;
      } else {
        return std::nullopt;
      }
      if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
      date = DayRange(j, end, month, month, day, day, std::nullopt);
    }
    if (!date.has_value() ||
        date->date.granularity() != Date::GRANULARITY_DAY) {
      return std::nullopt;
    }
    // The weekday must be that date's: "lost 2-1 on Friday 7/6" of a year
    // where July 6 is a Thursday is no such date.
    const std::optional<DaySpan> days = DaysOf(date->date);
    if (days.has_value() && IsoWeekday(days->first) != *WeekdayOf(word)) {
      return std::nullopt;
    }
    date->begin = i;
    return date;
  }

  // A weekday and a day counted from another ("Monday two weeks from now",
  // "Thursday, two year from now", "Sunday 3 weeks after January 15th", "in
  // 3 days on Friday"): that weekday of the Sunday-to-Saturday week holding
  // the counted day.
  std::optional<DateMatch> WeekdayOffset(int i) const {
    const Word& word = words_[i];
    std::optional<DateMatch> counted;
    std::optional<int> weekday;
    int end = 0;
    if (word.kind == TokenKind::kWord && (weekday = WeekdayOf(word))) {
      const int j = Is(i + 1, ",") ? i + 2 : i + 1;
      if (j >= n_) return std::nullopt;
      const Word& next = words_[j];
      if (next.kind != TokenKind::kNumber &&
          !Lex().numbers.contains(next.folded) && !WordIs(next, "a")) {
        return std::nullopt;
      }
      counted = Ahead(j);
      if (!counted.has_value()) counted = Offset(j);
      if (!counted.has_value()) return std::nullopt;
      end = counted->end;
    } else if (WordIs(word, "in") || word.kind == TokenKind::kNumber ||
               (MayBeIn(i, kOpensCount) &&
                Lex().numbers.contains(word.folded))) {
      counted = Ahead(i);
      if (!counted.has_value() || !Is(counted->end, "on") ||
          counted->end + 1 >= n_) {
        return std::nullopt;
      }
      weekday = WeekdayOf(words_[counted->end + 1]);
      if (!weekday.has_value()) return std::nullopt;
      end = counted->end + 2;
    } else {
      return std::nullopt;
    }
    const std::optional<DaySpan> days = DaysOf(counted->date);
    if (!days.has_value()) {
      if (counted->date.start().empty()) {
        return Unresolved(i, end, Date::GRANULARITY_DAY);
      }
      return std::nullopt;
    }
    if (days->first != days->last) return std::nullopt;
    const absl::CivilDay sunday = days->first - IsoWeekday(days->first) % 7;
    const absl::CivilDay day = sunday + *weekday % 7;
    DateMatch match = *counted;
    match.begin = i;
    match.end = end;
    SetDays(day, day, &match.date);
    return match;
  }

  // "less than 3 days after tomorrow": the days from that day up to the
  // one before the counted day (May 30 to June 1 read on May 29).
  std::optional<DateMatch> LessThanOffset(int i) const {
    if (!Is(i, "less") || !Is(i + 1, "than")) return std::nullopt;
    int end = 0;
    const auto& count =
        CountAt(i + 2, &end);
    if (!count.has_value() || !Is(end, "after")) return std::nullopt;
    std::optional<DateMatch> counted = Offset(i + 2);
    if (!counted.has_value()) return std::nullopt;
    counted->begin = i;
    const std::optional<DaySpan> days = DaysOf(counted->date);
    if (!days.has_value()) return counted;
    if (days->first != days->last) return std::nullopt;
    const std::optional<absl::CivilDay> from =
        Move(days->first, -count->first, count->second);
    if (!from.has_value() || *from >= days->first) return std::nullopt;
    SetDays(*from, days->first - 1, &counted->date);
    return counted;
  }

  // "in two years since 2011", "in two weeks since the year 2011": the
  // first day of the date after "since", moved by the count.
  std::optional<DateMatch> InCountSince(int i) const {
    if (!Is(i, "in")) return std::nullopt;
    int end = 0;
    const auto& count =
        CountAt(i + 1, &end);
    if (!count.has_value() || !Is(end, "since") || end + 1 >= n_) {
      return std::nullopt;
    }
    int j = end + 1;
    if (Is(j, "the") && Is(j + 1, "year")) j += 2;
    if (j >= n_) return std::nullopt;
    std::optional<DateMatch> target = Single(j);
    if (!target.has_value()) return std::nullopt;
    const std::optional<DaySpan> days = DaysOf(target->date);
    if (!days.has_value()) return std::nullopt;
    const std::optional<absl::CivilDay> day =
        Move(days->first, count->first, count->second);
    if (!day.has_value()) return std::nullopt;
    DateMatch match = *target;
    match.begin = i;
    SetDays(*day, *day, &match.date);
    return match;
  }

  // "EOY", "EOM" (capitalized): the end of the year (month) holding
  // publication, as "end of this year" ("end of this month").
  std::optional<DateMatch> EndOfAbbreviation(int i) const {
    const Word& word = words_[i];
    if (word.kind != TokenKind::kWord || !word.capitalized ||
        word.folded.size() != 3 || word.folded[0] != 'e' ||
        (!WordIs(word, "eoy") && !WordIs(word, "eom"))) {
      return std::nullopt;
    }
    const bool year = WordIs(word, "eoy");
    if (!published_.has_value()) {
      return Unresolved(i, i + 1, Date::GRANULARITY_DAY);
    }
    const absl::CivilDay today = *published_;
    DaySpan days;
    days.first = year ? absl::CivilDay(today.year(), 1, 1)
                      : absl::CivilDay(today.year(), today.month(), 1);
    days.last = year ? absl::CivilDay(today.year(), 12, 31)
                     : absl::CivilDay(absl::CivilMonth(today) + 1) - 1;
    const DaySpan part =
        PartOf(days, year ? Date::GRANULARITY_YEAR : Date::GRANULARITY_MONTH,
               Part::kEnd, false);
    DateMatch match = RelativeMatch(i, i + 1, part.first, part.last);
    if (year) {
      SetMonths(absl::CivilMonth(part.first), absl::CivilMonth(part.last),
                &match.date);
    }
    return match;
  }

  // "4 weeks in the future" (the days after publication, as "the next 4
  // weeks"), "3 days in the past" (the days before it, as "the past 3
  // days").
  std::optional<DateMatch> CountInThe(int i) const {
    const Word& word = words_[i];
    if (word.kind != TokenKind::kNumber &&
        !Lex().numbers.contains(word.folded) && !WordIs(word, "a")) {
      return std::nullopt;
    }
    int end = 0;
    const auto& count = CountAt(i, &end);
    if (!count.has_value() || !Is(end, "in") || !Is(end + 1, "the")) {
      return std::nullopt;
    }
    const bool future = Is(end + 2, "future");
    if (!future && !Is(end + 2, "past")) return std::nullopt;
    end += 3;
    // It must end the clause: "10 years in the past week" is a count and a
    // date of its own.
    if (end < n_ && words_[end].kind != TokenKind::kPunct) return std::nullopt;
    if (!published_.has_value()) {
      return Unresolved(i, end, Date::GRANULARITY_DAY);
    }
    const absl::CivilDay today = *published_;
    const std::optional<absl::CivilDay> other =
        Move(today, future ? count->first : -count->first, count->second);
    if (!other.has_value() || *other == today) return std::nullopt;
    return future ? RelativeMatch(i, end, today + 1, *other)
                  : RelativeMatch(i, end, *other, today - 1);
  }

  // "this working week", "next workweek", "last work week": Monday to
  // Friday of that week.
  std::optional<DateMatch> WorkWeek(int i) const {
    const Word& word = words_[i];
    if (word.kind != TokenKind::kWord || i + 1 >= n_) return std::nullopt;
    int shift = 0;
    if (WordIs(word, "next")) {
      shift = 1;
    } else if (WordIs(word, "last") || WordIs(word, "previous")) {
      shift = -1;
    } else if (!WordIs(word, "this")) {
      return std::nullopt;
    }
    int end = 0;
    if (Is(i + 1, "workweek")) {
      end = i + 2;
    } else if ((Is(i + 1, "working") || Is(i + 1, "work")) &&
               Is(i + 2, "week")) {
      end = i + 3;
    } else {
      return std::nullopt;
    }
    if (!published_.has_value()) {
      return Unresolved(i, end, Date::GRANULARITY_DAY);
    }
    const absl::CivilDay monday =
        *published_ - (IsoWeekday(*published_) - 1) + 7 * shift;
    return RelativeMatch(i, end, monday, monday + 4);
  }

  // "three days later", "a week earlier": counted from the date before it
  // in the sentence ("arrested on June 5 and freed three days later"); not
  // a date when there is none or it is not a single day.
  std::optional<DateMatch> Later(int i) const {
    if (previous_ == nullptr) return std::nullopt;
    int end = 0;
    const std::vector<std::pair<int, std::string>> counts = CountsAt(i, &end);
    if (counts.empty() || end >= n_) return std::nullopt;
    auto later = Lex().laters.find(words_[end].folded);
    if (later == Lex().laters.end()) return std::nullopt;
    const std::optional<DaySpan> days = DaysOf(*previous_);
    if (!days.has_value()) return std::nullopt;
    // Only a single day counts: "last month and 3 weeks later" is vague.
    if (previous_->granularity() != Date::GRANULARITY_DAY ||
        days->first != days->last) {
      return std::nullopt;
    }
    Date::Granularity granularity = Date::GRANULARITY_DAY;
    for (const auto& count : counts) {
      granularity = std::max(granularity, UnitGranularity(count.second));
    }
    std::optional<absl::CivilDay> day = days->first;
    for (const auto& count : counts) {
      day = Move(*day, later->second * count.first, count.second);
      if (!day.has_value()) return std::nullopt;
    }
    DateMatch match{i, end + 1};
    match.needs_anchor = !previous_->anchor().empty();
    match.date.set_relative(true);
    SetSpan(*day, *day, granularity, &match.date);
    return match;
  }

  const std::vector<Word>& words_;
  const std::vector<uint32_t>& bits_;
  const int n_;
  const std::optional<absl::CivilDay> published_;
  const Date* previous_ = nullptr;
  // LastFor, once known.
  static constexpr int kUnknown = -2;
  mutable int last_for_ = kUnknown;
  // Memos of OrdinalAt and CountAt by token.
  ParserMemos& memos_;
  bool gates_ = true;
  bool audit_ = false;
  mutable std::vector<std::string> violations_;
  // How many Single calls are under way (Single).
  static constexpr int kMaxNesting = 4;
  mutable int nesting_ = 0;
  // Set while ParseAt reads the second end of a range.
  mutable bool second_end_ = false;
};

// Appends the claim of `match` to `claims`, built in place, and returns
// it. The claim takes the match's date, with the event it dates
// (FindDateEvent); the rest of `match` stays.
// `*published_day` is the FormatDay of doc.published once a claim of `doc`
// has needed it as its anchor, empty before: formatted once per Document.
Claim& AddClaim(const Document& doc, const segment::Sentence& sentence,
                const std::vector<Word>& words, DateMatch* match,
                std::string* published_day, std::vector<Claim>* claims) {
  const size_t begin = words[match->begin].begin;
  const size_t end =
      words[match->end - 1].end - words[match->end - 1].possessive_bytes;
  Claim& claim = claims->emplace_back();
  FillMentionClaim(doc, sentence, words, Claim::KIND_DATE, begin, end, &claim);
  Date* const date = claim.mutable_date();
  match->date.CopyTo(date);
  if (match->needs_anchor && doc.published.has_value() &&
      !match->date.start().empty()) {
    if (published_day->empty()) *published_day = FormatDay(*doc.published);
    date->set_anchor(*published_day);
  }
  const absl::string_view event =
      FindDateEvent(words, match->begin, match->end);
  if (!event.empty()) date->set_event(std::string(event));
  return claim;
}

// The note on a date left unresolved: a warning when the article has no
// publication date; for information when `reason` (DateMatch::
// unresolved_reason) says why the known one does not help.
Note UnresolvedNote(const Document& doc, const Claim& claim,
                    absl::string_view reason) {
  Note note;
  note.set_severity(reason.empty() ? Note::SEVERITY_WARNING
                                   : Note::SEVERITY_INFO);
  note.set_article_id(std::string(doc.id));
  *note.mutable_span() = claim.span();
  note.set_code("unresolved-date");
  note.set_message(absl::StrCat(
      "cannot resolve \"", claim.text(),
      "\": ", reason.empty() ? "the article has no publication date" : reason));
  return note;
}

// How many tokens a date may start before its first anchor (kAnchor):
// "within the next 10 months", "earlier this month". A date opened by a
// part or rest phrase may start further back: "the end of the rest of the
// current year" (kMaxPhraseLead: the longest such phrases, "the", and the
// lead of the date inside). Dates are only tried within these distances
// of an anchor, which leaves most tokens of a sentence untried.
constexpr int kMaxDateLead = 4;
constexpr int kMaxPhraseLead = 10;

// Whether a date of kMaxPhraseLead can start at a token of DateBitsOf
// `bits`: "the", or the first word of a part or rest phrase ("end",
// "early", "rest").
bool OpensLongDate(uint32_t bits) {
  return (bits & (kOpensThe | kOpensPart | kOpensRest)) != 0;
}

}  // namespace

namespace {

// Whether `word` is a short plain token (internal::kShortPlainWord): a
// word, or a punctuation token whose first byte is ASCII, of 1 to 7 bytes
// without a digit or hyphen (Word::shape).
inline bool IsShortPlainToken(const Word& word) {
  if (word.folded.size() - 1 >= 7 ||
      (word.shape & (internal::kHasDigit | internal::kHasHyphen)) != 0) {
    return false;
  }
  return word.kind == TokenKind::kWord ||
         (word.kind == TokenKind::kPunct &&
          static_cast<unsigned char>(word.folded[0]) < 0x80);
}

// The DateBitsOf (low 32 bits) and the ScanClassRecord (the 16 bits above)
// of a token for which IsPlainWord does not hold and that is not
// punctuation of one byte. Out of line, so that ReadDateBits keeps its
// values in registers.
ABSL_ATTRIBUTE_NOINLINE uint64_t OtherTokenFacts(const Word& word,
                                                 const DateWords& date_words) {
  const uint32_t bits =
      word.kind == TokenKind::kWord || word.kind == TokenKind::kNumber
          ? OtherDateBitsOf(word, date_words)
          : kOpensOther;
  uint16_t record = date_words.FigureClasses(word.folded);
  if (IsShortPlainToken(word)) record |= internal::kShortPlainWord;
  return bits | uint64_t{record} << 32;
}

// Sets bits[k] to DateBitsOf(words[k]), records[k] to the ScanClassRecord
// of words[k] (internal::kShortPlainWord, and DateWords::FigureClasses of
// its folded form, possessive ending included) and next_anchor[k] to the
// first k' >= k whose bits hold kAnchor (n when none) for each k in
// [0, n), and next_anchor[n] to n; `*possessive` to whether a word has a
// possessive ending. A plain word is looked up once for both. Returns
// whether a word is an anchor. Out of line, so that its loop keeps its
// values in registers. `date_words` is DateWordsOfLexicons().
ABSL_ATTRIBUTE_NOINLINE bool ReadDateBits(const Word* words, int n,
                                          const DateWords& date_words,
                                          uint32_t* bits, uint16_t* records,
                                          int* next_anchor, bool* possessive) {
  int anchor = n;
  *possessive = false;
  next_anchor[n] = n;
  for (int k = n - 1; k >= 0; --k) {
    // DateBitsOf, with the possessive endings noted on the way.
    const Word& word = words[k];
    uint32_t word_bits = kOpensOther;
    uint16_t record;
    if (IsPlainWord(word)) {
      // PlainWordBits, with the figure classes of the same slot.
      const char* const data = word.folded.data();
      const size_t size = word.folded.size();
      record = size < 8 ? internal::kShortPlainWord : 0;
      if (date_words.MayFindPacked(data, size)) {
        const DateWords::PackedSlot& slot = date_words.FindPackedSlot(
            DateWords::Pack(absl::string_view(data, size)), size);
        word_bits = slot.token_bits[word.capitalized ? 1 : 0];
        record |= slot.figure;
      }
    } else if (word.kind == TokenKind::kPunct && word.folded.size() == 1) {
      record = date_words.OneBytePunctRecord(word.folded[0]);
    } else {
      if (word.possessive_bytes > 0) *possessive = true;
      const uint64_t facts = OtherTokenFacts(word, date_words);
      word_bits = static_cast<uint32_t>(facts);
      record = static_cast<uint16_t>(facts >> 32);
    }
    bits[k] = word_bits;
    records[k] = record;
    if ((word_bits & kAnchor) != 0) anchor = k;
    next_anchor[k] = anchor;
  }
  return anchor != n;
}

// How ScanDates tries dates.
enum class ScanMode {
  kFiltered,    // near anchors, parsers gated by the token (FindDates)
  kEveryToken,  // every parser at every token
  kAuditGates,  // at every token, noting dates a gate would have missed
};

void ScanDates(const Document& doc, ScanMode mode, std::vector<Claim>* claims,
               std::vector<Note>* notes,
               std::vector<std::string>* violations = nullptr) {
  const bool every_token = mode != ScanMode::kFiltered;
  // Per sentence, reused from one sentence and one article to the next:
  // the DateBitsOf of each word, next_anchor[i] (the first anchor at or
  // after i, n when none), the words without possessives, the parser's
  // memos.
  struct Buffers {
    std::vector<uint32_t> bits;
    std::vector<int> next_anchor;
    std::vector<Word> stripped;
    ParserMemos memos;
  };
  thread_local Buffers buffers;
  // A very long sentence does not keep its buffers for the articles after.
  struct Release {
    Buffers* buffers;
    ~Release() {
      constexpr size_t kMaxKeptWords = 1 << 14;
      if (buffers->bits.size() > kMaxKeptWords) *buffers = Buffers();
    }
  };
  const Release release{&buffers};
  std::vector<uint32_t>& bits = buffers.bits;
  std::vector<int>& next_anchor = buffers.next_anchor;
  std::vector<Word>& stripped = buffers.stripped;
  ParserMemos& memos = buffers.memos;
  const DateWords& date_words = DateWordsOfLexicons();
  // Hands the figure classes read with the date bits on to the figure scan.
  internal::ScanClassWriter class_writer(doc);
  std::string published_day;  // AddClaim's
  for (size_t s = 0; s < doc.seg.sentences.size(); ++s) {
    const segment::Sentence& sentence = doc.seg.sentences[s];
    const std::vector<Word>* sentence_words = &doc.sentence_words[s];
    const int n = static_cast<int>(sentence_words->size());
    // Grown only, never shrunk: entries from 0 to n - 1 are set by the
    // loop, and those past n are not read.
    if (next_anchor.size() < static_cast<size_t>(n) + 1) {
      bits.resize(n + 1);
      next_anchor.resize(n + 1);
    }
    bool possessive = false;
    const bool anchored = ReadDateBits(
        sentence_words->data(), n, date_words, bits.data(),
        class_writer.Sentence(s), next_anchor.data(), &possessive);
    if (!every_token && !anchored) continue;  // no date here
    // The parsers read words without a possessive "'s" ("Monday's").
    if (possessive) {
      StripPossessives(*sentence_words, &stripped);
      sentence_words = &stripped;
    }
    const std::vector<Word>& words = *sentence_words;
    DateParser parser(words, bits, doc.published, &memos);
    if (mode == ScanMode::kEveryToken) parser.SetGates(false);
    if (mode == ScanMode::kAuditGates) parser.AuditGates();
    int i = 0;
    while (i < n) {
      if (!every_token) {
        if (next_anchor[i] == n) break;  // every date holds an anchor
        const int lead = next_anchor[i] - i;
        if (lead > kMaxPhraseLead) {
          i = next_anchor[i] - kMaxPhraseLead;  // no date can start before
          continue;
        }
        if (lead > kMaxDateLead && !OpensLongDate(bits[i])) {
          ++i;
          continue;
        }
        // No pattern starts at a word of no date lexicon; a range may start
        // at "now" (ParseAt).
        if ((bits[i] & ~(kAnchor | kOpensOther)) == 0 &&
            !WordIs(words[i], "now")) {
          ++i;
          continue;
        }
        // Nor at "in" before a token no pattern reads after it ("in
        // Lagos").
        if ((bits[i] & ~kAnchor) == kOpensIn && i + 1 < n &&
            DateParser::NothingAfterIn(bits[i + 1])) {
          ++i;
          continue;
        }
      }
      std::optional<DateMatch> match = parser.ParseAt(i);
      if (!match.has_value()) {
        ++i;
        continue;
      }
      i = match->end;
      const Claim& claim =
          AddClaim(doc, sentence, words, &*match, &published_day, claims);
      if (claim.date().start().empty()) {
        notes->push_back(UnresolvedNote(doc, claim, match->unresolved_reason));
      }
      parser.SetPrevious(&claim.date());
    }
    if (violations != nullptr) {
      for (const std::string& violation : parser.Violations()) {
        violations->push_back(
            absl::StrCat("sentence ", s + 1, ": ", violation));
      }
    }
  }
}

}  // namespace

void FindDates(const Document& doc, std::vector<Claim>* claims,
               std::vector<Note>* notes) {
  ScanDates(doc, ScanMode::kFiltered, claims, notes);
}

namespace internal {

void FindDatesAtEveryToken(const Document& doc, std::vector<Claim>* claims,
                           std::vector<Note>* notes) {
  ScanDates(doc, ScanMode::kEveryToken, claims, notes);
}

std::vector<std::string> DateGateViolations(const Document& doc) {
  std::vector<Claim> claims;
  std::vector<Note> notes;
  std::vector<std::string> violations;
  ScanDates(doc, ScanMode::kAuditGates, &claims, &notes, &violations);
  return violations;
}

}  // namespace internal

}  // namespace crosscheck::extract
