// Date extraction: absolute and relative dates, resolved against the
// article's publication date.

#ifndef SRC_EXTRACT_DATES_H_
#define SRC_EXTRACT_DATES_H_

#include <vector>

#include "proto/crosscheck/v1/article.pb.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "src/extract/document.h"

namespace crosscheck::extract {

// Appends one KIND_DATE claim per date mentioned in the sentences of `doc`,
// in text order, with `span`, `text`, `date`, `predicate` and `keywords`
// filled. Relative dates ("on Monday", "last month") are resolved against
// `doc.published`; without it they are kept with `relative` true and an
// empty `start`, and a note with code "unresolved-date" is appended to
// `notes`. Never fails; linear in the text.
void FindDates(const Document& doc, std::vector<crosscheck::v1::Claim>* claims,
               std::vector<crosscheck::v1::Note>* notes);

}  // namespace crosscheck::extract

#endif  // SRC_EXTRACT_DATES_H_
