#include "src/extract/quotes.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "src/base/utf8.h"
#include "src/extract/lexicon.h"
#include "src/segment/segment.h"

namespace crosscheck::extract {
namespace {

using crosscheck::v1::Claim;
using crosscheck::v1::Note;
using crosscheck::v1::Quote;
using segment::Token;
using segment::TokenKind;

// How far around a quotation an attribution is looked for, in bytes. Keeps
// the work per quotation bounded whatever the length of its sentence.
constexpr size_t kMaxWindowBytes = 400;
// Most bytes between two parts of a quotation interrupted by its
// attribution ("To win the peace,” Okafor said, “a country ...").
constexpr size_t kMaxInterruptionBytes = 200;
// Most tokens between the end of a quotation and the reporting verb of its
// attribution ("Tomas Berg, a senior fellow at ..., said").
constexpr int kMaxSubjectTokens = 24;
// Most tokens after a reporting verb before an opening mark for the verb to
// introduce the quotation ("told reporters on Tuesday: “...").
constexpr int kMaxIntroTailTokens = 6;
// The same when a colon ends them ("told reporters after the vote on
// Tuesday:").
constexpr int kMaxColonTailTokens = 16;
// Most tokens of a sentence that names the speaker of a lone quotation
// before it ("That was how Ottilie Brand, 72, described her stay.").
constexpr int kMaxDescribingSentenceTokens = 24;
// Most tokens of a sentence that is nothing but an attribution ("Okafor
// added.") after the quotation it belongs to.
constexpr int kMaxAttributionSentenceTokens = 12;
// Most tokens read from a sentence that introduces a quotation.
constexpr int kMaxIntroSentenceTokens = 60;
// Most words of a noun phrase that speaks ("the ministry", "a government
// readout", "Mr. Solberg’s office").
constexpr int kMaxPhraseWords = 4;
// Most words of a phrase after the verb ("according to a report by the
// Institute for Fiscal Studies").
constexpr int kMaxSourcePhraseWords = 8;
// How many paragraphs before its own a pronoun may look for its person.
constexpr int kMaxPronounParagraphs = 2;
// How many mentions back a pronoun or a role ("the minister") may look for
// what it stands for.
constexpr int kMaxReferentMentions = 32;
// A quotation's entities are the names of its sentence within this many
// bytes of the quotation, at most kMaxEntities of them, so that the output
// per quotation stays bounded however long the sentence (extract.cc bounds
// the entities of figures and dates alike).
constexpr size_t kEntityWindowBytes = 400;
constexpr size_t kMaxEntities = 16;

// ---------------------------------------------------------------------------
// Lexicons (data/*.tsv), loaded once.

struct VerbForm {
  std::vector<std::string> words;
  // The speaker only follows the verb ("according to the ministry").
  bool subject_after_only = false;
};

// What a person's titles or earlier pronouns say of their gender.
enum class Gender : uint8_t { kUnknown, kMale, kFemale };

// What a subject pronoun stands for: one person of a gender ("he",
// "she"), one organisation ("it"), or nobody that can be named ("they",
// "we", "I").
struct PronounReferent {
  bool person = false;
  bool organization = false;
  Gender gender = Gender::kUnknown;
};

Gender GenderOf(absl::string_view code) {
  if (code == "m") return Gender::kMale;
  if (code == "f") return Gender::kFemale;
  return Gender::kUnknown;
}

struct Lexicons {
  // Reporting verb forms by their first word.
  absl::flat_hash_map<std::string, std::vector<VerbForm>> verbs;
  // Subject pronouns, with what they refer to.
  absl::flat_hash_map<std::string, PronounReferent> pronouns;
  // Title and role words of every class ("mr", "prime", "spokeswoman").
  absl::flat_hash_set<std::string> titles;
  // Title words that head a role, a person without a name: "the minister",
  // "a senior official" ("office" and "occupation" of titles.tsv).
  absl::flat_hash_set<std::string> role_heads;
  absl::flat_hash_set<std::string> determiners;
  absl::flat_hash_set<std::string> prepositions;
  // "of", "for", "on": a noun phrase hangs on another through them.
  absl::flat_hash_set<std::string> connectors;
  // Adverbs that may stand between a speaker and the verb ("once", "later").
  absl::flat_hash_set<std::string> adverbs;
  // Words that join two clauses sharing a subject ("and", "but").
  absl::flat_hash_set<std::string> conjunctions;
  // Words that make a name an organisation ("ministry", "authority"):
  // "the ministry" may stand for "Agriculture Ministry".
  absl::flat_hash_set<std::string> org_words;
  // Nouns that stand for any company named before ("the operator").
  absl::flat_hash_set<std::string> company_nouns;
};

const std::string& Field(const std::vector<std::string>& row, size_t field) {
  static const std::string* const kEmpty = new std::string();
  return field < row.size() ? row[field] : *kEmpty;
}

const Lexicons& Lex() {
  static const Lexicons* const kLexicons = [] {
    auto* lex = new Lexicons;
    for (const auto& row : ReadTsv("reporting_verbs.tsv")) {
      VerbForm form;
      form.words = absl::StrSplit(row[0], ' ', absl::SkipEmpty());
      form.subject_after_only = Field(row, 2) == "after";
      if (form.words.empty()) continue;
      lex->verbs[form.words[0]].push_back(std::move(form));
    }
    for (const auto& row : ReadTsv("pronouns.tsv")) {
      const std::string& gender = Field(row, 1);
      const bool third_singular = Field(row, 2) == "sg" && Field(row, 3) == "3";
      PronounReferent referent;
      referent.gender = GenderOf(gender);
      referent.person = third_singular && referent.gender != Gender::kUnknown;
      referent.organization = third_singular && gender == "n";
      lex->pronouns[row[0]] = referent;
    }
    for (const auto& row : ReadTsv("titles.tsv")) {
      lex->titles.insert(row[0]);
      if (Field(row, 1) == "office" || Field(row, 1) == "occupation") {
        lex->role_heads.insert(row[0]);
      }
    }
    for (const auto& row : ReadTsv("org_words.tsv")) {
      if (Field(row, 1) == "org") lex->org_words.insert(row[0]);
    }
    for (const auto& row : ReadTsv("name_context.tsv")) {
      if (Field(row, 1) == "determiner") lex->determiners.insert(row[0]);
      if (Field(row, 1) == "org-connector") lex->connectors.insert(row[0]);
      if (Field(row, 1) == "adverb") lex->adverbs.insert(row[0]);
      if (Field(row, 1) == "conjunction") lex->conjunctions.insert(row[0]);
      if (Field(row, 1) == "company-noun") lex->company_nouns.insert(row[0]);
      if (Field(row, 1) == "place-preposition") {
        lex->prepositions.insert(row[0]);
      }
    }
    return lex;
  }();
  return *kLexicons;
}

// ---------------------------------------------------------------------------
// Characters.

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0 ||
         c == 0x2009 || c == 0x202F || c == 0x2002 || c == 0x2003;
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

bool IsAlnum(char32_t c) { return segment::IsLetter(c) || IsDigit(c); }

bool IsDash(char32_t c) {
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 ||
         c == 0x2014 || c == 0x2015 || c == 0x2212;
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

// A quotation mark that cannot be an apostrophe.
bool IsQuoteMark(char32_t c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x00AB || c == 0x00BB ||
         c == 0x2018;
}

bool IsSentenceEnd(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

// A position where a quotation may open: the start of a paragraph, or
// after a space, an opening bracket, a dash, a slash or a colon.
bool IsOpeningContext(char32_t prev) {
  return prev == 0 || IsSpace(prev) || IsDash(prev) || prev == '(' ||
         prev == '[' || prev == '{' || prev == '/' || prev == ':' ||
         prev == 0x201C || prev == 0x00AB;
}

// ---------------------------------------------------------------------------
// Pairing quote marks.

// The kinds of quotation marks that pair with each other. Single marks
// count only as ‘…’ at the top level; inside double quotation marks they
// are part of the quoted text, and an ASCII ' is always left alone, since
// both are far more often apostrophes ("won’t", "Okafor’s", "’90s").
enum class Family { kDouble, kGuillemet, kSingle };

// One stretch of quoted text: from an opening mark to its closing mark, or
// to where it was cut off when no closing mark came.
struct Part {
  // Offset of the opening mark.
  size_t open = 0;
  // The quoted text: after the opening mark, before the closing mark.
  size_t content_begin = 0;
  size_t content_end = 0;
  // After the closing mark, or `content_end` when unclosed.
  size_t end = 0;
  bool closed = false;
  // Unclosed, and cut at the end of its paragraph (rather than before the
  // next opening mark).
  bool open_at_paragraph_end = false;
  int paragraph = 0;
  Family family = Family::kDouble;
};

std::optional<Family> OpeningFamily(char32_t c, char32_t prev, char32_t next) {
  if (c == 0x201C) return Family::kDouble;
  if (c == 0x00AB) return Family::kGuillemet;
  const bool fits = IsOpeningContext(prev) && next != 0 && !IsSpace(next);
  if (c == '"' && fits) return Family::kDouble;
  // ‘ before a digit is an apostrophe typed the wrong way round ("‘90s").
  if (c == 0x2018 && fits && !IsDigit(next)) return Family::kSingle;
  return std::nullopt;
}

bool ClosesFamily(Family family, char32_t c, char32_t prev, char32_t next) {
  switch (family) {
    case Family::kDouble:
      if (c == 0x201D || c == '"') return true;
      // A “ written where ” was meant: after a word, before a space.
      return c == 0x201C && !IsOpeningContext(prev) &&
             (next == 0 || IsSpace(next) || !IsAlnum(next));
    case Family::kGuillemet:
      return c == 0x00BB;
    case Family::kSingle:
      // Not an apostrophe inside a word ("won’t") or before a number
      // ("’90s").
      return IsApostrophe(c) && !IsSpace(prev) && prev != 0 &&
             !(IsAlnum(prev) && IsAlnum(next));
  }
  return false;
}

// The end of `text[begin, end)` without trailing white space.
size_t TrimEnd(absl::string_view text, size_t begin, size_t end) {
  while (end > begin) {
    int len;
    if (!IsSpace(base::DecodeUtf8Before(text, end, &len))) break;
    end -= len;
  }
  return end;
}

// The first position in text[pos, end) of a byte that is not ASCII or
// is one of the ASCII marks '"' and '\'', or `end` when there is none:
// the only bytes PairMarks has to look at, in most text one in thirty.
size_t SkipPlainAscii(absl::string_view text, size_t pos, size_t end) {
  const char* const data = text.data();
#if defined(__SSE2__)
  // Bit k for byte k of the 16 at data + at: its high bit (not ASCII), or
  // one of the marks.
  const auto stops_at = [data](size_t at) {
    const __m128i bytes =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(
        bytes, _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')),
                            _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\''))))));
  };
  for (; pos < end && end - pos >= 16; pos += 16) {
    const unsigned stops = stops_at(pos);
    if (stops != 0) return pos + static_cast<size_t>(__builtin_ctz(stops));
  }
  // The last bytes, read with the text after them when there are 16 bytes
  // left in it, those past `end` masked off.
  if (pos < end && text.size() - pos >= 16) {
    const unsigned stops = stops_at(pos) & ((1u << (end - pos)) - 1);
    return stops != 0 ? pos + static_cast<size_t>(__builtin_ctz(stops)) : end;
  }
#endif
  for (; pos < end; ++pos) {
    const auto byte = static_cast<unsigned char>(data[pos]);
    if (byte >= 0x80 || byte == '"' || byte == '\'') return pos;
  }
  return end;
}

// Pairs the quotation marks of one paragraph in a single pass. A mark
// that is never closed ends at the next opening mark of its family or at
// the end of the paragraph.
void PairMarks(absl::string_view text, const segment::Paragraph& paragraph,
               int paragraph_index, std::vector<Part>* parts) {
  std::optional<Part> open;
  auto cut = [&](size_t at, bool paragraph_end) {
    open->content_end =
        std::max(open->content_begin, TrimEnd(text, open->content_begin, at));
    open->end = open->content_end;
    open->open_at_paragraph_end = paragraph_end;
    parts->push_back(*open);
    open.reset();
  };
  char32_t prev = 0;
  size_t pos = paragraph.begin;
  while (true) {
    // Most bytes are ASCII other than the two marks: no mark, no decoding.
    const size_t stop = SkipPlainAscii(text, pos, paragraph.end);
    if (stop > pos) prev = static_cast<unsigned char>(text[stop - 1]);
    pos = stop;
    if (pos >= paragraph.end) break;
    int len;
    const char32_t c = base::DecodeUtf8(text, pos, &len);
    int next_len;
    const char32_t next = pos + len < paragraph.end
                              ? base::DecodeUtf8(text, pos + len, &next_len)
                              : 0;
    if (open.has_value() && ClosesFamily(open->family, c, prev, next)) {
      open->content_end = pos;
      open->end = pos + len;
      open->closed = true;
      parts->push_back(*open);
      open.reset();
    } else if (const std::optional<Family> family =
                   OpeningFamily(c, prev, next);
               family.has_value() &&
               (!open.has_value() || open->family == *family ||
                open->family == Family::kSingle)) {
      if (open.has_value() && open->family != *family) {
        // A single mark left open when a double mark or a guillemet opens
        // was an apostrophe ("rocked ‘til dawn. “We ..."): dropped.
        open.reset();
      }
      if (open.has_value()) cut(pos, /*paragraph_end=*/false);
      open = Part{};
      open->open = pos;
      open->content_begin = pos + len;
      open->paragraph = paragraph_index;
      open->family = *family;
    }
    prev = c;
    pos += len;
  }
  if (open.has_value()) cut(paragraph.end, /*paragraph_end=*/true);
}

// ---------------------------------------------------------------------------
// Tokens around a quotation.

absl::string_view TextOf(const Document& doc, const Token& t) {
  return doc.Slice(t.begin, t.end);
}

// The text of a token with its ASCII letters lowercased, for lookups in
// the lexicons: in a buffer of its own, not allocated, for a word of up to
// kInlineBytes bytes. Neither copied nor moved, since view() may point
// into the object.
class LowerWord {
 public:
  LowerWord(const Document& doc, const Token& t) {
    const absl::string_view s = TextOf(doc, t);
    if (s.size() > kInlineBytes) {
      long_ = absl::AsciiStrToLower(s);
      view_ = long_;
      return;
    }
    for (size_t k = 0; k < s.size(); ++k) {
      inline_[k] = absl::ascii_tolower(static_cast<unsigned char>(s[k]));
    }
    view_ = absl::string_view(inline_, s.size());
  }
  LowerWord(const LowerWord&) = delete;
  LowerWord& operator=(const LowerWord&) = delete;

  absl::string_view view() const { return view_; }

 private:
  static constexpr size_t kInlineBytes = 32;
  char inline_[kInlineBytes];
  std::string long_;
  absl::string_view view_;
};

LowerWord LowerOf(const Document& doc, const Token& t) {
  return LowerWord(doc, t);
}

char32_t PunctOf(const Document& doc, const Token& t) {
  if (t.kind != TokenKind::kPunct) return 0;
  int len;
  return base::DecodeUtf8(doc.text, t.begin, &len);
}

bool IsCapitalized(const Document& doc, const Token& t) {
  int len;
  return t.kind == TokenKind::kWord &&
         segment::IsUpper(base::DecodeUtf8(doc.text, t.begin, &len));
}

bool IsPossessive(const Document& doc, const Token& t) {
  const absl::string_view s = TextOf(doc, t);
  return t.kind == TokenKind::kWord &&
         (absl::EndsWith(s, "\u2019s") || absl::EndsWith(s, "'s"));
}

// Tokens of text[begin, end), at most kMaxWindowBytes of it: the first
// bytes when `from_end` is false, the last ones otherwise. A word cut by
// the limit is left out.
std::vector<Token> Window(const Document& doc, size_t begin, size_t end,
                          bool from_end) {
  if (end <= begin) return {};
  if (end - begin > kMaxWindowBytes) {
    if (from_end) {
      begin = end - kMaxWindowBytes;
      while (begin < end && !absl::ascii_isspace(
                                static_cast<unsigned char>(doc.text[begin]))) {
        ++begin;
      }
    } else {
      end = begin + kMaxWindowBytes;
      while (end > begin &&
             !absl::ascii_isspace(static_cast<unsigned char>(doc.text[end]))) {
        --end;
      }
    }
  }
  return segment::Tokenize(doc.text, begin, end);
}

// The reporting verb form that starts at token `i` ("said", "according
// to"), or nullptr.
const VerbForm* VerbAt(const Document& doc, const std::vector<Token>& tokens,
                       int i) {
  if (i < 0 || i >= static_cast<int>(tokens.size()) ||
      tokens[i].kind != TokenKind::kWord) {
    return nullptr;
  }
  const auto it = Lex().verbs.find(LowerOf(doc, tokens[i]).view());
  if (it == Lex().verbs.end()) return nullptr;
  // "the claims", "a report": a noun after a determiner.
  if (i > 0 && tokens[i - 1].kind == TokenKind::kWord &&
      Lex().determiners.contains(LowerOf(doc, tokens[i - 1]).view())) {
    return nullptr;
  }
  for (const VerbForm& form : it->second) {
    const int n = static_cast<int>(form.words.size());
    if (i + n > static_cast<int>(tokens.size())) continue;
    bool match = true;
    for (int k = 1; k < n && match; ++k) {
      match = tokens[i + k].kind == TokenKind::kWord &&
              LowerOf(doc, tokens[i + k]).view() == form.words[k];
    }
    if (match) return &form;
  }
  return nullptr;
}

// A period that ends an abbreviation rather than a clause: "Mr.", "Dr.",
// the initial "A.".
bool IsAbbreviationDot(const Document& doc, const std::vector<Token>& tokens,
                       int i) {
  if (i <= 0 || PunctOf(doc, tokens[i]) != '.') return false;
  const Token& prev = tokens[i - 1];
  if (prev.kind != TokenKind::kWord || prev.end != tokens[i].begin) {
    return false;
  }
  return prev.end - prev.begin == 1 ||
         Lex().titles.contains(LowerOf(doc, prev).view());
}

// ---------------------------------------------------------------------------
// Speakers.

// Who an attribution names, before it is resolved to a canonical name.
struct Subject {
  // kNobody: a subject that names no one ("analysts at Fenwick Capital").
  enum class Kind { kNames, kPronoun, kPhrase, kNobody };
  Kind kind = Kind::kPhrase;
  // kNames: the mentions named, more than one for "Burton and Nick".
  std::vector<const EntityMention*> mentions;
  // Where the subject is written.
  size_t begin = 0;
  size_t end = 0;
  // Index of the subject's first token in its window.
  int first_token = 0;
};

// An attribution found for a quotation. `speaker` is empty when the
// attribution names nobody that can be resolved ("officials said", "they
// said", "he said" with no person before it).
struct Attribution {
  std::string speaker;
  std::string role;
  size_t speaker_begin = 0;
  size_t speaker_end = 0;
  // The sentence holding the attribution.
  int sentence = -1;
  // The attribution has a subject ("officials said", "they replied"), even
  // one that names nobody; false when the verb has none of its own ("and
  // urged her to “...”").
  bool has_subject = false;
};

// The mention that covers byte `offset`, or nullptr.
const EntityMention* MentionAt(const EntityIndex& entities, size_t offset) {
  const std::vector<EntityMention>& mentions = entities.mentions();
  auto it = std::upper_bound(
      mentions.begin(), mentions.end(), offset,
      [](size_t o, const EntityMention& m) { return o < m.begin; });
  if (it == mentions.begin()) return nullptr;
  --it;
  return offset < it->end ? &*it : nullptr;
}

// The index of the token at or after byte `offset`.
int TokenIndexAt(const std::vector<Token>& tokens, size_t offset) {
  return static_cast<int>(
      std::lower_bound(tokens.begin(), tokens.end(), offset,
                       [](const Token& t, size_t o) { return t.begin < o; }) -
      tokens.begin());
}

class SubjectFinder {
 public:
  SubjectFinder(const Document& doc, const EntityIndex& entities,
                const std::vector<Token>& tokens)
      : doc_(doc), entities_(entities), tokens_(tokens) {}

  // The subject that ends right before the verb at token `verb`, not
  // earlier than token `lo`: "Okafor said", "he said", "the ministry
  // said", "Tomas Berg, a senior fellow at ..., said".
  std::optional<Subject> Before(int verb, int lo) const {
    int last = verb - 1;
    // "Jodie Marr once called", "he later said": up to two adverbs.
    for (int k = 0; k < 2 && last > lo && IsAdverb(last); ++k) --last;
    if (last < lo) return std::nullopt;
    const Token& t = tokens_[last];
    if (PunctOf(doc_, t) == ',') return AppositiveSubject(last, lo);
    if (t.kind != TokenKind::kWord) return std::nullopt;
    if (std::optional<Subject> s = PronounAt(last)) return s;
    if (std::optional<Subject> s = NamesEndingAt(last, lo)) {
      return AttachedName(*s, lo);
    }
    if (std::optional<Subject> s = PhraseEndingAt(last, lo)) return s;
    // "officials said", "one resident said": a subject that names nobody.
    // Not a conjunction ("and urged her to"), whose verb shares the
    // subject before it.
    if (!IsCapitalized(doc_, tokens_[last]) &&
        !Lex().conjunctions.contains(LowerOf(doc_, tokens_[last]).view())) {
      Subject nobody = Phrase(last, last);
      nobody.kind = Subject::Kind::kNobody;
      return nobody;
    }
    return std::nullopt;
  }

  // The subject that starts at token `first`, after the verb: "said
  // Okafor", "said Prime Minister Henrik Solberg", "reply Burton and
  // Nick", "says the report", "according to Estmark’s foreign ministry",
  // "according to fire chief Lukas Brenner".
  std::optional<Subject> After(int first) const {
    const int n = static_cast<int>(tokens_.size());
    if (first >= n) return std::nullopt;
    if (std::optional<Subject> s = PronounAt(first)) return s;
    if (std::optional<Subject> s = NamesStartingAt(first)) return s;
    // Lowercase role words ending in a title, then the name.
    for (int i = first; i < n && i < first + kMaxPhraseWords && IsWord(i) &&
                        !IsCapitalized(doc_, tokens_[i]);
         ++i) {
      if (!IsTitle(i)) continue;
      if (i + 1 < n && IsWord(i + 1) && IsCapitalized(doc_, tokens_[i + 1])) {
        if (std::optional<Subject> s = NamesStartingAt(i + 1)) {
          s->first_token = first;
          return s;
        }
      }
      break;
    }
    std::optional<Subject> phrase = PhraseStartingAt(first);
    if (!phrase) return phrase;
    // "said the finance minister, Kofi Mensah": the role, then the person.
    const int comma = TokenIndexAt(tokens_, phrase->end);
    if (comma + 1 < n && PunctOf(doc_, tokens_[comma]) == ',') {
      std::optional<Subject> names = NamesStartingAt(comma + 1);
      if (names && names->mentions.size() == 1 &&
          entities_.entities()[names->mentions[0]->entity].kind ==
              EntityKind::kPerson) {
        return names;
      }
    }
    return phrase;
  }

  // One person whose name ends right before the comma at `comma`, with
  // any role before it: "Aoife Brennan," in "Aoife Brennan, duty
  // forecaster …:".
  std::optional<Subject> NamesBeforeComma(int comma) const {
    std::optional<Subject> s = NamesEndingAt(comma - 1, 0);
    if (!s || !IsPersonSubject(*s)) return std::nullopt;
    return s;
  }

 private:
  bool IsWord(int i) const {
    return i >= 0 && i < static_cast<int>(tokens_.size()) &&
           tokens_[i].kind == TokenKind::kWord;
  }

  std::optional<Subject> PronounAt(int i) const {
    if (!IsWord(i) ||
        !Lex().pronouns.contains(LowerOf(doc_, tokens_[i]).view())) {
      return std::nullopt;
    }
    Subject s;
    s.kind = Subject::Kind::kPronoun;
    s.begin = tokens_[i].begin;
    s.end = tokens_[i].end;
    s.first_token = i;
    return s;
  }

  // A mention whose last token is `i` (the whole token: not a possessive).
  const EntityMention* MentionEndingAt(int i) const {
    if (!IsWord(i)) return nullptr;
    const EntityMention* m = MentionAt(entities_, tokens_[i].begin);
    return m != nullptr && m->end == tokens_[i].end ? m : nullptr;
  }

  // Names ending at token `last`, joined by "and": "Burton and Nick".
  std::optional<Subject> NamesEndingAt(int last, int lo) const {
    const EntityMention* m = MentionEndingAt(last);
    if (m == nullptr) return std::nullopt;
    Subject s;
    s.kind = Subject::Kind::kNames;
    s.mentions.push_back(m);
    s.end = m->end;
    s.begin = m->begin;
    s.first_token = TokenIndexAt(tokens_, m->begin);
    while (s.first_token - 2 >= lo && IsWord(s.first_token - 1) &&
           LowerOf(doc_, tokens_[s.first_token - 1]).view() == "and") {
      const EntityMention* other = MentionEndingAt(s.first_token - 2);
      if (other == nullptr) break;
      s.mentions.insert(s.mentions.begin(), other);
      s.begin = other->begin;
      s.first_token = TokenIndexAt(tokens_, other->begin);
    }
    s.first_token = RoleStart(s.first_token, lo);
    return s;
  }

  // Where the title or role before the name at token `first` starts, not
  // before `lo`: "Mr. Solberg", "Prime Minister Henrik Solberg", "Finance
  // Ministry spokeswoman Ilse Marten". Capitalized words count only with a
  // title word after them.
  int RoleStart(int first, int lo) const {
    int start = first;
    bool titled = false;
    for (int i = first - 1; i >= lo; --i) {
      const bool title_dot = PunctOf(doc_, tokens_[i]) == '.' && IsTitle(i - 1);
      if (IsTitle(i)) {
        start = i;
        titled = true;
      } else if (!title_dot && !IsCapitalized(doc_, tokens_[i])) {
        break;
      } else if (titled && !title_dot) {
        start = i;  // "Veridian Pharma spokeswoman Hanne Loft"
      }
    }
    return start;
  }

  bool IsTitle(int i) const {
    return IsWord(i) && Lex().titles.contains(LowerOf(doc_, tokens_[i]).view());
  }

  // Whether a names subject is one person.
  bool IsPersonSubject(const Subject& s) const {
    return s.kind == Subject::Kind::kNames && s.mentions.size() == 1 &&
           entities_.entities()[s.mentions[0]->entity].kind ==
               EntityKind::kPerson;
  }

  // A token of digits only ("47").
  bool IsNumber(int i) const {
    if (i < 0 || i >= static_cast<int>(tokens_.size()) ||
        tokens_[i].kind != TokenKind::kNumber) {
      return false;
    }
    const absl::string_view text = TextOf(doc_, tokens_[i]);
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
      return c >= '0' && c <= '9';
    });
  }

  // A lowercase adverb of name_context.tsv ("once", "publicly").
  bool IsAdverb(int i) const {
    if (!IsWord(i) || IsCapitalized(doc_, tokens_[i])) return false;
    return Lex().adverbs.contains(LowerOf(doc_, tokens_[i]).view());
  }

  // `names` after a preposition that attaches them to what stands before:
  // "Ana Lima of Brightwater Bank said" is Ana Lima speaking, "analysts at
  // Fenwick Capital describe" names nobody. Otherwise `names` itself.
  Subject AttachedName(const Subject& names, int lo) const {
    const int preposition = names.first_token - 1;
    if (preposition <= lo || !IsWord(preposition) ||
        IsCapitalized(doc_, tokens_[preposition])) {
      return names;
    }
    const LowerWord lower(doc_, tokens_[preposition]);
    const absl::string_view word = lower.view();
    if (!Lex().connectors.contains(word) &&
        !Lex().prepositions.contains(word)) {
      return names;
    }
    if (std::optional<Subject> person = NamesEndingAt(preposition - 1, lo)) {
      return *person;
    }
    // A word that is no name: a common noun, capitalized or not when it
    // opens the sentence.
    if (!IsWord(preposition - 1)) return names;
    Subject nobody = names;
    nobody.kind = Subject::Kind::kNobody;
    nobody.mentions.clear();
    nobody.first_token = preposition - 1;
    return nobody;
  }

  // A noun phrase ending at `last` that starts with a determiner or a
  // possessive: "the ministry", "her office", "Mr. Solberg’s office".
  //
  // A phrase may hang on another through "of", "for" or "on": "a spokesman
  // for the ministry".
  std::optional<Subject> PhraseEndingAt(int last, int lo) const {
    std::optional<int> first = PhraseStart(last, lo);
    if (!first.has_value()) return std::nullopt;
    const int connector = *first - 1;
    if (connector - 1 >= lo && IsWord(connector) &&
        Lex().connectors.contains(LowerOf(doc_, tokens_[connector]).view())) {
      if (std::optional<int> outer = PhraseStart(connector - 1, lo)) {
        first = outer;
      }
    }
    return Phrase(*first, last);
  }

  // The first token of a noun phrase ending at `last` that starts with a
  // determiner or a possessive, at most kMaxPhraseWords long.
  std::optional<int> PhraseStart(int last, int lo) const {
    for (int i = last; i >= lo && i > last - kMaxPhraseWords; --i) {
      if (!IsWord(i)) return std::nullopt;
      const bool determiner =
          Lex().determiners.contains(LowerOf(doc_, tokens_[i]).view());
      if (!determiner && !IsPossessive(doc_, tokens_[i])) continue;
      if (i == last) return std::nullopt;  // "the said", "Okafor’s said"
      if (determiner) return i;
      // Keep the possessor's whole name: "Mr. Solberg’s office".
      const EntityMention* m = MentionAt(entities_, tokens_[i].begin);
      return RoleStart(m != nullptr ? TokenIndexAt(tokens_, m->begin) : i, lo);
    }
    return std::nullopt;
  }

  // "the report", "the ministry in a statement" (up to the preposition),
  // "Estmark’s foreign ministry", "Mr. Solberg’s office".
  std::optional<Subject> PhraseStartingAt(int first) const {
    if (!IsWord(first)) return std::nullopt;
    const int n = static_cast<int>(tokens_.size());
    int head = first;  // the determiner or the possessive
    if (!Lex().determiners.contains(LowerOf(doc_, tokens_[first]).view())) {
      while (head < n && head < first + kMaxPhraseWords &&
             !IsPossessive(doc_, tokens_[head]) &&
             (IsCapitalized(doc_, tokens_[head]) ||
              PunctOf(doc_, tokens_[head]) == '.')) {
        ++head;
      }
      if (head >= n || !IsPossessive(doc_, tokens_[head])) return std::nullopt;
    }
    int last = head;
    // Up to a preposition of place or the end of the clause, through
    // "of", "for" and "by": "a report by the Institute for Fiscal Studies".
    for (int i = head + 1; i < n && i <= head + kMaxSourcePhraseWords; ++i) {
      if (!IsWord(i)) break;
      if (Lex().prepositions.contains(LowerOf(doc_, tokens_[i]).view())) break;
      last = i;
    }
    const int after = last + 1;
    const bool ends =
        after >= static_cast<int>(tokens_.size()) || !IsWord(after) ||
        Lex().prepositions.contains(LowerOf(doc_, tokens_[after]).view());
    if (last == head || !ends) return std::nullopt;
    return Phrase(first, last);
  }

  Subject Phrase(int first, int last) const {
    Subject s;
    s.kind = Subject::Kind::kPhrase;
    s.begin = tokens_[first].begin;
    s.end = tokens_[last].end;
    s.first_token = first;
    return s;
  }

  // "Burton and Nick", "Prime Minister Henrik Solberg", "Finance Ministry
  // spokeswoman Ilse Marten": a run of capitalized and title words starting
  // at `first`; the subject is its last person (or last mention).
  std::optional<Subject> NamesStartingAt(int first) const {
    Subject s;
    s.kind = Subject::Kind::kNames;
    int i = first;
    while (true) {
      const EntityMention* best = nullptr;
      const int run_begin = i;
      while (IsWord(i) ||
             (i < static_cast<int>(tokens_.size()) &&
              PunctOf(doc_, tokens_[i]) == '.' && IsTitle(i - 1))) {
        if (IsWord(i) && !IsCapitalized(doc_, tokens_[i]) && !IsTitle(i)) break;
        const EntityMention* m = MentionAt(entities_, tokens_[i].begin);
        if (m != nullptr && (best == nullptr || best != m)) {
          const bool person =
              entities_.entities()[m->entity].kind == EntityKind::kPerson;
          const bool best_person =
              best != nullptr &&
              entities_.entities()[best->entity].kind == EntityKind::kPerson;
          if (person || !best_person) best = m;
        }
        if (IsPossessive(doc_, tokens_[i])) return std::nullopt;
        ++i;
      }
      if (best == nullptr || i == run_begin) break;
      s.mentions.push_back(best);
      if (!IsWord(i) || LowerOf(doc_, tokens_[i]).view() != "and") break;
      ++i;  // "Burton and Nick"
    }
    if (s.mentions.empty()) return std::nullopt;
    s.begin = s.mentions.front()->begin;
    s.end = s.mentions.back()->end;
    s.first_token = first;
    return s;
  }

  // "Tomas Berg, a senior fellow at the Baltic Policy Institute in Riga,"
  // before a verb: the name before the comma that opens the appositive.
  //
  // With the role first, "Estmark’s foreign minister, Sofie Dahl, said",
  // the name between the commas is the subject and the role its first
  // words.
  std::optional<Subject> AppositiveSubject(int comma, int lo) const {
    for (int i = comma - 1; i > lo && i > comma - kMaxSubjectTokens; --i) {
      const char32_t p = PunctOf(doc_, tokens_[i]);
      if (IsQuoteMark(p) || p == ';' ||
          (IsSentenceEnd(p) && !IsAbbreviationDot(doc_, tokens_, i))) {
        return std::nullopt;
      }
      if (p != ',') continue;
      // The role first: the name is what stands between the two commas
      // ("The chief executive of Coldwater Energy, Anita Roy, said").
      std::optional<Subject> s = NamesEndingAt(comma - 1, i + 1);
      const bool person_between =
          s && s->first_token == i + 1 && IsPersonSubject(*s);
      if (std::optional<Subject> before = NamesEndingAt(i - 1, lo)) {
        if (!person_between || IsPersonSubject(*before)) return before;
      }
      if (s && s->first_token == i + 1) {
        s->first_token = RoleBeforeComma(i, lo);
        return s;
      }
      // "Marit Ellingsen, 47, a nurse ..., said": an age between commas.
      if (i >= 2 && IsNumber(i - 1) && PunctOf(doc_, tokens_[i - 2]) == ',') {
        if (std::optional<Subject> named = NamesEndingAt(i - 3, lo)) {
          return named;
        }
      }
      return std::nullopt;
    }
    return std::nullopt;
  }

  // The first token of a role ending before the comma at `comma`: a
  // phrase opened by a determiner or a possessive ("the chief engineer",
  // "Estmark’s foreign minister", "its director") of at most
  // kMaxPhraseWords words, or else a run of title and capitalized words;
  // `comma` itself when there is none.
  int RoleBeforeComma(int comma, int lo) const {
    int start = comma;
    bool titles_only = true;
    for (int i = comma - 1; i >= lo && i > comma - 1 - 2 * kMaxPhraseWords;
         --i) {
      // The apostrophe of a plural possessive ("the crews’ union leader").
      if (IsApostrophe(PunctOf(doc_, tokens_[i])) && i > lo && IsWord(i - 1)) {
        titles_only = false;
        continue;
      }
      if (!IsWord(i)) break;
      if (IsPossessive(doc_, tokens_[i]) ||
          Lex().determiners.contains(LowerOf(doc_, tokens_[i]).view())) {
        // "the head of the agency": on through "of" to the phrase it ends.
        if (i - 2 >= lo && IsWord(i - 1) && IsWord(i - 2) &&
            Lex().connectors.contains(LowerOf(doc_, tokens_[i - 1]).view())) {
          titles_only = false;
          --i;
          continue;
        }
        return i;
      }
      if (titles_only && (IsTitle(i) || IsCapitalized(doc_, tokens_[i]))) {
        start = i;
      } else {
        titles_only = false;
      }
    }
    return start;
  }

  const Document& doc_;
  const EntityIndex& entities_;
  const std::vector<Token>& tokens_;
};

// The index of the paragraph holding or preceding `offset`.
int ParagraphAt(const Document& doc, size_t offset) {
  const auto& paragraphs = doc.seg.paragraphs;
  return static_cast<int>(
             std::upper_bound(paragraphs.begin(), paragraphs.end(), offset,
                              [](size_t o, const segment::Paragraph& p) {
                                return o < p.begin;
                              }) -
             paragraphs.begin()) -
         1;
}

// The gender of each entity of a document, as far as the text tells it: a
// gendered title before one of its mentions ("Ms. Delgado", "Mr.
// Brandt"), a gendered word in its role ("spokeswoman", "her brother"),
// its given name ("Elena Cruz", data/given_names.tsv), or a pronoun
// already resolved to it. Unknown when nothing tells or when two clues
// disagree. Built in one pass over the mentions when first asked: most
// documents resolve no pronoun to a person and never need it.
class Genders {
 public:
  // `doc` and `entities` must outlive the Genders.
  Genders(const Document& doc, const EntityIndex& entities)
      : doc_(doc), entities_(entities) {}

  // Whether the gender of `entity` is known.
  bool Known(int entity) {
    Build();
    return genders_[entity] != Gender::kUnknown;
  }

  // Whether a pronoun of `gender` may stand for `entity`.
  bool Compatible(int entity, Gender gender) {
    if (gender == Gender::kUnknown) return true;
    Build();
    return genders_[entity] == Gender::kUnknown || genders_[entity] == gender;
  }

  // Records a clue that `entity` is of `gender`; kUnknown tells nothing.
  void Learn(int entity, Gender gender) {
    Build();
    LearnBuilt(entity, gender);
  }

 private:
  // Reads the clues of the text, once.
  void Build() {
    if (built_) return;
    built_ = true;
    genders_.assign(entities_.entities().size(), Gender::kUnknown);
    conflict_.assign(entities_.entities().size(), false);
    for (const EntityMention& m : entities_.mentions()) {
      LearnBuilt(m.entity, WordGender(TitleBefore(doc_.text, m.begin)));
    }
    for (size_t e = 0; e < entities_.entities().size(); ++e) {
      const Entity& entity = entities_.entities()[e];
      for (absl::string_view word :
           absl::StrSplit(entity.role, ' ', absl::SkipEmpty())) {
        LearnBuilt(static_cast<int>(e), WordGender(word));
      }
      if (entity.kind != EntityKind::kPerson) continue;
      const absl::string_view given =
          absl::string_view(entity.name).substr(0, entity.name.find(' '));
      if (given.size() == entity.name.size()) continue;  // a surname alone
      LearnBuilt(static_cast<int>(e), WordGender(given));
    }
  }

  // Learn, once built.
  void LearnBuilt(int entity, Gender gender) {
    if (gender == Gender::kUnknown || conflict_[entity]) return;
    if (genders_[entity] == Gender::kUnknown) {
      genders_[entity] = gender;
    } else if (genders_[entity] != gender) {
      genders_[entity] = Gender::kUnknown;
      conflict_[entity] = true;
    }
  }

  // The gender a title word ("Ms.", "spokesman") or a given name tells.
  static Gender WordGender(absl::string_view word) {
    while (!word.empty() && (word.back() == '.' || word.back() == ',')) {
      word.remove_suffix(1);
    }
    const char code = GenderOfWord(absl::AsciiStrToLower(word));
    return GenderOf(absl::string_view(&code, code == 0 ? 0 : 1));
  }

  const Document& doc_;
  const EntityIndex& entities_;
  bool built_ = false;
  std::vector<Gender> genders_;
  std::vector<bool> conflict_;
};

// Resolves a subject to the speaker's canonical name. A pronoun refers to
// the last person of a compatible gender ("he", "she"), or the last
// organisation ("it"), mentioned before `anchor`, in its paragraph or one
// of the kMaxPronounParagraphs before; a noun phrase headed by a role
// ("the minister", "a senior official") to the last person given that
// role there, or to nobody. At most kMaxReferentMentions mentions are
// looked at. Pronouns resolved teach `genders`.
Attribution Resolve(const Document& doc, const EntityIndex& entities,
                    const Subject& subject, size_t anchor, Genders* genders) {
  Attribution a;
  a.sentence = doc.seg.SentenceAt(subject.begin);
  // The last mention before the subject that `accept` takes, close enough
  // to be what the subject refers to.
  const auto referent = [&](auto accept) -> const EntityMention* {
    const EntityMention* m = entities.MentionBefore(
        std::min(anchor, subject.begin), accept, kMaxReferentMentions);
    if (m == nullptr ||
        ParagraphAt(doc, m->begin) <
            ParagraphAt(doc, subject.begin) - kMaxPronounParagraphs) {
      return nullptr;
    }
    return m;
  };
  switch (subject.kind) {
    case Subject::Kind::kNames: {
      std::vector<std::string> names;
      for (const EntityMention* m : subject.mentions) {
        names.push_back(entities.entities()[m->entity].name);
      }
      a.speaker = absl::StrJoin(names, " and ");
      if (subject.mentions.size() == 1) {
        a.role = entities.entities()[subject.mentions[0]->entity].role;
      }
      break;
    }
    case Subject::Kind::kPronoun: {
      const std::string pronoun = absl::AsciiStrToLower(
          std::string(doc.Slice(subject.begin, subject.end)));
      const auto it = Lex().pronouns.find(pronoun);
      if (it == Lex().pronouns.end()) return a;
      const PronounReferent r = it->second;
      if (!r.person && !r.organization) return a;
      const EntityMention* m = referent([&](const EntityMention& mention) {
        const EntityKind kind = entities.entities()[mention.entity].kind;
        if (r.organization) return kind == EntityKind::kOrganization;
        return kind == EntityKind::kPerson &&
               genders->Compatible(mention.entity, r.gender);
      });
      if (m == nullptr) return a;
      if (r.person && !genders->Known(m->entity)) {
        // "Mayor Ingrid Solberg and her challenger, Petter Dahl, ...",
        // then "she said": in the sentence of the nearest candidate, of
        // unknown gender, one known to be of the pronoun's gets it.
        const int sentence = doc.seg.SentenceAt(m->begin);
        const EntityMention* known = entities.MentionBefore(
            m->begin,
            [&](const EntityMention& mention) {
              return entities.entities()[mention.entity].kind ==
                         EntityKind::kPerson &&
                     genders->Known(mention.entity) &&
                     genders->Compatible(mention.entity, r.gender);
            },
            kMaxReferentMentions);
        if (known != nullptr && doc.seg.SentenceAt(known->begin) == sentence) {
          m = known;
        }
      }
      a.speaker = entities.entities()[m->entity].name;
      if (r.person) {
        a.role = entities.entities()[m->entity].role;
        genders->Learn(m->entity, r.gender);
      }
      break;
    }
    case Subject::Kind::kNobody:
      return a;
    case Subject::Kind::kPhrase: {
      const absl::string_view phrase = doc.Slice(subject.begin, subject.end);
      // Collapse line breaks inside the phrase.
      std::vector<absl::string_view> words =
          absl::StrSplit(phrase, absl::ByAnyChar(" \t\r\n"), absl::SkipEmpty());
      // The role word of the phrase, if any: "the minister", "a diplomat
      // briefed on the talks", "the union’s local chairman".
      // A possessor is not the head: "the inspector general’s report" is a
      // document.
      // One speaking for somebody ("a spokesman for the ministry", "a
      // lawyer for the family") is kept as written.
      std::string head;
      for (size_t k = 0; k < words.size(); ++k) {
        const absl::string_view word = words[k];
        if (absl::EndsWith(word, "\u2019s") || absl::EndsWith(word, "'s") ||
            absl::EndsWith(word, "s\u2019") || absl::EndsWith(word, "s'")) {
          head.clear();
          continue;
        }
        std::string lower = absl::AsciiStrToLower(word);
        if (!Lex().role_heads.contains(lower)) continue;
        const bool speaks_for =
            k + 1 < words.size() && absl::EqualsIgnoreCase(words[k + 1], "for");
        head = speaks_for ? std::string() : std::move(lower);
        if (speaks_for) break;
      }
      if (!head.empty()) {
        // "the minister": a person named before with that role, or nobody.
        const EntityMention* m = referent([&](const EntityMention& mention) {
          const Entity& e = entities.entities()[mention.entity];
          if (e.kind != EntityKind::kPerson) return false;
          for (absl::string_view word :
               absl::StrSplit(e.role, ' ', absl::SkipEmpty())) {
            if (absl::EqualsIgnoreCase(word, head)) return true;
          }
          return false;
        });
        if (m == nullptr) return a;
        a.speaker = entities.entities()[m->entity].name;
        a.role = entities.entities()[m->entity].role;
        break;
      }
      // "the company said" after "Kestrel Pay": the organisation named
      // before, when its name ends with the noun ("the ministry" and
      // "Agriculture Ministry") or the noun stands for any company ("the
      // operator"). Otherwise the phrase as written.
      if (words.size() == 2 && absl::EqualsIgnoreCase(words[0], "the")) {
        const std::string noun = absl::AsciiStrToLower(words[1]);
        const bool any = Lex().company_nouns.contains(noun);
        if (any || Lex().org_words.contains(noun)) {
          const EntityMention* m = referent([&](const EntityMention& mention) {
            const Entity& e = entities.entities()[mention.entity];
            if (e.kind != EntityKind::kOrganization) return false;
            if (any) return true;
            const size_t space = e.name.rfind(' ');
            return space != std::string::npos &&
                   absl::EqualsIgnoreCase(
                       absl::string_view(e.name).substr(space + 1), noun);
          });
          if (m != nullptr) {
            a.speaker = entities.entities()[m->entity].name;
            break;
          }
        }
      }
      a.speaker = absl::StrJoin(words, " ");
      break;
    }
  }
  a.speaker_begin = subject.begin;
  a.speaker_end = subject.end;
  return a;
}

// ---------------------------------------------------------------------------
// Quotations.

// One quotation: one part, or several joined because the attribution
// interrupts it or it runs on into the next paragraph.
struct Quotation {
  std::vector<Part> parts;
  size_t begin() const { return parts.front().open; }
  size_t end() const { return parts.back().end; }
};

// True when only white space stands between the start of the paragraph
// and the opening mark of `part`.
bool OpensParagraph(const Document& doc, const Part& part) {
  const size_t begin = doc.seg.paragraphs[part.paragraph].begin;
  for (size_t i = begin; i < part.open; ++i) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(doc.text[i]))) {
      return false;
    }
  }
  return true;
}

char32_t LastChar(const Document& doc, size_t begin, size_t end) {
  const size_t e = TrimEnd(doc.text, begin, end);
  if (e <= begin) return 0;
  int len;
  return base::DecodeUtf8Before(doc.text, e, &len);
}

// The first letter of the quoted text, or 0.
char32_t FirstLetter(const Document& doc, const Part& part) {
  size_t pos = part.content_begin;
  while (pos < part.content_end) {
    int len;
    const char32_t c = base::DecodeUtf8(doc.text, pos, &len);
    if (IsAlnum(c)) return c;
    pos += len;
  }
  return 0;
}

bool HasReportingVerb(const Document& doc, const std::vector<Token>& tokens) {
  for (int i = 0; i < static_cast<int>(tokens.size()); ++i) {
    if (VerbAt(doc, tokens, i) != nullptr) return true;
  }
  return false;
}

// “To win the peace,” Okafor said, “a country must ...”: `next` continues
// `prev` when only an attribution ending in a comma, colon or dash stands
// between them in one sentence, and `prev` does not end its sentence.
Quote::Form FormOf(absl::string_view text, bool partial);

bool InterruptedByAttribution(const Document& doc, const Part& prev,
                              const Part& next) {
  if (!prev.closed || next.paragraph != prev.paragraph ||
      next.open - prev.end > kMaxInterruptionBytes) {
    return false;
  }
  if (IsSentenceEnd(LastChar(doc, prev.content_begin, prev.content_end))) {
    return false;
  }
  const int sentence = doc.seg.SentenceAt(prev.end - 1);
  if (sentence < 0 || sentence != doc.seg.SentenceAt(next.open)) return false;
  const char32_t joint = LastChar(doc, prev.end, next.open);
  if (joint != ',' && joint != ':' && !IsDash(joint)) return false;
  // "Hardy said, adding: “They will ...": a colon before a capital opens a
  // quotation of its own.
  if (joint == ':' && segment::IsUpper(FirstLetter(doc, next))) return false;
  // "said of her new documentary, “The Last Ferry to Skarvik”": a title is
  // no continuation.
  if (segment::IsUpper(FirstLetter(doc, next)) &&
      FormOf(doc.Slice(next.content_begin, next.content_end), true) ==
          Quote::FORM_TITLE) {
    return false;
  }
  const std::vector<Token> gap =
      segment::Tokenize(doc.text, prev.end, next.open);
  return HasReportingVerb(doc, gap);
}

// Whether only white space lies between paragraph `first` and the one after
// it: no furniture line ("Advertisement", a promo) was left out between them.
bool OnlySpaceAfterParagraph(const Document& doc, int first) {
  const size_t begin = doc.seg.paragraphs[first].end;
  const size_t end = doc.seg.paragraphs[first + 1].begin;
  for (size_t pos = begin; pos < end;) {
    int len;
    if (!IsSpace(base::DecodeUtf8(doc.text, pos, &len))) return false;
    pos += len;
  }
  return true;
}

// The quotation starting at parts[*i]; advances *i past its parts. A quote
// left open at the end of its paragraph runs on into the next paragraph
// when that one opens with a mark of its kind and only white space (no
// furniture) lies between the two.
Quotation NextQuotation(const Document& doc, const std::vector<Part>& parts,
                        size_t* i) {
  Quotation q;
  q.parts.push_back(parts[(*i)++]);
  while (*i < parts.size()) {
    const Part& prev = q.parts.back();
    const Part& next = parts[*i];
    const bool runs_on =
        prev.open_at_paragraph_end && next.paragraph == prev.paragraph + 1 &&
        next.family == prev.family && OpensParagraph(doc, next) &&
        OnlySpaceAfterParagraph(doc, prev.paragraph);
    if (!runs_on && !InterruptedByAttribution(doc, prev, next)) break;
    q.parts.push_back(next);
    ++*i;
  }
  return q;
}

std::string QuotedText(const Document& doc, const Quotation& q) {
  std::vector<std::string> pieces;
  for (const Part& part : q.parts) {
    absl::string_view piece = doc.Slice(part.content_begin, part.content_end);
    piece = absl::StripAsciiWhitespace(piece);
    if (!piece.empty()) pieces.emplace_back(piece);
  }
  return absl::StrJoin(pieces, " ");
}

bool HasAlnum(absl::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    int len;
    if (IsAlnum(base::DecodeUtf8(text, pos, &len))) return true;
    pos += len;
  }
  return false;
}

// Finds the attribution of each quotation of a document, in text order.
class Attributor {
 public:
  Attributor(const Document& doc, const EntityIndex& entities)
      : doc_(doc), entities_(entities), genders_(doc, entities) {}

  // The attribution of `q`, or nullopt when there is none; an attribution
  // with an empty speaker names nobody that can be resolved. `prev_end` is
  // where the previous quotation ended (0 if none) and `next_begin` where
  // the next one begins (the text size if none). Call in text order.
  std::optional<Attribution> Find(const Quotation& q, bool partial,
                                  size_t prev_end, size_t next_begin) {
    std::optional<Attribution> found = InGaps(q);
    if (!found) found = AfterClose(q, next_begin);
    if (!found) found = BeforeOpen(q, partial, prev_end);
    if ((!found || (found->speaker.empty() && !found->has_subject)) &&
        SharesSentenceWithLast(q)) {
      // “very good at foreign trips” and urged her to “spend ...”: a
      // fragment after another in one sentence, with no subject of its
      // own, has the same speaker ("but officials said it was “...”" has
      // one, and names nobody).
      found = last_;
    }
    if (!found && !partial) found = NextSentence(q, next_begin);
    if (!found && !partial) found = PreviousSentence(q, prev_end);
    if (!found && !partial) found = DescribedNext(q, next_begin);
    // Remembered for a quotation that follows in the next sentence, as of
    // the last sentence of this one.
    last_ = found;
    last_quotation_sentence_ = SentenceOf(q.end() - 1);
    if (last_) {
      last_->sentence = std::max(last_->sentence, last_quotation_sentence_);
    }
    return found;
  }

 private:
  int SentenceOf(size_t offset) const { return doc_.seg.SentenceAt(offset); }

  bool SharesSentenceWithLast(const Quotation& q) const {
    return last_.has_value() && !last_->speaker.empty() &&
           last_->sentence == SentenceOf(q.begin()) &&
           last_quotation_sentence_ == last_->sentence;
  }

  // In the text between two parts of an interrupted quotation.
  std::optional<Attribution> InGaps(const Quotation& q) const {
    for (size_t k = 0; k + 1 < q.parts.size(); ++k) {
      if (q.parts[k + 1].paragraph != q.parts[k].paragraph) continue;
      const std::vector<Token> tokens =
          Window(doc_, q.parts[k].end, q.parts[k + 1].open, false);
      if (auto a = LeadingAttribution(tokens, q.begin())) return a;
    }
    return std::nullopt;
  }

  // Right after the closing mark, in the same sentence: “...,” Okafor said.
  std::optional<Attribution> AfterClose(const Quotation& q,
                                        size_t next_begin) const {
    const Part& last = q.parts.back();
    if (!last.closed) return std::nullopt;
    const int s = SentenceOf(last.end - 1);
    if (s < 0) return std::nullopt;
    const size_t end = std::min<size_t>(doc_.seg.sentences[s].end, next_begin);
    return LeadingAttribution(Window(doc_, last.end, end, false), q.begin());
  }

  // An attribution that opens `tokens`: "Okafor said", "said Okafor",
  // ", according to the ministry", "Tomas Berg, a senior fellow ..., said".
  std::optional<Attribution> LeadingAttribution(
      const std::vector<Token>& tokens, size_t anchor) const {
    int start = 0;
    const int n = static_cast<int>(tokens.size());
    while (start < n && tokens[start].kind == TokenKind::kPunct) {
      const char32_t p = PunctOf(doc_, tokens[start]);
      if (p != ',' && !IsDash(p)) return std::nullopt;
      ++start;
    }
    const SubjectFinder finder(doc_, entities_, tokens);
    if (const VerbForm* verb = VerbAt(doc_, tokens, start)) {
      const int after = start + static_cast<int>(verb->words.size());
      return FromSubject(finder.After(after), anchor);
    }
    for (int v = start + 1; v < n && v <= start + kMaxSubjectTokens; ++v) {
      const char32_t p = PunctOf(doc_, tokens[v]);
      if (IsQuoteMark(p) || p == ';' ||
          (IsSentenceEnd(p) && !IsAbbreviationDot(doc_, tokens, v))) {
        break;
      }
      const VerbForm* verb = VerbAt(doc_, tokens, v);
      if (verb == nullptr || verb->subject_after_only) continue;
      std::optional<Subject> subject = finder.Before(v, start);
      // The subject opens the attribution, after "the" for a name ("the
      // Interior Ministry said").
      const bool opens =
          subject &&
          (subject->first_token == start ||
           (subject->first_token == start + 1 &&
            subject->kind == Subject::Kind::kNames &&
            Lex().determiners.contains(LowerOf(doc_, tokens[start]).view())));
      if (!opens) return std::nullopt;
      return FromSubject(subject, anchor);
    }
    return std::nullopt;
  }

  // Before the opening mark, in the same sentence: "Okafor said: “...",
  // "Okafor: “...", and for a fragment any reporting verb before it
  // ("Mr. Solberg said should be “judged by ...”").
  std::optional<Attribution> BeforeOpen(const Quotation& q, bool partial,
                                        size_t prev_end) const {
    const size_t open = q.begin();
    const int s = SentenceOf(open);
    if (s < 0) return std::nullopt;
    const size_t begin =
        std::max<size_t>(doc_.seg.sentences[s].begin, prev_end);
    const std::vector<Token> tokens = Window(doc_, begin, open, true);
    const int n = static_cast<int>(tokens.size());
    if (n == 0) return std::nullopt;
    const SubjectFinder finder(doc_, entities_, tokens);
    // "Okafor: “..."
    if (PunctOf(doc_, tokens[n - 1]) == ':') {
      std::optional<Subject> subject = finder.Before(n - 1, 0);
      // The name opens its clause: not the listener of "told the BBC:".
      if (subject && subject->kind == Subject::Kind::kNames &&
          (subject->first_token == 0 ||
           tokens[subject->first_token - 1].kind == TokenKind::kPunct)) {
        return FromSubject(subject, open);
      }
      // "Aoife Brennan, duty forecaster at the Atlantic Weather Centre:
      // “...": a person opening the clause, then a role.
      for (int c = 1; c + 1 < n; ++c) {
        if (PunctOf(doc_, tokens[c]) != ',') continue;
        std::optional<Subject> named = finder.NamesBeforeComma(c);
        if (named && named->first_token == 0) return FromSubject(named, open);
        break;
      }
    }
    for (int v = n - 1; v >= 0; --v) {
      const VerbForm* verb = VerbAt(doc_, tokens, v);
      if (verb == nullptr) continue;
      const int after = v + static_cast<int>(verb->words.size());
      // Words between the verb and the mark: a few, or a phrase ending in
      // a colon ("posted on social media within minutes of the result:").
      const int tail_limit = PunctOf(doc_, tokens[n - 1]) == ':'
                                 ? kMaxColonTailTokens
                                 : kMaxIntroTailTokens;
      if (!partial && n - after > tail_limit) return std::nullopt;
      // The speaker before the verb, or after it when the verb opens its
      // clause ("Said Okafor: “...", "according to the ministry, “...").
      std::optional<Subject> subject;
      if (!verb->subject_after_only) subject = finder.Before(v, 0);
      const bool opens_clause =
          v == 0 || tokens[v - 1].kind == TokenKind::kPunct;
      if (!subject && (opens_clause || verb->subject_after_only)) {
        subject = finder.After(after);
      }
      return FromSubject(subject, open);
    }
    return std::nullopt;
  }

  // Whether only punctuation follows the quotation in its sentence.
  bool EndsItsSentence(const Quotation& q) const {
    const Part& last = q.parts.back();
    const int s = SentenceOf(last.end - 1);
    if (!last.closed || s < 0) return false;
    for (const Token& t :
         Window(doc_, last.end, doc_.seg.sentences[s].end, false)) {
      if (t.kind != TokenKind::kPunct) return false;
    }
    return true;
  }

  // The sentence after a quotation that closes its own sentence, when it
  // is in the same paragraph and ends before the next quotation begins
  // (at `next_begin`), or -1.
  int SentenceAfter(const Quotation& q, size_t next_begin) const {
    const Part& last = q.parts.back();
    const int s = SentenceOf(last.end - 1);
    if (!last.closed || s < 0 ||
        s + 1 >= static_cast<int>(doc_.seg.sentences.size())) {
      return -1;
    }
    const segment::Sentence& here = doc_.seg.sentences[s];
    const segment::Sentence& next = doc_.seg.sentences[s + 1];
    if (here.end != last.end || next.paragraph != here.paragraph ||
        next.end > next_begin) {
      return -1;
    }
    return s + 1;
  }

  // A short sentence right after the quotation that is only an
  // attribution: “We will win.” Okafor added.
  std::optional<Attribution> NextSentence(const Quotation& q,
                                          size_t next_begin) const {
    const int s = SentenceAfter(q, next_begin);
    if (s < 0) return std::nullopt;
    const segment::Sentence& next = doc_.seg.sentences[s];
    const std::vector<Token> tokens = Window(doc_, next.begin, next.end, false);
    if (static_cast<int>(tokens.size()) > kMaxAttributionSentenceTokens) {
      return std::nullopt;
    }
    return LeadingAttribution(tokens, q.begin());
  }

  // A quotation that is a sentence of its own, with no attribution before
  // it, and a short next sentence in its paragraph in which a named
  // person is the subject of a reporting verb: “The rooms were cold.” That
  // was how Ottilie Brand, 72, described her stay.
  std::optional<Attribution> DescribedNext(const Quotation& q,
                                           size_t next_begin) const {
    const int s = SentenceAfter(q, next_begin);
    if (s < 0 || doc_.seg.sentences[s - 1].begin != q.begin()) {
      return std::nullopt;
    }
    const segment::Sentence& next = doc_.seg.sentences[s];
    const std::vector<Token> tokens = Window(doc_, next.begin, next.end, false);
    const int n = static_cast<int>(tokens.size());
    if (n > kMaxDescribingSentenceTokens) return std::nullopt;
    const SubjectFinder finder(doc_, entities_, tokens);
    for (int v = 1; v < n; ++v) {
      const VerbForm* verb = VerbAt(doc_, tokens, v);
      if (verb == nullptr || verb->subject_after_only) continue;
      std::optional<Subject> subject = finder.Before(v, 0);
      if (!subject || subject->kind != Subject::Kind::kNames ||
          subject->mentions.size() != 1 ||
          entities_.entities()[subject->mentions[0]->entity].kind !=
              EntityKind::kPerson) {
        return std::nullopt;
      }
      return FromSubject(subject, q.begin());
    }
    return std::nullopt;
  }

  // The sentence before the quotation: the attribution of the quotation
  // just before (“...,” he told reporters. “That is what neighbours are
  // for.”), or a sentence that introduces the quotation's paragraph
  // ("Tomas Berg, ..., said the package ...").
  std::optional<Attribution> PreviousSentence(const Quotation& q,
                                              size_t prev_end) const {
    const int s = SentenceOf(q.begin());
    if (s <= 0 || doc_.seg.sentences[s].begin != q.begin()) return std::nullopt;
    const segment::Sentence& here = doc_.seg.sentences[s];
    const segment::Sentence& before = doc_.seg.sentences[s - 1];
    const bool same_paragraph = before.paragraph == here.paragraph;
    const bool opens_paragraph = before.paragraph + 1 == here.paragraph &&
                                 OpensParagraph(doc_, q.parts.front());
    if (!same_paragraph && !opens_paragraph) return std::nullopt;
    // The quotation before went on in the same sentence or ended the
    // paragraph before: “...,” Corrigan said. ¶ “I said to the players ...”
    // Not for a quotation with room for an attribution of its own (“...,”
    // one resident scoffed): it must end its sentence.
    if (!EndsItsSentence(q)) return std::nullopt;
    if (last_.has_value() && last_->sentence == s - 1 &&
        !last_->speaker.empty()) {
      return last_;
    }
    if (prev_end > before.begin) return std::nullopt;  // it holds a quotation
    const std::vector<Token> tokens =
        Window(doc_, before.begin, before.end, false);
    const SubjectFinder finder(doc_, entities_, tokens);
    const int n =
        std::min<int>(static_cast<int>(tokens.size()), kMaxIntroSentenceTokens);
    for (int v = 0; v < n; ++v) {
      const VerbForm* verb = VerbAt(doc_, tokens, v);
      if (verb == nullptr || verb->subject_after_only) continue;
      std::optional<Subject> subject = finder.Before(v, 0);
      if (!subject || subject->kind == Subject::Kind::kPhrase) {
        return std::nullopt;
      }
      std::optional<Attribution> a = FromSubject(subject, q.begin());
      if (a && a->speaker.empty()) return std::nullopt;
      return a;
    }
    return std::nullopt;
  }

  std::optional<Attribution> FromSubject(const std::optional<Subject>& subject,
                                         size_t anchor) const {
    if (!subject.has_value()) return Attribution{};  // nobody we can name
    Attribution a = Resolve(doc_, entities_, *subject, anchor, &genders_);
    a.has_subject = true;
    return a;
  }

  const Document& doc_;
  const EntityIndex& entities_;
  // What is known of the persons' genders; resolving a pronoun adds to it,
  // which the const lookups above may do.
  mutable Genders genders_;
  // The attribution of the previous quotation that had one.
  std::optional<Attribution> last_;
  // The last sentence of the previous quotation.
  int last_quotation_sentence_ = -1;
};

// True when the words before the opening mark are an attribution that
// introduces a whole quoted sentence: "Okafor said:", "Burton said,",
// "According to Okafor,".
bool IntroducedByAttribution(const Document& doc,
                             const std::vector<Token>& before) {
  const int n = static_cast<int>(before.size());
  const char32_t last = PunctOf(doc, before[n - 1]);
  if (last == ':') return true;
  if (last != ',' && !IsDash(last)) return false;
  // The clause before the comma holds a reporting verb.
  for (int i = n - 2; i >= 0; --i) {
    const char32_t p = PunctOf(doc, before[i]);
    if (p == ',' || p == ';' || IsQuoteMark(p)) break;
    if (VerbAt(doc, before, i) != nullptr) return true;
  }
  return false;
}

// "LONDON — “...", "BRUSSELS (Reuters) — “...": the tokens before a
// quotation are a dateline, words without a lowercase letter (a
// parenthesis aside) ending in a dash.
bool IsDateline(const Document& doc, const std::vector<Token>& before) {
  if (before.empty() || !IsDash(PunctOf(doc, before.back()))) return false;
  bool words = false;
  int depth = 0;
  for (size_t i = 0; i + 1 < before.size(); ++i) {
    const Token& t = before[i];
    if (t.kind == TokenKind::kPunct) {
      const char32_t p = PunctOf(doc, t);
      if (p == '(') ++depth;
      if (p == ')') --depth;
      if (p != '(' && p != ')' && p != ',' && p != '.') return false;
      continue;
    }
    if (depth > 0) continue;
    for (char c : TextOf(doc, t)) {
      if (absl::ascii_islower(static_cast<unsigned char>(c))) return false;
    }
    words = true;
  }
  return words;
}

// A fragment embedded in the reporter's sentence rather than a quoted
// sentence: “a bridge of trust”, a scare quote, a title.
bool IsPartial(const Document& doc, const Quotation& q, size_t prev_end) {
  const Part& first = q.parts.front();
  const char32_t letter = FirstLetter(doc, first);
  if (letter != 0 && segment::IsLetter(letter) && !segment::IsUpper(letter)) {
    return true;
  }
  const int s = doc.seg.SentenceAt(first.open);
  if (s < 0) return false;
  const size_t begin = std::max<size_t>(doc.seg.sentences[s].begin, prev_end);
  const std::vector<Token> before = Window(doc, begin, first.open, true);
  bool words_before = false;
  for (const Token& t : before) words_before |= t.kind != TokenKind::kPunct;
  if (words_before && !IsDateline(doc, before)) {
    return !IntroducedByAttribution(doc, before);
  }
  // At the start of its sentence: partial when the reporter's sentence goes
  // on after it ("“Cuties” is what he called them").
  const Part& last = q.parts.back();
  const char32_t end = LastChar(doc, last.content_begin, last.content_end);
  if (!last.closed || IsSentenceEnd(end) || end == ',' || IsDash(end)) {
    return false;
  }
  const int t = doc.seg.SentenceAt(last.end - 1);
  if (t < 0) return false;
  const std::vector<Token> after =
      Window(doc, last.end, doc.seg.sentences[t].end, false);
  for (const Token& tok : after) {
    if (tok.kind != TokenKind::kPunct) return !HasReportingVerb(doc, after);
  }
  return false;
}

// Most words of a scare quote (the “rules-based” order); an embedded
// quotation of more words is a partial quote.
constexpr int kMaxScareWords = 3;
// Words of a title shorter than this may stay lowercase ("of", "the").
constexpr int kMinTitleWordLetters = 4;

// Ends a sentence or joins two: none is found inside a title.
bool IsSentencePunctuation(char32_t c) { return IsSentenceEnd(c) || c == ';'; }

// How a quotation is used, from whether it is embedded in the reporter's
// sentence (`partial`, see IsPartial) and its words: a word is a run of
// characters other than white space that holds a letter or a digit, and is
// capitalized when its first letter is upper case. An embedded quotation
// is a title when its first word, every word of kMinTitleWordLetters
// letters or more and at least one other word are capitalized ("A bad day"
// is none), and it holds no sentence punctuation (a period between digits
// is none); otherwise it is a scare quote of one to kMaxScareWords words,
// or a partial quote. A quotation standing as a sentence is direct unless
// it looks like a title in the same way and does not end with a comma
// (“The Last Ferry to Skarvik” after "said of her film,"). One pass over
// `text`.
Quote::Form FormOf(absl::string_view text, bool partial) {
  int words = 0;
  int capitalized_words = 0;
  bool title = true;
  // The word being read: whether it holds a letter or digit, how many
  // letters, and whether its first letter is upper case.
  bool has_alnum = false;
  int letters = 0;
  bool capitalized = false;
  auto end_word = [&] {
    if (has_alnum) {
      ++words;
      if (capitalized) ++capitalized_words;
      if (!capitalized && (words == 1 || letters >= kMinTitleWordLetters)) {
        title = false;
      }
    }
    has_alnum = capitalized = false;
    letters = 0;
  };
  char32_t prev = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    // Most characters are ASCII letters and digits, read as below without
    // decoding.
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (absl::ascii_isalnum(byte)) {
      has_alnum = true;
      if (absl::ascii_isalpha(byte)) {
        if (letters == 0) capitalized = absl::ascii_isupper(byte);
        ++letters;
      }
      prev = byte;
      ++pos;
      continue;
    }
    int len;
    const char32_t c = base::DecodeUtf8(text, pos, &len);
    if (IsSpace(c)) {
      end_word();
    } else {
      has_alnum |= IsAlnum(c);
      if (segment::IsLetter(c)) {
        if (letters == 0) capitalized = segment::IsUpper(c);
        ++letters;
      }
      if (IsSentencePunctuation(c)) {
        int next_len;
        const char32_t next = pos + len < text.size()
                                  ? base::DecodeUtf8(text, pos + len, &next_len)
                                  : 0;
        if (!(c == '.' && IsDigit(prev) && IsDigit(next))) title = false;
      }
    }
    prev = c;
    pos += len;
  }
  end_word();
  // A title standing where a quoted sentence would ("said of her film,
  // “The Last Ferry to Skarvik”") ends without a comma.
  const bool titled =
      title && capitalized_words >= 2 && (partial || prev != ',');
  if (titled) return Quote::FORM_TITLE;
  if (!partial) return Quote::FORM_DIRECT;
  return words <= kMaxScareWords ? Quote::FORM_SCARE : Quote::FORM_PARTIAL;
}

// The sentences a quotation touches, as one span.
segment::Range SentenceSpan(const Document& doc, const Quotation& q) {
  const int first = doc.seg.SentenceAt(q.begin());
  const int last = doc.seg.SentenceAt(q.end() - 1);
  segment::Range r{q.begin(), q.end()};
  if (first >= 0) r.begin = std::min(r.begin, doc.seg.sentences[first].begin);
  if (last >= 0) r.end = std::max(r.end, doc.seg.sentences[last].end);
  return r;
}

// The entities of a quotation [begin, end) in `sentence`: canonical names
// of the entities mentioned in the sentence within kEntityWindowBytes of
// the quotation, in order of first mention, at most kMaxEntities. The work
// is the number of mentions in that window.
std::vector<std::string> NamesNear(const EntityIndex& entities,
                                   segment::Range sentence, size_t begin,
                                   size_t end) {
  const size_t lo = std::max<size_t>(
      sentence.begin,
      begin > kEntityWindowBytes ? begin - kEntityWindowBytes : 0);
  const size_t hi = std::min<size_t>(sentence.end, end + kEntityWindowBytes);
  const std::vector<EntityMention>& mentions = entities.mentions();
  auto it = std::lower_bound(
      mentions.begin(), mentions.end(), lo,
      [](const EntityMention& m, size_t offset) { return m.begin < offset; });
  std::vector<int> seen;
  std::vector<std::string> names;
  // Mentions do not overlap: once one runs past `hi`, all later ones do.
  for (; it != mentions.end() && it->end <= hi && names.size() < kMaxEntities;
       ++it) {
    if (std::find(seen.begin(), seen.end(), it->entity) != seen.end()) {
      continue;
    }
    seen.push_back(it->entity);
    names.push_back(entities.entities()[it->entity].name);
  }
  return names;
}

void AddUnclosedNote(const Document& doc, const Part& part,
                     std::vector<Note>* notes) {
  Note note;
  note.set_severity(Note::SEVERITY_WARNING);
  note.set_article_id(std::string(doc.id));
  note.set_code("unclosed-quote");
  note.mutable_span()->set_begin(part.open);
  note.mutable_span()->set_end(part.content_begin);
  note.set_message(part.open_at_paragraph_end
                       ? "quote opened here is not closed before the end of "
                         "the paragraph"
                       : "quote opened here is not closed before the next "
                         "opening quote mark");
  notes->push_back(std::move(note));
}

}  // namespace

std::string NormalizeQuoteText(absl::string_view text) {
  // "[" opens an insertion only when a "]" follows somewhere. Most quotes
  // have none, which find (memchr) tells faster than rfind.
  const size_t last_close = text.find(']') == absl::string_view::npos
                                ? absl::string_view::npos
                                : text.rfind(']');
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  auto emit = [&](char32_t c) {
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    base::AppendUtf8(c, &out);
  };
  char32_t prev = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    // Most characters are ASCII letters and digits: emitted lowercased,
    // as below, without decoding.
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (absl::ascii_isalnum(byte)) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.push_back(absl::ascii_tolower(byte));
      prev = byte;
      ++pos;
      continue;
    }
    int len;
    const char32_t c = base::DecodeUtf8(text, pos, &len);
    // The character after `c`, 0 at the end.
    const auto next = [&] {
      int next_len;
      return pos + len < text.size()
                 ? base::DecodeUtf8(text, pos + len, &next_len)
                 : char32_t{0};
    };
    if (c == '[' && last_close != absl::string_view::npos && pos < last_close) {
      pos = text.find(']', pos) + 1;
      pending_space = true;
      prev = ']';
      continue;
    }
    if (IsAlnum(c)) {
      emit(base::ToLower(c));
    } else if (IsApostrophe(c) && segment::IsLetter(prev) &&
               segment::IsLetter(next())) {
      emit('\'');  // "won’t" -> "won't"
    } else if ((c == '.' || c == ',') && IsDigit(prev) && IsDigit(next())) {
      emit(c);  // "48.5", "2,400"
    } else {
      pending_space = true;
    }
    prev = c;
    pos += len;
  }
  return out;
}

void FindQuotes(const Document& doc, const EntityIndex& entities,
                std::vector<Claim>* claims, std::vector<Note>* notes) {
  std::vector<Part> parts;
  for (size_t p = 0; p < doc.seg.paragraphs.size(); ++p) {
    PairMarks(doc.text, doc.seg.paragraphs[p], static_cast<int>(p), &parts);
  }
  std::vector<Quotation> quotations;
  for (size_t i = 0; i < parts.size();) {
    quotations.push_back(NextQuotation(doc, parts, &i));
  }

  if (quotations.empty()) return;
  Attributor attributor(doc, entities);
  for (size_t i = 0; i < quotations.size(); ++i) {
    const Quotation& q = quotations[i];
    const Part& last = q.parts.back();
    if (!last.closed) AddUnclosedNote(doc, last, notes);
    const std::string text = QuotedText(doc, q);
    if (!HasAlnum(text)) continue;

    const size_t prev_end = i > 0 ? quotations[i - 1].end() : 0;
    const size_t next_begin =
        i + 1 < quotations.size() ? quotations[i + 1].begin() : doc.text.size();
    const bool partial = IsPartial(doc, q, prev_end);
    Quote::Form form = FormOf(text, partial);
    // After a colon a quotation is what was said, capitals or not ("He
    // said: “Stop Here Now”").
    if (form == Quote::FORM_TITLE && !partial &&
        LastChar(doc, q.begin() > 8 ? q.begin() - 8 : 0, q.begin()) == ':') {
      form = Quote::FORM_DIRECT;
    }
    const std::optional<Attribution> attribution =
        attributor.Find(q, partial, prev_end, next_begin);
    const segment::Range sentence = SentenceSpan(doc, q);

    Claim claim;
    claim.set_article_id(std::string(doc.id));
    claim.set_kind(Claim::KIND_QUOTE);
    claim.mutable_span()->set_begin(q.begin());
    claim.mutable_span()->set_end(q.end());
    claim.mutable_sentence()->set_begin(sentence.begin);
    claim.mutable_sentence()->set_end(sentence.end);
    claim.set_text(std::string(doc.Slice(q.begin(), q.end())));
    auto* quote = claim.mutable_quote();
    quote->set_text(text);
    quote->set_normalized(NormalizeQuoteText(text));
    quote->set_partial(form != Quote::FORM_DIRECT);
    quote->set_form(form);
    // A title is not speech: it has no speaker.
    if (form != Quote::FORM_TITLE && attribution.has_value() &&
        !attribution->speaker.empty()) {
      quote->set_speaker(attribution->speaker);
      quote->set_role(attribution->role);
      quote->mutable_speaker_span()->set_begin(attribution->speaker_begin);
      quote->mutable_speaker_span()->set_end(attribution->speaker_end);
    }
    for (std::string& name :
         NamesNear(entities, sentence, q.begin(), q.end())) {
      claim.add_entities(std::move(name));
    }
    claims->push_back(std::move(claim));
  }
}

}  // namespace crosscheck::extract
