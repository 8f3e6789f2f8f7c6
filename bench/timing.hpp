#pragma once
// Wall-clock helpers shared by the in-process benchmarks: time a piece of work N times and report
// the median and the 99th percentile.
#include <algorithm>
#include <chrono>
#include <vector>

namespace simpul::bench {

using Clock = std::chrono::steady_clock;

inline double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

struct Percentiles {
  double p50, p99;
};

/// Runs `work(i)` for i in [0, runs) and returns the p50 and p99 of the durations in milliseconds.
template <typename F>
Percentiles time_runs(int runs, F&& work) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto t = Clock::now();
    work(i);
    ms.push_back(ms_since(t));
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 99 / 100)]};
}

}  // namespace simpul::bench
