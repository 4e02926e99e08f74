// Lemma recursed once per "y" of a run, so "5 yyy…yyed" overflowed the stack.
//
// IsVowelAt called itself for each "y" before a "y" (a "y" is a vowel after
// a consonant), and Lemma reached it through RestoreStem and Measure, which
// was also quadratic. A word of a million y's crashed FindFigures, which
// lemmatizes the noun after a number.

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "proto/crosscheck/v1/article.pb.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "src/extract/context.h"
#include "src/extract/document.h"
#include "src/extract/figures.h"

namespace crosscheck::extract {
namespace {

constexpr size_t kRun = 1000000;

TEST(LemmaYRunTest, MillionYWordIsReturnedFolded) {
  const std::string word = std::string(kRun, 'y') + "ed";
  EXPECT_EQ(Lemma(word), word);
  EXPECT_EQ(Lemma(std::string(kRun, 'Y') + "ED"), word);
  EXPECT_EQ(Lemma(std::string(kRun, 'y') + "ing"),
            std::string(kRun, 'y') + "ing");
}

TEST(LemmaYRunTest, WordsUpToSixtyFourBytesAreStillLemmatized) {
  EXPECT_EQ(Lemma("stayed"), "stay");
  EXPECT_EQ(Lemma("denied"), "deny");
  EXPECT_EQ(Lemma("hoped"), "hope");
  EXPECT_EQ(Lemma("stopped"), "stop");
  // 64 bytes: lemmatized; 65 bytes: returned folded.
  const std::string stem63 = std::string(60, 'y') + "ark";
  EXPECT_EQ(Lemma(stem63 + "s"), stem63);
  EXPECT_EQ(Lemma("Y" + stem63 + "s"), "y" + stem63 + "s");
  // A run of y's inside a short word goes through the vowel rules.
  EXPECT_EQ(Lemma(std::string(40, 'y') + "ed"), std::string(40, 'y'));
}

TEST(LemmaYRunTest, MillionYWordAfterANumberThroughFindFigures) {
  crosscheck::v1::Article article;
  article.set_id("a");
  article.set_text("The survey counted 5 " + std::string(kRun, 'y') +
                   "ed on Monday.");
  article.set_published("2024-06-05");
  const Document doc = MakeDocument(article);
  std::vector<crosscheck::v1::Claim> claims;
  FindFigures(doc, {}, &claims);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].text(), "5");
  EXPECT_EQ(claims[0].figure().value(), 5);
}

}  // namespace
}  // namespace crosscheck::extract
