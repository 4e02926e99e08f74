#include "src/base/encoding.h"

#include <cstdint>
#include <cstring>

#include "absl/strings/match.h"
#include "src/base/utf8.h"

namespace crosscheck::base {
namespace {

constexpr absl::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Windows-1252 bytes 0x80-0x9F; 0 where the encoding defines none.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Whether `bytes` hold an invalid UTF-8 sequence, and whether they hold a
// valid multibyte one.
struct Utf8Census {
  bool any_invalid = false;
  bool any_multibyte = false;
  // The last bytes are the start of a multibyte character cut off by the
  // end of the input (not counted in any_invalid).
  bool cut_off_end = false;
};

// Whether bytes[pos..] are a UTF-8 lead byte and fewer continuation bytes
// than it needs, up to the end.
bool IsCutOffCharacter(absl::string_view bytes, size_t pos) {
  const auto lead = static_cast<unsigned char>(bytes[pos]);
  const size_t need = lead >= 0xF0 && lead <= 0xF4   ? 3
                      : lead >= 0xE0 && lead <= 0xEF ? 2
                      : lead >= 0xC2 && lead <= 0xDF ? 1
                                                     : 0;
  const size_t rest = bytes.size() - pos - 1;
  if (need == 0 || rest >= need) return false;
  for (size_t i = pos + 1; i < bytes.size(); ++i) {
    if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) return false;
  }
  return true;
}

Utf8Census TakeUtf8Census(absl::string_view bytes) {
  Utf8Census census;
  size_t pos = 0;
  while (pos < bytes.size()) {
    // ASCII, most of any article, is passed over eight bytes at a time.
    uint64_t eight;
    if (pos + 8 <= bytes.size() && (std::memcpy(&eight, bytes.data() + pos, 8),
                                    (eight & 0x8080808080808080ull) == 0)) {
      pos += 8;
      continue;
    }
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    int length;
    const char32_t c = DecodeUtf8(bytes, pos, &length);
    if (c == kReplacementChar && length == 1) {
      if (IsCutOffCharacter(bytes, pos)) {
        census.cut_off_end = true;
        break;
      }
      census.any_invalid = true;
    } else {
      census.any_multibyte = true;
    }
    if (census.any_invalid && census.any_multibyte) break;
    pos += length;
  }
  return census;
}

void DecodeUtf16(absl::string_view bytes, bool big_endian, DecodedText* out) {
  out->text.reserve(bytes.size() / 2 * 3 / 2);
  auto unit_at = [&](size_t i) -> char16_t {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return static_cast<char16_t>(big_endian ? (a << 8) | b : (b << 8) | a);
  };
  const size_t base = out->bom_bytes;
  size_t i = 0;
  while (i + 1 < bytes.size()) {
    const char16_t unit = unit_at(i);
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 3 < bytes.size()) {
      const char16_t low = unit_at(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00),
                   &out->text);
        i += 4;
        continue;
      }
    }
    if (unit >= 0xD800 && unit <= 0xDFFF) {
      out->invalid_offsets.push_back(base + i);
      AppendUtf8(kReplacementChar, &out->text);
    } else {
      AppendUtf8(unit, &out->text);
    }
    i += 2;
  }
  if (i < bytes.size()) {  // an odd last byte
    out->invalid_offsets.push_back(base + i);
    AppendUtf8(kReplacementChar, &out->text);
  }
}

void DecodeUtf32(absl::string_view bytes, bool big_endian, DecodedText* out) {
  out->text.reserve(bytes.size());
  const size_t base = out->bom_bytes;
  size_t i = 0;
  for (; i + 3 < bytes.size(); i += 4) {
    char32_t c = 0;
    for (int k = 0; k < 4; ++k) {
      const auto b =
          static_cast<unsigned char>(bytes[i + (big_endian ? k : 3 - k)]);
      c = (c << 8) | b;
    }
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
      out->invalid_offsets.push_back(base + i);
      c = kReplacementChar;
    }
    AppendUtf8(c, &out->text);
  }
  if (i < bytes.size()) {  // one to three last bytes
    out->invalid_offsets.push_back(base + i);
    AppendUtf8(kReplacementChar, &out->text);
  }
}

void DecodeWindows1252(absl::string_view bytes, DecodedText* out) {
  out->text.reserve(bytes.size() + bytes.size() / 8);
  for (size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      out->text.push_back(static_cast<char>(b));
      continue;
    }
    if (out->high_bytes++ == 0) out->first_high_byte = i;
    char32_t c = b;
    if (b < 0xA0) {
      c = kWindows1252High[b - 0x80];
      if (c == 0) {
        out->invalid_offsets.push_back(i);
        c = kReplacementChar;
      }
    }
    AppendUtf8(c, &out->text);
  }
}

// Replaces NUL characters by spaces, counting them.
void ReplaceNuls(DecodedText* out) {
  size_t pos = out->text.find('\0');
  if (pos == std::string::npos) return;
  out->first_nul = pos;
  for (; pos != std::string::npos; pos = out->text.find('\0', pos + 1)) {
    out->text[pos] = ' ';
    ++out->nul_count;
  }
}

}  // namespace

absl::string_view EncodingName(SourceEncoding encoding) {
  switch (encoding) {
    case SourceEncoding::kUtf8:
      return "UTF-8";
    case SourceEncoding::kUtf16Le:
      return "UTF-16LE";
    case SourceEncoding::kUtf16Be:
      return "UTF-16BE";
    case SourceEncoding::kUtf32Le:
      return "UTF-32LE";
    case SourceEncoding::kUtf32Be:
      return "UTF-32BE";
    case SourceEncoding::kWindows1252:
      return "Windows-1252";
  }
  return "UTF-8";
}

absl::string_view ByteOrderMarkHex(SourceEncoding encoding) {
  switch (encoding) {
    case SourceEncoding::kUtf16Le:
      return "FF FE";
    case SourceEncoding::kUtf16Be:
      return "FE FF";
    case SourceEncoding::kUtf32Le:
      return "FF FE 00 00";
    case SourceEncoding::kUtf32Be:
      return "00 00 FE FF";
    default:
      return "";
  }
}

bool HasWideByteOrderMark(absl::string_view bytes) {
  return absl::StartsWith(bytes, "\xFF\xFE") ||
         absl::StartsWith(bytes, "\xFE\xFF") ||
         absl::StartsWith(bytes, absl::string_view("\0\0\xFE\xFF", 4));
}

DecodedText DecodeInput(absl::string_view bytes, bool replace_nuls) {
  DecodedText out;
  if (absl::StartsWith(bytes, absl::string_view("\xFF\xFE\0\0", 4)) ||
      absl::StartsWith(bytes, absl::string_view("\0\0\xFE\xFF", 4))) {
    out.encoding = bytes[0] == '\xFF' ? SourceEncoding::kUtf32Le
                                      : SourceEncoding::kUtf32Be;
    out.bom_bytes = 4;
    DecodeUtf32(bytes.substr(4), out.encoding == SourceEncoding::kUtf32Be,
                &out);
  } else if (absl::StartsWith(bytes, "\xFF\xFE") ||
             absl::StartsWith(bytes, "\xFE\xFF")) {
    out.encoding = bytes[0] == '\xFF' ? SourceEncoding::kUtf16Le
                                      : SourceEncoding::kUtf16Be;
    out.bom_bytes = 2;
    DecodeUtf16(bytes.substr(2), out.encoding == SourceEncoding::kUtf16Be,
                &out);
  } else {
    if (absl::StartsWith(bytes, kUtf8Bom)) {
      out.bom_bytes = kUtf8Bom.size();
      bytes.remove_prefix(kUtf8Bom.size());
    }
    const Utf8Census census = TakeUtf8Census(bytes);
    if (!census.any_invalid && !census.cut_off_end) {
      out.text = std::string(bytes);
    } else if (census.any_invalid && !census.any_multibyte &&
               out.bom_bytes == 0) {
      out.encoding = SourceEncoding::kWindows1252;
      DecodeWindows1252(bytes, &out);
      for (size_t& offset : out.invalid_offsets) offset += out.bom_bytes;
      out.first_high_byte += out.bom_bytes;
    } else {
      out.text = RepairUtf8(bytes, &out.invalid_offsets);
      for (size_t& offset : out.invalid_offsets) offset += out.bom_bytes;
    }
  }
  if (replace_nuls) ReplaceNuls(&out);
  return out;
}

}  // namespace crosscheck::base
