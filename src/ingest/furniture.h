// Recognizes page furniture and metadata lines of scraped news text.
// Internal to the ingest stage.

#ifndef SRC_INGEST_FURNITURE_H_
#define SRC_INGEST_FURNITURE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace crosscheck::ingest::internal {

// What the header and footer lines of an article say about it.
struct Metadata {
  std::string title;
  std::string outlet;
  std::string author;
  // As written; normalize with NormalizeDate.
  std::string published;
};

// A line of the text, [begin, end) without its line break.
struct LineSpan {
  size_t begin = 0;
  size_t end = 0;
};

// Finds the furniture lines of `text` (reading time, video and newsletter
// promos, "More from" link lists, share and contact lines, breadcrumbs,
// bylines, date, outlet, copyright and sign-off lines, and the headline) and fills
// `meta` from those that carry metadata. Lines are returned in text order.
std::vector<LineSpan> FindFurniture(absl::string_view text, Metadata* meta);

}  // namespace crosscheck::ingest::internal

#endif  // SRC_INGEST_FURNITURE_H_
