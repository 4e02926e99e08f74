#include "src/extract/dates.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "src/extract/context.h"
#include "src/extract/lexicon.h"
#include "src/extract/words.h"
#include "src/segment/segment.h"

namespace crosscheck::extract {
namespace {

using crosscheck::v1::Claim;
using crosscheck::v1::Date;
using crosscheck::v1::Note;
using internal::Word;
using segment::TokenKind;

// The number of keywords kept per date.
constexpr int kKeywordLimit = 8;
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
// Words of a sentence: internal::Words with a possessive "'s" dropped from
// `folded`; `possessive_bytes` keeps how many bytes it took in the text
// ("’s" 4, "'s" and "'S" 2), which the span leaves out.

std::vector<Word> WithoutPossessives(const std::vector<Word>& sentence_words) {
  std::vector<Word> words = sentence_words;
  for (Word& word : words) {
    if (word.possessive_bytes > 0) {
      word.folded.resize(word.folded.size() - 2);  // "'s"
    }
  }
  return words;
}

// ---------------------------------------------------------------------------
// Lexicons.

struct MonthName {
  int month = 0;
  bool abbreviation = false;
};

enum class Part { kNone, kBefore, kAfter, kAny };
enum class Period { kWeek, kWeekend, kMonth, kYear };
enum class Tense { kUnknown, kPast, kFuture };

struct DayPhrase {
  std::vector<std::string> words;
  int offset = 0;
};

struct Lexicons {
  absl::flat_hash_map<std::string, MonthName> months;
  absl::flat_hash_map<std::string, int> weekdays;  // ISO: 1 = Monday
  absl::flat_hash_map<std::string, int> numbers;   // cardinal number words
  absl::flat_hash_map<std::string, std::string> time_units;
  // Relative day phrases ("yesterday", "last night"), by first word,
  // longest first.
  absl::flat_hash_map<std::string, std::vector<DayPhrase>> day_phrases;
  absl::flat_hash_map<std::string, int> shifts;  // "last" -1, "next" 1
  absl::flat_hash_map<std::string, Part> parts;
  absl::flat_hash_map<std::string, Period> periods;
  absl::flat_hash_set<std::string> ago;
  absl::flat_hash_set<std::string> cues;
  absl::flat_hash_map<std::string, Tense> tense_words;
  absl::flat_hash_set<std::string> past_forms;   // irregular past forms
  absl::flat_hash_set<std::string> event_verbs;  // verbs.tsv event lemmas
};

int ParseIntOr(absl::string_view text, int fallback) {
  int value = 0;
  return absl::SimpleAtoi(text, &value) ? value : fallback;
}

void AddDateWord(const std::vector<std::string>& row, Lexicons* lex) {
  const std::string& phrase = row[0];
  const std::string& role = row[1];
  const std::string& argument = row[2];
  if (role == "day") {
    DayPhrase day;
    day.words = absl::StrSplit(phrase, ' ', absl::SkipEmpty());
    day.offset = ParseIntOr(argument, 0);
    auto& bucket = lex->day_phrases[day.words[0]];
    bucket.push_back(std::move(day));
    std::stable_sort(bucket.begin(), bucket.end(),
                     [](const DayPhrase& a, const DayPhrase& b) {
                       return a.words.size() > b.words.size();
                     });
  } else if (role == "shift") {
    lex->shifts[phrase] = ParseIntOr(argument, 0);
  } else if (role == "part") {
    lex->parts[phrase] = argument == "before"  ? Part::kBefore
                         : argument == "after" ? Part::kAfter
                                               : Part::kAny;
  } else if (role == "period") {
    lex->periods[phrase] = argument == "week"      ? Period::kWeek
                           : argument == "weekend" ? Period::kWeekend
                           : argument == "month"   ? Period::kMonth
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
  }
  for (const auto& row : ReadTsv("time_units.tsv")) {
    if (row.size() >= 2) lex->time_units[row[0]] = row[1];
  }
  for (const auto& row : ReadTsv("date_words.tsv")) {
    if (row.size() >= 3 && !row[0].empty()) AddDateWord(row, lex);
  }
  for (const auto& row : ReadTsv("irregular_words.tsv")) {
    if (row.size() >= 3 && row[2] == "past") lex->past_forms.insert(row[0]);
  }
  for (const auto& row : ReadTsv("verbs.tsv")) {
    if (row.size() >= 2 && row[1] == "event") lex->event_verbs.insert(row[0]);
  }
  return lex;
}

const Lexicons& Lex() {
  static const Lexicons* const kLexicons = LoadLexicons();
  return *kLexicons;
}

// ---------------------------------------------------------------------------
// What a date expression resolves to.

// A parsed date before formatting. Absolute dates carry their own year;
// `inferred` ones take it from the publication date; relative ones are
// computed from it.
struct DateMatch {
  int begin = 0;  // tokens [begin, end) of the mention
  int end = 0;
  Date date;
  // Resolution needed the publication date (relative, or year inferred).
  bool needs_anchor = false;
  // Why a date left unresolved (empty `start`) could not be resolved
  // although the publication date is known; empty otherwise.
  std::string unresolved_reason;
};

std::string FormatDay(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}
std::string FormatMonth(absl::CivilMonth month) {
  return absl::StrFormat("%04d-%02d", month.year(), month.month());
}
std::string FormatYear(absl::civil_year_t year) {
  return absl::StrFormat("%04d", year);
}

void SetDays(absl::CivilDay start, absl::CivilDay end, Date* date) {
  date->set_start(FormatDay(start));
  date->set_end(FormatDay(end));
  date->set_granularity(Date::GRANULARITY_DAY);
}
void SetMonths(absl::CivilMonth start, absl::CivilMonth end, Date* date) {
  date->set_start(FormatMonth(start));
  date->set_end(FormatMonth(end));
  date->set_granularity(Date::GRANULARITY_MONTH);
}
void SetYears(absl::civil_year_t start, absl::civil_year_t end, Date* date) {
  date->set_start(FormatYear(start));
  date->set_end(FormatYear(end));
  date->set_granularity(Date::GRANULARITY_YEAR);
}

// A real calendar day (no "June 31").
std::optional<absl::CivilDay> MakeDay(int64_t year, int month, int day) {
  const absl::CivilDay result(year, month, day);
  if (result.year() != year || result.month() != month || result.day() != day) {
    return std::nullopt;
  }
  return result;
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

bool IsRangeSeparator(const Word& word, bool after_between) {
  if (after_between) return word.folded == "and";
  return word.folded == "-" || word.folded == "to" ||
         word.folded == "through" || word.folded == "until";
}

// A regular plural noun ("2000 delegates"); not "was" or "news".
bool IsPlural(const Word& word) {
  if (word.kind != TokenKind::kWord || word.capitalized ||
      !absl::EndsWith(word.folded, "s")) {
    return false;
  }
  const std::string lemma = Lemma(word.folded);
  return lemma != word.folded &&
         (word.folded == lemma + "s" || word.folded == lemma + "es" ||
          (absl::EndsWith(lemma, "y") &&
           word.folded == lemma.substr(0, lemma.size() - 1) + "ies"));
}

Date::Granularity PeriodGranularity(Period period) {
  switch (period) {
    case Period::kMonth:
      return Date::GRANULARITY_MONTH;
    case Period::kYear:
      return Date::GRANULARITY_YEAR;
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
  if (auto it = lex.tense_words.find(word.folded);
      it != lex.tense_words.end()) {
    return it->second;
  }
  if (lex.past_forms.contains(word.folded) ||
      (word.folded.size() > 4 && absl::EndsWith(word.folded, "ed"))) {
    // In a passive ("will be held", "was signed") the auxiliary before the
    // participle carries the tense.
    const bool passive = k > 0 && (words[k - 1].folded == "be" ||
                                   words[k - 1].folded == "been" ||
                                   words[k - 1].folded == "being");
    return passive ? Tense::kUnknown : Tense::kPast;
  }
  // A present-tense event verb ("the visit ends on Thursday") states a
  // schedule; "the talks" (after an article) is a noun.
  if (word.folded.size() > 3 && absl::EndsWith(word.folded, "s") &&
      !word.capitalized && lex.event_verbs.contains(Lemma(word.folded))) {
    const bool after_article =
        k > 0 && (words[k - 1].folded == "the" || words[k - 1].folded == "a" ||
                  words[k - 1].folded == "an");
    if (!after_article) return Tense::kFuture;
  }
  return Tense::kUnknown;
}

Tense NearestTense(const std::vector<Word>& words, int begin, int end) {
  Tense best = Tense::kUnknown;
  int best_distance = 0;
  const int first = std::max(0, begin - kTenseWindow);
  const int last = std::min(static_cast<int>(words.size()), end + kTenseWindow);
  for (int k = first; k < last; ++k) {
    if (k >= begin && k < end) continue;
    const Tense tense = TenseOf(words, k);
    if (tense == Tense::kUnknown) continue;
    const int distance = k < begin ? begin - k : k - end + 1;
    if (best == Tense::kUnknown || distance < best_distance) {
      best = tense;
      best_distance = distance;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------
// Parsers. Each tries to read a date starting at words[i]; `published` is
// the publication date when known. A parser that needs the publication date
// but has none still returns the match, with an empty start.

class DateParser {
 public:
  DateParser(const std::vector<Word>& words,
             std::optional<absl::CivilDay> published)
      : words_(words),
        n_(static_cast<int>(words.size())),
        published_(published) {}

  std::optional<DateMatch> ParseAt(int i) const {
    for (auto parse :
         {&DateParser::Iso, &DateParser::WeekdayDate, &DateParser::MonthFirst,
          &DateParser::DayFirst, &DateParser::MidToken, &DateParser::Year,
          &DateParser::RelativeDay, &DateParser::Shifted, &DateParser::Ago}) {
      if (std::optional<DateMatch> match = (this->*parse)(i)) return match;
    }
    return std::nullopt;
  }

 private:
  bool Is(int i, absl::string_view folded) const {
    return i >= 0 && i < n_ && words_[i].folded == folded;
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

  // Reads an optional ", 2024" or " 2024" at words[*k].
  std::optional<int> TrailingYear(int* k) const {
    int j = *k;
    if (Is(j, ",")) ++j;
    if (j >= n_) return std::nullopt;
    const std::optional<int> year = YearOf(words_[j]);
    if (!year.has_value()) return std::nullopt;
    *k = j + 1;
    return year;
  }

  // Fills a day range of `month`, with `year` or an inferred one.
  std::optional<DateMatch> DayRange(int begin, int end, int month,
                                    int end_month, int first_day, int last_day,
                                    std::optional<int> year) const {
    DateMatch match{begin, end};
    if (!year.has_value()) {
      match.needs_anchor = true;
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
    if (k < n_ && words_[k].kind == TokenKind::kNumber) {
      if (std::optional<int> year = YearOf(words_[k])) {
        DateMatch match{i, k + 1};  // "Sept. 2021"
        const absl::CivilMonth civil(*year, month->month);
        SetMonths(civil, civil, &match.date);
        return match;
      }
      return MonthDays(i, k, month->month);
    }
    // A bare month name needs a cue ("in May"); abbreviations never stand
    // alone.
    if (month->abbreviation || !AfterCue(i)) return std::nullopt;
    DateMatch match{i, i + 1};
    const std::optional<absl::civil_year_t> year =
        InferYear(month->month, i, i + 1);
    match.needs_anchor = true;
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
    const size_t hyphen = token.find('-');
    if (hyphen != std::string::npos) {
      const std::optional<int> a = DayOf(token.substr(0, hyphen));
      const std::optional<int> b = DayOf(token.substr(hyphen + 1));
      if (!a.has_value() || !b.has_value()) return std::nullopt;
      first_day = *a;
      last_day = *b;
      ++k;
    } else {
      const std::optional<int> a = DayOf(words_[k]);
      if (!a.has_value()) return std::nullopt;
      first_day = last_day = *a;
      ++k;
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

  // "5 June 2024", "5th of June", "5-7 June", "5 to 7 June 2024".
  std::optional<DateMatch> DayFirst(int i) const {
    const Word& word = words_[i];
    if (word.kind != TokenKind::kNumber) return std::nullopt;
    int first_day = 0;
    int last_day = 0;
    int k = i + 1;
    const size_t hyphen = word.folded.find('-');
    if (hyphen != std::string::npos) {
      const std::optional<int> a = DayOf(word.folded.substr(0, hyphen));
      const std::optional<int> b = DayOf(word.folded.substr(hyphen + 1));
      if (!a.has_value() || !b.has_value()) return std::nullopt;
      first_day = *a;
      last_day = *b;
    } else {
      const std::optional<int> a = DayOf(word);
      if (!a.has_value()) return std::nullopt;
      first_day = last_day = *a;
      if (k + 1 < n_ && IsRangeSeparator(words_[k], AfterBetween(i))) {
        if (std::optional<int> b = DayOf(words_[k + 1])) {
          last_day = *b;
          k += 2;
        }
      }
    }
    if (Is(k, "of")) ++k;
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
      SetYears(year, year, &match.date);
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
    } else {
      match.date.set_granularity(Date::GRANULARITY_MONTH);
    }
    return match;
  }

  // "2016", "1990s", "2016-18", "2016 to 2018", "between 2016 and 2018".
  std::optional<DateMatch> Year(int i) const {
    const Word& word = words_[i];
    if (word.kind != TokenKind::kNumber) return std::nullopt;
    // Money, percentages and counts are figures: "$2016", "2000 delegates".
    if (Is(i - 1, "$") || Is(i - 1, "€") || Is(i - 1, "£") || Is(i + 1, "%")) {
      return std::nullopt;
    }
    if (i + 1 < n_ && IsPlural(words_[i + 1])) return std::nullopt;
    const std::string& token = word.folded;
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
    // "2016-18", "2016-2018".
    const size_t hyphen = token.find('-');
    if (hyphen == 4 && IsDigits(token.substr(0, 4)) &&
        IsDigits(token.substr(5)) && (token.size() == 7 || token.size() == 9)) {
      const int first = ParseIntOr(token.substr(0, 4), 0);
      int last = ParseIntOr(token.substr(5), 0);
      if (token.size() == 7) last += first / 100 * 100;
      if (first < kMinYear || last <= first || last > kMaxYear) {
        return std::nullopt;
      }
      SetYears(first, last, &match.date);
      return match;
    }
    const std::optional<int> year = YearOf(word);
    if (!year.has_value()) return std::nullopt;
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
    const std::optional<int> weekday = WeekdayOf(words_[i]);
    if (!weekday.has_value()) return std::nullopt;
    if (Is(i - 1, "every")) return std::nullopt;  // a recurring day
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
    }
    if (!published_.has_value())
      return Unresolved(i, i + 1, Date::GRANULARITY_DAY);
    const Tense tense = NearestTense(words_, i, i + 1);
    const int today = IsoWeekday(*published_);
    const absl::CivilDay day = tense == Tense::kFuture
                                   ? *published_ + (*weekday - today + 7) % 7
                                   : *published_ - (today - *weekday + 7) % 7;
    DateMatch match{i, i + 1};
    match.needs_anchor = true;
    match.date.set_relative(true);
    SetDays(day, day, &match.date);
    return match;
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
    auto shift_it = lex.shifts.find(words_[k].folded);
    if (shift_it == lex.shifts.end()) return std::nullopt;
    int shift = shift_it->second;
    ++k;
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
      if (!published_.has_value()) {
        return Unresolved(i, k + 1, PeriodGranularity(period->second));
      }
      if (std::optional<std::string> why =
              EmptyPartOfWeek(period->second, shift, part)) {
        DateMatch unresolved =
            Unresolved(i, k + 1, PeriodGranularity(period->second));
        unresolved.unresolved_reason = *std::move(why);
        return unresolved;
      }
      ResolvePeriod(period->second, shift, part, &match.date);
      return match;
    }
    if (std::optional<MonthName> month = MonthOf(unit)) {
      if (month->abbreviation) return std::nullopt;
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

  // Why "earlier this week" or "later this week" names no day: published
  // on a Monday, no day of the week comes before publication; on a Sunday,
  // none comes after it. nullopt for any other period or day.
  std::optional<std::string> EmptyPartOfWeek(Period period, int shift,
                                             Part part) const {
    if (period != Period::kWeek || shift != 0) return std::nullopt;
    const int today = IsoWeekday(*published_);
    if (part == Part::kBefore && today == 1) {
      return "the article was published on a Monday, so no day of its week "
             "comes before publication";
    }
    if (part == Part::kAfter && today == 7) {
      return "the article was published on a Sunday, so no day of its week "
             "comes after publication";
    }
    return std::nullopt;
  }

  // Weeks run Monday to Sunday; "earlier this week" ends the day before
  // publication, "later this week" starts the day after (EmptyPartOfWeek
  // rules out the days when there is no such day in the week).
  void ResolvePeriod(Period period, int shift, Part part, Date* date) const {
    const absl::CivilDay today = *published_;
    switch (period) {
      case Period::kWeek: {
        const absl::CivilDay monday =
            today - (IsoWeekday(today) - 1) + 7 * shift;
        absl::CivilDay first = monday;
        absl::CivilDay last = monday + 6;
        if (shift == 0 && part == Part::kBefore) {
          last = today - 1;
        } else if (shift == 0 && part == Part::kAfter) {
          first = today + 1;
        }
        SetDays(first, last, date);
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
      case Period::kYear: {
        const absl::civil_year_t year = today.year() + shift;
        SetYears(year, year, date);
        return;
      }
    }
  }

  // "two years ago", "a week ago", "10 days ago", "48 hours ago" (two days
  // before publication). Not a date when the count is above kMaxAgoCount
  // or the date would fall before the year 1.
  std::optional<DateMatch> Ago(int i) const {
    const Lexicons& lex = Lex();
    const Word& word = words_[i];
    int count = 0;
    if (word.folded == "a" || word.folded == "an") {
      count = 1;
    } else if (word.kind == TokenKind::kNumber && IsDigits(word.folded)) {
      count = ParseIntOr(word.folded, 0);
    } else if (auto it = lex.numbers.find(word.folded);
               it != lex.numbers.end()) {
      count = it->second;
    }
    if (count <= 0 || count > kMaxAgoCount || i + 2 >= n_) return std::nullopt;
    auto unit = lex.time_units.find(words_[i + 1].folded);
    if (unit == lex.time_units.end() ||
        !lex.ago.contains(words_[i + 2].folded)) {
      return std::nullopt;
    }
    const std::string& name = unit->second;
    const bool years = name == "year" || name == "decade" || name == "century";
    if (!published_.has_value()) {
      return Unresolved(i, i + 3,
                        years             ? Date::GRANULARITY_YEAR
                        : name == "month" ? Date::GRANULARITY_MONTH
                                          : Date::GRANULARITY_DAY);
    }
    DateMatch match{i, i + 3};
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

  const std::vector<Word>& words_;
  const int n_;
  const std::optional<absl::CivilDay> published_;
};

Claim MakeClaim(const Document& doc, const segment::Sentence& sentence,
                const std::vector<Word>& words, DateMatch match) {
  Claim claim;
  claim.set_kind(Claim::KIND_DATE);
  const size_t begin = words[match.begin].begin;
  const size_t end =
      words[match.end - 1].end - words[match.end - 1].possessive_bytes;
  claim.mutable_span()->set_begin(begin);
  claim.mutable_span()->set_end(end);
  claim.mutable_sentence()->set_begin(sentence.begin);
  claim.mutable_sentence()->set_end(sentence.end);
  claim.set_text(std::string(doc.Slice(begin, end)));
  if (match.needs_anchor && doc.published.has_value() &&
      !match.date.start().empty()) {
    match.date.set_anchor(FormatDay(*doc.published));
  }
  *claim.mutable_date() = std::move(match.date);
  const segment::Range mention{begin, end};
  claim.set_predicate(FindPredicate(words, sentence, mention));
  for (std::string& keyword :
       FindKeywords(words, sentence, mention, kKeywordLimit)) {
    claim.add_keywords(std::move(keyword));
  }
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

// Whether a date can stand in the sentence: every date has a number token,
// or a month, weekday, relative day ("yesterday"), period ("week") or time
// unit ("years ago") word.
bool MayHoldDate(const std::vector<Word>& words) {
  const Lexicons& lex = Lex();
  for (const Word& word : words) {
    if (word.kind == TokenKind::kNumber) return true;
    if (word.kind != TokenKind::kWord) continue;
    absl::string_view folded = word.folded;
    if (word.possessive_bytes > 0) folded.remove_suffix(2);
    if (lex.months.contains(folded) || lex.weekdays.contains(folded) ||
        lex.day_phrases.contains(folded) || lex.periods.contains(folded) ||
        lex.time_units.contains(folded)) {
      return true;
    }
  }
  return false;
}

}  // namespace

void FindDates(const Document& doc, std::vector<Claim>* claims,
               std::vector<Note>* notes) {
  for (size_t s = 0; s < doc.seg.sentences.size(); ++s) {
    const segment::Sentence& sentence = doc.seg.sentences[s];
    if (!MayHoldDate(doc.sentence_words[s])) continue;
    const std::vector<Word> words = WithoutPossessives(doc.sentence_words[s]);
    const DateParser parser(words, doc.published);
    int i = 0;
    while (i < static_cast<int>(words.size())) {
      std::optional<DateMatch> match = parser.ParseAt(i);
      if (!match.has_value()) {
        ++i;
        continue;
      }
      i = match->end;
      const std::string reason = match->unresolved_reason;
      Claim claim = MakeClaim(doc, sentence, words, *std::move(match));
      if (claim.date().start().empty()) {
        notes->push_back(UnresolvedNote(doc, claim, reason));
      }
      claims->push_back(std::move(claim));
    }
  }
}

}  // namespace crosscheck::extract
