#include "tools/peer_eval/claims_file.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/util/json_util.h"
#include "tools/peer_eval/peer_eval.pb.h"

namespace crosscheck::peer_eval {

namespace {

using crosscheck::v1::Claim;

// Why `claim` cannot be scored; empty when it can.
std::string ClaimProblem(const Claim& claim) {
  if (claim.kind() == Claim::KIND_FIGURE && !claim.has_figure()) {
    return "a KIND_FIGURE claim without a figure";
  }
  if (claim.kind() == Claim::KIND_DATE && !claim.has_date()) {
    return "a KIND_DATE claim without a date";
  }
  if (claim.kind() != Claim::KIND_FIGURE && claim.kind() != Claim::KIND_DATE) {
    return absl::StrCat("a claim of kind ", Claim::Kind_Name(claim.kind()),
                        " (only KIND_FIGURE and KIND_DATE are scored)");
  }
  if (claim.span().end() < claim.span().begin()) {
    return absl::StrCat("a reversed span [", claim.span().begin(), ",",
                        claim.span().end(), ")");
  }
  return "";
}

}  // namespace

const ClaimsFile::Case* ClaimsFile::Find(const std::string& file,
                                         int line) const {
  const auto it = cases.find(std::make_pair(file, line));
  return it == cases.end() ? nullptr : &it->second;
}

absl::StatusOr<ClaimsFile> ParseClaimsFile(absl::string_view contents,
                                           absl::string_view name) {
  ClaimsFile out;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    ++line_number;
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    const std::string where = absl::StrCat(name, ":", line_number);
    CaseClaims parsed;
    const auto status = google::protobuf::util::JsonStringToMessage(
        google::protobuf::StringPiece(line.data(), line.size()), &parsed,
        options);
    if (!status.ok()) {
      const std::string message = status.message().as_string();
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": not a CaseClaims JSON object: ",
          absl::StripAsciiWhitespace(
              absl::string_view(message).substr(0, message.find('\n')))));
    }
    if (parsed.file().empty() || parsed.line() == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": needs the case's \"file\" and \"line\""));
    }
    if (out.cases.empty()) {
      out.system = parsed.system();
    } else if (parsed.system() != out.system) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": system \"", parsed.system(),
          "\" differs from the first line's \"", out.system, "\""));
    }
    for (int i = 0; i < parsed.claims_size(); ++i) {
      const std::string problem = ClaimProblem(parsed.claims(i));
      if (!problem.empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat(where, ": claim ", i, " is ", problem));
      }
    }
    const auto key =
        std::make_pair(parsed.file(), static_cast<int>(parsed.line()));
    ClaimsFile::Case& c = out.cases[key];
    if (c.source_line != 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": case ", parsed.file(), ":", parsed.line(),
                       " was already given at line ", c.source_line));
    }
    c.source_line = line_number;
    c.claims.assign(parsed.claims().begin(), parsed.claims().end());
  }
  return out;
}

}  // namespace crosscheck::peer_eval
