#pragma once
// What the data plane needs from the control plane's database (issue 7; docs/gateway.md
// "Control plane"). The data plane never writes configuration; it reads it here, and it writes
// its live status document here for the console. It runs without the modules (`simpul gateway
// run`), so these take the database and are each one unit of work (SQL: config_repository.cpp).
#include <cstdint>
#include <string>
#include <vector>

#include "gateway/config.hpp"
#include "storage/database.hpp"
#include "tenancy/profile_loader.hpp"

namespace simpul::gateway::control {

/// The configuration of every tenant's active services, enabled consumers and grants in force.
/// A service's public path prefix is "/<tenant slug>/<service code>"; ids are the control plane's
/// opaque ids (globally unique), so one data plane serves every tenant. With the profiles, each
/// service carries the rules its refusals cite (refusal_rules()); without, its refusals cite none.
Config load_config(storage::Database& db, const tenancy::ProfileRegistry* profiles = nullptr);

/// The rules a data-plane refusal cites in a region (profile `gateway.access_rule`: why a consumer
/// without a grant is refused; `gateway.network_rule`: why a source outside the service's networks
/// is refused). Empty ids where the profile names none or names a rule it does not contain.
struct RefusalRules {
  RuleCitation grant;
  RuleCitation source;
};
RefusalRules refusal_rules(const tenancy::Profile& profile);

/// Increases with every change that affects load_config(); a watcher polls it cheaply.
std::uint64_t config_version(storage::Database& db);

/// Stores the latest status document (Proxy::status_json()) of one data-plane instance.
void save_status(storage::Database& db, const std::string& instance, const std::string& status_json);
/// Status documents of instances heard from in the last `max_age_seconds`.
std::vector<std::string> recent_status(storage::Database& db, int max_age_seconds);

}  // namespace simpul::gateway::control
