#pragma once
// TEMPORARY placeholder of the duplicate finder's contract (the real one comes from branch
// mod-budget-dupes): exact normalised-name matches across agencies only.
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
  std::string ssh_code;  // may be empty
  std::vector<std::string> element_ids;
};

struct Candidate {
  std::string line_a, line_b;
  double score = 0;                  // 0..1
  std::vector<std::string> reasons;  // "nama_mirip", "ssh_sama", "elemen_sama", "aplikasi_mirip"
};

std::vector<storage::Migration> migrations();  // 1350-1399
void upsert(storage::Connection& c, const std::string& tenant_id, const LineText& line);
void remove(storage::Connection& c, const std::string& tenant_id, const std::string& line_id);
std::vector<Candidate> candidates_for_cycle(storage::Connection& c, const std::string& tenant_id, const std::string& cycle_id);
std::vector<Candidate> candidates_for_draft(storage::Connection& c, const std::string& tenant_id, const LineText& draft,
                                            std::size_t limit);

/// Synonyms maintained by the Dinas (laptop/notebook).
struct Synonym {
  std::string term, canonical;
};
std::vector<Synonym> synonyms(storage::Connection& c, const std::string& tenant_id);
void add_synonym(storage::Connection& c, const std::string& tenant_id, const Synonym& s);
void remove_synonym(storage::Connection& c, const std::string& tenant_id, const std::string& term);

}  // namespace simpul::planning::duplicates
