// The words of a stretch of text as the figure, date and context extractors
// read them: tokens with their folded form. Internal to the extract stage.
//
//   for (const internal::Word& w : internal::Words(text, s.begin, s.end)) ...

#ifndef SRC_EXTRACT_WORDS_H_
#define SRC_EXTRACT_WORDS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "src/segment/segment.h"

namespace crosscheck::extract::internal {

// One token of the text.
struct Word {
  // Byte range [begin, end) of the token in the text.
  size_t begin = 0;
  size_t end = 0;
  segment::TokenKind kind = segment::TokenKind::kPunct;
  // Fold() of the token: lowercase, typographic apostrophes and hyphens
  // (and the en dash) folded to "'" and "-".
  std::string folded;
  // Starts with an uppercase letter (segment::IsUpper).
  bool capitalized = false;
  // Bytes of a possessive ending at the end of a word token as written
  // (PossessiveBytes), 0 when there is none. When set, `folded` ends with
  // "'s".
  size_t possessive_bytes = 0;
};

// The tokens of text[begin, end) (segment::Tokenize) as Words. Linear in
// the size of the range.
std::vector<Word> Words(absl::string_view text, size_t begin, size_t end);

// The bytes of the possessive ending of a word as written: an apostrophe
// (', ’ or ‘) and a final "s" or "S", after at least one other character:
// 2 for "Okafor's" and "MONDAY'S", 4 for "Okafor’s". 0 when the word has no
// such ending.
size_t PossessiveBytes(absl::string_view word);

}  // namespace crosscheck::extract::internal

#endif  // SRC_EXTRACT_WORDS_H_
