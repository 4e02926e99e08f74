// Reading an input's bytes as text: which encoding they are in, and their
// UTF-8 form.
//
//   const DecodedText decoded = DecodeInput(file_bytes);
//   // decoded.text is valid UTF-8 without NUL bytes; decoded.encoding says
//   // what the bytes were read as.
//
// Articles arrive as UTF-8 most of the time, but also as UTF-16 (Windows
// "Unicode" exports, with a byte order mark) and as Windows-1252 (older
// content systems: curly quotes are single bytes 0x93 and 0x94). Each is
// turned into UTF-8, and what was done is reported, so that a caller can
// warn about it.

#ifndef SRC_BASE_ENCODING_H_
#define SRC_BASE_ENCODING_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace crosscheck::base {

// What an input's bytes were read as.
enum class SourceEncoding {
  kUtf8,         // UTF-8 (a byte order mark, if any, dropped)
  kUtf16Le,      // UTF-16, little endian, said by the byte order mark FF FE
  kUtf16Be,      // UTF-16, big endian, said by the byte order mark FE FF
  kUtf32Le,      // UTF-32, little endian: byte order mark FF FE 00 00
  kUtf32Be,      // UTF-32, big endian: byte order mark 00 00 FE FF
  kWindows1252,  // not UTF-8, and not one UTF-8 multibyte character in it
};

// "UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "Windows-1252".
absl::string_view EncodingName(SourceEncoding encoding);

// The byte order mark that says `encoding`, as hex ("FF FE"); empty for
// UTF-8 and Windows-1252.
absl::string_view ByteOrderMarkHex(SourceEncoding encoding);

// Whether `bytes` start with a UTF-16 or UTF-32 byte order mark.
bool HasWideByteOrderMark(absl::string_view bytes);

// An input read as text.
struct DecodedText {
  // The text in UTF-8: valid, without a byte order mark and without NUL
  // bytes (each NUL is replaced by a space, unless asked not to).
  std::string text;
  SourceEncoding encoding = SourceEncoding::kUtf8;
  // Length of the byte order mark dropped from the input's start (0, 2, 3).
  size_t bom_bytes = 0;
  // Offsets, in the input, of the bytes or byte sequences that could not be
  // decoded and became U+FFFD: invalid UTF-8 sequences (UTF-8), unpaired
  // surrogates and a lone last byte (UTF-16), and the five bytes
  // Windows-1252 leaves undefined.
  std::vector<size_t> invalid_offsets;
  // NUL characters replaced by spaces, and the offset in `text` of the
  // first (meaningless when there are none).
  size_t nul_count = 0;
  size_t first_nul = 0;
  // Windows-1252 only: bytes above 0x7F, and the input offset of the first.
  size_t high_bytes = 0;
  size_t first_high_byte = 0;
};

// Reads `bytes` as text. A byte order mark decides UTF-8, UTF-16 or UTF-32;
// without one, bytes that are valid UTF-8 are UTF-8. Bytes that are not
// valid UTF-8 are read as Windows-1252 when no valid UTF-8 multibyte
// character occurs among them (a file written in that encoding), and
// otherwise as UTF-8 with each invalid sequence replaced by U+FFFD (a UTF-8
// file with damage). Also read as damaged UTF-8, never as Windows-1252:
// bytes after a UTF-8 byte order mark, and text whose only invalid bytes
// are a multibyte character cut off at its end (a truncated file).
// Linear in the input; valid UTF-8 without NUL bytes comes back unchanged.
// `replace_nuls` false leaves NUL characters in `text` (and nul_count 0),
// for a caller that replaces them in each part of the text, such as each
// line of a JSONL file.
DecodedText DecodeInput(absl::string_view bytes, bool replace_nuls = true);

}  // namespace crosscheck::base

#endif  // SRC_BASE_ENCODING_H_
