#include "src/extract/context.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/node_hash_map.h"
#include "absl/container/node_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "src/extract/fold.h"
#include "src/extract/lexicon.h"
#include "src/extract/words.h"

namespace crosscheck::extract {
namespace {

// How far around a mention FindPredicate and FindKeywords look, in bytes
// each side (about 60 words).
constexpr size_t kContextBytes = 400;
// Longer words are not English words to lemmatize; Lemma returns them
// folded, so that its work stays linear however long the token.
constexpr size_t kMaxLemmaBytes = 64;

// ---------------------------------------------------------------------------
// Memo keys.

// A word of at most kMaxShortKeyBytes bytes as two integers and its size,
// for the per-thread memos that are looked up at every word: equal words
// have equal keys and different words different ones, and a key is made,
// hashed and compared in a few integer operations, without a pass over the
// bytes. `head` and `tail` are the word's first and last 8 bytes (4 when it
// has fewer than 8), which overlap in a shorter word and so hold every byte
// of it; a word of fewer than 4 bytes is its first, middle and last bytes in
// `head`, which are all of them.
struct ShortKey {
  uint64_t head = 0;
  uint64_t tail = 0;
  uint64_t size = 0;

  friend bool operator==(const ShortKey& a, const ShortKey& b) {
    return a.head == b.head && a.tail == b.tail && a.size == b.size;
  }
};

constexpr size_t kMaxShortKeyBytes = 16;

// The key of `word`, or false when it is longer than kMaxShortKeyBytes.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool MakeShortKey(absl::string_view word,
                                                      ShortKey* key) {
  const char* const p = word.data();
  const size_t n = word.size();
  if (n > kMaxShortKeyBytes) return false;
  if (n >= 8) {
    std::memcpy(&key->head, p, 8);
    std::memcpy(&key->tail, p + n - 8, 8);
  } else if (n >= 4) {
    uint32_t head;
    uint32_t tail;
    std::memcpy(&head, p, 4);
    std::memcpy(&tail, p + n - 4, 4);
    key->head = head;
    key->tail = tail;
  } else if (n > 0) {
    key->head = uint64_t{static_cast<unsigned char>(p[0])} |
                uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
                uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
    key->tail = 0;
  } else {
    key->head = 0;
    key->tail = 0;
  }
  key->size = n;
  return true;
}

// The same for a std::string, whose terminating zero (data()[size()]) can
// be read as well: a word of 1 to 3 bytes is its first two bytes, read at
// once, and its last byte, which with that zero are all of them. Keys of
// the same word from the two differ: a memo makes all its keys with one.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool MakeShortKey(const std::string& word,
                                                      ShortKey* key) {
  const char* const p = word.data();
  const size_t n = word.size();
  if (n >= 4 || n == 0) return MakeShortKey(absl::string_view(word), key);
  uint16_t first_two;
  std::memcpy(&first_two, p, 2);
  key->head = first_two | uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
  key->tail = 0;
  key->size = n;
  return true;
}

// Mixes every bit of the key into every bit of the hash, as Abseil's Swiss
// tables need.
struct ShortKeyHash {
  size_t operator()(const ShortKey& key) const {
    constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
    uint64_t h = (key.head ^ (key.size * kMul)) * kMul;
    h = ((h ^ (h >> 29)) ^ key.tail) * kMul;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return static_cast<size_t>(h);
  }
};

// The slot of `key` in a direct-mapped cache of 2^kBits slots. One
// multiply: the top bits of the product depend on every bit of
// head + 2 * tail, which differs for the words met together in a text
// (its words of 4 or 8 bytes, whose head and tail are equal, included).
// Words that share it only share a slot.
template <int kBits>
size_t RecentSlot(const ShortKey& key) {
  const uint64_t h = (key.head + 2 * key.tail) * 0x9E3779B97F4A7C15ull;
  return static_cast<size_t>(h >> (64 - kBits));
}

// A memo of values by ShortKey. Values stay where they are until Clear().
// In front of the hash table, a direct-mapped cache holds the words met
// lately: most words of a text were met shortly before and are found there
// with a multiply and a compare instead of the table's probe. Any slot of
// the cache may be overwritten; a word not found there is looked up in the
// table.
template <typename Value>
class ShortWordMemo {
 public:
  // The value of `key` when it was met lately, else null (whether or not
  // it has one): Find without the table, for a caller's fast path.
  const Value* FindRecent(const ShortKey& key) const {
    const Recent& recent = recent_[RecentSlot(key)];
    return recent.key == key ? recent.value : nullptr;
  }

  // The value of `key`, or null when there is none.
  const Value* Find(const ShortKey& key) {
    Recent& recent = recent_[RecentSlot(key)];
    if (recent.key == key) return recent.value;
    auto it = map_.find(key);
    if (it == map_.end()) return nullptr;
    recent = {key, &it->second};
    return &it->second;
  }

  // Stores `value` for `key`, which has none yet.
  const Value& Insert(const ShortKey& key, Value value) {
    const Value* stored = &map_.emplace(key, std::move(value)).first->second;
    recent_[RecentSlot(key)] = {key, stored};
    return *stored;
  }

  size_t size() const { return map_.size(); }

  void Clear() {
    map_.clear();
    std::fill(recent_.begin(), recent_.end(), Recent());
  }

 private:
  static constexpr int kRecentBits = 12;

  // A word met lately, in the slot its key picks. An empty slot has a
  // key of a size no word's key has, so that no key is equal to it.
  struct Recent {
    ShortKey key = {0, 0, ~uint64_t{0}};
    const Value* value = nullptr;
  };

  static size_t RecentSlot(const ShortKey& key) {
    return extract::RecentSlot<kRecentBits>(key);
  }

  absl::node_hash_map<ShortKey, Value, ShortKeyHash> map_;
  std::vector<Recent> recent_ = std::vector<Recent>(size_t{1} << kRecentBits);
};

// ---------------------------------------------------------------------------
// Strings copied into claims.

#if defined(__GNUC__)
#define CONTEXT_FLATTEN __attribute__((flatten))
#else
#define CONTEXT_FLATTEN
#endif

// Strings of at most this many bytes are copied into a claim at this fixed
// size and then cut to length: a copy of fixed size takes no call, where a
// copy of the string's own length would (std::string holds 15 bytes
// without allocating).
constexpr size_t kFixedCopyBytes = 15;

// A string followed by zero bytes up to kFixedCopyBytes, so that a copy of
// it can read kFixedCopyBytes bytes whatever its length (NewCopy, SetCopy).
class PaddedString {
 public:
  PaddedString() : bytes_(kFixedCopyBytes, '\0') {}
  explicit PaddedString(std::string text)
      : size_(text.size()), bytes_(std::move(text)) {
    if (bytes_.size() < kFixedCopyBytes) bytes_.resize(kFixedCopyBytes);
  }

  absl::string_view view() const { return {bytes_.data(), size_}; }
  bool empty() const { return size_ == 0; }
  // How many bytes can be read from the start: at least kFixedCopyBytes.
  size_t readable() const { return bytes_.size(); }

 private:
  size_t size_ = 0;
  std::string bytes_;
};

// A new string holding `text`, of which `readable` >= text.size() bytes
// can be read from its start: at the fixed size kFixedCopyBytes, then cut,
// when the text is no longer and that many bytes can be read.
inline std::string* NewCopy(absl::string_view text, size_t readable) {
  if (text.size() <= kFixedCopyBytes && readable >= kFixedCopyBytes) {
    auto* copy = new std::string(text.data(), kFixedCopyBytes);
    copy->erase(text.size());
    return copy;
  }
  return new std::string(text.data(), text.size());
}

// A copy of `text`, at the fixed size kFixedCopyBytes when it is no
// longer (NewCopy).
ABSL_ATTRIBUTE_NOINLINE CONTEXT_FLATTEN std::string FixedCopyOf(
    const PaddedString& text) {
  const absl::string_view view = text.view();
  ABSL_ASSUME(view.size() <= kFixedCopyBytes);
  std::string copy(view.data(), kFixedCopyBytes);
  copy.erase(view.size());
  return copy;
}

// A copy of `text`.
inline std::string CopyOf(const PaddedString& text) {
  return text.view().size() <= kFixedCopyBytes ? FixedCopyOf(text)
                                               : std::string(text.view());
}

// Sets `*out`, an empty string, to `text` as NewCopy copies it. (NewCopy,
// FixedCopyOf and SetCopy each build the string where it is kept: one
// copy returned by value and moved there cost about 7 million more
// instructions a pass on the benchmark.)
inline void SetCopy(absl::string_view text, size_t readable, std::string* out) {
  if (text.size() <= kFixedCopyBytes && readable >= kFixedCopyBytes) {
    *out = std::string(text.data(), kFixedCopyBytes);
    out->erase(text.size());
    return;
  }
  out->assign(text.data(), text.size());
}

// Sets the strings of `*claim`, which has none yet: its text, `text`, of
// which `text_readable` >= text.size() bytes can be read from its start;
// its predicate, unless null or empty; and its keywords. Everything it
// calls is inlined where it can be, the copies of strings included.
ABSL_ATTRIBUTE_NOINLINE CONTEXT_FLATTEN void SetClaimStrings(
    absl::string_view text, size_t text_readable, const PaddedString* predicate,
    absl::Span<const PaddedString* const> keywords,
    crosscheck::v1::Claim* claim) {
  SetCopy(text, text_readable, claim->mutable_text());
  // An empty predicate is the field's default: left unset, the claim is
  // the same.
  if (predicate != nullptr && !predicate->empty()) {
    SetCopy(predicate->view(), predicate->readable(),
            claim->mutable_predicate());
  }
  if (!keywords.empty()) {
    auto* const field = claim->mutable_keywords();
    field->Reserve(static_cast<int>(keywords.size()));
    for (const PaddedString* keyword : keywords) {
      field->AddAllocated(NewCopy(keyword->view(), keyword->readable()));
    }
  }
}

// ---------------------------------------------------------------------------
// Lexicons (loaded once, never freed).

// How a form listed in irregular_words.tsv relates to its lemma.
enum class FormTag { kPast, kPresent, kForm, kNoun, kSame };

struct IrregularForm {
  std::string lemma;
  FormTag tag = FormTag::kSame;
};

FormTag ParseFormTag(absl::string_view tag) {
  if (tag == "past") return FormTag::kPast;
  if (tag == "present") return FormTag::kPresent;
  if (tag == "form") return FormTag::kForm;
  if (tag == "noun") return FormTag::kNoun;
  return FormTag::kSame;
}

const WordMap<IrregularForm>& IrregularWords() {
  static const auto* const kMap = [] {
    auto* map = new WordMap<IrregularForm>();
    for (const auto& row : ReadTsv("irregular_words.tsv")) {
      if (row.size() < 3) continue;
      map->emplace(row[0], IrregularForm{row[1], ParseFormTag(row[2])});
    }
    return map;
  }();
  return *kMap;
}

enum class VerbClass { kEvent, kReporting, kAuxiliary };

// verbs.tsv by lemma. Verbs of change ("rise", "cut") are events here; only
// the figure extractor tells them apart.
const WordMap<VerbClass>& Verbs() {
  static const auto* const kMap = [] {
    auto* map = new WordMap<VerbClass>();
    for (const auto& row : ReadTsv("verbs.tsv")) {
      if (row.size() < 2) continue;
      const VerbClass verb_class = row[1] == "reporting" ? VerbClass::kReporting
                                   : row[1] == "auxiliary"
                                       ? VerbClass::kAuxiliary
                                       : VerbClass::kEvent;
      map->emplace(row[0], verb_class);
    }
    return map;
  }();
  return *kMap;
}

const WordSet& StopWords() {
  static const auto* const kSet = [] {
    auto* set = new WordSet();
    for (const auto& row : ReadTsv("stopwords.tsv")) set->insert(row[0]);
    return set;
  }();
  return *kSet;
}

// Words that stand for numbers; they are the value of a mention, not a
// keyword describing it.
const WordSet& NumberWords() {
  static const auto* const kSet = [] {
    auto* set = new WordSet();
    for (const auto& row : ReadTsv("number_words.tsv")) set->insert(row[0]);
    for (const auto& row : ReadTsv("magnitudes.tsv")) {
      if (row.size() >= 3 && row[2] == "word") set->insert(row[0]);
    }
    return set;
  }();
  return *kSet;
}

struct EventPhrase {
  std::vector<std::string> words;
  PaddedString event;
};

// Event phrases of events.tsv, indexed by their first word.
const WordMap<std::vector<EventPhrase>>&
EventPhrases() {
  static const auto* const kMap = [] {
    auto* map =
        new WordMap<std::vector<EventPhrase>>();
    for (const auto& row : ReadTsv("events.tsv")) {
      if (row.size() < 2) continue;
      EventPhrase phrase;
      phrase.words = absl::StrSplit(row[0], ' ', absl::SkipEmpty());
      phrase.event = PaddedString(row[1]);
      if (phrase.words.empty()) continue;
      (*map)[phrase.words[0]].push_back(std::move(phrase));
    }
    return map;
  }();
  return *kMap;
}

// ---------------------------------------------------------------------------
// Word forms.

// Drops a possessive ending: "okafor's" -> "okafor", "countries'" ->
// "countries".
void StripPossessive(std::string* word) {
  if (word->size() > 2 && absl::EndsWith(*word, "'s")) {
    word->resize(word->size() - 2);
  } else if (word->size() > 1 && word->back() == '\'') {
    word->pop_back();
  }
}

bool IsPlainVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// Whether s[i] is a vowel: a, e, i, o, u, or a "y" after a consonant
// ("try", "deny"; not "yes", "play"). In a run of y's the readings
// alternate from the letter before the run, so the work is the length of
// that run, without recursion.
bool IsVowelAt(const std::string& s, size_t i) {
  if (s[i] != 'y') return IsPlainVowel(s[i]);
  size_t first = i;
  while (first > 0 && s[first - 1] == 'y') --first;
  const bool first_vowel = first > 0 && !IsPlainVowel(s[first - 1]);
  return (i - first) % 2 == 0 ? first_vowel : !first_vowel;
}

// Calls `visit(vowel)` for each letter of `s` in order, in one pass.
template <typename Visit>
void ForEachVowelReading(const std::string& s, Visit visit) {
  bool previous_vowel = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool vowel =
        s[i] == 'y' ? i > 0 && !previous_vowel : IsPlainVowel(s[i]);
    visit(vowel);
    previous_vowel = vowel;
  }
}

bool HasVowel(const std::string& s) {
  bool found = false;
  ForEachVowelReading(s, [&found](bool vowel) { found = found || vowel; });
  return found;
}

// Porter's measure: the number of vowel-consonant sequences. Linear.
int Measure(const std::string& s) {
  int m = 0;
  bool previous_vowel = false;
  ForEachVowelReading(s, [&](bool vowel) {
    if (!vowel && previous_vowel) ++m;
    previous_vowel = vowel;
  });
  return m;
}

// Consonant-vowel-consonant at the end, the last not w, x or y ("hop").
bool EndsCvc(const std::string& s) {
  const size_t n = s.size();
  if (n < 3) return false;
  const char last = s[n - 1];
  return !IsVowelAt(s, n - 3) && IsVowelAt(s, n - 2) && !IsVowelAt(s, n - 1) &&
         last != 'w' && last != 'x' && last != 'y';
}

bool IsConsonantAt(const std::string& s, size_t i) {
  return absl::ascii_isalpha(static_cast<unsigned char>(s[i])) &&
         !IsVowelAt(s, i);
}

// Restores the base form of a verb stem left by removing "-ed" or "-ing":
// undoubles a final consonant ("plann" -> "plan"), puts back a silent "e"
// ("arriv" -> "arrive", "creat" -> "create", "hop" -> "hope").
std::string RestoreStem(std::string stem) {
  const size_t n = stem.size();
  const char last = stem[n - 1];
  const char before = n >= 2 ? stem[n - 2] : '\0';
  if (n >= 4 && last == before && IsConsonantAt(stem, n - 1) && last != 'l' &&
      last != 's' && last != 'z' && IsVowelAt(stem, n - 3) &&
      IsConsonantAt(stem, n - 4)) {
    stem.pop_back();  // "stopp" -> "stop"; not "add", "call", "pass"
    return stem;
  }
  bool add_e = false;
  if (last == 'v' || last == 'u' || last == 'c') {
    add_e = true;  // "arriv", "continu", "announc"
  } else if ((last == 'z' || last == 's') && before != last) {
    add_e = true;  // "seiz", "caus", "releas"
  } else if (last == 'l' && n >= 3 &&
             (absl::string_view("bptgdkfzc").find(before) !=
                  absl::string_view::npos ||
              (before == 'u' && IsConsonantAt(stem, n - 3)))) {
    add_e = true;  // "settl", "doubl", "handl", "schedul"
  } else if (last == 't' && before == 'a' && n >= 3 && stem[n - 3] != 'e' &&
             stem[n - 3] != 'o') {
    add_e = true;  // "creat", "negotiat"; not "treat", "float"
  } else if ((last == 't' && (before == 'u' || before == 'o')) ||
             (last == 'd' && (before == 'a' || before == 'i' || before == 'o' ||
                              before == 'u'))) {
    // "disput", "promot", "decid", "conclud", "invad"; not "avoid",
    // "shout", "load" (two vowels), nor "-it" ("visit", "limit").
    add_e = n >= 3 && IsConsonantAt(stem, n - 3);
  } else if (last == 'g' && (before == 'r' || before == 'd' ||
                             (before == 'n' && n >= 3 && stem[n - 3] == 'a'))) {
    add_e = true;  // "charg", "pledg", "chang"; not "belong"
  } else if (last == 'r' && (before == 'u' || before == 'i' || before == 'a') &&
             n >= 3 && IsConsonantAt(stem, n - 3)) {
    add_e = true;  // "secur", "requir", "declar"; not "pour", "pair"
  } else if (Measure(stem) == 1 && EndsCvc(stem)) {
    add_e = true;  // "hop", "vot", "mak"
  }
  if (add_e) stem.push_back('e');
  return stem;
}

// Suffix rules for a lowercase word without an irregular entry.
std::string SuffixLemma(const std::string& w) {
  const size_t n = w.size();
  if (n <= 3) return w;
  for (const char* invariant : {"ss", "us", "is", "ics"}) {
    if (absl::EndsWith(w, invariant)) return w;
  }
  if (absl::EndsWith(w, "ies")) {
    return n > 4 ? w.substr(0, n - 3) + "y" : w.substr(0, n - 1);
  }
  if (absl::EndsWith(w, "sses") || absl::EndsWith(w, "xes") ||
      absl::EndsWith(w, "ches") || absl::EndsWith(w, "shes") ||
      absl::EndsWith(w, "zzes")) {
    return w.substr(0, n - 2);
  }
  if (w.back() == 's') return w.substr(0, n - 1);
  if (absl::EndsWith(w, "eed")) return w;  // "speed", "exceed"
  if (absl::EndsWith(w, "ied") && n > 4) return w.substr(0, n - 3) + "y";
  if (absl::EndsWith(w, "ed")) {
    const std::string stem = w.substr(0, n - 2);
    if (stem.size() >= 2 && HasVowel(stem)) return RestoreStem(stem);
    return w;
  }
  if (absl::EndsWith(w, "ing") && n > 5) {
    const std::string stem = w.substr(0, n - 3);
    if (HasVowel(stem)) return RestoreStem(stem);
  }
  return w;
}

// Lemma of a folded word without possessive, hyphen or digits.
std::string SimpleLemma(const std::string& w) {
  const auto& irregular = IrregularWords();
  if (auto it = irregular.find(w); it != irregular.end()) {
    return it->second.lemma;
  }
  for (char c : w) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(c))) return w;
  }
  return SuffixLemma(w);
}

// ---------------------------------------------------------------------------
// Sentence words.

using Word = internal::Word;
using internal::WordIs;
// A window of a sentence's words, borrowed from the caller.
using Words = absl::Span<const Word>;

// Whether a capital letter makes `word` look like a name: it is capitalized
// and not the first word of its sentence.
bool NameLike(const Word& word, size_t sentence_begin) {
  return word.capitalized && word.begin != sentence_begin;
}

// The words of the sentence around the mention: the whole sentence, or only
// the words within kContextBytes on each side of the mention, so that the
// work per mention is bounded however long the sentence. `words` are the
// sentence's words in text order, or a window of them that holds the
// mention's (then the window is returned as it is).
Words ContextWords(Words words, segment::Range mention) {
  const size_t lo =
      mention.begin > kContextBytes ? mention.begin - kContextBytes : 0;
  const size_t hi = mention.end + kContextBytes;
  // Most often all the words are near enough.
  if (words.empty() || (words.front().begin >= lo && words.back().end <= hi)) {
    return words;
  }
  auto first = std::lower_bound(
      words.begin(), words.end(), lo,
      [](const Word& w, size_t offset) { return w.begin < offset; });
  auto last = std::lower_bound(
      first, words.end(), hi,
      [](const Word& w, size_t offset) { return w.end <= offset; });
  return words.subspan(static_cast<size_t>(first - words.begin()),
                       static_cast<size_t>(last - first));
}

// The tokens of a mention: [first, last], by index into the sentence's words.
// A mention between tokens gets first == last + 1 at the next token.
struct TokenRange {
  int first = 0;
  int last = -1;
};

// Tokens between [first, last] and the mention; 0 when they overlap.
int Distance(int first, int last, const TokenRange& mention) {
  if (last < mention.first) return mention.first - last;
  if (first > mention.last) return first - mention.last;
  return 0;
}

// Punctuation that ends a clause: a semicolon, a colon, a dash or a
// bracket. Commas do not ("Okafor, who arrived on Monday, said").
bool IsClauseBreak(const Word& word) {
  if (word.kind != segment::TokenKind::kPunct) return false;
  const absl::string_view f = word.folded;
  // An en dash (or a typographic hyphen) standing alone, which Fold writes
  // "-": "met \u2013 for the fifth time \u2013 in Riga".
  if (f == "-") return word.end - word.begin > 1;
  if (f.size() == 1) {
    return f[0] == ';' || f[0] == ':' || f[0] == '(' || f[0] == ')';
  }
  return f == "\xE2\x80\x94";  // an em dash
}

bool IsComma(const Word& word) {
  return word.kind == segment::TokenKind::kPunct && WordIs(word, ",");
}

// Whether `word` is folded to `text`, compared inline
// (internal::SameBytes).
bool IsWord(const Word& word, absl::string_view text) {
  return word.folded.size() == text.size() &&
         internal::SameBytes(word.folded.data(), text.data(), text.size());
}

// Words before a noun: "the visit", "her call" are not verbs.
bool IsDeterminerForm(const std::string& folded) {
  static const auto* const kSet = new WordSet{
      "a",  "an",   "the",  "its",  "their", "his",   "her",  "our",
      "my", "your", "this", "that", "these", "those", "each", "every"};
  return kSet->contains(folded) || absl::EndsWith(folded, "'s");
}

// Lemmas of the irregular verbs of irregular_words.tsv.
const WordSet& IrregularVerbLemmas() {
  static const auto* const kSet = [] {
    auto* set = new WordSet();
    for (const auto& [form, irregular] : IrregularWords()) {
      if (irregular.tag == FormTag::kPast ||
          irregular.tag == FormTag::kPresent) {
        set->insert(irregular.lemma);
      }
    }
    return set;
  }();
  return *kSet;
}

// Lemmas of all known verbs: verbs.tsv and the irregular verbs.
const WordSet& VerbLemmas() {
  static const auto* const kSet = [] {
    auto* set = new WordSet();
    for (const auto& [lemma, verb_class] : Verbs()) set->insert(lemma);
    for (const auto& [form, irregular] : IrregularWords()) {
      if (irregular.tag == FormTag::kPast ||
          irregular.tag == FormTag::kPresent ||
          irregular.tag == FormTag::kForm) {
        set->insert(irregular.lemma);
      }
    }
    return set;
  }();
  return *kSet;
}

// happening_verbs.tsv: lemmas of verbs that say an event happened.
const absl::flat_hash_set<std::string>& HappeningVerbs() {
  static const auto* const kSet = [] {
    auto* set = new absl::flat_hash_set<std::string>;
    for (const auto& row : ReadTsv("happening_verbs.tsv")) {
      if (!row.empty() && !row[0].empty()) set->insert(row[0]);
    }
    return set;
  }();
  return *kSet;
}

// Whether `folded` is a form of "be" that makes a progressive ("were
// waiting").
bool IsBeForm(absl::string_view folded) {
  return folded == "is" || folded == "are" || folded == "was" ||
         folded == "were" || folded == "be" || folded == "been" ||
         folded == "being";
}

// What the context rules read from a folded word by itself, whatever its
// neighbours: computed once per distinct word and reused (LexisOf).
struct WordLexis {
  // How the word reads as a verb before its position is looked at.
  enum class Verb {
    kNo,          // never a verb here (apostrophe, noun, auxiliary, ...)
    kIrregular,   // an irregular verb form: a verb wherever it stands
    kEd,          // "-ed": a verb unless after a determiner
    kIng,         // "-ing" of a known verb: the same
    kBase,        // base or "-s" form of a known verb: where a verb can be
    kIngAfterBe,  // "-ing" of another word: a verb only after a form of
                  // "be" ("ships were waiting"; not "the morning")
  };
  Verb verb = Verb::kNo;
  // The lemma of the verb reading and its class, when verb != kNo.
  PaddedString verb_lemma;
  VerbClass verb_class = VerbClass::kEvent;
  // Lemma(word) is an irregular verb's lemma ("stands").
  bool irregular_verb_lemma = false;
  // Lemma(word) is a verb of happening_verbs.tsv ("struck"), which a date
  // may date the subject of (FindDateEvent).
  bool happening_verb = false;
  bool stop_word = false;
  // A word that may stand between two words of an event phrase: a stop
  // word ("took her office") or an "-ly" adverb ("was formally sworn in").
  bool gap_word = false;
  bool determiner = false;
  // A conjunction that, after a comma, starts a new clause: "signed a pact
  // in 2012, and the treaty of 2008 settled ...".
  bool coordinator = false;
  // The event phrases that start with the word, in events.tsv order; null
  // for none.
  const std::vector<EventPhrase>* phrases = nullptr;
  // Whether the word has a keyword lemma (FindKeywords), and then its id
  // in the KeywordTable, one for all the words with that keyword, so that
  // keywords are equal exactly when their ids are.
  bool has_keyword = false;
  uint32_t keyword_id = 0;

  // Which of the above a sentence's facts look at as they are built
  // (SentenceFacts::Reset), as bits, so that a word with none is passed
  // after one test.
  enum Mark : uint8_t {
    kCoordinatorMark = 1 << 0,  // coordinator
    kKeywordMark = 1 << 1,      // has_keyword
    kCandidateMark = 1 << 2,    // verb != Verb::kNo || phrases != nullptr
  };
  uint8_t marks = 0;
};

// The keywords of the words of a LexisMemo, each kept once and given an
// id, its index in a dense array that SentenceFacts::Keywords reads and
// whose texts SetClaimStrings copies: each keyword of a mention is taken
// once, and copied, from one entry, without following a pointer.
struct KeywordTable {
  // A keyword.
  struct Entry {
    // The stamp of the last SentenceFacts::Keywords that took the keyword
    // (LexisMemo::keyword_stamp).
    uint64_t taken;
    PaddedString text;
  };

  // The ids by keyword.
  WordMap<uint32_t> ids;
  // The keywords by id. They move as it grows: pointers to their texts
  // are kept only until the next keyword is added.
  std::vector<Entry> entries;

  void clear() {
    ids.clear();
    entries.clear();
  }
};

// ComputeLexis but for WordLexis::marks.
WordLexis ComputeLexisFacts(const std::string& folded,
                            KeywordTable* keywords) {
  WordLexis lexis;
  lexis.stop_word = StopWords().contains(folded);
  lexis.gap_word =
      lexis.stop_word || (folded.size() > 4 && absl::EndsWith(folded, "ly"));
  lexis.determiner = IsDeterminerForm(folded);
  lexis.coordinator = folded == "and" || folded == "but" || folded == "or" ||
                      folded == "while" || folded == "whereas" ||
                      folded == "yet";
  if (auto it = EventPhrases().find(folded); it != EventPhrases().end()) {
    lexis.phrases = &it->second;
  }
  const std::string lemma = Lemma(folded);
  lexis.irregular_verb_lemma = IrregularVerbLemmas().contains(lemma);
  lexis.happening_verb = HappeningVerbs().contains(lemma);

  // Keyword: without a possessive; stop words and number words are none.
  {
    std::string bare = folded;
    StripPossessive(&bare);
    const std::string head = bare.substr(0, bare.find('-'));
    if (!StopWords().contains(bare) && !NumberWords().contains(head)) {
      std::string keyword = Lemma(bare);
      if (keyword.size() >= 2 && !StopWords().contains(keyword)) {
        auto it = keywords->ids.find(keyword);
        if (it == keywords->ids.end()) {
          const auto id = static_cast<uint32_t>(keywords->entries.size());
          keywords->entries.push_back({0, PaddedString(keyword)});
          it = keywords->ids.emplace(std::move(keyword), id).first;
        }
        lexis.has_keyword = true;
        lexis.keyword_id = it->second;
      }
    }
  }

  // Verb reading, as ReadVerb takes it apart from position.
  if (folded.find('\'') != std::string::npos) return lexis;
  std::string verb_lemma;
  const auto& irregular = IrregularWords();
  if (auto it = irregular.find(folded); it != irregular.end()) {
    const FormTag tag = it->second.tag;
    if (tag == FormTag::kNoun || tag == FormTag::kSame) return lexis;
    lexis.verb = WordLexis::Verb::kIrregular;
    verb_lemma = it->second.lemma;
  } else {
    const bool ing = folded.size() > 4 && absl::EndsWith(folded, "ing");
    const bool ed = folded.size() > 4 && absl::EndsWith(folded, "ed");
    const bool known = VerbLemmas().contains(lemma);
    if (ing || ed) {
      if (ing && !known) {
        // "morning", "building": a verb only in "were waiting".
        if (lexis.stop_word || folded.size() < 6) return lexis;
        lexis.verb = WordLexis::Verb::kIngAfterBe;
      } else {
        lexis.verb = ing ? WordLexis::Verb::kIng : WordLexis::Verb::kEd;
      }
    } else {
      if (!known) return lexis;
      lexis.verb = WordLexis::Verb::kBase;
    }
    verb_lemma = lemma;
  }
  const auto& verbs = Verbs();
  if (auto it = verbs.find(verb_lemma); it != verbs.end()) {
    lexis.verb_class = it->second;
  }
  if (lexis.verb_class == VerbClass::kAuxiliary) {
    lexis.verb = WordLexis::Verb::kNo;
  } else {
    lexis.verb_lemma = PaddedString(std::move(verb_lemma));
  }
  return lexis;
}

// The WordLexis of `folded`; its keyword is kept in `*keywords`.
WordLexis ComputeLexis(const std::string& folded, KeywordTable* keywords) {
  WordLexis lexis = ComputeLexisFacts(folded, keywords);
  lexis.marks = (lexis.coordinator ? WordLexis::kCoordinatorMark : 0) |
                (lexis.has_keyword ? WordLexis::kKeywordMark : 0) |
                (lexis.verb != WordLexis::Verb::kNo || lexis.phrases != nullptr
                     ? WordLexis::kCandidateMark
                     : 0);
  return lexis;
}

// The most distinct words LexisOf keeps before it starts over, so that its
// memory stays bounded however much text a thread reads (beyond them, the
// words of the Document being read: TrimContextCaches).
constexpr size_t kMaxLexisEntries = 1 << 16;

// What SentenceFacts::Reset reads of a word's WordLexis, kept next to the
// key in LexisMemo's cache of recent words so that most words are read
// without following the pointer: the lexis itself, its marks and the id of
// its keyword (KeywordTable::entries; 0 when it has none, which the marks
// tell).
struct LexisRef {
  const WordLexis* lexis;
  uint32_t keyword_id;
  uint8_t marks;
};

// The LexisRef of `lexis`.
LexisRef RefOf(const WordLexis& lexis) {
  return {&lexis, lexis.keyword_id, lexis.marks};
}

// Per-thread memo of ComputeLexis, by ShortKey for the words that have one
// and by the word for longer ones. References stay valid until
// TrimContextCaches(), which only the public entry points call.
struct LexisMemo {
  // A word met lately, by ShortKey, in the slot RecentSlot picks: 32
  // bytes, its key and its LexisRef. An empty slot has a size no key has,
  // so that no key is equal to it.
  struct Recent {
    uint64_t head = 0;
    uint64_t tail = 0;
    const WordLexis* lexis = nullptr;
    uint32_t keyword_id = 0;
    uint8_t size = 0xFF;
    uint8_t marks = 0;
  };
  static constexpr int kRecentBits = 12;

  absl::node_hash_map<ShortKey, WordLexis, ShortKeyHash> short_words;
  std::vector<Recent> recent = std::vector<Recent>(size_t{1} << kRecentBits);
  absl::node_hash_map<std::string, WordLexis, WordHash, WordEq> long_words;
  // The entries' keywords.
  KeywordTable keywords;
  // Stamps of SentenceFacts::Keywords (KeywordTable::Entry::taken): the
  // last one given.
  uint64_t keyword_stamp = 0;

  size_t size() const { return short_words.size() + long_words.size(); }
  void clear() {
    short_words.clear();
    std::fill(recent.begin(), recent.end(), Recent());
    long_words.clear();
    keywords.clear();
  }
};

static_assert(sizeof(LexisMemo::Recent) == 32);

LexisMemo& Lexes() {
  thread_local LexisMemo memo;
  return memo;
}

// LexisOf, past the words met lately.
ABSL_ATTRIBUTE_NOINLINE LexisRef LexisOfSlow(LexisMemo* memo_ptr,
                                             const Word& word) {
  LexisMemo& memo = *memo_ptr;
  ShortKey key;
  if (MakeShortKey(word.folded, &key)) {
    auto it = memo.short_words.find(key);
    if (it == memo.short_words.end()) {
      it = memo.short_words
               .emplace(key, ComputeLexis(word.folded, &memo.keywords))
               .first;
    }
    const LexisRef ref = RefOf(it->second);
    memo.recent[RecentSlot<LexisMemo::kRecentBits>(key)] = {
        key.head,       key.tail,
        ref.lexis,      ref.keyword_id,
        static_cast<uint8_t>(key.size), ref.marks};
    return ref;
  }
  auto it = memo.long_words.find(word.folded);
  if (it == memo.long_words.end()) {
    it = memo.long_words
             .emplace(word.folded, ComputeLexis(word.folded, &memo.keywords))
             .first;
  }
  return RefOf(it->second);
}

// The WordLexis of `word` and what Reset reads of it, from `memo`
// (Lexes()) or computed into it. Inline for the words met lately, which
// most are, and then read from the cache's slot alone.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline LexisRef LexisOf(LexisMemo* memo,
                                                     const Word& word) {
  ShortKey key;
  if (MakeShortKey(word.folded, &key)) {
    const LexisMemo::Recent& recent =
        memo->recent[RecentSlot<LexisMemo::kRecentBits>(key)];
    if (recent.head == key.head && recent.tail == key.tail &&
        recent.size == key.size) {
      return {recent.lexis, recent.keyword_id, recent.marks};
    }
  }
  return LexisOfSlow(memo, word);
}

// The nearest candidate so far; at equal distance the earlier one (before
// the mention) wins.
struct Nearest {
  int distance = -1;
  const PaddedString* value = nullptr;

  void Offer(int d, const PaddedString* candidate) {
    if (distance < 0 || d < distance) {
      distance = d;
      value = candidate;
    }
  }
  bool found() const { return distance >= 0; }
};

// ---------------------------------------------------------------------------
// Facts of a sentence's words, computed once for all its mentions.

// An event phrase of events.tsv matched at a token (MatchPhrase).
struct PhraseMatch {
  // One past the phrase's last token.
  int end = 0;
  const PaddedString* event = nullptr;
};

// What the context rules read at one token whatever the mention, with all
// the words the facts are of as its neighbours.
struct TokenFacts {
  // LexisOf the word; null for numbers and punctuation.
  const WordLexis* lexis;
  // The last token at or before this one that is a clause break
  // (IsClauseBreak, punctuation, so without a lexis) or a comma coordinator
  // (a new clause after ", and": WordLexis::coordinator after IsComma, a
  // word); -1 for none.
  int last_break;
  // How many words before this one have a keyword (KeywordWord).
  int keywords_before;
};

// A word with a keyword: its keyword lemma (WordLexis::keyword_id), when it
// is no name.
struct KeywordWord {
  // Index of the word.
  int index;
  // Its keyword (KeywordTable::entries).
  uint32_t keyword_id;
};

// A word that can give a predicate: one with a phrase match, or with a verb
// reading in some window (a word that may be a verb, not a name).
struct Candidate {
  // Index of the word.
  int index;
  // The event phrases matched at the word, in events.tsv order:
  // matches[first_match, first_match + match_count).
  int first_match;
  int match_count;
  // The verb reading with all the words around it (ReadVerb); null when
  // there is none.
  const WordLexis* verb;
};

// The words of a sentence, or of a window of it around a mention, with the
// facts of every token computed once (Reset): the predicate and keywords of
// each mention are then read from arrays, without looking words up.
//
// Facts that read a token's neighbours (its verb reading and the event
// phrases matched from it) are computed with every word of `words` around
// it. A mention's window (ContextWords) may start or end inside `words`;
// there the window's own reading is taken, as if `words` were the window:
// a verb reading at the window's edges is read again within the window, and
// a phrase match is kept only when it ends inside the window, which is
// exactly when MatchPhrase over the window matches it (MatchPhrase reads
// only forward, one word at a time or two across a gap word, and fails
// when it reaches the window's end).
class SentenceFacts {
 public:
  // A mention's window (ContextWords): words [lo, hi), and the mention's
  // tokens, by index into the words: from the first word that ends after
  // the mention's begin to the last after it that begins before its end.
  struct Window {
    int lo = 0;
    int hi = 0;
    TokenRange target;
  };

  // How many words the buffers kept from one Reset to the next have room
  // for.
  size_t capacity() const { return tokens_.capacity(); }

  // Computes the facts of `words`, the words of the sentence that starts at
  // byte `sentence_begin` or a window of them. Linear in the words, which
  // are borrowed and must outlive every use of the facts. Buffers are kept
  // from one call to the next and only grown.
  void Reset(Words words, size_t sentence_begin) {
    words_ = words;
    sentence_begin_ = sentence_begin;
    const int n = size();
    // No more keyword words or candidates than words: the buffers are sized
    // once and filled by index.
    if (tokens_.size() < words.size() + 1) {
      tokens_.resize(words.size() + 1);
      keyword_words_.resize(words.size());
      candidates_.resize(words.size());
    }
    matches_.clear();
    LexisMemo& memo = Lexes();
    // One pass for what a word says with the words before it; the words
    // that may be candidates are listed and read with their neighbours
    // afterwards, once every lexis is known.
    const Word* const word_at = words.data();
    TokenFacts* const facts_at = tokens_.data();
    KeywordWord* const keyword_words = keyword_words_.data();
    Candidate* const candidates = candidates_.data();
    int keyword_count = 0;
    int candidate_count = 0;
    int last_break = -1;
    for (int i = 0; i < n; ++i) {
      TokenFacts& facts = facts_at[i];
      const Word& word = word_at[i];
      facts.keywords_before = keyword_count;
      if (word.kind != segment::TokenKind::kWord) {
        facts.lexis = nullptr;
        if (IsClauseBreak(word)) last_break = i;
        facts.last_break = last_break;
        continue;
      }
      const LexisRef lexis = LexisOf(&memo, word);
      facts.lexis = lexis.lexis;
      if (const uint8_t marks = lexis.marks; marks != 0) {
        if ((marks & WordLexis::kCoordinatorMark) && i > 0 &&
            IsComma(word_at[i - 1])) {
          last_break = i;
        }
        if ((marks & WordLexis::kKeywordMark) &&
            !NameLike(word, sentence_begin)) {
          keyword_words[keyword_count++] = {i, lexis.keyword_id};
        }
        if (marks & WordLexis::kCandidateMark) {
          candidates[candidate_count++] = {i, 0, 0, nullptr};
        }
      }
      facts.last_break = last_break;
    }
    keyword_count_ = keyword_count;
    facts_at[n] = {nullptr, last_break, keyword_count};
    // Keeps the words with a phrase match or a verb reading anywhere
    // (ReadVerb needs one whatever the neighbours), in order.
    int kept = 0;
    for (int k = 0; k < candidate_count; ++k) {
      Candidate candidate = candidates[k];
      if (ReadAround(&candidate)) candidates[kept++] = candidate;
    }
    candidate_count_ = kept;
  }

  // Whether these are the facts of `words`, the very same.
  bool Of(const std::vector<Word>& words) const {
    return words_.data() == words.data() && words_.size() == words.size();
  }

  // The window of a mention that lies in the words.
  Window WindowOf(segment::Range mention) const {
    const Word* const words = words_.data();
    int lo = 0;
    int hi = size();
    // Most often all the words are near enough (ContextWords).
    if (hi > 0 && (words[0].begin + kContextBytes < mention.begin ||
                   words[hi - 1].end > mention.end + kContextBytes)) {
      const Words context = ContextWords(words_, mention);
      lo = static_cast<int>(context.data() - words);
      hi = lo + static_cast<int>(context.size());
    }
    // The mention's tokens: the first word of the window that ends after
    // its begin, by binary search (words are in text order, so their ends
    // increase), and the words after it that begin before its end.
    int first = lo;
    for (unsigned count = static_cast<unsigned>(hi - lo); count > 0;) {
      const unsigned half = count / 2;
      if (words[first + half].end <= mention.begin) {
        first += static_cast<int>(half) + 1;
        count -= half + 1;
      } else {
        count = half;
      }
    }
    int last = first - 1;
    while (last + 1 < hi && words[last + 1].begin < mention.end) ++last;
    Window window;
    window.lo = lo;
    window.hi = hi;
    window.target = {first, last};
    return window;
  }

  // FindPredicate of the mention of `window`; null for none.
  ABSL_ATTRIBUTE_ALWAYS_INLINE const PaddedString* Predicate(
      const Window& window) const {
    const int lo = window.lo;
    const int hi = window.hi;
    const TokenRange& target = window.target;

    // The clause the mention stands in starts after the nearest clause
    // punctuation on its left (or ", and", not at the window's first word).
    // A predicate of that clause before the mention governs it ("address a
    // forum on Wednesday and visit the port" dates the address); only when
    // there is none is the nearest one after it taken ("On Monday, Okafor
    // arrived").
    int clause_start = lo;
    const int left = std::min(target.first, hi) - 1;
    if (left >= lo) {
      const int last_break = tokens_[left].last_break;
      if (last_break > lo ||
          (last_break == lo && tokens_[last_break].lexis == nullptr)) {
        clause_start = last_break + 1;
      }
    }

    // Candidates before the mention, then after it. Words of an event
    // phrase taken as a candidate are no verbs of their own: the phrases
    // taken so far cover the words before `event_end`, and every phrase
    // that covers word i starts at i or before. Only words with a phrase or
    // a possible verb reading (candidates_) can give anything.
    const Candidate* const end = candidates_.data() + candidate_count_;
    const Candidate* it = candidates_.data();
    if (lo > 0) {
      it = std::lower_bound(it, end, lo, [](const Candidate& c, int index) {
        return c.index < index;
      });
    }
    int event_end = lo;
    SideCandidates before;
    ScanSide<0>(window, clause_start, std::min(target.first, hi), end, &it,
                &event_end, &before);
    if (const PaddedString* found = before.EventOrVerb()) return found;
    // The words of the mention give nothing. A phrase taken before the
    // mention would have been found: `event_end` is still `lo`.
    while (it != end && it->index <= target.last && it->index < hi) ++it;
    SideCandidates after;
    ScanSide<1>(window, clause_start, hi, end, &it, &event_end, &after);
    if (const PaddedString* found = after.EventOrVerb()) return found;
    if (before.reporting.found()) return before.reporting.value;
    if (after.reporting.found()) return after.reporting.value;
    return nullptr;
  }

  // The number of words with a keyword: no mention has more distinct
  // keywords.
  size_t keyword_word_count() const { return keyword_count_; }

  // FindKeywords of the mention of `window`: stores at most `out.size()`
  // distinct keywords in `out`, nearest first, and returns how many. The
  // texts are Lexes().keywords' and are to be read before a word is looked
  // up again (KeywordTable::entries).
  size_t Keywords(const Window& window,
                  absl::Span<const PaddedString*> out) const {
    const TokenRange& target = window.target;
    // Nearest first, walking outward from the mention over the words with
    // a keyword; at equal distance the word after the mention (what a
    // figure counts) before the word in front of it. Stops as soon as
    // `out` is full. `after` is the nearest word with a keyword after the
    // mention, `before` one past the nearest before it.
    // The words with a keyword in the window are [first, last).
    const KeywordWord* const words = keyword_words_.data();
    const KeywordWord* const first = words + KeywordsBefore(window.lo);
    const KeywordWord* const last = words + KeywordsBefore(window.hi);
    const KeywordWord* after = words + KeywordsBefore(target.last + 1);
    const KeywordWord* before = words + KeywordsBefore(target.first);
    // Equal keywords have the same id (WordLexis::keyword_id): each one
    // taken is stamped, and taken again only by a later call.
    LexisMemo& memo = Lexes();
    const uint64_t stamp = ++memo.keyword_stamp;
    KeywordTable::Entry* const entries = memo.keywords.entries.data();
    size_t count = 0;
    while (count < out.size()) {
      uint32_t id;
      if (after != last) {
        if (before != first &&
            target.first - (before - 1)->index < after->index - target.last) {
          id = (--before)->keyword_id;
        } else {
          id = (after++)->keyword_id;
        }
      } else if (before != first) {
        id = (--before)->keyword_id;
      } else {
        break;
      }
      KeywordTable::Entry& entry = entries[id];
      if (entry.taken != stamp) {
        entry.taken = stamp;
        out[count++] = &entry.text;
      }
    }
    return count;
  }

 private:
  int size() const { return static_cast<int>(words_.size()); }

  // The nearest predicates found on one side of a mention.
  struct SideCandidates {
    Nearest event;
    Nearest verb;
    Nearest reporting;

    // The event phrase or plain verb the side gives: a plain verb only
    // when strictly nearer; null for neither.
    const PaddedString* EventOrVerb() const {
      if (event.found() && (!verb.found() || event.distance <= verb.distance)) {
        return event.value;
      }
      return verb.found() ? verb.value : nullptr;
    }
  };

  // Offers to `*found` the candidates of one side of the mention of
  // `window` (kSide 0 before it, from the clause's start; 1 after it): those
  // from `*it` on before word `side_end`, leaving `*it` at the first
  // candidate not read. `*event_end` is one past the last word of the
  // phrases taken so far, and is kept up to date.
  template <int kSide>
  ABSL_ATTRIBUTE_ALWAYS_INLINE void ScanSide(const Window& window,
                                             int clause_start, int side_end,
                                             const Candidate* end,
                                             const Candidate** it_ptr,
                                             int* event_end_ptr,
                                             SideCandidates* found) const {
    const int lo = window.lo;
    const int hi = window.hi;
    const TokenRange& target = window.target;
    const Candidate* it = *it_ptr;
    int event_end = *event_end_ptr;
    for (; it != end && it->index < side_end; ++it) {
      const int i = it->index;
      for (int k = 0; k < it->match_count; ++k) {
        const PhraseMatch& match = matches_[it->first_match + k];
        if (match.end > hi) continue;  // no match within the window
        if (kSide == 0 && match.end - 1 < clause_start) continue;
        found->event.Offer(Distance(i, match.end - 1, target), match.event);
        event_end = std::max(event_end, match.end);
      }
      if (i < event_end) continue;
      if (kSide == 0 && i < clause_start) continue;
      const WordLexis* reading =
          (i == lo && lo > 0) || (i == hi - 1 && hi < size())
              ? ReadVerb(i, lo, hi)
              : it->verb;
      if (reading == nullptr) continue;
      const int d = Distance(i, i, target);
      if (reading->verb_class == VerbClass::kReporting) {
        found->reporting.Offer(d, &reading->verb_lemma);
      } else {
        found->verb.Offer(d, &reading->verb_lemma);
      }
    }
    *it_ptr = it;
    *event_end_ptr = event_end;
  }

  // How many words before word i, 0 <= i <= size(), have a keyword.
  int KeywordsBefore(int i) const { return tokens_[i].keywords_before; }

  // Fills in the facts of a candidate word that read the words around it,
  // its verb reading and the event phrases matched from it, once the lexes
  // of every word are set (Reset). Returns whether it can give a predicate:
  // it has a phrase match, or a verb reading in some window (it may be a
  // verb and is no name).
  bool ReadAround(Candidate* candidate) {
    const int i = candidate->index;
    const WordLexis& lexis = *tokens_[i].lexis;
    candidate->verb =
        lexis.verb != WordLexis::Verb::kNo ? ReadVerb(i, 0, size()) : nullptr;
    if (lexis.phrases != nullptr) {
      candidate->first_match = static_cast<int>(matches_.size());
      for (const EventPhrase& phrase : *lexis.phrases) {
        const int end = MatchPhrase(i, phrase);
        // A one-word phrase after a determiner is a noun ("the centrepiece
        // of the visit"), not the verb of an event.
        if (end == i + 1 && i > 0 && IsDeterminerAt(i - 1)) continue;
        if (end >= 0) matches_.push_back({end, &phrase.event});
      }
      candidate->match_count =
          static_cast<int>(matches_.size()) - candidate->first_match;
    }
    return candidate->match_count > 0 ||
           (lexis.verb != WordLexis::Verb::kNo &&
            !NameLike(words_[i], sentence_begin_));
  }

  // Whether word i is a word that may stand between two words of an event
  // phrase (WordLexis::gap_word).
  bool IsGapWordAt(int i) const {
    return tokens_[i].lexis != nullptr && tokens_[i].lexis->gap_word;
  }

  // Matches `phrase` at word `start`, whose lexis lists it (so that its
  // first word is the word's); returns one past its last word, or -1.
  int MatchPhrase(int start, const EventPhrase& phrase) const {
    int i = start + 1;
    const int n = size();
    for (size_t k = 1; k < phrase.words.size(); ++k) {
      const absl::string_view want = phrase.words[k];
      if (i < n && IsWord(words_[i], want)) {
        ++i;
      } else if (i + 1 < n && IsGapWordAt(i) && IsWord(words_[i + 1], want)) {
        i += 2;
      } else {
        return -1;
      }
    }
    return i;
  }

  // Words before a noun: "the visit", "her call" are not verbs.
  bool IsDeterminerAt(int i) const {
    return tokens_[i].lexis != nullptr ? tokens_[i].lexis->determiner
                                       : IsDeterminerForm(words_[i].folded);
  }

  // Whether the base or "-s" form at word i of a known verb stands where a
  // verb can, with words [lo, hi) as the words around it: first, or after a
  // name, a pronoun, an auxiliary, "to", an adverb or punctuation ("they
  // visit", "to sign", "Okafor visits"). After another content word only an
  // "-s" form followed by the start of an object is a verb ("the
  // declaration commits the two", "trade totals 48.5"); "a scholarship
  // fund", "gas imports now" are nouns.
  bool VerbPosition(int i, int lo, int hi) const {
    if (i == lo) return true;
    const Word& previous = words_[i - 1];
    if (previous.kind != segment::TokenKind::kWord) return true;
    const WordLexis& before = *tokens_[i - 1].lexis;
    if (before.determiner) return false;
    if (NameLike(previous, sentence_begin_) || before.stop_word ||
        (previous.folded.size() > 4 && absl::EndsWith(previous.folded, "ly"))) {
      return true;
    }
    if (!absl::EndsWith(words_[i].folded, "s")) return false;
    // "-s" forms of irregular verbs are rarely nouns: "trade stands at".
    if (tokens_[i].lexis->irregular_verb_lemma) return true;
    if (i + 1 >= hi) return false;
    const Word& next = words_[i + 1];
    return next.kind == segment::TokenKind::kNumber || IsDeterminerAt(i + 1) ||
           next.capitalized;
  }

  // The verb reading of word i, with words [lo, hi) as the words around it,
  // if it can be a verb: an irregular verb form; a word ending in "-ed" or
  // "-ing" not after a determiner ("a packed hall"); or a base or "-s" form
  // of a known verb where a verb can stand. Auxiliaries are no reading.
  const WordLexis* ReadVerb(int i, int lo, int hi) const {
    const Word& word = words_[i];
    if (word.kind != segment::TokenKind::kWord) return nullptr;
    if (NameLike(word, sentence_begin_)) return nullptr;
    const WordLexis& lexis = *tokens_[i].lexis;
    switch (lexis.verb) {
      case WordLexis::Verb::kNo:
        return nullptr;
      case WordLexis::Verb::kIrregular:
        return &lexis;
      case WordLexis::Verb::kEd:
      case WordLexis::Verb::kIng:
        if (i > lo && IsDeterminerAt(i - 1)) return nullptr;
        return &lexis;
      case WordLexis::Verb::kBase:
        return VerbPosition(i, lo, hi) ? &lexis : nullptr;
      case WordLexis::Verb::kIngAfterBe:
        return i > lo && IsBeForm(words_[i - 1].folded) ? &lexis : nullptr;
    }
    return nullptr;
  }

  Words words_;
  size_t sentence_begin_ = 0;
  // The facts of words_[i] at tokens_[i], then at tokens_[size()] those of
  // the end (no lexis, the counts of all the words); tokens_ may be longer.
  std::vector<TokenFacts> tokens_;
  std::vector<PhraseMatch> matches_;
  // The words with a phrase match or a verb reading in some window, in
  // order, the first candidate_count_: the only ones that can give a
  // predicate.
  std::vector<Candidate> candidates_;
  int candidate_count_ = 0;
  // The words with a keyword, in order, the first keyword_count_.
  std::vector<KeywordWord> keyword_words_;
  int keyword_count_ = 0;
};

// The most words ContextCache keeps room for in the facts' buffers once
// their Document is done with, all sentences together.
constexpr size_t kMaxKeptWords = 1 << 16;

static_assert(std::is_nothrow_move_constructible_v<SentenceFacts>);

// Per-thread facts of the public entry points.
struct ContextCache {
  // Document::serial of the Document whose sentences' facts are kept; 0 for
  // none.
  uint64_t serial = 0;
  // Facts of the Document's sentence_words, by sentence, where `ready`.
  std::vector<SentenceFacts> sentences;
  std::vector<uint8_t> ready;
  // The words the buffers of `sentences` have room for, all together (the
  // sum of their capacity()), kept up to date as they grow: `sentences`
  // moves its facts when it grows, which keeps their room.
  size_t kept_words = 0;
  // Facts of one mention's window, when its words are not a Document's.
  SentenceFacts window;
};

ContextCache& Cache() {
  thread_local ContextCache cache;
  return cache;
}

// Starts the memo over when it has grown too large, and with it the facts,
// which point into it; but not while the facts kept are those of the
// Document `serial` (0: none), whose next mentions read them again. A
// sentence of more distinct words than kMaxLexisEntries would otherwise
// be read anew for each of its mentions (quadratic in its length); the
// memo keeps at most the words of one Document more.
void TrimContextCaches(uint64_t serial = 0) {
  LexisMemo& memo = Lexes();
  if (memo.size() > kMaxLexisEntries &&
      (serial == 0 || Cache().serial != serial)) {
    memo.clear();
    Cache().serial = 0;
  }
}

// The facts for the mention [begin, end) of `sentence`, whose words are
// `sentence_words`. When these are the document's own words of the
// sentence (Document::sentence_words, which do not change once
// MakeDocument has built the Document that `serial` names), the facts of
// the whole sentence, computed on the first mention and kept for the
// others; else the facts of the mention's window, computed afresh.
const SentenceFacts& FactsOf(const Document* doc,
                             const segment::Sentence& sentence,
                             const std::vector<Word>& sentence_words,
                             segment::Range mention) {
  ContextCache& cache = Cache();
  if (doc != nullptr && doc->serial != 0 &&
      doc->seg.sentences.size() == doc->sentence_words.size()) {
    const auto& sentences = doc->seg.sentences;
    // The sentence's index, when `sentence_words` is an element of
    // doc->sentence_words (std::less orders any two pointers).
    const std::less<const std::vector<Word>*> before;
    const std::vector<Word>* const first = doc->sentence_words.data();
    size_t s = sentences.size();
    if (!before(&sentence_words, first) &&
        before(&sentence_words, first + sentences.size())) {
      s = static_cast<size_t>(&sentence_words - first);
    }
    if (s < sentences.size() && sentences[s].begin == sentence.begin) {
      if (cache.serial != doc->serial) {
        cache.serial = doc->serial;
        // The facts' buffers are reused from one Document to the next,
        // unless they have room for many words: each keeps the room of the
        // longest sentence it has held, so that counting the words of the
        // last Document alone would not bound them.
        if (cache.kept_words > kMaxKeptWords) {
          cache.sentences = {};
          cache.kept_words = 0;
        }
        cache.ready.assign(sentences.size(), 0);
        if (cache.sentences.size() < sentences.size()) {
          cache.sentences.resize(sentences.size());
        }
      }
      if (!cache.ready[s] || !cache.sentences[s].Of(sentence_words)) {
        SentenceFacts& facts = cache.sentences[s];
        const size_t capacity = facts.capacity();
        facts.Reset(sentence_words, sentence.begin);
        cache.kept_words += facts.capacity() - capacity;
        cache.ready[s] = 1;
      }
      return cache.sentences[s];
    }
  }
  cache.window.Reset(ContextWords(sentence_words, mention), sentence.begin);
  return cache.window;
}

// Lemma itself, computed.
std::string ComputeLemma(absl::string_view word) {
  std::string w = Fold(word);
  if (w.size() > kMaxLemmaBytes) return w;
  StripPossessive(&w);
  if (w.empty()) return Fold(word);
  // Hyphenated compounds inflect their last part: "by-elections".
  const size_t hyphen = w.rfind('-');
  if (hyphen != std::string::npos && hyphen + 1 < w.size()) {
    return w.substr(0, hyphen + 1) + SimpleLemma(w.substr(hyphen + 1));
  }
  return SimpleLemma(w);
}

// The most words Lemma remembers before it starts over, so that its memory
// stays bounded however much text a thread reads.
constexpr size_t kMaxLemmaEntries = 1 << 14;

// ---------------------------------------------------------------------------
// Date events (FindDateEvent).

// A noun of event_nouns.tsv, under each of its forms.
struct EventNoun {
  // The canonical event; empty for a time of day.
  std::string event;
};

// The regular plural of a noun lemma: "floods", "crises", "rallies",
// "marches"; none ("") for a noun that already ends in "s" ("talks").
std::string RegularPlural(absl::string_view noun) {
  if (absl::EndsWith(noun, "is")) {
    return absl::StrCat(noun.substr(0, noun.size() - 2), "es");
  }
  if (absl::EndsWith(noun, "s")) return "";
  if (absl::EndsWith(noun, "x") || absl::EndsWith(noun, "z") ||
      absl::EndsWith(noun, "ch") || absl::EndsWith(noun, "sh")) {
    return absl::StrCat(noun, "es");
  }
  if (noun.size() >= 2 && noun.back() == 'y' &&
      !IsPlainVowel(noun[noun.size() - 2])) {
    return absl::StrCat(noun.substr(0, noun.size() - 1), "ies");
  }
  return absl::StrCat(noun, "s");
}

// event_nouns.tsv by every form of its nouns: the lemma and its regular
// plural.
const WordMap<EventNoun>& EventNouns() {
  static const auto* const kMap = [] {
    auto* map = new WordMap<EventNoun>();
    for (const auto& row : ReadTsv("event_nouns.tsv")) {
      if (row.size() < 2 || row[0].empty()) continue;
      EventNoun noun{row[1] == "-" ? std::string() : row[1]};
      const std::string plural = RegularPlural(row[0]);
      if (!plural.empty()) map->emplace(plural, noun);
      map->emplace(row[0], std::move(noun));
    }
    return map;
  }();
  return *kMap;
}

// The entry of event_nouns.tsv of a word, its possessive ending left out
// ("quake's"); null when it has none.
const EventNoun* EventNounOf(const Word& word) {
  if (word.kind != segment::TokenKind::kWord) return nullptr;
  absl::string_view folded = word.folded;
  if (word.possessive_bytes > 0 && !absl::ConsumeSuffix(&folded, "'s")) {
    absl::ConsumeSuffix(&folded, "'");
  }
  const auto& nouns = EventNouns();
  const auto it = nouns.find(folded);
  return it == nouns.end() ? nullptr : &it->second;
}

// Whether `word` is a verb form that may also modify a noun: an irregular
// past or present form, a word in "-ed", a known verb in "-ing", or the base
// or "-s" form of a known verb ("state", "reports").
bool IsVerbForm(const Word& word) {
  if (word.kind != segment::TokenKind::kWord) return false;
  const std::string& folded = word.folded;
  if (folded.find('\'') != std::string::npos) return false;
  const auto& irregular = IrregularWords();
  if (auto it = irregular.find(folded); it != irregular.end()) {
    return it->second.tag != FormTag::kNoun && it->second.tag != FormTag::kSame;
  }
  if (folded.size() > 4 && absl::EndsWith(folded, "ed")) return true;
  return VerbLemmas().contains(Lemma(folded));
}

// Whether `word`, a lowercase word, is a plural noun: "figures", "workers";
// not an adjective in "-ous" ("disastrous").
bool IsPluralNoun(const Word& word) {
  const absl::string_view folded = word.folded;
  if (word.possessive_bytes > 0 || folded.size() <= 3 || folded.back() != 's' ||
      absl::EndsWith(folded, "ss") || absl::EndsWith(folded, "us") ||
      absl::EndsWith(folded, "is")) {
    return false;
  }
  return Lemma(folded) != folded;
}

// Whether `word` is a form of an auxiliary ("will", "did", "was", "had").
bool IsAuxiliaryWord(const Word& word) {
  if (word.kind != segment::TokenKind::kWord) return false;
  const std::string& folded = word.folded;
  std::string lemma = folded;
  const auto& irregular = IrregularWords();
  if (auto it = irregular.find(folded); it != irregular.end()) {
    lemma = it->second.lemma;
  }
  const auto& verbs = Verbs();
  const auto it = verbs.find(lemma);
  return it != verbs.end() && it->second == VerbClass::kAuxiliary;
}

// Whether `word` makes the word after it a verb: "to", "not", "never",
// "n't", a form of an auxiliary ("will", "did", "was") or a subject pronoun
// ("they vote on June 3").
bool MakesVerbAfter(const Word& word) {
  static const auto* const kPronouns = [] {
    auto* set = new WordSet();
    for (const auto& row : ReadTsv("pronouns.tsv")) set->insert(row[0]);
    return set;
  }();
  if (word.kind != segment::TokenKind::kWord) return false;
  const std::string& folded = word.folded;
  if (folded == "to" || folded == "not" || folded == "never" ||
      folded == "n't" || kPronouns->contains(folded)) {
    return true;
  }
  return IsAuxiliaryWord(word);
}

// Whether `word` is a preposition that links an event noun to the date
// after it: "of", "on", "in".
bool IsEventPreposition(const Word& word) {
  return IsWord(word, "of") || IsWord(word, "on") || IsWord(word, "in");
}

// The most words between a happening verb and the date it governs ("struck
// the Drena Valley before dawn on Saturday").
constexpr int kMaxVerbToDate = 8;

// The event noun that is the subject of a happening verb governing the date
// at words[begin]: the verb within kMaxVerbToDate words before the date in
// its clause, and right before the verb (an auxiliary, "that" or ", which"
// between them allowed) an event noun ("The earthquake struck … on
// Saturday", "the strike had begun on Monday", "the earthquake that struck
// the valley on March 8", "the walkout, which started Oct. 6"). Null when
// there is none.
const EventNoun* SubjectEventOfDate(const std::vector<Word>& words, int begin) {
  LexisMemo& memo = Lexes();
  for (int v = begin - 1; v >= 1 && v >= begin - kMaxVerbToDate; --v) {
    const Word& word = words[v];
    if (word.kind == segment::TokenKind::kPunct) return nullptr;
    if (word.kind != segment::TokenKind::kWord) continue;
    // WordLexis::happening_verb, memoized with the word's other facts.
    if (!LexisOf(&memo, word).lexis->happening_verb) continue;
    int k = v - 1;
    while (k >= 0 && (IsAuxiliaryWord(words[k]) || IsWord(words[k], "not") ||
                      IsWord(words[k], "never"))) {
      --k;  // "had", "was", "has not"
    }
    if (k >= 1 && (IsWord(words[k], "which") || IsWord(words[k], "that"))) {
      --k;  // "the earthquake that struck", "the walkout, which started"
      if (k >= 1 && words[k].kind == segment::TokenKind::kPunct) --k;
    }
    if (k < 0) return nullptr;
    const EventNoun* noun = EventNounOf(words[k]);
    return noun != nullptr && !noun->event.empty() ? noun : nullptr;
  }
  return nullptr;
}

// The most words between a date and the event noun after it.
constexpr int kMaxEventModifiers = 3;

// The entry of event_nouns.tsv of the noun phrase at words[first, last)
// after a date: its first event noun or time of day before the phrase
// ends (FindDateEvent); null when there is none.
const EventNoun* EventNounOfPhrase(const std::vector<Word>& words, int first,
                                   int last) {
  for (int k = first; k < last; ++k) {
    const Word& word = words[k];
    if (word.kind == segment::TokenKind::kPunct) return nullptr;
    if (const EventNoun* noun = EventNounOf(word)) return noun;
    if (word.kind != segment::TokenKind::kWord) continue;  // "6.9-magnitude"
    if (StopWords().contains(word.folded)) return nullptr;
    // A name modifies the noun ("the 1987 Whittier Narrows earthquake").
    if (word.capitalized) continue;
    if (IsVerbForm(word)) {
      // A participle or a verb's base form modifies the noun right after
      // it only when it comes first ("Saturday's devastating earthquake",
      // "Tuesday's state visit"); after a noun it is the verb of the
      // clause ("the 2019 study found").
      return k == first && k + 1 < last ? EventNounOf(words[k + 1]) : nullptr;
    }
    // A plural noun ends the phrase ("Monday's figures show floods").
    if (IsPluralNoun(word)) return nullptr;
  }
  return nullptr;
}

}  // namespace

std::string Lemma(absl::string_view word) {
  // Per-thread memo by the word as given: by ShortKey for the words that
  // have one, by the word for longer ones. Words longer than kMaxLemmaBytes
  // are computed each time, so that the memo's memory stays bounded.
  struct LemmaMemo {
    ShortWordMemo<PaddedString> short_words;
    WordMap<std::string> long_words;
  };
  if (word.size() > kMaxLemmaBytes) return ComputeLemma(word);
  thread_local LemmaMemo memo;
  ShortKey key;
  if (MakeShortKey(word, &key)) {
    if (const PaddedString* lemma = memo.short_words.Find(key)) {
      return CopyOf(*lemma);
    }
    if (memo.short_words.size() >= kMaxLemmaEntries) memo.short_words.Clear();
    return CopyOf(
        memo.short_words.Insert(key, PaddedString(ComputeLemma(word))));
  }
  if (auto it = memo.long_words.find(word); it != memo.long_words.end()) {
    return it->second;
  }
  std::string lemma = ComputeLemma(word);
  if (memo.long_words.size() >= kMaxLemmaEntries) memo.long_words.clear();
  memo.long_words.emplace(word, lemma);
  return lemma;
}

std::string FindPredicate(const Document& doc,
                          const segment::Sentence& sentence,
                          segment::Range mention) {
  return FindPredicate(internal::Words(doc.text, sentence.begin, sentence.end),
                       sentence, mention);
}

std::string FindPredicate(const std::vector<internal::Word>& sentence_words,
                          const segment::Sentence& sentence,
                          segment::Range mention) {
  TrimContextCaches();
  const SentenceFacts& facts =
      FactsOf(nullptr, sentence, sentence_words, mention);
  const PaddedString* predicate = facts.Predicate(facts.WindowOf(mention));
  return predicate != nullptr ? std::string(predicate->view()) : std::string();
}

std::vector<std::string> FindKeywords(const Document& doc,
                                      const segment::Sentence& sentence,
                                      segment::Range mention, int limit) {
  return FindKeywords(internal::Words(doc.text, sentence.begin, sentence.end),
                      sentence, mention, limit);
}

std::vector<std::string> FindKeywords(
    const std::vector<internal::Word>& sentence_words,
    const segment::Sentence& sentence, segment::Range mention, int limit) {
  TrimContextCaches();
  const SentenceFacts& facts =
      FactsOf(nullptr, sentence, sentence_words, mention);
  std::vector<const PaddedString*> found(
      limit > 0 ? std::min<size_t>(limit, facts.keyword_word_count()) : 0);
  found.resize(facts.Keywords(facts.WindowOf(mention), absl::MakeSpan(found)));
  std::vector<std::string> keywords;
  keywords.reserve(found.size());
  for (const PaddedString* keyword : found) {
    keywords.emplace_back(keyword->view());
  }
  return keywords;
}

void FillMentionClaim(const Document& doc, const segment::Sentence& sentence,
                      const std::vector<internal::Word>& sentence_words,
                      crosscheck::v1::Claim::Kind kind, size_t begin,
                      size_t end, crosscheck::v1::Claim* claim_out) {
  crosscheck::v1::Claim& claim = *claim_out;
  claim.set_kind(kind);
  crosscheck::v1::Span* const span = claim.mutable_span();
  span->set_begin(begin);
  span->set_end(end);
  crosscheck::v1::Span* const sentence_span = claim.mutable_sentence();
  sentence_span->set_begin(sentence.begin);
  sentence_span->set_end(sentence.end);
  const segment::Range mention{begin, end};
  TrimContextCaches(doc.serial);
  const SentenceFacts& facts = FactsOf(&doc, sentence, sentence_words, mention);
  const SentenceFacts::Window window = facts.WindowOf(mention);
  const PaddedString* keywords[kMentionKeywords];
  const size_t keyword_count = facts.Keywords(window, absl::MakeSpan(keywords));
  SetClaimStrings(doc.Slice(begin, end), doc.text.size() - begin,
                  facts.Predicate(window),
                  absl::MakeConstSpan(keywords, keyword_count), &claim);
}

absl::string_view FindDateEvent(const std::vector<internal::Word>& words,
                                int begin, int end) {
  const int n = static_cast<int>(words.size());
  if (begin < 0 || begin >= end || end > n) return {};
  // After the date: the noun right after it, or a noun phrase after a
  // possessive date, a time of day with one ("Saturday morning's quake") or
  // a date after a determiner. Most dates are followed by punctuation or a
  // stop word, which end the search at once.
  int first = end;
  bool possessive = words[end - 1].possessive_bytes > 0;
  const EventNoun* noun = first < n ? EventNounOf(words[first]) : nullptr;
  if (noun != nullptr && noun->event.empty()) {  // a time of day
    possessive = possessive || words[first].possessive_bytes > 0;
    ++first;
    noun = first < n ? EventNounOf(words[first]) : nullptr;
  }
  if (noun != nullptr) {
    if (!noun->event.empty()) return noun->event;
  } else if (first < n && words[first].kind != segment::TokenKind::kPunct &&
             !StopWords().contains(words[first].folded) &&
             (possessive || IsDeterminerForm(words[begin].folded) ||
              (begin > 0 && (IsDeterminerForm(words[begin - 1].folded) ||
                             words[begin - 1].possessive_bytes > 0)))) {
    noun = EventNounOfPhrase(words, first,
                             std::min(n, first + kMaxEventModifiers + 1));
    if (noun != nullptr && !noun->event.empty()) return noun->event;
  }
  // Before the date: "the earthquake of October 14, 1987", "the vote on
  // June 3"; the date may hold its preposition ("in 2 weeks").
  const int preposition = IsEventPreposition(words[begin]) ? begin : begin - 1;
  if (preposition >= 1 && IsEventPreposition(words[preposition])) {
    noun = EventNounOf(words[preposition - 1]);
    if (noun != nullptr && !noun->event.empty() &&
        (preposition < 2 || !MakesVerbAfter(words[preposition - 2]))) {
      return noun->event;
    }
  }
  // The subject of the verb: "The earthquake struck … on Saturday".
  if (const EventNoun* subject = SubjectEventOfDate(words, begin)) {
    return subject->event;
  }
  return {};
}

}  // namespace crosscheck::extract
