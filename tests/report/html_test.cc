// Tests of the HTML page: every text escaped, one group element per
// alignment with its verdict and kind, the claim marked, quote word diffs as
// <del>/<ins>, filters, nothing loaded from outside, same bytes every time.

#include "src/report/html.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/crosscheck/v1/report.pb.h"
#include "src/base/utf8.h"
#include "src/report/report.h"
#include "tests/testing/text.h"

namespace crosscheck::report {
namespace {

using crosscheck::v1::Alignment;
using crosscheck::v1::Article;
using crosscheck::v1::Claim;
using crosscheck::v1::Report;
using ::testing::HasSubstr;
using ::testing::Not;

using ::crosscheck::testing::Occurrences;

// An article and a claim whose span is `mention` inside `text`, and whose
// sentence is the whole text.
struct Source {
  Article article;
  Claim claim;
};

Source MakeSource(const std::string& article_id, const std::string& outlet,
                  const std::string& text, const std::string& mention,
                  const std::string& claim_id, Claim::Kind kind) {
  Source s;
  s.article.set_id(article_id);
  s.article.set_outlet(outlet);
  s.article.set_text(text);
  const size_t begin = text.find(mention);
  EXPECT_NE(begin, std::string::npos) << mention;
  s.claim.set_id(claim_id);
  s.claim.set_article_id(article_id);
  s.claim.set_kind(kind);
  s.claim.set_text(mention);
  s.claim.mutable_span()->set_begin(begin);
  s.claim.mutable_span()->set_end(begin + mention.size());
  s.claim.mutable_sentence()->set_begin(0);
  s.claim.mutable_sentence()->set_end(text.size());
  s.claim.set_line(1);
  s.claim.set_column(begin + 1);
  return s;
}

// Two outlets quoting one minister in different words, an agreement on a
// date, and a figure only one of them gives. The first outlet's name, its
// title and the text around the quote hold markup and ampersands.
Report TwoOutlets() {
  Source ledger = MakeSource(
      "ledger", "Ledger <b>&</b> Sons",
      "Dahl said \xE2\x80\x9CTrade & ties will surely grow,\xE2\x80\x9D "
      "<script>alert('x')</script> on Monday.",
      "\xE2\x80\x9CTrade & ties will surely grow,\xE2\x80\x9D", "ledger-q1",
      Claim::KIND_QUOTE);
  ledger.article.set_title("Ports & <rails>");
  ledger.claim.mutable_quote()->set_text("Trade & ties will surely grow,");
  ledger.claim.mutable_quote()->set_speaker("Sofie Dahl");
  Source times = MakeSource(
      "times", "Harbor Times",
      "\xE2\x80\x9CTrade & ties will grow fast,\xE2\x80\x9D Dahl said.",
      "\xE2\x80\x9CTrade & ties will grow fast,\xE2\x80\x9D", "times-q1",
      Claim::KIND_QUOTE);
  times.claim.mutable_quote()->set_text("Trade & ties will grow fast,");
  times.claim.mutable_quote()->set_speaker("Sofie Dahl");
  // A date and a figure at the same place, so that every group has text.
  Claim ledger_date = ledger.claim;
  ledger_date.set_id("ledger-d1");
  ledger_date.set_kind(Claim::KIND_DATE);
  ledger_date.clear_quote();
  Claim times_date = times.claim;
  times_date.set_id("times-d1");
  times_date.set_kind(Claim::KIND_DATE);
  times_date.clear_quote();
  Claim ledger_figure = ledger.claim;
  ledger_figure.set_id("ledger-f1");
  ledger_figure.set_kind(Claim::KIND_FIGURE);
  ledger_figure.clear_quote();

  std::vector<Alignment> alignments(3);
  alignments[0].set_id("a1");
  alignments[0].set_verdict(Alignment::VERDICT_DISCREPANCY);
  alignments[0].set_kind(Claim::KIND_QUOTE);
  alignments[0].set_subject("quote of Sofie Dahl");
  alignments[0].set_summary("Ledger <b>&</b> Sons: \xE2\x80\x9Csurely\xE2\x80\x9D");
  alignments[0].set_confidence(0.875);
  alignments[0].add_claim_ids("ledger-q1");
  alignments[0].add_claim_ids("times-q1");
  alignments[1].set_id("a2");
  alignments[1].set_verdict(Alignment::VERDICT_AGREE);
  alignments[1].set_kind(Claim::KIND_DATE);
  alignments[1].add_claim_ids("ledger-d1");
  alignments[1].add_claim_ids("times-d1");
  alignments[2].set_id("a3");
  alignments[2].set_verdict(Alignment::VERDICT_SINGLE_SOURCE);
  alignments[2].set_kind(Claim::KIND_FIGURE);
  alignments[2].add_claim_ids("ledger-f1");

  crosscheck::v1::RunInfo run;
  run.set_tool_version("9.9.9");
  run.set_command("report");
  (*run.mutable_options())["format"] = "html";
  (*run.mutable_options())["outlet"] = "x";
  Report report = BuildReport(
      {ledger.article, times.article},
      {ledger.claim, ledger_date, ledger_figure, times.claim, times_date},
      alignments, {}, run);
  auto* names = report.add_name_groups();
  names->set_name("Sofie Dahl");
  names->add_variants()->set_written("Sofie Dahl");
  auto* variant = names->add_variants();
  variant->set_written("S. <Dahl>");
  variant->add_article_ids("times");
  return report;
}

std::string VerdictKey(Alignment::Verdict v) {
  switch (v) {
    case Alignment::VERDICT_DISCREPANCY:
      return "discrepancy";
    case Alignment::VERDICT_COMPATIBLE:
      return "compatible";
    case Alignment::VERDICT_AGREE:
      return "agree";
    default:
      return "single-source";
  }
}

TEST(RenderHtmlTest, IsOneHtml5Document) {
  const std::string page = RenderHtml(TwoOutlets(), RenderOptions());
  EXPECT_TRUE(absl::StartsWith(page, "<!DOCTYPE html>\n"));
  EXPECT_THAT(page, HasSubstr("<meta charset=\"utf-8\">"));
  EXPECT_TRUE(absl::EndsWith(page, "</html>\n"));
  EXPECT_EQ(Occurrences(page, "<style>"), 1);
  EXPECT_EQ(Occurrences(page, "<script>"), 1);
}

TEST(RenderHtmlTest, EscapesEveryTextFromTheReport) {
  const std::string page = RenderHtml(TwoOutlets(), RenderOptions());
  // Only the page's own script element: the article's is text.
  EXPECT_EQ(Occurrences(page, "<script"), 1);
  EXPECT_THAT(page, Not(HasSubstr("alert('x')")));
  EXPECT_THAT(page, HasSubstr("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
  EXPECT_THAT(page, Not(HasSubstr("<b>")));
  EXPECT_THAT(page, HasSubstr("Ledger &lt;b&gt;&amp;&lt;/b&gt; Sons"));
  EXPECT_THAT(page, HasSubstr("Ports &amp; &lt;rails&gt;"));
  EXPECT_THAT(page, HasSubstr("S. &lt;Dahl&gt;"));
  // Curly quotes stay as they are.
  EXPECT_THAT(page, HasSubstr("\xE2\x80\x9Csurely\xE2\x80\x9D"));
}

TEST(RenderHtmlTest, OutputIsValidUtf8EvenForInvalidInput) {
  Report report = TwoOutlets();
  report.mutable_articles(0)->set_title(
      "bad \xFF byte, \x01 and \xC2\x85 controls");
  const std::string page = RenderHtml(report, RenderOptions());
  EXPECT_EQ(base::RepairUtf8(page, nullptr), page);
  EXPECT_THAT(page, HasSubstr("bad \xEF\xBF\xBD byte, \xEF\xBF\xBD and "
                              "\xEF\xBF\xBD controls"));
}

TEST(RenderHtmlTest, OneGroupPerAlignmentWithVerdictAndKind) {
  const Report report = TwoOutlets();
  const std::string page = RenderHtml(report, RenderOptions());
  EXPECT_EQ(Occurrences(page, "<section class=\"group\""),
            report.alignments_size());
  for (const Alignment& a : report.alignments()) {
    int same = 0;
    for (const Alignment& b : report.alignments()) {
      same += b.verdict() == a.verdict() && b.kind() == a.kind();
    }
    const std::string kind = a.kind() == Claim::KIND_QUOTE    ? "quote"
                             : a.kind() == Claim::KIND_DATE   ? "date"
                                                              : "figure";
    EXPECT_EQ(Occurrences(page, "<section class=\"group\" data-verdict=\"" +
                                    VerdictKey(a.verdict()) +
                                    "\" data-kind=\"" + kind + "\""),
              same)
        << a.id();
    EXPECT_THAT(page, HasSubstr("id=\"group-" + a.id() + "\" tabindex=\"0\""));
  }
}

TEST(RenderHtmlTest, SectionsFollowTheTextReportsOrder) {
  Report report = TwoOutlets();
  // Put the agreement first in the report: the page still opens with the
  // discrepancy.
  report.mutable_alignments()->SwapElements(0, 1);
  const std::string page = RenderHtml(report, RenderOptions());
  const size_t discrepancy = page.find("data-section=\"discrepancy\"");
  const size_t agree = page.find("data-section=\"agree\"");
  const size_t single = page.find("data-section=\"single-source\"");
  ASSERT_NE(discrepancy, std::string::npos);
  ASSERT_NE(agree, std::string::npos);
  ASSERT_NE(single, std::string::npos);
  EXPECT_LT(discrepancy, agree);
  EXPECT_LT(agree, single);
}

TEST(RenderHtmlTest, LeavesOutSingleSourceClaimsWhenAsked) {
  RenderOptions options;
  options.single_source = false;
  const std::string page = RenderHtml(TwoOutlets(), options);
  EXPECT_THAT(page, Not(HasSubstr("data-verdict=\"single-source\"")));
  EXPECT_THAT(page, HasSubstr("data-verdict=\"discrepancy\""));
}

TEST(RenderHtmlTest, ShowsEachOutletsVersionWithTheClaimMarked) {
  const std::string page = RenderHtml(TwoOutlets(), RenderOptions());
  EXPECT_THAT(page, HasSubstr("<mark>\xE2\x80\x9CTrade &amp; ties will surely "
                              "grow,\xE2\x80\x9D</mark>"));
  EXPECT_THAT(page, HasSubstr("<mark>\xE2\x80\x9CTrade &amp; ties will grow "
                              "fast,\xE2\x80\x9D</mark>"));
  EXPECT_THAT(page, HasSubstr(">ledger:1:11<"));
  EXPECT_THAT(page, HasSubstr(">times:1:1<"));
  EXPECT_THAT(page, HasSubstr("confidence 0.88"));
  EXPECT_THAT(page, HasSubstr("<h4>Harbor Times</h4>"));
}

TEST(RenderHtmlTest, QuoteVariantsShowAWordDiff) {
  const std::string page = RenderHtml(TwoOutlets(), RenderOptions());
  // The versions have as many words: the first is the base, named by its
  // outlet (escaped), and only the second is compared with it.
  EXPECT_THAT(page, HasSubstr("<p class=\"diff\"><span class=\"dim\">Words "
                              "vs. Ledger &lt;b&gt;&amp;&lt;/b&gt; Sons&#39;s "
                              "version:</span> trade ties will "
                              "<del>surely</del> grow <ins>fast</ins></p>"));
  EXPECT_EQ(Occurrences(page, "class=\"diff\""), 1);
}

TEST(RenderHtmlTest, OffersKeyboardUsableFilters) {
  const std::string page = RenderHtml(TwoOutlets(), RenderOptions());
  for (const char* verdict :
       {"discrepancy", "compatible", "agree", "single-source"}) {
    EXPECT_THAT(page, HasSubstr(std::string("data-filter=\"verdict\" value=\"") +
                                verdict + "\" checked>"));
  }
  for (const char* kind : {"figure", "date", "quote"}) {
    EXPECT_THAT(page, HasSubstr(std::string("data-filter=\"kind\" value=\"") +
                                kind + "\" checked>"));
  }
  EXPECT_THAT(page, HasSubstr("<button type=\"button\""));
  EXPECT_THAT(page, HasSubstr(":focus-visible"));
  EXPECT_THAT(page, HasSubstr("@media print"));
}

TEST(RenderHtmlTest, HeaderHasCountsArticlesAndNamesUnified) {
  const std::string page = RenderHtml(TwoOutlets(), RenderOptions());
  EXPECT_THAT(page, HasSubstr("2 articles, 5 claims (1 figure, 2 dates, 2 "
                              "quotes)"));
  EXPECT_THAT(page, HasSubstr("1 discrepancy"));
  EXPECT_THAT(page, HasSubstr("Names unified"));
  EXPECT_THAT(page, HasSubstr("<strong>Sofie Dahl</strong> (also "
                              "<em>S. &lt;Dahl&gt;</em> in Harbor Times)"));
}

TEST(RenderHtmlTest, RefersToNothingOutside) {
  const std::string page = RenderHtml(TwoOutlets(), RenderOptions());
  EXPECT_THAT(page, Not(HasSubstr("http://")));
  EXPECT_THAT(page, Not(HasSubstr("https://")));
  EXPECT_THAT(page, Not(HasSubstr(" src=")));
  EXPECT_THAT(page, Not(HasSubstr("<link")));
  EXPECT_THAT(page, Not(HasSubstr("@import")));
  EXPECT_THAT(page, Not(HasSubstr("url(")));
}

TEST(RenderHtmlTest, SameReportGivesTheSameBytes) {
  const Report report = TwoOutlets();
  const std::string page = RenderHtml(report, RenderOptions());
  EXPECT_EQ(RenderHtml(report, RenderOptions()), page);
  Report copy;
  ASSERT_TRUE(copy.ParseFromString(report.SerializeAsString()));
  EXPECT_EQ(RenderHtml(copy, RenderOptions()), page);
}

TEST(RenderHtmlTest, ClaimsMissingFromTheReportAreSkipped) {
  Report report = TwoOutlets();
  report.mutable_alignments(0)->add_claim_ids("no-such-claim");
  report.mutable_claims(0)->mutable_span()->set_end(1u << 30);
  const std::string page = RenderHtml(report, RenderOptions());
  EXPECT_EQ(Occurrences(page, "<article class=\"version\">"),
            report.claims_size());
}

}  // namespace
}  // namespace crosscheck::report
