// TEMPORARY placeholder (branch mod-budget-dupes replaces this folder): a line's name is folded to
// lower-case words (synonyms replaced by their canonical word) and two lines of different agencies
// in one cycle with the same folded name are a candidate.
#include "planning/duplicates/index.hpp"

#include <cctype>
#include <map>

namespace simpul::planning::duplicates {
namespace {

std::string fold_name(const std::string& text, const std::map<std::string, std::string>& canonical) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    auto it = canonical.find(word);
    if (!out.empty()) out += ' ';
    out += it == canonical.end() ? word : it->second;
    word.clear();
  };
  for (unsigned char ch : text) {
    if (std::isalnum(ch)) word += static_cast<char>(std::tolower(ch));
    else if (ch >= 0x80) word += static_cast<char>(ch);
    else flush();
  }
  flush();
  return out;
}

std::map<std::string, std::string> synonym_map(storage::Connection& c, const std::string& tenant_id) {
  std::map<std::string, std::string> out;
  for (const auto& s : synonyms(c, tenant_id)) out[s.term] = s.canonical;
  return out;
}

}  // namespace

std::vector<storage::Migration> migrations() {
  return {{1350, "planning duplicates placeholder: folded names",
           "CREATE TABLE planning_dup_names (line_id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
           "cycle_id TEXT NOT NULL, agency_id TEXT NOT NULL, folded TEXT NOT NULL);"
           "CREATE INDEX planning_dup_names_by_name ON planning_dup_names (tenant_id, cycle_id, folded);"
           "CREATE TABLE planning_dup_synonyms (tenant_id TEXT NOT NULL REFERENCES tenants(id), term TEXT NOT NULL, "
           "canonical TEXT NOT NULL, PRIMARY KEY (tenant_id, term))"}};
}

void upsert(storage::Connection& c, const std::string& tenant_id, const LineText& line) {
  auto folded = fold_name(line.name, synonym_map(c, tenant_id));
  c.execute("DELETE FROM planning_dup_names WHERE tenant_id = ? AND line_id = ?", {tenant_id, line.line_id});
  c.execute("INSERT INTO planning_dup_names (line_id, tenant_id, cycle_id, agency_id, folded) VALUES (?, ?, ?, ?, ?)",
            {line.line_id, tenant_id, line.cycle_id, line.agency_id, folded});
}

void remove(storage::Connection& c, const std::string& tenant_id, const std::string& line_id) {
  c.execute("DELETE FROM planning_dup_names WHERE tenant_id = ? AND line_id = ?", {tenant_id, line_id});
}

std::vector<Candidate> candidates_for_cycle(storage::Connection& c, const std::string& tenant_id, const std::string& cycle_id) {
  std::vector<Candidate> out;
  for (const auto& r : c.query("SELECT a.line_id, b.line_id FROM planning_dup_names a JOIN planning_dup_names b "
                               "ON b.tenant_id = a.tenant_id AND b.cycle_id = a.cycle_id AND b.folded = a.folded "
                               "AND b.agency_id <> a.agency_id AND b.line_id > a.line_id "
                               "WHERE a.tenant_id = ? AND a.cycle_id = ? ORDER BY a.line_id, b.line_id",
                               {tenant_id, cycle_id}))
    out.push_back(Candidate{r.text_at(0), r.text_at(1), 1.0, {"nama_mirip"}});
  return out;
}

std::vector<Candidate> candidates_for_draft(storage::Connection& c, const std::string& tenant_id, const LineText& draft,
                                            std::size_t limit) {
  std::vector<Candidate> out;
  auto folded = fold_name(draft.name, synonym_map(c, tenant_id));
  for (const auto& r : c.query("SELECT line_id FROM planning_dup_names WHERE tenant_id = ? AND cycle_id = ? AND folded = ? "
                               "AND agency_id <> ? AND line_id <> ? ORDER BY line_id",
                               {tenant_id, draft.cycle_id, folded, draft.agency_id, draft.line_id})) {
    if (out.size() >= limit) break;
    out.push_back(Candidate{draft.line_id, r.text_at(0), 1.0, {"nama_mirip"}});
  }
  return out;
}

std::vector<Synonym> synonyms(storage::Connection& c, const std::string& tenant_id) {
  std::vector<Synonym> out;
  for (const auto& r : c.query("SELECT term, canonical FROM planning_dup_synonyms WHERE tenant_id = ? ORDER BY term", {tenant_id}))
    out.push_back(Synonym{r.text_at(0), r.text_at(1)});
  return out;
}

void add_synonym(storage::Connection& c, const std::string& tenant_id, const Synonym& s) {
  remove_synonym(c, tenant_id, s.term);
  c.execute("INSERT INTO planning_dup_synonyms (tenant_id, term, canonical) VALUES (?, ?, ?)", {tenant_id, s.term, s.canonical});
}

void remove_synonym(storage::Connection& c, const std::string& tenant_id, const std::string& term) {
  c.execute("DELETE FROM planning_dup_synonyms WHERE tenant_id = ? AND term = ?", {tenant_id, term});
}

}  // namespace simpul::planning::duplicates
