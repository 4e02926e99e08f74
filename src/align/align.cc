#include "src/align/align.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
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

// A block (claims sharing a blocking key) of at most this many claims has
// every pair of claims from different articles scored. A larger block is
// clustered around leaders: each claim, in claim-id order, is scored
// against the leaders of the clusters found through its rarest context
// tokens (at most kLeaderCandidates of them) and joins the best one, or
// leads a new cluster. So the work per claim is bounded and the whole
// grows about linearly with the number of claims.
constexpr size_t kMaxPairBlock = 64;
constexpr size_t kLeaderCandidates = 48;
// A token (keyword, entity or quote trigram) that leads to more clusters
// than this in one block says nothing about which cluster a claim belongs
// to: it is not followed past that many.
constexpr size_t kMaxPosting = 256;
// A candidate pair whose values are consistent (agree or compatible) is
// preferred over an equally similar pair whose values conflict, so that a
// claim joins the version of the fact it agrees with when an article
// states two of them ("the 1987 earthquake" and "Saturday's earthquake").
constexpr double kConsistentBonus = 0.05;
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

// Units of durations (Figure.unit of "three days", "a four-year term").
const absl::flat_hash_set<std::string>& TimeUnits() {
  static const auto* const kSet = new absl::flat_hash_set<std::string>{
      "second", "minute", "hour",   "day",    "week",
      "month",  "year",   "decade", "century"};
  return *kSet;
}

// Canonical predicates of a quantity changing or standing at a value.
const absl::flat_hash_set<std::string>& ChangeVerbs() {
  static const auto* const kSet = [] {
    auto* set = new absl::flat_hash_set<std::string>;
    for (absl::string_view line :
         absl::StrSplit(EmbeddedFile("change_verbs.tsv"), '\n')) {
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

// Small integer ids of strings (keywords, entity names, quote trigrams), so
// that claims compare sorted int vectors rather than sets of strings.
class Interner {
 public:
  int Id(absl::string_view s) {
    auto [it, inserted] = ids_.try_emplace(s, static_cast<int>(ids_.size()));
    return it->second;
  }
  // The id of `s`, or -1 when it was never interned.
  int Find(absl::string_view s) const {
    auto it = ids_.find(s);
    return it == ids_.end() ? -1 : it->second;
  }

 private:
  absl::flat_hash_map<std::string, int> ids_;
};

// Sorts `v` and drops duplicates.
void SortUnique(std::vector<int>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

bool Contains(const std::vector<int>& sorted, int x) {
  return x >= 0 && std::binary_search(sorted.begin(), sorted.end(), x);
}

// What the aligner knows of one claim.
struct Item {
  const Claim* claim = nullptr;
  int article = 0;            // index in the articles vector, by id order
  // The entities of all claims of the article (sorted ids): what story the
  // article covers. Set once all items are made.
  const std::vector<int>* story = nullptr;
  std::string key;            // blocking key
  // For a duration of a named event ("a four-day visit"): the key of the
  // dates of that event ("d|visit"), a second block the figure is in.
  std::string event_key;
  std::string predicate;      // canonical
  int predicate_id = -1;      // of `predicate` among the keywords' ids
  std::string counted;        // canonical
  int counted_id = -1;        // of `counted` among the keywords' ids
  std::vector<int> keywords;  // sorted ids (canonical lemmas)
  std::vector<int> entities;  // sorted ids (last word of each name)
  std::vector<std::string> quote_words;
  std::vector<int> trigrams;  // sorted ids, for quotes
  std::string speaker;  // the quote's speaker (unified name), or empty
  Quote::Form form = Quote::FORM_UNSPECIFIED;
  // For a figure: the days of the date governed by the same verb in its
  // sentence ("rose to 214 by Monday evening"), when there is one.
  bool has_scope = false;
  std::pair<std::string, std::string> scope;
  // The article states, under the same blocking key, another value that
  // conflicts with this one and that nothing (no time scope) tells apart:
  // the two are different facts (a toll on two days, two earthquakes), and
  // this claim never makes a discrepancy with another article's claim.
  bool ambiguous = false;
  // For a date: it follows "since" ("have met 17 times since 2019"): it
  // starts a period of the verb's action and dates no single event.
  bool period_start = false;
  // The day the claim's article was published (DayNumber), when known.
  std::optional<int64_t> published;
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

// How many ids two sorted id vectors share, counting up to `limit`.
size_t CountCommon(const std::vector<int>& a, const std::vector<int>& b,
                   size_t limit = std::numeric_limits<size_t>::max()) {
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size() && common < limit;) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return common;
}

// Jaccard similarity of two sorted id vectors; 0 when both are empty.
double Jaccard(const std::vector<int>& a, const std::vector<int>& b) {
  if (a.empty() && b.empty()) return 0;
  const size_t common = CountCommon(a, b);
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

// The event a date dates: the noun it is attached to ("the 1987
// earthquake"), else the verb that governs it ("took office in 2016"), as
// a canonical lemma; empty when neither is known.
std::string DateEvent(const Claim& claim, const std::string& predicate) {
  if (!claim.date().event().empty()) return Canonical(claim.date().event());
  return predicate;
}

// Whether the word before `begin` in `text` is "since" (any case).
bool AfterSince(absl::string_view text, size_t begin) {
  size_t end = std::min(begin, text.size());
  while (end > 0 &&
         absl::ascii_isspace(static_cast<unsigned char>(text[end - 1]))) {
    --end;
  }
  size_t start = end;
  while (start > 0 &&
         absl::ascii_isalpha(static_cast<unsigned char>(text[start - 1]))) {
    --start;
  }
  return absl::EqualsIgnoreCase(text.substr(start, end - start), "since");
}

Item MakeItem(const Claim& claim, int article, absl::string_view text,
              Interner* interner) {
  Item item;
  item.claim = &claim;
  item.article = article;
  item.predicate = Canonical(claim.predicate());
  for (const std::string& e : claim.entities()) {
    item.entities.push_back(interner->Id(absl::StrCat("e:", LastWordLower(e))));
  }
  SortUnique(&item.entities);
  switch (claim.kind()) {
    case Claim::KIND_FIGURE: {
      const Figure& f = claim.figure();
      item.counted = Canonical(f.counted());
      const std::string unit_class = UnitClass(f);
      // A count is blocked by what it counts. An amount of money, a
      // percentage, a duration or a magnitude is blocked by its unit: what
      // it measures is often unnamed ("trade stands at $48.5 billion"), and
      // two named things must then be the same (FactScore).
      item.key = absl::StrCat("f|", unit_class, "|", f.ordinal() ? "o" : "c");
      if (unit_class == "count") {
        absl::StrAppend(&item.key, "|",
                        item.counted.empty() ? "?" : item.counted);
      }
      if (TimeUnits().contains(f.unit()) && !f.ordinal() &&
          !item.counted.empty() && f.qualifier() != Figure::QUALIFIER_VAGUE) {
        item.event_key = absl::StrCat("d|", item.counted);
      }
      break;
    }
    case Claim::KIND_DATE: {
      item.period_start = AfterSince(text, claim.span().begin());
      const std::string event = DateEvent(claim, item.predicate);
      if (!event.empty()) item.key = absl::StrCat("d|", event);
      // The event is what is compared: the predicate's words stay keywords
      // only when the date has an event noun of its own.
      if (!claim.date().event().empty()) item.predicate = event;
      break;
    }
    case Claim::KIND_QUOTE:
      item.form = claim.quote().form();
      item.quote_words = QuoteWords(claim.quote().text());
      // A title ("One Hundred Years of Solitude") is nobody's speech: it
      // is never aligned.
      if (item.form != Quote::FORM_TITLE) {
        for (const std::string& t : Trigrams(item.quote_words)) {
          item.trigrams.push_back(interner->Id(absl::StrCat("t:", t)));
        }
        SortUnique(&item.trigrams);
      }
      item.speaker = claim.quote().speaker();
      break;
    default:
      break;
  }
  // Keywords say what else the sentence is about: the words of the
  // counted noun and of the predicate ("take office") are already compared.
  absl::flat_hash_set<std::string> known;
  for (const std::string& phrase : {claim.predicate(), item.predicate,
                                    item.counted}) {
    for (absl::string_view w : absl::StrSplit(phrase, ' ', absl::SkipEmpty())) {
      known.insert(std::string(w));
    }
  }
  for (const std::string& k : claim.keywords()) {
    const std::string c = Canonical(k);
    if (!known.contains(c) && !known.contains(k)) {
      item.keywords.push_back(interner->Id(c));
    }
  }
  SortUnique(&item.keywords);
  if (!item.predicate.empty()) item.predicate_id = interner->Id(item.predicate);
  if (!item.counted.empty()) item.counted_id = interner->Id(item.counted);
  return item;
}

// Whether two claims' predicates may name the same action: either is
// unknown, they are equal, or one's predicate is among the other's
// keywords ("32,500 displaced people" beside "30,000 people have been
// displaced", where the sentence's verb is another).
bool PredicatesMayMatch(const Item& a, const Item& b) {
  return a.predicate.empty() || b.predicate.empty() ||
         a.predicate == b.predicate || Contains(b.keywords, a.predicate_id) ||
         Contains(a.keywords, b.predicate_id);
}

// Whether two day ranges share a day.
bool DaysOverlap(const std::pair<std::string, std::string>& a,
                 const std::pair<std::string, std::string>& b) {
  return a.first <= b.second && b.first <= a.second;
}

// Whether a date's event is a noun ("the 1987 earthquake") rather than a
// verb; a duration's always is ("a four-day visit").
bool NamesItsEvent(const Item& item) {
  return item.claim->kind() == Claim::KIND_FIGURE ||
         !item.claim->date().event().empty();
}

// How strongly two dates with the same event key are shown to date one
// event.
enum class Evidence { kNone, kWeak, kStrong };

// Strong: the same other event words (keyword Jaccard similarity of at
// least min_date_keyword_similarity); the same people or places (entity
// similarity of at least min_date_entity_similarity) for an event that
// happens to them once ("took office") or that a noun names on both sides
// ("the 1987 earthquake"); or a noun-named event on both sides with a
// shared entity or half the keyword similarity. Weak: the same people or
// places with at least one shared event word, for an event a verb names
// ("said in a statement on Tuesday"): enough to group agreeing dates, not
// to oppose two that differ. A date after "since" (a period's start)
// never dates an event a noun names.
Evidence DateEvidence(const Item& a, const Item& b,
                      const AlignOptions& options) {
  if ((a.period_start && NamesItsEvent(b)) ||
      (b.period_start && NamesItsEvent(a))) {
    return Evidence::kNone;
  }
  const double entities = a.entities.empty() || b.entities.empty()
                              ? 0
                              : Jaccard(a.entities, b.entities);
  const double keywords = Jaccard(a.keywords, b.keywords);
  const bool named_event = NamesItsEvent(a) && NamesItsEvent(b);
  const bool people = entities >= options.min_date_entity_similarity;
  if (keywords >= options.min_date_keyword_similarity ||
      (people && (named_event || OnceEvents().contains(a.predicate))) ||
      (named_event &&
       (entities > 0 || keywords >= options.min_date_keyword_similarity / 2))) {
    return Evidence::kStrong;
  }
  return people && keywords > 0 ? Evidence::kWeak : Evidence::kNone;
}

// Similarity of two figures or dates with the same blocking key, or a
// negative number when they do not state the same fact.
double FactScore(const Item& a, const Item& b, const AlignOptions& options) {
  if (a.claim->kind() == Claim::KIND_FIGURE &&
      b.claim->kind() == Claim::KIND_FIGURE) {
    // Two named things measured in one unit must be the same thing, and a
    // figure that names what it measures ("a $12 billion package") is one
    // that does not ("trade stands at $48.5 billion") only when the other's
    // sentence names it too.
    if (!a.counted.empty() && !b.counted.empty() && a.counted != b.counted) {
      return -1;
    }
    if (a.counted.empty() != b.counted.empty()) {
      const Item& named = a.counted.empty() ? b : a;
      const Item& unnamed = a.counted.empty() ? a : b;
      if (!Contains(unnamed.keywords, named.counted_id)) return -1;
    }
    // A figure of one day is not a figure of another ("rose to 214 by
    // Monday" and "rose to 261 on Tuesday").
    if (a.has_scope && b.has_scope && !DaysOverlap(a.scope, b.scope)) {
      return -1;
    }
    const std::string& counted = a.counted.empty() ? b.counted : a.counted;
    // One time scope is shared context: "killed 421 people" and "killed
    // 412 people", both of the 1987 earthquake, count one thing (a
    // frequency aside, which is about who as much as when).
    double context = ContextSimilarity(a, b);
    if (a.has_scope && b.has_scope && counted != "time") {
      context = std::max(context, options.min_context_similarity);
    }
    const bool generic = GenericCounted().contains(counted);
    const bool same_action = PredicatesMayMatch(a, b);
    // "met 17 times" and "called three times" count different things; a
    // duration of nothing named is the duration of its verb's action ("cut
    // off for two days", "four days after the ground stopped moving").
    const bool duration = TimeUnits().contains(a.claim->figure().unit());
    if ((generic || (duration && counted.empty())) && !same_action) return -1;
    const bool ordinal = a.claim->figure().ordinal();
    // A specific counted noun ("summit", "delegate") is strong evidence; an
    // ordinal of one ("the thirty-first summit") is stronger still. Without
    // a counted noun ("trade stands at $48.5 billion") the context must say
    // what the figure is about. A frequency ("met 17 times") is about who
    // did it as much as what was done: it needs more. Another generic noun
    // ("people") needs the same action ("displaced"), as said above.
    const bool specific_ordinal = ordinal && !counted.empty() && !generic;
    // People or things of a generic noun with one stated action ("30,000
    // people have been displaced", "32,500 displaced people") in one story
    // are one fact: the action is the evidence, as the noun is for an
    // ordinal. Time scopes and the two-versions rule keep apart what
    // changed over time.
    const bool stated_action = generic && counted != "time" &&
                               !a.predicate.empty() && !b.predicate.empty() &&
                               same_action;
    const bool strong = specific_ordinal || stated_action;
    // A count of things ("ships", "patients") counts those its verb picks:
    // "rerouted two ships" and "23 ships were waiting" count different
    // ships. With two stated actions that differ, only a strong context
    // makes them one fact. (An amount measures one thing, whatever verb
    // carries it: "a $9 billion package spread over the decade" and
    // "announced a $12 billion package".)
    const bool other_action = UnitClass(a.claim->figure()) == "count" &&
                              !ordinal && !a.predicate.empty() &&
                              !b.predicate.empty() && !same_action;
    const double needed = counted == "time" || other_action
                              ? 2 * options.min_context_similarity
                          : strong ? 0.0
                                   : options.min_context_similarity / 2;
    if (context < needed || (context == 0 && !strong)) return -1;
    // Two actions need shared words, not only shared names: in one story
    // most sentences name the same people and places.
    if (other_action &&
        Jaccard(a.keywords, b.keywords) < options.min_context_similarity) {
      return -1;
    }
    return 0.5 + 0.5 * context;
  }
  // Dates (and a date beside the duration of its event: "June 5-7" and "a
  // three-day tour"): see DateEvidence.
  if (DateEvidence(a, b, options) == Evidence::kNone) return -1;
  const double entities = a.entities.empty() || b.entities.empty()
                              ? 0
                              : Jaccard(a.entities, b.entities);
  return 0.5 + 0.5 * std::max(entities, Jaccard(a.keywords, b.keywords));
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
  const std::vector<int>& sa = a.trigrams;
  const std::vector<int>& sb = b.trigrams;
  if (sa.empty() || sb.empty()) return -1;
  const size_t common = CountCommon(sa, sb);
  const double overlap =
      static_cast<double>(common) / std::min(sa.size(), sb.size());
  return overlap < min_overlap ? -1 : overlap;
}

// The most entities an article's story keeps (KeepMainEntities), so that
// comparing two stories costs a bounded number of steps.
constexpr size_t kStoryEntities = 64;

// Turns the ids of every entity mention of an article's claims into the
// story's main entities: the kStoryEntities most mentioned (of as many, the
// smaller ids), sorted.
void KeepMainEntities(std::vector<int>* mentions) {
  std::sort(mentions->begin(), mentions->end());
  std::vector<std::pair<int, int>> counted;  // (-count, id)
  for (size_t i = 0; i < mentions->size();) {
    size_t j = i;
    while (j < mentions->size() && (*mentions)[j] == (*mentions)[i]) ++j;
    counted.push_back({-static_cast<int>(j - i), (*mentions)[i]});
    i = j;
  }
  std::sort(counted.begin(), counted.end());
  if (counted.size() > kStoryEntities) counted.resize(kStoryEntities);
  mentions->clear();
  for (const auto& [count, id] : counted) mentions->push_back(id);
  std::sort(mentions->begin(), mentions->end());
}

// Whether the articles of two claims cover one story: their main entities
// (KeepMainEntities: the people, places and bodies their claims name most)
// share at least `min_shared` (or all of them, when one has fewer). A corpus of
// many events ("the summit in Lundby", "the summit in Oslo") is told apart this
// way even where the outlets' wordings are alike.
bool SameStory(const Item& a, const Item& b, int min_shared) {
  if (a.article == b.article || a.story == nullptr || b.story == nullptr) {
    return true;
  }
  const std::vector<int>& x = *a.story;
  const std::vector<int>& y = *b.story;
  const size_t needed = std::min(
      {static_cast<size_t>(std::max(min_shared, 0)), x.size(), y.size()});
  return CountCommon(x, y, needed) >= needed;
}

// Similarity of two claims of one kind and blocking key (FactScore or
// QuoteScore), or a negative number when they are not one fact.
double PairScore(const Item& a, const Item& b, const AlignOptions& options) {
  if (!SameStory(a, b, options.min_shared_story_entities)) return -1;
  if (a.claim->kind() == Claim::KIND_QUOTE) {
    if (!QuotesPairable(a, b)) return -1;
    return QuoteScore(a, b, options.min_quote_overlap);
  }
  return FactScore(a, b, options);
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

// The seconds one time unit may last, shortest and longest (a month 28 to
// 31 days, a year 365 or 366), so that durations in different units
// compare ("a two-week visit", "a 14-day visit", "a 12-month term", "a
// one-year term"); {1, 1} for any other unit.
struct UnitSpan {
  double shortest = 1;
  double longest = 1;
};

UnitSpan UnitScale(const std::string& unit) {
  constexpr double kDay = 86400;
  static const auto* const kSeconds =
      new absl::flat_hash_map<std::string, UnitSpan>{
          {"second", {1, 1}},
          {"minute", {60, 60}},
          {"hour", {3600, 3600}},
          {"day", {kDay, kDay}},
          {"week", {7 * kDay, 7 * kDay}},
          {"fortnight", {14 * kDay, 14 * kDay}},
          {"month", {28 * kDay, 31 * kDay}},
          {"year", {365 * kDay, 366 * kDay}},
          {"decade", {3652 * kDay, 3653 * kDay}},
          {"century", {36524 * kDay, 36525 * kDay}}};
  auto it = kSeconds->find(unit);
  return it == kSeconds->end() ? UnitSpan() : it->second;
}

// What a figure's value can be compared with: its unit, or "duration" for
// every time unit.
std::string ComparableUnit(const Figure& f) {
  return TimeUnits().contains(f.unit()) ? std::string("duration") : f.unit();
}

Interval FigureInterval(const Claim& claim) {
  const Figure& f = claim.figure();
  Interval in;
  const UnitSpan scale = UnitScale(f.unit());
  const double v = f.value();
  const double tol = RoundingTolerance(claim);
  if (!std::isfinite(v * scale.longest) || !std::isfinite(tol)) return in;
  const double inf = std::numeric_limits<double>::infinity();
  // The interval in the figure's own unit, then in seconds.
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
      // "fewer than 50" is no fewer than none; "less than -5" (a fall) is
      // unbounded below.
      in.lo = v > 0 ? 0 : -inf, in.hi = v, in.hi_open = true;
      break;
    case Figure::QUALIFIER_AT_MOST:
      in.lo = v > 0 ? 0 : -inf, in.hi = v;
      break;
    case Figure::QUALIFIER_APPROXIMATE:
      in.lo = std::min(v * 0.9, v * 1.1) - tol;
      in.hi = std::max(v * 0.9, v * 1.1) + tol;
      break;
    case Figure::QUALIFIER_RANGE: {
      const double w = f.has_value_max() ? f.value_max() : v;
      if (!std::isfinite(w * scale.longest)) return Interval();
      in.lo = std::min(v, w), in.hi = std::max(v, w);
      break;
    }
    default:
      in.lo = v - tol, in.hi = v + tol;
      break;
  }
  // A unit of varying length widens the interval: at its shortest for the
  // lower end of a positive value, at its longest for the upper end.
  in.lo *= in.lo >= 0 ? scale.shortest : scale.longest;
  in.hi *= in.hi >= 0 ? scale.longest : scale.shortest;
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
  // Different currencies (no conversion) or units that do not convert:
  // nothing to oppose.
  if (ComparableUnit(fa) != ComparableUnit(fb)) return PairVerdict::kCompatible;
  if (fa.unit() != fb.unit() && ComparableUnit(fa) != "duration") {
    return PairVerdict::kCompatible;
  }
  // The same value: in one unit, or in units of fixed length ("1 week",
  // "7 days"); "1 year" and "12 months" are only compatible.
  const UnitSpan sa = UnitScale(fa.unit()), sb = UnitScale(fb.unit());
  if (fa.unit() != fb.unit() &&
      (sa.shortest != sa.longest || sb.shortest != sb.longest)) {
    return Overlap(FigureInterval(a), FigureInterval(b))
               ? PairVerdict::kCompatible
               : PairVerdict::kDiscrepancy;
  }
  const double va = fa.value() * sa.shortest, vb = fb.value() * sb.shortest;
  const double ma = fa.value_max() * sa.shortest,
               mb = fb.value_max() * sb.shortest;
  const bool same_value =
      fa.has_value() == fb.has_value() &&
      std::fabs(va - vb) <=
          options.value_epsilon * std::max(1.0, std::fabs(va)) &&
      std::fabs(ma - mb) <=
          options.value_epsilon * std::max(1.0, std::fabs(ma));
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
    if (s.size() != 7) return s;
    if (!last) return s + "-01";
    // The month's last day: "2024-02" ends on the 29th.
    int year = 0, month = 0;
    if (!absl::SimpleAtoi(s.substr(0, 4), &year) ||
        !absl::SimpleAtoi(s.substr(5, 2), &month) || month < 1 || month > 12) {
      return s + "-31";
    }
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                    31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int days = month == 2 && leap ? 29 : kDays[month - 1];
    return absl::StrCat(s, "-", days);
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

// Days from 1970-01-01 of the proleptic Gregorian date y-m-d.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

// Days of "YYYY-MM-DD", or nullopt for another form.
std::optional<int64_t> DayNumber(absl::string_view iso) {
  int y = 0, m = 0, d = 0;
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' ||
      !absl::SimpleAtoi(iso.substr(0, 4), &y) ||
      !absl::SimpleAtoi(iso.substr(5, 2), &m) ||
      !absl::SimpleAtoi(iso.substr(8, 2), &d) || m < 1 || m > 12 || d < 1 ||
      d > 31) {
    return std::nullopt;
  }
  return DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

// A duration ("a three-day tour") beside a date of its event: a range of
// days ("June 5-7") must last as long; anything else (a single day, a
// month, a duration in months) is consistent with it.
// The days an exact duration in days or weeks states ("a three-day tour":
// 3), when it states some.
std::optional<double> DurationDays(const Figure& f) {
  int days_per_unit = 0;
  if (f.unit() == "day") days_per_unit = 1;
  if (f.unit() == "week") days_per_unit = 7;
  if (days_per_unit == 0 || f.qualifier() != Figure::QUALIFIER_EXACT) {
    return std::nullopt;
  }
  const double days = f.value() * days_per_unit;
  // Beyond a million years no date range is that long anyway.
  if (!std::isfinite(days) || std::fabs(days) > 4e8) return std::nullopt;
  return days;
}

// The days a range of days lasts ("June 5-7": 3); none for a single day or
// a date of another granularity.
std::optional<int64_t> RangeDays(const Date& d) {
  const std::optional<int64_t> first = DayNumber(d.start());
  const std::optional<int64_t> last = DayNumber(d.end());
  if (!first || !last || *first >= *last) return std::nullopt;
  return *last - *first + 1;
}

PairVerdict CompareDurationToDate(const Claim& duration, const Claim& date) {
  const std::optional<double> stated = DurationDays(duration.figure());
  const std::optional<int64_t> lasts = RangeDays(date.date());
  if (!stated || !lasts) return PairVerdict::kCompatible;
  return std::fabs(*stated - static_cast<double>(*lasts)) < 0.5
             ? PairVerdict::kCompatible
             : PairVerdict::kDiscrepancy;
}

PairVerdict ComparePair(const Item& a, const Item& b,
                        const AlignOptions& options) {
  if (a.claim->kind() != b.claim->kind()) {
    return a.claim->kind() == Claim::KIND_FIGURE
               ? CompareDurationToDate(*a.claim, *b.claim)
               : CompareDurationToDate(*b.claim, *a.claim);
  }
  switch (a.claim->kind()) {
    case Claim::KIND_FIGURE:
      return CompareFigures(*a.claim, *b.claim, options);
    case Claim::KIND_DATE:
      return CompareDates(*a.claim, *b.claim);
    default:
      return CompareQuoteItems(a, b);
  }
}

// The verdict of a group of figures, from every claim's interval of
// values: on a line, intervals that pairwise overlap share a point, so the
// group has a conflict exactly when the greatest lower end lies above the
// least upper end. Linear in the group. Amounts in different currencies
// are compared per currency (no conversion) and are at worst COMPATIBLE
// across currencies.
Alignment::Verdict FigureGroupVerdict(const std::vector<const Item*>& members,
                                      const AlignOptions& options) {
  std::map<std::string, std::vector<const Item*>> by_unit;
  for (const Item* m : members) {
    by_unit[ComparableUnit(m->claim->figure())].push_back(m);
  }
  Alignment::Verdict verdict = by_unit.size() > 1
                                   ? Alignment::VERDICT_COMPATIBLE
                                   : Alignment::VERDICT_AGREE;
  for (const auto& [unit, group] : by_unit) {
    if (group.size() < 2) continue;
    const Claim& first = *group.front()->claim;
    bool all_same = true;
    Interval meet;  // the intersection of all intervals
    for (const Item* m : group) {
      if (m != group.front() &&
          CompareFigures(first, *m->claim, options) != PairVerdict::kAgree) {
        all_same = false;
      }
      const Interval in = FigureInterval(*m->claim);
      if (in.lo > meet.lo || (in.lo == meet.lo && in.lo_open)) {
        meet.lo = in.lo, meet.lo_open = in.lo_open;
      }
      if (in.hi < meet.hi || (in.hi == meet.hi && in.hi_open)) {
        meet.hi = in.hi, meet.hi_open = in.hi_open;
      }
    }
    if (all_same) continue;
    const bool empty = meet.lo > meet.hi ||
                       (meet.lo == meet.hi && (meet.lo_open || meet.hi_open));
    if (empty) return Alignment::VERDICT_DISCREPANCY;
    verdict = Alignment::VERDICT_COMPATIBLE;
  }
  return verdict;
}

// The verdict of a group of dates: AGREE when all resolved dates are the
// same; COMPATIBLE when they nest (each inside the one before, after
// sorting by first day and then by last day descending: a day inside a
// month inside a year) or some are unresolved; DISCREPANCY otherwise.
Alignment::Verdict DateGroupVerdict(const std::vector<const Item*>& members) {
  std::vector<std::pair<std::string, std::string>> ranges;
  bool unresolved = false, all_same = true;
  const Date* first = nullptr;
  for (const Item* m : members) {
    const Date& d = m->claim->date();
    if (d.start().empty()) {
      unresolved = true;
      continue;
    }
    if (first == nullptr) {
      first = &d;
    } else if (d.start() != first->start() || d.end() != first->end()) {
      all_same = false;
    }
    ranges.push_back(DayRange(d.start(), d.end()));
  }
  if (all_same) {
    return unresolved ? Alignment::VERDICT_COMPATIBLE
                      : Alignment::VERDICT_AGREE;
  }
  std::sort(ranges.begin(), ranges.end(), [](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first < y.first;
    return x.second > y.second;
  });
  for (size_t i = 1; i < ranges.size(); ++i) {
    if (ranges[i].second > ranges[i - 1].second) {
      return Alignment::VERDICT_DISCREPANCY;
    }
  }
  return Alignment::VERDICT_COMPATIBLE;
}

// The member that is compared with the others: the longest version of the
// quotation (most words; the first of those), so that fragments are read
// against the whole.
const Item* BaseQuote(const std::vector<const Item*>& members) {
  const Item* base = nullptr;
  for (const Item* m : members) {
    if (IsScare(*m)) continue;
    if (base == nullptr || m->quote_words.size() > base->quote_words.size()) {
      base = m;
    }
  }
  return base == nullptr ? members.front() : base;
}

// The most distinct speaker names of one group compared with each other.
constexpr size_t kMaxDistinctSpeakers = 32;

// Whether the group gives its words to two speakers who cannot be one
// person (scare quotes aside). Compares each distinct speaker once with
// each other distinct speaker; more than kMaxDistinctSpeakers distinct
// names differ.
bool SpeakersDiffer(const std::vector<const Item*>& members) {
  absl::flat_hash_set<absl::string_view> seen;
  std::vector<const std::string*> speakers;
  for (const Item* m : members) {
    if (IsScare(*m) || m->speaker.empty()) continue;
    if (seen.insert(m->speaker).second) speakers.push_back(&m->speaker);
    // More distinct names than this for one quotation are not all one
    // person's; and comparing them all would cost their square.
    if (speakers.size() > kMaxDistinctSpeakers) return true;
  }
  for (size_t x = 0; x < speakers.size(); ++x) {
    for (size_t y = x + 1; y < speakers.size(); ++y) {
      if (!NamesMayMatch(*speakers[x], *speakers[y])) return true;
    }
  }
  return false;
}

// The verdict of a group of quotes: each version is compared with the
// longest one (so two fragments of one sentence are COMPATIBLE, not in
// conflict with each other), and two speakers who cannot be one person
// make a DISCREPANCY.
Alignment::Verdict QuoteGroupVerdict(const std::vector<const Item*>& members) {
  if (SpeakersDiffer(members)) return Alignment::VERDICT_DISCREPANCY;
  const Item* base = BaseQuote(members);
  Alignment::Verdict verdict = Alignment::VERDICT_AGREE;
  for (const Item* m : members) {
    if (m == base) continue;
    switch (CompareQuoteItems(*base, *m)) {
      case PairVerdict::kDiscrepancy:
        return Alignment::VERDICT_DISCREPANCY;
      case PairVerdict::kCompatible:
        verdict = Alignment::VERDICT_COMPATIBLE;
        break;
      case PairVerdict::kAgree:
        break;
    }
  }
  return verdict;
}

int VerdictRank(Alignment::Verdict v);

// The verdict of a group of dates of an event and durations of it: the
// dates among themselves, the durations among themselves, and every stated
// number of days beside every range's length (linear in the group); never
// better than COMPATIBLE, since a duration and a date never say the same
// thing.
Alignment::Verdict MixedGroupVerdict(const std::vector<const Item*>& members,
                                     const AlignOptions& options) {
  std::vector<const Item*> dates, durations;
  for (const Item* m : members) {
    (m->claim->kind() == Claim::KIND_DATE ? dates : durations).push_back(m);
  }
  Alignment::Verdict verdict = Alignment::VERDICT_COMPATIBLE;
  auto worse = [&verdict](Alignment::Verdict v) {
    if (VerdictRank(v) < VerdictRank(verdict)) verdict = v;
  };
  if (dates.size() > 1) worse(DateGroupVerdict(dates));
  if (durations.size() > 1) worse(FigureGroupVerdict(durations, options));
  // Every stated duration must equal every range's length: with the
  // distinct values of each, that is one value on each side, the same.
  std::set<int64_t> lengths;
  for (const Item* d : dates) {
    if (const auto days = RangeDays(d->claim->date())) lengths.insert(*days);
  }
  std::optional<double> fewest, most;  // of the stated days
  for (const Item* f : durations) {
    if (const auto days = DurationDays(f->claim->figure())) {
      fewest = fewest ? std::min(*fewest, *days) : *days;
      most = most ? std::max(*most, *days) : *days;
    }
  }
  // As CompareDurationToDate, for every pair: one length, and every stated
  // number within half a day of it.
  if (!lengths.empty() && fewest &&
      (lengths.size() > 1 ||
       std::fabs(*fewest - static_cast<double>(*lengths.begin())) >= 0.5 ||
       std::fabs(*most - static_cast<double>(*lengths.begin())) >= 0.5)) {
    return Alignment::VERDICT_DISCREPANCY;
  }
  return verdict;
}

Alignment::Verdict GroupVerdict(const std::vector<const Item*>& members,
                                const AlignOptions& options) {
  if (members.size() < 2) return Alignment::VERDICT_SINGLE_SOURCE;
  for (const Item* m : members) {
    if (m->claim->kind() != members.front()->claim->kind()) {
      return MixedGroupVerdict(members, options);
    }
  }
  switch (members.front()->claim->kind()) {
    case Claim::KIND_FIGURE:
      return FigureGroupVerdict(members, options);
    case Claim::KIND_DATE:
      return DateGroupVerdict(members);
    default:
      return QuoteGroupVerdict(members);
  }
}

// The values a figure or date claim allows, on one line per kind of value
// (`scale`: a currency, a unit, "duration", "date"), for finding the two
// claims of a large cluster whose values lie furthest apart (Clusters).
struct Bounds {
  std::string scale;  // empty: not comparable (a quote, an unresolved date)
  Interval interval;
};

Bounds BoundsOf(const Item& item) {
  Bounds b;
  const Claim& c = *item.claim;
  if (c.kind() == Claim::KIND_FIGURE) {
    b.scale = absl::StrCat("figure:", ComparableUnit(c.figure()));
    b.interval = FigureInterval(c);
  } else if (c.kind() == Claim::KIND_DATE && !c.date().start().empty()) {
    const auto range = DayRange(c.date().start(), c.date().end());
    const std::optional<int64_t> first = DayNumber(range.first);
    const std::optional<int64_t> last = DayNumber(range.second);
    if (first && last) {
      b.scale = "date";
      b.interval.lo = static_cast<double>(*first);
      b.interval.hi = static_cast<double>(*last);
    }
  }
  return b;
}

// Whether lower end x lies above lower end y (an open end above a closed
// one at the same value).
bool LowerAbove(const Interval& x, const Interval& y) {
  return x.lo > y.lo || (x.lo == y.lo && x.lo_open && !y.lo_open);
}

// Whether upper end x lies below upper end y.
bool UpperBelow(const Interval& x, const Interval& y) {
  return x.hi < y.hi || (x.hi == y.hi && x.hi_open && !y.hi_open);
}

// Union of clusters with at most one claim per article. Each cluster keeps
// the lowest score of the pairs that made it (its weakest link) and, for
// each line its claims' values lie on, the claims at the extremes of those
// values: when two of them conflict, so does the cluster.
class Clusters {
 public:
  // `conflict(x, y)`: whether claims x and y may not end up in one group
  // unless something else links them (see Merge).
  Clusters(const std::vector<Item>& items,
           std::function<bool(int, int)> conflict)
      : conflict_(std::move(conflict)) {
    const size_t n = items.size();
    parent_.resize(n);
    std::iota(parent_.begin(), parent_.end(), 0);
    articles_.resize(n);
    members_.resize(n);
    weakest_.assign(n, 1.0);
    bounds_.reserve(n);
    extremes_.resize(n);
    absl::flat_hash_map<std::string, int> lines;
    for (size_t i = 0; i < n; ++i) {
      articles_[i].insert(items[i].article);
      members_[i].push_back(static_cast<int>(i));
      Bounds b = BoundsOf(items[i]);
      if (!b.scale.empty()) {
        auto [it, inserted] =
            lines.try_emplace(b.scale, static_cast<int>(lines.size()));
        if (inserted) date_line_.push_back(b.scale == "date");
        const int k = static_cast<int>(i);
        extremes_[i].push_back({it->second, k, k, k, k});
      }
      bounds_.push_back(std::move(b.interval));
    }
  }

  int Find(int i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }

  // Merges the clusters of a and b, linked by a pair of score `score`,
  // unless they share an article, or a claim of one conflicts with a claim
  // of the other (`conflict`). When both hold at most kMaxPairBlock claims
  // every such pair is checked; otherwise, on each line of values, the
  // pairs of extremes of the merged cluster that come from the two sides
  // and do not fit (figures: the highest lower end and the lowest upper end
  // do not meet; dates: the innermost or the outermost two do not nest).
  // A refused pair of clusters is remembered.
  void Merge(int a, int b, double score) {
    a = Find(a), b = Find(b);
    if (a == b) return;
    if (articles_[a].size() < articles_[b].size()) std::swap(a, b);
    if (refused_.contains({std::min(a, b), std::max(a, b)})) return;
    for (int art : articles_[b]) {
      if (articles_[a].contains(art)) return;
    }
    bool refuse = false;
    if (members_[a].size() <= kMaxPairBlock &&
        members_[b].size() <= kMaxPairBlock) {
      for (int x : members_[a]) {
        for (int y : members_[b]) {
          if (conflict_(x, y)) refuse = true;
          if (refuse) break;
        }
        if (refuse) break;
      }
    } else {
      for (const Extremes& ea : extremes_[a]) {
        for (const Extremes& eb : extremes_[b]) {
          if (ea.line == eb.line && ExtremesConflict(ea, eb)) refuse = true;
        }
      }
    }
    if (refuse) {
      refused_.insert({std::min(a, b), std::max(a, b)});
      return;
    }
    parent_[b] = a;
    articles_[a].insert(articles_[b].begin(), articles_[b].end());
    articles_[b].clear();
    members_[a].insert(members_[a].end(), members_[b].begin(),
                       members_[b].end());
    members_[b].clear();
    members_[b].shrink_to_fit();
    weakest_[a] = std::min({weakest_[a], weakest_[b], score});
    for (const Extremes& eb : extremes_[b]) {
      auto it = std::find_if(
          extremes_[a].begin(), extremes_[a].end(),
          [&eb](const Extremes& ea) { return ea.line == eb.line; });
      if (it == extremes_[a].end()) {
        extremes_[a].push_back(eb);
      } else {
        *it = Combined(*it, eb);
      }
    }
    extremes_[b].clear();
  }

  // The weakest link of the cluster of `i` (1 for a single claim).
  double Weakest(int i) { return weakest_[Find(i)]; }

 private:
  // The claims of a cluster at the ends of its values on one line.
  struct Extremes {
    int line;
    int max_lo, min_hi;  // the highest lower end, the lowest upper end
    int min_lo, max_hi;  // the lowest lower end, the highest upper end
  };

  bool LowerAboveAt(int x, int y) const {
    return LowerAbove(bounds_[x], bounds_[y]);
  }
  bool UpperBelowAt(int x, int y) const {
    return UpperBelow(bounds_[x], bounds_[y]);
  }

  Extremes Combined(const Extremes& x, const Extremes& y) const {
    Extremes e = x;
    if (LowerAboveAt(y.max_lo, x.max_lo)) e.max_lo = y.max_lo;
    if (UpperBelowAt(y.min_hi, x.min_hi)) e.min_hi = y.min_hi;
    if (LowerAboveAt(x.min_lo, y.min_lo)) e.min_lo = y.min_lo;
    if (UpperBelowAt(x.max_hi, y.max_hi)) e.max_hi = y.max_hi;
    return e;
  }

  // Whether claims x and y, from the two sides, do not fit on a line.
  bool Misfit(int x, int y, bool date_line) const {
    const Interval& p = bounds_[x];
    const Interval& q = bounds_[y];
    if (!date_line) return !Overlap(p, q);
    const bool nested =
        (p.lo <= q.lo && q.hi <= p.hi) || (q.lo <= p.lo && p.hi <= q.hi);
    return !nested;
  }

  // Whether merging clusters with extremes ea and eb (one line) joins two
  // claims, one from each, that do not fit and may not conflict.
  bool ExtremesConflict(const Extremes& ea, const Extremes& eb) const {
    const Extremes m = Combined(ea, eb);
    const bool date_line = date_line_[ea.line];
    auto side_a = [&ea](int k) {
      return k == ea.max_lo || k == ea.min_hi || k == ea.min_lo ||
             k == ea.max_hi;
    };
    const std::pair<int, int> pairs[] = {{m.max_lo, m.min_hi},
                                         {m.min_lo, m.max_hi}};
    for (const auto& [x, y] : pairs) {
      if (x == y || side_a(x) == side_a(y)) continue;
      if (Misfit(x, y, date_line) && conflict_(x, y)) return true;
    }
    return false;
  }

  std::function<bool(int, int)> conflict_;
  std::vector<int> parent_;
  std::vector<absl::flat_hash_set<int>> articles_;
  std::vector<std::vector<int>> members_;
  std::vector<double> weakest_;
  std::vector<Interval> bounds_;                 // by claim
  std::vector<bool> date_line_;                  // by line
  std::vector<std::vector<Extremes>> extremes_;  // by root
  absl::flat_hash_set<std::pair<int, int>> refused_;
};

struct Candidate {
  double rank;  // score, plus kConsistentBonus for consistent values
  double score;
  int a, b;
};

// Whether text[begin, end) holds a clause break: a comma, semicolon,
// colon, dash or bracket. True when the range is not inside the text.
bool BreakBetween(absl::string_view text, uint64_t begin, uint64_t end) {
  if (begin > end || end > text.size()) return true;
  const absl::string_view between = text.substr(begin, end - begin);
  return between.find_first_of(",;:()[]") != absl::string_view::npos ||
         absl::StrContains(between, "\xE2\x80\x94") ||  // em dash
         absl::StrContains(between, "\xE2\x80\x93");    // en dash
}

// Dates a figure by its sentence: the nearest resolved date governed by the
// same verb ("rose to 214 by Monday evening", not "Saturday's earthquake"),
// else the nearest date of an event the figure's sentence speaks of, before
// the figure ("the 1987 earthquake, which killed 421 people") or after it in
// its clause ("421 people were killed in the 1987 earthquake"). A date of the
// same verb when that verb is one of change (data/change_verbs.tsv: "rose",
// "stood at") is the figure's and is not aligned as a date of its own. Looks at
// most kScopeWindow dates to each side, so a sentence of many dates costs no
// more than that per figure.
constexpr size_t kScopeWindow = 8;

void AttachScopes(const Interner& interner,
                  const std::vector<absl::string_view>& texts,
                  std::vector<Item>* items) {
  // Resolved dates with a verb, by article and sentence, in text order.
  absl::flat_hash_map<std::pair<int, uint64_t>, std::vector<Item*>> dates;
  for (Item& item : *items) {
    const Claim& c = *item.claim;
    if (c.kind() != Claim::KIND_DATE || c.date().start().empty()) continue;
    dates[{item.article, c.sentence().begin()}].push_back(&item);
  }
  for (auto& [where, list] : dates) {
    std::sort(list.begin(), list.end(), [](Item* x, Item* y) {
      return x->claim->span().begin() < y->claim->span().begin();
    });
  }
  for (Item& item : *items) {
    const Claim& c = *item.claim;
    if (c.kind() != Claim::KIND_FIGURE) continue;
    auto it = dates.find({item.article, c.sentence().begin()});
    if (it == dates.end()) continue;
    const std::vector<Item*>& list = it->second;
    const uint64_t at = c.span().begin();
    const size_t pos = static_cast<size_t>(
        std::lower_bound(list.begin(), list.end(), at,
                         [](Item* d, uint64_t offset) {
                           return d->claim->span().begin() < offset;
                         }) -
        list.begin());
    // (same verb, distance) of the best date so far: a date of the same
    // verb first, then the nearest.
    Item* best = nullptr;
    std::pair<bool, uint64_t> best_rank;
    const size_t lo = pos > kScopeWindow ? pos - kScopeWindow : 0;
    const size_t hi = std::min(list.size(), pos + kScopeWindow);
    for (size_t k = lo; k < hi; ++k) {
      const Claim& d = *list[k]->claim;
      const bool same_verb = d.date().event().empty() &&
                             !c.predicate().empty() &&
                             d.predicate() == c.predicate();
      // The event before what it did ("the 1987 earthquake, which killed
      // 421 people"), or after it in the same clause ("421 people were
      // killed in the 1987 earthquake"); not "Europe's ninth-busiest port,
      // since a walkout that began on March 14, 2011".
      const bool own_event =
          !d.date().event().empty() &&
          (d.span().begin() < at ||
           !BreakBetween(texts[item.article], c.span().end(),
                         d.span().begin())) &&
          Contains(item.keywords, interner.Find(Canonical(d.date().event())));
      if (!same_verb && !own_event) continue;
      const uint64_t distance =
          d.span().begin() < at ? at - d.span().begin() : d.span().begin() - at;
      const std::pair<bool, uint64_t> rank = {!same_verb, distance};
      if (best == nullptr || rank < best_rank) {
        best = list[k], best_rank = rank;
      }
    }
    if (best != nullptr) {
      item.has_scope = true;
      item.scope =
          DayRange(best->claim->date().start(), best->claim->date().end());
      // "The toll rose to 214 by Monday": the date says when the figure
      // held, and is compared with it, not as the date of an event.
      if (!best_rank.first && (ChangeVerbs().contains(c.predicate()) ||
                               ChangeVerbs().contains(item.predicate))) {
        best->key.clear();
      }
    }
  }
}

// Two dates of an event named by a noun further apart than this are two
// occurrences of the event (CanConflict).
constexpr int64_t kMaxVersionGapDays = 366;

// Whether a conflict of values between a and b may stand as a
// discrepancy: they look like one fact on their own; two counts of a
// generic noun share a keyword; a figure dated by its sentence lies within
// a year of the other's publication when that one is not dated; and two
// dates are strongly shown to date one event (DateEvidence) and, for an
// event a noun names, lie within a year of each other.
bool CanConflict(const Item& a, const Item& b, const AlignOptions& options) {
  if (PairScore(a, b, options) < 0) return false;
  if (a.claim->kind() == Claim::KIND_FIGURE &&
      b.claim->kind() == Claim::KIND_FIGURE) {
    // People counted by one action in two sentences that share no other
    // word ("2,000 people attended a rally", "50 people attended a vigil")
    // may be one fact (their values may agree) but are no rival counts.
    const std::string& counted = a.counted.empty() ? b.counted : a.counted;
    if (GenericCounted().contains(counted) && counted != "time" &&
        Jaccard(a.keywords, b.keywords) == 0) {
      return false;
    }
    // A figure dated far from the other's publication ("the 1987
    // earthquake killed 421 people") is no rival of one that is not dated
    // ("the earthquake killed 214 people", written in 2025).
    if (a.has_scope != b.has_scope) {
      const Item& dated = a.has_scope ? a : b;
      const Item& undated = a.has_scope ? b : a;
      const std::optional<int64_t> first = DayNumber(dated.scope.first);
      const std::optional<int64_t> last = DayNumber(dated.scope.second);
      if (undated.published && first && last &&
          std::max(*first - *undated.published, *undated.published - *last) >
              kMaxVersionGapDays) {
        return false;
      }
    }
    return true;
  }
  if (a.claim->kind() != Claim::KIND_DATE ||
      b.claim->kind() != Claim::KIND_DATE) {
    return true;
  }
  if (DateEvidence(a, b, options) != Evidence::kStrong) return false;
  // "The strike began on Monday" and "the last strike began on March 14,
  // 2011": dates of an event a noun names that lie more than a year apart
  // are two occurrences of it, not two versions of one.
  if (NamesItsEvent(a) && NamesItsEvent(b)) {
    const auto ra = DayRange(a.claim->date().start(), a.claim->date().end());
    const auto rb = DayRange(b.claim->date().start(), b.claim->date().end());
    const std::optional<int64_t> a_first = DayNumber(ra.first);
    const std::optional<int64_t> a_last = DayNumber(ra.second);
    const std::optional<int64_t> b_first = DayNumber(rb.first);
    const std::optional<int64_t> b_last = DayNumber(rb.second);
    if (a_first && a_last && b_first && b_last &&
        std::max(*b_first - *a_last, *a_first - *b_last) > kMaxVersionGapDays) {
      return false;
    }
  }
  return true;
}

// Marks the claims of a figure or date block whose article states another
// value in conflict with theirs that could be a rival version of the same
// fact (CanConflict) and that no time scope tells apart. An article holding
// more than kMaxSiblings claims of a block has only its first kMaxSiblings
// compared.
constexpr size_t kMaxSiblings = 32;

void MarkAmbiguous(const std::vector<int>& members, const AlignOptions& options,
                   std::vector<Item>* items) {
  if (members.empty() ||
      (*items)[members.front()].claim->kind() == Claim::KIND_QUOTE) {
    return;
  }
  std::map<int, std::vector<int>> by_article;
  for (int i : members) {
    std::vector<int>& list = by_article[(*items)[i].article];
    if (list.size() < kMaxSiblings) list.push_back(i);
  }
  for (const auto& [article, list] : by_article) {
    for (size_t x = 0; x < list.size(); ++x) {
      for (size_t y = x + 1; y < list.size(); ++y) {
        Item& a = (*items)[list[x]];
        Item& b = (*items)[list[y]];
        if (a.has_scope && b.has_scope && !DaysOverlap(a.scope, b.scope)) {
          continue;
        }
        if (ComparePair(a, b, options) == PairVerdict::kDiscrepancy &&
            CanConflict(a, b, options)) {
          a.ambiguous = b.ambiguous = true;
        }
      }
    }
  }
}

// Scores the pair (a, b) of one block and adds it to `candidates` when the
// two may state one fact. A conflicting pair is not added when either
// claim is ambiguous in its article, or when the conflict may not stand
// (CanConflict).
void AddCandidate(const std::vector<Item>& items, int a, int b,
                  const AlignOptions& options,
                  std::vector<Candidate>* candidates) {
  const double score = PairScore(items[a], items[b], options);
  if (score < 0) return;
  const bool consistent =
      ComparePair(items[a], items[b], options) != PairVerdict::kDiscrepancy;
  if (!consistent && (items[a].ambiguous || items[b].ambiguous ||
                      !CanConflict(items[a], items[b], options))) {
    return;
  }
  candidates->push_back(
      {score + (consistent ? kConsistentBonus : 0.0), score, a, b});
}

// Every pair of claims of a small block from different articles.
void PairAll(const std::vector<Item>& items, const std::vector<int>& members,
             const AlignOptions& options, std::vector<Candidate>* candidates) {
  for (size_t x = 0; x < members.size(); ++x) {
    for (size_t y = x + 1; y < members.size(); ++y) {
      if (items[members[x]].article == items[members[y]].article) continue;
      AddCandidate(items, members[x], members[y], options, candidates);
    }
  }
}

// The tokens through which a claim of a large block finds clusters: a
// quote's trigrams; a figure's or date's keywords and entities. Every claim
// also has the block-wide token -1, looked at last.
void Tokens(const Item& item, std::vector<int>* tokens) {
  tokens->clear();
  if (item.claim->kind() == Claim::KIND_QUOTE) {
    tokens->assign(item.trigrams.begin(), item.trigrams.end());
  } else {
    tokens->assign(item.keywords.begin(), item.keywords.end());
    tokens->insert(tokens->end(), item.entities.begin(), item.entities.end());
  }
  tokens->push_back(-1);
}

// Clusters a large block around leaders (see kMaxPairBlock): each claim, in
// claim-id order, is scored against the leaders of at most
// kLeaderCandidates clusters reached through its tokens, rarest token
// first, and joins the best-ranked cluster that has no claim of its
// article yet; otherwise it leads a new cluster. Each join is added to
// `candidates` as the pair (leader, claim). A quote is paired with the
// leader of every cluster it matches, and leads the cluster it joins when
// it is longer than its leader.
void ClusterAroundLeaders(const std::vector<Item>& items,
                          const std::vector<int>& members,
                          const AlignOptions& options,
                          std::vector<Candidate>* candidates) {
  std::vector<int> leaders;  // item index of each cluster's leader
  absl::flat_hash_map<int, std::vector<int>> posting;  // token -> clusters
  absl::flat_hash_set<std::pair<int, int>> cluster_articles;
  std::vector<int> tokens, found;
  absl::flat_hash_set<int> seen;
  for (int i : members) {
    const Item& item = items[i];
    Tokens(item, &tokens);
    std::vector<std::pair<size_t, int>> by_rarity;  // (posting size, token)
    for (int t : tokens) {
      auto it = posting.find(t);
      if (it != posting.end()) by_rarity.push_back({it->second.size(), t});
    }
    std::sort(by_rarity.begin(), by_rarity.end());
    found.clear();
    seen.clear();
    for (const auto& [size, t] : by_rarity) {
      for (int cluster : posting[t]) {
        if (found.size() >= kLeaderCandidates) break;
        if (seen.insert(cluster).second) found.push_back(cluster);
      }
      if (found.size() >= kLeaderCandidates) break;
    }
    const bool quote = item.claim->kind() == Claim::KIND_QUOTE;
    int best = -1;
    double best_rank = 0, best_score = 0;
    for (int cluster : found) {
      const int leader = leaders[cluster];
      if (cluster_articles.contains({cluster, item.article})) continue;
      const double score = PairScore(items[leader], item, options);
      if (score < 0) continue;
      const bool consistent = ComparePair(items[leader], item, options) !=
                              PairVerdict::kDiscrepancy;
      if (!consistent && (items[leader].ambiguous || item.ambiguous ||
                          !CanConflict(items[leader], item, options))) {
        continue;
      }
      const double rank = score + (consistent ? kConsistentBonus : 0.0);
      // A quote links every cluster it matches: the whole sentence joins
      // the clusters of its two fragments, which do not match each other.
      if (quote) candidates->push_back({rank, score, leader, i});
      if (best < 0 || rank > best_rank ||
          (rank == best_rank && cluster < best)) {
        best = cluster, best_rank = rank, best_score = score;
      }
    }
    if (best >= 0) {
      cluster_articles.insert({best, item.article});
      if (!quote) {
        candidates->push_back({best_rank, best_score, leaders[best], i});
      } else if (item.trigrams.size() > items[leaders[best]].trigrams.size()) {
        // The longer version leads, so that later fragments of it match.
        leaders[best] = i;
        for (int t : tokens) {
          std::vector<int>& list = posting[t];
          if (list.size() < kMaxPosting &&
              std::find(list.begin(), list.end(), best) == list.end()) {
            list.push_back(best);
          }
        }
      }
      continue;
    }
    const int cluster = static_cast<int>(leaders.size());
    leaders.push_back(i);
    cluster_articles.insert({cluster, item.article});
    for (int t : tokens) {
      std::vector<int>& list = posting[t];
      if (list.size() < kMaxPosting) list.push_back(cluster);
    }
  }
}

// "1 outlet", "2 outlets".
std::string Plural(size_t n, absl::string_view noun) {
  return absl::StrCat(n, " ", noun, n == 1 ? "" : "s");
}

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
  // A group of dates and durations of their event is about the date.
  const Item* lead = members.front();
  for (const Item* m : members) {
    if (m->claim->kind() == Claim::KIND_DATE) {
      lead = m;
      break;
    }
  }
  const Claim& c = *lead->claim;
  switch (c.kind()) {
    case Claim::KIND_FIGURE: {
      const Figure& f = c.figure();
      // What is counted, else what the sentence is about ("trade").
      std::string s = f.counted();
      if (s.empty() && c.keywords_size() > 0) {
        // The nearest keyword that is not the verb ("rise").
        s = c.keywords(0);
        for (const std::string& k : c.keywords()) {
          if (Canonical(k) != lead->predicate) {
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

// A group with more claims than this is summarized by version ("31st: 412
// outlets (The Daily Ledger, Meridian Wire, …)"), at most kSummaryVersions
// of them, most frequent first.
constexpr size_t kMaxSummaryParts = 8;
constexpr size_t kSummaryVersions = 5;

// "Outlet: version; Outlet: version" for a few claims; versions with their
// outlets, most frequent first, for many.
// A part: the outlet, what it says, and the key of what it says (claims
// with one key are one version: "31st" and "thirty-first").
struct Part {
  std::string outlet;
  std::string version;
  std::string key;
};

std::string JoinParts(const std::vector<Part>& parts) {
  std::vector<std::string> out;
  if (parts.size() <= kMaxSummaryParts) {
    for (const Part& p : parts) {
      out.push_back(absl::StrCat(p.outlet, ": ", p.version));
    }
    return absl::StrJoin(out, "; ");
  }
  std::vector<std::pair<std::string, std::vector<const std::string*>>> versions;
  absl::flat_hash_map<std::string, size_t> index;
  for (const Part& p : parts) {
    auto [it, inserted] = index.try_emplace(p.key, versions.size());
    if (inserted) versions.push_back({p.version, {}});
    versions[it->second].second.push_back(&p.outlet);
  }
  std::stable_sort(versions.begin(), versions.end(),
                   [](const auto& x, const auto& y) {
                     return x.second.size() > y.second.size();
                   });
  for (size_t v = 0; v < versions.size() && v < kSummaryVersions; ++v) {
    const auto& [version, outlets] = versions[v];
    std::vector<std::string> names;
    for (size_t k = 0; k < outlets.size() && k < 2; ++k) {
      names.push_back(*outlets[k]);
    }
    if (outlets.size() > 2) names.push_back("…");
    out.push_back(absl::StrCat(version, ": ", Plural(outlets.size(), "outlet"),
                               " (", absl::StrJoin(names, ", "), ")"));
  }
  if (versions.size() > kSummaryVersions) {
    out.push_back(absl::StrCat(
        Plural(versions.size() - kSummaryVersions, "other version")));
  }
  return absl::StrJoin(out, "; ");
}

std::string Summary(const std::vector<const Item*>& members,
                    const std::vector<std::string>& outlets,
                    Alignment::Verdict verdict, const std::string& subject) {
  const Claim& first = *members.front()->claim;
  std::vector<Part> parts;
  if (first.kind() == Claim::KIND_QUOTE) {
    const bool speakers_differ = SpeakersDiffer(members);
    for (const Item* m : members) {
      const auto& q = m->claim->quote();
      const std::string who = q.speaker().empty() ? "no speaker" : q.speaker();
      parts.push_back(
          {outlets[m->article],
           speakers_differ ? who
                           : absl::StrCat("“", Ellipsize(q.text(), 90), "”"),
           speakers_differ ? who : absl::StrJoin(m->quote_words, " ")});
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
    return absl::StrCat(JoinParts(parts), " — ", tail);
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
    std::string key;
    if (m->claim->kind() == Claim::KIND_FIGURE) {
      const Figure& f = m->claim->figure();
      // Durations of fixed-length units in seconds: "1 week" is "7 days".
      const UnitSpan scale = UnitScale(f.unit());
      const bool fixed = scale.shortest == scale.longest;
      key = absl::StrFormat("%.17g|%.17g|%d|%s",
                            f.value() * (fixed ? scale.shortest : 1),
                            f.value_max() * (fixed ? scale.shortest : 1),
                            static_cast<int>(f.qualifier()),
                            fixed ? ComparableUnit(f) : f.unit());
    } else {
      key = absl::StrCat(m->claim->date().start(), "|", m->claim->date().end());
      if (m->claim->date().start().empty()) key = value;
    }
    parts.push_back({outlets[m->article], std::move(value), std::move(key)});
  }
  return absl::StrCat(JoinParts(parts), " — ", subject);
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
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return ids[x] < ids[y]; });
  absl::flat_hash_map<std::string, int> article_index;
  for (size_t rank = 0; rank < order.size(); ++rank) {
    article_index.try_emplace(articles[order[rank]].id(),
                              static_cast<int>(rank));
  }
  // Claims of an article not among `articles` get an article of their own
  // id, after the known ones, in id order.
  std::set<std::string> unknown_ids;
  for (const Claim& claim : claims) {
    if (!article_index.contains(claim.article_id())) {
      unknown_ids.insert(claim.article_id());
    }
  }
  // (Article ids are unique as ingest reads them; should two articles share
  // one, the first in id order stands for both.)
  int next_index = static_cast<int>(order.size());
  for (const std::string& id : unknown_ids) article_index[id] = next_index++;
  // By article index: the outlet named in summaries, the text, and the
  // publication day.
  std::vector<std::string> outlets;
  std::vector<absl::string_view> texts;
  std::vector<std::optional<int64_t>> published;
  for (size_t i : order) {
    outlets.push_back(OutletName(articles[i]));
    texts.push_back(articles[i].text());
    published.push_back(DayNumber(articles[i].published()));
  }
  for (const std::string& id : unknown_ids) {
    outlets.push_back(id);
    texts.push_back(absl::string_view());
    published.push_back(std::nullopt);
  }

  // Items in canonical order (by claim id), so that nothing below — the
  // ids the interner hands out, the order of blocks and clusters — depends
  // on the input order.
  std::vector<const Claim*> sorted_claims;
  sorted_claims.reserve(claims.size());
  for (const Claim& claim : claims) sorted_claims.push_back(&claim);
  std::stable_sort(
      sorted_claims.begin(), sorted_claims.end(),
      [](const Claim* x, const Claim* y) { return x->id() < y->id(); });
  Interner interner;
  std::vector<Item> items;
  items.reserve(claims.size());
  // The story of each article: the full names its claims mention.
  std::vector<std::vector<int>> stories(outlets.size());
  for (const Claim* claim : sorted_claims) {
    const int article = article_index.at(claim->article_id());
    items.push_back(MakeItem(*claim, article, texts[article], &interner));
    items.back().published = published[article];
    for (const std::string& e : claim->entities()) {
      stories[article].push_back(
          interner.Id(absl::StrCat("s:", absl::AsciiStrToLower(e))));
    }
  }
  const int n = static_cast<int>(items.size());
  for (std::vector<int>& story : stories) KeepMainEntities(&story);
  for (Item& item : items) item.story = &stories[item.article];
  AttachScopes(interner, texts, &items);

  // Blocks: figures and dates by blocking key; quotes all in one block,
  // paired through shared trigrams.
  std::map<std::string, std::vector<int>> blocks;
  for (int i = 0; i < n; ++i) {
    const Item& item = items[i];
    if (item.claim->kind() == Claim::KIND_QUOTE) {
      if (!item.trigrams.empty()) blocks["q"].push_back(i);
    } else if (!item.key.empty()) {
      blocks[item.key].push_back(i);
      if (!item.event_key.empty()) blocks[item.event_key].push_back(i);
    }
  }
  // Every block's ambiguous claims first: a duration is in two blocks.
  for (const auto& [key, members] : blocks) {
    MarkAmbiguous(members, options, &items);
  }
  std::vector<Candidate> candidates;
  for (const auto& [key, members] : blocks) {
    if (members.size() <= kMaxPairBlock) {
      PairAll(items, members, options, &candidates);
    } else {
      ClusterAroundLeaders(items, members, options, &candidates);
    }
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& x, const Candidate& y) {
              if (x.rank != y.rank) return x.rank > y.rank;
              if (x.a != y.a) return x.a < y.a;
              return x.b < y.b;
            });
  // Two figures or dates whose values conflict are one fact only when they
  // look like one on their own: a group never reaches a discrepancy by
  // chaining ("several patients" beside "two patients" and beside "more
  // than 400 patients" does not make 2 and 400 rival counts).
  Clusters clusters(items, [&items, &options](int x, int y) {
    const Item& a = items[x];
    const Item& b = items[y];
    if (a.claim->kind() == Claim::KIND_QUOTE) return false;
    return ComparePair(a, b, options) == PairVerdict::kDiscrepancy &&
           (a.ambiguous || b.ambiguous || !CanConflict(a, b, options));
  });
  for (const Candidate& c : candidates) clusters.Merge(c.a, c.b, c.score);

  // Collect groups, members in article order then offset.
  std::map<int, std::vector<const Item*>> groups;
  for (int i = 0; i < n; ++i) groups[clusters.Find(i)].push_back(&items[i]);
  std::vector<std::pair<Alignment, std::tuple<int, size_t, std::string>>>
      results;
  for (auto& [root, members] : groups) {
    std::sort(members.begin(), members.end(), [&](const Item* x, const Item* y) {
      if (x->article != y->article) return x->article < y->article;
      return x->claim->span().begin() < y->claim->span().begin();
    });
    Alignment alignment;
    // A group of dates and durations of their event is a date group.
    const Item* lead = members.front();
    for (const Item* m : members) {
      if (m->claim->kind() == Claim::KIND_DATE) {
        lead = m;
        break;
      }
    }
    alignment.set_kind(lead->claim->kind());
    for (const Item* m : members) alignment.add_claim_ids(m->claim->id());
    const Alignment::Verdict verdict = GroupVerdict(members, options);
    const double confidence = clusters.Weakest(root);
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
        single.set_summary(
            Summary(one, outlets, Alignment::VERDICT_SINGLE_SOURCE, subject));
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
    alignment.set_summary(Summary(members, outlets, verdict, subject));
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
