// The align stage: groups equivalent claims across articles and gives each
// group a verdict.
//
//   std::vector<Alignment> groups = Align(articles, claims, AlignOptions());
//
// Claims are compared only across articles that cover one story (shared
// entities). Figures are grouped when they count the same thing (counted
// noun, with synonyms from data/synonyms.tsv), in the same unit class, with
// the same action, time scope and enough shared context (keywords,
// entities); dates when they date the same event (event noun or predicate,
// and context); quotes when their words overlap (a title never; a scare
// quote only with the same words). Candidates come from blocking keys,
// never from all pairs (large blocks are clustered around leaders, so the
// work grows about linearly), and a group never holds two claims of one
// article. Verdicts are computed in time linear in the group. Quote speakers are compared by
// name (NamesMayMatch): run UnifyNames (names.h) on the claims first, so
// one person has one name across the articles. See docs/alignment.md.

#ifndef SRC_ALIGN_ALIGN_H_
#define SRC_ALIGN_ALIGN_H_

#include <vector>

#include "proto/crosscheck/v1/article.pb.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "proto/crosscheck/v1/report.pb.h"

namespace crosscheck::align {

// Thresholds of the aligner. Defaults are the documented behaviour.
struct AlignOptions {
  // Context similarity (0..1: keywords and entities) two figures with the
  // same blocking key need to state the same fact: half of it for figures
  // without a counted noun or with a specific one ("delegate"), or of a
  // generic noun with the same action ("people displaced"; none when both
  // state it); twice it for a frequency ("17 times") and for counts with
  // two different actions (which also need this much keyword similarity);
  // none for ordinals of a specific noun ("the thirty-first summit"). See
  // docs/alignment.md.
  double min_context_similarity = 0.2;
  // Two dates with the same event predicate date the same event when the
  // Jaccard similarity of their other keywords reaches the second, or when
  // that of their entities (whose event it is) reaches the first and they
  // share a keyword or the event happens once to its subject
  // (data/once_events.tsv: "take office").
  double min_date_entity_similarity = 0.3;
  double min_date_keyword_similarity = 0.4;
  // Minimum share of the shorter quote's word trigrams found in the other
  // quote for the two to be versions of one quotation.
  double min_quote_overlap = 0.5;
  // Claims of two articles are compared only when the articles cover one
  // story: their claims name at least this many of the same people, places
  // and bodies (or every one of them, when an article names fewer). 0
  // compares claims of any articles.
  int min_shared_story_entities = 2;
  // Relative tolerance under which two figure values count as equal.
  double value_epsilon = 1e-9;
  // Groups of two or more claims whose confidence (the weakest link: the
  // lowest score of the pairs merged to make the group) is below this are
  // not reported as one fact: each of their claims becomes a single-source
  // group. 0 keeps every group.
  double min_confidence = 0.0;
};

// Groups `claims` (of `articles`) into alignments, every claim in exactly
// one. Order: discrepancies, compatible, agreements, single-source; within
// a verdict by the first claim's position (article id, then offset); claims
// of a group are listed by article id.
// Ids are "a1", "a2", ... in that order. Deterministic: the same input in
// any article order gives the same groups.
std::vector<crosscheck::v1::Alignment> Align(
    const std::vector<crosscheck::v1::Article>& articles,
    const std::vector<crosscheck::v1::Claim>& claims,
    const AlignOptions& options);

}  // namespace crosscheck::align

#endif  // SRC_ALIGN_ALIGN_H_
