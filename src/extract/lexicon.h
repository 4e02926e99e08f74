// Lexicons: the rules-as-data of the extractors.
//
// Every file under src/extract/data/ is compiled into the binary, so the
// lexicons are edited as data (see docs/lexicons.md) and need no files at
// run time. The format is TSV: one entry per line, fields separated by tabs,
// blank lines and lines starting with '#' ignored.
//
//   for (const auto& row : ReadTsv("months.tsv")) { row[0], row[1] }

#ifndef SRC_EXTRACT_LEXICON_H_
#define SRC_EXTRACT_LEXICON_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace crosscheck::extract {

// The bytes of the embedded data file `basename` (e.g. "currencies.tsv"),
// or an empty view when there is no such file. The view is valid for the
// life of the program.
absl::string_view EmbeddedFile(absl::string_view basename);

// The rows of the embedded TSV file `basename`, each a list of its fields
// with surrounding spaces trimmed. Comment and blank lines are skipped.
// Aborts in debug builds when the file does not exist (a build error).
std::vector<std::vector<std::string>> ReadTsv(absl::string_view basename);

}  // namespace crosscheck::extract

#endif  // SRC_EXTRACT_LEXICON_H_
