#include "src/extract/words.h"

#include <utility>

#include "absl/strings/match.h"
#include "src/base/utf8.h"
#include "src/extract/fold.h"

namespace crosscheck::extract::internal {

std::vector<Word> Words(absl::string_view text, size_t begin, size_t end) {
  const std::vector<segment::Token> tokens = segment::Tokenize(text, begin, end);
  std::vector<Word> words;
  words.reserve(tokens.size());
  for (const segment::Token& token : tokens) {
    const absl::string_view surface =
        text.substr(token.begin, token.end - token.begin);
    Word word;
    word.begin = token.begin;
    word.end = token.end;
    word.kind = token.kind;
    word.folded = Fold(surface);
    int length = 0;
    word.capitalized = segment::IsUpper(base::DecodeUtf8(surface, 0, &length));
    if (token.kind == segment::TokenKind::kWord) {
      word.possessive_bytes = PossessiveBytes(surface);
    }
    words.push_back(std::move(word));
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
