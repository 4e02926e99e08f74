#include "src/align/word_diff.h"

#include <algorithm>

#include "dtl/dtl.hpp"
#include "src/base/utf8.h"

namespace crosscheck::align {
namespace {

bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  }
  // Letters outside ASCII; punctuation blocks excluded.
  return c >= 0xC0 && !(c >= 0x2000 && c <= 0x206F) && c != 0xD7 &&
         c != 0xF7 && c != 0xFFFD && !(c >= 0x3000 && c <= 0x303F);
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

// True when one side is a contiguous run of the other's words: all edits
// are on one side, before and after a single run of common words.
bool IsFragment(const std::vector<WordEdit>& edits) {
  // One side is a contiguous run of the other: every edit of the shorter
  // side is common, and the common words are contiguous.
  bool seen_common = false, gap_after_common = false;
  bool any_deleted = false, any_added = false;
  for (const WordEdit& e : edits) {
    if (e.op == WordEdit::Op::kCommon) {
      if (gap_after_common) return false;
      seen_common = true;
    } else {
      if (e.op == WordEdit::Op::kDeleted) any_deleted = true;
      if (e.op == WordEdit::Op::kAdded) any_added = true;
      if (seen_common) gap_after_common = true;
    }
  }
  // A gap followed by more common words returned false above; trailing
  // edits after the common run are fine.
  return seen_common && !(any_deleted && any_added);
}

}  // namespace

std::vector<std::string> QuoteWords(absl::string_view text) {
  std::vector<std::string> words;
  std::string current;
  auto flush = [&]() {
    if (!current.empty()) words.push_back(std::move(current));
    current.clear();
  };
  // A "[" opens an insertion only when a "]" follows somewhere; finding the
  // last "]" once keeps unclosed brackets linear.
  const size_t last_close = text.rfind(']');
  size_t pos = 0;
  while (pos < text.size()) {
    int len;
    const char32_t c = base::DecodeUtf8(text, pos, &len);
    if (c == '[' && last_close != absl::string_view::npos && last_close > pos) {
      flush();
      // Scanning to the "]" and jumping past it reads each byte once.
      words.emplace_back(kInsertionWord);
      pos = text.find(']', pos) + 1;
      continue;
    }
    if (IsWordChar(c)) {
      base::AppendUtf8(base::ToLower(c), &current);
    } else if (IsApostrophe(c) && !current.empty() && pos + len < text.size()) {
      int next_len;
      const char32_t next = base::DecodeUtf8(text, pos + len, &next_len);
      if (IsWordChar(next)) {
        current.push_back('\'');
      } else {
        flush();
      }
    } else {
      flush();
    }
    pos += len;
  }
  flush();
  return words;
}

std::vector<WordEdit> DiffWords(const std::vector<std::string>& a,
                                const std::vector<std::string>& b) {
  dtl::Diff<std::string, std::vector<std::string>> diff(a, b);
  diff.compose();
  std::vector<WordEdit> edits;
  for (const auto& [word, info] : diff.getSes().getSequence()) {
    WordEdit edit;
    edit.word = word;
    switch (info.type) {
      case dtl::SES_COMMON:
        edit.op = WordEdit::Op::kCommon;
        break;
      case dtl::SES_DELETE:
        edit.op = WordEdit::Op::kDeleted;
        break;
      case dtl::SES_ADD:
        edit.op = WordEdit::Op::kAdded;
        break;
    }
    edits.push_back(std::move(edit));
  }
  return edits;
}

QuoteRelation CompareQuotes(const std::vector<std::string>& a,
                            const std::vector<std::string>& b) {
  if (a == b) return QuoteRelation::kSame;
  // The diff costs O((N+M)·D), the search below O(N·M) at worst; quotes
  // longer than this are compared only by whether they are equal.
  if (a.size() + b.size() > kMaxDiffWords) return QuoteRelation::kDifferent;
  // One a contiguous run of the other's words: a fragment, whichever
  // alignment the diff below would pick for repeated words ("this").
  const std::vector<std::string>& shorter = a.size() <= b.size() ? a : b;
  const std::vector<std::string>& longer = a.size() <= b.size() ? b : a;
  if (!shorter.empty() &&
      std::search(longer.begin(), longer.end(), shorter.begin(),
                  shorter.end()) != longer.end()) {
    return QuoteRelation::kCompatible;
  }
  const std::vector<WordEdit> edits = DiffWords(a, b);
  bool all_common = true;
  for (const WordEdit& e : edits) {
    if (e.op != WordEdit::Op::kCommon) all_common = false;
  }
  if (all_common) return QuoteRelation::kSame;
  if (IsFragment(edits)) return QuoteRelation::kCompatible;
  // Every hunk (a run of edits between common words) must be explained by a
  // bracketed insertion on one side standing for at most three words of the
  // other.
  size_t i = 0;
  while (i < edits.size()) {
    if (edits[i].op == WordEdit::Op::kCommon) {
      ++i;
      continue;
    }
    int deleted_words = 0, added_words = 0;
    bool deleted_insertion = false, added_insertion = false;
    while (i < edits.size() && edits[i].op != WordEdit::Op::kCommon) {
      const bool insertion = edits[i].word == kInsertionWord;
      if (edits[i].op == WordEdit::Op::kDeleted) {
        insertion ? deleted_insertion = true : ++deleted_words;
      } else {
        insertion ? added_insertion = true : ++added_words;
      }
      ++i;
    }
    const bool explained = (deleted_insertion && deleted_words == 0 &&
                            added_words <= 3) ||
                           (added_insertion && added_words == 0 &&
                            deleted_words <= 3);
    if (!explained) return QuoteRelation::kDifferent;
  }
  return QuoteRelation::kCompatible;
}

VersionsDiff DiffVersions(
    const std::vector<std::vector<std::string>>& versions) {
  VersionsDiff result;
  for (size_t i = 1; i < versions.size(); ++i) {
    if (versions[i].size() > versions[result.base].size()) result.base = i;
  }
  for (size_t i = 0; i < versions.size(); ++i) {
    const std::vector<std::string>& base = versions[result.base];
    if (i == result.base || versions[i] == base) continue;
    VersionDiff diff;
    diff.version = i;
    if (base.size() + versions[i].size() > kMaxDiffWords) {
      diff.too_long = true;
    } else {
      diff.edits = DiffWords(base, versions[i]);
    }
    result.diffs.push_back(std::move(diff));
  }
  return result;
}

}  // namespace crosscheck::align
