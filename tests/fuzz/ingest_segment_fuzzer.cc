// Fuzz target: bytes read as a plain-text article (ingest::ArticleFromText),
// then segmented around its furniture and tokenized. Checks that every
// paragraph, sentence and token lies inside the text, in order, without
// overlap and outside furniture, and that NextToken gives what Tokenize
// gives.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "proto/crosscheck/v1/article.pb.h"
#include "src/base/utf8.h"
#include "src/segment/segment.h"
#include "tests/fuzz/fuzz_util.h"

namespace crosscheck::fuzz {
namespace {

using segment::Range;
using segment::Token;
using segment::TokenKind;

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Checks the tokens of text[begin, end), as Tokenize and NextToken give
// them.
void CheckTokens(absl::string_view text, size_t begin, size_t end) {
  const std::vector<Token> tokens = segment::Tokenize(text, begin, end);
  size_t last_end = begin;
  for (const Token& token : tokens) {
    CheckRange(text, token.begin, token.end);
    CC_FUZZ_CHECK(token.begin < token.end);
    CC_FUZZ_CHECK(token.begin >= last_end);
    CC_FUZZ_CHECK(token.end <= end);
    // What lies between two tokens is white space.
    for (size_t i = last_end; i < token.begin; ++i) {
      CC_FUZZ_CHECK(IsAsciiSpace(text[i]) ||
                    static_cast<unsigned char>(text[i]) >= 0x80);
    }
    int length = 0;
    const char32_t first = base::DecodeUtf8(text, token.begin, &length);
    switch (token.kind) {
      case TokenKind::kWord:
        CC_FUZZ_CHECK(segment::IsLetter(first));
        break;
      case TokenKind::kNumber:
        CC_FUZZ_CHECK(first >= '0' && first <= '9');
        break;
      case TokenKind::kPunct:
        CC_FUZZ_CHECK(token.end - token.begin == static_cast<size_t>(length));
        break;
    }
    last_end = token.end;
  }
  size_t cursor = begin;
  Token token;
  size_t i = 0;
  while (segment::NextToken(text, end, &cursor, &token)) {
    CC_FUZZ_CHECK(i < tokens.size());
    CC_FUZZ_CHECK(token.begin == tokens[i].begin);
    CC_FUZZ_CHECK(token.end == tokens[i].end);
    CC_FUZZ_CHECK(token.kind == tokens[i].kind);
    CC_FUZZ_CHECK(cursor == token.end);
    ++i;
  }
  CC_FUZZ_CHECK(i == tokens.size());
}

bool OverlapsAny(const std::vector<Range>& ranges, size_t begin, size_t end) {
  for (const Range& r : ranges) {
    if (begin < r.end && r.begin < end) return true;
  }
  return false;
}

}  // namespace
}  // namespace crosscheck::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace crosscheck;         // NOLINT
  using namespace crosscheck::fuzz;  // NOLINT
  std::vector<v1::Note> notes;
  const v1::Article article = TextArticle(Bytes(data, size), "fuzz", &notes);
  CheckArticle(article);
  CheckNotes(article, notes);

  const absl::string_view text = article.text();
  std::vector<segment::Range> skip;
  for (const v1::Span& line : article.furniture()) {
    skip.push_back({line.begin(), line.end()});
  }
  const segment::Segmentation seg = segment::Segment(text, skip);

  size_t last_end = 0;
  for (const segment::Paragraph& p : seg.paragraphs) {
    CheckRange(text, p.begin, p.end);
    CC_FUZZ_CHECK(p.begin < p.end);
    CC_FUZZ_CHECK(p.begin >= last_end);
    CC_FUZZ_CHECK(!OverlapsAny(skip, p.begin, p.end));
    last_end = p.end;
  }
  last_end = 0;
  int last_paragraph = 0;
  for (size_t i = 0; i < seg.sentences.size(); ++i) {
    const segment::Sentence& s = seg.sentences[i];
    CheckRange(text, s.begin, s.end);
    CC_FUZZ_CHECK(s.begin < s.end);
    CC_FUZZ_CHECK(s.begin >= last_end);
    CC_FUZZ_CHECK(s.paragraph >= last_paragraph);
    CC_FUZZ_CHECK(s.paragraph >= 0 &&
                  static_cast<size_t>(s.paragraph) < seg.paragraphs.size());
    const segment::Paragraph& p = seg.paragraphs[s.paragraph];
    CC_FUZZ_CHECK(p.begin <= s.begin && s.end <= p.end);
    CC_FUZZ_CHECK(!IsAsciiSpace(text[s.begin]));
    CC_FUZZ_CHECK(seg.SentenceAt(s.begin) == static_cast<int>(i));
    CC_FUZZ_CHECK(seg.SentenceAt(s.end - 1) == static_cast<int>(i));
    CheckTokens(text, s.begin, s.end);
    last_end = s.end;
    last_paragraph = s.paragraph;
  }
  CheckTokens(text, 0, text.size());
  return 0;
}
