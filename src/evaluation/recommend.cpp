// Recommendations: which single one-level raise helps the index most. Each candidate is simulated
// with what_if rather than derived from the weights, so the ranking stays right for any framework
// formula the index computation supports.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "evaluation/report.hpp"

namespace simpul::evaluation {
namespace {

struct Candidate {
  ReportRecommendation recommendation;
  int number = 0;
  long long gain_key = 0;  // the gain on a 1e-9 grid: equal weights must tie exactly, not by rounding noise
};

}  // namespace

std::vector<ReportRecommendation> recommend(const Framework& framework, std::span<const Answer> answers,
                                            std::size_t count) {
  const IndexResult now = compute_index(framework, answers);
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < framework.indicators.size(); ++i) {
    const Indicator& ind = framework.indicators[i];
    // The counted value is the answer's level under the direct rule (0 when unanswered or invalid)
    // and the derived level or external score under the cumulative rule; a fractional external
    // score is raised to the next whole level.
    int from = static_cast<int>(std::floor(now.indicators[i]));
    if (from >= framework.scales[ind.scale].max_level()) continue;
    int to = from + 1;
    const Change change{ind.id, to};
    double gain = what_if(framework, answers, std::span(&change, 1)).index - now.index;
    if (!(gain > 0)) continue;  // a zero-weight indicator is no advice
    candidates.push_back({{ind.id, "Indikator " + std::to_string(ind.number) + ": " + ind.name, from, to, gain},
                          ind.number,
                          std::llround(gain * 1e9)});
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.gain_key != b.gain_key ? a.gain_key > b.gain_key : a.number < b.number;
  });
  std::vector<ReportRecommendation> out;
  for (std::size_t i = 0; i < candidates.size() && i < count; ++i)
    out.push_back(std::move(candidates[i].recommendation));
  return out;
}

}  // namespace simpul::evaluation
