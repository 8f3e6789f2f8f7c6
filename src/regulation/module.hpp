#pragma once
// Compliance on the module seam: the engine over every profile's rule instances, the facts
// registry other modules fill, findings, waivers, sanctions and the scheduled evaluation.
#include <chrono>

#include "regulation/due_notices.hpp"
#include "regulation/engine.hpp"
#include "regulation/fact_registry.hpp"
#include "regulation/service.hpp"
#include "seam/module.hpp"

namespace simpul::regulation {

class ComplianceModule : public seam::Module {
 public:
  /// Needs storage::Database, tenancy::ProfileRegistry, tenancy::Service, ledger::Ledger,
  /// identity::Service and notification::Service; provides Engine, FactRegistry and Compliance.
  /// Every tenant is evaluated at start and then every `evaluate_every` (0 = never on its own); the
  /// due notices run hourly whatever it is.
  ComplianceModule(seam::Services& services, std::chrono::minutes evaluate_every);
  std::string_view id() const override { return "compliance"; }
  static std::vector<storage::Migration> schema();
  std::vector<seam::Permission> permissions() const override;
  void register_routes(http::Router& router) override;
  void register_evidence(evaluation::EvidenceSources& sources) override;
  void add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const override;
  std::vector<seam::Job> jobs() override;

  /// One evaluation of every tenant; failures are logged per tenant and never stop the others.
  void evaluate_all();

 private:
  tenancy::Service& tenancy_;
  Engine engine_;
  FactRegistry facts_;
  Compliance compliance_;
  DueNotices due_notices_;
  std::chrono::minutes evaluate_every_;
};

}  // namespace simpul::regulation
