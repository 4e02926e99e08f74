// Word-level comparison of quotations, shared by the aligner (to judge two
// versions of a quote) and the report (to show what changed).

#ifndef SRC_ALIGN_WORD_DIFF_H_
#define SRC_ALIGN_WORD_DIFF_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace crosscheck::align {

// The words of a quotation for comparison: lowercase, punctuation and
// ellipses dropped, hyphens and dashes as spaces, curly apostrophes folded
// to "'". A bracketed editorial insertion ("[Valdoria’s]") becomes the
// single word kInsertionWord.
std::vector<std::string> QuoteWords(absl::string_view quote_text);

// The word that stands for a bracketed insertion in QuoteWords.
inline constexpr absl::string_view kInsertionWord = "[…]";

// One step of a word diff.
struct WordEdit {
  enum class Op { kCommon, kDeleted, kAdded };
  Op op = Op::kCommon;
  // The word: from `a` for kCommon and kDeleted, from `b` for kAdded.
  std::string word;
};

// The shortest edit script turning `a` into `b` (dtl's O(ND) algorithm).
std::vector<WordEdit> DiffWords(const std::vector<std::string>& a,
                                const std::vector<std::string>& b);

// How two versions of a quotation relate.
enum class QuoteRelation {
  // The same words.
  kSame,
  // Different only where one version has a bracketed insertion (standing in
  // for up to three words of the other), or one is a contiguous fragment of
  // the other.
  kCompatible,
  // The words differ otherwise.
  kDifferent,
};

// Quotes with more words than this together are not diffed word by word:
// CompareQuotes then tells only kSame from kDifferent.
inline constexpr size_t kMaxDiffWords = 4000;

// Compares two quotations given as QuoteWords.
QuoteRelation CompareQuotes(const std::vector<std::string>& a,
                            const std::vector<std::string>& b);

// One version of a quotation compared with a base version.
struct VersionDiff {
  // Index of the version in the list given to DiffVersions.
  size_t version = 0;
  // DiffWords(base, version); empty when `too_long`.
  std::vector<WordEdit> edits;
  // The two versions together have more than kMaxDiffWords words: they
  // differ, but are not diffed word by word.
  bool too_long = false;
};

// The versions of one quotation, each compared with the longest.
struct VersionsDiff {
  // Index of the base version: the one with the most words, the first of
  // them on a tie.
  size_t base = 0;
  // One entry per version whose words differ from the base's, in the order
  // given; empty when all versions have the same words.
  std::vector<VersionDiff> diffs;
};

// Diffs every version of a quotation (each given as QuoteWords) against the
// longest, so that a fragment is shown against the full quote. Costs one
// DiffWords per differing version, each bounded by kMaxDiffWords.
VersionsDiff DiffVersions(
    const std::vector<std::vector<std::string>>& versions);

}  // namespace crosscheck::align

#endif  // SRC_ALIGN_WORD_DIFF_H_
