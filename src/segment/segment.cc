#include "src/segment/segment.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <initializer_list>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/strings/ascii.h"
#include "src/base/utf8.h"

namespace crosscheck::segment {
namespace {

using base::DecodeUtf8;
using base::DecodeUtf8Before;

// A set of lowercase words of 1 to 7 bytes. Each word is packed into an
// integer (its bytes in order, then zeros, and its size in the top byte)
// and kept in an open-addressing table at most a third full, so that a
// word is looked up with one multiplication and a probe or two.
class WordList {
 public:
  WordList(std::initializer_list<const char*> list) {
    for (const char* word : list) {
      const absl::string_view w(word);
      assert(!w.empty() && w.size() <= kMaxSize);
      size_t slot = Slot(Pack(w));
      while (slots_[slot] != 0) slot = (slot + 1) % kSlots;
      slots_[slot] = Pack(w);
    }
  }

  // Whether absl::AsciiStrToLower(word) is in the list.
  bool ContainsLowercase(absl::string_view word) const {
    if (word.empty() || word.size() > kMaxSize) return false;
    const uint64_t key = Pack(word);
    for (size_t slot = Slot(key);; slot = (slot + 1) % kSlots) {
      if (slots_[slot] == key) return true;
      if (slots_[slot] == 0) return false;
    }
  }

 private:
  static constexpr size_t kMaxSize = 7;
  static constexpr size_t kSlots = 256;

  // absl::AsciiStrToLower(word), 1 to 7 bytes, packed.
  static uint64_t Pack(absl::string_view word) {
    uint64_t key = uint64_t{word.size()} << 56;
    for (size_t i = 0; i < word.size(); ++i) {
      key |= uint64_t{static_cast<unsigned char>(absl::ascii_tolower(
                 static_cast<unsigned char>(word[i])))}
             << (8 * i);
    }
    return key;
  }

  static size_t Slot(uint64_t key) {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15u) >> 56);
  }

  uint64_t slots_[kSlots] = {};
};

// Words that end with a period without ending a sentence (lowercase, no
// period). Multi-dot abbreviations ("U.S.") are handled separately.
const WordList& Abbreviations() {
  static const auto* const kList = new WordList{
      "mr",    "mrs",  "ms",    "dr",   "prof", "st",   "sen",  "rep",
      "gen",   "gov",  "lt",    "col",  "sgt",  "capt", "cmdr", "adm",
      "maj",   "rev",  "hon",   "pres", "supt", "insp", "det",  "fr",
      "jr",    "sr",   "inc",   "corp", "co",   "ltd",  "no",   "nos",
      "vs",    "etc",  "approx", "dept", "est", "fig",  "mt",   "ft",
      "jan",   "feb",  "mar",   "apr",  "jun",  "jul",  "aug",  "sep",
      "sept",  "oct",  "nov",   "dec",  "mon",  "tue",  "tues", "wed",
      "thu",   "thur", "thurs", "fri",  "sat",  "sun",  "ave",  "blvd",
      "rd",    "univ", "assn",  "bros", "mme",  "mlle", "messrs"};
  return *kList;
}

// Words that, after a dotted abbreviation such as "U.S.", start a new
// sentence rather than continue a name ("the U.S. The talks...").
const WordList& SentenceStarters() {
  static const auto* const kList = new WordList{
      "the", "a",   "an",   "he",  "she",   "it",     "they", "we",  "i",
      "but", "and", "this", "that", "these", "those", "in",   "on",  "at",
      "his", "her", "its",  "their", "there", "after", "when", "while",
      "as",  "yet", "still", "so",  "for",  "if",     "our",  "you"};
  return *kList;
}

using internal::ByteClass;
using internal::kDigitClass;
using internal::kJoinerClass;
using internal::kLetterClass;
using internal::kSpaceClass;
using internal::kStopClass;

inline bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  return c == 0x00A0 || c == 0x2009 || c == 0x202F || c == 0x2002 ||
         c == 0x2003;
}

bool IsClosing(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D ||
         c == 0x2019 || c == 0x00BB || c == 0x203A;
}

bool IsOpening(char32_t c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C ||
         c == 0x2018 || c == 0x00AB || c == 0x2039;
}

inline bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

inline bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

inline bool IsHyphen(char32_t c) {
  return c == '-' || c == 0x2010 || c == 0x2011;
}

// IsLetter(c) || IsDigit(c), with ASCII decided by table.
inline bool IsAlnum(char32_t c) {
  if (c < 0x80) return (ByteClass(static_cast<char>(c)) & (kLetterClass | kDigitClass)) != 0;
  return IsLetter(c);
}

// Whether `c` may continue a token after an alphanumeric: a joiner
// (hyphen, apostrophe, "," or ".") or the dot of an abbreviation.
inline bool MayJoin(char32_t c) {
  if (c < 0x80) return (ByteClass(static_cast<char>(c)) & kJoinerClass) != 0;
  return c == 0x2010 || c == 0x2011 || c == 0x2019;
}

#if defined(__SSE2__)
// A bit for each byte among p[0, 16) that may be of kStopClass, bit k for
// p[k]: the bytes of kStopClass, and "/" and ">". One compare finds "."
// and "?" with them: x | 0x11 is 0x3F exactly for x in "./>?".
inline unsigned StopMask16(const char* p) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i stop = _mm_or_si128(
      _mm_cmpeq_epi8(_mm_or_si128(bytes, _mm_set1_epi8(0x11)),
                     _mm_set1_epi8(0x3F)),
      _mm_or_si128(
          _mm_cmpeq_epi8(bytes, _mm_set1_epi8('!')),
          _mm_cmpeq_epi8(bytes, _mm_set1_epi8(static_cast<char>(0xE2)))));
  return static_cast<unsigned>(_mm_movemask_epi8(stop));
}
#endif

// The first position in [pos, end) of a byte of kStopClass, or `end`, or
// earlier a "/" or ">" (no terminator: the caller passes over it as over
// any other character). Reads 32 bytes at a time, then 16; the last fewer
// than 16 in the 16 bytes that end at `end` (when the text has 16 bytes
// before it), those before `pos` left out.
inline size_t SkipToStop(const char* data, size_t pos, size_t end) {
#if defined(__SSE2__)
  // The positions with 32 bytes before `end` from them on: [.., last].
  for (const size_t last = end - 32; end >= 32 && pos <= last; pos += 32) {
    const unsigned mask =
        StopMask16(data + pos) | StopMask16(data + pos + 16) << 16;
    if (mask != 0) return pos + __builtin_ctz(mask);
  }
  if (end - pos >= 16) {
    const unsigned mask = StopMask16(data + pos);
    if (mask != 0) return pos + __builtin_ctz(mask);
    pos += 16;
  }
  if (pos < end && end >= 16) {
    const unsigned mask = StopMask16(data + end - 16) >> (pos - (end - 16));
    return mask != 0 ? pos + __builtin_ctz(mask) : end;
  }
#endif
  while (pos < end && (ByteClass(data[pos]) & kStopClass) == 0) ++pos;
  return pos;
}

// The end of the run of ASCII letters and digits that starts at data[pos],
// at most `end`, in a text of `size` bytes (end <= size). Reads 16 bytes
// at a time where the text has them.
inline size_t AsciiAlnumRunEnd(const char* data, size_t size, size_t pos,
                               size_t end) {
#if defined(__SSE2__)
  for (; pos + 16 <= size; pos += 16) {
    if (pos >= end) return end;
    const __m128i bytes =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos));
    // x - lo, less 128, is below n - 128 (signed) exactly when x is in
    // [lo, lo + n).
    const auto in_range = [](__m128i x, char lo, int n) {
      return _mm_cmplt_epi8(
          _mm_sub_epi8(x, _mm_set1_epi8(static_cast<char>(lo + 128))),
          _mm_set1_epi8(static_cast<char>(n - 128)));
    };
    const __m128i alnum = _mm_or_si128(
        in_range(_mm_or_si128(bytes, _mm_set1_epi8(0x20)), 'a', 26),
        in_range(bytes, '0', 10));
    const unsigned stop =
        ~static_cast<unsigned>(_mm_movemask_epi8(alnum)) & 0xFFFF;
    if (stop != 0) return std::min(pos + __builtin_ctz(stop), end);
  }
#endif
  // Bytes that are not ASCII are of no class but kStopClass.
  while (pos < end && (ByteClass(data[pos]) & (kLetterClass | kDigitClass))) {
    ++pos;
  }
  return std::min(pos, end);
}

// The word (letters and dots) that ends at `end` (exclusive), without a
// trailing period, starting at `begin` or later. Reads ASCII 16 bytes at a
// time, backwards; a byte that is not ASCII is decoded.
absl::string_view WordBefore(absl::string_view text, size_t begin,
                             size_t end) {
  size_t pos = end;
#if defined(__SSE2__)
  const char* const data = text.data();
  while (pos > begin && pos >= 16) {
    const __m128i bytes =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos - 16));
    // x - lo, less 128, is below n - 128 (signed) exactly when x is in
    // [lo, lo + n).
    const auto in_range = [](__m128i x, char lo, int n) {
      return _mm_cmplt_epi8(
          _mm_sub_epi8(x, _mm_set1_epi8(static_cast<char>(lo + 128))),
          _mm_set1_epi8(static_cast<char>(n - 128)));
    };
    const __m128i word = _mm_or_si128(
        _mm_or_si128(
            in_range(_mm_or_si128(bytes, _mm_set1_epi8(0x20)), 'a', 26),
            in_range(bytes, '0', 10)),
        _mm_cmpeq_epi8(bytes, _mm_set1_epi8('.')));
    // Bit k: byte pos - 16 + k is no ASCII letter, digit or '.', or lies
    // before `begin`.
    unsigned stop = ~static_cast<unsigned>(_mm_movemask_epi8(word)) & 0xFFFF;
    if (pos - 16 < begin) stop |= (1u << (begin - (pos - 16))) - 1;
    if (stop == 0) {
      pos -= 16;
      continue;
    }
    const size_t at = pos - 16 + (31 - __builtin_clz(stop));
    pos = at + 1;
    // The word starts after an ASCII byte or at `begin`; a byte that is
    // not ASCII is left to the loop below.
    if (at < begin || static_cast<unsigned char>(data[at]) < 0x80) {
      return text.substr(pos, end - pos);
    }
    break;
  }
#endif
  while (pos > begin) {
    const char byte = text[pos - 1];
    if (static_cast<unsigned char>(byte) < 0x80) {
      if ((ByteClass(byte) & (kLetterClass | kDigitClass)) == 0 &&
          byte != '.') {
        break;
      }
      --pos;
      continue;
    }
    int len;
    char32_t c = DecodeUtf8Before(text, pos, &len);
    if (!(IsLetter(c) || c == '.' || IsDigit(c))) break;
    pos -= len;
  }
  return text.substr(pos, end - pos);
}

// Whether `word` holds a '.'. A word of 4 to 16 bytes is read with two
// loads of fixed size, overlapping where they must, and tested for the
// byte eight at a time, without a loop.
inline bool HasDot(absl::string_view word) {
  constexpr uint64_t kOnes = ~uint64_t{0} / 255;  // 0x0101...01
  // Whether a byte of `x` is '.': a byte of x ^ "........" is zero
  // ("Determine if a word has a zero byte", Bit Twiddling Hacks).
  const auto has_dot = [](uint64_t x) {
    const uint64_t v = x ^ (kOnes * '.');
    return ((v - kOnes) & ~v & (kOnes * 0x80)) != 0;
  };
  const char* const p = word.data();
  const size_t n = word.size();
  if (n >= 8 && n <= 16) {
    uint64_t first, last;
    std::memcpy(&first, p, 8);
    std::memcpy(&last, p + n - 8, 8);
    return has_dot(first) || has_dot(last);
  }
  if (n >= 4 && n < 8) {
    uint32_t first, last;
    std::memcpy(&first, p, 4);
    std::memcpy(&last, p + n - 4, 4);
    return has_dot(uint64_t{first} | uint64_t{last} << 32);
  }
  return std::find(word.begin(), word.end(), '.') != word.end();
}

// Decides whether the period at `dot` ends a sentence. `next` is the offset
// of the first non-space character after the period and its closers.
bool PeriodEndsSentence(absl::string_view text, size_t begin, size_t dot,
                        size_t next, size_t end) {
  if (next >= end) return true;
  const absl::string_view word = WordBefore(text, begin, dot);
  if (word.empty()) return true;
  int len;
  const char32_t next_char = DecodeUtf8(text, next, &len);
  // A lowercase word or a digit after the period continues the sentence
  // ("approx. 40", "p.m. on Monday").
  // IsUpper, ASCII decided inline.
  const bool upper =
      next_char < 0x80 ? next_char - 'A' < 26 : IsUpper(next_char);
  if (!upper && !IsOpening(next_char)) {
    return !IsLetter(next_char) && !IsDigit(next_char);
  }
  // A single capital letter: an initial ("A. Okafor").
  if (word.size() == 1 && absl::ascii_isupper(word[0])) return false;
  if (HasDot(word)) {
    // Dotted abbreviation ("U.S", "a.m"): a new sentence only when the next
    // word is a typical sentence start.
    size_t e = next;
    while (e < end) {
      int l;
      char32_t c = DecodeUtf8(text, e, &l);
      if (!IsLetter(c)) break;
      e += l;
    }
    return SentenceStarters().ContainsLowercase(text.substr(next, e - next));
  }
  return !Abbreviations().ContainsLowercase(word);
}

void SplitSentences(absl::string_view text, const Paragraph& para,
                    int para_index, std::vector<Sentence>* out) {
  size_t pos = para.begin;
  size_t start = para.end;  // start of the current sentence, if any
  auto flush = [&](size_t end) {
    if (start < end) out->push_back({start, end, para_index});
    start = para.end;
  };
  const char* const data = text.data();
  while (pos < para.end) {
    if (start != para.end) {
      // Inside a sentence only terminators matter. Each starts a character
      // (no UTF-8 continuation byte is ASCII or 0xE2), so skipping bytes
      // rather than characters passes over none of them.
      pos = SkipToStop(data, pos, para.end);
      if (pos >= para.end) break;
      // A lead byte 0xE2 of a character other than "…" (a quote mark, a
      // dash) is no terminator: the bytes after it are skipped as above.
      if (static_cast<unsigned char>(data[pos]) == 0xE2 &&
          !(pos + 2 < text.size() &&
            static_cast<unsigned char>(data[pos + 1]) == 0x80 &&
            static_cast<unsigned char>(data[pos + 2]) == 0xA6)) {
        ++pos;
        continue;
      }
    }
    int len;
    const char32_t c = DecodeUtf8(text, pos, &len);
    if (start == para.end) {
      if (IsSpace(c)) {
        pos += len;
        continue;
      }
      start = pos;
    }
    if (c == '.' || c == '!' || c == '?' || c == 0x2026) {
      size_t after = pos + len;
      size_t next;
      if (c < 0x80 && pos + 2 < para.end && data[pos + 1] == ' ' &&
          static_cast<unsigned char>(data[pos + 2]) < 0x80 &&
          (ByteClass(data[pos + 2]) & kSpaceClass) == 0) {
        // The most common case, one space and a character of ASCII after
        // the terminator: what the loops below find at once.
        next = pos + 2;
      } else {
        // Swallow a run of terminators and closing marks.
        while (after < para.end) {
          int l;
          char32_t d = DecodeUtf8(text, after, &l);
          if (d == '.' || d == '!' || d == '?' || d == 0x2026 ||
              IsClosing(d)) {
            after += l;
          } else {
            break;
          }
        }
        // A decimal point or a dot inside a token ("48.5", "U.S") is not a
        // boundary: the next character must be a space.
        if (after < para.end) {
          int l;
          char32_t d = DecodeUtf8(text, after, &l);
          if (!IsSpace(d)) {
            pos = after;
            continue;
          }
        }
        next = after;
        while (next < para.end) {
          int l;
          char32_t d = DecodeUtf8(text, next, &l);
          if (!IsSpace(d)) break;
          next += l;
        }
      }
      bool ends = true;
      if (c == '.') {
        ends = PeriodEndsSentence(text, start, pos, next, para.end);
      } else if (next < para.end) {
        // "?" or "!" inside a quote followed by a lowercase attribution
        // ("“Why?” she asked") continues the sentence.
        int l;
        char32_t d = DecodeUtf8(text, next, &l);
        ends = !(IsLetter(d) && !IsUpper(d));
      }
      if (ends) {
        // Trim trailing spaces inside [start, after).
        flush(after);
        // The next sentence starts at the first character after the
        // spaces.
        if (next < para.end) start = next;
        pos = next;
        continue;
      }
      pos = after;
      continue;
    }
    pos += len;
  }
  // Final sentence without terminator: trim trailing space.
  if (start < para.end) {
    size_t e = para.end;
    while (e > start) {
      int l;
      char32_t d = DecodeUtf8Before(text, e, &l);
      if (!IsSpace(d)) break;
      e -= l;
    }
    flush(e);
  }
}

}  // namespace

namespace internal {

bool IsLetterNotAscii(char32_t c) {
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0xC0 && c <= 0x24F) return true;   // Latin-1, Latin Extended
  if (c >= 0x370 && c <= 0x52F) return true;  // Greek, Cyrillic
  if (c >= 0x1E00 && c <= 0x1FFF) return true;
  if (c >= 0x0590 && c <= 0x06FF) return true;  // Hebrew, Arabic
  if (c >= 0x3040 && c <= 0x9FFF) return true;  // Kana, CJK
  if (c >= 0xAC00 && c <= 0xD7AF) return true;  // Hangul
  return false;
}

bool IsUpperNotAscii(char32_t c) {
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return true;
  // Latin Extended-A pairs each capital with the small letter after it. The
  // capitals are the even code points of U+0100-U+0137 ("Ą", "Č") and
  // U+014A-U+0177 ("Ś", "Š"), the odd ones of U+0139-U+0148 ("Ł", "Ň") and
  // U+0179-U+017E ("Ź", "Ż", "Ž"), and U+0178 "Ÿ" (whose small letter is
  // Latin-1's "ÿ"); "ĸ" (U+0138), "ŉ" (U+0149) and "ſ" (U+017F) have none.
  if (c >= 0x100 && c <= 0x137) return c % 2 == 0;
  if (c >= 0x139 && c <= 0x148) return c % 2 == 1;
  if (c >= 0x14A && c <= 0x177) return c % 2 == 0;
  if (c == 0x178) return true;
  if (c >= 0x179 && c <= 0x17E) return c % 2 == 1;
  if (c >= 0x391 && c <= 0x3AB) return true;
  if (c >= 0x400 && c <= 0x42F) return true;
  return false;
}

}  // namespace internal

int Segmentation::SentenceAt(size_t offset) const {
  auto it = std::upper_bound(
      sentences.begin(), sentences.end(), offset,
      [](size_t o, const Sentence& s) { return o < s.begin; });
  if (it == sentences.begin()) return -1;
  --it;
  if (offset >= it->end) return -1;
  return static_cast<int>(it - sentences.begin());
}

Segmentation Segment(absl::string_view text, const std::vector<Range>& skip) {
  // Lines, classified as blank, skipped, or body.
  struct Line {
    size_t begin, end;  // without the line break
    bool blank, skipped;
  };
  std::vector<Line> lines;
  // About one line per 64 bytes at most, in most texts.
  lines.reserve(text.size() / 64 + 16);
  // Lines with something to segment: an upper bound on the paragraphs.
  size_t body_lines = 0;
  size_t skip_index = 0;
  // The lines of base::SplitLines, read one at a time as base::LineAt
  // reads them (inline: a text has a line every hundred bytes or so): up
  // to a "\n" or the end of the text, a "\r" before the "\n" left out.
  const char* const data = text.data();
  for (size_t next = 0; next <= text.size();) {
    const size_t pos = next;
    const void* const newline =
        pos < text.size() ? std::memchr(data + pos, '\n', text.size() - pos)
                          : nullptr;
    const size_t line_break =
        newline == nullptr
            ? text.size()
            : static_cast<size_t>(static_cast<const char*>(newline) - data);
    const size_t end =
        line_break > pos && data[line_break - 1] == '\r' ? line_break - 1
                                                          : line_break;
    next = line_break + 1;
    bool blank = true;
    for (size_t i = pos; i < end && blank; ) {
      int len;
      if (!IsSpace(DecodeUtf8(text, i, &len))) blank = false;
      i += len;
    }
    while (skip_index < skip.size() && skip[skip_index].end <= pos &&
           skip[skip_index].end < end) {
      ++skip_index;
    }
    bool skipped = false;
    for (size_t k = skip_index; k < skip.size() && skip[k].begin < end + 1;
         ++k) {
      if (skip[k].begin < std::max(end, pos + 1) && skip[k].end > pos) {
        skipped = true;
        break;
      }
    }
    lines.push_back({pos, end, blank, skipped});
    if (!blank && !skipped) ++body_lines;
  }
  // One paragraph per line unless the body uses blank lines between blocks.
  bool blocks = false;
  for (size_t i = 1; i + 1 < lines.size(); ++i) {
    if (lines[i].blank && !lines[i - 1].blank && !lines[i - 1].skipped &&
        !lines[i + 1].blank) {
      blocks = true;
      break;
    }
  }
  // With blank lines between blocks, a paragraph is a block: its
  // consecutive body lines, up to a blank or skipped line. Without them,
  // each body line is a paragraph of its own.
  Segmentation seg;
  seg.paragraphs.reserve(body_lines);
  size_t para_begin = 0;
  size_t para_end = 0;
  bool open = false;
  auto close = [&]() {
    if (open) seg.paragraphs.push_back({para_begin, para_end});
    open = false;
  };
  for (const Line& line : lines) {
    if (line.blank || line.skipped) {
      close();
      continue;
    }
    if (!blocks) close();
    if (!open) {
      para_begin = line.begin;
      open = true;
    }
    para_end = line.end;
  }
  close();
  // About one sentence per 128 bytes at most, in most texts, and at least
  // one per paragraph.
  seg.sentences.reserve(text.size() / 128 + seg.paragraphs.size());
  for (size_t i = 0; i < seg.paragraphs.size(); ++i) {
    SplitSentences(text, seg.paragraphs[i], static_cast<int>(i),
                   &seg.sentences);
  }
  return seg;
}

bool NextToken(absl::string_view text, size_t end, size_t* cursor,
               Token* token) {
  const char* const data = text.data();
  size_t pos = *cursor;
  while (pos < end) {
    int len = 1;
    char32_t c;
    const uint8_t cls = ByteClass(data[pos]);
    if (static_cast<unsigned char>(data[pos]) < 0x80) {
      if (cls & kSpaceClass) {
        ++pos;
        continue;
      }
      c = static_cast<unsigned char>(data[pos]);
      if ((cls & (kLetterClass | kDigitClass)) == 0) {
        *token = {pos, pos + 1, TokenKind::kPunct};
        *cursor = pos + 1;
        return true;
      }
    } else {
      c = base::internal::DecodeUtf8Multibyte(text, pos, &len);
      if (IsSpace(c)) {
        pos += len;
        continue;
      }
      if (!IsLetter(c)) {
        *token = {pos, pos + len, TokenKind::kPunct};
        *cursor = pos + len;
        return true;
      }
    }
    const TokenKind kind = IsDigit(c) ? TokenKind::kNumber : TokenKind::kWord;
    size_t e = pos + len;
    // The character that ends at `e`.
    char32_t prev = c;
    while (true) {
      // Runs of ASCII letters and digits, the bulk of most tokens.
      const size_t run = e;
      e = AsciiAlnumRunEnd(data, text.size(), e, end);
      if (e > run) prev = static_cast<unsigned char>(data[e - 1]);
      if (e >= end) break;
      int l;
      const char32_t d = DecodeUtf8(text, e, &l);
      if (IsAlnum(d)) {
        prev = d;
        e += l;
        continue;
      }
      if (!MayJoin(d)) break;
      // Joiners count only between two alphanumerics.
      int l2;
      const char32_t after = e + l < end ? DecodeUtf8(text, e + l, &l2) : 0;
      const bool alnum_after = IsAlnum(after);
      if (alnum_after &&
          ((IsHyphen(d)) ||
           (IsApostrophe(d) && IsLetter(prev) && IsLetter(after)) ||
           ((d == ',' || d == '.') && IsDigit(prev) && IsDigit(after)))) {
        prev = after;
        e += l + l2;
        continue;
      }
      // Dotted abbreviations ("U.S.", "a.m."): one-letter segments joined
      // by dots, with the final dot.
      if (d == '.' && kind == TokenKind::kWord) {
        size_t seg_begin = pos;
        for (size_t i = e; i > pos; --i) {
          if (text[i - 1] == '.') {
            seg_begin = i;
            break;
          }
        }
        int seg_len;
        DecodeUtf8(text, seg_begin, &seg_len);
        const bool one_letter = seg_begin + seg_len == e;
        const bool dotted = seg_begin > pos;
        if (one_letter && IsLetter(after) && e + l + l2 < end &&
            text[e + l + l2] == '.') {
          prev = after;
          e += l + l2;
          continue;
        }
        if (one_letter && dotted) e += l;
      }
      break;
    }
    *token = {pos, e, kind};
    *cursor = e;
    return true;
  }
  *cursor = pos;
  return false;
}

std::vector<Token> Tokenize(absl::string_view text, size_t begin,
                            size_t end) {
  std::vector<Token> tokens;
  end = std::min(end, text.size());
  // About one token per four bytes of news text.
  if (end > begin) tokens.reserve((end - begin) / 4 + 1);
  size_t pos = begin;
  Token token;
  while (NextToken(text, end, &pos, &token)) tokens.push_back(token);
  return tokens;
}

}  // namespace crosscheck::segment
