#pragma once
// Audit TIK on the module seam (docs/ict-audit.md).
#include "audit/service.hpp"
#include "seam/module.hpp"

namespace simpul::audit {

class AuditModule : public seam::Module {
 public:
  /// Needs storage::Database, tenancy::Service, architecture::Service, ledger::Ledger, identity::Service and
  /// notification::Service; provides audit::Service.
  /// `demo_records`: seed_demo fills a demo tenant (`serve --demo`); the API tests' tenants start empty.
  AuditModule(seam::Services& services, bool demo_records);
  std::string_view id() const override { return "audit"; }
  static std::vector<storage::Migration> schema();
  static void profile_sections(tenancy::ProfileSections& sections);
  std::vector<seam::Permission> permissions() const override;
  void register_routes(http::Router& router) override;
  void register_facts(regulation::FactRegistry& facts) override;
  void register_evidence(evaluation::EvidenceSources& sources) override;
  void add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const override;
  void seed_demo(const seam::DemoTenant& tenant) override;
  std::vector<seam::Job> jobs() override;

 private:
  tenancy::Service& tenancy_;
  bool demo_records_;
  Service service_;
};

}  // namespace simpul::audit
