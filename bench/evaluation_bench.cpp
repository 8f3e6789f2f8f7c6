// The evaluation index at the scale: 500 tenants × 47 indicators
// (Indeks SPBE 59/2020), each tenant's index plus one what-if (five indicators
// raised), and the same for the 20-indicator Pemdi framework, whose answers go
// through the cumulative evidence rule. Computation only: the answers are
// already in memory, as they are once a period's answers are loaded.
//   build/bench/simpul_evaluation_bench [tenants] [runs]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "evaluation/framework.hpp"
#include "evaluation/index.hpp"

using namespace simpul::evaluation;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

/// Deterministic, varied answers: tenant t answers indicator i with level 1 +
/// (t*7 + i*3) % 5.
std::vector<std::vector<Answer>> tenants_answers(const Framework& f, int tenants) {
  std::vector<std::vector<Answer>> all(tenants);
  for (int t = 0; t < tenants; ++t) {
    for (std::size_t i = 0; i < f.indicators.size(); ++i) {
      int level = 1 + static_cast<int>((t * 7 + i * 3) % 5);
      Answer a{f.indicators[i].id, std::nullopt, {}, std::nullopt};
      if (f.level_rule == LevelRule::Direct) {
        a.level = level;
      } else {
        // Two main items per level, the last level's second one rejected: the
        // rule has work to do.
        for (int l = 1; l <= level; ++l) {
          a.evidence.push_back({l, true, true});
          a.evidence.push_back({l, true, l < level});
        }
      }
      all[t].push_back(std::move(a));
    }
  }
  return all;
}

void run(const char* label, const Framework& f, int tenants, int runs) {
  auto answers = tenants_answers(f, tenants);
  std::vector<Change> changes;
  for (std::size_t i = 0; i < 5 && i < f.indicators.size(); ++i) changes.push_back({f.indicators[i * 3].id, 5});
  std::vector<double> ms;
  double checksum = 0;
  for (int run = 0; run < runs; ++run) {
    auto t0 = Clock::now();
    for (const auto& a : answers) {
      auto now = compute_index(f, a);
      auto sim = what_if(f, a, changes);
      checksum += now.index + sim.index;  // keeps the work observable
    }
    ms.push_back(ms_since(t0));
  }
  std::sort(ms.begin(), ms.end());
  std::printf(
      "%-24s %d tenants x %zu indicators, index + what-if: p50 %.2f "
      "ms, max %.2f ms (%d runs; checksum %.3f)\n",
      label, tenants, f.indicators.size(), ms[ms.size() / 2], ms.back(), runs, checksum / runs);
}

}  // namespace

int main(int argc, char** argv) {
  int tenants = argc > 1 ? std::atoi(argv[1]) : 500;
  int runs = argc > 2 ? std::atoi(argv[2]) : 21;
  auto spbe = load_framework(SIMPUL_SOURCE_DIR "/profiles/frameworks/evaluation/spbe-2020.yaml");
  auto pemdi = load_framework(SIMPUL_SOURCE_DIR "/profiles/frameworks/evaluation/pemdi-2026.yaml");
  run("spbe-2020 (direct)", spbe, tenants, runs);
  run("pemdi-2026 (cumulative)", pemdi, tenants, runs);
  return 0;
}
