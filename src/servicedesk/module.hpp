#pragma once
// Layanan SPBE's service desk on the module seam (docs/service-desk.md).
#include "seam/module.hpp"
#include "servicedesk/catalogue.hpp"
#include "servicedesk/monitoring.hpp"
#include "servicedesk/service.hpp"

namespace simpul::servicedesk {

class ServiceDeskModule : public seam::Module {
 public:
  /// Needs storage::Database, tenancy::Service, identity::Service, architecture::Service,
  /// ledger::Ledger and notification::Service; provides servicedesk::Service.
  explicit ServiceDeskModule(seam::Services& services);
  std::string_view id() const override { return "servicedesk"; }
  static std::vector<storage::Migration> schema();
  static void profile_sections(tenancy::ProfileSections& sections);
  std::vector<seam::Permission> permissions() const override;
  void register_routes(http::Router& router) override;
  void register_facts(regulation::FactRegistry& facts) override;
  void add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const override;
  void seed_demo(const seam::DemoTenant& tenant) override;
  /// servicedesk.inbound_mail (every minute, when $SIMPUL_INBOUND_MAILDIR names the root of the
  /// tenants' Maildirs, `<root>/<tenant slug>/`) and servicedesk.daily_digest (hourly; once a day).
  std::vector<seam::Job> jobs() override;

 private:
  const identity::Service& identity_;
  const tenancy::Service& tenancy_;
  Service service_;
  Monitoring monitoring_;  // the monitoring key and alerts (monitoring.hpp)
  Catalogue catalogue_;    // the Layanan SPBE catalogue (catalogue.hpp)
  std::filesystem::path inbound_root_;
};

}  // namespace simpul::servicedesk
