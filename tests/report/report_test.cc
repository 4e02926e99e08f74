// Renderers and serialization of the report stage, on a hand-built report.

#include "src/report/report.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "src/report/html.h"
#include "tests/testing/text.h"

namespace crosscheck::report {
namespace {

using crosscheck::v1::Alignment;
using crosscheck::v1::Article;
using crosscheck::v1::Claim;
using crosscheck::v1::QuoteDiff;
using crosscheck::v1::Report;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

using ::crosscheck::testing::Occurrences;

// The width of `line` in code points.
size_t CodePoints(const std::string& line) {
  size_t n = 0;
  for (unsigned char ch : line) n += (ch & 0xC0) != 0x80;
  return n;
}

Claim MakeClaim(const Article& article, const std::string& id,
                const std::string& mention, const std::string& sentence,
                Claim::Kind kind) {
  Claim c;
  c.set_id(id);
  c.set_article_id(article.id());
  c.set_kind(kind);
  const size_t s = article.text().find(sentence);
  const size_t m = article.text().find(mention, s);
  c.mutable_sentence()->set_begin(s);
  c.mutable_sentence()->set_end(s + sentence.size());
  c.mutable_span()->set_begin(m);
  c.mutable_span()->set_end(m + mention.size());
  c.set_text(mention);
  c.set_line(1);
  c.set_column(m + 1);
  return c;
}

// The report of `command` ("report" or "diff") over two articles given
// ledger first, then courier.
Report SampleReport(const std::string& command = "report") {
  Article a, b;
  a.set_id("ledger");
  a.set_outlet("Daily Ledger");
  a.set_text(
      "It was the thirty-first summit. “A new chapter of trust,” Solberg "
      "said.");
  b.set_id("courier");
  b.set_outlet("Northern Courier");
  b.set_text(
      "It was the 30th summit. “A new chapter of cooperation,” Solberg said.");
  Claim a1 = MakeClaim(a, "ledger:f1", "thirty-first",
                       "It was the thirty-first summit.", Claim::KIND_FIGURE);
  a1.mutable_figure()->set_value(31);
  a1.mutable_figure()->set_ordinal(true);
  a1.mutable_figure()->set_counted("summit");
  Claim b1 = MakeClaim(b, "courier:f1", "30th", "It was the 30th summit.",
                       Claim::KIND_FIGURE);
  b1.mutable_figure()->set_value(30);
  b1.mutable_figure()->set_ordinal(true);
  b1.mutable_figure()->set_counted("summit");
  const std::string qa = "“A new chapter of trust,”";
  Claim a2 = MakeClaim(a, "ledger:q1", qa, a.text().substr(32),
                       Claim::KIND_QUOTE);
  a2.mutable_quote()->set_text("A new chapter of trust,");
  a2.mutable_quote()->set_speaker("Henrik Solberg");
  const std::string qb = "“A new chapter of cooperation,”";
  Claim b2 = MakeClaim(b, "courier:q1", qb, b.text().substr(24),
                       Claim::KIND_QUOTE);
  b2.mutable_quote()->set_text("A new chapter of cooperation,");
  b2.mutable_quote()->set_speaker("Henrik Solberg");

  Alignment g1;
  g1.set_id("a1");
  g1.set_verdict(Alignment::VERDICT_DISCREPANCY);
  g1.set_kind(Claim::KIND_FIGURE);
  g1.set_subject("summit (ordinal)");
  g1.set_summary("Daily Ledger: thirty-first; Northern Courier: 30th");
  g1.add_claim_ids("ledger:f1");
  g1.add_claim_ids("courier:f1");
  Alignment g2 = g1;
  g2.set_id("a2");
  g2.set_kind(Claim::KIND_QUOTE);
  g2.set_subject("quote of Henrik Solberg");
  g2.set_summary("the quoted words differ");
  g2.clear_claim_ids();
  g2.add_claim_ids("ledger:q1");
  g2.add_claim_ids("courier:q1");
  crosscheck::v1::RunInfo run;
  run.set_tool_version("0.1.0");
  run.set_command(command);
  (*run.mutable_options())["format"] = "text";
  (*run.mutable_options())["keep_going"] = "false";
  return BuildReport({a, b}, {a1, a2, b1, b2}, {g1, g2}, {}, run);
}

TEST(BuildReportTest, OrderDoesNotDependOnInputOrderExceptForDiff) {
  // A report lists articles by id, and claims by article, then position.
  const Report report = SampleReport("report");
  ASSERT_EQ(report.articles_size(), 2);
  EXPECT_EQ(report.articles(0).id(), "courier");
  EXPECT_EQ(report.articles(1).id(), "ledger");
  std::vector<std::string> claim_ids;
  for (const Claim& c : report.claims()) claim_ids.push_back(c.id());
  EXPECT_THAT(claim_ids, ElementsAre("courier:f1", "courier:q1", "ledger:f1",
                                     "ledger:q1"));
  // "diff A B" keeps A on the left.
  const Report diff = SampleReport("diff");
  EXPECT_EQ(diff.articles(0).id(), "ledger");
  EXPECT_EQ(diff.claims(0).article_id(), "ledger");
}

TEST(BuildReportTest, CountsClaimsAndVerdicts) {
  const Report r = SampleReport();
  EXPECT_EQ(r.counts().articles(), 2u);
  EXPECT_EQ(r.counts().figures(), 2u);
  EXPECT_EQ(r.counts().quotes(), 2u);
  EXPECT_EQ(r.counts().dates(), 0u);
  EXPECT_EQ(r.counts().discrepancy(), 2u);
  EXPECT_EQ(r.counts().agree(), 0u);
}

TEST(RenderTextTest, ShowsEveryOutletWithTheMentionMarkedAndLocated) {
  const std::string text = RenderText(SampleReport(), RenderOptions());
  EXPECT_THAT(text, AllOf(HasSubstr("2 discrepancies"),
                          HasSubstr("DISCREPANCY  summit (ordinal)"),
                          HasSubstr("It was the ⟦thirty-first⟧ summit."),
                          HasSubstr("It was the ⟦30th⟧ summit."),
                          HasSubstr("ledger:1:12"), HasSubstr("Daily Ledger")));
  EXPECT_THAT(text, Not(HasSubstr("\x1b[")));
}

TEST(BuildReportTest, FillsTheWordDiffOfEachQuoteGroup) {
  const Report report = SampleReport();
  ASSERT_EQ(report.alignments_size(), 2);
  // The figures have none; the quotes one, of the second version against
  // the first (both have five words).
  EXPECT_THAT(report.alignments(0).quote_diffs(), IsEmpty());
  const Alignment& quotes = report.alignments(1);
  ASSERT_EQ(quotes.quote_diffs_size(), 1);
  const QuoteDiff& diff = quotes.quote_diffs(0);
  EXPECT_EQ(diff.claim_id(), "courier:q1");
  EXPECT_EQ(diff.base_claim_id(), "ledger:q1");
  EXPECT_FALSE(diff.too_long());
  std::vector<std::string> edits;
  for (const QuoteDiff::WordEdit& e : diff.edits()) {
    edits.push_back(
        absl::StrCat(QuoteDiff::WordEdit::Op_Name(e.op()), " ", e.word()));
  }
  EXPECT_THAT(edits, ElementsAre("OP_COMMON a", "OP_COMMON new",
                                 "OP_COMMON chapter", "OP_COMMON of",
                                 "OP_DELETED trust", "OP_ADDED cooperation"));
}

// A report of one quote in three outlets: `texts[i]` is outlet i's version.
Report ThreeVersions(const std::vector<std::string>& texts) {
  std::vector<Article> articles;
  std::vector<Claim> claims;
  Alignment group;
  group.set_id("a1");
  group.set_verdict(Alignment::VERDICT_COMPATIBLE);
  group.set_kind(Claim::KIND_QUOTE);
  for (size_t i = 0; i < texts.size(); ++i) {
    Article a;
    a.set_id(absl::StrCat("art", i));
    a.set_outlet(absl::StrCat("Outlet ", i));
    a.set_text(absl::StrCat("“", texts[i], "” Vos said."));
    Claim c = MakeClaim(a, absl::StrCat("art", i, ":q1"),
                        absl::StrCat("“", texts[i], "”"), a.text(),
                        Claim::KIND_QUOTE);
    c.mutable_quote()->set_text(texts[i]);
    group.add_claim_ids(c.id());
    articles.push_back(a);
    claims.push_back(c);
  }
  crosscheck::v1::RunInfo run;
  run.set_command("report");
  return BuildReport(articles, claims, {group}, {}, run);
}

TEST(BuildReportTest, QuoteVersionsAreComparedWithTheLongest) {
  // The fragment is listed first; the full quote is the base of both other
  // versions, and a version with the base's words has no diff.
  const Report report = ThreeVersions(
      {"a new chapter", "This visit opens a new chapter of trust.",
       "this visit opens a new chapter of trust"});
  ASSERT_EQ(report.alignments_size(), 1);
  const Alignment& group = report.alignments(0);
  ASSERT_EQ(group.quote_diffs_size(), 1);
  EXPECT_EQ(group.quote_diffs(0).claim_id(), "art0:q1");
  EXPECT_EQ(group.quote_diffs(0).base_claim_id(), "art1:q1");
  EXPECT_THAT(RenderText(report, RenderOptions()),
              HasSubstr("words vs. Outlet 1's version: [-this-] [-visit-] "
                        "[-opens-] a new chapter [-of-] [-trust-]\n"));
}

TEST(BuildReportTest, NoQuoteDiffsWhenTheWordsAreTheSame) {
  const Report report =
      ThreeVersions({"We will see.", "we will see", "We will, see"});
  EXPECT_THAT(report.alignments(0).quote_diffs(), IsEmpty());
  EXPECT_THAT(RenderText(report, RenderOptions()), Not(HasSubstr("words vs.")));
}

TEST(RenderTextTest, QuoteVariantsShowAWordDiff) {
  const std::string text = RenderText(SampleReport(), RenderOptions());
  EXPECT_THAT(text, HasSubstr("\n    words vs. Daily Ledger's version: a new "
                              "chapter of [-trust-] {+cooperation+}\n"));
  EXPECT_EQ(Occurrences(text, "words vs."), 1);
}

TEST(RenderTextTest, ColorUsesAnsiEscapes) {
  RenderOptions options;
  options.color = true;
  const std::string text = RenderText(SampleReport(), options);
  EXPECT_THAT(text, HasSubstr("\x1b[1;31m"));
  // Changed words keep their marks, in colour.
  EXPECT_THAT(text, HasSubstr("\x1b[1;31m[-trust-]\x1b[0m \x1b[32m"
                              "{+cooperation+}\x1b[0m"));
}

TEST(RenderMarkdownTest, HeadingsPerVerdictAndBoldMentions) {
  const std::string md = RenderMarkdown(SampleReport());
  EXPECT_THAT(
      md, AllOf(HasSubstr("# crosscheck report"), HasSubstr("## DISCREPANCY"),
                HasSubstr("### summit (ordinal)"),
                HasSubstr("It was the **30th** summit.")));
  EXPECT_THAT(md, HasSubstr("\n  - words vs. Daily Ledger's version: a new "
                            "chapter of [-trust-] {+cooperation+}\n"));
}

TEST(RenderDiffTest, PairsClaimsSideBySide) {
  const std::string diff = RenderDiff(SampleReport("diff"), RenderOptions());
  EXPECT_THAT(diff, AllOf(HasSubstr("Daily Ledger (ledger)"),
                          HasSubstr("Northern Courier (courier)"),
                          HasSubstr("≠ thirty-first"), HasSubstr("│ 30th"),
                          HasSubstr("2 ≠ discrepancies")));
}

TEST(RenderDiffTest, QuoteRowsShowTheWordDiffBelow) {
  const std::string diff = RenderDiff(SampleReport("diff"), RenderOptions());
  const std::string line =
      "\n    words vs. Daily Ledger's version: a new chapter of [-trust-] "
      "{+cooperation+}\n";
  EXPECT_THAT(diff, HasSubstr(line));
  // Right under the quote's row.
  const size_t row = diff.find("≠ “A new chapter of trust,”");
  ASSERT_NE(row, std::string::npos);
  EXPECT_EQ(diff.find('\n', row), diff.find(line));
  RenderOptions color;
  color.color = true;
  EXPECT_THAT(RenderDiff(SampleReport("diff"), color),
              HasSubstr("\x1b[1;31m[-trust-]\x1b[0m \x1b[32m"
                        "{+cooperation+}\x1b[0m"));
}

TEST(RenderDiffTest, AgreeingQuoteRowsShowNoWordDiff) {
  Report report = SampleReport("diff");
  report.mutable_alignments(1)->set_verdict(Alignment::VERDICT_AGREE);
  ASSERT_EQ(report.alignments(1).quote_diffs_size(), 1);
  EXPECT_THAT(RenderDiff(report, RenderOptions()), Not(HasSubstr("words vs.")));
}

TEST(RenderDiffTest, LongWordDiffsWrapWithinTheTable) {
  std::string left = "“", right = "“";
  for (int i = 0; i < 40; ++i) {
    absl::StrAppend(&left, "word", i, " ");
    absl::StrAppend(&right, i % 7 == 3 ? "other" : "word", i, " ");
  }
  absl::StrAppend(&left, "end.”");
  absl::StrAppend(&right, "end.”");
  Report report = SampleReport("diff");
  report.mutable_claims(1)->mutable_quote()->set_text(left);
  report.mutable_claims(3)->mutable_quote()->set_text(right);
  report = BuildReport({report.articles().begin(), report.articles().end()},
                       {report.claims().begin(), report.claims().end()},
                       {report.alignments().begin(), report.alignments().end()},
                       {}, report.run());
  const std::string diff = RenderDiff(report, RenderOptions());
  const std::vector<std::string> lines = absl::StrSplit(diff, '\n');
  // The table's width: the header rule.
  ASSERT_GT(lines.size(), 2u);
  const size_t width = CodePoints(lines[1]);
  std::string words;
  bool in_diff = false;
  for (const std::string& line : lines) {
    EXPECT_LE(CodePoints(line), width) << line;
    if (absl::StartsWith(line, "    words vs. ")) in_diff = true;
    if (!in_diff) continue;
    if (!absl::StartsWith(line, "    ")) break;
    absl::StrAppend(&words, words.empty() ? "" : " ",
                    absl::StripLeadingAsciiWhitespace(line));
  }
  // Every word is there, in order.
  EXPECT_THAT(words, HasSubstr("word2 [-word3-] {+other3+} word4"));
  EXPECT_THAT(words, HasSubstr("[-word38-] {+other38+} word39 end"));
}

TEST(RenderersTest, EveryFormatShowsTheReportsQuoteDiffs) {
  // Renderers read Alignment.quote_diffs: a diff edited in the report shows
  // in every format, a removed one in none.
  Report report = SampleReport("diff");
  QuoteDiff* diff = report.mutable_alignments(1)->mutable_quote_diffs(0);
  diff->mutable_edits(5)->set_word("partnership");
  EXPECT_THAT(RenderText(report, RenderOptions()),
              HasSubstr("[-trust-] {+partnership+}"));
  EXPECT_THAT(RenderMarkdown(report), HasSubstr("[-trust-] {+partnership+}"));
  EXPECT_THAT(RenderDiff(report, RenderOptions()),
              HasSubstr("[-trust-] {+partnership+}"));
  EXPECT_THAT(RenderHtml(report, RenderOptions()),
              HasSubstr("<del>trust</del> <ins>partnership</ins>"));
  diff->clear_edits();
  diff->set_too_long(true);
  for (const std::string& out :
       {RenderText(report, RenderOptions()), RenderMarkdown(report),
        RenderDiff(report, RenderOptions()),
        RenderHtml(report, RenderOptions())}) {
    EXPECT_THAT(out, HasSubstr("(too long to compare word by word)"));
  }
  report.mutable_alignments(1)->clear_quote_diffs();
  for (const std::string& out :
       {RenderText(report, RenderOptions()), RenderMarkdown(report),
        RenderDiff(report, RenderOptions())}) {
    EXPECT_THAT(out, Not(HasSubstr("words vs.")));
  }
  EXPECT_THAT(RenderHtml(report, RenderOptions()), Not(HasSubstr("Words vs.")));
}

TEST(FormatTest, ParsesKnownFormatsAndNamesUnknownOnes) {
  EXPECT_EQ(*ParseFormat("json"), Format::kJson);
  EXPECT_EQ(*ParseFormat("binpb"), Format::kBinpb);
  EXPECT_EQ(*ParseFormat("textproto"), Format::kTextproto);
  EXPECT_EQ(*ParseFormat("markdown"), Format::kMarkdown);
  const auto bad = ParseFormat("xml");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(std::string(bad.status().message()), HasSubstr("'xml'"));
}

TEST(SerializeTest, BinpbToJsonToBinpbIsIdentical) {
  const Report report = SampleReport();
  const std::string binpb = *Serialize(report, Format::kBinpb);
  Report parsed;
  ASSERT_TRUE(parsed.ParseFromString(binpb));
  const std::string json = *Serialize(parsed, Format::kJson);
  EXPECT_THAT(json, AllOf(HasSubstr("\"claimIds\""),
                          HasSubstr("\"VERDICT_DISCREPANCY\""),
                          HasSubstr("\"KIND_FIGURE\"")));
  EXPECT_THAT(json,
              AllOf(HasSubstr("\"quoteDiffs\""),
                    HasSubstr("\"baseClaimId\":\"ledger:q1\""),
                    HasSubstr("{\"op\":\"OP_DELETED\",\"word\":\"trust\"}"),
                    HasSubstr("{\"op\":\"OP_ADDED\",\"word\":"
                              "\"cooperation\"}")));
  Report from_json;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json, &from_json).ok());
  EXPECT_EQ(*Serialize(from_json, Format::kBinpb), binpb);
}

TEST(SerializeTest, TextprotoParsesBack) {
  const Report report = SampleReport();
  Report parsed;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      *Serialize(report, Format::kTextproto), &parsed));
  EXPECT_EQ(*Serialize(parsed, Format::kBinpb),
            *Serialize(report, Format::kBinpb));
}

}  // namespace
}  // namespace crosscheck::report
