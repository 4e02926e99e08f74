#include "tools/eval_io/eval_io.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"

namespace crosscheck::eval_io {

RunDirs BazelRunDirs() {
  RunDirs dirs;
  std::error_code error;
  dirs.working = std::filesystem::current_path(error);
  if (const char* dir = std::getenv("BUILD_WORKING_DIRECTORY")) {
    dirs.working = dir;
  }
  dirs.workspace = dirs.working;
  if (const char* dir = std::getenv("BUILD_WORKSPACE_DIRECTORY")) {
    dirs.workspace = dir;
  }
  return dirs;
}

absl::StatusOr<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("cannot read ", path.string()));
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) {
    return absl::NotFoundError(absl::StrCat("cannot read ", path.string()));
  }
  return contents.str();
}

absl::StatusOr<google::protobuf::Struct> ParseJsonObject(
    absl::string_view json_line, absl::string_view where) {
  google::protobuf::Struct s;
  const auto parsed = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json_line.data(), json_line.size()), &s);
  if (!parsed.ok()) {
    const std::string message = parsed.message().as_string();
    return absl::InvalidArgumentError(absl::StrCat(
        where, ": not a JSON object: ",
        absl::StripAsciiWhitespace(
            absl::string_view(message).substr(0, message.find('\n')))));
  }
  return s;
}

absl::StatusOr<std::string> ToJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.always_print_primitive_fields = true;
  options.preserve_proto_field_names = true;
  std::string json;
  const auto status =
      google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) {
    return absl::InternalError(absl::StrCat("cannot print the report as JSON: ",
                                            status.message().as_string()));
  }
  return json;
}

}  // namespace crosscheck::eval_io
