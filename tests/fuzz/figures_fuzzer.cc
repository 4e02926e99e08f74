// Fuzz target: extract::FindFigures over the bytes read as a plain-text
// article published on 2024-06-05. Checks every claim's span and text
// (fuzz_util.h), and that the fast scan agrees with the reference that
// tries every token (internal::FindFiguresAtEveryToken) and skips no token
// where a figure starts (internal::FigureGateViolations).

#include <cstddef>
#include <cstdint>
#include <vector>

#include "proto/crosscheck/v1/article.pb.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "src/extract/document.h"
#include "src/extract/figures.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace crosscheck;         // NOLINT
  using namespace crosscheck::fuzz;  // NOLINT
  std::vector<v1::Note> notes;
  const v1::Article article = TextArticle(Bytes(data, size), "fuzz", &notes);
  const extract::Document doc = extract::MakeDocument(article);

  std::vector<v1::Claim> claims;
  extract::FindFigures(doc, {}, &claims);
  CheckClaims(article, claims);
  for (const v1::Claim& claim : claims) {
    CC_FUZZ_CHECK(claim.kind() == v1::Claim::KIND_FIGURE);
  }
  for (size_t i = 1; i < claims.size(); ++i) {
    CC_FUZZ_CHECK(claims[i - 1].span().begin() <= claims[i].span().begin());
  }

  std::vector<v1::Claim> reference;
  extract::internal::FindFiguresAtEveryToken(doc, {}, &reference);
  CheckSame(claims, reference);
  CC_FUZZ_CHECK(extract::internal::FigureGateViolations(doc).empty());
  return 0;
}
