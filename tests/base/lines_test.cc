#include "src/base/lines.h"

#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "src/base/utf8.h"

namespace crosscheck::base {
namespace {

TEST(SplitLinesTest, DropsLineEndings) {
  const std::vector<LineRange> lines = SplitLines("a\r\nbc\n");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].begin, 0u);
  EXPECT_EQ(lines[0].end, 1u);
  EXPECT_EQ(lines[1].begin, 3u);
  EXPECT_EQ(lines[1].end, 5u);
  EXPECT_EQ(lines[2].begin, 6u);
  EXPECT_EQ(lines[2].end, 6u);
}

TEST(SplitLinesTest, EmptyTextAndLoneCarriageReturn) {
  const std::vector<LineRange> empty = SplitLines("");
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_EQ(empty[0].begin, 0u);
  EXPECT_EQ(empty[0].end, 0u);
  // A "\r" ending a line is dropped, also at the end of the text; one at
  // its start is kept.
  const std::vector<LineRange> lines = SplitLines("\r\n\rx\r");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].end, 0u);
  EXPECT_EQ(lines[1].begin, 2u);
  EXPECT_EQ(lines[1].end, 4u);
}

TEST(LineAtTest, StepsThroughTheLinesOfSplitLines) {
  const std::string text = "first\n\nthird\r\n";
  std::vector<LineRange> stepped;
  for (size_t pos = 0; pos <= text.size();) {
    stepped.push_back(LineAt(text, pos, &pos));
  }
  const std::vector<LineRange> split = SplitLines(text);
  ASSERT_EQ(stepped.size(), split.size());
  for (size_t i = 0; i < split.size(); ++i) {
    EXPECT_EQ(stepped[i].begin, split[i].begin);
    EXPECT_EQ(stepped[i].end, split[i].end);
  }
}

TEST(LineCursorTest, LinesAndCodePointColumns) {
  const std::string text = "one\n“two” three\n\nfour";
  LineCursor cursor(text);
  cursor.MoveTo(0);
  EXPECT_EQ(cursor.line(), 1u);
  EXPECT_EQ(cursor.column(), 1u);
  cursor.MoveTo(text.find("three"));
  EXPECT_EQ(cursor.line(), 2u);
  EXPECT_EQ(cursor.column(), 7u);  // “two” is 5 code points, then space
  cursor.MoveTo(text.find("four"));
  EXPECT_EQ(cursor.line(), 4u);
  EXPECT_EQ(cursor.column(), 1u);
  cursor.MoveTo(text.size() + 10);
  EXPECT_EQ(cursor.line(), 4u);
  EXPECT_EQ(cursor.column(), 5u);
  cursor.MoveTo(1);  // back: starts over
  EXPECT_EQ(cursor.line(), 1u);
  EXPECT_EQ(cursor.column(), 2u);
}

TEST(LineCursorTest, EmptyText) {
  LineCursor cursor("");
  cursor.MoveTo(3);
  EXPECT_EQ(cursor.line(), 1u);
  EXPECT_EQ(cursor.column(), 1u);
}

// Random texts of ASCII, multibyte and invalid bytes, newlines and "\r":
// the cursor agrees with LineIndex at every offset, visited in steps.
TEST(LineCursorTest, AgreesWithLineIndex) {
  const std::string pieces[] = {"a", "bc", "\n", "\r\n", "é", "“", "😀",
                                "\x80", "\xC3", "\xFF", "  ", "0123456789"};
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const int count = static_cast<int>(rng() % 60);
    for (int i = 0; i < count; ++i) text += pieces[rng() % std::size(pieces)];
    const LineIndex index(text);
    LineCursor cursor(text);
    for (size_t offset = 0; offset <= text.size() + 1;
         offset += rng() % 4) {
      cursor.MoveTo(offset);
      ASSERT_EQ(cursor.line(), index.Line(offset)) << round << " " << offset;
      ASSERT_EQ(cursor.column(), index.Column(offset))
          << round << " " << offset;
    }
  }
}

// Long lines, and long steps between offsets: the code points are counted
// many bytes at a time, over runs longer than 255 blocks of 16 bytes too.
TEST(LineCursorTest, LongLinesAgreeWithLineIndex) {
  const std::string pieces[] = {"a",    "bc",   "é",  "“",          "😀", "\x80",
                                "\xC3", "\xFF", "  ", "0123456789", "\n"};
  std::mt19937 rng(11);
  for (int round = 0; round < 20; ++round) {
    std::string text;
    while (text.size() < 12000) {
      // Newlines are rare: one piece in a hundred, none in one round of
      // four.
      const bool newline = rng() % 100 == 0 && round % 4 != 3;
      const size_t piece =
          newline ? std::size(pieces) - 1 : rng() % (std::size(pieces) - 1);
      text += pieces[piece];
    }
    const LineIndex index(text);
    LineCursor cursor(text);
    for (size_t offset = 0; offset <= text.size() + 1;
         offset += rng() % (round % 2 == 0 ? 80 : 5000)) {
      cursor.MoveTo(offset);
      ASSERT_EQ(cursor.line(), index.Line(offset)) << round << " " << offset;
      ASSERT_EQ(cursor.column(), index.Column(offset))
          << round << " " << offset;
    }
  }
}

}  // namespace
}  // namespace crosscheck::base
