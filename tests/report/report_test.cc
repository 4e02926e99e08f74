// Renderers and serialization of the report stage, on a hand-built report.

#include "src/report/report.h"

#include <string>

#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace crosscheck::report {
namespace {

using crosscheck::v1::Alignment;
using crosscheck::v1::Article;
using crosscheck::v1::Claim;
using crosscheck::v1::Report;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

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

TEST(RenderTextTest, QuoteVariantsShowAWordDiff) {
  const std::string text = RenderText(SampleReport(), RenderOptions());
  EXPECT_THAT(text, HasSubstr("a new chapter of [-trust-] {+cooperation+}"));
}

TEST(RenderTextTest, ColorUsesAnsiEscapes) {
  RenderOptions options;
  options.color = true;
  EXPECT_THAT(RenderText(SampleReport(), options), HasSubstr("\x1b[1;31m"));
}

TEST(RenderMarkdownTest, HeadingsPerVerdictAndBoldMentions) {
  const std::string md = RenderMarkdown(SampleReport());
  EXPECT_THAT(md, AllOf(HasSubstr("# crosscheck report"),
                        HasSubstr("## DISCREPANCY"),
                        HasSubstr("### summit (ordinal)"),
                        HasSubstr("It was the **30th** summit."),
                        HasSubstr("[-trust-] {+cooperation+}")));
}

TEST(RenderDiffTest, PairsClaimsSideBySide) {
  const std::string diff = RenderDiff(SampleReport("diff"), RenderOptions());
  EXPECT_THAT(diff, AllOf(HasSubstr("Daily Ledger (ledger)"),
                          HasSubstr("Northern Courier (courier)"),
                          HasSubstr("≠ thirty-first"), HasSubstr("│ 30th"),
                          HasSubstr("2 ≠ discrepancies")));
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
