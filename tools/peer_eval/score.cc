#include "tools/peer_eval/score.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>

namespace crosscheck::peer_eval {

namespace {

using crosscheck::v1::Claim;
using crosscheck::v1::Date;
using crosscheck::v1::Figure;

bool Overlaps(uint32_t a_begin, uint32_t a_end, uint32_t b_begin,
              uint32_t b_end) {
  return a_begin < b_end && b_begin < a_end;
}

FoundItem ItemOf(size_t index, const Claim& claim, Category category,
                 std::string type) {
  FoundItem item;
  item.claim = index;
  item.category = category;
  item.type = std::move(type);
  item.begin = claim.span().begin();
  item.end = claim.span().end();
  item.text = claim.text();
  return item;
}

// The interval a figure's qualifier states: "between 20 and 30" is [20,30],
// "more than 30" is (30,), "at most 5" is (,5]. nullopt for other
// qualifiers.
std::optional<Value> IntervalOf(const Figure& f, double scale,
                                const std::string& currency) {
  const double v = f.value() * scale;
  switch (f.qualifier()) {
    case Figure::QUALIFIER_RANGE:
      if (!f.has_value_max()) return std::nullopt;
      return Value::Interval(v, f.value_max() * scale, true, true, currency);
    case Figure::QUALIFIER_MORE_THAN:
      return Value::Interval(v, std::nullopt, false, std::nullopt, currency);
    case Figure::QUALIFIER_AT_LEAST:
      return Value::Interval(v, std::nullopt, true, std::nullopt, currency);
    case Figure::QUALIFIER_LESS_THAN:
      return Value::Interval(std::nullopt, v, std::nullopt, false, currency);
    case Figure::QUALIFIER_AT_MOST:
      return Value::Interval(std::nullopt, v, std::nullopt, true, currency);
    default:
      return std::nullopt;
  }
}

// The figure's value and, for a range, its upper bound, times `scale`.
std::vector<Value> BoundsOf(const Figure& f, double scale,
                            const std::string& currency) {
  std::vector<Value> views = {Value::Number(f.value() * scale, currency)};
  if (f.qualifier() == Figure::QUALIFIER_RANGE && f.has_value_max()) {
    views.push_back(Value::Number(f.value_max() * scale, currency));
  }
  return views;
}

void AddFigureItems(size_t index, const Claim& claim,
                    std::vector<FoundItem>* items) {
  const Figure& f = claim.figure();
  if (!f.has_value() || f.qualifier() == Figure::QUALIFIER_VAGUE) return;
  if (f.ordinal()) {
    FoundItem item = ItemOf(index, claim, Category::kOrdinal, "ordinal");
    item.views.push_back(Value::Number(f.value()));
    items->push_back(std::move(item));
    return;
  }
  FoundItem number = ItemOf(index, claim, Category::kNumber, "number");
  number.views = BoundsOf(f, 1, "");
  items->push_back(std::move(number));
  if (f.unit() == "percent") {
    FoundItem item = ItemOf(index, claim, Category::kPercent, "percent");
    item.views = BoundsOf(f, 1, "");
    items->push_back(std::move(item));
  }
  if (IsIsoCurrencyCode(f.unit())) {
    FoundItem item = ItemOf(index, claim, Category::kCurrency, "currency");
    item.views = BoundsOf(f, 1, f.unit());
    if (std::optional<Value> interval = IntervalOf(f, 1, f.unit())) {
      item.views.push_back(*std::move(interval));
    }
    items->push_back(std::move(item));
  }
  if (const std::optional<double> seconds = SecondsPerUnit(f.unit())) {
    FoundItem item = ItemOf(index, claim, Category::kDuration, "duration");
    item.views = BoundsOf(f, *seconds, "");
    items->push_back(std::move(item));
  }
  if (std::optional<Value> interval = IntervalOf(f, 1, "")) {
    FoundItem item =
        ItemOf(index, claim, Category::kNumberRange, "numberrange");
    item.views.push_back(*std::move(interval));
    items->push_back(std::move(item));
  }
}

void AddDateItem(size_t index, const Claim& claim,
                 std::vector<FoundItem>* items) {
  const Date& d = claim.date();
  const bool single_day =
      (d.granularity() == Date::GRANULARITY_DAY ||
       d.granularity() == Date::GRANULARITY_UNSPECIFIED) &&
      (d.start().empty() || d.end().empty() || d.start() == d.end());
  FoundItem item =
      ItemOf(index, claim, Category::kDate, single_day ? "date" : "daterange");
  if (std::optional<Value> days = DaysOfDate(d)) {
    item.views.push_back(*std::move(days));
  }
  items->push_back(std::move(item));
}

// Maximum bipartite matching (Kuhn's augmenting paths): `edges[l]` lists
// the right nodes left node l may take. Returns, for each right node, its
// left node or -1.
std::vector<int> MaxMatching(const std::vector<std::vector<int>>& edges,
                             int right_count) {
  std::vector<int> owner(right_count, -1);
  for (int left = 0; left < static_cast<int>(edges.size()); ++left) {
    std::vector<bool> visited(right_count, false);
    std::function<bool(int)> augment = [&](int l) {
      for (int r : edges[l]) {
        if (visited[r]) continue;
        visited[r] = true;
        if (owner[r] < 0 || augment(owner[r])) {
          owner[r] = l;
          return true;
        }
      }
      return false;
    };
    augment(left);
  }
  return owner;
}

bool Contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace

std::vector<FoundItem> FoundItems(const std::vector<Claim>& claims) {
  std::vector<FoundItem> items;
  for (size_t i = 0; i < claims.size(); ++i) {
    if (claims[i].kind() == Claim::KIND_FIGURE && claims[i].has_figure()) {
      AddFigureItems(i, claims[i], &items);
    } else if (claims[i].kind() == Claim::KIND_DATE && claims[i].has_date()) {
      AddDateItem(i, claims[i], &items);
    }
  }
  return items;
}

std::vector<CategoryOutcome> ScoreCase(
    const SuiteCase& c, const std::vector<std::string>& annotated_types,
    const std::vector<FoundItem>& items, Mode mode) {
  std::vector<CategoryOutcome> outcomes;
  for (Category category : kCategories) {
    bool scored = false;
    for (const std::string& type : annotated_types) {
      scored = scored || CategoryOfType(type) == category;
    }
    if (!scored) continue;
    CategoryOutcome outcome;
    outcome.category = category;
    for (size_t i = 0; i < c.expected.size(); ++i) {
      const ExpectedEntity& e = c.expected[i];
      if (e.category == category &&
          (mode == Mode::kAll || e.out_of_scope.empty())) {
        outcome.expected.push_back(i);
      }
    }
    // Right nodes: one per view of each item of the category, or one for an
    // item without a value.
    std::vector<size_t> candidates;
    for (size_t i = 0; i < items.size(); ++i) {
      if (items[i].category == category) candidates.push_back(i);
    }
    std::vector<std::pair<size_t, int>> nodes;  // (candidate, view or -1)
    for (size_t k = 0; k < candidates.size(); ++k) {
      const FoundItem& item = items[candidates[k]];
      if (item.views.empty()) nodes.push_back({k, -1});
      for (int v = 0; v < static_cast<int>(item.views.size()); ++v) {
        nodes.push_back({k, v});
      }
    }
    std::vector<std::vector<int>> edges(outcome.expected.size());
    for (size_t l = 0; l < outcome.expected.size(); ++l) {
      const ExpectedEntity& e = c.expected[outcome.expected[l]];
      for (int r = 0; r < static_cast<int>(nodes.size()); ++r) {
        const FoundItem& item = items[candidates[nodes[r].first]];
        if (!Overlaps(e.begin, e.end, item.begin, item.end)) continue;
        bool agrees = e.span_only;
        if (!agrees && nodes[r].second >= 0) {
          const Value& view = item.views[nodes[r].second];
          for (const Value& reading : e.readings) {
            agrees = agrees || Agrees(reading, view);
          }
        }
        if (agrees) edges[l].push_back(r);
      }
    }
    const std::vector<int> owner =
        MaxMatching(edges, static_cast<int>(nodes.size()));
    outcome.expected_matched.assign(outcome.expected.size(), false);
    std::vector<bool> candidate_matched(candidates.size(), false);
    for (int r = 0; r < static_cast<int>(nodes.size()); ++r) {
      if (owner[r] < 0) continue;
      outcome.expected_matched[owner[r]] = true;
      candidate_matched[nodes[r].first] = true;
    }
    for (size_t k = 0; k < candidates.size(); ++k) {
      const FoundItem& item = items[candidates[k]];
      // A claim counts where it matched, where it overlaps an entity scored
      // here (with the wrong value), and where the suite expects nothing at
      // all and the file annotates its type. A claim over an entity of
      // another category, of a type never scored or left out by a rule is
      // charged once, to that entity.
      bool over_scored = false;
      bool over_other = false;
      for (size_t i = 0; i < c.expected.size(); ++i) {
        const ExpectedEntity& e = c.expected[i];
        if (!Overlaps(e.begin, e.end, item.begin, item.end)) continue;
        const bool scored_here =
            std::find(outcome.expected.begin(), outcome.expected.end(), i) !=
            outcome.expected.end();
        (scored_here ? over_scored : over_other) = true;
      }
      const bool counts = candidate_matched[k] || over_scored ||
                          (!over_other && Contains(annotated_types, item.type));
      if (!counts) continue;
      outcome.found.push_back(candidates[k]);
      outcome.found_matched.push_back(candidate_matched[k]);
    }
    outcomes.push_back(std::move(outcome));
  }
  return outcomes;
}

}  // namespace crosscheck::peer_eval
