#include "planning/duplicates/pairing.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>

#include "planning/duplicates/normalize.hpp"
#include "planning/duplicates/scoring.hpp"

namespace simpul::planning::duplicates {
namespace {

/// A distinct normalised name: its trigrams as numbers (sorted, for the Jaccard) and rarest first
/// (for the prefix).
struct NameGrams {
  std::vector<int> grams;
  std::vector<int> by_rarity;
};

/// Lines of the pool with one name and one activity, by line id.
struct PoolGroup {
  std::vector<const store::IndexedLine*> lines;
};

double jaccard_of_numbers(const std::vector<int>& a, const std::vector<int>& b) {
  if (a.empty() || b.empty()) return 0.0;
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

/// How many of a name's rarest trigrams a prefix filter at `threshold` indexes and probes: two sets
/// with Jaccard >= t share one of the first n - ceil(t * n) + 1 trigrams of each in one global order.
std::size_t prefix_length(std::size_t n, double threshold) {
  return std::min(n, n - static_cast<std::size_t>(std::ceil(threshold * static_cast<double>(n))) + 1);
}

bool by_id(const store::IndexedLine* a, const store::IndexedLine* b) { return a->line_id < b->line_id; }

bool better(const Candidate& a, const Candidate& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.line_a != b.line_a) return a.line_a < b.line_a;
  return a.line_b < b.line_b;
}

/// The names of both sets numbered; pool names in a prefix index at the lowest threshold a reason
/// accepts (a common architecture element with a similar enough name).
class NameIndex {
 public:
  NameIndex(const std::vector<const store::IndexedLine*>& own, const std::vector<const store::IndexedLine*>& pool) {
    for (const auto* l : pool) name_of(l->name_norm, true);
    for (const auto* l : own) name_of(l->name_norm, false);
    for (auto& n : names_) {
      n.by_rarity = n.grams;
      std::sort(n.by_rarity.begin(), n.by_rarity.end(),
                [&](int a, int b) { return df_[a] != df_[b] ? df_[a] < df_[b] : a < b; });
    }
    postings_.resize(df_.size());
    indexed_.assign(names_.size(), false);
    seen_.assign(names_.size(), static_cast<std::size_t>(-1));
    for (const auto* l : pool) {
      auto id = ids_.at(l->name_norm);
      if (indexed_[id]) continue;
      indexed_[id] = true;
      const auto& n = names_[id];
      for (std::size_t k = 0; k < prefix_length(n.by_rarity.size(), kElementNameThreshold); ++k)
        postings_[n.by_rarity[k]].push_back(id);
    }
  }

  int id(const std::string& name_norm) const { return ids_.at(name_norm); }
  std::size_t size() const { return names_.size(); }
  double similarity(int a, int b) const { return jaccard_of_numbers(names_[a].grams, names_[b].grams); }

  /// Pool names whose Jaccard with `name` is at least kElementNameThreshold, with it. `probe` numbers
  /// the call (each call a different number).
  std::vector<std::pair<int, double>> similar(int name, std::size_t probe) {
    std::vector<std::pair<int, double>> out;
    const auto& n = names_[name];
    for (std::size_t k = 0; k < prefix_length(n.by_rarity.size(), kElementNameThreshold); ++k) {
      for (int other : postings_[n.by_rarity[k]]) {
        if (seen_[other] == probe) continue;
        seen_[other] = probe;
        auto na = names_[other].grams.size(), nb = n.grams.size();
        // Sizes alone can rule a pair out: |A ∩ B| <= min(|A|, |B|).
        if (static_cast<double>(std::min(na, nb)) < kElementNameThreshold * static_cast<double>(std::max(na, nb)))
          continue;
        double sim = jaccard_of_numbers(names_[other].grams, n.grams);
        if (sim >= kElementNameThreshold) out.emplace_back(other, sim);
      }
    }
    return out;
  }

 private:
  void name_of(const std::string& name_norm, bool in_pool) {
    auto [it, fresh] = ids_.emplace(name_norm, static_cast<int>(names_.size()));
    if (!fresh) return;
    NameGrams n;
    for (const auto& t : trigrams(name_norm)) {
      auto [g, new_gram] = numbers_.emplace(t, static_cast<int>(numbers_.size()));
      if (new_gram) df_.push_back(0);
      if (in_pool) ++df_[g->second];
      n.grams.push_back(g->second);
    }
    std::sort(n.grams.begin(), n.grams.end());
    names_.push_back(std::move(n));
  }

  std::unordered_map<std::string, int> ids_, numbers_;
  std::vector<int> df_;
  std::vector<NameGrams> names_;
  std::vector<std::vector<int>> postings_;
  std::vector<bool> indexed_;
  std::vector<std::size_t> seen_;
};

}  // namespace

std::vector<Candidate> bounded_candidates(const std::vector<const store::IndexedLine*>& own,
                                          const std::vector<const store::IndexedLine*>& pool, std::size_t per_line) {
  std::vector<Candidate> out;
  if (per_line == 0 || own.empty() || pool.empty()) return out;
  NameIndex names(own, pool);

  // Blocks of the pool: lines by name (then by activity), lines by SSH item; each in line id order.
  std::vector<std::map<std::string, PoolGroup>> groups(names.size());
  std::unordered_map<std::string, std::vector<const store::IndexedLine*>> by_ssh;
  for (const auto* l : pool) {
    groups[names.id(l->name_norm)][l->activity].lines.push_back(l);
    if (!l->ssh_code.empty()) by_ssh[l->ssh_code].push_back(l);
  }
  for (auto& by_activity : groups)
    for (auto& [activity, g] : by_activity) std::sort(g.lines.begin(), g.lines.end(), by_id);
  for (auto& [ssh, lines] : by_ssh) std::sort(lines.begin(), lines.end(), by_id);

  std::map<std::pair<std::string, std::string>, Candidate> kept;
  std::unordered_map<const store::IndexedLine*, double> met;  // the lines one line meets, with the name similarity
  std::vector<Candidate> mine;
  std::size_t probe = 0;
  for (const auto* o : own) {
    met.clear();
    int name = names.id(o->name_norm);
    // The first kBlockScan lines of a block that are of another agency.
    auto meet = [&](const std::vector<const store::IndexedLine*>& block, double sim) {
      std::size_t taken = 0;
      for (const auto* l : block) {
        if (taken == kBlockScan) break;
        if (l->agency_id == o->agency_id || l->line_id == o->line_id) continue;
        ++taken;
        met.emplace(l, sim);
      }
    };
    if (!o->name_norm.empty())
      for (const auto& [other, sim] : names.similar(name, probe++))
        for (const auto& [activity, g] : groups[other]) meet(g.lines, sim);
    if (!o->ssh_code.empty()) {
      auto it = by_ssh.find(o->ssh_code);
      if (it != by_ssh.end()) {
        std::size_t before = met.size();
        for (const auto* l : it->second) {
          if (met.count(l)) continue;
          if (l->agency_id == o->agency_id || l->line_id == o->line_id) continue;
          if (met.size() >= before + kBlockScan) break;
          met.emplace(l, names.similarity(name, names.id(l->name_norm)));
        }
      }
    }
    mine.clear();
    for (const auto& [l, sim] : met) {
      bool forward = o->line_id < l->line_id;
      auto cand = forward ? score_pair(*o, *l, sim) : score_pair(*l, *o, sim);
      if (cand) mine.push_back(std::move(*cand));
    }
    auto keep = std::min(per_line, mine.size());
    std::partial_sort(mine.begin(), mine.begin() + static_cast<std::ptrdiff_t>(keep), mine.end(), better);
    for (std::size_t i = 0; i < keep; ++i) {
      auto key = std::make_pair(mine[i].line_a, mine[i].line_b);
      kept.emplace(std::move(key), std::move(mine[i]));
    }
  }
  out.reserve(kept.size());
  for (auto& [key, cand] : kept) out.push_back(std::move(cand));
  return out;
}

}  // namespace simpul::planning::duplicates
