// Strict command-line flag parsing for crosscheck's programs.
//
//   absl::StatusOr<std::vector<std::string>> positional =
//       ParseOwnFlags(argc, argv, "src/cli/crosscheck_main", "crosscheck --help");
//
// absl::ParseCommandLine exits with status 1 on a bad flag, which crosscheck
// reserves for "discrepancy found"; this parser returns the error instead,
// so the program can exit 2 with a one-line message.

#ifndef SRC_BASE_FLAG_PARSE_H_
#define SRC_BASE_FLAG_PARSE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace crosscheck::base {

// Sets the Abseil flags named in argv[1..] and returns the positional
// arguments in order. Accepted forms: --name=value, --name value (flags
// that are not booleans), --name and --noname (booleans); a single leading
// dash works too; dashes in names stand for underscores (--keep-going);
// "--" ends the flags; "-" is positional (standard input). Only flags
// defined in a source file whose path contains `flags_file` are accepted,
// so the flags Abseil's own libraries define are not. Fails with
// kInvalidArgument naming the argument for an unknown flag (the message
// points to `help_hint`), a missing value, or a value the flag rejects.
absl::StatusOr<std::vector<std::string>> ParseOwnFlags(
    int argc, char** argv, absl::string_view flags_file,
    absl::string_view help_hint);

// Whether argv[1..], up to a "--", holds --help, -h or --helpfull: read
// before ParseOwnFlags, so that help is given whatever else is wrong.
bool AsksForHelp(int argc, char** argv);

}  // namespace crosscheck::base

#endif  // SRC_BASE_FLAG_PARSE_H_
