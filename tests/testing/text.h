// Text helpers for tests that read rendered output.

#ifndef TESTS_TESTING_TEXT_H_
#define TESTS_TESTING_TEXT_H_

#include <string>

namespace crosscheck::testing {

// Number of non-overlapping occurrences of `needle` (not empty) in `text`.
inline int Occurrences(const std::string& text, const std::string& needle) {
  int n = 0;
  for (size_t pos = text.find(needle); pos != std::string::npos;
       pos = text.find(needle, pos + needle.size())) {
    ++n;
  }
  return n;
}

}  // namespace crosscheck::testing

#endif  // TESTS_TESTING_TEXT_H_
