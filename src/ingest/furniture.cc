#include "src/ingest/furniture.h"

#include <cctype>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "src/base/lines.h"
#include "src/ingest/date_text.h"

namespace crosscheck::ingest::internal {
namespace {

bool IsDigits(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool EndsLikeSentence(absl::string_view line) {
  if (line.empty()) return false;
  const char last = line.back();
  // ASCII terminators, or the last byte of a closing curly quote.
  return last == '.' || last == '!' || last == '?' || last == ':' ||
         absl::EndsWith(line, "”") || absl::EndsWith(line, "\"");
}

// Whether `line` starts with one of `prefixes`, ignoring ASCII case. Most
// lines are body text: the first byte turns nearly all of them away before
// any whole prefix is compared.
template <size_t N>
bool StartsWithAnyIgnoreCase(absl::string_view line,
                             const absl::string_view (&prefixes)[N]) {
  if (line.empty()) return false;
  const char first = absl::ascii_tolower(static_cast<unsigned char>(line[0]));
  for (absl::string_view prefix : prefixes) {
    if (prefix[0] == first && absl::StartsWithIgnoreCase(line, prefix)) {
      return true;
    }
  }
  return false;
}

// Strips one of the `labels` (lower case; compared ignoring case) plus a
// following ":" and spaces from the front of `line`; true when one was found.
bool ConsumeLabel(absl::string_view* line,
                  std::initializer_list<absl::string_view> labels) {
  for (absl::string_view label : labels) {
    if (line->size() > label.size() &&
        absl::ascii_tolower(static_cast<unsigned char>((*line)[0])) ==
            label[0] &&
        absl::StartsWithIgnoreCase(*line, label)) {
      absl::string_view rest = line->substr(label.size());
      const bool colon = absl::ConsumePrefix(&rest, ":");
      if (!colon && !(rest.empty() || rest[0] == ' ')) continue;
      *line = absl::StripLeadingAsciiWhitespace(rest);
      return true;
    }
  }
  return false;
}

// "5 min read", "4 minute read", "Reading time: 3 minutes".
bool IsReadingTime(absl::string_view line) {
  if (absl::StartsWithIgnoreCase(line, "reading time")) return true;
  // `line` is stripped: the first word is a number or this is no match.
  if (line.empty() ||
      !absl::ascii_isdigit(static_cast<unsigned char>(line[0]))) {
    return false;
  }
  std::vector<absl::string_view> words =
      absl::StrSplit(line, ' ', absl::SkipEmpty());
  return words.size() == 3 && IsDigits(words[0]) &&
         (absl::EqualsIgnoreCase(words[1], "min") ||
          absl::EqualsIgnoreCase(words[1], "mins") ||
          absl::EqualsIgnoreCase(words[1], "minute") ||
          absl::EqualsIgnoreCase(words[1], "minutes")) &&
         absl::EqualsIgnoreCase(words[2], "read");
}

bool IsPromo(absl::string_view line) {
  // Lower case: compared ignoring case.
  static constexpr absl::string_view kPrefixes[] = {
      "watch:",           "watch |",      "video:",
      "listen:",          "podcast:",     "photos:",
      "gallery:",         "live:",        "read more:",
      "related:",         "read next:",   "see also:",
      "advertisement",    "sponsored",    "sign up for",
      "sign up to",       "subscribe to", "subscribe for",
      "get our",          "follow us on", "share this",
      "share on",         "share:",       "contact the author",
      "email the author", "click here",   "download our app",
      "reporting by",     "editing by",   "additional reporting by"};
  if (StartsWithAnyIgnoreCase(line, kPrefixes)) return true;
  return absl::EqualsIgnoreCase(line, "share") ||
         absl::EqualsIgnoreCase(line, "advertisement");
}

// "World > Europe", "News / Politics / Europe".
bool IsBreadcrumb(absl::string_view line) {
  if (line.size() > 80 || EndsLikeSentence(line)) return false;
  return absl::StrContains(line, " > ") || absl::StrContains(line, " » ") ||
         (absl::StrContains(line, " / ") && line.size() < 50);
}

// Metadata and promo lines are short; a longer line is body text even when
// it starts like one ("Published figures show ...").
constexpr size_t kMaxLabelLine = 120;

// "© 2024 Northern Courier", "Copyright 2024 Harbor Times. All rights
// reserved." A year must follow, so "(c) the parties shall" is body text.
bool IsCopyright(absl::string_view line, std::string* outlet) {
  if (line.size() > kMaxLabelLine) return false;
  absl::string_view rest = line;
  if (!(absl::ConsumePrefix(&rest, "©") || absl::ConsumePrefix(&rest, "(c)") ||
        absl::ConsumePrefix(&rest, "(C)") ||
        absl::ConsumePrefix(&rest, "Copyright"))) {
    return false;
  }
  rest = absl::StripLeadingAsciiWhitespace(rest);
  absl::ConsumePrefix(&rest, "©");
  rest = absl::StripLeadingAsciiWhitespace(rest);
  // Year, then the holder.
  size_t i = 0;
  while (i < rest.size() && absl::ascii_isdigit(static_cast<unsigned char>(rest[i]))) ++i;
  if (i != 4) return false;
  rest = absl::StripLeadingAsciiWhitespace(rest.substr(4));
  absl::string_view holder = rest;
  const size_t dot = holder.find(". ");
  if (dot != absl::string_view::npos) holder = holder.substr(0, dot);
  holder = absl::StripSuffix(holder, ".");
  if (outlet != nullptr && !holder.empty()) *outlet = std::string(holder);
  return true;
}

// "By Maren Holt | The Daily Ledger", "By Maren Holt, Daily Ledger
// correspondent", "By Maren Holt and Ann Lee".
bool IsByline(absl::string_view line, Metadata* meta) {
  absl::string_view rest = line;
  if (!absl::ConsumePrefix(&rest, "By ") && !absl::ConsumePrefix(&rest, "BY ")) {
    return false;
  }
  if (line.size() > 120 || EndsLikeSentence(line)) return false;
  std::vector<absl::string_view> parts = absl::StrSplit(rest, '|');
  if (parts.size() == 1) parts = absl::StrSplit(rest, " — ");
  const absl::string_view author = absl::StripAsciiWhitespace(parts[0]);
  if (author.empty() || !absl::ascii_isupper(static_cast<unsigned char>(author[0]))) {
    return false;
  }
  // A name: a few words, each capitalized or a particle ("By noon, the
  // delegates had left" is body text).
  std::vector<absl::string_view> words =
      absl::StrSplit(author, ' ', absl::SkipEmpty());
  if (words.size() > 8) return false;
  for (absl::string_view w : words) {
    const bool particle = w == "and" || w == "de" || w == "van" ||
                          w == "von" || w == "der" || w == "da" || w == "&";
    if (!particle && !absl::ascii_isupper(static_cast<unsigned char>(w[0]))) {
      return false;
    }
  }
  meta->author = std::string(author);
  if (parts.size() > 1 && meta->outlet.empty()) {
    meta->outlet = std::string(absl::StripAsciiWhitespace(parts[1]));
  }
  return true;
}

// "Published June 4, 2024, 6:40 p.m.", "Updated: ...", "date 2024-06-05":
// a label followed by a real date ("Published figures show ..." is body
// text).
bool IsDateLine(absl::string_view line, Metadata* meta) {
  if (line.size() > kMaxLabelLine) return false;
  absl::string_view rest = line;
  if (ConsumeLabel(&rest, {"published on", "published", "updated on",
                           "updated", "posted on", "posted",
                           "first published", "date"}) &&
      !NormalizeDate(rest).empty()) {
    if (meta->published.empty()) meta->published = std::string(rest);
    return true;
  }
  return false;
}

// "outlet: Harbor Times", "Source: Meridian Wire": a label with a colon and
// a short name.
bool IsOutletLine(absl::string_view line, Metadata* meta) {
  if (line.size() > 80 || EndsLikeSentence(line)) return false;
  absl::string_view rest = line;
  for (absl::string_view label : {"outlet:", "source:", "publisher:"}) {
    if (absl::StartsWithIgnoreCase(rest, label)) {
      rest = absl::StripAsciiWhitespace(rest.substr(label.size()));
      if (rest.empty()) return false;
      meta->outlet = std::string(rest);
      return true;
    }
  }
  return false;
}

// A sign-off line: "— The Daily Ledger", "-- Meridian Wire".
bool IsSignOff(absl::string_view line, std::string* outlet) {
  absl::string_view rest = line;
  if (!absl::ConsumePrefix(&rest, "—") && !absl::ConsumePrefix(&rest, "--")) {
    return false;
  }
  rest = absl::StripAsciiWhitespace(rest);
  if (rest.empty() || rest.size() > 60 || EndsLikeSentence(rest) ||
      !absl::ascii_isupper(static_cast<unsigned char>(rest[0]))) {
    return false;
  }
  *outlet = std::string(rest);
  return true;
}

}  // namespace

// Lines that start a list of links (lower case: compared ignoring case).
constexpr absl::string_view kLinkListHeads[] = {
    "more from",        "more on this", "related stories",
    "related coverage", "most read",    "you may also like"};

std::vector<LineSpan> FindFurniture(absl::string_view text, Metadata* meta) {
  const std::vector<base::LineRange> lines = base::SplitLines(text);

  std::vector<LineSpan> furniture;
  bool seen_body = false;
  bool title_done = false;
  int link_list = 0;  // remaining lines of a "More from" list
  for (size_t i = 0; i < lines.size(); ++i) {
    const LineSpan span{lines[i].begin, lines[i].end};
    const absl::string_view raw = text.substr(span.begin, span.end - span.begin);
    const absl::string_view line = absl::StripAsciiWhitespace(raw);
    if (line.empty()) {
      continue;
    }
    bool is_furniture = false;
    std::string copyright_outlet;
    if (link_list > 0 && line.size() < 140 && !EndsLikeSentence(line)) {
      --link_list;
      is_furniture = true;
    } else {
      link_list = 0;
      if (StartsWithAnyIgnoreCase(line, kLinkListHeads)) {
        link_list = 6;
        is_furniture = true;
      } else if (IsReadingTime(line) || IsPromo(line) || IsBreadcrumb(line) ||
                 IsOutletLine(line, meta) || IsDateLine(line, meta) ||
                 IsByline(line, meta)) {
        is_furniture = true;
      } else if (IsCopyright(line, &copyright_outlet) ||
                 IsSignOff(line, &copyright_outlet)) {
        if (meta->outlet.empty()) meta->outlet = copyright_outlet;
        is_furniture = true;
      } else if (!seen_body && !title_done && line.size() <= 200 &&
                 !EndsLikeSentence(line)) {
        // The first line of the article, before any body text: the headline.
        meta->title = std::string(line);
        title_done = true;
        is_furniture = true;
      }
    }
    if (is_furniture) {
      furniture.push_back(span);
    } else {
      seen_body = true;
      title_done = true;
    }
  }
  return furniture;
}

}  // namespace crosscheck::ingest::internal
