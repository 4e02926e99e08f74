// Cross-article name unification: one canonical name per person or entity
// across the articles of a report, even when outlets spell it differently
// ("Gaddafi", "Qaddafi", "Moammar Gadhafi").
//
//   std::vector<NameGroup> groups = UnifyNames(&claims);
//
// Names are compared word by word after folding case and diacritics, from
// the surname back; long words may differ by transliteration or one typo,
// short words must be equal; people with different first names stay apart,
// a bare surname joins a full name only when exactly one fits, and two
// names of one article are never merged. The result does not depend on the
// order of the articles. See docs/alignment.md, "Names across articles".

#ifndef SRC_ALIGN_NAMES_H_
#define SRC_ALIGN_NAMES_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "proto/crosscheck/v1/report.pb.h"

namespace crosscheck::align {

// Rewrites `Quote.speaker` and `Claim.entities` of `claims` (of any number
// of articles) so that every name of one person or entity is written as
// that group's canonical name, and returns the groups written in more than
// one spelling (forms differing only by case are one), by canonical name.
// Entities that become equal within a claim are listed once. Deterministic: the
// same claims in any order give the same names and groups. Time near-linear in
// the number of distinct names.
std::vector<crosscheck::v1::NameGroup> UnifyNames(
    std::vector<crosscheck::v1::Claim>* claims);

// True when names `a` and `b` may denote the same person: equal after
// folding case and diacritics, or one less complete than the other and
// compatible with it ("Okafor" or "A. Okafor" and "Ada Okafor"; "Qaddafi"
// and "Muammar Gaddafi"). False for two names of the same form that differ
// ("Ada Okafor" and "Chidi Okafor"; after UnifyNames, "Gaddafi" and
// "Qaddafi" are one name when they denote one person).
bool NamesMayMatch(absl::string_view a, absl::string_view b);

}  // namespace crosscheck::align

#endif  // SRC_ALIGN_NAMES_H_
