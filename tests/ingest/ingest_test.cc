// The ingest stage: metadata inference, furniture, UTF-8 repair, JSONL.

#include "src/ingest/ingest.h"

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace crosscheck::ingest {
namespace {

using crosscheck::v1::Article;
using crosscheck::v1::Note;
using ::crosscheck::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::vector<std::string> FurnitureLines(const Article& a) {
  std::vector<std::string> lines;
  for (const auto& span : a.furniture()) {
    lines.push_back(a.text().substr(span.begin(), span.end() - span.begin()));
  }
  return lines;
}

TEST(ArticleFromTextTest, InfersMetadataAndMarksFurniture) {
  const std::string text =
      "Okafor Arrives in Lundby\n"
      "\n"
      "By Maren Holt | The Daily Ledger\n"
      "Published June 4, 2024, 6:40 p.m.\n"
      "World > Europe\n"
      "5 min read\n"
      "\n"
      "LUNDBY, Estmark — President Ada Okafor arrived on Monday.\n"
      "\n"
      "WATCH: Okafor lands in Lundby\n"
      "Sign up for our Morning Brief newsletter\n"
      "She met Mr. Solberg.\n"
      "\n"
      "More from The Daily Ledger\n"
      "Opposition warns of gas dependence\n"
      "Inside the palace kitchens\n"
      "\n"
      "Share this article\n"
      "Contact the author at maren@ledger.example\n";
  std::vector<Note> notes;
  const Article a = ArticleFromText(text, "ledger", "ledger.txt", {}, &notes);
  EXPECT_EQ(a.id(), "ledger");
  EXPECT_EQ(a.source(), "ledger.txt");
  EXPECT_EQ(a.text(), text);
  EXPECT_EQ(a.title(), "Okafor Arrives in Lundby");
  EXPECT_EQ(a.outlet(), "The Daily Ledger");
  EXPECT_EQ(a.author(), "Maren Holt");
  EXPECT_EQ(a.published(), "2024-06-04");
  EXPECT_THAT(FurnitureLines(a),
              ElementsAre("Okafor Arrives in Lundby",
                          "By Maren Holt | The Daily Ledger",
                          "Published June 4, 2024, 6:40 p.m.", "World > Europe",
                          "5 min read", "WATCH: Okafor lands in Lundby",
                          "Sign up for our Morning Brief newsletter",
                          "More from The Daily Ledger",
                          "Opposition warns of gas dependence",
                          "Inside the palace kitchens", "Share this article",
                          "Contact the author at maren@ledger.example"));
  EXPECT_THAT(notes, IsEmpty());
}

TEST(ArticleFromTextTest, OutletFromLabelOrCopyrightAndIsoDateLine) {
  std::vector<Note> notes;
  Article a = ArticleFromText(
      "Headline Here\noutlet: Harbor Times\ndate 2024-06-05\n\nBody text.\n",
      "h", "h.txt", {}, &notes);
  EXPECT_EQ(a.outlet(), "Harbor Times");
  EXPECT_EQ(a.published(), "2024-06-05");
  a = ArticleFromText(
      "Headline\nPublished: June 5, 2024\n\nBody text.\n\n© 2024 Northern "
      "Courier\n",
      "n", "n.txt", {}, &notes);
  EXPECT_EQ(a.outlet(), "Northern Courier");
  EXPECT_EQ(a.published(), "2024-06-05");
}

TEST(ArticleFromTextTest, OutletFromASignOff) {
  std::vector<Note> notes;
  const Article a = ArticleFromText(
      "Headline\ndate 2024-06-05\n\nBody text here.\n\n— Meridian Wire\n",
      "m", "m.txt", {}, &notes);
  EXPECT_EQ(a.outlet(), "Meridian Wire");
  EXPECT_THAT(FurnitureLines(a), ::testing::Contains("— Meridian Wire"));
}

TEST(ArticleFromTextTest, BodyLinesAreNotFurniture) {
  std::vector<Note> notes;
  const Article a = ArticleFromText(
      "The talks began on Monday.\nBy noon, 17 agreements were ready.\n", "x",
      "x.txt", {}, &notes);
  EXPECT_THAT(FurnitureLines(a), IsEmpty());
  EXPECT_EQ(a.title(), "");
}

TEST(ArticleFromTextTest, BodyLinesThatStartLikeLabelsAreBodyText) {
  std::vector<Note> notes;
  const Article a = ArticleFromText(
      "Published figures show 2,400 delegates attended the forum.\n"
      "Posted to Lundby in 2016, she rose quickly\n"
      "(c) the parties shall meet every year\n"
      "Source of the leak was never found, officials said\n"
      "By noon the delegates had left the hall\n",
      "x", "x.txt", {}, &notes);
  EXPECT_THAT(FurnitureLines(a), IsEmpty());
  EXPECT_EQ(a.published(), "");
  EXPECT_EQ(a.outlet(), "");
  EXPECT_EQ(a.author(), "");
}

TEST(ArticleFromTextTest, OptionsOverrideWhatTheTextSays) {
  IngestOptions options;
  options.outlet = "Wire";
  options.published = "2024-01-02";
  std::vector<Note> notes;
  const Article a = ArticleFromText(
      "Title\nBy A B | Paper\ndate 2024-06-05\n\nBody.\n", "x", "x.txt",
      options, &notes);
  EXPECT_EQ(a.outlet(), "Wire");
  EXPECT_EQ(a.published(), "2024-01-02");
}

TEST(ArticleFromTextTest, RepairsInvalidUtf8AndReportsTheByteOffset) {
  // A UTF-8 file ("Café" is UTF-8) with damage: invalid bytes become
  // U+FFFD, and the note says where the first was in the input.
  std::vector<Note> notes;
  const Article a = ArticleFromText("Caf\xC3\xA9 talks \xff\xfe end \xE2\x80.",
                                    "x", "x.txt", {}, &notes);
  EXPECT_EQ(a.text(),
            "Caf\xC3\xA9 talks \xEF\xBF\xBD\xEF\xBF\xBD end "
            "\xEF\xBF\xBD\xEF\xBF\xBD.");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].code(), "invalid-utf8");
  EXPECT_EQ(notes[0].severity(), Note::SEVERITY_WARNING);
  EXPECT_EQ(notes[0].article_id(), "x");
  EXPECT_EQ(notes[0].message(),
            "x.txt: 4 byte sequences are not valid UTF-8 (first at byte "
            "offset 12); replaced with U+FFFD");
}

TEST(ArticleFromTextTest, ReadsWindows1252CurlyQuotesAsTheirCharacters) {
  // Not one UTF-8 multibyte character: a file written as Windows-1252.
  std::vector<Note> notes;
  const Article a = ArticleFromText(
      "\x93We agree,\x94 said Ms. Okafor \x96 at the caf\xe9.\x81", "x",
      "x.txt", {}, &notes);
  EXPECT_EQ(a.text(),
            "\u201cWe agree,\u201d said Ms. Okafor \u2013 at the caf\u00e9."
            "\uFFFD");
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].code(), "converted-encoding");
  EXPECT_EQ(notes[0].message(),
            "x.txt: not UTF-8, read as Windows-1252 (5 bytes above 0x7F, "
            "first at byte offset 0); spans are byte offsets into its UTF-8 "
            "form");
  EXPECT_EQ(notes[1].code(), "invalid-encoding");
  EXPECT_EQ(notes[1].message(),
            "x.txt: 1 byte sequence is undefined in Windows-1252 (first at "
            "byte offset 42); replaced with U+FFFD");
}

TEST(ArticleFromTextTest, ReadsUtf16WithAByteOrderMark) {
  // "Hi “5”" then U+1F600 (a surrogate pair) and a lone high surrogate.
  const std::string le(
      "\xFF\xFEH\0i\0 \0\x1C\x20"
      "5\0\x1D\x20\x3D\xD8\x00\xDE\x3D\xD8",
      20);
  std::vector<Note> notes;
  Article a = ArticleFromText(le, "x", "x.txt", {}, &notes);
  EXPECT_EQ(a.text(), "Hi \u201c5\u201d\U0001F600\uFFFD");
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].message(),
            "x.txt: read as UTF-16LE (byte order mark FF FE); spans are byte "
            "offsets into its UTF-8 form");
  EXPECT_EQ(notes[1].message(),
            "x.txt: 1 byte sequence is not valid UTF-16 (first at byte offset "
            "18); replaced with U+FFFD");

  std::string be;
  for (size_t i = 0; i + 1 < le.size(); i += 2) {
    be.push_back(le[i + 1]);
    be.push_back(le[i]);
  }
  notes.clear();
  a = ArticleFromText(be, "x", "x.txt", {}, &notes);
  EXPECT_EQ(a.text(), "Hi \u201c5\u201d\U0001F600\uFFFD");
  EXPECT_THAT(notes[0].message(), HasSubstr("read as UTF-16BE"));
}

TEST(ArticleFromTextTest, ReadsUtf32WithAByteOrderMark) {
  std::string le = "\xFF\xFE";
  le += std::string("\0\0", 2);
  for (char c : std::string("Ten died.")) le += {c, '\0', '\0', '\0'};
  std::vector<Note> notes;
  Article a = ArticleFromText(le, "x", "x.txt", {}, &notes);
  EXPECT_EQ(a.text(), "Ten died.");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].message(),
            "x.txt: read as UTF-32LE (byte order mark FF FE 00 00); spans are "
            "byte offsets into its UTF-8 form");
  std::string be("\0\0\xFE\xFF", 4);
  for (char c : std::string("Ten died.")) be += {'\0', '\0', '\0', c};
  be += "\x7F";  // a last unit cut short
  notes.clear();
  a = ArticleFromText(be, "x", "x.txt", {}, &notes);
  EXPECT_EQ(a.text(), "Ten died.\uFFFD");
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[1].message(),
            "x.txt: 1 byte sequence is not valid UTF-32 (first at byte offset "
            "40); replaced with U+FFFD");
}

TEST(ArticleFromTextTest, DamagedUtf8IsNotTakenForWindows1252) {
  std::vector<Note> notes;
  // A file cut off in the middle of its last character.
  Article a =
      ArticleFromText("Ten died at the caf\xC3", "x", "x.txt", {}, &notes);
  EXPECT_EQ(a.text(), "Ten died at the caf\uFFFD");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].code(), "invalid-utf8");
  // A file that says it is UTF-8.
  notes.clear();
  a = ArticleFromText("\xEF\xBB\xBF\x93Ten died.\x94", "x", "x.txt", {},
                      &notes);
  EXPECT_EQ(a.text(), "\uFFFDTen died.\uFFFD");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].message(),
            "x.txt: 2 byte sequences are not valid UTF-8 (first at byte "
            "offset 3); replaced with U+FFFD");
}

TEST(ArticleFromTextTest, NulCharactersBecomeSpacesWithTheirPlace) {
  std::vector<Note> notes;
  const Article a = ArticleFromText(std::string("Five\0 people\0 died.", 19),
                                    "x", "x.txt", {}, &notes);
  EXPECT_EQ(a.text(), "Five  people  died.");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].code(), "nul-bytes");
  EXPECT_EQ(notes[0].message(), "x.txt: 2 NUL characters replaced with spaces");
  EXPECT_EQ(notes[0].span().begin(), 4u);
  EXPECT_EQ(notes[0].span().end(), 5u);
}

TEST(ArticleFromTextTest, DropsAByteOrderMark) {
  std::vector<Note> notes;
  const Article a =
      ArticleFromText("\xEF\xBB\xBFHello there.", "x", "x.txt", {}, &notes);
  EXPECT_EQ(a.text(), "Hello there.");
}

TEST(ArticlesFromJsonlTest, ParsesArticlesAndNamesBadLines) {
  std::vector<Note> notes;
  auto articles = ArticlesFromJsonl(
      "{\"id\":\"a\",\"outlet\":\"X\",\"published\":\"2024-06-05T08:00:00Z\","
      "\"text\":\"Body.\"}\n\n{\"text\":\"No id.\"}\n",
      "in.jsonl", {}, &notes);
  ASSERT_TRUE(articles.ok()) << articles.status();
  ASSERT_EQ(articles->size(), 2u);
  EXPECT_EQ((*articles)[0].published(), "2024-06-05");
  EXPECT_EQ((*articles)[0].source(), "in.jsonl:1");
  EXPECT_EQ((*articles)[1].id(), "in-3");

  EXPECT_THAT(ArticlesFromJsonl("{\"id\":1,,}\n", "in.jsonl", {}, &notes),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("in.jsonl:1: not a valid")));
}

TEST(ArticlesFromJsonlTest, InvalidUtf8InALineIsRepaired) {
  std::vector<Note> notes;
  auto articles = ArticlesFromJsonl(
      "{\"id\":\"a\",\"text\":\"Bad \xff byte in the caf\xC3\xA9.\"}",
      "in.jsonl", {}, &notes);
  ASSERT_TRUE(articles.ok()) << articles.status();
  EXPECT_EQ((*articles)[0].text(), "Bad \xEF\xBF\xBD byte in the caf\xC3\xA9.");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].article_id(), "a");
  EXPECT_EQ(notes[0].message(),
            "in.jsonl:1: 1 byte sequence is not valid UTF-8 (first at byte "
            "offset 22); replaced with U+FFFD");
}

TEST(ArticlesFromJsonlTest, EscapedNulInTheTextBecomesASpace) {
  std::vector<Note> notes;
  auto articles = ArticlesFromJsonl(
      "{\"id\":\"a\",\"text\":\"Ten\\u0000 people.\"}", "in.jsonl", {}, &notes);
  ASSERT_TRUE(articles.ok()) << articles.status();
  EXPECT_EQ((*articles)[0].text(), "Ten  people.");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].article_id(), "a");
  EXPECT_EQ(notes[0].span().begin(), 3u);
  EXPECT_EQ(notes[0].message(),
            "in.jsonl:1: 1 NUL character replaced with a space");
}

TEST(ArticlesFromJsonlTest, ArticlesOverTheSizeLimitAreRefusedOrSkipped) {
  IngestOptions options;
  options.max_article_bytes = 10;
  const std::string jsonl =
      "{\"id\":\"a\",\"text\":\"Short.\"}\n"
      "{\"id\":\"b\",\"text\":\"Longer than ten bytes.\"}\n";
  std::vector<Note> notes;
  EXPECT_THAT(ArticlesFromJsonl(jsonl, "in.jsonl", options, &notes),
              StatusIs(absl::StatusCode::kResourceExhausted,
                       "in.jsonl:2: 'b': article is 22 bytes, more than "
                       "--max-article-bytes=10 (raise it, or 0 for no limit)"));
  options.keep_going = true;
  auto articles = ArticlesFromJsonl(jsonl, "in.jsonl", options, &notes);
  ASSERT_TRUE(articles.ok()) << articles.status();
  ASSERT_EQ(articles->size(), 1u);
  EXPECT_EQ(notes.back().message(),
            "in.jsonl: skipped 1 bad line (--keep-going)");
  options.max_article_bytes = 0;  // no limit
  options.keep_going = false;
  EXPECT_TRUE(ArticlesFromJsonl(jsonl, "in.jsonl", options, &notes).ok());
}

TEST(NormalizeDateTest, AcceptsIsoAndWrittenDates) {
  EXPECT_EQ(NormalizeDate("2024-06-05"), "2024-06-05");
  EXPECT_EQ(NormalizeDate("2024-06-05T23:10:00+02:00"), "2024-06-05");
  EXPECT_EQ(NormalizeDate("June 4, 2024, 6:40 p.m."), "2024-06-04");
  EXPECT_EQ(NormalizeDate("Tuesday, 4 June 2024"), "2024-06-04");
  EXPECT_EQ(NormalizeDate("Sept. 3, 2021"), "2021-09-03");
  EXPECT_EQ(NormalizeDate("2024-02-30"), "");
  EXPECT_EQ(NormalizeDate("soon"), "");
  EXPECT_EQ(NormalizeDate("June 2024"), "");
}

std::string WriteTemp(const std::string& name, const std::string& contents) {
  const std::string path = std::string(std::getenv("TEST_TMPDIR")) + "/" + name;
  std::ofstream(path, std::ios::binary) << contents;
  return path;
}

TEST(ReadArticlesTest, AFileOverTheSizeLimitIsRefusedBeforeItIsRead) {
  const std::string path = WriteTemp("big.txt", std::string(100, 'a'));
  IngestOptions options;
  options.max_article_bytes = 99;
  std::vector<Note> notes;
  EXPECT_THAT(ReadArticles({path}, options, &notes),
              StatusIs(absl::StatusCode::kResourceExhausted,
                       HasSubstr("big.txt': article is 100 bytes, more than "
                                 "--max-article-bytes=99")));
  options.max_article_bytes = 100;
  EXPECT_TRUE(ReadArticles({path}, options, &notes).ok());
}

TEST(ReadArticlesTest, AUtf16JsonlFileIsReadLineByLine) {
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("{\"id\":\"a\",\"text\":\"One.\"}\r\n"
                            "{\"id\":\"b\",\"text\":\"Two.\"}\r\n")) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  const std::string path = WriteTemp("utf16.jsonl", utf16);
  std::vector<Note> notes;
  auto articles = ReadArticles({path}, {}, &notes);
  ASSERT_TRUE(articles.ok()) << articles.status();
  ASSERT_EQ(articles->size(), 2u);
  EXPECT_EQ((*articles)[1].text(), "Two.");
  EXPECT_EQ((*articles)[1].source(), path + ":2");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_THAT(notes[0].message(), HasSubstr("read as UTF-16LE"));
}

// Each character of `ascii` as UTF-16LE, after the byte order mark.
std::string Utf16Le(const std::string& ascii) {
  std::string utf16 = "\xFF\xFE";
  for (char c : ascii) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  return utf16;
}

TEST(ReadArticlesTest, ANulInAUtf16JsonlFileIsReportedForItsLineAndArticle) {
  constexpr char kJsonl[] =
      "{\"id\":\"a\",\"text\":\"One.\"}\n"
      "{\"id\":\"b\",\"text\":\"Two\0.\"}\n";
  const std::string path = WriteTemp(
      "nul16.jsonl", Utf16Le(std::string(kJsonl, sizeof(kJsonl) - 1)));
  std::vector<Note> notes;
  auto articles = ReadArticles({path}, {}, &notes);
  ASSERT_TRUE(articles.ok()) << articles.status();
  ASSERT_EQ(articles->size(), 2u);
  EXPECT_EQ((*articles)[1].text(), "Two .");
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_THAT(notes[0].message(), HasSubstr("read as UTF-16LE"));
  EXPECT_EQ(notes[1].code(), "nul-bytes");
  EXPECT_EQ(notes[1].article_id(), "b");
  EXPECT_EQ(notes[1].message(),
            path +
                ":2: 1 NUL character replaced with a space (first at byte "
                "offset 21 of the line)");
}

TEST(ReadArticlesTest, AFileWithoutTextOnceReadIsRefused) {
  const struct {
    const char* name;
    std::string contents;
    const char* error;
  } cases[] = {
      {"bom16.txt", "\xFF\xFE", "is empty: no article to read"},
      {"blank16.txt", Utf16Le(" \r\n\t"),
       "holds only white space: no article to read"},
      {"bom8.txt", "\xEF\xBB\xBF\n",
       "holds only white space: no article to "
       "read"},
      {"nul.txt", std::string("\0\0 \0\n", 5),
       "holds only white space: no article to read"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string path = WriteTemp(c.name, c.contents);
    std::vector<Note> notes;
    EXPECT_THAT(ReadArticles({path}, {}, &notes),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         absl::StrCat("'", path, "' ", c.error)));
  }
}

TEST(ArticlesFromJsonlTest, TextOfOnlyEscapedNulsIsNoText) {
  std::vector<Note> notes;
  EXPECT_THAT(ArticlesFromJsonl("{\"id\":\"a\",\"text\":\"\\u0000 \\u0000\"}",
                                "in.jsonl", {}, &notes),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "in.jsonl:1: article 'a' has no text"));
}

TEST(ReadArticlesTest, MissingFileIsNotFound) {
  std::vector<Note> notes;
  EXPECT_THAT(ReadArticles({"/nonexistent/a.txt"}, {}, &notes),
              StatusIs(absl::StatusCode::kNotFound,
                       HasSubstr("cannot open '/nonexistent/a.txt'")));
}

}  // namespace
}  // namespace crosscheck::ingest
