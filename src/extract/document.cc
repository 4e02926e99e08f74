#include "src/extract/document.h"

#include <atomic>
#include <cstdint>
#include <vector>

#include "absl/strings/numbers.h"

namespace crosscheck::extract {

std::optional<absl::CivilDay> ParseIsoDay(absl::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  int year, month, day;
  if (!absl::SimpleAtoi(text.substr(0, 4), &year) ||
      !absl::SimpleAtoi(text.substr(5, 2), &month) ||
      !absl::SimpleAtoi(text.substr(8, 2), &day)) {
    return std::nullopt;
  }
  const absl::CivilDay parsed(year, month, day);
  if (parsed.year() != year || parsed.month() != month || parsed.day() != day) {
    return std::nullopt;  // e.g. 2024-02-30 normalizes to March
  }
  return parsed;
}

Document MakeDocument(const crosscheck::v1::Article& article) {
  Document doc;
  doc.id = article.id();
  doc.text = article.text();
  std::vector<segment::Range> skip;
  skip.reserve(article.furniture_size());
  for (const auto& span : article.furniture()) {
    skip.push_back({span.begin(), span.end()});
  }
  doc.seg = segment::Segment(doc.text, skip);
  doc.sentence_words = internal::SentenceWords(doc.text, doc.seg.sentences);
  doc.published = ParseIsoDay(article.published());
  static std::atomic<uint64_t> last_serial{0};
  doc.serial = last_serial.fetch_add(1, std::memory_order_relaxed) + 1;
  return doc;
}

}  // namespace crosscheck::extract
