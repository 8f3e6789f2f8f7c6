#include "evaluation/value_basis.hpp"

#include <cstdio>

#include <boost/json/array.hpp>

namespace simpul::evaluation {
namespace {

namespace json = boost::json;

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : "; ") + i;
  return out;
}

/// 2.5 → "2,50" (id) or "2.50" (en).
std::string decimal(double v, bool comma) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  if (comma)
    for (auto& ch : s)
      if (ch == '.') ch = ',';
  return s;
}

LevelBasis level_basis(const std::vector<EvidenceItem>& evidence, int level) {
  LevelBasis b{level, "tanpa_bukti", {}};
  std::vector<std::string> rejected, unreviewed, accepted;
  for (const auto& e : evidence) {
    if (!e.main || !e.level || *e.level != level) continue;
    (e.verdict == "diterima" ? accepted : e.verdict == "ditolak" ? rejected : unreviewed).push_back(e.label);
  }
  // The same order as cumulative_level(): one item that is not accepted stops the climb; a
  // rejection is named before an item still waiting.
  if (!rejected.empty())
    b = {level, "ditolak", rejected};
  else if (!unreviewed.empty())
    b = {level, "belum_diperiksa", unreviewed};
  else if (!accepted.empty())
    b = {level, "diterima", accepted};
  return b;
}

}  // namespace

ValueBasis explain_value(const Framework& f, const Indicator& ind, const std::optional<AnswerRecord>& answer,
                         const std::vector<EvidenceItem>& evidence, double value) {
  ValueBasis b;
  b.value = value;
  const auto& scale = f.scales[ind.scale];
  for (const auto& e : evidence)
    if (!e.main) b.supporting.push_back(e.label);
  if (!answer) {
    b.reason_id = "Belum dijawab: nilai dihitung 0.";
    b.reason_en = "Not answered yet: the value counts as 0.";
    return b;
  }
  if (f.level_rule == LevelRule::Direct) {
    if (answer->level) {
      b.reason_id = "Nilai " + std::to_string(*answer->level) +
                    ": tingkat yang dipilih pelaksana data entri (status jawaban: " + answer->state + ").";
      b.reason_en = "Value " + std::to_string(*answer->level) +
                    ": the level chosen by data entry (answer state: " + answer->state + ").";
    } else {
      b.reason_id = "Tingkat belum dipilih: nilai dihitung 0.";
      b.reason_en = "No level chosen yet: the value counts as 0.";
    }
    return b;
  }
  if (answer->external_score) {
    b.reason_id =
        "Nilai " + decimal(*answer->external_score, true) + " berasal dari skor eksternal (" + ind.external_kind + ").";
    b.reason_en = "Value " + decimal(*answer->external_score, false) + " comes from the external score (" +
                  ind.external_kind + ").";
    return b;
  }
  // Cumulative evidence: walk the levels as cumulative_level() does and name where it stops.
  for (int level = 1; level <= scale.max_level(); ++level) {
    auto lb = level_basis(evidence, level);
    b.levels.push_back(lb);
    if (lb.status == "diterima") continue;
    auto v = std::to_string(level - 1);
    auto l = std::to_string(level);
    if (lb.status == "tanpa_bukti") {
      b.reason_id = "Nilai " + v + ": tingkat " + l + " belum memiliki bukti utama.";
      b.reason_en = "Value " + v + ": level " + l + " has no main evidence.";
    } else if (lb.status == "ditolak") {
      b.reason_id = "Nilai " + v + ": bukti utama tingkat " + l + " ditolak (" + join(lb.items) + ").";
      b.reason_en = "Value " + v + ": main evidence of level " + l + " was rejected (" + join(lb.items) + ").";
    } else {
      b.reason_id = "Nilai " + v + ": bukti utama tingkat " + l + " belum diperiksa (" + join(lb.items) + ").";
      b.reason_en = "Value " + v + ": main evidence of level " + l + " is not checked yet (" + join(lb.items) + ").";
    }
    break;
  }
  if (b.reason_id.empty()) {
    auto top = std::to_string(scale.max_level());
    b.reason_id = "Nilai " + top + ": bukti utama setiap tingkat 1–" + top + " diterima.";
    b.reason_en = "Value " + top + ": the main evidence of every level 1–" + top + " is accepted.";
  }
  if (!b.supporting.empty()) {
    b.reason_id += " Bukti pendukung (" + std::to_string(b.supporting.size()) + ") tidak menentukan tingkat.";
    b.reason_en += " Supporting evidence (" + std::to_string(b.supporting.size()) + ") does not decide the level.";
  }
  return b;
}

json::object to_json(const ValueBasis& b) {
  json::array levels, supporting;
  for (const auto& l : b.levels) {
    json::array items;
    for (const auto& i : l.items) items.push_back(json::value(i));
    levels.push_back(json::object{{"level", l.level}, {"status", l.status}, {"items", items}});
  }
  for (const auto& s : b.supporting) supporting.push_back(json::value(s));
  return {{"value", b.value},
          {"levels", levels},
          {"supporting", supporting},
          {"reason", b.reason_id},
          {"reason_en", b.reason_en}};
}

}  // namespace simpul::evaluation
