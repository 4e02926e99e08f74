// Paragraph, sentence and token segmentation of article text.
//
//   const Segmentation seg = Segment(article.text(), furniture);
//   for (const Sentence& s : seg.sentences) {
//     for (const Token& t : Tokenize(article.text(), s.begin, s.end)) ...
//   }
//
// Every position is a byte offset into the text given; the text is never
// copied or modified. All functions are linear in the size of the text.

#ifndef SRC_SEGMENT_SEGMENT_H_
#define SRC_SEGMENT_SEGMENT_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace crosscheck::segment {

// A byte range [begin, end) of the text.
struct Range {
  size_t begin = 0;
  size_t end = 0;
};

// A paragraph of body text: a block of lines between blank lines (or a
// single line, when the text puts one paragraph per line). Excludes the
// line break that ends it.
struct Paragraph {
  size_t begin = 0;
  size_t end = 0;
};

// A sentence: from its first non-space character to its final punctuation
// (including closing quote marks and brackets that follow it).
struct Sentence {
  size_t begin = 0;
  size_t end = 0;
  // Index into Segmentation::paragraphs.
  int paragraph = 0;
};

// The paragraphs and sentences of a text, in text order. Sentences never
// cross paragraphs, and neither covers any byte of a skipped range.
struct Segmentation {
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;

  // Index of the sentence holding `offset`, or -1 when none does.
  int SentenceAt(size_t offset) const;
};

// Splits `text` into paragraphs and sentences, leaving out every line that
// overlaps a range of `skip` (page furniture). Sentence boundaries are
// abbreviation-aware: "Mr.", "Dr.", "U.S.", "Sept.", initials such as
// "A. Okafor" and decimal numbers do not end a sentence.
Segmentation Segment(absl::string_view text, const std::vector<Range>& skip);

// The kind of a token.
enum class TokenKind {
  // Starts with a letter: "Okafor", "thirty-first", "U.S.", "won’t".
  kWord,
  // Starts with a digit: "2,400", "48.5", "31st", "4.8bn", "2016".
  kNumber,
  // Any other single character: punctuation, quote marks, "$", "€", "%".
  kPunct,
};

// A token of the text: a run of letters and digits, with hyphens,
// apostrophes and (between digits) "," and "." inside it, or one character
// of punctuation. Dotted abbreviations ("U.S.", "a.m.") are one token.
struct Token {
  size_t begin = 0;
  size_t end = 0;
  TokenKind kind = TokenKind::kPunct;
};

// Tokenizes text[begin, end). White space separates tokens and is dropped.
std::vector<Token> Tokenize(absl::string_view text, size_t begin, size_t end);

// The tokens of Tokenize one at a time, without a vector:
//
//   size_t pos = begin;
//   Token token;
//   while (NextToken(text, end, &pos, &token)) ...
//
// Stores the first token of text[*cursor, end) in `*token`, moves `*cursor`
// past it and returns true; returns false when only white space is left.
// Requires end <= text.size(). Each call is linear in the bytes it passes.
bool NextToken(absl::string_view text, size_t end, size_t* cursor,
               Token* token);

// True for a Unicode letter in the scripts crosscheck handles (Latin,
// Greek, Cyrillic and other alphabetic blocks). Inline for ASCII.
inline bool IsLetter(char32_t c);

// True for an uppercase letter (ASCII and Latin-1/Latin Extended). Inline
// for ASCII.
inline bool IsUpper(char32_t c);

namespace internal {

// Classes of bytes, for the fast paths over ASCII text: bits of
// ByteClass(). Bytes that are not ASCII are in no class but kStopClass.
enum : uint8_t {
  kSpaceClass = 1,       // " ", "\t", "\n", "\r"
  kLetterClass = 2,      // A-Z, a-z
  kDigitClass = 4,       // 0-9
  kJoinerClass = 8,      // "-", "'", ",", ".": may join alphanumerics
  kTerminatorClass = 16, // ".", "!", "?"
  // A terminator or 0xE2, the lead byte of "…" (U+2026): the bytes where
  // a sentence may end.
  kStopClass = 32,
};

struct ByteClassTable {
  uint8_t cls[256] = {};
  constexpr ByteClassTable() {
    cls[static_cast<unsigned char>(' ')] = kSpaceClass;
    cls[static_cast<unsigned char>('\t')] = kSpaceClass;
    cls[static_cast<unsigned char>('\n')] = kSpaceClass;
    cls[static_cast<unsigned char>('\r')] = kSpaceClass;
    for (int c = 'A'; c <= 'Z'; ++c) cls[c] = kLetterClass;
    for (int c = 'a'; c <= 'z'; ++c) cls[c] = kLetterClass;
    for (int c = '0'; c <= '9'; ++c) cls[c] = kDigitClass;
    cls[static_cast<unsigned char>('-')] = kJoinerClass;
    cls[static_cast<unsigned char>('\'')] = kJoinerClass;
    cls[static_cast<unsigned char>(',')] = kJoinerClass;
    cls[static_cast<unsigned char>('.')] =
        kJoinerClass | kTerminatorClass | kStopClass;
    cls[static_cast<unsigned char>('!')] = kTerminatorClass | kStopClass;
    cls[static_cast<unsigned char>('?')] = kTerminatorClass | kStopClass;
    cls[0xE2] = kStopClass;
  }
};
inline constexpr ByteClassTable kByteClasses;

// The classes of `byte`.
inline uint8_t ByteClass(char byte) {
  return kByteClasses.cls[static_cast<unsigned char>(byte)];
}

// IsLetter and IsUpper of a character that is not ASCII.
bool IsLetterNotAscii(char32_t c);
bool IsUpperNotAscii(char32_t c);

}  // namespace internal

inline bool IsLetter(char32_t c) {
  if (c < 0x80) {
    return (internal::ByteClass(static_cast<char>(c)) &
            internal::kLetterClass) != 0;
  }
  return internal::IsLetterNotAscii(c);
}

inline bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return internal::IsUpperNotAscii(c);
}

}  // namespace crosscheck::segment

#endif  // SRC_SEGMENT_SEGMENT_H_
