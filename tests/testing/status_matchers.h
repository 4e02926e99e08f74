// GoogleTest matchers for absl::Status and absl::StatusOr (Abseil 20220623
// has no public status_matchers.h).
//
//   EXPECT_THAT(ReadArticles(...).status(),
//               StatusIs(absl::StatusCode::kNotFound, HasSubstr("x.txt")));
//   ASSERT_OK(status);

#ifndef TESTS_TESTING_STATUS_MATCHERS_H_
#define TESTS_TESTING_STATUS_MATCHERS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crosscheck::testing {

inline const absl::Status& GetStatus(const absl::Status& status) {
  return status;
}

template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& status_or) {
  return status_or.status();
}

// Matches a Status or StatusOr whose code is `code` and whose message
// matches `message_matcher`.
MATCHER_P2(StatusIs, code, message_matcher,
           std::string("status code ") + absl::StatusCodeToString(code)) {
  const absl::Status& status = GetStatus(arg);
  if (status.code() != code) {
    *result_listener << "code is " << absl::StatusCodeToString(status.code())
                     << " (" << status.message() << ")";
    return false;
  }
  return ::testing::ExplainMatchResult(
      message_matcher, std::string(status.message()), result_listener);
}

// Matches an OK Status or StatusOr.
MATCHER(IsOk, "is OK") {
  const absl::Status& status = GetStatus(arg);
  if (!status.ok()) *result_listener << status.ToString();
  return status.ok();
}

}  // namespace crosscheck::testing

#define ASSERT_OK(expr) ASSERT_THAT(expr, ::crosscheck::testing::IsOk())
#define EXPECT_OK(expr) EXPECT_THAT(expr, ::crosscheck::testing::IsOk())

#endif  // TESTS_TESTING_STATUS_MATCHERS_H_
