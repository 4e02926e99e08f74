#include "src/extract/context.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/node_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
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
  std::string event;
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
      phrase.event = row[1];
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
// sentence's words in text order.
Words ContextWords(const std::vector<Word>& words, segment::Range mention) {
  const size_t lo =
      mention.begin > kContextBytes ? mention.begin - kContextBytes : 0;
  const size_t hi = mention.end + kContextBytes;
  auto first = std::lower_bound(
      words.begin(), words.end(), lo,
      [](const Word& w, size_t offset) { return w.begin < offset; });
  auto last = std::lower_bound(
      first, words.end(), hi,
      [](const Word& w, size_t offset) { return w.end <= offset; });
  return Words(words.data() + (first - words.begin()),
               static_cast<size_t>(last - first));
}

// The tokens of a mention: [first, last], by index into the sentence's words.
// A mention between tokens gets first == last + 1 at the next token.
struct TokenRange {
  int first = 0;
  int last = -1;
};

TokenRange MentionTokens(Words words,
                         segment::Range mention) {
  TokenRange range;
  range.first = static_cast<int>(words.size());
  for (int i = 0; i < static_cast<int>(words.size()); ++i) {
    if (words[i].end <= mention.begin) continue;
    if (words[i].begin >= mention.end) {
      if (range.first == static_cast<int>(words.size())) range.first = i;
      break;
    }
    range.first = std::min(range.first, i);
    range.last = i;
  }
  if (range.last < range.first) range.last = range.first - 1;
  return range;
}

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
  return f == ";" || f == ":" || f == "(" || f == ")" ||
         f == "\xE2\x80\x94" || f == "\xE2\x80\x93";
}

// A conjunction that, after a comma, starts a new clause: "signed a pact in
// 2012, and the treaty of 2008 settled ...".
bool IsCoordinator(const Word& word) {
  if (word.kind != segment::TokenKind::kWord) return false;
  const absl::string_view f = word.folded;
  return f == "and" || f == "but" || f == "or" || f == "while" ||
         f == "whereas" || f == "yet";
}

bool IsComma(const Word& word) {
  return word.kind == segment::TokenKind::kPunct && word.folded == ",";
}

bool InMention(int i, const TokenRange& mention) {
  return i >= mention.first && i <= mention.last;
}

// A word that may stand between two words of an event phrase: a stop word
// ("took her office") or an "-ly" adverb ("was formally sworn in").
bool IsGapWord(const Word& word) {
  if (word.kind != segment::TokenKind::kWord) return false;
  return StopWords().contains(word.folded) ||
         (word.folded.size() > 4 && absl::EndsWith(word.folded, "ly"));
}

// Matches `phrase` at words[start]; returns one past its last token, or -1.
int MatchPhrase(Words words, int start,
                const EventPhrase& phrase) {
  int i = start;
  const int n = static_cast<int>(words.size());
  for (size_t k = 0; k < phrase.words.size(); ++k) {
    if (i < n && words[i].folded == phrase.words[k]) {
      ++i;
    } else if (k > 0 && i + 1 < n && IsGapWord(words[i]) &&
               words[i + 1].folded == phrase.words[k]) {
      i += 2;
    } else {
      return -1;
    }
  }
  return i;
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
  };
  Verb verb = Verb::kNo;
  // The lemma of the verb reading and its class, when verb != kNo.
  std::string verb_lemma;
  VerbClass verb_class = VerbClass::kEvent;
  // Lemma(word) is an irregular verb's lemma ("stands").
  bool irregular_verb_lemma = false;
  bool stop_word = false;
  bool determiner = false;
  // The word's keyword lemma (FindKeywords), or empty when it is none.
  std::string keyword;
};

WordLexis ComputeLexis(const std::string& folded) {
  WordLexis lexis;
  lexis.stop_word = StopWords().contains(folded);
  lexis.determiner = IsDeterminerForm(folded);
  const std::string lemma = Lemma(folded);
  lexis.irregular_verb_lemma = IrregularVerbLemmas().contains(lemma);

  // Keyword: without a possessive; stop words and number words are none.
  {
    std::string bare = folded;
    StripPossessive(&bare);
    const std::string head = bare.substr(0, bare.find('-'));
    if (!StopWords().contains(bare) && !NumberWords().contains(head)) {
      std::string keyword = Lemma(bare);
      if (keyword.size() >= 2 && !StopWords().contains(keyword)) {
        lexis.keyword = std::move(keyword);
      }
    }
  }

  // Verb reading, as ReadVerb takes it apart from position.
  if (folded.find('\'') != std::string::npos) return lexis;
  const auto& irregular = IrregularWords();
  if (auto it = irregular.find(folded); it != irregular.end()) {
    const FormTag tag = it->second.tag;
    if (tag == FormTag::kNoun || tag == FormTag::kSame) return lexis;
    lexis.verb = WordLexis::Verb::kIrregular;
    lexis.verb_lemma = it->second.lemma;
  } else {
    const bool ing = folded.size() > 4 && absl::EndsWith(folded, "ing");
    const bool ed = folded.size() > 4 && absl::EndsWith(folded, "ed");
    const bool known = VerbLemmas().contains(lemma);
    if (ing || ed) {
      if (ing && !known) return lexis;  // "morning", "building"
      lexis.verb = ing ? WordLexis::Verb::kIng : WordLexis::Verb::kEd;
    } else {
      if (!known) return lexis;
      lexis.verb = WordLexis::Verb::kBase;
    }
    lexis.verb_lemma = lemma;
  }
  const auto& verbs = Verbs();
  if (auto it = verbs.find(lexis.verb_lemma); it != verbs.end()) {
    lexis.verb_class = it->second;
  }
  if (lexis.verb_class == VerbClass::kAuxiliary) {
    lexis.verb = WordLexis::Verb::kNo;
    lexis.verb_lemma.clear();
  }
  return lexis;
}

// The most distinct words LexisOf keeps before it starts over, so that its
// memory stays bounded however much text a thread reads.
constexpr size_t kMaxLexisEntries = 1 << 16;

// Per-thread memo of ComputeLexis. References stay valid until
// TrimLexisMemo(), which only the public entry points call.
absl::node_hash_map<std::string, WordLexis, WordHash, WordEq>& LexisMemo() {
  thread_local absl::node_hash_map<std::string, WordLexis, WordHash, WordEq>
      memo;
  return memo;
}

void TrimLexisMemo() {
  auto& memo = LexisMemo();
  if (memo.size() > kMaxLexisEntries) memo.clear();
}

const WordLexis& LexisOf(const Word& word) {
  auto& memo = LexisMemo();
  auto it = memo.find(word.folded);
  if (it == memo.end()) {
    it = memo.emplace(word.folded, ComputeLexis(word.folded)).first;
  }
  return it->second;
}

// Words before a noun: "the visit", "her call" are not verbs.
bool IsDeterminerWord(const Word& word) {
  return word.kind == segment::TokenKind::kWord ? LexisOf(word).determiner
                                                : IsDeterminerForm(word.folded);
}

// Whether the base or "-s" form words[i] of a known verb stands where a
// verb can: first, or after a name, a pronoun, an auxiliary, "to", an adverb
// or punctuation ("they visit", "to sign", "Okafor visits"). After another
// content word only an "-s" form followed by the start of an object is a
// verb ("the declaration commits the two", "trade totals 48.5"); "a
// scholarship fund", "gas imports now" are nouns.
bool VerbPosition(Words words, int i, size_t sentence_begin) {
  if (i == 0) return true;
  const Word& previous = words[i - 1];
  if (previous.kind != segment::TokenKind::kWord) return true;
  const WordLexis& before = LexisOf(previous);
  if (before.determiner) return false;
  if (NameLike(previous, sentence_begin) || before.stop_word ||
      (previous.folded.size() > 4 && absl::EndsWith(previous.folded, "ly"))) {
    return true;
  }
  if (!absl::EndsWith(words[i].folded, "s")) return false;
  // "-s" forms of irregular verbs are rarely nouns: "trade stands at".
  if (LexisOf(words[i]).irregular_verb_lemma) return true;
  if (i + 1 >= static_cast<int>(words.size())) return false;
  const Word& next = words[i + 1];
  return next.kind == segment::TokenKind::kNumber ||
         IsDeterminerWord(next) || next.capitalized;
}

// The verb reading of words[i], if it can be a verb: an irregular verb
// form; a word ending in "-ed" or "-ing" not after a determiner ("a packed
// hall"); or a base or "-s" form of a known verb where a verb can stand.
// Auxiliaries are no reading.
const WordLexis* ReadVerb(Words words, int i, size_t sentence_begin) {
  const Word& word = words[i];
  if (word.kind != segment::TokenKind::kWord) return nullptr;
  if (NameLike(word, sentence_begin)) return nullptr;
  const WordLexis& lexis = LexisOf(word);
  switch (lexis.verb) {
    case WordLexis::Verb::kNo:
      return nullptr;
    case WordLexis::Verb::kIrregular:
      return &lexis;
    case WordLexis::Verb::kEd:
    case WordLexis::Verb::kIng:
      if (i > 0 && IsDeterminerWord(words[i - 1])) return nullptr;
      return &lexis;
    case WordLexis::Verb::kBase:
      return VerbPosition(words, i, sentence_begin) ? &lexis : nullptr;
  }
  return nullptr;
}

// The nearest candidate so far; at equal distance the earlier one (before
// the mention) wins.
struct Nearest {
  int distance = -1;
  std::string value;

  void Offer(int d, const std::string& candidate) {
    if (distance < 0 || d < distance) {
      distance = d;
      value = candidate;
    }
  }
  bool found() const { return distance >= 0; }
};

}  // namespace

std::string Lemma(absl::string_view word) {
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

std::string FindPredicate(const Document& doc,
                          const segment::Sentence& sentence,
                          segment::Range mention) {
  return FindPredicate(internal::Words(doc.text, sentence.begin, sentence.end),
                       sentence, mention);
}

std::string FindPredicate(const std::vector<internal::Word>& sentence_words,
                          const segment::Sentence& sentence,
                          segment::Range mention) {
  TrimLexisMemo();
  const Words words = ContextWords(sentence_words, mention);
  const TokenRange target = MentionTokens(words, mention);
  const int n = static_cast<int>(words.size());

  // The clause the mention stands in starts after the nearest clause
  // punctuation on its left. A predicate of that clause before the mention
  // governs it ("address a forum on Wednesday and visit the port" dates
  // the address); only when there is none is the nearest one after it
  // taken ("On Monday, Okafor arrived").
  int clause_start = 0;
  for (int i = std::min(target.first, n) - 1; i >= 0; --i) {
    if (IsClauseBreak(words[i]) ||
        (i > 0 && IsCoordinator(words[i]) && IsComma(words[i - 1]))) {
      clause_start = i + 1;
      break;
    }
  }

  // Candidates on each side of the mention: 0 before, 1 after.
  Nearest event[2];
  Nearest verb[2];
  Nearest reporting[2];
  std::vector<bool> in_event(words.size(), false);
  const auto& phrases = EventPhrases();
  for (int i = 0; i < n; ++i) {
    // Event phrases start with a word (events.tsv).
    if (words[i].kind != segment::TokenKind::kWord || InMention(i, target)) {
      continue;
    }
    auto it = phrases.find(words[i].folded);
    if (it == phrases.end()) continue;
    for (const EventPhrase& phrase : it->second) {
      const int end = MatchPhrase(words, i, phrase);
      if (end < 0) continue;
      const int side = i < target.first ? 0 : 1;
      if (side == 0 && end - 1 < clause_start) continue;
      event[side].Offer(Distance(i, end - 1, target), phrase.event);
      for (int k = i; k < end; ++k) in_event[k] = true;
    }
  }
  for (int i = 0; i < n; ++i) {
    if (InMention(i, target) || in_event[i]) continue;
    const int side = i < target.first ? 0 : 1;
    if (side == 0 && i < clause_start) continue;
    const WordLexis* reading = ReadVerb(words, i, sentence.begin);
    if (reading == nullptr) continue;
    const int d = Distance(i, i, target);
    if (reading->verb_class == VerbClass::kReporting) {
      reporting[side].Offer(d, reading->verb_lemma);
    } else {
      verb[side].Offer(d, reading->verb_lemma);
    }
  }

  for (int side = 0; side < 2; ++side) {
    if (event[side].found() &&
        (!verb[side].found() || event[side].distance <= verb[side].distance)) {
      return event[side].value;
    }
    if (verb[side].found()) return verb[side].value;
  }
  for (int side = 0; side < 2; ++side) {
    if (reporting[side].found()) return reporting[side].value;
  }
  return "";
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
  TrimLexisMemo();
  const Words words = ContextWords(sentence_words, mention);
  const TokenRange target = MentionTokens(words, mention);
  // The content lemma of words[i], or empty when it is no keyword.
  auto keyword_at = [&](int i) -> std::string {
    const Word& word = words[i];
    if (word.kind != segment::TokenKind::kWord) return "";
    // Capitalised words are names (entities), except the first word.
    if (NameLike(word, sentence.begin)) return "";
    return LexisOf(word).keyword;
  };
  // Nearest first, walking outward from the mention; at equal distance the
  // word after the mention (what a figure counts) before the word in front
  // of it. Stops as soon as `limit` keywords are found.
  std::vector<std::string> keywords;
  WordSet seen;
  const int n = static_cast<int>(words.size());
  for (int d = 1; static_cast<int>(keywords.size()) < limit; ++d) {
    const int after = target.last + d;
    const int before = target.first - d;
    if (after >= n && before < 0) break;
    for (const int i : {after, before}) {
      if (i < 0 || i >= n || static_cast<int>(keywords.size()) >= limit) {
        continue;
      }
      std::string lemma = keyword_at(i);
      if (!lemma.empty() && seen.insert(lemma).second) {
        keywords.push_back(std::move(lemma));
      }
    }
  }
  return keywords;
}

crosscheck::v1::Claim MakeMentionClaim(
    const Document& doc, const segment::Sentence& sentence,
    const std::vector<internal::Word>& sentence_words,
    crosscheck::v1::Claim::Kind kind, size_t begin, size_t end) {
  crosscheck::v1::Claim claim;
  claim.set_kind(kind);
  claim.mutable_span()->set_begin(begin);
  claim.mutable_span()->set_end(end);
  claim.mutable_sentence()->set_begin(sentence.begin);
  claim.mutable_sentence()->set_end(sentence.end);
  claim.set_text(std::string(doc.Slice(begin, end)));
  const segment::Range mention{begin, end};
  claim.set_predicate(FindPredicate(sentence_words, sentence, mention));
  for (std::string& keyword :
       FindKeywords(sentence_words, sentence, mention, kMentionKeywords)) {
    claim.add_keywords(std::move(keyword));
  }
  return claim;
}

}  // namespace crosscheck::extract
