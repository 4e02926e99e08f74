#include "src/extract/words.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "src/segment/segment.h"

namespace crosscheck::extract::internal {
namespace {

TEST(WordsTest, FoldsEachToken) {
  const std::string text = "Okafor’s  U.S. visit, $4.8bn";
  const std::vector<Word> words = Words(text, 0, text.size());
  ASSERT_EQ(words.size(), 6u);
  EXPECT_EQ(words[0].folded, "okafor's");
  EXPECT_TRUE(words[0].capitalized);
  EXPECT_EQ(words[0].possessive_bytes, 4u);
  EXPECT_EQ(words[0].begin, 0u);
  EXPECT_EQ(words[0].end, text.find("  "));
  EXPECT_EQ(words[1].folded, "u.s.");
  EXPECT_EQ(words[2].folded, "visit");
  EXPECT_FALSE(words[2].capitalized);
  EXPECT_EQ(words[3].kind, segment::TokenKind::kPunct);
  EXPECT_EQ(words[4].folded, "$");
  EXPECT_EQ(words[5].folded, "4.8bn");
  EXPECT_EQ(words[5].kind, segment::TokenKind::kNumber);
  EXPECT_EQ(words[5].possessive_bytes, 0u);
}

TEST(WordsTest, OnlyTheGivenRange) {
  const std::string text = "one two three";
  const std::vector<Word> words = Words(text, 4, 7);
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(words[0].folded, "two");
  EXPECT_EQ(words[0].begin, 4u);
}

TEST(PossessiveBytesTest, MeasuresTheApostropheAsWritten) {
  struct Case {
    const char* word;
    size_t bytes;
  };
  const Case kCases[] = {
      {"Okafor's", 2}, {"MONDAY'S", 2}, {"Okafor’s", 4}, {"WEEK’S", 4},
      {"Okafor‘s", 4}, {"Okafor", 0},   {"news", 0},     {"'s", 0},
      {"’s", 0},       {"s", 0},        {"", 0},         {"Reynolds'", 0},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(PossessiveBytes(c.word), c.bytes) << c.word;
  }
}

}  // namespace
}  // namespace crosscheck::extract::internal
