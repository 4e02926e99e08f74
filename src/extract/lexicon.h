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

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
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

// Hash of a word for the lexicon tables: inline and cheap for the few bytes
// of a word (the extractors look up most tokens of a text), well mixed in
// every bit as Abseil's Swiss tables need. Transparent: std::string and
// absl::string_view keys hash alike.
struct WordHash {
  using is_transparent = void;
  size_t operator()(absl::string_view word) const {
    constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
    uint64_t h = 0x243F6A8885A308D3ull ^ (word.size() * kMul);
    const char* p = word.data();
    size_t n = word.size();
    for (; n >= 8; p += 8, n -= 8) {
      uint64_t chunk;
      std::memcpy(&chunk, p, 8);
      h = (h ^ chunk) * kMul;
      h ^= h >> 29;
    }
    // The last 1 to 7 bytes in loads of fixed size (a variable-length copy
    // is a library call): two overlapping 4-byte loads, or the first,
    // middle and last byte; with the length hashed above, different words
    // give different chunks.
    if (n >= 4) {
      uint32_t first, last;
      std::memcpy(&first, p, 4);
      std::memcpy(&last, p + n - 4, 4);
      h = (h ^ (uint64_t{first} | uint64_t{last} << 32)) * kMul;
    } else if (n > 0) {
      const uint64_t chunk = uint64_t{static_cast<unsigned char>(p[0])} |
                             uint64_t{static_cast<unsigned char>(p[n / 2])}
                                 << 8 |
                             uint64_t{static_cast<unsigned char>(p[n - 1])}
                                 << 16;
      h = (h ^ chunk) * kMul;
    }
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return static_cast<size_t>(h);
  }
};

// Equality to go with WordHash.
struct WordEq {
  using is_transparent = void;
  bool operator()(absl::string_view a, absl::string_view b) const {
    return a == b;
  }
};

// Lexicon tables keyed by folded words.
template <typename Value>
using WordMap = absl::flat_hash_map<std::string, Value, WordHash, WordEq>;
using WordSet = absl::flat_hash_set<std::string, WordHash, WordEq>;

}  // namespace crosscheck::extract

#endif  // SRC_EXTRACT_LEXICON_H_
