#pragma once
// Bounded pairing of a cycle's lines: each line of one set (a submitted proposal's lines, or every
// submitted line) is compared only with the lines of another set that share a block with it — a
// normalised name similar enough by trigrams (a prefix-filtered in-memory index over the distinct
// names, the same trigrams as pg_trgm), the same SSH item or a common architecture element — and
// keeps its best few candidates.
// Why in C++ and not a SQL self-join: docs/plan-and-budget-duplicates.md, "Whole cycle".
#include <cstddef>
#include <vector>

#include "planning/duplicates/index.hpp"
#include "planning/duplicates/index_repository.hpp"

namespace simpul::planning::duplicates {

/// Lines of one name group, one SSH item or one architecture element scored for one line at most
/// (other agencies' lines, in line id order): a block of hundreds of identical lines costs the same
/// as one of this size.
constexpr std::size_t kBlockScan = 64;
/// The same for an architecture element, whose lines are compared by name (a common element with a
/// name similarity of at least kElementNameThreshold is a reason): an element every line of a cycle
/// serves is read this far for each line.
constexpr std::size_t kElementScan = 512;

/// For each line of `own`, its best `per_line` candidates (score, then line id) among the lines of
/// `pool` of other agencies; each pair once (line_a < line_b), kept when it is among the best of
/// either of its lines. At most per_line × own.size() candidates, whatever the lines hold.
std::vector<Candidate> bounded_candidates(const std::vector<const store::IndexedLine*>& own,
                                          const std::vector<const store::IndexedLine*>& pool, std::size_t per_line);

}  // namespace simpul::planning::duplicates
