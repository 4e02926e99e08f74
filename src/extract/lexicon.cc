#include "src/extract/lexicon.h"

#include <cassert>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"

namespace crosscheck::extract {

std::vector<std::vector<std::string>> ReadTsv(absl::string_view basename) {
  const absl::string_view data = EmbeddedFile(basename);
  assert(!data.empty() && "embedded lexicon missing");
  std::vector<std::vector<std::string>> rows;
  for (absl::string_view line : absl::StrSplit(data, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const absl::string_view trimmed = absl::StripAsciiWhitespace(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    std::vector<std::string> fields;
    for (absl::string_view field : absl::StrSplit(line, '\t')) {
      fields.emplace_back(absl::StripAsciiWhitespace(field));
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

}  // namespace crosscheck::extract
