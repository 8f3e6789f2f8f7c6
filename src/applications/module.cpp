#include "http/api_description.hpp"
#include "applications/module.hpp"

#include "applications/evidence.hpp"
#include "applications/facts.hpp"
#include "applications/repository.hpp"
#include "applications/routes.hpp"
#include "applications/source_archive.hpp"
#include "evaluation/evidence.hpp"
#include "ledger/ledger.hpp"

namespace simpul::applications {
/// This module's part of the API contract (openapi/*.json).
std::vector<std::string_view> openapi_fragments();
}  // namespace simpul::applications

namespace simpul::applications {

ApplicationsModule::ApplicationsModule(seam::Services& services)
    : service_(services.get<storage::Database>(), services.get<tenancy::Service>(),
               services.get<architecture::Service>(), services.get<regulation::Compliance>(),
               services.get<ledger::Ledger>()),
      audit_notices_(services.get<storage::Database>(), services.get<tenancy::Service>(), service_,
                     services.get<identity::Service>(), services.get<notification::Service>(),
                     services.get<ledger::Ledger>()) {
  services.provide(service_);
  services.provide(service_.audit_history());  // the audit module sets its provider
}

std::vector<storage::Migration> ApplicationsModule::schema() { return Repository::migrations(); }

std::vector<seam::Permission> ApplicationsModule::permissions() const {
  return {{"applications.read", {"*"}, "Membaca daftar Aplikasi SPBE", "Read the application register"},
          {"applications.write",
           {"tenant_admin"},
           "Mengelola aplikasi semua Perangkat Daerah",
           "Manage every agency's applications"},
          {"applications.write.own",
           {"agency_operator"},
           "Mengelola aplikasi Perangkat Daerahnya",
           "Manage their own agency's applications"},
          {"applications.recommend",
           {"tenant_admin", "technical_reviewer"},
           "Memutus permohonan rekomendasi aplikasi",
           "Decide application recommendation requests"}};
}

std::vector<seam::Job> ApplicationsModule::jobs() {
  return {{"applications.audit_notices", std::chrono::minutes(60), [this] { audit_notices_.run(); }}};
}

void ApplicationsModule::register_routes(http::Router& router) {
  applications::register_routes(router, service_);
  for (auto fragment : openapi_fragments()) http::describe(router, fragment);
}

void ApplicationsModule::register_facts(regulation::FactRegistry& facts) {
  facts.add({"application"}, application_facts(service_.elements(), service_.audit_history()));
  facts.add_gate_subject("recommendation");  // the approval chain of a recommendation decision
}

void ApplicationsModule::register_evidence(evaluation::EvidenceSources& sources) {
  sources.add(applications_evidence_source(service_.elements(), &service_.audit_history()));
}

void ApplicationsModule::add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const {
  auto record = [&](const std::optional<std::string>& rule, const std::string& how) {
    if (rule && !rows.count(*rule)) seam::add_enforcement(rows, *rule, how);
  };
  const auto& a = p.applications;
  // Madiun Pasal 24 ayat (4): checked at upload and confirmed by a reviewer (before the generic handover row).
  if (auto source = source_code_rule(p); source && !rows.count(*source))
    seam::add_enforcement(
        rows, *source,
        "gate: the source code is an archive of source files, not a binary (`validation.invalid_value` citing the article); a Dinas "
        "reviewer confirms the per-procedure explanations before it counts as handed over");
  record(a.lifecycle_rule,
         "record: the lifecycle stages an application moves through (`/api/applications/{id}/stage`)");
  record(a.recommendation_rule, "workflow: recommendation request and decision by Diskominfo");
  record(a.handover_rule, "record: the handover documents kept in the Repositori (SHA-256 content-addressed)");
  record(a.similar_rule, "record: the justification conditions of an application sejenis Aplikasi Umum");
  if (const auto* categories = p.enumeration(a.categories); categories && !categories->rule.empty())
    record(categories->rule,
           "gate: an application's category is one the regulation lists (`validation.invalid_value`)");
}

}  // namespace simpul::applications
