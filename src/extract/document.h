// An article prepared for extraction: its text, segmentation and
// publication date, computed once and shared by every extractor.

#ifndef SRC_EXTRACT_DOCUMENT_H_
#define SRC_EXTRACT_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "proto/crosscheck/v1/article.pb.h"
#include "src/extract/words.h"
#include "src/segment/segment.h"

namespace crosscheck::extract {

// Read-only view of one article for the extractors. Borrows the article,
// which must outlive the Document.
struct Document {
  // `Article.id`.
  absl::string_view id;
  // `Article.text`: every offset below points into it.
  absl::string_view text;
  // Paragraphs and sentences, furniture left out.
  segment::Segmentation seg;
  // The words of each sentence (internal::Words), parallel to
  // seg.sentences: tokenized once and shared by the extractors.
  std::vector<std::vector<internal::Word>> sentence_words;
  // `Article.published`, when it is a valid ISO date.
  std::optional<absl::CivilDay> published;
  // Distinct for every Document MakeDocument builds, 0 for others: caches
  // of facts computed from sentence_words key on it, so nothing here may
  // change after MakeDocument.
  uint64_t serial = 0;

  // The text of a byte range.
  absl::string_view Slice(size_t begin, size_t end) const {
    return text.substr(begin, end - begin);
  }
};

// Builds the Document of `article`: segments it around its furniture and
// tokenizes every sentence.
Document MakeDocument(const crosscheck::v1::Article& article);

// Parses an ISO 8601 calendar date "YYYY-MM-DD"; nullopt when malformed or
// not a real day.
std::optional<absl::CivilDay> ParseIsoDay(absl::string_view text);

}  // namespace crosscheck::extract

#endif  // SRC_EXTRACT_DOCUMENT_H_
