// Figure extraction: counts, ordinals, money, percentages and durations.

#ifndef SRC_EXTRACT_FIGURES_H_
#define SRC_EXTRACT_FIGURES_H_

#include <cstdint>
#include <string>
#include <utility>
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
// ("bn", "m", "k") count for money ("$4.8bn", "£3.5m", "4.8bn dollars");
// outside money "bn" counts anywhere ("2bn people") and "m" and "k" before
// a plural noun or "of" ("3.5m units", "20k jobs"), never after "a", "an"
// or "the" ("the 400m freestyle", "a 5k run" are no figures).
//
// An earthquake's magnitude has the unit "magnitude", whichever way it is
// written ("magnitude 6.9 earthquake", "a magnitude of 6.9", "the
// 6.9-magnitude earthquake", "the magnitude-6.9 quake", "a 7.1 magnitude
// quake", "6.9 on the Richter scale"; data/units.tsv), and counts the noun
// after it as any figure does ("earthquake"), so it is never taken for a
// count. A unit written before the number stays out of the span ("6.9" of
// "magnitude 6.9"), and a bound before that unit qualifies the figure
// ("above magnitude 5": more than 5). A unit of one word may be joined to
// the digits by a hyphen on its side ("10-percent", "6.9-magnitude").
//
// Fractions are stored as their number: "two thirds" 0.667, "one and a
// half" 1.5, "half a million" 500000, "5 million and a half" 5500000. A
// share with no whole part ("half of the delegates", "a third of the
// budget", "two-thirds") has unit "fraction" and counts the noun after
// "of"; "half" alone without such a noun is none ("cut in half"). A
// singular ordinal is a denominator only after "a" or "one" with no noun
// after it ("a third of", not "a third term"); "second(s)" never is. Signs
// ("-1.2" after a space, "minus 5", "negative five") make the value
// negative. Digits compose with number words ("3 hundred and 21", "322
// hundred", "13 lakh", "4 crores"). A number expression that is the whole
// sentence (a bare phrase: "sixteen", "twenty-fifth", "100k") is a figure
// by itself. Vague quantities ("dozens of", "tens of thousands of", "a
// record number of") stay VAGUE with no value: they bound nothing a reader
// could check. Money subunits are stored in the main unit ("50 cents" is
// 0.50 USD; "3 dollars 50 cents" 3.50); a currency code may be written
// against the digits ("USD115", "115USD"). Open bounds of opposite sides
// joined by "and", "but" or a comma are one range ("at most 100 and at
// least 20"); qualifiers may follow the number ("200 or more", "less than
// 50 or equal"), but not before "than" ("5000 or less than 6000" is two).
// "equal to 20" and "equals 20" are the range [20, 20]. A bare amount
// below 100 after a whole amount of money and its currency, ending the
// clause, counts hundredths ("15 dollars 50" 15.50, "17 USD 25" 17.25); a
// code may take a magnitude after it ("75 USD million"). After "and", a
// multiplier no smaller than the last starts a new number ("3 hundred and 2
// hundred" are two). A number restated in parentheses is one figure ("45
// (forty-five)"). After a qualifier, "a"/"an" and a time unit is one of it
// ("more than a decade": MORE_THAN 1 decade). Numbers in web addresses are
// none ("%20"). Fractions may be written in digits ("3/4", "2 1/4", "½") or
// as ratios ("1 over 3", "one in five"); digit groups may be written apart
// ("40 000"); "fifty - two" and "twentyfifth" are 52 and 25th. An ordinal
// word after a verb of ranking is a rank ("finished second"); after "a" it
// needs a noun ("a second term", not "wait a second").
void FindFigures(const Document& doc, const std::vector<segment::Range>& taken,
                 std::vector<crosscheck::v1::Claim>* claims);

namespace internal {

// The folded words that the figure scan classifies, each with its classes
// (bits that say what phrases it may start or whether it may anchor a
// figure), for a table that looks a token up once for both the date and the
// figure scans (internal::ScanClassesToWrite). Every other word has none.
std::vector<std::pair<std::string, uint8_t>> ScanClassWords();

// Where the classes FindDates handed on for the tokens of `doc` differ
// from those the figure scan would look up itself (each token with what
// differs), or a token is marked a short plain word whose classes alone do
// not tell whether it anchors a figure: empty when none does, which tests
// check. Asked after FindDates(doc) on the same thread.
std::vector<std::string> WrittenScanClassMismatches(const Document& doc);

// FindFigures trying a figure at every token, and looking up every phrase
// a figure may start or end with. FindFigures tries one only a few tokens
// before a word that can anchor a figure (a number, number or magnitude
// word, currency, time unit, vague quantity), and looks a qualifier,
// currency or unit phrase up only at a word that starts one; both give the
// same claims, which tests check.
void FindFiguresAtEveryToken(const Document& doc,
                             const std::vector<segment::Range>& taken,
                             std::vector<crosscheck::v1::Claim>* claims);

// FindFigures also skips the tokens where, from what they are, no figure can
// start (a gate on the first words a figure reads). Returns, for each token
// of `doc` the gate skips where a figure starts all the same, the token and
// the figure's text ("in: in excess of 30"): empty when the gate skips
// nothing it should try, which tests check.
std::vector<std::string> FigureGateViolations(const Document& doc);

}  // namespace internal

}  // namespace crosscheck::extract

#endif  // SRC_EXTRACT_FIGURES_H_
