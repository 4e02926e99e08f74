#include "src/cli/cli.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "src/align/align.h"
#include "src/align/names.h"
#include "src/base/status_macros.h"
#include "src/cli/delimited.h"
#include "src/cli/output.h"
#include "src/extract/extract.h"
#include "src/ingest/ingest.h"
#include "src/report/html.h"
#include "src/report/report.h"

namespace crosscheck::cli {
namespace {

using crosscheck::v1::Article;
using crosscheck::v1::Claim;
using crosscheck::v1::ClaimSet;
using crosscheck::v1::Note;
using crosscheck::v1::RunInfo;
using report::Format;

RunInfo MakeRunInfo(const std::string& command, const CliOptions& options) {
  RunInfo run;
  run.set_tool_version(kVersion);
  run.set_command(command);
  auto& o = *run.mutable_options();
  o["format"] = options.format;
  if (!options.outlet.empty()) o["outlet"] = options.outlet;
  if (!options.published.empty()) o["published"] = options.published;
  o["keep_going"] = options.keep_going ? "true" : "false";
  o["strict_json"] = options.strict_json ? "true" : "false";
  if (options.max_article_bytes != kDefaultMaxArticleBytes) {
    o["max_article_bytes"] = absl::StrCat(options.max_article_bytes);
  }
  if (options.max_claims != kDefaultMaxClaims) {
    o["max_claims"] = absl::StrCat(options.max_claims);
  }
  if (command != "extract") {
    o["min_confidence"] = absl::StrCat(options.min_confidence);
  }
  return run;
}

align::AlignOptions AlignOptionsOf(const CliOptions& options) {
  align::AlignOptions align_options;
  align_options.min_confidence = options.min_confidence;
  return align_options;
}

std::string Where(const Note& note) {
  if (note.article_id().empty()) return "";
  if (!note.has_span()) return absl::StrCat(note.article_id(), ": ");
  return absl::StrCat(note.article_id(), " (byte ", note.span().begin(), "): ");
}

void PrintNotes(const std::vector<Note>& notes, std::ostream& err) {
  for (const Note& note : notes) {
    if (note.severity() == Note::SEVERITY_INFO) continue;
    err << "crosscheck: "
        << (note.severity() == Note::SEVERITY_ERROR ? "error" : "warning")
        << ": " << Where(note) << note.message() << "\n";
  }
}

// How the command's flags ask for the inputs to be read.
ingest::IngestOptions IngestOptionsOf(const CliOptions& options) {
  ingest::IngestOptions ingest_options;
  ingest_options.outlet = options.outlet;
  ingest_options.published = options.published;
  ingest_options.keep_going = options.keep_going;
  ingest_options.strict_json = options.strict_json;
  ingest_options.max_article_bytes = options.max_article_bytes;
  return ingest_options;
}

// Counts the claims of a run against --max-claims.
class ClaimBudget {
 public:
  explicit ClaimBudget(size_t max_claims) : max_(max_claims) {}

  // Adds the `n` claims of `article`; fails once the run holds more than
  // the limit.
  absl::Status Add(size_t n, const Article& article) {
    total_ += n;
    if (max_ == 0 || total_ <= max_) return absl::OkStatus();
    return absl::ResourceExhaustedError(absl::StrCat(
        "more than --max-claims=", max_, " claims: the limit was passed at ",
        "article '", article.id(), "' (", article.source(), "), with ", total_,
        " claims so far; raise --max-claims (0 for no limit) or give "
        "fewer articles"));
  }

 private:
  size_t max_;
  size_t total_ = 0;
};

struct Extracted {
  std::vector<Article> articles;
  std::vector<Claim> claims;
  std::vector<Note> notes;
};

absl::StatusOr<Extracted> ReadAndExtract(const std::vector<std::string>& inputs,
                                         const CliOptions& options) {
  const ingest::IngestOptions ingest_options = IngestOptionsOf(options);
  Extracted result;
  CC_ASSIGN_OR_RETURN(result.articles,
                      ingest::ReadArticles(inputs, ingest_options,
                                           &result.notes));
  ClaimBudget budget(options.max_claims);
  for (const Article& article : result.articles) {
    extract::ArticleClaims found =
        extract::ExtractClaims(article, extract::ExtractOptions());
    CC_RETURN_IF_ERROR(budget.Add(found.claims.size(), article));
    for (Claim& c : found.claims) result.claims.push_back(std::move(c));
    for (Note& n : found.notes) result.notes.push_back(std::move(n));
  }
  return result;
}

// The output of one command, ready to write.
absl::StatusOr<std::string> RunExtract(const std::vector<std::string>& inputs,
                                       const CliOptions& options,
                                       Format format, bool color,
                                       std::vector<Note>* notes) {
  CC_ASSIGN_OR_RETURN(Extracted e, ReadAndExtract(inputs, options));
  // The same articles in any order give the same bytes: articles by id,
  // and claims and notes by article, each article's in their own order.
  std::stable_sort(
      e.articles.begin(), e.articles.end(),
      [](const Article& a, const Article& b) { return a.id() < b.id(); });
  absl::flat_hash_map<std::string, size_t> rank;
  for (size_t i = 0; i < e.articles.size(); ++i) {
    rank.emplace(e.articles[i].id(), i);
  }
  const auto rank_of = [&rank](const std::string& id) {
    const auto it = rank.find(id);
    return it == rank.end() ? rank.size() : it->second;
  };
  std::stable_sort(e.claims.begin(), e.claims.end(),
                   [&rank_of](const Claim& a, const Claim& b) {
                     return rank_of(a.article_id()) < rank_of(b.article_id());
                   });
  // Notes about no article (a skipped JSONL line, a file's encoding) come
  // last, in the order of their text, which does not depend on the order
  // of the inputs.
  std::stable_sort(e.notes.begin(), e.notes.end(),
                   [&rank_of](const Note& a, const Note& b) {
                     const size_t ra = rank_of(a.article_id());
                     const size_t rb = rank_of(b.article_id());
                     if (ra != rb) return ra < rb;
                     if (a.article_id() != b.article_id()) {
                       return a.article_id() < b.article_id();
                     }
                     return a.article_id().empty() && a.message() < b.message();
                   });
  *notes = e.notes;
  ClaimSet set;
  for (Article& a : e.articles) *set.add_articles() = std::move(a);
  for (Claim& c : e.claims) *set.add_claims() = std::move(c);
  for (Note& n : e.notes) *set.add_notes() = std::move(n);
  *set.mutable_run() = MakeRunInfo("extract", options);
  switch (format) {
    case Format::kText:
    case Format::kMarkdown:
      return report::RenderClaimsText(set, {color, true});
    default:
      return report::Serialize(set, format);
  }
}

// `extract --format=delimited`, streamed: each article is read, extracted
// and written as one length-delimited ClaimSet (with the notes about it)
// before the next is read, so memory does not grow with the input (JSONL
// files are read a line at a time). Notes are printed as they come. On an
// error midway, what was written to standard output stays; a file named
// by --output is not left half-written.
absl::Status StreamExtract(const std::vector<std::string>& inputs,
                           const CliOptions& options, Output& output,
                           std::ostream& err) {
  const ingest::IngestOptions ingest_options = IngestOptionsOf(options);
  const RunInfo run = MakeRunInfo("extract", options);
  std::vector<Note> notes;  // since the last article
  std::string bytes;        // one article's output, reused
  ClaimBudget budget(options.max_claims);
  CC_RETURN_IF_ERROR(ingest::StreamArticles(
      inputs, ingest_options, &notes, [&](Article article) -> absl::Status {
        extract::ArticleClaims found =
            extract::ExtractClaims(article, extract::ExtractOptions());
        CC_RETURN_IF_ERROR(budget.Add(found.claims.size(), article));
        ClaimSet one;
        // The notes read with this article, and those about no article
        // read since the last (a skipped JSONL line).
        for (Note& n : notes) {
          if (n.article_id() == article.id() || n.article_id().empty()) {
            *one.add_notes() = n;
          }
        }
        for (Note& n : found.notes) {
          *one.add_notes() = n;
          notes.push_back(std::move(n));
        }
        for (Claim& c : found.claims) *one.add_claims() = std::move(c);
        *one.add_articles() = std::move(article);
        *one.mutable_run() = run;
        PrintNotes(notes, err);
        notes.clear();
        bytes.clear();
        CC_RETURN_IF_ERROR(AppendDelimited(one, &bytes));
        return output.Write(bytes);
      }));
  PrintNotes(notes, err);  // about the last file (skipped lines)
  if (!notes.empty()) {
    // Notes after the last article: a record of their own, without an
    // article, so that the stream holds every note.
    ClaimSet last;
    for (Note& n : notes) *last.add_notes() = std::move(n);
    *last.mutable_run() = run;
    bytes.clear();
    CC_RETURN_IF_ERROR(AppendDelimited(last, &bytes));
    CC_RETURN_IF_ERROR(output.Write(bytes));
  }
  return output.Finish();
}

absl::StatusOr<std::string> RunReport(const std::string& command,
                                      const std::vector<std::string>& inputs,
                                      const CliOptions& options, Format format,
                                      bool color, std::vector<Note>* notes,
                                      bool* discrepancy) {
  if (format == Format::kDelimited) {
    return absl::InvalidArgumentError(
        "--format=delimited is only for extract (use binpb for a report)");
  }
  if (command == "diff" && inputs.size() != 2) {
    return absl::InvalidArgumentError(absl::StrCat(
        "diff takes exactly two articles, got ", inputs.size()));
  }
  CC_ASSIGN_OR_RETURN(Extracted e, ReadAndExtract(inputs, options));
  if (command == "diff" && e.articles.size() != 2) {
    return absl::InvalidArgumentError(absl::StrCat(
        "diff takes exactly two articles; the inputs hold ",
        e.articles.size()));
  }
  *notes = e.notes;
  // One name per person across the articles, so that quotes are compared
  // by speaker and the report shows one spelling.
  std::vector<crosscheck::v1::NameGroup> names = align::UnifyNames(&e.claims);
  std::vector<crosscheck::v1::Alignment> alignments =
      align::Align(e.articles, e.claims, AlignOptionsOf(options));
  for (const auto& a : alignments) {
    if (a.verdict() == crosscheck::v1::Alignment::VERDICT_DISCREPANCY) {
      *discrepancy = true;
    }
  }
  crosscheck::v1::Report report = report::BuildReport(
      std::move(e.articles), std::move(e.claims), std::move(alignments),
      std::move(e.notes), MakeRunInfo(command, options));
  for (auto& group : names) *report.add_name_groups() = std::move(group);
  const report::RenderOptions render{color, options.single_source};
  switch (format) {
    case Format::kText:
      return command == "diff" ? report::RenderDiff(report, render)
                               : report::RenderText(report, render);
    case Format::kMarkdown:
      return report::RenderMarkdown(report);
    case Format::kHtml:
      return report::RenderHtml(report, render);
    default:
      return report::Serialize(report, format);
  }
}

int RunCommandOrThrow(const std::string& command,
                      const std::vector<std::string>& inputs,
                      const CliOptions& options, std::ostream& out,
                      std::ostream& err) {
  auto fail = [&](const absl::Status& status) {
    err << "crosscheck: error: " << status.message() << "\n";
    return kExitUsage;
  };
  if (command != "extract" && command != "report" && command != "diff") {
    return fail(absl::InvalidArgumentError(absl::StrCat(
        "unknown command '", command,
        "' (expected extract, report or diff; see crosscheck --help)")));
  }
  if (inputs.empty()) {
    return fail(absl::InvalidArgumentError(absl::StrCat(
        command, ": no input files (give article files, or - for stdin)")));
  }
  const absl::StatusOr<Format> format = report::ParseFormat(options.format);
  if (!format.ok()) return fail(format.status());
  if (options.color != "auto" && options.color != "always" &&
      options.color != "never") {
    return fail(absl::InvalidArgumentError(absl::StrCat(
        "unknown --color '", options.color,
        "' (expected auto, always or never)")));
  }
  if (!(options.min_confidence >= 0.0 && options.min_confidence <= 1.0)) {
    return fail(absl::InvalidArgumentError(
        absl::StrCat("--min-confidence must be between 0 and 1, got ",
                     options.min_confidence)));
  }
  if (options.fail_on != "none" && options.fail_on != "discrepancy") {
    return fail(absl::InvalidArgumentError(absl::StrCat(
        "unknown --fail-on '", options.fail_on,
        "' (expected none or discrepancy)")));
  }
  if (*format == Format::kDelimited && command != "extract") {
    return fail(absl::InvalidArgumentError(
        "--format=delimited is only for extract (use binpb for a report)"));
  }
  if (*format == Format::kHtml && command == "extract") {
    return fail(absl::InvalidArgumentError(
        "--format=html is only for report and diff"));
  }
  const bool color =
      options.color == "always" ||
      (options.color == "auto" && options.out_is_tty && options.output.empty());
  // The output file is created first: an output that cannot be written is
  // an error before any input is read, and the temporary file exists for
  // the whole run (so an interruption at any moment removes it).
  Output sink(out);
  if (!options.output.empty()) {
    const absl::Status opened = sink.Open(options.output);
    if (!opened.ok()) return fail(opened);
  }
  if (command == "extract" && *format == Format::kDelimited) {
    const absl::Status streamed = StreamExtract(inputs, options, sink, err);
    if (!streamed.ok() && !IsReaderGone(streamed)) return fail(streamed);
    return kExitOk;
  }
  std::vector<Note> notes;
  bool discrepancy = false;
  const absl::StatusOr<std::string> output =
      command == "extract"
          ? RunExtract(inputs, options, *format, color, &notes)
          : RunReport(command, inputs, options, *format, color, &notes,
                      &discrepancy);
  PrintNotes(notes, err);
  if (!output.ok()) return fail(output.status());
  const int code = discrepancy && options.fail_on == "discrepancy"
                       ? kExitDiscrepancy
                       : kExitOk;
  absl::Status written = sink.Write(*output);
  if (written.ok()) written = sink.Finish();
  // A reader that has gone (`| head -1`) has what it wanted: no error.
  if (!written.ok() && !IsReaderGone(written)) return fail(written);
  return code;
}

}  // namespace

int RunCommand(const std::string& command,
               const std::vector<std::string>& inputs,
               const CliOptions& options, std::ostream& out,
               std::ostream& err) {
  // crosscheck's own code does not throw, but the standard library,
  // protobuf and dtl may (std::bad_alloc on a huge input): stop cleanly.
  try {
    return RunCommandOrThrow(command, inputs, options, out, err);
  } catch (const std::exception& e) {
    err << "crosscheck: error: internal error: " << e.what() << "\n";
    return kExitUsage;
  }
}

}  // namespace crosscheck::cli
