#pragma once
// Aplikasi SPBE on the module seam (docs/applications.md).
#include "applications/audit_notices.hpp"
#include "applications/service.hpp"
#include "seam/module.hpp"

namespace simpul::applications {

class ApplicationsModule : public seam::Module {
 public:
  /// Needs storage::Database, tenancy::Service, architecture::Service, regulation::Compliance,
  /// ledger::Ledger, identity::Service and notification::Service; provides applications::Service.
  explicit ApplicationsModule(seam::Services& services);
  std::string_view id() const override { return "applications"; }
  static std::vector<storage::Migration> schema();
  std::vector<seam::Permission> permissions() const override;
  void register_routes(http::Router& router) override;
  void register_facts(regulation::FactRegistry& facts) override;
  void register_evidence(evaluation::EvidenceSources& sources) override;
  void add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const override;
  /// The audit due notices, hourly (each once per application and date).
  std::vector<seam::Job> jobs() override;

 private:
  Service service_;
  AuditNotices audit_notices_;
};

}  // namespace simpul::applications
