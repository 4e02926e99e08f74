// The peer-suite accuracy harness: runs crosscheck's extractors over the
// figure and date cases of third-party test suites (Recognizers-Text,
// Duckling) and scores them per category. docs/accuracy.md has the command,
// the scope and scoring rules and the current results.
//
//   EvalOptions options;
//   options.suites_dir = "../shared/peer-suites";
//   absl::StatusOr<EvalReport> report = RunPeerEval(options);
//   std::cout << FormatMarkdown(*report);

#ifndef TOOLS_PEER_EVAL_PEER_EVAL_H_
#define TOOLS_PEER_EVAL_PEER_EVAL_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "tools/peer_eval/peer_eval.pb.h"
#include "tools/peer_eval/score.h"
#include "tools/peer_eval/values.h"

namespace crosscheck::peer_eval {

// What to run and report. Defaults: scores only.
struct EvalOptions {
  // The peer-suites directory (holding recognizers-text/, duckling/...).
  std::string suites_dir;
  // When set, EvalReport.failures lists the cases with a miss or a false
  // positive in this category.
  std::optional<Category> failures;
  // Which cases the failure list draws from.
  Mode failures_mode = Mode::kInScope;
  // Also score each file (Score rows with `file` set).
  bool by_file = false;
  // When set, a claims file (ClaimsFile, tools/peer_eval/claims_file.h):
  // the claims of another system are scored instead of running crosscheck's
  // extractors. It must give a line for every case of every file read.
  std::string claims_file;
};

// Reads every file of the scope table (tools/peer_eval/data/suites.tsv)
// that is in or out of scope, runs extract::ExtractClaims (figures and
// dates, no quotes) on each case — or takes the case's claims from
// `options.claims_file` — and scores the claims. Files the table skips are
// not read; files missing on disk or unknown to the table are listed in the
// report, not errors.
// Errors: kNotFound when `suites_dir` is not a directory or a file cannot
// be read; kInvalidArgument "FILE:LINE: ..." for a malformed case, and for a
// claims file that is malformed, has no line for a case read, names a case
// that was not read, or holds a claim whose span ends past the case's
// input.
absl::StatusOr<EvalReport> RunPeerEval(const EvalOptions& options);

// The report as Markdown: the in-scope and all-cases tables by category
// and suite, per-file rows if present, the scope exclusions, the files,
// then the failures if any.
std::string FormatMarkdown(const EvalReport& report);

}  // namespace crosscheck::peer_eval

#endif  // TOOLS_PEER_EVAL_PEER_EVAL_H_
