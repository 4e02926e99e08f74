#include "src/extract/figures.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "src/extract/context.h"
#include "src/extract/lexicon.h"
#include "src/extract/word_classes.h"
#include "src/extract/words.h"

namespace crosscheck::extract {
namespace {

using crosscheck::v1::Claim;
using crosscheck::v1::Figure;
using internal::Word;
using internal::Words;
using segment::TokenKind;

// The most words a counted noun phrase may have ("$12 billion investment
// package", "a 600-megawatt offshore wind farm").
constexpr int kMaxNounPhrase = 4;

bool IsPossessive(const Word& word) { return word.possessive_bytes > 0; }

// Whether `a` and `b` hold the same bytes; inlined, unlike operator==,
// for the comparisons with short literals made at every try.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool Same(absl::string_view a,
                                              absl::string_view b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), b.size()) == 0;
}

// Whether `word` is folded to `text` (internal::WordIs).
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool Is(const Word& word,
                                            absl::string_view text) {
  return internal::WordIs(word, text);
}

// ---------------------------------------------------------------------------
// Word filters: most words of a text are in none of the lexicons, and a
// filter tells so without hashing the word.

// A bit per (length, first byte, last byte) of the words added, each taken
// modulo 32. MayContain is false only for a word that was never added, so
// a lookup it rejects would have found nothing.
class WordFilter {
 public:
  void Add(absl::string_view word) {
    if (word.empty()) {
      has_empty_ = true;
      return;
    }
    bits_[word.size() % 32][Low5(word.front())] |= uint32_t{1}
                                                   << Low5(word.back());
  }

  ABSL_ATTRIBUTE_ALWAYS_INLINE bool MayContain(absl::string_view word) const {
    if (word.empty()) return has_empty_;
    const uint32_t lasts = bits_[word.size() % 32][Low5(word.front())];
    return (lasts >> Low5(word.back())) & 1;
  }

 private:
  static int Low5(char c) { return static_cast<unsigned char>(c) % 32; }

  uint32_t bits_[32][32] = {};
  bool has_empty_ = false;
};

// A set of words (Entry = std::string) or a map from words (Entry =
// std::pair<std::string, Value>) behind a WordFilter, for lookups that
// mostly miss or hit short words. Words the filter lets through are found
// by a cheap hash of their length and a few bytes and a short chain of
// entries compared in full: a hit costs a few loads and one comparison,
// less than hashing the whole word. Answers as a flat_hash_map or
// flat_hash_set would: emplace() keeps the first value of a key, find()
// gives end() for a key not added. Entries are iterated in insertion order;
// iterators stay valid only until the next emplace().
template <typename Entry>
class FilteredTable {
 public:
  using const_iterator = const Entry*;

  FilteredTable() : heads_(kMinBuckets, kNone) {}
  FilteredTable(std::initializer_list<absl::string_view> words)
      : FilteredTable() {
    for (absl::string_view word : words) insert(word);
  }

  template <typename... Value>
  void emplace(absl::string_view key, Value&&... value) {
    if (contains(key)) return;
    filter_.Add(key);
    if constexpr (std::is_same_v<Entry, std::string>) {
      static_assert(sizeof...(Value) == 0, "a set holds no values");
      entries_.emplace_back(key);
    } else {
      entries_.emplace_back(
          std::string(key),
          typename Entry::second_type(std::forward<Value>(value)...));
    }
    next_.push_back(kNone);
    if (entries_.size() * 2 > heads_.size()) {
      Rehash(heads_.size() * 2);
    } else {
      Link(static_cast<uint32_t>(entries_.size() - 1));
    }
  }
  void insert(absl::string_view key) { emplace(key); }
  template <typename Iterator>
  void insert(Iterator begin, Iterator end) {
    for (; begin != end; ++begin) insert(*begin);
  }

  // Inlined: the filter turns most words away with a few loads.
  ABSL_ATTRIBUTE_ALWAYS_INLINE const_iterator
  find(absl::string_view key) const {
    if (!filter_.MayContain(key)) return end();
    return FindPassed(key);
  }
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool contains(absl::string_view key) const {
    return find(key) != end();
  }
  const_iterator begin() const { return entries_.data(); }
  const_iterator end() const { return entries_.data() + entries_.size(); }

 private:
  static constexpr size_t kMinBuckets = 16;
  static constexpr uint32_t kNone = ~uint32_t{0};

  // find() for a key the filter let through.
  const_iterator FindPassed(absl::string_view key) const {
    for (uint32_t e = heads_[Bucket(key)]; e != kNone; e = next_[e]) {
      const absl::string_view word = KeyOf(entries_[e]);
      if (word.size() == key.size() &&
          internal::SameBytes(word.data(), key.data(), key.size())) {
        return &entries_[e];
      }
    }
    return end();
  }

  static absl::string_view KeyOf(const std::string& entry) { return entry; }
  template <typename Value>
  static absl::string_view KeyOf(const std::pair<std::string, Value>& entry) {
    return entry.first;
  }

  // The bucket of `word`: its length, first, second and last bytes mixed
  // by a multiplicative hash; heads_.size() is a power of two.
  size_t Bucket(absl::string_view word) const {
    uint32_t h = static_cast<uint32_t>(word.size());
    if (!word.empty()) {
      h = (h << 24) ^
          (uint32_t{static_cast<unsigned char>(word.front())} << 16) ^
          (uint32_t{static_cast<unsigned char>(word[word.size() > 1])} << 8) ^
          static_cast<unsigned char>(word.back());
    }
    return (h * 0x9E3779B1u) >> shift_;
  }

  void Link(uint32_t e) {
    const size_t bucket = Bucket(KeyOf(entries_[e]));
    next_[e] = heads_[bucket];
    heads_[bucket] = e;
  }

  void Rehash(size_t buckets) {
    heads_.assign(buckets, kNone);
    shift_ = 32;
    for (size_t b = buckets; b > 1; b /= 2) --shift_;
    for (uint32_t e = 0; e < entries_.size(); ++e) Link(e);
  }

  WordFilter filter_;
  std::vector<Entry> entries_;
  std::vector<uint32_t> next_;   // the next entry of the same bucket
  std::vector<uint32_t> heads_;  // the first entry of each bucket, or kNone
  int shift_ = 28;               // 32 - log2(heads_.size())
};

// A small map from words, for the lookups made at every token: the word's
// length, first and last byte (each modulo 32) pick a cell, and the few
// words of that cell are compared in full. Finding a word costs a few loads
// and one comparison, less than hashing it.
template <typename Value>
class ShapeMap {
  struct Entry;

 public:
  ShapeMap() : heads_(kCells, kNone) {}

  // Adds `word`, which must not be in the map yet.
  void Insert(absl::string_view word, Value value) {
    const size_t cell = Cell(word);
    entries_.push_back({internal::PackWord(word), word.size(), std::move(value),
                        heads_[cell], std::string(word)});
    heads_[cell] = static_cast<uint32_t>(entries_.size() - 1);
  }

  // Find() for a loop of lookups: holds the map's arrays in values of its
  // own, which a store through a byte pointer in the loop cannot change,
  // so that they are not loaded again for every lookup. Valid until the
  // next Insert().
  class Reader {
   public:
    explicit Reader(const ShapeMap& map)
        : heads_(map.heads_.data()), entries_(map.entries_.data()) {}

    // ShapeMap::Find. A word is packed (internal::PackWord) only when its
    // cell holds a word, and compared with the words there as two
    // integers and a length; only one of more than 16 bytes is compared
    // in full.
    const Value* Find(absl::string_view word) const {
      uint32_t e = heads_[Cell(word)];
      if (e == kNone) return nullptr;
      const internal::PackedWord packed = internal::PackWord(word);
      for (; e != kNone; e = entries_[e].next) {
        const Entry& entry = entries_[e];
        if (entry.packed == packed && entry.size == word.size() &&
            (word.size() <= 16 ||
             internal::SameBytes(entry.word.data(), word.data(),
                                 word.size()))) {
          return &entry.value;
        }
      }
      return nullptr;
    }

   private:
    const uint32_t* heads_;
    const Entry* entries_;
  };

  // The value of `word`, nullptr when it is not in the map.
  const Value* Find(absl::string_view word) const {
    return Reader(*this).Find(word);
  }

 private:
  static constexpr size_t kCells = 32 * 32 * 32;
  static constexpr uint32_t kNone = ~uint32_t{0};

  static size_t Cell(absl::string_view word) {
    if (word.empty()) return 0;
    return (word.size() % 32) * 32 * 32 +
           static_cast<unsigned char>(word.front()) % 32 * 32 +
           static_cast<unsigned char>(word.back()) % 32;
  }

  struct Entry {
    internal::PackedWord packed;  // internal::PackWord(word)
    size_t size;                  // word.size()
    Value value;
    uint32_t next;  // the next entry of the same cell, kNone at the end
    std::string word;
  };
  std::vector<uint32_t> heads_;  // the last entry of each cell, or kNone
  std::vector<Entry> entries_;
};

template <typename Value>
using FilteredWordMap = FilteredTable<std::pair<std::string, Value>>;
using FilteredWordSet = FilteredTable<std::string>;

// ---------------------------------------------------------------------------
// Phrase tables: lexicon phrases matched on folded tokens, longest first.
// Tokens written together in the lexicon ("US$", "A$") must be written
// together in the text too, so "a $12 billion" is not Australian dollars.

template <typename T>
class PhraseTable {
 public:
  // Tokenizes `phrase` like article text, so "US$" is "us" + "$".
  void Add(absl::string_view phrase, T value) {
    Entry entry;
    const std::vector<Word> words = Words(phrase, 0, phrase.size());
    for (size_t k = 0; k < words.size(); ++k) {
      entry.words.push_back(words[k].folded);
      entry.joined.push_back(k > 0 && words[k].begin == words[k - 1].end);
    }
    if (entry.words.empty()) return;
    max_words_ = std::max(max_words_, entry.words.size());
    if (entry.words.size() == 1) {
      single_words_.Add(entry.words[0]);
    } else {
      second_words_.Add(entry.words[1]);
    }
    entry.value = std::move(value);
    auto it = by_first_.find(entry.words[0]);
    if (it == by_first_.end()) {
      by_first_.emplace(entry.words[0], buckets_.size());
      buckets_.emplace_back();
      it = by_first_.find(entry.words[0]);
    }
    auto& bucket = buckets_[it->second];
    bucket.push_back(std::move(entry));
    std::stable_sort(bucket.begin(), bucket.end(),
                     [](const Entry& a, const Entry& b) {
                       return a.words.size() > b.words.size();
                     });
  }

  // The value of the longest phrase at words[start] accepted by `accept`,
  // with `*end` set one past its last token; nullptr when none matches.
  template <typename Predicate>
  const T* Match(const std::vector<Word>& words, int start, int* end,
                 Predicate accept) const {
    const int n = static_cast<int>(words.size());
    if (start >= n) return nullptr;
    // A phrase of one word is the word; a longer one has a second word.
    if (!single_words_.MayContain(words[start].folded) &&
        (start + 1 >= n ||
         !second_words_.MayContain(words[start + 1].folded))) {
      return nullptr;
    }
    auto it = by_first_.find(words[start].folded);
    if (it == by_first_.end()) return nullptr;
    for (const Entry& entry : buckets_[it->second]) {
      if (start + entry.words.size() > words.size()) continue;
      bool match = true;
      for (size_t k = 1; k < entry.words.size() && match; ++k) {
        const Word& word = words[start + k];
        const std::string& expected = entry.words[k];
        match = word.folded.size() == expected.size() &&
                internal::SameBytes(word.folded.data(), expected.data(),
                                    expected.size()) &&
                (!entry.joined[k] || word.begin == words[start + k - 1].end);
      }
      if (match && accept(entry.value)) {
        *end = start + static_cast<int>(entry.words.size());
        return &entry.value;
      }
    }
    return nullptr;
  }

  // The most words of a phrase of the table.
  size_t max_words() const { return max_words_; }

  // The folded first words of the phrases.
  std::vector<std::string> first_words() const {
    return first_words([](const T&) { return true; });
  }

  // The folded first words of the phrases whose value `accept` accepts.
  template <typename Predicate>
  std::vector<std::string> first_words(Predicate accept) const {
    std::vector<std::string> words;
    for (const auto& [word, bucket] : by_first_) {
      for (const Entry& entry : buckets_[bucket]) {
        if (accept(entry.value)) {
          words.push_back(word);
          break;
        }
      }
    }
    return words;
  }

  const T* Match(const std::vector<Word>& words, int start, int* end) const {
    return Match(words, start, end, [](const T&) { return true; });
  }

 private:
  struct Entry {
    std::vector<std::string> words;
    // joined[k]: words[k] follows words[k - 1] without a space ("US$").
    std::vector<bool> joined;
    T value;
  };
  // The phrases by their first word, longest first: by_first_ gives the
  // index of their bucket.
  FilteredWordMap<size_t> by_first_;
  std::vector<std::vector<Entry>> buckets_;
  size_t max_words_ = 0;
  // The phrases of one word, and the second words of the others: a word
  // that neither lets through starts no phrase.
  WordFilter single_words_;
  WordFilter second_words_;
};

// ---------------------------------------------------------------------------
// Lexicons.

// kFraction: a denominator word ("half", "quarter"), `value` its
// denominator; plural ordinals ("thirds", "fifths") are denominators too.
enum class NumberClass {
  kSmall,
  kTens,
  kMultiplier,
  kScale,
  kTimes,
  kFraction
};

struct NumberWord {
  double value = 0;
  NumberClass number_class = NumberClass::kSmall;
  bool ordinal = false;
};

struct Magnitude {
  double multiplier = 1;
  bool abbreviation = false;
};

struct Currency {
  std::string code;
  bool prefix = false;  // may stand before the number
  bool suffix = false;  // may stand after the number
  // The worth of one unit in `code`: 0.01 for "cents", 1 otherwise.
  double factor = 1;
  // A subunit name many currencies share ("cents"): after a whole amount
  // in another currency it counts that currency's hundredths.
  bool shared = false;
};

// A qualifier phrase and where it stands: before the number ("more than
// 30") or after it ("30 or more").
struct QualifierEntry {
  Figure::Qualifier qualifier = Figure::QUALIFIER_EXACT;
  bool after = false;
  // "equal to 20", "equals 20": the value and nothing else, stored as the
  // range [20, 20] (qualifier EQUAL in qualifiers.tsv).
  bool equal = false;
};

// The first four bytes of `word` (at least four long) as one number.
inline uint32_t TensPrefix(absl::string_view word) {
  uint32_t prefix;
  std::memcpy(&prefix, word.data(), sizeof(prefix));
  return prefix;
}

// A bit (0 to 63) for a TensPrefix, by a multiplicative hash.
inline uint64_t TensPrefixBit(uint32_t prefix) {
  return uint64_t{1} << ((prefix * 0x9E3779B1u) >> 26);
}

struct Lexicons {
  FilteredWordMap<NumberWord> number_words;
  // The `tens` words ("twenty"), for fused numbers ("twentyfifth").
  std::vector<std::string> tens_words;
  // The first four bytes of each tens word, each once (TensPrefix): a word
  // that starts with none of them starts with no tens word. Empty when a
  // tens word is shorter than four bytes, and then nothing is ruled out.
  std::vector<uint32_t> tens_prefixes;
  // The TensPrefixBit of each of tens_prefixes: a prefix whose bit is not
  // set is none of them.
  uint64_t tens_prefix_bits = 0;
  FilteredWordMap<Magnitude> magnitudes;
  FilteredWordMap<std::string> time_units;
  FilteredWordSet stop_words;
  // Irregular verb forms ("took", "were", "spread"), with whether the form
  // is also the base form (and often a noun: "cut", "spread").
  FilteredWordMap<bool> verb_forms;
  // Verbs of change ("rise", "cut"): "<verb> from X to Y" is two figures.
  FilteredWordSet change_verbs;
  // Verbs of ranking ("finish", "place"): "finished second" is a rank.
  FilteredWordSet rank_verbs;
  PhraseTable<QualifierEntry> qualifiers;
  PhraseTable<Currency> currencies;
  // Currency codes and words of two letters or more that may be written
  // against the digits ("USD115", "115USD", "Rs20").
  FilteredWordMap<Currency> attached_currencies;
  // The ISO 4217 codes of currencies.tsv: a figure with one of these units
  // is money.
  FilteredWordSet currency_codes;
  // Units written after the number (units.tsv, position "after"): "12 per
  // cent", "7.1 on the Richter scale".
  PhraseTable<std::string> units;
  // The most words of a percent unit, which may open a bare phrase ("per
  // cent of 10").
  size_t percent_unit_words = 0;
  // Units written before the number (position "before"), as their folded
  // words, longest first: "magnitude 6.9", "a magnitude of 6.9".
  std::vector<std::pair<std::vector<std::string>, std::string>> prefix_units;
  // The units of one word by that word, for a unit joined to the digits by
  // a hyphen: written after the number ("6.9-magnitude", "10-percent") or
  // before it ("magnitude-6.9").
  FilteredWordMap<std::string> hyphen_suffix_units;
  FilteredWordMap<std::string> hyphen_prefix_units;
  PhraseTable<bool> idioms;
  // Words at least one of which every figure holds unless it has digits:
  // number words, magnitudes, currency words and symbols, time units, the
  // words of vague quantities. A sentence with none of them and no digit
  // holds no figure.
  FilteredWordSet triggers;
};

// The powers of ten a decimal of up to 15 digits divides by, each exact in
// a double (ParsePlainDecimal, ParseGroupedDecimal).
constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6, 1e7,
                                   1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14};

// absl::SimpleAtod for plain decimals ("2400", "48.5"): at most 15 digits,
// and at most one '.' with digits on both sides. The digits make an integer
// below 2^53 and the decimals a power of ten up to 10^14, both exact in a
// double, so one division rounds correctly, as SimpleAtod does. False, with
// `*value` unset, for any other text.
bool ParsePlainDecimal(absl::string_view text, double* value) {
  uint64_t mantissa = 0;
  int digits = 0;
  int decimals = -1;  // digits after the '.', -1 before it
  for (char c : text) {
    if (c == '.') {
      if (decimals >= 0 || digits == 0) return false;
      decimals = 0;
    } else if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      if (++digits > 15) return false;
      mantissa = mantissa * 10 + static_cast<uint64_t>(c - '0');
      if (decimals >= 0) ++decimals;
    } else {
      return false;
    }
  }
  if (digits == 0 || decimals == 0) return false;
  *value = static_cast<double>(mantissa);
  if (decimals > 0) *value /= kPowersOfTen[decimals];
  return true;
}

// ParsePlainDecimal for digits in groups of three after a first group of
// one to three, separated by ",", with decimals after the last group
// ("2,400", "1,234,567.89"): at most 15 digits, at least one comma, and
// when there is a '.', digits after it. Read in one pass, as ParseDecimal
// reads them after joining the groups. False, with `*value` unset, for any
// other text.
bool ParseGroupedDecimal(absl::string_view text, double* value) {
  uint64_t mantissa = 0;
  int digits = 0;
  int group = 0;  // digits of the group being read
  bool first_group = true;
  int decimals = -1;  // digits after the '.', -1 before it
  for (char c : text) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      if (++digits > 15) return false;
      mantissa = mantissa * 10 + static_cast<uint64_t>(c - '0');
      if (decimals >= 0) {
        ++decimals;
      } else {
        ++group;
      }
    } else if (c == ',') {
      if (decimals >= 0 || group < 1 || group > 3 ||
          (!first_group && group != 3)) {
        return false;
      }
      first_group = false;
      group = 0;
    } else if (c == '.') {
      if (decimals >= 0 || first_group || group != 3) return false;
      decimals = 0;
    } else {
      return false;
    }
  }
  if (first_group || decimals == 0 || (decimals < 0 && group != 3)) {
    return false;
  }
  *value = static_cast<double>(mantissa);
  if (decimals > 0) *value /= kPowersOfTen[decimals];
  return true;
}

double ParseDoubleOr(absl::string_view text, double fallback) {
  double value = 0;
  if (ParsePlainDecimal(text, &value)) return value;
  return absl::SimpleAtod(text, &value) ? value : fallback;
}

// The Figure.Qualifier whose enum name is "QUALIFIER_" and `name`, as
// qualifiers.tsv names them, as Figure::Qualifier_Parse finds it but
// without building the descriptors of the protobuf messages, which nothing
// else of the extraction needs. False for any other name.
bool ParseQualifierName(absl::string_view name, Figure::Qualifier* qualifier) {
  static_assert(Figure::Qualifier_ARRAYSIZE == 9,
                "every Figure.Qualifier has its name below");
  static const std::pair<const char*, Figure::Qualifier> kNames[] = {
      {"UNSPECIFIED", Figure::QUALIFIER_UNSPECIFIED},
      {"EXACT", Figure::QUALIFIER_EXACT},
      {"APPROXIMATE", Figure::QUALIFIER_APPROXIMATE},
      {"MORE_THAN", Figure::QUALIFIER_MORE_THAN},
      {"AT_LEAST", Figure::QUALIFIER_AT_LEAST},
      {"LESS_THAN", Figure::QUALIFIER_LESS_THAN},
      {"AT_MOST", Figure::QUALIFIER_AT_MOST},
      {"RANGE", Figure::QUALIFIER_RANGE},
      {"VAGUE", Figure::QUALIFIER_VAGUE},
  };
  for (const auto& [known, value] : kNames) {
    if (name == known) {
      *qualifier = value;
      return true;
    }
  }
  return false;
}

Lexicons* LoadLexicons() {
  auto* lex = new Lexicons();
  // Read once: the triggers below come from them too.
  const auto number_rows = ReadTsv("number_words.tsv");
  const auto magnitude_rows = ReadTsv("magnitudes.tsv");
  const auto currency_rows = ReadTsv("currencies.tsv");
  const auto qualifier_rows = ReadTsv("qualifiers.tsv");
  for (const auto& row : number_rows) {
    if (row.size() < 4) continue;
    NumberWord word;
    word.value = ParseDoubleOr(row[1], 0);
    word.number_class = row[2] == "tens"         ? NumberClass::kTens
                        : row[2] == "multiplier" ? NumberClass::kMultiplier
                        : row[2] == "times"      ? NumberClass::kTimes
                        : row[2] == "scale"      ? NumberClass::kScale
                        : row[2] == "fraction"   ? NumberClass::kFraction
                                                 : NumberClass::kSmall;
    word.ordinal = row[3] == "ordinal";
    lex->number_words.emplace(row[0], word);
    if (word.number_class == NumberClass::kTens) {
      lex->tens_words.push_back(row[0]);
    }
  }
  for (const std::string& tens : lex->tens_words) {
    if (tens.size() < 4) {
      lex->tens_prefixes.clear();
      break;
    }
    const uint32_t prefix = TensPrefix(tens);
    if (std::find(lex->tens_prefixes.begin(), lex->tens_prefixes.end(),
                  prefix) == lex->tens_prefixes.end()) {
      lex->tens_prefixes.push_back(prefix);
      lex->tens_prefix_bits |= TensPrefixBit(prefix);
    }
  }
  for (const auto& row : magnitude_rows) {
    if (row.size() < 3) continue;
    const Magnitude magnitude{ParseDoubleOr(row[1], 1), row[2] == "abbrev"};
    lex->magnitudes.emplace(row[0], magnitude);
    if (!magnitude.abbreviation) {
      lex->number_words.emplace(
          row[0], NumberWord{magnitude.multiplier, NumberClass::kScale, false});
    }
  }
  for (const auto& row : ReadTsv("time_units.tsv")) {
    if (row.size() >= 2) lex->time_units.emplace(row[0], row[1]);
  }
  for (const auto& row : ReadTsv("stopwords.tsv")) {
    lex->stop_words.insert(row[0]);
  }
  for (const auto& row : ReadTsv("irregular_words.tsv")) {
    if (row.size() >= 3 && (row[2] == "past" || row[2] == "present")) {
      lex->verb_forms.emplace(row[0], row[0] == row[1]);
    }
  }
  for (const auto& row : ReadTsv("verbs.tsv")) {
    if (row.size() >= 2 && row[1] == "change") {
      lex->change_verbs.insert(row[0]);
    }
  }
  for (const auto& row : ReadTsv("rank_verbs.tsv")) {
    lex->rank_verbs.insert(row[0]);
  }
  for (const auto& row : qualifier_rows) {
    Figure::Qualifier qualifier;
    if (row.size() >= 2 && row[1] == "EQUAL") {
      lex->qualifiers.Add(row[0],
                          QualifierEntry{Figure::QUALIFIER_EXACT, false, true});
      continue;
    }
    if (row.size() >= 2 && ParseQualifierName(row[1], &qualifier)) {
      lex->qualifiers.Add(
          row[0],
          QualifierEntry{qualifier, row.size() >= 3 && row[2] == "after"});
    }
  }
  for (const auto& row : currency_rows) {
    if (row.size() < 3) continue;
    lex->currencies.Add(
        row[0], Currency{row[1], row[2] != "suffix", row[2] != "prefix",
                         row.size() >= 4 ? ParseDoubleOr(row[3], 1) : 1,
                         row.size() >= 5 && row[4] == "shared"});
    lex->currency_codes.insert(row[1]);
    const std::vector<Word> tokens = Words(row[0], 0, row[0].size());
    if (tokens.size() == 1 && tokens[0].kind == TokenKind::kWord &&
        tokens[0].folded.size() >= 2 &&
        tokens[0].folded.find_first_of(".-'") == std::string::npos) {
      lex->attached_currencies.emplace(
          tokens[0].folded,
          Currency{row[1], row[2] != "suffix", row[2] != "prefix",
                   row.size() >= 4 ? ParseDoubleOr(row[3], 1) : 1});
    }
  }
  for (const auto& row : ReadTsv("units.tsv")) {
    if (row.size() < 2) continue;
    const std::vector<Word> tokens = Words(row[0], 0, row[0].size());
    if (tokens.empty()) continue;
    std::vector<std::string> words;
    for (const Word& token : tokens) words.push_back(token.folded);
    const bool one_word =
        tokens.size() == 1 && tokens[0].kind == TokenKind::kWord;
    if (row.size() >= 3 && row[2] == "before") {
      if (one_word) lex->hyphen_prefix_units.emplace(words[0], row[1]);
      lex->prefix_units.emplace_back(std::move(words), row[1]);
      continue;
    }
    lex->units.Add(row[0], row[1]);
    if (one_word) lex->hyphen_suffix_units.emplace(words[0], row[1]);
    if (row[1] == "percent") {
      lex->percent_unit_words = std::max(lex->percent_unit_words, words.size());
    }
  }
  std::stable_sort(lex->prefix_units.begin(), lex->prefix_units.end(),
                   [](const auto& a, const auto& b) {
                     return a.first.size() > b.first.size();
                   });
  for (const auto& row : ReadTsv("figure_idioms.tsv")) {
    lex->idioms.Add(row[0], true);
  }
  // Triggers: every word of the lexicons that can carry a figure's value,
  // and the currency signs; not the articles, "of" or ASCII punctuation,
  // which some entries hold ("A$", "Rs.") and most sentences too.
  auto add_words = [&](absl::string_view phrase) {
    for (const internal::Word& token : Words(phrase, 0, phrase.size())) {
      const std::string& w = token.folded;
      if (w == "a" || w == "an" || w == "the" || w == "of") continue;
      if (token.kind == TokenKind::kPunct && w.size() == 1 && w != "$") {
        continue;  // ASCII punctuation; "$", "€", "£" stay
      }
      lex->triggers.insert(w);
    }
  };
  for (const auto& row : number_rows) add_words(row[0]);
  for (const auto& row : magnitude_rows) add_words(row[0]);
  for (const auto& row : currency_rows) add_words(row[0]);
  // "more than a decade": one of a time unit after a qualifier.
  for (const auto& [word, unit] : lex->time_units) lex->triggers.insert(word);
  for (const auto& row : qualifier_rows) {
    if (row.size() >= 2 && row[1] == "VAGUE") add_words(row[0]);
  }
  return lex;
}

// Inlined: the parsers call it for nearly every token they look at.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline const Lexicons& Lex() {
  static const Lexicons* const kLexicons = LoadLexicons();
  return *kLexicons;
}

// ---------------------------------------------------------------------------
// Step 1: numbers. An Amount is one number as written, in digits ("2,400",
// "4.8bn", "31st", "20-30", "600-megawatt") or words ("twenty-nine", "one
// hundred and five", "a dozen", "four-day"), with a magnitude word after
// digits ("48.5 billion").

struct Amount {
  double value = 0;
  // Upper bound of a range written as one token ("20-30").
  std::optional<double> range_max;
  bool ordinal = false;
  bool spelled = false;    // written in words
  bool times = false;      // "twice": a count of occasions
  bool year_like = false;  // a plain four-digit integer 1900-2100
  // A share with no whole part: "two thirds", "half", "a quarter".
  bool fraction = false;
  // A whole part and a fraction joined by "and" ("two and fifty-four
  // hundredths", "three and three fifths").
  bool mixed = false;
  // An abbreviated magnitude accepted only because the number may stand
  // alone in its sentence ("10k"): no figure unless it does.
  bool needs_alone = false;
  // A currency code attached to the digits ("115usd"), and its factor; a
  // view of the lexicon's code, which lives as long as the program.
  absl::string_view attached_currency;
  double attached_factor = 1;
  // The magnitude applied, 1 when none ("48.5 billion": 1e9).
  double multiplier = 1;
  // The magnitude is an abbreviation written attached to the digits
  // ("4.8bn", "3.5m", "20k"): a magnitude only for money.
  bool attached_abbreviation = false;
  // The word after a hyphen: "day" in "four-day", "megawatt" in
  // "600-megawatt"; a view of the word's folded text, so an Amount stays
  // trivially copyable and cheap to return. Valid as long as the word: an
  // Amount read from a word made for the parse (a part of a token) must
  // not leave it with a compound.
  absl::string_view compound;
  // Tokens [begin, end).
  int begin = 0;
  int end = 0;
};
static_assert(std::is_trivially_copyable_v<Amount>,
              "an Amount is returned by value in std::optional");

// A number in digits with "," thousands separators and "." decimals.
std::optional<double> ParseDecimal(absl::string_view digits) {
  if (digits.empty()) return std::nullopt;
  // Most numbers have no separator: ParsePlainDecimal reads them as the
  // loop below would after copying them whole.
  double plain_value;
  if (ParsePlainDecimal(digits, &plain_value)) return plain_value;
  // Most other numbers are grouped in thousands ("2,400").
  if (ParseGroupedDecimal(digits, &plain_value)) return plain_value;
  // The digits without their separators, on the stack for numbers of
  // usual length ("2,400,000").
  char short_plain[32];
  std::string long_plain;
  char* plain = short_plain;
  if (digits.size() > sizeof(short_plain)) {
    long_plain.resize(digits.size());
    plain = long_plain.data();
  }
  size_t plain_size = 0;
  const bool grouped = digits.find(',') != absl::string_view::npos;
  // "12,34,567.89", "1,00,000": Indian grouping, pairs of digits before the
  // last group of three.
  bool indian = false;
  if (grouped) {
    const size_t first = digits.find(',');
    const size_t second = digits.find(',', first + 1);
    indian = first <= 2 && second != absl::string_view::npos &&
             second - first == 3;
  }
  size_t begin = 0;
  for (int g = 0;; ++g) {
    const size_t comma = digits.find(',', begin);
    const bool last = comma == absl::string_view::npos;
    const absl::string_view group =
        digits.substr(begin, last ? absl::string_view::npos : comma - begin);
    const size_t integer_digits =
        last ? std::min(group.find('.'), group.size()) : group.size();
    if (grouped) {
      // "2,400": 1-3 digits, then groups of exactly three.
      const size_t group_digits = indian && !last ? 2 : 3;
      if (g == 0 ? (integer_digits < 1 || integer_digits > group_digits)
                 : integer_digits != group_digits) {
        return std::nullopt;
      }
      if (!last && group.find('.') != absl::string_view::npos) {
        return std::nullopt;
      }
    }
    std::memcpy(plain + plain_size, group.data(), group.size());
    plain_size += group.size();
    if (last) break;
    begin = comma + 1;
  }
  const absl::string_view joined(plain, plain_size);
  if (std::count(joined.begin(), joined.end(), '.') > 1) return std::nullopt;
  double value = 0;
  if (!ParsePlainDecimal(joined, &value) && !absl::SimpleAtod(joined, &value)) {
    return std::nullopt;
  }
  return value;
}

bool IsOrdinalSuffix(absl::string_view s) {
  return Same(s, "st") || Same(s, "nd") || Same(s, "rd") || Same(s, "th");
}

// A number token: its value and what follows the digits. The amount's
// compound is a view of `word.folded`, valid as long as `word`.
std::optional<Amount> ParseDigitToken(const Word& word) {
  const absl::string_view s = word.folded;
  size_t k = 0;
  bool integer = true;  // no ',' or '.' among the digits
  for (; k < s.size(); ++k) {
    const char c = s[k];
    if (c == ',' || c == '.') {
      integer = false;
    } else if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      break;
    }
  }
  const std::optional<double> value = ParseDecimal(s.substr(0, k));
  if (!value.has_value()) return std::nullopt;
  Amount amount;
  amount.value = *value;
  const absl::string_view rest = s.substr(k);
  if (rest.empty()) {
    amount.year_like = integer && k == 4 && *value >= 1900 && *value <= 2100;
    return amount;
  }
  if (IsOrdinalSuffix(rest)) {
    amount.ordinal = true;
    return amount;
  }
  if (auto it = Lex().attached_currencies.find(rest);
      it != Lex().attached_currencies.end() && it->second.suffix) {
    amount.attached_currency = it->second.code;  // "115usd", "20rs"
    amount.attached_factor = it->second.factor;
    return amount;
  }
  if (auto it = Lex().magnitudes.find(rest); it != Lex().magnitudes.end()) {
    amount.multiplier = it->second.multiplier;  // "4.8bn", "3.5m"
    amount.value *= amount.multiplier;
    amount.attached_abbreviation = it->second.abbreviation;
    return amount;
  }
  if (rest[0] == '-' && rest.size() > 1) {
    const absl::string_view after = rest.substr(1);
    if (absl::ascii_isdigit(static_cast<unsigned char>(after[0]))) {
      // "20-30"; not "2024-06-07".
      const std::optional<double> max = ParseDecimal(after);
      if (!max.has_value()) return std::nullopt;
      amount.range_max = *max;
      amount.year_like = integer && k == 4 && *value >= 1900 && *value <= 2100;
      return amount;
    }
    amount.compound = after;  // "600-megawatt"
    return amount;
  }
  // "1990s" (a decade: dates), "4g", "737max": not a figure.
  return std::nullopt;
}

// The number word `part` stands for, also a plural multiplier or scale
// ("dozens", "billions", "crores"); nullptr when none.
const NumberWord* FindNumberWord(absl::string_view part, bool plural_ok) {
  const auto& number_words = Lex().number_words;
  if (auto it = number_words.find(part); it != number_words.end()) {
    return &it->second;
  }
  if (!plural_ok || !absl::EndsWith(part, "s")) return nullptr;
  auto it = number_words.find(Lemma(part));
  if (it == number_words.end() || it->second.ordinal ||
      (it->second.number_class != NumberClass::kMultiplier &&
       it->second.number_class != NumberClass::kScale)) {
    return nullptr;
  }
  return &it->second;
}

// The denominator `word` names in a fraction, 0 when none: "half" and
// "halves" 2, "quarter(s)" 4, plural ordinals ("thirds" 3, "fifths" 5,
// "hundredths" 100) and, with `singular`, ordinals ("fifth" in "one
// fifth"). "second(s)" is a time unit and "first(s)" no denominator.
double Denominator(absl::string_view word, bool singular) {
  const auto& number_words = Lex().number_words;
  auto it = number_words.find(word);
  if (it != number_words.end()) {
    if (it->second.number_class == NumberClass::kFraction) {
      return it->second.value;
    }
    return singular && it->second.ordinal && it->second.value > 2
               ? it->second.value
               : 0;
  }
  if (!absl::EndsWith(word, "s")) return 0;
  it = number_words.find(Lemma(word));
  if (it == number_words.end() || !it->second.ordinal ||
      it->second.value <= 2) {
    return 0;
  }
  return it->second.value;
}

// Composes spelled-out numbers: "twenty-nine", "one hundred and five",
// "two thousand", "a dozen", "thirty-first", "three lakh crore", and, in a
// number that starts with digits, digit groups ("4 thousand 3 hundred and
// 21").
class WordNumberParser {
 public:
  // Feeds one word (or one part of a hyphenated word); false when it cannot
  // continue the number.
  bool Feed(absl::string_view part) {
    if (ordinal_ || times_) return false;
    if (Same(part, "a") || Same(part, "an")) {
      if (last_ != Last::kNone) return false;
      last_ = Last::kArticle;
      return true;
    }
    const NumberWord* found = FindNumberWord(
        part, last_ == Last::kSmall || last_ == Last::kTens ||
                  last_ == Last::kMultiplier || last_ == Last::kScale);
    if (found == nullptr) return false;
    return FeedNumber(*found);
  }

  // Feed(part) for the first part fed to a new parser, when `found` is
  // what FindNumberWord(part, false) gives: saves looking it up again.
  bool FeedFirst(absl::string_view part, const NumberWord* found) {
    if (Same(part, "a") || Same(part, "an")) {
      last_ = Last::kArticle;
      return true;
    }
    if (found == nullptr) return false;
    return FeedNumber(*found);
  }

  // A group written in digits: first ("322 hundred") or after a multiplier
  // or scale ("4 thousand 3 hundred and 21").
  bool FeedDigits(double value) {
    if (ordinal_ || times_ || decimal_) return false;
    digits_ = true;
    if (last_ != Last::kNone && last_ != Last::kMultiplier &&
        last_ != Last::kScale) {
      return false;
    }
    group_ += value;
    sub_ = value;
    last_ = Last::kSmall;
    ++atoms_;
    return true;
  }

  // The decimals after "point" ("two point five"); only a scale may follow.
  bool AddDecimals(double fraction) {
    if (ordinal_ || times_ || decimal_ || atoms_ == 0 ||
        last_ == Last::kScale) {
      return false;
    }
    group_ += fraction;
    decimal_ = true;
    last_ = Last::kSmall;
    return true;
  }

  // "and" may join "hundred"/"thousand" to what follows.
  bool AcceptsAnd() const {
    return !ordinal_ && !decimal_ &&
           (last_ == Last::kMultiplier || last_ == Last::kScale);
  }
  // Something was parsed beyond a lone article.
  bool complete() const { return atoms_ > 0; }
  bool article_only() const { return atoms_ == 0 && last_ == Last::kArticle; }
  double value() const { return total_ + group_; }
  bool ordinal() const { return ordinal_; }
  bool times() const { return times_; }
  bool ends_with_scale() const { return last_ == Last::kScale; }
  bool ends_with_tens() const { return last_ == Last::kTens; }
  // The part written since the last multiplier or scale ("thirty" of "one
  // hundred thirty").
  double sub() const { return sub_; }
  bool ends_with_multiplier() const { return last_ == Last::kMultiplier; }
  double last_scale() const { return last_scale_; }
  // The largest multiplier or scale word fed, 1 when none.
  double max_scale() const { return max_scale_; }
  int atoms() const { return atoms_; }

 private:
  enum class Last { kNone, kArticle, kSmall, kTens, kMultiplier, kScale };

  // Feeds a number word found for the next part.
  bool FeedNumber(const NumberWord& word) {
    if (decimal_ && word.number_class != NumberClass::kScale) return false;
    // "$280 million first": digits take no ordinal word.
    if (word.ordinal && digits_) return false;
    switch (word.number_class) {
      case NumberClass::kFraction:
        return false;
      case NumberClass::kSmall:
        if (last_ == Last::kTens && word.value >= 1 && word.value <= 9) {
          group_ += word.value;  // "twenty-nine"
          sub_ += word.value;
        } else if (last_ == Last::kNone || last_ == Last::kMultiplier ||
                   last_ == Last::kScale) {
          group_ += word.value;
          sub_ = word.value;
        } else {
          return false;
        }
        last_ = Last::kSmall;
        break;
      case NumberClass::kTens:
        if (last_ != Last::kNone && last_ != Last::kMultiplier &&
            last_ != Last::kScale) {
          return false;
        }
        group_ += word.value;
        sub_ = word.value;
        last_ = Last::kTens;
        break;
      case NumberClass::kMultiplier:
        if (last_ == Last::kNone && word.ordinal) {
          group_ = word.value;  // "the hundredth"
        } else if (last_ == Last::kMultiplier) {
          group_ *= word.value;  // "two hundred dozen"
        } else if (last_ == Last::kArticle) {
          group_ = word.value;
        } else if (last_ == Last::kSmall || last_ == Last::kTens) {
          // Only what follows the last multiplier is multiplied: "three
          // hundred and two dozen" is 300 + 24.
          group_ = group_ - sub_ + sub_ * word.value;
        } else {
          return false;
        }
        last_ = Last::kMultiplier;
        break;
      case NumberClass::kScale:
        if (last_ == Last::kNone && !word.ordinal) return false;
        if (last_ == Last::kScale) {
          // "three lakh crore", "three thousand million": a larger scale
          // multiplies the whole.
          if (group_ != 0 || word.value <= last_scale_) return false;
          total_ *= word.value;
        } else {
          // "a thousand"; "trillionth" alone is the ordinal of one.
          total_ += (last_ == Last::kArticle || last_ == Last::kNone
                         ? 1
                         : group_) *
                    word.value;
        }
        group_ = 0;
        last_ = Last::kScale;
        last_scale_ = word.value;
        max_scale_ = std::max(max_scale_, word.value);
        break;
      case NumberClass::kTimes:
        if (last_ != Last::kNone) return false;
        group_ = word.value;
        times_ = true;
        last_ = Last::kSmall;
        break;
    }
    if (word.number_class == NumberClass::kMultiplier) {
      max_scale_ = std::max(max_scale_, word.value);
    }
    ordinal_ = word.ordinal;
    ++atoms_;
    return true;
  }

  Last last_ = Last::kNone;
  double total_ = 0;
  double group_ = 0;
  // The part of `group_` written since the last multiplier or scale.
  double sub_ = 0;
  double last_scale_ = 1;
  double max_scale_ = 1;
  int atoms_ = 0;
  bool ordinal_ = false;
  bool times_ = false;
  bool decimal_ = false;
  bool digits_ = false;  // a group was written in digits
};

// Whether a digit group at words[k] continues a number that started with
// digits: after "hundred" ("3 hundred and 21"), or after a scale when a
// multiplier or scale follows it ("4 thousand 3 hundred"), never merely
// after a scale ("2 million 300 jobs").
bool DigitsContinue(const std::vector<Word>& words, int k,
                    const WordNumberParser& parser) {
  if (parser.ends_with_multiplier()) return true;
  if (k + 1 >= static_cast<int>(words.size())) return false;
  const NumberWord* next = FindNumberWord(words[k + 1].folded, true);
  return next != nullptr && !next->ordinal &&
         (next->number_class == NumberClass::kMultiplier ||
          next->number_class == NumberClass::kScale);
}

// A plain number in digits ("21", "2.12"), with nothing attached.
std::optional<double> PlainDigits(const Word& word) {
  if (word.kind != TokenKind::kNumber) return std::nullopt;
  for (char c : word.folded) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c)) && c != ',' &&
        c != '.') {
      return std::nullopt;
    }
  }
  return ParseDecimal(word.folded);
}

// The decimals after "point" at words[start]: digit words one by one ("zero
// three" .03, "nought four" .04) or one number below 100 ("seventy-one"
// .71). Sets `*end`; nullopt when none.
std::optional<double> SpelledDecimals(const std::vector<Word>& words, int start,
                                      int* end) {
  const int n = static_cast<int>(words.size());
  std::string digits;
  int k = start;
  for (; k < n && words[k].kind == TokenKind::kWord; ++k) {
    const std::string& f = words[k].folded;
    const size_t hyphen = f.find('-');
    const NumberWord* head = FindNumberWord(f.substr(0, hyphen), false);
    if (head == nullptr || head->ordinal) break;
    if (head->number_class == NumberClass::kSmall && head->value < 10 &&
        hyphen == std::string::npos) {
      digits += static_cast<char>('0' + static_cast<int>(head->value));
      continue;
    }
    if (head->number_class == NumberClass::kSmall && head->value >= 10 &&
        digits.empty() && hyphen == std::string::npos) {
      digits = absl::StrCat(static_cast<int>(head->value));  // "point eleven"
      ++k;
      break;
    }
    if (head->number_class == NumberClass::kTens && digits.empty()) {
      int value = static_cast<int>(head->value);
      if (hyphen != std::string::npos) {
        const NumberWord* unit = FindNumberWord(f.substr(hyphen + 1), false);
        if (unit == nullptr || unit->ordinal || unit->value < 1 ||
            unit->value > 9) {
          break;
        }
        value += static_cast<int>(unit->value);
      }
      digits = absl::StrCat(value);
      ++k;
    }
    break;
  }
  if (digits.empty()) return std::nullopt;
  *end = k;
  return ParseDoubleOr(absl::StrCat("0.", digits), 0);
}

// A number word or magnitude, also plural: a word after "a third" that is
// no noun.
bool IsNumberWordForFraction(const std::string& folded) {
  const std::string head = folded.substr(0, folded.find('-'));
  return FindNumberWord(head, true) != nullptr ||
         Lex().magnitudes.contains(head);
}

// A unit word 1-9 ("five", "fifth", also plural "fifths" with `plural`).
const NumberWord* UnitWord(absl::string_view part, bool plural) {
  const NumberWord* word = FindNumberWord(part, false);
  if (word == nullptr && plural && absl::EndsWith(part, "s")) {
    auto it = Lex().number_words.find(Lemma(part));
    if (it != Lex().number_words.end() && it->second.ordinal) {
      word = &it->second;
    }
  }
  if (word == nullptr || word->number_class != NumberClass::kSmall ||
      word->value < 1 || word->value > 9) {
    return nullptr;
  }
  return word;
}

// Whether `part` (at least four bytes) starts with the first four bytes of
// a tens word; lex.tens_prefixes must not be empty.
inline bool StartsLikeTens(const Lexicons& lex, absl::string_view part) {
  const uint32_t prefix = TensPrefix(part);
  return (lex.tens_prefix_bits & TensPrefixBit(prefix)) != 0 &&
         std::find(lex.tens_prefixes.begin(), lex.tens_prefixes.end(),
                   prefix) != lex.tens_prefixes.end();
}

// Feeds a tens word fused with a unit word ("twentyfifth", "fortytwo");
// false, leaving `parser` as it was, when `part` is none.
bool FeedFused(absl::string_view part, WordNumberParser* parser) {
  if (part.size() < 8) return false;
  const Lexicons& lex = Lex();
  // Most long words start like no tens word: one load and a few compares.
  if (!lex.tens_prefixes.empty() && !StartsLikeTens(lex, part)) return false;
  for (const std::string& tens : lex.tens_words) {
    if (!absl::StartsWith(part, tens)) continue;
    const absl::string_view unit = part.substr(tens.size());
    if (UnitWord(unit, false) == nullptr) return false;
    WordNumberParser probe = *parser;
    if (!probe.Feed(tens) || !probe.Feed(unit)) return false;
    *parser = probe;
    return true;
  }
  return false;
}

// A denominator of a tens and an ordinal unit at words[k]: "twenty-fifths",
// "twenty fifths", "twenty-firsts"; singular ("twenty-fifth") with
// `singular`. Sets `*end`; 0 when none.
double CompoundDenominator(const std::vector<Word>& words, int k,
                           bool singular, int* end) {
  const int n = static_cast<int>(words.size());
  if (k >= n || words[k].kind != TokenKind::kWord) return 0;
  const std::string& f = words[k].folded;
  const size_t hyphen = f.find('-');
  const absl::string_view head = absl::string_view(f).substr(0, hyphen);
  const NumberWord* tens = FindNumberWord(head, false);
  if (tens == nullptr || tens->number_class != NumberClass::kTens ||
      tens->ordinal) {
    return 0;
  }
  absl::string_view tail;
  int e = k + 1;
  if (hyphen != std::string::npos) {
    tail = absl::string_view(f).substr(hyphen + 1);
  } else if (k + 1 < n && words[k + 1].kind == TokenKind::kWord) {
    tail = words[k + 1].folded;
    e = k + 2;
  } else {
    return 0;
  }
  const bool plural = absl::EndsWith(tail, "s");
  if (!plural && !singular) return 0;
  const NumberWord* unit = UnitWord(tail, true);
  if (unit == nullptr || !unit->ordinal) return 0;
  *end = e;
  return tens->value + unit->value;
}

// Whether a noun follows at words[k]: a word that is no stop word or number
// word ("a third term", not "a third of").
bool NounAt(const std::vector<Word>& words, int k);
bool IsPlural(absl::string_view folded);

// A fraction at words[start] standing alone: "a half", "one third", "three
// quarters", "two-thirds", "half". Sets `*end`.
std::optional<double> SimpleFraction(const std::vector<Word>& words, int start,
                                     int* end);

// Whether a spelled-out number can start at `word` (ParseSpelled without
// digits): a word whose part before any hyphen is "a", "an", a number word
// or a fused number ("fortytwo"), or a named fraction ("half"). ParseSpelled
// reads no number at any other token: it could feed its parser nothing.
// Sets `*whole` to the number word `word` is as a whole (nullptr when
// none), which ParseSpelled asks next.
bool MayStartSpelled(const Word& word, const NumberWord** whole) {
  *whole = nullptr;
  if (word.kind != TokenKind::kWord) return false;
  const absl::string_view folded = word.folded;
  const auto& number_words = Lex().number_words;
  if (auto it = number_words.find(folded); it != number_words.end()) {
    *whole = &it->second;
  }
  const bool hyphenated = (word.shape & internal::kHasHyphen) != 0;
  const absl::string_view head =
      hyphenated ? folded.substr(0, folded.find('-')) : folded;
  if (Same(head, "a") || Same(head, "an") || *whole != nullptr ||
      (hyphenated && number_words.contains(head))) {
    return true;
  }
  WordNumberParser probe;
  return head.size() >= 8 && FeedFused(head, &probe);
}
bool MayStartSpelled(const Word& word) {
  const NumberWord* whole;
  return MayStartSpelled(word, &whole);
}

// A spelled-out number starting at words[start] (or, with `digits`, a digit
// group there followed by number words: "3 hundred and 21", "13 lakh"). A
// hyphenated token whose later parts are not number words ends the number
// and names a compound ("four-day": 4, compound "day"). Fractions join the
// number: "two thirds", "one and a half", "5 million and a half", "half a
// million", "two point five".
std::optional<Amount> ParseSpelled(
    const std::vector<Word>& words, int start,
    std::optional<double> digits = std::nullopt, int depth = 2) {
  const int n = static_cast<int>(words.size());
  // The number word words[start] is as a whole, looked up once for the
  // tests below and the first part fed.
  const NumberWord* first_whole = nullptr;
  if (!digits.has_value() && start < n &&
      !MayStartSpelled(words[start], &first_whole)) {
    return std::nullopt;
  }
  WordNumberParser parser;
  Amount amount;
  amount.spelled = !digits.has_value();
  amount.begin = start;
  int i = start;
  if (digits.has_value()) {
    parser.FeedDigits(*digits);
    ++i;
  } else if (i < n) {
    // "half a million", "quarter million", "half a dozen", "half": a named
    // fraction, whose Denominator() is its value.
    const bool named_fraction =
        first_whole != nullptr &&
        first_whole->number_class == NumberClass::kFraction;
    const double den = named_fraction ? first_whole->value : 0;
    if (den > 0) {
      int k = i + 1;
      if (k + 1 < n && (Is(words[k], "a") || Is(words[k], "an"))) {
        ++k;
      }
      const NumberWord* scale =
          k < n ? FindNumberWord(words[k].folded, false) : nullptr;
      amount.end = i + 1;
      amount.value = 1 / den;
      if (scale != nullptr && !scale->ordinal &&
          (scale->number_class == NumberClass::kMultiplier ||
           scale->number_class == NumberClass::kScale)) {
        amount.value *= scale->value;
        amount.end = k + 1;
      } else {
        amount.fraction = true;
        if (k < n && k == i + 2 && Lex().time_units.contains(words[k].folded)) {
          amount.end = k;  // "half an hour"
        }
      }
      return amount;
    }
  }
  // The number before the last "and", for "twenty and three fifths".
  double before_and = 0;
  double before_and_scale = 1;
  bool had_and = false;
  while (i < n) {
    const Word& word = words[i];
    if (Is(word, "and")) {
      // "one hundred and five": only when a number follows.
      if (!parser.AcceptsAnd() || i + 1 >= n) break;
      const absl::string_view next = words[i + 1].folded;
      // "3 hundred and 2 hundred" is two numbers: after "and", a multiplier
      // no smaller than the one before starts a new number.
      if (parser.ends_with_multiplier() && i + 2 < n) {
        const NumberWord* after = FindNumberWord(words[i + 2].folded, true);
        if (after != nullptr && !after->ordinal &&
            after->number_class == NumberClass::kMultiplier &&
            after->value >= parser.max_scale()) {
          break;
        }
      }
      // "3 hundred and 0": adding zero continues nothing.
      if (Same(next, "0") || Same(next, "zero") || Same(next, "nought")) break;
      WordNumberParser probe = parser;
      if (words[i + 1].kind == TokenKind::kNumber) {
        const std::optional<double> next_digits =
            digits.has_value() && DigitsContinue(words, i + 1, parser)
                ? PlainDigits(words[i + 1])
                : std::nullopt;
        if (!next_digits.has_value() || !probe.FeedDigits(*next_digits)) {
          break;
        }
      } else if (!probe.Feed(next.substr(0, next.find('-')))) {
        break;
      }
      before_and = parser.value();
      before_and_scale = parser.ends_with_scale() ? parser.last_scale() : 1;
      had_and = true;
      ++i;
      continue;
    }
    if (word.kind == TokenKind::kNumber) {
      const std::optional<double> group =
          digits.has_value() && DigitsContinue(words, i, parser)
              ? PlainDigits(word)
              : std::nullopt;
      if (!group.has_value() || !parser.FeedDigits(*group)) break;
      ++i;
      continue;
    }
    if ((Is(word, "-") || Is(word, "\u2014")) && i + 1 < n &&
        words[i + 1].kind == TokenKind::kWord && parser.complete() &&
        !parser.ordinal() && !parser.times() && !parser.ends_with_scale()) {
      // "fifty - two", "twenty\u2014fifth": a hyphen written apart or as a
      // dash; "one - fourth", "five - eighths": a fraction.
      const absl::string_view next = words[i + 1].folded;
      if (parser.ends_with_tens() &&
          UnitWord(absl::string_view(next).substr(0, next.find('-')),
                   false) != nullptr) {
        ++i;
        continue;
      }
      const double den = next.find('-') == std::string::npos
                             ? Denominator(next, parser.value() == 1)
                             : 0;
      if (den > 0) {
        amount.value = parser.value() / den;
        amount.fraction = true;
        amount.end = i + 2;
        return amount;
      }
      break;
    }
    if (word.kind != TokenKind::kWord) break;
    if (Is(word, "point") && parser.complete() && !parser.ordinal()) {
      int decimals_end = i + 1;
      const std::optional<double> decimals =
          SpelledDecimals(words, i + 1, &decimals_end);
      if (!decimals.has_value() || !parser.AddDecimals(*decimals)) break;
      i = decimals_end;
      continue;
    }
    // "2020 hundreds of": a plural scale before "of" is vague, no factor.
    // The first word of a spelled number, looked up by MayStartSpelled.
    const bool first = i == start && !digits.has_value();
    if (i + 1 < n && Is(words[i + 1], "of") &&
        (first ? first_whole == nullptr
               : !Lex().number_words.contains(word.folded)) &&
        FindNumberWord(word.folded, true) != nullptr) {
      break;
    }
    // Feed the hyphen-separated parts ("thirty-first") one by one.
    absl::string_view rest = word.folded;
    const bool hyphenated = (word.shape & internal::kHasHyphen) != 0;
    int fed = 0;
    bool whole = true;
    while (true) {
      const size_t hyphen =
          hyphenated ? rest.find('-') : absl::string_view::npos;
      const bool fed_part = first && !hyphenated
                                ? parser.FeedFirst(rest, first_whole)
                                : parser.Feed(rest.substr(0, hyphen));
      if (!fed_part && !FeedFused(rest.substr(0, hyphen), &parser)) {
        whole = false;
        break;
      }
      ++fed;
      if (hyphen == absl::string_view::npos) break;
      rest.remove_prefix(hyphen + 1);
    }
    if (fed == 0) break;
    ++i;
    if (!whole) {
      double den = Denominator(rest, parser.value() == 1);
      double numerator = parser.value();
      if (den > 0 && den < 10 && fed == 1 && parser.ends_with_tens() &&
          numerator > parser.sub() && absl::EndsWith(rest, "s")) {
        // "one hundred thirty-fifths": 100 / 35.
        den += parser.sub();
        numerator -= parser.sub();
      }
      if (den > 0 && parser.complete() && !parser.ordinal() &&
          !parser.times()) {
        // "two-thirds", "one-eighth": a fraction.
        amount.value = numerator / den;
        amount.fraction = true;
        amount.end = i;
        return amount;
      }
      // "four-day": the rest of the token is a compound and ends the number.
      amount.compound = rest;
      break;
    }
  }
  if (!parser.complete() && !parser.article_only()) return std::nullopt;
  amount.value = parser.value();
  amount.ordinal = parser.ordinal();
  amount.times = parser.times();
  amount.multiplier = digits.has_value() ? parser.max_scale() : 1;
  amount.end = i;
  const bool article_first =
      (Is(words[start], "a") || Is(words[start], "an")) &&
      parser.atoms() == 1;
  const bool one_first = Is(words[start], "one") &&
                         parser.atoms() == 2 && i == start + 2;
  if (amount.ordinal && (article_first || one_first) && amount.value >= 100 &&
      !NounAt(words, i)) {
    // "a hundredth", "one millionth": a fraction, not a rank.
    amount.value = 1 / amount.value;
    amount.ordinal = false;
    amount.fraction = true;
    return amount;
  }
  if (!amount.compound.empty() || amount.ordinal || amount.times) {
    return parser.complete() ? std::optional<Amount>(amount) : std::nullopt;
  }
  // A denominator after the number: "two thirds", "twenty one fifths", "a
  // fifth of"; a singular ordinal only after "a" or "one" and when no noun
  // follows ("a third of", not "a third term").
  if (i < n && words[i].kind == TokenKind::kWord) {
    const bool one = parser.article_only() || parser.value() == 1;
    double den = Denominator(words[i].folded, false);
    if (den == 0 && one && Denominator(words[i].folded, true) > 0) {
      if (!NounAt(words, i + 1)) den = Denominator(words[i].folded, true);
    }
    double numerator = parser.article_only() ? 1 : parser.value();
    int den_end = i + 1;
    if (den > 0 && den < 10 && !had_and && parser.ends_with_tens() &&
        numerator > parser.sub() && absl::EndsWith(words[i].folded, "s") &&
        Lex().number_words.find(words[i].folded) == Lex().number_words.end()) {
      // "one hundred thirty fifths": 100 / 35.
      den += parser.sub();
      numerator -= parser.sub();
    }
    if (den == 0) {
      // "three twenty-firsts", "twenty twenty fifths", "one twenty-fifth".
      int e = i;
      den = CompoundDenominator(words, i, one, &e);
      if (den > 0 && !absl::EndsWith(words[e - 1].folded, "s") &&
          NounAt(words, e)) {
        den = 0;
      }
      if (den > 0) den_end = e;
    }
    if (den == 0 && one && depth > 0 && !parser.article_only()) {
      // "one one hundred fifth", "one one hundred and fifth": 1 / 105.
      const std::optional<Amount> rank =
          ParseSpelled(words, i, std::nullopt, 0);
      if (rank.has_value() && rank->ordinal && rank->value > 2 &&
          rank->end > i + 1 && rank->compound.empty() &&
          !NounAt(words, rank->end)) {
        den = rank->value;
        den_end = rank->end;
      }
    }
    if (den > 0) {
      i = den_end - 1;
      const auto fraction_word = Lex().number_words.find(words[i].folded);
      const bool named_fraction =
          fraction_word != Lex().number_words.end() &&
          fraction_word->second.number_class == NumberClass::kFraction;
      if (had_and && !parser.article_only() &&
          (before_and_scale > 1 || named_fraction ||
           numerator - before_and < den)) {
        // "twenty and three fifths", "five billion and three quarters",
        // "two hundred and fifty-four hundredths"; "one billion and three
        // quarters million" takes the smaller scale after it.
        double scale = before_and_scale;
        const NumberWord* next =
            i + 1 < n ? FindNumberWord(words[i + 1].folded, false) : nullptr;
        if (next != nullptr && !next->ordinal &&
            next->number_class == NumberClass::kScale &&
            next->value < before_and_scale) {
          scale = next->value;
          ++i;
        }
        amount.value = before_and + (numerator - before_and) / den * scale;
      } else {
        amount.value = numerator / den;
        amount.fraction = true;
      }
      amount.end = i + 1;
      // "a quarter million", "three quarters billion", "two thirds of a
      // million".
      int scale_at = i + 1;
      if (amount.fraction && scale_at + 2 < n &&
          Is(words[scale_at], "of") &&
          (Is(words[scale_at + 1], "a") ||
           Is(words[scale_at + 1], "an"))) {
        scale_at += 2;
      }
      const NumberWord* scale =
          scale_at < n ? FindNumberWord(words[scale_at].folded, false)
                       : nullptr;
      if (amount.fraction && scale != nullptr && !scale->ordinal &&
          scale->number_class == NumberClass::kScale) {
        amount.value *= scale->value;
        amount.fraction = false;
        amount.end = scale_at + 1;
      }
      return amount;
    }
  }
  if (!parser.complete()) return std::nullopt;
  // "one and a half", "3 million and a half", "five and a half million".
  if (i + 1 < n && Is(words[i], "and")) {
    int fraction_end = i + 1;
    const std::optional<double> fraction =
        SimpleFraction(words, i + 1, &fraction_end);
    if (!fraction.has_value() && depth > 0 && !parser.ends_with_scale() &&
        !parser.ordinal() && !parser.times()) {
      // "two and fifty-four hundredths", "twenty and three and three
      // fifths": a whole number and a fraction.
      const std::optional<Amount> part =
          ParseSpelled(words, i + 1, std::nullopt, depth - 1);
      if (part.has_value() && !part->ordinal && !part->times &&
          part->compound.empty() &&
          ((part->fraction && part->value < 1) || part->mixed)) {
        amount.value = parser.value() + part->value;
        amount.mixed = true;
        amount.end = part->end;
        return amount;
      }
    }
    if (fraction.has_value()) {
      amount.mixed = true;
      const double scale = parser.ends_with_scale() ? parser.last_scale() : 1;
      amount.value = parser.value() + *fraction * scale;
      amount.end = fraction_end;
      if (fraction_end < n) {
        const NumberWord* next =
            FindNumberWord(words[fraction_end].folded, false);
        if (next != nullptr && !next->ordinal &&
            next->number_class == NumberClass::kScale &&
            next->value <
                (parser.ends_with_scale() ? parser.last_scale() : 1e300)) {
          amount.value = parser.ends_with_scale()
                             ? parser.value() + *fraction * next->value
                             : (parser.value() + *fraction) * next->value;
          amount.end = fraction_end + 1;
        }
      }
    }
  }
  return amount;
}

bool NounAt(const std::vector<Word>& words, int k) {
  return k < static_cast<int>(words.size()) &&
         words[k].kind == TokenKind::kWord &&
         !Lex().stop_words.contains(words[k].folded) &&
         !IsNumberWordForFraction(words[k].folded);
}

std::optional<double> SimpleFraction(const std::vector<Word>& words, int start,
                                     int* end) {
  const int n = static_cast<int>(words.size());
  if (start >= n || words[start].kind != TokenKind::kWord) return std::nullopt;
  const absl::string_view first = words[start].folded;
  // "two-thirds", "one-half".
  const size_t hyphen = first.find('-');
  if (hyphen != std::string::npos) {
    const NumberWord* numerator =
        FindNumberWord(first.substr(0, hyphen), false);
    const double den =
        Denominator(first.substr(hyphen + 1),
                    numerator != nullptr && numerator->value == 1);
    if (numerator == nullptr || numerator->ordinal || den == 0) {
      return std::nullopt;
    }
    *end = start + 1;
    return numerator->value / den;
  }
  double numerator = 1;
  if (!Same(first, "a") && !Same(first, "an")) {
    const NumberWord* word = FindNumberWord(first, false);
    if (word == nullptr || word->ordinal ||
        word->number_class != NumberClass::kSmall) {
      return std::nullopt;
    }
    numerator = word->value;
  }
  if (start + 1 >= n) return std::nullopt;
  const double den = Denominator(words[start + 1].folded, numerator == 1);
  if (den == 0) return std::nullopt;
  *end = start + 2;
  return numerator / den;
}

// A currency symbol, code or word at words[start] that may stand before
// (`prefix`) or after the number; sets `*end` one past it.
const Currency* MatchCurrency(const std::vector<Word>& words, int start,
                              int* end, bool prefix) {
  return Lex().currencies.Match(words, start, end, [prefix](const Currency& c) {
    return prefix ? c.prefix : c.suffix;
  });
}

// The value of a vulgar fraction character ("\u00BD", "\u2154"); nullopt
// for any other token.
std::optional<double> VulgarFraction(absl::string_view t) {
  if (t.size() == 2 && t[0] == '\xC2') {
    switch (t[1]) {
      case '\xBC': return 0.25;  // 1/4
      case '\xBD': return 0.5;   // 1/2
      case '\xBE': return 0.75;  // 3/4
      default: return std::nullopt;
    }
  }
  if (t.size() != 3 || t[0] != '\xE2' || t[1] != '\x85') return std::nullopt;
  // U+2150..U+215E: 1/7 1/9 1/10 1/3 2/3 1/5 2/5 3/5 4/5 1/6 5/6 1/8 3/8 5/8
  // 7/8.
  static constexpr double kValues[][2] = {
      {1, 7}, {1, 9}, {1, 10}, {1, 3}, {2, 3}, {1, 5}, {2, 5}, {3, 5},
      {4, 5}, {1, 6}, {5, 6}, {1, 8}, {3, 8}, {5, 8}, {7, 8}};
  const int k = static_cast<unsigned char>(t[2]) - 0x90;
  if (k < 0 || k >= 15) return std::nullopt;
  return kValues[k][0] / kValues[k][1];
}

// Whether `word` is a number token of digits only (or empty), as
// PlainInteger accepts.
inline bool IsPlainInteger(const Word& word) {
  if (word.kind != TokenKind::kNumber) return false;
  for (const char c : word.folded) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// A plain integer in digits, nothing else: "3", "20".
std::optional<double> PlainInteger(const Word& word) {
  if (!IsPlainInteger(word)) return std::nullopt;
  return ParseDoubleOr(word.folded, 0);
}

// A proper fraction written with a slash at words[k], its three tokens
// written together and no slash around them ("3/4", "20/100"; not
// "5/17/2018", "24/7"). Sets `*end`.
std::optional<double> SlashFraction(const std::vector<Word>& words, int k,
                                    int* end) {
  const int n = static_cast<int>(words.size());
  if (k + 2 >= n || !Is(words[k + 1], "/") ||
      words[k + 1].begin != words[k].end ||
      words[k + 2].begin != words[k + 1].end) {
    return std::nullopt;
  }
  if ((k > 0 && words[k - 1].end == words[k].begin &&
       Is(words[k - 1], "/")) ||
      (k + 3 < n && words[k + 3].begin == words[k + 2].end &&
       Is(words[k + 3], "/"))) {
    return std::nullopt;
  }
  const std::optional<double> numerator = PlainInteger(words[k]);
  const std::optional<double> denominator = PlainInteger(words[k + 2]);
  if (!numerator.has_value() || !denominator.has_value() ||
      *numerator >= *denominator) {
    return std::nullopt;
  }
  *end = k + 3;
  return *numerator / *denominator;
}

// A number in digit groups of three written apart ("1 234 567", "40 000")
// at words[k]: a first group of one to three digits, then groups of
// exactly three, one space between them. Sets `*end`.
std::optional<double> SpacedGroups(const std::vector<Word>& words, int k,
                                   int* end) {
  const int n = static_cast<int>(words.size());
  // One space, or one no-break or thin space (two or three bytes).
  auto apart = [&](int e) {
    return words[e].begin > words[e - 1].end &&
           words[e].begin <= words[e - 1].end + 3;
  };
  if (k + 1 >= n || words[k].folded.size() > 3 ||
      words[k + 1].kind != TokenKind::kNumber || !apart(k + 1)) {
    return std::nullopt;
  }
  std::optional<double> value = PlainInteger(words[k]);
  if (!value.has_value()) return std::nullopt;
  int e = k + 1;
  // At most five groups after the first (below 10^18), so a long run of
  // groups is read in bounded steps from any start.
  while (e < n && e <= k + 5 && apart(e) && words[e].folded.size() == 3) {
    const std::optional<double> group = PlainInteger(words[e]);
    if (!group.has_value()) break;
    *value = *value * 1000 + *group;
    ++e;
  }
  if (e == k + 1) return std::nullopt;
  *end = e;
  return value;
}

// Whether the digits at words[k] carry an abbreviated magnitude that news
// text means as one outside money: "bn", "tn", "mn" or "mil" wherever they
// stand ("2bn people"); "m" or "k" before a plural noun or "of" ("3.5m
// units", "20k jobs", "1.2m of them"). Never after "a", "an" or "the",
// where a number with "m" or "k" names a distance ("the 400m freestyle",
// "a 5k race").
bool IsNewsMagnitude(const std::vector<Word>& words, int k) {
  if (k > 0) {
    const absl::string_view before = words[k - 1].folded;
    if (Same(before, "a") || Same(before, "an") || Same(before, "the")) {
      return false;
    }
  }
  const absl::string_view f = words[k].folded;
  size_t digits = 0;
  while (digits < f.size() &&
         (absl::ascii_isdigit(static_cast<unsigned char>(f[digits])) ||
          f[digits] == '.' || f[digits] == ',')) {
    ++digits;
  }
  const absl::string_view suffix = absl::string_view(f).substr(digits);
  if (Same(suffix, "bn") || Same(suffix, "tn") || Same(suffix, "mn") ||
      Same(suffix, "mil")) {
    return true;
  }
  if (!Same(suffix, "m") && !Same(suffix, "k")) return false;
  if (k + 1 >= static_cast<int>(words.size())) return false;
  const Word& next = words[k + 1];
  return next.kind == TokenKind::kWord &&
         (Is(next, "of") || Is(next, "people") ||
          IsPlural(next.folded));
}

// ParseAmount at a word that is no "point" of a bare phrase and no sign
// joined by a hyphen: ParseSpelled, and what a bare phrase may add ("one
// twenty two", "five dozs"). Every path returns the one object, built in
// the caller's.
std::optional<Amount> SpelledAmount(const std::vector<Word>& words, int start,
                                    bool may_stand_alone) {
  const int n = static_cast<int>(words.size());
  std::optional<Amount> amount = ParseSpelled(words, start);
  if (amount.has_value() && may_stand_alone && amount->end == start + 1 &&
      amount->end < n && !amount->ordinal && amount->value >= 1 &&
      amount->value <= 9 && amount->compound.empty() && !amount->times) {
    // "one twenty two" as the whole sentence: 122.
    const std::optional<Amount> tens = ParseSpelled(words, amount->end);
    int rest = tens.has_value() ? tens->end : n;
    while (rest < n && words[rest].kind == TokenKind::kPunct) ++rest;
    if (tens.has_value() && rest == n && !tens->ordinal && !tens->times &&
        !tens->fraction && tens->compound.empty() && tens->value >= 20 &&
        tens->value < 100 && tens->end <= tens->begin + 2 &&
        UnitWord(words[amount->end].folded, false) == nullptr) {
      amount->value = amount->value * 100 + tens->value;
      amount->end = tens->end;
      amount->needs_alone = true;
      return amount;
    }
  }
  if (amount.has_value() && may_stand_alone && amount->end < n &&
      !amount->ordinal && !amount->times && !amount->fraction &&
      amount->compound.empty()) {
    // "five dozs", "three hundred Cr" as the whole sentence.
    auto it = Lex().magnitudes.find(words[amount->end].folded);
    int rest = amount->end + 1;
    while (rest < n && words[rest].kind == TokenKind::kPunct) ++rest;
    if (it != Lex().magnitudes.end() && it->second.abbreviation && rest == n) {
      amount->value *= it->second.multiplier;
      amount->multiplier = it->second.multiplier;
      amount->needs_alone = true;
      ++amount->end;
    }
  }
  return amount;
}

// ParseAmount at a number token that starts no fraction ("3/4") and no
// spaced groups ("40 000"): ParseDigitToken, and the words it may take
// after it ("1 point 1", "2 1/4", "3 hundred", "2 million"). Every path
// returns the one object, built in the caller's.
std::optional<Amount> DigitAmount(const std::vector<Word>& words, int start,
                                  bool money, bool may_stand_alone) {
  const int n = static_cast<int>(words.size());
  std::optional<Amount> amount = ParseDigitToken(words[start]);
  if (!amount.has_value()) return amount;
  if (amount->attached_abbreviation && !money &&
      !IsNewsMagnitude(words, start)) {
    int currency_end = start + 1;
    if (MatchCurrency(words, start + 1, &currency_end, false) == nullptr) {
      if (!may_stand_alone) {
        amount.reset();
        return amount;
      }
      amount->needs_alone = true;
    }
  }
  amount->begin = start;
  amount->end = start + 1;
  const bool plain =
      !amount->ordinal && amount->multiplier == 1 && amount->compound.empty() &&
      !amount->range_max.has_value() && amount->attached_currency.empty();
  if (plain && amount->end + 1 < n && Is(words[amount->end], "point") &&
      IsPlainInteger(words[start]) &&
      PlainInteger(words[amount->end + 1]).has_value() &&
      !NounAt(words, amount->end + 2)) {
    // "1 point 1": the decimals of digits in words.
    amount->value +=
        ParseDoubleOr(absl::StrCat("0.", words[amount->end + 1].folded), 0);
    amount->year_like = false;
    amount->end += 2;
    return amount;
  }
  if (plain && amount->end < n && IsPlainInteger(words[start])) {
    // "2 1/4", "2\u00BD": a whole number and a fraction.
    int end = amount->end;
    std::optional<double> fraction;
    if (words[end].kind == TokenKind::kNumber &&
        words[end].begin > words[end - 1].end) {
      fraction = SlashFraction(words, amount->end, &end);
    } else if (words[end].kind == TokenKind::kPunct &&
               words[end].begin == words[end - 1].end) {
      fraction = VulgarFraction(words[end].folded);
      ++end;
    }
    if (fraction.has_value()) {
      amount->value += *fraction;
      amount->year_like = false;
      amount->mixed = true;
      amount->end = end;
      return amount;
    }
  }
  if (plain && amount->end < n) {
    // "3 hundred and 21", "322 hundred", "3 dozens", "13 lakh", "4
    // thousand 3 hundred".
    const NumberWord* next = FindNumberWord(words[amount->end].folded, true);
    if (next != nullptr && !next->ordinal &&
        (next->number_class == NumberClass::kMultiplier ||
         next->number_class == NumberClass::kScale)) {
      std::optional<Amount> mixed = ParseSpelled(words, start, amount->value);
      if (mixed.has_value() && mixed->end > start + 1) {
        amount = mixed;
        return amount;
      }
    }
  }
  if (plain && amount->end < n) {
    auto it = Lex().magnitudes.find(words[amount->end].folded);
    if (it != Lex().magnitudes.end() && it->second.abbreviation && !money &&
        may_stand_alone) {
      // "2.33 k" as the whole sentence; "5 k run" keeps its 5.
      int rest = amount->end + 1;
      while (rest < n && words[rest].kind == TokenKind::kPunct) ++rest;
      amount->needs_alone = rest == n;
    }
    if (it != Lex().magnitudes.end() &&
        (!it->second.abbreviation || money || amount->needs_alone)) {
      amount->multiplier = it->second.multiplier;
      amount->value *= amount->multiplier;
      amount->year_like = false;
      ++amount->end;
    }
  } else if (amount->range_max && amount->multiplier != 1) {
    *amount->range_max *= amount->multiplier;
  } else if (amount->range_max && amount->end < n) {
    auto it = Lex().magnitudes.find(words[amount->end].folded);
    if (it != Lex().magnitudes.end() && (!it->second.abbreviation || money)) {
      amount->multiplier = it->second.multiplier;
      amount->value *= amount->multiplier;
      *amount->range_max *= amount->multiplier;
      amount->year_like = false;
      ++amount->end;
    }
  }
  return amount;
}

// A number at words[start] in digits or words, with a magnitude word after
// digits. Abbreviated magnitudes are accepted only for money: after a
// currency symbol or code (`money`: "$3.5 bn", "£3.5m"), or, attached to the
// digits, before a currency word or code ("4.8bn dollars"). Otherwise an
// abbreviation is no magnitude and a token with one attached is no number:
// "the 400m freestyle", "a 5k run".
std::optional<Amount> ParseAmount(const std::vector<Word>& words, int start,
                                  bool money, bool may_stand_alone = false) {
  const int n = static_cast<int>(words.size());
  if (start >= n) return std::nullopt;
  if (words[start].kind == TokenKind::kWord) {
    if (may_stand_alone && start + 2 == n && Is(words[start], "point") &&
        words[start + 1].kind == TokenKind::kNumber) {
      // "point 77" as the whole sentence.
      const std::string& digits = words[start + 1].folded;
      if (digits.find_first_not_of("0123456789") != std::string::npos) {
        return std::nullopt;
      }
      Amount amount;
      amount.value = ParseDoubleOr(absl::StrCat("0.", digits), 0);
      amount.begin = start;
      amount.end = start + 2;
      return amount;
    }
    const absl::string_view f = words[start].folded;
    if ((f[0] == 'n' || f[0] == 'm') &&
        (absl::StartsWith(f, "negative-") || absl::StartsWith(f, "minus-"))) {
      // "negative-5": a sign joined by a hyphen.
      Word digits = words[start];
      internal::SetFolded(&digits, std::string(f.substr(f.find('-') + 1)));
      digits.kind = TokenKind::kNumber;
      const std::optional<double> value = PlainDigits(digits);
      if (!value.has_value()) return std::nullopt;
      Amount amount;
      amount.value = -*value;
      amount.begin = start;
      amount.end = start + 1;
      return amount;
    }
    return SpelledAmount(words, start, may_stand_alone);
  }
  const char first_byte = words[start].folded[0];
  if (words[start].kind == TokenKind::kPunct &&
      (first_byte == '\xC2' || first_byte == '\xE2')) {
    // "\u00BD", "\u2154".
    const std::optional<double> vulgar = VulgarFraction(words[start].folded);
    if (!vulgar.has_value()) return std::nullopt;
    Amount amount;
    amount.value = *vulgar;
    amount.fraction = true;
    amount.begin = start;
    amount.end = start + 1;
    return amount;
  }
  // ".08": a decimal without its leading zero, the dot after a space.
  if (first_byte == '.' && start + 1 < n &&
      words[start + 1].begin == words[start].end &&
      (start == 0 || words[start - 1].end < words[start].begin ||
       Is(words[start - 1], "-"))) {
    const std::string& digits = words[start + 1].folded;
    if (words[start + 1].kind != TokenKind::kNumber) return std::nullopt;
    if (digits.find_first_not_of("0123456789") != std::string::npos) {
      // ".0012G" as the whole sentence.
      Word decimal = words[start + 1];
      internal::SetFolded(&decimal, absl::StrCat("0.", digits));
      std::optional<Amount> amount = ParseDigitToken(decimal);
      int rest = start + 2;
      while (rest < n && words[rest].kind == TokenKind::kPunct) ++rest;
      if (!amount.has_value() || !amount->attached_abbreviation ||
          !may_stand_alone || rest < n) {
        return std::nullopt;
      }
      amount->needs_alone = true;
      amount->begin = start;
      amount->end = start + 2;
      // An attached abbreviation has no compound; none may point into
      // `decimal`, which ends here.
      amount->compound = {};
      return amount;
    }
    Amount amount;
    amount.value = ParseDoubleOr(absl::StrCat("0.", digits), 0);
    amount.begin = start;
    amount.end = start + 2;
    return amount;
  }
  if (words[start].kind != TokenKind::kNumber) return std::nullopt;
  if (start + 2 < n && Is(words[start + 1], "/")) {
    // "3/4"
    int end = start;
    if (const std::optional<double> fraction =
            SlashFraction(words, start, &end)) {
      Amount amount;
      amount.value = *fraction;
      amount.fraction = true;
      amount.begin = start;
      amount.end = end;
      return amount;
    }
  }
  if (start + 1 < n && words[start + 1].kind == TokenKind::kNumber) {
    int end = start;
    if (const std::optional<double> whole = SpacedGroups(words, start, &end)) {
      // "1 234 567", "40 000".
      Amount amount;
      amount.value = *whole;
      amount.begin = start;
      amount.end = end;
      return amount;
    }
  }
  return DigitAmount(words, start, money, may_stand_alone);
}

// ---------------------------------------------------------------------------
// Step 2: what surrounds the number: qualifier, currency, unit.

// What the scan asks of a word, as bits: whether it is a trigger, an opener
// or the first word of an idiom.
enum ScanClass : uint8_t {
  kTriggerWord = 1 << 0,  // in Lexicons::triggers
  kOpenerWord = 1 << 1,   // in FigureOpeners()
  kIdiomStart = 1 << 2,   // the first word of a phrase of Lexicons::idioms
  // The first word of a qualifier phrase written before the number.
  kQualifierStart = 1 << 3,
  kCurrencyStart = 1 << 4,  // the first word of a currency phrase
  kUnitStart = 1 << 5,      // the first word of a unit phrase
  kNumberWord = 1 << 6,     // in Lexicons::number_words
  kArticleWord = 1 << 7,    // "a" or "an"
};

// Whether a phrase whose first words have the ScanClass bit `bit` (a
// qualifier, currency or unit phrase) may start at words[k], from
// `classes`, the ScanClass bits of `words`, or nullptr when they are not
// known: false only where no such phrase starts, so a lookup it rules out
// would have found nothing.
inline bool MayStartPhrase(const std::vector<Word>& words,
                           const uint8_t* classes, int k, uint8_t bit) {
  return classes == nullptr ||
         (k < static_cast<int>(words.size()) && (classes[k] & bit) != 0);
}

// A qualifier written before the number at words[start].
const QualifierEntry* MatchQualifier(const std::vector<Word>& words, int start,
                                     int* end) {
  return Lex().qualifiers.Match(
      words, start, end, [](const QualifierEntry& q) { return !q.after; });
}

// A unit after the number: a currency word or code ("dollars", "USD"), a
// percentage ("%", "per cent", "percentage points"). Sets `*unit`.
// A currency word after the number may be a subunit ("50 cents"): `*factor`
// is then its worth in the main unit (0.01). A symbol written right before
// a number belongs to that number ("10 $20 notes" has no "10 $"), and so
// does one after a number that had a symbol before it ("$ 20 $ 37").
// `classes` are the ScanClass bits of `words`, nullptr when not known
// (MayStartPhrase).
int MatchSuffixUnit(const std::vector<Word>& words, const uint8_t* classes,
                    int start, absl::string_view* unit,
                    double* factor = nullptr) {
  int end = start;
  if (unit->empty() && MayStartPhrase(words, classes, start, kUnitStart)) {
    if (const std::string* u = Lex().units.Match(words, start, &end)) {
      *unit = *u;
      return end;
    }
  }
  // "48.5 billion dollars", and "$5 million dollars" (redundant).
  if (!MayStartPhrase(words, classes, start, kCurrencyStart)) return start;
  if (const Currency* c = MatchCurrency(words, start, &end, false)) {
    // A symbol after a number that had one before it is the next number's
    // too ("$ 20.00 $ 37.97").
    const bool symbol_of_next =
        words[end - 1].kind == TokenKind::kPunct &&
        end < static_cast<int>(words.size()) &&
        words[end].kind == TokenKind::kNumber &&
        (words[end].begin == words[end - 1].end || !unit->empty());
    if ((unit->empty() || *unit == c->code) && !symbol_of_next &&
        (c->factor == 1 || factor != nullptr)) {
      *unit = c->code;
      if (factor != nullptr) *factor = c->factor;
      return end;
    }
  }
  return start;
}

// The unit of a compound written against the number ("magnitude" of
// "6.9-magnitude", "percent" of "10-percent"): a unit of one word written
// after the number. Null when the compound is none ("600-megawatt").
const std::string* CompoundUnit(absl::string_view compound) {
  const auto& units = Lex().hyphen_suffix_units;
  const auto it = units.find(compound);
  return it == units.end() ? nullptr : &it->second;
}

// The unit of a phrase written before the number at words[i] that names
// what it measures ("magnitude 6.9", "a magnitude of about 6.9"); null when
// none ends right before it. Sets `*begin`, when not null, to the phrase's
// first token.
const std::string* PrefixUnitBefore(const std::vector<Word>& words, int i,
                                    int* begin = nullptr) {
  for (const auto& [phrase, unit] : Lex().prefix_units) {
    const int size = static_cast<int>(phrase.size());
    if (size > i) continue;
    bool match = true;
    for (int j = 0; j < size && match; ++j) {
      match = Same(words[i - size + j].folded, phrase[j]);
    }
    if (match) {
      if (begin != nullptr) *begin = i - size;
      return &unit;
    }
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// Step 3: what is counted: the head noun of the phrase after the number.

const FilteredWordSet& Determiners() {
  static const auto* const kSet = new FilteredWordSet{
      "a",  "an",   "the",  "its",  "their", "his",   "her",  "our",
      "my", "your", "this", "that", "these", "those", "whose"};
  return *kSet;
}

// IsPlural(folded) when `lemma` is Lemma(folded).
bool IsPluralOf(absl::string_view folded, absl::string_view lemma) {
  if (!absl::EndsWith(folded, "s") || absl::EndsWith(folded, "'s")) {
    return false;
  }
  // folded == lemma + "s" or lemma + "es", or lemma ends with "y" and
  // folded == lemma without it + "ies"; compared without building them.
  absl::string_view ending = folded;
  if (absl::ConsumePrefix(&ending, lemma)) {
    return Same(ending, "s") || Same(ending, "es");
  }
  absl::string_view stem = lemma;
  return absl::ConsumeSuffix(&stem, "y") &&
         absl::ConsumePrefix(&ending, stem) && Same(ending, "ies");
}

// A regular plural: "agreements", "companies", "taxes"; not "was" or "news".
bool IsPlural(absl::string_view folded) {
  if (!absl::EndsWith(folded, "s") || absl::EndsWith(folded, "'s")) {
    return false;
  }
  return IsPluralOf(folded, Lemma(folded));
}

// IsNumberWord(folded) for a word without a hyphen whose Lemma is
// `lemma`.
bool IsUnhyphenatedNumberWord(absl::string_view folded,
                              absl::string_view lemma) {
  auto it = Lex().number_words.find(folded);
  if (it == Lex().number_words.end()) it = Lex().number_words.find(lemma);
  return (it != Lex().number_words.end() &&
          it->second.number_class != NumberClass::kFraction) ||
         Lex().magnitudes.contains(folded);
}

// A number word, also in the plural ("thirds", "millions"), of a word or
// of the part of a hyphenated word before its first hyphen. Denominators
// ("half", "quarter") are nouns too: "the third quarter".
bool IsNumberWord(absl::string_view folded) {
  const absl::string_view head = folded.substr(0, folded.find('-'));
  auto it = Lex().number_words.find(head);
  if (it == Lex().number_words.end()) {
    it = Lex().number_words.find(Lemma(head));
  }
  return (it != Lex().number_words.end() &&
          it->second.number_class != NumberClass::kFraction) ||
         Lex().magnitudes.contains(head);
}

struct Counted {
  std::string lemma;
  bool plural = false;
};

// Reads the noun phrase at words[start] (up to kMaxNounPhrase words, ending
// before a stop word, punctuation, a number, an adverb or a verb form, or
// right after a plural noun) and returns the lemma of its last common noun:
// "seven cooperation agreements" -> "agreement", "$12 billion investment
// package" -> "package". Capitalised words and possessives modify the noun
// ("twenty-nine Valdorian companies", "Estmark's gas imports").
Counted CountedNoun(const std::vector<Word>& words, int start) {
  Counted counted;
  const Lexicons& lex = Lex();
  const int n = static_cast<int>(words.size());
  for (int k = start; k < n && k < start + kMaxNounPhrase; ++k) {
    const Word& word = words[k];
    const std::string& f = word.folded;
    if (word.kind != TokenKind::kWord || lex.stop_words.contains(f)) break;
    // The word's lemma, asked below up to four times, computed once for a
    // word without a hyphen.
    const bool hyphenated = (word.shape & internal::kHasHyphen) != 0;
    std::string lemma = hyphenated ? std::string() : Lemma(f);
    if (hyphenated ? IsNumberWord(f) : IsUnhyphenatedNumberWord(f, lemma)) {
      break;
    }
    if (f.size() > 4 && absl::EndsWith(f, "ly")) break;  // "earlier"-like
    if (IsPossessive(word) || word.capitalized) continue;
    auto verb = lex.verb_forms.find(f);
    const bool base_form_verb = verb != lex.verb_forms.end() && verb->second;
    if (verb != lex.verb_forms.end() && !base_form_verb) break;  // "were"
    const bool participle =
        f.size() > 4 && (absl::EndsWith(f, "ed") || absl::EndsWith(f, "ing")) &&
        (hyphenated ? Lemma(f) : lemma) != f;  // not "meeting", "hundred"
    if (base_form_verb || participle) {
      // "a 5% cut", "2,400 registered delegates" modify or name the noun;
      // "package spread over", "delegates attended" end the phrase.
      const bool noun_follows = k + 1 < n &&
                                words[k + 1].kind == TokenKind::kWord &&
                                !lex.stop_words.contains(words[k + 1].folded);
      if (!counted.lemma.empty()) break;
      if (participle && noun_follows) continue;
      if (participle) break;
    }
    if (hyphenated) {
      counted.lemma = Lemma(f);
    } else {
      counted.lemma = std::move(lemma);
    }
    counted.plural = IsPluralOf(f, counted.lemma);
    if (counted.plural) break;
  }
  return counted;
}

// ---------------------------------------------------------------------------
// Step 4: durations, the counted noun, and the numbers that are not figures.

// The time unit of a duration, "year" for "three years" (advancing `*k` past
// the unit word) or "day" for "a four-day tour"; empty when none.
// `classes` are the ScanClass bits of `words` (every time unit is a
// trigger word), nullptr when not known (MayStartPhrase).
absl::string_view DurationUnit(const std::vector<Word>& words,
                               const uint8_t* classes, const Amount& amount,
                               int* k) {
  const auto& time_units = Lex().time_units;
  if (!amount.compound.empty()) {
    auto it = time_units.find(amount.compound.substr(
        0, amount.compound.find('-')));  // "year" of "54-year-old"
    return it == time_units.end() ? absl::string_view()
                                  : absl::string_view(it->second);
  }
  if (amount.ordinal || *k >= static_cast<int>(words.size()) ||
      (classes != nullptr && (classes[*k] & kTriggerWord) == 0)) {
    return "";
  }
  auto it = time_units.find(words[*k].folded);
  if (it == time_units.end()) return "";
  ++*k;
  return it->second;
}

// What a figure ending at words[k] counts: "twice" counts times; a duration
// counts nothing unless a compound modifies a noun ("a four-day tour"); a
// percentage may name its whole after "of" ("40% of gas imports"); a
// compound with nothing after it counts its own noun ("a 10-point").
Counted CountedOf(const std::vector<Word>& words, const Amount& amount,
                  absl::string_view unit, bool duration, int k) {
  // One object returned by every path, built in the caller's.
  Counted counted;
  if (amount.times) {
    counted.lemma = "time";
    counted.plural = true;
    return counted;
  }
  if (duration && amount.compound.empty()) return counted;
  const int n = static_cast<int>(words.size());
  if ((Same(unit, "percent") || Same(unit, "percentage point") ||
       Same(unit, "fraction")) &&
      k < n && Is(words[k], "of")) {
    ++k;
    while (k < n && Determiners().contains(words[k].folded)) ++k;
  } else if (Same(unit, "fraction")) {
    while (k < n && Determiners().contains(words[k].folded)) ++k;  // "half the"
  }
  counted = CountedNoun(words, k);
  if (counted.lemma.empty() && !amount.compound.empty() && unit.empty()) {
    counted.lemma = Lemma(amount.compound);
  }
  return counted;
}

// Whether "out of" and a number follow at words[e]: "five out of three
// pieces" states five; not "hit one out of the park".
bool OutOfNumber(const std::vector<Word>& words, int e) {
  return e + 2 < static_cast<int>(words.size()) && Is(words[e], "out") &&
         Is(words[e + 1], "of") && ParseAmount(words, e + 2, false).has_value();
}

// Whether `word` points back at things already named when a small number
// follows it: "the", "these", "those", a possessive, "their", "our" or
// "its".
bool IsPointer(const Word& word) {
  const absl::string_view folded = word.folded;
  return Same(folded, "the") || Same(folded, "these") ||
         Same(folded, "those") || IsPossessive(word) || Same(folded, "their") ||
         Same(folded, "our") || Same(folded, "its");
}

// Whether `amount` is at most three and follows a pointer (IsPointer: "the
// two countries").
bool AfterPointer(const std::vector<Word>& words, const Amount& amount) {
  if (amount.value > 3 || amount.begin <= 0) return false;
  return IsPointer(words[amount.begin - 1]);
}

// Whether a number is bare: no unit but "fraction", no qualifier, no
// magnitude and no compound ("two", "2,400"; not "two million", "about
// two", "$2", "two-day").
bool IsBare(const Amount& amount, Figure::Qualifier qualifier,
            absl::string_view unit) {
  return (unit.empty() || Same(unit, "fraction")) &&
         qualifier == Figure::QUALIFIER_EXACT && amount.multiplier == 1 &&
         amount.compound.empty();
}

// Rejects numbers that are not figures: a bare year ("in 2016", "the 2016
// election": the date extractor's business) unless it counts a plural noun
// ("2000 delegates"); a lone number word without a noun ("the two met");
// an ordinal word without a determiner or possessive ("must first win");
// "the two" or "their three" before a noun, which points back at things
// already named ("the two leaders", "the two countries") rather than
// counting them.
bool IsFigure(const std::vector<Word>& words, const Amount& amount,
              Figure::Qualifier qualifier, absl::string_view unit,
              const Counted& counted) {
  if (!IsBare(amount, qualifier, unit)) return true;
  if (amount.year_like) return counted.plural;
  if (!amount.spelled || amount.times) return true;
  if (amount.ordinal) {
    // "the first two books", "its second": an ordinal word needs a
    // determiner or possessive, or a verb of ranking before it and no noun
    // after ("she finished second"; not "came first time").
    const int before = amount.begin - 1;
    if (before < 0) return false;
    // "a second term"; "wait a second", "in a second" name no rank.
    if (Is(words[before], "a") || Is(words[before], "an")) {
      return !counted.lemma.empty();
    }
    if (Determiners().contains(words[before].folded) ||
        IsPossessive(words[before])) {
      return true;
    }
    return counted.lemma.empty() && words[before].kind == TokenKind::kWord &&
           Lex().rank_verbs.contains(Lemma(words[before].folded));
  }
  if (counted.lemma.empty() && amount.end - amount.begin == 1) {
    return OutOfNumber(words, amount.end);
  }
  return !AfterPointer(words, amount);
}

// Whether IsFigure is false for `amount` whatever noun it counts: a small
// bare number in words after "the" or a possessive ("the two countries",
// "their three sons") that neither is an ordinal nor stands alone before
// "out of" and a number. Lets ParseFigure reject it before reading the
// noun phrase.
bool PointsBack(const std::vector<Word>& words, const Amount& amount,
                Figure::Qualifier qualifier, absl::string_view unit) {
  // IsFigure's tests up to the one of AfterPointer, in its order.
  if (!IsBare(amount, qualifier, unit) || amount.year_like || !amount.spelled ||
      amount.times || amount.ordinal || !AfterPointer(words, amount)) {
    return false;
  }
  return amount.end - amount.begin != 1 || !OutOfNumber(words, amount.end);
}

// ---------------------------------------------------------------------------
// Step 5: assembling a figure at one position and deciding whether it is one.

// The fields of a Figure as ParseFigure finds them, with the accessors of
// the message it reads and sets: a plain struct, cheaper to build, move and
// drop than the message for the many tries that find no figure. The unit
// is a view of a string that lives as long as the program (a lexicon's or
// a literal). MoveTo moves it into a claim's Figure.
class FigureFields {
 public:
  bool has_value() const { return value_.has_value(); }
  double value() const { return value_.value_or(0); }
  void set_value(double value) { value_ = value; }
  bool has_value_max() const { return value_max_.has_value(); }
  void set_value_max(double value_max) { value_max_ = value_max; }
  void set_qualifier(Figure::Qualifier qualifier) { qualifier_ = qualifier; }
  absl::string_view unit() const { return unit_; }
  // `unit` must live as long as the program.
  void set_unit(absl::string_view unit) { unit_ = unit; }
  void set_counted(std::string counted) { counted_ = std::move(counted); }
  bool ordinal() const { return ordinal_; }
  void set_ordinal(bool ordinal) { ordinal_ = ordinal; }

  // Sets the fields of `figure` as the same calls on it would have; its
  // strings are moved from this.
  void MoveTo(Figure* figure) {
    if (value_.has_value()) figure->set_value(*value_);
    if (value_max_.has_value()) figure->set_value_max(*value_max_);
    figure->set_qualifier(qualifier_);
    if (!unit_.empty()) figure->set_unit(std::string(unit_));
    if (!counted_.empty()) figure->set_counted(std::move(counted_));
    figure->set_ordinal(ordinal_);
  }

 private:
  std::optional<double> value_;
  std::optional<double> value_max_;
  Figure::Qualifier qualifier_ = Figure::QUALIFIER_UNSPECIFIED;
  absl::string_view unit_;
  std::string counted_;
  bool ordinal_ = false;
};

struct FigureMatch {
  int begin = 0;  // tokens [begin, end) of the mention
  int end = 0;
  FigureFields figure;
};

// Keeps track of the ranges already taken by dates, for positions that only
// move forward.
class TakenRanges {
 public:
  explicit TakenRanges(const std::vector<segment::Range>& ranges)
      : cursor_(ranges.data()), end_(ranges.data() + ranges.size()) {}

  // Whether [begin, end) overlaps a taken range. Calls must come with
  // non-decreasing `begin`.
  bool Overlaps(size_t begin, size_t end) {
    while (cursor_ != end_ && cursor_->end <= begin) ++cursor_;
    for (const segment::Range* range = cursor_;
         range != end_ && range->begin < end; ++range) {
      if (range->end > begin) return true;
    }
    return false;
  }

 private:
  // The first range not known to end before the positions asked about,
  // and the end of the ranges.
  const segment::Range* cursor_;
  const segment::Range* end_;
};

// A second number after "to", "-", "and" (after "between") or "or" that
// makes `first` a range: "20 to 30", "$1.2 million to $23.5 million",
// "5-7%". After a verb of change (`change`: "fell from 9% to 6%") "to"
// introduces the new value, not the end of a range. Returns the new end of the
// mention, or `start` when there is no range; fills `*max` and may complete the
// first number's magnitude and unit from the second ("1.2 to 1.5 million", "5
// to 7%"). `classes` are the ScanClass bits of `words`.
int MatchRangeEnd(const std::vector<Word>& words, const uint8_t* classes,
                  int start, Figure::Qualifier qualifier, bool change,
                  Amount* first, absl::string_view* unit, double* max) {
  const int n = static_cast<int>(words.size());
  if (start + 1 >= n) return start;
  const absl::string_view separator = words[start].folded;
  const bool between = qualifier == Figure::QUALIFIER_RANGE;
  if (between
          ? !Same(separator, "and")
          : !(Same(separator, "-") || Same(separator, "or") ||
              Same(separator, "~") || Same(separator, "through") ||
              Same(separator, "thru") || (Same(separator, "to") && !change))) {
    return start;
  }
  int k = start + 1;
  absl::string_view second_unit;
  int end = k;
  if (const Currency* c = MayStartPhrase(words, classes, k, kCurrencyStart)
                              ? MatchCurrency(words, k, &end, true)
                              : nullptr) {
    second_unit = c->code;
    k = end;
  }
  const bool money =
      !second_unit.empty() || Lex().currency_codes.contains(*unit);
  std::optional<Amount> second = ParseAmount(words, k, money);
  if (!second.has_value() || second->ordinal != first->ordinal ||
      second->range_max.has_value() || second->times) {
    return start;
  }
  k = MatchSuffixUnit(words, classes, second->end, &second_unit);
  if (!unit->empty() && !second_unit.empty() && *unit != second_unit) {
    return start;
  }
  double low = first->value;
  if (first->multiplier == 1 && second->multiplier > 1 &&
      low * second->multiplier <= second->value) {
    low *= second->multiplier;  // "1.2 to 1.5 million"
  }
  if (second->value <= low) return start;  // "cut 20 to 15" is no range
  first->value = low;
  first->multiplier = std::max(first->multiplier, second->multiplier);
  if (unit->empty()) *unit = second_unit;
  *max = second->value;
  return k;
}

// What a sentence offers every figure in it, computed once per sentence.
struct SentenceView {
  const Document* doc = nullptr;
  const std::vector<Word>* words = nullptr;
  // The ScanClass bits of each of `words`, which ParseFigure asks before
  // looking a phrase up; nullptr to look every phrase up, as the reference
  // the scan's gates are checked against (FindFiguresAtEveryToken,
  // FigureGateViolations).
  const uint8_t* classes = nullptr;
  // The first and last tokens that are not punctuation (-1 when none): a
  // number expression spanning them is a bare phrase, a figure by itself.
  int first_content = -1;
  int last_content = -1;
};

// A sign before a number: "minus", "negative", or "-" written against the
// digits after a space or at the start ("-1.2", not "2-1"). With
// `spaced_ok`, also "-" and a space before the digits ("- 10"), setting
// `*spaced`. Returns the position after it, or `k`.
int MatchSign(const std::vector<Word>& words, int k, bool spaced_ok,
              bool* spaced) {
  const int n = static_cast<int>(words.size());
  if (k + 1 >= n) return k;
  const absl::string_view f = words[k].folded;
  if ((Same(f, "minus") || Same(f, "negative")) &&
      (words[k + 1].kind != TokenKind::kPunct || Is(words[k + 1], "."))) {
    return k + 1;
  }
  if (Same(f, "-") && words[k + 1].kind == TokenKind::kNumber &&
      words[k + 1].begin == words[k].end &&
      (k == 0 || words[k - 1].end < words[k].begin ||
       words[k - 1].kind == TokenKind::kPunct)) {
    return k + 1;
  }
  if (Same(f, "-") && spaced_ok &&
      (words[k + 1].kind == TokenKind::kNumber || Is(words[k + 1], "."))) {
    *spaced = true;
    return k + 1;
  }
  return k;
}

// A currency code written against the digits before it ("USD115",
// "Rs20", "GBP3.01"), or a unit written before the number and joined to it
// by a hyphen ("magnitude-6.9"): the amount, with `*code` set to the
// currency's code or the unit.
std::optional<Amount> ParseAttachedPrefix(const std::vector<Word>& words, int k,
                                          absl::string_view* code) {
  // Most words hold no digit, which their shape tells.
  if (k >= static_cast<int>(words.size()) ||
      words[k].kind != TokenKind::kWord ||
      (words[k].shape & internal::kHasDigit) == 0) {
    return std::nullopt;
  }
  const absl::string_view f = words[k].folded;
  size_t digit = 0;  // the first digit
  while (digit < f.size() &&
         !absl::ascii_isdigit(static_cast<unsigned char>(f[digit]))) {
    ++digit;
  }
  if (digit == f.size() || digit < 2) return std::nullopt;
  absl::string_view unit;
  const absl::string_view prefix = f.substr(0, digit);
  if (auto it = Lex().attached_currencies.find(prefix);
      it != Lex().attached_currencies.end() && it->second.prefix) {
    unit = it->second.code;
  } else if (absl::string_view head = prefix; absl::ConsumeSuffix(&head, "-")) {
    // "magnitude-6.9": a unit written before the number, joined by a
    // hyphen.
    auto u = Lex().hyphen_prefix_units.find(head);
    if (u == Lex().hyphen_prefix_units.end()) return std::nullopt;
    unit = u->second;
  } else {
    return std::nullopt;
  }
  Word rest = words[k];
  internal::SetFolded(&rest, std::string(f.substr(digit)));
  rest.kind = TokenKind::kNumber;
  std::optional<Amount> amount = ParseDigitToken(rest);
  if (!amount.has_value() || amount->ordinal || amount->range_max ||
      !amount->compound.empty() || !amount->attached_currency.empty()) {
    return std::nullopt;
  }
  amount->year_like = false;
  amount->begin = k;
  amount->end = k + 1;
  *code = unit;
  return amount;
}

// A bound or approximation written before the number that ends right
// before words[k] ("above" of "above magnitude 5", "about" of "about
// magnitude 6"), the longest; null when none does. Ranges, vague
// quantities and "equal to" need the number right after them.
const QualifierEntry* QualifierEndingAt(const std::vector<Word>& words, int k) {
  const int longest = static_cast<int>(Lex().qualifiers.max_words());
  for (int start = std::max(0, k - longest); start < k; ++start) {
    int end = start;
    const QualifierEntry* q = MatchQualifier(words, start, &end);
    if (q == nullptr || end != k || q->equal) continue;
    switch (q->qualifier) {
      case Figure::QUALIFIER_APPROXIMATE:
      case Figure::QUALIFIER_MORE_THAN:
      case Figure::QUALIFIER_AT_LEAST:
      case Figure::QUALIFIER_LESS_THAN:
      case Figure::QUALIFIER_AT_MOST:
        return q;
      default:
        break;
    }
  }
  return nullptr;
}

// A qualifier written after the number ("200 or more", "500 or less") at
// words[k]; sets `*end`.
// Not before "than" and a number: "5000 or less than 6000" is two figures,
// the second qualified by "less than"; "200 or greater than" is one.
const QualifierEntry* MatchQualifierAfter(const std::vector<Word>& words, int k,
                                          int* end) {
  const QualifierEntry* q = Lex().qualifiers.Match(
      words, k, end, [](const QualifierEntry& q) { return q.after; });
  if (q != nullptr && *end < static_cast<int>(words.size()) &&
      Is(words[*end], "than")) {
    if (ParseAmount(words, *end + 1, true).has_value()) return nullptr;
    ++*end;
  }
  return q;
}

// Whether `cents`, written after a whole amount of money and its currency
// word or code (`amount`, after "and" when `after_and`), counts the
// hundredths of that currency: "15 dollars 50", "17 USD 25", "twenty
// rupees 43". It must be a whole number below 100 written with at most two
// digits, after a whole amount with no magnitude, and end the phrase: the
// sentence or a clause ends after it, or (without "and") "more" or "less"
// then does ("15 USD 50 more,"); not "10 dollars 20 more times", "5 euros
// and 20 cars".
bool IsBareSubunit(const std::vector<Word>& words, const Amount& amount,
                   bool after_and, const Amount& cents) {
  const int n = static_cast<int>(words.size());
  if (amount.multiplier != 1 || amount.range_max.has_value() ||
      amount.value !=
          static_cast<double>(static_cast<long long>(amount.value))) {
    return false;
  }
  if (cents.ordinal || cents.range_max.has_value() || cents.multiplier != 1 ||
      cents.fraction || cents.times || !cents.compound.empty() ||
      !cents.attached_currency.empty() || cents.value < 0 ||
      cents.value >= 100 ||
      cents.value != static_cast<double>(static_cast<int>(cents.value))) {
    return false;
  }
  if (!cents.spelled &&
      (cents.end != cents.begin + 1 || words[cents.begin].folded.size() > 2)) {
    return false;
  }
  auto ends_clause = [&](int e) {
    if (e >= n) return true;
    const absl::string_view f = words[e].folded;
    return words[e].kind == TokenKind::kPunct && !Same(f, "%") &&
           !Same(f, "-") && !Same(f, "$") && !Same(f, "/") && !Same(f, ":");
  };
  int e = cents.end;
  if (ends_clause(e)) return true;
  if (after_and) return false;
  if (!Is(words[e], "more") && !Is(words[e], "less")) return false;
  return ends_clause(e + 1);
}

// A proper fraction written with words after `amount`: "1 over 3" ending
// the clause, "two out of five hundred", "1 in twenty-one" with a first
// number of one; not "five out of three pieces", "the vote was 52 over 48",
// "scored 3 in 4 matches", "1 in 10 minutes" or "1 in 2020". Makes `amount`
// the quotient.
void MatchRatio(const std::vector<Word>& words, Amount* amount) {
  const int n = static_cast<int>(words.size());
  const absl::string_view word = words[amount->end].folded;
  if (word.empty() || (word[0] != 'o' && word[0] != 'i')) return;
  if (amount->ordinal || amount->fraction || amount->times ||
      amount->range_max.has_value() || !amount->compound.empty() ||
      !amount->attached_currency.empty() || amount->multiplier != 1 ||
      amount->needs_alone) {
    return;
  }
  int at = amount->end + 1;
  const bool over = Same(word, "over");
  if (Same(word, "out") && Is(words[at], "of")) {
    ++at;
  } else if (!over && !Same(word, "in")) {
    return;
  }
  const std::optional<Amount> den = ParseAmount(words, at, false);
  if (!den.has_value() || den->ordinal || den->fraction || den->times ||
      den->range_max.has_value() || !den->compound.empty() ||
      !den->attached_currency.empty() || den->needs_alone ||
      den->year_like || den->value <= 0) {
    return;
  }
  const int e = den->end;
  // A proper fraction: "the vote was 52 over 48" is no ratio.
  if (amount->value >= den->value) return;
  if (over) {
    if (e < n && (words[e].kind != TokenKind::kPunct ||
                  Is(words[e], "%") || Is(words[e], "$"))) {
      return;
    }
  } else {
    // "one in five adults"; "scored 3 in 4 matches" counts goals.
    if (Same(word, "in") && amount->value != 1) return;
    if (e < n && Lex().time_units.contains(words[e].folded)) return;
  }
  amount->value /= den->value;
  amount->fraction = true;
  amount->year_like = false;
  amount->end = e;
}

// MillionCode for a capitalized word of four letters starting with "m".
double MillionCodeOf(const SentenceView& view, const Word& word,
                     absl::string_view* code) {
  for (char c : view.doc->Slice(word.begin, word.end)) {
    if (!absl::ascii_isupper(static_cast<unsigned char>(c))) return 1;
  }
  const std::string upper = absl::AsciiStrToUpper(word.folded.substr(1));
  const auto it = Lex().currency_codes.find(upper);
  if (it == Lex().currency_codes.end()) return 1;
  *code = *it;  // the lexicon's copy, which outlives `upper`
  return 1e6;
}

// A currency code of millions at words[k], written in capitals: "MUSD",
// "MEUR" (millions of US dollars, of euros); not "Mars". Sets `*code`;
// returns the scale, 1 when none. Inlined: most words fail the first
// tests.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline double MillionCode(
    const SentenceView& view, int k, absl::string_view* code) {
  const std::vector<Word>& words = *view.words;
  if (k >= static_cast<int>(words.size())) return 1;
  const Word& word = words[k];
  if (word.kind != TokenKind::kWord || word.folded.size() != 4 ||
      word.folded[0] != 'm' || !word.capitalized) {
    return 1;
  }
  return MillionCodeOf(view, word, code);
}

// Cents written against their digits after a whole amount: "43c".
std::optional<double> AttachedCents(const Word& word) {
  const std::string& f = word.folded;
  if (word.kind != TokenKind::kNumber || f.size() < 2 || f.size() > 3 ||
      f.back() != 'c') {
    return std::nullopt;
  }
  for (size_t k = 0; k + 1 < f.size(); ++k) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(f[k]))) {
      return std::nullopt;
    }
  }
  return ParseDoubleOr(absl::string_view(f).substr(0, f.size() - 1), 0);
}

bool IsLowerBound(Figure::Qualifier q) {
  return q == Figure::QUALIFIER_MORE_THAN || q == Figure::QUALIFIER_AT_LEAST;
}
bool IsUpperBound(Figure::Qualifier q) {
  return q == Figure::QUALIFIER_LESS_THAN || q == Figure::QUALIFIER_AT_MOST;
}

// What MayStartFigure found at the token it was asked about, which
// ParseFigure there would look for again.
struct FigureStart {
  // Whether `qualifier` and `qualifier_end` are known: the qualifier
  // phrase written before the number at the token (MatchQualifier),
  // nullptr when none, and one past its last token.
  bool qualifier_known = false;
  const QualifierEntry* qualifier = nullptr;
  int qualifier_end = 0;
};

// Whether a figure's mention starts at words[i]; sets `*found`, which must
// be as default-constructed, to it when one does, and may leave it partly
// set when none does (the caller then drops it). `start`, when not
// nullptr, is what MayStartFigure(view, ..., i, start) found.
bool ParseFigure(const SentenceView& view, int i, FigureMatch* found,
                 bool allow_bound_pair = true,
                 const FigureStart* start = nullptr) {
  const std::vector<Word>& words = *view.words;
  const int n = static_cast<int>(words.size());
  const Lexicons& lex = Lex();
  FigureMatch& match = *found;
  match.begin = i;
  FigureFields& figure = match.figure;

  // "percent of 10", "per cent of twenty-two": a bare phrase (the whole
  // sentence) naming a percentage after its unit.
  if (i <= view.first_content &&
      MayStartPhrase(words, view.classes, i, kUnitStart)) {
    int unit_end = i;
    const std::string* u = lex.units.Match(words, i, &unit_end);
    if (u != nullptr && *u == "percent" && unit_end + 1 < n &&
        Is(words[unit_end], "of")) {
      const std::optional<Amount> share =
          ParseAmount(words, unit_end + 1, false);
      if (share.has_value() && !share->ordinal && !share->range_max &&
          share->compound.empty() && share->attached_currency.empty() &&
          share->end > view.last_content) {
        figure.set_value(share->value);
        figure.set_qualifier(Figure::QUALIFIER_EXACT);
        figure.set_unit("percent");
        match.end = share->end;
        return true;
      }
    }
  }

  // Qualifier, sign, then currency symbol or code.
  int k = i;
  Figure::Qualifier qualifier = Figure::QUALIFIER_EXACT;
  bool equal = false;
  int end = k;
  const QualifierEntry* leading = nullptr;
  if (start != nullptr && start->qualifier_known) {
    leading = start->qualifier;
    if (leading != nullptr) end = start->qualifier_end;
  } else if (MayStartPhrase(words, view.classes, k, kQualifierStart)) {
    leading = MatchQualifier(words, k, &end);
  }
  if (leading != nullptr) {
    // "<>30", "=>30": a symbol written after another operator symbol is
    // notation, no bound.
    if (words[k].kind == TokenKind::kPunct && k > 0 &&
        words[k - 1].end == words[k].begin &&
        (Is(words[k - 1], "<") || Is(words[k - 1], ">") ||
         Is(words[k - 1], "="))) {
      return false;
    }
    qualifier = leading->qualifier;
    equal = leading->equal;
    k = end;
  }
  // "- 10": a sign written apart only in a bare phrase, not a dash of a
  // list ("- 10 people were hurt").
  bool spaced_sign = false;
  // Signs start with 'm', 'n' or '-' ("minus", "negative").
  const char sign_byte =
      k < n && !words[k].folded.empty() ? words[k].folded[0] : '\0';
  const int after_sign =
      sign_byte == 'm' || sign_byte == 'n' || sign_byte == '-'
          ? MatchSign(words, k, i <= view.first_content, &spaced_sign)
          : k;
  const bool negative = after_sign != k;
  k = after_sign;
  // Views of lexicon strings only.
  absl::string_view unit;
  if (const Currency* c = MayStartPhrase(words, view.classes, k, kCurrencyStart)
                              ? MatchCurrency(words, k, &end, true)
                              : nullptr) {
    unit = c->code;
    k = end;
  }
  // "MAUD 60": a code of millions.
  double code_scale = 1;
  if (unit.empty()) code_scale = MillionCode(view, k, &unit);
  if (code_scale != 1) ++k;
  const bool prefix_currency = !unit.empty();
  // Built in place from the parser that finds it: an Amount is large, and
  // most tries find none before ParseAmount.
  std::optional<Amount> amount = [&]() -> std::optional<Amount> {
    if (unit.empty() && k < n && words[k].kind == TokenKind::kWord &&
        (words[k].shape & internal::kHasDigit) != 0) {
      std::optional<Amount> prefixed = ParseAttachedPrefix(words, k, &unit);
      if (prefixed.has_value()) return prefixed;
    }
    return ParseAmount(words, k, !unit.empty(), i <= view.first_content);
  }();
  if (!amount.has_value() && qualifier != Figure::QUALIFIER_EXACT &&
      qualifier != Figure::QUALIFIER_VAGUE &&
      qualifier != Figure::QUALIFIER_RANGE && !equal && !negative &&
      unit.empty() && k + 1 < n &&
      (Is(words[k], "a") || Is(words[k], "an"))) {
    // "more than a decade", "nearly a year", "less than an hour": one of
    // the time unit, bounded by the qualifier.
    auto it = lex.time_units.find(words[k + 1].folded);
    if (it != lex.time_units.end()) {
      figure.set_value(1);
      figure.set_qualifier(qualifier);
      figure.set_unit(it->second);
      match.end = k + 2;
      return true;
    }
  }
  // "a dollar" as a bare phrase or after a qualifier ("above a dollar and
  // 42 cents"): one of the currency; not "a dollar store".
  bool article_money = false;
  if (!amount.has_value() && !equal && !negative && unit.empty() &&
      k + 1 < n && words[k + 1].kind == TokenKind::kWord &&
      (Is(words[k], "a") || Is(words[k], "an"))) {
    int e = k + 1;
    const Currency* c =
        MayStartPhrase(words, view.classes, k + 1, kCurrencyStart)
            ? MatchCurrency(words, k + 1, &e, false)
            : nullptr;
    if (c != nullptr && c->factor == 1 && !NounAt(words, e) &&
        (e >= n || !Is(words[e], "of"))) {
      amount = Amount();
      amount->value = 1;
      amount->spelled = true;
      amount->begin = k;
      amount->end = k + 1;
      article_money = true;
    }
  }
  if (!amount.has_value()) {
    // "several deals", "dozens of delegates": a figure without a value.
    if (qualifier != Figure::QUALIFIER_VAGUE || !unit.empty() || negative) {
      return false;
    }
    Counted counted = CountedNoun(words, k);
    if (!counted.plural) return false;
    figure.set_qualifier(Figure::QUALIFIER_VAGUE);
    figure.set_counted(std::move(counted.lemma));
    match.end = k;
    return true;
  }
  if (qualifier == Figure::QUALIFIER_VAGUE) return false;
  if (unit.empty() && amount->end + 1 < n) MatchRatio(words, &*amount);
  if (negative && (amount->range_max.has_value() || amount->ordinal)) {
    return false;
  }
  double factor = 1;
  // "a 12-cent dividend", "a one-yen bid": a currency word after a hyphen.
  if (unit.empty() && amount->attached_currency.empty() &&
      !amount->compound.empty() && !amount->ordinal) {
    const absl::string_view head =
        amount->compound.substr(0, amount->compound.find('-'));
    if (auto it = lex.attached_currencies.find(head);
        it != lex.attached_currencies.end() && it->second.suffix) {
      amount->attached_currency = it->second.code;
      amount->attached_factor = it->second.factor;
    }
  }
  if (!amount->attached_currency.empty()) {
    if (!unit.empty() && unit != amount->attached_currency) return false;
    unit = amount->attached_currency;
    factor = amount->attached_factor;
    k = amount->end;
  } else if (amount->ordinal) {
    k = amount->end;  // "the first £100 player": no "first £"
  } else if (const std::string* u = unit.empty() && !amount->compound.empty()
                                        ? CompoundUnit(amount->compound)
                                        : nullptr) {
    unit = *u;  // "the 6.9-magnitude earthquake", "a 10-percent rise"
    k = amount->end;
  } else {
    k = MatchSuffixUnit(words, view.classes, amount->end, &unit, &factor);
    if (unit.empty() && code_scale == 1) {
      code_scale = MillionCode(view, k, &unit);  // "30 MUSD"
      if (code_scale != 1) ++k;
    }
  }
  amount->value *= code_scale;
  amount->multiplier *= code_scale;
  if (negative) amount->value = -amount->value;
  amount->value *= factor;
  // "3 dollars 50 cents", "thirteen dollars and forty-five cents", "3 CAD
  // 3 cents", "$20 and 43c", "$20 43".
  if (factor == 1 && lex.currency_codes.contains(unit) &&
      (k > amount->end || prefix_currency) && k < n) {
    const int next = Is(words[k], "and") ? k + 1 : k;
    std::optional<Amount> cents = ParseAmount(words, next, true);
    const std::optional<double> attached_cents =
        cents.has_value() || next >= n ? std::nullopt
                                       : AttachedCents(words[next]);
    if (attached_cents.has_value()) {
      amount->value += *attached_cents / 100;
      k = next + 1;
    } else if (cents.has_value() && !cents->ordinal && !cents->range_max) {
      int cents_end = cents->end;
      const Currency* sub =
          MayStartPhrase(words, view.classes, cents->end, kCurrencyStart)
              ? MatchCurrency(words, cents->end, &cents_end, false)
              : nullptr;
      if (sub != nullptr && sub->factor < 1 &&
          (sub->code == unit || sub->shared)) {
        amount->value += cents->value * sub->factor;
        k = cents_end;
      } else if (IsBareSubunit(words, *amount, next != k, *cents)) {
        // "15 dollars 50", "17 USD 25", "15 dollars and 50.".
        amount->value += cents->value / 100;
        k = cents->end;
      }
    }
  }
  // "75 USD million": a magnitude word after the code.
  if (factor == 1 && lex.currency_codes.contains(unit) && k > amount->end &&
      k < n && amount->multiplier == 1 && !amount->range_max.has_value()) {
    auto it = lex.magnitudes.find(words[k].folded);
    if (it != lex.magnitudes.end() && !it->second.abbreviation) {
      amount->multiplier = it->second.multiplier;
      amount->value *= amount->multiplier;
      ++k;
    }
  }

  double max = 0;
  bool has_max = false;
  if (amount->range_max.has_value()) {
    max = *amount->range_max * factor;
    has_max = true;
    if (max <= amount->value) return false;  // "2-1", a score
  } else {
    const bool after_from = i > 0 && Is(words[i - 1], "from");
    const bool change = after_from && i > 1 &&
                        lex.change_verbs.contains(
                            Lemma(words[i - 2].folded));
    const int range_end = MatchRangeEnd(words, view.classes, k, qualifier,
                                        change, &*amount, &unit, &max);
    if (range_end == k && qualifier == Figure::QUALIFIER_RANGE) {
      return false;  // "between" without "and <number>"
    }
    has_max = range_end != k;
    k = range_end;
  }
  if (has_max) qualifier = Figure::QUALIFIER_RANGE;

  // "200 or more", "500 or less", "about 500 or more".
  if (qualifier == Figure::QUALIFIER_EXACT ||
      qualifier == Figure::QUALIFIER_APPROXIMATE) {
    if (const QualifierEntry* q = MatchQualifierAfter(words, k, &end)) {
      qualifier = q->qualifier;
      equal = false;
      k = end;
    }
  }
  // "less than 5000 or equal", "more than 5000 or equal to": the bound is
  // included; not before a number ("more than 5000 or equal to 6000").
  if ((qualifier == Figure::QUALIFIER_MORE_THAN ||
       qualifier == Figure::QUALIFIER_LESS_THAN) &&
      k + 1 < n && Is(words[k], "or") && Is(words[k + 1], "equal")) {
    int e = k + 2;
    if (e < n && Is(words[e], "to")) ++e;
    if (!ParseAmount(words, e, false).has_value()) {
      qualifier = qualifier == Figure::QUALIFIER_MORE_THAN
                      ? Figure::QUALIFIER_AT_LEAST
                      : Figure::QUALIFIER_AT_MOST;
      k = e;
    }
  }
  // "at most 100 and at least 20", "above 1000 and below 1500": one range.
  if (allow_bound_pair &&
      (IsLowerBound(qualifier) || IsUpperBound(qualifier)) && k + 1 < n &&
      (Is(words[k], "and") || Is(words[k], "but") ||
       Is(words[k], ","))) {
    int q_end = k + 1;
    const QualifierEntry* q =
        MayStartPhrase(words, view.classes, k + 1, kQualifierStart)
            ? MatchQualifier(words, k + 1, &q_end)
            : nullptr;
    if (q != nullptr &&
        (IsLowerBound(qualifier) ? IsUpperBound(q->qualifier)
                                 : IsLowerBound(q->qualifier))) {
      FigureMatch other;
      if (ParseFigure(view, k + 1, &other, false) &&
          !other.figure.has_value_max() &&
          other.figure.ordinal() == amount->ordinal &&
          (other.figure.unit().empty() || unit.empty() ||
           other.figure.unit() == unit)) {
        const double a = amount->value;
        const double b = other.figure.value();
        const double low = IsLowerBound(qualifier) ? a : b;
        const double high = IsLowerBound(qualifier) ? b : a;
        if (low < high) {
          amount->value = low;
          max = high;
          qualifier = Figure::QUALIFIER_RANGE;
          if (unit.empty()) unit = other.figure.unit();
          k = other.end;
        }
      }
    }
  }

  // "magnitude 6.9", "a magnitude of 6.9": a unit written before, and a
  // qualifier before it ("above magnitude 5").
  if (unit.empty() && !amount->ordinal) {
    int unit_begin = i;
    if (const std::string* u = PrefixUnitBefore(words, i, &unit_begin)) {
      unit = *u;
      if (qualifier == Figure::QUALIFIER_EXACT && !equal) {
        if (const QualifierEntry* q = QualifierEndingAt(words, unit_begin)) {
          qualifier = q->qualifier;
        }
      }
    }
  }
  bool duration = false;
  if (unit.empty()) {
    unit = DurationUnit(words, view.classes, *amount, &k);
    duration = !unit.empty();
  }
  match.end = k;
  const bool alone = i <= view.first_content && k > view.last_content;
  if ((amount->needs_alone || spaced_sign ||
       (article_money && qualifier == Figure::QUALIFIER_EXACT)) &&
      !alone) {
    return false;
  }
  if (unit.empty() && amount->fraction) unit = "fraction";
  // "the two countries": no figure, whatever the noun (IsFigure).
  if (!negative && !alone && PointsBack(words, *amount, qualifier, unit)) {
    return false;
  }
  Counted counted = CountedOf(words, *amount, unit, duration, k);
  if (!negative && !alone &&
      !IsFigure(words, *amount, qualifier, unit, counted)) {
    return false;
  }
  if (alone && amount->year_like && qualifier == Figure::QUALIFIER_EXACT &&
      unit.empty()) {
    return false;
  }

  if (equal && qualifier == Figure::QUALIFIER_EXACT) {
    qualifier = Figure::QUALIFIER_RANGE;  // "equal to 20": [20, 20]
    max = amount->value;
  }
  figure.set_value(amount->value);
  if (qualifier == Figure::QUALIFIER_RANGE) figure.set_value_max(max);
  figure.set_qualifier(qualifier);
  figure.set_unit(unit);
  figure.set_counted(std::move(counted.lemma));
  figure.set_ordinal(amount->ordinal);
  return true;
}

// Whether the number at words[i..] is part of a name, a clock time or a
// date written with slashes rather than a figure.
bool InNameOrTime(const std::vector<Word>& words, const FigureMatch& match) {
  const int n = static_cast<int>(words.size());
  const int begin = match.begin;
  const int end = match.end;
  if (end < n) {
    const absl::string_view next = words[end].folded;
    if (Same(next, "a.m.") || Same(next, "p.m.") || Same(next, "am") ||
        Same(next, "pm") || Same(next, "o'clock") || Same(next, "gmt") ||
        Same(next, "utc") || Same(next, "/") ||
        (Same(next, ":") && end + 1 < n &&
         words[end + 1].kind == TokenKind::kNumber)) {
      return true;
    }
  }
  if (begin > 0) {
    const Word& previous = words[begin - 1];
    // "10:30", "5/17", "#3"; not a label's colon ("Banknotes: 5 €").
    if ((Is(previous, ":") && words[begin].begin == previous.end) ||
        Is(previous, "/") || Is(previous, "#")) {
      return true;
    }
    if (Is(previous, ".") && begin >= 2 &&
        Is(words[begin - 2], "no")) {
      return true;  // "No. 10"
    }
    // "Boeing 737", "Article 5", "Windows 10"; not money ("Kiran1 10eur")
    // or a unit written before ("Magnitude 6.9 quake hits").
    if (words[begin].kind == TokenKind::kNumber &&
        !Lex().currency_codes.contains(match.figure.unit()) &&
        previous.kind == TokenKind::kWord && previous.capitalized &&
        !IsPossessive(previous) &&
        !Lex().stop_words.contains(previous.folded) &&
        PrefixUnitBefore(words, begin) == nullptr) {
      return true;
    }
  }
  return false;
}

// Appends the claim of `*match` to `claims`, built in place; the figure's
// strings are moved from `*match`.
void AddClaim(const Document& doc, const segment::Sentence& sentence,
              const std::vector<Word>& words, FigureMatch* match,
              std::vector<Claim>* claims) {
  Claim& claim = claims->emplace_back();
  FillMentionClaim(doc, sentence, words, Claim::KIND_FIGURE,
                   words[match->begin].begin, words[match->end - 1].end,
                   &claim);
  match->figure.MoveTo(claim.mutable_figure());
}

// Which words lie in a web address: a run of text without white space that
// holds "://" or starts with "www." ("%20" there is no percentage). Each
// run is looked at when the scan first asks about one of its words.
class UrlRuns {
 public:
  UrlRuns(const Document& doc, const std::vector<Word>& words)
      : doc_(doc), words_(words.data()), size_(words.size()) {}

  // Whether words[k] lies in a web address. Calls must come with
  // non-decreasing `k`, so every run is read once.
  bool Contains(size_t k) {
    if (k >= run_end_) {
      // The run of tokens written without spaces between them; it starts
      // at or after the end of the last one.
      size_t begin = k;
      while (begin > 0 && words_[begin].begin == words_[begin - 1].end) {
        --begin;
      }
      size_t end = k + 1;
      while (end < size_ && words_[end].begin == words_[end - 1].end) {
        ++end;
      }
      run_end_ = end;
      run_in_url_ =
          IsUrl(doc_.Slice(words_[begin].begin, words_[end - 1].end));
    }
    return run_in_url_;
  }

 private:
  static bool IsUrl(absl::string_view run) {
    // The first byte and a colon are tested first: most runs have neither.
    if (run.size() >= 4 && (run[0] == 'w' || run[0] == 'W') &&
        absl::StartsWithIgnoreCase(run, "www.")) {
      return true;
    }
    return run.size() >= 3 &&
           std::memchr(run.data(), ':', run.size()) != nullptr &&
           absl::StrContains(run, "://");
  }

  const Document& doc_;
  const Word* words_;  // the sentence's words, size_ of them
  size_t size_;
  size_t run_end_ = 0;  // one past the last run read
  bool run_in_url_ = false;
};

// How many tokens a figure may start before its first anchor
// (IsFigureAnchor): a qualifier phrase, a sign and a currency phrase
// ("no more than US$ 50", "bigger or equal than three thousand"), or a
// percent unit and "of" ("per cent of 10"), and one word more ("more than a
// decade"). Figures are only tried within this distance of an anchor.
int MaxFigureLead() {
  const Lexicons& lex = Lex();
  return static_cast<int>(
      std::max(lex.qualifiers.max_words() + 1 + lex.currencies.max_words(),
               lex.percent_unit_words + 1) +
      1);
}

// The words a figure can start with before its first anchor: the first
// words of qualifier, currency and percent unit phrases ("more", "between",
// "us", "per"), signs ("minus", "-"), "a"/"an" ("a dozen", "more than a
// decade"), "point" ("point 77") and a decimal point (".08"). Other units
// open no figure: only a percentage names its value after the unit.
const FilteredWordSet& FigureOpeners() {
  static const FilteredWordSet* const kOpeners = [] {
    const Lexicons& lex = Lex();
    auto* openers = new FilteredWordSet();
    for (const std::vector<std::string>& words :
         {lex.qualifiers.first_words(), lex.currencies.first_words(),
          lex.units.first_words(
              [](const std::string& unit) { return unit == "percent"; })}) {
      openers->insert(words.begin(), words.end());
    }
    for (const char* word :
         {"minus", "negative", "-", "a", "an", "point", "."}) {
      openers->insert(word);
    }
    return openers;
  }();
  return *kOpeners;
}

// The ScanClass bits of the folded words that have any
// (internal::ScanClassWords); ScanClassBits() holds them.
WordMap<uint8_t> BuildScanClassBits() {
  const Lexicons& lex = Lex();
  WordMap<uint8_t> bits;
  for (const std::string& word : lex.triggers) bits[word] |= kTriggerWord;
  for (const std::string& word : FigureOpeners()) bits[word] |= kOpenerWord;
  for (const std::string& word : lex.idioms.first_words()) {
    bits[word] |= kIdiomStart;
  }
  for (const std::string& word : lex.qualifiers.first_words(
           [](const QualifierEntry& q) { return !q.after; })) {
    bits[word] |= kQualifierStart;
  }
  for (const std::string& word : lex.currencies.first_words()) {
    bits[word] |= kCurrencyStart;
  }
  for (const std::string& word : lex.units.first_words()) {
    bits[word] |= kUnitStart;
  }
  for (const auto& [word, number] : lex.number_words) {
    bits[word] |= kNumberWord;
  }
  bits["a"] |= kArticleWord;
  bits["an"] |= kArticleWord;
  return bits;
}

// BuildScanClassBits(), built on first use: both the date scan's table
// (internal::ScanClassWords) and ScanClasses() are made from it.
const WordMap<uint8_t>& ScanClassBits() {
  static const WordMap<uint8_t>* const kBits =
      new WordMap<uint8_t>(BuildScanClassBits());
  return *kBits;
}

// The ScanClass bits of the folded words that have any, as a map.
const ShapeMap<uint8_t>& ScanClasses() {
  static const ShapeMap<uint8_t>* const kClasses = [] {
    auto* classes = new ShapeMap<uint8_t>();
    for (const auto& [word, word_bits] : ScanClassBits()) {
      classes->Insert(word, word_bits);
    }
    return classes;
  }();
  return *kClasses;
}

// The ScanClass bits of each one-byte word (".", ",", "a": about one
// token in eight), read without a ShapeMap lookup.
struct OneByteClasses {
  uint8_t of[256] = {};
};
// The OneByteClasses of ScanClasses(), built on first use.
const OneByteClasses& OneByteScanClasses() {
  static const OneByteClasses* const kClasses = [] {
    auto* classes = new OneByteClasses();
    for (int c = 0; c < 256; ++c) {
      const char byte = static_cast<char>(c);
      const uint8_t* bits = ScanClasses().Find(absl::string_view(&byte, 1));
      classes->of[c] = bits == nullptr ? 0 : *bits;
    }
    return classes;
  }();
  return *kClasses;
}

// The ScanClass bits of a folded word, 0 when none.
inline uint8_t ScanClassOf(const ShapeMap<uint8_t>::Reader& scan_classes,
                           absl::string_view folded) {
  const uint8_t* classes = scan_classes.Find(folded);
  return classes == nullptr ? 0 : *classes;
}
inline uint8_t ScanClassOf(const ShapeMap<uint8_t>& scan_classes,
                           absl::string_view folded) {
  const uint8_t* classes = scan_classes.Find(folded);
  return classes == nullptr ? 0 : *classes;
}

// Whether a figure can start at `word` before its first anchor: a word of
// FigureOpeners, "point" of a decimal ("point 77"), or what may be a code
// of millions ("MUSD 30", MillionCode). `classes` are its ScanClass bits.
bool IsFigureOpener(const Word& word, uint8_t classes) {
  if (word.kind == TokenKind::kWord && word.capitalized &&
      word.folded.size() == 4 && word.folded[0] == 'm') {
    return true;
  }
  return (classes & kOpenerWord) != 0;
}

// Whether `word`, after "a" or "an", is a plural ordinal ("a thirds of
// the vote"), which ParseSpelled reads as a fraction (Denominator) though
// no lexicon lists it. Any other number before a denominator is a number
// word, itself an anchor. Out of line: the scan calls it only after an
// article.
ABSL_ATTRIBUTE_NOINLINE bool IsPluralFractionAfterArticle(const Word& word) {
  return word.kind == TokenKind::kWord && !word.folded.empty() &&
         word.folded.back() == 's' && Denominator(word.folded, false) > 0;
}

// Whether FeedFused may read `part`: eight bytes or more, starting like a
// tens word. Inline, so that the scan calls FeedFused only for such words.
// `lex` is Lex().
inline bool MayBeFused(const Lexicons& lex, absl::string_view part) {
  if (part.size() < 8) return false;
  return lex.tens_prefixes.empty() || StartsLikeTens(lex, part);
}
inline bool MayBeFused(absl::string_view part) {
  return part.size() >= 8 && MayBeFused(Lex(), part);
}

// IsFigureAnchor in full. Out of line: IsFigureAnchor decides most words
// from their kind, shape and classes, and calls it only for the others, so
// that the scan of every word keeps its registers.
ABSL_ATTRIBUTE_NOINLINE bool IsFigureAnchorSlow(const Word& word,
                                                uint8_t classes) {
  if (word.kind == TokenKind::kNumber) return true;
  if ((word.shape & internal::kHasDigit) != 0) return true;  // "USD115"
  absl::string_view folded = word.folded;
  const bool hyphenated = (word.shape & internal::kHasHyphen) != 0;
  if (word.kind == TokenKind::kPunct && !folded.empty() &&
      (folded[0] == '\xC2' || folded[0] == '\xE2') &&
      VulgarFraction(folded).has_value()) {
    return true;  // "\u00BD"
  }
  auto fused = [](absl::string_view part) {
    if (!MayBeFused(part)) return false;
    WordNumberParser probe;
    return FeedFused(part, &probe);
  };
  if (!hyphenated) return (classes & kTriggerWord) != 0 || fused(folded);
  for (absl::string_view part : absl::StrSplit(folded, '-')) {
    if ((ScanClassOf(ScanClasses(), part) & kTriggerWord) != 0 ||
        fused(part)) {
      return true;
    }
  }
  return false;
}

// Whether a figure can hold `word`: a number, a word or symbol with a
// digit or a vulgar fraction ("USD115", "\u00BD"), or a number,
// magnitude, currency, time-unit or vague-quantity word, also as a part of
// a hyphenated word ("four-day") or fused ("fortytwo"). With
// IsPluralFractionAfterArticle (a plural ordinal after "a" or "an"), every
// figure holds one. `classes` are the word's ScanClass bits; `lex` is
// Lex(), passed in so that the scan of every word reads it once.
inline bool IsFigureAnchor(const Lexicons& lex, const Word& word,
                           uint8_t classes) {
  if (word.kind == TokenKind::kNumber) return true;
  if ((word.shape & (internal::kHasDigit | internal::kHasHyphen)) == 0) {
    if ((classes & kTriggerWord) != 0) return true;
    // What is left to try: in a word, a fused number, which FeedFused
    // reads only in a word of 8 bytes or more that starts like a tens
    // word; in a symbol, a vulgar fraction, which is a typographic one.
    if (word.kind == TokenKind::kWord) {
      if (!MayBeFused(lex, word.folded)) return false;
    } else {
      const unsigned char first =
          word.folded.empty() ? 0 : static_cast<unsigned char>(word.folded[0]);
      if (first != 0xC2 && first != 0xE2 && !MayBeFused(lex, word.folded)) {
        return false;
      }
    }
  }
  return IsFigureAnchorSlow(word, classes);
}

// The words right after a spelled number that ParseSpelled or ParseFigure
// read by their spelling: "and", "point" (ParseSpelled), "out", "over",
// "in" (MatchRatio, OutOfNumber), "or", "to", "through", "thru"
// (MatchRangeEnd), and the first words of the qualifier phrases written
// after a number (MatchQualifierAfter: "or more").
const FilteredWordSet& WordsReadAfterNumber() {
  static const FilteredWordSet* const kWords = [] {
    auto* words = new FilteredWordSet();
    for (const std::string& word : Lex().qualifiers.first_words(
             [](const QualifierEntry& q) { return q.after; })) {
      words->insert(word);
    }
    for (const char* word :
         {"and", "point", "out", "over", "in", "or", "to", "through", "thru"}) {
      words->insert(word);
    }
    return words;
  }();
  return *kWords;
}

// Whether ParseFigure(view, i) finds no figure because words[i] is a small
// number pointing back at things already named ("the two sides", "their
// three sons"), told from words[i - 1] to words[i + 1] alone. MayStartFigure
// asks it only where none of ParseFigure's steps before the number reads
// anything at words[i] (no qualifier, sign, currency phrase, code of
// millions or digit there), so that ParseAmount starts at words[i], i past
// the sentence's first content token. It holds when:
//  - words[i - 1] is a pointer (IsPointer);
//  - words[i] is a word without digit or hyphen that is a cardinal number
//    word of the class of "two" of at most three, which ParseSpelled feeds
//    alone and reads as a complete number;
//  - words[i + 1] is a word without digit or hyphen of no ScanClass but
//    kIdiomStart (no number word, article, trigger — time units,
//    magnitudes, currency words —, opener, qualifier, currency or unit
//    phrase start), no code of millions (MillionCode), no word read by
//    its spelling after a number (WordsReadAfterNumber), no fused number
//    (MayBeFused) and, when it ends in "s", no plural of a number word
//    (FindNumberWord, Denominator: its Lemma is no number word).
// Then ParseAmount reads words[i] alone: a spelled, bare number of at most
// three, no ordinal, times or fraction; no ratio, unit, code, cents,
// range, qualifier or duration follows it; the figure is not alone in the
// sentence, not negative, and PointsBack holds: ParseFigure returns false.
// FigureGateViolations checks it with the rest of MayStartFigure.
bool PointsBackAt(const std::vector<Word>& words,
                  const std::vector<uint8_t>& classes, int i) {
  constexpr uint8_t kPlain = internal::kHasDigit | internal::kHasHyphen;
  const int n = static_cast<int>(words.size());
  if (i == 0 || i + 1 >= n || (classes[i] & kNumberWord) == 0) return false;
  const Word& word = words[i];
  const Word& next = words[i + 1];
  if (word.kind != TokenKind::kWord || (word.shape & kPlain) != 0 ||
      next.kind != TokenKind::kWord || (next.shape & kPlain) != 0 ||
      (classes[i + 1] & ~kIdiomStart) != 0 || !IsPointer(words[i - 1])) {
    return false;
  }
  const Lexicons& lex = Lex();
  const auto number = lex.number_words.find(word.folded);
  if (number == lex.number_words.end() ||
      number->second.number_class != NumberClass::kSmall ||
      number->second.ordinal || number->second.value > 3) {
    return false;
  }
  const absl::string_view f = next.folded;
  if ((next.capitalized && f.size() == 4 && f[0] == 'm') ||
      MayBeFused(lex, f) || WordsReadAfterNumber().contains(f)) {
    return false;
  }
  return f.empty() || f.back() != 's' ||
         lex.number_words.find(Lemma(f)) == lex.number_words.end();
}

// MayStartSpelled(word) for a word with ScanClass bits `bits`: a word with
// no hyphen is its own head, so the bits tell whether it is a number word
// without hashing it.
bool MayStartSpelledAt(const Word& word, uint8_t bits) {
  if (word.kind != TokenKind::kWord) return false;
  if ((word.shape & internal::kHasHyphen) != 0) return MayStartSpelled(word);
  if (Is(word, "a") || Is(word, "an") || (bits & kNumberWord) != 0) {
    return true;
  }
  if (!MayBeFused(word.folded)) return false;
  WordNumberParser probe;
  return FeedFused(word.folded, &probe);
}

// The gate of the scan: whether ParseFigure(view, i) may find a figure,
// from the first words it reads. `classes` are the ScanClass bits of the
// sentence's words. False only where ParseFigure finds none, which
// internal::FigureGateViolations checks. ParseFigure reads at words[i]:
//  - a unit phrase of a bare phrase ("per cent of 10"), a qualifier phrase
//    written before the number, a sign or a currency phrase, each tried
//    here as ParseFigure tries it;
//  - a code of millions ("MUSD"): a capitalised four-letter word with "m";
//  - a number (ParseAttachedPrefix, ParseAmount): a number token, a word
//    with a digit ("USD115", "negative-5"), a vulgar fraction, a symbol
//    starting with "." against a number token (".08"), "point" ("point
//    77"), or a word where a spelled-out number may start
//    (MayStartSpelled);
//  - "a" or "an" on its own, which ParseSpelled reads as a number only
//    before a word where one may start or a plural ("a dozen", "a third",
//    "a thirds of"), and ParseFigure as one of a currency only before a
//    currency word ("a dollar").
// False too at a small number pointing back ("the two sides",
// PointsBackAt), which ParseFigure rejects whatever follows it.
// Sets `*start` to what it found that ParseFigure(view, i) would look for
// again.
bool MayStartFigure(const SentenceView& view,
                    const std::vector<uint8_t>& classes, int i,
                    FigureStart* start) {
  const std::vector<Word>& words = *view.words;
  const int n = static_cast<int>(words.size());
  const Word& word = words[i];
  const uint8_t bits = classes[i];
  int end = i;
  if ((bits & kUnitStart) != 0 && i <= view.first_content) return true;
  start->qualifier_known = true;
  if ((bits & kQualifierStart) != 0) {
    start->qualifier = MatchQualifier(words, i, &start->qualifier_end);
    if (start->qualifier != nullptr) return true;
  }
  bool spaced = false;
  if ((Is(word, "minus") || Is(word, "negative") || Is(word, "-")) &&
      MatchSign(words, i, i <= view.first_content, &spaced) != i) {
    return true;
  }
  if ((bits & kCurrencyStart) != 0 &&
      MatchCurrency(words, i, &end, true) != nullptr) {
    return true;
  }
  switch (word.kind) {
    case TokenKind::kNumber:
      return true;
    case TokenKind::kPunct:
      if (word.folded.empty()) return false;
      if (word.folded[0] == '.') {
        return i + 1 < n && words[i + 1].begin == word.end &&
               words[i + 1].kind == TokenKind::kNumber;
      }
      return VulgarFraction(word.folded).has_value();
    case TokenKind::kWord:
      break;
  }
  if (word.capitalized && word.folded.size() == 4 && word.folded[0] == 'm') {
    return true;  // MillionCode
  }
  if (Is(word, "a") || Is(word, "an")) {
    if (i + 1 >= n || words[i + 1].kind != TokenKind::kWord) return false;
    const Word& next = words[i + 1];
    return MayStartSpelledAt(next, classes[i + 1]) ||
           absl::EndsWith(next.folded, "s") ||
           (classes[i + 1] & kCurrencyStart) != 0;
  }
  if (Is(word, "point")) return true;
  if ((word.shape & internal::kHasDigit) != 0) return true;
  if (PointsBackAt(words, classes, i)) return false;  // "the two sides"
  return MayStartSpelledAt(word, bits);
}

}  // namespace

namespace {

// Reads each of `words` once, from the last: sets class_of[k] to the
// ScanClass bits of words[k] and anchor_of[k] to the first anchor at or
// after k (words.size() when none; anchor_of[words.size()] too). A plural
// ordinal after "a" or "an" is an anchor too ("a thirds of"): it is tested
// at the article, from its bits, which changes only anchor_of of the word
// after it. Out of line, so that the loop keeps its values in registers,
// and through pointers: a store of a byte to class_of could alias a
// vector's members, which would then be reloaded for every token.
// `scan_classes`, `one_byte` and `lex` are ScanClasses(),
// OneByteScanClasses().of and Lex(), read once per article by the caller.
ABSL_ATTRIBUTE_NOINLINE void ClassifyWords(
    const ShapeMap<uint8_t>& scan_classes, const uint8_t* one_byte,
    const Lexicons& lex, const std::vector<Word>& words, uint8_t* class_of,
    int* anchor_of) {
  const int n = static_cast<int>(words.size());
  const Word* const w = words.data();
  const ShapeMap<uint8_t>::Reader classes_of(scan_classes);
  anchor_of[n] = n;
  int next = n;
  for (int k = n - 1; k >= 0; --k) {
    const Word& word = w[k];
    const uint8_t bits =
        word.folded.size() == 1
            ? one_byte[static_cast<unsigned char>(word.folded[0])]
            : ScanClassOf(classes_of, word.folded);
    class_of[k] = bits;
    if ((bits & kArticleWord) != 0 && k + 1 < n && next != k + 1 &&
        IsPluralFractionAfterArticle(w[k + 1])) {
      next = k + 1;
      anchor_of[k + 1] = k + 1;
    }
    if (IsFigureAnchor(lex, word, bits)) next = k;
    anchor_of[k] = next;
  }
}

// ClassifyWords of the words of a sentence whose ScanClassRecords the date
// scan has written (internal::WrittenScanClasses), `records`: the classes
// are read from them instead of looked up, and a short plain word
// (internal::kShortPlainWord) is an anchor exactly when its classes hold
// kTriggerWord, as IsFigureAnchor finds, without reading the word.
ABSL_ATTRIBUTE_NOINLINE void ClassifyWrittenWords(
    const uint16_t* records, const Lexicons& lex,
    const std::vector<Word>& words, uint8_t* class_of, int* anchor_of) {
  const int n = static_cast<int>(words.size());
  const Word* const w = words.data();
  // The record of a short plain word that is neither a trigger nor an
  // article, most words: no anchor, and none after it.
  constexpr uint16_t kTested =
      internal::kShortPlainWord | kTriggerWord | kArticleWord;
  constexpr uint16_t kPlain = internal::kShortPlainWord;
  anchor_of[n] = n;
  int next = n;
  for (int k = n - 1; k >= 0; --k) {
    const uint16_t record = records[k];
    const uint8_t bits = static_cast<uint8_t>(record);
    class_of[k] = bits;
    if ((record & kTested) == kPlain) {
      anchor_of[k] = next;
      continue;
    }
    if ((bits & kArticleWord) != 0 && k + 1 < n && next != k + 1 &&
        IsPluralFractionAfterArticle(w[k + 1])) {
      next = k + 1;
      anchor_of[k + 1] = k + 1;
    }
    if ((record & internal::kShortPlainWord) != 0
            ? (bits & kTriggerWord) != 0
            : IsFigureAnchor(lex, w[k], bits)) {
      next = k;
    }
    anchor_of[k] = next;
  }
}

// Sets the first and last content tokens of `view` (SentenceView), whose
// words are `words`.
void SetContentBounds(const std::vector<Word>& words, SentenceView* view) {
  const int n = static_cast<int>(words.size());
  int first_content = 0;
  while (first_content < n && words[first_content].kind == TokenKind::kPunct) {
    ++first_content;
  }
  int last_content = n - 1;
  while (last_content >= 0 && words[last_content].kind == TokenKind::kPunct) {
    --last_content;
  }
  view->first_content = first_content < n ? first_content : -1;
  view->last_content = last_content;
}

// FindFigures; `every_token` turns the anchor filter and the phrase gates
// of the word classes off.
void ScanFigures(const Document& doc, const std::vector<segment::Range>& taken,
                 bool every_token, std::vector<Claim>* claims) {
  static const int kMaxLead = MaxFigureLead();
  static const int kMaxIdiom = static_cast<int>(Lex().idioms.max_words());
  // Copies, which the loops keep in registers.
  const int max_lead = kMaxLead;
  const int max_idiom = kMaxIdiom;
  const Lexicons& lex = Lex();
  const ShapeMap<uint8_t>& scan_classes = ScanClasses();
  const uint8_t* const one_byte_classes = OneByteScanClasses().of;
  // The classes of the tokens, when the date scan has read them.
  const internal::WrittenScanClasses written(doc);
  TakenRanges taken_ranges(taken);
  // Per sentence, reused from one sentence and one article to the next:
  // next_anchor and the ScanClass bits of each word.
  struct Buffers {
    std::vector<int> next_anchor;
    std::vector<uint8_t> classes;
  };
  thread_local Buffers buffers;
  // A very long sentence does not keep its buffers for the articles after.
  struct Release {
    Buffers* buffers;
    ~Release() {
      constexpr size_t kMaxKeptWords = 1 << 14;
      if (buffers->classes.size() > kMaxKeptWords) *buffers = Buffers();
    }
  };
  const Release release{&buffers};
  std::vector<int>& next_anchor = buffers.next_anchor;
  std::vector<uint8_t>& classes = buffers.classes;
  for (size_t s = 0; s < doc.seg.sentences.size(); ++s) {
    const segment::Sentence& sentence = doc.seg.sentences[s];
    const std::vector<Word>& words = doc.sentence_words[s];
    const int n = static_cast<int>(words.size());
    // next_anchor[i]: the first anchor at or after i (n when none).
    // Grown only, never shrunk: entries from 0 to n are set by
    // ClassifyWords, and those past n are not read.
    if (next_anchor.size() < static_cast<size_t>(n) + 1) {
      next_anchor.resize(n + 1);
      classes.resize(n + 1);
    }
    SentenceView view;
    view.doc = &doc;
    view.words = &words;
    view.classes = every_token ? nullptr : classes.data();
    if (written.found()) {
      ClassifyWrittenWords(written.Of(s), lex, words, classes.data(),
                           next_anchor.data());
    } else {
      ClassifyWords(scan_classes, one_byte_classes, lex, words, classes.data(),
                    next_anchor.data());
    }
    if (!every_token && next_anchor[0] == n) continue;  // no figure here
    SetContentBounds(words, &view);
    UrlRuns in_url(doc, words);
    const int* const anchor_at = next_anchor.data();
    const uint8_t* const class_at = classes.data();
    int i = 0;
    while (i < n) {
      if (!every_token) {
        // Moves on to the next token where an idiom or a figure may start;
        // anchor_at[n] is n, so the loop stops at the end.
        while (true) {
          const int anchor = anchor_at[i];
          if (anchor == n) break;  // every figure holds an anchor
          // An idiom starting here may cover the tokens where a figure
          // would start ("Catch-22"), so idioms are looked for a little
          // further.
          const int lead = anchor - i;
          if (lead > max_lead + max_idiom) {
            i = anchor - (max_lead + max_idiom);
            continue;
          }
          // Where no idiom starts and no figure may start (see below),
          // every test moves on to the next token.
          const uint8_t bits = class_at[i];
          if ((bits & kIdiomStart) != 0 || lead == 0 ||
              (lead <= max_lead && IsFigureOpener(words[i], bits))) {
            break;
          }
          ++i;
        }
        if (anchor_at[i] == n) break;
      }
      // Where no idiom starts, a token where no figure may start is
      // passed over whatever else holds, so that is asked first.
      const bool idiom_start = (class_at[i] & kIdiomStart) != 0;
      FigureStart start;
      bool may_start = every_token;
      if (!every_token && !idiom_start) {
        // The loop above left only tokens at or a short lead before an
        // anchor where IsFigureOpener holds.
        if (!MayStartFigure(view, classes, i, &start)) {
          ++i;
          continue;
        }
        may_start = true;
      }
      if (in_url.Contains(i)) {
        ++i;
        continue;
      }
      if (taken_ranges.Overlaps(words[i].begin, words[i].end)) {
        ++i;
        continue;
      }
      int idiom_end = i;
      if (idiom_start && lex.idioms.Match(words, i, &idiom_end)) {
        i = idiom_end;
        continue;
      }
      if (!may_start &&
          ((anchor_at[i] > i && (anchor_at[i] - i > max_lead ||
                                 !IsFigureOpener(words[i], class_at[i]))) ||
           !MayStartFigure(view, classes, i, &start))) {
        ++i;
        continue;
      }
      FigureMatch match;
      if (!ParseFigure(view, i, &match, /*allow_bound_pair=*/true, &start) ||
          match.end <= match.begin ||
          taken_ranges.Overlaps(words[match.begin].begin,
                                words[match.end - 1].end) ||
          InNameOrTime(words, match)) {
        ++i;
        continue;
      }
      i = match.end;
      // "45 (forty five)": the same number restated in parentheses is no
      // second figure.
      if (i + 2 < n && Is(words[i], "(") && match.figure.has_value() &&
          !match.figure.has_value_max()) {
        const std::optional<Amount> again = ParseAmount(words, i + 1, false);
        if (again.has_value() && again->end < n && Is(words[again->end], ")") &&
            !again->range_max &&
            again->value == std::abs(match.figure.value())) {
          AddClaim(doc, sentence, words, &match, claims);
          i = again->end + 1;
          continue;
        }
      }
      AddClaim(doc, sentence, words, &match, claims);
    }
  }
}

}  // namespace

void FindFigures(const Document& doc, const std::vector<segment::Range>& taken,
                 std::vector<Claim>* claims) {
  ScanFigures(doc, taken, /*every_token=*/false, claims);
}

namespace internal {

std::vector<std::pair<std::string, uint8_t>> ScanClassWords() {
  const WordMap<uint8_t>& bits = ScanClassBits();
  return std::vector<std::pair<std::string, uint8_t>>(bits.begin(),
                                                      bits.end());
}

std::vector<std::string> WrittenScanClassMismatches(const Document& doc) {
  const WrittenScanClasses written(doc);
  if (!written.found()) return {"no classes written"};
  const Lexicons& lex = Lex();
  std::vector<std::string> mismatches;
  for (size_t s = 0; s < doc.sentence_words.size(); ++s) {
    const std::vector<Word>& words = doc.sentence_words[s];
    const uint16_t* const records = written.Of(s);
    for (size_t k = 0; k < words.size(); ++k) {
      const uint8_t classes = ScanClassOf(ScanClasses(), words[k].folded);
      if (static_cast<uint8_t>(records[k]) != classes) {
        mismatches.push_back(absl::StrCat(words[k].folded, ": classes ",
                                          records[k] & 0xFF, ", not ",
                                          classes));
      }
      if ((records[k] & kShortPlainWord) != 0 &&
          IsFigureAnchor(lex, words[k], classes) !=
              ((classes & kTriggerWord) != 0)) {
        mismatches.push_back(
            absl::StrCat(words[k].folded, ": not a short plain word"));
      }
    }
  }
  return mismatches;
}

std::vector<std::string> FigureGateViolations(const Document& doc) {
  const ShapeMap<uint8_t>& scan_classes = ScanClasses();
  std::vector<std::string> violations;
  std::vector<uint8_t> classes;
  for (size_t s = 0; s < doc.seg.sentences.size(); ++s) {
    const std::vector<Word>& words = doc.sentence_words[s];
    const int n = static_cast<int>(words.size());
    classes.resize(n);
    SentenceView view;
    view.doc = &doc;
    view.words = &words;
    // ParseFigure without the gates of the word classes, so that they are
    // checked too; MayStartFigure reads `classes`.
    view.classes = nullptr;
    for (int k = 0; k < n; ++k) {
      classes[k] = ScanClassOf(scan_classes, words[k].folded);
      if (words[k].kind == TokenKind::kPunct) continue;
      if (view.first_content < 0) view.first_content = k;
      view.last_content = k;
    }
    for (int i = 0; i < n; ++i) {
      FigureStart start;
      if (MayStartFigure(view, classes, i, &start)) continue;
      FigureMatch match;
      if (ParseFigure(view, i, &match)) {
        violations.push_back(absl::StrCat(
            words[i].folded, ": ",
            doc.Slice(words[match.begin].begin,
                      words[std::max(match.end, match.begin + 1) - 1].end)));
      }
    }
  }
  return violations;
}

void FindFiguresAtEveryToken(const Document& doc,
                             const std::vector<segment::Range>& taken,
                             std::vector<Claim>* claims) {
  ScanFigures(doc, taken, /*every_token=*/true, claims);
}

}  // namespace internal

}  // namespace crosscheck::extract
