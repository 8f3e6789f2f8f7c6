#include "audit/module.hpp"

#include "applications/audit_history.hpp"
#include "applications/service.hpp"
#include "audit/demo.hpp"
#include "audit/evidence.hpp"
#include "audit/facts.hpp"
#include "audit/repository.hpp"
#include "audit/routes.hpp"
#include "http/api_description.hpp"
#include "ledger/ledger.hpp"

namespace simpul::audit {
/// This module's part of the API contract (openapi/*.json).
std::vector<std::string_view> openapi_fragments();
}  // namespace simpul::audit

namespace simpul::audit {

AuditModule::AuditModule(seam::Services& services, bool demo_records)
    : tenancy_(services.get<tenancy::Service>()),
      demo_records_(demo_records),
      service_(services.get<storage::Database>(), tenancy_, services.get<architecture::Service>(),
               services.get<ledger::Ledger>(), services.get<identity::Service>(),
               services.get<notification::Service>()) {
  services.provide(service_);
  // The applications module (above this one in the module list) reads an application's last audit
  // through its own registry; this module supplies it.
  services.get<applications::AuditHistory>().set(
      [this](storage::Connection& c, const Scope& s) { return service_.last_application_audits(c, s); });
  // What the profile's `pemda_built` scope needs: who built each application (its record).
  const auto& applications = services.get<applications::Service>();
  service_.read_builders_with(
      [&applications](storage::Connection& c, const Scope& s) { return applications.builders(c, s); });
  // The last audit dates application records carried before audits were kept here (imported history).
  service_.read_recorded_audits_with(
      [&applications](storage::Connection& c, const Scope& s) { return applications.recorded_audit_dates(c, s); });
}

void AuditModule::register_evidence(evaluation::EvidenceSources& sources) {
  sources.add(audit_evidence_source(service_));
}

// Only a demo instance gets audit records: every other module's tests share the demo organisation
// and would find three more infrastructure elements and their notifications.
void AuditModule::seed_demo(const seam::DemoTenant& tenant) {
  if (demo_records_) seed_audit_demo(service_, tenancy_, tenant);
}

// Follow-up reminders: the due dates are days, so twice a day is soon enough.
std::vector<seam::Job> AuditModule::jobs() {
  return {
      {"audit.remind_follow_ups", std::chrono::minutes(12 * 60), [this] { service_.remind_follow_ups(); }},
      // Application records may be given a last audit date at any time (edit, inventory import).
      {"audit.import_recorded_audits", std::chrono::minutes(12 * 60), [this] { service_.import_recorded_audits(); }}};
}

std::vector<storage::Migration> AuditModule::schema() { return Repository::migrations(); }

void AuditModule::profile_sections(tenancy::ProfileSections& sections) { add_profile_section(sections); }

std::vector<seam::Permission> AuditModule::permissions() const {
  return {{"audit.read", {"*"}, "Membaca audit TIK", "Read ICT audits"},
          {"audit.manage",
           {"tenant_admin", "auditor"},
           "Merencanakan dan mencatat pelaksanaan audit TIK",
           "Plan and record ICT audits"},
          {"audit.follow_up",
           {"tenant_admin"},
           "Mencatat tindak lanjut temuan audit semua Perangkat Daerah",
           "Record follow-up of every agency's audit findings"},
          {"audit.follow_up.own",
           {"agency_operator"},
           "Mencatat tindak lanjut temuan audit Perangkat Daerahnya",
           "Record follow-up of their own agency's audit findings"},
          {"audit.verify",
           {"tenant_admin", "auditor"},
           "Memverifikasi tindak lanjut temuan audit",
           "Verify the follow-up of audit findings"}};
}

void AuditModule::register_routes(http::Router& router) {
  audit::register_routes(router, service_);
  register_history_routes(router, service_);
  audit::register_calendar_routes(router, service_);
  for (auto fragment : openapi_fragments()) http::describe(router, fragment);
}

void AuditModule::register_facts(regulation::FactRegistry& facts) {
  facts.add(fact_subjects(), audit_object_facts(service_));
}

void AuditModule::add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const {
  const auto& a = audit_profile(p);
  // The proving tests are the SIMPUL_PROVES declarations of tests/api/audit_test.cpp.
  auto record = [&](const std::optional<std::string>& rule, const std::string& how) {
    if (rule) seam::add_enforcement(rows, *rule, how);
  };
  record(a.types_rule, "record: an audit programme has one of the region's audit types (`validation.invalid_value`)");
  record(a.aspects_rule, "gate: a programme names the aspects it examines, from the four the article lists");
  record(a.auditor_rule,
         std::string("gate: an external audit names an allowed auditor with its accreditation reference") +
             (a.certified_auditor_allowed ? " (a certified auditor too)" : " (a certified auditor is refused)"));
  for (const auto& t : a.types) {
    record(
        t.scope_rule,
        "record and gate: the objects of " + t.name +
            " are those the article names (listed per type; a programme with another object is refused, `audit.object_not_in_scope`)");
    if (!t.pemda_built_categories.empty())
      record(t.scope_rule, "gate: an application of " + std::to_string(t.pemda_built_categories.size()) +
                               " narrowed categor" + (t.pemda_built_categories.size() == 1 ? "y" : "ies") +
                               " (e.g. Aplikasi Umum) is in scope of " + t.name +
                               " only when its record names a Pemda builder");
    if (t.months > 0)
      record(t.cadence_rule, "record: each object's next due date (" + std::to_string(t.months) +
                                 " months after its last audit) and the due list");
    else
      record(t.cadence_rule,
             "record only: the text says 'berkala' without a period, so objects are listed without a due date");
  }
  record(
      a.internal_audit_rule,
      "gate: the plan shows the internal audit deadline (" + std::to_string(a.internal_lead_months) +
          " month before the external start) and starting the external audit is refused until the internal one is complete by then");
  record(
      a.team_decree_rule,
      "gate: a programme needs the audit team decree (number, date) and is placed under the role's Perangkat Daerah");
  for (const auto& t : a.types)
    record(t.coordination_rule,
           "record: the coordination with " + a.coordination_with + " on a programme of " + t.name +
               " (date, note, the article cited); whether it happened as the text means is not machine-checkable");
  for (const auto& r : a.routing_rules)
    record(r, "record: the routing of the results to " + a.routing_to + " with both dates, in order after the report");
}

}  // namespace simpul::audit
