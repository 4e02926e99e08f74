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

// The event a date is the date of, when a noun that names a happening
// (data/event_nouns.tsv) is attached to it: that noun's canonical event
// ("earthquake" for "quake"), a view valid for the life of the program;
// empty when there is none. The date is the tokens [begin, end) of
// `words`, its sentence's words (a possessive "'s" may have been cut from
// their folded forms; Word::possessive_bytes still tells). The noun is
//  - after a possessive date, up to three modifiers on ("Saturday’s
//    earthquake", "last week’s EU summit", "Saturday morning’s quake");
//  - after a date that follows a determiner or a possessive, up to three
//    modifiers on ("the 1987 earthquake", "The March 8 earthquake", "the
//    2016 presidential election", "Tarvia’s October 1987 earthquake");
//  - right after any other date ("rescuers after Saturday quake");
//  - before "of", "on" or "in" and the date ("the earthquake of October
//    14, 1987", "the floods of 2014", "the vote on June 3"), unless a word
//    that makes it a verb comes before it ("to", an auxiliary, a subject
//    pronoun: "will vote on June 3").
//  - else the subject of a verb of data/happening_verbs.tsv (struck, began,
//    ended, …) up to eight words before the date in its clause, right
//    before the verb or with an auxiliary, "that" or ", which" between
//    ("The earthquake struck the valley before dawn on Saturday", "the
//    strike had begun on Monday", "the walkout, which started Oct. 6").
// After the date the noun phrase ends at punctuation, a stop word, a plural
// noun that names no event ("Monday’s figures show floods") or a verb form
// after a modifier ("the 2019 study found floods"); a participle may modify
// the noun right after the date ("Saturday’s devastating earthquake").
// Times of day are never events ("by Monday evening"), nor are nouns the
// file leaves out ("the March 8 deadline", "the 2019 study"). Reads at most
// a few words on either side of the date: constant work per date.
absl::string_view FindDateEvent(const std::vector<internal::Word>& words,
                                int begin, int end);

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
