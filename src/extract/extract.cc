#include "src/extract/extract.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"
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

// Puts `claims` in text order, claims that begin together in the order
// found, as std::stable_sort by span begin would: their indices are sorted
// by (begin, index), then the permutation is applied cycle by cycle with
// swaps, so that no claim is copied and each is moved at most once.
void SortByBegin(std::vector<Claim>* claims) {
  const size_t n = claims->size();
  // Position p is to hold the claim now at order[p].second.
  std::vector<std::pair<size_t, size_t>> order;  // (span begin, index)
  order.reserve(n);
  bool sorted = true;
  for (size_t i = 0; i < n; ++i) {
    order.emplace_back((*claims)[i].span().begin(), i);
    if (i > 0 && order[i].first < order[i - 1].first) sorted = false;
  }
  if (sorted) return;
  std::sort(order.begin(), order.end());
  // Along the cycle through `start`, each swap puts the right claim at p
  // and carries the claim of `start` on to the position that takes it
  // last. A position that holds its claim is marked order[p].second == p.
  for (size_t start = 0; start < n; ++start) {
    size_t p = start;
    while (order[p].second != start) {
      const size_t from = order[p].second;
      (*claims)[p].Swap(&(*claims)[from]);
      order[p].second = p;
      p = from;
    }
    order[p].second = p;
  }
}

// Adds to `claim` the canonical names of the entities mentioned in
// [begin, end), as entities.NamesIn(begin, end, kMaxEntities) lists them,
// each copied once from the index into the string the claim keeps.
void AddEntities(const EntityIndex& entities, size_t begin, size_t end,
                 Claim* claim) {
  const absl::InlinedVector<int, 16> listed =
      entities.EntitiesIn(begin, end, kMaxEntities);
  if (listed.empty()) return;
  auto* const names = claim->mutable_entities();
  names->Reserve(static_cast<int>(listed.size()));
  for (const int e : listed) {
    names->AddAllocated(new std::string(entities.entities()[e].name));
  }
}

// Claim ids "<article_id>:" + kind letter + number, written into one
// buffer that keeps the article's prefix, so that each id is appended to
// its claim in one copy.
class ClaimIds {
 public:
  explicit ClaimIds(absl::string_view article_id) {
    buffer_.reserve(article_id.size() + 1 + kMaxSuffixBytes);
    buffer_.append(article_id.data(), article_id.size());
    buffer_.push_back(':');
    prefix_size_ = buffer_.size();
    buffer_.resize(prefix_size_ + kMaxSuffixBytes);
  }

  // Appends to `*id` the id of the claim of kind letter `letter` and
  // number `number`.
  void AppendTo(char letter, uint32_t number, std::string* id) {
    char* const suffix = &buffer_[prefix_size_];
    // The number's digits, written from the last one backwards.
    char digits[kMaxSuffixBytes];
    char* const end = digits + sizeof(digits);
    char* p = end;
    do {
      *--p = static_cast<char>('0' + number % 10);
      number /= 10;
    } while (number != 0);
    const size_t digit_count = static_cast<size_t>(end - p);
    suffix[0] = letter;
    std::memcpy(suffix + 1, p, digit_count);
    id->append(buffer_.data(), prefix_size_ + 1 + digit_count);
  }

 private:
  // The kind's letter and the ten digits of a uint32_t at most.
  static constexpr size_t kMaxSuffixBytes = 11;

  std::string buffer_;
  size_t prefix_size_ = 0;
};

// Room for claims is made once for about two a sentence, so that the
// extractors seldom move the claims they have found to grow the vector; at
// most this many, so that a text of many short sentences does not ask for
// much more memory than its claims need.
constexpr size_t kMaxReservedClaims = 1024;

}  // namespace

ArticleClaims ExtractClaims(const crosscheck::v1::Article& article,
                            const ExtractOptions& options) {
  ArticleClaims out;
  const Document doc = MakeDocument(article);
  const EntityIndex entities(doc, EntityIndexOptions{options.quotes});
  std::vector<Claim>& claims = out.claims;
  claims.reserve(std::min(2 * doc.seg.sentences.size(), kMaxReservedClaims));

  if (options.dates) FindDates(doc, &claims, &out.notes);
  if (options.figures) {
    std::vector<segment::Range> taken;
    taken.reserve(claims.size());
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

  SortByBegin(&claims);
  // Claims are in text order: one cursor walks the text once for all of
  // their lines and columns.
  base::LineCursor lines(doc.text);
  uint32_t counters[4] = {0, 0, 0, 0};
  ClaimIds ids(article.id());
  for (Claim& claim : claims) {
    const int kind = static_cast<int>(claim.kind());
    ids.AppendTo(KindLetter(claim.kind()),
                 ++counters[kind >= 0 && kind < 4 ? kind : 0],
                 claim.mutable_id());
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
      AddEntities(entities, begin, end, &claim);
    }
    lines.MoveTo(claim.span().begin());
    claim.set_line(lines.line());
    claim.set_column(lines.column());
  }
  for (auto& note : out.notes) note.set_article_id(article.id());
  return out;
}

}  // namespace crosscheck::extract
