#include "src/extract/entities.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
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

// ---------------------------------------------------------------------------
// Lexicons (data/*.tsv), loaded once.

enum class TitleClass { kHonorific, kOffice, kOccupation, kModifier };

// What a word inside a name says about the name (org_words.tsv).
enum class NameClass { kNone, kOrganization, kPlace, kEvent };

struct Lexicons {
  WordMap<TitleClass> titles;
  WordMap<NameClass> name_words;
  // Lowercase names of real countries, capitals and regions.
  WordSet places;
  // Lowercase demonyms ("french") and demonym endings ("ian").
  WordSet demonyms;
  std::vector<std::string> demonym_suffixes;
  // Words that are never names ("the", months) and words that are not
  // names at the start of a sentence or quotation ("But", "Police").
  WordSet non_names;
  WordSet initial_non_names;
  WordSet reporting_verbs;
  // Third-person singular pronouns of known gender ("he", "she").
  WordSet person_pronouns;
  WordSet org_connectors;
  WordSet particles;
  WordSet place_prepositions;
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
    lex->titles.emplace(Lower(row[0]), value);
  }
}

void LoadNameWords(Lexicons* lex) {
  for (const auto& row : ReadTsv("org_words.tsv")) {
    const std::string& kind = Field(row, 1);
    NameClass value = NameClass::kEvent;
    if (kind == "org") value = NameClass::kOrganization;
    if (kind == "place") value = NameClass::kPlace;
    lex->name_words.emplace(Lower(row[0]), value);
  }
  for (const auto& row : ReadTsv("countries.tsv")) {
    lex->places.insert(Lower(row[0]));
    const std::string& demonym = Field(row, 2);
    if (!demonym.empty() && demonym != "-")
      lex->demonyms.insert(Lower(demonym));
  }
}

void LoadNonNames(Lexicons* lex) {
  for (const auto& row : ReadTsv("non_name_capitalized.tsv")) {
    const std::string& category = Field(row, 1);
    if (category == "demonym-suffix") {
      lex->demonym_suffixes.push_back(Lower(row[0]));
    } else if (category == "always") {
      lex->non_names.insert(Lower(row[0]));
    } else {
      lex->initial_non_names.insert(Lower(row[0]));
    }
  }
  // Dates are not entities: month and weekday names, shared with the date
  // extractor.
  for (const auto& row : ReadTsv("months.tsv")) lex->non_names.insert(row[0]);
  for (const auto& row : ReadTsv("weekdays.tsv")) lex->non_names.insert(row[0]);
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
    if (role == "org-connector") lex->org_connectors.insert(row[0]);
    if (role == "particle") lex->particles.insert(row[0]);
    if (role == "place-preposition") lex->place_prepositions.insert(row[0]);
  }
}

const Lexicons& Lex() {
  static const Lexicons* const kLexicons = [] {
    auto* lex = new Lexicons;
    LoadTitles(lex);
    LoadNameWords(lex);
    LoadNonNames(lex);
    LoadContextWords(lex);
    return lex;
  }();
  return *kLexicons;
}

std::optional<TitleClass> TitleOf(absl::string_view key) {
  const auto& titles = Lex().titles;
  const auto it = titles.find(key);
  if (it == titles.end()) return std::nullopt;
  return it->second;
}

// A word that can head a role: "President", "spokeswoman", "fellow".
bool IsRoleHead(absl::string_view key) {
  const std::optional<TitleClass> cls = TitleOf(key);
  return cls == TitleClass::kOffice || cls == TitleClass::kOccupation;
}

NameClass NameClassOf(absl::string_view key) {
  const auto& words = Lex().name_words;
  const auto it = words.find(key);
  return it == words.end() ? NameClass::kNone : it->second;
}

bool IsOpeningMark(char32_t c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C ||
         c == 0x2018 || c == 0x00AB || c == 0x2039;
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

// ---------------------------------------------------------------------------
// Words of a sentence.

// One token of a sentence, with what the entity rules need to know of it.
struct Word {
  size_t begin = 0;
  size_t end = 0;
  // End of the name part: before a possessive "’s".
  size_t name_end = 0;
  // Lowercase text up to `name_end`.
  std::string key;
  // A word token (letters first); numbers and punctuation are not.
  bool is_word = false;
  bool capitalized = false;
  // "Okafor’s", "Reynolds’": the name ends here.
  bool possessive = false;
  // First word of a sentence or of a quotation, capitalized by position.
  bool initial = false;
  // The character of a punctuation token, else 0.
  char32_t punct = 0;
};

// The words of a sentence from its tokens (Document::sentence_words).
std::vector<Word> ReadWords(absl::string_view text,
                            const std::vector<internal::Word>& tokens) {
  std::vector<Word> words;
  words.reserve(tokens.size());
  bool at_start = true;  // no word yet, or just after an opening mark
  for (const internal::Word& token : tokens) {
    Word w;
    w.begin = token.begin;
    w.end = token.end;
    w.name_end = token.end;
    int len = 1;
    const unsigned char lead = static_cast<unsigned char>(text[token.begin]);
    const char32_t first =
        lead < 0x80 ? lead : base::DecodeUtf8(text, token.begin, &len);
    if (token.kind == TokenKind::kPunct) {
      w.punct = first;
      // An apostrophe right after a word ending in "s": "Reynolds’ office".
      if (IsApostrophe(first) && !words.empty() && words.back().is_word &&
          words.back().end == token.begin &&
          (text[token.begin - 1] == 's' || text[token.begin - 1] == 'S')) {
        words.back().possessive = true;
      }
      at_start = at_start || IsOpeningMark(first) || first == ':';
      words.push_back(std::move(w));
      continue;
    }
    w.is_word = token.kind == TokenKind::kWord;
    // internal::Word::capitalized is IsUpper of the first character.
    w.capitalized = w.is_word && token.capitalized;
    const absl::string_view raw =
        text.substr(token.begin, token.end - token.begin);
    if (raw.back() == 's' || raw.back() == 'S') {
      for (absl::string_view suffix : {"\u2019s", "'s", "\u2019S", "'S"}) {
        if (raw.size() > suffix.size() && absl::EndsWith(raw, suffix)) {
          w.possessive = true;
          w.name_end = token.end - suffix.size();
          break;
        }
      }
    }
    // The folded token is the lowercase text byte for byte unless folding
    // changed its length (a typographic apostrophe or hyphen).
    if (token.folded.size() == raw.size()) {
      w.key.assign(token.folded, 0, w.name_end - w.begin);
    } else {
      w.key = Lower(text.substr(w.begin, w.name_end - w.begin));
    }
    w.initial = at_start;
    at_start = false;
    words.push_back(std::move(w));
  }
  return words;
}

// Capitalized words seen in the article, and lowercase words.
// The keys point into the words of the sentences (CollectMentions), which
// outlive the sets.
struct ArticleWords {
  // Keys of capitalized words that occur somewhere not sentence-initial.
  absl::flat_hash_set<absl::string_view, WordHash, WordEq> capitalized_inside;
  // Keys of words that occur in lowercase.
  absl::flat_hash_set<absl::string_view, WordHash, WordEq> lowercase;
};

// ---------------------------------------------------------------------------
// Name chunks.

// A single capital letter followed by a period: an initial ("A. Okafor").
bool IsInitialLetter(const std::vector<Word>& words, size_t i) {
  const Word& w = words[i];
  return w.is_word && w.capitalized && w.end - w.begin == 1 &&
         i + 1 < words.size() && words[i + 1].punct == '.' &&
         words[i + 1].begin == w.end;
}

bool IsNonName(const Word& w) {
  return Lex().non_names.contains(w.key) ||
         (w.initial && Lex().initial_non_names.contains(w.key));
}

// A word that may be part of a name: capitalized and not a known non-name.
bool IsNameWord(const std::vector<Word>& words, size_t i) {
  const Word& w = words[i];
  if (!w.is_word || !w.capitalized) return false;
  return IsInitialLetter(words, i) || !IsNonName(w);
}

// A period that belongs to the word before it ("Mr.", "A.").
bool IsAbbreviationDot(const std::vector<Word>& words, size_t i) {
  if (i == 0 || i >= words.size() || words[i].punct != '.') return false;
  const Word& prev = words[i - 1];
  if (prev.end != words[i].begin) return false;
  return TitleOf(prev.key).has_value() || IsInitialLetter(words, i - 1);
}

// A maximal run of name words, with particles ("van der"), connectors
// inside organisation names ("Ministry of Finance") and abbreviation dots.
struct Chunk {
  // Indices into the sentence's words: name words and connectors, in order.
  std::vector<size_t> parts;
};

bool HasOrgOrPlaceWord(const std::vector<Word>& words,
                       const std::vector<size_t>& parts) {
  for (size_t i : parts) {
    const NameClass cls = NameClassOf(words[i].key);
    if (cls == NameClass::kOrganization || cls == NameClass::kPlace) {
      return true;
    }
  }
  return false;
}

bool IsLowercaseWord(const Word& w) { return w.is_word && !w.capitalized; }

// Grows a chunk that starts at name word `start`, up to kMaxNameWords
// parts; returns the index of the first word after it.
size_t GrowChunk(const std::vector<Word>& words, size_t start, Chunk* chunk) {
  chunk->parts.push_back(start);
  size_t last = start;
  while (!words[last].possessive && chunk->parts.size() < kMaxNameWords) {
    size_t next = last + 1;
    if (next < words.size() && IsAbbreviationDot(words, next)) ++next;
    if (next >= words.size()) return next;
    if (IsNameWord(words, next)) {
      chunk->parts.push_back(next);
      last = next;
      continue;
    }
    // Lowercase joiners before the next name word: particles ("von der")
    // or one connector after an organisation or place word ("of").
    size_t resume = next;
    while (resume < words.size() && IsLowercaseWord(words[resume]) &&
           Lex().particles.contains(words[resume].key)) {
      ++resume;
    }
    if (resume == next && IsLowercaseWord(words[next]) &&
        Lex().org_connectors.contains(words[next].key) &&
        HasOrgOrPlaceWord(words, chunk->parts)) {
      ++resume;
    }
    if (resume == next || resume >= words.size() ||
        !IsNameWord(words, resume) ||
        chunk->parts.size() + (resume - next + 1) > kMaxNameWords) {
      return next;
    }
    for (size_t j = next; j <= resume; ++j) chunk->parts.push_back(j);
    last = resume;
  }
  return last + 1;
}

bool IsReportingVerb(const std::vector<Word>& words, size_t i) {
  return i < words.size() && words[i].is_word &&
         Lex().reporting_verbs.contains(words[i].key);
}

bool IsDemonym(absl::string_view key) {
  if (Lex().demonyms.contains(key)) return true;
  for (const std::string& suffix : Lex().demonym_suffixes) {
    if (key.size() > suffix.size() + 2 && absl::EndsWith(key, suffix)) {
      return true;
    }
  }
  return false;
}

// A one-word chunk used as an adjective: "Valdorian gas", "French wine".
bool IsAdjectiveUse(const std::vector<Word>& words, const Chunk& chunk) {
  if (chunk.parts.size() != 1) return false;
  const size_t i = chunk.parts[0];
  if (!IsDemonym(words[i].key) || words[i].possessive) return false;
  const size_t next = i + 1;
  return next < words.size() && words[next].is_word &&
         !words[next].capitalized && !IsReportingVerb(words, next);
}

// Drops what position alone capitalized at the start of a chunk that opens
// a sentence or quotation: "Crowds gathered", "Environmental groups". A
// capitalized word that the article also capitalizes elsewhere is a name.
// Returns false when nothing of the chunk is left.
bool TrimInitialWord(const std::vector<Word>& words,
                     const ArticleWords& article, Chunk* chunk) {
  const Word& first = words[chunk->parts[0]];
  // A title opening a name ("President Ada Okafor", "Prime Minister ...")
  // is capitalized anyway.
  const std::optional<TitleClass> title = TitleOf(first.key);
  const bool opens_title =
      title.has_value() && (title != TitleClass::kModifier ||
                            (chunk->parts.size() > 1 &&
                             TitleOf(words[chunk->parts[1]].key).has_value()));
  if (!first.initial || opens_title ||
      article.capitalized_inside.contains(first.key)) {
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
  if (!article.lowercase.contains(first.key)) return true;
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
size_t RoleStart(const std::vector<Word>& words, size_t head) {
  size_t start = head;
  while (start > 0 && head - start + 1 < kMaxNameWords) {
    const Word& w = words[start - 1];
    if (!w.is_word) break;
    const bool title =
        TitleOf(w.key).has_value() && TitleOf(w.key) != TitleClass::kHonorific;
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

std::string CollapseSpaces(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string RoleText(absl::string_view text, const std::vector<Word>& words,
                     size_t first, size_t last) {
  return CollapseSpaces(
      text.substr(words[first].begin, words[last].end - words[first].begin));
}

// An appositive after a name: "Tomas Berg, a senior fellow at the Baltic
// Policy Institute in Riga, said". It starts after the comma at `comma`,
// holds a role word among its first words and ends at the next comma or at
// the end of the sentence.
std::string AppositiveAfter(absl::string_view text,
                            const std::vector<Word>& words, size_t comma) {
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
    if (w.is_word && i < first + kHeadWithin && IsRoleHead(w.key)) {
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

struct RawMention {
  size_t begin = 0;
  size_t end = 0;
  // Lowercase words of the name, connectors included.
  std::vector<std::string> words;
  // The name as written, spaces collapsed.
  std::string surface;
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

// The class given by the last organisation, place or event word of a name
// (lowercase words): "Harbor Times" is an organisation, "Lundby Congress
// Centre" a place.
NameClass NameClassFor(const std::vector<std::string>& words) {
  for (auto it = words.rbegin(); it != words.rend(); ++it) {
    const NameClass cls = NameClassOf(*it);
    if (cls != NameClass::kNone) return cls;
  }
  return NameClass::kNone;
}

// Splits a chunk into its leading role words ("Prime Minister") and the
// name after them. Returns the position in `parts` where the name starts
// (0 when there is no title).
size_t NameStart(const std::vector<Word>& words, const Chunk& chunk) {
  size_t start = 0;
  for (size_t p = 0; p + 1 < chunk.parts.size(); ++p) {
    if (!TitleOf(words[chunk.parts[p]].key).has_value() ||
        TitleOf(words[chunk.parts[p]].key) == TitleClass::kModifier) {
      continue;
    }
    // A title with a name word after it.
    for (size_t q = p + 1; q < chunk.parts.size(); ++q) {
      if (!TitleOf(words[chunk.parts[q]].key).has_value()) {
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
bool DropTrailingTitle(const std::vector<Word>& words,
                       std::vector<size_t>* name) {
  size_t keep = name->size();
  while (keep > 0) {
    const std::optional<TitleClass> cls = TitleOf(words[(*name)[keep - 1]].key);
    if (!cls.has_value() || cls == TitleClass::kModifier) break;
    --keep;
  }
  if (keep == name->size()) return false;
  while (keep > 0 &&
         TitleOf(words[(*name)[keep - 1]].key) == TitleClass::kModifier) {
    --keep;
  }
  name->resize(keep);
  return true;
}

class MentionCollector {
 public:
  MentionCollector(absl::string_view text, const ArticleWords& article)
      : text_(text), article_(article) {}

  void AddSentence(const std::vector<Word>& words, int sentence) {
    size_t i = 0;
    while (i < words.size()) {
      if (!IsNameWord(words, i)) {
        ++i;
        continue;
      }
      Chunk chunk;
      const size_t next = GrowChunk(words, i, &chunk);
      AddChunk(words, chunk, sentence);
      i = next;
    }
  }

  std::vector<RawMention> Take() { return std::move(mentions_); }

 private:
  void AddChunk(const std::vector<Word>& words, Chunk chunk, int sentence) {
    if (!TrimInitialWord(words, article_, &chunk)) return;
    if (IsAdjectiveUse(words, chunk)) return;
    const size_t name_start = NameStart(words, chunk);
    if (name_start == 0) {
      std::vector<size_t> name = chunk.parts;
      if (!DropTrailingTitle(words, &name)) {
        AddName(words, name, RoleBefore(words, name.front(), name.back()),
                false, sentence);
      } else if (!name.empty() &&
                 !(name.size() == 1 && IsDemonym(words[name[0]].key))) {
        AddName(words, name, "", false, sentence);
      }
      return;
    }
    const std::vector<size_t> title(chunk.parts.begin(),
                                    chunk.parts.begin() + name_start);
    const std::vector<size_t> name(chunk.parts.begin() + name_start,
                                   chunk.parts.end());
    AddPrefixName(words, title, sentence);
    // The role: the title words of the chunk and the role words before it,
    // without honorifics ("Ms." is not a role).
    size_t head = title.size();
    while (head > 0 &&
           TitleOf(words[title[head - 1]].key) == TitleClass::kHonorific) {
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
  std::string RoleBefore(const std::vector<Word>& words, size_t first,
                         size_t last) const {
    if (first == 0) return "";
    size_t head = first - 1;
    if (words[head].punct == ',') {
      const bool comma_after =
          last + 1 < words.size() && words[last + 1].punct == ',';
      if (head == 0 || !comma_after) return "";
      --head;
    }
    if (!words[head].is_word || !IsRoleHead(words[head].key)) return "";
    return RoleText(text_, words, RoleStart(words, head), head);
  }

  // The capitalized words before a title inside a chunk, "Estmark" in
  // "Estmark Prime Minister Henrik Solberg", are a name of their own.
  void AddPrefixName(const std::vector<Word>& words,
                     const std::vector<size_t>& title, int sentence) {
    std::vector<size_t> prefix;
    for (size_t i : title) {
      if (TitleOf(words[i].key).has_value()) break;
      prefix.push_back(i);
    }
    if (prefix.empty()) return;
    if (prefix.size() == 1 && IsDemonym(words[prefix[0]].key)) return;
    AddName(words, prefix, "", false, sentence);
  }

  void AddName(const std::vector<Word>& words, const std::vector<size_t>& name,
               std::string role, bool titled, int sentence) {
    if (name.empty()) return;
    RawMention m;
    m.begin = words[name.front()].begin;
    m.end = words[name.back()].name_end;
    m.surface = CollapseSpaces(text_.substr(m.begin, m.end - m.begin));
    for (size_t i : name) m.words.push_back(words[i].key);
    const bool person_like = NameClassFor(m.words) == NameClass::kNone;
    if (role.empty() && person_like) {
      role = AppositiveAfter(text_, words, name.back() + 1);
    }
    m.titled = titled || !role.empty();
    m.role = std::move(role);
    m.after_place_preposition = AfterPlacePreposition(words, name.front());
    m.possessive = words[name.back()].possessive;
    m.sentence = sentence;
    mentions_.push_back(std::move(m));
  }

  bool AfterPlacePreposition(const std::vector<Word>& words,
                             size_t first) const {
    if (first == 0 || !words[first - 1].is_word) return false;
    const std::string& before = words[first - 1].key;
    if (Lex().place_prepositions.contains(before)) return true;
    // "President Ada Okafor of Valdoria".
    return before == "of" && first >= 2 && !mentions_.empty() &&
           mentions_.back().titled &&
           mentions_.back().end == words[first - 2].name_end;
  }

  absl::string_view text_;
  const ArticleWords& article_;
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

// The longest person pronoun of pronouns.tsv, in bytes.
size_t MaxPronounBytes() {
  size_t longest = 0;
  for (const std::string& pronoun : Lex().person_pronouns) {
    longest = std::max(longest, pronoun.size());
  }
  return longest;
}

void FindPronounAttributions(const std::vector<Word>& words, int sentence,
                             std::vector<PronounAttribution>* out) {
  static const size_t kMaxPronounBytes = MaxPronounBytes();
  for (size_t i = 0; i < words.size(); ++i) {
    // Pronouns are short: most words are ruled out without a lookup.
    if (!words[i].is_word || words[i].key.size() > kMaxPronounBytes ||
        !Lex().person_pronouns.contains(words[i].key)) {
      continue;
    }
    // "he said", or "said he" closing the clause (not "said she had").
    const bool verb_after = IsReportingVerb(words, i + 1);
    const bool verb_before = i > 0 && IsReportingVerb(words, i - 1) &&
                             (i + 1 == words.size() || !words[i + 1].is_word);
    if (verb_after || verb_before) out->push_back({words[i].begin, sentence});
  }
}

// Every name mention of the document's sentences, in text order, and the
// pronoun attributions among them.
std::vector<RawMention> CollectMentions(
    const Document& doc, std::vector<PronounAttribution>* pronouns) {
  const auto& sentences = doc.seg.sentences;
  std::vector<std::vector<Word>> words(sentences.size());
  ArticleWords article;
  for (size_t s = 0; s < sentences.size(); ++s) {
    words[s] = ReadWords(doc.text, doc.sentence_words[s]);
    for (const Word& w : words[s]) {
      if (!w.is_word) continue;
      if (!w.capitalized) {
        article.lowercase.insert(w.key);
      } else if (!w.initial) {
        article.capitalized_inside.insert(w.key);
      }
    }
  }
  MentionCollector collector(doc.text, article);
  for (size_t s = 0; s < sentences.size(); ++s) {
    collector.AddSentence(words[s], static_cast<int>(s));
    FindPronounAttributions(words[s], static_cast<int>(s), pronouns);
  }
  return collector.Take();
}

// ---------------------------------------------------------------------------
// Clustering of aliases.

std::string FormKey(const std::vector<std::string>& words) {
  return absl::StrJoin(words, " ");
}

bool HasConnector(const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (Lex().org_connectors.contains(w)) return true;
  }
  return false;
}

// A form that can be a person's full name, of which a shorter form may be
// an alias: two or more words, no organisation or place words.
bool IsPersonLikeForm(const std::vector<std::string>& words) {
  return words.size() >= 2 && !HasConnector(words) &&
         NameClassFor(words) == NameClass::kNone &&
         !Lex().places.contains(FormKey(words));
}

// The distinct name forms (lowercase word sequences) of the mentions.
struct Forms {
  // The key (FormKey) of each form.
  std::vector<std::string> keys;
  // The form of each mention.
  std::vector<int> of_mention;
  // The first mention of each form.
  std::vector<int> first_mention;
  // For each form, the longer person-like forms ending with it that are
  // heads (no alias themselves): "ada okafor" and "ben okafor" for
  // "okafor". Empty for a head.
  std::vector<std::vector<int>> heads;
};

Forms CollectForms(const std::vector<RawMention>& mentions) {
  Forms forms;
  WordMap<int> form_of_key;
  forms.of_mention.resize(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    std::string key = FormKey(mentions[i].words);
    const auto [it, inserted] = form_of_key.try_emplace(
        key, static_cast<int>(forms.first_mention.size()));
    if (inserted) {
      forms.first_mention.push_back(static_cast<int>(i));
      forms.keys.push_back(std::move(key));
    }
    forms.of_mention[i] = it->second;
  }
  // Each proper suffix of a person-like form points back to it. A suffix's
  // key is the tail of the form's key after a space (words hold no
  // spaces), looked up in place.
  std::vector<std::vector<int>> longer(forms.first_mention.size());
  for (size_t f = 0; f < forms.first_mention.size(); ++f) {
    if (!IsPersonLikeForm(mentions[forms.first_mention[f]].words)) continue;
    const absl::string_view key = forms.keys[f];
    for (size_t space = key.find(' '); space != absl::string_view::npos;
         space = key.find(' ', space + 1)) {
      const auto it = form_of_key.find(key.substr(space + 1));
      if (it != form_of_key.end()) longer[it->second].push_back(f);
    }
  }
  // A longer form that is itself an alias is never the only candidate: the
  // form it aliases ends with the same words.
  forms.heads.resize(longer.size());
  for (size_t f = 0; f < longer.size(); ++f) {
    for (int candidate : longer[f]) {
      if (longer[candidate].empty()) forms.heads[f].push_back(candidate);
    }
  }
  return forms;
}

// Assigns each mention to an entity. A form ("okafor") that ends longer
// person-like forms ("ada okafor") is an alias of one of them: the one
// mentioned most recently before the mention, or when none was, the first
// one mentioned after it. Two different full names ("ada okafor", "ben
// okafor") are never merged. Returns the entity of each mention, entities
// numbered by first mention, and sets `entity_count`.
std::vector<int> ClusterMentions(const std::vector<RawMention>& mentions,
                                 int* entity_count) {
  const Forms forms = CollectForms(mentions);
  std::vector<int> last_seen(forms.first_mention.size(), -1);
  absl::flat_hash_map<int, int> entity_of_head;
  std::vector<int> entity_of_mention(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    const int form = forms.of_mention[i];
    int head = form;
    for (int candidate : forms.heads[form]) {
      const bool more_recent = last_seen[candidate] > last_seen[head];
      const bool earlier_unseen =
          last_seen[candidate] == -1 && last_seen[head] == -1 &&
          forms.first_mention[candidate] < forms.first_mention[head];
      if (head == form || more_recent || earlier_unseen) head = candidate;
    }
    last_seen[head] = static_cast<int>(i);
    const auto [it, inserted] = entity_of_head.try_emplace(
        head, static_cast<int>(entity_of_head.size()));
    entity_of_mention[i] = it->second;
  }
  *entity_count = static_cast<int>(entity_of_head.size());
  return entity_of_mention;
}

bool HasLowercase(absl::string_view text) {
  for (char c : text) {
    if (absl::ascii_islower(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

// The mention whose surface is each entity's canonical name: the fullest
// form, as first written not in capitals ("Lundby" rather than a
// dateline's "LUNDBY").
std::vector<int> CanonicalMentions(const std::vector<RawMention>& mentions,
                                   const std::vector<int>& entity_of,
                                   int entity_count) {
  std::vector<int> canonical(entity_count, -1);
  for (size_t i = 0; i < mentions.size(); ++i) {
    int& c = canonical[entity_of[i]];
    const bool fuller =
        c == -1 || mentions[i].words.size() > mentions[c].words.size();
    const bool better_case =
        c != -1 && mentions[i].words == mentions[c].words &&
        !HasLowercase(mentions[c].surface) && HasLowercase(mentions[i].surface);
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
// place before it.
EntityKind DecideKind(const std::vector<std::string>& canonical_words,
                      const KindEvidence& evidence) {
  switch (NameClassFor(canonical_words)) {
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
  if (Lex().places.contains(FormKey(canonical_words))) {
    return EntityKind::kPlace;
  }
  if (canonical_words.size() >= 2 && !HasConnector(canonical_words)) {
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
    const std::vector<RawMention>& mentions, const std::vector<int>& entity_of,
    const std::vector<int>& canonical,
    const std::vector<PronounAttribution>& pronouns) {
  const size_t count = canonical.size();
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
    kinds[e] = DecideKind(mentions[canonical[e]].words, strong);
  }
  MarkPronounReferents(mentions, entity_of, kinds, pronouns, &evidence);
  for (size_t e = 0; e < count; ++e) {
    kinds[e] = DecideKind(mentions[canonical[e]].words, evidence[e]);
  }
  return kinds;
}

}  // namespace

// ---------------------------------------------------------------------------

EntityIndex::EntityIndex(const Document& doc) : doc_(&doc) {
  std::vector<PronounAttribution> pronouns;
  const std::vector<RawMention> raw = CollectMentions(doc, &pronouns);
  int entity_count = 0;
  const std::vector<int> entity_of = ClusterMentions(raw, &entity_count);
  const std::vector<int> canonical =
      CanonicalMentions(raw, entity_of, entity_count);
  const std::vector<EntityKind> kinds =
      DecideKinds(raw, entity_of, canonical, pronouns);

  entities_.resize(entity_count);
  for (int e = 0; e < entity_count; ++e) {
    entities_[e].name = raw[canonical[e]].surface;
    entities_[e].kind = kinds[e];
  }
  mentions_.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    const int e = entity_of[i];
    mentions_.push_back({raw[i].begin, raw[i].end, e});
    if (entities_[e].role.empty()) entities_[e].role = raw[i].role;
    aliases_.try_emplace(FormKey(raw[i].words), e);
    if (kinds[e] == EntityKind::kPerson) {
      person_mentions_.push_back(static_cast<int>(i));
    }
  }
}

std::vector<std::string> EntityIndex::NamesIn(size_t begin, size_t end) const {
  std::vector<std::string> names;
  absl::flat_hash_set<int> seen;
  auto it = std::lower_bound(
      mentions_.begin(), mentions_.end(), begin,
      [](const EntityMention& m, size_t offset) { return m.begin < offset; });
  // Mentions do not overlap: once one runs past `end`, all later ones do.
  for (; it != mentions_.end() && it->end <= end; ++it) {
    if (seen.insert(it->entity).second) {
      names.push_back(entities_[it->entity].name);
    }
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
    if (words.empty() && TitleOf(key).has_value()) continue;
    words.push_back(std::move(key));
  }
  const auto it = aliases_.find(FormKey(words));
  return it == aliases_.end() ? -1 : it->second;
}

}  // namespace crosscheck::extract
