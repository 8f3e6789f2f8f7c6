#include "planning/duplicates/pairing.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "planning/duplicates/normalize.hpp"

namespace simpul::planning::duplicates {
namespace {

struct NameGroup {
  std::vector<int> grams;      // trigram numbers, sorted, for the Jaccard
  std::vector<int> by_rarity;  // rarest in the cycle first, for the prefix
  std::vector<const store::IndexedLine*> lines;
};

double jaccard_of_ids(const std::vector<int>& a, const std::vector<int>& b) {
  std::size_t common = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++common;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

void add_line_pairs(const NameGroup& a, const NameGroup& b, bool same, std::vector<store::LinePair>& out) {
  for (std::size_t i = 0; i < a.lines.size(); ++i) {
    for (std::size_t j = same ? i + 1 : 0; j < b.lines.size(); ++j) {
      const auto* x = a.lines[i];
      const auto* y = b.lines[j];
      if (x->agency_id == y->agency_id) continue;
      out.push_back(x->line_id < y->line_id ? store::LinePair{x->line_id, y->line_id}
                                            : store::LinePair{y->line_id, x->line_id});
    }
  }
}

}  // namespace

std::vector<store::LinePair> similar_name_pairs(const std::unordered_map<std::string, store::IndexedLine>& lines,
                                                double min_similarity) {
  // Lines with the same normalised name form one group: names are compared once. Trigrams are
  // numbered so that comparing two names is comparing two sorted integer vectors.
  std::map<std::string, NameGroup> groups;
  std::unordered_map<std::string, int> number;
  std::vector<int> df;
  for (const auto& [id, line] : lines) {
    if (line.name_norm.empty()) continue;
    auto& g = groups[line.name_norm];
    if (g.lines.empty()) {
      for (const auto& t : trigrams(line.name_norm)) {
        auto [it, fresh] = number.emplace(t, static_cast<int>(number.size()));
        if (fresh) df.push_back(0);
        ++df[it->second];
        g.grams.push_back(it->second);
      }
      std::sort(g.grams.begin(), g.grams.end());
    }
    g.lines.push_back(&line);
  }
  std::vector<NameGroup*> order;
  for (auto& [name, g] : groups) {
    g.by_rarity = g.grams;
    std::sort(g.by_rarity.begin(), g.by_rarity.end(),
              [&](int a, int b) { return df[a] != df[b] ? df[a] < df[b] : a < b; });
    order.push_back(&g);
  }

  // Prefix filtering: with one global order of trigrams, two sets with Jaccard >= t share one of
  // the first n - ceil(t * n) + 1 trigrams of each; only those are indexed and probed.
  std::vector<store::LinePair> out;
  std::vector<std::vector<std::size_t>> postings(df.size());
  std::vector<std::size_t> seen(order.size(), static_cast<std::size_t>(-1));
  for (std::size_t i = 0; i < order.size(); ++i) {
    auto& g = *order[i];
    add_line_pairs(g, g, true, out);  // the same name in two agencies
    auto n = g.by_rarity.size();
    auto prefix = n - static_cast<std::size_t>(std::ceil(min_similarity * static_cast<double>(n))) + 1;
    for (std::size_t k = 0; k < std::min(prefix, n); ++k) {
      auto& list = postings[g.by_rarity[k]];
      for (auto j : list) {
        if (seen[j] == i) continue;
        seen[j] = i;
        // Sizes alone can rule a pair out: |A ∩ B| <= min(|A|, |B|).
        auto na = order[j]->grams.size(), nb = g.grams.size();
        if (static_cast<double>(std::min(na, nb)) < min_similarity * static_cast<double>(std::max(na, nb))) continue;
        if (jaccard_of_ids(order[j]->grams, g.grams) >= min_similarity) add_line_pairs(*order[j], g, false, out);
      }
      list.push_back(i);
    }
  }
  return out;
}

}  // namespace simpul::planning::duplicates
