#include "src/ingest/date_text.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"

namespace crosscheck::ingest::internal {
namespace {

int MonthNumber(absl::string_view word) {
  static constexpr absl::string_view kMonths[] = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::string lower = absl::AsciiStrToLower(absl::StripSuffix(word, "."));
  for (int i = 0; i < 12; ++i) {
    if (lower == kMonths[i] ||
        (lower.size() >= 3 && absl::StartsWith(kMonths[i], lower)) ||
        (lower == "sept" && i == 8)) {
      return i + 1;
    }
  }
  return 0;
}

std::string FormatDay(int year, int month, int day) {
  const absl::CivilDay d(year, month, day);
  if (d.year() != year || d.month() != month || d.day() != day) return "";
  return absl::StrFormat("%04d-%02d-%02d", year, month, day);
}

}  // namespace

std::string NormalizeDate(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  // ISO: "2024-06-05" with an optional time part.
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-' &&
      (text.size() == 10 || text[10] == 'T' || text[10] == ' ')) {
    int y, m, d;
    if (absl::SimpleAtoi(text.substr(0, 4), &y) &&
        absl::SimpleAtoi(text.substr(5, 2), &m) &&
        absl::SimpleAtoi(text.substr(8, 2), &d)) {
      return FormatDay(y, m, d);
    }
    return "";
  }
  // "Tuesday, June 4, 2024, 6:40 p.m." / "4 June 2024 10:00".
  std::vector<std::string> words;
  for (absl::string_view w : absl::StrSplit(text, absl::ByAnyChar(" ,"),
                                            absl::SkipEmpty())) {
    words.emplace_back(w);
  }
  int year = 0, month = 0, day = 0;
  for (size_t i = 0; i < words.size() && i < 5; ++i) {
    int n;
    if (month == 0 && (n = MonthNumber(words[i])) != 0) {
      month = n;
    } else if (absl::SimpleAtoi(absl::StripSuffix(words[i], "."), &n)) {
      if (n >= 1 && n <= 31 && day == 0 && words[i].size() <= 2) {
        day = n;
      } else if (n >= 1000 && n <= 9999 && year == 0) {
        year = n;
      }
    }
    if (year != 0 && month != 0 && day != 0) break;
  }
  if (year == 0 || month == 0 || day == 0) return "";
  return FormatDay(year, month, day);
}

}  // namespace crosscheck::ingest::internal
