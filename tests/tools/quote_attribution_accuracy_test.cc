// Quote attribution on crosscheck's own and held-out attribution cases
// (tests/extract/data/attribution_cases*.textproto) must stay at accuracy
// 0.95 or more: right (quote, speaker) pairs over expected quotes plus
// quotes found that match none (docs/accuracy.md, "Quote attribution").

#include <string>

#include "gtest/gtest.h"
#include "proto/crosscheck/v1/expectation.pb.h"
#include "tests/testing/status_matchers.h"
#include "tools/quote_eval/quote_eval.h"

namespace crosscheck::quote_eval {
namespace {

constexpr double kMinAccuracy = 0.95;

// Scores the suite at `path` as row `set` and checks the target.
void ExpectTarget(const char* path, const char* set) {
  const absl::StatusOr<crosscheck::v1::AttributionSuite> suite =
      ReadAttributionSuite(path);
  ASSERT_OK(suite);
  ASSERT_GT(suite->cases_size(), 0) << path << " holds no case";
  QuoteEvalReport report;
  ScoreOwnSet(*suite, path, /*failures=*/true, &report, set);
  ASSERT_EQ(report.sets_size(), 1);
  const SetScore& score = report.sets(0);
  EXPECT_GT(score.expected(), 0);
  EXPECT_GE(score.accuracy(), kMinAccuracy) << FormatMarkdown(report);
}

TEST(QuoteAttributionAccuracyTest, OwnSetReachesTheTarget) {
  ExpectTarget("tests/extract/data/attribution_cases.textproto", "own");
}

// The held-out cases were written apart from the extractor.
TEST(QuoteAttributionAccuracyTest, HeldOutSetReachesTheTarget) {
  ExpectTarget("tests/extract/data/attribution_cases_heldout.textproto",
               "held-out");
}

}  // namespace
}  // namespace crosscheck::quote_eval
