// The extract stage: every claim of one article.
//
//   const ArticleClaims found = ExtractClaims(article, ExtractOptions());
//
// Extraction of one article is independent of every other article, so
// articles may be processed in any order or in parallel.

#ifndef SRC_EXTRACT_EXTRACT_H_
#define SRC_EXTRACT_EXTRACT_H_

#include <vector>

#include "proto/crosscheck/v1/article.pb.h"
#include "proto/crosscheck/v1/claim.pb.h"

namespace crosscheck::extract {

// Which extractors run. Defaults: all.
struct ExtractOptions {
  bool figures = true;
  bool dates = true;
  bool quotes = true;
};

// The claims and notes of one article.
struct ArticleClaims {
  // Ordered by span begin; ids "<article_id>:f1", ":d1", ":q1", numbered per
  // kind in text order.
  std::vector<crosscheck::v1::Claim> claims;
  std::vector<crosscheck::v1::Note> notes;
};

// Extracts figures, dates and quotes from `article`. Every claim has its
// sentence, entities (up to 16 names of its sentence within 400 bytes of the
// mention), line and column filled, and every span lies inside
// `article.text()` (outside `article.furniture()`). Never fails: problems
// with the text are notes.
ArticleClaims ExtractClaims(const crosscheck::v1::Article& article,
                            const ExtractOptions& options);

}  // namespace crosscheck::extract

#endif  // SRC_EXTRACT_EXTRACT_H_
