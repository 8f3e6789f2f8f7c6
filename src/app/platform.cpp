#include "app/platform.hpp"

#include "app/demo_upstream.hpp"
#include "app/system_routes.hpp"
#include "applications/evidence.hpp"
#include "applications/facts.hpp"
#include "applications/repository.hpp"
#include "applications/routes.hpp"
#include "evaluation/repository.hpp"
#include "evaluation/routes.hpp"
#include "gateway/control/repository.hpp"
#include "gateway/control/routes.hpp"
#include "architecture/evidence.hpp"
#include "regulation/evidence.hpp"
#include "regulation/repository.hpp"
#include "regulation/routes.hpp"
#include "core/crypto.hpp"
#include "core/private_files.hpp"
#include "identity/repository.hpp"
#include "identity/routes.hpp"
#include "storage/migrations.hpp"
#include "tenancy/json.hpp"
#include "tenancy/repository.hpp"
#include "tenancy/routes.hpp"

namespace simpul::app {

std::string Config::effective_database_url() const {
  return database_url.empty() ? "sqlite:" + (data_dir / "simpul.db").string() : database_url;
}

std::vector<storage::Migration> all_migrations() {
  std::vector<storage::Migration> all;
  for (auto list : {tenancy::Repository::migrations(), identity::Repository::migrations(), ledger::Ledger::migrations(),
                    architecture::Module::migrations(), regulation::Repository::migrations(),
                    applications::Repository::migrations(), evaluation::Repository::migrations(),
                    gateway::control::Repository::migrations()})
    all.insert(all.end(), list.begin(), list.end());
  return all;
}

Platform::Platform(Config config)
    : config_(std::move(config)), profiles_(tenancy::ProfileRegistry::load_directory(config_.profiles_dir)) {
  crypto::init();
  secure_data_dir();
  db_ = storage::Database::open(config_.effective_database_url(), config_.pool_size);
  storage::migrate(*db_, all_migrations());
  ledger_ = std::make_unique<ledger::Ledger>(ledger::load_or_create_key(config_.ledger_key_path()), 100,
                                             config_.ledger_mark_path());
  tenancy_ = std::make_unique<tenancy::Service>(*db_, profiles_, *ledger_);
  identity_ = std::make_unique<identity::Service>(*db_, *ledger_, config_.identity);

  reference_ = architecture::ReferenceArchitecture::load(config_.profiles_dir / "frameworks" / "reference-architecture.yaml");
  architecture_ = std::make_unique<architecture::Module>(*db_, *tenancy_, reference_, *ledger_);
  std::vector<const tenancy::Profile*> profiles;
  for (const auto& [id, p] : profiles_.all()) profiles.push_back(p.get());
  engine_ = std::make_unique<regulation::Engine>(profiles);
  compliance_ = std::make_unique<regulation::Compliance>(*db_, *tenancy_, *engine_, *ledger_);
  auto* documents = &architecture_->documents;
  compliance_->set_fact_loader([documents](storage::Connection& c, const Scope& s, const tenancy::Profile& p, const std::string& today) {
    return applications::load_facts(c, s, p, *documents, today);
  });
  applications_ = std::make_unique<applications::Service>(*db_, architecture_->elements, *compliance_, *ledger_);
  frameworks_ = std::make_unique<evaluation::FrameworkRegistry>(config_.profiles_dir / "frameworks" / "evaluation");
  register_evidence_sources();
  evaluation_ = std::make_unique<evaluation::Service>(*db_, *tenancy_, *ledger_, *frameworks_, evidence_sources_,
                                                      config_.evaluation);
  gateway::control::Options gateway_options;
  gateway_options.log_dir = config_.gateway_log_dir();
  gateway_options.key_path = config_.gateway_key_path();
  gateway_options.gateway_base_url = config_.gateway_base_url;
  gateway_ = std::make_unique<gateway::control::Service>(*db_, *tenancy_, *ledger_, gateway_options);

  tenancy::register_routes(router_, *tenancy_);
  architecture::register_routes(router_, *architecture_);
  regulation::register_routes(router_, *compliance_);
  applications::register_routes(router_, *applications_);
  evaluation::register_routes(router_, *evaluation_);
  gateway::control::register_routes(router_, *gateway_);
  if (config_.demo) register_demo_upstream(router_);
  identity::TenantDirectory directory{
      [this](const std::optional<std::string>& slug) -> Scope {
        if (slug) {
          auto t = tenancy_->tenant_by_slug(*slug);
          // An unknown tenant answers like a wrong password, so tenant names cannot be probed.
          if (!t) throw Error(ErrorCode::AuthInvalidCredentials);
          return Scope{t->id};
        }
        auto all = tenancy_->tenants();
        if (all.size() != 1) throw Error(ErrorCode::TenantRequired);
        return Scope{all.front().id};
      },
      [this](const Scope& s) -> boost::json::value {
        auto t = tenancy_->tenant(s.tenant_id);
        return tenancy::to_json(t, tenancy_->profile_of(t));
      }};
  identity::register_routes(router_, *identity_, directory);
  register_system_routes(router_, *this);

  http::DispatcherOptions options;
  options.web_root = config_.web_root;
  options.trusted_proxies = http::TrustedProxies(config_.trusted_proxies);
  options.access_log = config_.access_log;
  dispatcher_ = std::make_unique<http::Dispatcher>(router_, identity::make_authenticator(*identity_), options);
  auto* db = db_.get();
  dispatcher_->metrics().add_collector([db] {
    auto s = db->stats();
    return "# HELP simpul_db_pool_connections Database connections by state.\n"
           "# TYPE simpul_db_pool_connections gauge\n"
           "simpul_db_pool_connections{state=\"open\"} " + std::to_string(s.size) + "\n"
           "simpul_db_pool_connections{state=\"idle\"} " + std::to_string(s.idle) + "\n"
           "simpul_db_pool_connections{state=\"max\"} " + std::to_string(s.max_size) + "\n"
           "# HELP simpul_db_pool_waits_total Borrows that waited for a free connection.\n"
           "# TYPE simpul_db_pool_waits_total counter\n"
           "simpul_db_pool_waits_total " + std::to_string(s.waits) + "\n";
  });
}

Platform::~Platform() = default;

void Platform::secure_data_dir() {
  // The database holds password hashes and personal data, the keys sign the ledger: owner only.
  files::ensure_private_directory(config_.data_dir);
  files::ensure_private_directory(config_.data_dir / "keys");
  const std::string url = config_.effective_database_url();
  if (url.rfind("sqlite:", 0) == 0 && url != "sqlite::memory:") {
    std::filesystem::path db_file = url.substr(7);
    files::ensure_private_file(db_file);  // SQLite gives its -wal and -shm files the database file's mode
    for (const char* side : {"-wal", "-shm", "-journal"}) files::tighten_if_exists(db_file.string() + side);
  }
}

void Platform::register_evidence_sources() {
  // Each source lives in the module that owns its records (evaluation/evidence.hpp); a new module
  // adds its own line here and nothing in src/evaluation changes.
  evidence_sources_.add(architecture::architecture_evidence_source());
  evidence_sources_.add(applications::applications_evidence_source());
  evidence_sources_.add(regulation::compliance_evidence_source());
}

}  // namespace simpul::app
