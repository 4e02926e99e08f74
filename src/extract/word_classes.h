// What the figure scan needs to know of each token of a Document, handed
// to it by the date scan. The date scan looks each token up in one table
// that holds both its own facts of the word and the figure scan's classes
// (figures.cc's ScanClass bits), and writes the classes here; the figure
// scan that follows on the same thread reads them instead of looking every
// token up again. Either scan still works alone: the figure scan finds
// nothing here for a Document the date scan has not read, and then looks
// its tokens up itself. Internal to the extract stage.

#ifndef SRC_EXTRACT_WORD_CLASSES_H_
#define SRC_EXTRACT_WORD_CLASSES_H_

#include <cstddef>
#include <cstdint>

#include "src/extract/document.h"

namespace crosscheck::extract::internal {

// A token as the date scan hands it on (a ScanClassRecord): the figure
// scan's classes of its folded form in the low byte, and this bit when it
// is a word token of 1 to 7 bytes without a digit, hyphen or possessive
// ending, whose classes alone say whether it can anchor a figure.
constexpr uint16_t kShortPlainWord = 1 << 8;

// Writes the ScanClassRecords of the sentences of one Document, one
// uint16_t a token, in the storage of this thread. They are kept for
// WrittenScanClasses only when every sentence was asked for, in order from
// the first, and the Document comes from MakeDocument (Document::serial).
// Records kept before on this thread are dropped when a writer is made.
class ScanClassWriter {
 public:
  explicit ScanClassWriter(const Document& doc);
  ~ScanClassWriter();
  ScanClassWriter(const ScanClassWriter&) = delete;
  ScanClassWriter& operator=(const ScanClassWriter&) = delete;

  // Where the records of the words of sentence `sentence` are to be
  // written, doc.sentence_words[sentence].size() of them. The caller
  // writes all of them before the writer is destroyed.
  uint16_t* Sentence(size_t sentence) {
    in_order_ &= sentence == next_;
    next_ = sentence + 1;
    return records_ + offsets_[sentence];
  }

 private:
  uint64_t serial_;
  size_t sentences_;
  size_t next_ = 0;  // the sentence expected next
  bool in_order_ = true;
  uint16_t* records_;
  const size_t* offsets_;  // by sentence, its first word's
};

// The records a ScanClassWriter kept for a Document on this thread.
class WrittenScanClasses {
 public:
  // Of `doc`: found when the last ScanClassWriter made on this thread was
  // of `doc` (its Document::serial) and kept its records, and each of its
  // sentences has as many words as when they were written. Valid until the
  // next ScanClassWriter is made on the same thread.
  explicit WrittenScanClasses(const Document& doc);

  // Whether the records of `doc` were found (also for a Document without
  // a word, whose records are none).
  bool found() const { return found_; }

  // The records of the words of sentence `sentence`; only when found().
  const uint16_t* Of(size_t sentence) const {
    return records_ + offsets_[sentence];
  }

 private:
  bool found_ = false;
  const uint16_t* records_ = nullptr;
  const size_t* offsets_ = nullptr;  // by sentence, its first word's
};

}  // namespace crosscheck::extract::internal

#endif  // SRC_EXTRACT_WORD_CLASSES_H_
