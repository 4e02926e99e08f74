#include "tools/quote_eval/quote_eval.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "proto/crosscheck/v1/article.pb.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "src/base/status_macros.h"
#include "src/extract/extract.h"
#include "src/ingest/ingest.h"
#include "tools/eval_io/eval_io.h"
#include "tools/quote_eval/score.h"

namespace crosscheck::quote_eval {
namespace {

namespace fs = std::filesystem;
namespace pb = google::protobuf;
using crosscheck::v1::Article;
using crosscheck::v1::AttributionCase;
using crosscheck::v1::AttributionSuite;
using crosscheck::v1::Claim;
using crosscheck::v1::Expectation;
using crosscheck::v1::ExpectedQuote;
using crosscheck::v1::Quote;

constexpr char kOwn[] = "own";
constexpr char kHeldOut[] = "held-out";
constexpr char kBlind[] = "blind";
constexpr char kBlind2[] = "blind 2";
constexpr char kFixtures[] = "fixtures";
// The peer-suite files scored: (set name, path under the directory).
constexpr std::pair<const char*, const char*> kPeerFiles[] = {
    {"textacy", "textacy/direct-quotations.jsonl"},
    {"recognizers-text", "recognizers-text/Sequence/QuotedTextModel.jsonl"},
};
// Inputs longer than this are shortened in the failure list.
constexpr size_t kInputShown = 300;

// Keeps the first text-format error, with its 1-based line and column.
class FirstError : public pb::io::ErrorCollector {
 public:
  void AddError(int line, pb::io::ColumnNumber column,
                const std::string& message) override {
    if (!message_.empty()) return;
    message_ = absl::StrCat(line + 1, ":", column + 1, ": ", message);
  }
  const std::string& message() const { return message_; }

 private:
  std::string message_;
};

template <typename Message>
absl::StatusOr<Message> ReadTextProto(const std::string& path) {
  CC_ASSIGN_OR_RETURN(const std::string contents, eval_io::ReadFile(path));
  Message message;
  FirstError errors;
  pb::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  if (!parser.ParseFromString(contents, &message)) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ":",
        errors.message().empty() ? "1:1: does not parse" : errors.message()));
  }
  return message;
}

// Sets the ratios of `row` from `t`.
void FillRow(const Tally& t, SetScore* row) {
  row->set_present(true);
  row->set_cases(t.cases);
  row->set_expected(t.expected);
  row->set_found(t.found);
  row->set_matched(t.matched);
  row->set_right(t.right);
  row->set_form_scored(t.form_scored);
  row->set_form_agree(t.form_agree);
  row->set_role_scored(t.role_scored);
  row->set_role_agree(t.role_agree);
  row->set_accuracy(t.Accuracy());
  row->set_recall(t.Recall());
  row->set_precision(t.Precision());
  row->set_speaker_accuracy(t.SpeakerAccuracy());
}

SetScore* AddRow(absl::string_view set, absl::string_view path,
                 QuoteEvalReport* report) {
  SetScore* row = report->add_sets();
  row->set_set(std::string(set));
  row->set_path(std::string(path));
  return row;
}

// `text` cut to its first and last kInputShown bytes (at UTF-8 character
// boundaries) when it is longer than twice that.
std::string Shorten(absl::string_view text) {
  if (text.size() <= 2 * kInputShown) return std::string(text);
  auto is_continuation = [&](size_t i) {
    return (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  };
  size_t head = kInputShown;
  while (head > 0 && is_continuation(head)) --head;
  size_t tail = text.size() - kInputShown;
  while (tail < text.size() && is_continuation(tail)) ++tail;
  return absl::StrCat(text.substr(0, head), " […] ", text.substr(tail));
}

std::string FormName(Quote::Form form) { return Quote::Form_Name(form); }

QuoteLine FoundLine(const Claim& c, bool matched, bool counted) {
  QuoteLine line;
  line.set_text(c.quote().text());
  line.set_speaker(c.quote().speaker());
  line.set_form(FormName(c.quote().form()));
  line.set_role(c.quote().role());
  line.set_status(matched   ? "matched"
                  : counted ? "false positive"
                            : "not counted");
  return line;
}

// What is wrong with expected quote `i` of `o`: "ok", "missed", or the
// wrong parts joined by "+".
std::string ExpectedStatus(const CaseOutcome& o, size_t i) {
  if (o.match[i] < 0) return "missed";
  std::vector<std::string> wrong;
  if (!o.speaker_right[i]) wrong.push_back("speaker");
  if (!o.form_right[i]) wrong.push_back("form");
  if (!o.role_right[i]) wrong.push_back("role");
  return wrong.empty() ? "ok" : absl::StrJoin(wrong, "+");
}

void AddFoundLines(const CaseOutcome& o, const std::vector<const Claim*>& found,
                   Failure* f) {
  for (size_t j = 0; j < found.size(); ++j) {
    *f->add_found() =
        FoundLine(*found[j], o.found_matched[j], o.found_counted[j]);
  }
}

Failure ExactFailure(absl::string_view set, absl::string_view name,
                     absl::string_view input,
                     const pb::RepeatedPtrField<ExpectedQuote>& expected,
                     const std::vector<const Claim*>& found,
                     const CaseOutcome& o) {
  Failure f;
  f.set_set(std::string(set));
  f.set_name(std::string(name));
  f.set_input(Shorten(input));
  for (int i = 0; i < expected.size(); ++i) {
    QuoteLine* line = f.add_expected();
    line->set_text(expected[i].text());
    line->set_speaker(expected[i].speaker());
    line->set_form(FormName(expected[i].form()));
    line->set_role(expected[i].role());
    line->set_status(ExpectedStatus(o, i));
  }
  AddFoundLines(o, found, &f);
  return f;
}

// Scores the fixture folders under `dir` into `report`.
absl::Status ScoreFixtures(const fs::path& dir, bool failures,
                           QuoteEvalReport* report) {
  SetScore* row = AddRow(kFixtures, dir.string(), report);
  std::error_code error;
  if (!fs::is_directory(dir, error)) return absl::OkStatus();
  std::vector<fs::path> folders;
  for (fs::directory_iterator it(dir, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_directory(error) &&
        fs::exists(it->path() / "expected.textproto", error)) {
      folders.push_back(it->path());
    }
  }
  std::sort(folders.begin(), folders.end());
  Tally total;
  std::vector<Failure> failed;
  for (const fs::path& folder : folders) {
    const std::string expected_path = (folder / "expected.textproto").string();
    CC_ASSIGN_OR_RETURN(const Expectation expectation,
                        ReadExpectation(expected_path));
    if (expectation.quotes().empty()) continue;
    std::vector<std::string> inputs;
    for (fs::directory_iterator it(folder, error), end; !error && it != end;
         it.increment(error)) {
      if (it->is_regular_file(error) && it->path().extension() == ".txt") {
        inputs.push_back(it->path().string());
      }
    }
    std::sort(inputs.begin(), inputs.end());
    std::vector<crosscheck::v1::Note> notes;
    CC_ASSIGN_OR_RETURN(
        const std::vector<Article> articles,
        ingest::ReadArticles(inputs, ingest::IngestOptions(), &notes));
    std::map<std::string, pb::RepeatedPtrField<ExpectedQuote>> by_article;
    for (const ExpectedQuote& q : expectation.quotes()) {
      *by_article[q.article_id()].Add() = q;
    }
    for (const auto& [id, quotes] : by_article) {
      const bool known =
          std::any_of(articles.begin(), articles.end(),
                      [&](const Article& a) { return a.id() == id; });
      if (!known) {
        return absl::InvalidArgumentError(
            absl::StrCat(expected_path, ": a quote of article \"", id,
                         "\", which is not a .txt file of ", folder.string()));
      }
    }
    for (const Article& article : articles) {
      const extract::ArticleClaims claims =
          extract::ExtractClaims(article, extract::ExtractOptions());
      const std::vector<const Claim*> found = QuoteClaims(claims.claims, "");
      const pb::RepeatedPtrField<ExpectedQuote>& expected =
          by_article[article.id()];
      const CaseOutcome o = ScoreExact(expected, found);
      total.Add(o.tally);
      if (failures && o.Failed()) {
        failed.push_back(ExactFailure(
            kFixtures,
            absl::StrCat(folder.filename().string(), "/", article.id()),
            article.text(), expected, found, o));
      }
    }
  }
  if (error) {
    return absl::NotFoundError(
        absl::StrCat("cannot list ", dir.string(), ": ", error.message()));
  }
  FillRow(total, row);
  for (Failure& f : failed) *report->add_failures() = std::move(f);
  return absl::OkStatus();
}

// Scores one peer-suite file into `report`.
absl::Status ScorePeerFile(absl::string_view set, const fs::path& dir,
                           absl::string_view file, bool failures,
                           QuoteEvalReport* report) {
  const fs::path path = dir / std::string(file);
  SetScore* row = AddRow(set, path.string(), report);
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return absl::OkStatus();
  CC_ASSIGN_OR_RETURN(const std::string contents, eval_io::ReadFile(path));
  extract::ExtractOptions quotes_only;
  quotes_only.figures = false;
  quotes_only.dates = false;
  Tally total;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    ++line_number;
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    CC_ASSIGN_OR_RETURN(PeerCase c,
                        ParsePeerCase(line, path.string(), line_number));
    for (PeerQuote& q : c.expected) q.normalized = NormalizedQuotation(q.text);
    Article article;
    article.set_id(absl::StrCat(c.suite, "-", c.case_index));
    article.set_text(c.input);
    const extract::ArticleClaims claims =
        extract::ExtractClaims(article, quotes_only);
    const std::vector<const Claim*> found = QuoteClaims(claims.claims, "");
    const CaseOutcome o = ScorePeer(c, found);
    total.Add(o.tally);
    if (!failures || !o.Failed()) continue;
    Failure* f = report->add_failures();
    f->set_set(std::string(set));
    f->set_name(absl::StrCat(file, ":", line_number));
    f->set_input(Shorten(c.input));
    for (size_t i = 0; i < c.expected.size(); ++i) {
      QuoteLine* l = f->add_expected();
      l->set_text(c.expected[i].text);
      std::vector<std::string> tokens;
      for (const PeerSpeaker& s : c.expected[i].speakers) {
        tokens.push_back(s.text);
      }
      l->set_speaker_tokens(absl::StrJoin(tokens, " + "));
      l->set_status(ExpectedStatus(o, i));
    }
    AddFoundLines(o, found, f);
  }
  FillRow(total, row);
  return absl::OkStatus();
}

// A Markdown table cell: pipes escaped, line breaks as spaces.
std::string Cell(absl::string_view text) {
  return absl::StrReplaceAll(text, {{"|", "\\|"}, {"\n", " "}});
}

std::string Fraction(double value, int denominator) {
  return denominator == 0 ? "—" : absl::StrFormat("%.3f", value);
}

std::string TableRow(absl::string_view first, const SetScore& s) {
  if (!s.present()) {
    return absl::StrCat("| ", first, " | not found | | | | | | | | | | |\n");
  }
  const int base = s.expected() + s.found() - s.matched();
  return absl::StrCat(
      "| ", first, " | ", s.cases(), " | ", s.expected(), " | ", s.found(),
      " | ", s.matched(), " | ", s.right(), " | ",
      s.form_scored() == 0 ? "—"
                           : absl::StrCat(s.form_agree(), "/", s.form_scored()),
      " | ",
      s.role_scored() == 0 ? "—"
                           : absl::StrCat(s.role_agree(), "/", s.role_scored()),
      " | ", Fraction(s.recall(), s.expected()), " | ",
      Fraction(s.precision(), s.found()), " | ",
      Fraction(s.speaker_accuracy(), s.matched()), " | **",
      Fraction(s.accuracy(), base), "** |\n");
}

constexpr char kTableHead[] =
    " | cases | expected | found | matched | right speaker | form | role | "
    "span recall | span precision | speaker accuracy | accuracy |\n"
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | "
    "---: | ---: |\n";

std::string DescribeLine(const QuoteLine& l) {
  // Peer-suite expected quotes (no form) are shown with their own marks.
  if (l.form().empty()) {
    std::string out = absl::StrCat("`", Cell(l.text()), "`");
    if (!l.speaker_tokens().empty()) {
      absl::StrAppend(&out, " — speaker tokens ", Cell(l.speaker_tokens()));
    }
    return out;
  }
  std::string out = absl::StrCat("“", Cell(l.text()), "”");
  {
    absl::StrAppend(&out, " — speaker ",
                    l.speaker().empty() ? "(none)" : Cell(l.speaker()));
  }
  if (!l.form().empty()) absl::StrAppend(&out, ", ", l.form());
  if (!l.role().empty()) absl::StrAppend(&out, ", role ", Cell(l.role()));
  return out;
}

}  // namespace

absl::StatusOr<AttributionSuite> ReadAttributionSuite(const std::string& path) {
  return ReadTextProto<AttributionSuite>(path);
}

absl::StatusOr<Expectation> ReadExpectation(const std::string& path) {
  return ReadTextProto<Expectation>(path);
}

std::string NormalizedQuotation(absl::string_view marked) {
  static constexpr const char* kMarks[] = {"\"", "“", "”", "„", "«",
                                           "»",  "‘", "’", "'", "`"};
  absl::string_view inner = absl::StripAsciiWhitespace(marked);
  for (const char* mark : kMarks) {
    if (absl::ConsumePrefix(&inner, mark)) break;
  }
  for (const char* mark : kMarks) {
    if (absl::ConsumeSuffix(&inner, mark)) break;
  }
  Article article;
  article.set_id("quotation");
  article.set_text(absl::StrCat("“", inner, "”"));
  extract::ExtractOptions quotes_only;
  quotes_only.figures = false;
  quotes_only.dates = false;
  const extract::ArticleClaims claims =
      extract::ExtractClaims(article, quotes_only);
  for (const Claim& c : claims.claims) {
    if (c.kind() == Claim::KIND_QUOTE) return c.quote().normalized();
  }
  return "";
}

void ScoreOwnSet(const AttributionSuite& suite, absl::string_view path,
                 bool failures, QuoteEvalReport* report,
                 absl::string_view set) {
  SetScore* row = AddRow(set, path, report);
  Tally total;
  std::map<std::string, Tally> by_pattern;
  for (const AttributionCase& c : suite.cases()) {
    Article article;
    article.set_id(c.name());
    article.set_text(c.input());
    article.set_published(c.published());
    const extract::ArticleClaims claims =
        extract::ExtractClaims(article, extract::ExtractOptions());
    const std::vector<const Claim*> found = QuoteClaims(claims.claims, "");
    const CaseOutcome o = ScoreExact(c.quotes(), found);
    total.Add(o.tally);
    by_pattern[c.pattern()].Add(o.tally);
    if (failures && o.Failed()) {
      *report->add_failures() =
          ExactFailure(set, c.name(), c.input(), c.quotes(), found, o);
    }
  }
  FillRow(total, row);
  for (const auto& [pattern, tally] : by_pattern) {
    SetScore* p = report->add_patterns();
    p->set_set(std::string(set));
    p->set_pattern(pattern);
    p->set_path(std::string(path));
    FillRow(tally, p);
  }
}

absl::StatusOr<QuoteEvalReport> RunQuoteEval(const EvalOptions& options) {
  QuoteEvalReport report;
  std::error_code error;
  for (const auto& [set, path] :
       {std::pair<const char*, const std::string&>{kOwn, options.suite_path},
        {kHeldOut, options.heldout_path},
        {kBlind, options.blind_path},
        {kBlind2, options.blind2_path}}) {
    if (fs::is_regular_file(path, error)) {
      CC_ASSIGN_OR_RETURN(const AttributionSuite suite,
                          ReadAttributionSuite(path));
      ScoreOwnSet(suite, path, options.failures, &report, set);
    } else {
      AddRow(set, path, &report);
    }
  }
  CC_RETURN_IF_ERROR(
      ScoreFixtures(options.fixtures_dir, options.failures, &report));
  for (const auto& [set, file] : kPeerFiles) {
    CC_RETURN_IF_ERROR(
        ScorePeerFile(set, options.peer_dir, file, options.failures, &report));
  }
  return report;
}

std::string FormatMarkdown(const QuoteEvalReport& report) {
  std::string out = "## Quote attribution\n\n";
  absl::StrAppend(&out, "| set", kTableHead);
  for (const SetScore& s : report.sets()) {
    absl::StrAppend(&out, TableRow(s.set(), s));
  }
  if (!report.patterns().empty()) {
    absl::StrAppend(&out, "\n### Own set by pattern\n\n| pattern", kTableHead);
    for (const SetScore& s : report.patterns()) {
      absl::StrAppend(
          &out,
          TableRow(s.pattern().empty() ? "(none)" : Cell(s.pattern()), s));
    }
  }
  absl::StrAppend(&out, "\nPaths read:\n\n");
  for (const SetScore& s : report.sets()) {
    absl::StrAppend(&out, "- ", s.set(), ": `", s.path(), "`",
                    s.present() ? "" : " (not found)", "\n");
  }
  if (report.failures().empty()) return out;
  absl::StrAppend(&out, "\n### Failures (", report.failures_size(),
                  " cases)\n");
  for (const Failure& f : report.failures()) {
    absl::StrAppend(&out, "\n#### ", f.set(), ": ", f.name(), "\n\n");
    for (absl::string_view line : absl::StrSplit(f.input(), '\n')) {
      absl::StrAppend(&out, "> ", line, "\n");
    }
    absl::StrAppend(&out, "\nexpected:\n\n");
    if (f.expected().empty()) absl::StrAppend(&out, "- (no quote)\n");
    for (const QuoteLine& l : f.expected()) {
      absl::StrAppend(&out, "- ", l.status() == "ok" ? "✓" : "✗", " ",
                      l.status(), ": ", DescribeLine(l), "\n");
    }
    absl::StrAppend(&out, "\nfound:\n\n");
    if (f.found().empty()) absl::StrAppend(&out, "- (no quote)\n");
    for (const QuoteLine& l : f.found()) {
      absl::StrAppend(&out, "- ", l.status() == "false positive" ? "✗" : "✓",
                      " ", l.status(), ": ", DescribeLine(l), "\n");
    }
  }
  return out;
}

}  // namespace crosscheck::quote_eval
