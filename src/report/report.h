// The report stage: assembles the Report of a run and renders it for
// people (terminal text, Markdown, a side-by-side diff of two outlets) and
// for pipelines (protobuf binary, text format and JSON).
//
//   Report report = BuildReport(articles, claims, alignments, notes, run);
//   std::string page = RenderText(report, RenderOptions{.color = true});
//
// Every renderer is a pure function of its input: the same report always
// renders to the same bytes.

#ifndef SRC_REPORT_REPORT_H_
#define SRC_REPORT_REPORT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "proto/crosscheck/v1/report.pb.h"

namespace crosscheck::report {

// Output formats of the CLI.
enum class Format {
  kText,       // terminal report (default)
  kMarkdown,   // paste-ready Markdown
  kJson,       // protobuf JSON mapping, one line
  kTextproto,  // protobuf text format
  kBinpb,      // protobuf binary
  kDelimited,  // length-delimited binary stream (extract only)
  kHtml,       // self-contained HTML page (report and diff; see html.h)
};

// Parses a --format value ("text", "markdown", "json", "textproto",
// "binpb", "delimited", "html"); kInvalidArgument naming the value
// otherwise.
absl::StatusOr<Format> ParseFormat(absl::string_view name);

// How reports for people look.
struct RenderOptions {
  // ANSI colours (bold mentions, red discrepancies, deleted words red and
  // added words green).
  bool color = false;
  // Include the single-source section.
  bool single_source = true;
};

// Assembles a Report and fills its counts and each quote group's word diffs
// (`Alignment.quote_diffs`: every version whose words differ from the
// group's longest version, diffed against it). Articles are ordered by id
// (kept in input order when `run.command` is "diff": A, then B), claims and
// notes by article and position, so the same inputs given in any order
// make the same report.
crosscheck::v1::Report BuildReport(
    std::vector<crosscheck::v1::Article> articles,
    std::vector<crosscheck::v1::Claim> claims,
    std::vector<crosscheck::v1::Alignment> alignments,
    std::vector<crosscheck::v1::Note> notes, crosscheck::v1::RunInfo run);

// Terminal report: counts, then discrepancies, compatible groups,
// agreements and single-source claims. Each group shows every outlet's
// sentence with the claim marked, its location (article line:column), and
// under each quote that differs from its group's longest version the word
// diff of `Alignment.quote_diffs`: "words vs. Daily Ledger's version: a new
// chapter of [-trust-] {+cooperation+}" (red and green in colour).
std::string RenderText(const crosscheck::v1::Report& report,
                       const RenderOptions& options);

// The same content as Markdown.
std::string RenderMarkdown(const crosscheck::v1::Report& report);

// Two articles side by side, claim by claim: each row pairs a claim of the
// left article with its counterpart in the right one (or none), marked
// "=" agree, "~" compatible, "≠" discrepancy, "<" left only, ">" right only.
// A quote row that is not "=" is followed by the word diff of its versions
// (`Alignment.quote_diffs`), as in RenderText, across both columns.
// `report` must hold exactly the two articles, left first.
std::string RenderDiff(const crosscheck::v1::Report& report,
                       const RenderOptions& options);

// The claims of an extract run, article by article, one line per claim.
std::string RenderClaimsText(const crosscheck::v1::ClaimSet& claims,
                             const RenderOptions& options);

// Serializes `message` as kJson, kTextproto or kBinpb. kInternal if
// protobuf fails; kInvalidArgument for a human format.
absl::StatusOr<std::string> Serialize(const google::protobuf::Message& message,
                                      Format format);

}  // namespace crosscheck::report

#endif  // SRC_REPORT_REPORT_H_
