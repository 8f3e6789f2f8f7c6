#pragma once
// Infrastruktur SPBE on the module seam (docs/infrastructure.md).
#include <memory>

#include "infrastructure/bandwidth.hpp"
#include "infrastructure/service.hpp"
#include "infrastructure/service_review.hpp"
#include "seam/module.hpp"

namespace simpul::tenancy {
class ProfileSections;
}
namespace simpul::evaluation {
class EvidenceSource;
}

namespace simpul::infrastructure {

class InfrastructureModule : public seam::Module {
 public:
  /// Needs storage::Database, tenancy::Service, architecture::Service, regulation::Compliance and
  /// ledger::Ledger (and notification::Service for the review reminder); provides infrastructure::Service;
  /// registers its roadmap gate with architecture::Roadmap.
  explicit InfrastructureModule(seam::Services& services);
  std::string_view id() const override { return "infrastructure"; }
  static std::vector<storage::Migration> schema();
  static void profile_sections(tenancy::ProfileSections& sections);
  std::vector<seam::Permission> permissions() const override;
  void register_routes(http::Router& router) override;
  void register_facts(regulation::FactRegistry& facts) override;
  void add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const override;
  /// Live evidence for the Pusat Data and Jaringan Intra indicators (evidence.cpp).
  void register_evidence(evaluation::EvidenceSources& sources) override;
  void seed_demo(const seam::DemoTenant& tenant) override;
  /// The month close: the last closed month's bandwidth evaluation where monitoring posted samples.
  std::vector<seam::Job> jobs() override;

 private:
  const tenancy::Service& tenancy_;
  Service service_;
  BandwidthService bandwidth_;
  ServiceReviews reviews_;  // the yearly Pusat Data service review (service_review.hpp)
};

std::unique_ptr<evaluation::EvidenceSource> infrastructure_evidence_source(const tenancy::Service& tenancy,
                                                                           const architecture::Service& elements);
/// How this module enforces the profile's infrastructure rules (coverage.cpp).
void add_infrastructure_coverage(const tenancy::Profile& p, seam::CoverageRows& rows);
/// A few sites, racks, requests and backup duties for a demo tenant (demo.cpp).
void seed_infrastructure_demo(Service& service, const seam::DemoTenant& tenant);

}  // namespace simpul::infrastructure
