#include "evaluation/index.hpp"

#include <string>

namespace simpul::evaluation {
namespace {

/// Indicator values and which of them came from an answer.
struct Values {
  std::vector<double> value;
  std::vector<char> answered;
};

void issue(IndexResult& r, const std::string& indicator, std::string problem) {
  r.issues.push_back({indicator, std::move(problem)});
}

bool in_range(int level, int lo, int hi) { return level >= lo && level <= hi; }

/// The value of one answer under the framework's rule, or none (with an issue
/// recorded).
std::optional<double> value_of(const Framework& f, const Indicator& ind, const Answer& a, IndexResult& r) {
  const Scale& scale = f.scales[ind.scale];
  if (f.level_rule == LevelRule::Direct) {
    if (!a.level) {
      issue(r, a.indicator, "level is required");
      return std::nullopt;
    }
    if (!in_range(*a.level, scale.min_level(), scale.max_level())) {
      issue(r, a.indicator,
            "level " + std::to_string(*a.level) + " is outside " + std::to_string(scale.min_level()) + ".." +
                std::to_string(scale.max_level()));
      return std::nullopt;
    }
    return *a.level;
  }
  // Cumulative evidence: a chosen level would bypass the assessor's acceptance,
  // so it is refused.
  if (a.level) {
    issue(r, a.indicator,
          "under the cumulative-evidence rule the level follows from accepted "
          "evidence; give evidence, not a level");
    return std::nullopt;
  }
  if (a.external_score) {
    if (ind.external_kind.empty()) {
      issue(r, a.indicator, "takes no external score");
      return std::nullopt;
    }
    double s = *a.external_score;
    if (!(s >= 0 && s <= scale.max_level())) {
      issue(r, a.indicator, "external score is outside 0.." + std::to_string(scale.max_level()));
      return std::nullopt;
    }
    return s;
  }
  for (const auto& e : a.evidence) {
    if (!in_range(e.level, scale.min_level(), scale.max_level())) {
      issue(r, a.indicator,
            "evidence for level " + std::to_string(e.level) + " is outside " + std::to_string(scale.min_level()) +
                ".." + std::to_string(scale.max_level()));
      return std::nullopt;
    }
  }
  return cumulative_level(a.evidence, scale.max_level());
}

Values resolve(const Framework& f, std::span<const Answer> answers, IndexResult& r) {
  Values v{std::vector<double>(f.indicators.size(), 0.0), std::vector<char>(f.indicators.size(), 0)};
  std::vector<char> seen(f.indicators.size(), 0);
  for (const auto& a : answers) {
    auto i = f.find_indicator(a.indicator);
    if (!i) {
      issue(r, a.indicator, "is not an indicator of " + f.id + " v" + std::to_string(f.version));
      continue;
    }
    // A second answer for the same indicator is ambiguous; neither silently
    // wins.
    if (seen[*i]++) {
      issue(r, a.indicator, "is answered more than once");
      v.value[*i] = 0;
      v.answered[*i] = 1;
      continue;
    }
    v.answered[*i] = 1;
    if (auto value = value_of(f, f.indicators[*i], a, r)) v.value[*i] = *value;
  }
  return v;
}

void aggregate(const Framework& f, Values&& v, IndexResult& r) {
  for (std::size_t i = 0; i < f.indicators.size(); ++i) {
    if (!v.answered[i]) r.unanswered.push_back(f.indicators[i].id);
  }
  r.indicators = std::move(v.value);
  // indeks_aspek = sum(w_indikator * nilai_indikator) / w_aspek
  r.aspects.assign(f.aspects.size(), 0.0);
  for (std::size_t a = 0; a < f.aspects.size(); ++a) {
    double sum = 0;
    for (auto i : f.aspects[a].indicators) sum += f.indicators[i].weight * r.indicators[i];
    r.aspects[a] = sum / f.aspects[a].weight;
  }
  double index = 0;
  if (!f.domains.empty()) {
    // indeks_domain = sum(w_aspek * indeks_aspek) / w_domain; indeks =
    // sum(w_domain * indeks_domain) / 100
    r.domains.assign(f.domains.size(), 0.0);
    for (std::size_t d = 0; d < f.domains.size(); ++d) {
      double sum = 0;
      for (auto a : f.domains[d].aspects) sum += f.aspects[a].weight * r.aspects[a];
      r.domains[d] = sum / f.domains[d].weight;
      index += f.domains[d].weight * r.domains[d];
    }
    index /= f.index_scale;
  } else {
    // indeks = sum(w_aspek / 100 * indeks_aspek)
    for (std::size_t a = 0; a < f.aspects.size(); ++a) index += f.aspects[a].weight / f.index_scale * r.aspects[a];
  }
  r.index = index;
  r.predicate = f.predicate_for(index);
}

}  // namespace

int cumulative_level(std::span<const EvidenceCheck> evidence, int max_level) {
  for (int level = 1; level <= max_level; ++level) {
    bool any = false;
    for (const auto& e : evidence) {
      if (e.level != level || !e.main) continue;
      if (!e.accepted) return level - 1;
      any = true;
    }
    if (!any) return level - 1;
  }
  return max_level;
}

IndexResult compute_index(const Framework& framework, std::span<const Answer> answers) {
  IndexResult r;
  aggregate(framework, resolve(framework, answers, r), r);
  return r;
}

IndexResult what_if(const Framework& framework, std::span<const Answer> answers, std::span<const Change> changes) {
  IndexResult r;
  Values v = resolve(framework, answers, r);
  for (const auto& c : changes) {
    auto i = framework.find_indicator(c.indicator);
    if (!i) {
      issue(r, c.indicator,
            "what-if: is not an indicator of " + framework.id + " v" + std::to_string(framework.version));
      continue;
    }
    const Scale& scale = framework.scales[framework.indicators[*i].scale];
    // Under the cumulative rule 0 is a real outcome (level 1 not accepted), so
    // it may be simulated.
    int lo = framework.level_rule == LevelRule::CumulativeEvidence ? 0 : scale.min_level();
    if (!in_range(c.level, lo, scale.max_level())) {
      issue(r, c.indicator,
            "what-if: level " + std::to_string(c.level) + " is outside " + std::to_string(lo) + ".." +
                std::to_string(scale.max_level()));
      continue;
    }
    v.value[*i] = c.level;
    v.answered[*i] = 1;
  }
  aggregate(framework, std::move(v), r);
  return r;
}

}  // namespace simpul::evaluation
