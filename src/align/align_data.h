// The aligner's data files (src/align/data/), compiled into the binary.
// Internal to the align stage.

#ifndef SRC_ALIGN_ALIGN_DATA_H_
#define SRC_ALIGN_ALIGN_DATA_H_

#include "absl/strings/string_view.h"

namespace crosscheck::align {

// The bytes of the data file `basename` ("synonyms.tsv"), or empty.
absl::string_view EmbeddedFile(absl::string_view basename);

}  // namespace crosscheck::align

#endif  // SRC_ALIGN_ALIGN_DATA_H_
