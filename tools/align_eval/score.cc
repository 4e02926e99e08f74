#include "tools/align_eval/score.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace crosscheck::align_eval {
namespace {

using crosscheck::v1::Alignment;
using crosscheck::v1::Claim;
using crosscheck::v1::Expectation;
using crosscheck::v1::ExpectedItem;
using crosscheck::v1::ExpectedMention;
using crosscheck::v1::Report;

std::string Describe(const Alignment* a) {
  if (a == nullptr) return "(no group)";
  return absl::StrCat(a->id(), " ", Alignment::Verdict_Name(a->verdict()),
                      ": ", a->summary());
}

}  // namespace

const Claim* FindClaim(const Report& report, const ExpectedMention& mention,
                       Claim::Kind kind) {
  const std::string* article_text = nullptr;
  for (const auto& a : report.articles()) {
    if (a.id() == mention.article_id()) article_text = &a.text();
  }
  if (article_text == nullptr) return nullptr;
  const Claim* best = nullptr;
  for (const Claim& c : report.claims()) {
    if (c.article_id() != mention.article_id() || c.kind() != kind) continue;
    if (!absl::StrContains(c.text(), mention.text())) continue;
    if (c.sentence().end() > article_text->size() ||
        c.sentence().begin() > c.sentence().end()) {
      continue;
    }
    const absl::string_view sentence =
        absl::string_view(*article_text)
            .substr(c.sentence().begin(),
                    c.sentence().end() - c.sentence().begin());
    if (!mention.context().empty() &&
        !absl::StrContains(sentence, mention.context())) {
      continue;
    }
    if (best == nullptr || c.text().size() < best->text().size()) best = &c;
  }
  return best;
}

const Alignment* GroupOf(const Report& report, const std::string& claim_id) {
  for (const Alignment& a : report.alignments()) {
    for (const std::string& id : a.claim_ids()) {
      if (id == claim_id) return &a;
    }
  }
  return nullptr;
}

double Ratio(int numerator, int denominator) {
  return denominator == 0 ? 1.0
                          : static_cast<double>(numerator) / denominator;
}

StoryScore ScoreStory(const Report& report, const Expectation& expectation) {
  StoryScore score;
  absl::flat_hash_map<std::string, const Alignment*> group_of;
  for (const Alignment& a : report.alignments()) {
    for (const std::string& id : a.claim_ids()) group_of[id] = &a;
  }
  auto group = [&](const std::string& id) -> const Alignment* {
    auto it = group_of.find(id);
    return it == group_of.end() ? nullptr : it->second;
  };
  // Claim id -> index of the planted item it is a mention of (the first).
  absl::flat_hash_map<std::string, int> item_of;
  for (int i = 0; i < expectation.items_size(); ++i) {
    const ExpectedItem& item = expectation.items(i);
    ItemOutcome outcome;
    outcome.name = item.name();
    outcome.trap = item.trap();
    outcome.expected = item.verdict();
    std::vector<const Claim*> claims;
    for (const ExpectedMention& m : item.mentions()) {
      const Claim* c = FindClaim(report, m, item.kind());
      if (c == nullptr) {
        outcome.missing.push_back(absl::StrCat(m.article_id(), ": ", m.text()));
        continue;
      }
      claims.push_back(c);
      item_of.emplace(c->id(), i);
    }
    std::set<std::string> described;
    for (const Claim* c : claims) {
      const std::string d = Describe(group(c->id()));
      if (described.insert(d).second) outcome.groups.push_back(d);
    }
    if (item.trap()) {
      ++score.traps;
      bool flagged = false;
      for (size_t x = 0; x < claims.size(); ++x) {
        for (size_t y = x + 1; y < claims.size(); ++y) {
          const Alignment* a = group(claims[x]->id());
          flagged |= a != nullptr && a == group(claims[y]->id()) &&
                     a->verdict() == Alignment::VERDICT_DISCREPANCY;
        }
      }
      outcome.ok = !flagged;
      score.traps_flagged += flagged;
    } else {
      ++score.items_planted;
      const bool discrepancy =
          item.verdict() == Alignment::VERDICT_DISCREPANCY;
      score.discrepancy_planted += discrepancy;
      bool ok = outcome.missing.empty() && !claims.empty();
      const Alignment* first = ok ? group(claims.front()->id()) : nullptr;
      ok = ok && first != nullptr && first->verdict() == item.verdict();
      for (const Claim* c : claims) ok = ok && group(c->id()) == first;
      outcome.ok = ok;
      score.items_found += ok;
      score.discrepancy_found += ok && discrepancy;
    }
    score.items.push_back(std::move(outcome));
  }

  for (const Alignment& a : report.alignments()) {
    if (a.claim_ids_size() < 2) continue;
    std::map<int, int> mentions;  // item index -> mentions in the group
    for (const std::string& id : a.claim_ids()) {
      auto it = item_of.find(id);
      if (it != item_of.end()) ++mentions[it->second];
    }
    const bool is_discrepancy = a.verdict() == Alignment::VERDICT_DISCREPANCY;
    // Why the group is wrong, judged against the items it holds; empty
    // when right.
    std::string why;
    bool judged = false;
    for (const auto& [index, count] : mentions) {
      const ExpectedItem& item = expectation.items(index);
      if (!item.trap() || count >= 2) judged = true;
    }
    if (mentions.size() > 1) {
      why = "holds mentions of";
      for (const auto& [index, count] : mentions) {
        absl::StrAppend(&why, " ", expectation.items(index).name());
      }
    } else if (mentions.size() == 1) {
      const ExpectedItem& item = expectation.items(mentions.begin()->first);
      const int count = mentions.begin()->second;
      if (item.trap()) {
        if (count >= 2 && is_discrepancy) {
          why = absl::StrCat("flags the trap ", item.name());
        }
      } else if (count < 2) {
        why = absl::StrCat("holds one mention of ", item.name(),
                           " with unplanted claims");
      } else if (a.verdict() != item.verdict()) {
        why = absl::StrCat(item.name(), " expects ",
                           Alignment::Verdict_Name(item.verdict()));
      }
    }
    if (judged) {
      ++score.groups_judged;
      score.groups_right += why.empty();
      score.judged_groups.push_back({Describe(&a), why.empty(), why});
    } else {
      ++score.groups_unjudged;
    }
    if (is_discrepancy) {
      ++score.discrepancy_flagged;
      bool right = mentions.size() == 1;
      if (right) {
        const ExpectedItem& item = expectation.items(mentions.begin()->first);
        right = !item.trap() &&
                item.verdict() == Alignment::VERDICT_DISCREPANCY &&
                mentions.begin()->second >= 2;
      }
      score.discrepancy_flagged_right += right;
      std::string reason = why;
      if (!right && reason.empty()) {
        reason = mentions.empty() ? "no planted discrepancy among its claims"
                                  : "not a planted discrepancy";
      }
      score.discrepancy_groups.push_back(
          {Describe(&a), right, right ? "" : reason});
    }
  }
  return score;
}

}  // namespace crosscheck::align_eval
