// UTF-8 decoding, validation and repair, and line/column lookup.
//
// All offsets are byte offsets into UTF-8 text. Nothing here allocates per
// call except RepairUtf8, and every function is linear in its input.

#ifndef SRC_BASE_UTF8_H_
#define SRC_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace crosscheck::base {

// The code point returned for bytes that are not valid UTF-8.
inline constexpr char32_t kReplacementChar = 0xFFFD;

namespace internal {
// DecodeUtf8 for a byte that is not ASCII (or `pos` past the end).
char32_t DecodeUtf8Multibyte(absl::string_view text, size_t pos, int* length);
}  // namespace internal

// Decodes the code point at `text[pos]` and stores its encoded length in
// `*length` (at least 1 when pos < text.size()). Invalid or truncated
// sequences decode as kReplacementChar with length 1. ASCII, most of news
// text, is decoded inline.
inline char32_t DecodeUtf8(absl::string_view text, size_t pos, int* length) {
  if (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) {
    *length = 1;
    return static_cast<unsigned char>(text[pos]);
  }
  return internal::DecodeUtf8Multibyte(text, pos, length);
}

// Decodes the code point that ends just before `pos` (pos > 0), storing its
// length. Falls back to one byte for invalid sequences.
char32_t DecodeUtf8Before(absl::string_view text, size_t pos, int* length);

// The lowercase form of `c` for ASCII, Latin-1, Latin Extended-A, Greek and
// Cyrillic capitals; any other code point is returned unchanged.
char32_t ToLower(char32_t c);

// Appends the UTF-8 encoding of `c` to `out`.
void AppendUtf8(char32_t c, std::string* out);

// Returns `text` with every invalid byte sequence replaced by U+FFFD. The
// byte offset (in `text`) of each invalid sequence is appended to
// `invalid_offsets` when it is not null. Valid input is returned unchanged.
std::string RepairUtf8(absl::string_view text,
                       std::vector<size_t>* invalid_offsets);

// Maps byte offsets of one text to 1-based lines and code-point columns.
// Construction is linear in the text. Line lookups are logarithmic; column
// lookups are logarithmic plus at most kCheckpointBytes bytes of counting,
// however long the line. The text must outlive the index.
class LineIndex {
 public:
  explicit LineIndex(absl::string_view text);

  // 1-based line number of `offset`.
  uint32_t Line(size_t offset) const;
  // 1-based column of `offset` in code points.
  uint32_t Column(size_t offset) const;
  // Byte offset where the line holding `offset` starts.
  size_t LineStart(size_t offset) const;

  // Distance in bytes between the code-point counts kept for Column.
  static constexpr size_t kCheckpointBytes = 256;

 private:
  // Code points (bytes that are not UTF-8 continuation bytes) in
  // text[0, offset).
  size_t CodePointsBefore(size_t offset) const;

  absl::string_view text_;
  std::vector<size_t> line_starts_;
  // checkpoints_[k]: code points in text[0, k * kCheckpointBytes).
  std::vector<size_t> checkpoints_;
};

}  // namespace crosscheck::base

#endif  // SRC_BASE_UTF8_H_
