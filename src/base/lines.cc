#include "src/base/lines.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace crosscheck::base {
namespace {

// Bytes of text[begin, end) that are not UTF-8 continuation bytes
// (10xxxxxx), sixteen bytes at a time (eight without SSE2).
size_t CodePoints(absl::string_view text, size_t begin, size_t end) {
  constexpr uint64_t kHighBits = 0x8080808080808080ull;
  constexpr uint64_t kLowBits = 0x0101010101010101ull;
  const char* p = text.data() + begin;
  size_t n = end - begin;
  size_t continuations = 0;
#if defined(__SSE2__)
  // Continuation bytes, 0x80 to 0xBF, are the signed bytes below -64.
  // Each lane counts those of its column for up to 255 blocks of 16
  // bytes; the lanes are then summed.
  while (n >= 16) {
    const size_t blocks = std::min<size_t>(n / 16, 255);
    __m128i counts = _mm_setzero_si128();
    for (size_t b = 0; b < blocks; ++b, p += 16) {
      const __m128i bytes =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      counts = _mm_sub_epi8(counts, _mm_cmplt_epi8(bytes, _mm_set1_epi8(-64)));
    }
    n -= blocks * 16;
    const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());
    // Each half of `sums` is at most 8 * 255: its low 32 bits hold it (and
    // _mm_cvtsi128_si32, unlike the 64-bit form, exists on 32-bit x86).
    continuations +=
        static_cast<size_t>(_mm_cvtsi128_si32(sums)) +
        static_cast<size_t>(_mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t bytes;
    std::memcpy(&bytes, p, 8);
    // Bit 7 of each byte that has bit 7 set and bit 6 clear (x << 1 moves
    // each byte's bit 6 to its bit 7; what crosses bytes is masked off).
    const uint64_t high = bytes & ~(bytes << 1) & kHighBits;
    // One per continuation byte, summed into the top byte (at most 8).
    continuations += ((high >> 7) * kLowBits) >> 56;
  }
  for (; n > 0; ++p, --n) {
    continuations += (static_cast<unsigned char>(*p) & 0xC0) == 0x80;
  }
  return end - begin - continuations;
}

}  // namespace

std::vector<LineRange> SplitLines(absl::string_view text) {
  std::vector<LineRange> lines;
  for (size_t pos = 0; pos <= text.size();) {
    lines.push_back(LineAt(text, pos, &pos));
  }
  return lines;
}

LineRange LineAt(absl::string_view text, size_t begin, size_t* next) {
  const void* const newline =
      begin < text.size()
          ? std::memchr(text.data() + begin, '\n', text.size() - begin)
          : nullptr;
  const size_t line_break =
      newline == nullptr
          ? text.size()
          : static_cast<size_t>(static_cast<const char*>(newline) -
                                text.data());
  size_t end = line_break;
  if (end > begin && text[end - 1] == '\r') --end;
  *next = line_break + 1;
  return {begin, end};
}

void LineCursor::MoveTo(size_t offset) {
  offset = std::min(offset, text_.size());
  if (offset < offset_) {
    offset_ = 0;
    newlines_ = 0;
    code_points_ = 0;
  }
  // Each "\n" in text_[offset_, offset) starts a line; count code points
  // only after the last one.
  size_t line_part = offset_;
  while (line_part < offset) {
    const void* nl =
        std::memchr(text_.data() + line_part, '\n', offset - line_part);
    if (nl == nullptr) break;
    ++newlines_;
    code_points_ = 0;
    line_part = static_cast<const char*>(nl) - text_.data() + 1;
  }
  code_points_ += CodePoints(text_, line_part, offset);
  offset_ = offset;
}

}  // namespace crosscheck::base
