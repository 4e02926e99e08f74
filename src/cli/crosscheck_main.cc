// crosscheck: cross-checks figures, dates and quotes across news outlets.
// Parses flags into CliOptions and runs the command; see docs/cli.md.

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "src/base/flag_parse.h"
#include "src/cli/cli.h"
#include "src/cli/output.h"

ABSL_FLAG(std::string, format, "text",
          "output format: text, markdown, json, textproto, binpb; "
          "extract also takes delimited (one length-delimited ClaimSet per "
          "article), report and diff also html (one self-contained page)");
ABSL_FLAG(std::string, color, "auto",
          "colour in text output: auto (when stdout is a terminal), always, "
          "never");
ABSL_FLAG(std::string, outlet, "",
          "outlet name for every plain-text input (overrides the byline)");
ABSL_FLAG(std::string, published, "",
          "publication date YYYY-MM-DD for every plain-text input");
ABSL_FLAG(bool, keep_going, false,
          "skip malformed JSONL lines with a warning instead of failing");
ABSL_FLAG(bool, strict_json, false,
          "reject JSONL fields that are not part of crosscheck.v1.Article");
ABSL_FLAG(std::string, fail_on, "none",
          "none, or discrepancy: exit with status 1 when a discrepancy is "
          "found");
ABSL_FLAG(std::string, output, "",
          "write the output to this file (atomically) instead of stdout");
ABSL_FLAG(bool, single_source, true,
          "list single-source claims in text and markdown reports");
ABSL_FLAG(double, min_confidence, 0.0,
          "report and diff: split groups whose confidence is below this "
          "(0 to 1) into single-source claims");

ABSL_FLAG(uint64_t, max_article_bytes, crosscheck::cli::kDefaultMaxArticleBytes,
          "the largest article read, in bytes (0: no limit); a larger one is "
          "an error, or a skipped JSONL line with --keep_going");
ABSL_FLAG(uint64_t, max_claims, crosscheck::cli::kDefaultMaxClaims,
          "the most claims one run extracts from all its articles (0: no "
          "limit); more is an error");

namespace {

constexpr char kUsage[] =
    R"(crosscheck: cross-checks figures, dates and quotes across news outlets

usage:
  crosscheck extract [flags] FILE...   claims of each article (ClaimSet)
  crosscheck report  [flags] FILE...   claims aligned across outlets (Report)
  crosscheck diff    [flags] A B       two outlets side by side
  crosscheck --version
  crosscheck help [COMMAND]

FILE is a plain-text article (.txt; outlet and date are read from its byline
and date lines), a JSONL file of crosscheck.v1.Article records (.jsonl), or -
for standard input.

exit status: 0 success; 1 a discrepancy was found and --fail-on=discrepancy
was given; 2 usage or input error.
)";

constexpr char kFlagsHelp[] = R"(
flags:
  --format=FORMAT       text (default), markdown, json, textproto, binpb;
                        extract also takes delimited; report and diff
                        also html (one self-contained page with filters)
  --color=WHEN          auto (default), always, never
  --outlet=NAME         outlet for every plain-text input
  --published=DATE      publication date YYYY-MM-DD for plain-text inputs
  --keep_going          skip malformed JSONL lines (reported) instead of failing
  --strict_json         reject unknown fields in JSONL input
  --fail_on=WHAT        none (default) or discrepancy: exit 1 on a discrepancy
  --output=FILE         write to FILE (atomically) instead of stdout
  --nosingle_source     leave single-source claims out of text reports
  --min_confidence=X    report, diff: groups less sure than X (0 to 1) are
                        split into single-source claims; --fail_on counts
                        only the discrepancies kept
  --max_article_bytes=N the largest article read (default 67108864, 64 MiB;
                        0: no limit); a larger one is an error, or a
                        skipped JSONL line with --keep_going
  --max_claims=N        the most claims one run extracts (default 2000000;
                        0: no limit); more is an error
Flags may also be written with dashes: --keep-going, --fail-on=discrepancy.
)";

std::string CommandHelp(const std::string& command) {
  if (command == "extract") {
    return absl::StrCat(
        "usage: crosscheck extract [flags] FILE...\n\n"
        "Reads each article and prints its claims: figures, dates and quotes,\n"
        "with their spans, sentences and normalized values (a "
        "crosscheck.v1.ClaimSet).\n",
        kFlagsHelp);
  }
  if (command == "report") {
    return absl::StrCat(
        "usage: crosscheck report [flags] FILE...\n\n"
        "Extracts the claims of every article, groups equivalent claims across\n"
        "outlets and gives each group a verdict: discrepancy, compatible, agree\n"
        "or single source (a crosscheck.v1.Report).\n",
        kFlagsHelp);
  }
  if (command == "diff") {
    return absl::StrCat(
        "usage: crosscheck diff [flags] A B\n\n"
        "Shows two articles side by side, claim by claim: = agree, ~ compatible,\n"
        "≠ discrepancy, < only in A, > only in B.\n",
        kFlagsHelp);
  }
  return absl::StrCat(kUsage, kFlagsHelp);
}

}  // namespace

int main(int argc, char** argv) {
  // `bazel run` starts the binary in its runfiles tree; relative paths are
  // meant relative to where the user ran it.
  if (const char* dir = std::getenv("BUILD_WORKING_DIRECTORY")) {
    if (::chdir(dir) != 0) {
      std::cerr << "crosscheck: error: cannot enter " << dir << "\n";
      return crosscheck::cli::kExitUsage;
    }
  }
  // Help and version are answered before flag parsing: Abseil's own --help
  // exits with status 1 and lists every linked library's flags.
  std::string help_topic;
  bool help = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") break;
    if (arg == "--version" || arg == "-V") {
      std::cout << "crosscheck " << crosscheck::cli::kVersion << "\n";
      return crosscheck::cli::kExitOk;
    }
    if (arg == "--help" || arg == "-h" || arg == "--helpfull" ||
        (i == 1 && arg == "help")) {
      help = true;
      if (i == 1 && arg == "help" && i + 1 < argc) help_topic = argv[i + 1];
    } else if (!help_topic.empty() || absl::StartsWith(arg, "-")) {
      continue;
    } else if (help_topic.empty() && i == 1) {
      help_topic = arg;
    }
  }
  if (help) {
    std::cout << CommandHelp(help_topic);
    return crosscheck::cli::kExitOk;
  }
  const absl::StatusOr<std::vector<std::string>> positional =
      crosscheck::base::ParseOwnFlags(argc, argv, "src/cli/crosscheck_main",
                                      "crosscheck --help");
  if (!positional.ok()) {
    std::cerr << "crosscheck: error: " << positional.status().message()
              << "\n";
    return crosscheck::cli::kExitUsage;
  }
  if (positional->empty()) {
    std::cerr << "crosscheck: error: no command given\n\n" << kUsage;
    return crosscheck::cli::kExitUsage;
  }
  crosscheck::cli::CliOptions options;
  options.format = absl::GetFlag(FLAGS_format);
  options.color = absl::GetFlag(FLAGS_color);
  options.outlet = absl::GetFlag(FLAGS_outlet);
  options.published = absl::GetFlag(FLAGS_published);
  options.keep_going = absl::GetFlag(FLAGS_keep_going);
  options.strict_json = absl::GetFlag(FLAGS_strict_json);
  options.fail_on = absl::GetFlag(FLAGS_fail_on);
  options.output = absl::GetFlag(FLAGS_output);
  options.single_source = absl::GetFlag(FLAGS_single_source);
  options.min_confidence = absl::GetFlag(FLAGS_min_confidence);
  options.max_article_bytes = absl::GetFlag(FLAGS_max_article_bytes);
  options.max_claims = absl::GetFlag(FLAGS_max_claims);
  options.out_is_tty = ::isatty(STDOUT_FILENO) != 0;
  crosscheck::cli::InstallSignalHandlers();
  const std::string command = positional->front();
  const std::vector<std::string> inputs(positional->begin() + 1,
                                        positional->end());
  return crosscheck::cli::RunCommand(command, inputs, options, std::cout,
                                     std::cerr);
}
