#pragma once
// The duplicate finder's SQL: its tables, the trigram retrieval (SQLite FTS5 trigram / PostgreSQL
// pg_trgm) and the tenant's synonyms. Every query is scoped by tenant and cycle.
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "planning/duplicates/index.hpp"

namespace simpul::planning::duplicates::store {

/// A line as the index holds it.
struct IndexedLine {
  std::string line_id, agency_id, name_norm, activity, ssh_code;  // name_norm: the object (normalize.hpp)
  std::vector<std::string> element_ids;
};

using LinePair = std::pair<std::string, std::string>;

std::vector<storage::Migration> schema();

void save_line(storage::Connection& c, const std::string& tenant_id, const LineText& line, const std::string& name_fold,
               const std::string& name_norm, const std::string& activity);
void delete_line(storage::Connection& c, const std::string& tenant_id, const std::string& line_id);

/// Every line of a cycle, by line id, with its elements.
std::unordered_map<std::string, IndexedLine> cycle_lines(storage::Connection& c, const std::string& tenant_id,
                                                         const std::string& cycle_id);
/// The lines with these ids, with their elements.
std::vector<IndexedLine> lines_by_id(storage::Connection& c, const std::string& tenant_id,
                                     const std::vector<std::string>& ids);

/// Ids of the cycle's lines outside `agency_id` (and other than `line_id`) whose names share
/// trigrams with `name_norm`, most similar first, at most `limit`.
std::vector<std::string> similar_name_lines(storage::Connection& c, const std::string& tenant_id,
                                            const std::string& cycle_id, const std::string& agency_id,
                                            const std::string& line_id, const std::string& name_norm,
                                            std::size_t limit);
/// Ids of the cycle's lines outside `agency_id` with this SSH item or one of these elements: of
/// each kind the `limit` whose names are most similar to `name_norm` (then by id), so a line
/// sharing an element is found by its name however many lines serve that element.
std::vector<std::string> same_item_lines(storage::Connection& c, const std::string& tenant_id,
                                         const std::string& cycle_id, const std::string& agency_id,
                                         const std::string& line_id, const std::string& name_norm,
                                         const std::string& ssh_code, const std::vector<std::string>& element_ids,
                                         std::size_t limit);

/// The tenant's own synonym rows; an empty canonical removes a default synonym.
std::vector<Synonym> tenant_synonyms(storage::Connection& c, const std::string& tenant_id);
void put_synonym(storage::Connection& c, const std::string& tenant_id, const std::string& term,
                 const std::string& canonical);
void delete_synonym(storage::Connection& c, const std::string& tenant_id, const std::string& term);

struct NamedLine {
  std::string line_id, name, name_norm, activity;
};
/// Lines of the tenant whose folded name contains `folded_term` (whose normalisation a synonym change may alter).
std::vector<NamedLine> lines_mentioning(storage::Connection& c, const std::string& tenant_id,
                                        const std::string& folded_term);
void set_name_norm(storage::Connection& c, const std::string& tenant_id, const std::string& line_id,
                   const std::string& name_norm, const std::string& activity);

}  // namespace simpul::planning::duplicates::store
