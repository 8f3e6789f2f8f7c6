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
  return score_pair(a, b, jaccard(grams(a.name_norm), grams(b.name_norm)));
}

std::optional<Candidate> score_pair(const store::IndexedLine& a, const store::IndexedLine& b, double name_similarity) {
  double sim = name_similarity;
  if (activities_differ(a.activity, b.activity)) sim *= kActivityMismatchFactor;
  bool same_ssh = !a.ssh_code.empty() && a.ssh_code == b.ssh_code;
  bool same_element = share_one(a.element_ids, b.element_ids);
  bool similar_name = sim >= kNameThreshold;
  if (!similar_name && !same_ssh && !(same_element && sim >= kElementNameThreshold)) return std::nullopt;
  Candidate c{a.line_id, b.line_id, std::min(1.0, sim + (same_ssh ? 0.3 : 0.0) + (same_element ? 0.2 : 0.0)), {}};
  if (similar_name)
    c.reasons.push_back(is_application_name({a.name_norm, a.activity}) && is_application_name({b.name_norm, b.activity})
                            ? "aplikasi_mirip"
                            : "nama_mirip");
  if (same_ssh) c.reasons.push_back("ssh_sama");
  if (same_element) c.reasons.push_back("elemen_sama");
  return c;
}

}  // namespace simpul::planning::duplicates
