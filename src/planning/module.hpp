#pragma once
// Rencana dan Anggaran SPBE on the module seam (docs/plan-and-budget.md).
#include "planning/service.hpp"
#include "seam/module.hpp"

namespace simpul::planning {

class PlanningModule : public seam::Module {
 public:
  /// Needs storage::Database, tenancy::Service, architecture::Service, architecture::Roadmap and
  /// ledger::Ledger; provides planning::Service.
  explicit PlanningModule(seam::Services& services);
  std::string_view id() const override { return "planning"; }
  /// This module's tables (1300-1349) and the duplicate finder's (1350-1399).
  static std::vector<storage::Migration> schema();
  static void profile_sections(tenancy::ProfileSections& sections);
  std::vector<seam::Permission> permissions() const override;
  void register_routes(http::Router& router) override;
  void register_facts(regulation::FactRegistry& facts) override;
  void register_evidence(evaluation::EvidenceSources& sources) override;
  void add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const override;

 private:
  const tenancy::Service& tenancy_;
  Service service_;
};

}  // namespace simpul::planning
