// A claims file: what another system (a peer extractor) found in the
// peer-suite cases, one crosscheck.peer_eval.CaseClaims JSON object a line,
// so that the harness scores that system with crosscheck's own matching and
// scope rules (docs/accuracy.md, "Scoring other systems").
//
//   absl::StatusOr<ClaimsFile> file = ParseClaimsFile(contents,
//   "chrono.jsonl"); const ClaimsFile::Case* c =
//   file->Find("duckling/time.jsonl", 12);

#ifndef TOOLS_PEER_EVAL_CLAIMS_FILE_H_
#define TOOLS_PEER_EVAL_CLAIMS_FILE_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/crosscheck/v1/claim.pb.h"

namespace crosscheck::peer_eval {

// The parsed file. Copyable.
struct ClaimsFile {
  // The claims of one case.
  struct Case {
    // 1-based line of the claims file that gave them.
    int source_line = 0;
    std::vector<crosscheck::v1::Claim> claims;
  };

  // The system's name, as every line gives it.
  std::string system;
  // By (suite file, 1-based line of the case in it).
  absl::flat_hash_map<std::pair<std::string, int>, Case> cases;

  // The claims for case `line` of `file`; nullptr when the file has none.
  const Case* Find(const std::string& file, int line) const;
};

// Parses `contents`, the text of the claims file called `name` (for
// messages). Blank lines are skipped. Errors are kInvalidArgument
// "NAME:LINE: ..." for a line that is not a CaseClaims JSON object (unknown
// fields are errors too), lacks `file` or `line`, names a case a second
// time, names another system than the first line, or holds a claim whose
// kind is not KIND_FIGURE with a figure or KIND_DATE with a date, or whose
// span ends before it begins.
absl::StatusOr<ClaimsFile> ParseClaimsFile(absl::string_view contents,
                                           absl::string_view name);

}  // namespace crosscheck::peer_eval

#endif  // TOOLS_PEER_EVAL_CLAIMS_FILE_H_
