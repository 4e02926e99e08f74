// Figure extraction: counts, ordinals, money, percentages and durations.

#ifndef SRC_EXTRACT_FIGURES_H_
#define SRC_EXTRACT_FIGURES_H_

#include <vector>

#include "proto/crosscheck/v1/claim.pb.h"
#include "src/extract/document.h"
#include "src/segment/segment.h"

namespace crosscheck::extract {

// Appends one KIND_FIGURE claim per figure mentioned in the sentences of
// `doc`, in text order, with `span`, `text`, `figure` (value, qualifier,
// unit, counted, ordinal), `predicate` and `keywords` filled. Mentions that
// overlap a range of `taken` (dates found before) are skipped, as are
// numbers inside names and idioms ("G20", "COVID-19"). Ranges in `taken`
// are sorted by begin. Never fails; linear in the text.
void FindFigures(const Document& doc, const std::vector<segment::Range>& taken,
                 std::vector<crosscheck::v1::Claim>* claims);

}  // namespace crosscheck::extract

#endif  // SRC_EXTRACT_FIGURES_H_
