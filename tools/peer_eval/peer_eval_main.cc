// peer_eval: scores crosscheck's figure and date extraction on third-party
// test suites. Parses flags into EvalOptions, runs RunPeerEval and prints
// the report; see docs/accuracy.md.

#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "src/base/flag_parse.h"
#include "tools/peer_eval/peer_eval.h"
#include "tools/eval_io/eval_io.h"

ABSL_FLAG(std::string, failures, "",
          "list the failing cases of this category: number, ordinal, percent, "
          "numberrange, currency, date, duration");
ABSL_FLAG(std::string, failures_scope, "in",
          "which cases --failures lists: in (in scope) or all");
ABSL_FLAG(bool, json, false, "print the report as JSON instead of Markdown");
ABSL_FLAG(bool, by_file, false, "add per-file score tables");
ABSL_FLAG(std::string, claims, "",
          "score the claims of another system read from this JSONL file "
          "(crosscheck.peer_eval.CaseClaims a line) instead of running "
          "crosscheck's extractors");

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;

constexpr char kUsage[] =
    R"(peer_eval: figure and date extraction (crosscheck's, or another system's
claims) scored on peer test suites

usage:
  bazel run -c opt //tools/peer_eval -- [flags] [SUITES_DIR]

SUITES_DIR is the peer-suites directory (default ../shared/peer-suites,
relative to the directory bazel run was started in). Prints precision,
recall and F1 per category and suite, in scope and over all cases, as
Markdown (or JSON with --json). Scope and scoring rules: docs/accuracy.md.

flags:
  --failures=CATEGORY   also list the failing cases of CATEGORY: number,
                        ordinal, percent, numberrange, currency, date, duration
  --failures_scope=in   in (default): in-scope cases; all: every case
  --by_file             add per-file score tables
  --claims=FILE         score another system: FILE gives its claims for
                        every case read, one CaseClaims JSON object a line
                        (bench/peers/run.mjs suite writes them)
  --json                print the report (crosscheck.peer_eval.EvalReport)
                        as JSON

exit status: 0 success; 2 usage or input error.
)";

constexpr char kDefaultSuitesDir[] = "../shared/peer-suites";

int Fail(absl::string_view message) {
  std::cerr << "peer_eval: error: "
            << std::string_view(message.data(), message.size()) << "\n";
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  // `bazel run` starts the binary in its runfiles tree; relative paths are
  // meant relative to where the user ran it.
  if (const char* dir = std::getenv("BUILD_WORKING_DIRECTORY")) {
    if (::chdir(dir) != 0) return Fail(absl::StrCat("cannot enter ", dir));
  }
  if (crosscheck::base::AsksForHelp(argc, argv)) {
    std::cout << kUsage;
    return kExitOk;
  }
  const absl::StatusOr<std::vector<std::string>> positional =
      crosscheck::base::ParseOwnFlags(
          argc, argv, "tools/peer_eval/peer_eval_main", "--help");
  if (!positional.ok()) return Fail(positional.status().message());
  if (positional->size() > 1) {
    return Fail("at most one suites directory may be given (see --help)");
  }

  crosscheck::peer_eval::EvalOptions options;
  options.suites_dir =
      positional->empty() ? kDefaultSuitesDir : positional->front();
  options.by_file = absl::GetFlag(FLAGS_by_file);
  options.claims_file = absl::GetFlag(FLAGS_claims);
  const std::string failures = absl::GetFlag(FLAGS_failures);
  if (!failures.empty()) {
    options.failures = crosscheck::peer_eval::ParseCategory(failures);
    if (!options.failures.has_value()) {
      return Fail(absl::StrCat(
          "unknown category '", failures,
          "' for --failures (number, ordinal, percent, numberrange, "
          "currency, date, duration)"));
    }
  }
  const std::string scope = absl::GetFlag(FLAGS_failures_scope);
  if (scope == "all") {
    options.failures_mode = crosscheck::peer_eval::Mode::kAll;
  } else if (scope != "in") {
    return Fail(absl::StrCat("bad value '", scope,
                             "' for --failures_scope (in or all)"));
  }

  const absl::StatusOr<crosscheck::peer_eval::EvalReport> report =
      crosscheck::peer_eval::RunPeerEval(options);
  if (!report.ok()) return Fail(report.status().message());

  if (absl::GetFlag(FLAGS_json)) {
    const absl::StatusOr<std::string> json = crosscheck::eval_io::ToJson(*report);
    if (!json.ok()) return Fail(json.status().message());
    std::cout << *json << "\n";
  } else {
    std::cout << crosscheck::peer_eval::FormatMarkdown(*report);
  }
  if (options.failures.has_value() && report->failures_size() == 0) {
    std::cerr << "peer_eval: no failing case for --failures=" << failures
              << "\n";
  }
  return kExitOk;
}
