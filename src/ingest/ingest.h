// The ingest stage: reads article files into crosscheck.v1.Article records.
//
//   std::vector<Note> notes;
//   absl::StatusOr<std::vector<Article>> articles =
//       ReadArticles({"a.txt", "b.jsonl", "-"}, IngestOptions(), &notes);
//
// Inputs are plain text (one article per file, metadata inferred from the
// text), JSONL (one Article per line, protobuf JSON mapping) or "-" for
// standard input (JSONL when its first character is "{", else plain text).
// Every article's text is kept as read, except that invalid UTF-8 is
// repaired with U+FFFD and a leading byte order mark is dropped, so spans
// into it are spans into the input. Page furniture and metadata lines are
// listed in Article.furniture, not removed.

#ifndef SRC_INGEST_INGEST_H_
#define SRC_INGEST_INGEST_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/crosscheck/v1/article.pb.h"

namespace crosscheck::ingest {

// How inputs are read. Defaults: infer everything, stop at the first error.
struct IngestOptions {
  // Outlet for every plain-text article; overrides what the text says.
  std::string outlet;
  // Publication date ("YYYY-MM-DD") for every plain-text article; overrides
  // what the text says.
  std::string published;
  // Skip malformed JSONL lines with a warning note instead of failing.
  bool keep_going = false;
  // Reject JSONL fields that are not part of crosscheck.v1.Article.
  bool strict_json = false;
  // The largest article accepted, in bytes of its input (a plain-text file
  // or standard input) or of its text (a JSONL record); 0 for no limit. A
  // larger one is an error (a skipped line under keep_going), never cut.
  size_t max_article_bytes = kDefaultMaxArticleBytes;

  static constexpr size_t kDefaultMaxArticleBytes = size_t{64} << 20;
};

// Reads every input in order. Fails with:
//  - kNotFound for a missing file ("cannot open 'x.txt': no such file"),
//  - kInvalidArgument for a directory, an empty or blank file, an unknown
//    file type, a malformed JSONL line ("x.jsonl:3: ..."), an article without
//    text, an invalid `published` date, or a duplicate article id,
//  - kResourceExhausted for an article over `options.max_article_bytes`,
//  - kPermissionDenied for an unreadable file.
// Repairs and skipped lines are appended to `notes` (which must not be null).
absl::StatusOr<std::vector<crosscheck::v1::Article>> ReadArticles(
    const std::vector<std::string>& paths, const IngestOptions& options,
    std::vector<crosscheck::v1::Note>* notes);

// The same, one article at a time: calls `each` on every article in input
// order as soon as it is read, and stops at the first error, its own or
// the one `each` returns. A JSONL file is read a line at a time, so memory
// does not grow with its size; a plain-text file or standard input is read
// whole. The article ids seen so far are kept, to report a duplicate.
absl::Status StreamArticles(
    const std::vector<std::string>& paths, const IngestOptions& options,
    std::vector<crosscheck::v1::Note>* notes,
    const std::function<absl::Status(crosscheck::v1::Article article)>& each);

// Builds the article of a plain-text file's contents: repairs UTF-8, infers
// title, outlet, author and publication date from the headline, byline,
// date and copyright lines, and marks furniture. `id` becomes Article.id,
// `source` Article.source. Never fails: blank input gives an empty text.
crosscheck::v1::Article ArticleFromText(absl::string_view contents,
                                        absl::string_view id,
                                        absl::string_view source,
                                        const IngestOptions& options,
                                        std::vector<crosscheck::v1::Note>* notes);

// Parses JSONL contents (one Article per non-blank line). `source` names
// the input in errors ("x.jsonl:3: ..."). Articles get their furniture
// marked and, when the fields are empty, metadata inferred from the text.
absl::StatusOr<std::vector<crosscheck::v1::Article>> ArticlesFromJsonl(
    absl::string_view contents, absl::string_view source,
    const IngestOptions& options, std::vector<crosscheck::v1::Note>* notes);

// Normalizes a date to "YYYY-MM-DD": accepts "2024-06-05",
// "2024-06-05T10:00:00Z" and "June 5, 2024" / "5 June 2024" (optionally with
// a weekday before and a time after). Empty string when not a date.
std::string NormalizeDate(absl::string_view text);

}  // namespace crosscheck::ingest

#endif  // SRC_INGEST_INGEST_H_
