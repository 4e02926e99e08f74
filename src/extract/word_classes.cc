#include "src/extract/word_classes.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace crosscheck::extract::internal {
namespace {

// The records of the Document last written, per thread.
struct Store {
  // Document::serial of the Document whose records `records` holds; 0 for
  // none (none written, or not kept).
  uint64_t serial = 0;
  // By sentence, the offset in `records` of its first word; one more at
  // the end, the number of words.
  std::vector<size_t> offsets;
  // Grown only, up to kMaxKeptWords after a larger Document.
  std::vector<uint16_t> records;
};

// A Document of more words does not keep its storage for the ones after.
constexpr size_t kMaxKeptWords = size_t{1} << 20;

Store& ThreadStore() {
  thread_local Store store;
  return store;
}

}  // namespace

ScanClassWriter::ScanClassWriter(const Document& doc)
    : serial_(doc.serial), sentences_(doc.sentence_words.size()) {
  Store& store = ThreadStore();
  store.serial = 0;
  store.offsets.resize(sentences_ + 1);
  size_t words = 0;
  for (size_t s = 0; s < sentences_; ++s) {
    store.offsets[s] = words;
    words += doc.sentence_words[s].size();
  }
  store.offsets[sentences_] = words;
  if (store.records.size() > kMaxKeptWords && words <= kMaxKeptWords) {
    store.records = std::vector<uint16_t>();
  }
  if (store.records.size() < words) store.records.resize(words);
  records_ = store.records.data();
  offsets_ = store.offsets.data();
}

ScanClassWriter::~ScanClassWriter() {
  if (serial_ != 0 && in_order_ && next_ == sentences_) {
    ThreadStore().serial = serial_;
  }
}

WrittenScanClasses::WrittenScanClasses(const Document& doc) {
  const Store& store = ThreadStore();
  if (doc.serial == 0 || store.serial != doc.serial) return;
  // A Document copied and then changed keeps its serial: the records are
  // used only when its sentences still have the words they were written
  // for, so that none is read for another word or past the end.
  const size_t sentences = doc.sentence_words.size();
  if (store.offsets.size() != sentences + 1) return;
  for (size_t s = 0; s < sentences; ++s) {
    if (store.offsets[s + 1] - store.offsets[s] !=
        doc.sentence_words[s].size()) {
      return;
    }
  }
  found_ = true;
  records_ = store.records.data();
  offsets_ = store.offsets.data();
}

}  // namespace crosscheck::extract::internal
