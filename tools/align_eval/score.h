// Scoring a comparison report against the planted items of a fixture story
// (crosscheck.v1.Expectation): which items get their group and verdict,
// which traps are flagged, and the precision and recall of DISCREPANCY
// verdicts and of groups. Used by //tools/align_eval and the fixture tests.
// See docs/accuracy.md, "Alignment".

#ifndef TOOLS_ALIGN_EVAL_SCORE_H_
#define TOOLS_ALIGN_EVAL_SCORE_H_

#include <string>
#include <vector>

#include "proto/crosscheck/v1/claim.pb.h"
#include "proto/crosscheck/v1/expectation.pb.h"
#include "proto/crosscheck/v1/report.pb.h"

namespace crosscheck::align_eval {

// The claim an expected mention points at: of `kind`, in the mention's
// article, whose text holds `mention.text()` and whose sentence holds
// `mention.context()`; the shortest such claim. Null when there is none.
const crosscheck::v1::Claim* FindClaim(
    const crosscheck::v1::Report& report,
    const crosscheck::v1::ExpectedMention& mention,
    crosscheck::v1::Claim::Kind kind);

// The alignment holding the claim `claim_id`, or null.
const crosscheck::v1::Alignment* GroupOf(const crosscheck::v1::Report& report,
                                         const std::string& claim_id);

// What became of one planted item.
struct ItemOutcome {
  std::string name;
  bool trap = false;
  crosscheck::v1::Alignment::Verdict expected =
      crosscheck::v1::Alignment::VERDICT_UNSPECIFIED;
  // Mentions for which no claim was found ("article: text").
  std::vector<std::string> missing;
  // For an item: every mention's claim is found and all sit in one group
  // with the expected verdict. For a trap: no two of its claims share a
  // DISCREPANCY group.
  bool ok = false;
  // The groups the item's claims were found in, described ("a3
  // DISCREPANCY: summary"), one per distinct group.
  std::vector<std::string> groups;
};

// A report group judged against the planted items.
struct GroupOutcome {
  std::string description;  // "a3 DISCREPANCY: summary"
  bool right = false;
  std::string why;  // why it is wrong, empty when right
};

// The scores of one story. A group is "aligned" when it holds two or more
// claims.
struct StoryScore {
  std::vector<ItemOutcome> items;  // in expectation order
  // DISCREPANCY verdicts. Recall: planted DISCREPANCY items whose claims all
  // sit in one DISCREPANCY group / planted DISCREPANCY items. Precision:
  // DISCREPANCY groups holding two or more mentions of one planted
  // DISCREPANCY item and no mention of another item / all DISCREPANCY
  // groups of the report (the planted list names every discrepancy of the
  // story, so any other is a false alarm).
  int discrepancy_planted = 0;
  int discrepancy_found = 0;
  int discrepancy_flagged = 0;
  int discrepancy_flagged_right = 0;
  // Groups. Recall: planted items (not traps) that are `ok` / planted items.
  // Precision: aligned groups that hold two or more mentions of one planted
  // item, no mention of another item and the item's verdict / aligned
  // groups holding any planted mention (aligned groups of unplanted claims
  // cannot be judged and are only counted).
  int items_planted = 0;
  int items_found = 0;
  int groups_judged = 0;
  int groups_right = 0;
  int groups_unjudged = 0;
  // Traps: how many of them have two claims in one DISCREPANCY group.
  int traps = 0;
  int traps_flagged = 0;
  // Every DISCREPANCY group and every judged aligned group, with its
  // outcome, in report order.
  std::vector<GroupOutcome> discrepancy_groups;
  std::vector<GroupOutcome> judged_groups;
};

// Scores `report` against `expectation`.
StoryScore ScoreStory(const crosscheck::v1::Report& report,
                      const crosscheck::v1::Expectation& expectation);

// `numerator / denominator`, or 1 when the denominator is 0.
double Ratio(int numerator, int denominator);

}  // namespace crosscheck::align_eval

#endif  // TOOLS_ALIGN_EVAL_SCORE_H_
