#include "gateway/control/repository.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"
#include "gateway/control/json.hpp"
#include "storage/list_sql.hpp"

namespace simpul::gateway::control {
namespace {

std::vector<std::string> string_list(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& item : v.as_array())
    if (item.is_string()) out.emplace_back(item.as_string());
  return out;
}

std::string list_text(const std::vector<std::string>& values) {
  boost::json::array a;
  for (const auto& v : values) a.emplace_back(v);
  return boost::json::serialize(a);
}

constexpr const char* kServiceColumns =
    "s.id, s.code, s.name, s.version, s.description, s.upstream_base_url, s.owner_agency_id, a.code, a.name, "
    "s.classification, s.service_element_id, s.application_id, s.data_element_id, s.policy, s.active, "
    "s.openapi IS NOT NULL, s.created_at, s.updated_at";
constexpr const char* kServiceTables = " FROM gw_services s JOIN agencies a ON a.id = s.owner_agency_id";
const std::string kServiceFrom = std::string(kServiceTables) + " WHERE s.tenant_id = ?";

ServiceRecord service_from(const storage::Row& r) {
  ServiceRecord x;
  std::size_t i = 0;
  x.id = r.text_at(i++);
  x.code = r.text_at(i++);
  x.name = r.text_at(i++);
  x.version = r.text_at(i++);
  x.description = r.optional_text_at(i++);
  x.upstream_base_url = r.text_at(i++);
  x.owner.id = r.text_at(i++);
  x.owner.code = r.text_at(i++);
  x.owner.name = r.text_at(i++);
  x.classification = r.text_at(i++);
  x.service_element_id = r.optional_text_at(i++);
  x.application_id = r.optional_text_at(i++);
  x.data_element_id = r.optional_text_at(i++);
  x.policy = policy_from_text(r.text_at(i++));
  x.active = r.bool_at(i++);
  x.has_openapi = r.bool_at(i++);
  x.created_at = r.text_at(i++);
  x.updated_at = r.text_at(i++);
  return x;
}

constexpr const char* kConsumerColumns =
    "c.id, c.name, c.description, c.agency_id, a.code, a.name, c.application_id, c.enabled, c.client_cert_sha256, c.created_at";
constexpr const char* kConsumerTables = " FROM gw_consumers c JOIN agencies a ON a.id = c.agency_id";
const std::string kConsumerFrom = std::string(kConsumerTables) + " WHERE c.tenant_id = ?";

Consumer consumer_from(const storage::Row& r) {
  Consumer x;
  x.id = r.text_at(0);
  x.name = r.text_at(1);
  x.description = r.optional_text_at(2);
  x.agency = {r.text_at(3), r.text_at(4), r.text_at(5)};
  x.application_id = r.optional_text_at(6);
  x.enabled = r.bool_at(7);
  x.client_cert_sha256 = string_list(r.text_at(8));
  x.created_at = r.text_at(9);
  return x;
}

/// The consumer (with its agency) and the service an access request or a grant is about: the same
/// eight columns follow the id in kRequestColumns and kGrantColumns.
template <typename Record>
void read_parties(const storage::Row& r, std::size_t& i, Record& x) {
  x.consumer_id = r.text_at(i++);
  x.consumer_name = r.text_at(i++);
  x.consumer_agency.id = r.text_at(i++);
  x.consumer_agency.code = r.text_at(i++);
  x.consumer_agency.name = r.text_at(i++);
  x.service_id = r.text_at(i++);
  x.service_code = r.text_at(i++);
  x.service_name = r.text_at(i++);
}

constexpr const char* kRequestColumns =
    "r.id, r.consumer_id, c.name, c.agency_id, ca.code, ca.name, r.service_id, s.code, s.name, s.owner_agency_id, sa.code, "
    "sa.name, r.path_prefix, r.methods, r.responsible_person, r.work_unit, r.purpose, r.data_needed, r.commercial_use, "
    "r.state, r.requested_by, r.grant_id, r.created_at, r.source_address, r.grounds";
constexpr const char* kRequestTables =
    " FROM gw_access_requests r JOIN gw_consumers c ON c.id = r.consumer_id JOIN agencies ca ON ca.id = c.agency_id "
    "JOIN gw_services s ON s.id = r.service_id JOIN agencies sa ON sa.id = s.owner_agency_id";
const std::string kRequestFrom = std::string(kRequestTables) + " WHERE r.tenant_id = ?";

AccessRequest request_from(const storage::Row& r) {
  AccessRequest x;
  std::size_t i = 0;
  x.id = r.text_at(i++);
  read_parties(r, i, x);
  x.service_owner.id = r.text_at(i++);
  x.service_owner.code = r.text_at(i++);
  x.service_owner.name = r.text_at(i++);
  x.path_prefix = r.optional_text_at(i++);
  x.methods = string_list(r.text_at(i++));
  x.responsible_person = r.text_at(i++);
  x.work_unit = r.text_at(i++);
  x.purpose = r.text_at(i++);
  x.data_needed = r.text_at(i++);
  x.commercial_use = r.bool_at(i++);
  x.state = r.text_at(i++);
  x.requested_by = r.text_at(i++);
  x.grant_id = r.optional_text_at(i++);
  x.created_at = r.text_at(i++);
  x.source_address = r.text_at(i++);
  x.grounds = r.text_at(i++);
  return x;
}

constexpr const char* kGrantColumns =
    "g.id, g.consumer_id, c.name, c.agency_id, ca.code, ca.name, g.service_id, s.code, s.name, g.path_prefix, g.methods, "
    "g.basis_kind, g.request_id, g.rule_id, g.note, g.granted_by, g.granted_at, g.revoked_at, g.revoke_reason";
constexpr const char* kGrantTables =
    " FROM gw_grants g JOIN gw_consumers c ON c.id = g.consumer_id JOIN agencies ca ON ca.id = c.agency_id "
    "JOIN gw_services s ON s.id = g.service_id";
const std::string kGrantFrom = std::string(kGrantTables) + " WHERE g.tenant_id = ?";

Grant grant_from(const storage::Row& r) {
  Grant x;
  std::size_t i = 0;
  x.id = r.text_at(i++);
  read_parties(r, i, x);
  x.path_prefix = r.optional_text_at(i++);
  x.methods = string_list(r.text_at(i++));
  x.basis_kind = r.text_at(i++);
  x.request_id = r.optional_text_at(i++);
  x.rule_id = r.optional_text_at(i++);
  x.note = r.optional_text_at(i++);
  x.granted_by = r.text_at(i++);
  x.granted_at = r.text_at(i++);
  x.revoked_at = r.optional_text_at(i++);
  x.revoke_reason = r.optional_text_at(i++);
  return x;
}

}  // namespace

std::vector<storage::Migration> Repository::migrations() {
  // OpenAPI documents (≤ 2 MiB) sit in the service row: read only by their own endpoint.
  return {
      {800, "gateway control plane: services, consumers, keys, requests, grants, status",
       "CREATE TABLE gw_services (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), code TEXT NOT NULL, "
       "name TEXT NOT NULL, version TEXT NOT NULL, description TEXT, upstream_base_url TEXT NOT NULL, "
       "owner_agency_id TEXT NOT NULL REFERENCES agencies(id), classification TEXT NOT NULL, service_element_id TEXT, "
       "application_id TEXT, data_element_id TEXT, policy TEXT NOT NULL, active INTEGER NOT NULL, openapi TEXT, "
       "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (tenant_id, code));"
       "CREATE TABLE gw_consumers (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), name TEXT NOT NULL, "
       "description TEXT, agency_id TEXT NOT NULL REFERENCES agencies(id), application_id TEXT, enabled INTEGER NOT NULL, "
       "client_cert_sha256 TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);"
       "CREATE INDEX gw_consumers_by_tenant ON gw_consumers (tenant_id, agency_id);"
       "CREATE TABLE gw_api_keys (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "consumer_id TEXT NOT NULL REFERENCES gw_consumers(id), key_sha256 TEXT NOT NULL UNIQUE, prefix TEXT NOT NULL, "
       "created_at TEXT NOT NULL, revoked_at TEXT);"
       "CREATE INDEX gw_api_keys_by_consumer ON gw_api_keys (tenant_id, consumer_id);"
       "CREATE TABLE gw_access_requests (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "consumer_id TEXT NOT NULL REFERENCES gw_consumers(id), service_id TEXT NOT NULL REFERENCES gw_services(id), "
       "path_prefix TEXT, methods TEXT NOT NULL, responsible_person TEXT NOT NULL, work_unit TEXT NOT NULL, "
       "purpose TEXT NOT NULL, data_needed TEXT NOT NULL, commercial_use INTEGER NOT NULL, state TEXT NOT NULL, "
       "requested_by TEXT NOT NULL, grant_id TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);"
       "CREATE INDEX gw_access_requests_by_tenant ON gw_access_requests (tenant_id, state);"
       "CREATE TABLE gw_request_steps (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "request_id TEXT NOT NULL REFERENCES gw_access_requests(id), action TEXT NOT NULL, decision TEXT, note TEXT, "
       "actor_id TEXT NOT NULL, actor_name TEXT NOT NULL, at TEXT NOT NULL, position INTEGER NOT NULL);"
       "CREATE INDEX gw_request_steps_by_request ON gw_request_steps (tenant_id, request_id);"
       "CREATE TABLE gw_grants (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "consumer_id TEXT NOT NULL REFERENCES gw_consumers(id), service_id TEXT NOT NULL REFERENCES gw_services(id), "
       "path_prefix TEXT, methods TEXT NOT NULL, basis_kind TEXT NOT NULL, request_id TEXT, rule_id TEXT, note TEXT, "
       "granted_by TEXT NOT NULL, granted_at TEXT NOT NULL, revoked_at TEXT, revoke_reason TEXT);"
       "CREATE INDEX gw_grants_by_tenant ON gw_grants (tenant_id, consumer_id);"
       "CREATE TABLE gw_config_state (id INTEGER PRIMARY KEY, version INTEGER NOT NULL);"
       "INSERT INTO gw_config_state (id, version) VALUES (1, 1);"
       "CREATE TABLE gw_status (instance TEXT PRIMARY KEY, updated_at TEXT NOT NULL, updated_epoch INTEGER NOT NULL, "
       "body TEXT NOT NULL)"},
      // Balikpapan Pasal 9 ayat (7) 'dapat ditolak': the grounds are flags the decider sees, with the
      // requester's address; a refusal names the ground it rests on.
      {801, "gateway: access request source address, refusal-ground flags, the ground of a refusal",
       "ALTER TABLE gw_access_requests ADD COLUMN source_address TEXT NOT NULL DEFAULT '';"
       "ALTER TABLE gw_access_requests ADD COLUMN grounds TEXT NOT NULL DEFAULT '[]';"
       "ALTER TABLE gw_request_steps ADD COLUMN ground TEXT"}};
}

std::string Repository::tenant_slug(const Scope& s) const {
  auto rows = c_.query("SELECT slug FROM tenants WHERE id = ?", {s.tenant_id});
  return rows.empty() ? std::string() : rows.front().text_at(0);
}

std::optional<AgencyRef> Repository::agency(const Scope& s, const std::string& id) const {
  auto rows = c_.query("SELECT id, code, name FROM agencies WHERE tenant_id = ? AND id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return AgencyRef{rows.front().text_at(0), rows.front().text_at(1), rows.front().text_at(2)};
}

bool Repository::element_exists(const Scope& s, const std::string& id, const std::string& domain) const {
  std::string sql = "SELECT count(*) FROM arch_elements WHERE tenant_id = ? AND id = ?";
  storage::Params params{s.tenant_id, id};
  if (!domain.empty()) {
    sql += " AND domain = ?";
    params.emplace_back(domain);
  }
  return c_.query(sql, params).front().int_at(0) > 0;
}

std::vector<ServiceRecord> Repository::services(const Scope& s, const ServiceFilter& f, const ListQuery& q,
                                                std::int64_t& total) const {
  storage::ListSql list(kServiceTables);
  list.where("s.tenant_id = ?", {s.tenant_id}).equals_if_set("s.owner_agency_id", f.agency_id);
  if (f.active) list.where("s.active = ?", {*f.active});
  list.contains(q.q, {"s.code", "s.name"})
      .order_by(q.sort, q.descending, {{"code", "s.code"}, {"name", "s.name"}, {"updated_at", "s.updated_at"}}, "s.id");
  std::vector<ServiceRecord> out;
  for (const auto& r : list.page(c_, std::string("SELECT ") + kServiceColumns + kServiceTables, q, total))
    out.push_back(service_from(r));
  return out;
}

std::optional<ServiceRecord> Repository::service(const Scope& s, const std::string& id) const {
  auto rows = c_.query(std::string("SELECT ") + kServiceColumns + kServiceFrom + " AND s.id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return service_from(rows.front());
}

bool Repository::code_taken(const Scope& s, const std::string& code, const std::string& except_id) const {
  return c_.query("SELECT count(*) FROM gw_services WHERE tenant_id = ? AND code = ? AND id <> ?",
                  {s.tenant_id, code, except_id})
             .front()
             .int_at(0) > 0;
}

void Repository::insert(const Scope& s, const ServiceRecord& r) {
  c_.execute(
      "INSERT INTO gw_services (id, tenant_id, code, name, version, description, upstream_base_url, owner_agency_id, "
      "classification, service_element_id, application_id, data_element_id, policy, active, openapi, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)",
      {r.id, s.tenant_id, r.code, r.name, r.version, r.description, r.upstream_base_url, r.owner.id, r.classification,
       r.service_element_id, r.application_id, r.data_element_id, policy_text(r.policy), r.active, r.created_at,
       r.updated_at});
}

void Repository::update(const Scope& s, const ServiceRecord& r) {
  c_.execute(
      "UPDATE gw_services SET code = ?, name = ?, version = ?, description = ?, upstream_base_url = ?, "
      "owner_agency_id = ?, classification = ?, service_element_id = ?, application_id = ?, data_element_id = ?, "
      "policy = ?, active = ?, updated_at = ? WHERE tenant_id = ? AND id = ?",
      {r.code, r.name, r.version, r.description, r.upstream_base_url, r.owner.id, r.classification,
       r.service_element_id, r.application_id, r.data_element_id, policy_text(r.policy), r.active, r.updated_at,
       s.tenant_id, r.id});
}

void Repository::set_openapi(const Scope& s, const std::string& id, const std::string& json, const std::string& now) {
  c_.execute("UPDATE gw_services SET openapi = ?, updated_at = ? WHERE tenant_id = ? AND id = ?",
             {json, now, s.tenant_id, id});
}

std::optional<std::optional<std::string>> Repository::openapi(const Scope& s, const std::string& id) const {
  auto rows = c_.query("SELECT openapi FROM gw_services WHERE tenant_id = ? AND id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return std::optional<std::optional<std::string>>(rows.front().optional_text_at(0));
}

void Repository::load_keys(const Scope& s, Consumer& c) const {
  for (const auto& r :
       c_.query("SELECT id, prefix, created_at, revoked_at FROM gw_api_keys WHERE tenant_id = ? AND consumer_id = ? "
                "ORDER BY created_at, id",
                {s.tenant_id, c.id}))
    c.keys.push_back({r.text_at(0), r.text_at(1), r.text_at(2), r.optional_text_at(3)});
}

std::vector<Consumer> Repository::consumers(const Scope& s, const std::string& agency_id, const ListQuery& q,
                                            std::int64_t& total) const {
  storage::ListSql list(kConsumerTables);
  list.where("c.tenant_id = ?", {s.tenant_id})
      .equals_if_set("c.agency_id", agency_id)
      .contains(q.q, {"c.name"})
      .order_by(q.sort, q.descending, {{"name", "c.name"}, {"created_at", "c.created_at"}}, "c.id");
  std::vector<Consumer> out;
  for (const auto& r : list.page(c_, std::string("SELECT ") + kConsumerColumns + kConsumerTables, q, total)) {
    out.push_back(consumer_from(r));
    load_keys(s, out.back());
  }
  return out;
}

std::optional<Consumer> Repository::consumer(const Scope& s, const std::string& id) const {
  auto rows = c_.query(std::string("SELECT ") + kConsumerColumns + kConsumerFrom + " AND c.id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  auto c = consumer_from(rows.front());
  load_keys(s, c);
  return c;
}

void Repository::insert(const Scope& s, const Consumer& c) {
  c_.execute(
      "INSERT INTO gw_consumers (id, tenant_id, name, description, agency_id, application_id, enabled, "
      "client_cert_sha256, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {c.id, s.tenant_id, c.name, c.description, c.agency.id, c.application_id, c.enabled,
       list_text(c.client_cert_sha256), c.created_at, c.created_at});
}

void Repository::update(const Scope& s, const Consumer& c) {
  c_.execute(
      "UPDATE gw_consumers SET name = ?, description = ?, agency_id = ?, application_id = ?, enabled = ?, "
      "client_cert_sha256 = ?, updated_at = ? WHERE tenant_id = ? AND id = ?",
      {c.name, c.description, c.agency.id, c.application_id, c.enabled, list_text(c.client_cert_sha256),
       clock::now_iso(), s.tenant_id, c.id});
}

void Repository::insert_key(const Scope& s, const std::string& consumer_id, const ApiKey& k,
                            const std::string& sha256) {
  c_.execute(
      "INSERT INTO gw_api_keys (id, tenant_id, consumer_id, key_sha256, prefix, created_at, revoked_at) "
      "VALUES (?, ?, ?, ?, ?, ?, NULL)",
      {k.id, s.tenant_id, consumer_id, sha256, k.prefix, k.created_at});
}

bool Repository::revoke_key(const Scope& s, const std::string& consumer_id, const std::string& key_id,
                            const std::string& now) {
  return c_.execute(
             "UPDATE gw_api_keys SET revoked_at = ? WHERE tenant_id = ? AND consumer_id = ? AND id = ? AND revoked_at IS NULL",
             {now, s.tenant_id, consumer_id, key_id}) > 0;
}

void Repository::load_steps(const Scope& s, AccessRequest& r) const {
  for (const auto& row :
       c_.query("SELECT action, decision, note, actor_id, actor_name, at, ground FROM gw_request_steps "
                "WHERE tenant_id = ? AND request_id = ? ORDER BY position",
                {s.tenant_id, r.id}))
    r.steps.push_back({row.text_at(0), row.optional_text_at(1), row.optional_text_at(2), row.text_at(3), row.text_at(4),
                       row.text_at(5), row.optional_text_at(6)});
}

std::vector<AccessRequest> Repository::requests(const Scope& s, const RequestFilter& f, const ListQuery& q,
                                                std::int64_t& total) const {
  storage::ListSql list(kRequestTables);
  list.where("r.tenant_id = ?", {s.tenant_id})
      .equals_if_set("r.state", f.state)
      .equals_if_set("r.service_id", f.service_id)
      .equals_if_set("r.consumer_id", f.consumer_id)
      .contains(q.q, {"c.name", "s.name", "r.purpose"})
      .order_by(q.sort, q.descending || q.sort.empty(), {{"created_at", "r.created_at"}},
                "r.id");  // newest first by default
  std::vector<AccessRequest> out;
  for (const auto& r : list.page(c_, std::string("SELECT ") + kRequestColumns + kRequestTables, q, total)) {
    out.push_back(request_from(r));
    load_steps(s, out.back());
  }
  return out;
}

std::optional<AccessRequest> Repository::request(const Scope& s, const std::string& id) const {
  auto rows = c_.query(std::string("SELECT ") + kRequestColumns + kRequestFrom + " AND r.id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  auto r = request_from(rows.front());
  load_steps(s, r);
  return r;
}

void Repository::insert(const Scope& s, const AccessRequest& r) {
  c_.execute(
      "INSERT INTO gw_access_requests (id, tenant_id, consumer_id, service_id, path_prefix, methods, responsible_person, "
      "work_unit, purpose, data_needed, commercial_use, state, requested_by, grant_id, created_at, updated_at, source_address, "
      "grounds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)",
      {r.id, s.tenant_id, r.consumer_id, r.service_id, r.path_prefix, list_text(r.methods), r.responsible_person,
       r.work_unit, r.purpose, r.data_needed, r.commercial_use, r.state, r.requested_by, r.created_at, r.created_at,
       r.source_address, r.grounds});
}

void Repository::update_state(const Scope& s, const AccessRequest& r) {
  c_.execute("UPDATE gw_access_requests SET state = ?, grant_id = ?, updated_at = ? WHERE tenant_id = ? AND id = ?",
             {r.state, r.grant_id, clock::now_iso(), s.tenant_id, r.id});
}

void Repository::add_step(const Scope& s, const std::string& request_id, const RequestStep& step) {
  // Steps of one request are written in one transaction each, in order; times have only second precision.
  auto position = c_.query("SELECT count(*) FROM gw_request_steps WHERE tenant_id = ? AND request_id = ?",
                           {s.tenant_id, request_id})
                      .front()
                      .int_at(0);
  c_.execute(
      "INSERT INTO gw_request_steps (id, tenant_id, request_id, action, decision, note, actor_id, actor_name, at, position, "
      "ground) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {crypto::new_id(), s.tenant_id, request_id, step.action, step.decision, step.note, step.actor_id, step.actor_name,
       step.at, position, step.ground});
}

std::vector<std::pair<std::string, std::string>> Repository::agency_request_states(const Scope& s,
                                                                                   const std::string& agency_id) const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r :
       c_.query("SELECT r.service_id, r.state FROM gw_access_requests r JOIN gw_consumers c ON c.id = r.consumer_id "
                "WHERE r.tenant_id = ? AND c.agency_id = ?",
                {s.tenant_id, agency_id}))
    out.emplace_back(r.text_at(0), r.text_at(1));
  return out;
}

std::vector<Grant> Repository::grants(const Scope& s, const GrantFilter& f, const ListQuery& q,
                                      std::int64_t& total) const {
  storage::ListSql list(kGrantTables);
  list.where("g.tenant_id = ?", {s.tenant_id})
      .equals_if_set("g.service_id", f.service_id)
      .equals_if_set("g.consumer_id", f.consumer_id);
  if (f.active) list.where(*f.active ? "g.revoked_at IS NULL" : "g.revoked_at IS NOT NULL");
  list.contains(q.q, {"c.name", "s.name", "s.code"})
      .order_by(q.sort, q.descending || q.sort.empty(), {{"granted_at", "g.granted_at"}},
                "g.id");  // newest first by default
  std::vector<Grant> out;
  for (const auto& r : list.page(c_, std::string("SELECT ") + kGrantColumns + kGrantTables, q, total))
    out.push_back(grant_from(r));
  return out;
}

std::optional<Grant> Repository::grant(const Scope& s, const std::string& id) const {
  auto rows = c_.query(std::string("SELECT ") + kGrantColumns + kGrantFrom + " AND g.id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return grant_from(rows.front());
}

void Repository::insert(const Scope& s, const Grant& g) {
  c_.execute(
      "INSERT INTO gw_grants (id, tenant_id, consumer_id, service_id, path_prefix, methods, basis_kind, request_id, "
      "rule_id, note, granted_by, granted_at, revoked_at, revoke_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
      {g.id, s.tenant_id, g.consumer_id, g.service_id, g.path_prefix, list_text(g.methods), g.basis_kind, g.request_id,
       g.rule_id, g.note, g.granted_by, g.granted_at});
}

void Repository::revoke_grant(const Scope& s, const std::string& id, const std::string& reason,
                              const std::string& now) {
  c_.execute("UPDATE gw_grants SET revoked_at = ?, revoke_reason = ? WHERE tenant_id = ? AND id = ?",
             {now, reason, s.tenant_id, id});
}

std::vector<std::string> Repository::agency_granted_services(const Scope& s, const std::string& agency_id) const {
  std::vector<std::string> out;
  for (const auto& r :
       c_.query("SELECT DISTINCT g.service_id FROM gw_grants g JOIN gw_consumers c ON c.id = g.consumer_id "
                "WHERE g.tenant_id = ? AND c.agency_id = ? AND g.revoked_at IS NULL",
                {s.tenant_id, agency_id}))
    out.push_back(r.text_at(0));
  return out;
}

std::map<std::string, Repository::NameRow> Repository::service_names(const Scope& s) const {
  std::map<std::string, NameRow> out;
  for (const auto& r : c_.query("SELECT id, code, name, policy FROM gw_services WHERE tenant_id = ?", {s.tenant_id}))
    out.emplace(r.text_at(0), NameRow{r.text_at(1), r.text_at(2), policy_from_text(r.text_at(3)).mask_personal_ids});
  return out;
}

std::map<std::string, Repository::NameRow> Repository::consumer_names(const Scope& s) const {
  std::map<std::string, NameRow> out;
  for (const auto& r : c_.query("SELECT id, name FROM gw_consumers WHERE tenant_id = ?", {s.tenant_id}))
    out.emplace(r.text_at(0), NameRow{"", r.text_at(1)});
  return out;
}

void Repository::bump_version() { c_.execute("UPDATE gw_config_state SET version = version + 1 WHERE id = 1"); }

}  // namespace simpul::gateway::control
