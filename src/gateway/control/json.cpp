#include "gateway/control/json.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "http/json_io.hpp"

namespace simpul::gateway::control {
namespace {

boost::json::value opt(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

template <typename T>
T number(const boost::json::object& o, const char* key, T fallback) {
  auto it = o.find(key);
  if (it == o.end()) return fallback;
  if (it->value().is_int64()) return static_cast<T>(it->value().as_int64());
  if (it->value().is_uint64()) return static_cast<T>(it->value().as_uint64());
  if (it->value().is_double()) return static_cast<T>(it->value().as_double());
  return fallback;
}

std::string role_name(const tenancy::Profile& p, const std::string& id) {
  for (const auto& r : p.roles)
    if (r.id == id) return r.name;
  return id;
}

}  // namespace

boost::json::object to_json(const Policy& p) {
  return {{"allowed_networks", http::json_strings(p.allowed_networks)},
          {"max_body_bytes", p.max_body_bytes},
          {"upstream_timeout_ms", p.upstream_timeout_ms},
          {"retries_idempotent", p.retries_idempotent},
          {"rate_per_second", p.rate_per_second},
          {"burst", p.burst},
          {"daily_quota", p.daily_quota},
          {"health_path", p.health_path},
          {"store_bodies", p.store_bodies},
          {"mask_personal_ids", p.mask_personal_ids}};
}

std::string policy_text(const Policy& p) { return boost::json::serialize(to_json(p)); }

Policy policy_from_text(const std::string& text) {
  Policy p;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_object()) return p;
  const auto& o = v.as_object();
  if (auto* a = o.if_contains("allowed_networks"); a && a->is_array())
    for (const auto& n : a->as_array())
      if (n.is_string()) p.allowed_networks.emplace_back(n.as_string());
  p.max_body_bytes = number(o, "max_body_bytes", p.max_body_bytes);
  p.upstream_timeout_ms = number(o, "upstream_timeout_ms", p.upstream_timeout_ms);
  p.retries_idempotent = number(o, "retries_idempotent", p.retries_idempotent);
  p.rate_per_second = number(o, "rate_per_second", p.rate_per_second);
  p.burst = number(o, "burst", p.burst);
  p.daily_quota = number(o, "daily_quota", p.daily_quota);
  if (auto* h = o.if_contains("health_path"); h && h->is_string()) p.health_path = std::string(h->as_string());
  if (auto* b = o.if_contains("store_bodies"); b && b->is_bool()) p.store_bodies = b->as_bool();
  if (auto* b = o.if_contains("mask_personal_ids"); b && b->is_bool()) p.mask_personal_ids = b->as_bool();
  return p;
}

boost::json::object agency_json(const AgencyRef& a) { return {{"id", a.id}, {"code", a.code}, {"name", a.name}}; }

boost::json::value rule_json(const tenancy::Profile& p, const std::optional<std::string>& id) {
  auto ref = tenancy::rule_ref(p, id);
  if (!ref) return nullptr;
  return boost::json::object{{"id", ref->id}, {"citation", ref->citation}};
}

boost::json::object to_json(const ServiceRecord& s, const std::string& tenant_slug) {
  return {{"id", s.id},
          {"code", s.code},
          {"name", s.name},
          {"version", s.version},
          {"description", opt(s.description)},
          {"public_path", "/" + tenant_slug + "/" + s.code},
          {"upstream_base_url", s.upstream_base_url},
          {"owner_agency", agency_json(s.owner)},
          {"classification", s.classification},
          {"links", boost::json::object{{"service_element_id", opt(s.service_element_id)},
                                        {"application_id", opt(s.application_id)},
                                        {"data_element_id", opt(s.data_element_id)}}},
          {"policy", to_json(s.policy)},
          {"active", s.active},
          {"has_openapi", s.has_openapi},
          {"created_at", s.created_at},
          {"updated_at", s.updated_at}};
}

boost::json::object to_json(const Consumer& c) {
  boost::json::array keys;
  for (const auto& k : c.keys)
    keys.push_back(
        {{"id", k.id}, {"prefix", k.prefix}, {"created_at", k.created_at}, {"revoked_at", opt(k.revoked_at)}});
  return {{"id", c.id},
          {"name", c.name},
          {"description", opt(c.description)},
          {"agency", agency_json(c.agency)},
          {"application_id", opt(c.application_id)},
          {"enabled", c.enabled},
          {"keys", keys},
          {"client_cert_sha256", http::json_strings(c.client_cert_sha256)},
          {"created_at", c.created_at}};
}

boost::json::object to_json(const IssuedKey& k) {
  return {{"consumer", to_json(k.consumer)}, {"key_id", k.key_id}, {"api_key", k.api_key}};
}

std::optional<Addressees> addressees_of(const tenancy::Profile& p, const AccessRequest& r) {
  const auto* g = p.document.if_contains("gateway");
  const auto* v = g && g->is_object() ? g->as_object().if_contains("addressees_rule") : nullptr;
  if (!v || !v->is_string() || !p.rule(std::string(v->as_string())) || !p.gateway) return std::nullopt;
  Addressees a;
  a.rule = std::string(v->as_string());
  a.to_role = p.gateway->approver;
  a.dinas_role = p.gateway->operator_role;
  for (const auto& role : p.roles) {
    if (role.id == a.to_role) a.to_name = role.name;
    if (role.id == a.dinas_role) {
      a.dinas_name = role.name;
      a.dinas_flag = role.agency_flag;
    }
  }
  a.owner = r.service_owner;
  return a;
}

boost::json::value addressees_json(const tenancy::Profile& p, const AccessRequest& r) {
  auto a = addressees_of(p, r);
  if (!a) return nullptr;
  return boost::json::object{
      {"rule", rule_json(p, a->rule)},
      {"to", boost::json::object{{"role", a->to_role}, {"name", a->to_name}}},
      {"copies", boost::json::array{boost::json::object{{"role", a->dinas_role}, {"name", a->dinas_name}},
                                    boost::json::object{{"agency_id", a->owner.id}, {"name", a->owner.name}}}}};
}

boost::json::object to_json(const AccessRequest& r, const RequestRights& rights) {
  boost::json::array steps;
  for (const auto& s : r.steps)
    steps.push_back({{"action", s.action},
                     {"decision", opt(s.decision)},
                     {"note", opt(s.note)},
                     {"actor", s.actor_name},
                     {"at", s.at},
                     {"ground", opt(s.ground)}});
  boost::system::error_code ec;
  auto grounds = boost::json::parse(r.grounds, ec);
  if (ec || !grounds.is_array()) grounds = boost::json::array{};
  return {{"id", r.id},
          {"consumer",
           boost::json::object{
               {"id", r.consumer_id}, {"name", r.consumer_name}, {"agency", agency_json(r.consumer_agency)}}},
          {"service", boost::json::object{{"id", r.service_id},
                                          {"code", r.service_code},
                                          {"name", r.service_name},
                                          {"owner_agency", agency_json(r.service_owner)}}},
          {"path_prefix", opt(r.path_prefix)},
          {"methods", http::json_strings(r.methods)},
          {"responsible_person", r.responsible_person},
          {"work_unit", r.work_unit},
          {"purpose", r.purpose},
          {"data_needed", r.data_needed},
          {"commercial_use", r.commercial_use},
          {"source_address", r.source_address},
          {"grounds", grounds},
          {"state", r.state},
          {"can_recommend", rights.recommend},
          {"can_decide", rights.decide},
          {"can_cancel", rights.cancel},
          {"steps", steps},
          {"grant_id", opt(r.grant_id)},
          {"created_at", r.created_at}};
}

boost::json::object to_json(const tenancy::Profile& p, const Grant& g) {
  return {{"id", g.id},
          {"consumer",
           boost::json::object{
               {"id", g.consumer_id}, {"name", g.consumer_name}, {"agency", agency_json(g.consumer_agency)}}},
          {"service", boost::json::object{{"id", g.service_id}, {"code", g.service_code}, {"name", g.service_name}}},
          {"path_prefix", opt(g.path_prefix)},
          {"methods", http::json_strings(g.methods)},
          {"legal_basis", boost::json::object{{"kind", g.basis_kind},
                                              {"request_id", opt(g.request_id)},
                                              {"rule", rule_json(p, g.rule_id)},
                                              {"note", opt(g.note)}}},
          {"granted_by", g.granted_by},
          {"granted_at", g.granted_at},
          {"revoked_at", opt(g.revoked_at)},
          {"revoke_reason", opt(g.revoke_reason)}};
}

boost::json::object options_json(const tenancy::Profile& p, const Options& o) {
  tenancy::GatewaySpec g =
      p.gateway.value_or(tenancy::GatewaySpec{"diskominfo", {}, "none", {}, "diskominfo", {}, {}, {}});
  boost::json::array grounds;
  for (const auto& r : g.refusal_grounds)
    grounds.push_back({{"id", r.id}, {"name", r.name}, {"rule", rule_json(p, r.rule)}});
  std::string recommender =
      g.recommender == "owner_agency" ? "Perangkat Daerah Wali Data (pemilik layanan)" : "Tidak ada";
  return {
      {"operator", boost::json::object{{"role", g.operator_role},
                                       {"name", role_name(p, g.operator_role)},
                                       {"rule", rule_json(p, g.operator_rule)}}},
      {"recommender",
       boost::json::object{{"kind", g.recommender}, {"name", recommender}, {"rule", rule_json(p, g.recommender_rule)}}},
      {"approver",
       boost::json::object{
           {"role", g.approver}, {"name", role_name(p, g.approver)}, {"rule", rule_json(p, g.approver_rule)}}},
      {"request_fields_rule", rule_json(p, g.request_fields_rule)},
      {"refusal_grounds", grounds},
      {"classifications", boost::json::array{boost::json::object{{"id", "publik"}, {"name", "Publik"}},
                                             boost::json::object{{"id", "terbatas"}, {"name", "Terbatas"}},
                                             boost::json::object{{"id", "rahasia"}, {"name", "Rahasia"}}}},
      {"gateway_base_url", opt(o.gateway_base_url)}};
}

}  // namespace simpul::gateway::control
