// The quote attribution harness: runs crosscheck's extractor over seven
// sets of quotations — the own, held-out and two blind sets of attribution
// cases, the fixture stories, and the textacy and Recognizers-Text peer
// suites — and scores the (quote span, speaker) pairs. docs/accuracy.md, "Quote attribution", has the command,
// the rules and the current results.
//
//   EvalOptions options;
//   options.suite_path = "tests/extract/data/attribution_cases.textproto";
//   options.fixtures_dir = "fixtures";
//   options.peer_dir = "../shared/peer-suites";
//   absl::StatusOr<QuoteEvalReport> report = RunQuoteEval(options);
//   std::cout << FormatMarkdown(*report);

#ifndef TOOLS_QUOTE_EVAL_QUOTE_EVAL_H_
#define TOOLS_QUOTE_EVAL_QUOTE_EVAL_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/crosscheck/v1/expectation.pb.h"
#include "tools/quote_eval/quote_eval.pb.h"

namespace crosscheck::quote_eval {

// What to read and report.
struct EvalOptions {
  // The own set: a text-format crosscheck.v1.AttributionSuite.
  std::string suite_path;
  // The held-out set, of the same format: cases written apart from the
  // extractor, whose failures later guided general fixes.
  std::string heldout_path;
  // The blind set, of the same format: cases written without running the
  // extractor on them, measured once before any change was made for them.
  std::string blind_path;
  // A second blind set, written and measured the same way after the first
  // had been used for fixes.
  std::string blind2_path;
  // The fixtures directory: one folder per story, with *.txt articles and
  // an expected.textproto (crosscheck.v1.Expectation).
  std::string fixtures_dir;
  // The peer-suites directory (holding textacy/ and recognizers-text/).
  std::string peer_dir;
  // Also list every failing case.
  bool failures = false;
};

// Reads a text-format file of `Message` (its `# proto-...` header lines are
// comments). Errors: kNotFound when it cannot be read; kInvalidArgument
// "FILE:LINE:COLUMN: ..." when it does not parse.
absl::StatusOr<crosscheck::v1::AttributionSuite> ReadAttributionSuite(
    const std::string& path);
absl::StatusOr<crosscheck::v1::Expectation> ReadExpectation(
    const std::string& path);

// The comparison form crosscheck gives a quotation written with its marks
// ("\"I love cats,\"" gives "i love cats"): one outer quotation mark or
// backtick is dropped from each end, the rest is put between “ and ” and
// run through the extractor on its own, and the normalized text of the
// quote it finds is returned (Quote.normalized, which is
// extract::NormalizeQuoteText of the quoted words). Empty when the
// extractor finds no quote there (no letter or digit).
std::string NormalizedQuotation(absl::string_view marked);

// Scores every case of `suite` (Article id = case name, text = input,
// published as given, all extractors) with ScoreExact, adds the row `set`
// ("own", "held-out", "blind" or "blind 2") to `report->sets`, one row per pattern to
// `report->patterns`, and with `failures` the failing cases to
// `report->failures`. `path` is the row's path.
void ScoreOwnSet(const crosscheck::v1::AttributionSuite& suite,
                 absl::string_view path, bool failures, QuoteEvalReport* report,
                 absl::string_view set = "own");

// Runs the seven sets and fills one row per set. A path that does not exist
// gives a row with `present` false, not an error; fixture folders whose
// expected.textproto lists no quotes are left out.
// Errors: kInvalidArgument naming file and line for a malformed attribution
// suite, expectation or peer-suite line, or an expected quote of an article
// the fixture folder does not hold; kNotFound or kInvalidArgument from
// reading a fixture's articles (ingest::ReadArticles).
absl::StatusOr<QuoteEvalReport> RunQuoteEval(const EvalOptions& options);

// The report as Markdown: the table of sets, the own set by pattern, then
// the failures if any.
std::string FormatMarkdown(const QuoteEvalReport& report);

}  // namespace crosscheck::quote_eval

#endif  // TOOLS_QUOTE_EVAL_QUOTE_EVAL_H_
