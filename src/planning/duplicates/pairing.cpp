#include "planning/duplicates/pairing.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "planning/duplicates/normalize.hpp"

namespace simpul::planning::duplicates {
namespace {

struct NameGroup {
  std::vector<std::string> grams;       // sorted, for the Jaccard
  std::vector<std::string> by_rarity;   // rarest in the cycle first, for the prefix
  std::vector<const store::IndexedLine*> lines;
};

void add_line_pairs(const NameGroup& a, const NameGroup& b, bool same, std::vector<store::LinePair>& out) {
  for (std::size_t i = 0; i < a.lines.size(); ++i) {
    for (std::size_t j = same ? i + 1 : 0; j < b.lines.size(); ++j) {
      const auto* x = a.lines[i];
      const auto* y = b.lines[j];
      if (x->agency_id == y->agency_id) continue;
      out.push_back(x->line_id < y->line_id ? store::LinePair{x->line_id, y->line_id} : store::LinePair{y->line_id, x->line_id});
    }
  }
}

}  // namespace

std::vector<store::LinePair> similar_name_pairs(const std::unordered_map<std::string, store::IndexedLine>& lines,
                                                double min_similarity) {
  // Lines with the same normalised name form one group: names are compared once.
  std::map<std::string, NameGroup> groups;
  for (const auto& [id, line] : lines) {
    if (line.name_norm.empty()) continue;
    auto& g = groups[line.name_norm];
    if (g.lines.empty()) g.grams = trigrams(line.name_norm);
    g.lines.push_back(&line);
  }
  std::unordered_map<std::string, int> df;
  for (const auto& [name, g] : groups)
    for (const auto& t : g.grams) ++df[t];
  std::vector<NameGroup*> order;
  for (auto& [name, g] : groups) {
    g.by_rarity = g.grams;
    std::sort(g.by_rarity.begin(), g.by_rarity.end(), [&](const std::string& a, const std::string& b) {
      int da = df[a], db = df[b];
      return da != db ? da < db : a < b;
    });
    order.push_back(&g);
  }

  // Prefix filtering: with one global order of trigrams, two sets with Jaccard >= t share one of
  // the first n - ceil(t * n) + 1 trigrams of each; only those are indexed and probed.
  std::vector<store::LinePair> out;
  std::unordered_map<std::string, std::vector<std::size_t>> postings;
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
        if (jaccard(order[j]->grams, g.grams) >= min_similarity) add_line_pairs(*order[j], g, false, out);
      }
      list.push_back(i);
    }
  }
  return out;
}

}  // namespace simpul::planning::duplicates
