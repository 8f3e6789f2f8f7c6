#pragma once
// SQL behind what the data plane reads from the control plane's database (data_plane.hpp): the
// configuration of every tenant and the live status documents. These are the only cross-tenant
// reads: one data plane serves every tenant, with globally unique ids.
#include <cstdint>
#include <string>
#include <vector>

#include "gateway/config.hpp"
#include "storage/database.hpp"

namespace simpul::gateway::control {

class ConfigRepository {
 public:
  explicit ConfigRepository(storage::Connection& c) : c_(c) {}

  /// Every tenant's active services, enabled consumers and grants in force (read it inside one
  /// read transaction, so the three are one consistent state). `service_profiles`, when given,
  /// receives the profile id of each service's tenant, in the order of `services`.
  Config config(std::vector<std::string>* service_profiles = nullptr);
  /// Increases with every change that affects config().
  std::uint64_t version();
  /// Stores the latest status document of one data-plane instance.
  void save_status(const std::string& instance, const std::string& status_json);
  /// Status documents of instances heard from in the last `max_age_seconds`.
  std::vector<std::string> recent_status(int max_age_seconds);

 private:
  storage::Connection& c_;
};

}  // namespace simpul::gateway::control
