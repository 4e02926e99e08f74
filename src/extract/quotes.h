// Direct quotation extraction with speaker attribution.

#ifndef SRC_EXTRACT_QUOTES_H_
#define SRC_EXTRACT_QUOTES_H_

#include <vector>

#include "proto/crosscheck/v1/article.pb.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "src/extract/document.h"
#include "src/extract/entities.h"

namespace crosscheck::extract {

// Appends one KIND_QUOTE claim per direct quotation in `doc`, in text
// order, with `span` (from the opening to the closing mark), `sentence`,
// `text`, and `quote` (text, normalized, speaker, speaker_span, role,
// partial) filled. A quote interrupted by its attribution is one claim; a
// quote continued into the next paragraph is one claim. An unclosed quote
// mark is capped at the end of its paragraph and reported in `notes` with
// code "unclosed-quote". Never fails; linear in the text.
void FindQuotes(const Document& doc, const EntityIndex& entities,
                std::vector<crosscheck::v1::Claim>* claims,
                std::vector<crosscheck::v1::Note>* notes);

// The comparison form of quoted text: lowercase words separated by single
// spaces; punctuation, bracketed insertions ("[Valdoria’s]") and ellipses
// removed; hyphens and dashes treated as spaces; curly apostrophes folded
// to "'".
std::string NormalizeQuoteText(absl::string_view text);

}  // namespace crosscheck::extract

#endif  // SRC_EXTRACT_QUOTES_H_
