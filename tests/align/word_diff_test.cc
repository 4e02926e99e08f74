// Word diffs of quotations: DiffWords gives an edit script that spells both
// versions, and DiffVersions compares every version of a quote with the
// longest one.

#include "src/align/word_diff.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck::align {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// The words an edit script keeps from each side: common and deleted words
// spell the base, common and added words the other version.
std::vector<std::string> Side(const std::vector<WordEdit>& edits,
                              WordEdit::Op other) {
  std::vector<std::string> words;
  for (const WordEdit& e : edits) {
    if (e.op == WordEdit::Op::kCommon || e.op == other) {
      words.push_back(e.word);
    }
  }
  return words;
}

// "a [-b-] {+c+}": an edit script written the way the reports show it.
std::string Show(const std::vector<WordEdit>& edits) {
  std::string out;
  for (const WordEdit& e : edits) {
    if (!out.empty()) out += ' ';
    switch (e.op) {
      case WordEdit::Op::kCommon:
        out += e.word;
        break;
      case WordEdit::Op::kDeleted:
        out += "[-" + e.word + "-]";
        break;
      case WordEdit::Op::kAdded:
        out += "{+" + e.word + "+}";
        break;
    }
  }
  return out;
}

TEST(DiffWordsTest, EditScriptSpellsBothVersions) {
  const struct {
    const char* a;
    const char* b;
  } kCases[] = {
      {"a new chapter of trust", "a new chapter of cooperation"},
      {"this visit opens a new chapter", "a new chapter"},
      {"our economy is ready", "[Valdoria’s] economy is ready"},
      {"", "one two three"},
      {"one two three", ""},
      {"the the the", "the cat the"},
  };
  for (const auto& c : kCases) {
    const std::vector<std::string> a = QuoteWords(c.a), b = QuoteWords(c.b);
    const std::vector<WordEdit> edits = DiffWords(a, b);
    EXPECT_EQ(Side(edits, WordEdit::Op::kDeleted), a) << c.a << " / " << c.b;
    EXPECT_EQ(Side(edits, WordEdit::Op::kAdded), b) << c.a << " / " << c.b;
  }
}

TEST(DiffWordsTest, OneChangedWordIsOneDeletionAndOneAddition) {
  EXPECT_EQ(Show(DiffWords(QuoteWords("A new chapter of trust,"),
                           QuoteWords("A new chapter of cooperation,"))),
            "a new chapter of [-trust-] {+cooperation+}");
}

TEST(DiffVersionsTest, FragmentsAreComparedWithTheFullQuote) {
  // The fragment comes first, yet the full quote is the base.
  const VersionsDiff d = DiffVersions({QuoteWords("a new chapter"),
                                       QuoteWords("This visit opens a new "
                                                  "chapter of trust."),
                                       QuoteWords("a new chapter of trust")});
  EXPECT_EQ(d.base, 1u);
  ASSERT_EQ(d.diffs.size(), 2u);
  EXPECT_EQ(d.diffs[0].version, 0u);
  EXPECT_EQ(Show(d.diffs[0].edits),
            "[-this-] [-visit-] [-opens-] a new chapter [-of-] [-trust-]");
  EXPECT_EQ(d.diffs[1].version, 2u);
  EXPECT_EQ(Show(d.diffs[1].edits),
            "[-this-] [-visit-] [-opens-] a new chapter of trust");
}

TEST(DiffVersionsTest, OnATieTheFirstLongestIsTheBase) {
  const VersionsDiff d =
      DiffVersions({QuoteWords("short"), QuoteWords("chapter of trust"),
                    QuoteWords("chapter of cooperation")});
  EXPECT_EQ(d.base, 1u);
  ASSERT_EQ(d.diffs.size(), 2u);
  EXPECT_EQ(Show(d.diffs[1].edits), "chapter of [-trust-] {+cooperation+}");
}

TEST(DiffVersionsTest, VersionsWithTheBaseWordsAreLeftOut) {
  // Punctuation and case are not words: the second version is the same.
  const VersionsDiff d =
      DiffVersions({QuoteWords("We will see."), QuoteWords("we will see"),
                    QuoteWords("we shall see")});
  EXPECT_EQ(d.base, 0u);
  ASSERT_EQ(d.diffs.size(), 1u);
  EXPECT_EQ(d.diffs[0].version, 2u);
  EXPECT_THAT(DiffVersions({QuoteWords("a b"), QuoteWords("A, b!")}).diffs,
              IsEmpty());
  EXPECT_THAT(DiffVersions({QuoteWords("a b")}).diffs, IsEmpty());
  EXPECT_THAT(DiffVersions({}).diffs, IsEmpty());
}

TEST(DiffVersionsTest, VersionsTooLongTogetherAreNotDiffed) {
  std::vector<std::string> a, b;
  for (size_t i = 0; i < kMaxDiffWords / 2 + 1; ++i) {
    a.push_back("w" + std::to_string(i));
    b.push_back("v" + std::to_string(i));
  }
  const VersionsDiff d = DiffVersions({a, b});
  ASSERT_EQ(d.diffs.size(), 1u);
  EXPECT_TRUE(d.diffs[0].too_long);
  EXPECT_THAT(d.diffs[0].edits, IsEmpty());
  // Just within the limit, the versions are diffed.
  a.pop_back();
  b.pop_back();
  const VersionsDiff within = DiffVersions({a, b});
  ASSERT_EQ(within.diffs.size(), 1u);
  EXPECT_FALSE(within.diffs[0].too_long);
  EXPECT_EQ(Side(within.diffs[0].edits, WordEdit::Op::kAdded), b);
}

}  // namespace
}  // namespace crosscheck::align
