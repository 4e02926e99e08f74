#include "src/extract/fold.h"

#include "absl/strings/ascii.h"

namespace crosscheck::extract {

std::string Fold(absl::string_view text) {
  std::string out;
  FoldTo(text, &out);
  return out;
}

void FoldTo(absl::string_view text, std::string* out) {
  out->resize(text.size());
  out->resize(FoldInto(text.data(), text.size(), out->data()));
}

// Byte by byte: the characters folded other than ASCII letters are the
// three bytes E2 80 xx of U+2010, U+2011, U+2013, U+2018 and U+2019, and a
// lead byte such as E2 never lies inside another character, so the bytes
// of every other character, valid UTF-8 or not, are copied as they are.
size_t FoldInto(const char* in, size_t n, char* out) {
  size_t size = 0;
  for (size_t i = 0; i < n;) {
    const auto b = static_cast<unsigned char>(in[i]);
    if (b == 0xE2 && i + 2 < n &&
        static_cast<unsigned char>(in[i + 1]) == 0x80) {
      const auto last = static_cast<unsigned char>(in[i + 2]);
      if (last == 0x98 || last == 0x99) {  // U+2018, U+2019
        out[size++] = '\'';
        i += 3;
        continue;
      }
      if (last == 0x90 || last == 0x91 || last == 0x93) {  // U+2010, -11, -13
        out[size++] = '-';
        i += 3;
        continue;
      }
    }
    out[size++] = static_cast<char>(absl::ascii_tolower(b));
    ++i;
  }
  return size;
}

}  // namespace crosscheck::extract
