#include "planning/module.hpp"

#include "evaluation/evidence.hpp"
#include "http/api_description.hpp"
#include "planning/demo.hpp"
#include "planning/duplicates/index.hpp"
#include "planning/evidence.hpp"
#include "planning/facts.hpp"
#include "planning/repository.hpp"
#include "planning/routes.hpp"
#include "planning/routes_import.hpp"

namespace simpul::planning {
/// This module's part of the API contract (openapi/*.json).
std::vector<std::string_view> openapi_fragments();
}  // namespace simpul::planning

namespace simpul::planning {

PlanningModule::PlanningModule(seam::Services& services, bool demo_records)
    : tenancy_(services.get<tenancy::Service>()),
      elements_(services.get<architecture::Service>()),
      roadmap_(services.get<architecture::Roadmap>()),
      demo_records_(demo_records),
      service_(services.get<storage::Database>(), tenancy_, elements_, roadmap_, services.get<ledger::Ledger>()) {
  services.provide(service_);
}

// Only a demo instance gets budget records: the API tests share the demo organisation and count
// their own cycles.
void PlanningModule::seed_demo(const seam::DemoTenant& tenant) {
  if (demo_records_) seed_planning_demo(service_, tenancy_, elements_, roadmap_, tenant);
}

std::vector<storage::Migration> PlanningModule::schema() {
  auto out = Repository::migrations();
  for (auto& m : duplicates::migrations()) out.push_back(std::move(m));
  return out;
}

void PlanningModule::profile_sections(tenancy::ProfileSections& sections) { add_profile_section(sections); }

std::vector<seam::Permission> PlanningModule::permissions() const {
  return {
      {"planning.read", {"*"}, "Membaca rencana dan anggaran SPBE", "Read SPBE plans and budgets"},
      {"planning.propose",
       {"tenant_admin"},
       "Menyusun usulan anggaran SPBE semua Perangkat Daerah",
       "Draft every agency's SPBE budget proposal"},
      {"planning.propose.own",
       {"agency_operator"},
       "Menyusun usulan anggaran SPBE Perangkat Daerahnya",
       "Draft their own agency's SPBE budget proposal"},
      {"planning.coordinate",
       {"tenant_admin", "planner", "technical_reviewer"},
       "Mengoordinasikan anggaran SPBE (membuka siklus, verifikasi, persetujuan) bila Perangkat Daerahnya ditunjuk regulasi",
       "Coordinate the SPBE budget (cycles, verification, approval) when the regulation names their agency"},
      {"planning.recommend",
       {"tenant_admin", "technical_reviewer"},
       "Memberikan rekomendasi teknis anggaran SPBE",
       "Give technical recommendations on SPBE budgets"},
      {"planning.prices",
       {"tenant_admin", "technical_reviewer"},
       "Mengimpor standar satuan harga belanja SPBE",
       "Import the standard unit prices of SPBE spending"},
      {"planning.synonyms",
       {"tenant_admin", "technical_reviewer"},
       "Mengelola daftar sinonim pemeriksaan duplikasi anggaran",
       "Maintain the synonym list of the budget duplicate check"}};
}

void PlanningModule::register_routes(http::Router& router) {
  planning::register_routes(router, service_);
  planning::register_import_routes(router, service_);
  for (auto fragment : openapi_fragments()) http::describe(router, fragment);
}

void PlanningModule::register_facts(regulation::FactRegistry& facts) {
  facts.add(fact_subjects(), proposal_facts(tenancy_));
}

void PlanningModule::register_evidence(evaluation::EvidenceSources& sources) {
  sources.add(planning_evidence_source(tenancy_));
}

void PlanningModule::add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const {
  const auto& a = planning_profile(p);
  if (!a.present) return;
  // The proving tests are the SIMPUL_PROVES declarations of the tests that check each rule.
  auto record = [&](const std::optional<std::string>& rule, const std::string& how) {
    if (rule) seam::add_enforcement(rows, *rule, how);
  };
  record(
      a.coordinator_rule,
      "gate: opening and closing a budget cycle, verifying, approving, deciding duplicate candidates and correcting a "
      "line's classification are refused (`planning.not_coordinator`, with the article) to anyone outside the "
      "coordinating Perangkat Daerah, and a correction of its own line's class to the coordinating PD itself");
  record(a.link_rule, "gate: a budget line without its architecture elements and Peta Rencana initiative is refused");
  record(a.categories_rule, "gate: a budget line needs one of the spending categories the article lists");
  record(a.funding_rule, "gate: a budget line's funding source is one the article lists");
  record(
      a.price_rule,
      "record: lines are flagged when above the standard unit price of the year's decree, or under an account the item does not allow");
  record(a.submission_rule,
         "record: each Perangkat Daerah submits its proposal to the coordinating PD (ledger entry per step)");
  record(
      a.duplicate_rule,
      "gate: verification and approval are refused while the proposal has duplicate candidates with another PD's lines, or "
      "lines similar to an Aplikasi Umum or another PD's application, that the coordinating PD has not marked duplicate or "
      "distinct; finding: a submitted proposal still unverified when its cycle is closed");
  record(a.approval_rule, "gate: approval only after verification");
  record(
      a.recommendation_rule,
      a.recommendation_required
          ? "gate: a PD's proposal is submitted only after the Kominfo PD's coordination is recorded"
          : "record and finding: the Dinas's technical recommendation on a proposal (the text does not make it a precondition); a "
            "submitted proposal without it is a compliance finding");
  for (const auto& r : a.reserved)
    record(r.rule, "gate: a line of another PD classified as '" + r.name +
                       "' (account, SSH code or text, or as the planning agency corrected it) is refused when written, "
                       "and its proposal when submitted, verified or approved (`planning.reserved_item`)");
}

}  // namespace simpul::planning
