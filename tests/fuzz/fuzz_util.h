// Helpers shared by the fuzz targets of tests/fuzz: the article a target
// builds from its input, and the invariants every claim must keep. A broken
// invariant prints what broke and where, then aborts, which libFuzzer and
// the replay test report as a failure.

#ifndef TESTS_FUZZ_FUZZ_UTIL_H_
#define TESTS_FUZZ_FUZZ_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "proto/crosscheck/v1/article.pb.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "src/ingest/ingest.h"

// Aborts, naming the condition and the line, unless `condition` holds.
#define CC_FUZZ_CHECK(condition)                                     \
  do {                                                               \
    if (!(condition)) {                                              \
      std::fprintf(stderr, "%s:%d: fuzz invariant broken: %s\n",     \
                   __FILE__, __LINE__, #condition);                  \
      std::abort();                                                  \
    }                                                                \
  } while (false)

namespace crosscheck::fuzz {

// The publication date of every article a target builds, so that relative
// dates resolve.
inline constexpr absl::string_view kPublished = "2024-06-05";

// The fuzzer's bytes as a string_view.
inline absl::string_view Bytes(const uint8_t* data, size_t size) {
  return absl::string_view(reinterpret_cast<const char*>(data), size);
}

// The plain-text article of `contents`, as a .txt file of that name would
// be read (UTF-8 repaired, metadata inferred, furniture marked), published
// on kPublished.
inline crosscheck::v1::Article TextArticle(absl::string_view contents,
                                           absl::string_view id,
                                           std::vector<crosscheck::v1::Note>*
                                               notes) {
  ingest::IngestOptions options;
  options.published = std::string(kPublished);
  return ingest::ArticleFromText(contents, id, std::string(id) + ".txt",
                                 options, notes);
}

// True when `text` is valid UTF-8.
inline bool IsValidUtf8(absl::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    size_t length = 0;
    char32_t min = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      length = 2, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4, min = 0x10000;
    } else {
      return false;
    }
    if (text.size() - i < length) return false;
    char32_t code = c & (0x7F >> length);
    for (size_t k = 1; k < length; ++k) {
      const unsigned char next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return false;
    }
    i += length;
  }
  return true;
}

// True when byte `offset` of `text` starts a character (or is its end).
inline bool IsCharBoundary(absl::string_view text, size_t offset) {
  return offset >= text.size() ||
         (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

// Checks that [begin, end) is a range of whole characters of `text`.
inline void CheckRange(absl::string_view text, size_t begin, size_t end) {
  CC_FUZZ_CHECK(begin <= end);
  CC_FUZZ_CHECK(end <= text.size());
  CC_FUZZ_CHECK(IsCharBoundary(text, begin));
  CC_FUZZ_CHECK(IsCharBoundary(text, end));
}

// True when [begin, end) shares a byte with a furniture line of `article`.
inline bool OverlapsFurniture(const crosscheck::v1::Article& article,
                              size_t begin, size_t end) {
  for (const crosscheck::v1::Span& line : article.furniture()) {
    if (begin < line.end() && line.begin() < end) return true;
  }
  return false;
}

// Checks what ingest promises of an article: valid UTF-8 text and
// furniture lines in order, inside it.
inline void CheckArticle(const crosscheck::v1::Article& article) {
  const std::string& text = article.text();
  CC_FUZZ_CHECK(IsValidUtf8(text));
  size_t last_end = 0;
  for (const crosscheck::v1::Span& line : article.furniture()) {
    CheckRange(text, line.begin(), line.end());
    CC_FUZZ_CHECK(line.begin() >= last_end);
    last_end = line.end();
  }
  CC_FUZZ_CHECK(IsValidUtf8(article.title()));
  CC_FUZZ_CHECK(IsValidUtf8(article.author()));
  CC_FUZZ_CHECK(IsValidUtf8(article.outlet()));
  CC_FUZZ_CHECK(article.published().empty() ||
                ingest::NormalizeDate(article.published()) ==
                    article.published());
}

// Checks every claim of `article` against what the extractors promise:
// its span is whole characters of the text, outside furniture, and its
// text is the bytes of its span; its other strings are valid UTF-8; a
// date's end is not before its start; a quote's speaker span lies in the
// text and is set only with a speaker.
inline void CheckClaims(const crosscheck::v1::Article& article,
                        const std::vector<crosscheck::v1::Claim>& claims) {
  const absl::string_view text = article.text();
  for (const crosscheck::v1::Claim& claim : claims) {
    const size_t begin = claim.span().begin();
    const size_t end = claim.span().end();
    CheckRange(text, begin, end);
    CC_FUZZ_CHECK(begin < end);
    CC_FUZZ_CHECK(!OverlapsFurniture(article, begin, end));
    CC_FUZZ_CHECK(claim.text() == text.substr(begin, end - begin));
    if (claim.has_sentence()) {
      CheckRange(text, claim.sentence().begin(), claim.sentence().end());
    }
    for (const std::string& entity : claim.entities()) {
      CC_FUZZ_CHECK(IsValidUtf8(entity));
    }
    for (const std::string& keyword : claim.keywords()) {
      CC_FUZZ_CHECK(IsValidUtf8(keyword));
    }
    CC_FUZZ_CHECK(IsValidUtf8(claim.predicate()));
    switch (claim.kind()) {
      case crosscheck::v1::Claim::KIND_FIGURE:
        CC_FUZZ_CHECK(claim.has_figure());
        CC_FUZZ_CHECK(IsValidUtf8(claim.figure().unit()));
        CC_FUZZ_CHECK(IsValidUtf8(claim.figure().counted()));
        break;
      case crosscheck::v1::Claim::KIND_DATE: {
        CC_FUZZ_CHECK(claim.has_date());
        const crosscheck::v1::Date& date = claim.date();
        CC_FUZZ_CHECK(date.start().empty() == date.end().empty());
        CC_FUZZ_CHECK(date.start().size() == date.end().size());
        CC_FUZZ_CHECK(date.start() <= date.end());
        CC_FUZZ_CHECK(IsValidUtf8(date.event()));
        break;
      }
      case crosscheck::v1::Claim::KIND_QUOTE: {
        CC_FUZZ_CHECK(claim.has_quote());
        const crosscheck::v1::Quote& quote = claim.quote();
        CC_FUZZ_CHECK(IsValidUtf8(quote.text()));
        CC_FUZZ_CHECK(IsValidUtf8(quote.normalized()));
        CC_FUZZ_CHECK(IsValidUtf8(quote.speaker()));
        CC_FUZZ_CHECK(IsValidUtf8(quote.role()));
        if (quote.has_speaker_span()) {
          CC_FUZZ_CHECK(!quote.speaker().empty());
          CheckRange(text, quote.speaker_span().begin(),
                     quote.speaker_span().end());
        }
        break;
      }
      default:
        CC_FUZZ_CHECK(false && "claim of no kind");
    }
  }
}

// Checks, besides CheckClaims, what extract::ExtractClaims promises of the
// claims of `article`: in order of span begin, ids "<article id>:" and the
// kind's letter numbered from 1 per kind in text order, the article id,
// a sentence that holds the span, at most 16 entities, and the 1-based line
// and code-point column of the span's begin.
inline void CheckExtractedClaims(
    const crosscheck::v1::Article& article,
    const std::vector<crosscheck::v1::Claim>& claims) {
  CheckClaims(article, claims);
  const absl::string_view text = article.text();
  int counts[4] = {0, 0, 0, 0};
  size_t offset = 0;
  uint32_t line = 1;
  uint32_t column = 1;
  for (const crosscheck::v1::Claim& claim : claims) {
    const size_t begin = claim.span().begin();
    CC_FUZZ_CHECK(begin >= offset);
    for (; offset < begin; ++offset) {
      if (text[offset] == '\n') {
        ++line;
        column = 1;
      } else if (IsCharBoundary(text, offset)) {
        ++column;
      }
    }
    CC_FUZZ_CHECK(claim.line() == line);
    CC_FUZZ_CHECK(claim.column() == column);
    const int kind = static_cast<int>(claim.kind());
    CC_FUZZ_CHECK(kind >= 1 && kind <= 3);
    CC_FUZZ_CHECK(claim.id() == article.id() + ":" + "?fdq"[kind] +
                                    std::to_string(++counts[kind]));
    CC_FUZZ_CHECK(claim.article_id() == article.id());
    CC_FUZZ_CHECK(claim.has_sentence());
    CC_FUZZ_CHECK(claim.sentence().begin() <= begin);
    CC_FUZZ_CHECK(claim.span().end() <= claim.sentence().end());
    CC_FUZZ_CHECK(claim.entities_size() <= 16);
  }
}

// Checks that `a` and `b` hold the same messages in the same order.
template <typename Message>
void CheckSame(const std::vector<Message>& a, const std::vector<Message>& b) {
  CC_FUZZ_CHECK(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CC_FUZZ_CHECK(a[i].SerializeAsString() == b[i].SerializeAsString());
  }
}

// Checks that every note with a span points into `article`'s text.
inline void CheckNotes(const crosscheck::v1::Article& article,
                       const std::vector<crosscheck::v1::Note>& notes) {
  for (const crosscheck::v1::Note& note : notes) {
    CC_FUZZ_CHECK(IsValidUtf8(note.message()));
    if (note.has_span()) {
      CheckRange(article.text(), note.span().begin(), note.span().end());
    }
  }
}

}  // namespace crosscheck::fuzz

#endif  // TESTS_FUZZ_FUZZ_UTIL_H_
