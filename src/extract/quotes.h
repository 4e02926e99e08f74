// Direct quotation extraction with speaker attribution.

#ifndef SRC_EXTRACT_QUOTES_H_
#define SRC_EXTRACT_QUOTES_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "proto/crosscheck/v1/article.pb.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "src/extract/document.h"
#include "src/extract/entities.h"

namespace crosscheck::extract {

// Appends one KIND_QUOTE claim per direct quotation in `doc`, in text
// order, with `span` (from the opening to the closing mark), `sentence`,
// `text`, `entities` and `quote` (text, normalized, speaker, speaker_span,
// role, partial, form) filled. `entities` are the canonical names of the
// entities mentioned in `sentence` within 400 bytes of `span`, in order of
// first mention, at most 16.
//
// Quotation marks: “…”, "…", «…», and ‘…’ at the top level; inside double
// marks, single marks are part of the quoted text, and a ’ between letters
// or before a digit is an apostrophe ("won’t", "’90s"). A quote interrupted
// by its attribution (“To win,” she said, “we must…”) is one claim, its
// parts joined by a space; a quote left open at the end of a paragraph and
// continued by an opening mark at the start of the next is one claim, when
// only white space lies between the two paragraphs (no furniture line such
// as "Advertisement" or a promo). An
// unclosed quote mark is capped at the end of its paragraph, or before the
// next opening mark of its kind in the same paragraph, and reported in
// `notes` (severity WARNING, code "unclosed-quote", span of the mark).
// Quotes without a letter or digit are skipped.
//
// `form` is FORM_DIRECT for a quoted sentence standing as what was said.
// A quotation embedded in the reporter's sentence (“a bridge of trust”,
// said that “the door remains open”, “Cuties” is what he called them) is
// `partial`, and its form depends on its words (runs of characters other
// than white space holding a letter or digit): FORM_TITLE when its first
// word, every word of four letters or more and at least one other word
// start with a capital, and it holds no ". ! ? … ;" ("One Hundred Years of
// Solitude"); otherwise FORM_SCARE for one to three words ("rules-based",
// "new era", "Theatre") and FORM_PARTIAL for four or more. A title has no
// speaker.
//
// The speaker is looked for in this order: right after the closing mark in
// the same sentence (“…,” Okafor said / said Okafor / according to X), in
// the same sentence before the opening mark (Okafor said: “…” / Okafor:
// “…”), in a following sentence that is only an attribution ("Okafor
// added."), then in the sentence before: the attribution of a quote just
// before it, or a sentence introducing its paragraph ("Tomas Berg, …, said
// the package …"). Names resolve to their canonical form through
// `entities`, "he"/"she" to the last person mentioned before, a noun phrase
// ("the ministry") is kept as written; the role is the entity's. When the
// attribution names nobody that can be resolved ("officials said"), or
// there is none, `speaker` stays empty. Never fails; the pairing of marks is
// one pass, and the work per quote is bounded, so the whole is linear in the
// text.
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
