#include "tools/peer_eval/peer_eval.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <system_error>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "proto/crosscheck/v1/article.pb.h"
#include "src/base/status_macros.h"
#include "src/extract/extract.h"
#include "tools/eval_io/eval_io.h"
#include "tools/peer_eval/claims_file.h"
#include "tools/peer_eval/scope_data.h"
#include "tools/peer_eval/suite_case.h"

namespace crosscheck::peer_eval {

namespace {

namespace fs = std::filesystem;

constexpr char kInScope[] = "in-scope";
constexpr char kAllCases[] = "all";
constexpr char kAllSuites[] = "all";
constexpr char kTypeNeverScored[] = "type never scored: ";
constexpr char kCrosscheck[] = "crosscheck";
// Suites in report order.
constexpr const char* kSuites[] = {"recognizers-text", "duckling"};

struct Tally {
  uint32_t cases = 0;
  uint32_t expected = 0;
  uint32_t expected_matched = 0;
  uint32_t found = 0;
  uint32_t found_matched = 0;
};

// (scope, suite, file, category); file is empty for suite rows.
using TallyKey = std::tuple<std::string, std::string, std::string, Category>;

struct Counts {
  std::map<TallyKey, Tally> tallies;
  // reason -> (cases, entities), in first-seen order.
  std::vector<std::pair<std::string, std::pair<uint32_t, uint32_t>>> exclusions;

  void Exclude(const std::string& reason, uint32_t cases, uint32_t entities) {
    for (auto& [r, n] : exclusions) {
      if (r == reason) {
        n.first += cases;
        n.second += entities;
        return;
      }
    }
    exclusions.push_back({reason, {cases, entities}});
  }
};

void AddOutcome(const CategoryOutcome& o, Tally* t) {
  ++t->cases;
  t->expected += o.expected.size();
  t->expected_matched +=
      std::count(o.expected_matched.begin(), o.expected_matched.end(), true);
  t->found += o.found.size();
  t->found_matched +=
      std::count(o.found_matched.begin(), o.found_matched.end(), true);
}

void Tabulate(const std::string& scope, const SuiteCase& c,
              const std::vector<CategoryOutcome>& outcomes, bool by_file,
              Counts* counts) {
  for (const CategoryOutcome& o : outcomes) {
    AddOutcome(o, &counts->tallies[{scope, c.suite, "", o.category}]);
    AddOutcome(o, &counts->tallies[{scope, kAllSuites, "", o.category}]);
    if (by_file) {
      AddOutcome(o, &counts->tallies[{scope, c.suite, c.file, o.category}]);
    }
  }
}

std::string DescribeExpected(const ExpectedEntity& e) {
  std::string out =
      absl::StrCat(e.type, " ", e.value.empty() ? "null" : e.value);
  if (!e.value_error.empty()) {
    absl::StrAppend(&out, " (not comparable: ", e.value_error, ")");
  } else if (e.span_only) {
    absl::StrAppend(&out, " (span only)");
  } else {
    std::vector<std::string> readings;
    for (const Value& v : e.readings) readings.push_back(v.ToString());
    absl::StrAppend(&out, " = ", absl::StrJoin(readings, " | "));
  }
  if (!e.out_of_scope.empty()) {
    absl::StrAppend(&out, " [out of scope: ", e.out_of_scope, "]");
  }
  return out;
}

std::string DescribeFound(const FoundItem& item) {
  if (item.views.empty()) return absl::StrCat(item.type, " (unresolved)");
  std::vector<std::string> views;
  for (const Value& v : item.views) views.push_back(v.ToString());
  return absl::StrCat(item.type, " ", absl::StrJoin(views, " | "));
}

void AddFailure(const SuiteCase& c, const CategoryOutcome& o,
                const std::vector<FoundItem>& items, EvalReport* report) {
  const bool miss = std::count(o.expected_matched.begin(),
                               o.expected_matched.end(), false) > 0;
  const bool false_positive =
      std::count(o.found_matched.begin(), o.found_matched.end(), false) > 0;
  if (!miss && !false_positive) return;
  Failure* f = report->add_failures();
  f->set_file(c.file);
  f->set_line(c.line);
  f->set_case_index(c.case_index);
  f->set_input(c.input);
  f->set_published(c.published);
  f->set_category(std::string(CategoryName(o.category)));
  std::vector<std::string> what;
  if (miss) what.push_back("miss");
  if (false_positive) what.push_back("false positive");
  f->set_what(absl::StrJoin(what, ", "));
  for (size_t i = 0; i < o.expected.size(); ++i) {
    const ExpectedEntity& e = c.expected[o.expected[i]];
    Entity* entity = f->add_expected();
    entity->set_text(e.text);
    entity->set_begin(e.begin);
    entity->set_end(e.end);
    entity->set_value(DescribeExpected(e));
    entity->set_matched(o.expected_matched[i]);
  }
  for (size_t i = 0; i < o.found.size(); ++i) {
    const FoundItem& item = items[o.found[i]];
    Entity* entity = f->add_found();
    entity->set_text(item.text);
    entity->set_begin(item.begin);
    entity->set_end(item.end);
    entity->set_value(DescribeFound(item));
    entity->set_matched(o.found_matched[i]);
  }
}

// Every *.jsonl under `dir`, as paths relative to it with '/' separators.
absl::StatusOr<std::vector<std::string>> ListJsonl(const fs::path& dir) {
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    return absl::NotFoundError(
        absl::StrCat("peer-suites directory not found: ", dir.string()));
  }
  std::vector<std::string> files;
  for (fs::recursive_directory_iterator it(dir, error), end;
       !error && it != end; it.increment(error)) {
    if (it->is_regular_file(error) && it->path().extension() == ".jsonl") {
      files.push_back(it->path().lexically_relative(dir).generic_string());
    }
  }
  if (error) {
    return absl::NotFoundError(
        absl::StrCat("cannot list ", dir.string(), ": ", error.message()));
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The claims of case `c`: from `claims_file` when given, else crosscheck's
// extractors run on the case.
absl::StatusOr<std::vector<crosscheck::v1::Claim>> ClaimsOf(
    const SuiteCase& c, const ClaimsFile* claims_file,
    absl::string_view claims_name,
    absl::flat_hash_set<std::pair<std::string, int>>* used) {
  if (claims_file == nullptr) {
    extract::ExtractOptions extract_options;
    extract_options.quotes = false;
    crosscheck::v1::Article article;
    article.set_id(absl::StrCat(c.file, ":", c.line));
    article.set_text(c.input);
    article.set_published(c.published);
    return extract::ExtractClaims(article, extract_options).claims;
  }
  const ClaimsFile::Case* found = claims_file->Find(c.file, c.line);
  if (found == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        c.file, ":", c.line, ": no line for this case in ", claims_name,
        " (a claims file gives every case of every file read, with an "
        "empty list where nothing was found)"));
  }
  used->insert({c.file, c.line});
  for (const crosscheck::v1::Claim& claim : found->claims) {
    if (claim.span().end() > c.input.size()) {
      return absl::InvalidArgumentError(
          absl::StrCat(claims_name, ":", found->source_line,
                       ": a claim's span [", claim.span().begin(), ",",
                       claim.span().end(), ") ends past the input of ", c.file,
                       ":", c.line, " (", c.input.size(), " bytes)"));
    }
  }
  return found->claims;
}

// Scores every case of one file.
absl::Status EvalFile(const FileRule& rule, absl::string_view contents,
                      const EvalOptions& options, const ScopeData& data,
                      const ClaimsFile* claims_file,
                      absl::flat_hash_set<std::pair<std::string, int>>* used,
                      Counts* counts, FileSummary* summary,
                      EvalReport* report) {
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    ++line_number;
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    CC_ASSIGN_OR_RETURN(const SuiteCase c,
                        ParseSuiteCase(line, rule.file, line_number, data));
    summary->set_cases(summary->cases() + 1);

    CC_ASSIGN_OR_RETURN(const std::vector<crosscheck::v1::Claim> claims,
                        ClaimsOf(c, claims_file, options.claims_file, used));
    const std::vector<FoundItem> items = FoundItems(claims);

    const std::vector<CategoryOutcome> all =
        ScoreCase(c, rule.types, items, Mode::kAll);
    Tabulate(kAllCases, c, all, options.by_file, counts);

    const bool in_scope =
        rule.scope == FileRule::Scope::kIn && c.out_of_scope.empty();
    std::vector<CategoryOutcome> scoped;
    if (in_scope) {
      summary->set_cases_in_scope(summary->cases_in_scope() + 1);
      scoped = ScoreCase(c, rule.types, items, Mode::kInScope);
      Tabulate(kInScope, c, scoped, options.by_file, counts);
      for (const ExpectedEntity& e : c.expected) {
        if (!e.out_of_scope.empty()) {
          counts->Exclude(e.out_of_scope, 0, 1);
        } else if (!e.category.has_value()) {
          counts->Exclude(absl::StrCat(kTypeNeverScored, e.type), 0, 1);
        }
      }
    } else {
      counts->Exclude(
          rule.scope == FileRule::Scope::kIn ? c.out_of_scope : rule.reason, 1,
          0);
    }

    if (options.failures.has_value()) {
      const std::vector<CategoryOutcome>& outcomes =
          options.failures_mode == Mode::kAll ? all : scoped;
      for (const CategoryOutcome& o : outcomes) {
        if (o.category == *options.failures) AddFailure(c, o, items, report);
      }
    }
  }
  return absl::OkStatus();
}

void AddScores(const Counts& counts, const std::vector<std::string>& files,
               EvalReport* report) {
  for (const char* scope : {kInScope, kAllCases}) {
    for (Category category : kCategories) {
      std::vector<std::pair<std::string, std::string>> rows;  // suite, file
      for (const char* suite : kSuites) rows.push_back({suite, ""});
      rows.push_back({kAllSuites, ""});
      for (const std::string& file : files) {
        const std::string suite = file.substr(0, file.find('/'));
        rows.push_back({suite, file});
      }
      for (const auto& [suite, file] : rows) {
        const auto it = counts.tallies.find({scope, suite, file, category});
        if (it == counts.tallies.end()) continue;
        const Tally& t = it->second;
        Score* s = report->add_scores();
        s->set_scope(scope);
        s->set_suite(suite);
        s->set_file(file);
        s->set_category(std::string(CategoryName(category)));
        s->set_cases(t.cases);
        s->set_expected(t.expected);
        s->set_expected_matched(t.expected_matched);
        s->set_found(t.found);
        s->set_found_matched(t.found_matched);
        const double p =
            t.found == 0 ? 0 : static_cast<double>(t.found_matched) / t.found;
        const double r =
            t.expected == 0
                ? 0
                : static_cast<double>(t.expected_matched) / t.expected;
        s->set_precision(p);
        s->set_recall(r);
        s->set_f1(p + r == 0 ? 0 : 2 * p * r / (p + r));
      }
    }
  }
}

// Markdown-safe table cell: pipes escaped, newlines as spaces.
std::string Cell(absl::string_view text) {
  return absl::StrReplaceAll(text, {{"|", "\\|"}, {"\n", " "}, {"\r", " "}});
}

std::string Ratio(double v) { return absl::StrFormat("%.3f", v); }

void AppendScoreTable(const EvalReport& report, absl::string_view scope,
                      bool by_file, std::string* out) {
  absl::StrAppend(out, by_file ? "| category | file " : "| category | suite ",
                  "| cases | expected | matched | found | correct | "
                  "precision | recall | F1 |\n",
                  "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | "
                  "---: | ---: |\n");
  for (const Score& s : report.scores()) {
    if (s.scope() != scope || s.file().empty() != !by_file) continue;
    const bool total = s.suite() == kAllSuites;
    const std::string name = by_file ? s.file()
                             : total ? "**all suites**"
                                     : s.suite();
    absl::StrAppend(
        out, "| ", s.category(), " | ", name, " | ", s.cases(), " | ",
        s.expected(), " | ", s.expected_matched(), " | ", s.found(), " | ",
        s.found_matched(), " | ", Ratio(s.precision()), " | ",
        Ratio(s.recall()), " | ",
        total ? absl::StrCat("**", Ratio(s.f1()), "**") : Ratio(s.f1()),
        " |\n");
  }
}

void AppendEntity(absl::string_view role, const Entity& e, std::string* out) {
  absl::StrAppend(out, "- ", role, " ", e.matched() ? "✓" : "✗", " `",
                  Cell(e.text()), "` [", e.begin(), ",", e.end(), ") ",
                  e.value(), "\n");
}

}  // namespace

absl::StatusOr<EvalReport> RunPeerEval(const EvalOptions& options) {
  const ScopeData& data = EmbeddedScopeData();
  const fs::path dir(options.suites_dir);
  CC_ASSIGN_OR_RETURN(const std::vector<std::string> on_disk, ListJsonl(dir));

  EvalReport report;
  report.set_suites_dir(options.suites_dir);
  report.set_system(kCrosscheck);
  std::optional<ClaimsFile> claims_file;
  absl::flat_hash_set<std::pair<std::string, int>> used;
  if (!options.claims_file.empty()) {
    CC_ASSIGN_OR_RETURN(const std::string contents,
                        eval_io::ReadFile(options.claims_file));
    CC_ASSIGN_OR_RETURN(claims_file,
                        ParseClaimsFile(contents, options.claims_file));
    report.set_claims_file(options.claims_file);
    report.set_system(claims_file->system.empty() ? options.claims_file
                                                  : claims_file->system);
  }
  const ClaimsFile* claims = claims_file ? &*claims_file : nullptr;
  Counts counts;
  std::vector<std::string> scored_files;
  for (const FileRule& rule : data.files) {
    FileSummary* summary = report.add_files();
    summary->set_file(rule.file);
    summary->set_reason(rule.reason);
    if (rule.scope == FileRule::Scope::kSkip) {
      summary->set_scope("skip");
      continue;
    }
    summary->set_scope(rule.scope == FileRule::Scope::kIn ? "in" : "out");
    if (std::find(on_disk.begin(), on_disk.end(), rule.file) == on_disk.end()) {
      summary->set_scope("missing");
      summary->set_reason("named by the scope table, not on disk");
      continue;
    }
    CC_ASSIGN_OR_RETURN(const std::string contents,
                        eval_io::ReadFile(dir / rule.file));
    CC_RETURN_IF_ERROR(EvalFile(rule, contents, options, data, claims, &used,
                                &counts, summary, &report));
    scored_files.push_back(rule.file);
  }
  if (claims != nullptr && used.size() < claims->cases.size()) {
    // Report the first line (in the claims file) that names no case read.
    int first = 0;
    std::string which;
    for (const auto& [key, c] : claims->cases) {
      if (used.contains(key) || (first != 0 && c.source_line > first)) continue;
      first = c.source_line;
      which = absl::StrCat(key.first, ":", key.second);
    }
    return absl::InvalidArgumentError(absl::StrCat(
        options.claims_file, ":", first, ": names ", which,
        ", which is no case of a file read (skipped, missing or unknown "
        "file, or no such line)"));
  }
  for (const std::string& file : on_disk) {
    if (data.FindFile(file) != nullptr) continue;
    FileSummary* summary = report.add_files();
    summary->set_file(file);
    summary->set_scope("unknown");
    summary->set_reason(
        "not in tools/peer_eval/data/suites.tsv; add a row to score it");
  }
  AddScores(counts, options.by_file ? scored_files : std::vector<std::string>{},
            &report);
  // File and case rules first, then entity rules, then the types never
  // scored; alphabetical within each group.
  std::vector<std::pair<std::string, std::pair<uint32_t, uint32_t>>>
      exclusions = counts.exclusions;
  auto group = [](const std::string& reason, uint32_t cases) {
    if (cases > 0) return 0;
    return absl::StartsWith(reason, kTypeNeverScored) ? 2 : 1;
  };
  std::sort(exclusions.begin(), exclusions.end(),
            [&](const auto& a, const auto& b) {
              return std::make_pair(group(a.first, a.second.first), a.first) <
                     std::make_pair(group(b.first, b.second.first), b.first);
            });
  for (const auto& [reason, n] : exclusions) {
    Exclusion* e = report.add_exclusions();
    e->set_reason(reason);
    e->set_cases(n.first);
    e->set_entities(n.second);
  }
  return report;
}

std::string FormatMarkdown(const EvalReport& report) {
  std::string out;
  absl::StrAppend(&out, "# ",
                  report.system().empty() ? kCrosscheck : report.system(),
                  " on the peer suites\n\nSuites: `", report.suites_dir(), "`.",
                  report.claims_file().empty()
                      ? ""
                      : absl::StrCat(" Claims: `", report.claims_file(), "`."),
                  " Precision counts claims, recall counts expected entities "
                  "(docs/accuracy.md).\n\n");
  absl::StrAppend(&out, "## In scope\n\n");
  AppendScoreTable(report, kInScope, false, &out);
  absl::StrAppend(&out, "\n## All cases\n\n");
  AppendScoreTable(report, kAllCases, false, &out);
  const bool by_file =
      std::any_of(report.scores().begin(), report.scores().end(),
                  [](const Score& s) { return !s.file().empty(); });
  if (by_file) {
    absl::StrAppend(&out, "\n## By file, in scope\n\n");
    AppendScoreTable(report, kInScope, true, &out);
    absl::StrAppend(&out, "\n## By file, all cases\n\n");
    AppendScoreTable(report, kAllCases, true, &out);
  }
  absl::StrAppend(&out,
                  "\n## Left out of in-scope scoring\n\n"
                  "| rule | cases | entities |\n| --- | ---: | ---: |\n");
  for (const Exclusion& e : report.exclusions()) {
    absl::StrAppend(&out, "| ", Cell(e.reason()), " | ", e.cases(), " | ",
                    e.entities(), " |\n");
  }
  absl::StrAppend(&out,
                  "\n## Files\n\n| file | scope | cases | in scope | why |\n"
                  "| --- | --- | ---: | ---: | --- |\n");
  for (const FileSummary& f : report.files()) {
    absl::StrAppend(&out, "| ", f.file(), " | ", f.scope(), " | ", f.cases(),
                    " | ", f.cases_in_scope(), " | ", Cell(f.reason()), " |\n");
  }
  if (report.failures_size() > 0) {
    absl::StrAppend(&out, "\n## Failures: ", report.failures(0).category(),
                    " (", report.failures_size(), " cases)\n");
    for (const Failure& f : report.failures()) {
      absl::StrAppend(
          &out, "\n### ", f.file(), ":", f.line(), " (case ", f.case_index(),
          "): ", f.what(), "\n\ninput: `", Cell(f.input()), "`",
          f.published().empty() ? ""
                                : absl::StrCat(" published: ", f.published()),
          "\n\n");
      for (const Entity& e : f.expected()) AppendEntity("expected", e, &out);
      if (f.expected_size() == 0) absl::StrAppend(&out, "- expected nothing\n");
      for (const Entity& e : f.found()) AppendEntity("found", e, &out);
    }
  }
  return out;
}

}  // namespace crosscheck::peer_eval
