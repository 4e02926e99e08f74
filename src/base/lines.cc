#include "src/base/lines.h"

namespace crosscheck::base {

std::vector<LineRange> SplitLines(absl::string_view text) {
  std::vector<LineRange> lines;
  size_t pos = 0;
  while (true) {
    size_t nl = text.find('\n', pos);
    if (nl == absl::string_view::npos) nl = text.size();
    size_t end = nl;
    if (end > pos && text[end - 1] == '\r') --end;
    lines.push_back({pos, end});
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  return lines;
}

}  // namespace crosscheck::base
