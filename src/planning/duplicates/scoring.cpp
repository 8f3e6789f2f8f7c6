#include "planning/duplicates/scoring.hpp"

#include <algorithm>

#include "planning/duplicates/normalize.hpp"

namespace simpul::planning::duplicates {
namespace {

bool share_one(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& x : a)
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  return false;
}

}  // namespace

const std::vector<std::string>& Scorer::grams(const std::string& name_norm) {
  auto it = cache_.find(name_norm);
  if (it == cache_.end()) it = cache_.emplace(name_norm, trigrams(name_norm)).first;
  return it->second;
}

std::optional<Candidate> Scorer::score(const store::IndexedLine& a, const store::IndexedLine& b) {
  PairFacts facts{jaccard(grams(a.name_norm), grams(b.name_norm)), activities_differ(a.activity, b.activity),
                  is_application_name({a.name_norm, a.activity}) && is_application_name({b.name_norm, b.activity})};
  auto s = score_of(a, b, facts);
  if (!s) return std::nullopt;
  return candidate_of(a, b, *s);
}

std::optional<PairScore> score_of(const store::IndexedLine& a, const store::IndexedLine& b, const PairFacts& facts) {
  double sim = facts.name_similarity;
  if (facts.activities_differ) sim *= kActivityMismatchFactor;
  PairScore out;
  out.same_ssh = !a.ssh_code.empty() && a.ssh_code == b.ssh_code;
  out.same_element = share_one(a.element_ids, b.element_ids);
  out.similar_name = sim >= kNameThreshold;
  if (!out.similar_name && !out.same_ssh && !(out.same_element && sim >= kElementNameThreshold)) return std::nullopt;
  out.applications = facts.both_applications;
  out.score = std::min(1.0, sim + (out.same_ssh ? 0.3 : 0.0) + (out.same_element ? 0.2 : 0.0));
  return out;
}

Candidate candidate_of(const store::IndexedLine& a, const store::IndexedLine& b, const PairScore& score) {
  Candidate c{a.line_id, b.line_id, score.score, {}};
  if (score.similar_name) c.reasons.push_back(score.applications ? "aplikasi_mirip" : "nama_mirip");
  if (score.same_ssh) c.reasons.push_back("ssh_sama");
  if (score.same_element) c.reasons.push_back("elemen_sama");
  return c;
}

}  // namespace simpul::planning::duplicates
