#include "src/base/utf8.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck::base {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(DecodeUtf8Test, DecodesEachLength) {
  const std::string text = "a\xC3\xA9\xE2\x80\x9C\xF0\x9F\x98\x80";  // aé“😀
  int len;
  EXPECT_EQ(DecodeUtf8(text, 0, &len), U'a');
  EXPECT_EQ(len, 1);
  EXPECT_EQ(DecodeUtf8(text, 1, &len), U'é');
  EXPECT_EQ(len, 2);
  EXPECT_EQ(DecodeUtf8(text, 3, &len), U'“');
  EXPECT_EQ(len, 3);
  EXPECT_EQ(DecodeUtf8(text, 6, &len), char32_t{0x1F600});
  EXPECT_EQ(len, 4);
  EXPECT_EQ(DecodeUtf8Before(text, 6, &len), U'“');
  EXPECT_EQ(len, 3);
}

TEST(DecodeUtf8Test, InvalidSequencesDecodeAsOneReplacementByte) {
  int len;
  for (const std::string bad :
       {"\x80", "\xC3", "\xE2\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF5\x80\x80\x80",
        "\xFF"}) {
    EXPECT_EQ(DecodeUtf8(bad, 0, &len), kReplacementChar) << bad;
    EXPECT_EQ(len, 1);
  }
}

TEST(ToLowerTest, CapitalsOfEachScript) {
  const std::pair<char32_t, char32_t> cases[] = {
      {U'A', U'a'}, {U'z', U'z'}, {U'É', U'é'}, {U'×', U'×'}, {U'Ā', U'ā'},
      {U'ā', U'ā'}, {U'Ł', U'ł'}, {U'ł', U'ł'}, {U'Ň', U'ň'}, {U'Ž', U'ž'},
      {U'ž', U'ž'}, {U'Ÿ', U'ÿ'}, {U'Ő', U'ő'}, {U'Σ', U'σ'}, {U'Д', U'д'},
      {U'Ё', U'ё'}, {U'“', U'“'}};
  for (const auto& [upper, lower] : cases) {
    EXPECT_EQ(ToLower(upper), lower) << static_cast<uint32_t>(upper);
  }
}

TEST(RepairUtf8Test, ReplacesInvalidBytesAndReportsOffsets) {
  std::vector<size_t> offsets;
  EXPECT_EQ(RepairUtf8("ok \xFF and \xE2\x80 end", &offsets),
            "ok \xEF\xBF\xBD and \xEF\xBF\xBD\xEF\xBF\xBD end");
  EXPECT_THAT(offsets, ElementsAre(3, 9, 10));
}

TEST(RepairUtf8Test, ValidTextIsUnchanged) {
  std::vector<size_t> offsets;
  const std::string text = "“Okafor’s” visit — 4.8%";
  EXPECT_EQ(RepairUtf8(text, &offsets), text);
  EXPECT_THAT(offsets, IsEmpty());
}

TEST(RepairUtf8Test, InvalidByteAtEveryPlaceOfALongAsciiRun) {
  // ASCII runs are copied in blocks: a bad byte or a multi-byte character
  // must be found wherever it falls in or after a block.
  const std::string ascii(40, 'a');
  for (size_t at = 0; at <= ascii.size(); ++at) {
    SCOPED_TRACE(at);
    const std::string before = ascii.substr(0, at);
    const std::string after = ascii.substr(at);
    std::vector<size_t> offsets;
    EXPECT_EQ(RepairUtf8(before + "\xFF" + after, &offsets),
              before + "\uFFFD" + after);
    EXPECT_EQ(offsets, std::vector<size_t>{at});
    offsets.clear();
    EXPECT_EQ(RepairUtf8(before + "\u00e9\u2014" + after, &offsets),
              before + "\u00e9\u2014" + after);
    EXPECT_TRUE(offsets.empty());
  }
}

TEST(LineIndexTest, LinesAndCodePointColumns) {
  const std::string text = "one\n“two” three\n\nfour";
  const LineIndex index(text);
  EXPECT_EQ(index.Line(0), 1u);
  EXPECT_EQ(index.Column(0), 1u);
  const size_t three = text.find("three");
  EXPECT_EQ(index.Line(three), 2u);
  EXPECT_EQ(index.Column(three), 7u);  // “two” is 5 code points, then space
  EXPECT_EQ(index.Line(text.find("four")), 4u);
  EXPECT_EQ(index.LineStart(three), 4u);
}

TEST(LineIndexTest, ColumnsOnAVeryLongLineCountCodePoints) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "a“";  // 1 + 3 bytes
  text += "\nxyz";
  const LineIndex index(text);
  EXPECT_EQ(index.Column(4 * 70000), 140001u);
  EXPECT_EQ(index.Column(4 * 70000 + 1), 140002u);
  EXPECT_EQ(index.Column(text.size() - 1), 3u);
  EXPECT_EQ(index.Line(text.size() - 1), 2u);
  EXPECT_EQ(index.Column(text.size()), 4u);
}

}  // namespace
}  // namespace crosscheck::base
