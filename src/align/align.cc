#include "src/align/align.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "src/align/align_data.h"
#include "src/align/names.h"
#include "src/align/word_diff.h"

namespace crosscheck::align {
namespace {

using crosscheck::v1::Alignment;
using crosscheck::v1::Article;
using crosscheck::v1::Claim;
using crosscheck::v1::Date;
using crosscheck::v1::Figure;
using crosscheck::v1::Quote;

// Quotes sharing a word trigram that occurs in more claims than this are
// not paired through it (the trigram is boilerplate, not evidence).
constexpr size_t kMaxShingleBlock = 64;
// A figure or date block larger than this is split by keyword: only claims
// that also share a keyword are paired. A sub-block still larger is too
// generic to pair at all.
constexpr size_t kMaxBlock = 256;
// Counted nouns that say little about what is counted: a match on them
// needs the same predicate and stronger context.
const absl::flat_hash_set<std::string>& GenericCounted() {
  static const auto* const kSet = new absl::flat_hash_set<std::string>{
      "time", "year", "day", "month", "week", "people", "person", "percent",
      "one", "thing", "number", "hour", "minute"};
  return *kSet;
}

// Maps a lemma to the canonical word of its synonym row.
const absl::flat_hash_map<std::string, std::string>& Synonyms() {
  static const auto* const kMap = [] {
    auto* map = new absl::flat_hash_map<std::string, std::string>;
    for (absl::string_view line :
         absl::StrSplit(EmbeddedFile("synonyms.tsv"), '\n')) {
      line = absl::StripAsciiWhitespace(line);
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> words = absl::StrSplit(line, '\t');
      for (std::string& w : words) {
        w = std::string(absl::StripAsciiWhitespace(w));
        if (!w.empty()) (*map)[w] = words[0];
      }
    }
    return map;
  }();
  return *kMap;
}

// Canonical predicates of events that happen once to their subject.
const absl::flat_hash_set<std::string>& OnceEvents() {
  static const auto* const kSet = [] {
    auto* set = new absl::flat_hash_set<std::string>;
    for (absl::string_view line :
         absl::StrSplit(EmbeddedFile("once_events.tsv"), '\n')) {
      line = absl::StripAsciiWhitespace(line);
      if (!line.empty() && line[0] != '#') set->insert(std::string(line));
    }
    return set;
  }();
  return *kSet;
}

std::string Canonical(const std::string& lemma) {
  const auto& map = Synonyms();
  auto it = map.find(lemma);
  return it == map.end() ? lemma : it->second;
}

// What the aligner knows of one claim.
struct Item {
  const Claim* claim = nullptr;
  int article = 0;       // index in the articles vector, by id order
  std::string key;       // blocking key
  std::string predicate; // canonical
  std::string counted;   // canonical
  std::set<std::string> keywords;
  std::set<std::string> entities;  // last word of each name, lowercase
  std::vector<std::string> quote_words;
  std::set<std::string> trigrams;  // of quote_words, for quotes
  std::string speaker;  // the quote's speaker (unified name), or empty
  Quote::Form form = Quote::FORM_UNSPECIFIED;
};

std::string UnitClass(const Figure& f) {
  const std::string& unit = f.unit();
  if (unit.empty()) return "count";
  if (unit.size() == 3 && absl::ascii_isupper(static_cast<unsigned char>(unit[0]))) {
    return "money";
  }
  return unit;
}

std::string LastWordLower(absl::string_view name) {
  std::vector<absl::string_view> words =
      absl::StrSplit(name, ' ', absl::SkipEmpty());
  if (words.empty()) return "";
  return absl::AsciiStrToLower(words.back());
}

double Jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() && b.empty()) return 0;
  size_t common = 0;
  for (const std::string& s : a) common += b.count(s);
  return static_cast<double>(common) / (a.size() + b.size() - common);
}

double ContextSimilarity(const Item& a, const Item& b) {
  const double kw = Jaccard(a.keywords, b.keywords);
  if (a.entities.empty() || b.entities.empty()) return kw;
  return 0.6 * kw + 0.4 * Jaccard(a.entities, b.entities);
}

// Word trigrams of a quote (bracketed insertions left out); the whole quote
// as one "trigram" when it has fewer than three words.
std::vector<std::string> Trigrams(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  std::vector<const std::string*> plain;
  for (const std::string& w : words) {
    if (w != kInsertionWord) plain.push_back(&w);
  }
  if (plain.size() < 3) {
    if (!plain.empty()) {
      std::vector<std::string> parts;
      for (const std::string* w : plain) parts.push_back(*w);
      out.push_back(absl::StrJoin(parts, " "));
    }
    return out;
  }
  for (size_t i = 0; i + 2 < plain.size(); ++i) {
    out.push_back(absl::StrCat(*plain[i], " ", *plain[i + 1], " ", *plain[i + 2]));
  }
  return out;
}

Item MakeItem(const Claim& claim, int article) {
  Item item;
  item.claim = &claim;
  item.article = article;
  item.predicate = Canonical(claim.predicate());
  for (const std::string& e : claim.entities()) {
    item.entities.insert(LastWordLower(e));
  }
  switch (claim.kind()) {
    case Claim::KIND_FIGURE: {
      const Figure& f = claim.figure();
      item.counted = Canonical(f.counted());
      item.key = absl::StrCat("f|", UnitClass(f), "|", f.ordinal() ? "o" : "c",
                              "|", item.counted.empty() ? "?" : item.counted);
      // "N times" says nothing of what happened N times: the predicate
      // ("met", "called") is part of what is counted.
      if (GenericCounted().contains(item.counted)) {
        absl::StrAppend(&item.key, "|", item.predicate);
      }
      break;
    }
    case Claim::KIND_DATE:
      if (!item.predicate.empty()) item.key = absl::StrCat("d|", item.predicate);
      break;
    case Claim::KIND_QUOTE:
      item.form = claim.quote().form();
      item.quote_words = QuoteWords(claim.quote().text());
      // A title ("One Hundred Years of Solitude") is nobody's speech: it
      // is never aligned.
      if (item.form != Quote::FORM_TITLE) {
        for (std::string& t : Trigrams(item.quote_words)) {
          item.trigrams.insert(std::move(t));
        }
      }
      item.speaker = claim.quote().speaker();
      break;
    default:
      break;
  }
  // Keywords say what else the sentence is about: the words of the
  // counted noun and of the predicate ("take office") are already compared.
  std::set<std::string> known;
  for (const std::string& phrase : {claim.predicate(), item.predicate,
                                    item.counted}) {
    for (absl::string_view w : absl::StrSplit(phrase, ' ', absl::SkipEmpty())) {
      known.insert(std::string(w));
    }
  }
  for (const std::string& k : claim.keywords()) {
    const std::string c = Canonical(k);
    if (!known.count(c) && !known.count(k)) item.keywords.insert(c);
  }
  return item;
}

// Similarity of two figures or dates with the same blocking key, or a
// negative number when they do not state the same fact.
double FactScore(const Item& a, const Item& b, const AlignOptions& options) {
  const double context = ContextSimilarity(a, b);
  if (a.claim->kind() == Claim::KIND_FIGURE) {
    // "met 17 times" and "called three times" count different things.
    if (GenericCounted().contains(a.counted) && !a.predicate.empty() &&
        !b.predicate.empty() && a.predicate != b.predicate) {
      return -1;
    }
    const bool generic = GenericCounted().contains(a.counted);
    const bool ordinal = a.claim->figure().ordinal();
    // A specific counted noun ("summit", "delegate") is strong evidence; an
    // ordinal of one ("the thirty-first summit") is stronger still. Without
    // a counted noun ("trade stands at $48.5 billion") the context must say
    // what the figure is about; a generic one ("17 times") needs more.
    const double needed = generic ? 2 * options.min_context_similarity
                          : ordinal && !a.counted.empty()
                              ? 0.0
                              : options.min_context_similarity / 2;
    const bool specific_ordinal = ordinal && !a.counted.empty() && !generic;
    if (context < needed || (context == 0 && !specific_ordinal)) return -1;
    return 0.5 + 0.5 * context;
  }
  // Dates: the same event predicate (the key), and either the same other
  // event words, or the same people or places (whose event it is) with at
  // least one shared event word — none needed for an event that happens to
  // them once ("took office").
  const double entities = a.entities.empty() || b.entities.empty()
                              ? 0
                              : Jaccard(a.entities, b.entities);
  const double keywords = Jaccard(a.keywords, b.keywords);
  const bool same_people =
      entities >= options.min_date_entity_similarity &&
      (keywords > 0 || OnceEvents().contains(a.predicate));
  if (!same_people && keywords < options.min_date_keyword_similarity) {
    return -1;
  }
  return 0.5 + 0.5 * std::max(entities, keywords);
}

// True when the speakers of two quotes may be the same person: either is
// unknown, or NamesMayMatch (after cross-article unification, two different
// names of the same form are different people; a name left less complete,
// "Okafor" beside "Ada Okafor", is no evidence either way).
bool SpeakersMayMatch(const Item& a, const Item& b) {
  return a.speaker.empty() || b.speaker.empty() ||
         NamesMayMatch(a.speaker, b.speaker);
}

bool IsScare(const Item& item) { return item.form == Quote::FORM_SCARE; }

// Whether two quotes may be paired at all: a scare quote (one to three
// words: “rules-based”) is weak evidence, so it pairs only with a quote of
// the very same words by a speaker who may be the same.
bool QuotesPairable(const Item& a, const Item& b) {
  if (!IsScare(a) && !IsScare(b)) return true;
  return a.quote_words == b.quote_words && SpeakersMayMatch(a, b);
}

// Share of the smaller trigram set found in the other, or -1 below
// `min_overlap`.
double QuoteScore(const Item& a, const Item& b, double min_overlap) {
  const std::set<std::string>& sa = a.trigrams;
  const std::set<std::string>& sb = b.trigrams;
  if (sa.empty() || sb.empty()) return -1;
  const std::set<std::string>& small = sa.size() <= sb.size() ? sa : sb;
  const std::set<std::string>& large = sa.size() <= sb.size() ? sb : sa;
  size_t common = 0;
  for (const std::string& t : small) common += large.count(t);
  const double overlap = static_cast<double>(common) / small.size();
  return overlap < min_overlap ? -1 : overlap;
}

// Interval of values a figure allows: [lo, hi], each end open or closed.
struct Interval {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool lo_open = false;
  bool hi_open = false;
};

// Half of one unit in the last significant digit of a rounded number
// ("48 billion" may stand for 47.8 billion; "2,400" for 2,450). Ordinals
// and small counts are exact.
double RoundingTolerance(const Claim& claim) {
  const Figure& f = claim.figure();
  const double v = std::fabs(f.value());
  if (f.ordinal() || v < 1000) return 0;
  // Count the significant digits written in the mention.
  int digits = 0, trailing_zeros = 0;
  bool in_fraction = false;
  const std::string& text = claim.text();
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    // A decimal point sits between digits ("48.5"; not "U.S.$4,000").
    if (c == '.' && i > 0 && i + 1 < text.size() &&
        absl::ascii_isdigit(static_cast<unsigned char>(text[i - 1])) &&
        absl::ascii_isdigit(static_cast<unsigned char>(text[i + 1]))) {
      in_fraction = true;
    }
    if (!absl::ascii_isdigit(c)) continue;
    ++digits;
    trailing_zeros = c == '0' ? trailing_zeros + 1 : 0;
  }
  if (digits == 0) return 0;
  const int significant = digits - (in_fraction ? 0 : trailing_zeros);
  if (significant <= 0) return 0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(v)));
  return 0.5 * magnitude / std::pow(10.0, significant - 1);
}

Interval FigureInterval(const Claim& claim) {
  const Figure& f = claim.figure();
  Interval in;
  const double v = f.value();
  const double tol = RoundingTolerance(claim);
  switch (f.qualifier()) {
    case Figure::QUALIFIER_VAGUE:
      in.lo = 0;
      break;
    case Figure::QUALIFIER_MORE_THAN:
      in.lo = v, in.lo_open = true;
      break;
    case Figure::QUALIFIER_AT_LEAST:
      in.lo = v;
      break;
    case Figure::QUALIFIER_LESS_THAN:
      in.lo = 0, in.hi = v, in.hi_open = true;
      break;
    case Figure::QUALIFIER_AT_MOST:
      in.lo = 0, in.hi = v;
      break;
    case Figure::QUALIFIER_APPROXIMATE:
      in.lo = v * 0.9 - tol, in.hi = v * 1.1 + tol;
      break;
    case Figure::QUALIFIER_RANGE:
      in.lo = v, in.hi = f.has_value_max() ? f.value_max() : v;
      break;
    default:
      in.lo = v - tol, in.hi = v + tol;
      break;
  }
  return in;
}

bool Overlap(const Interval& a, const Interval& b) {
  const bool below = a.hi < b.lo || (a.hi == b.lo && (a.hi_open || b.lo_open));
  const bool above = b.hi < a.lo || (b.hi == a.lo && (b.hi_open || a.lo_open));
  return !below && !above;
}

enum class PairVerdict { kAgree, kCompatible, kDiscrepancy };

PairVerdict CompareFigures(const Claim& a, const Claim& b,
                           const AlignOptions& options) {
  const Figure& fa = a.figure();
  const Figure& fb = b.figure();
  if (fa.unit() != fb.unit() && UnitClass(fa) == "money") {
    return PairVerdict::kCompatible;  // different currencies: no conversion
  }
  const bool same_value =
      fa.has_value() == fb.has_value() &&
      std::fabs(fa.value() - fb.value()) <=
          options.value_epsilon * std::max(1.0, std::fabs(fa.value())) &&
      std::fabs(fa.value_max() - fb.value_max()) <=
          options.value_epsilon * std::max(1.0, std::fabs(fa.value_max()));
  if (same_value && fa.qualifier() == fb.qualifier()) return PairVerdict::kAgree;
  return Overlap(FigureInterval(a), FigureInterval(b))
             ? PairVerdict::kCompatible
             : PairVerdict::kDiscrepancy;
}

// A date as the interval [first day, last day] of "YYYY", "YYYY-MM" or
// "YYYY-MM-DD", as comparable strings padded to days.
std::pair<std::string, std::string> DayRange(const std::string& start,
                                             const std::string& end) {
  auto pad = [](const std::string& s, bool last) {
    if (s.size() == 4) return s + (last ? "-12-31" : "-01-01");
    if (s.size() == 7) return s + (last ? "-31" : "-01");
    return s;
  };
  return {pad(start, false), pad(end.empty() ? start : end, true)};
}

PairVerdict CompareDates(const Claim& a, const Claim& b) {
  const Date& da = a.date();
  const Date& db = b.date();
  if (da.start().empty() || db.start().empty()) return PairVerdict::kCompatible;
  if (da.start() == db.start() && da.end() == db.end()) {
    return PairVerdict::kAgree;
  }
  const auto ra = DayRange(da.start(), da.end());
  const auto rb = DayRange(db.start(), db.end());
  const bool a_in_b = ra.first >= rb.first && ra.second <= rb.second;
  const bool b_in_a = rb.first >= ra.first && rb.second <= ra.second;
  return a_in_b || b_in_a ? PairVerdict::kCompatible
                          : PairVerdict::kDiscrepancy;
}

PairVerdict CompareQuoteItems(const Item& a, const Item& b) {
  // A scare quote (“rules-based”) is too short to be evidence against
  // anything: it makes no discrepancy, of words or of speakers, with the
  // other quotes of a group it reached through a quote of its very words.
  if (IsScare(a) || IsScare(b)) {
    return a.quote_words == b.quote_words && SpeakersMayMatch(a, b)
               ? PairVerdict::kAgree
               : PairVerdict::kCompatible;
  }
  if (!SpeakersMayMatch(a, b)) return PairVerdict::kDiscrepancy;
  switch (CompareQuotes(a.quote_words, b.quote_words)) {
    case QuoteRelation::kSame:
      return PairVerdict::kAgree;
    case QuoteRelation::kCompatible:
      return PairVerdict::kCompatible;
    case QuoteRelation::kDifferent:
      return PairVerdict::kDiscrepancy;
  }
  return PairVerdict::kDiscrepancy;
}

PairVerdict ComparePair(const Item& a, const Item& b,
                        const AlignOptions& options) {
  switch (a.claim->kind()) {
    case Claim::KIND_FIGURE:
      return CompareFigures(*a.claim, *b.claim, options);
    case Claim::KIND_DATE:
      return CompareDates(*a.claim, *b.claim);
    default:
      return CompareQuoteItems(a, b);
  }
}

// Union of clusters with at most one claim per article.
class Clusters {
 public:
  explicit Clusters(const std::vector<Item>& items) {
    parent_.resize(items.size());
    std::iota(parent_.begin(), parent_.end(), 0);
    articles_.resize(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
      articles_[i].insert(items[i].article);
    }
  }

  int Find(int i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }

  // Merges the clusters of a and b unless they share an article.
  void Merge(int a, int b) {
    a = Find(a), b = Find(b);
    if (a == b) return;
    for (int art : articles_[b]) {
      if (articles_[a].count(art)) return;
    }
    if (articles_[a].size() < articles_[b].size()) std::swap(a, b);
    parent_[b] = a;
    articles_[a].insert(articles_[b].begin(), articles_[b].end());
    articles_[b].clear();
  }

 private:
  std::vector<int> parent_;
  std::vector<std::set<int>> articles_;
};

struct Candidate {
  double score;
  int a, b;
};

std::string OutletName(const Article& article) {
  return article.outlet().empty() ? article.id() : article.outlet();
}

std::string Ellipsize(absl::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return absl::StrCat(text.substr(0, cut), "…");
}

std::string Subject(const std::vector<const Item*>& members) {
  const Claim& c = *members.front()->claim;
  switch (c.kind()) {
    case Claim::KIND_FIGURE: {
      const Figure& f = c.figure();
      // What is counted, else what the sentence is about ("trade").
      std::string s = f.counted();
      if (s.empty() && c.keywords_size() > 0) {
        s = members.front()->keywords.empty()
                ? c.keywords(0)
                : *members.front()->keywords.begin();
        for (const std::string& k : c.keywords()) {
          if (members.front()->keywords.count(k)) {
            s = k;
            break;
          }
        }
      }
      if (s.empty()) s = UnitClass(f);
      if (f.ordinal()) absl::StrAppend(&s, " (ordinal)");
      else if (!f.counted().empty() && !c.predicate().empty() &&
               GenericCounted().contains(f.counted())) {
        s = absl::StrCat(c.predicate(), " (", f.counted(), ")");
      }
      return s;
    }
    case Claim::KIND_DATE: {
      std::string s = c.predicate().empty() ? "date" : c.predicate();
      if (c.entities_size() > 0) absl::StrAppend(&s, " (", c.entities(0), ")");
      return s;
    }
    case Claim::KIND_QUOTE:
      for (const Item* m : members) {
        if (!m->claim->quote().speaker().empty()) {
          return absl::StrCat("quote of ", m->claim->quote().speaker());
        }
      }
      return "quote";
    default:
      return "";
  }
}

std::string Summary(const std::vector<const Item*>& members,
                    const std::vector<const Article*>& articles,
                    Alignment::Verdict verdict, const std::string& subject) {
  const Claim& first = *members.front()->claim;
  std::vector<std::string> parts;
  if (first.kind() == Claim::KIND_QUOTE) {
    bool speakers_differ = false;
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        if (!IsScare(*members[x]) && !IsScare(*members[y]) &&
            !SpeakersMayMatch(*members[x], *members[y])) {
          speakers_differ = true;
        }
      }
    }
    for (const Item* m : members) {
      const auto& q = m->claim->quote();
      const std::string who = q.speaker().empty() ? "no speaker" : q.speaker();
      if (speakers_differ) {
        parts.push_back(absl::StrCat(OutletName(*articles[m->article]), ": ", who));
      } else {
        parts.push_back(absl::StrCat(OutletName(*articles[m->article]), ": “",
                                     Ellipsize(q.text(), 90), "”"));
      }
    }
    std::string tail;
    if (verdict == Alignment::VERDICT_DISCREPANCY) {
      tail = speakers_differ ? "the same words given to different speakers"
                             : "the quoted words differ";
    } else if (verdict == Alignment::VERDICT_COMPATIBLE) {
      tail = "versions differ only by an editorial insertion or by length";
    } else {
      tail = subject;
    }
    return absl::StrCat(absl::StrJoin(parts, "; "), " — ", tail);
  }
  for (const Item* m : members) {
    std::string value = m->claim->text();
    if (m->claim->kind() == Claim::KIND_DATE &&
        !m->claim->date().start().empty() &&
        m->claim->date().start() != value) {
      const auto& d = m->claim->date();
      absl::StrAppend(&value, " (", d.start(),
                      d.end() != d.start() && !d.end().empty()
                          ? absl::StrCat("–", d.end())
                          : "",
                      ")");
    }
    parts.push_back(absl::StrCat(OutletName(*articles[m->article]), ": ", value));
  }
  return absl::StrCat(absl::StrJoin(parts, "; "), " — ", subject);
}

int VerdictRank(Alignment::Verdict v) {
  switch (v) {
    case Alignment::VERDICT_DISCREPANCY:
      return 0;
    case Alignment::VERDICT_COMPATIBLE:
      return 1;
    case Alignment::VERDICT_AGREE:
      return 2;
    default:
      return 3;
  }
}

}  // namespace

std::vector<Alignment> Align(const std::vector<Article>& articles,
                             const std::vector<Claim>& claims,
                             const AlignOptions& options) {
  // Article positions by id, in id order, so the result does not depend on
  // input order.
  std::vector<std::string> ids;
  for (const Article& a : articles) ids.push_back(a.id());
  std::vector<size_t> order(articles.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](size_t x, size_t y) { return ids[x] < ids[y]; });
  absl::flat_hash_map<std::string, int> article_index;
  for (size_t rank = 0; rank < order.size(); ++rank) {
    article_index[articles[order[rank]].id()] = static_cast<int>(rank);
  }
  std::vector<const Article*> sorted_articles;
  for (size_t i : order) sorted_articles.push_back(&articles[i]);

  std::vector<Item> items;
  items.reserve(claims.size());
  for (const Claim& claim : claims) {
    auto it = article_index.find(claim.article_id());
    items.push_back(MakeItem(claim, it == article_index.end() ? 0 : it->second));
  }
  // Canonical item order: by claim id, independent of input order.
  std::vector<int> by_id(items.size());
  std::iota(by_id.begin(), by_id.end(), 0);
  std::sort(by_id.begin(), by_id.end(), [&](int x, int y) {
    return items[x].claim->id() < items[y].claim->id();
  });
  // Each item's place in that order, so that sorting candidates compares
  // numbers rather than claim ids.
  std::vector<int> id_rank(items.size());
  for (size_t r = 0; r < by_id.size(); ++r) {
    id_rank[by_id[r]] = static_cast<int>(r);
  }

  // Candidate pairs from blocking keys.
  std::vector<Candidate> candidates;
  std::map<std::string, std::vector<int>> blocks;
  std::map<std::string, std::vector<int>> shingles;
  for (int i : by_id) {
    const Item& item = items[i];
    if (item.claim->kind() == Claim::KIND_QUOTE) {
      for (const std::string& t : item.trigrams) shingles[t].push_back(i);
    } else if (!item.key.empty()) {
      blocks[item.key].push_back(i);
    }
  }
  // Pairs already scored, as (first << 32 | second).
  absl::flat_hash_set<uint64_t> seen_pairs;
  auto first_time = [&seen_pairs](int a, int b) {
    return seen_pairs
        .insert(static_cast<uint64_t>(a) << 32 | static_cast<uint32_t>(b))
        .second;
  };
  auto pair_block = [&](const std::vector<int>& members) {
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        const Item& a = items[members[x]];
        const Item& b = items[members[y]];
        if (a.article == b.article) continue;
        if (!first_time(members[x], members[y])) continue;
        const double score = FactScore(a, b, options);
        if (score >= 0) candidates.push_back({score, members[x], members[y]});
      }
    }
  };
  for (auto& [key, members] : blocks) {
    if (members.size() <= kMaxBlock) {
      pair_block(members);
      continue;
    }
    std::map<std::string, std::vector<int>> by_keyword;
    for (int i : members) {
      for (const std::string& k : items[i].keywords) by_keyword[k].push_back(i);
    }
    for (auto& [keyword, sub] : by_keyword) {
      if (sub.size() <= kMaxBlock) pair_block(sub);
    }
  }
  for (auto& [shingle, members] : shingles) {
    if (members.size() > kMaxShingleBlock) continue;
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        const int a = members[x], b = members[y];
        if (items[a].article == items[b].article) continue;
        if (!first_time(a, b)) continue;
        if (!QuotesPairable(items[a], items[b])) continue;
        const double score =
            QuoteScore(items[a], items[b], options.min_quote_overlap);
        if (score >= 0) candidates.push_back({score, a, b});
      }
    }
  }
  std::sort(candidates.begin(), candidates.end(),
            [&](const Candidate& x, const Candidate& y) {
              if (x.score != y.score) return x.score > y.score;
              if (x.a != y.a) return id_rank[x.a] < id_rank[y.a];
              return id_rank[x.b] < id_rank[y.b];
            });
  Clusters clusters(items);
  for (const Candidate& c : candidates) clusters.Merge(c.a, c.b);

  // Collect groups, members in article order then offset.
  std::map<int, std::vector<const Item*>> groups;
  for (int i : by_id) groups[clusters.Find(i)].push_back(&items[i]);
  std::vector<std::pair<Alignment, std::tuple<int, size_t, std::string>>>
      results;
  for (auto& [root, members] : groups) {
    std::sort(members.begin(), members.end(), [&](const Item* x, const Item* y) {
      if (x->article != y->article) return x->article < y->article;
      return x->claim->span().begin() < y->claim->span().begin();
    });
    Alignment alignment;
    alignment.set_kind(members.front()->claim->kind());
    for (const Item* m : members) alignment.add_claim_ids(m->claim->id());
    Alignment::Verdict verdict = Alignment::VERDICT_SINGLE_SOURCE;
    double confidence = 1.0;
    if (members.size() > 1) {
      verdict = Alignment::VERDICT_AGREE;
      for (size_t x = 0; x < members.size(); ++x) {
        for (size_t y = x + 1; y < members.size(); ++y) {
          const PairVerdict pv = ComparePair(*members[x], *members[y], options);
          if (pv == PairVerdict::kDiscrepancy) {
            verdict = Alignment::VERDICT_DISCREPANCY;
          } else if (pv == PairVerdict::kCompatible &&
                     verdict == Alignment::VERDICT_AGREE) {
            verdict = Alignment::VERDICT_COMPATIBLE;
          }
          double score;
          if (members[x]->claim->kind() == Claim::KIND_QUOTE) {
            score = QuoteScore(*members[x], *members[y], 0);
          } else {
            score = 0.5 + 0.5 * ContextSimilarity(*members[x], *members[y]);
          }
          confidence = std::min(confidence, std::max(0.0, score));
        }
      }
    }
    if (members.size() > 1 && confidence < options.min_confidence) {
      // Not sure enough that these state one fact: each claim stands alone.
      for (const Item* m : members) {
        Alignment single;
        single.set_kind(m->claim->kind());
        single.add_claim_ids(m->claim->id());
        single.set_verdict(Alignment::VERDICT_SINGLE_SOURCE);
        single.set_confidence(1.0f);
        const std::vector<const Item*> one = {m};
        const std::string subject = Subject(one);
        single.set_subject(subject);
        single.set_summary(Summary(one, sorted_articles,
                                   Alignment::VERDICT_SINGLE_SOURCE, subject));
        results.push_back(
            {std::move(single),
             {m->article, m->claim->span().begin(), m->claim->id()}});
      }
      continue;
    }
    alignment.set_verdict(verdict);
    alignment.set_confidence(static_cast<float>(confidence));
    const std::string subject = Subject(members);
    alignment.set_subject(subject);
    alignment.set_summary(Summary(members, sorted_articles, verdict, subject));
    results.push_back(
        {std::move(alignment),
         {members.front()->article, members.front()->claim->span().begin(),
          members.front()->claim->id()}});
  }
  std::sort(results.begin(), results.end(), [](const auto& x, const auto& y) {
    const int rx = VerdictRank(x.first.verdict());
    const int ry = VerdictRank(y.first.verdict());
    if (rx != ry) return rx < ry;
    return x.second < y.second;
  });
  std::vector<Alignment> out;
  out.reserve(results.size());
  for (size_t i = 0; i < results.size(); ++i) {
    results[i].first.set_id(absl::StrCat("a", i + 1));
    out.push_back(std::move(results[i].first));
  }
  return out;
}

}  // namespace crosscheck::align
