#pragma once
// Pairs of a cycle's lines whose normalised names are similar: an in-memory prefix-filtered
// trigram index over the cycle's distinct names (the same trigrams as pg_trgm).
// Why in C++ and not a SQL self-join: docs/plan-and-budget-duplicates.md, "Whole cycle".
#include <string>
#include <unordered_map>
#include <vector>

#include "planning/duplicates/index_repository.hpp"

namespace simpul::planning::duplicates {

/// Pairs (line ids, first < second) of lines of different agencies whose names have a trigram
/// Jaccard similarity of at least `min_similarity` (identical names included).
std::vector<store::LinePair> similar_name_pairs(const std::unordered_map<std::string, store::IndexedLine>& lines,
                                                double min_similarity);

}  // namespace simpul::planning::duplicates
