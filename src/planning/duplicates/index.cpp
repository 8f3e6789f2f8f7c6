// The duplicate finder's contract: normalise and store lines; for a draft, retrieve similar lines by
// trigram in the database (FTS5 / pg_trgm); for a cycle or a proposal's lines, block the lines by
// similar name and SSH item in memory (pairing.hpp); score every pair in C++ (scoring.hpp).
#include "planning/duplicates/index.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "planning/duplicates/index_repository.hpp"
#include "planning/duplicates/normalize.hpp"
#include "planning/duplicates/pairing.hpp"
#include "planning/duplicates/scoring.hpp"

namespace simpul::planning::duplicates {
namespace {

SynonymTable synonym_table(storage::Connection& c, const std::string& tenant_id) {
  return SynonymTable(synonyms(c, tenant_id));
}

void sort_candidates(std::vector<Candidate>& out) {
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.line_a != b.line_a) return a.line_a < b.line_a;
    return a.line_b < b.line_b;
  });
}

/// Re-normalises the tenant's lines whose names mention `term` after its synonym changed.
void renormalize(storage::Connection& c, const std::string& tenant_id, const std::string& folded_term) {
  auto table = synonym_table(c, tenant_id);
  for (const auto& l : store::lines_mentioning(c, tenant_id, folded_term)) {
    auto norm = analyze_name(l.name, table);
    if (norm.object != l.name_norm || norm.activity != l.activity)
      store::set_name_norm(c, tenant_id, l.line_id, norm.object, norm.activity);
  }
}

}  // namespace

std::vector<storage::Migration> migrations() { return store::schema(); }

void upsert(storage::Connection& c, const std::string& tenant_id, const LineText& line) {
  if (line.line_id.empty() || line.cycle_id.empty() || line.agency_id.empty())
    throw std::invalid_argument("duplicates::upsert: line_id, cycle_id and agency_id are required");
  auto norm = analyze_name(line.name, synonym_table(c, tenant_id));
  store::save_line(c, tenant_id, line, fold(line.name), norm.object, norm.activity);
}

void remove(storage::Connection& c, const std::string& tenant_id, const std::string& line_id) {
  store::delete_line(c, tenant_id, line_id);
}

std::vector<Candidate> candidates_for_cycle(storage::Connection& c, const std::string& tenant_id,
                                            const std::string& cycle_id) {
  auto lines = store::cycle_lines(c, tenant_id, cycle_id);
  std::vector<const store::IndexedLine*> all;
  all.reserve(lines.size());
  for (const auto& [id, l] : lines) all.push_back(&l);
  auto out = bounded_candidates(all, all, kCandidatesPerLine);
  sort_candidates(out);
  return out;
}

std::vector<Candidate> candidates_between(storage::Connection& c, const std::string& tenant_id,
                                          const std::string& cycle_id, const std::vector<std::string>& own,
                                          const std::vector<std::string>& pool, std::size_t per_line) {
  auto lines = store::cycle_lines(c, tenant_id, cycle_id);
  auto pick = [&](const std::vector<std::string>& ids) {
    std::vector<const store::IndexedLine*> out;
    out.reserve(ids.size());
    for (const auto& id : ids)
      if (auto it = lines.find(id); it != lines.end()) out.push_back(&it->second);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  auto out = bounded_candidates(pick(own), pick(pool), per_line);
  sort_candidates(out);
  return out;
}

std::vector<Candidate> candidates_for_draft(storage::Connection& c, const std::string& tenant_id, const LineText& draft,
                                            std::size_t limit) {
  std::vector<Candidate> out;
  if (limit == 0 || draft.cycle_id.empty()) return out;
  auto norm = analyze_name(draft.name, synonym_table(c, tenant_id));
  store::IndexedLine self{draft.line_id, draft.agency_id, norm.object,
                          norm.activity, draft.ssh_code,  draft.element_ids};
  std::sort(self.element_ids.begin(), self.element_ids.end());
  self.element_ids.erase(std::unique(self.element_ids.begin(), self.element_ids.end()), self.element_ids.end());

  // Retrieve more than asked: the database ranks by shared trigrams, the scorer decides.
  std::size_t retrieve = std::max<std::size_t>(limit * 4, 40);
  auto ids =
      store::similar_name_lines(c, tenant_id, draft.cycle_id, draft.agency_id, draft.line_id, self.name_norm, retrieve);
  for (auto& id : store::same_item_lines(c, tenant_id, draft.cycle_id, draft.agency_id, draft.line_id, self.name_norm,
                                         draft.ssh_code, self.element_ids, retrieve))
    ids.push_back(std::move(id));
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());

  Scorer scorer;
  for (const auto& other : store::lines_by_id(c, tenant_id, ids)) {
    if (auto cand = scorer.score(self, other)) out.push_back(std::move(*cand));
  }
  sort_candidates(out);
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::vector<Synonym> synonyms(storage::Connection& c, const std::string& tenant_id) {
  std::map<std::string, std::string> merged;
  for (const auto& s : default_synonyms()) merged[fold(s.term)] = fold(s.canonical);
  for (const auto& s : store::tenant_synonyms(c, tenant_id)) {
    if (s.canonical.empty())
      merged.erase(s.term);  // the tenant removed a default
    else
      merged[s.term] = s.canonical;
  }
  std::vector<Synonym> out;
  for (auto& [term, canonical] : merged) out.push_back({term, canonical});
  return out;
}

void add_synonym(storage::Connection& c, const std::string& tenant_id, const Synonym& s) {
  auto term = fold(s.term), canonical = fold(s.canonical);
  if (term.empty() || canonical.empty())
    throw std::invalid_argument("duplicates::add_synonym: term and canonical need a letter or digit");
  if (term == canonical) throw std::invalid_argument("duplicates::add_synonym: a term cannot be its own canonical");
  store::put_synonym(c, tenant_id, term, canonical);
  renormalize(c, tenant_id, term);
}

void remove_synonym(storage::Connection& c, const std::string& tenant_id, const std::string& term) {
  auto folded = fold(term);
  if (folded.empty()) return;
  bool is_default = std::any_of(default_synonyms().begin(), default_synonyms().end(),
                                [&](const Synonym& s) { return fold(s.term) == folded; });
  if (is_default)
    store::put_synonym(c, tenant_id, folded, "");  // remembered as removed
  else
    store::delete_synonym(c, tenant_id, folded);
  renormalize(c, tenant_id, folded);
}

}  // namespace simpul::planning::duplicates
