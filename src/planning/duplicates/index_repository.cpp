#include "planning/duplicates/index_repository.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "planning/duplicates/normalize.hpp"

namespace simpul::planning::duplicates::store {
namespace {

using storage::Connection;
using storage::Dialect;
using storage::Params;

constexpr const char* kLinesTableSqlite =
    "CREATE TABLE planning_dup_lines ("
    " doc INTEGER PRIMARY KEY,"  // rowid alias, stable across VACUUM: the FTS5 row of the line
    " tenant_id TEXT NOT NULL, line_id TEXT NOT NULL, cycle_id TEXT NOT NULL, agency_id TEXT NOT NULL,"
    " name TEXT NOT NULL, specification TEXT NOT NULL, ssh_code TEXT NOT NULL,"
    " name_fold TEXT NOT NULL, name_norm TEXT NOT NULL, activity TEXT NOT NULL, UNIQUE (tenant_id, line_id));";
constexpr const char* kLinesTablePostgres =
    "CREATE TABLE planning_dup_lines ("
    " doc BIGSERIAL PRIMARY KEY,"
    " tenant_id TEXT NOT NULL, line_id TEXT NOT NULL, cycle_id TEXT NOT NULL, agency_id TEXT NOT NULL,"
    " name TEXT NOT NULL, specification TEXT NOT NULL, ssh_code TEXT NOT NULL,"
    " name_fold TEXT NOT NULL, name_norm TEXT NOT NULL, activity TEXT NOT NULL, UNIQUE (tenant_id, line_id));";
constexpr const char* kCommonTables =
    "CREATE INDEX planning_dup_lines_cycle ON planning_dup_lines (tenant_id, cycle_id, agency_id);"
    "CREATE INDEX planning_dup_lines_ssh ON planning_dup_lines (tenant_id, cycle_id, ssh_code);"
    "CREATE TABLE planning_dup_elements ("
    " tenant_id TEXT NOT NULL, line_id TEXT NOT NULL, element_id TEXT NOT NULL,"
    " cycle_id TEXT NOT NULL, agency_id TEXT NOT NULL, PRIMARY KEY (tenant_id, line_id, element_id));"
    "CREATE INDEX planning_dup_elements_cycle ON planning_dup_elements (tenant_id, cycle_id, element_id);"
    "CREATE TABLE planning_dup_synonyms ("
    " tenant_id TEXT NOT NULL, term TEXT NOT NULL, canonical TEXT NOT NULL, PRIMARY KEY (tenant_id, term));";

/// SQLite: at most this many lines of the FTS5 match, those sharing the most of its trigrams, are
/// ranked exactly (docs/benchmarks.md, "The live check on SQLite").
constexpr long long kRankedHits = 400;

bool pg(Connection& c) { return c.dialect() == Dialect::Postgres; }

/// "?, ?, ?" for n placeholders.
std::string placeholders(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s;
}

/// What FTS5 indexes for a normalised name: padded with a space each side, so that a two-letter
/// object ("ht", "ac") still has trigrams (" ht", "ht ").
std::string fts_text(const std::string& name_norm) { return name_norm.empty() ? "" : " " + name_norm + " "; }

/// The FTS5 trigrams to match for a normalised name: its rarest. A line whose trigrams overlap the
/// draft's by at least kMinOverlap shares one of the draft's first n - ceil(kMinOverlap * n) + 1
/// trigrams in any order; taking the rarest (fewest rows, from the fts5vocab table) keeps the match
/// small. Each is quoted as an FTS5 phrase (normalised text holds only [a-z0-9 ]: nothing to escape).
std::vector<std::string> fts_terms(Connection& c, const std::string& name_norm) {
  constexpr double kMinOverlap = 0.4;
  std::set<std::string> grams;
  auto text = fts_text(name_norm);
  for (std::size_t i = 0; i + 3 <= text.size(); ++i) grams.insert(text.substr(i, 3));
  std::vector<std::string> out;
  if (grams.empty()) return out;
  Params p;
  for (const auto& g : grams) p.emplace_back(g);
  std::unordered_map<std::string, std::int64_t> rows_with;
  for (const auto& r :
       c.query("SELECT term, doc FROM planning_dup_fts_rows WHERE term IN (" + placeholders(grams.size()) + ")", p))
    rows_with[r.text_at(0)] = r.int_at(1);
  std::vector<std::string> by_rarity(grams.begin(), grams.end());
  std::stable_sort(by_rarity.begin(), by_rarity.end(),
                   [&](const std::string& a, const std::string& b) { return rows_with[a] < rows_with[b]; });
  auto n = by_rarity.size();
  auto prefix = n - static_cast<std::size_t>(std::ceil(kMinOverlap * static_cast<double>(n))) + 1;
  for (std::size_t i = 0; i < std::min(prefix, n); ++i)
    if (rows_with[by_rarity[i]] > 0) out.push_back("\"" + by_rarity[i] + "\"");  // in no line: matches nothing
  return out;
}

/// SQLite: the cycle's lines (outside the agency) matching any of the terms, as (line_id,
/// name_norm), those matching the most terms first, at most kRankedHits. One FTS5 query per term,
/// counted per line: FTS5's own rank (bm25) over the thousands of hits of a common name cost most
/// of the live check.
storage::Rows fts_hits(Connection& c, const std::vector<std::string>& terms, const std::string& tenant_id,
                       const std::string& cycle_id, const std::string& agency_id, const std::string& line_id) {
  std::string matches;
  Params p;
  for (const auto& t : terms) {
    matches += matches.empty() ? "" : " UNION ALL ";
    matches += "SELECT rowid AS doc FROM planning_dup_fts WHERE planning_dup_fts MATCH ?";
    p.emplace_back(t);
  }
  for (const auto& v : {tenant_id, cycle_id, agency_id, line_id}) p.emplace_back(v);
  p.emplace_back(kRankedHits);
  // The match first (materialised), then the scope: joined the other way round, SQLite would run
  // the match once per line of the cycle. The FTS5 table holds every tenant's lines.
  return c.query("WITH hits AS MATERIALIZED (SELECT doc, COUNT(*) AS n FROM (" + matches +
                     ") GROUP BY doc) SELECT l.line_id, l.name_norm FROM hits h JOIN planning_dup_lines l"
                     " ON l.doc = h.doc WHERE l.tenant_id = ? AND l.cycle_id = ? AND l.agency_id <> ?"
                     " AND l.line_id <> ? ORDER BY h.n DESC, l.doc LIMIT ?",
                 p);
}

void attach_elements(Connection& c, const std::string& tenant_id, std::vector<IndexedLine>& lines) {
  if (lines.empty()) return;
  std::unordered_map<std::string, IndexedLine*> by_id;
  Params p{tenant_id};
  for (auto& l : lines) {
    by_id[l.line_id] = &l;
    p.emplace_back(l.line_id);
  }
  auto rows = c.query("SELECT line_id, element_id FROM planning_dup_elements WHERE tenant_id = ? AND line_id IN (" +
                          placeholders(lines.size()) + ") ORDER BY line_id, element_id",
                      p);
  for (const auto& r : rows) by_id.at(r.text_at(0))->element_ids.push_back(r.text_at(1));
}

}  // namespace

std::vector<storage::Migration> schema() {
  return {
      {1350, "planning_duplicates_index",
       std::string(kLinesTableSqlite) + kCommonTables +
           "CREATE VIRTUAL TABLE planning_dup_fts USING fts5(name_norm, tokenize = 'trigram');"
           "CREATE VIRTUAL TABLE planning_dup_fts_rows USING fts5vocab(planning_dup_fts, row);",
       // pg_trgm lives in the public schema and is named with it, so the index works whatever the
       // search_path of the connection (docs/plan-and-budget-duplicates.md, "PostgreSQL").
       std::string("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;") + kLinesTablePostgres + kCommonTables +
           "CREATE INDEX planning_dup_lines_trgm ON planning_dup_lines USING gin (name_norm public.gin_trgm_ops);"},
      // PostgreSQL: the live check asks for the names nearest the draft's, which a GiST trigram
      // index returns in order of distance (a KNN scan that stops after the few asked for); the GIN
      // index answered `%` by computing similarity() for thousands of lines (the planner chose a
      // scan of the whole cycle: 125 ms for one long name; docs/benchmarks.md, "Run 8"). 64-byte
      // signatures: RKA names are long, and the default 12 bytes fill up. SQLite keeps FTS5.
      {1351, "planning_duplicates_nearest_names", "SELECT 1",
       "CREATE INDEX planning_dup_lines_nearest ON planning_dup_lines USING gist (name_norm "
       "public.gist_trgm_ops(siglen = 64));"
       "DROP INDEX planning_dup_lines_trgm"},
  };
}

void save_line(Connection& c, const std::string& tenant_id, const LineText& line, const std::string& name_fold,
               const std::string& name_norm, const std::string& activity) {
  c.execute(
      "INSERT INTO planning_dup_lines (tenant_id, line_id, cycle_id, agency_id, name, specification, ssh_code, name_fold, "
      "name_norm, activity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, line_id) DO UPDATE SET "
      "cycle_id = excluded.cycle_id, agency_id = excluded.agency_id, name = excluded.name, "
      "specification = excluded.specification, ssh_code = excluded.ssh_code, name_fold = excluded.name_fold, "
      "name_norm = excluded.name_norm, activity = excluded.activity",
      {tenant_id, line.line_id, line.cycle_id, line.agency_id, line.name, line.specification, line.ssh_code, name_fold,
       name_norm, activity});
  if (!pg(c)) set_name_norm(c, tenant_id, line.line_id, name_norm, activity);  // the FTS5 row
  c.execute("DELETE FROM planning_dup_elements WHERE tenant_id = ? AND line_id = ?", {tenant_id, line.line_id});
  std::set<std::string> elements(line.element_ids.begin(), line.element_ids.end());
  for (const auto& e : elements) {
    if (e.empty()) continue;
    c.execute(
        "INSERT INTO planning_dup_elements (tenant_id, line_id, element_id, cycle_id, agency_id) VALUES (?, ?, ?, ?, ?)",
        {tenant_id, line.line_id, e, line.cycle_id, line.agency_id});
  }
}

void delete_line(Connection& c, const std::string& tenant_id, const std::string& line_id) {
  if (!pg(c)) {
    c.execute(
        "DELETE FROM planning_dup_fts WHERE rowid IN (SELECT doc FROM planning_dup_lines WHERE tenant_id = ? AND line_id = ?)",
        {tenant_id, line_id});
  }
  c.execute("DELETE FROM planning_dup_elements WHERE tenant_id = ? AND line_id = ?", {tenant_id, line_id});
  c.execute("DELETE FROM planning_dup_lines WHERE tenant_id = ? AND line_id = ?", {tenant_id, line_id});
}

std::unordered_map<std::string, IndexedLine> cycle_lines(Connection& c, const std::string& tenant_id,
                                                         const std::string& cycle_id) {
  std::unordered_map<std::string, IndexedLine> out;
  for (const auto& r : c.query("SELECT line_id, agency_id, name_norm, activity, ssh_code FROM planning_dup_lines "
                               "WHERE tenant_id = ? AND cycle_id = ?",
                               {tenant_id, cycle_id}))
    out.emplace(r.text_at(0), IndexedLine{r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), {}});
  for (const auto& r :
       c.query("SELECT line_id, element_id FROM planning_dup_elements WHERE tenant_id = ? AND cycle_id = ? "
               "ORDER BY line_id, element_id",
               {tenant_id, cycle_id})) {
    auto it = out.find(r.text_at(0));
    if (it != out.end()) it->second.element_ids.push_back(r.text_at(1));
  }
  return out;
}

std::vector<IndexedLine> lines_by_id(Connection& c, const std::string& tenant_id, const std::vector<std::string>& ids) {
  std::vector<IndexedLine> out;
  if (ids.empty()) return out;
  Params p{tenant_id};
  for (const auto& id : ids) p.emplace_back(id);
  for (const auto& r :
       c.query("SELECT line_id, agency_id, name_norm, activity, ssh_code FROM planning_dup_lines WHERE tenant_id = ? "
               "AND line_id IN (" +
                   placeholders(ids.size()) + ")",
               p))
    out.push_back(IndexedLine{r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), {}});
  attach_elements(c, tenant_id, out);
  return out;
}

namespace {

/// The ids of `rows` (line_id, name_norm), the `limit` names most similar to `own` first, then by id.
std::vector<std::string> most_similar(const storage::Rows& rows, const std::vector<std::string>& own,
                                      std::size_t limit) {
  std::vector<std::pair<double, const std::string*>> ranked;
  ranked.reserve(rows.size());
  for (const auto& r : rows) ranked.emplace_back(jaccard(own, trigrams(r.text_at(1))), &r.text_at(0));
  auto keep = std::min(limit, ranked.size());
  std::partial_sort(
      ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
      [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : *a.second < *b.second; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < keep; ++i) out.push_back(*ranked[i].second);
  return out;
}

/// At most this many lines of one SSH item or of the draft's elements are ranked by name: an
/// element every line of a cycle serves is ranked over its first lines (the whole-cycle pairing
/// reads as far, kElementScan).
constexpr long long kItemScan = 512;

}  // namespace

std::vector<std::string> similar_name_lines(Connection& c, const std::string& tenant_id, const std::string& cycle_id,
                                            const std::string& agency_id, const std::string& line_id,
                                            const std::string& name_norm, std::size_t limit) {
  std::vector<std::string> out;
  if (pg(c)) {
    // The `limit` nearest names by pg_trgm's distance (1 - similarity), read from the GiST index in
    // that order; the scorer decides which are candidates, as on SQLite below. Sorting is ruled out
    // for this statement: with statistics from when the table was small (autovacuum analyzes it
    // minutes after a cycle's imports) the planner read the whole cycle through a B-tree index and
    // sorted it by distance (50-100 ms a check for 12,000 lines against 7-23 ms by the GiST index).
    // A session setting, reset at once: the live check reads outside a transaction, where SET LOCAL
    // does nothing.
    storage::Rows rows;
    c.execute("SET enable_sort = off");
    try {
      rows = c.query(
          "SELECT line_id FROM planning_dup_lines WHERE tenant_id = ? AND cycle_id = ? AND agency_id <> ?"
          " AND line_id <> ? ORDER BY name_norm OPERATOR(public.<->) ? LIMIT ?",
          {tenant_id, cycle_id, agency_id, line_id, name_norm, static_cast<long long>(limit)});
    } catch (...) {
      try {
        c.execute("RESET enable_sort");
      } catch (...) {  // an aborted transaction: its rollback undoes the SET
      }
      throw;
    }
    c.execute("RESET enable_sort");
    for (const auto& r : rows) out.push_back(r.text_at(0));
    return out;
  }
  auto terms = fts_terms(c, name_norm);
  if (terms.empty()) return out;
  // Ranked as PostgreSQL ranks them: by the trigram similarity of the names (pg_trgm's trigrams,
  // normalize.hpp), best first, then by id.
  return most_similar(fts_hits(c, terms, tenant_id, cycle_id, agency_id, line_id), trigrams(name_norm), limit);
}

std::vector<std::string> same_item_lines(Connection& c, const std::string& tenant_id, const std::string& cycle_id,
                                         const std::string& agency_id, const std::string& line_id,
                                         const std::string& name_norm, const std::string& ssh_code,
                                         const std::vector<std::string>& element_ids, std::size_t limit) {
  std::vector<std::string> out;
  auto own = trigrams(name_norm);
  if (!ssh_code.empty()) {
    auto rows = c.query(
        "SELECT line_id, name_norm FROM planning_dup_lines WHERE tenant_id = ? AND cycle_id = ? AND ssh_code = ?"
        " AND agency_id <> ? AND line_id <> ? ORDER BY line_id LIMIT ?",
        {tenant_id, cycle_id, ssh_code, agency_id, line_id, kItemScan});
    out = most_similar(rows, own, limit);
  }
  if (!element_ids.empty()) {
    Params p{tenant_id, tenant_id, cycle_id, agency_id, line_id};
    for (const auto& e : element_ids) p.emplace_back(e);
    p.emplace_back(kItemScan);
    auto rows = c.query(
        "SELECT l.line_id, l.name_norm FROM planning_dup_lines l WHERE l.tenant_id = ? AND l.line_id IN ("
        "SELECT DISTINCT e.line_id FROM planning_dup_elements e WHERE e.tenant_id = ? AND e.cycle_id = ?"
        " AND e.agency_id <> ? AND e.line_id <> ? AND e.element_id IN (" +
            placeholders(element_ids.size()) + ") ORDER BY e.line_id LIMIT ?)",
        p);
    for (auto& id : most_similar(rows, own, limit)) out.push_back(std::move(id));
  }
  return out;
}

std::vector<Synonym> tenant_synonyms(Connection& c, const std::string& tenant_id) {
  std::vector<Synonym> out;
  for (const auto& r :
       c.query("SELECT term, canonical FROM planning_dup_synonyms WHERE tenant_id = ? ORDER BY term", {tenant_id}))
    out.push_back({r.text_at(0), r.text_at(1)});
  return out;
}

void put_synonym(Connection& c, const std::string& tenant_id, const std::string& term, const std::string& canonical) {
  c.execute(
      "INSERT INTO planning_dup_synonyms (tenant_id, term, canonical) VALUES (?, ?, ?)"
      " ON CONFLICT (tenant_id, term) DO UPDATE SET canonical = excluded.canonical",
      {tenant_id, term, canonical});
}

void delete_synonym(Connection& c, const std::string& tenant_id, const std::string& term) {
  c.execute("DELETE FROM planning_dup_synonyms WHERE tenant_id = ? AND term = ?", {tenant_id, term});
}

std::vector<NamedLine> lines_mentioning(Connection& c, const std::string& tenant_id, const std::string& folded_term) {
  std::vector<NamedLine> out;
  // The folded term holds only [a-z0-9 ]: no LIKE wildcard to escape.
  for (const auto& r : c.query(
           "SELECT line_id, name, name_norm, activity FROM planning_dup_lines WHERE tenant_id = ? AND name_fold LIKE ?",
           {tenant_id, "%" + folded_term + "%"}))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3)});
  return out;
}

void set_name_norm(Connection& c, const std::string& tenant_id, const std::string& line_id,
                   const std::string& name_norm, const std::string& activity) {
  c.execute("UPDATE planning_dup_lines SET name_norm = ?, activity = ? WHERE tenant_id = ? AND line_id = ?",
            {name_norm, activity, tenant_id, line_id});
  if (pg(c)) return;
  auto rows = c.query("SELECT doc FROM planning_dup_lines WHERE tenant_id = ? AND line_id = ?", {tenant_id, line_id});
  if (rows.empty()) return;
  auto doc = rows[0].int_at(0);
  c.execute("DELETE FROM planning_dup_fts WHERE rowid = ?", {static_cast<long long>(doc)});
  c.execute("INSERT INTO planning_dup_fts (rowid, name_norm) VALUES (?, ?)",
            {static_cast<long long>(doc), fts_text(name_norm)});
}

}  // namespace simpul::planning::duplicates::store
