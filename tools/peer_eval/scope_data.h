// The data behind the harness's scope and currency rules: which suite files
// are read and how (data/suites.tsv), the suites' currency unit names
// (data/currency_names.tsv), holiday names (data/holidays.tsv) and month and
// weekday names (data/calendar_words.tsv). The files are compiled into the
// binary; docs/accuracy.md describes the rules that use them.
//
//   const ScopeData& data = EmbeddedScopeData();
//   const FileRule* rule = data.FindFile("duckling/numeral.jsonl");

#ifndef TOOLS_PEER_EVAL_SCOPE_DATA_H_
#define TOOLS_PEER_EVAL_SCOPE_DATA_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace crosscheck::peer_eval {

// How one suite file is read: one row of data/suites.tsv.
struct FileRule {
  enum class Scope {
    // Read; in scope unless a case or entity rule says otherwise.
    kIn,
    // Read; counted only when scoring all cases.
    kOut,
    // Not read.
    kSkip,
  };

  // Path under the peer-suites directory: "duckling/numeral.jsonl".
  std::string file;
  // The suite types the file annotates: "date", "daterange", "time"...
  std::vector<std::string> types;
  Scope scope = Scope::kIn;
  // Why the file is out or skipped; empty for kIn.
  std::string reason;
};

// A currency unit name of the suites (data/currency_names.tsv).
struct CurrencyName {
  // ISO 4217 code; empty when the name does not identify one currency.
  std::string code;
  // The unit is 1/divisor of the currency ("Cent": 100).
  double divisor = 1;
};

// The parsed data files. Copyable; immutable once built.
struct ScopeData {
  // The rule of `file`, or nullptr when the table does not name it.
  const FileRule* FindFile(absl::string_view file) const;
  // The currency of the suite unit `name` (case-insensitive), or nullopt
  // when the table does not list it.
  std::optional<CurrencyName> FindCurrency(absl::string_view name) const;

  // In table order.
  std::vector<FileRule> files;
  // Keyed by lowercase name.
  absl::flat_hash_map<std::string, CurrencyName> currencies;
  // Lowercase phrases, words separated by single spaces, "'" for "’".
  std::vector<std::string> holidays;
  // Lowercase month and weekday names and abbreviations.
  absl::flat_hash_set<std::string> calendar_words;
};

// Parses the four TSV files (format of docs/lexicons.md: tab-separated
// fields, '#' comment lines). Errors are kInvalidArgument naming the file,
// line and offending text: a wrong field count, an unknown scope, a
// duplicate file, a divisor that is not a positive number.
absl::StatusOr<ScopeData> ParseScopeData(absl::string_view suites_tsv,
                                         absl::string_view currency_names_tsv,
                                         absl::string_view holidays_tsv,
                                         absl::string_view calendar_words_tsv);

// The data compiled from tools/peer_eval/data/. Parsed once, on first use;
// a malformed embedded file is a build defect and aborts with a message.
// Thread-safe.
const ScopeData& EmbeddedScopeData();

}  // namespace crosscheck::peer_eval

#endif  // TOOLS_PEER_EVAL_SCOPE_DATA_H_
