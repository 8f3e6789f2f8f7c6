#include "infrastructure/module.hpp"

#include "architecture/roadmap.hpp"
#include "evaluation/evidence.hpp"
#include "http/api_description.hpp"
#include "infrastructure/facts.hpp"
#include "infrastructure/follow_up.hpp"
#include "infrastructure/service_review_repository.hpp"
#include "notification/service.hpp"
#include "infrastructure/profile_section.hpp"
#include "infrastructure/attestation_repository.hpp"
#include "infrastructure/bandwidth_repository.hpp"
#include "infrastructure/device_import.hpp"
#include "infrastructure/edit_routes.hpp"
#include "infrastructure/rack_repository.hpp"
#include "infrastructure/repository.hpp"
#include "infrastructure/routes.hpp"
#include "infrastructure/server_import.hpp"
#include "regulation/fact_registry.hpp"

namespace simpul::infrastructure {
/// This module's part of the API contract (openapi/*.json).
std::vector<std::string_view> openapi_fragments();
}  // namespace simpul::infrastructure

namespace simpul::infrastructure {

InfrastructureModule::InfrastructureModule(seam::Services& services)
    : tenancy_(services.get<tenancy::Service>()),
      service_(services.get<storage::Database>(), services.get<tenancy::Service>(),
               services.get<architecture::Service>(), services.get<regulation::Compliance>(),
               services.get<ledger::Ledger>()),
      bandwidth_(services.get<storage::Database>(), services.get<tenancy::Service>(),
                 services.get<architecture::Service>(), services.get<regulation::Compliance>(),
                 services.get<ledger::Ledger>()),
      reviews_(services.get<storage::Database>(), services.get<tenancy::Service>(), services.get<ledger::Ledger>(),
               services.get<notification::Service>()) {
  services.provide(service_);
  // Lampung Timur Pasal 17 ayat (9) on the roadmap: the architecture asks this module (follow_up.hpp).
  services.get<architecture::Roadmap>().gates().add(
      pd_data_centre_gate(services.get<architecture::Service>(), services.get<regulation::Compliance>()));
}

std::vector<storage::Migration> InfrastructureModule::schema() {
  auto all = Repository::migrations();
  for (auto& m : BandwidthRepository::migrations()) all.push_back(std::move(m));
  for (auto& m : RackRepository::migrations()) all.push_back(std::move(m));
  for (auto& m : ServiceReviewRepository::migrations()) all.push_back(std::move(m));
  for (auto& m : AttestationRepository::migrations()) all.push_back(std::move(m));
  return all;
}

void InfrastructureModule::profile_sections(tenancy::ProfileSections& sections) { add_profile_section(sections); }

std::vector<seam::Permission> InfrastructureModule::permissions() const {
  return {{"infrastructure.read",
           {"*"},
           "Membaca Pusat Data, cadangan, dan Jaringan Intra",
           "Read the data centre, backups and intranet"},
          {"infrastructure.write",
           {"tenant_admin", "technical_reviewer"},
           "Mengelola infrastruktur semua Perangkat Daerah",
           "Manage every agency's infrastructure"},
          {"infrastructure.write.own",
           {"agency_operator"},
           "Mengelola infrastruktur Perangkat Daerahnya",
           "Manage their own agency's infrastructure"},
          {"infrastructure.decide",
           {"tenant_admin", "technical_reviewer"},
           "Memutus permohonan kolokasi/VPS dan menilai ruang server (Dinas)",
           "Decide colocation/VPS requests and assess server rooms (Dinas)"}};
}

void InfrastructureModule::register_routes(http::Router& router) {
  infrastructure::register_routes(router, service_);
  register_bandwidth_routes(router, bandwidth_, service_);
  register_server_import_routes(router, service_);
  register_edit_routes(router, service_, bandwidth_);
  register_device_import_routes(router, service_);
  register_attestation_routes(router, service_);
  for (auto fragment : openapi_fragments()) http::describe(router, fragment);
  register_follow_up_routes(router, bandwidth_, reviews_);
}

void InfrastructureModule::register_facts(regulation::FactRegistry& facts) {
  facts.add({"server", "site", "backup_duty", "lan", "device", "bandwidth_month", "jaringan_intra", "fasilitas_dinas"},
            infrastructure_facts(service_.elements()));
}

void InfrastructureModule::register_evidence(evaluation::EvidenceSources& sources) {
  sources.add(infrastructure_evidence_source(tenancy_, service_.elements()));
}

void InfrastructureModule::add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const {
  add_follow_up_coverage(p, rows);  // first: the module's rows mark every rule left over as not yet enforced
  add_infrastructure_coverage(p, rows);
}

std::vector<seam::Job> InfrastructureModule::jobs() {
  return {{"infrastructure.bandwidth_month_close", std::chrono::minutes(60), [this] { bandwidth_.close_months(); }},
          // The yearly Pusat Data service review ('dapat'): one inbox reminder per year where the region has it.
          {"infrastructure.service_review_reminder", std::chrono::minutes(360), [this] { reviews_.remind(); }}};
}

void InfrastructureModule::seed_demo(const seam::DemoTenant& tenant) { seed_infrastructure_demo(service_, tenant); }

}  // namespace simpul::infrastructure
