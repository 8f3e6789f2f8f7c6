#pragma once
// Rencana dan Anggaran SPBE on the module seam (docs/plan-and-budget.md).
#include "planning/service.hpp"
#include "seam/module.hpp"

namespace simpul::planning {

class PlanningModule : public seam::Module {
 public:
  /// Needs storage::Database, tenancy::Service, architecture::Service, architecture::Roadmap and
  /// ledger::Ledger; provides planning::Service. `demo_records`: seed_demo fills a demo tenant
  /// (`serve --demo`); the API tests' tenants start empty.
  PlanningModule(seam::Services& services, bool demo_records);
  std::string_view id() const override { return "planning"; }
  /// This module's tables (1300-1349) and the duplicate finder's (1350-1399).
  static std::vector<storage::Migration> schema();
  static void profile_sections(tenancy::ProfileSections& sections);
  std::vector<seam::Permission> permissions() const override;
  void register_routes(http::Router& router) override;
  void register_facts(regulation::FactRegistry& facts) override;
  void register_evidence(evaluation::EvidenceSources& sources) override;
  void add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const override;
  void seed_demo(const seam::DemoTenant& tenant) override;

 private:
  const tenancy::Service& tenancy_;
  architecture::Service& elements_;
  architecture::Roadmap& roadmap_;
  bool demo_records_;
  Service service_;
};

}  // namespace simpul::planning
