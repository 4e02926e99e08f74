// Reading and printing shared by the accuracy harnesses (//tools/peer_eval,
// //tools/quote_eval): whole files, JSONL lines as JSON objects, reports as
// indented JSON.

#ifndef TOOLS_EVAL_IO_EVAL_IO_H_
#define TOOLS_EVAL_IO_EVAL_IO_H_

#include <filesystem>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "google/protobuf/struct.pb.h"

namespace crosscheck::eval_io {

// The bytes of the file at `path`. Errors: kNotFound "cannot read PATH".
absl::StatusOr<std::string> ReadFile(const std::filesystem::path& path);

// Where `bazel run` was started (BUILD_WORKING_DIRECTORY, else the current
// directory) and the workspace root (BUILD_WORKSPACE_DIRECTORY, else the
// same): paths the user gives are meant relative to the first, defaults
// relative to the second.
struct RunDirs {
  std::filesystem::path working;
  std::filesystem::path workspace;
};
RunDirs BazelRunDirs();

// One JSONL line parsed as a JSON object. Errors: kInvalidArgument
// "WHERE: not a JSON object: ..." with the first line of the parser's
// message; `where` names the file and line ("suite.jsonl:12").
absl::StatusOr<google::protobuf::Struct> ParseJsonObject(
    absl::string_view json_line, absl::string_view where);

// `message` as indented JSON with every field, proto field names kept.
// Errors: kInternal "cannot print the report as JSON: ...".
absl::StatusOr<std::string> ToJson(const google::protobuf::Message& message);

}  // namespace crosscheck::eval_io

#endif  // TOOLS_EVAL_IO_EVAL_IO_H_
