// What a mention is about: lemmas, the predicate that governs it and the
// keywords around it. Shared by the figure and date extractors; the aligner
// compares claims across articles by these.

#ifndef SRC_EXTRACT_CONTEXT_H_
#define SRC_EXTRACT_CONTEXT_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "src/extract/document.h"
#include "src/extract/words.h"
#include "src/segment/segment.h"

namespace crosscheck::extract {

// Lemma of one English word, lowercased: "times" -> "time", "deputies" ->
// "deputy", "met" -> "meet", "signed" -> "sign". Irregular forms come from
// data/irregular_words.tsv; the rest from suffix rules. A word longer than
// 64 bytes is no word to lemmatize and is returned folded (lowercase, with
// typographic apostrophes and hyphens folded), otherwise unchanged. Never
// empty for a non-empty word; linear in the length of the word.
std::string Lemma(absl::string_view word);

// The predicate of a mention: the canonical event phrase from
// data/events.tsv found in the sentence nearest to the mention ("take
// office" for "took office", "was sworn in"), else the lemma of the nearest
// verb, else empty. `mention` must lie inside `sentence`.
//
// A predicate of the mention's own clause before the mention governs it
// and is preferred ("address a forum on Wednesday and visit the port" gives
// "address"); the clause starts after the nearest ";", ":", dash, bracket
// or ", and" (", but", ", while", ...) on the left. Only when there is none is the nearest predicate after the
// mention taken ("On Monday, Okafor arrived"). On each side, distances are
// counted in tokens, and a plain verb is taken over an event phrase only
// when it is strictly nearer to the mention ("announced a $12 billion
// package" after "signed seven agreements"). Verbs are irregular forms, words ending in
// "-ed"/"-ing", and forms of data/verbs.tsv where a verb can stand (not after
// a determiner: "the visit"); verbs of saying ("say", "tell") only when there
// is no other verb, auxiliaries never. Linear in the sentence.
std::string FindPredicate(const Document& doc,
                          const segment::Sentence& sentence,
                          segment::Range mention);

// The same from the sentence's words (internal::Words over the whole
// sentence), which an extractor has already tokenized: the work per mention
// is then bounded by the context window, not the sentence.
std::string FindPredicate(const std::vector<internal::Word>& sentence_words,
                          const segment::Sentence& sentence,
                          segment::Range mention);

// Content-word lemmas of the sentence (stop words from data/stopwords.tsv
// dropped), nearest to the mention first, at most `limit`, no duplicates.
// Words inside the mention, numbers and capitalised words (names, which are
// the entities' business) other than the sentence's first word are left
// out; at equal distance the word after the mention comes first.
std::vector<std::string> FindKeywords(const Document& doc,
                                      const segment::Sentence& sentence,
                                      segment::Range mention, int limit);

// The same from the sentence's words, as FindPredicate above.
std::vector<std::string> FindKeywords(
    const std::vector<internal::Word>& sentence_words,
    const segment::Sentence& sentence, segment::Range mention, int limit);

// The most keywords a mention claim gets.
inline constexpr int kMentionKeywords = 8;

// Sets the fields of `*claim` (a claim with none set yet) that every
// mention of `kind` at text[begin, end) of `sentence` has: kind, span,
// sentence, text, predicate and keywords (at most kMentionKeywords); the
// caller adds the detail (figure, date). Extractors call it on a claim
// they have just added to their claims, so that it is built in place.
// `sentence_words` are the sentence's words (Document::sentence_words).
// When they are the Document's own, what the rules read at each word is
// computed on the sentence's first mention and reused for the others, so
// that each further mention costs about the size of its context window in
// array reads.
void FillMentionClaim(const Document& doc, const segment::Sentence& sentence,
                      const std::vector<internal::Word>& sentence_words,
                      crosscheck::v1::Claim::Kind kind, size_t begin,
                      size_t end, crosscheck::v1::Claim* claim);

}  // namespace crosscheck::extract

#endif  // SRC_EXTRACT_CONTEXT_H_
