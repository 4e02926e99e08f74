// FindDates and FindFigures try a claim only near a word that can anchor
// one, and FindDates there only the patterns that can start at the token;
// these tests check that they find exactly what trying at every token
// finds, on generated news text and on the claims whose first anchor lies
// furthest from their start.

#include <string>
#include <vector>

#include "bench/corpus_generator.h"
#include "gtest/gtest.h"
#include "proto/crosscheck/v1/article.pb.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "src/extract/dates.h"
#include "src/extract/document.h"
#include "src/extract/figures.h"
#include "src/extract/word_classes.h"

namespace crosscheck::extract {
namespace {

using crosscheck::v1::Article;
using crosscheck::v1::Claim;
using crosscheck::v1::Note;

// Claims and notes of both scans, serialized for comparison.
void ExpectSameScan(const Article& article) {
  const Document doc = MakeDocument(article);
  std::vector<Claim> filtered_claims, every_claims;
  std::vector<Note> filtered_notes, every_notes;
  FindDates(doc, &filtered_claims, &filtered_notes);
  internal::FindDatesAtEveryToken(doc, &every_claims, &every_notes);
  ASSERT_EQ(filtered_claims.size(), every_claims.size()) << article.text();
  for (size_t i = 0; i < every_claims.size(); ++i) {
    EXPECT_EQ(filtered_claims[i].DebugString(), every_claims[i].DebugString())
        << article.text();
  }
  ASSERT_EQ(filtered_notes.size(), every_notes.size()) << article.text();
  for (size_t i = 0; i < every_notes.size(); ++i) {
    EXPECT_EQ(filtered_notes[i].DebugString(), every_notes[i].DebugString());
  }
  // The figure classes the date scan hands on are those of the figure scan.
  EXPECT_EQ(internal::WrittenScanClassMismatches(doc),
            std::vector<std::string>())
      << article.text();
  // No date pattern is skipped at a token where it would read a date.
  EXPECT_EQ(internal::DateGateViolations(doc), std::vector<std::string>())
      << article.text();
  std::vector<segment::Range> taken;
  for (const Claim& date : every_claims) {
    taken.push_back({date.span().begin(), date.span().end()});
  }
  std::vector<Claim> filtered_figures, every_figures;
  FindFigures(doc, taken, &filtered_figures);
  internal::FindFiguresAtEveryToken(doc, taken, &every_figures);
  ASSERT_EQ(filtered_figures.size(), every_figures.size()) << article.text();
  for (size_t i = 0; i < every_figures.size(); ++i) {
    EXPECT_EQ(filtered_figures[i].DebugString(),
              every_figures[i].DebugString())
        << article.text();
  }
  // The figure scan alone, with no classes handed on, finds the same.
  const Document alone = MakeDocument(article);
  std::vector<Claim> alone_figures;
  FindFigures(alone, taken, &alone_figures);
  ASSERT_EQ(alone_figures.size(), filtered_figures.size()) << article.text();
  for (size_t i = 0; i < alone_figures.size(); ++i) {
    EXPECT_EQ(alone_figures[i].DebugString(),
              filtered_figures[i].DebugString())
        << article.text();
  }
  // No token where a figure starts is skipped by the gate of FindFigures.
  EXPECT_EQ(internal::FigureGateViolations(doc), std::vector<std::string>())
      << article.text();
}

// The classes the date scan hands on are read only for the Document they
// were written for: not for a copy whose sentences have since changed,
// which keeps the serial; and they are dropped when another Document is
// scanned.
TEST(ScanTest, HandedOnClassesOnlyForTheWordsTheyWereWrittenFor) {
  Article article;
  article.set_text(
      "The ministers met on June 5, 2024. They signed four agreements "
      "worth $48 billion. Two more are due next week.");
  article.set_published("2024-06-07");
  const Document doc = MakeDocument(article);
  ASSERT_EQ(doc.sentence_words.size(), 3u);
  std::vector<Claim> claims;
  std::vector<Note> notes;
  FindDates(doc, &claims, &notes);
  EXPECT_TRUE(internal::WrittenScanClasses(doc).found());

  Document same = doc;
  EXPECT_TRUE(internal::WrittenScanClasses(same).found());
  Document fewer_words = doc;
  fewer_words.sentence_words[1].pop_back();
  EXPECT_FALSE(internal::WrittenScanClasses(fewer_words).found());
  Document fewer_sentences = doc;
  fewer_sentences.sentence_words.pop_back();
  EXPECT_FALSE(internal::WrittenScanClasses(fewer_sentences).found());

  const Document other = MakeDocument(article);
  FindDates(other, &claims, &notes);
  EXPECT_TRUE(internal::WrittenScanClasses(other).found());
  EXPECT_FALSE(internal::WrittenScanClasses(doc).found());
}

TEST(ScanTest, SameClaimsAsEveryTokenOnGeneratedNews) {
  bench::CorpusOptions options;
  options.target_bytes = 300 << 10;
  for (const uint64_t seed : {1, 2, 3}) {
    options.seed = seed;
    int dates = 0;
    for (const Article& article : bench::GenerateCorpus(options)) {
      ExpectSameScan(article);
      std::vector<Claim> claims;
      std::vector<Note> notes;
      FindDates(MakeDocument(article), &claims, &notes);
      dates += static_cast<int>(claims.size());
    }
    EXPECT_GT(dates, 100) << "seed " << seed;  // the corpus has dates
  }
}

TEST(ScanTest, SameClaimsForClaimsThatStartFarBeforeTheirAnchor) {
  const char* const kSentences[] = {
      "Talks will run until the end of the rest of the current year.",
      "Output fell for the rest of the current year, he said.",
      "It rose at the end of next year and within the next 10 months.",
      "Prices fell earlier this month and late this morning.",
      "They met in mid-November, the week before last, and this upcoming "
      "Friday they meet again.",
      "The deal ran from the beginning of the decade to the end of 2008.",
      "No date here at all, only words and more words and the end.",
      "Sales grew for the rest of the decade, the day after tomorrow, a "
      "week from now and three years ago.",
      "Prices rose in the seventies, the nineteen eighties and the "
      "noughties, and in the '40s.",
      "It ends within the next couple of weeks, within the coming few "
      "days, less than a couple of days after tomorrow.",
      "No more than US$ 50 and no less than twenty, bigger or equal than "
      "three thousand nine hundred and sixty five, per cent of 10.",
      "Boeing 737 jets and a Catch-22 for more than a decade, minus 5, "
      "several dozen, a dozen and a half.",
      // Anchors the classes of a word alone do not tell: fused numbers,
      // vulgar fractions, hyphenated and possessive words.
      "She came twentyfifth of fortytwo, ate \u00BD of it and a thirds of "
      "the rest, a four-day stay on Monday's fifty-two seats.",
  };
  for (const char* text : kSentences) {
    for (const char* published : {"2024-06-07", ""}) {
      Article article;
      article.set_id("a");
      article.set_text(text);
      article.set_published(published);
      ExpectSameScan(article);
    }
  }
}

}  // namespace
}  // namespace crosscheck::extract
