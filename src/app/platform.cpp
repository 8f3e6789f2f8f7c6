#include "app/platform.hpp"

#include "app/demo_upstream.hpp"
#include "app/system_routes.hpp"
#include "applications/module.hpp"
#include "architecture/architecture_module.hpp"
#include "audit/module.hpp"
#include "core/crypto.hpp"
#include "core/private_files.hpp"
#include "evaluation/module.hpp"
#include "gateway/control/module.hpp"
#include "identity/module.hpp"
#include "identity/roles.hpp"
#include "infrastructure/module.hpp"
#include "ledger/module.hpp"
#include "notification/module.hpp"
#include "planning/module.hpp"
#include "regulation/module.hpp"
#include "servicedesk/module.hpp"
#include "storage/blob_store.hpp"
#include "storage/migrations.hpp"
#include "tenancy/module.hpp"

namespace simpul::app {
namespace {

gateway::control::Options gateway_options(const Config& c) {
  gateway::control::Options o;
  o.log_dir = c.gateway_log_dir();
  o.key_path = c.gateway_key_path();
  o.gateway_base_url = c.gateway_base_url;
  return o;
}

// The one list of modules, in dependency order (docs/adding-a-module.md): each line names a module
// and what its constructor takes besides seam::Services. A module finds the services of the
// modules above it.
template <typename List>
void module_list(List& list, const Config& c) {
  list.template add<tenancy::TenancyModule>();
  // Notification before identity: a password reset link goes out by e-mail (docs/identity.md).
  list.template add<notification::NotificationModule>(c.data_dir / "smtp.conf");
  list.template add<identity::IdentityModule>(c.identity);
  list.template add<ledger::LedgerModule>();
  list.template add<architecture::ArchitectureModule>(c.profiles_dir);
  list.template add<regulation::ComplianceModule>(c.compliance_every);
  list.template add<applications::ApplicationsModule>();
  list.template add<evaluation::EvaluationModule>(c.profiles_dir, c.evaluation);
  list.template add<gateway::control::GatewayModule>(gateway_options(c));
  list.template add<infrastructure::InfrastructureModule>();
  list.template add<servicedesk::ServiceDeskModule>();
  list.template add<audit::AuditModule>(c.demo);
  list.template add<planning::PlanningModule>(c.demo);
}

/// Walks the list for what is known before any module exists: the schema, and the profile
/// sections modules parse (a module class may have `static void profile_sections(ProfileSections&)`).
struct StaticCollector {
  std::vector<storage::Migration> migrations;
  tenancy::ProfileSections sections;
  template <typename M, typename... Args>
  void add(Args&&...) {
    auto m = M::schema();
    migrations.insert(migrations.end(), m.begin(), m.end());
    if constexpr (requires(tenancy::ProfileSections & s) { M::profile_sections(s); }) M::profile_sections(sections);
  }
};

StaticCollector collect_static() {
  StaticCollector c;
  module_list(c, Config{});
  return c;
}

}  // namespace

std::string Config::effective_database_url() const {
  return database_url.empty() ? "sqlite:" + (data_dir / "simpul.db").string() : database_url;
}

std::vector<storage::Migration> all_migrations() {
  auto all = storage::blob_store_migrations();  // the storage layer's own tables, below every module
  auto modules = collect_static().migrations;
  all.insert(all.end(), std::make_move_iterator(modules.begin()), std::make_move_iterator(modules.end()));
  return all;
}

tenancy::ProfileRegistry load_profiles(const std::filesystem::path& dir) {
  return tenancy::ProfileRegistry::load_directory(dir, collect_static().sections);
}

Platform::Platform(Config config) : config_(std::move(config)), profiles_(load_profiles(config_.profiles_dir)) {
  crypto::init();
  secure_data_dir();
  db_ = storage::Database::open(config_.effective_database_url(), config_.pool_size);
  storage::migrate(*db_, all_migrations());
  ledger_ = std::make_unique<ledger::Ledger>(ledger::load_or_create_key(config_.ledger_key_path()), 100,
                                             config_.ledger_mark_path());
  // What every module may take from the platform itself.
  services_.provide(*db_);
  services_.provide(profiles_);
  services_.provide(*ledger_);

  module_list(*this, config_);

  std::vector<seam::Permission> permissions;
  for (const auto& m : modules_) {
    auto p = m->permissions();
    permissions.insert(permissions.end(), p.begin(), p.end());
  }
  identity::install_permissions(std::move(permissions));
  auto& facts = service<regulation::FactRegistry>();
  auto& evidence = service<evaluation::EvidenceSources>();
  for (const auto& m : modules_) {
    m->register_routes(router_);
    m->register_facts(facts);
    m->register_evidence(evidence);
  }
  facts.check_subjects(profiles_);
  if (config_.demo) register_demo_upstream(router_);
  register_system_routes(router_, *this);

  http::DispatcherOptions options;
  options.web_root = config_.web_root;
  options.access_log = config_.access_log;
  options.trusted_proxies = http::TrustedProxies(config_.trusted_proxies);
  dispatcher_ = std::make_unique<http::Dispatcher>(
      router_, identity::make_authenticator(identity(), service<identity::Accounts>()), options);
  auto* db = db_.get();
  dispatcher_->metrics().add_collector([db] {
    auto s = db->stats();
    return "# HELP simpul_db_pool_connections Database connections by state.\n"
           "# TYPE simpul_db_pool_connections gauge\n"
           "simpul_db_pool_connections{state=\"open\"} " +
           std::to_string(s.size) +
           "\n"
           "simpul_db_pool_connections{state=\"idle\"} " +
           std::to_string(s.idle) +
           "\n"
           "simpul_db_pool_connections{state=\"max\"} " +
           std::to_string(s.max_size) +
           "\n"
           "# HELP simpul_db_pool_waits_total Borrows that waited for a free connection.\n"
           "# TYPE simpul_db_pool_waits_total counter\n"
           "simpul_db_pool_waits_total " +
           std::to_string(s.waits) + "\n";
  });
}

Platform::~Platform() = default;

std::vector<seam::Job> Platform::jobs() {
  std::vector<seam::Job> out;
  for (const auto& m : modules_) {
    auto j = m->jobs();
    out.insert(out.end(), std::make_move_iterator(j.begin()), std::make_move_iterator(j.end()));
  }
  return out;
}

void Platform::seed_demo(const seam::DemoTenant& tenant) {
  for (const auto& m : modules_) m->seed_demo(tenant);
}

seam::CoverageRows Platform::coverage(const tenancy::Profile& profile) const {
  seam::CoverageRows rows;
  for (const auto& m : modules_) m->add_coverage(profile, rows);
  return rows;
}

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

}  // namespace simpul::app
