// Scoring quote attribution: the quotes crosscheck found in one text,
// matched against the quotes a test set expects there, and the counts the
// report sums. The rules are those of docs/accuracy.md, "Quote attribution".
//
//   const std::vector<const Claim*> found = QuoteClaims(claims, "");
//   const CaseOutcome o = ScoreExact(attribution_case.quotes(), found);
//   total.Add(o.tally);
//   total.Accuracy();

#ifndef TOOLS_QUOTE_EVAL_SCORE_H_
#define TOOLS_QUOTE_EVAL_SCORE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/repeated_field.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "proto/crosscheck/v1/expectation.pb.h"

namespace crosscheck::quote_eval {

// Counts over one case or a sum of cases.
struct Tally {
  int cases = 0;
  // Expected quotes, and found quotes that count (see ScorePeer).
  int expected = 0;
  int found = 0;
  // Expected quotes matched by a found quote (one-to-one).
  int matched = 0;
  // Matched quotes whose speaker is right.
  int right = 0;
  // Matched quotes whose form agrees, when the set states forms.
  int form_scored = 0;
  int form_agree = 0;
  // Matched quotes whose expected role is not empty, and those whose role
  // equals it.
  int role_scored = 0;
  int role_agree = 0;

  // Adds every count of `other`.
  void Add(const Tally& other);
  // right / (expected + found quotes that match no expected quote); 0 when
  // both are zero.
  double Accuracy() const;
  // matched / expected; 0 when nothing is expected.
  double Recall() const;
  // matched / found; 0 when nothing is found.
  double Precision() const;
  // right / matched; 0 when nothing matched.
  double SpeakerAccuracy() const;
  // The denominator of Accuracy.
  int AccuracyBase() const { return expected + found - matched; }
};

// The outcome of one case: which found quote matched which expected one,
// and whether each pair is right.
struct CaseOutcome {
  // Per expected quote: the index of the found quote it matched, or -1.
  std::vector<int> match;
  // Per expected quote: the speaker is right (false when unmatched).
  std::vector<bool> speaker_right;
  // Per expected quote: the form agrees, or is not scored (false when
  // unmatched).
  std::vector<bool> form_right;
  // Per expected quote: the role agrees or none is expected (false when
  // unmatched).
  std::vector<bool> role_right;
  // Per found quote: it matched an expected quote.
  std::vector<bool> found_matched;
  // Per found quote: it counts (a false positive when it did not match).
  std::vector<bool> found_counted;
  Tally tally;

  // True when an expected quote is missed or has the wrong speaker, form or
  // role, or a counted found quote matched nothing.
  bool Failed() const;
};

// The KIND_QUOTE claims of `claims`, of article `article_id` (any article
// when empty), in the order given (text order for one article's claims).
std::vector<const crosscheck::v1::Claim*> QuoteClaims(
    const std::vector<crosscheck::v1::Claim>& claims,
    absl::string_view article_id);

// Scores the own set and the fixture stories. An expected quote and a found
// quote match when `Quote.text` equals the expected `text` exactly; the
// match is one-to-one and in text order: each expected quote, in order,
// takes the first found quote after the previous match with that text. A
// pair is right when `Quote.speaker` equals the expected speaker (empty
// equals empty). Every found quote counts. Forms are scored (the expected
// form must equal `Quote.form`), and roles where the expected one is not
// empty.
CaseOutcome ScoreExact(const google::protobuf::RepeatedPtrField<
                           crosscheck::v1::ExpectedQuote>& expected,
                       const std::vector<const crosscheck::v1::Claim*>& found);

// One speaker token a peer suite expects, placed in the input.
struct PeerSpeaker {
  std::string text;
  // UTF-8 bytes, end exclusive.
  uint32_t begin = 0;
  uint32_t end = 0;
};

// One quotation a peer suite expects.
struct PeerQuote {
  // As the suite writes it, with the quote marks ("\"I love cats,\"").
  std::string text;
  // UTF-8 bytes of the input, end exclusive.
  uint32_t begin = 0;
  uint32_t end = 0;
  // The speaker tokens; empty when the suite names none.
  std::vector<PeerSpeaker> speakers;
  // NormalizeQuoteText of `text` without its outer marks, filled by the
  // caller (see NormalizedQuotation in quote_eval.h); a quote left empty
  // matches nothing.
  std::string normalized;
};

// One case of a peer suite (a JSONL line; format in the peer-suites
// README).
struct PeerCase {
  // Path under the peer-suites directory and 1-based line.
  std::string file;
  int line = 0;
  // "textacy" or "recognizers-text".
  std::string suite;
  int case_index = 0;
  std::string input;
  // True when the suite annotates speakers (textacy): pairs are scored by
  // PeerSpeakerRight, and title and scare quotes (Quote.form FORM_TITLE,
  // FORM_SCARE) count as found only when they match. Otherwise
  // (Recognizers-Text quoted text) spans alone are scored and every found quote
  // counts.
  bool speakers_scored = false;
  // The case is commented out upstream (`disabled_in_suite`); still scored.
  bool disabled_in_suite = false;
  std::vector<PeerQuote> expected;
};

// Parses one JSONL line of `file` with protobuf's JSON parser. Errors are
// kInvalidArgument "FILE:LINE: ..." for a line that is not a JSON object,
// lacks a string `input` or an `expected` list, or has a quote or speaker
// without a valid byte span.
absl::StatusOr<PeerCase> ParsePeerCase(absl::string_view json_line,
                                       absl::string_view file, int line);

// True for the personal pronouns a speaker token may be ("he", "She",
// "they", "I", "we", "you", "it").
bool IsPronoun(absl::string_view token);

// Whether `found`'s speaker is the one `expected` names, by the rule of
// docs/accuracy.md: every speaker token must be satisfied. A name token is
// satisfied when it is one of the words of `Quote.speaker` (ASCII case
// ignored); a pronoun token when `Quote.speaker_span` overlaps the
// pronoun's bytes, or when `Quote.speaker` is not empty and each of its
// words occurs capitalized, as a whole word, in `input` before the pronoun.
// Expected without speaker tokens: right when `Quote.speaker` is empty.
bool PeerSpeakerRight(const PeerQuote& expected,
                      const crosscheck::v1::Claim& found,
                      absl::string_view input);

// Scores a peer-suite case. An expected quote and a found quote match when
// their byte spans overlap and the found `Quote.normalized` equals the
// expected `normalized` (not empty); one-to-one, each expected quote in
// order taking the first such found quote not yet taken. A pair is right by
// PeerSpeakerRight when the case scores speakers, else when it matched.
// Forms and roles are not scored.
CaseOutcome ScorePeer(const PeerCase& c,
                      const std::vector<const crosscheck::v1::Claim*>& found);

}  // namespace crosscheck::quote_eval

#endif  // TOOLS_QUOTE_EVAL_SCORE_H_
