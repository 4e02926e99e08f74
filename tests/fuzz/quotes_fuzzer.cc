// Fuzz target: extract::FindQuotes over the bytes read as a plain-text
// article published on 2024-06-05. Checks every claim's span and text
// (fuzz_util.h), that each quote's comparison form is that of its text,
// and that every note points into the text.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "proto/crosscheck/v1/article.pb.h"
#include "proto/crosscheck/v1/claim.pb.h"
#include "src/extract/document.h"
#include "src/extract/entities.h"
#include "src/extract/quotes.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace crosscheck;         // NOLINT
  using namespace crosscheck::fuzz;  // NOLINT
  std::vector<v1::Note> notes;
  const v1::Article article = TextArticle(Bytes(data, size), "fuzz", &notes);
  const extract::Document doc = extract::MakeDocument(article);
  const extract::EntityIndex entities(doc);

  std::vector<v1::Claim> claims;
  std::vector<v1::Note> quote_notes;
  extract::FindQuotes(doc, entities, &claims, &quote_notes);
  CheckClaims(article, claims);
  CheckNotes(article, quote_notes);
  for (size_t i = 0; i < claims.size(); ++i) {
    const v1::Claim& claim = claims[i];
    CC_FUZZ_CHECK(claim.kind() == v1::Claim::KIND_QUOTE);
    if (i > 0) {
      CC_FUZZ_CHECK(claims[i - 1].span().begin() <= claim.span().begin());
    }
    const v1::Quote& quote = claim.quote();
    CC_FUZZ_CHECK(quote.normalized() ==
                  extract::NormalizeQuoteText(quote.text()));
    CC_FUZZ_CHECK(quote.partial() == (quote.form() != v1::Quote::FORM_DIRECT));
    if (quote.form() == v1::Quote::FORM_TITLE) {
      CC_FUZZ_CHECK(quote.speaker().empty());
    }
    CC_FUZZ_CHECK(claim.entities_size() <= 16);
  }
  return 0;
}
