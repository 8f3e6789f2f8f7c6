#pragma once
// Why an indicator's value is what it is (docs/evaluation.md, "Why this value"): for the cumulative
// rule, the state of each level's main evidence up to the level that stops the climb; for the
// direct rule, the chosen level. The workspace shows it beside the value, so an approved 0 is never
// a mystery.
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "evaluation/framework.hpp"
#include "evaluation/model.hpp"

namespace simpul::evaluation {

/// One level of the cumulative climb.
struct LevelBasis {
  int level = 0;
  /// "diterima" (all main evidence accepted), "tanpa_bukti" (no main evidence), "ditolak" (some
  /// main evidence rejected), "belum_diperiksa" (some main evidence without a verdict).
  std::string status;
  std::vector<std::string> items;  ///< labels of the main evidence that decides the status
};

struct ValueBasis {
  double value = 0;
  std::vector<LevelBasis> levels;       ///< cumulative rule: levels 1..the one that stops the climb
  std::vector<std::string> supporting;  ///< supporting items: shown, never counted
  std::string reason_id, reason_en;
};

ValueBasis explain_value(const Framework& f, const Indicator& ind, const std::optional<AnswerRecord>& answer,
                         const std::vector<EvidenceItem>& evidence, double value);

boost::json::object to_json(const ValueBasis& b);

}  // namespace simpul::evaluation
