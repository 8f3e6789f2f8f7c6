#pragma once
// What the control plane's workflows share (docs/gateway.md "Control plane"): the database, the
// tenant's profile, the ledger, the options, and the hooks told after every committed change the
// data plane must reload. The workflows themselves are one class per concern: services.hpp,
// consumers.hpp, requests.hpp, traffic.hpp. No HTTP, no SQL here.
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/context.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "gateway/control/model.hpp"
#include "ledger/ledger.hpp"
#include "storage/database.hpp"
#include "tenancy/service.hpp"

namespace simpul::gateway::control {

/// The gateway's Ed25519 key that signs the message log, created (mode 0600) when absent.
crypto::SigningKey load_or_create_gateway_key(const std::filesystem::path& path);

/// User roles (src/identity/roles.cpp) whose holders decide access requests under this profile:
/// the Sekretaris Daerah's "approver" where the regulation names the Sekda, else the operator
/// Dinas's administrators and technical reviewers.
std::vector<std::string> decider_roles(const tenancy::Profile& p);

class ControlPlane {
 public:
  ControlPlane(storage::Database& db, tenancy::Service& tenancy, const ledger::Ledger& ledger, Options options);

  const tenancy::Profile& profile_of(const Scope& s) const { return tenancy_.profile_of(s); }
  const Options& options() const { return options_; }
  storage::Database& db() const { return db_; }
  const ledger::Ledger& ledger() const { return ledger_; }
  /// Called after every committed change that affects load_config() (the data plane reloads).
  void on_config_change(std::function<void()> hook);
  /// Runs the hooks of on_config_change().
  void notify() const;
  std::string tenant_slug(const Scope& s) const;

  /// Runs `work` in one write transaction; bumps the configuration version when `affects_config`
  /// and calls the hooks after the commit (defined in change.hpp, for the workflows' sources).
  template <typename F>
  auto change(bool affects_config, F&& work);

 private:
  storage::Database& db_;
  tenancy::Service& tenancy_;
  const ledger::Ledger& ledger_;
  Options options_;
  mutable std::mutex hooks_mutex_;
  std::vector<std::function<void()>> hooks_;
};

}  // namespace simpul::gateway::control
