// The words of a stretch of text as the figure, date and context extractors
// read them: tokens with their folded form. Internal to the extract stage.
//
//   for (const internal::Word& w : internal::Words(text, s.begin, s.end)) ...

#ifndef SRC_EXTRACT_WORDS_H_
#define SRC_EXTRACT_WORDS_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/strings/string_view.h"
#include "src/segment/segment.h"

namespace crosscheck::extract::internal {

// What a token's folded form holds, as bits of Word::shape: the figure
// and date scans test these for every token instead of reading its bytes.
enum WordShape : uint8_t {
  kHasDigit = 1 << 0,   // an ASCII digit ("2,400", "USD115", "5th")
  kHasHyphen = 1 << 1,  // a '-' ("four-day", "-"; en dashes fold to '-')
};

// One token of the text.
struct Word {
  // (The small members come last, so that none is padded.)
  // Byte range [begin, end) of the token in the text.
  size_t begin = 0;
  size_t end = 0;
  // Fold() of the token: lowercase, typographic apostrophes and hyphens
  // (and the en dash) folded to "'" and "-".
  std::string folded;
  segment::TokenKind kind = segment::TokenKind::kPunct;
  // Starts with an uppercase letter (segment::IsUpper).
  bool capitalized = false;
  // Bytes of a possessive ending at the end of a word token as written
  // (PossessiveBytes, at most 4), 0 when there is none. When set, `folded`
  // ends with "'s".
  uint8_t possessive_bytes = 0;
  // WordShape bits of `folded` (ShapeOf).
  uint8_t shape = 0;
};

// Sets the folded form of a word made from another (a part of a token)
// and the facts derived from it (`shape`).
void SetFolded(Word* word, std::string folded);

// The WordShape bits of a folded word. Linear in its size.
uint8_t ShapeOf(absl::string_view folded);

// Whether `word` is folded to `text`. Inline, unlike comparing a
// std::string with a C string: the lengths are compared first, and the
// bytes of a literal `text` without a call.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool WordIs(const Word& word,
                                                absl::string_view text) {
  return word.folded.size() == text.size() &&
         std::memcmp(word.folded.data(), text.data(), text.size()) == 0;
}

// A word as two integers, for the word tables the extractors look every
// token up in: up to 8 bytes, two overlapping 4-byte loads (or, below 4
// bytes, the first, middle and last byte) in `low` and 0 in `high`;
// longer, the first and the last 8 bytes. Read with loads of fixed size (a
// copy of variable length is a call) that never reach outside the word.
// Two words of the same size of at most 16 bytes are equal exactly when
// their PackedWords are; longer words share theirs when only their middle
// bytes differ.
struct PackedWord {
  uint64_t low = 0;
  uint64_t high = 0;

  bool operator==(const PackedWord& other) const {
    return low == other.low && high == other.high;
  }
};

// The PackedWord of `word` ({0, 0} when it is empty). Inline: the
// extractors ask it of every token.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline PackedWord PackWord(
    absl::string_view word) {
  const char* p = word.data();
  const size_t n = word.size();
  if (n > 8) {
    uint64_t first, last;
    std::memcpy(&first, p, 8);
    std::memcpy(&last, p + n - 8, 8);
    return PackedWord{first, last};
  }
  if (n >= 4) {
    uint32_t first, last;
    std::memcpy(&first, p, 4);
    std::memcpy(&last, p + n - 4, 4);
    return PackedWord{uint64_t{first} | uint64_t{last} << 32, 0};
  }
  if (n == 0) return PackedWord{};
  return PackedWord{uint64_t{static_cast<unsigned char>(p[0])} |
                        uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
                        uint64_t{static_cast<unsigned char>(p[n - 1])} << 16,
                    0};
}

// Whether a[0, n) and b[0, n) hold the same bytes. Words of up to 16
// bytes, most of them, are compared with two loads each, overlapping where
// n is not 8 or 16, without a call.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool SameBytes(const char* a, const char* b,
                                                   size_t n) {
  if (n >= 8 && n <= 16) {
    uint64_t a0, a1, b0, b1;
    std::memcpy(&a0, a, 8);
    std::memcpy(&b0, b, 8);
    std::memcpy(&a1, a + n - 8, 8);
    std::memcpy(&b1, b + n - 8, 8);
    return ((a0 ^ b0) | (a1 ^ b1)) == 0;
  }
  if (n >= 4 && n < 8) {
    uint32_t a0, a1, b0, b1;
    std::memcpy(&a0, a, 4);
    std::memcpy(&b0, b, 4);
    std::memcpy(&a1, a + n - 4, 4);
    std::memcpy(&b1, b + n - 4, 4);
    return ((a0 ^ b0) | (a1 ^ b1)) == 0;
  }
  if (n < 4) {
    for (size_t k = 0; k < n; ++k) {
      if (a[k] != b[k]) return false;
    }
    return true;
  }
  return std::memcmp(a, b, n) == 0;
}

// The tokens of text[begin, end) (segment::Tokenize) as Words. Linear in
// the size of the range.
std::vector<Word> Words(absl::string_view text, size_t begin, size_t end);

// Words(text, s.begin, s.end) of each sentence s of `sentences`, in order.
std::vector<std::vector<Word>> SentenceWords(
    absl::string_view text, const std::vector<segment::Sentence>& sentences);

// The bytes of the possessive ending of a word as written: an apostrophe
// (', ’ or ‘) and a final "s" or "S", after at least one other character:
// 2 for "Okafor's" and "MONDAY'S", 4 for "Okafor’s". 0 when the word has no
// such ending.
size_t PossessiveBytes(absl::string_view word);

// Whether the eight bytes of `x` may hold an ASCII digit or hyphen; false
// means surely none. A byte strictly between m = 0x2b ('+') and n = 0x3a
// (':') sets its high bit ("Determine if a word has a byte between m and
// n", Bit Twiddling Hacks); bytes 0 and of 0x80 and above never do.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool MayHoldDigitOrHyphen(uint64_t x) {
  constexpr uint64_t kOnes = ~uint64_t{0} / 255;  // 0x0101...01
  constexpr uint64_t kLow7 = kOnes * 127;
  constexpr uint64_t kHigh = kOnes * 128;
  return ((kOnes * (127 + 0x3a) - (x & kLow7)) & ~x &
          ((x & kLow7) + kOnes * (127 - 0x2b)) & kHigh) != 0;
}

// Whether `text` surely holds no ASCII digit and no hyphen; false may
// still mean none ("U.S."): bytes from ',' to '9' are tested eight at a time.
// Inline: the extractors ask it of every word.
inline bool HasNoDigitOrHyphen(absl::string_view text) {
  const auto any_between = [](uint64_t x) { return MayHoldDigitOrHyphen(x); };
  // Loads of fixed size, overlapping where the text is not a multiple of
  // their size: a byte read twice does not change the answer.
  const char* p = text.data();
  const size_t n = text.size();
  if (n >= 8) {
    uint64_t x;
    for (size_t k = 0; k + 8 <= n; k += 8) {
      std::memcpy(&x, p + k, 8);
      if (any_between(x)) return false;
    }
    std::memcpy(&x, p + n - 8, 8);
    return !any_between(x);
  }
  if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    return !any_between(uint64_t{a} | uint64_t{b} << 32);
  }
  if (n >= 2) {
    uint16_t a, b;
    std::memcpy(&a, p, 2);
    std::memcpy(&b, p + n - 2, 2);
    return !any_between(uint64_t{a} | uint64_t{b} << 16);
  }
  return n == 0 || !any_between(static_cast<unsigned char>(p[0]));
}

}  // namespace crosscheck::extract::internal

#endif  // SRC_EXTRACT_WORDS_H_
