// quote_eval: scores crosscheck's quote attribution — (quote, speaker)
// pairs — on its own attribution cases, the fixture stories and two peer
// suites. Parses flags into EvalOptions, runs RunQuoteEval and prints the
// report; see docs/accuracy.md, "Quote attribution".

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "src/base/flag_parse.h"
#include "tools/eval_io/eval_io.h"
#include "tools/quote_eval/quote_eval.h"

ABSL_FLAG(std::string, suite, "",
          "the own attribution cases (default "
          "tests/extract/data/attribution_cases.textproto in the workspace)");
ABSL_FLAG(std::string, heldout, "",
          "the held-out attribution cases (default "
          "tests/extract/data/attribution_cases_heldout.textproto in the "
          "workspace)");
ABSL_FLAG(std::string, blind, "",
          "the blind attribution cases (default "
          "tests/extract/data/attribution_cases_blind.textproto in the "
          "workspace)");
ABSL_FLAG(std::string, blind2, "",
          "the second blind attribution cases (default "
          "tests/extract/data/attribution_cases_blind2.textproto in the "
          "workspace)");
ABSL_FLAG(std::string, fixtures, "",
          "the fixtures directory (default fixtures/ in the workspace)");
ABSL_FLAG(std::string, peer_suites, "",
          "the peer-suites directory (default ../shared/peer-suites from the "
          "workspace)");
ABSL_FLAG(bool, failures, false, "also list every failing case");
ABSL_FLAG(bool, json, false, "print the report as JSON instead of Markdown");

namespace {

namespace fs = std::filesystem;

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;

constexpr char kUsage[] =
    R"(quote_eval: crosscheck's quote attribution on seven sets of quotations

usage:
  bazel run -c opt //tools/quote_eval -- [flags]

Prints, per set (own, held-out and two blind sets of attribution cases,
fixture stories, textacy, Recognizers-Text), span recall and precision, speaker accuracy and
accuracy = right pairs / (expected quotes + unmatched found quotes), as
Markdown (or JSON with --json). Rules: docs/accuracy.md.

flags:
  --suite=FILE          own cases (default: <workspace>/tests/extract/data/
                        attribution_cases.textproto)
  --heldout=FILE        held-out cases (default: <workspace>/tests/extract/
                        data/attribution_cases_heldout.textproto)
  --blind=FILE          blind cases (default: <workspace>/tests/extract/
                        data/attribution_cases_blind.textproto)
  --blind2=FILE         second blind cases (default: <workspace>/tests/
                        extract/data/attribution_cases_blind2.textproto)
  --fixtures=DIR        fixture stories (default: <workspace>/fixtures)
  --peer_suites=DIR     peer suites (default: <workspace>/../shared/peer-suites)
  --failures            also list every case with a miss, a false positive,
                        or a wrong speaker, form or role
  --json                print the report (crosscheck.quote_eval.
                        QuoteEvalReport) as JSON

Paths given by flag are relative to the directory bazel run was started in.
A set whose path does not exist is reported "not found".

exit status: 0 success; 2 usage or input error.
)";

int Fail(absl::string_view message) {
  std::cerr << "quote_eval: error: "
            << std::string_view(message.data(), message.size()) << "\n";
  return kExitUsage;
}

// `flag` resolved against the user's directory, or `fallback` against the
// workspace root when the flag is empty.
std::string Resolve(const std::string& flag, const fs::path& working,
                    const fs::path& workspace, const char* fallback) {
  if (flag.empty()) return (workspace / fallback).lexically_normal().string();
  const fs::path path(flag);
  return path.is_absolute() ? flag
                            : (working / path).lexically_normal().string();
}

}  // namespace

int main(int argc, char** argv) {
  if (crosscheck::base::AsksForHelp(argc, argv)) {
    std::cout << kUsage;
    return kExitOk;
  }
  const absl::StatusOr<std::vector<std::string>> positional =
      crosscheck::base::ParseOwnFlags(
          argc, argv, "tools/quote_eval/quote_eval_main", "--help");
  if (!positional.ok()) return Fail(positional.status().message());
  if (!positional->empty()) {
    return Fail(
        "no positional argument is taken; paths are flags (see --help)");
  }

  // `bazel run` starts the binary in its runfiles tree: defaults are meant
  // relative to the workspace, paths given relative to where the user ran it.
  const crosscheck::eval_io::RunDirs dirs = crosscheck::eval_io::BazelRunDirs();
  const fs::path& working = dirs.working;
  const fs::path& workspace = dirs.workspace;

  crosscheck::quote_eval::EvalOptions options;
  options.suite_path =
      Resolve(absl::GetFlag(FLAGS_suite), working, workspace,
              "tests/extract/data/attribution_cases.textproto");
  options.heldout_path =
      Resolve(absl::GetFlag(FLAGS_heldout), working, workspace,
              "tests/extract/data/attribution_cases_heldout.textproto");
  options.blind_path =
      Resolve(absl::GetFlag(FLAGS_blind), working, workspace,
              "tests/extract/data/attribution_cases_blind.textproto");
  options.blind2_path =
      Resolve(absl::GetFlag(FLAGS_blind2), working, workspace,
              "tests/extract/data/attribution_cases_blind2.textproto");
  options.fixtures_dir =
      Resolve(absl::GetFlag(FLAGS_fixtures), working, workspace, "fixtures");
  options.peer_dir = Resolve(absl::GetFlag(FLAGS_peer_suites), working,
                             workspace, "../shared/peer-suites");
  options.failures = absl::GetFlag(FLAGS_failures);

  const absl::StatusOr<crosscheck::quote_eval::QuoteEvalReport> report =
      crosscheck::quote_eval::RunQuoteEval(options);
  if (!report.ok()) return Fail(report.status().message());

  if (absl::GetFlag(FLAGS_json)) {
    const absl::StatusOr<std::string> json =
        crosscheck::eval_io::ToJson(*report);
    if (!json.ok()) return Fail(json.status().message());
    std::cout << *json << "\n";
  } else {
    std::cout << crosscheck::quote_eval::FormatMarkdown(*report);
  }
  return kExitOk;
}
