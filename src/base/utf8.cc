#include "src/base/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace crosscheck::base {
namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

namespace internal {

char32_t DecodeUtf8Multibyte(absl::string_view text, size_t pos,
                             int* length) {
  *length = 1;
  if (pos >= text.size()) return 0;
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) return b0;
  int need;
  char32_t c;
  char32_t min;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1, c = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2, c = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3, c = b0 & 0x07, min = 0x10000;
  } else {
    return kReplacementChar;
  }
  if (pos + need >= text.size()) return kReplacementChar;
  for (int i = 1; i <= need; ++i) {
    const auto b = static_cast<unsigned char>(text[pos + i]);
    if (!IsContinuation(b)) return kReplacementChar;
    c = (c << 6) | (b & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    return kReplacementChar;
  }
  *length = need + 1;
  return c;
}

}  // namespace internal

char32_t DecodeUtf8Before(absl::string_view text, size_t pos, int* length) {
  *length = 1;
  if (pos == 0 || pos > text.size()) return 0;
  size_t start = pos - 1;
  int back = 0;
  while (start > 0 && back < 3 &&
         IsContinuation(static_cast<unsigned char>(text[start]))) {
    --start;
    ++back;
  }
  int len;
  char32_t c = DecodeUtf8(text, start, &len);
  if (start + len == pos) {
    *length = len;
    return c;
  }
  return kReplacementChar;
}

char32_t ToLower(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F) {
    // Pairs of capital and small letter; the capital is even in
    // U+0100-U+0137 and U+014A-U+0177, odd in U+0139-U+0148 and
    // U+0179-U+017E. U+0138 (kra) and U+0149 have no capital.
    if (c == 0x130) return 'i';
    if (c == 0x178) return 0xFF;
    const bool odd_pairs =
        (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    const bool even_pairs =
        (c <= 0x137) || (c >= 0x14A && c <= 0x177);
    if (odd_pairs && c % 2 == 1) return c + 1;
    if (even_pairs && c % 2 == 0) return c + 1;
    return c;
  }
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;  // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 32;                 // Cyrillic
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string RepairUtf8(absl::string_view text,
                       std::vector<size_t>* invalid_offsets) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    // A run of ASCII bytes is copied as it is, found eight bytes at a time.
    size_t ascii = pos;
    while (ascii + 8 <= text.size()) {
      uint64_t bytes;
      std::memcpy(&bytes, text.data() + ascii, 8);
      if ((bytes & 0x8080808080808080ull) != 0) break;
      ascii += 8;
    }
    while (ascii < text.size() &&
           static_cast<unsigned char>(text[ascii]) < 0x80) {
      ++ascii;
    }
    out.append(text.data() + pos, ascii - pos);
    pos = ascii;
    if (pos == text.size()) break;
    int len;
    char32_t c = DecodeUtf8(text, pos, &len);
    if (c == kReplacementChar && len == 1) {
      if (invalid_offsets != nullptr) invalid_offsets->push_back(pos);
      AppendUtf8(kReplacementChar, &out);
    } else {
      out.append(text.data() + pos, len);
    }
    pos += len;
  }
  return out;
}

LineIndex::LineIndex(absl::string_view text) : text_(text) {
  line_starts_.push_back(0);
  checkpoints_.reserve(text.size() / kCheckpointBytes + 1);
  size_t code_points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % kCheckpointBytes == 0) checkpoints_.push_back(code_points);
    if (!IsContinuation(static_cast<unsigned char>(text[i]))) ++code_points;
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
  checkpoints_.push_back(code_points);
}

uint32_t LineIndex::Line(size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<uint32_t>(it - line_starts_.begin());
}

size_t LineIndex::LineStart(size_t offset) const {
  return line_starts_[Line(offset) - 1];
}

size_t LineIndex::CodePointsBefore(size_t offset) const {
  offset = std::min(offset, text_.size());
  const size_t block = offset / kCheckpointBytes;
  size_t code_points = checkpoints_[std::min(block, checkpoints_.size() - 1)];
  for (size_t i = block * kCheckpointBytes; i < offset; ++i) {
    if (!IsContinuation(static_cast<unsigned char>(text_[i]))) ++code_points;
  }
  return code_points;
}

uint32_t LineIndex::Column(size_t offset) const {
  return static_cast<uint32_t>(CodePointsBefore(offset) -
                               CodePointsBefore(LineStart(offset)) + 1);
}

}  // namespace crosscheck::base
