#include "src/extract/lexicon.h"

#include <cassert>

#include "absl/strings/ascii.h"
#include "src/base/lines.h"

namespace crosscheck::extract {

std::vector<std::vector<std::string>> ReadTsv(absl::string_view basename) {
  const absl::string_view data = EmbeddedFile(basename);
  assert(!data.empty() && "embedded lexicon missing");
  std::vector<std::vector<std::string>> rows;
  constexpr size_t kUsualFields = 4;
  // Room is made for the fields of most rows before they are read, so that
  // most vectors are allocated once: the lexicons are read at startup,
  // several of them more than once.
  for (size_t pos = 0; pos < data.size();) {
    const base::LineRange range = base::LineAt(data, pos, &pos);
    const absl::string_view line =
        data.substr(range.begin, range.end - range.begin);
    const absl::string_view trimmed = absl::StripAsciiWhitespace(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    std::vector<std::string>& fields = rows.emplace_back();
    fields.reserve(kUsualFields);
    const char* field_begin = line.data();
    const char* const fields_end = line.data() + line.size();
    while (true) {
      const char* field_end = field_begin;
      while (field_end != fields_end && *field_end != '\t') ++field_end;
      const absl::string_view field =
          absl::StripAsciiWhitespace(absl::string_view(
              field_begin, static_cast<size_t>(field_end - field_begin)));
      fields.emplace_back(field.data(), field.size());
      if (field_end == fields_end) break;
      field_begin = field_end + 1;
    }
  }
  return rows;
}

}  // namespace crosscheck::extract
