#include "src/extract/lexicon.h"

#include <cassert>
#include <cstring>

#include "absl/strings/ascii.h"

namespace crosscheck::extract {

std::vector<std::vector<std::string>> ReadTsv(absl::string_view basename) {
  const absl::string_view data = EmbeddedFile(basename);
  assert(!data.empty() && "embedded lexicon missing");
  std::vector<std::vector<std::string>> rows;
  constexpr size_t kUsualFields = 4;
  // Lines are found with memchr, and room is made for the fields of most
  // rows before they are read, so that most vectors are allocated once:
  // the lexicons are read at startup, several of them more than once.
  const char* const begin = data.data();
  const char* const end = begin + data.size();
  for (const char* line_begin = begin; line_begin < end;) {
    const void* const newline =
        std::memchr(line_begin, '\n', static_cast<size_t>(end - line_begin));
    const char* const line_end =
        newline == nullptr ? end : static_cast<const char*>(newline);
    absl::string_view line(line_begin,
                           static_cast<size_t>(line_end - line_begin));
    line_begin = line_end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const absl::string_view trimmed = absl::StripAsciiWhitespace(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    std::vector<std::string>& fields = rows.emplace_back();
    // Room for the fields of most rows; more seldom need it.
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
