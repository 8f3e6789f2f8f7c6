#include "servicedesk/module.hpp"

#include <cstdlib>
#include <memory>
#include <set>

#include "core/log.hpp"
#include "http/api_description.hpp"
#include "servicedesk/profile_section.hpp"
#include "servicedesk/repository.hpp"
#include "servicedesk/routes.hpp"
#include "servicedesk/search_repository.hpp"
#include "servicedesk/sla_repository.hpp"
#include "servicedesk/target_repository.hpp"

namespace simpul::servicedesk {
/// This module's part of the API contract (openapi/*.json).
std::vector<std::string_view> openapi_fragments();

ServiceDeskModule::ServiceDeskModule(seam::Services& services)
    : identity_(services.get<identity::Service>()),
      tenancy_(services.get<tenancy::Service>()),
      service_(services.get<storage::Database>(), tenancy_, identity_, services.get<architecture::Service>(),
               services.get<ledger::Ledger>(), services.get<notification::Service>()),
      monitoring_(services.get<storage::Database>(), service_, services.get<architecture::Service>(),
                  services.get<ledger::Ledger>()),
      catalogue_(services.get<storage::Database>(), service_, tenancy_, services.get<architecture::Service>(),
                 services.get<ledger::Ledger>()) {
  services.provide(service_);
  if (const char* root = std::getenv("SIMPUL_INBOUND_MAILDIR"); root && *root) inbound_root_ = root;
}

std::vector<seam::Job> ServiceDeskModule::jobs() {
  std::vector<seam::Job> out;
  if (!inbound_root_.empty())
    out.push_back(
        {"servicedesk.inbound_mail", std::chrono::minutes(1), [this] {
           for (const auto& t : tenancy_.tenants()) {
             try {
               auto r = service_.receive_mail(Scope{t.id}, inbound_root_ / t.slug);
               if (r.opened + r.commented + r.refused > 0)
                 log::info(
                     "servicedesk.mail_read",
                     {{"tenant", t.slug}, {"opened", r.opened}, {"commented", r.commented}, {"refused", r.refused}});
             } catch (const std::exception& e) {
               log::error("servicedesk.mail_failed", {{"tenant", t.slug}, {"error", e.what()}});
             }
           }
         }});
  out.push_back({"servicedesk.daily_digest", std::chrono::minutes(60), [this] {
                   for (const auto& t : tenancy_.tenants()) {
                     try {
                       if (int told = service_.send_digest(Scope{t.id}); told > 0)
                         log::info("servicedesk.digest_sent", {{"tenant", t.slug}, {"staff", told}});
                     } catch (const std::exception& e) {
                       log::error("servicedesk.digest_failed", {{"tenant", t.slug}, {"error", e.what()}});
                     }
                   }
                 }});
  // Tickets opened before the SLA clocks were stored on the ticket (migration 1109) get theirs
  // recomputed from their events, a thousand per tenant and minute, until none is left; every
  // ticket opened since has one, so a tenant found complete is not scanned again by this process.
  auto complete = std::make_shared<std::set<std::string>>();
  out.push_back({"servicedesk.sla_clocks", std::chrono::minutes(1), [this, complete] {
                   for (const auto& t : tenancy_.tenants()) {
                     if (complete->count(t.id)) continue;
                     try {
                       int stored = service_.store_missing_clocks(Scope{t.id}, 1000);
                       if (stored == 0) complete->insert(t.id);
                       if (stored > 0)
                         log::info("servicedesk.sla_clocks_stored", {{"tenant", t.slug}, {"tickets", stored}});
                     } catch (const std::exception& e) {
                       log::error("servicedesk.sla_clocks_failed", {{"tenant", t.slug}, {"error", e.what()}});
                     }
                   }
                 }});
  out.push_back({"servicedesk.sla_watch", std::chrono::minutes(5), [this] {
                   for (const auto& t : tenancy_.tenants()) {
                     try {
                       if (int n = service_.watch_sla(Scope{t.id}); n > 0)
                         log::info("servicedesk.sla_watched", {{"tenant", t.slug}, {"events", n}});
                     } catch (const std::exception& e) {
                       log::error("servicedesk.sla_watch_failed", {{"tenant", t.slug}, {"error", e.what()}});
                     }
                   }
                 }});
  return out;
}

std::vector<storage::Migration> ServiceDeskModule::schema() {
  auto out = Repository::migrations();
  for (auto& m : MonitoringRepository::migrations()) out.push_back(std::move(m));
  for (auto& m : knowledge_search_migrations()) out.push_back(std::move(m));
  for (auto& m : CatalogueRepository::migrations()) out.push_back(std::move(m));
  for (auto& m : SlaRepository::migrations()) out.push_back(std::move(m));
  for (auto& m : TargetRepository::migrations()) out.push_back(std::move(m));
  return out;
}

void ServiceDeskModule::profile_sections(tenancy::ProfileSections& sections) { add_profile_section(sections); }

std::vector<seam::Permission> ServiceDeskModule::permissions() const {
  return {{"servicedesk.use",
           {"*"},
           "Membuka dan mengikuti tiket layanan; petugas meja layanan menangani antreannya",
           "Open and follow service tickets; desk staff work their queue"},
          {"servicedesk.manage",
           {"tenant_admin"},
           "Mengelola meja layanan: petugas, kategori, hari libur, semua tiket",
           "Manage the service desk: staff, categories, holidays, every ticket"},
          {"servicedesk.supervise",
           {"tenant_admin", "auditor"},
           "Mengawasi semua tiket dan laporan meja layanan",
           "Supervise every ticket and the desk's reports"}};
}

void ServiceDeskModule::register_routes(http::Router& router) {
  servicedesk::register_routes(router, service_);
  servicedesk::register_knowledge_routes(router, service_);
  servicedesk::register_monitoring_routes(router, monitoring_);
  servicedesk::register_catalogue_routes(router, catalogue_);
  for (auto fragment : openapi_fragments()) http::describe(router, fragment);
}

void ServiceDeskModule::register_facts(regulation::FactRegistry& facts) {
  facts.add({"service_desk"}, service_.facts());
  facts.add({"desk_service"}, catalogue_.facts());
}

void ServiceDeskModule::add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const {
  const auto& d = rules_of(p);
  // The proving tests are the SIMPUL_PROVES declarations (tests/api/servicedesk*_test.cpp).
  auto add = [&](const std::optional<std::string>& rule, const std::string& how) {
    if (rule && !rule->empty()) seam::add_enforcement(rows, *rule, how);
  };
  add(d.types_rule.empty() ? std::nullopt : std::optional<std::string>(d.types_rule),
      "gate: a ticket's type is one of the five the regulation lists (`servicedesk.type_not_listed`, with the article)");
  if (d.tiers == 2) {
    add(d.level1_rule, "workflow: a ticket opens in the requester's PD Level 1 queue (single point of contact)");
    add(d.level2_rule,
        d.level2_direct_for_dinas_services
            ? (d.dinas_services_from_catalogue
                   ? "workflow: a ticket asked of Level 2 directly stays there only for a service the Dinas itself provides (a Layanan SPBE catalogue service the Dinas owns, or else an affected element the Dinas owns); otherwise it is redirected to the PD's Level 1 with this article"
                   : "workflow: a ticket asked of Level 2 directly stays there only for a service the Dinas itself provides; otherwise it is redirected to the PD's Level 1 with this article")
            : "workflow: Level 2 takes only what Level 1 escalates; a ticket asked of it directly is redirected to the PD's Level 1 with this article");
    add(d.escalation_rule,
        "workflow: escalation Level 1 -> Level 2 is an explicit step recorded in the timeline and the ledger with this article (`/api/servicedesk/tickets/{id}/escalate`)");
    add(d.level1_duty_rule,
        "gate: a ticket at Level 1 is worked (assigned, started, pended, resolved, escalated, noted, shared) only by the "
        "Level 1 staff of the PD whose queue holds it; Level 2 is refused until Level 1 escalates it "
        "(`servicedesk.not_queue_staff`, with the article)");
    add(d.level2_duty_rule,
        "gate: an escalated ticket is worked only by Level 2 until it is resolved or returned with a note; the PD's "
        "Level 1 is refused (`servicedesk.not_queue_staff`, with the article)");
    add(d.level1_staffing_rule,
        "finding: a PD without a Level 1 staff member or unit (subject `service_desk`, field `level1`)");
    add(d.level2_staffing_rule,
        "gate: Level 2 staff must belong to the Dinas (`servicedesk.level2_outside_dinas`, with the article); finding: the Dinas without Level 2 staff");
  } else {
    add(d.structure_rule,
        "refusal: no Level 2 and no escalation where the regulation defines none (`servicedesk.no_level2`, with the article)");
  }
  add(d.desk_required_rule,
      "finding: a PD running SPBE services (a live Layanan element it owns) without a service desk (subject `service_desk`, field `has_desk`)");
  add(d.service_kinds_rule,
      "vocabulary: a Layanan SPBE catalogue service is classified as administrasi pemerintahan or publik, in one of the "
      "areas or sectors the region's text lists (`kind`, `area`; the catalogue screen groups by them)");
  add(d.aplikasi_umum_rule,
      "finding: a public service in the catalogue running on no Aplikasi Umum and without a recorded reason for its "
      "Aplikasi Khusus (subject `desk_service`, field `uses_aplikasi_umum`); 'mengutamakan' is a priority, not a ban, so "
      "it is a finding, never a refusal");
  add(d.sop_rule, "finding: a PD's desk without its SOP reference (Keputusan Bupati) (field `sop_reference`)");
  add(d.report_rule,
      "finding: a desk whose periodic report to the Kominfo PD is late (periodic-duty on `last_report_date`; the period is the profile's `report_every_months`, the text says only 'berkala')");
}

void ServiceDeskModule::seed_demo(const seam::DemoTenant& tenant) {
  Caller system{tenant.scope, Actor{"system", "Data contoh", ""}, true, true};
  for (const char* name : {"Perangkat keras", "Aplikasi", "Jaringan dan internet", "Akun dan kata sandi"})
    service_.add_category(system, name, "");
  for (const auto& h :
       std::vector<Holiday>{{"2026-12-25", "Hari Raya Natal"}, {"2027-01-01", "Tahun Baru 2027 Masehi"}})
    service_.add_holiday(system, h);
  const auto& rules = rules_of(tenancy_.profile_of(tenant.scope));
  auto add = [&](const char* username, int tier) {
    if (auto u = identity_.user_by_username(tenant.scope, username)) {
      try {
        service_.add_agent(system, u->id, tier);
      } catch (const Error&) {
        // a demo user outside the Dinas cannot staff Level 2; the demo goes on without it
      }
    }
  };
  add("op.dinkes", 1);
  add("op.disdukcapil", 1);
  add("penelaah.kominfo", rules.tiers == 2 ? 2 : 1);
}

}  // namespace simpul::servicedesk
