#include "src/extract/words.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/base/attributes.h"
#include "absl/base/optimization.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "src/base/utf8.h"
#include "src/extract/fold.h"

namespace crosscheck::extract::internal {

namespace {

using segment::internal::ByteClass;
using segment::internal::kDigitClass;
using segment::internal::kJoinerClass;
using segment::internal::kLetterClass;
using segment::internal::kSpaceClass;

#if defined(__SSE2__)
// Which of the 16 bytes at some `p` are ASCII letters or digits, and
// digits: a bit each, bit k for p[k].
struct ByteMasks {
  unsigned alnum;
  unsigned digit;
};

// The ByteMasks of p[0, 16). Stores the 16 bytes with bit 0x20 set in
// `folded`: where they are ASCII letters and digits, the bytes of Fold (an
// ASCII letter lowercased; a digit has the bit already).
ABSL_ATTRIBUTE_ALWAYS_INLINE inline ByteMasks ReadBytes16(const char* p,
                                                          char* folded) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // x - lo, less 128, is below n - 128 (signed) exactly when x is in
  // [lo, lo + n): one subtraction and one compare per range.
  const auto in_range = [](__m128i x, char lo, int n) {
    return _mm_cmplt_epi8(
        _mm_sub_epi8(x, _mm_set1_epi8(static_cast<char>(lo + 128))),
        _mm_set1_epi8(static_cast<char>(n - 128)));
  };
  const __m128i lower = _mm_or_si128(bytes, _mm_set1_epi8(0x20));
  const __m128i letter = in_range(lower, 'a', 26);
  const __m128i digit = in_range(bytes, '0', 10);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(folded), lower);
  return ByteMasks{
      static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit))),
      static_cast<unsigned>(_mm_movemask_epi8(digit))};
}

// The length (0 to 16) of the run of ASCII letters and digits that starts
// at `p`, reading p[0, 16). Stores 16 bytes in `folded` that start with
// the run's, lowercased, and a bit per digit of the run in `*digits` (bit
// k for p[k]).
inline size_t AsciiAlnumRun16(const char* p, char* folded, unsigned* digits) {
  const ByteMasks masks = ReadBytes16(p, folded);
  const unsigned alnum = masks.alnum;
  // The bits of the run: those of `alnum` below its lowest zero.
  *digits = masks.digit & alnum & ~(alnum + 1);
  return static_cast<size_t>(__builtin_ctz(~alnum));
}
#endif

// The run of ASCII letters and digits that starts at text[pos] (a letter
// or a digit): returns its length, up to 16 (a longer run counts as 16),
// and stores 16 bytes in `folded` that start with the run's, lowercased.
// Sets bit k of `*digits` when byte k of the run (k < 16) is a digit, and
// no other bit.
// Reads nothing past the end of the text.
inline size_t AsciiAlnumPrefix(absl::string_view text, size_t pos, char* folded,
                               unsigned* digits) {
#if defined(__SSE2__)
  if (text.size() - pos >= 16) {
    return AsciiAlnumRun16(text.data() + pos, folded, digits);
  }
  // The last bytes of the text, padded with bytes that are no letter.
  char tail[16] = {};
  std::memcpy(tail, text.data() + pos, text.size() - pos);
  return AsciiAlnumRun16(tail, folded, digits);
#else
  std::memset(folded, 0, 16);
  size_t n = 0;
  *digits = 0;
  while (n < 16 && pos + n < text.size() &&
         (ByteClass(text[pos + n]) & (kLetterClass | kDigitClass))) {
    folded[n] = absl::ascii_tolower(static_cast<unsigned char>(text[pos + n]));
    if (absl::ascii_isdigit(static_cast<unsigned char>(text[pos + n]))) {
      *digits |= 1u << n;
    }
    ++n;
  }
  return n;
#endif
}

// Words built where they are stored: words.emplace_back(maker) converts
// the maker to a Word in the vector's own slot, so `folded` is constructed
// with its bytes there instead of appended to afterwards. Each conversion
// inlines all it calls, the construction of the string included, and so
// do the loops that append words (CROSSCHECK_FLATTEN), the vector's
// emplace_back included, but for the functions kept out of line.
#if defined(__GNUC__)
#define CROSSCHECK_FLATTEN __attribute__((flatten))
#else
#define CROSSCHECK_FLATTEN
#endif

// A token of ASCII letters and digits, `folded` holding its lowercased
// bytes followed by more, 15 or more bytes in all. Copying a fixed 15
// bytes and then setting the length takes no call, where a copy of the
// token's own length would.
struct ShortAsciiWord {
  size_t begin;
  size_t end;  // at most begin + 15
  const char* folded;
  segment::TokenKind kind;
  bool capitalized;
  bool has_digit;

  CROSSCHECK_FLATTEN operator Word() const {
    // Every member at once, so that none is stored twice.
    Word word{begin,
              end,
              std::string(folded, 15),
              kind,
              capitalized,
              0,
              static_cast<uint8_t>(has_digit ? kHasDigit : 0)};
    ABSL_ASSUME(end - begin <= 15);
    word.folded.erase(end - begin);
    return word;
  }
};

// A token of ASCII letters and digits of any length, `text` pointing at it.
struct AsciiWord {
  size_t begin;
  size_t end;
  const char* text;
  segment::TokenKind kind;

  CROSSCHECK_FLATTEN operator Word() const {
    Word word{0, 0, std::string(text, end - begin)};
    for (char& c : word.folded) {
      c = absl::ascii_tolower(static_cast<unsigned char>(c));
    }
    word.begin = begin;
    word.end = end;
    word.kind = kind;
    word.capitalized = text[0] >= 'A' && text[0] <= 'Z';
    word.shape = ShapeOf(word.folded);
    return word;
  }
};

// A character of ASCII punctuation at `text`: folded to itself.
struct AsciiPunct {
  size_t begin;
  const char* text;

  CROSSCHECK_FLATTEN operator Word() const {
    return Word{begin,
                begin + 1,
                std::string(text, 1),
                segment::TokenKind::kPunct,
                false,
                0,
                static_cast<uint8_t>(*text == '-' ? kHasHyphen : 0)};
  }
};

// Whether a run of ASCII letters and digits that ends at `e` (before
// `end`, or at it) is a whole token, as segment::NextToken would find it:
// the run is followed by the end, by ASCII that cannot join it to more
// (white space, most punctuation), or by an ASCII joiner ("-", "'", ",",
// ".") that has no letter or digit after it ("said, ", "him."). A joiner
// joins only before a letter or digit: NextToken's hyphen, apostrophe and
// digit-separator rules all require one after it, and so does its rule for
// dotted abbreviations ("U.S.").
bool RunEndsToken(const char* data, size_t e, size_t end) {
  if (e == end) return true;
  const auto next = static_cast<unsigned char>(data[e]);
  if (next >= 0x80) return false;
  if ((ByteClass(data[e]) & kJoinerClass) == 0) return true;
  if (e + 1 == end) return true;
  const auto after = static_cast<unsigned char>(data[e + 1]);
  return after < 0x80 &&
         (ByteClass(data[e + 1]) & (kLetterClass | kDigitClass)) == 0;
}

// A token of at most 15 bytes, folded to `folded_size` bytes of
// `folded`, followed by more, 15 or more bytes in all, and of WordShape
// bits `shape`.
struct ShortFoldedWord {
  size_t begin;
  size_t end;
  const char* folded;
  size_t folded_size;
  segment::TokenKind kind;
  bool capitalized;
  size_t possessive_bytes;
  uint8_t shape;

  CROSSCHECK_FLATTEN operator Word() const {
    Word word{begin,
              end,
              std::string(folded, 15),
              kind,
              capitalized,
              static_cast<uint8_t>(possessive_bytes),
              shape};
    ABSL_ASSUME(folded_size <= 15);
    word.folded.erase(folded_size);
    return word;
  }
};

// A token of any kind, `folded` holding its folded bytes followed by more,
// at least 15 bytes in all.
struct FoldedWord {
  size_t begin;
  size_t end;
  const char* folded;
  size_t folded_size;
  segment::TokenKind kind;
  bool capitalized;
  size_t possessive_bytes;

  CROSSCHECK_FLATTEN operator Word() const {
    const uint8_t shape = ShapeOf(absl::string_view(folded, folded_size));
    if (folded_size <= 15) {
      return ShortFoldedWord{begin, end,        folded,           folded_size,
                             kind,  capitalized, possessive_bytes, shape};
    }
    return Word{begin,
                end,
                std::string(folded, folded_size),
                kind,
                capitalized,
                static_cast<uint8_t>(possessive_bytes),
                shape};
  }
};

// Appends the Word of the first token of text[pos, end), of any kind, as
// segment::NextToken finds it, and returns the position after it (`end`
// when only white space is left). Out of line, for the tokens that are not
// plain ASCII, so that the loop over the others keeps its registers.
ABSL_ATTRIBUTE_NOINLINE CROSSCHECK_FLATTEN size_t AddNextWord(
    absl::string_view text, size_t pos, size_t end, std::vector<Word>* words) {
  const char* const data = text.data();
  // Typographic punctuation of U+2000 to U+203F, such as quote marks and
  // dashes, other than the spaces among them: none is a letter, so each
  // is a token of its own, as NextToken would find it (even where the
  // range ends inside it).
  if (static_cast<unsigned char>(data[pos]) == 0xE2 && pos + 2 < text.size() &&
      static_cast<unsigned char>(data[pos + 1]) == 0x80 &&
      (static_cast<unsigned char>(data[pos + 2]) & 0xC0) == 0x80) {
    const char32_t c =
        0x2000 | (static_cast<unsigned char>(data[pos + 2]) & 0x3F);
    if (c != 0x2002 && c != 0x2003 && c != 0x2009 && c != 0x202F) {
      char folded[16] = {};
      const size_t folded_size = FoldInto(data + pos, 3, folded);
      // Folded to "'", "-" or the character itself.
      words->emplace_back(ShortFoldedWord{
          pos, pos + 3, folded, folded_size, segment::TokenKind::kPunct,
          false, 0, static_cast<uint8_t>(folded[0] == '-' ? kHasHyphen : 0)});
      return pos + 3;
    }
  }
  segment::Token token;
  if (!segment::NextToken(text, end, &pos, &token)) return end;
  const absl::string_view surface =
      text.substr(token.begin, token.end - token.begin);
  bool capitalized;
  const auto first = static_cast<unsigned char>(surface[0]);
  if (first < 0x80) {
    capitalized = first >= 'A' && first <= 'Z';
  } else {
    int length = 0;
    capitalized = segment::IsUpper(base::DecodeUtf8(surface, 0, &length));
  }
  const size_t possessive_bytes =
      token.kind == segment::TokenKind::kWord ? PossessiveBytes(surface) : 0;
#if defined(__SSE2__)
  if (surface.size() <= 15 && token.begin + 16 <= text.size()) {
    // A token of ASCII of at most 15 bytes ("2,400", "U.S.", "four-day"),
    // read with the 16 bytes from its start: Fold lowercases its letters.
    const __m128i bytes =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + token.begin));
    const unsigned in_token = (1u << surface.size()) - 1;
    if ((static_cast<unsigned>(_mm_movemask_epi8(bytes)) & in_token) == 0) {
      // x - lo, less 128, is below n - 128 (signed) exactly when x is in
      // [lo, lo + n).
      const auto in_range = [](__m128i x, char lo, int n) {
        return _mm_cmplt_epi8(
            _mm_sub_epi8(x, _mm_set1_epi8(static_cast<char>(lo + 128))),
            _mm_set1_epi8(static_cast<char>(n - 128)));
      };
      char folded16[16];
      _mm_storeu_si128(
          reinterpret_cast<__m128i*>(folded16),
          _mm_or_si128(bytes, _mm_and_si128(in_range(bytes, 'A', 26),
                                            _mm_set1_epi8(0x20))));
      const unsigned digits =
          static_cast<unsigned>(_mm_movemask_epi8(in_range(bytes, '0', 10)));
      const unsigned hyphens = static_cast<unsigned>(
          _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('-'))));
      const uint8_t shape =
          static_cast<uint8_t>(((digits & in_token) != 0 ? kHasDigit : 0) |
                               ((hyphens & in_token) != 0 ? kHasHyphen : 0));
      words->emplace_back(ShortFoldedWord{token.begin, token.end, folded16,
                                          surface.size(), token.kind,
                                          capitalized, possessive_bytes,
                                          shape});
      return pos;
    }
  }
#endif
  char folded[64 + 15] = {};
  if (surface.size() <= 64) {
    const size_t folded_size =
        FoldInto(surface.data(), surface.size(), folded);
    words->emplace_back(FoldedWord{token.begin, token.end, folded, folded_size,
                                   token.kind, capitalized, possessive_bytes});
  } else {
    Word& word = words->emplace_back();
    word.begin = token.begin;
    word.end = token.end;
    word.kind = token.kind;
    FoldTo(surface, &word.folded);
    word.capitalized = capitalized;
    word.possessive_bytes = static_cast<uint8_t>(possessive_bytes);
    word.shape = ShapeOf(word.folded);
  }
  return pos;
}

// Appends the Word of the token that starts at text[pos], a letter or a
// digit, and returns the position after it and after one space that
// follows it. Out of line, for the runs of ASCII letters and digits the
// loop in Words does not take: those of 16 bytes or more, those the range
// ends in or that are near the end of the text, and those that something
// joins to more (a token of another kind, left to AddNextWord).
ABSL_ATTRIBUTE_NOINLINE size_t AddAsciiToken(absl::string_view text,
                                             size_t pos, size_t end,
                                             std::vector<Word>* words) {
  const char* const data = text.data();
  char folded16[16];
  unsigned digits = 0;
  const size_t run = AsciiAlnumPrefix(text, pos, folded16, &digits);
  size_t e = std::min(pos + run, end);
  if (run == 16) {
    while (e < end && (ByteClass(data[e]) & (kLetterClass | kDigitClass))) {
      ++e;
    }
  }
  if (!RunEndsToken(data, e, end)) return AddNextWord(text, pos, end, words);
  // The space that most often follows, skipped as the loop would.
  const size_t next = e < end && data[e] == ' ' ? e + 1 : e;
  const segment::TokenKind kind = (digits & 1) ? segment::TokenKind::kNumber
                                               : segment::TokenKind::kWord;
  if (e - pos > 15) {
    words->emplace_back(AsciiWord{pos, e, data + pos, kind});
    return next;
  }
  // The digits of the token: the range may end inside the run.
  if (e - pos < run) digits &= (1u << (e - pos)) - 1;
  // ASCII letters and digits: Fold only lowercases (so the first byte
  // changes only for a capital), and there is no possessive ending.
  words->emplace_back(ShortAsciiWord{pos, e, folded16, kind,
                                     folded16[0] != data[pos], digits != 0});
  return next;
}

// Makes room for at least one more word in `words`. Out of line: the
// vectors are sized for the text they hold, and seldom grow.
ABSL_ATTRIBUTE_NOINLINE void Grow(std::vector<Word>* words) {
  words->reserve(words->capacity() * 2 + 1);
}

// Appends the tokens of text[begin, end) to `words`, begin < end <=
// text.size(). Each token takes a path of its own, inline for runs of
// ASCII letters and digits (most tokens) and ASCII punctuation; every
// call it makes (a token of another kind, a vector to grow) is out of
// line, so that the loop keeps its state in registers.
CROSSCHECK_FLATTEN void AppendWords(absl::string_view text, size_t begin,
                                    size_t end, std::vector<Word>* words) {
  const char* const data = text.data();
#if defined(__SSE2__)
  // Positions with 16 bytes of text from them on.
  const size_t wide_end = text.size() >= 16 ? text.size() - 15 : 0;
#endif
  size_t pos = begin;
  while (pos < end) {
    if (ABSL_PREDICT_FALSE(words->size() == words->capacity())) Grow(words);
    // Known from here to the next call: `emplace_back` does not grow.
    ABSL_ASSUME(words->data() + words->size() !=
                words->data() + words->capacity());
    const uint8_t cls = ByteClass(data[pos]);
    if (cls & (kLetterClass | kDigitClass)) {
#if defined(__SSE2__)
      // A run of ASCII letters and digits shorter than 16 bytes, followed
      // inside the range by a space or by ASCII that does not join it to
      // more (RunEndsToken): a whole token, as segment::NextToken would
      // find it. The 16 bytes read tell its length and digits and hold
      // its folded bytes (Fold only lowercases ASCII letters, and there
      // is no possessive ending).
      if (ABSL_PREDICT_TRUE(pos < wide_end)) {
        char folded16[16];
        const ByteMasks masks = ReadBytes16(data + pos, folded16);
        const unsigned run =
            static_cast<unsigned>(__builtin_ctz(~masks.alnum));
        const size_t e = pos + run;
        if (ABSL_PREDICT_TRUE(run < 16 && e < end)) {
          size_t next = e;
          if (data[e] == ' ') {
            next = e + 1;
          } else if (!RunEndsToken(data, e, end)) {
            pos = AddNextWord(text, pos, end, words);
            continue;
          }
          words->emplace_back(ShortAsciiWord{
              pos, e, folded16,
              (cls & kDigitClass) ? segment::TokenKind::kNumber
                                  : segment::TokenKind::kWord,
              static_cast<unsigned char>(data[pos] - 'A') < 26,
              (masks.digit & ((1u << run) - 1)) != 0});
          pos = next;
          continue;
        }
      }
#endif
      pos = AddAsciiToken(text, pos, end, words);
      continue;
    }
    if (cls & kSpaceClass) {
      ++pos;
      continue;
    }
    if (static_cast<unsigned char>(data[pos]) < 0x80) {
      // ASCII punctuation: a token of its own, and the space that most
      // often follows it skipped as the loop would.
      words->emplace_back(AsciiPunct{pos, data + pos});
      pos += pos + 1 < end && data[pos + 1] == ' ' ? 2 : 1;
      continue;
    }
    pos = AddNextWord(text, pos, end, words);
  }
}

}  // namespace

CROSSCHECK_FLATTEN std::vector<Word> Words(absl::string_view text,
                                           size_t begin, size_t end) {
  std::vector<Word> words;
  end = std::min(end, text.size());
  if (end <= begin) return words;
  // About one token per four bytes of news text.
  words.reserve((end - begin) / 4 + 1);
  AppendWords(text, begin, end, &words);
  return words;
}

CROSSCHECK_FLATTEN std::vector<std::vector<Word>> SentenceWords(
    absl::string_view text, const std::vector<segment::Sentence>& sentences) {
  std::vector<std::vector<Word>> words(sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    const size_t begin = sentences[i].begin;
    const size_t end = std::min(sentences[i].end, text.size());
    if (end <= begin) continue;
    // About one token per four bytes of news text.
    words[i].reserve((end - begin) / 4 + 1);
    AppendWords(text, begin, end, &words[i]);
  }
  return words;
}

void SetFolded(Word* word, std::string folded) {
  word->folded = std::move(folded);
  word->shape = ShapeOf(word->folded);
}

uint8_t ShapeOf(absl::string_view folded) {
  uint8_t shape = 0;
  for (const char c : folded) {
    if (c >= '0' && c <= '9') shape |= kHasDigit;
    if (c == '-') shape |= kHasHyphen;
  }
  return shape;
}

size_t PossessiveBytes(absl::string_view word) {
  if (word.empty() || (word.back() != 's' && word.back() != 'S')) return 0;
  const absl::string_view before = word.substr(0, word.size() - 1);
  for (absl::string_view apostrophe : {"'", "\u2019", "\u2018"}) {
    if (before.size() > apostrophe.size() &&
        absl::EndsWith(before, apostrophe)) {
      return apostrophe.size() + 1;
    }
  }
  return 0;
}

}  // namespace crosscheck::extract::internal
