// The crosscheck commands behind the CLI: extract, report and diff.
//
//   CliOptions options;
//   options.format = "json";
//   int exit_code = RunCommand("report", {"a.txt", "b.txt"}, options,
//                              std::cout, std::cerr);
//
// crosscheck_main.cc only parses flags into CliOptions and calls RunCommand,
// so every behaviour of the CLI can be tested in-process.

#ifndef SRC_CLI_CLI_H_
#define SRC_CLI_CLI_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace crosscheck::cli {

// The version printed by --version and recorded in every output.
inline constexpr char kVersion[] = "0.1.0";

// Exit codes (documented in docs/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitDiscrepancy = 1;
inline constexpr int kExitUsage = 2;

// Defaults of the resource bounds (docs/cli.md).
inline constexpr size_t kDefaultMaxArticleBytes = size_t{64} << 20;  // 64 MiB
inline constexpr size_t kDefaultMaxClaims = 2'000'000;

// Everything the flags can set. Defaults are those of the CLI.
struct CliOptions {
  // text, markdown, json, textproto, binpb (and delimited for extract).
  std::string format = "text";
  // auto (colour when the output is a terminal), always, never.
  std::string color = "auto";
  // Outlet and publication date for plain-text inputs.
  std::string outlet;
  std::string published;
  // Skip malformed JSONL lines instead of failing.
  bool keep_going = false;
  // Reject unknown JSONL fields.
  bool strict_json = false;
  // "none" or "discrepancy": exit 1 when a discrepancy is found.
  std::string fail_on = "none";
  // Write the output to this file (atomically) instead of stdout.
  std::string output;
  // Show single-source claims in human formats.
  bool single_source = true;
  // Groups below this confidence (0..1) are split into single-source claims
  // (align::AlignOptions::min_confidence).
  double min_confidence = 0.0;
  // The largest article read, in bytes (0: no limit); see
  // ingest::IngestOptions::max_article_bytes.
  size_t max_article_bytes = kDefaultMaxArticleBytes;
  // The most claims one run may extract from all its articles together
  // (0: no limit); more is an error naming the article that passed it.
  size_t max_claims = kDefaultMaxClaims;
  // Whether `out` is a terminal (for --color=auto).
  bool out_is_tty = false;
};

// Runs `command` ("extract", "report" or "diff") over `inputs`, writing
// results to `out` and diagnostics ("crosscheck: error: ...") to `err`.
// Returns the process exit code: 0, 1 (discrepancy with --fail-on), or 2
// (usage or input error). Never throws.
int RunCommand(const std::string& command,
               const std::vector<std::string>& inputs,
               const CliOptions& options, std::ostream& out, std::ostream& err);

}  // namespace crosscheck::cli

#endif  // SRC_CLI_CLI_H_
