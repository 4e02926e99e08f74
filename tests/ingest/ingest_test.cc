// The ingest stage: metadata inference, furniture, UTF-8 repair, JSONL.

#include "src/ingest/ingest.h"

#include <string>
#include <vector>

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
  std::vector<Note> notes;
  const Article a = ArticleFromText("Caf\xe9 talks \xff\xfe end.", "x",
                                    "x.txt", {}, &notes);
  EXPECT_EQ(a.text(), "Caf\xEF\xBF\xBD talks \xEF\xBF\xBD\xEF\xBF\xBD end.");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].code(), "invalid-utf8");
  EXPECT_EQ(notes[0].article_id(), "x");
  EXPECT_THAT(notes[0].message(),
              HasSubstr("3 byte sequences are not valid UTF-8 (first at byte "
                        "offset 3)"));
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
  auto articles = ArticlesFromJsonl("{\"id\":\"a\",\"text\":\"Bad \xff byte.\"}",
                                    "in.jsonl", {}, &notes);
  ASSERT_TRUE(articles.ok()) << articles.status();
  EXPECT_EQ((*articles)[0].text(), "Bad \xEF\xBF\xBD byte.");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_THAT(notes[0].message(), HasSubstr("in.jsonl:1"));
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

TEST(ReadArticlesTest, MissingFileIsNotFound) {
  std::vector<Note> notes;
  EXPECT_THAT(ReadArticles({"/nonexistent/a.txt"}, {}, &notes),
              StatusIs(absl::StatusCode::kNotFound,
                       HasSubstr("cannot open '/nonexistent/a.txt'")));
}

}  // namespace
}  // namespace crosscheck::ingest
