#include "src/extract/words.h"

#include <cstring>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "gtest/gtest.h"
#include "src/base/utf8.h"
#include "src/extract/fold.h"
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

TEST(WordsTest, MarksDigitsAndHyphens) {
  const std::string text =
      "USD115 four-day 2,400 talks \u2013 twenty\u2011first 5th "
      "abcdefghijklmnopq9";
  const std::vector<Word> words = Words(text, 0, text.size());
  struct Expected {
    const char* folded;
    uint8_t shape;
  };
  const Expected kExpected[] = {
      {"usd115", kHasDigit},
      {"four-day", kHasHyphen},
      {"2,400", kHasDigit},
      {"talks", 0},
      {"-", kHasHyphen},             // the en dash
      {"twenty-first", kHasHyphen},  // a non-breaking hyphen, folded
      {"5th", kHasDigit},
      {"abcdefghijklmnopq9", kHasDigit},  // a digit past 16 bytes
  };
  ASSERT_EQ(words.size(), std::size(kExpected));
  for (size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(words[i].folded, kExpected[i].folded);
    EXPECT_EQ(words[i].shape, kExpected[i].shape) << words[i].folded;
  }
}

// SetFolded keeps the facts derived from the folded form in step.
TEST(WordsTest, SetFoldedUpdatesShape) {
  const std::string text = "negative-5";
  std::vector<Word> words = Words(text, 0, text.size());
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(words[0].shape, kHasDigit | kHasHyphen);
  Word part = words[0];
  SetFolded(&part, "5");
  EXPECT_EQ(part.folded, "5");
  EXPECT_EQ(part.shape, kHasDigit);
  SetFolded(&part, "five");
  EXPECT_EQ(part.shape, 0);
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

// Words as defined: segment::Tokenize, then Fold, IsUpper and
// PossessiveBytes of each token.
std::vector<Word> ReferenceWords(absl::string_view text, size_t begin,
                                 size_t end) {
  std::vector<Word> words;
  for (const segment::Token& token : segment::Tokenize(text, begin, end)) {
    const absl::string_view surface =
        text.substr(token.begin, token.end - token.begin);
    Word word;
    word.begin = token.begin;
    word.end = token.end;
    word.kind = token.kind;
    word.folded = Fold(surface);
    int length = 0;
    word.capitalized = segment::IsUpper(base::DecodeUtf8(surface, 0, &length));
    if (token.kind == segment::TokenKind::kWord) {
      word.possessive_bytes = static_cast<uint8_t>(PossessiveBytes(surface));
    }
    for (const char c : word.folded) {
      if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
        word.shape |= kHasDigit;
      }
      if (c == '-') word.shape |= kHasHyphen;
    }
    words.push_back(word);
  }
  return words;
}

// Words(text, begin, end) equals ReferenceWords for every `begin` and every
// `end` from `begin` on in steps of `end_step`.
void ExpectAsReferenceOnRanges(const std::string& text, size_t end_step) {
  for (size_t begin = 0; begin <= text.size(); ++begin) {
    for (size_t end = begin; end <= text.size(); end += end_step) {
      const std::vector<Word> expected = ReferenceWords(text, begin, end);
      const std::vector<Word> found = Words(text, begin, end);
      ASSERT_EQ(found.size(), expected.size()) << begin << " " << end;
      for (size_t i = 0; i < found.size(); ++i) {
        EXPECT_EQ(found[i].begin, expected[i].begin);
        EXPECT_EQ(found[i].end, expected[i].end);
        EXPECT_EQ(found[i].kind, expected[i].kind);
        EXPECT_EQ(found[i].folded, expected[i].folded);
        EXPECT_EQ(found[i].capitalized, expected[i].capitalized);
        EXPECT_EQ(found[i].possessive_bytes, expected[i].possessive_bytes);
        EXPECT_EQ(found[i].shape, expected[i].shape) << found[i].folded;
      }
    }
  }
}

TEST(WordsTest, SameAsTokenizeAndFoldOnEveryRange) {
  const std::string text =
      "Ms. OKAFOR’s  U.S. visit—2,400 “state‑owned” firms' 4.8bn; "
      "Internationalization-Minded COUNTERREVOLUTIONARIES 2010–2015 \xff "
      "Łódź Ślęża ÉTÉ\xe2\x80 A.B.C. Jones‘s naïve ΑΘΗΝΑ Москва 東京 "
      "abcdefghijklmnopqrstuvwxyz0123456789 x.Y ok";
  ExpectAsReferenceOnRanges(text, /*end_step=*/5);
}

// Runs of ASCII letters and digits one space apart, read one after another:
// capitals, digits first and last, runs of 15, 16 and 17 bytes, runs that
// a joiner, a tab, two spaces or punctuation ends, across the 16 bytes
// read at each run.
TEST(WordsTest, SpacedRunsAsTokenizeAndFold) {
  const std::string text =
      "The talks in Lagos ended 5 June 2024 with 12 MPs and 3rd A1 a 9 "
      "abcdefghijklmno ABCDEFGHIJKLMNOP abcdefghijklmnopq x y z\tw  v "
      "it's U.S. 2,400 well-known end. Then (so) \"yes\" no; ok, ok";
  ExpectAsReferenceOnRanges(text, /*end_step=*/1);
}

TEST(WordsTest, TypographicPunctuationAsTokenizeAndFold) {
  // Quote marks, dashes, hyphens, an ellipsis and spaces of U+2000 to
  // U+203F, alone, inside words and cut short.
  const std::string text =
      "\u201cYes\u201d \u2014 \u2018no\u2019\u2026 a\u2010b c\u2011d "
      "e\u2013f 1\u20132 \u2010\u2011\u2013 x\u2009y\u202fz\u2002w\u2003v "
      "\u2019s \u2032 \u203a\u2039 O\u2019Neill\u2019s \xe2\x80 \xe2\x80\x99";
  ExpectAsReferenceOnRanges(text, /*end_step=*/1);
}

// Texts in buffers of their exact size, so that a sanitizer reports any
// read past their end: every prefix of each sample, tokenized over every
// range that ends at the end of the prefix or before it.
TEST(WordsTest, ReadsNothingPastTheText) {
  const std::string samples[] = {
      "The minister said 2,400 people attended",
      "Internationalization counterrevolutionaries abcdefghijklmnopq",
      "Okafor\xe2\x80\x99s U.S. visit, 4.8bn x.Y Jones' ok",
      "A B C d e 1 2 3 x",
  };
  for (const std::string& sample : samples) {
    for (size_t size = 1; size <= sample.size(); ++size) {
      std::unique_ptr<char[]> buffer(new char[size]);
      std::memcpy(buffer.get(), sample.data(), size);
      const absl::string_view text(buffer.get(), size);
      for (size_t begin = 0; begin < size; ++begin) {
        for (size_t end : {size, size - 1, begin + 1, size + 3}) {
          const std::vector<Word> expected = ReferenceWords(text, begin, end);
          const std::vector<Word> found = Words(text, begin, end);
          ASSERT_EQ(found.size(), expected.size()) << size << " " << begin;
          for (size_t i = 0; i < found.size(); ++i) {
            EXPECT_EQ(found[i].end, expected[i].end);
            EXPECT_EQ(found[i].folded, expected[i].folded);
          }
        }
      }
    }
  }
}

// SentenceWords tokenizes each sentence as Words does, empty ranges and
// ranges past the end of the text included.
TEST(WordsTest, SentenceWordsAreTheWordsOfEachSentence) {
  const std::string text =
      "The talks in Lagos ended. Okafor\u2019s U.S. visit cost $4.8bn! Ok";
  const std::vector<segment::Sentence> sentences = {
      {0, 25, 0}, {26, 60, 0}, {60, 60, 0}, {61, text.size() + 5, 0}};
  const std::vector<std::vector<Word>> found = SentenceWords(text, sentences);
  ASSERT_EQ(found.size(), sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    const std::vector<Word> expected =
        Words(text, sentences[s].begin, sentences[s].end);
    ASSERT_EQ(found[s].size(), expected.size()) << s;
    for (size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(found[s][i].begin, expected[i].begin);
      EXPECT_EQ(found[s][i].end, expected[i].end);
      EXPECT_EQ(found[s][i].folded, expected[i].folded);
      EXPECT_EQ(found[s][i].kind, expected[i].kind);
      EXPECT_EQ(found[s][i].shape, expected[i].shape);
    }
  }
  EXPECT_TRUE(found[2].empty());
}

TEST(FoldTest, FoldToReusesTheString) {
  std::string out = "previous contents, long enough to be on the heap";
  FoldTo("Okafor’s State‑Owned 2010–2015", &out);
  EXPECT_EQ(out, "okafor's state-owned 2010-2015");
  FoldTo("", &out);
  EXPECT_EQ(out, "");
  // Only ASCII letters are lowercased.
  EXPECT_EQ(Fold("ÉTÉ ΑΘΗΝΑ"), "ÉtÉ ΑΘΗΝΑ");
}

TEST(FoldTest, TypographicApostrophesAndHyphensOnly) {
  const struct {
    const char* text;
    const char* folded;
  } kCases[] = {
      {"\u2018quote\u2019", "'quote'"},
      {"a\u2010b\u2011c\u2013d", "a-b-c-d"},
      // The em dash, the figure dash and other punctuation stay.
      {"a\u2014b\u2012c\u201Cd\u201D", "a\u2014b\u2012c\u201Cd\u201D"},
      // Bytes that are not UTF-8 are kept; a folded character after them
      // is still folded.
      {"\xF0\xE2\x80\x99s", "\xF0's"},
      {"X\xE2\x80", "x\xE2\x80"},
      {"\x80\x99" "A", "\x80\x99" "a"},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(Fold(c.text), c.folded) << c.text;
  }
}

TEST(HasNoDigitOrHyphenTest, NeverMissesADigitOrHyphen) {
  EXPECT_TRUE(HasNoDigitOrHyphen(""));
  EXPECT_TRUE(HasNoDigitOrHyphen("said"));
  EXPECT_TRUE(HasNoDigitOrHyphen("internationally"));
  EXPECT_TRUE(HasNoDigitOrHyphen("caf\xC3\xA9"));
  for (const char* text : {"4", "Q3", "mid-May", "twenty-first", "abcdefg7",
                           "abcdefgh-", "abcdefghijklmnop9", "-", "a1b"}) {
    EXPECT_FALSE(HasNoDigitOrHyphen(text)) << text;
  }
  // Every length and position, with bytes around the tested range.
  const std::string fillers = std::string("az.,/:+*\x7f\x80\xff", 11);
  for (size_t length = 1; length <= 20; ++length) {
    for (size_t at = 0; at < length; ++at) {
      for (char mark : {'0', '5', '9', '-'}) {
        std::string text(length, 'x');
        for (size_t k = 0; k < length; ++k) {
          text[k] = fillers[k % fillers.size()];
        }
        text[at] = mark;
        EXPECT_FALSE(HasNoDigitOrHyphen(text)) << length << " " << at;
      }
    }
    // Letters alone are always told apart.
    EXPECT_TRUE(HasNoDigitOrHyphen(std::string(length, 'q')));
  }
}

}  // namespace
}  // namespace crosscheck::extract::internal
