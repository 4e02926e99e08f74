#ifndef CROSSCHECK_SRC_CLI_DELIMITED_H_
#define CROSSCHECK_SRC_CLI_DELIMITED_H_

#include <string>

#include "absl/status/status.h"
#include "proto/crosscheck/v1/claim.pb.h"

namespace crosscheck::cli {

// Appends `set` to `out` as one length-delimited record (a varint byte
// count, then the message), with map entries in key order: the bytes are
// exactly those of protobuf's deterministic encoding, so the same input
// always gives the same output. Article texts, the bulk of the record, are
// copied without protobuf's second UTF-8 check: ingest has already made
// them valid UTF-8. `set` is left as it was. Fails only if the message
// cannot be encoded (over 2 GiB).
absl::Status AppendDelimited(crosscheck::v1::ClaimSet& set, std::string* out);

}  // namespace crosscheck::cli

#endif  // CROSSCHECK_SRC_CLI_DELIMITED_H_
