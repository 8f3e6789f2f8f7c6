// The data plane's view of the control plane's database (config_repository.hpp, data_plane.hpp).
// These are the only cross-tenant reads: one data plane serves every tenant, with globally unique ids.
#include "gateway/control/config_repository.hpp"

#include <chrono>
#include <map>

#include <boost/json/parse.hpp>

#include "core/clock.hpp"
#include "gateway/control/json.hpp"

namespace simpul::gateway::control {
namespace {

std::vector<std::string> strings(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (!ec && v.is_array())
    for (const auto& s : v.as_array())
      if (s.is_string()) out.emplace_back(s.as_string());
  return out;
}

std::int64_t epoch_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

Config ConfigRepository::config(std::vector<std::string>* service_profiles) {
  auto& c = c_;
  Config config;
  config.version =
      static_cast<std::uint64_t>(c.query("SELECT version FROM gw_config_state WHERE id = 1").front().int_at(0));
  for (
      const auto& r : c.query(
          "SELECT s.id, s.name, s.version, t.slug, s.code, s.upstream_base_url, s.policy, t.profile_id FROM gw_services s "
          "JOIN tenants t ON t.id = s.tenant_id WHERE s.active = ? ORDER BY s.id",
          {true})) {
    ServiceConfig s;
    s.id = r.text_at(0);
    s.name = r.text_at(1);
    s.version = r.text_at(2);
    s.path_prefix = "/" + r.text_at(3) + "/" + r.text_at(4);
    s.upstream_base_url = r.text_at(5);
    auto p = policy_from_text(r.text_at(6));
    s.allowed_networks = p.allowed_networks;
    s.max_body_bytes = p.max_body_bytes;
    s.upstream_timeout_ms = p.upstream_timeout_ms;
    s.retries_idempotent = p.retries_idempotent;
    s.rate_limit = {p.rate_per_second, p.burst};
    s.daily_quota = p.daily_quota;
    s.health_path = p.health_path;
    s.store_bodies = p.store_bodies;
    if (service_profiles) service_profiles->push_back(r.text_at(7));
    config.services.push_back(std::move(s));
  }
  std::map<std::string, std::size_t> consumer_index;
  for (const auto& r : c.query(
           "SELECT id, name, agency_id, client_cert_sha256 FROM gw_consumers WHERE enabled = ? ORDER BY id", {true})) {
    consumer_index[r.text_at(0)] = config.consumers.size();
    config.consumers.push_back({r.text_at(0), r.text_at(1), r.text_at(2), {}, strings(r.text_at(3))});
  }
  for (const auto& r :
       c.query("SELECT consumer_id, key_sha256 FROM gw_api_keys WHERE revoked_at IS NULL ORDER BY created_at, id"))
    if (auto it = consumer_index.find(r.text_at(0)); it != consumer_index.end())
      config.consumers[it->second].api_key_sha256.push_back(r.text_at(1));
  for (const auto& r : c.query("SELECT g.consumer_id, g.service_id, g.path_prefix, g.methods FROM gw_grants g "
                               "JOIN gw_services s ON s.id = g.service_id JOIN gw_consumers c ON c.id = g.consumer_id "
                               "WHERE g.revoked_at IS NULL AND s.active = ? AND c.enabled = ? ORDER BY g.id",
                               {true, true}))
    config.grants.push_back({r.text_at(0), r.text_at(1), r.optional_text_at(2), strings(r.text_at(3))});
  return config;
}

std::uint64_t ConfigRepository::version() {
  return static_cast<std::uint64_t>(c_.query("SELECT version FROM gw_config_state WHERE id = 1").front().int_at(0));
}

void ConfigRepository::save_status(const std::string& instance, const std::string& status_json) {
  storage::Params values{clock::now_iso(), epoch_seconds(), status_json, instance};
  if (c_.execute("UPDATE gw_status SET updated_at = ?, updated_epoch = ?, body = ? WHERE instance = ?", values) == 0)
    c_.execute("INSERT INTO gw_status (updated_at, updated_epoch, body, instance) VALUES (?, ?, ?, ?)", values);
}

std::vector<std::string> ConfigRepository::recent_status(int max_age_seconds) {
  std::vector<std::string> out;
  for (const auto& r : c_.query("SELECT body FROM gw_status WHERE updated_epoch >= ? ORDER BY instance",
                                {epoch_seconds() - max_age_seconds}))
    out.push_back(r.text_at(0));
  return out;
}

}  // namespace simpul::gateway::control
