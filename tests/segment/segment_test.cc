#include "src/segment/segment.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "src/base/utf8.h"

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

// The first code point of a UTF-8 string.
char32_t FirstChar(const std::string& s) {
  int length = 0;
  return base::DecodeUtf8(s, 0, &length);
}

TEST(IsLetterTest, AsciiAndOtherScripts) {
  struct Case {
    const char* text;
    bool letter;
  };
  const Case kCases[] = {
      {"a", true},  {"Z", true},  {"é", true},  {"Ж", true},  {"λ", true},
      {"1", false}, {"-", false}, {" ", false}, {"@", false}, {"[", false},
      {"×", false}, {"÷", false}, {"—", false}, {"’", false}, {"€", false},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(IsLetter(FirstChar(c.text)), c.letter) << c.text;
  }
}

TEST(IsUpperTest, LatinExtendedA) {
  struct Case {
    const char* text;
    bool upper;
  };
  const Case kCases[] = {
      // Capitals on odd code points: U+0139-U+0148 and U+0179-U+017E.
      {"Łukasz", true},  // U+0141
      {"Ňa", true},      // U+0147
      {"Ĺ", true},       // U+0139
      {"Żaneta", true},  // U+017B
      {"Źródło", true},  // U+0179
      {"Žilina", true},  // U+017D
      {"ł", false},      // U+0142
      {"ň", false},      // U+0148
      {"ĺ", false},      // U+013A
      {"ż", false},      // U+017C
      {"ž", false},      // U+017E
      // Capitals on even code points: U+0100-U+0137 and U+014A-U+0177.
      {"Ąki", true},    // U+0104
      {"Čapek", true},  // U+010C
      {"Śląsk", true},  // U+015A
      {"Šimon", true},  // U+0160
      {"ą", false},     // U+0105
      {"š", false},     // U+0161
      // Ÿ is the capital of Latin-1's ÿ; ĸ, ŉ and ſ have no capital.
      {"Ÿ", true},   // U+0178
      {"ÿ", false},  // U+00FF
      {"ĸ", false},  // U+0138
      {"ŉ", false},  // U+0149
      {"ſ", false},  // U+017F
      {"Ó", true},
      {"ó", false},
      {"A", true},
      {"a", false},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(IsUpper(FirstChar(c.text)), c.upper) << c.text;
  }
}

TEST(SegmentTest, CapitalFromLatinExtendedAStartsASentence) {
  EXPECT_EQ(Sentences("The law passed in 2016. Łukasz Nowak said it would "
                      "last. Żaneta Kowalska agreed."),
            (std::vector<std::string>{"The law passed in 2016.",
                                      "Łukasz Nowak said it would last.",
                                      "Żaneta Kowalska agreed."}));
  // A small letter continues the sentence.
  EXPECT_EQ(Sentences("Wzrosło w 2016. łącznie o 40."),
            (std::vector<std::string>{"Wzrosło w 2016. łącznie o 40."}));
}

TEST(SegmentTest, PeriodBeforePunctuationEndsTheSentence) {
  EXPECT_EQ(Sentences("It ended. — Then silence."),
            (std::vector<std::string>{"It ended.", "— Then silence."}));
  EXPECT_EQ(Sentences("It cost approx. 40 crowns."),
            (std::vector<std::string>{"It cost approx. 40 crowns."}));
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

TEST(TokenizeTest, NextTokenYieldsTheTokensOfTokenize) {
  const std::string text =
      "  The U.S. said 2,400 “state‑owned” firms’ 4.8bn, \xff Łódź\xe2\x80 "
      "A.B.C. rock 'n' roll… ΑΘΗΝΑ\u00a0Москва 東京. x";
  for (size_t begin = 0; begin <= text.size(); ++begin) {
    for (size_t end = begin; end <= text.size(); end += 7) {
      const std::vector<Token> expected = Tokenize(text, begin, end);
      std::vector<Token> found;
      size_t pos = begin;
      Token token;
      while (NextToken(text, end, &pos, &token)) found.push_back(token);
      ASSERT_EQ(found.size(), expected.size()) << begin << " " << end;
      for (size_t i = 0; i < found.size(); ++i) {
        EXPECT_EQ(found[i].begin, expected[i].begin);
        EXPECT_EQ(found[i].end, expected[i].end);
        EXPECT_EQ(found[i].kind, expected[i].kind);
      }
    }
  }
}

TEST(TokenizeTest, LongRunsAndTheEndOfTheText) {
  // Runs longer than 16 bytes, and tokens in the last 16 bytes of the text.
  EXPECT_EQ(Tokens("internationalization-minded counterrevolutionaries x"),
            (std::vector<std::string>{"internationalization-minded",
                                      "counterrevolutionaries", "x"}));
  EXPECT_EQ(Tokens("abcdefghijklmnop"),
            (std::vector<std::string>{"abcdefghijklmnop"}));
  EXPECT_EQ(Tokens("a.b"), (std::vector<std::string>{"a", ".", "b"}));
}

TEST(SegmentTest, TerminatorsAfterLongRuns) {
  // Sentence ends found past 16-byte blocks and in the final bytes.
  EXPECT_EQ(Sentences("An unusually long opening sentence without a break "
                      "ends here. Then… Another one! Ok?"),
            (std::vector<std::string>{
                "An unusually long opening sentence without a break ends "
                "here.",
                "Then…", "Another one!", "Ok?"}));
}

TEST(SegmentTest, ShortParagraphsQuoteMarksAndSpacesAfterTerminators) {
  // Paragraphs shorter than 16 bytes after longer text, quote marks and
  // dashes (lead byte 0xE2, as in "…") inside sentences, and terminators
  // followed by one space, two spaces, a tab or a lowercase word.
  const std::string text =
      "A long first paragraph \u201cquoted\u201d \u2014 and more. Ok.\n"
      "\n"
      "Go. Now!\n"
      "\n"
      "Hm\u2026 Yes.  Done.\tMaybe? so. It is 4. x. A. Okafor left.";
  EXPECT_EQ(Sentences(text),
            (std::vector<std::string>{
                "A long first paragraph \u201cquoted\u201d \u2014 and more.",
                "Ok.", "Go.", "Now!", "Hm\u2026", "Yes.", "Done.",
                "Maybe? so.", "It is 4. x.", "A. Okafor left."}));
}

TEST(SegmentTest, LinesEndingInCarriageReturns) {
  // "\r\n" line breaks, a blank line of a "\r", and a last line without a
  // break: the "\r" before each "\n" is left out of the lines.
  const std::string text =
      "First line.\r\n\r\nSecond para. Two.\r\nThird\r\n\r\nLast one";
  const Segmentation seg = Segment(text, {});
  ASSERT_EQ(seg.paragraphs.size(), 3u);
  EXPECT_EQ(text.substr(seg.paragraphs[1].begin,
                        seg.paragraphs[1].end - seg.paragraphs[1].begin),
            "Second para. Two.\r\nThird");
  EXPECT_EQ(Sentences(text),
            (std::vector<std::string>{"First line.", "Second para.", "Two.",
                                      "Third", "Last one"}));
}

TEST(SegmentTest, SlashesAndAnglesInsideSentences) {
  // "/" and ">", which the scan for terminators stops at, end nothing.
  EXPECT_EQ(Sentences("Trade and/or aid, 3>2 and 1/2 of it rose past "
                      "forecasts here. World > Europe / Next one."),
            (std::vector<std::string>{
                "Trade and/or aid, 3>2 and 1/2 of it rose past forecasts "
                "here.",
                "World > Europe / Next one."}));
}

}  // namespace
}  // namespace crosscheck::segment
