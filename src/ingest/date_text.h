// Publication dates as bylines and date lines write them. Internal to the
// ingest stage.

#ifndef SRC_INGEST_DATE_TEXT_H_
#define SRC_INGEST_DATE_TEXT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace crosscheck::ingest::internal {

// Normalizes a date to "YYYY-MM-DD": accepts "2024-06-05",
// "2024-06-05T10:00:00Z" and "June 5, 2024" / "5 June 2024" (optionally with
// a weekday before and a time after). Empty when not a real calendar day.
std::string NormalizeDate(absl::string_view text);

}  // namespace crosscheck::ingest::internal

#endif  // SRC_INGEST_DATE_TEXT_H_
