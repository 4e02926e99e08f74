// Lines of a text as byte ranges, and the line and column of offsets read
// in order.

#ifndef SRC_BASE_LINES_H_
#define SRC_BASE_LINES_H_

#include <cstddef>
#include <cstdint>
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

// The line of `text` that starts at `begin` (0 or just after a "\n"), as
// SplitLines gives it; sets `*next` to where the next line starts, past
// text.size() after the last line. Reading lines one at a time with it:
//
//   for (size_t pos = 0; pos <= text.size();) {
//     const LineRange line = LineAt(text, pos, &pos);
//   }
LineRange LineAt(absl::string_view text, size_t begin, size_t* next);

// The 1-based line and code-point column of byte offsets of one text, the
// same as LineIndex (utf8.h) gives, for offsets visited in increasing
// order: the cursor walks the text forward once, so visiting any number of
// increasing offsets is linear in the text and needs no index. Moving
// back starts over from the beginning. The text must outlive the cursor.
class LineCursor {
 public:
  explicit LineCursor(absl::string_view text) : text_(text) {}

  // Moves to `offset`; an offset past the end moves to the end.
  void MoveTo(size_t offset);

  // 1-based line of the offset: one more than the "\n"s before it.
  uint32_t line() const { return static_cast<uint32_t>(newlines_ + 1); }
  // 1-based column of the offset in code points (bytes that are not UTF-8
  // continuation bytes) from the start of its line.
  uint32_t column() const { return static_cast<uint32_t>(code_points_ + 1); }

 private:
  absl::string_view text_;
  size_t offset_ = 0;
  // "\n"s in text_[0, offset_).
  size_t newlines_ = 0;
  // Code points from the start of the line to offset_.
  size_t code_points_ = 0;
};

}  // namespace crosscheck::base

#endif  // SRC_BASE_LINES_H_
