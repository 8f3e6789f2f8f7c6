#include "architecture/repository.hpp"

#include <algorithm>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/text.hpp"
#include "storage/list_sql.hpp"

namespace simpul::architecture {

std::vector<storage::Migration> Repository::migrations() {
  return {
      {400, "architecture: elements and relations",
       "CREATE TABLE arch_elements (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "domain TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL, level INTEGER NOT NULL, "
       "parent_id TEXT REFERENCES arch_elements(id), reference_code TEXT, "
       "owner_agency_id TEXT NOT NULL REFERENCES agencies(id), state TEXT NOT NULL, attributes TEXT NOT NULL, "
       "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (tenant_id, code));"
       "CREATE INDEX arch_elements_by_domain ON arch_elements (tenant_id, domain, code);"
       "CREATE INDEX arch_elements_by_owner ON arch_elements (tenant_id, owner_agency_id);"
       "CREATE INDEX arch_elements_by_parent ON arch_elements (parent_id);"
       "CREATE TABLE arch_relations (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "source_id TEXT NOT NULL REFERENCES arch_elements(id), type TEXT NOT NULL, "
       "target_id TEXT NOT NULL REFERENCES arch_elements(id), description TEXT NOT NULL, created_at TEXT NOT NULL, "
       "UNIQUE (source_id, type, target_id));"
       // Every lookup is scoped by tenant, so the tenant leads each index the graph walks use.
       "CREATE INDEX arch_relations_by_source ON arch_relations (tenant_id, source_id, type);"
       "CREATE INDEX arch_relations_by_target ON arch_relations (tenant_id, target_id)"},
  };
}

namespace {

constexpr const char* kElementCols =
    "SELECT e.id, e.domain, e.code, e.name, e.description, e.level, e.parent_id, e.reference_code, e.owner_agency_id, "
    "a.name, a.code, e.state, e.attributes, e.created_at, e.updated_at FROM arch_elements e "
    "JOIN agencies a ON a.id = e.owner_agency_id ";

Element element_from(const storage::Row& r) {
  Element e;
  e.id = r.text_at(0);
  e.domain = r.text_at(1);
  e.code = r.text_at(2);
  e.name = r.text_at(3);
  e.description = r.text_at(4);
  e.level = static_cast<int>(r.int_at(5));
  e.parent_id = r.optional_text_at(6);
  e.reference_code = r.optional_text_at(7);
  e.owner_agency_id = r.text_at(8);
  e.owner_agency_name = r.text_at(9);
  e.owner_agency_code = r.text_at(10);
  e.state = r.text_at(11);
  e.attributes = boost::json::parse(r.text_at(12)).as_object();
  e.created_at = r.text_at(13);
  e.updated_at = r.text_at(14);
  return e;
}

constexpr const char* kRelationCols =
    "SELECT id, source_id, type, target_id, description, created_at FROM arch_relations ";

Relation relation_from(const storage::Row& r, std::size_t at = 0) {
  return {r.text_at(at), r.text_at(at + 1), r.text_at(at + 2), r.text_at(at + 3), r.text_at(at + 4), r.text_at(at + 5)};
}

/// "?, ?, ?" for an IN list, appending the values to params.
std::string placeholders(const std::vector<std::string>& values, storage::Params& params) {
  std::string out;
  for (const auto& v : values) {
    out += out.empty() ? "?" : ", ?";
    params.emplace_back(v);
  }
  return out;
}

}  // namespace

std::vector<Element> Repository::elements(const Scope& s, const ElementFilter& f, const ListQuery& q,
                                          std::int64_t& total) {
  storage::ListSql list("FROM arch_elements e");  // the agency join only adds columns
  list.where("e.tenant_id = ?", {s.tenant_id})
      .equals_if_set("e.domain", f.domain)
      .equals_if_set("e.state", f.state)
      .equals_if_set("e.owner_agency_id", f.owner_agency_id)
      .equals_if_set("e.reference_code", f.reference_code)
      .contains(q.q, {"e.name", "e.code"})
      .order_by(q.sort, q.descending,
                {{"code", "e.code"}, {"name", "e.name"}, {"state", "e.state"}, {"updated_at", "e.updated_at"}}, "e.id");
  std::vector<Element> out;
  for (const auto& r : list.page(c_, kElementCols, q, total)) out.push_back(element_from(r));
  return out;
}

std::vector<Element> Repository::all_elements(const Scope& s) {
  std::vector<Element> out;
  for (const auto& r : c_.query(std::string(kElementCols) + "WHERE e.tenant_id = ? ORDER BY e.code", {s.tenant_id}))
    out.push_back(element_from(r));
  return out;
}

std::vector<Element> Repository::elements_by_ids(const Scope& s, const std::vector<std::string>& ids) {
  std::vector<Element> out;
  if (ids.empty()) return out;
  storage::Params params{s.tenant_id};
  std::string in = placeholders(ids, params);
  for (const auto& r :
       c_.query(std::string(kElementCols) + "WHERE e.tenant_id = ? AND e.id IN (" + in + ") ORDER BY e.code", params))
    out.push_back(element_from(r));
  return out;
}

std::optional<Element> Repository::element(const Scope& s, const std::string& id) {
  auto rows = c_.query(std::string(kElementCols) + "WHERE e.tenant_id = ? AND e.id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return element_from(rows[0]);
}

std::optional<Element> Repository::element_by_code(const Scope& s, const std::string& code) {
  auto rows = c_.query(std::string(kElementCols) + "WHERE e.tenant_id = ? AND e.code = ?", {s.tenant_id, code});
  if (rows.empty()) return std::nullopt;
  return element_from(rows[0]);
}

namespace {

/// Runs "INSERT ... VALUES (...), (...)" for `rows` in batches; `bind` appends one row's values.
template <typename T, typename Bind>
void insert_batched(storage::Connection& c, const std::string& head, const char* row_placeholders,
                    const std::vector<T>& rows, Bind&& bind) {
  constexpr std::size_t kBatch = 200;
  for (std::size_t i = 0; i < rows.size(); i += kBatch) {
    std::string sql = head;
    storage::Params params;
    for (std::size_t j = i; j < std::min(rows.size(), i + kBatch); ++j) {
      sql += j == i ? " " : ", ";
      sql += row_placeholders;
      bind(rows[j], params);
    }
    c.execute(sql, params);
  }
}

constexpr const char* kInsertElement =
    "INSERT INTO arch_elements (id, tenant_id, domain, code, name, description, level, parent_id, reference_code, "
    "owner_agency_id, state, attributes, created_at, updated_at) VALUES";
constexpr const char* kElementRow = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertRelation =
    "INSERT INTO arch_relations (id, tenant_id, source_id, type, target_id, description, created_at) VALUES";
constexpr const char* kRelationRow = "(?, ?, ?, ?, ?, ?, ?)";

void bind_element(const Scope& s, const Element& e, storage::Params& p) {
  p.insert(p.end(), {e.id, s.tenant_id, e.domain, e.code, e.name, e.description, e.level, e.parent_id, e.reference_code,
                     e.owner_agency_id, e.state, boost::json::serialize(e.attributes), e.created_at, e.updated_at});
}

void bind_relation(const Scope& s, const Relation& r, storage::Params& p) {
  p.insert(p.end(), {r.id, s.tenant_id, r.source_id, r.type, r.target_id, r.description, r.created_at});
}

}  // namespace

void Repository::insert_element(const Scope& s, const Element& e) { insert_elements(s, {e}); }

void Repository::insert_elements(const Scope& s, const std::vector<Element>& elements) {
  insert_batched(c_, kInsertElement, kElementRow, elements,
                 [&](const Element& e, storage::Params& p) { bind_element(s, e, p); });
}

void Repository::insert_relations(const Scope& s, const std::vector<Relation>& relations) {
  insert_batched(c_, kInsertRelation, kRelationRow, relations,
                 [&](const Relation& r, storage::Params& p) { bind_relation(s, r, p); });
}

void Repository::update_element(const Scope& s, const Element& e) {
  c_.execute(
      "UPDATE arch_elements SET domain = ?, code = ?, name = ?, description = ?, level = ?, parent_id = ?, "
      "reference_code = ?, owner_agency_id = ?, state = ?, attributes = ?, updated_at = ? WHERE tenant_id = ? AND id = ?",
      {e.domain, e.code, e.name, e.description, e.level, e.parent_id, e.reference_code, e.owner_agency_id, e.state,
       boost::json::serialize(e.attributes), e.updated_at, s.tenant_id, e.id});
}

bool Repository::delete_element(const Scope& s, const std::string& id) {
  return c_.execute("DELETE FROM arch_elements WHERE tenant_id = ? AND id = ?", {s.tenant_id, id}) > 0;
}

std::int64_t Repository::count_children(const Scope& s, const std::string& id) {
  return c_.query("SELECT COUNT(*) FROM arch_elements WHERE tenant_id = ? AND parent_id = ?", {s.tenant_id, id})[0]
      .int_at(0);
}

std::int64_t Repository::count_elements(const Scope& s) {
  return c_.query("SELECT COUNT(*) FROM arch_elements WHERE tenant_id = ?", {s.tenant_id})[0].int_at(0);
}

std::vector<Relation> Repository::all_relations(const Scope& s) {
  std::vector<Relation> out;
  for (const auto& r : c_.query(std::string(kRelationCols) + "WHERE tenant_id = ? ORDER BY id", {s.tenant_id}))
    out.push_back(relation_from(r));
  return out;
}

std::optional<Relation> Repository::relation(const Scope& s, const std::string& id) {
  auto rows = c_.query(std::string(kRelationCols) + "WHERE tenant_id = ? AND id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return relation_from(rows[0]);
}

bool Repository::relation_exists(const Scope& s, const std::string& source, const std::string& type,
                                 const std::string& target) {
  return !c_.query("SELECT 1 FROM arch_relations WHERE tenant_id = ? AND source_id = ? AND type = ? AND target_id = ?",
                   {s.tenant_id, source, type, target})
              .empty();
}

void Repository::insert_relation(const Scope& s, const Relation& r) { insert_relations(s, {r}); }

bool Repository::delete_relation(const Scope& s, const std::string& id) {
  return c_.execute("DELETE FROM arch_relations WHERE tenant_id = ? AND id = ?", {s.tenant_id, id}) > 0;
}

void Repository::delete_relations_of(const Scope& s, const std::string& element_id) {
  c_.execute("DELETE FROM arch_relations WHERE tenant_id = ? AND (source_id = ? OR target_id = ?)",
             {s.tenant_id, element_id, element_id});
}

std::vector<RelationView> Repository::relations_of(const Scope& s, const std::string& element_id) {
  std::vector<RelationView> out;
  // One query per direction keeps each on its index (source via the UNIQUE key, target via its own).
  for (const char* direction : {"out", "in"}) {
    bool out_dir = std::string_view(direction) == "out";
    std::string sql = std::string(
                          "SELECT r.id, r.source_id, r.type, r.target_id, r.description, r.created_at, e.id, e.domain, "
                          "e.code, e.name, e.description, e.level, e.parent_id, e.reference_code, e.owner_agency_id, "
                          "a.name, a.code, e.state, e.attributes, e.created_at, e.updated_at FROM arch_relations r "
                          "JOIN arch_elements e ON e.id = ") +
                      (out_dir ? "r.target_id" : "r.source_id") +
                      " JOIN agencies a ON a.id = e.owner_agency_id WHERE r.tenant_id = ? AND " +
                      (out_dir ? "r.source_id" : "r.target_id") + " = ? ORDER BY r.type, e.code";
    for (const auto& row : c_.query(sql, {s.tenant_id, element_id})) {
      std::vector<storage::Value> tail;
      for (std::size_t i = 6; i < row.size(); ++i) tail.push_back(row[i]);
      out.push_back({relation_from(row), direction, element_from(storage::Row(std::move(tail)))});
    }
  }
  return out;
}

std::vector<Relation> Repository::outgoing(const Scope& s, const std::vector<std::string>& sources,
                                           const std::vector<std::string>& types) {
  std::vector<Relation> out;
  if (sources.empty() || types.empty()) return out;
  storage::Params params{s.tenant_id};
  std::string src = placeholders(sources, params);
  std::string typ = placeholders(types, params);
  for (const auto& r : c_.query(
           std::string(kRelationCols) + "WHERE tenant_id = ? AND source_id IN (" + src + ") AND type IN (" + typ + ")",
           params))
    out.push_back(relation_from(r));
  return out;
}

std::vector<Relation> Repository::touching(const Scope& s, const std::vector<std::string>& ids) {
  std::vector<Relation> out;
  if (ids.empty()) return out;
  storage::Params params{s.tenant_id};
  std::string in = placeholders(ids, params);
  params.emplace_back(s.tenant_id);
  std::string in2 = placeholders(ids, params);
  // UNION of two indexed lookups rather than one OR, which would scan.
  for (const auto& r :
       c_.query("SELECT id, source_id, type, target_id, description, created_at FROM arch_relations "
                "WHERE tenant_id = ? AND source_id IN (" +
                    in +
                    ") UNION "
                    "SELECT id, source_id, type, target_id, description, created_at FROM arch_relations "
                    "WHERE tenant_id = ? AND target_id IN (" +
                    in2 + ")",
                params))
    out.push_back(relation_from(r));
  return out;
}

std::int64_t Repository::count_relations(const Scope& s) {
  return c_.query("SELECT COUNT(*) FROM arch_relations WHERE tenant_id = ?", {s.tenant_id})[0].int_at(0);
}

std::vector<Element> Repository::services_without_application(const Scope& s) {
  std::vector<Element> out;
  for (const auto& r : c_.query(
           std::string(kElementCols) +
               "WHERE e.tenant_id = ? AND e.domain = 'layanan' AND e.state <> 'retired' "
               "AND NOT EXISTS (SELECT 1 FROM arch_relations d WHERE d.source_id = e.id AND d.type = 'supported_by') "
               "AND NOT EXISTS (SELECT 1 FROM arch_relations p JOIN arch_relations d ON d.source_id = p.target_id "
               "AND d.type = 'supported_by' WHERE p.source_id = e.id AND p.type = 'realised_by') ORDER BY e.code",
           {s.tenant_id}))
    out.push_back(element_from(r));
  return out;
}

std::vector<Element> Repository::applications_without_service(const Scope& s) {
  std::vector<Element> out;
  for (const auto& r :
       c_.query(std::string(kElementCols) +
                    "WHERE e.tenant_id = ? AND e.domain = 'aplikasi' AND e.state <> 'retired' "
                    "AND NOT EXISTS (SELECT 1 FROM arch_relations d JOIN arch_elements sv ON sv.id = d.source_id "
                    "AND sv.domain = 'layanan' WHERE d.target_id = e.id AND d.type = 'supported_by') "
                    "AND NOT EXISTS (SELECT 1 FROM arch_relations d JOIN arch_relations p ON p.target_id = d.source_id "
                    "AND p.type = 'realised_by' WHERE d.target_id = e.id AND d.type = 'supported_by') ORDER BY e.code",
                {s.tenant_id}))
    out.push_back(element_from(r));
  return out;
}

void Repository::refresh_statistics() {
  if (c_.dialect() != storage::Dialect::Postgres) return;
  c_.execute("ANALYZE arch_elements");
  c_.execute("ANALYZE arch_relations");
}

std::vector<Element> Repository::live_elements(const Scope& s, std::string_view domain) {
  std::vector<Element> out;
  auto rows = c_.query(
      "SELECT id, domain, code, name, owner_agency_id, state, attributes FROM arch_elements "
      "WHERE tenant_id = ? AND domain = ? AND state <> 'retired'",
      {s.tenant_id, std::string(domain)});
  out.reserve(rows.size());
  for (const auto& r : rows) {
    Element e;
    e.id = r.text_at(0);
    e.domain = r.text_at(1);
    e.code = r.text_at(2);
    e.name = r.text_at(3);
    e.owner_agency_id = r.text_at(4);
    e.state = r.text_at(5);
    boost::system::error_code ec;
    auto j = boost::json::parse(r.text_at(6), ec);
    if (!ec && j.is_object()) e.attributes = std::move(j.as_object());
    out.push_back(std::move(e));
  }
  return out;
}

std::map<std::string, std::int64_t> Repository::related_counts(const Scope& s, std::string_view type, bool by_target,
                                                               std::string_view other_domain) {
  // by_target: count per relation target of sources in other_domain; else per source of targets in it.
  std::string sql =
      by_target
          ? "SELECT r.target_id, count(*) FROM arch_relations r JOIN arch_elements o ON o.id = r.source_id AND "
            "o.tenant_id = r.tenant_id WHERE r.tenant_id = ? AND r.type = ? AND o.domain = ? GROUP BY r.target_id"
          : "SELECT r.source_id, count(*) FROM arch_relations r JOIN arch_elements o ON o.id = r.target_id AND "
            "o.tenant_id = r.tenant_id WHERE r.tenant_id = ? AND r.type = ? AND o.domain = ? GROUP BY r.source_id";
  std::map<std::string, std::int64_t> out;
  for (const auto& r : c_.query(sql, {s.tenant_id, std::string(type), std::string(other_domain)}))
    out[r.text_at(0)] = r.int_at(1);
  return out;
}

}  // namespace simpul::architecture
