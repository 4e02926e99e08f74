// Fuzz target: ingest::ArticlesFromJsonl over the bytes after the first,
// whose two low bits choose the options (keep_going, strict_json). An
// error is a fine answer; an article read must have valid UTF-8 text with
// furniture inside it, and its claims must keep the invariants of
// fuzz_util.h.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "proto/crosscheck/v1/article.pb.h"
#include "src/extract/extract.h"
#include "src/ingest/ingest.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace crosscheck;         // NOLINT
  using namespace crosscheck::fuzz;  // NOLINT
  if (size == 0) return 0;
  ingest::IngestOptions options;
  options.keep_going = (data[0] & 1) != 0;
  options.strict_json = (data[0] & 2) != 0;
  std::vector<v1::Note> notes;
  const absl::StatusOr<std::vector<v1::Article>> articles =
      ingest::ArticlesFromJsonl(Bytes(data + 1, size - 1), "fuzz.jsonl",
                                options, &notes);
  if (!articles.ok()) {
    CC_FUZZ_CHECK(!options.keep_going);
    CC_FUZZ_CHECK(IsValidUtf8(articles.status().message()));
    return 0;
  }
  for (const v1::Note& note : notes) {
    CC_FUZZ_CHECK(IsValidUtf8(note.message()));
  }
  for (const v1::Article& article : *articles) {
    CheckArticle(article);
    CC_FUZZ_CHECK(!article.id().empty());
    const extract::ArticleClaims found =
        extract::ExtractClaims(article, extract::ExtractOptions());
    CheckExtractedClaims(article, found.claims);
    CheckNotes(article, found.notes);
  }
  return 0;
}
