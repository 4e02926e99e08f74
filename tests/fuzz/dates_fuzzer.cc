// Fuzz target: extract::FindDates over the bytes read as a plain-text
// article published on 2024-06-05, then FindFigures around the dates as
// extraction runs it. Checks every claim's span and text (fuzz_util.h),
// that the figure classes the date scan hands on change nothing
// FindFigures finds, and, for inputs up to 4 KiB, that the fast date scan
// agrees with the reference that tries every pattern at every token and
// that its gates skip no date.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "proto/crosscheck/v1/article.pb.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "src/extract/dates.h"
#include "src/extract/document.h"
#include "src/extract/figures.h"
#include "src/segment/segment.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

using crosscheck::v1::Claim;

constexpr size_t kMaxReferenceBytes = 4096;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace crosscheck;         // NOLINT
  using namespace crosscheck::fuzz;  // NOLINT
  std::vector<v1::Note> notes;
  const v1::Article article = TextArticle(Bytes(data, size), "fuzz", &notes);
  const extract::Document doc = extract::MakeDocument(article);

  std::vector<Claim> dates;
  std::vector<v1::Note> date_notes;
  extract::FindDates(doc, &dates, &date_notes);
  CheckClaims(article, dates);
  CheckNotes(article, date_notes);
  for (const Claim& claim : dates) {
    CC_FUZZ_CHECK(claim.kind() == Claim::KIND_DATE);
  }
  // The figure classes handed on are those the figure scan would read.
  CC_FUZZ_CHECK(extract::internal::WrittenScanClassMismatches(doc).empty());

  // Figures around the dates, with the classes the date scan handed on,
  // and without them (a Document of its own).
  std::vector<segment::Range> taken;
  for (const Claim& claim : dates) {
    taken.push_back({claim.span().begin(), claim.span().end()});
  }
  std::sort(taken.begin(), taken.end(),
            [](const segment::Range& a, const segment::Range& b) {
              return a.begin < b.begin;
            });
  std::vector<Claim> figures;
  extract::FindFigures(doc, taken, &figures);
  CheckClaims(article, figures);
  for (const Claim& figure : figures) {
    for (const segment::Range& date : taken) {
      CC_FUZZ_CHECK(figure.span().end() <= date.begin ||
                    date.end <= figure.span().begin());
    }
  }
  const extract::Document alone = extract::MakeDocument(article);
  std::vector<Claim> figures_alone;
  extract::FindFigures(alone, taken, &figures_alone);
  CheckSame(figures, figures_alone);

  // The reference scans try every pattern at every token, many times the
  // work of FindDates: on small inputs only, so that the fuzzer still runs
  // fast enough to explore.
  if (size > kMaxReferenceBytes) return 0;
  std::vector<Claim> reference;
  std::vector<v1::Note> reference_notes;
  extract::internal::FindDatesAtEveryToken(doc, &reference, &reference_notes);
  CheckSame(dates, reference);
  CheckSame(date_notes, reference_notes);
  CC_FUZZ_CHECK(extract::internal::DateGateViolations(doc).empty());
  return 0;
}
