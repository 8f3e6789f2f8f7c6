#include "gateway/control/data_plane.hpp"

#include "gateway/control/config_repository.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::gateway::control {

namespace {

/// The rule a `gateway:` key of the profile file names, with its citation from the profile's rules.
RuleCitation profile_rule(const tenancy::Profile& p, const char* key) {
  const auto* g = p.document.if_contains("gateway");
  const auto* v = g && g->is_object() ? g->as_object().if_contains(key) : nullptr;
  if (!v || !v->is_string()) return {};
  auto ref = tenancy::rule_ref(p, std::string(v->as_string()));
  if (!ref) return {};
  return {ref->id, ref->citation};
}

}  // namespace

RefusalRules refusal_rules(const tenancy::Profile& profile) {
  return {profile_rule(profile, "access_rule"), profile_rule(profile, "network_rule")};
}

Config load_config(storage::Database& db, const tenancy::ProfileRegistry* profiles) {
  auto conn = db.acquire();
  // One read transaction, so the services, consumers and grants are one consistent state.
  storage::Transaction tx(*conn, storage::Transaction::Read);
  std::vector<std::string> service_profiles;
  auto config = ConfigRepository(*conn).config(&service_profiles);
  tx.commit();
  if (profiles) {
    for (std::size_t i = 0; i < config.services.size(); ++i) {
      const auto* profile = profiles->find(service_profiles[i]);
      if (!profile) continue;
      auto rules = refusal_rules(*profile);
      config.services[i].grant_rule = std::move(rules.grant);
      config.services[i].source_rule = std::move(rules.source);
    }
  }
  return config;
}

std::uint64_t config_version(storage::Database& db) {
  return storage::read(db, [](storage::Connection& c) { return ConfigRepository(c).version(); });
}

void save_status(storage::Database& db, const std::string& instance, const std::string& status_json) {
  storage::write_transaction(db,
                             [&](storage::Connection& c) { ConfigRepository(c).save_status(instance, status_json); });
}

std::vector<std::string> recent_status(storage::Database& db, int max_age_seconds) {
  return storage::read(db, [&](storage::Connection& c) { return ConfigRepository(c).recent_status(max_age_seconds); });
}

}  // namespace simpul::gateway::control
