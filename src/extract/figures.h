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
//
// The span runs from a qualifier or currency symbol to the last word of the
// number, its magnitude and unit ("more than 2,400", "$48.5 billion", "48.5
// billion dollars", "12 per cent", "four-day"); the counted noun is not part
// of it. "X to Y" is a range, except after a verb of change ("fell from 9%
// to 6%"), where it is two figures. Bare years 1900-2100 not followed by a
// plural noun, lone number words without a noun ("the two met"), ordinal
// words without a determiner ("must first win"), clock times and idioms of
// data/figure_idioms.tsv ("one of") are not figures. Abbreviated magnitudes
// ("bn", "m", "k") count only for money ("$4.8bn", "£3.5m", "4.8bn
// dollars"); a number with one attached is otherwise no figure ("the 400m
// freestyle", "a 5k run").
void FindFigures(const Document& doc, const std::vector<segment::Range>& taken,
                 std::vector<crosscheck::v1::Claim>* claims);

}  // namespace crosscheck::extract

#endif  // SRC_EXTRACT_FIGURES_H_
