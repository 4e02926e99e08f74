// Extraction on hostile inputs: long runs of digits, qualifiers, quote marks
// and hyphens, a 10 MB line without spaces, random bytes. Each must finish
// quickly (linear time) and give claims whose spans lie inside the text.

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "proto/crosscheck/v1/article.pb.h"
#include "src/extract/extract.h"
#include "src/ingest/ingest.h"

namespace crosscheck::extract {
namespace {

std::string Repeat(const std::string& piece, size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// What one extraction gave and what it took.
struct Extracted {
  double seconds = 0;
  size_t claims = 0;
  size_t notes = 0;
};

// Extracts from `text` (published 2024-06-05) and checks every span.
Extracted ExtractCounted(const std::string& name, const std::string& text) {
  std::vector<crosscheck::v1::Note> notes;
  ingest::IngestOptions options;
  options.published = "2024-06-05";
  const crosscheck::v1::Article article =
      ingest::ArticleFromText(text, name, name, options, &notes);
  const auto start = std::chrono::steady_clock::now();
  const ArticleClaims found = ExtractClaims(article, ExtractOptions());
  Extracted out;
  out.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  out.claims = found.claims.size();
  out.notes = found.notes.size();
  for (const auto& claim : found.claims) {
    EXPECT_LE(claim.span().begin(), claim.span().end()) << name;
    EXPECT_LE(claim.span().end(), article.text().size()) << name;
    EXPECT_EQ(article.text().substr(claim.span().begin(),
                                    claim.span().end() - claim.span().begin()),
              claim.text())
        << name;
  }
  return out;
}

// Extracts from `text` as ExtractCounted does and returns the seconds it
// took.
double ExtractChecked(const std::string& name, const std::string& text) {
  return ExtractCounted(name, text).seconds;
}

// Generous bounds: the unoptimized and sanitized builds are many times
// slower than -c opt (where each input takes at most a few seconds), but a
// quadratic path on these inputs takes hours. AddressSanitizer multiplies
// the time of this allocation-heavy code by about ten.
#if defined(__SANITIZE_ADDRESS__)  // GCC
#define CROSSCHECK_UNDER_ASAN 1
#elif defined(__has_feature)  // Clang
#if __has_feature(address_sanitizer)
#define CROSSCHECK_UNDER_ASAN 1
#endif
#endif
#ifdef CROSSCHECK_UNDER_ASAN
constexpr double kMaxSeconds = 60;
#else
constexpr double kMaxSeconds = 20;
#endif

TEST(AdversarialTest, HundredThousandDigits) {
  EXPECT_LT(ExtractChecked("digits", "It cost $" + std::string(100000, '7') +
                                         " in total."),
            kMaxSeconds);
  EXPECT_LT(ExtractChecked("digit-words", Repeat("1 ", 100000)), kMaxSeconds);
  EXPECT_LT(ExtractChecked("grouped", "Some " + Repeat("1,000", 30000) + "."),
            kMaxSeconds);
}

TEST(AdversarialTest, HundredThousandQualifiers) {
  EXPECT_LT(ExtractChecked("more-than", Repeat("more than ", 100000) + "5 cats."),
            kMaxSeconds);
  EXPECT_LT(ExtractChecked("between", Repeat("between 5 and ", 50000) + "7."),
            kMaxSeconds);
}

TEST(AdversarialTest, TenMegabyteLineWithoutSpaces) {
  EXPECT_LT(ExtractChecked("no-spaces", std::string(10 << 20, 'x')),
            kMaxSeconds);
  EXPECT_LT(ExtractChecked("no-spaces-mixed", Repeat("a1-b2,", (10 << 20) / 6)),
            kMaxSeconds);
}

TEST(AdversarialTest, LongHyphenChainsAndNumberWords) {
  EXPECT_LT(ExtractChecked("hyphens", Repeat("twenty-", 100000) + "one."),
            kMaxSeconds);
  EXPECT_LT(ExtractChecked("words", Repeat("one hundred and ", 50000) + "five."),
            kMaxSeconds);
  EXPECT_LT(ExtractChecked("months", Repeat("June ", 100000) + "2024."),
            kMaxSeconds);
  EXPECT_LT(ExtractChecked("ago", Repeat("two years ago ", 50000)), kMaxSeconds);
}

// Dates read inside dates ("in 2 years since 2011", "next 5/12"), repeated
// through one sentence: no recursion as deep as the sentence.
TEST(AdversarialTest, NestedDatePhrases) {
  EXPECT_LT(ExtractChecked("since", "Prices rose " +
                                        Repeat("in 2 years since ", 12000) +
                                        "2011."),
            kMaxSeconds);
  EXPECT_LT(ExtractChecked("next", "It opens " + Repeat("next ", 50000) +
                                       "5/12."),
            kMaxSeconds);
}

TEST(AdversarialTest, QuoteMarksAndBrackets) {
  EXPECT_LT(ExtractChecked("quotes", Repeat("“", 100000)), kMaxSeconds);
  EXPECT_LT(ExtractChecked("quotes-words", Repeat("“a ", 100000)), kMaxSeconds);
  EXPECT_LT(ExtractChecked("brackets", "“" + Repeat("[", 100000) + "”"),
            kMaxSeconds);
}

// How unmatched quote marks are laid out in a text.
enum class Layout {
  // Back to back in one paragraph: “““…
  kRun,
  // In one paragraph, alternately before and after a word: “a a” “a a” …
  kWords,
  // Each opening a paragraph of two words: “a b¶“a b¶…, which the
  // continuation of a quote into the next paragraph may join into one.
  kOpeningParagraphs,
  // Each ending a paragraph of two words: a b”¶a b”¶…
  kClosingParagraphs,
};

// `count` quote marks laid out as `layout` says, taken from `marks` in
// turn.
std::string UnmatchedMarks(const std::vector<std::string>& marks, int count,
                           Layout layout) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    const std::string& mark = marks[i % marks.size()];
    switch (layout) {
      case Layout::kRun:
        out += mark;
        break;
      case Layout::kWords:
        out += i % 2 == 0 ? mark + "a " : "a" + mark + " ";
        break;
      case Layout::kOpeningParagraphs:
        out += mark + "a b\n\n";
        break;
      case Layout::kClosingParagraphs:
        out += "a b" + mark + "\n\n";
        break;
    }
  }
  return out;
}

// 100,000 quote marks of each kind that never pair as written, alone and
// mixed, in one paragraph and over many: linear time, and at most one
// claim and one note per mark (an unclosed quote never swallows the rest).
TEST(AdversarialTest, HundredThousandUnmatchedQuoteMarks) {
  constexpr int kMarks = 100000;
  const std::vector<std::string> kKinds = {"\"", "“", "”", "«", "»", "‘", "’"};
  std::vector<std::vector<std::string>> mark_sets;
  for (const std::string& kind : kKinds) mark_sets.push_back({kind});
  mark_sets.push_back(kKinds);
  const std::pair<Layout, const char*> kLayouts[] = {
      {Layout::kRun, "run"},
      {Layout::kWords, "words"},
      {Layout::kOpeningParagraphs, "opening-paragraphs"},
      {Layout::kClosingParagraphs, "closing-paragraphs"},
  };
  for (const std::vector<std::string>& marks : mark_sets) {
    for (const auto& [layout, layout_name] : kLayouts) {
      const std::string name =
          (marks.size() == 1 ? marks[0] : std::string("mixed")) + " " +
          layout_name;
      SCOPED_TRACE(name);
      const Extracted got =
          ExtractCounted(name, UnmatchedMarks(marks, kMarks, layout));
      EXPECT_LT(got.seconds, kMaxSeconds);
      EXPECT_LE(got.claims, static_cast<size_t>(kMarks));
      EXPECT_LE(got.notes, static_cast<size_t>(kMarks));
    }
  }
}

TEST(AdversarialTest, SentenceOfManyDistinctWords) {
  // One sentence of 70,000 distinct words, more than the memo of word
  // lexes keeps, with a figure after every 50th: its facts are computed
  // once for all its 1,400 mentions.
  std::string text;
  for (int i = 0; i < 70000; ++i) {
    text += 'x';
    for (int n = i; n > 0; n /= 26) text += static_cast<char>('a' + n % 26);
    text += i % 50 == 0 ? " 5 troops " : " ";
  }
  EXPECT_LT(ExtractChecked("distinct-words", text), kMaxSeconds);
}

TEST(AdversarialTest, RandomBytes) {
  uint64_t state = 42;
  std::string bytes(1 << 20, '\0');
  for (char& c : bytes) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    c = static_cast<char>(state >> 56);
  }
  EXPECT_LT(ExtractChecked("random", bytes), kMaxSeconds);
  // Random printable text with spaces and sentence ends.
  std::string text;
  const std::string alphabet = "abcdefgh ABCDE 0123456789 .,$%-“”‘’[]\n";
  for (int i = 0; i < (1 << 20); ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    text += alphabet[(state >> 33) % alphabet.size()];
  }
  EXPECT_LT(ExtractChecked("random-text", text), kMaxSeconds);
}

}  // namespace
}  // namespace crosscheck::extract
