// What a mention is about: lemmas, the predicate that governs it and the
// keywords around it. Shared by the figure and date extractors; the aligner
// compares claims across articles by these.

#ifndef SRC_EXTRACT_CONTEXT_H_
#define SRC_EXTRACT_CONTEXT_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "src/extract/document.h"
#include "src/segment/segment.h"

namespace crosscheck::extract {

// Lemma of one English word, lowercased: "times" -> "time", "deputies" ->
// "deputy", "met" -> "meet", "signed" -> "sign". Irregular forms come from
// data/irregular_words.tsv; the rest from suffix rules. Never empty for a
// non-empty word.
std::string Lemma(absl::string_view word);

// The predicate of a mention: the canonical event phrase from
// data/events.tsv found in the sentence nearest to the mention ("take
// office" for "took office", "was sworn in"), else the lemma of the nearest
// verb, else empty. `mention` must lie inside `sentence`.
std::string FindPredicate(const Document& doc,
                          const segment::Sentence& sentence,
                          segment::Range mention);

// Content-word lemmas of the sentence (stop words from data/stopwords.tsv
// dropped), nearest to the mention first, at most `limit`, no duplicates.
std::vector<std::string> FindKeywords(const Document& doc,
                                      const segment::Sentence& sentence,
                                      segment::Range mention, int limit);

}  // namespace crosscheck::extract

#endif  // SRC_EXTRACT_CONTEXT_H_
