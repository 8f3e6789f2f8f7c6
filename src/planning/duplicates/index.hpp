#pragma once
// The duplicate finder of the plan-and-budget module (Bontang Pasal 10 ayat (2): the planning agency
// verifies that no PD's SPBE budget duplicates another PD's). Budget lines are indexed by their
// normalised names; candidate pairs are retrieved by trigram in the database (SQLite FTS5 trigram,
// PostgreSQL pg_trgm) and scored precisely in C++ over the few retrieved.
// Every function works inside the caller's transaction (the caller writes its ledger entry with it).
// docs/plan-and-budget-duplicates.md explains normalisation, scoring and the measured figures.
#include <cstddef>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::planning::duplicates {

struct LineText {
  std::string line_id;
  std::string cycle_id;
  std::string agency_id;
  std::string name;
  std::string specification;
  std::string ssh_code /*may be empty*/;
  std::vector<std::string> element_ids;
};
struct Candidate {
  std::string line_a, line_b;
  double score /*0..1*/;
  std::vector<std::string> reasons /* "nama_mirip", "ssh_sama", "elemen_sama", "aplikasi_mirip" */;
};
std::vector<storage::Migration> migrations();  // your tables, versions 1350–1399, both dialects
void upsert(storage::Connection& c, const std::string& tenant_id, const LineText& line);
void remove(storage::Connection& c, const std::string& tenant_id, const std::string& line_id);
/// A line keeps at most this many candidates (its best) each time it is compared: a cycle of
/// near-identical lines yields a bounded number of pairs. 10, as many as the live check shows: with
/// 5 the labelled pairs' whole-cycle recall fell from 0.957 to 0.914 (docs/benchmarks.md).
constexpr std::size_t kCandidatesPerLine = 10;
/// Every line of the cycle with every other (drafts included), at most kCandidatesPerLine per line.
std::vector<Candidate> candidates_for_cycle(storage::Connection& c, const std::string& tenant_id,
                                            const std::string& cycle_id);
/// The lines `own` (ids) compared with the lines `pool` (ids) of the cycle — a submitted proposal's
/// lines with the cycle's submitted lines — blocked by similar name and SSH item (pairing.hpp), at
/// most `per_line` candidates per line of `own`. Ids not indexed in the cycle are ignored.
std::vector<Candidate> candidates_between(storage::Connection& c, const std::string& tenant_id,
                                          const std::string& cycle_id, const std::vector<std::string>& own,
                                          const std::vector<std::string>& pool,
                                          std::size_t per_line = kCandidatesPerLine);
std::vector<Candidate> candidates_for_draft(storage::Connection& c, const std::string& tenant_id, const LineText& draft,
                                            std::size_t limit);
struct Synonym {
  std::string term, canonical;
};
std::vector<Synonym> synonyms(storage::Connection& c, const std::string& tenant_id);
void add_synonym(storage::Connection& c, const std::string& tenant_id, const Synonym& s);
void remove_synonym(storage::Connection& c, const std::string& tenant_id, const std::string& term);

}  // namespace simpul::planning::duplicates
