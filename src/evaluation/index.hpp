#pragma once
// The index computation, exactly as each framework file states it
// (docs/evaluation.md): indicator values → aspect indices → domain indices →
// the index → its predicate band. Pure computation on the hot path of
// dashboards and what-if simulation: no database, no exceptions; anything wrong
// with the answers is reported in the result and the offending answer counts as
// 0.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "evaluation/framework.hpp"

namespace simpul::evaluation {

/// The assessor's verdict on one evidence item (8/2026's cumulative rule).
struct EvidenceCheck {
  int level = 0;     ///< the level whose criteria the item supports
  bool main = true;  ///< only main ("utama") items decide the level; supporting
                     ///< items do not
  bool accepted = false;
};

/// One indicator's answer. Which field counts depends on the framework's level
/// rule.
struct Answer {
  std::string indicator;
  std::optional<int> level;              ///< Direct rule: the chosen level
  std::vector<EvidenceCheck> evidence;   ///< CumulativeEvidence rule: the level follows from these
  std::optional<double> external_score;  ///< CumulativeEvidence indicators fed by SDI/SJIG/EPSS
};

/// A what-if change: "this indicator at this level". Under the cumulative rule
/// it means "every main evidence item of levels 1..level accepted" (for
/// external indicators: that score).
struct Change {
  std::string indicator;
  int level = 0;
};

struct AnswerIssue {
  std::string indicator;
  std::string problem;
};

struct IndexResult {
  std::vector<double> indicators;  ///< value per Framework::indicators entry (0
                                   ///< when unanswered or invalid)
  std::vector<double> aspects;     ///< per Framework::aspects entry
  std::vector<double> domains;     ///< per Framework::domains entry (empty without domains)
  double index = 0;
  const Predicate* predicate = nullptr;  ///< null when no band holds the index (Pemdi below 1.0)
  std::vector<std::string> unanswered;   ///< indicators without any answer, counted as 0
  std::vector<AnswerIssue> issues;       ///< invalid answers or changes, each counted as 0 / ignored

  bool ok() const { return issues.empty(); }
  bool complete() const { return issues.empty() && unanswered.empty(); }
};

/// 8/2026: the highest L such that levels 1..L each have main evidence and all
/// of it is accepted. A level without any main evidence item stops the climb:
/// nothing was shown for it.
int cumulative_level(std::span<const EvidenceCheck> evidence, int max_level);

/// The index of one set of answers.
IndexResult compute_index(const Framework& framework, std::span<const Answer> answers);

/// The index if `changes` were applied on top of `answers` (later changes win
/// over earlier ones).
IndexResult what_if(const Framework& framework, std::span<const Answer> answers, std::span<const Change> changes);

}  // namespace simpul::evaluation
