// Case and punctuation folding of words, so lexicon entries match however
// an article types its apostrophes and hyphens. Internal to the extract
// stage.

#ifndef SRC_EXTRACT_FOLD_H_
#define SRC_EXTRACT_FOLD_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace crosscheck::extract {

// Lowercases ASCII letters and folds typographic apostrophes (’ ‘) to "'"
// and typographic hyphens and the en dash (‐ ‑ –) to "-". Other characters
// are kept as they are. The result has the same characters in the same
// order, so it is as long as the input or shorter.
std::string Fold(absl::string_view text);

// Stores Fold(text) in `*out`, reusing its buffer.
void FoldTo(absl::string_view text, std::string* out);

// Writes Fold(absl::string_view(in, n)) to `out`, which has room for `n`
// bytes, and returns its size (at most `n`).
size_t FoldInto(const char* in, size_t n, char* out);

}  // namespace crosscheck::extract

#endif  // SRC_EXTRACT_FOLD_H_
