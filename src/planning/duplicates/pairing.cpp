#include "planning/duplicates/pairing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "planning/duplicates/normalize.hpp"
#include "planning/duplicates/scoring.hpp"

namespace simpul::planning::duplicates {
namespace {

/// The overlap two trigram sets of sizes na and nb need for a Jaccard of at least `threshold`:
/// |A ∩ B| >= t / (1 + t) * (|A| + |B|).
std::size_t overlap_needed(std::size_t na, std::size_t nb, double threshold) {
  return static_cast<std::size_t>(std::ceil(threshold / (1.0 + threshold) * static_cast<double>(na + nb) - 1e-9));
}

/// How many of a name's rarest trigrams a prefix filter at `threshold` indexes and probes: two sets
/// with Jaccard >= t share one of the first n - ceil(t * n) + 1 trigrams of each in one global order.
std::size_t prefix_length(std::size_t n, double threshold) {
  return std::min(n, n - static_cast<std::size_t>(std::ceil(threshold * static_cast<double>(n))) + 1);
}

/// Every distinct name's trigram numbers (sorted) in one array, a name's side by side: the
/// comparisons walk the trigrams of thousands of names in a row, and a vector per name had spread
/// them over the heap.
class GramArena {
 public:
  std::span<const int> operator[](int name) const {
    return {data_.data() + start_[static_cast<std::size_t>(name)],
            data_.data() + start_[static_cast<std::size_t>(name) + 1]};
  }
  std::size_t size() const { return start_.size() - 1; }
  void push_back(const std::vector<int>& grams) {
    data_.insert(data_.end(), grams.begin(), grams.end());
    start_.push_back(data_.size());
  }

 private:
  std::vector<int> data_;
  std::vector<std::size_t> start_{0};
};

/// A line with what scoring needs of it computed once.
struct Entry {
  const store::IndexedLine* line = nullptr;
  int name = 0, activity = 0, agency = 0;
  bool application = false;
};

/// The distinct names of both sets with their trigrams numbered (sorted, for the Jaccard; rarest in
/// the pool first, for the prefix), the pool's names in a prefix index at the name threshold, and the
/// distinct activities with whether two of them differ.
class Features {
 public:
  Entry entry(const store::IndexedLine* l) {
    auto [agency, fresh] = agencies_.emplace(l->agency_id, static_cast<int>(agencies_.size()));
    Entry e{l, name_of(l->name_norm), activity_of(l->activity), agency->second, false};
    auto key = l->name_norm + '\t' + l->activity;
    auto it = application_.find(key);
    if (it == application_.end())
      it = application_.emplace(key, is_application_name({l->name_norm, l->activity})).first;
    e.application = it->second;
    return e;
  }

  /// After every entry: sizes the marks of mark() to the trigrams numbered.
  void count_in_pool(int name) {
    if (counted_.size() <= static_cast<std::size_t>(name)) counted_.resize(name + 1, false);
    if (counted_[name]) return;
    counted_[name] = true;
    for (int g : grams_[name]) ++df_[g];
  }

  /// After every entry: orders the trigrams and indexes the pool's names.
  void index_pool(const std::vector<Entry>& pool) {
    postings_.assign(df_.size(), {});
    seen_.assign(grams_.size(), static_cast<std::size_t>(-1));
    std::vector<bool> indexed(grams_.size(), false);
    for (const auto& e : pool) {
      if (indexed[e.name]) continue;
      indexed[e.name] = true;
      auto order = by_rarity(e.name);
      for (std::size_t k = 0; k < prefix_length(order.size(), kNameThreshold); ++k)
        postings_[order[k]].push_back(e.name);
    }
  }

  /// When every line is compared with every other (own = pool): every pair of the pool's names at
  /// least kNameThreshold similar, each verified once — names are indexed as they are probed, so a
  /// name meets only those before it, and the pair is recorded for both.
  void self_join(const std::vector<Entry>& pool) {
    similar_.assign(grams_.size(), std::nullopt);
    std::vector<int> names;
    for (const auto& e : pool)
      if (!similar_[e.name]) {
        similar_[e.name].emplace();
        names.push_back(e.name);
      }
    // Smallest first: then a name need only index its first n - ceil(2t / (1 + t) * n) + 1 trigrams
    // (a later, larger name y with J >= t shares one of them; Bayardo et al., "All-Pairs").
    std::stable_sort(names.begin(), names.end(), [&](int a, int b) { return grams_[a].size() < grams_[b].size(); });
    const double index_threshold = 2 * kNameThreshold / (1 + kNameThreshold);
    // Positional filtering (Xiao et al., "PPJoin"): a candidate's common trigrams so far plus what
    // remains after the matching positions must still reach the overlap the threshold needs.
    std::vector<std::vector<std::pair<int, int>>> positioned(df_.size());
    std::vector<int> overlap(grams_.size(), 0);
    std::vector<int> touched;
    for (int name : names) {
      const auto& mine = grams_[name];
      if (mine.empty()) continue;
      similar_[name]->emplace_back(name, 1.0);
      auto order = by_rarity(name);
      auto nx = static_cast<int>(order.size());
      auto prefix = static_cast<int>(prefix_length(order.size(), kNameThreshold));
      for (int i = 0; i < prefix; ++i) {
        for (const auto& [other, j] : positioned[order[i]]) {
          int ny = static_cast<int>(grams_[other].size());
          // Sizes alone can rule a pair out: |A ∩ B| <= min(|A|, |B|).
          if (static_cast<double>(std::min(nx, ny)) < kNameThreshold * static_cast<double>(std::max(nx, ny))) continue;
          if (overlap[other] < 0) continue;
          if (overlap[other] == 0) touched.push_back(other);
          auto need = static_cast<int>(std::ceil(kNameThreshold / (1 + kNameThreshold) * (nx + ny) - 1e-9));
          if (overlap[other] + 1 + std::min(nx - i - 1, ny - j - 1) < need) {
            overlap[other] = -1;
            continue;
          }
          ++overlap[other];
        }
      }
      for (int other : touched) {
        if (overlap[other] > 0) {
          double sim = similarity_at_least(name, other, kNameThreshold);
          if (sim >= kNameThreshold) {
            similar_[name]->emplace_back(other, sim);
            similar_[other]->emplace_back(name, sim);
          }
        }
        overlap[other] = 0;
      }
      touched.clear();
      auto indexed = static_cast<int>(prefix_length(order.size(), index_threshold));
      for (int k = 0; k < indexed; ++k) positioned[order[k]].emplace_back(name, k);
    }
  }

  /// Pool names whose Jaccard with `name` is at least kNameThreshold, with it; probed once per
  /// distinct name (a cycle holds hundreds of lines of few names).
  const std::vector<std::pair<int, double>>& similar(int name) {
    if (similar_.size() <= static_cast<std::size_t>(name)) similar_.resize(name + 1);
    auto& cached = similar_[name];
    if (!cached) cached = probe(name, probes_++);
    return *cached;
  }

 private:
  std::vector<std::pair<int, double>> probe(int name, std::size_t stamp) {
    std::vector<std::pair<int, double>> out;
    const auto& mine = grams_[name];
    auto order = by_rarity(name);
    for (std::size_t k = 0; k < prefix_length(order.size(), kNameThreshold); ++k) {
      for (int other : postings_[order[k]]) {
        if (seen_[other] == stamp) continue;
        seen_[other] = stamp;
        auto na = grams_[other].size(), nb = mine.size();
        // Sizes alone can rule a pair out: |A ∩ B| <= min(|A|, |B|).
        if (static_cast<double>(std::min(na, nb)) < kNameThreshold * static_cast<double>(std::max(na, nb))) continue;
        double sim = similarity_at_least(name, other, kNameThreshold);
        if (sim >= kNameThreshold) out.emplace_back(other, sim);
      }
    }
    return out;
  }

 public:
  /// Trigram Jaccard of names a and b (0 when either is empty).
  double similarity(int a, int b) {
    if (grams_[a].empty() || grams_[b].empty()) return 0.0;
    if (a == b) return 1.0;
    auto common = common_grams(a, b);
    return static_cast<double>(common) / static_cast<double>(grams_[a].size() + grams_[b].size() - common);
  }
  bool empty_name(int name) const { return grams_[name].empty(); }
  std::size_t name_count() const { return grams_.size(); }
  /// similarity() when at least `threshold`, else a negative number; sizes alone rule most pairs out.
  double similarity_at_least(int a, int b, double threshold) {
    if (grams_[a].empty() || grams_[b].empty()) return -1.0;
    if (a == b) return 1.0;
    auto na = grams_[a].size(), nb = grams_[b].size();
    if (std::min(na, nb) < overlap_needed(na, nb, threshold)) return -1.0;
    auto common = common_grams(a, b);
    double sim = static_cast<double>(common) / static_cast<double>(na + nb - common);
    return sim >= threshold ? sim : -1.0;
  }

  bool activities_differ(int a, int b) {
    auto key = (static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint32_t>(b);
    auto it = differ_.find(key);
    if (it == differ_.end())
      it = differ_.emplace(key, duplicates::activities_differ(activities_[a], activities_[b])).first;
    return it->second;
  }

 private:
  /// |grams(a) ∩ grams(b)|: a's trigrams are marked once (one name is compared with hundreds in a
  /// row), then b's are looked up, without the branches of a sorted merge (the merge was half of
  /// the whole-cycle search's CPU: docs/benchmarks.md).
  std::size_t common_grams(int a, int b) {
    if (marked_ != a) {
      if (mark_.size() < df_.size()) mark_.resize(df_.size(), 0);
      if (marked_ >= 0)
        for (int g : grams_[marked_]) mark_[g] = 0;
      for (int g : grams_[a]) mark_[g] = 1;
      marked_ = a;
    }
    std::size_t common = 0;
    for (int g : grams_[b]) common += mark_[g];
    return common;
  }

  int name_of(const std::string& name_norm) {
    auto [it, fresh] = names_.emplace(name_norm, static_cast<int>(grams_.size()));
    if (!fresh) return it->second;
    std::vector<int> g;
    for (const auto& t : trigrams(name_norm)) {
      auto [n, new_gram] = numbers_.emplace(t, static_cast<int>(numbers_.size()));
      if (new_gram) df_.push_back(0);
      g.push_back(n->second);
    }
    std::sort(g.begin(), g.end());
    grams_.push_back(g);
    return it->second;
  }

  int activity_of(const std::string& activity) {
    auto [it, fresh] = activity_ids_.emplace(activity, static_cast<int>(activities_.size()));
    if (fresh) activities_.push_back(activity);
    return it->second;
  }

  std::vector<int> by_rarity(int name) const {
    auto grams = grams_[name];
    std::vector<int> order(grams.begin(), grams.end());
    std::sort(order.begin(), order.end(), [&](int a, int b) { return df_[a] != df_[b] ? df_[a] < df_[b] : a < b; });
    return order;
  }

  std::unordered_map<std::string, int> names_, numbers_, activity_ids_, agencies_;
  std::unordered_map<std::string, bool> application_;
  std::unordered_map<std::uint64_t, bool> differ_;
  std::vector<std::string> activities_;
  GramArena grams_;
  std::vector<int> df_;
  std::vector<bool> counted_;
  std::vector<std::vector<int>> postings_;
  std::vector<std::size_t> seen_;
  std::vector<std::optional<std::vector<std::pair<int, double>>>> similar_;
  std::size_t probes_ = 0;
  std::vector<unsigned char> mark_;  // 1 for each trigram of name marked_
  int marked_ = -1;
};

/// A pool line one line meets, with the name similarity.
struct Met {
  std::uint32_t pool = 0;
  double similarity = 0;
};

struct PairHash {
  std::size_t operator()(const std::pair<const store::IndexedLine*, const store::IndexedLine*>& p) const {
    auto h = std::hash<const void*>();
    return h(p.first) * 31 + h(p.second);
  }
};

struct Scored {
  std::uint32_t pool = 0;
  PairScore score;
};

}  // namespace

std::vector<Candidate> bounded_candidates(const std::vector<const store::IndexedLine*>& own,
                                          const std::vector<const store::IndexedLine*>& pool, std::size_t per_line) {
  std::vector<Candidate> out;
  if (per_line == 0 || own.empty() || pool.empty()) return out;
  Features features;
  std::vector<Entry> pool_entries, own_entries;
  pool_entries.reserve(pool.size());
  for (const auto* l : pool) {
    pool_entries.push_back(features.entry(l));
    features.count_in_pool(pool_entries.back().name);
  }
  own_entries.reserve(own.size());
  for (const auto* l : own) own_entries.push_back(features.entry(l));
  if (own == pool)
    features.self_join(pool_entries);
  else
    features.index_pool(pool_entries);

  // Blocks of the pool, each in line id order: by name (then activity), by SSH item, by element.
  std::vector<std::uint32_t> order(pool_entries.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return pool_entries[a].line->line_id < pool_entries[b].line->line_id;
  });
  std::unordered_map<int, std::map<int, std::vector<std::uint32_t>>> by_name;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_ssh, by_element;
  for (auto i : order) {
    const auto& e = pool_entries[i];
    by_name[e.name][e.activity].push_back(i);
    if (!e.line->ssh_code.empty()) by_ssh[e.line->ssh_code].push_back(i);
    for (const auto& el : e.line->element_ids) by_element[el].push_back(i);
  }

  // Each pair once, whichever of its lines kept it first (its lines are the same objects in both sets).
  std::unordered_set<std::pair<const store::IndexedLine*, const store::IndexedLine*>, PairHash> kept;
  // The pool lines the current own line met (round = its number + 1), with their name similarity.
  std::vector<std::size_t> met_in(pool_entries.size(), 0);
  std::vector<std::pair<std::uint32_t, double>> met;
  std::vector<Scored> mine;
  std::vector<std::pair<std::size_t, double>> name_memo(features.name_count(), {0, 0.0});
  std::size_t round = 0;
  for (const auto& o : own_entries) {
    met.clear();
    ++round;
    auto other_agency = [&](std::uint32_t i) { return pool_entries[i].agency != o.agency; };
    // The first `limit` lines of a block of other agencies; `sim` gives their name similarity, and
    // only those at least `floor` are kept.
    auto meet = [&](const std::vector<std::uint32_t>& block, std::size_t limit, double floor, auto sim) {
      std::size_t taken = 0;
      for (auto i : block) {
        if (taken == limit) break;
        if (!other_agency(i)) continue;
        ++taken;
        if (met_in[i] == round) continue;
        double s = sim(i);
        if (s >= floor) {
          met_in[i] = round;
          met.emplace_back(i, s);
        }
      }
    };
    if (!features.empty_name(o.name))
      for (const auto& [name, sim] : features.similar(o.name)) {
        auto it = by_name.find(name);
        if (it == by_name.end()) continue;
        for (const auto& [activity, block] : it->second)
          meet(block, kBlockScan, 0.0, [s = sim](std::uint32_t) { return s; });
      }
    auto similarity = [&](std::uint32_t i) { return features.similarity(o.name, pool_entries[i].name); };
    if (!o.line->ssh_code.empty())
      if (auto it = by_ssh.find(o.line->ssh_code); it != by_ssh.end()) meet(it->second, kBlockScan, 0.0, similarity);
    // Through an element only a name at least kElementNameThreshold similar counts: the comparison
    // stops as soon as it cannot reach it.
    // An element's block repeats few names: each is compared once per own line (stamped by round).
    auto similar_enough = [&](std::uint32_t i) {
      int name = pool_entries[i].name;
      auto& [stamp, sim] = name_memo[name];
      if (stamp != round) {
        stamp = round;
        sim = features.similarity_at_least(o.name, name, kElementNameThreshold);
      }
      return sim;
    };
    for (const auto& el : o.line->element_ids)
      if (auto it = by_element.find(el); it != by_element.end())
        meet(it->second, kElementScan, kElementNameThreshold, similar_enough);

    mine.clear();
    for (const auto& [i, sim] : met) {
      const auto& p = pool_entries[i];
      PairFacts facts{sim, features.activities_differ(o.activity, p.activity), o.application && p.application};
      if (auto s = score_of(*o.line, *p.line, facts)) mine.push_back({i, *s});
    }
    auto keep = std::min(per_line, mine.size());
    std::partial_sort(mine.begin(), mine.begin() + static_cast<std::ptrdiff_t>(keep), mine.end(),
                      [&](const Scored& a, const Scored& b) {
                        if (a.score.score != b.score.score) return a.score.score > b.score.score;
                        return pool_entries[a.pool].line->line_id < pool_entries[b.pool].line->line_id;
                      });
    for (std::size_t k = 0; k < keep; ++k) {
      const auto* other = pool_entries[mine[k].pool].line;
      bool forward = o.line->line_id < other->line_id;
      const auto& a = forward ? *o.line : *other;
      const auto& b = forward ? *other : *o.line;
      if (kept.emplace(&a, &b).second) out.push_back(candidate_of(a, b, mine[k].score));
    }
  }
  return out;
}

}  // namespace simpul::planning::duplicates
