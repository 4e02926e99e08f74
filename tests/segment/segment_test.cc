#include "src/segment/segment.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace crosscheck::segment {
namespace {

std::vector<std::string> Sentences(const std::string& text,
                                   const std::vector<Range>& skip = {}) {
  std::vector<std::string> out;
  for (const Sentence& s : Segment(text, skip).sentences) {
    out.push_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

std::vector<std::string> Tokens(const std::string& text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text, 0, text.size())) {
    out.push_back(text.substr(t.begin, t.end - t.begin));
  }
  return out;
}

TEST(SegmentTest, SplitsAtSentenceEnds) {
  EXPECT_EQ(Sentences("The visit began. It ended well! Why? Nobody knows."),
            (std::vector<std::string>{"The visit began.", "It ended well!",
                                      "Why?", "Nobody knows."}));
}

TEST(SegmentTest, AbbreviationsDoNotEndSentences) {
  EXPECT_EQ(Sentences("Mr. Solberg met Dr. Berg and Ms. Okafor on Sept. 3. "
                      "Then they left."),
            (std::vector<std::string>{
                "Mr. Solberg met Dr. Berg and Ms. Okafor on Sept. 3.",
                "Then they left."}));
}

TEST(SegmentTest, InitialsAndDecimalsDoNotEndSentences) {
  EXPECT_EQ(Sentences("A. Okafor said trade grew 4.8 percent. Good."),
            (std::vector<std::string>{
                "A. Okafor said trade grew 4.8 percent.", "Good."}));
}

TEST(SegmentTest, DottedAbbreviationMidSentenceAndAtEnd) {
  EXPECT_EQ(Sentences("The U.S. Senate agreed. Talks with the U.N. The end."),
            (std::vector<std::string>{"The U.S. Senate agreed.",
                                      "Talks with the U.N.", "The end."}));
}

TEST(SegmentTest, QuoteClosersStayWithTheirSentence) {
  const std::string text =
      "“We will win.” She smiled. “Why?” she asked. “Now,” he said.";
  EXPECT_EQ(Sentences(text),
            (std::vector<std::string>{"“We will win.”", "She smiled.",
                                      "“Why?” she asked.",
                                      "“Now,” he said."}));
}

TEST(SegmentTest, ParagraphsFromBlankLinesAndWrappedLines) {
  const std::string text = "First line\nwraps here.\n\nSecond para.\n";
  const Segmentation seg = Segment(text, {});
  ASSERT_EQ(seg.paragraphs.size(), 2u);
  EXPECT_EQ(Sentences(text), (std::vector<std::string>{
                                 "First line\nwraps here.", "Second para."}));
  EXPECT_EQ(seg.sentences[1].paragraph, 1);
}

TEST(SegmentTest, OneParagraphPerLineWithoutBlankLines) {
  const std::string text = "One. Two\nThree\n";
  const Segmentation seg = Segment(text, {});
  EXPECT_EQ(seg.paragraphs.size(), 2u);
  EXPECT_EQ(Sentences(text),
            (std::vector<std::string>{"One.", "Two", "Three"}));
}

TEST(SegmentTest, SkippedLinesAreLeftOut) {
  const std::string text = "Title here\n4 min read\n\nBody text.\n";
  const std::vector<Range> skip = {{0, 10}, {11, 21}};
  EXPECT_EQ(Sentences(text, skip), (std::vector<std::string>{"Body text."}));
}

TEST(SegmentTest, SentenceAtFindsTheSentence) {
  const std::string text = "One two. Three four.";
  const Segmentation seg = Segment(text, {});
  EXPECT_EQ(seg.SentenceAt(0), 0);
  EXPECT_EQ(seg.SentenceAt(10), 1);
  EXPECT_EQ(seg.SentenceAt(8), -1);
}

TEST(TokenizeTest, WordsNumbersAndPunctuation) {
  EXPECT_EQ(Tokens("$48.5 billion, 2,400 delegates; the thirty-first."),
            (std::vector<std::string>{"$", "48.5", "billion", ",", "2,400",
                                      "delegates", ";", "the",
                                      "thirty-first", "."}));
}

TEST(TokenizeTest, ApostrophesAndAbbreviations) {
  EXPECT_EQ(Tokens("Okafor’s U.S. visit won’t end at 5 p.m. today"),
            (std::vector<std::string>{"Okafor’s", "U.S.", "visit", "won’t",
                                      "end", "at", "5", "p.m.", "today"}));
}

TEST(TokenizeTest, TokenKinds) {
  const std::string text = "31st summit €3";
  const auto tokens = Tokenize(text, 0, text.size());
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[1].kind, TokenKind::kWord);
  EXPECT_EQ(tokens[2].kind, TokenKind::kPunct);
  EXPECT_EQ(tokens[3].kind, TokenKind::kNumber);
}

}  // namespace
}  // namespace crosscheck::segment
