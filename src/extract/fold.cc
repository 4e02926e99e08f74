#include "src/extract/fold.h"

#include "absl/strings/ascii.h"
#include "src/base/utf8.h"

namespace crosscheck::extract {

std::string Fold(absl::string_view text) {
  std::string out;
  // Fast path: most words are ASCII, which only needs lowercasing.
  bool ascii = true;
  for (char c : text) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    out.resize(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
      out[i] = absl::ascii_tolower(static_cast<unsigned char>(text[i]));
    }
    return out;
  }
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    int length = 1;
    const char32_t c = base::DecodeUtf8(text, i, &length);
    if (c == 0x2019 || c == 0x2018) {
      out.push_back('\'');
    } else if (c == 0x2010 || c == 0x2011 || c == 0x2013) {
      out.push_back('-');
    } else if (c < 0x80) {
      out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    } else {
      out.append(text.data() + i, length);
    }
    i += length;
  }
  return out;
}

}  // namespace crosscheck::extract
