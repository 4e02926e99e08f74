#include "tools/peer_eval/scope_data.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "src/base/status_macros.h"
#include "tools/peer_eval/embedded_data.h"

namespace crosscheck::peer_eval {

namespace {

struct Row {
  int line = 0;
  std::vector<std::string> fields;
};

// The rows of a TSV file with exactly `columns` fields each.
absl::StatusOr<std::vector<Row>> ReadRows(absl::string_view name,
                                          absl::string_view contents,
                                          size_t columns) {
  std::vector<Row> rows;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const absl::string_view trimmed = absl::StripAsciiWhitespace(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    Row row;
    row.line = line_number;
    for (absl::string_view field : absl::StrSplit(line, '\t')) {
      row.fields.emplace_back(absl::StripAsciiWhitespace(field));
    }
    if (row.fields.size() != columns) {
      return absl::InvalidArgumentError(absl::StrCat(
          name, ":", line_number, ": expected ", columns, " fields, got ",
          row.fields.size(), " in \"", trimmed, "\""));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// Lowercase, typographic apostrophes folded, single spaces.
std::string FoldPhrase(absl::string_view phrase) {
  std::string folded = absl::AsciiStrToLower(
      absl::StrReplaceAll(phrase, {{"\xE2\x80\x99", "'"}}));
  return absl::StrJoin(absl::StrSplit(folded, ' ', absl::SkipWhitespace()),
                       " ");
}

}  // namespace

const FileRule* ScopeData::FindFile(absl::string_view file) const {
  for (const FileRule& rule : files) {
    if (rule.file == file) return &rule;
  }
  return nullptr;
}

std::optional<CurrencyName> ScopeData::FindCurrency(
    absl::string_view name) const {
  const auto it = currencies.find(FoldPhrase(name));
  if (it == currencies.end()) return std::nullopt;
  return it->second;
}

absl::StatusOr<ScopeData> ParseScopeData(absl::string_view suites_tsv,
                                         absl::string_view currency_names_tsv,
                                         absl::string_view holidays_tsv,
                                         absl::string_view calendar_words_tsv) {
  ScopeData data;
  CC_ASSIGN_OR_RETURN(const std::vector<Row> suites,
                      ReadRows("suites.tsv", suites_tsv, 4));
  for (const Row& row : suites) {
    FileRule rule;
    rule.file = row.fields[0];
    rule.types = absl::StrSplit(row.fields[1], ',', absl::SkipWhitespace());
    for (std::string& type : rule.types) {
      type = std::string(absl::StripAsciiWhitespace(type));
    }
    const std::string& scope = row.fields[2];
    if (scope == "in") {
      rule.scope = FileRule::Scope::kIn;
    } else if (scope == "out") {
      rule.scope = FileRule::Scope::kOut;
    } else if (scope == "skip") {
      rule.scope = FileRule::Scope::kSkip;
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("suites.tsv:", row.line, ": unknown scope \"", scope,
                       "\" (expected in, out or skip)"));
    }
    if (row.fields[3] != "-") rule.reason = row.fields[3];
    if (rule.scope != FileRule::Scope::kIn && rule.reason.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("suites.tsv:", row.line, ": file \"", rule.file,
                       "\" is ", scope, " without a reason"));
    }
    if (data.FindFile(rule.file) != nullptr) {
      return absl::InvalidArgumentError(absl::StrCat(
          "suites.tsv:", row.line, ": duplicate file \"", rule.file, "\""));
    }
    data.files.push_back(std::move(rule));
  }
  CC_ASSIGN_OR_RETURN(const std::vector<Row> currencies,
                      ReadRows("currency_names.tsv", currency_names_tsv, 3));
  for (const Row& row : currencies) {
    CurrencyName currency;
    if (row.fields[1] != "*") currency.code = row.fields[1];
    if (!absl::SimpleAtod(row.fields[2], &currency.divisor) ||
        !(currency.divisor > 0)) {
      return absl::InvalidArgumentError(
          absl::StrCat("currency_names.tsv:", row.line, ": divisor \"",
                       row.fields[2], "\" is not a positive number"));
    }
    data.currencies[FoldPhrase(row.fields[0])] = currency;
  }
  CC_ASSIGN_OR_RETURN(const std::vector<Row> holidays,
                      ReadRows("holidays.tsv", holidays_tsv, 1));
  for (const Row& row : holidays) {
    data.holidays.push_back(FoldPhrase(row.fields[0]));
  }
  CC_ASSIGN_OR_RETURN(const std::vector<Row> words,
                      ReadRows("calendar_words.tsv", calendar_words_tsv, 1));
  for (const Row& row : words) {
    data.calendar_words.insert(FoldPhrase(row.fields[0]));
  }
  return data;
}

const ScopeData& EmbeddedScopeData() {
  static const ScopeData* const data = [] {
    absl::StatusOr<ScopeData> parsed = ParseScopeData(
        EmbeddedFile("suites.tsv"), EmbeddedFile("currency_names.tsv"),
        EmbeddedFile("holidays.tsv"), EmbeddedFile("calendar_words.tsv"));
    if (!parsed.ok()) {
      std::fprintf(stderr, "peer_eval: embedded data: %s\n",
                   std::string(parsed.status().message()).c_str());
      std::abort();
    }
    return new ScopeData(*std::move(parsed));
  }();
  return *data;
}

}  // namespace crosscheck::peer_eval
