#include "src/extract/extract.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "src/base/lines.h"
#include "src/extract/dates.h"
#include "src/extract/document.h"
#include "src/extract/entities.h"
#include "src/extract/figures.h"
#include "src/extract/quotes.h"

namespace crosscheck::extract {

using crosscheck::v1::Claim;

namespace {

// A claim's entities are the names around it in its sentence: at most this
// many bytes on either side of the mention, and at most kMaxEntities names,
// so the work and output per claim stay bounded however long the sentence.
constexpr size_t kEntityWindowBytes = 400;
constexpr size_t kMaxEntities = 16;

char KindLetter(Claim::Kind kind) {
  switch (kind) {
    case Claim::KIND_FIGURE:
      return 'f';
    case Claim::KIND_DATE:
      return 'd';
    case Claim::KIND_QUOTE:
      return 'q';
    default:
      return 'x';
  }
}

}  // namespace

ArticleClaims ExtractClaims(const crosscheck::v1::Article& article,
                            const ExtractOptions& options) {
  ArticleClaims out;
  const Document doc = MakeDocument(article);
  const EntityIndex entities(doc);
  std::vector<Claim>& claims = out.claims;

  if (options.dates) FindDates(doc, &claims, &out.notes);
  if (options.figures) {
    std::vector<segment::Range> taken;
    for (const Claim& c : claims) {
      taken.push_back({c.span().begin(), c.span().end()});
    }
    std::sort(taken.begin(), taken.end(),
              [](const segment::Range& a, const segment::Range& b) {
                return a.begin < b.begin;
              });
    FindFigures(doc, taken, &claims);
  }
  if (options.quotes) FindQuotes(doc, entities, &claims, &out.notes);

  std::stable_sort(claims.begin(), claims.end(),
                   [](const Claim& a, const Claim& b) {
                     return a.span().begin() < b.span().begin();
                   });
  // Claims are in text order: one cursor walks the text once for all of
  // their lines and columns.
  base::LineCursor lines(doc.text);
  int counters[4] = {0, 0, 0, 0};
  for (Claim& claim : claims) {
    const int kind = static_cast<int>(claim.kind());
    const char letter = KindLetter(claim.kind());
    claim.set_id(absl::StrCat(article.id(), ":", absl::string_view(&letter, 1),
                              ++counters[kind >= 0 && kind < 4 ? kind : 0]));
    claim.set_article_id(article.id());
    if (!claim.has_sentence()) {
      const int s = doc.seg.SentenceAt(claim.span().begin());
      if (s >= 0) {
        claim.mutable_sentence()->set_begin(doc.seg.sentences[s].begin);
        claim.mutable_sentence()->set_end(doc.seg.sentences[s].end);
      } else {
        *claim.mutable_sentence() = claim.span();
      }
    }
    if (claim.entities_size() == 0) {
      const size_t begin = std::max<size_t>(
          claim.sentence().begin(),
          claim.span().begin() > kEntityWindowBytes
              ? claim.span().begin() - kEntityWindowBytes
              : 0);
      const size_t end = std::min<size_t>(
          claim.sentence().end(), claim.span().end() + kEntityWindowBytes);
      for (std::string& name : entities.NamesIn(begin, end, kMaxEntities)) {
        claim.add_entities(std::move(name));
      }
    }
    lines.MoveTo(claim.span().begin());
    claim.set_line(lines.line());
    claim.set_column(lines.column());
  }
  for (auto& note : out.notes) note.set_article_id(article.id());
  return out;
}

}  // namespace crosscheck::extract
