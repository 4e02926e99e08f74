#include "src/report/render_util.h"

#include "absl/strings/str_cat.h"

namespace crosscheck::report {

using crosscheck::v1::Article;
using crosscheck::v1::Claim;
using crosscheck::v1::QuoteDiff;

ReportIndex::ReportIndex(const crosscheck::v1::Report& report) {
  for (const Article& a : report.articles()) articles_[a.id()] = &a;
  for (const Claim& c : report.claims()) {
    claims_[c.id()] = &c;
    ++claims_per_article_[c.article_id()];
  }
  for (const crosscheck::v1::Alignment& a : report.alignments()) {
    for (const QuoteDiff& d : a.quote_diffs()) quote_diffs_[d.claim_id()] = &d;
  }
}

const Claim* ReportIndex::FindClaim(const std::string& id) const {
  const auto it = claims_.find(id);
  return it == claims_.end() ? nullptr : it->second;
}

const Article* ReportIndex::FindArticle(const std::string& id) const {
  const auto it = articles_.find(id);
  return it == articles_.end() ? nullptr : it->second;
}

std::string ReportIndex::Outlet(const std::string& article_id) const {
  const Article* a = FindArticle(article_id);
  if (a == nullptr || a->outlet().empty()) return article_id;
  return a->outlet();
}

int ReportIndex::ClaimsOf(const std::string& article_id) const {
  const auto it = claims_per_article_.find(article_id);
  return it == claims_per_article_.end() ? 0 : it->second;
}

const QuoteDiff* ReportIndex::FindQuoteDiff(const std::string& id) const {
  const auto it = quote_diffs_.find(id);
  return it == quote_diffs_.end() ? nullptr : it->second;
}

std::string ReportIndex::BaseVersion(const QuoteDiff& diff) const {
  const Claim* base = FindClaim(diff.base_claim_id());
  return absl::StrCat(base == nullptr ? diff.base_claim_id() : Outlet(*base),
                      "'s version");
}

size_t Utf8Boundary(absl::string_view text, size_t pos) {
  while (pos > 0 && pos < text.size() &&
         (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) {
    --pos;
  }
  return pos;
}

std::optional<SentenceParts> SplitSentence(absl::string_view text,
                                           const crosscheck::v1::Claim& claim,
                                           size_t width) {
  size_t sb = claim.sentence().begin(), se = claim.sentence().end();
  const size_t mb = claim.span().begin(), me = claim.span().end();
  if (me > text.size() || mb > me) return std::nullopt;
  if (se > text.size() || mb < sb || me > se) sb = mb, se = me;
  SentenceParts parts;
  const size_t mention = me - mb;
  if (se - sb > width && mention < width) {
    const size_t room = (width - mention) / 2;
    if (mb - sb > room) {
      sb = Utf8Boundary(text, mb - room);
      parts.cut_before = true;
    }
    if (se - me > room) {
      se = Utf8Boundary(text, me + room);
      parts.cut_after = true;
    }
  }
  parts.before = text.substr(sb, mb - sb);
  parts.mention = text.substr(mb, mention);
  parts.after = text.substr(me, se - me);
  return parts;
}

std::string OneLine(absl::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  if (space) out.push_back(' ');
  return out;
}

std::string KindName(Claim::Kind kind) {
  switch (kind) {
    case Claim::KIND_FIGURE:
      return "figure";
    case Claim::KIND_DATE:
      return "date";
    case Claim::KIND_QUOTE:
      return "quote";
    default:
      return "claim";
  }
}

std::string Plural(int n, absl::string_view one, absl::string_view many) {
  return absl::StrCat(n, " ", n == 1 ? one : many);
}

}  // namespace crosscheck::report
