#include "src/extract/entities.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/optimization.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "src/base/utf8.h"
#include "src/extract/lexicon.h"
#include "src/extract/words.h"
#include "src/segment/segment.h"

namespace crosscheck::extract {
namespace {

using segment::Token;
using segment::TokenKind;

// The most words of a name, particles and connectors included, and of a
// role read before one. A longer run of capitalized words (an all-caps
// paragraph) is split into names of at most this many words: as one name
// it would cost time quadratic in its length to key by its suffixes, and
// reading a role back over it would too.
constexpr size_t kMaxNameWords = 8;

// A cheap test that rules out most words before a lookup among a few keys:
// the length of the longest key and, for each first byte, the lengths of
// the keys that start with it (lengths from 31 bytes up share one bit). It
// never rules out one of the keys.
class KeyFilter {
 public:
  void Add(absl::string_view key) {
    max_size_ = std::max(max_size_, key.size());
    lengths_[FirstByte(key)] |= LengthBit(key);
  }
  bool MayContain(absl::string_view key) const {
    return key.size() <= max_size_ &&
           (lengths_[FirstByte(key)] & LengthBit(key)) != 0;
  }

 private:
  static unsigned char FirstByte(absl::string_view key) {
    return key.empty() ? 0 : static_cast<unsigned char>(key[0]);
  }
  static uint32_t LengthBit(absl::string_view key) {
    return uint32_t{1} << std::min<size_t>(key.size(), 31);
  }

  size_t max_size_ = 0;
  uint32_t lengths_[256] = {};
};

// ---------------------------------------------------------------------------
// Lexicons (data/*.tsv), loaded once.

enum class TitleClass : uint8_t { kHonorific, kOffice, kOccupation, kModifier };

// What a word inside a name says about the name (org_words.tsv).
enum class NameClass : uint8_t { kNone, kOrganization, kPlace, kEvent };

// What the lexicons say of one word. The facts of a word come from several
// lists but are found with one lookup. Eight bytes, copied by value: a
// capitalized word keeps its own copy.
struct WordFacts {
  // titles.tsv.
  std::optional<TitleClass> title;
  // org_words.tsv.
  NameClass name_class = NameClass::kNone;
  // Never a name ("the", months, weekdays).
  bool non_name = false;
  // Not a name at the start of a sentence or quotation ("But", "Police").
  bool initial_non_name = false;
  // Joins the words of an organisation name ("of").
  bool org_connector = false;
  // A demonym of countries.tsv ("french").
  bool demonym = false;
  // The lowercase name of a real country, capital or region of
  // countries.tsv ("estonia", "new york").
  bool place = false;
};
static_assert(sizeof(WordFacts) <= 8, "WordFacts is copied by value");

// A key read in loads of fixed size: its length and its PackedWord
// (internal::PackWord), which holds all of its bytes when it has at most
// 16: two such keys are equal if and only if their parts are.
struct KeyParts {
  ABSL_ATTRIBUTE_ALWAYS_INLINE explicit KeyParts(absl::string_view key)
      : size(key.size()) {
    const internal::PackedWord packed = internal::PackWord(key);
    head = packed.low;
    tail = packed.high;
  }

  // A hash for the tables of this file, cheaper than WordHash. Keys of
  // more than 16 bytes that differ only in their middle bytes collide,
  // which costs a comparison.
  ABSL_ATTRIBUTE_ALWAYS_INLINE uint64_t Hash() const {
    // The high half of a product depends on all bytes of the factor;
    // folding it into the low half, which picks a slot, spreads them.
    const uint64_t h =
        (head ^ size) * 0x9E3779B97F4A7C15ull ^ tail * 0xC2B2AE3D27D4EB4Full;
    return h ^ (h >> 32);
  }

  bool operator==(const KeyParts& other) const {
    return size == other.size && head == other.head && tail == other.tail;
  }

  size_t size;
  uint64_t head = 0;
  uint64_t tail = 0;
};

// KeyParts(key).Hash().
inline uint64_t KeyHash(absl::string_view key) { return KeyParts(key).Hash(); }

// Values of the lexicon words by key, for the lookups asked of many words
// (the facts of every capitalized word): open addressing over the words'
// hashes, at most a quarter full, so that most lookups read one slot and
// compare one key. Keeps copies of the values; points at the keys of the
// map it is built from, which must not change afterwards.
template <typename Value, typename Map>
class KeyIndex {
 public:
  void Build(const Map& map) {
    size_t size = 16;
    while (size < 4 * map.size()) size *= 2;
    slots_.assign(size, Slot{0, kEmpty});
    mask_ = size - 1;
    entries_.reserve(map.size());
    for (const auto& [key, value] : map) {
      const KeyParts parts(key);
      const uint64_t hash = parts.Hash();
      size_t i = hash & mask_;
      while (slots_[i].entry != kEmpty) i = (i + 1) & mask_;
      slots_[i] = {Tag(hash), static_cast<uint32_t>(entries_.size())};
      entries_.push_back({parts, key, value});
    }
  }

  // The value of `key`, or nullptr for a word not in the map. Inline:
  // asked of every capitalized word.
  ABSL_ATTRIBUTE_ALWAYS_INLINE const Value* Find(absl::string_view key) const {
    const KeyParts parts(key);
    const uint64_t hash = parts.Hash();
    const uint32_t tag = Tag(hash);
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.entry == kEmpty) return nullptr;
      if (slot.tag != tag) continue;
      const Entry& entry = entries_[slot.entry];
      // The parts are the key, unless it is longer than 16 bytes.
      if (entry.parts == parts && (key.size() <= 16 || entry.key == key)) {
        return &entry.value;
      }
    }
  }

 private:
  static constexpr uint32_t kEmpty = ~uint32_t{0};

  // The bits of a hash that pick no slot.
  static uint32_t Tag(uint64_t hash) { return static_cast<uint32_t>(hash >> 32); }

  struct Slot {
    uint32_t tag;
    // Index into entries_, or kEmpty.
    uint32_t entry;
  };
  // The value sits next to the key it is found by: a lookup reads one
  // entry, and no other memory.
  struct Entry {
    KeyParts parts;
    absl::string_view key;
    Value value;
  };

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::vector<Entry> entries_;
};

// The facts of the lexicon words, looked up for every capitalized word.
using FactsIndex = KeyIndex<WordFacts, WordMap<WordFacts>>;

// A person's gender as a title or given name tells it ('m', 'f'), or 0.
using GenderCode = char;

struct Lexicons {
  // Facts of the words of titles.tsv, org_words.tsv, the non-name lists and
  // the organisation connectors.
  WordMap<WordFacts> facts;
  // The gender told by a title ("ms", "spokesman") or a given name
  // ("elena"): the gender columns of titles.tsv and given_names.tsv.
  absl::flat_hash_map<std::string, GenderCode> genders;
  // The same, for lookups.
  KeyIndex<GenderCode, absl::flat_hash_map<std::string, GenderCode>>
      genders_index;
  // The same, for lookups.
  FactsIndex facts_index;
  // Lowercase demonym endings ("ian"); the demonyms are facts.
  std::vector<std::string> demonym_suffixes;
  // Whether some demonym ending ends with the byte.
  bool demonym_suffix_end[256] = {};
  WordSet reporting_verbs;
  // Third-person singular pronouns of known gender ("he", "she").
  WordSet person_pronouns;
  WordSet particles;
  WordSet place_prepositions;
  // Words that open a noun phrase ("the", "a", "its").
  WordSet determiners;
  // Filters of the reporting verbs and of the three lists above.
  KeyFilter reporting_verb_filter;
  KeyFilter person_pronoun_filter;
  // A test of a word token's folded form that rules out most words before
  // their key is made: for each first byte, bit (n % 32) for each folded
  // size n that a token of a person pronoun's key can have (that of the
  // pronoun, or with a possessive ending "'s" two more). A pronoun that is
  // not ASCII sets every bit of its first byte.
  uint32_t person_pronoun_folded_sizes[256] = {};
  KeyFilter particle_filter;
  KeyFilter place_preposition_filter;
};

std::string Lower(absl::string_view text) {
  return absl::AsciiStrToLower(std::string(text.data(), text.size()));
}

// The value of `field` in `row`, or "" when the row is short.
const std::string& Field(const std::vector<std::string>& row, size_t field) {
  static const std::string* const kEmpty = new std::string();
  return field < row.size() ? row[field] : *kEmpty;
}

void LoadTitles(Lexicons* lex) {
  for (const auto& row : ReadTsv("titles.tsv")) {
    const std::string& cls = Field(row, 1);
    TitleClass value = TitleClass::kModifier;
    if (cls == "honorific") value = TitleClass::kHonorific;
    if (cls == "office") value = TitleClass::kOffice;
    if (cls == "occupation") value = TitleClass::kOccupation;
    // The first row of a word counts.
    std::optional<TitleClass>& title = lex->facts[Lower(row[0])].title;
    if (!title.has_value()) title = value;
    const std::string& gender = Field(row, 2);
    if (gender == "m" || gender == "f") lex->genders[row[0]] = gender[0];
  }
  for (const auto& row : ReadTsv("given_names.tsv")) {
    const std::string& gender = Field(row, 1);
    if (gender == "m" || gender == "f") lex->genders[row[0]] = gender[0];
  }
}

void LoadNameWords(Lexicons* lex) {
  for (const auto& row : ReadTsv("org_words.tsv")) {
    const std::string& kind = Field(row, 1);
    NameClass value = NameClass::kEvent;
    if (kind == "org") value = NameClass::kOrganization;
    if (kind == "place") value = NameClass::kPlace;
    // The first row of a word counts.
    NameClass& name_class = lex->facts[Lower(row[0])].name_class;
    if (name_class == NameClass::kNone) name_class = value;
  }
  for (const auto& row : ReadTsv("countries.tsv")) {
    lex->facts[Lower(row[0])].place = true;
    const std::string& demonym = Field(row, 2);
    if (!demonym.empty() && demonym != "-")
      lex->facts[Lower(demonym)].demonym = true;
  }
}

void LoadNonNames(Lexicons* lex) {
  for (const auto& row : ReadTsv("non_name_capitalized.tsv")) {
    const std::string& category = Field(row, 1);
    if (category == "demonym-suffix") {
      lex->demonym_suffixes.push_back(Lower(row[0]));
      const std::string& suffix = lex->demonym_suffixes.back();
      if (suffix.empty()) {
        // An empty ending ends every word.
        std::fill(std::begin(lex->demonym_suffix_end),
                  std::end(lex->demonym_suffix_end), true);
      } else {
        lex->demonym_suffix_end[static_cast<unsigned char>(suffix.back())] =
            true;
      }
    } else if (category == "always") {
      lex->facts[Lower(row[0])].non_name = true;
    } else {
      lex->facts[Lower(row[0])].initial_non_name = true;
    }
  }
  // Dates are not entities: month and weekday names, shared with the date
  // extractor.
  for (const auto& row : ReadTsv("months.tsv")) {
    lex->facts[row[0]].non_name = true;
  }
  for (const auto& row : ReadTsv("weekdays.tsv")) {
    lex->facts[row[0]].non_name = true;
  }
}

void LoadContextWords(Lexicons* lex) {
  for (const auto& row : ReadTsv("reporting_verbs.tsv")) {
    // Single-word forms with the speaker before or after the verb.
    if (Field(row, 2) == "either" && row[0].find(' ') == std::string::npos) {
      lex->reporting_verbs.insert(row[0]);
    }
  }
  for (const auto& row : ReadTsv("pronouns.tsv")) {
    const std::string& gender = Field(row, 1);
    if (Field(row, 2) == "sg" && Field(row, 3) == "3" &&
        (gender == "m" || gender == "f")) {
      lex->person_pronouns.insert(row[0]);
    }
  }
  for (const auto& row : ReadTsv("name_context.tsv")) {
    const std::string& role = Field(row, 1);
    if (role == "org-connector") lex->facts[row[0]].org_connector = true;
    if (role == "particle") lex->particles.insert(row[0]);
    if (role == "place-preposition") lex->place_prepositions.insert(row[0]);
    if (role == "determiner") lex->determiners.insert(row[0]);
  }
  for (const std::string& word : lex->reporting_verbs) {
    lex->reporting_verb_filter.Add(word);
  }
  for (const std::string& word : lex->person_pronouns) {
    lex->person_pronoun_filter.Add(word);
    if (word.empty()) continue;
    uint32_t& sizes =
        lex->person_pronoun_folded_sizes[static_cast<unsigned char>(word[0])];
    const bool ascii = std::all_of(word.begin(), word.end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x80;
    });
    sizes |= ascii ? uint32_t{1} << (word.size() % 32) |
                         uint32_t{1} << ((word.size() + 2) % 32)
                   : ~uint32_t{0};
  }
  for (const std::string& word : lex->particles) lex->particle_filter.Add(word);
  for (const std::string& word : lex->place_prepositions) {
    lex->place_preposition_filter.Add(word);
  }
}

const Lexicons* LoadLexicons() {
  auto* lex = new Lexicons;
  LoadTitles(lex);
  LoadNameWords(lex);
  LoadNonNames(lex);
  LoadContextWords(lex);
  lex->facts_index.Build(lex->facts);
  lex->genders_index.Build(lex->genders);
  return lex;
}

// Small enough to inline: the lexicons are asked for many times per word.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline const Lexicons& Lex() {
  static const Lexicons* const kLexicons = LoadLexicons();
  return *kLexicons;
}

// The facts of a word in none of the lists.
constexpr WordFacts kNoFacts;

// The facts of a word key; no facts for a word in none of the lists. The
// reference stays valid: the lexicons never change once loaded.
const WordFacts& FactsOf(const Lexicons& lex, absl::string_view key) {
  const WordFacts* facts = lex.facts_index.Find(key);
  return facts != nullptr ? *facts : kNoFacts;
}

const WordFacts& FactsOf(absl::string_view key) { return FactsOf(Lex(), key); }

// A word that can head a role: "President", "spokeswoman", "fellow".
bool IsRoleHead(const WordFacts& facts) {
  return facts.title == TitleClass::kOffice ||
         facts.title == TitleClass::kOccupation;
}

bool IsOpeningMark(char32_t c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C ||
         c == 0x2018 || c == 0x00AB || c == 0x2039;
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

// ---------------------------------------------------------------------------
// Words of a sentence.

// Lookups in the short word lists, asked of many words of a text: most
// words are ruled out by the list's filter.
bool IsPersonPronoun(const Lexicons& lex, absl::string_view key) {
  return lex.person_pronoun_filter.MayContain(key) &&
         lex.person_pronouns.contains(key);
}

bool IsParticle(absl::string_view key) {
  const Lexicons& lex = Lex();
  return lex.particle_filter.MayContain(key) && lex.particles.contains(key);
}

bool IsPlacePreposition(absl::string_view key) {
  const Lexicons& lex = Lex();
  return lex.place_preposition_filter.MayContain(key) &&
         lex.place_prepositions.contains(key);
}

// An opening mark (IsOpeningMark) or a colon: the next word opens a
// quotation. ASCII is told by one mask.
inline bool OpensQuotation(char32_t c) {
  constexpr uint64_t kAsciiBelow64 = uint64_t{1} << '"' | uint64_t{1} << '\'' |
                                     uint64_t{1} << '(' | uint64_t{1} << ':';
  if (c < 64) return (kAsciiBelow64 >> c) & 1;
  return c == '[' || (c >= 0x80 && IsOpeningMark(c));
}

// How many values KeyBit takes, and a value it never takes.
constexpr int kLogKeyBits = 10;
constexpr uint16_t kNoKeyBit = uint16_t{1} << kLogKeyBits;

// A number below kNoKeyBit from the length and the first and last byte of
// a key: keys that differ in it are different.
inline uint16_t KeyBit(absl::string_view key) {
  if (key.empty()) return 0;
  const uint32_t x = static_cast<uint32_t>(key.size()) ^
                     uint32_t{static_cast<unsigned char>(key.front())} << 8 ^
                     uint32_t{static_cast<unsigned char>(key.back())} << 16;
  return static_cast<uint16_t>((x * 0x9E3779B1u) >> (32 - kLogKeyBits));
}

// The bytes of the possessive ending that the name part of a word or
// number leaves out ("’s" of "Okafor’s", "'S" of "MONDAY'S"): an
// apostrophe (' or ’) and a final "s" or "S", after at least one other
// character; 0 when there is none, and for punctuation.
// internal::PossessiveBytes, which the tokenizer keeps for word tokens,
// also counts a "‘", which a name keeps.
size_t SuffixBytes(absl::string_view text, const internal::Word& token) {
  const size_t bytes = token.kind == TokenKind::kWord
                           ? token.possessive_bytes
                           : internal::PossessiveBytes(text.substr(
                                 token.begin, token.end - token.begin));
  // "‘" is E2 80 98 and "’" E2 80 99: an ending of 4 bytes has one of them
  // before its "s".
  if (bytes == 4 && text[token.end - 2] == '\x98') return 0;
  return bytes;
}

// The key of a word or number whose folded form is its lowercase text
// byte for byte: the folded form up to the possessive ending. Most words
// have neither ending nor typographic characters and are their folded
// form.
inline absl::string_view FoldedKey(absl::string_view text,
                                   const internal::Word& token) {
  if (token.kind == TokenKind::kWord && token.possessive_bytes == 0) {
    return token.folded;
  }
  return absl::string_view(token.folded)
      .substr(0, token.end - token.begin - SuffixBytes(text, token));
}

// Whether the folded form of a word or number is not its lowercase text
// byte for byte (a typographic apostrophe or hyphen was folded): its key
// is then a lowercase copy of its text.
inline bool NeedsLoweredKey(const internal::Word& token) {
  return token.folded.size() != token.end - token.begin;
}

// What reading the words derives of a capitalized word of the article,
// beyond the token itself (internal::Word). Other tokens have none: their
// facts are looked up when asked, and none of the flags applies to them.
struct TokenInfo {
  // FactsOf(key), looked up while reading.
  WordFacts facts;
  // TokenFlag bits.
  uint8_t flags;
  // For an initial name word once InitialWordMarker has marked it: the
  // index of its key among the marker's.
  uint32_t initial_key;
};

// What reading the words tells of a capitalized word (TokenInfo::flags).
enum TokenFlag : uint8_t {
  // Opens a sentence or quotation: capitalized, maybe, by position alone.
  kInitial = 1,
  // May be part of a name: an initial letter ("A. Okafor") or not a known
  // non-name. Only capitalized words are name words.
  kNameWord = 2,
  // Set by InitialWordMarker for an initial name word: the article also
  // capitalizes the word where it is not initial. (Whether the article
  // writes it in lowercase is asked of few words, and found when first
  // asked: InitialWordMarker::WrittenInLowercase.)
  kCapitalizedInside = 4,
};

// A token of the article, with its index among all the article's tokens.
struct TokenRef {
  const internal::Word* token;
  size_t index;
};

// A list of at most as many elements as room was made for at Reset,
// appended to without a test of its capacity. Keeps its storage from one
// Reset to the next. T must be trivially copyable.
template <typename T>
class BoundedList {
 public:
  // Empties the list and makes room for `capacity` elements.
  void Reset(size_t capacity) {
    if (capacity > capacity_) {
      capacity_ = std::max(capacity, 2 * capacity_);
      data_.reset(new T[capacity_]);
    }
    size_ = 0;
  }
  // Appends `value`; there must be room for it.
  void push_back(const T& value) { data_[size_++] = value; }
  size_t size() const { return size_; }
  size_t capacity() const { return capacity_; }
  const T* begin() const { return data_.get(); }
  const T* end() const { return data_.get() + size_; }
  absl::Span<const T> span() const { return {data_.get(), size_}; }

 private:
  std::unique_ptr<T[]> data_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

// What reading the words of an article derives of them, with the indices
// of the few tokens the later passes look at; the tokens themselves stay
// in the Document. Indices count the tokens of the article's sentences,
// one sentence after the other. One per thread, reused from article to
// article so that its buffers keep their storage.
class ArticleWords {
 public:
  // Indices of the name words, in order.
  BoundedList<size_t> name_words;
  // Indices of the person pronouns ("he", "she"), in order; only when
  // pronouns are read.
  BoundedList<size_t> pronouns;
  // The capitalized words that open a sentence or quotation, in order.
  BoundedList<TokenRef> initial;
  // The other capitalized words, in order.
  BoundedList<const internal::Word*> inside;

  // Makes room for the info of `tokens` tokens, uninitialized, and empties
  // the lists, making room in each for as many tokens.
  void Reset(size_t tokens) {
    if (tokens > info_capacity_) {
      info_capacity_ = std::max(tokens, 2 * info_capacity_);
      info_.reset(new TokenInfo[info_capacity_]);
      scratch_.reset(new uint32_t[2 * info_capacity_]);
    }
    name_words.Reset(tokens);
    pronouns.Reset(tokens);
    initial.Reset(tokens);
    inside.Reset(tokens);
  }

  // The info of the token of index `index`; set only for capitalized
  // words.
  TokenInfo* info(size_t index) { return info_.get() + index; }
  const TokenInfo* info(size_t index) const { return info_.get() + index; }

  // Room for twice as many token positions as there are tokens, for
  // ReadWords' own use: its contents are undefined at each call.
  uint32_t* scratch() { return scratch_.get(); }

  // The key of a word or number: its lowercase text up to the possessive
  // ending (Words::key). A view of its folded form or, for the few tokens
  // whose folded form is not their lowercase text (NeedsLoweredKey), of a
  // copy that is valid until the next such key is made.
  // Inline for the common word, its folded form whole; the rest out of
  // line.
  ABSL_ATTRIBUTE_ALWAYS_INLINE absl::string_view Key(
      absl::string_view text, const internal::Word& token) const {
    if (ABSL_PREDICT_TRUE(token.kind == TokenKind::kWord &&
                          token.possessive_bytes == 0 &&
                          !NeedsLoweredKey(token))) {
      return token.folded;
    }
    return OtherKey(text, token);
  }

  // Frees the storage kept for an unusually long article, so that a thread
  // does not hold on to it.
  void ReleaseIfLarge() {
    constexpr size_t kMaxKeptTokens = size_t{1} << 16;
    if (info_capacity_ > kMaxKeptTokens ||
        name_words.capacity() > kMaxKeptTokens) {
      *this = ArticleWords();
    }
  }

 private:
  // Key(text, token) of a token with a possessive ending, of a number, or
  // of a word whose folded form is not its lowercase text.
  ABSL_ATTRIBUTE_NOINLINE absl::string_view OtherKey(
      absl::string_view text, const internal::Word& token) const {
    if (!NeedsLoweredKey(token)) return FoldedKey(text, token);
    const size_t size = token.end - token.begin - SuffixBytes(text, token);
    lowered_.resize(size);
    for (size_t k = 0; k < size; ++k) {
      lowered_[k] = absl::ascii_tolower(
          static_cast<unsigned char>(text[token.begin + k]));
    }
    return lowered_;
  }

  // One per token (info()); the first info_capacity_ are allocated, and
  // twice as many positions of scratch().
  std::unique_ptr<TokenInfo[]> info_;
  std::unique_ptr<uint32_t[]> scratch_;
  size_t info_capacity_ = 0;
  // The last key made a lowercase copy of.
  mutable std::string lowered_;
};

class InitialWordMarker;

// The words of one sentence: the document's tokens, read in place, with
// what ReadWords and an InitialWordMarker derived of them. A view: the
// tokens, the ArticleWords and the marker must outlive it.
class Words {
 public:
  Words(absl::string_view text, const std::vector<internal::Word>& tokens,
        size_t base, const ArticleWords* article, InitialWordMarker* marker)
      : text_(text),
        tokens_(tokens.data()),
        size_(tokens.size()),
        info_(article->info(base)),
        article_(article),
        marker_(marker) {}

  size_t size() const { return size_; }
  // Byte range of token i in the text.
  size_t begin(size_t i) const { return tokens_[i].begin; }
  size_t end(size_t i) const { return tokens_[i].end; }
  // End of the name part of token i: before a possessive "’s".
  size_t name_end(size_t i) const {
    const internal::Word& token = tokens_[i];
    if (token.kind == TokenKind::kWord && token.possessive_bytes == 0) {
      return token.end;
    }
    return token.end - SuffixBytes(text_, token);
  }
  // A word token (letters first); numbers and punctuation are not.
  bool is_word(size_t i) const { return tokens_[i].kind == TokenKind::kWord; }
  bool is_number(size_t i) const {
    return tokens_[i].kind == TokenKind::kNumber;
  }
  // A hyphenated word whose last part starts in lowercase
  // ("Nineteen-year-old", "Well-known"): a common word, not a name.
  bool lowercase_after_hyphen(size_t i) const {
    const size_t begin = tokens_[i].begin;
    const size_t end = tokens_[i].end;
    for (size_t k = end; k > begin + 1; --k) {
      if (text_[k - 2] == '-') {
        return absl::ascii_islower(static_cast<unsigned char>(text_[k - 1]));
      }
    }
    return false;
  }
  // A word that starts with an uppercase letter.
  bool capitalized(size_t i) const {
    return is_word(i) && tokens_[i].capitalized;
  }
  bool lowercase_word(size_t i) const {
    return is_word(i) && !tokens_[i].capitalized;
  }
  // Whether token i is a capitalized word for which ReadWords or
  // InitialWordMarker set `flag`.
  bool has(size_t i, TokenFlag flag) const {
    return capitalized(i) && (info_[i].flags & flag) != 0;
  }
  // Whether token i, an initial name word (kInitial, kNameWord), is
  // written in lowercase elsewhere in the document
  // (InitialWordMarker::WrittenInLowercase).
  bool written_in_lowercase(size_t i) const;
  // A word after which a name ends: "Okafor’s", or "Reynolds" before an
  // apostrophe ("Reynolds’ office").
  bool possessive(size_t i) const {
    const internal::Word& token = tokens_[i];
    if (token.kind != TokenKind::kWord) return false;
    if (token.possessive_bytes != 0 && SuffixBytes(text_, token) != 0) {
      return true;
    }
    const char last = text_[token.end - 1];
    return (last == 's' || last == 'S') && i + 1 < size_ &&
           tokens_[i + 1].begin == token.end && IsApostrophe(punct(i + 1));
  }
  // The character of a punctuation token, else 0.
  char32_t punct(size_t i) const {
    const internal::Word& token = tokens_[i];
    if (token.kind != TokenKind::kPunct) return 0;
    const auto lead = static_cast<unsigned char>(text_[token.begin]);
    if (lead < 0x80) return lead;
    int length = 0;
    return base::DecodeUtf8(text_, token.begin, &length);
  }
  // The lowercase text of a word or number up to name_end(i): its folded
  // form, or a lowercase copy of its text when folding changed its length
  // (typographic apostrophes are kept), valid until the next such copy is
  // made (ArticleWords::Key). Empty for punctuation.
  absl::string_view key(size_t i) const {
    const internal::Word& token = tokens_[i];
    if (token.kind == TokenKind::kPunct) return absl::string_view();
    return article_->Key(text_, token);
  }
  // FactsOf(key(i)): kept for capitalized words, else looked up.
  const WordFacts& facts(size_t i) const {
    if (capitalized(i)) return info_[i].facts;
    return LookUpFacts(i);
  }
  std::optional<TitleClass> title(size_t i) const { return facts(i).title; }
  // Whether tokens [first, last] are written with single spaces or nothing
  // between them: the text from the first to the last is then its own
  // CollapseSpaces (tokens hold no white space).
  bool SingleSpaced(size_t first, size_t last) const {
    for (size_t i = first; i < last; ++i) {
      const size_t gap = tokens_[i + 1].begin - tokens_[i].end;
      if (gap > 1 || (gap == 1 && text_[tokens_[i].end] != ' ')) return false;
    }
    return true;
  }
  // Whether token i is a period.
  bool is_period(size_t i) const {
    return tokens_[i].kind == TokenKind::kPunct &&
           text_[tokens_[i].begin] == '.';
  }

 private:
  // FactsOf(key(i)), out of line: rarely asked.
  ABSL_ATTRIBUTE_NOINLINE const WordFacts& LookUpFacts(size_t i) const {
    return FactsOf(key(i));
  }

  absl::string_view text_;
  const internal::Word* tokens_;
  size_t size_;
  // The info of token 0.
  const TokenInfo* info_;
  const ArticleWords* article_;
  InitialWordMarker* marker_;
};

// A single capital letter followed by a period: an initial ("A. Okafor").
bool IsInitialLetter(const Words& words, size_t i) {
  return words.capitalized(i) && words.end(i) - words.begin(i) == 1 &&
         i + 1 < words.size() && words.punct(i + 1) == '.' &&
         words.begin(i + 1) == words.end(i);
}

// A capitalized word `i` that is no name (IsNonName).
bool IsNonName(const Words& words, size_t i) {
  const WordFacts& facts = words.facts(i);
  return facts.non_name || (words.has(i, kInitial) && facts.initial_non_name);
}

// Whether a punctuation token of a non-ASCII character opens a quotation
// (OpensQuotation). Out of line: most punctuation is ASCII.
ABSL_ATTRIBUTE_NOINLINE bool ReadOtherPunct(absl::string_view text,
                                            const internal::Word& token) {
  int length = 0;
  return OpensQuotation(base::DecodeUtf8(text, token.begin, &length));
}

// Whether the word `t` of a sentence whose first token is `first` opens
// the sentence or a quotation: no word or number comes before it in the
// sentence, or one of the punctuation tokens after the last one that does
// is an opening mark or colon (OpensQuotation). Most words follow a word
// or open the sentence: that is told inline, the rest out of line.
ABSL_ATTRIBUTE_NOINLINE bool OpensSentenceOrQuotationSlow(
    absl::string_view text, const internal::Word* first,
    const internal::Word* t) {
  while (t != first) {
    --t;
    if (t->kind != TokenKind::kPunct) return false;
    const auto lead = static_cast<unsigned char>(text[t->begin]);
    if (lead < 0x80 ? OpensQuotation(lead) : ReadOtherPunct(text, *t)) {
      return true;
    }
  }
  return true;
}

inline bool OpensSentenceOrQuotation(absl::string_view text,
                                     const internal::Word* first,
                                     const internal::Word* t) {
  if (t == first) return true;
  if (t[-1].kind != TokenKind::kPunct) return false;
  return OpensSentenceOrQuotationSlow(text, first, t);
}

// Reads capitalized word `t` of a sentence whose first token is `first`
// and last `last` - 1, of index `index` in the article: looks its facts up,
// sets its TokenInfo and lists it in `article` as an initial or other
// capitalized word and, if it is one, a name word. Inline: a call would
// cost a quarter of its work.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline void ReadCapitalized(
    absl::string_view text, const FactsIndex& facts,
    const internal::Word* first, const internal::Word* last,
    const internal::Word* t, size_t index, ArticleWords* article) {
  const bool initial = OpensSentenceOrQuotation(text, first, t);
  const WordFacts* const found = facts.Find(article->Key(text, *t));
  const WordFacts& word = found != nullptr ? *found : kNoFacts;
  uint8_t flags = 0;
  if (initial) {
    flags = kInitial;
    article->initial.push_back({t, index});
  } else {
    article->inside.push_back(t);
  }
  // A name word: not a non-name (IsNonName), or an initial, a capital and
  // a period right after it, even when the letter is a non-name ("A.
  // Okafor").
  if (!(word.non_name || (initial && word.initial_non_name)) ||
      (t->end - t->begin == 1 && t + 1 != last &&
       t[1].kind == TokenKind::kPunct && t[1].begin == t->end &&
       text[t->end] == '.')) {
    flags |= kNameWord;
    article->name_words.push_back(index);
  }
  *article->info(index) = {word, flags, 0};
}

// Reads the tokens of a sentence (Document::sentence_words), the first of
// index `base`: reads its capitalized words (ReadCapitalized) and, when
// `kPronouns`, lists its person pronouns in `article`. The positions of
// the capitalized words, and of the words that may be pronouns, are
// listed first, without a branch per token (where capitals fall is not
// predictable), then read; most words are ruled out as pronouns by their
// folded form before their key is made.
template <bool kPronouns>
void ReadWords(absl::string_view text,
               const std::vector<internal::Word>& tokens, size_t base,
               ArticleWords* article) {
  const Lexicons& lex = Lex();
  const internal::Word* const first = tokens.data();
  const internal::Word* const last = first + tokens.size();
  // Each position is written, and the count advanced by the token's bit:
  // each list holds the positions whose bit is set, in order.
  uint32_t* const capitals = article->scratch();
  uint32_t* const candidates = capitals + tokens.size();
  uint32_t* out = capitals;
  uint32_t* candidate = candidates;
  const uint32_t* const folded_sizes = lex.person_pronoun_folded_sizes;
  uint32_t i = 0;
  // Unrolled: the loop's own test and increments cost as much as its body.
#pragma GCC unroll 4
  for (const internal::Word* t = first; t != last; ++t, ++i) {
    out[0] = i;
    out += t->capitalized;
    if (kPronouns) {
      // The key of a word token starts with the first byte of its folded
      // form (a letter's), and is a pronoun's only if the folded form is
      // as long as the pronoun or its possessive.
      const uint32_t sizes =
          folded_sizes[static_cast<unsigned char>(t->folded[0])];
      candidate[0] = i;
      candidate += (sizes >> (t->folded.size() % 32)) & 1;
    }
  }
  for (const uint32_t* c = capitals; c != out; ++c) {
    const internal::Word* const word = first + *c;
    if (word->kind == TokenKind::kWord) {
      ReadCapitalized(text, lex.facts_index, first, last, word, base + *c,
                      article);
    }
  }
  for (const uint32_t* c = candidates; c != candidate; ++c) {
    const internal::Word* const word = first + *c;
    if (word->kind == TokenKind::kWord &&
        IsPersonPronoun(lex, article->Key(text, *word))) {
      article->pronouns.push_back(base + *c);
    }
  }
}

// Marks what the rest of the article says of the name words that open a
// sentence or quotation, which TrimInitialWord asks about: whether the
// article also capitalizes them not sentence-initially (kCapitalizedInside,
// set by Mark), and whether it writes them in lowercase
// (WrittenInLowercase, asked of few and found when first asked). Each
// other capitalized word of the article (ArticleWords::inside), and when
// asked each word, is first tested against the first bytes and folded
// lengths of those keys, which rules out most; the keys of the rest are
// chained by KeyBit. One per thread, reused from article to article so
// that its tables keep their storage.
class InitialWordMarker {
 public:
  InitialWordMarker() : first_(kNoKeyBit, -1), lengths_(256, 0) {}

  // Marks the initial name words of `doc`, read into `article`: sets
  // kCapitalizedInside and TokenInfo::initial_key. Both must outlive the
  // next Clear.
  void Mark(const Document& doc, ArticleWords* article) {
    doc_ = &doc;
    article_ = article;
    lowercase_found_ = false;
    keys_.clear();
    key_text_.clear();
    const absl::string_view text = doc.text;
    for (const TokenRef& ref : article->initial) {
      TokenInfo& info = *article->info(ref.index);
      if ((info.flags & kNameWord) == 0) continue;
      info.initial_key = AddKey(text, *ref.token);
    }
    if (keys_.empty()) return;
    const uint32_t* const lengths = lengths_.data();
    for (const internal::Word* t : article->inside) {
      const uint32_t bits = lengths[static_cast<unsigned char>(t->folded[0])];
      if (ABSL_PREDICT_FALSE((bits >> (t->folded.size() % 32)) & 1)) {
        Find(text, *t);
      }
    }
    for (const TokenRef& ref : article->initial) {
      TokenInfo& info = *article->info(ref.index);
      if ((info.flags & kNameWord) != 0 &&
          (keys_[info.initial_key].found & kFoundCapitalized) != 0) {
        info.flags |= kCapitalizedInside;
      }
    }
  }

  // Whether the article writes the word of `info`, that of an initial name
  // word, in lowercase. The first question of an article reads all its
  // tokens and answers for every key.
  bool WrittenInLowercase(const TokenInfo& info) {
    if (!lowercase_found_) {
      lowercase_found_ = true;
      FindLowercase();
    }
    return (keys_[info.initial_key].found & kFoundLowercase) != 0;
  }

  // Readies the tables for the next article.
  void Clear() {
    for (size_t k = 0; k < keys_.size(); ++k) {
      first_[KeyBit(KeyAt(static_cast<int>(k)))] = -1;
    }
    for (const TokenRef& ref : article_->initial) {
      lengths_[static_cast<unsigned char>(ref.token->folded[0])] = 0;
    }
    // The lists of an article of unusually many initial name words are
    // not kept.
    constexpr size_t kMaxKeptKeys = size_t{1} << 14;
    if (keys_.capacity() > kMaxKeptKeys) {
      std::vector<InitialKey>().swap(keys_);
      std::string().swap(key_text_);
    }
    doc_ = nullptr;
    article_ = nullptr;
  }

 private:
  enum : uint8_t { kFoundCapitalized = 1, kFoundLowercase = 2 };

  struct InitialKey {
    // The key is key_text_[offset, offset + size).
    size_t offset;
    size_t size;
    // The next key with the same KeyBit, or -1.
    int next;
    // kFoundCapitalized, kFoundLowercase.
    uint8_t found;
  };

  absl::string_view KeyAt(int k) const {
    return absl::string_view(key_text_).substr(keys_[k].offset, keys_[k].size);
  }

  // Adds the key of initial name word `token` unless it is there; returns
  // its index in keys_.
  uint32_t AddKey(absl::string_view text, const internal::Word& token) {
    const absl::string_view key = article_->Key(text, token);
    const uint16_t bit = KeyBit(key);
    int k = first_[bit];
    while (k >= 0 && KeyAt(k) != key) k = keys_[k].next;
    if (k >= 0) return static_cast<uint32_t>(k);
    k = static_cast<int>(keys_.size());
    keys_.push_back({key_text_.size(), key.size(), first_[bit], 0});
    key_text_.append(key.data(), key.size());
    first_[bit] = k;
    // The folded form of the key: that of the word without its possessive
    // ending, which folds to "'s".
    const size_t folded =
        token.folded.size() - (SuffixBytes(text, token) != 0 ? 2 : 0);
    lengths_[static_cast<unsigned char>(token.folded[0])] |=
        uint32_t{1} << (folded % 32) | uint32_t{1} << ((folded + 2) % 32);
    return static_cast<uint32_t>(k);
  }

  // Notes that the key of `token` is found, capitalized or in lowercase as
  // the token is, if it is one of the keys. Asked of words that share a
  // key's first byte and folded length: words of other keys too.
  ABSL_ATTRIBUTE_NOINLINE void Find(absl::string_view text,
                                    const internal::Word& token) {
    const absl::string_view key = article_->Key(text, token);
    for (int k = first_[KeyBit(key)]; k >= 0; k = keys_[k].next) {
      if (KeyAt(k) == key) {
        keys_[k].found |=
            token.capitalized ? kFoundCapitalized : kFoundLowercase;
        return;
      }
    }
  }

  // Notes the keys that a lowercase word of the article has. Each token is
  // tested against the filter first: it rules out most, and punctuation
  // and numbers (no key starts with a digit or punctuation, but one may
  // start with the lead byte of a quote mark) are ruled out after it.
  void FindLowercase() {
    if (keys_.empty()) return;
    const absl::string_view text = doc_->text;
    const uint32_t* const lengths = lengths_.data();
    for (const std::vector<internal::Word>& sentence : doc_->sentence_words) {
      for (const internal::Word& t : sentence) {
        const uint32_t bits = lengths[static_cast<unsigned char>(t.folded[0])];
        if (ABSL_PREDICT_FALSE((bits >> (t.folded.size() % 32)) & 1) &&
            t.kind == TokenKind::kWord && !t.capitalized) {
          Find(text, t);
        }
      }
    }
  }

  // The article being read, between Mark and Clear.
  const Document* doc_ = nullptr;
  const ArticleWords* article_ = nullptr;
  // Whether FindLowercase ran for the article.
  bool lowercase_found_ = false;
  // The distinct keys of the initial name words, one after the other in
  // key_text_; first_[b] is the first of those with KeyBit b, or -1.
  // lengths_[c] has bit (n % 32) for each key of first byte c whose folded
  // form is n bytes long, and for n + 2, that of its possessive
  // ("okafor's"): a word's key starts with the byte its folded form starts
  // with (the first byte of a letter), and is a key only if its folded
  // form is that of the key or of its possessive. Every entry of first_ is
  // -1 and of lengths_ 0 between articles.
  std::vector<InitialKey> keys_;
  std::string key_text_;
  std::vector<int> first_;
  std::vector<uint32_t> lengths_;
};

bool Words::written_in_lowercase(size_t i) const {
  return marker_->WrittenInLowercase(info_[i]);
}

// ---------------------------------------------------------------------------
// Name chunks.

// A period that belongs to the word before it ("Mr.", "A.").
inline bool IsAbbreviationDot(const Words& words, size_t i) {
  if (i == 0 || i >= words.size() || !words.is_period(i)) return false;
  if (words.end(i - 1) != words.begin(i)) return false;
  return words.title(i - 1).has_value() || IsInitialLetter(words, i - 1);
}

// A maximal run of name words, with particles ("van der"), connectors
// inside organisation names ("Ministry of Finance") and abbreviation dots.
// Indices into the sentence's words of the words of a name: name words and
// connectors, in order, at most kMaxNameWords: kept in a fixed array,
// appended to without a test of capacity.
class Parts {
 public:
  // Appends `i`; there must be fewer than kMaxNameWords parts.
  void push_back(size_t i) { data_[size_++] = i; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  size_t operator[](size_t p) const { return data_[p]; }
  size_t front() const { return data_[0]; }
  size_t back() const { return data_[size_ - 1]; }
  // Keeps the first `n` parts; `n` is at most size().
  void Truncate(size_t n) { size_ = n; }
  // Drops the first `n` parts; `n` is at most size().
  void DropFront(size_t n) {
    for (size_t p = n; p < size_; ++p) data_[p - n] = data_[p];
    size_ -= n;
  }
  absl::Span<const size_t> span() const { return {data_, size_}; }

 private:
  size_t data_[kMaxNameWords];
  size_t size_ = 0;
};

struct Chunk {
  Parts parts;
};

// An organisation or place word ("Ministry", "Republic"), after which an
// organisation connector joins a name ("Ministry of Finance").
bool IsOrgOrPlaceWord(const Words& words, size_t i) {
  const NameClass cls = words.facts(i).name_class;
  return cls == NameClass::kOrganization || cls == NameClass::kPlace;
}

// Grows a chunk that starts at name word `start`, up to kMaxNameWords
// parts; returns the index of the first word after it.
size_t GrowChunk(const Words& words, size_t start, Chunk* chunk) {
  chunk->parts.push_back(start);
  // Whether one of the parts is an organisation or place word.
  bool org_or_place = IsOrgOrPlaceWord(words, start);
  size_t last = start;
  while (!words.possessive(last) && chunk->parts.size() < kMaxNameWords) {
    size_t next = last + 1;
    if (next < words.size() && IsAbbreviationDot(words, next)) ++next;
    if (next >= words.size()) return next;
    if (words.has(next, kNameWord)) {
      chunk->parts.push_back(next);
      org_or_place = org_or_place || IsOrgOrPlaceWord(words, next);
      last = next;
      continue;
    }
    // Lowercase joiners before the next name word: particles ("von der")
    // or one connector after an organisation or place word ("of").
    size_t resume = next;
    while (resume < words.size() && words.lowercase_word(resume) &&
           IsParticle(words.key(resume))) {
      ++resume;
    }
    if (resume == next && words.lowercase_word(next) && org_or_place &&
        words.facts(next).org_connector) {
      ++resume;
    }
    if (resume == next || resume >= words.size() ||
        !words.has(resume, kNameWord) ||
        chunk->parts.size() + (resume - next + 1) > kMaxNameWords) {
      return next;
    }
    for (size_t j = next; j <= resume; ++j) {
      chunk->parts.push_back(j);
      org_or_place = org_or_place || IsOrgOrPlaceWord(words, j);
    }
    last = resume;
  }
  return last + 1;
}

bool IsReportingVerb(const Words& words, size_t i) {
  if (i >= words.size() || !words.is_word(i)) return false;
  const Lexicons& lex = Lex();
  const absl::string_view key = words.key(i);
  return lex.reporting_verb_filter.MayContain(key) &&
         lex.reporting_verbs.contains(key);
}

bool IsDemonym(const Words& words, size_t i) {
  if (words.facts(i).demonym) return true;
  const Lexicons& lex = Lex();
  const absl::string_view key = words.key(i);
  // Most words are ruled out by their last byte.
  if (key.empty() ||
      !lex.demonym_suffix_end[static_cast<unsigned char>(key.back())]) {
    return false;
  }
  for (const std::string& suffix : lex.demonym_suffixes) {
    if (key.size() > suffix.size() + 2 && absl::EndsWith(key, suffix)) {
      return true;
    }
  }
  return false;
}

// A one-word chunk used as an adjective: "Valdorian gas", "French wine".
bool IsAdjectiveUse(const Words& words, const Chunk& chunk) {
  if (chunk.parts.size() != 1) return false;
  const size_t i = chunk.parts[0];
  const size_t next = i + 1;
  // The tests of the words themselves first: the lexicons are asked last.
  if (words.possessive(i) || next >= words.size() || !words.is_word(next) ||
      words.capitalized(next)) {
    return false;
  }
  return IsDemonym(words, i) && !IsReportingVerb(words, next);
}

// Drops what position alone capitalized at the start of a chunk that opens
// a sentence or quotation: "Crowds gathered", "Environmental groups". A
// capitalized word that the article also capitalizes elsewhere is a name.
// Returns false when nothing of the chunk is left.
bool TrimInitialWord(const Words& words, Chunk* chunk) {
  const size_t first = chunk->parts[0];
  if (!words.has(first, kInitial) || words.has(first, kCapitalizedInside)) {
    return true;
  }
  // A title opening a name ("President Ada Okafor", "Prime Minister ...")
  // is capitalized anyway.
  const std::optional<TitleClass> title = words.title(first);
  if (title.has_value() &&
      (title != TitleClass::kModifier ||
       (chunk->parts.size() > 1 && words.title(chunk->parts[1]).has_value()))) {
    return true;
  }
  if (chunk->parts.size() == 1) {
    // A lone word: a name only when it is known as a place or speaks
    // ("Burton said", "Okafor: “...").
    const size_t next = first + 1;
    return words.facts(first).place || IsReportingVerb(words, next) ||
           (next + 1 < words.size() && words.punct(next) == ':' &&
            IsOpeningMark(words.punct(next + 1)));
  }
  if (!words.written_in_lowercase(first) &&
      !words.lowercase_after_hyphen(first)) {
    return true;
  }
  // A common word: drop it, and a connector that followed it.
  size_t drop = 1;
  while (drop < chunk->parts.size() && !words.capitalized(chunk->parts[drop])) {
    ++drop;
  }
  chunk->parts.DropFront(drop);
  return !chunk->parts.empty();
}

// ---------------------------------------------------------------------------
// Roles.

// A role given with a name: a byte range of the text, empty for none. Its
// text is the range with white space collapsed (CollapseSpaces), made only
// for the role an entity keeps.
struct Role {
  size_t begin = 0;
  size_t end = 0;

  bool empty() const { return begin == end; }
};

// The role of words [first, last] of a sentence.
Role RoleOf(const Words& words, size_t first, size_t last) {
  return {words.begin(first), words.end(last)};
}

// The leftmost word of a role that ends with word `head`: modifiers, role
// words and capitalized words before it ("Helvik port director", "Finance
// Ministry spokeswoman"), and at most one possessive ("Estmark’s foreign
// minister"); at most kMaxNameWords words in all.
size_t RoleStart(const Words& words, size_t head) {
  size_t start = head;
  while (start > 0 && head - start + 1 < kMaxNameWords) {
    const size_t w = start - 1;
    if (!words.is_word(w)) break;
    const std::optional<TitleClass> cls = words.title(w);
    const bool title = cls.has_value() && cls != TitleClass::kHonorific;
    const bool name = words.capitalized(w) && !IsNonName(words, w);
    if (!title && !name) break;
    if (words.possessive(w)) {
      --start;
      break;
    }
    --start;
  }
  return start;
}

// The text without leading and trailing white space, each run of white
// space inside it replaced by one space.
std::string CollapseSpaces(absl::string_view text) {
  const auto is_space = [&text](size_t i) {
    return absl::ascii_isspace(static_cast<unsigned char>(text[i]));
  };
  // Most names and roles are written with single spaces between words and
  // none at either end: the text is its own result.
  bool collapsed = true;
  for (size_t i = 0; i < text.size() && collapsed; ++i) {
    if (is_space(i)) {
      collapsed = text[i] == ' ' && i > 0 && i + 1 < text.size() &&
                  !is_space(i + 1);
    }
  }
  if (collapsed) return std::string(text);
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(i)) ++i;
    const size_t word = i;
    while (i < text.size() && !is_space(i)) ++i;
    if (i == word) break;
    if (!out.empty()) out.push_back(' ');
    out.append(text.data() + word, i - word);
  }
  return out;
}

// Whether `word` is all ASCII digits ("47").
bool IsDigits(absl::string_view word) {
  if (word.empty()) return false;
  for (char c : word) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// An appositive after a name: "Tomas Berg, a senior fellow at the Baltic
// Policy Institute in Riga, said". It starts after the comma at `comma`,
// holds a role word among its first words and ends at the next comma or at
// the end of the sentence.
Role AppositiveAfter(const Words& words, size_t comma) {
  constexpr size_t kMaxWords = 16;
  constexpr size_t kHeadWithin = 4;
  if (comma >= words.size() || words.punct(comma) != ',') return Role();
  // "Marit Ellingsen, 47, a nurse at ...": past an age.
  if (comma + 2 < words.size() && words.punct(comma + 2) == ',' &&
      words.is_number(comma + 1) && IsDigits(words.key(comma + 1))) {
    comma += 2;
  }
  const size_t first = comma + 1;
  size_t last = first;
  bool has_head = false;
  size_t i = first;
  for (; i < words.size() && i < first + kMaxWords; ++i) {
    const char32_t punct = words.punct(i);
    if (punct == ',' || punct == ';' || IsOpeningMark(punct) ||
        punct == 0x201D || punct == 0x2014 || punct == 0x2013) {
      break;
    }
    if (punct == '.' && i + 1 == words.size()) break;  // sentence end
    if (words.is_word(i) && i < first + kHeadWithin &&
        IsRoleHead(words.facts(i))) {
      has_head = true;
    }
    last = i;
  }
  const bool closed =
      i == words.size() || words.punct(i) == ',' || words.punct(i) == '.';
  if (!has_head || !closed || last < first || !words.is_word(first)) {
    return Role();
  }
  // A noun phrase: "a senior fellow", "its director", "Estmark’s foreign
  // minister", "54, a shopkeeper", "chairman of ..." — not a clause ("met
  // the regional governor").
  const bool noun_phrase = Lex().determiners.contains(words.key(first)) ||
                           words.capitalized(first) ||
                           words.possessive(first) ||
                           words.title(first).has_value();
  if (!noun_phrase) return Role();
  return RoleOf(words, first, last);
}

// ---------------------------------------------------------------------------
// Mentions before clustering.

struct RawMention {
  size_t begin = 0;
  size_t end = 0;
  // The name's form key (FormKey of its lowercase words, connectors
  // included): MentionBuffers::keys[key_begin, key_begin + key_size).
  size_t key_begin = 0;
  size_t key_size = 0;
  // How many words the name has.
  size_t word_count = 0;
  // Its text is written with single spaces: it is its own CollapseSpaces.
  bool plain = false;
  // With EntityIndexOptions::attribution only: the role given with the
  // name, or none.
  Role role;
  // With attribution only: the sentence of the name.
  int sentence = 0;
  // The class given by the last organisation, place or event word of the
  // name: "Harbor Times" is an organisation, "Lundby Congress Centre" a
  // place.
  NameClass name_class = NameClass::kNone;
  // One of the words is an organisation connector ("of").
  bool has_connector = false;
  // With attribution only: a title, role or honorific goes with the name.
  bool titled = false;
  // With attribution only: right after "in", "to", "from", ..., or "of"
  // after a titled person ("President Ada Okafor of Valdoria").
  bool after_place_preposition = false;
  // With attribution only: right after an office and "of" ("the mayor of
  // Port Selwyn", "Governor of Texas"): what the office is of, a place or
  // an organisation, never the person holding it.
  bool office_of = false;
  // With attribution only: "Okafor’s", a possessor, rarely the one a
  // pronoun stands for.
  bool possessive = false;
};

// Offsets of "he said", "said she": a person pronoun next to a reporting
// verb, with the sentence it is in.
struct PronounAttribution {
  size_t offset = 0;
  int sentence = 0;
};

// Copies `n` bytes from `from` to `to`. Words of up to 16 bytes, most of
// them, are copied with two loads and two stores, overlapping where n is
// not 4, 8 or 16, without a call.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline void CopyBytes(const char* from, size_t n,
                                                   char* to) {
  if (n >= 8 && n <= 16) {
    uint64_t head, tail;
    std::memcpy(&head, from, 8);
    std::memcpy(&tail, from + n - 8, 8);
    std::memcpy(to, &head, 8);
    std::memcpy(to + n - 8, &tail, 8);
  } else if (n >= 4 && n < 8) {
    uint32_t head, tail;
    std::memcpy(&head, from, 4);
    std::memcpy(&tail, from + n - 4, 4);
    std::memcpy(to, &head, 4);
    std::memcpy(to + n - 4, &tail, 4);
  } else if (n > 0 && n < 4) {
    // The first, middle and last byte cover 1 to 3 bytes.
    to[0] = from[0];
    to[n / 2] = from[n / 2];
    to[n - 1] = from[n - 1];
  } else if (n > 16) {
    std::memcpy(to, from, n);
  }
}

// The mentions of an article and what comes with them. One per thread,
// reused from article to article so that its buffers keep their storage.
class MentionBuffers {
 public:
  // Every name mention, in text order.
  std::vector<RawMention> mentions;
  // With attribution only: the pronoun attributions, in text order.
  std::vector<PronounAttribution> pronouns;

  // The form key of mention `m`: valid until the next Clear.
  absl::string_view KeyOf(const RawMention& m) const {
    return absl::string_view(keys_.get() + m.key_begin, m.key_size);
  }

  // The size of the keys so far: where the next key begins.
  size_t key_end() const { return key_size_; }

  // Appends `bytes` to the keys. Room is made at Clear for the keys of an
  // article: a mention's key is no longer than its text (words are no
  // longer than their tokens, and tokens of a name are apart), and
  // mentions do not overlap.
  void AppendKey(absl::string_view bytes) {
    if (ABSL_PREDICT_FALSE(key_size_ + bytes.size() > key_capacity_)) {
      Grow(key_size_ + bytes.size());
    }
    CopyBytes(bytes.data(), bytes.size(), keys_.get() + key_size_);
    key_size_ += bytes.size();
  }

  // Appends a space, which joins the words of a key.
  void AppendSpace() {
    if (ABSL_PREDICT_FALSE(key_size_ == key_capacity_)) Grow(key_size_ + 1);
    keys_[key_size_++] = ' ';
  }

  // Forgets the mentions and makes room for the keys of the mentions of a
  // text of `text_size` bytes.
  void Clear(size_t text_size) {
    mentions.clear();
    pronouns.clear();
    key_size_ = 0;
    if (text_size > key_capacity_) Grow(text_size);
  }

  // Frees the storage kept for an article of unusually many mentions.
  void ReleaseIfLarge() {
    constexpr size_t kMaxKeptMentions = size_t{1} << 14;
    constexpr size_t kMaxKeptBytes = size_t{1} << 20;
    if (mentions.capacity() > kMaxKeptMentions ||
        key_capacity_ > kMaxKeptBytes ||
        pronouns.capacity() > kMaxKeptMentions) {
      *this = MentionBuffers();
    }
  }

 private:
  // Makes room for at least `size` bytes of keys, keeping those there.
  void Grow(size_t size) {
    const size_t capacity = std::max(size, 2 * key_capacity_);
    std::unique_ptr<char[]> keys(new char[capacity]);
    if (key_size_ > 0) std::memcpy(keys.get(), keys_.get(), key_size_);
    keys_ = std::move(keys);
    key_capacity_ = capacity;
  }

  // The form keys of the mentions, one after the other: key_size_ bytes of
  // key_capacity_.
  std::unique_ptr<char[]> keys_;
  size_t key_size_ = 0;
  size_t key_capacity_ = 0;
};

// Splits a chunk into its leading role words ("Prime Minister") and the
// name after them. Returns the position in `parts` where the name starts
// (0 when there is no title, or when the chunk ends with an organisation
// or place word: "General Assembly", "Queen Mary University").
size_t NameStart(const Words& words, const Chunk& chunk) {
  if (chunk.parts.size() == 0 ||
      words.facts(chunk.parts[chunk.parts.size() - 1]).name_class !=
          NameClass::kNone) {
    return 0;
  }
  size_t start = 0;
  for (size_t p = 0; p + 1 < chunk.parts.size(); ++p) {
    const std::optional<TitleClass> cls = words.title(chunk.parts[p]);
    if (!cls.has_value() || cls == TitleClass::kModifier) continue;
    // A title with a name word after it.
    for (size_t q = p + 1; q < chunk.parts.size(); ++q) {
      if (!words.title(chunk.parts[q]).has_value()) {
        start = p + 1;
        break;
      }
    }
  }
  return start;
}

// Drops the role words that end a chunk with no name after them: "the
// Estmark Prime Minister said" leaves "Estmark". Returns false when the
// chunk does not end with a role word.
bool DropTrailingTitle(const Words& words, Parts* name) {
  size_t keep = name->size();
  while (keep > 0) {
    const std::optional<TitleClass> cls = words.title((*name)[keep - 1]);
    if (!cls.has_value() || cls == TitleClass::kModifier) break;
    --keep;
  }
  if (keep == name->size()) return false;
  while (keep > 0 && words.title((*name)[keep - 1]) == TitleClass::kModifier) {
    --keep;
  }
  name->Truncate(keep);
  return true;
}

// Finds the names of the sentences of an article and adds them to a
// MentionBuffers. With `attribution`, also the roles, titles and places
// that go with them.
class MentionCollector {
 public:
  MentionCollector(bool attribution, MentionBuffers* out)
      : attribution_(attribution), out_(out) {}

  // Adds the names of a sentence. `name_words` are the indices of its name
  // words, in order, less `base`: the chunks start at them.
  void AddSentence(const Words& words, absl::Span<const size_t> name_words,
                   size_t base, int sentence) {
    size_t i = 0;
    for (const size_t name_word : name_words) {
      if (name_word - base < i) continue;  // inside the last chunk
      Chunk chunk;
      i = GrowChunk(words, name_word - base, &chunk);
      AddChunk(words, &chunk, sentence);
    }
  }

 private:
  // Adds the names of `chunk`, which it may change.
  void AddChunk(const Words& words, Chunk* chunk, int sentence) {
    if (!TrimInitialWord(words, chunk)) return;
    if (IsAdjectiveUse(words, *chunk)) return;
    const size_t name_start = NameStart(words, *chunk);
    if (name_start == 0) {
      Parts& name = chunk->parts;
      if (!DropTrailingTitle(words, &name)) {
        const Role role = attribution_
                              ? RoleBefore(words, name.front(), name.back())
                              : Role();
        AddName(words, name.span(), role, false, sentence);
      } else if (!name.empty() &&
                 !(name.size() == 1 && IsDemonym(words, name[0]))) {
        AddName(words, name.span(), Role(), false, sentence);
      }
      return;
    }
    const absl::Span<const size_t> parts = chunk->parts.span();
    const absl::Span<const size_t> title = parts.first(name_start);
    const absl::Span<const size_t> name = parts.subspan(name_start);
    AddPrefixName(words, title, sentence);
    // The role: the title words of the chunk and the role words before it,
    // without honorifics ("Ms." is not a role).
    Role role;
    if (attribution_) {
      size_t head = title.size();
      while (head > 0 &&
             words.title(title[head - 1]) == TitleClass::kHonorific) {
        --head;
      }
      if (head > 0) {
        size_t last = title[head - 1];
        if (IsAbbreviationDot(words, last + 1)) ++last;  // "Sen."
        role = RoleOf(words, RoleStart(words, title[head - 1]), last);
      }
    }
    AddName(words, name, role, true, sentence);
  }

  // A role before a name (words [first, last]) without title words of its
  // own: "Finance Ministry spokeswoman Ilse Marten", or set off by commas,
  // "its director, Per Aalund, said".
  Role RoleBefore(const Words& words, size_t first, size_t last) const {
    if (first == 0) return Role();
    size_t head = first - 1;
    if (words.punct(head) == ',') {
      const bool comma_after =
          last + 1 < words.size() && words.punct(last + 1) == ',';
      if (head == 0 || !comma_after) return Role();
      --head;
    }
    if (!words.is_word(head) || !IsRoleHead(words.facts(head))) return Role();
    return RoleOf(words, RoleStart(words, head), head);
  }

  // The capitalized words before a title inside a chunk, "Estmark" in
  // "Estmark Prime Minister Henrik Solberg", are a name of their own.
  void AddPrefixName(const Words& words, absl::Span<const size_t> title,
                     int sentence) {
    Parts prefix;
    for (size_t i : title) {
      if (words.title(i).has_value()) break;
      prefix.push_back(i);
    }
    if (prefix.empty()) return;
    if (prefix.size() == 1 && IsDemonym(words, prefix[0])) return;
    AddName(words, prefix.span(), Role(), false, sentence);
  }

  void AddName(const Words& words, absl::Span<const size_t> name, Role role,
               bool titled, int sentence) {
    if (name.empty()) return;
    // Asks about the mention before this one: read before adding.
    const bool after_place_preposition =
        attribution_ && AfterPlacePreposition(words, name.front());
    RawMention& m = out_->mentions.emplace_back();
    m.begin = words.begin(name.front());
    m.end = words.name_end(name.back());
    m.plain = words.SingleSpaced(name.front(), name.back());
    // The form key, and the name's class: that of its last word that has
    // one.
    m.key_begin = out_->key_end();
    for (size_t p = 0; p < name.size(); ++p) {
      const size_t i = name[p];
      if (p > 0) out_->AppendSpace();
      out_->AppendKey(words.key(i));
      const WordFacts& facts = words.facts(i);
      m.has_connector |= facts.org_connector;
      if (facts.name_class != NameClass::kNone) m.name_class = facts.name_class;
    }
    m.key_size = out_->key_end() - m.key_begin;
    m.word_count = name.size();
    if (attribution_) {
      const bool person_like = m.name_class == NameClass::kNone;
      if (role.empty() && person_like) {
        role = AppositiveAfter(words, name.back() + 1);
      }
      m.titled = titled || !role.empty();
      m.role = role;
      m.after_place_preposition = after_place_preposition;
      const size_t first = name.front();
      m.office_of = first >= 2 && words.is_word(first - 1) &&
                    words.key(first - 1) == "of" &&
                    words.title(first - 2) == TitleClass::kOffice;
      m.possessive = words.possessive(name.back());
      m.sentence = sentence;
    }
  }

  bool AfterPlacePreposition(const Words& words, size_t first) const {
    if (first == 0 || !words.is_word(first - 1)) return false;
    const absl::string_view before = words.key(first - 1);
    if (IsPlacePreposition(before)) return true;
    // "President Ada Okafor of Valdoria".
    const std::vector<RawMention>& mentions = out_->mentions;
    return before == "of" && first >= 2 && !mentions.empty() &&
           mentions.back().titled &&
           mentions.back().end == words.name_end(first - 2);
  }

  const bool attribution_;
  MentionBuffers* const out_;
};

// ---------------------------------------------------------------------------
// Collecting mentions.

// Adds the attributions of the person pronouns of a sentence, whose
// indices less `base` are `pronoun_words`.
void FindPronounAttributions(const Words& words,
                             absl::Span<const size_t> pronoun_words,
                             size_t base, int sentence,
                             std::vector<PronounAttribution>* out) {
  for (const size_t pronoun_word : pronoun_words) {
    const size_t i = pronoun_word - base;
    // "he said", or "said he" closing the clause (not "said she had").
    const bool verb_after = IsReportingVerb(words, i + 1);
    const bool verb_before = i > 0 && IsReportingVerb(words, i - 1) &&
                             (i + 1 == words.size() || !words.is_word(i + 1));
    if (verb_after || verb_before) out->push_back({words.begin(i), sentence});
  }
}

// Every name mention of the document's sentences, in text order, into
// `out`, and with `attribution` the pronoun attributions among them and
// the roles and titles that go with the names. `words` holds what was read
// of the document's words afterwards; the keys of the mentions are copied
// into `out`.
void CollectMentions(const Document& doc, bool attribution, ArticleWords* words,
                     MentionBuffers* out) {
  const size_t sentences = doc.sentence_words.size();
  // Sentence s is tokens [starts[s], starts[s + 1]) of the article.
  thread_local std::vector<size_t> starts;
  starts.resize(sentences + 1);
  size_t tokens = 0;
  for (size_t s = 0; s < sentences; ++s) {
    starts[s] = tokens;
    tokens += doc.sentence_words[s].size();
  }
  starts[sentences] = tokens;
  words->Reset(tokens);
  for (size_t s = 0; s < sentences; ++s) {
    if (attribution) {
      ReadWords<true>(doc.text, doc.sentence_words[s], starts[s], words);
    } else {
      ReadWords<false>(doc.text, doc.sentence_words[s], starts[s], words);
    }
  }
  thread_local InitialWordMarker marker;
  marker.Mark(doc, words);
  out->Clear(doc.text.size());
  out->mentions.reserve(words->name_words.size());
  MentionCollector collector(attribution, out);
  // The sentences with name words or pronouns, one after the other.
  const absl::Span<const size_t> names = words->name_words.span();
  const absl::Span<const size_t> pronouns = words->pronouns.span();
  size_t name = 0;
  size_t pronoun = 0;
  size_t s = 0;
  while (name < names.size() || pronoun < pronouns.size()) {
    const size_t next =
        std::min(name < names.size() ? names[name] : tokens,
                 pronoun < pronouns.size() ? pronouns[pronoun] : tokens);
    while (starts[s + 1] <= next) ++s;
    const size_t end = starts[s + 1];
    const size_t first_name = name;
    while (name < names.size() && names[name] < end) ++name;
    const size_t first_pronoun = pronoun;
    while (pronoun < pronouns.size() && pronouns[pronoun] < end) ++pronoun;
    const Words sentence(doc.text, doc.sentence_words[s], starts[s], words,
                         &marker);
    collector.AddSentence(sentence,
                          names.subspan(first_name, name - first_name),
                          starts[s], static_cast<int>(s));
    if (pronoun > first_pronoun) {
      FindPronounAttributions(
          sentence, pronouns.subspan(first_pronoun, pronoun - first_pronoun),
          starts[s], static_cast<int>(s), &out->pronouns);
    }
  }
  marker.Clear();
  if (starts.capacity() > (size_t{1} << 16)) {
    std::vector<size_t>().swap(starts);
  }
}

// ---------------------------------------------------------------------------
// Clustering of aliases.

// The key of a name form: its words joined by spaces.
template <typename Strings>
std::string FormKey(const Strings& words) {
  return absl::StrJoin(words, " ");
}

// The distinct name forms (lowercase word sequences) of the mentions. One
// per thread, reused from article to article so that its containers keep
// their storage; Collect fills it anew.
class Forms {
 public:
  // The key (FormKey) of each form, a view of MentionBuffers::keys.
  std::vector<absl::string_view> keys;
  // The form of each mention.
  std::vector<int> of_mention;
  // The first mention of each form.
  std::vector<int> first_mention;

  // The longer person-like forms ending with form `f` that are heads (no
  // alias themselves), in order: "ada okafor" and "ben okafor" for
  // "okafor". Empty for a head.
  absl::Span<const int> Heads(int f) const {
    return absl::Span<const int>(heads_).subspan(
        head_begin_[f], head_begin_[f + 1] - head_begin_[f]);
  }

  // Whether the key of form `f` is the name of a known place
  // (WordFacts::place); looked up once.
  bool IsPlace(int f) const {
    int8_t& place = place_[f];
    if (place == kUnknown) place = FactsOf(keys[f]).place ? 1 : 0;
    return place == 1;
  }

  // The forms of the mentions of `buffers`, which must not change while
  // the forms are used.
  void Collect(const MentionBuffers& buffers);

  // Frees the storage kept for an article of unusually many mentions, so
  // that a thread does not hold on to it.
  void ReleaseIfLarge() {
    constexpr size_t kMaxKeptMentions = size_t{1} << 14;
    if (of_mention.capacity() > kMaxKeptMentions ||
        table_.capacity() > 4 * kMaxKeptMentions) {
      *this = Forms();
    }
  }

 private:
  static constexpr int8_t kUnknown = -1;

  // A form that can be a person's full name, of which a shorter form may
  // be an alias: two or more words, no organisation or place words.
  bool IsPersonLike(int f, const RawMention& m) const {
    return m.word_count >= 2 && !m.has_connector &&
           m.name_class == NameClass::kNone && !IsPlace(f);
  }

  // The form of `key`, whose KeyHash is `hash`, or -1.
  int FormOf(absl::string_view key, uint64_t hash) const {
    for (size_t i = hash & table_mask_;; i = (i + 1) & table_mask_) {
      const int f = table_[i] - 1;
      if (f < 0) return -1;
      if (hashes_[f] == hash && keys[f] == key) return f;
    }
  }

  // Each key to its form: open addressing over the keys' hashes, at most
  // half full; an entry is a form plus 1, or 0 for none.
  std::vector<int> table_;
  size_t table_mask_ = 0;
  // The KeyHash of each form's key.
  std::vector<uint64_t> hashes_;
  // Heads(f) is heads_[head_begin_[f], head_begin_[f + 1]).
  std::vector<int> head_begin_;
  std::vector<int> head_end_;
  std::vector<int> heads_;
  // Per form: 1 for a known place, 0 if not, kUnknown until asked.
  mutable std::vector<int8_t> place_;
  // (suffix form, longer form) pairs, and per form how many longer forms
  // end with it.
  std::vector<std::pair<int, int>> suffix_of_;
  std::vector<int> longer_count_;
};

void Forms::Collect(const MentionBuffers& buffers) {
  const std::vector<RawMention>& mentions = buffers.mentions;
  // Read once: the compiler cannot tell that the stores below leave it.
  const size_t mention_count = mentions.size();
  keys.clear();
  first_mention.clear();
  hashes_.clear();
  of_mention.resize(mention_count);
  // At most as many forms as mentions.
  size_t size = 16;
  while (size < 2 * mention_count) size *= 2;
  table_.assign(size, 0);
  table_mask_ = size - 1;
  for (size_t i = 0; i < mention_count; ++i) {
    const absl::string_view key = buffers.KeyOf(mentions[i]);
    const uint64_t hash = KeyHash(key);
    size_t slot = hash & table_mask_;
    int form = -1;
    for (; table_[slot] != 0; slot = (slot + 1) & table_mask_) {
      const int f = table_[slot] - 1;
      if (hashes_[f] == hash && keys[f] == key) {
        form = f;
        break;
      }
    }
    if (form < 0) {
      form = static_cast<int>(keys.size());
      table_[slot] = form + 1;
      keys.push_back(key);
      hashes_.push_back(hash);
      first_mention.push_back(static_cast<int>(i));
    }
    of_mention[i] = form;
  }
  const int count = static_cast<int>(keys.size());
  place_.assign(count, kUnknown);
  // Each proper suffix of a person-like form points back to it. A suffix's
  // key is the tail of the form's key after a space (words hold no
  // spaces), looked up in place.
  suffix_of_.clear();
  longer_count_.assign(count, 0);
  for (int f = 0; f < count; ++f) {
    const absl::string_view key = keys[f];
    if (!IsPersonLike(f, mentions[first_mention[f]])) continue;
    const char* const end = key.data() + key.size();
    for (const char* space =
             static_cast<const char*>(std::memchr(key.data(), ' ', key.size()));
         space != nullptr; space = static_cast<const char*>(std::memchr(
                               space + 1, ' ', end - (space + 1)))) {
      const absl::string_view suffix(space + 1, end - (space + 1));
      const int form = FormOf(suffix, KeyHash(suffix));
      if (form >= 0) {
        suffix_of_.emplace_back(form, f);
        ++longer_count_[form];
      }
    }
  }
  // A longer form that is itself an alias is never the only candidate: the
  // form it aliases ends with the same words. The heads of each form are
  // in the order of the longer forms, found in form order.
  head_begin_.assign(count + 1, 0);
  for (const auto& [suffix, longer] : suffix_of_) {
    if (longer_count_[longer] == 0) ++head_begin_[suffix + 1];
  }
  for (int f = 0; f < count; ++f) head_begin_[f + 1] += head_begin_[f];
  heads_.resize(head_begin_[count]);
  // The next free place among the heads of each form.
  head_end_.assign(head_begin_.begin(), head_begin_.end() - 1);
  for (const auto& [suffix, longer] : suffix_of_) {
    if (longer_count_[longer] == 0) heads_[head_end_[suffix]++] = longer;
  }
}

bool HasLowercase(absl::string_view text) {
  for (char c : text) {
    if (absl::ascii_islower(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

}  // namespace

std::string TitleBefore(absl::string_view text, size_t begin) {
  const char* const data = text.data();
  size_t end = begin;
  while (end > 0 && begin - end < 8 &&
         (data[end - 1] == ' ' || data[end - 1] == '.')) {
    --end;
  }
  // The word, at most 16 letters, lowercased as it is read backwards into
  // the end of `lowered`: most words before a name are no title, and make
  // no string.
  char lowered[16];
  size_t start = end;
  while (start > 0 && end - start < 16 &&
         absl::ascii_isalpha(static_cast<unsigned char>(data[start - 1]))) {
    --start;
    lowered[16 - (end - start)] =
        absl::ascii_tolower(static_cast<unsigned char>(data[start]));
  }
  if (start == end || start == begin) return std::string();
  const absl::string_view word(lowered + 16 - (end - start), end - start);
  if (!FactsOf(word).title.has_value()) return std::string();
  return std::string(word);
}

char GenderOfWord(absl::string_view word) {
  const GenderCode* const gender = Lex().genders_index.Find(word);
  return gender == nullptr ? 0 : *gender;
}

namespace {

// What the text says of the person a full name names at its first
// mention: the title right before it ("judge" in "Judge Oksana Petrenko")
// and the gender its title or given name tells.
struct PersonClues {
  std::string title;
  GenderCode gender = 0;
};

PersonClues CluesOf(absl::string_view text, const RawMention& m) {
  PersonClues clues;
  clues.title = TitleBefore(text, m.begin);
  clues.gender = GenderOfWord(clues.title);
  if (clues.gender == 0 && m.word_count >= 2) {
    const absl::string_view surface = text.substr(m.begin, m.end - m.begin);
    clues.gender = GenderOfWord(Lower(surface.substr(0, surface.find(' '))));
  }
  return clues;
}

// Most full names a short form ("okafor") may be an alias of; with more it
// is a name of its own.
constexpr size_t kMaxAliasHeads = 16;

// The entities of the mentions of an article, and the mention giving each
// its canonical name. One per thread, reused from article to article so
// that its vectors keep their storage; Cluster fills it anew.
class Clusters {
 public:
  // The entity of each mention, entities numbered by first mention.
  std::vector<int> entity_of;
  // The mention whose surface is each entity's canonical name.
  std::vector<int> canonical;

  // Assigns each mention to an entity. A form ("okafor") that ends longer
  // person-like forms ("ada okafor") is an alias of one of them: the one
  // mentioned most recently before the mention, or when none was, the
  // first one mentioned after it. When several full names end with it, a
  // title before the short form picks among them first: the full name
  // first written after the same title ("Judge Petrenko" is "Judge Oksana
  // Petrenko"), or else one whose title or given name does not tell the
  // other gender ("Ms. Ferrante" is not "Marco Ferrante"); when two are
  // first written after that title, or more than kMaxAliasHeads full names
  // end with it, the short form is a name of its own. Two different full
  // names ("ada okafor", "ben okafor") are never merged. The canonical
  // name of an entity is its fullest form, as first written not in capitals
  // ("Lundby" rather than a dateline's "LUNDBY"). Collapsing spaces adds or
  // removes no lowercase letter, so the text of a mention tells whether its
  // surface has any.
  void Cluster(absl::string_view text, const std::vector<RawMention>& mentions,
               const Forms& forms) {
    const size_t form_count = forms.first_mention.size();
    // Read once: the compiler cannot tell that the stores below leave it.
    const size_t mention_count = mentions.size();
    last_seen_.assign(form_count, -1);
    entity_of_head_.assign(form_count, -1);
    entity_of.resize(mention_count);
    canonical.clear();
    const auto written_in_lowercase = [&](const RawMention& m) {
      return HasLowercase(text.substr(m.begin, m.end - m.begin));
    };
    for (size_t i = 0; i < mention_count; ++i) {
      const int form = forms.of_mention[i];
      const absl::Span<const int> heads = forms.Heads(form);
      // With several full names to choose from, the title written before
      // this mention narrows the choice (rare: computed only then).
      PersonClues clues;
      std::vector<PersonClues> head_clues;
      int best_fit = 0;
      if (heads.size() >= 2 && heads.size() <= kMaxAliasHeads) {
        clues.title = TitleBefore(text, mentions[i].begin);
        clues.gender = GenderOfWord(clues.title);
        if (!clues.title.empty()) {
          for (int candidate : heads) {
            head_clues.push_back(
                CluesOf(text, mentions[forms.first_mention[candidate]]));
          }
        }
      }
      // 2: first written after the same title; 1: of no other gender; 0:
      // of the other gender.
      const auto fit = [&](size_t k) {
        if (head_clues.empty()) return 1;
        const PersonClues& c = head_clues[k];
        if (c.title == clues.title) return 2;
        return clues.gender != 0 && c.gender != 0 && c.gender != clues.gender
                   ? 0
                   : 1;
      };
      int head = form;
      // Two full names written after the same title ("Judge Oksana
      // Petrenko", "Judge Ivan Petrenko"): "Judge Petrenko" is either.
      int same_title = 0;
      for (size_t k = 0; k < head_clues.size(); ++k) same_title += fit(k) == 2;
      // More full names than kMaxAliasHeads, or a tie on the title: the
      // short form stays a name of its own rather than a guess, and the
      // work per mention stays bounded.
      const bool ambiguous =
          heads.size() > kMaxAliasHeads || same_title >= 2;
      for (size_t k = 0; k < heads.size() && !ambiguous; ++k) {
        const int candidate = heads[k];
        const int candidate_fit = fit(k);
        if (head != form && candidate_fit != best_fit) {
          if (candidate_fit > best_fit) {
            head = candidate;
            best_fit = candidate_fit;
          }
          continue;
        }
        const bool more_recent = last_seen_[candidate] > last_seen_[head];
        const bool earlier_unseen =
            last_seen_[candidate] == -1 && last_seen_[head] == -1 &&
            forms.first_mention[candidate] < forms.first_mention[head];
        if (head == form || more_recent || earlier_unseen) {
          head = candidate;
          best_fit = candidate_fit;
        }
      }
      last_seen_[head] = static_cast<int>(i);
      int& entity = entity_of_head_[head];
      if (entity == -1) {
        entity = static_cast<int>(canonical.size());
        canonical.push_back(static_cast<int>(i));
      } else {
        int& c = canonical[entity];
        const bool fuller = mentions[i].word_count > mentions[c].word_count;
        // The same words: the same form.
        const bool better_case = forms.of_mention[i] == forms.of_mention[c] &&
                                 !written_in_lowercase(mentions[c]) &&
                                 written_in_lowercase(mentions[i]);
        if (fuller || better_case) c = static_cast<int>(i);
      }
      entity_of[i] = entity;
    }
  }

  // Frees the storage kept for an article of unusually many mentions.
  void ReleaseIfLarge() {
    constexpr size_t kMaxKept = size_t{1} << 14;
    if (entity_of.capacity() > kMaxKept || last_seen_.capacity() > kMaxKept) {
      *this = Clusters();
    }
  }

 private:
  // Per form: the last mention whose head it was, or -1; for a head, its
  // entity, -1 until it is one.
  std::vector<int> last_seen_;
  std::vector<int> entity_of_head_;
};

// ---------------------------------------------------------------------------
// Kinds.

// What the mentions of one entity say about its kind.
struct KindEvidence {
  bool titled = false;
  bool after_place_preposition = false;
  bool office_of = false;
  bool pronoun = false;
};

// The kind of an entity, from the strongest evidence: organisation and
// place words in its name, a title or role, the list of real places or
// "the mayor of" before it, a full name of two words or more, "he said" after
// it, a preposition of place before it. `canonical` is the mention with the
// canonical name, `form` its form.
EntityKind DecideKind(const RawMention& canonical, const Forms& forms,
                      int form, const KindEvidence& evidence) {
  switch (canonical.name_class) {
    case NameClass::kOrganization:
      return EntityKind::kOrganization;
    case NameClass::kPlace:
      return EntityKind::kPlace;
    case NameClass::kEvent:
      return EntityKind::kUnknown;
    case NameClass::kNone:
      break;
  }
  if (evidence.titled) return EntityKind::kPerson;
  if (forms.IsPlace(form) || evidence.office_of) return EntityKind::kPlace;
  if (canonical.word_count >= 2 && !canonical.has_connector) {
    return EntityKind::kPerson;
  }
  if (evidence.pronoun) return EntityKind::kPerson;
  if (evidence.after_place_preposition) return EntityKind::kPlace;
  return EntityKind::kUnknown;
}

// "He said" makes the nearest name before it, in the same or the previous
// sentence, a person ("Burton arrived. ... he said"), skipping names that
// are places, organisations or possessors, unless a name known to be a
// person stands in that window.
void MarkPronounReferents(const std::vector<RawMention>& mentions,
                          const std::vector<int>& entity_of,
                          const std::vector<EntityKind>& kinds,
                          const std::vector<PronounAttribution>& pronouns,
                          std::vector<KindEvidence>* evidence) {
  constexpr int kMaxLookBack = 8;
  for (const PronounAttribution& p : pronouns) {
    // Mentions are in text order, so their ends are increasing.
    size_t i = static_cast<size_t>(
        std::lower_bound(mentions.begin(), mentions.end(), p.offset,
                         [](const RawMention& m, size_t offset) {
                           return m.end <= offset;
                         }) -
        mentions.begin());
    // The nearest name of unknown kind, unless a person is named in the
    // window: "Dr. Ingeborg Thorsen measured the Skarvatn glacier. ... she
    // said" makes no person of "Skarvatn".
    int unknown = -1;
    for (int steps = 0; i > 0 && steps < kMaxLookBack; ++steps) {
      const RawMention& m = mentions[--i];
      if (m.sentence < p.sentence - 1) break;
      const EntityKind kind = kinds[entity_of[i]];
      if (kind == EntityKind::kPerson) {
        unknown = -1;
        break;
      }
      if (m.after_place_preposition || m.possessive ||
          kind == EntityKind::kPlace || kind == EntityKind::kOrganization) {
        continue;
      }
      if (unknown == -1) unknown = static_cast<int>(i);
    }
    if (unknown != -1) (*evidence)[entity_of[unknown]].pronoun = true;
  }
}

std::vector<EntityKind> DecideKinds(
    const std::vector<RawMention>& mentions, const Forms& forms,
    const std::vector<int>& entity_of, const std::vector<int>& canonical,
    const std::vector<PronounAttribution>& pronouns) {
  const size_t count = canonical.size();
  const auto kind_of = [&](size_t e, const KindEvidence& evidence) {
    const int c = canonical[e];
    return DecideKind(mentions[c], forms, forms.of_mention[c], evidence);
  };
  std::vector<KindEvidence> evidence(count);
  for (size_t i = 0; i < mentions.size(); ++i) {
    evidence[entity_of[i]].titled |= mentions[i].titled;
    evidence[entity_of[i]].after_place_preposition |=
        mentions[i].after_place_preposition;
    evidence[entity_of[i]].office_of |= mentions[i].office_of;
  }
  // Kinds without the weaker evidence, to know which names a pronoun can
  // stand for.
  std::vector<EntityKind> kinds(count);
  for (size_t e = 0; e < count; ++e) {
    KindEvidence strong;
    strong.titled = evidence[e].titled;
    strong.office_of = evidence[e].office_of;
    kinds[e] = kind_of(e, strong);
  }
  MarkPronounReferents(mentions, entity_of, kinds, pronouns, &evidence);
  for (size_t e = 0; e < count; ++e) {
    kinds[e] = kind_of(e, evidence[e]);
  }
  return kinds;
}

}  // namespace

// ---------------------------------------------------------------------------

EntityIndex::EntityIndex(const Document& doc, const EntityIndexOptions& options)
    : doc_(&doc) {
  // What was read of the document's words, and the mentions with their
  // keys, which the forms point into; reused by the next document of the
  // thread.
  thread_local ArticleWords words;
  thread_local MentionBuffers buffers;
  CollectMentions(doc, options.attribution, &words, &buffers);
  const std::vector<RawMention>& raw = buffers.mentions;
  thread_local Forms forms;
  forms.Collect(buffers);
  thread_local Clusters clusters;
  clusters.Cluster(doc.text, raw, forms);
  const std::vector<int>& entity_of = clusters.entity_of;
  const std::vector<int>& canonical = clusters.canonical;
  const int entity_count = static_cast<int>(canonical.size());

  entities_.resize(entity_count);
  for (int e = 0; e < entity_count; ++e) {
    // The name as written, spaces collapsed.
    const RawMention& m = raw[canonical[e]];
    const absl::string_view written = doc.text.substr(m.begin, m.end - m.begin);
    if (m.plain) {
      // Appended to the empty string: cheaper than assign, which allows
      // for a source inside the string.
      entities_[e].name.append(written.data(), written.size());
    } else {
      entities_[e].name = CollapseSpaces(written);
    }
  }
  const size_t mention_count = raw.size();
  mentions_.reserve(mention_count);
  for (size_t i = 0; i < mention_count; ++i) {
    mentions_.push_back({raw[i].begin, raw[i].end, entity_of[i]});
  }
  if (options.attribution) {
    const std::vector<EntityKind> kinds =
        DecideKinds(raw, forms, entity_of, canonical, buffers.pronouns);
    for (int e = 0; e < entity_count; ++e) entities_[e].kind = kinds[e];
    // The role of an entity is that of its first mention given one.
    std::vector<bool> has_role(entity_count, false);
    for (size_t i = 0; i < raw.size(); ++i) {
      const int e = entity_of[i];
      const Role& role = raw[i].role;
      if (!has_role[e] && !role.empty()) {
        has_role[e] = true;
        entities_[e].role =
            CollapseSpaces(doc.text.substr(role.begin, role.end - role.begin));
      }
      if (kinds[e] == EntityKind::kPerson) {
        person_mentions_.push_back(static_cast<int>(i));
      }
    }
    // Each alias refers to the entity of the first mention of its form.
    // The forms' keys are distinct.
    size_t alias_bytes = 0;
    for (const absl::string_view key : forms.keys) alias_bytes += key.size();
    alias_text_.reserve(alias_bytes);
    aliases_.resize(forms.keys.size());
    for (size_t f = 0; f < forms.keys.size(); ++f) {
      const absl::string_view key = forms.keys[f];
      aliases_[f] = {alias_text_.size(), key.size(),
                     entity_of[forms.first_mention[f]]};
      alias_text_.append(key.data(), key.size());
    }
  }
  words.ReleaseIfLarge();
  buffers.ReleaseIfLarge();
  forms.ReleaseIfLarge();
  clusters.ReleaseIfLarge();
}

absl::InlinedVector<int, 16> EntityIndex::EntitiesIn(size_t begin,
                                                     size_t end,
                                                     size_t max) const {
  // The entities listed so far, searched linearly: few are asked.
  absl::InlinedVector<int, 16> listed;
  // The first mention that begins at or after `begin` (or the end), found
  // by halving the range [m, m + n] that holds it, with a conditional move
  // rather than a branch at each step: which half is kept is not
  // predictable.
  const EntityMention* m = mentions_.data();
  size_t n = mentions_.size();
  while (n > 1) {
    const size_t half = n / 2;
    m = m[half].begin < begin ? m + half : m;
    n -= half;
  }
  if (n == 1 && m->begin < begin) ++m;
  auto it = mentions_.begin() + (m - mentions_.data());
  // Mentions do not overlap: once one runs past `end`, all later ones do.
  for (; it != mentions_.end() && it->end <= end && listed.size() < max;
       ++it) {
    // A plain loop: std::find's unrolled form costs more for the few
    // entities listed.
    bool seen = false;
    for (const int e : listed) seen |= e == it->entity;
    if (!seen) listed.push_back(it->entity);
  }
  return listed;
}

std::vector<std::string> EntityIndex::NamesIn(size_t begin, size_t end,
                                              size_t max_names) const {
  std::vector<std::string> names;
  for (const int e : EntitiesIn(begin, end, max_names)) {
    names.push_back(entities_[e].name);
  }
  return names;
}

const EntityMention* EntityIndex::PersonBefore(size_t offset) const {
  // Person mentions are in text order, so their ends are increasing.
  auto it = std::upper_bound(
      person_mentions_.begin(), person_mentions_.end(), offset,
      [this](size_t o, int m) { return o < mentions_[m].end; });
  if (it == person_mentions_.begin()) return nullptr;
  return &mentions_[*std::prev(it)];
}

const EntityMention* EntityIndex::MentionBefore(
    size_t offset, absl::FunctionRef<bool(const EntityMention&)> accept,
    int max_mentions) const {
  // Mentions are in text order and do not overlap, so their ends increase.
  auto it = std::upper_bound(
      mentions_.begin(), mentions_.end(), offset,
      [](size_t o, const EntityMention& m) { return o < m.end; });
  for (int steps = 0; it != mentions_.begin() && steps < max_mentions;
       ++steps) {
    --it;
    if (accept(*it)) return &*it;
  }
  return nullptr;
}

int EntityIndex::Find(absl::string_view name) const {
  // The name's words without leading titles, possessive or dots, as they
  // are keyed when collected.
  const std::vector<Token> tokens = segment::Tokenize(name, 0, name.size());
  std::vector<std::string> words;
  for (const Token& token : tokens) {
    if (token.kind != TokenKind::kWord) continue;
    absl::string_view word = name.substr(token.begin, token.end - token.begin);
    for (absl::string_view suffix : {"\u2019s", "'s"}) {
      if (word.size() > suffix.size() && absl::EndsWith(word, suffix)) {
        word.remove_suffix(suffix.size());
      }
    }
    std::string key = Lower(word);
    if (words.empty() && FactsOf(key).title.has_value()) continue;
    words.push_back(std::move(key));
  }
  const std::string key = FormKey(words);
  for (const Alias& alias : aliases_) {
    if (absl::string_view(alias_text_).substr(alias.offset, alias.size) ==
        key) {
      return alias.entity;
    }
  }
  return -1;
}

}  // namespace crosscheck::extract
