// Quote attribution on crosscheck's own attribution cases
// (tests/extract/data/attribution_cases.textproto) must stay at accuracy
// 0.95 or more: right (quote, speaker) pairs over expected quotes plus
// quotes found that match none (docs/accuracy.md, "Quote attribution").

#include <string>

#include "gtest/gtest.h"
#include "proto/crosscheck/v1/expectation.pb.h"
#include "tests/testing/status_matchers.h"
#include "tools/quote_eval/quote_eval.h"

namespace crosscheck::quote_eval {
namespace {

constexpr char kSuite[] = "tests/extract/data/attribution_cases.textproto";
constexpr double kMinAccuracy = 0.95;

TEST(QuoteAttributionAccuracyTest, OwnSetReachesTheTarget) {
  const absl::StatusOr<crosscheck::v1::AttributionSuite> suite =
      ReadAttributionSuite(kSuite);
  ASSERT_OK(suite);
  ASSERT_GT(suite->cases_size(), 0) << kSuite << " holds no case";
  QuoteEvalReport report;
  ScoreOwnSet(*suite, kSuite, /*failures=*/true, &report);
  ASSERT_EQ(report.sets_size(), 1);
  const SetScore& own = report.sets(0);
  EXPECT_GT(own.expected(), 0);
  EXPECT_GE(own.accuracy(), kMinAccuracy) << FormatMarkdown(report);
}

}  // namespace
}  // namespace crosscheck::quote_eval
