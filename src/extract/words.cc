#include "src/extract/words.h"

#include <algorithm>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
// The length (0 to 16) of the run of ASCII letters and digits that starts
// at `p`, reading p[0, 16). Stores the 16 bytes, ASCII letters lowercased,
// in `folded`.
inline size_t AsciiAlnumRun16(const char* p, char* folded) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Signed compares: bytes that are not ASCII are negative, in no range.
  const __m128i lower = _mm_or_si128(bytes, _mm_set1_epi8(0x20));
  const __m128i letter =
      _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                    _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
  const __m128i digit =
      _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8('0' - 1)),
                    _mm_cmplt_epi8(bytes, _mm_set1_epi8('9' + 1)));
  _mm_storeu_si128(
      reinterpret_cast<__m128i*>(folded),
      _mm_or_si128(bytes, _mm_and_si128(letter, _mm_set1_epi8(0x20))));
  const unsigned alnum =
      static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
  return static_cast<size_t>(__builtin_ctz(~alnum));
}
#endif

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

// Appends the Word of token [begin, end) of `text`, of any kind.
void AddWord(absl::string_view text, size_t begin, size_t end,
             segment::TokenKind kind, std::vector<Word>* words) {
  const absl::string_view surface = text.substr(begin, end - begin);
  Word& word = words->emplace_back();
  word.begin = begin;
  word.end = end;
  word.kind = kind;
  FoldTo(surface, &word.folded);
  const auto first = static_cast<unsigned char>(surface[0]);
  if (first < 0x80) {
    word.capitalized = first >= 'A' && first <= 'Z';
  } else {
    int length = 0;
    word.capitalized = segment::IsUpper(base::DecodeUtf8(surface, 0, &length));
  }
  if (kind == segment::TokenKind::kWord) {
    word.possessive_bytes = PossessiveBytes(surface);
  }
}

}  // namespace

std::vector<Word> Words(absl::string_view text, size_t begin, size_t end) {
  std::vector<Word> words;
  end = std::min(end, text.size());
  // About one token per four bytes of news text.
  if (end > begin) words.reserve((end - begin) / 4 + 1);
  const char* const data = text.data();
  size_t pos = begin;
  while (pos < end) {
    const uint8_t cls = ByteClass(data[pos]);
    if (cls & kSpaceClass) {
      ++pos;
      continue;
    }
    if (cls & (kLetterClass | kDigitClass)) {
      // A run of ASCII letters and digits that nothing joins to more
      // (RunEndsToken) is a whole token, as segment::NextToken would find
      // it.
      size_t e = pos + 1;
      // Fold() of the first 16 bytes, when the whole run lies in them.
      char folded16[16];
      bool have_folded16 = false;
#if defined(__SSE2__)
      if (text.size() - pos >= 16) {
        const size_t run = AsciiAlnumRun16(data + pos, folded16);
        if (run < 16 || pos + 16 >= end) {
          e = std::min(pos + run, end);
          have_folded16 = true;
        } else {
          e = pos + 16;
        }
      }
#endif
      while (e < end && (ByteClass(data[e]) & (kLetterClass | kDigitClass))) {
        ++e;
      }
      if (RunEndsToken(data, e, end)) {
        Word& word = words.emplace_back();
        word.begin = pos;
        word.end = e;
        const bool digit = (cls & kDigitClass) != 0;
        word.kind =
            digit ? segment::TokenKind::kNumber : segment::TokenKind::kWord;
        // ASCII letters and digits: Fold only lowercases.
        if (have_folded16) {
          word.folded.append(folded16, e - pos);
        } else {
          word.folded.append(data + pos, e - pos);
          for (char& c : word.folded) {
            c = absl::ascii_tolower(static_cast<unsigned char>(c));
          }
        }
        word.capitalized = data[pos] >= 'A' && data[pos] <= 'Z';
        // Letters and digits only: no possessive ending.
        pos = e;
        // The space that most often follows, skipped as the loop would.
        if (pos < end && data[pos] == ' ') ++pos;
        continue;
      }
    } else if (static_cast<unsigned char>(data[pos]) < 0x80) {
      // ASCII punctuation: a token of its own, folded to itself.
      Word& word = words.emplace_back();
      word.begin = pos;
      word.end = pos + 1;
      word.kind = segment::TokenKind::kPunct;
      word.folded.push_back(data[pos]);
      ++pos;
      continue;
    }
    segment::Token token;
    if (!segment::NextToken(text, end, &pos, &token)) break;
    AddWord(text, token.begin, token.end, token.kind, &words);
  }
  return words;
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
