#include "src/cli/cli.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "src/align/align.h"
#include "src/align/names.h"
#include "src/base/status_macros.h"
#include "src/cli/delimited.h"
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

// Writes `data` to `path` through a temporary file in the same directory
// and a rename, so readers never see a half-written file. A path that is
// not a regular file (/dev/null, a pipe) is written in place: a rename
// would replace the device or pipe with a file.
absl::Status WriteFileAtomically(const std::string& path,
                                 const std::string& data) {
  struct stat info;
  if (::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) {
    std::ofstream file(path, std::ios::binary);
    file.write(data.data(), static_cast<std::streamsize>(data.size()));
    file.flush();
    if (!file) {
      return absl::InvalidArgumentError(
          absl::StrCat("cannot write '", path, "'"));
    }
    return absl::OkStatus();
  }
  const std::string tmp = absl::StrCat(path, ".tmp.", ::getpid());
  {
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    if (!file) {
      return absl::InvalidArgumentError(
          absl::StrCat("cannot write '", path, "': cannot create ", tmp));
    }
    file.write(data.data(), static_cast<std::streamsize>(data.size()));
    file.flush();
    if (!file) {
      std::remove(tmp.c_str());
      return absl::DataLossError(absl::StrCat("cannot write '", path, "'"));
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return absl::InvalidArgumentError(
        absl::StrCat("cannot write '", path, "': rename failed"));
  }
  return absl::OkStatus();
}

// How the command's flags ask for the inputs to be read.
ingest::IngestOptions IngestOptionsOf(const CliOptions& options) {
  ingest::IngestOptions ingest_options;
  ingest_options.outlet = options.outlet;
  ingest_options.published = options.published;
  ingest_options.keep_going = options.keep_going;
  ingest_options.strict_json = options.strict_json;
  return ingest_options;
}

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
  for (const Article& article : result.articles) {
    extract::ArticleClaims found =
        extract::ExtractClaims(article, extract::ExtractOptions());
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

// Where a streamed output goes: standard output, a device or pipe named
// by --output (written in place), or a regular file written through a
// temporary file that is renamed at the end, so that an error midway
// leaves no half-written file.
class OutputSink {
 public:
  explicit OutputSink(std::ostream& out) : stream_(&out) {}

  // Opens `path` for writing.
  absl::Status Open(const std::string& path) {
    path_ = path;
    struct stat info;
    const bool special =
        ::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode);
    if (!special) tmp_ = absl::StrCat(path, ".tmp.", ::getpid());
    file_.open(special ? path : tmp_, std::ios::binary | std::ios::trunc);
    if (!file_) {
      tmp_.clear();
      return absl::InvalidArgumentError(
          absl::StrCat("cannot write '", path, "'"));
    }
    stream_ = &file_;
    return absl::OkStatus();
  }

  std::ostream& stream() { return *stream_; }

  // Flushes, and renames the temporary file into place.
  absl::Status Finish() {
    stream_->flush();
    if (!*stream_) return Fail();
    if (file_.is_open()) file_.close();
    if (!tmp_.empty() && std::rename(tmp_.c_str(), path_.c_str()) != 0) {
      return Fail();
    }
    tmp_.clear();
    return absl::OkStatus();
  }

  ~OutputSink() {
    if (!tmp_.empty()) std::remove(tmp_.c_str());
  }

 private:
  absl::Status Fail() {
    if (!tmp_.empty()) std::remove(tmp_.c_str());
    tmp_.clear();
    return absl::DataLossError(absl::StrCat(
        "cannot write '", path_.empty() ? "standard output" : path_, "'"));
  }

  std::ostream* stream_;
  std::ofstream file_;
  std::string path_;
  std::string tmp_;
};

// `extract --format=delimited`, streamed: each article is read, extracted
// and written as one length-delimited ClaimSet (with the notes about it)
// before the next is read, so memory does not grow with the input (JSONL
// files are read a line at a time). Notes are printed as they come. On an
// error midway, what was written to standard output stays; a file named
// by --output is not left half-written.
absl::Status StreamExtract(const std::vector<std::string>& inputs,
                           const CliOptions& options, std::ostream& out,
                           std::ostream& err) {
  OutputSink sink(out);
  if (!options.output.empty()) CC_RETURN_IF_ERROR(sink.Open(options.output));
  const ingest::IngestOptions ingest_options = IngestOptionsOf(options);
  const RunInfo run = MakeRunInfo("extract", options);
  std::vector<Note> notes;  // since the last article
  std::string bytes;        // one article's output, reused
  CC_RETURN_IF_ERROR(ingest::StreamArticles(
      inputs, ingest_options, &notes, [&](Article article) -> absl::Status {
        extract::ArticleClaims found =
            extract::ExtractClaims(article, extract::ExtractOptions());
        ClaimSet one;
        for (Note& n : notes) {
          if (n.article_id() == article.id()) *one.add_notes() = n;
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
        sink.stream().write(bytes.data(),
                            static_cast<std::streamsize>(bytes.size()));
        if (!sink.stream()) {
          return absl::DataLossError("cannot write the delimited output");
        }
        return absl::OkStatus();
      }));
  PrintNotes(notes, err);  // about the last file (skipped lines)
  return sink.Finish();
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
  if (command == "extract" && *format == Format::kDelimited) {
    const absl::Status streamed = StreamExtract(inputs, options, out, err);
    if (!streamed.ok()) return fail(streamed);
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
  if (!options.output.empty()) {
    const absl::Status written = WriteFileAtomically(options.output, *output);
    if (!written.ok()) return fail(written);
  } else {
    out.write(output->data(), static_cast<std::streamsize>(output->size()));
    out.flush();
  }
  return discrepancy && options.fail_on == "discrepancy" ? kExitDiscrepancy
                                                         : kExitOk;
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
