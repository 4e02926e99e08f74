#include "src/align/names.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "src/align/align_data.h"
#include "src/base/utf8.h"

namespace crosscheck::align {
namespace {

using crosscheck::v1::Claim;
using crosscheck::v1::NameGroup;

// Words shorter than this (in letters) must match exactly: "Berg" is not
// "Borg".
constexpr size_t kMinFuzzyLetters = 5;
// Longer words must match exactly too (no name has them; the work of
// matching one with a difference grows with its square).
constexpr size_t kMaxFuzzyLetters = 40;
// Names of more words than this are not unified (not a person's name).
constexpr size_t kMaxWords = 8;
// A blocking key shared by more names than this is too common to pair
// through (step 1), and a less complete name with this many candidates is
// ambiguous (step 2).
constexpr size_t kMaxBlock = 256;
// A group never holds more distinct names than this (bounds the work of
// checking that every two of them match).
constexpr size_t kMaxGroupNames = 64;

// Base letters of U+00C0..U+017F (Latin-1 letters and Latin Extended-A),
// lowercase; "" for the two signs (× ÷) in that range.
struct FoldRange {
  char32_t first, last;
  const char* base;
};
constexpr FoldRange kFoldRanges[] = {
    {0xC0, 0xC5, "a"},   {0xC6, 0xC6, "ae"},  {0xC7, 0xC7, "c"},
    {0xC8, 0xCB, "e"},   {0xCC, 0xCF, "i"},   {0xD0, 0xD0, "d"},
    {0xD1, 0xD1, "n"},   {0xD2, 0xD6, "o"},   {0xD7, 0xD7, ""},
    {0xD8, 0xD8, "o"},   {0xD9, 0xDC, "u"},   {0xDD, 0xDD, "y"},
    {0xDE, 0xDE, "th"},  {0xDF, 0xDF, "ss"},  {0xE0, 0xE5, "a"},
    {0xE6, 0xE6, "ae"},  {0xE7, 0xE7, "c"},   {0xE8, 0xEB, "e"},
    {0xEC, 0xEF, "i"},   {0xF0, 0xF0, "d"},   {0xF1, 0xF1, "n"},
    {0xF2, 0xF6, "o"},   {0xF7, 0xF7, ""},    {0xF8, 0xF8, "o"},
    {0xF9, 0xFC, "u"},   {0xFD, 0xFD, "y"},   {0xFE, 0xFE, "th"},
    {0xFF, 0xFF, "y"},   {0x100, 0x105, "a"}, {0x106, 0x10D, "c"},
    {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"}, {0x11C, 0x123, "g"},
    {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"},
    {0x134, 0x135, "j"}, {0x136, 0x138, "k"}, {0x139, 0x142, "l"},
    {0x143, 0x14B, "n"}, {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"},
    {0x154, 0x159, "r"}, {0x15A, 0x161, "s"}, {0x162, 0x167, "t"},
    {0x168, 0x173, "u"}, {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
    {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
};

// Appends `c` folded: lowercase, Latin letters without diacritics.
void AppendFolded(char32_t c, std::u32string* out) {
  c = base::ToLower(c);
  if (c >= 0xC0 && c <= 0x17F) {
    for (const FoldRange& r : kFoldRanges) {
      if (c >= r.first && c <= r.last) {
        for (const char* p = r.base; *p != '\0'; ++p) out->push_back(*p);
        return;
      }
    }
  }
  out->push_back(c);
}

// Transliteration rules (data/transliteration.tsv): written -> compared-as.
const std::vector<std::pair<std::u32string, std::u32string>>& Rules() {
  static const auto* const kRules = [] {
    auto* rules = new std::vector<std::pair<std::u32string, std::u32string>>;
    for (absl::string_view line :
         absl::StrSplit(EmbeddedFile("transliteration.tsv"), '\n')) {
      line = absl::StripAsciiWhitespace(line);
      if (line.empty() || line[0] == '#') continue;
      std::vector<absl::string_view> cols = absl::StrSplit(line, '\t');
      if (cols.size() != 2 || cols[0].empty()) continue;
      rules->emplace_back(std::u32string(cols[0].begin(), cols[0].end()),
                          std::u32string(cols[1].begin(), cols[1].end()));
    }
    // Longest match first.
    std::stable_sort(rules->begin(), rules->end(),
                     [](const auto& x, const auto& y) {
                       return x.first.size() > y.first.size();
                     });
    return rules;
  }();
  return *kRules;
}

// The comparison form of a folded word: transliteration rules applied left
// to right, then doubled letters collapsed ("gadhafi", "gaddafi" ->
// "gadafi").
std::u32string Transliterate(const std::u32string& word) {
  std::u32string replaced;
  for (size_t i = 0; i < word.size();) {
    bool done = false;
    for (const auto& [from, to] : Rules()) {
      if (word.compare(i, from.size(), from) == 0) {
        replaced += to;
        i += from.size();
        done = true;
        break;
      }
    }
    if (!done) replaced.push_back(word[i++]);
  }
  std::u32string out;
  for (char32_t c : replaced) {
    if (out.empty() || out.back() != c) out.push_back(c);
  }
  return out;
}

// True when a and b are at most one edit apart: one substitution,
// insertion, deletion or transposition of adjacent letters.
bool WithinOneEdit(const std::u32string& a, const std::u32string& b) {
  if (a.size() > b.size()) return WithinOneEdit(b, a);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;  // equal, or b has one letter more at end
  if (a.size() == b.size()) {
    if (a.compare(i + 1, std::u32string::npos, b, i + 1,
                  std::u32string::npos) == 0) {
      return true;
    }
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.compare(i + 2, std::u32string::npos, b, i + 2,
                     std::u32string::npos) == 0;
  }
  return a.compare(i, std::u32string::npos, b, i + 1, std::u32string::npos) ==
         0;
}

// One word of a name.
struct Word {
  std::u32string folded;  // lowercase, no diacritics, no dots or apostrophes
  std::u32string norm;    // Transliterate(folded) for long words, else folded
  bool initial = false;   // a single letter: "A." in "A. Okafor"
  bool fuzzy = false;     // long enough to match with a difference
};

// How two words match, best first.
enum Match { kEqual = 0, kTransliterated = 1, kOneEdit = 2, kNone = 3 };

// How words a and b match as the same word (an initial matches only the
// same initial). kOneEdit only when `allow_edit`.
Match MatchWords(const Word& a, const Word& b, bool allow_edit) {
  if (a.folded == b.folded) return kEqual;
  if (!a.fuzzy || !b.fuzzy) return kNone;
  if (a.norm == b.norm) return kTransliterated;
  if (allow_edit && WithinOneEdit(a.norm, b.norm)) return kOneEdit;
  return kNone;
}

// True when a and b may be the same given or middle name: they match, or
// one is the other's initial.
bool GivenNamesAgree(const Word& a, const Word& b) {
  if (a.initial != b.initial) {
    const Word& init = a.initial ? a : b;
    const Word& full = a.initial ? b : a;
    return !full.folded.empty() && full.folded[0] == init.folded[0];
  }
  const Match match = MatchWords(a, b, true);
  // A given name that ends differently is another name, often of another
  // person: "Mario" and "Maria", "Daniel" and "Daniela", "Julia" and
  // "Julie". A typo or a transliteration inside it is not ("Moammar",
  // "Muammar").
  if (match == kOneEdit && a.norm.back() != b.norm.back()) return false;
  return match != kNone;
}

// The words of a name, folded; empty when it has none or too many.
std::vector<Word> SplitName(absl::string_view name) {
  std::vector<Word> words;
  std::u32string current;
  auto flush = [&] {
    if (current.empty()) return;
    Word w;
    w.folded = std::move(current);
    current.clear();
    w.initial = w.folded.size() == 1;
    w.fuzzy = w.folded.size() >= kMinFuzzyLetters &&
              w.folded.size() <= kMaxFuzzyLetters;
    w.norm = w.fuzzy ? Transliterate(w.folded) : w.folded;
    words.push_back(std::move(w));
  };
  for (size_t pos = 0; pos < name.size();) {
    int length = 1;
    const char32_t c = base::DecodeUtf8(name, pos, &length);
    pos += length;
    if (c == ' ' || c == '-' || c == 0x2010 || c == 0x2011 || c == 0xA0) {
      flush();
    } else if (c == '.' || c == '\'' || c == 0x2019 || c == ',') {
      // "A." is "a"; "O'Brien" is "obrien".
    } else {
      AppendFolded(c, &current);
    }
  }
  flush();
  if (words.size() > kMaxWords) words.clear();
  return words;
}

// How complete a name is: words, then words that are not initials.
std::pair<size_t, size_t> Completeness(const std::vector<Word>& words) {
  size_t full = 0;
  for (const Word& w : words) full += !w.initial;
  return {words.size(), full};
}

// How names a and b (word lists) may name the same one: the worst word
// match (an initial for a name counts as kOneEdit), or kNone. Words are
// compared from the surname (last word) back: the last words must match
// (kOneEdit for a one-word name only when `edit_single`), and the other
// words of the shorter name must appear, in order, among those of the
// longer ("John F. Kennedy" in "John Fitzgerald Kennedy"; "Tayyip Erdogan"
// in "Recep Tayyip Erdogan"). Names of as many words compare word by word,
// so "Ada Okafor" and "Chidi Okafor" do not match.
Match CompareNames(const std::vector<Word>& a, const std::vector<Word>& b,
                   bool edit_single) {
  if (a.empty() || b.empty()) return kNone;
  if (a.size() > b.size()) return CompareNames(b, a, edit_single);
  const bool single = a.size() == 1;
  if (single && a[0].initial) return kNone;
  Match worst = MatchWords(a.back(), b.back(), !single || edit_single);
  if (worst == kNone || single) return worst;
  size_t j = 0;
  for (size_t i = 0; i + 1 < a.size(); ++i) {
    while (j + 1 < b.size() && !GivenNamesAgree(a[i], b[j])) ++j;
    if (j + 1 >= b.size()) return kNone;
    const Match m =
        a[i].initial != b[j].initial ? kOneEdit : MatchWords(a[i], b[j], true);
    worst = std::max(worst, m);
    ++j;
  }
  return worst;
}

// The blocking keys of a word: its comparison form and, for long words,
// the form with each letter deleted in turn (two words one edit apart
// share one of these).
std::vector<std::u32string> WordKeys(const Word& w) {
  std::vector<std::u32string> keys = {w.norm};
  if (!w.fuzzy) return keys;
  for (size_t i = 0; i < w.norm.size(); ++i) {
    std::u32string k = w.norm;
    k.erase(i, 1);
    keys.push_back(std::move(k));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

// True when `text` has letters and every ASCII letter is a capital (a
// dateline's "LUNDBY").
bool AllCapitals(absl::string_view text) {
  bool letters = false;
  for (char c : text) {
    if (absl::ascii_islower(static_cast<unsigned char>(c))) return false;
    letters |= absl::ascii_isupper(static_cast<unsigned char>(c));
  }
  return letters;
}

// `text` lowercase (diacritics kept): forms that differ only by case are
// one spelling.
std::string Lowercase(absl::string_view text) {
  std::string out;
  for (size_t pos = 0; pos < text.size();) {
    int length = 1;
    base::AppendUtf8(base::ToLower(base::DecodeUtf8(text, pos, &length)), &out);
    pos += length;
  }
  return out;
}

std::string Utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) base::AppendUtf8(c, &out);
  return out;
}

// One distinct name (by folded words) and where it is used.
struct Name {
  std::string key;  // folded words joined by spaces
  std::vector<Word> words;
  std::pair<size_t, size_t> completeness;
  bool speaker = false;  // some quote's speaker
  std::set<std::string> articles;
  std::map<std::string, std::set<std::string>> written;  // -> article ids
};

// How two names match for unification; a one-letter edit in a one-word
// name is accepted only when that name is a speaker (a person or body that
// speaks: "Gambia" and "Zambia" are two places).
Match Unifiable(const Name& a, const Name& b) {
  const bool edit_single =
      (a.words.size() > 1 || a.speaker) && (b.words.size() > 1 || b.speaker);
  return CompareNames(a.words, b.words, edit_single);
}

// Union of name groups; a group never holds two names of one article.
class Groups {
 public:
  explicit Groups(const std::vector<Name>& names) : names_(names) {
    parent_.resize(names.size());
    std::iota(parent_.begin(), parent_.end(), 0);
    members_.resize(names.size());
    articles_.resize(names.size());
    for (size_t i = 0; i < names.size(); ++i) {
      members_[i] = {static_cast<int>(i)};
      articles_[i] = names[i].articles;
    }
  }

  int Find(int i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }

  // Merges the groups of a and b when no article uses a name of each and
  // every name of one is unifiable with every name of the other (so a
  // chain "Larsen" - "Larson" - "Carson" never makes one group of all
  // three). Returns whether they are now one group.
  bool Merge(int a, int b) {
    a = Find(a), b = Find(b);
    if (a == b) return true;
    if (members_[a].size() + members_[b].size() > kMaxGroupNames) return false;
    for (const std::string& art : articles_[b]) {
      if (articles_[a].count(art)) return false;
    }
    for (int x : members_[a]) {
      for (int y : members_[b]) {
        if (Unifiable(names_[x], names_[y]) == kNone) return false;
      }
    }
    if (members_[a].size() < members_[b].size()) std::swap(a, b);
    parent_[b] = a;
    members_[a].insert(members_[a].end(), members_[b].begin(),
                       members_[b].end());
    members_[b].clear();
    articles_[a].insert(articles_[b].begin(), articles_[b].end());
    articles_[b].clear();
    return true;
  }

  const std::vector<int>& Members(int root) const { return members_[root]; }

 private:
  const std::vector<Name>& names_;
  std::vector<int> parent_;
  std::vector<std::vector<int>> members_;
  std::vector<std::set<std::string>> articles_;
};

// The form of a name: word count and which words are initials. Names of
// one form that match are spellings of one name.
std::string FormKey(const Name& n) {
  std::string form;
  for (const Word& w : n.words) form.push_back(w.initial ? 'i' : 'w');
  return form;
}

// Collects the distinct names of `claims`, sorted by key.
std::vector<Name> CollectNames(const std::vector<Claim>& claims) {
  std::map<std::string, Name> by_key;
  auto add = [&](const std::string& written, const std::string& article,
                 bool speaker) {
    std::vector<Word> words = SplitName(written);
    if (words.empty()) return;
    std::string key;
    for (const Word& w : words) {
      if (!key.empty()) key.push_back(' ');
      key += Utf8(w.folded);
    }
    Name& n = by_key[key];
    if (n.key.empty()) {
      n.key = key;
      n.completeness = Completeness(words);
      n.words = std::move(words);
    }
    n.speaker |= speaker;
    n.articles.insert(article);
    n.written[written].insert(article);
  };
  for (const Claim& c : claims) {
    if (c.kind() == Claim::KIND_QUOTE && !c.quote().speaker().empty()) {
      add(c.quote().speaker(), c.article_id(), true);
    }
    for (const std::string& e : c.entities()) add(e, c.article_id(), false);
  }
  std::vector<Name> names;
  names.reserve(by_key.size());
  for (auto& [key, n] : by_key) names.push_back(std::move(n));
  return names;
}

// Step 1: names of one form that are spellings of one name ("Muammar
// Gaddafi", "Moammar Gadhafi"), best matches first.
void MergeSpellings(const std::vector<Name>& names, Groups* groups) {
  std::map<std::string, std::vector<int>> blocks;
  for (size_t i = 0; i < names.size(); ++i) {
    const Name& n = names[i];
    std::string prefix = FormKey(n);
    if (n.words.size() > 1) {
      prefix.push_back('|');
      base::AppendUtf8(n.words.front().folded[0], &prefix);
    }
    prefix.push_back('|');
    for (const std::u32string& k : WordKeys(n.words.back())) {
      blocks[prefix + Utf8(k)].push_back(static_cast<int>(i));
    }
  }
  // Pairs sharing a block, best match first, then by the names' key order.
  std::vector<std::tuple<Match, int, int>> edges;
  for (const auto& [key, members] : blocks) {
    if (members.size() > kMaxBlock) continue;
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        const Match m = Unifiable(names[members[x]], names[members[y]]);
        if (m != kNone) edges.emplace_back(m, members[x], members[y]);
      }
    }
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  for (const auto& [m, a, b] : edges) groups->Merge(a, b);
}

// Step 2: a less complete name ("Okafor", "A. Okafor") joins the group of
// the more complete names it fits, when exactly one group fits (a one-word
// name only when it is a speaker). Names are taken level by level, from
// the most complete down, so "John F. Kennedy" has joined "John Fitzgerald
// Kennedy" before "John Kennedy" looks; within a level, decisions are made
// before any merge, so they do not depend on order, and two names of the
// level that fit one group but not each other ("Ada Okafor" and "Chidi
// Okafor", both fitting "Ada Chidi Okafor") both stay apart.
void MergeIntoFullerNames(const std::vector<Name>& names, Groups* groups) {
  std::map<std::u32string, std::vector<int>> by_surname;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i].words.size() < 2) continue;
    for (const std::u32string& k : WordKeys(names[i].words.back())) {
      by_surname[k].push_back(static_cast<int>(i));
    }
  }
  // The one group more complete names that `n` fits form, or -1.
  auto target = [&](int i) {
    const Name& n = names[i];
    // A one-word name that is nobody's speaker may be a place or a body
    // named after a person ("Washington", "Jordan"): it joins no person.
    if (n.words.size() == 1 && !n.speaker) return -1;
    std::set<int> roots;
    size_t scanned = 0;
    for (const std::u32string& k : WordKeys(n.words.back())) {
      auto it = by_surname.find(k);
      if (it == by_surname.end()) continue;
      scanned += it->second.size();
      if (scanned > kMaxBlock) return -1;  // too common to tell
      for (int j : it->second) {
        if (names[j].completeness <= n.completeness) continue;
        if (Unifiable(n, names[j]) == kNone) continue;
        roots.insert(groups->Find(j));
      }
    }
    if (roots.size() != 1 || *roots.begin() == groups->Find(i)) return -1;
    return *roots.begin();
  };
  std::vector<int> order(names.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    return names[x].completeness > names[y].completeness;
  });
  for (size_t begin = 0, end = 0; begin < order.size(); begin = end) {
    while (end < order.size() &&
           names[order[end]].completeness == names[order[begin]].completeness) {
      ++end;
    }
    std::map<int, std::vector<int>> by_target;  // group -> names joining it
    for (size_t k = begin; k < end; ++k) {
      const int t = target(order[k]);
      if (t >= 0) by_target[t].push_back(order[k]);
    }
    for (const auto& [t, joining] : by_target) {
      if (joining.size() > kMaxBlock) continue;
      std::vector<bool> ok(joining.size(), true);
      for (size_t x = 0; x < joining.size(); ++x) {
        for (size_t y = x + 1; y < joining.size(); ++y) {
          if (groups->Find(joining[x]) != groups->Find(joining[y]) &&
              Unifiable(names[joining[x]], names[joining[y]]) == kNone) {
            ok[x] = ok[y] = false;
          }
        }
      }
      for (size_t x = 0; x < joining.size(); ++x) {
        if (ok[x]) groups->Merge(joining[x], t);
      }
    }
  }
}

}  // namespace

std::vector<NameGroup> UnifyNames(std::vector<Claim>* claims) {
  const std::vector<Name> names = CollectNames(*claims);
  Groups groups(names);
  MergeSpellings(names, &groups);
  MergeIntoFullerNames(names, &groups);

  // Canonical name of each group: the most complete written form, then the
  // one most articles use, then one not in all capitals, then the first in
  // byte order.
  absl::flat_hash_map<std::string, std::string> canonical;
  std::vector<NameGroup> out;
  for (size_t root = 0; root < names.size(); ++root) {
    if (groups.Find(root) != static_cast<int>(root)) continue;
    struct Form {
      std::pair<size_t, size_t> completeness;
      const std::string* written;
      const std::set<std::string>* articles;
    };
    std::vector<Form> forms;
    for (int m : groups.Members(root)) {
      for (const auto& [written, articles] : names[m].written) {
        forms.push_back({names[m].completeness, &written, &articles});
      }
    }
    std::sort(forms.begin(), forms.end(), [](const Form& x, const Form& y) {
      if (x.completeness != y.completeness) {
        return x.completeness > y.completeness;
      }
      if (x.articles->size() != y.articles->size()) {
        return x.articles->size() > y.articles->size();
      }
      const bool caps_x = AllCapitals(*x.written);
      const bool caps_y = AllCapitals(*y.written);
      if (caps_x != caps_y) return caps_y;
      return *x.written < *y.written;
    });
    if (forms.size() < 2) continue;
    for (const Form& f : forms) canonical[*f.written] = *forms[0].written;
    // Only groups with more than one spelling are reported: "LUNDBY" in a
    // dateline is "Lundby", not another spelling of it.
    std::set<std::string> spellings;
    for (const Form& f : forms) spellings.insert(Lowercase(*f.written));
    if (spellings.size() < 2) continue;
    NameGroup group;
    group.set_name(*forms.front().written);
    for (const Form& f : forms) {
      auto* v = group.add_variants();
      v->set_written(*f.written);
      for (const std::string& a : *f.articles) v->add_article_ids(a);
    }
    out.push_back(std::move(group));
  }
  std::sort(out.begin(), out.end(), [](const NameGroup& x, const NameGroup& y) {
    return x.name() < y.name();
  });

  auto rename = [&](std::string* name) {
    auto it = canonical.find(*name);
    if (it != canonical.end()) *name = it->second;
  };
  for (Claim& c : *claims) {
    if (c.kind() == Claim::KIND_QUOTE && !c.quote().speaker().empty()) {
      rename(c.mutable_quote()->mutable_speaker());
    }
    std::vector<std::string> entities;
    absl::flat_hash_set<std::string> seen;
    for (const std::string& e : c.entities()) {
      std::string name = e;
      rename(&name);
      if (seen.insert(name).second) entities.push_back(std::move(name));
    }
    if (static_cast<int>(entities.size()) != c.entities_size() ||
        !std::equal(entities.begin(), entities.end(), c.entities().begin())) {
      c.clear_entities();
      for (std::string& e : entities) c.add_entities(std::move(e));
    }
  }
  return out;
}

bool NamesMayMatch(absl::string_view a, absl::string_view b) {
  const std::vector<Word> wa = SplitName(a);
  const std::vector<Word> wb = SplitName(b);
  if (wa.empty() || wb.empty()) return false;
  bool same = wa.size() == wb.size();
  for (size_t i = 0; same && i < wa.size(); ++i) {
    same = wa[i].folded == wb[i].folded;
  }
  if (same) return true;
  if (Completeness(wa) == Completeness(wb)) return false;
  return CompareNames(wa, wb, true) != kNone;
}

}  // namespace crosscheck::align
