#include "src/base/lines.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace crosscheck::base {

#if !defined(__SSE2__)
namespace {

// Bytes of text[begin, end) that are not UTF-8 continuation bytes
// (10xxxxxx), eight bytes at a time.
size_t CodePoints(absl::string_view text, size_t begin, size_t end) {
  constexpr uint64_t kHighBits = 0x8080808080808080ull;
  constexpr uint64_t kLowBits = 0x0101010101010101ull;
  const char* p = text.data() + begin;
  size_t n = end - begin;
  size_t continuations = 0;
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
#endif

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

#if defined(__SSE2__)
namespace {

// Set bits of a 16-bit mask, without a call (the baseline x86-64 has no
// popcnt instruction).
inline uint32_t PopCount16(uint32_t mask) {
  mask -= (mask >> 1) & 0x5555u;
  mask = (mask & 0x3333u) + ((mask >> 2) & 0x3333u);
  mask = (mask + (mask >> 4)) & 0x0F0Fu;
  return (mask + (mask >> 8)) & 0x1Fu;
}

// Set bits of a mask that has few, one at a time.
inline uint32_t SparsePopCount(uint32_t mask) {
  uint32_t count = 0;
  for (; mask != 0; mask &= mask - 1) ++count;
  return count;
}

// Accounts for a block of 16 bytes of which `newline` and `continuation`
// mark the "\n"s and the UTF-8 continuation bytes (bit i for byte i), all
// of whose bytes after the cursor's line start were already counted in
// `*code_points` as code points: each "\n" starts a line, and the code
// points of the line after the last one are those after it.
inline void AddBlockMarks(uint32_t newline, uint32_t continuation,
                          size_t* newlines, size_t* code_points) {
  if (newline == 0) {
    *code_points -= PopCount16(continuation);
    return;
  }
  *newlines += SparsePopCount(newline);
  const int last = 31 - __builtin_clz(newline);
  *code_points = static_cast<size_t>(15 - last);
  if (const uint32_t after = continuation >> (last + 1); after != 0) {
    *code_points -= PopCount16(after);
  }
}

// The sum of the sixteen bytes of `counts`.
inline size_t SumLanes(__m128i counts) {
  const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());
  // Each half of `sums` is at most 8 * 255: its low 32 bits hold it (and
  // _mm_cvtsi128_si32, unlike the 64-bit form, exists on 32-bit x86).
  return static_cast<size_t>(_mm_cvtsi128_si32(sums)) +
         static_cast<size_t>(_mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums)));
}

}  // namespace
#endif

void LineCursor::MoveTo(size_t offset) {
  offset = std::min(offset, text_.size());
  if (offset < offset_) {
    offset_ = 0;
    newlines_ = 0;
    code_points_ = 0;
  }
#if defined(__SSE2__)
  // One pass over text_[offset_, offset), sixteen bytes at a time: each
  // byte is counted as a code point less the continuation bytes (0x80 to
  // 0xBF, the signed bytes below -64), which each lane of `counts` sums
  // for up to 255 blocks; a block that holds a "\n" is accounted for by
  // its marks. The last, partial, block is read as the sixteen bytes that
  // end at `offset` (none past it), of which only the bytes not yet read
  // count.
  const char* const text = text_.data();
  const __m128i newline_byte = _mm_set1_epi8('\n');
  const __m128i continuation_limit = _mm_set1_epi8(-64);
  size_t pos = offset_;
  size_t newlines = newlines_;
  size_t code_points = code_points_;
  while (offset - pos >= 16) {
    const size_t stop = pos + 16 * std::min<size_t>((offset - pos) / 16, 255);
    // The bytes of [counted, pos) are counted in `counts`.
    size_t counted = pos;
    __m128i counts = _mm_setzero_si128();
    for (; pos < stop; pos += 16) {
      const __m128i bytes =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + pos));
      const __m128i continuations = _mm_cmplt_epi8(bytes, continuation_limit);
      const uint32_t newline = static_cast<uint32_t>(
          _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, newline_byte)));
      if (newline != 0) {
        code_points = 16;
        AddBlockMarks(newline,
                      static_cast<uint32_t>(_mm_movemask_epi8(continuations)),
                      &newlines, &code_points);
        counts = _mm_setzero_si128();
        counted = pos + 16;
        continue;
      }
      counts = _mm_sub_epi8(counts, continuations);
    }
    code_points += pos - counted - SumLanes(counts);
  }
  if (pos < offset) {
    const size_t rest = offset - pos;
    if (offset >= 16) {
      const __m128i bytes =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + offset - 16));
      // The bytes not yet read are the last `rest` of the block.
      const uint32_t unread = (0xFFFFu << (16 - rest)) & 0xFFFFu;
      const uint32_t newline =
          static_cast<uint32_t>(
              _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, newline_byte))) &
          unread;
      const uint32_t continuation =
          static_cast<uint32_t>(
              _mm_movemask_epi8(_mm_cmplt_epi8(bytes, continuation_limit))) &
          unread;
      code_points += rest;
      if ((newline | continuation) != 0) {
        AddBlockMarks(newline, continuation, &newlines, &code_points);
      }
    } else {
      for (; pos < offset; ++pos) {
        const unsigned char c = static_cast<unsigned char>(text[pos]);
        if (c == '\n') {
          ++newlines;
          code_points = 0;
        } else if ((c & 0xC0) != 0x80) {
          ++code_points;
        }
      }
    }
  }
  newlines_ = newlines;
  code_points_ = code_points;
#else
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
#endif
  offset_ = offset;
}

}  // namespace crosscheck::base
