#include "infrastructure/module.hpp"

#include "evaluation/evidence.hpp"
#include "http/api_description.hpp"
#include "infrastructure/facts.hpp"
#include "infrastructure/profile_section.hpp"
#include "infrastructure/bandwidth_repository.hpp"
#include "infrastructure/device_import.hpp"
#include "infrastructure/edit_routes.hpp"
#include "infrastructure/rack_repository.hpp"
#include "infrastructure/repository.hpp"
#include "infrastructure/routes.hpp"
#include "infrastructure/server_import.hpp"
#include "regulation/fact_registry.hpp"

namespace simpul::infrastructure {
/// This module's part of the API contract (openapi.cpp).
std::string_view openapi_fragment();
}  // namespace simpul::infrastructure

namespace simpul::infrastructure {

InfrastructureModule::InfrastructureModule(seam::Services& services)
    : tenancy_(services.get<tenancy::Service>()),
      service_(services.get<storage::Database>(), services.get<tenancy::Service>(),
               services.get<architecture::Service>(), services.get<regulation::Compliance>(),
               services.get<ledger::Ledger>()),
      bandwidth_(services.get<storage::Database>(), services.get<tenancy::Service>(),
                 services.get<architecture::Service>(), services.get<regulation::Compliance>(),
                 services.get<ledger::Ledger>()) {
  services.provide(service_);
}

std::vector<storage::Migration> InfrastructureModule::schema() {
  auto all = Repository::migrations();
  for (auto& m : BandwidthRepository::migrations()) all.push_back(std::move(m));
  for (auto& m : RackRepository::migrations()) all.push_back(std::move(m));
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
  http::describe(router, openapi_fragment());
  http::describe(router, bandwidth_openapi_fragment());
  http::describe(router, server_import_openapi_fragment());
  http::describe(router, edit_openapi_fragment());
  http::describe(router, device_import_openapi_fragment());
}

void InfrastructureModule::register_facts(regulation::FactRegistry& facts) {
  facts.add({"server", "site", "backup_duty", "lan", "device", "bandwidth_month"},
            infrastructure_facts(service_.elements()));
}

void InfrastructureModule::register_evidence(evaluation::EvidenceSources& sources) {
  sources.add(infrastructure_evidence_source(tenancy_, service_.elements()));
}

void InfrastructureModule::add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const {
  add_infrastructure_coverage(p, rows);
}

std::vector<seam::Job> InfrastructureModule::jobs() {
  return {{"infrastructure.bandwidth_month_close", std::chrono::minutes(60), [this] { bandwidth_.close_months(); }}};
}

void InfrastructureModule::seed_demo(const seam::DemoTenant& tenant) { seed_infrastructure_demo(service_, tenant); }

}  // namespace simpul::infrastructure
