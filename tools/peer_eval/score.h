// Scoring one peer-suite case: the claims crosscheck found, seen as values
// of the harness's categories, matched against the entities the suite
// expects. The rules are those of docs/accuracy.md, "Scoring".
//
//   const std::vector<FoundItem> items = FoundItems(claims);
//   for (const CategoryOutcome& o :
//        ScoreCase(suite_case, rule.types, items, Mode::kInScope)) { ... }

#ifndef TOOLS_PEER_EVAL_SCORE_H_
#define TOOLS_PEER_EVAL_SCORE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "proto/crosscheck/v1/claim.pb.h"
#include "tools/peer_eval/suite_case.h"
#include "tools/peer_eval/values.h"

namespace crosscheck::peer_eval {

// Which cases and entities are scored.
enum class Mode {
  // Only what no scope rule excludes.
  kInScope,
  // Every case and entity of a scored category.
  kAll,
};

// What one claim says in one category. A claim may say something in
// several categories: "$20" is money and also the number 20; "between 20
// and 30" is a number range and the numbers 20 and 30.
struct FoundItem {
  // Index of the claim in the list given to FoundItems.
  size_t claim = 0;
  Category category = Category::kNumber;
  // The suite type it corresponds to: "date" (a single day) or "daterange"
  // for dates, the category name otherwise.
  std::string type;
  // The claim's span (UTF-8 bytes, end exclusive) and text.
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string text;
  // The values the claim states in this category, each of which may match
  // one expected entity. Empty for a date left unresolved, which can only
  // match an entity the suite gives no value for.
  std::vector<Value> views;
};

// The items of `claims` (figures and dates; quotes say nothing here):
//  - a figure that is not ordinal and not vague: kNumber with its value (a
//    range: both bounds); kPercent too when its unit is "percent"; kCurrency
//    when its unit is an ISO 4217 code (the value, a range's bounds, and the
//    range or open bound as an interval); kDuration (in seconds) when its
//    unit is a time unit; kNumberRange when its qualifier is a range or an
//    open bound (more than, at least, less than, at most);
//  - an ordinal figure: kOrdinal;
//  - a date: kDate, with the days of its start and end at its granularity.
std::vector<FoundItem> FoundItems(
    const std::vector<crosscheck::v1::Claim>& claims);

// The outcome of one case in one category.
struct CategoryOutcome {
  Category category = Category::kNumber;
  // Indexes into SuiteCase::expected of the entities scored, and whether a
  // claim matched each.
  std::vector<size_t> expected;
  std::vector<bool> expected_matched;
  // Indexes into the items of the claims that count, and whether each
  // matched an expected entity.
  std::vector<size_t> found;
  std::vector<bool> found_matched;
};

// Scores `c`, whose file annotates the suite types `annotated_types`, in
// each category of those types, in the order of kCategories. The caller
// leaves out cases a file or case rule excludes in kInScope mode.
//
// An expected entity and an item match when their spans share a byte and
// the entity is span-only or one of its readings Agrees with one of the
// item's views; the matching is one-to-one between entities and views, and
// as large as possible. Scored entities are those of the category, without
// the entity rules' exclusions in kInScope mode. A found item counts when it
// matches; when it overlaps a scored entity without matching it (a wrong
// value or a second claim); and when the suite expects nothing over it and
// its type is one the file annotates (in a partially annotated file, a
// date range found in a file of single dates is not a false positive). A
// claim over an entity of another category ("3 days" of the date range
// "next 3 days"), of a type never scored ("tomorrow" of "tomorrow at 5pm")
// or left out by a rule is charged once, to that entity, not also as a
// false positive.
std::vector<CategoryOutcome> ScoreCase(
    const SuiteCase& c, const std::vector<std::string>& annotated_types,
    const std::vector<FoundItem>& items, Mode mode);

}  // namespace crosscheck::peer_eval

#endif  // TOOLS_PEER_EVAL_SCORE_H_
