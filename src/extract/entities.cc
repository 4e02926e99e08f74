#include "src/extract/entities.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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

enum class TitleClass { kHonorific, kOffice, kOccupation, kModifier };

// What a word inside a name says about the name (org_words.tsv).
enum class NameClass { kNone, kOrganization, kPlace, kEvent };

// What the lexicons say of one word. The facts of a word come from several
// lists but are found with one lookup.
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
};

// The facts of the lexicon words by key, for the lookup asked of every
// capitalized word: open addressing over the words' hashes, at most a
// quarter full, so that most lookups read one slot and compare one key.
// Points into the map it is built from, which must not change afterwards.
class FactsIndex {
 public:
  void Build(const WordMap<WordFacts>& facts) {
    size_t size = 16;
    while (size < 4 * facts.size()) size *= 2;
    slots_.assign(size, Slot{0, kEmpty});
    mask_ = size - 1;
    entries_.reserve(facts.size());
    for (const auto& [key, value] : facts) {
      const uint64_t hash = WordHash()(key);
      size_t i = hash & mask_;
      while (slots_[i].entry != kEmpty) i = (i + 1) & mask_;
      slots_[i] = {Tag(hash), static_cast<uint32_t>(entries_.size())};
      entries_.push_back({key, &value});
    }
  }

  // The facts of `key`, or nullptr for a word in none of the lists.
  const WordFacts* Find(absl::string_view key) const {
    const uint64_t hash = WordHash()(key);
    const uint32_t tag = Tag(hash);
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.entry == kEmpty) return nullptr;
      if (slot.tag == tag && entries_[slot.entry].key == key) {
        return entries_[slot.entry].facts;
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
  struct Entry {
    absl::string_view key;
    const WordFacts* facts;
  };

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::vector<Entry> entries_;
};

struct Lexicons {
  // Facts of the words of titles.tsv, org_words.tsv, the non-name lists and
  // the organisation connectors.
  WordMap<WordFacts> facts;
  // The same, for lookups.
  FactsIndex facts_index;
  // Lowercase names of real countries, capitals and regions.
  WordSet places;
  // Lowercase demonym endings ("ian"); the demonyms are facts.
  std::vector<std::string> demonym_suffixes;
  WordSet reporting_verbs;
  // Third-person singular pronouns of known gender ("he", "she").
  WordSet person_pronouns;
  WordSet particles;
  WordSet place_prepositions;
  // Filters of the three lists above.
  KeyFilter person_pronoun_filter;
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
    lex->places.insert(Lower(row[0]));
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
  }
  for (const std::string& word : lex->person_pronouns) {
    lex->person_pronoun_filter.Add(word);
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
  return lex;
}

// Small enough to inline: the lexicons are asked for many times per word.
inline const Lexicons& Lex() {
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

// One token of a sentence, with what the entity rules need to know of it.
struct Word {
  size_t begin = 0;
  size_t end = 0;
  // End of the name part: before a possessive "’s".
  size_t name_end = 0;
  // Lowercase text up to `name_end` (empty for punctuation). Points into the
  // token's folded form or into storage owned by the caller of ReadWords.
  absl::string_view key;
  // A word token (letters first); numbers and punctuation are not.
  bool is_word = false;
  bool capitalized = false;
  // "Okafor’s", "Reynolds’": the name ends here.
  bool possessive = false;
  // First word of a sentence or of a quotation, capitalized by position.
  bool initial = false;
  // May be part of a name: a capitalized word that is an initial letter
  // ("A. Okafor") or not a known non-name. False for every other token, so
  // most tokens of a text are ruled out by this flag alone.
  bool name_word = false;
  // A word that is a person pronoun ("he", "she").
  bool person_pronoun = false;
  // Set by MarkInitialWords for an initial name word: the article also
  // capitalizes the word where it is not initial ...
  bool capitalized_inside = false;
  // ... or writes it in lowercase.
  bool lowercase = false;
  // For a word that tells MarkInitialWords about the initial name words (a
  // word not capitalized by position), KeyBit(key); kNoKeyBit for other
  // tokens.
  uint16_t elsewhere_bit = kNoKeyBit;
  // The character of a punctuation token, else 0.
  char32_t punct = 0;
  // FactsOf(key) for a capitalized word, looked up once; nullptr for other
  // tokens, whose facts are rarely asked and looked up when they are.
  const WordFacts* facts = nullptr;
};

// The words of a sentence.
using Words = absl::Span<const Word>;

// FactsOf(w.key).
const WordFacts& Facts(const Word& w) {
  return w.facts != nullptr ? *w.facts : FactsOf(w.key);
}

std::optional<TitleClass> TitleOf(const Word& w) { return Facts(w).title; }

// A single capital letter followed by a period: an initial ("A. Okafor").
bool IsInitialLetter(Words words, size_t i) {
  const Word& w = words[i];
  return w.is_word && w.capitalized && w.end - w.begin == 1 &&
         i + 1 < words.size() && words[i + 1].punct == '.' &&
         words[i + 1].begin == w.end;
}

bool IsNonName(const Word& w) {
  const WordFacts& facts = Facts(w);
  return facts.non_name || (w.initial && facts.initial_non_name);
}

// The words of an article's sentences, with the indices of the few words
// the later passes look at. One per thread, reused from article to article
// so that its vectors keep their storage.
struct ArticleBuffers {
  // Every word of the article's sentences, one sentence after the other.
  std::vector<Word> words;
  // Indices into `words` of the words that open a sentence or quotation.
  std::vector<size_t> initial;
  // Indices of the name words, in order.
  std::vector<size_t> name_words;
  // Indices of the person pronouns, in order.
  std::vector<size_t> pronouns;
  // Lowercase copies of the few keys that are not a prefix of their token's
  // folded form, one after the other, and the words whose keys they are
  // with the offset of each copy. The keys are set to point into `lowered`
  // once every sentence is read (FixLoweredKeys): it may grow until then.
  std::vector<char> lowered;
  std::vector<std::pair<size_t, size_t>> lowered_words;

  void Clear() {
    words.clear();
    initial.clear();
    name_words.clear();
    pronouns.clear();
    lowered.clear();
    lowered_words.clear();
  }

  // Frees the storage kept for an unusually long article, so that a thread
  // does not hold on to it.
  void ReleaseIfLarge() {
    constexpr size_t kMaxKeptWords = size_t{1} << 16;
    constexpr size_t kMaxKeptBytes = size_t{1} << 20;
    if (words.capacity() > kMaxKeptWords ||
        lowered.capacity() > kMaxKeptBytes) {
      *this = ArticleBuffers();
    }
  }

  void FixLoweredKeys() {
    for (const auto& [word, offset] : lowered_words) {
      Word& w = words[word];
      w.key = absl::string_view(lowered.data() + offset, w.key.size());
    }
  }
};

// Reads the words of a sentence from its tokens (Document::sentence_words)
// and appends them to `buffers`, with the indices of its initial words,
// name words and person pronouns. A key is a view of the token's folded
// form or, when folding changed the token's length, of a lowercase copy in
// buffers->lowered, valid after FixLoweredKeys. The lexicons are consulted
// for capitalized words, once each; other words are ruled out by cheap
// tests.
void ReadWords(absl::string_view text,
               const std::vector<internal::Word>& tokens,
               ArticleBuffers* buffers) {
  const Lexicons& lex = Lex();
  std::vector<Word>& words = buffers->words;
  const size_t first_word = words.size();
  bool at_start = true;  // no word yet, or just after an opening mark
  for (const internal::Word& token : tokens) {
    Word& w = words.emplace_back();
    w.begin = token.begin;
    w.end = token.end;
    w.name_end = token.end;
    if (token.kind == TokenKind::kPunct) {
      int len = 1;
      const unsigned char lead = static_cast<unsigned char>(text[token.begin]);
      const char32_t first =
          lead < 0x80 ? lead : base::DecodeUtf8(text, token.begin, &len);
      w.punct = first;
      if (words.size() - 1 > first_word) {
        const size_t i = words.size() - 2;
        Word& before = words[i];
        // An apostrophe right after a word ending in "s": "Reynolds’ office".
        if (IsApostrophe(first) && before.is_word &&
            before.end == token.begin &&
            (text[token.begin - 1] == 's' || text[token.begin - 1] == 'S')) {
          before.possessive = true;
        }
        // A capital and this period are an initial, a name word even when
        // the letter is a non-name ("A. Okafor").
        if (first == '.' && !before.name_word &&
            IsInitialLetter(Words(words).subspan(first_word), i - first_word)) {
          before.name_word = true;
          buffers->name_words.push_back(i);
        }
      }
      at_start = at_start || IsOpeningMark(first) || first == ':';
      continue;
    }
    const size_t index = words.size() - 1;
    w.is_word = token.kind == TokenKind::kWord;
    // internal::Word::capitalized is IsUpper of the first character.
    w.capitalized = w.is_word && token.capitalized;
    // Tokens lie inside the text.
    const absl::string_view raw(text.data() + token.begin,
                                token.end - token.begin);
    // A possessive ends in "s" after an apostrophe ("'" or "’", whose
    // last byte is 0x99): other words are ruled out by two bytes.
    if (raw.size() >= 3 && (raw.back() == 's' || raw.back() == 'S') &&
        (raw[raw.size() - 2] == '\'' || raw[raw.size() - 2] == '\x99')) {
      static constexpr absl::string_view kSuffixes[] = {"\u2019s", "'s",
                                                        "\u2019S", "'S"};
      for (absl::string_view suffix : kSuffixes) {
        if (raw.size() > suffix.size() && absl::EndsWith(raw, suffix)) {
          w.possessive = true;
          w.name_end = token.end - suffix.size();
          break;
        }
      }
    }
    // The folded token is the lowercase text byte for byte unless folding
    // changed its length (a typographic apostrophe or hyphen).
    const size_t key_size = w.name_end - w.begin;
    absl::string_view key;
    if (token.folded.size() == raw.size()) {
      key = absl::string_view(token.folded.data(), key_size);
    } else {
      std::vector<char>& lowered = buffers->lowered;
      const size_t offset = lowered.size();
      lowered.resize(offset + key_size);
      char* out = lowered.data() + offset;
      for (size_t k = 0; k < key_size; ++k) {
        out[k] = absl::ascii_tolower(static_cast<unsigned char>(raw[k]));
      }
      key = absl::string_view(out, key_size);
      buffers->lowered_words.emplace_back(index, offset);
    }
    w.key = key;
    if (at_start) {
      buffers->initial.push_back(index);
      w.initial = true;
      at_start = false;
    }
    if (w.capitalized) {
      const WordFacts& facts = FactsOf(lex, key);
      w.facts = &facts;
      // IsNonName(w). Else an initial letter: set when its period is read.
      w.name_word = !(facts.non_name || (w.initial && facts.initial_non_name));
      if (w.name_word) buffers->name_words.push_back(index);
    }
    if (w.is_word && !(w.capitalized && w.initial)) {
      w.elsewhere_bit = KeyBit(key);
    }
    if (w.is_word && IsPersonPronoun(lex, key)) {
      w.person_pronoun = true;
      buffers->pronouns.push_back(index);
    }
  }
}

// Marks what the rest of the article says of the name words that open a
// sentence or quotation, the only words TrimInitialWord asks about:
// whether the article also capitalizes them not sentence-initially
// (Word::capitalized_inside), and whether it writes them in lowercase
// (Word::lowercase). The keys of those words are chained by KeyBit, so that
// most other words are ruled out by their Word::elsewhere_bit alone.
void MarkInitialWords(ArticleBuffers* buffers) {
  enum : uint8_t { kCapitalizedInside = 1, kLowercase = 2 };
  struct InitialKey {
    absl::string_view key;
    // The next key with the same KeyBit, or -1.
    int next;
    uint8_t found;
  };
  // The distinct keys of the initial name words; first[b] is the first of
  // those with KeyBit b, or -1, and first[kNoKeyBit] is always -1. Reused:
  // every entry of `first` is -1 between articles.
  thread_local std::vector<InitialKey> keys;
  thread_local std::vector<int> first(kNoKeyBit + 1, -1);
  // The key of each initial name word, in order.
  thread_local std::vector<int> key_of_initial;
  keys.clear();
  key_of_initial.clear();
  std::vector<Word>& words = buffers->words;
  for (size_t i : buffers->initial) {
    const Word& w = words[i];
    if (!w.name_word) continue;
    const uint16_t bit = KeyBit(w.key);
    int k = first[bit];
    while (k >= 0 && keys[k].key != w.key) k = keys[k].next;
    if (k < 0) {
      k = static_cast<int>(keys.size());
      keys.push_back({w.key, first[bit], 0});
      first[bit] = k;
    }
    key_of_initial.push_back(k);
  }
  if (keys.empty()) return;
  for (const Word& w : words) {
    for (int k = first[w.elsewhere_bit]; k >= 0; k = keys[k].next) {
      if (keys[k].key == w.key) {
        keys[k].found |= w.capitalized ? kCapitalizedInside : kLowercase;
        break;
      }
    }
  }
  size_t n = 0;
  for (size_t i : buffers->initial) {
    Word& w = words[i];
    if (!w.name_word) continue;
    const uint8_t found = keys[key_of_initial[n++]].found;
    w.capitalized_inside = (found & kCapitalizedInside) != 0;
    w.lowercase = (found & kLowercase) != 0;
  }
  for (const InitialKey& key : keys) first[KeyBit(key.key)] = -1;
  // The lists of an article of unusually many initial name words are not
  // kept.
  constexpr size_t kMaxKeptKeys = size_t{1} << 14;
  if (key_of_initial.capacity() > kMaxKeptKeys) {
    std::vector<InitialKey>().swap(keys);
    std::vector<int>().swap(key_of_initial);
  }
}

// ---------------------------------------------------------------------------
// Name chunks.

// A period that belongs to the word before it ("Mr.", "A.").
bool IsAbbreviationDot(Words words, size_t i) {
  if (i == 0 || i >= words.size() || words[i].punct != '.') return false;
  const Word& prev = words[i - 1];
  if (prev.end != words[i].begin) return false;
  return TitleOf(prev).has_value() || IsInitialLetter(words, i - 1);
}

// A maximal run of name words, with particles ("van der"), connectors
// inside organisation names ("Ministry of Finance") and abbreviation dots.
// Indices into the sentence's words of the words of a name: name words and
// connectors, in order, at most kMaxNameWords.
using Parts = absl::InlinedVector<size_t, kMaxNameWords>;

struct Chunk {
  Parts parts;
};

bool HasOrgOrPlaceWord(Words words, const Parts& parts) {
  for (size_t i : parts) {
    const NameClass cls = Facts(words[i]).name_class;
    if (cls == NameClass::kOrganization || cls == NameClass::kPlace) {
      return true;
    }
  }
  return false;
}

bool IsLowercaseWord(const Word& w) { return w.is_word && !w.capitalized; }

// Grows a chunk that starts at name word `start`, up to kMaxNameWords
// parts; returns the index of the first word after it.
size_t GrowChunk(Words words, size_t start, Chunk* chunk) {
  chunk->parts.push_back(start);
  size_t last = start;
  while (!words[last].possessive && chunk->parts.size() < kMaxNameWords) {
    size_t next = last + 1;
    if (next < words.size() && IsAbbreviationDot(words, next)) ++next;
    if (next >= words.size()) return next;
    if (words[next].name_word) {
      chunk->parts.push_back(next);
      last = next;
      continue;
    }
    // Lowercase joiners before the next name word: particles ("von der")
    // or one connector after an organisation or place word ("of").
    size_t resume = next;
    while (resume < words.size() && IsLowercaseWord(words[resume]) &&
           IsParticle(words[resume].key)) {
      ++resume;
    }
    if (resume == next && IsLowercaseWord(words[next]) &&
        HasOrgOrPlaceWord(words, chunk->parts) &&
        Facts(words[next]).org_connector) {
      ++resume;
    }
    if (resume == next || resume >= words.size() ||
        !words[resume].name_word ||
        chunk->parts.size() + (resume - next + 1) > kMaxNameWords) {
      return next;
    }
    for (size_t j = next; j <= resume; ++j) chunk->parts.push_back(j);
    last = resume;
  }
  return last + 1;
}

bool IsReportingVerb(Words words, size_t i) {
  return i < words.size() && words[i].is_word &&
         Lex().reporting_verbs.contains(words[i].key);
}

bool IsDemonym(const Word& w) {
  if (Facts(w).demonym) return true;
  const absl::string_view key = w.key;
  for (const std::string& suffix : Lex().demonym_suffixes) {
    if (key.size() > suffix.size() + 2 && absl::EndsWith(key, suffix)) {
      return true;
    }
  }
  return false;
}

// A one-word chunk used as an adjective: "Valdorian gas", "French wine".
bool IsAdjectiveUse(Words words, const Chunk& chunk) {
  if (chunk.parts.size() != 1) return false;
  const size_t i = chunk.parts[0];
  const size_t next = i + 1;
  // The tests of the words themselves first: the lexicons are asked last.
  if (words[i].possessive || next >= words.size() || !words[next].is_word ||
      words[next].capitalized) {
    return false;
  }
  return IsDemonym(words[i]) && !IsReportingVerb(words, next);
}

// Drops what position alone capitalized at the start of a chunk that opens
// a sentence or quotation: "Crowds gathered", "Environmental groups". A
// capitalized word that the article also capitalizes elsewhere is a name.
// Returns false when nothing of the chunk is left.
bool TrimInitialWord(Words words, Chunk* chunk) {
  const Word& first = words[chunk->parts[0]];
  // A title opening a name ("President Ada Okafor", "Prime Minister ...")
  // is capitalized anyway.
  const std::optional<TitleClass> title = TitleOf(first);
  const bool opens_title =
      title.has_value() && (title != TitleClass::kModifier ||
                            (chunk->parts.size() > 1 &&
                             TitleOf(words[chunk->parts[1]]).has_value()));
  if (!first.initial || opens_title || first.capitalized_inside) {
    return true;
  }
  if (chunk->parts.size() == 1) {
    // A lone word: a name only when it is known as a place or speaks
    // ("Burton said", "Okafor: “...").
    const size_t next = chunk->parts[0] + 1;
    return Lex().places.contains(first.key) || IsReportingVerb(words, next) ||
           (next + 1 < words.size() && words[next].punct == ':' &&
            IsOpeningMark(words[next + 1].punct));
  }
  if (!first.lowercase) return true;
  // A common word: drop it, and a connector that followed it.
  size_t drop = 1;
  while (drop < chunk->parts.size() && !words[chunk->parts[drop]].capitalized) {
    ++drop;
  }
  chunk->parts.erase(chunk->parts.begin(), chunk->parts.begin() + drop);
  return !chunk->parts.empty();
}

// ---------------------------------------------------------------------------
// Roles.

// The leftmost word of a role that ends with word `head`: modifiers, role
// words and capitalized words before it ("Helvik port director", "Finance
// Ministry spokeswoman"), and at most one possessive ("Estmark’s foreign
// minister"); at most kMaxNameWords words in all.
size_t RoleStart(Words words, size_t head) {
  size_t start = head;
  while (start > 0 && head - start + 1 < kMaxNameWords) {
    const Word& w = words[start - 1];
    if (!w.is_word) break;
    const std::optional<TitleClass> cls = TitleOf(w);
    const bool title = cls.has_value() && cls != TitleClass::kHonorific;
    const bool name = w.capitalized && !IsNonName(w);
    if (!title && !name) break;
    if (w.possessive) {
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

std::string RoleText(absl::string_view text, Words words, size_t first,
                     size_t last) {
  return CollapseSpaces(
      text.substr(words[first].begin, words[last].end - words[first].begin));
}

// An appositive after a name: "Tomas Berg, a senior fellow at the Baltic
// Policy Institute in Riga, said". It starts after the comma at `comma`,
// holds a role word among its first words and ends at the next comma or at
// the end of the sentence.
std::string AppositiveAfter(absl::string_view text, Words words,
                            size_t comma) {
  constexpr size_t kMaxWords = 16;
  constexpr size_t kHeadWithin = 4;
  if (comma >= words.size() || words[comma].punct != ',') return "";
  const size_t first = comma + 1;
  size_t last = first;
  bool has_head = false;
  size_t i = first;
  for (; i < words.size() && i < first + kMaxWords; ++i) {
    const Word& w = words[i];
    if (w.punct == ',' || w.punct == ';' || IsOpeningMark(w.punct) ||
        w.punct == 0x201D || w.punct == 0x2014 || w.punct == 0x2013) {
      break;
    }
    if (w.punct == '.' && i + 1 == words.size()) break;  // sentence end
    if (w.is_word && i < first + kHeadWithin && IsRoleHead(Facts(w))) {
      has_head = true;
    }
    last = i;
  }
  const bool closed =
      i == words.size() || words[i].punct == ',' || words[i].punct == '.';
  if (!has_head || !closed || last < first || !words[first].is_word) {
    return "";
  }
  return RoleText(text, words, first, last);
}

// ---------------------------------------------------------------------------
// Mentions before clustering.

// The lowercase words of a name (keys of the sentence's words).
using NameWords = absl::InlinedVector<absl::string_view, kMaxNameWords>;

struct RawMention {
  size_t begin = 0;
  size_t end = 0;
  // Lowercase words of the name, connectors included.
  NameWords words;
  // The class given by the last organisation, place or event word of the
  // name: "Harbor Times" is an organisation, "Lundby Congress Centre" a
  // place.
  NameClass name_class = NameClass::kNone;
  // One of the words is an organisation connector ("of").
  bool has_connector = false;
  std::string role;
  // A title, role or honorific goes with the name.
  bool titled = false;
  // Right after "in", "to", "from", ..., or "of" after a titled person
  // ("President Ada Okafor of Valdoria").
  bool after_place_preposition = false;
  // "Okafor’s": a possessor, rarely the one a pronoun stands for.
  bool possessive = false;
  int sentence = 0;
};

// Splits a chunk into its leading role words ("Prime Minister") and the
// name after them. Returns the position in `parts` where the name starts
// (0 when there is no title).
size_t NameStart(Words words, const Chunk& chunk) {
  size_t start = 0;
  for (size_t p = 0; p + 1 < chunk.parts.size(); ++p) {
    const std::optional<TitleClass> cls = TitleOf(words[chunk.parts[p]]);
    if (!cls.has_value() || cls == TitleClass::kModifier) continue;
    // A title with a name word after it.
    for (size_t q = p + 1; q < chunk.parts.size(); ++q) {
      if (!TitleOf(words[chunk.parts[q]]).has_value()) {
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
bool DropTrailingTitle(Words words, Parts* name) {
  size_t keep = name->size();
  while (keep > 0) {
    const std::optional<TitleClass> cls = TitleOf(words[(*name)[keep - 1]]);
    if (!cls.has_value() || cls == TitleClass::kModifier) break;
    --keep;
  }
  if (keep == name->size()) return false;
  while (keep > 0 &&
         TitleOf(words[(*name)[keep - 1]]) == TitleClass::kModifier) {
    --keep;
  }
  name->resize(keep);
  return true;
}

class MentionCollector {
 public:
  // `expected`: about how many mentions to expect.
  MentionCollector(absl::string_view text, size_t expected) : text_(text) {
    mentions_.reserve(expected);
  }

  // Adds the names of a sentence. `name_words` are the indices of its name
  // words, in order, less `base`: the chunks start at them.
  void AddSentence(Words words, absl::Span<const size_t> name_words,
                   size_t base, int sentence) {
    size_t i = 0;
    for (const size_t name_word : name_words) {
      if (name_word - base < i) continue;  // inside the last chunk
      Chunk chunk;
      i = GrowChunk(words, name_word - base, &chunk);
      AddChunk(words, &chunk, sentence);
    }
  }

  std::vector<RawMention> Take() { return std::move(mentions_); }

 private:
  // Adds the names of `chunk`, which it may change.
  void AddChunk(Words words, Chunk* chunk, int sentence) {
    if (!TrimInitialWord(words, chunk)) return;
    if (IsAdjectiveUse(words, *chunk)) return;
    const size_t name_start = NameStart(words, *chunk);
    if (name_start == 0) {
      Parts& name = chunk->parts;
      if (!DropTrailingTitle(words, &name)) {
        AddName(words, name, RoleBefore(words, name.front(), name.back()),
                false, sentence);
      } else if (!name.empty() &&
                 !(name.size() == 1 && IsDemonym(words[name[0]]))) {
        AddName(words, name, std::string(), false, sentence);
      }
      return;
    }
    const absl::Span<const size_t> parts(chunk->parts);
    const absl::Span<const size_t> title = parts.first(name_start);
    const absl::Span<const size_t> name = parts.subspan(name_start);
    AddPrefixName(words, title, sentence);
    // The role: the title words of the chunk and the role words before it,
    // without honorifics ("Ms." is not a role).
    size_t head = title.size();
    while (head > 0 &&
           TitleOf(words[title[head - 1]]) == TitleClass::kHonorific) {
      --head;
    }
    std::string role;
    if (head > 0) {
      size_t last = title[head - 1];
      if (IsAbbreviationDot(words, last + 1)) ++last;  // "Sen."
      role = RoleText(text_, words, RoleStart(words, title[head - 1]), last);
    }
    AddName(words, name, role, true, sentence);
  }

  // A role before a name (words [first, last]) without title words of its
  // own: "Finance Ministry spokeswoman Ilse Marten", or set off by commas,
  // "its director, Per Aalund, said".
  std::string RoleBefore(Words words, size_t first, size_t last) const {
    if (first == 0) return "";
    size_t head = first - 1;
    if (words[head].punct == ',') {
      const bool comma_after =
          last + 1 < words.size() && words[last + 1].punct == ',';
      if (head == 0 || !comma_after) return "";
      --head;
    }
    if (!words[head].is_word || !IsRoleHead(Facts(words[head]))) return "";
    return RoleText(text_, words, RoleStart(words, head), head);
  }

  // The capitalized words before a title inside a chunk, "Estmark" in
  // "Estmark Prime Minister Henrik Solberg", are a name of their own.
  void AddPrefixName(Words words, absl::Span<const size_t> title,
                     int sentence) {
    Parts prefix;
    for (size_t i : title) {
      if (TitleOf(words[i]).has_value()) break;
      prefix.push_back(i);
    }
    if (prefix.empty()) return;
    if (prefix.size() == 1 && IsDemonym(words[prefix[0]])) return;
    AddName(words, prefix, std::string(), false, sentence);
  }

  void AddName(Words words, absl::Span<const size_t> name, std::string role,
               bool titled, int sentence) {
    if (name.empty()) return;
    // Asks about the mention before this one: read before adding.
    const bool after_place_preposition =
        AfterPlacePreposition(words, name.front());
    RawMention& m = mentions_.emplace_back();
    m.begin = words[name.front()].begin;
    m.end = words[name.back()].name_end;
    // The name's class is that of its last word that has one.
    for (size_t i : name) {
      m.words.push_back(words[i].key);
      const WordFacts& facts = Facts(words[i]);
      m.has_connector |= facts.org_connector;
      if (facts.name_class != NameClass::kNone) m.name_class = facts.name_class;
    }
    const bool person_like = m.name_class == NameClass::kNone;
    if (role.empty() && person_like) {
      role = AppositiveAfter(text_, words, name.back() + 1);
    }
    m.titled = titled || !role.empty();
    m.role = std::move(role);
    m.after_place_preposition = after_place_preposition;
    m.possessive = words[name.back()].possessive;
    m.sentence = sentence;
  }

  bool AfterPlacePreposition(Words words, size_t first) const {
    if (first == 0 || !words[first - 1].is_word) return false;
    const absl::string_view before = words[first - 1].key;
    if (IsPlacePreposition(before)) return true;
    // "President Ada Okafor of Valdoria".
    return before == "of" && first >= 2 && !mentions_.empty() &&
           mentions_.back().titled &&
           mentions_.back().end == words[first - 2].name_end;
  }

  absl::string_view text_;
  std::vector<RawMention> mentions_;
};

// ---------------------------------------------------------------------------
// Collecting mentions.

// Offsets of "he said", "said she": a person pronoun next to a reporting
// verb, with the sentence it is in.
struct PronounAttribution {
  size_t offset = 0;
  int sentence = 0;
};

// Adds the attributions of the person pronouns of a sentence, whose
// indices less `base` are `pronoun_words`.
void FindPronounAttributions(Words words, absl::Span<const size_t> pronoun_words,
                             size_t base, int sentence,
                             std::vector<PronounAttribution>* out) {
  for (const size_t pronoun_word : pronoun_words) {
    const size_t i = pronoun_word - base;
    // "he said", or "said he" closing the clause (not "said she had").
    const bool verb_after = IsReportingVerb(words, i + 1);
    const bool verb_before = i > 0 && IsReportingVerb(words, i - 1) &&
                             (i + 1 == words.size() || !words[i + 1].is_word);
    if (verb_after || verb_before) out->push_back({words[i].begin, sentence});
  }
}

// The indices of `indices` (in increasing order) from `*cursor` on that are
// less than `end`; moves the cursor past them.
absl::Span<const size_t> IndicesBefore(const std::vector<size_t>& indices,
                                       size_t end, size_t* cursor) {
  const size_t first = *cursor;
  while (*cursor < indices.size() && indices[*cursor] < end) ++*cursor;
  return absl::Span<const size_t>(indices).subspan(first, *cursor - first);
}

// Every name mention of the document's sentences, in text order, and the
// pronoun attributions among them. The words of the mentions point into
// the document's tokens and into `buffers`, which holds the words of the
// document afterwards.
std::vector<RawMention> CollectMentions(
    const Document& doc, ArticleBuffers* buffers,
    std::vector<PronounAttribution>* pronouns) {
  const auto& sentences = doc.seg.sentences;
  buffers->Clear();
  std::vector<Word>& words = buffers->words;
  size_t tokens = 0;
  for (const auto& sentence_tokens : doc.sentence_words) {
    tokens += sentence_tokens.size();
  }
  words.reserve(tokens);
  // Sentence s is words[starts[s], starts[s + 1]).
  std::vector<size_t> starts(sentences.size() + 1);
  for (size_t s = 0; s < sentences.size(); ++s) {
    starts[s] = words.size();
    ReadWords(doc.text, doc.sentence_words[s], buffers);
  }
  starts[sentences.size()] = words.size();
  buffers->FixLoweredKeys();
  MarkInitialWords(buffers);
  MentionCollector collector(doc.text, buffers->name_words.size());
  size_t name_cursor = 0;
  size_t pronoun_cursor = 0;
  for (size_t s = 0; s < sentences.size(); ++s) {
    const Words sentence =
        Words(words).subspan(starts[s], starts[s + 1] - starts[s]);
    collector.AddSentence(
        sentence,
        IndicesBefore(buffers->name_words, starts[s + 1], &name_cursor),
        starts[s], static_cast<int>(s));
    FindPronounAttributions(
        sentence,
        IndicesBefore(buffers->pronouns, starts[s + 1], &pronoun_cursor),
        starts[s], static_cast<int>(s), pronouns);
  }
  return collector.Take();
}

// ---------------------------------------------------------------------------
// Clustering of aliases.

// The key of a name form: its words joined by spaces.
template <typename Words>
std::string FormKey(const Words& words) {
  return absl::StrJoin(words, " ");
}

// FormKey(words) into `key`, reusing its storage.
void SetFormKey(const NameWords& words, std::string* key) {
  size_t size = words.empty() ? 0 : words.size() - 1;
  for (const absl::string_view word : words) size += word.size();
  key->resize(size);
  char* out = key->data();
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) *out++ = ' ';
    if (!words[i].empty()) std::memcpy(out, words[i].data(), words[i].size());
    out += words[i].size();
  }
}

// The distinct name forms (lowercase word sequences) of the mentions. One
// per thread, reused from article to article so that its containers keep
// their storage; CollectForms fills it anew.
class Forms {
 public:
  // The key (FormKey) of each form, a view of key_text_.
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

  // Whether the key of form `f` is the name of a known place; looked up
  // once.
  bool IsPlace(int f) const {
    int8_t& place = place_[f];
    if (place == kUnknown) place = Lex().places.contains(keys[f]) ? 1 : 0;
    return place == 1;
  }

  void Collect(const std::vector<RawMention>& mentions);

  // Frees the storage kept for an article of unusually many mentions, so
  // that a thread does not hold on to it.
  void ReleaseIfLarge() {
    constexpr size_t kMaxKeptMentions = size_t{1} << 14;
    constexpr size_t kMaxKeptBytes = size_t{1} << 20;
    if (of_mention.capacity() > kMaxKeptMentions ||
        key_text_.capacity() > kMaxKeptBytes) {
      *this = Forms();
    }
  }

 private:
  static constexpr int8_t kUnknown = -1;

  // A form that can be a person's full name, of which a shorter form may
  // be an alias: two or more words, no organisation or place words.
  bool IsPersonLike(int f, const RawMention& m) const {
    return m.words.size() >= 2 && !m.has_connector &&
           m.name_class == NameClass::kNone && !IsPlace(f);
  }

  // The keys, one after the other. Reserved before any is added, so that
  // the views of it stay valid.
  std::vector<char> key_text_;
  // Each key to its form.
  absl::flat_hash_map<absl::string_view, int, WordHash, WordEq> form_of_key_;
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
  std::string key_;
};

void Forms::Collect(const std::vector<RawMention>& mentions) {
  keys.clear();
  first_mention.clear();
  of_mention.resize(mentions.size());
  form_of_key_.clear();
  // At most as many forms as mentions, with keys no longer in all than
  // those of the mentions.
  size_t key_bytes = 0;
  for (const RawMention& m : mentions) {
    key_bytes += m.words.size();
    for (const absl::string_view word : m.words) key_bytes += word.size();
  }
  key_text_.clear();
  key_text_.reserve(key_bytes);
  keys.reserve(mentions.size());
  first_mention.reserve(mentions.size());
  form_of_key_.reserve(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    SetFormKey(mentions[i].words, &key_);
    const auto it = form_of_key_.lazy_emplace(
        absl::string_view(key_), [&](const auto& construct) {
          const int form = static_cast<int>(first_mention.size());
          first_mention.push_back(static_cast<int>(i));
          const size_t offset = key_text_.size();
          key_text_.insert(key_text_.end(), key_.begin(), key_.end());
          keys.emplace_back(key_text_.data() + offset, key_.size());
          construct(keys.back(), form);
        });
    of_mention[i] = it->second;
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
    for (size_t space = key.find(' '); space != absl::string_view::npos;
         space = key.find(' ', space + 1)) {
      const auto it = form_of_key_.find(key.substr(space + 1));
      if (it != form_of_key_.end()) {
        suffix_of_.emplace_back(it->second, f);
        ++longer_count_[it->second];
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

// Assigns each mention to an entity. A form ("okafor") that ends longer
// person-like forms ("ada okafor") is an alias of one of them: the one
// mentioned most recently before the mention, or when none was, the first
// one mentioned after it. Two different full names ("ada okafor", "ben
// okafor") are never merged. Returns the entity of each mention, entities
// numbered by first mention, and sets `entity_count`.
std::vector<int> ClusterMentions(const std::vector<RawMention>& mentions,
                                 const Forms& forms, int* entity_count) {
  std::vector<int> last_seen(forms.first_mention.size(), -1);
  // The entity of each form that is a head, -1 until it is one.
  std::vector<int> entity_of_head(forms.first_mention.size(), -1);
  int count = 0;
  std::vector<int> entity_of_mention(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    const int form = forms.of_mention[i];
    int head = form;
    for (int candidate : forms.Heads(form)) {
      const bool more_recent = last_seen[candidate] > last_seen[head];
      const bool earlier_unseen =
          last_seen[candidate] == -1 && last_seen[head] == -1 &&
          forms.first_mention[candidate] < forms.first_mention[head];
      if (head == form || more_recent || earlier_unseen) head = candidate;
    }
    last_seen[head] = static_cast<int>(i);
    if (entity_of_head[head] == -1) entity_of_head[head] = count++;
    entity_of_mention[i] = entity_of_head[head];
  }
  *entity_count = count;
  return entity_of_mention;
}

bool HasLowercase(absl::string_view text) {
  for (char c : text) {
    if (absl::ascii_islower(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

// The name as written of a mention, spaces collapsed.
std::string Surface(absl::string_view text, const RawMention& m) {
  return CollapseSpaces(text.substr(m.begin, m.end - m.begin));
}

// The mention whose surface is each entity's canonical name: the fullest
// form, as first written not in capitals ("Lundby" rather than a
// dateline's "LUNDBY"). Collapsing spaces adds or removes no lowercase
// letter, so the text of a mention tells whether its surface has any.
std::vector<int> CanonicalMentions(absl::string_view text,
                                   const std::vector<RawMention>& mentions,
                                   const std::vector<int>& entity_of,
                                   int entity_count) {
  const auto written_in_lowercase = [&](const RawMention& m) {
    return HasLowercase(text.substr(m.begin, m.end - m.begin));
  };
  std::vector<int> canonical(entity_count, -1);
  for (size_t i = 0; i < mentions.size(); ++i) {
    int& c = canonical[entity_of[i]];
    const bool fuller =
        c == -1 || mentions[i].words.size() > mentions[c].words.size();
    const bool better_case = c != -1 &&
                             mentions[i].words == mentions[c].words &&
                             !written_in_lowercase(mentions[c]) &&
                             written_in_lowercase(mentions[i]);
    if (fuller || better_case) c = static_cast<int>(i);
  }
  return canonical;
}

// ---------------------------------------------------------------------------
// Kinds.

// What the mentions of one entity say about its kind.
struct KindEvidence {
  bool titled = false;
  bool after_place_preposition = false;
  bool pronoun = false;
};

// The kind of an entity, from the strongest evidence: organisation and
// place words in its name, a title or role, the list of real places, a
// full name of two words or more, "he said" after it, a preposition of
// place before it. `canonical` is the mention with the canonical name,
// `form` its form.
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
  if (forms.IsPlace(form)) return EntityKind::kPlace;
  if (canonical.words.size() >= 2 && !canonical.has_connector) {
    return EntityKind::kPerson;
  }
  if (evidence.pronoun) return EntityKind::kPerson;
  if (evidence.after_place_preposition) return EntityKind::kPlace;
  return EntityKind::kUnknown;
}

// "He said" makes the nearest name before it, in the same or the previous
// sentence, a person ("Burton arrived. ... he said"), skipping names that
// are places, organisations or possessors.
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
    for (int steps = 0; i > 0 && steps < kMaxLookBack; ++steps) {
      const RawMention& m = mentions[--i];
      if (m.sentence < p.sentence - 1) break;
      const EntityKind kind = kinds[entity_of[i]];
      if (m.after_place_preposition || m.possessive ||
          kind == EntityKind::kPlace || kind == EntityKind::kOrganization) {
        continue;
      }
      (*evidence)[entity_of[i]].pronoun = true;
      break;
    }
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
  }
  // Kinds without the weaker evidence, to know which names a pronoun can
  // stand for.
  std::vector<EntityKind> kinds(count);
  for (size_t e = 0; e < count; ++e) {
    KindEvidence strong;
    strong.titled = evidence[e].titled;
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

EntityIndex::EntityIndex(const Document& doc) : doc_(&doc) {
  // The words of the document, which the words of the raw mentions point
  // into, reused by the next document of the thread.
  thread_local ArticleBuffers buffers;
  std::vector<PronounAttribution> pronouns;
  std::vector<RawMention> raw = CollectMentions(doc, &buffers, &pronouns);
  thread_local Forms forms;
  forms.Collect(raw);
  int entity_count = 0;
  const std::vector<int> entity_of =
      ClusterMentions(raw, forms, &entity_count);
  const std::vector<int> canonical =
      CanonicalMentions(doc.text, raw, entity_of, entity_count);
  const std::vector<EntityKind> kinds =
      DecideKinds(raw, forms, entity_of, canonical, pronouns);

  entities_.resize(entity_count);
  for (int e = 0; e < entity_count; ++e) {
    entities_[e].name = Surface(doc.text, raw[canonical[e]]);
    entities_[e].kind = kinds[e];
  }
  mentions_.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    const int e = entity_of[i];
    mentions_.push_back({raw[i].begin, raw[i].end, e});
    // Each mention's role is read here only.
    if (entities_[e].role.empty()) entities_[e].role = std::move(raw[i].role);
    if (kinds[e] == EntityKind::kPerson) {
      person_mentions_.push_back(static_cast<int>(i));
    }
  }
  // Each alias refers to the entity of the first mention of its form.
  aliases_.reserve(forms.keys.size());
  for (size_t f = 0; f < forms.keys.size(); ++f) {
    aliases_.try_emplace(std::string(forms.keys[f]),
                         entity_of[forms.first_mention[f]]);
  }
  buffers.ReleaseIfLarge();
  forms.ReleaseIfLarge();
}

absl::InlinedVector<int, 16> EntityIndex::EntitiesIn(size_t begin,
                                                     size_t end,
                                                     size_t max) const {
  // The entities listed so far, searched linearly: few are asked.
  absl::InlinedVector<int, 16> listed;
  auto it = std::lower_bound(
      mentions_.begin(), mentions_.end(), begin,
      [](const EntityMention& m, size_t offset) { return m.begin < offset; });
  // Mentions do not overlap: once one runs past `end`, all later ones do.
  for (; it != mentions_.end() && it->end <= end && listed.size() < max;
       ++it) {
    if (std::find(listed.begin(), listed.end(), it->entity) == listed.end()) {
      listed.push_back(it->entity);
    }
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
  const auto it = aliases_.find(FormKey(words));
  return it == aliases_.end() ? -1 : it->second;
}

}  // namespace crosscheck::extract
