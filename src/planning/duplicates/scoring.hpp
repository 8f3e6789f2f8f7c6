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

/// What the score of a pair needs of its names, computed once per name or activity by a caller that
/// scores many pairs (pairing.cpp).
struct PairFacts {
  double name_similarity = 0;      // trigram Jaccard of the normalised objects
  bool activities_differ = false;  // activities_differ() of the two activities
  bool both_applications = false;  // is_application_name() of both names
};

/// A pair's score and reasons, before it becomes a Candidate.
struct PairScore {
  double score = 0;
  bool similar_name = false, same_ssh = false, same_element = false, applications = false;
};

/// The score of lines a and b, or nothing when no reason holds.
std::optional<PairScore> score_of(const store::IndexedLine& a, const store::IndexedLine& b, const PairFacts& facts);
/// The candidate (line_a = a, line_b = b) of a pair score_of() accepted.
Candidate candidate_of(const store::IndexedLine& a, const store::IndexedLine& b, const PairScore& score);

class Scorer {
 public:
  /// The candidate for lines a and b (in that order), or nothing when no reason holds.
  std::optional<Candidate> score(const store::IndexedLine& a, const store::IndexedLine& b);

 private:
  const std::vector<std::string>& grams(const std::string& name_norm);
  std::unordered_map<std::string, std::vector<std::string>> cache_;
};

}  // namespace simpul::planning::duplicates
