#pragma once
// The composition root: the only place that wires modules together.
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "applications/service.hpp"
#include "architecture/module.hpp"
#include "evaluation/service.hpp"
#include "gateway/control/control_plane.hpp"
#include "http/dispatcher.hpp"
#include "http/router.hpp"
#include "identity/service.hpp"
#include "ledger/ledger.hpp"
#include "regulation/service.hpp"
#include "seam/module.hpp"
#include "seam/services.hpp"
#include "storage/database.hpp"
#include "tenancy/profile_loader.hpp"
#include "tenancy/service.hpp"

namespace simpul::app {

struct Config {
  std::string database_url;  // sqlite:<data_dir>/simpul.db by default
  std::filesystem::path data_dir = "var";
  std::filesystem::path profiles_dir = "profiles";
  std::filesystem::path web_root;  // empty = API only
  std::size_t pool_size = 8;
  bool access_log = true;
  /// Reverse proxies whose X-Forwarded-For/-Proto are believed (--trusted-proxy); loopback by default.
  std::vector<std::string> trusted_proxies = {"127.0.0.0/8", "::1"};
  identity::Options identity;
  evaluation::Options evaluation;
  /// Every tenant's compliance is evaluated by the scheduler this often (0 = only on request).
  std::chrono::minutes compliance_every{0};

  std::string effective_database_url() const;
  std::filesystem::path ledger_key_path() const { return data_dir / "keys" / "ledger-ed25519.key"; }
  /// The ledger's signed high-water mark, beside the key and backed up with it (docs/operations.md).
  std::filesystem::path ledger_mark_path() const { return data_dir / "keys" / "ledger-high-water-mark.json"; }
  /// The gateway's message log and the key that signs it (docs/gateway.md).
  std::filesystem::path gateway_log_dir() const { return data_dir / "gateway" / "log"; }
  /// Where consumers reach the data plane (shown in the console), when it is known.
  std::optional<std::string> gateway_base_url;
  /// Demo mode: serve the stand-in agency systems (demo_upstream.hpp); the demo's gateway services
  /// point at them through the base URL ensure_demo() is given, else this one.
  bool demo = false;
  std::string demo_upstream_base = "http://127.0.0.1:8080/api/demo-upstream";
  std::filesystem::path gateway_key_path() const { return data_dir / "keys" / "gateway-ed25519.key"; }
};

/// Every module of a running instance. Construction loads profiles, opens the database, builds the
/// modules of the one list (platform.cpp), migrates, installs their permissions and registers their
/// routes, facts and evidence; nothing is listening yet.
class Platform {
 public:
  explicit Platform(Config config);
  ~Platform();

  storage::Database& db() { return *db_; }
  const tenancy::ProfileRegistry& profiles() const { return profiles_; }
  const ledger::Ledger& ledger() const { return *ledger_; }
  /// Any service a module provides (seam/services.hpp).
  template <typename T>
  T& service() const {
    return services_.get<T>();
  }
  tenancy::Service& tenancy() { return service<tenancy::Service>(); }
  identity::Service& identity() { return service<identity::Service>(); }
  architecture::Module& architecture() { return service<architecture::Module>(); }
  regulation::Compliance& compliance() { return service<regulation::Compliance>(); }
  applications::Service& applications() { return service<applications::Service>(); }
  evaluation::Service& evaluation() { return service<evaluation::Service>(); }
  gateway::control::ControlPlane& gateway() { return service<gateway::control::ControlPlane>(); }
  http::Router& router() { return router_; }
  http::Dispatcher& dispatcher() { return *dispatcher_; }
  const Config& config() const { return config_; }

  const std::vector<std::unique_ptr<seam::Module>>& modules() const { return modules_; }
  /// The work every module wants repeated (the scheduler runs it).
  std::vector<seam::Job> jobs();
  /// Every module's demo records for a new demo tenant.
  void seed_demo(const seam::DemoTenant& tenant);
  /// How every module enforces the profile's rules (docs/regulation-coverage.md).
  seam::CoverageRows coverage(const tenancy::Profile& profile) const;

  /// Constructs module M and lets it provide its services (called by the module list only).
  template <typename M, typename... Args>
  void add(Args&&... args) {
    modules_.push_back(std::make_unique<M>(services_, std::forward<Args>(args)...));
  }

 private:
  /// The data directory, the keys and the SQLite files: owner-only, checked at every start.
  void secure_data_dir();

  Config config_;
  tenancy::ProfileRegistry profiles_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<ledger::Ledger> ledger_;
  mutable seam::Services services_;
  std::vector<std::unique_ptr<seam::Module>> modules_;
  http::Router router_;
  std::unique_ptr<http::Dispatcher> dispatcher_;
};

/// Every module's migrations, without constructing any (the standalone gateway, `simpul migrate`).
std::vector<storage::Migration> all_migrations();
/// The profiles of a directory with every module's own sections (`simpul profiles check` too).
tenancy::ProfileRegistry load_profiles(const std::filesystem::path& dir);

}  // namespace simpul::app
