#pragma once
// The composition root: the only place that wires modules together.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "applications/service.hpp"
#include "architecture/module.hpp"
#include "architecture/reference.hpp"
#include "evaluation/service.hpp"
#include "gateway/control/service.hpp"
#include "http/dispatcher.hpp"
#include "http/router.hpp"
#include "identity/service.hpp"
#include "ledger/ledger.hpp"
#include "regulation/engine.hpp"
#include "regulation/service.hpp"
#include "storage/database.hpp"
#include "tenancy/profile_loader.hpp"
#include "tenancy/service.hpp"

namespace simpul::app {

struct Config {
  std::string database_url;            // sqlite:<data_dir>/simpul.db by default
  std::filesystem::path data_dir = "var";
  std::filesystem::path profiles_dir = "profiles";
  std::filesystem::path web_root;      // empty = API only
  std::size_t pool_size = 8;
  bool access_log = true;
  /// Reverse proxies whose X-Forwarded-For/-Proto are believed (--trusted-proxy); loopback by default.
  std::vector<std::string> trusted_proxies = {"127.0.0.0/8", "::1"};
  identity::Options identity;
  evaluation::Options evaluation;

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

/// Every module of a running instance. Construction loads profiles, opens the database, migrates
/// it and loads the ledger key; nothing is listening yet.
class Platform {
 public:
  explicit Platform(Config config);
  ~Platform();

  storage::Database& db() { return *db_; }
  const tenancy::ProfileRegistry& profiles() const { return profiles_; }
  const ledger::Ledger& ledger() const { return *ledger_; }
  tenancy::Service& tenancy() { return *tenancy_; }
  identity::Service& identity() { return *identity_; }
  architecture::Module& architecture() { return *architecture_; }
  regulation::Compliance& compliance() { return *compliance_; }
  applications::Service& applications() { return *applications_; }
  evaluation::Service& evaluation() { return *evaluation_; }
  gateway::control::Service& gateway() { return *gateway_; }
  http::Router& router() { return router_; }
  http::Dispatcher& dispatcher() { return *dispatcher_; }
  const Config& config() const { return config_; }

 private:
  /// Each module that owns records offers live evidence for the yearly evaluation.
  void register_evidence_sources();
  /// The data directory, the keys and the SQLite files: owner-only, checked at every start.
  void secure_data_dir();

  Config config_;
  tenancy::ProfileRegistry profiles_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<ledger::Ledger> ledger_;
  std::unique_ptr<tenancy::Service> tenancy_;
  std::unique_ptr<identity::Service> identity_;
  architecture::ReferenceArchitecture reference_;
  std::unique_ptr<architecture::Module> architecture_;
  std::unique_ptr<regulation::Engine> engine_;
  std::unique_ptr<regulation::Compliance> compliance_;
  std::unique_ptr<applications::Service> applications_;
  std::unique_ptr<evaluation::FrameworkRegistry> frameworks_;
  evaluation::EvidenceSources evidence_sources_;
  std::unique_ptr<evaluation::Service> evaluation_;
  std::unique_ptr<gateway::control::Service> gateway_;
  http::Router router_;
  std::unique_ptr<http::Dispatcher> dispatcher_;
};

/// Every module's migrations, in one list.
std::vector<storage::Migration> all_migrations();

}  // namespace simpul::app
