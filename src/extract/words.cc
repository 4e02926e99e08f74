#include "src/extract/words.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "src/base/utf8.h"
#include "src/extract/fold.h"

namespace crosscheck::extract::internal {

std::vector<Word> Words(absl::string_view text, size_t begin, size_t end) {
  std::vector<Word> words;
  end = std::min(end, text.size());
  // About one token per four bytes of news text.
  if (end > begin) words.reserve((end - begin) / 4 + 1);
  size_t pos = begin;
  segment::Token token;
  while (segment::NextToken(text, end, &pos, &token)) {
    const absl::string_view surface =
        text.substr(token.begin, token.end - token.begin);
    Word& word = words.emplace_back();
    word.begin = token.begin;
    word.end = token.end;
    word.kind = token.kind;
    FoldTo(surface, &word.folded);
    const auto first = static_cast<unsigned char>(surface[0]);
    if (first < 0x80) {
      word.capitalized = first >= 'A' && first <= 'Z';
    } else {
      int length = 0;
      word.capitalized =
          segment::IsUpper(base::DecodeUtf8(surface, 0, &length));
    }
    if (token.kind == segment::TokenKind::kWord) {
      word.possessive_bytes = PossessiveBytes(surface);
    }
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
