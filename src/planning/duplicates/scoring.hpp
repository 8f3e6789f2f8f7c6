#pragma once
// The precise score of a retrieved pair: trigram Jaccard of the normalised names, plus the same SSH
// item and a common architecture element. Thresholds measured on the labelled pairs
// (testdata/labelled_pairs.tsv; docs/plan-and-budget-duplicates.md).
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "planning/duplicates/index_repository.hpp"

namespace simpul::planning::duplicates {

/// Names at least this similar are a candidate by themselves ("nama_mirip" / "aplikasi_mirip").
constexpr double kNameThreshold = 0.5;
/// Lines serving a common architecture element are a candidate from this name similarity on.
constexpr double kElementNameThreshold = 0.25;
/// Names whose activities differ (pengadaan vs pemeliharaan of the same thing) count this much.
constexpr double kActivityMismatchFactor = 0.45;

/// The candidate for lines a and b (in that order) whose normalised names have the trigram Jaccard
/// similarity `name_similarity`, or nothing when no reason holds.
std::optional<Candidate> score_pair(const store::IndexedLine& a, const store::IndexedLine& b, double name_similarity);

class Scorer {
 public:
  /// The candidate for lines a and b (in that order), or nothing when no reason holds.
  std::optional<Candidate> score(const store::IndexedLine& a, const store::IndexedLine& b);

 private:
  const std::vector<std::string>& grams(const std::string& name_norm);
  std::unordered_map<std::string, std::vector<std::string>> cache_;
};

}  // namespace simpul::planning::duplicates
