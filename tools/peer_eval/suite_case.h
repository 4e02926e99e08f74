// One case of a peer suite (a JSONL line, format in
// /work/shared/peer-suites/README.md), with its expected entities read into
// comparable values and the scope rules of docs/accuracy.md applied.
//
//   absl::StatusOr<SuiteCase> c =
//       ParseSuiteCase(line, "duckling/numeral.jsonl", 7, EmbeddedScopeData());
//   for (const ExpectedEntity& e : c->expected) { e.category, e.readings }

#ifndef TOOLS_PEER_EVAL_SUITE_CASE_H_
#define TOOLS_PEER_EVAL_SUITE_CASE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "tools/peer_eval/scope_data.h"
#include "tools/peer_eval/values.h"

namespace crosscheck::peer_eval {

// The names of the case and entity scope rules, as the report and
// docs/accuracy.md give them.
inline constexpr char kRuleNotSupportedByDotnet[] =
    "not supported by dotnet (the reference implementation)";
inline constexpr char kRuleLatent[] =
    "non-default recognizer option (Duckling latent corpus)";
inline constexpr char kRuleRegionalLocale[] =
    "non-default locale (Duckling regional corpus)";
inline constexpr char kRuleRelativeOrdinal[] =
    "relative ordinal (\"last\", \"next\")";
inline constexpr char kRuleHoliday[] = "holiday names";
inline constexpr char kRuleLowercaseCalendarWord[] =
    "month or weekday name in lowercase";
inline constexpr char kRuleForwardResolution[] =
    "date without year or direction resolved forward (Duckling's assistant "
    "convention)";
inline constexpr char kRuleDigitSequence[] =
    "digit sequence (phone number, IP address)";
inline constexpr char kRuleExponent[] =
    "exponent or scientific notation (\"1.1^23\", \"1e10\")";
inline constexpr char kRuleNoAmount[] =
    "unit without an amount (\"dollars\", \"a small percent\")";

// One entity the suite expects.
struct ExpectedEntity {
  // The suites' normalized type ("daterange") and own type
  // ("datetimeV2.daterange").
  std::string type;
  std::string suite_type;
  // The span in the input: UTF-8 bytes, end exclusive, and its text.
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string text;
  // The value as the suite gives it ("[20,30)", "XXXX-WXX-5"); empty when
  // null.
  std::string value;
  // The category it is scored under; nullopt for a type never scored.
  std::optional<Category> category;
  // The values a claim may have to match it: one, or several where the
  // suite resolves an ambiguous expression more than one way (a past and a
  // future reading).
  std::vector<Value> readings;
  // True when the suite gives no value to compare (extractor files, span
  // tests, values the suite leaves unresolved): a claim of the category
  // whose span overlaps matches.
  bool span_only = false;
  // Why the suite's value cannot be compared with any claim ("relative
  // ordinal end+0"); such an entity is never matched.
  std::string value_error;
  // The entity rule that leaves it out of in-scope scoring; empty if none.
  std::string out_of_scope;
};

// One case: an input and what the suite expects in it.
struct SuiteCase {
  // Path under the suites directory and 1-based line.
  std::string file;
  int line = 0;
  // "recognizers-text" or "duckling".
  std::string suite;
  int case_index = 0;
  std::string input;
  // The date part of reference_datetime, "YYYY-MM-DD"; empty when none.
  std::string published;
  // The suite's partial_annotation.
  bool partial_annotation = false;
  // The case rule that leaves the whole case out of in-scope scoring; empty
  // if none. (File rules are applied by the caller.)
  std::string out_of_scope;
  std::vector<ExpectedEntity> expected;
};

// Parses one JSONL line of `file` (a path under the suites directory) with
// protobuf's JSON parser into a google.protobuf.Struct, then reads the case.
// Errors are kInvalidArgument "FILE:LINE: ..." for a line that is not a JSON
// object, lacks `input` or `expected`, or has an entity without a valid
// byte span. A value that cannot be read is no error: the entity gets a
// `value_error`.
absl::StatusOr<SuiteCase> ParseSuiteCase(absl::string_view json_line,
                                         absl::string_view file, int line,
                                         const ScopeData& data);

}  // namespace crosscheck::peer_eval

#endif  // TOOLS_PEER_EVAL_SUITE_CASE_H_
