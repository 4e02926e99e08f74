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
// or before a digit is an apostrophe ("won’t", "’90s"), as is a ‘ before a
// digit ("‘90s") or one still open when a double mark or a guillemet opens
// ("rocked ‘til dawn. “We…"). A quote interrupted
// by its attribution (“To win,” she said, “we must…”) is one claim, its
// parts joined by a space, unless the attribution ends with a colon before
// a capital ("Hardy said, adding: “They will…”") or the second part is a
// title; a quote left open at the end of a paragraph and
// continued by an opening mark at the start of the next is one claim, when
// only white space lies between the two paragraphs (no furniture line such
// as "Advertisement" or a promo). An
// unclosed quote mark is capped at the end of its paragraph, or before the
// next opening mark of its kind in the same paragraph, and reported in
// `notes` (severity WARNING, code "unclosed-quote", span of the mark).
// Quotes without a letter or digit are skipped.
//
// `form` is FORM_DIRECT for a quoted sentence standing as what was said
// (also after a dateline: "LONDON — “…”"). A quotation embedded in the
// reporter's sentence (“a bridge of trust”, said that “the door remains
// open”, “Cuties” is what he called them) is `partial`, and its form
// depends on its words (runs of characters other than white space holding
// a letter or digit): FORM_TITLE when its first word, every word of four
// letters or more and at least one other word start with a capital, and it
// holds no ". ! ? … ;" ("One Hundred Years of Solitude"); otherwise
// FORM_SCARE for one to three words ("rules-based", "new era", "Theatre")
// and FORM_PARTIAL for four or more. A quotation standing as a sentence
// that looks like a title, does not end with a comma and follows no colon
// is FORM_TITLE too ("said of her film, “The Last Ferry”"). `partial` is true
// for every form but FORM_DIRECT. A title has no speaker.
//
// The speaker is looked for in this order: right after the closing mark in
// the same sentence (“…,” Okafor said / said Okafor / according to X), in
// the same sentence before the opening mark (Okafor said: “…” / Okafor:
// “…”), in a following sentence that is only an attribution ("Okafor
// added."), then in the sentence before: the attribution of a quote just
// before it, or a sentence introducing its paragraph ("Tomas Berg, …, said
// the package …"), and last, for a quotation that is a sentence of its
// own, a short next sentence naming a person as the subject of a
// reporting verb ("That was how Ottilie Brand described it."). A subject
// may be written with a role before or after it ("Veridian Pharma
// spokeswoman Hanne Loft", "the chief engineer, Ingrid Dahlberg,", "fire
// chief Lukas Brenner", "Marit Ellingsen, 47, a nurse…,"), an adverb
// before the verb ("once called"), and a preposition may attach a name to
// the real subject ("Ana Lima of Brightwater Bank said" is Ana Lima;
// "analysts at Fenwick Capital said" names nobody); a person may open a
// clause that ends with a colon after a role ("Aoife Brennan, duty
// forecaster at …: “…”"); the listener of "told the BBC:" is never the
// speaker.
//
// Names resolve to their canonical form through `entities`. "He"/"she"
// resolve to the last person mentioned before whose gender, as far as the
// text tells it (a title such as "Ms.", a role word such as
// "spokeswoman", a given name of data/given_names.tsv, an earlier pronoun),
// is not the other one, preferring in that person's sentence one known to
// be of the pronoun's gender; "it" to the last organisation. A noun phrase
// headed by a role ("the minister", "a senior official") resolves to the
// last person given that role, or to nobody; "the ministry" or "the
// company" to the organisation named before whose name ends with that word
// or, for a word that stands for any company, the last organisation named;
// any other noun phrase ("the ministry" with none named, "the report") is
// kept as written. Pronouns and roles look
// back at most 32 mentions and two paragraphs. The role is the entity's.
// When the attribution names nobody that can be resolved ("officials
// said", "they said"), or there is none, `speaker` stays empty; such an
// attribution is never replaced by the speaker of the quotation before,
// which a fragment without a subject of its own ("and urged her to “…”")
// or a quotation ending its sentence in the next paragraph takes. Never
// fails; the pairing of marks is one pass, and the work per quote is
// bounded, so the whole is linear in the text.
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
