// Fuzz target: the whole report pipeline in memory, as `crosscheck report`
// and `crosscheck diff` run it. The bytes are split at form feeds ("\f")
// into one to three plain-text articles (the third takes the rest); their
// claims are extracted, names unified and claims aligned, and the report
// is built and rendered in every format. Checks that every claim is in
// exactly one alignment; that unifying names, aligning and building the
// report in another order give the same names, groups and report; that
// every serialization succeeds and that the binary one reads back.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "proto/crosscheck/v1/article.pb.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "proto/crosscheck/v1/report.pb.h"
#include "src/align/align.h"
#include "src/align/names.h"
#include "src/extract/extract.h"
#include "src/report/html.h"
#include "src/report/report.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

constexpr char kArticleSeparator = '\f';
constexpr size_t kMaxArticles = 3;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace crosscheck;         // NOLINT
  using namespace crosscheck::fuzz;  // NOLINT
  absl::string_view rest = Bytes(data, size);
  std::vector<v1::Article> articles;
  std::vector<v1::Claim> claims;
  std::vector<v1::Note> notes;
  while (true) {
    const size_t cut = articles.size() + 1 < kMaxArticles
                           ? rest.find(kArticleSeparator)
                           : absl::string_view::npos;
    const absl::string_view piece = rest.substr(0, cut);
    const std::string id = absl::StrCat("a", articles.size() + 1);
    articles.push_back(TextArticle(piece, id, &notes));
    extract::ArticleClaims found =
        extract::ExtractClaims(articles.back(), extract::ExtractOptions());
    CheckExtractedClaims(articles.back(), found.claims);
    CheckNotes(articles.back(), found.notes);
    for (v1::Claim& c : found.claims) claims.push_back(std::move(c));
    for (v1::Note& n : found.notes) notes.push_back(std::move(n));
    if (cut == absl::string_view::npos) break;
    rest.remove_prefix(cut + 1);
  }

  // Names are unified alike whatever the order of the claims.
  std::vector<v1::Claim> unified_reversed(claims.rbegin(), claims.rend());
  std::vector<v1::NameGroup> names = align::UnifyNames(&claims);
  const std::vector<v1::NameGroup> names_again =
      align::UnifyNames(&unified_reversed);
  CheckSame(names, names_again);
  std::reverse(unified_reversed.begin(), unified_reversed.end());
  CheckSame(claims, unified_reversed);

  std::vector<v1::Alignment> alignments =
      align::Align(articles, claims, align::AlignOptions());
  std::map<std::string, int> groups_of;
  for (const v1::Claim& claim : claims) groups_of[claim.id()] = 0;
  CC_FUZZ_CHECK(groups_of.size() == claims.size());
  for (const v1::Alignment& alignment : alignments) {
    CC_FUZZ_CHECK(alignment.claim_ids_size() > 0);
    for (const std::string& id : alignment.claim_ids()) {
      auto it = groups_of.find(id);
      CC_FUZZ_CHECK(it != groups_of.end());
      ++it->second;
    }
  }
  for (const auto& [id, groups] : groups_of) CC_FUZZ_CHECK(groups == 1);

  // The articles in reverse order, with their claims, give the same groups.
  std::vector<v1::Article> reversed_articles(articles.rbegin(),
                                             articles.rend());
  std::vector<v1::Claim> reversed_claims;
  for (const v1::Article& article : reversed_articles) {
    for (const v1::Claim& claim : claims) {
      if (claim.article_id() == article.id()) reversed_claims.push_back(claim);
    }
  }
  const std::vector<v1::Alignment> again = align::Align(
      reversed_articles, reversed_claims, align::AlignOptions());
  CheckSame(alignments, again);

  const bool diff = articles.size() == 2;
  v1::RunInfo run;
  run.set_tool_version("fuzz");
  run.set_command(diff ? "diff" : "report");
  v1::ClaimSet claim_set;
  for (const v1::Article& a : articles) *claim_set.add_articles() = a;
  for (const v1::Claim& c : claims) *claim_set.add_claims() = c;
  for (const v1::Note& n : notes) *claim_set.add_notes() = n;
  *claim_set.mutable_run() = run;

  // A report (not a diff, which keeps its order) is the same whatever the
  // order of the articles.
  std::vector<v1::Note> reversed_notes;
  for (const v1::Article& article : reversed_articles) {
    for (const v1::Note& note : notes) {
      if (note.article_id() == article.id()) reversed_notes.push_back(note);
    }
  }
  if (reversed_notes.size() != notes.size()) reversed_notes = notes;
  const v1::Report report_again = report::BuildReport(
      std::move(reversed_articles), std::move(reversed_claims), again,
      std::move(reversed_notes), run);

  v1::Report report = report::BuildReport(
      std::move(articles), std::move(claims), std::move(alignments),
      std::move(notes), run);
  if (!diff) {
    CC_FUZZ_CHECK(report.SerializeAsString() ==
                  report_again.SerializeAsString());
  }
  for (auto& group : names) *report.add_name_groups() = std::move(group);

  const report::RenderOptions plain{false, true};
  const report::RenderOptions color{true, false};
  CC_FUZZ_CHECK(!report::RenderText(report, plain).empty());
  CC_FUZZ_CHECK(!report::RenderText(report, color).empty());
  CC_FUZZ_CHECK(!report::RenderMarkdown(report).empty());
  CC_FUZZ_CHECK(!report::RenderHtml(report, plain).empty());
  if (diff) CC_FUZZ_CHECK(!report::RenderDiff(report, color).empty());
  CC_FUZZ_CHECK(!report::RenderClaimsText(claim_set, plain).empty());
  for (const report::Format format :
       {report::Format::kJson, report::Format::kTextproto,
        report::Format::kBinpb}) {
    CC_FUZZ_CHECK(report::Serialize(report, format).ok());
    CC_FUZZ_CHECK(report::Serialize(claim_set, format).ok());
  }
  const absl::StatusOr<std::string> bytes =
      report::Serialize(report, report::Format::kBinpb);
  v1::Report read_back;
  CC_FUZZ_CHECK(read_back.ParseFromString(*bytes));
  return 0;
}
