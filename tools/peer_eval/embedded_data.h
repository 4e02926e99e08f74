// The files of tools/peer_eval/data/, compiled into the binary by the
// cc_embedded_data rule (tools/embed/embed.bzl).

#ifndef TOOLS_PEER_EVAL_EMBEDDED_DATA_H_
#define TOOLS_PEER_EVAL_EMBEDDED_DATA_H_

#include "absl/strings/string_view.h"

namespace crosscheck::peer_eval {

// The bytes of the data file `basename` ("suites.tsv"), or an empty view
// when there is no such file. Valid for the life of the program.
absl::string_view EmbeddedFile(absl::string_view basename);

}  // namespace crosscheck::peer_eval

#endif  // TOOLS_PEER_EVAL_EMBEDDED_DATA_H_
