// Status propagation macros for code returning absl::Status / StatusOr.
//
//   CC_RETURN_IF_ERROR(WriteFile(path, data));
//   CC_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
//
// Abseil 20220623 (Debian 12) has no public equivalents.

#ifndef SRC_BASE_STATUS_MACROS_H_
#define SRC_BASE_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Evaluates `expr` (an absl::Status); returns it from the enclosing function
// when it is not OK.
#define CC_RETURN_IF_ERROR(expr)                     \
  do {                                               \
    ::absl::Status cc_status_ = (expr);              \
    if (!cc_status_.ok()) return cc_status_;         \
  } while (false)

#define CC_STATUS_MACROS_CONCAT_INNER_(a, b) a##b
#define CC_STATUS_MACROS_CONCAT_(a, b) CC_STATUS_MACROS_CONCAT_INNER_(a, b)

// Evaluates `rexpr` (an absl::StatusOr<T>); on error returns its status from
// the enclosing function, otherwise moves the value into `lhs`, which may be
// a declaration.
#define CC_ASSIGN_OR_RETURN(lhs, rexpr)                                     \
  CC_ASSIGN_OR_RETURN_IMPL_(                                                \
      CC_STATUS_MACROS_CONCAT_(cc_statusor_, __LINE__), lhs, rexpr)

#define CC_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                              \
  if (!statusor.ok()) return std::move(statusor).status(); \
  lhs = std::move(statusor).value()

#endif  // SRC_BASE_STATUS_MACROS_H_
