// Pieces shared by the report's renderers (report.cc, html.cc): lookups
// into a Report and small text helpers. Internal to src/report.

#ifndef SRC_REPORT_RENDER_UTIL_H_
#define SRC_REPORT_RENDER_UTIL_H_

#include <cstddef>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "proto/crosscheck/v1/report.pb.h"

namespace crosscheck::report {

// Lookups into a report by claim and article id. The report must outlive
// the index.
class ReportIndex {
 public:
  explicit ReportIndex(const crosscheck::v1::Report& report);

  // The claim or article with that id, or nullptr.
  const crosscheck::v1::Claim* FindClaim(const std::string& id) const;
  const crosscheck::v1::Article* FindArticle(const std::string& id) const;
  // The outlet of an article, or its id when the outlet is unknown.
  std::string Outlet(const std::string& article_id) const;
  // The outlet of the claim's article.
  std::string Outlet(const crosscheck::v1::Claim& claim) const {
    return Outlet(claim.article_id());
  }
  // How many claims the article has in the report.
  int ClaimsOf(const std::string& article_id) const;
  // The word diff of the claim's quote against its group's base version
  // (`Alignment.quote_diffs`), or nullptr when there is none.
  const crosscheck::v1::QuoteDiff* FindQuoteDiff(const std::string& id) const;
  // "Daily Ledger's version": what a quote diff is compared with, named by
  // the outlet of its base claim.
  std::string BaseVersion(const crosscheck::v1::QuoteDiff& diff) const;

 private:
  absl::flat_hash_map<std::string, const crosscheck::v1::Article*> articles_;
  absl::flat_hash_map<std::string, const crosscheck::v1::Claim*> claims_;
  absl::flat_hash_map<std::string, int> claims_per_article_;
  absl::flat_hash_map<std::string, const crosscheck::v1::QuoteDiff*>
      quote_diffs_;
};

// `pos` moved back to the start of the UTF-8 character holding it.
size_t Utf8Boundary(absl::string_view text, size_t pos);

// A claim's sentence split around its mention, cut to about `width` bytes
// around the mention (at character boundaries, `cut_before`/`cut_after`
// saying where).
struct SentenceParts {
  absl::string_view before;
  absl::string_view mention;
  absl::string_view after;
  bool cut_before = false;
  bool cut_after = false;
};

// The parts of the claim's sentence in its article's `text`; only the
// mention when the sentence does not hold it; nullopt when the mention is
// not inside `text`.
std::optional<SentenceParts> SplitSentence(absl::string_view text,
                                           const crosscheck::v1::Claim& claim,
                                           size_t width);

// `text` with each run of white space (line breaks inside a sentence)
// collapsed to one space, a space kept at either end so that pieces can be
// concatenated.
std::string OneLine(absl::string_view text);

// "figure", "date", "quote", or "claim" for an unset kind: the kind as the
// reports and the HTML page's filters name it.
std::string KindName(crosscheck::v1::Claim::Kind kind);

// "1 claim", "3 claims".
std::string Plural(int n, absl::string_view one, absl::string_view many);

}  // namespace crosscheck::report

#endif  // SRC_REPORT_RENDER_UTIL_H_
