// The alignment harness: how a report's groups are judged against planted
// items (tools/align_eval/score.h).

#include <string>

#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "proto/crosscheck/v1/expectation.pb.h"
#include "proto/crosscheck/v1/report.pb.h"
#include "tools/align_eval/score.h"

namespace crosscheck::align_eval {
namespace {

using crosscheck::v1::Expectation;
using crosscheck::v1::Report;

// Two articles; "a" says the summit was the 31st and "b" the 30th, each
// also gives a toll, and each a quote.
Report TwoArticles() {
  Report report;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"pb(
        articles {
          id: "a"
          text: "It was the 31st summit. The toll rose to 214."
        }
        articles {
          id: "b"
          text: "It was the 30th summit. The toll rose to 261."
        }
        claims {
          id: "a:f1"
          article_id: "a"
          kind: KIND_FIGURE
          text: "31st"
          sentence { begin: 0 end: 23 }
        }
        claims {
          id: "a:f2"
          article_id: "a"
          kind: KIND_FIGURE
          text: "214"
          sentence { begin: 24 end: 45 }
        }
        claims {
          id: "b:f1"
          article_id: "b"
          kind: KIND_FIGURE
          text: "30th"
          sentence { begin: 0 end: 23 }
        }
        claims {
          id: "b:f2"
          article_id: "b"
          kind: KIND_FIGURE
          text: "261"
          sentence { begin: 24 end: 45 }
        }
      )pb",
      &report));
  return report;
}

Expectation Planted() {
  Expectation expectation;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"pb(
        items {
          name: "summit"
          kind: KIND_FIGURE
          verdict: VERDICT_DISCREPANCY
          mentions { article_id: "a" text: "31st" context: "summit" }
          mentions { article_id: "b" text: "30th" }
        }
        items {
          name: "toll-trap"
          kind: KIND_FIGURE
          trap: true
          mentions { article_id: "a" text: "214" }
          mentions { article_id: "b" text: "261" }
        }
      )pb",
      &expectation));
  return expectation;
}

void AddGroup(Report* report, const std::string& id,
              crosscheck::v1::Alignment::Verdict verdict,
              std::initializer_list<const char*> claims) {
  auto* a = report->add_alignments();
  a->set_id(id);
  a->set_verdict(verdict);
  for (const char* c : claims) a->add_claim_ids(c);
}

TEST(AlignEvalTest, FindClaimUsesTextAndSentenceContext) {
  const Report report = TwoArticles();
  const Expectation expectation = Planted();
  const auto* claim = FindClaim(report, expectation.items(0).mentions(0),
                                crosscheck::v1::Claim::KIND_FIGURE);
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ(claim->id(), "a:f1");
  crosscheck::v1::ExpectedMention wrong_context =
      expectation.items(0).mentions(0);
  wrong_context.set_context("toll");
  EXPECT_EQ(
      FindClaim(report, wrong_context, crosscheck::v1::Claim::KIND_FIGURE),
      nullptr);
}

TEST(AlignEvalTest, AFoundDiscrepancyAndAnUnflaggedTrapScoreFully) {
  Report report = TwoArticles();
  AddGroup(&report, "a1", crosscheck::v1::Alignment::VERDICT_DISCREPANCY,
           {"a:f1", "b:f1"});
  AddGroup(&report, "a2", crosscheck::v1::Alignment::VERDICT_SINGLE_SOURCE,
           {"a:f2"});
  AddGroup(&report, "a3", crosscheck::v1::Alignment::VERDICT_SINGLE_SOURCE,
           {"b:f2"});
  const StoryScore s = ScoreStory(report, Planted());
  EXPECT_EQ(s.items_planted, 1);
  EXPECT_EQ(s.items_found, 1);
  EXPECT_EQ(s.discrepancy_planted, 1);
  EXPECT_EQ(s.discrepancy_found, 1);
  EXPECT_EQ(s.discrepancy_flagged, 1);
  EXPECT_EQ(s.discrepancy_flagged_right, 1);
  EXPECT_EQ(s.groups_judged, 1);
  EXPECT_EQ(s.groups_right, 1);
  EXPECT_EQ(s.traps, 1);
  EXPECT_EQ(s.traps_flagged, 0);
}

TEST(AlignEvalTest, AFlaggedTrapIsAFalseDiscrepancyAndAMissedItem) {
  Report report = TwoArticles();
  AddGroup(&report, "a1", crosscheck::v1::Alignment::VERDICT_DISCREPANCY,
           {"a:f2", "b:f2"});
  AddGroup(&report, "a2", crosscheck::v1::Alignment::VERDICT_AGREE,
           {"a:f1", "b:f1"});
  const StoryScore s = ScoreStory(report, Planted());
  EXPECT_EQ(s.traps_flagged, 1);
  EXPECT_EQ(s.discrepancy_flagged, 1);
  EXPECT_EQ(s.discrepancy_flagged_right, 0);
  EXPECT_EQ(s.items_found, 0);  // the summit group has the wrong verdict
  EXPECT_EQ(s.groups_judged, 2);
  EXPECT_EQ(s.groups_right, 0);
  ASSERT_EQ(s.discrepancy_groups.size(), 1u);
  EXPECT_EQ(s.discrepancy_groups[0].why, "flags the trap toll-trap");
  EXPECT_DOUBLE_EQ(Ratio(s.discrepancy_flagged_right, s.discrepancy_flagged),
                   0.0);
  EXPECT_DOUBLE_EQ(Ratio(0, 0), 1.0);
}

}  // namespace
}  // namespace crosscheck::align_eval
