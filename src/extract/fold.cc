#include "src/extract/fold.h"

#include "absl/strings/ascii.h"
#include "src/base/utf8.h"

namespace crosscheck::extract {

std::string Fold(absl::string_view text) {
  std::string out;
  FoldTo(text, &out);
  return out;
}

void FoldTo(absl::string_view text, std::string* out) {
  // Fast path: most words are ASCII, which only needs lowercasing in place.
  out->assign(text.data(), text.size());
  char* const data = out->data();
  size_t i = 0;
  for (; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(data[i]);
    if (c >= 0x80) break;
    data[i] = absl::ascii_tolower(c);
  }
  if (i == text.size()) return;
  // From the first byte that is not ASCII, character by character.
  out->resize(i);
  while (i < text.size()) {
    int length = 1;
    const char32_t c = base::DecodeUtf8(text, i, &length);
    if (c == 0x2019 || c == 0x2018) {
      out->push_back('\'');
    } else if (c == 0x2010 || c == 0x2011 || c == 0x2013) {
      out->push_back('-');
    } else if (c < 0x80) {
      out->push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    } else {
      out->append(text.data() + i, length);
    }
    i += length;
  }
}

}  // namespace crosscheck::extract
