// Lines of a text as byte ranges.

#ifndef SRC_BASE_LINES_H_
#define SRC_BASE_LINES_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"

namespace crosscheck::base {

// A line: bytes [begin, end) of the text, without its "\n" and without a
// "\r" before it.
struct LineRange {
  size_t begin = 0;
  size_t end = 0;
};

// The lines of `text` in order; at least one (empty text is one empty line).
// A final "\n" is followed by one more, empty, line. Linear in the text.
std::vector<LineRange> SplitLines(absl::string_view text);

}  // namespace crosscheck::base

#endif  // SRC_BASE_LINES_H_
