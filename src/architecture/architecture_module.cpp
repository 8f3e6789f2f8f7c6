#include "http/api_description.hpp"
#include "architecture/architecture_module.hpp"

#include "architecture/document_kinds.hpp"
#include "architecture/evidence.hpp"
#include "architecture/facts.hpp"
#include "evaluation/evidence.hpp"
#include "core/text.hpp"
#include "ledger/ledger.hpp"
#include "tenancy/profile.hpp"
#include "tenancy/service.hpp"

namespace simpul::architecture {
/// This module's part of the API contract (openapi/*.json).
std::vector<std::string_view> openapi_fragments();
}  // namespace simpul::architecture

namespace simpul::architecture {

ArchitectureModule::ArchitectureModule(seam::Services& services, const std::filesystem::path& profiles_dir)
    : tenancy_(services.get<tenancy::Service>()),
      reference_(ReferenceArchitecture::load(profiles_dir / "frameworks" / "reference-architecture.yaml")),
      core_(services.get<storage::Database>(), tenancy_, reference_, services.get<ledger::Ledger>()) {
  services.provide(core_);
  services.provide(core_.elements);
  services.provide(core_.documents);
  services.provide(core_.roadmap);
}

std::vector<seam::Permission> ArchitectureModule::permissions() const {
  return {{"architecture.read",
           {"*"},
           "Membaca Arsitektur SPBE dan Peta Rencana",
           "Read the SPBE architecture and roadmap"},
          {"architecture.write",
           {"tenant_admin", "planner"},
           "Mengubah elemen arsitektur semua Perangkat Daerah",
           "Change architecture elements of every agency"},
          {"architecture.write.own",
           {"agency_operator"},
           "Mengubah elemen arsitektur Perangkat Daerahnya",
           "Change their own agency's architecture elements"},
          {"architecture.manage",
           {"tenant_admin", "planner"},
           "Menyusun versi arsitektur, reviu dan Peta Rencana",
           "Prepare architecture versions, reviews and the roadmap"},
          {"architecture.approve",
           {"approver"},
           "Menetapkan versi Arsitektur SPBE dan Peta Rencana",
           "Approve architecture and roadmap versions"}};
}

void ArchitectureModule::profile_sections(tenancy::ProfileSections& sections) { add_document_kinds_section(sections); }

void ArchitectureModule::register_routes(http::Router& router) {
  architecture::register_routes(router, core_);
  for (auto fragment : openapi_fragments()) http::describe(router, fragment);
}

void ArchitectureModule::register_facts(regulation::FactRegistry& facts) {
  facts.add({"service", "architecture_document"}, architecture_facts(core_));
}

void ArchitectureModule::register_evidence(evaluation::EvidenceSources& sources) {
  sources.add(architecture_evidence_source(tenancy_));
}

void ArchitectureModule::add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const {
  // The tests proving these rules are the ones declaring SIMPUL_PROVES (tests/api/architecture_api_test.cpp).
  auto add = [&](const std::optional<std::string>& rule, const std::string& how) {
    if (rule && !rule->empty() && !rows.count(*rule)) seam::add_enforcement(rows, *rule, how);
  };
  for (const auto& kind : document_kinds(p)) {
    const auto* doc = kind.spec;
    const std::string& what = kind.label;
    add(kind.parts_rule, "gate: a " + what + " version is set only when the documents it contains are linked (" +
                             text::join(kind.parts, ',') + "; `validation.missing_field` with `missing`)");
    add(kind.in_force_rule, "finding: no " + what + " in force (`architecture_document`, field `approved`)");
    add(doc->instrument_rule,
        "gate: a " + what +
            " version is in force only once its instrument number and date are recorded "
            "by an approver (`architecture.document_not_draft`); finding: `architecture_approved`/`roadmap_approved` in `/api/architecture/status`");
    add(doc->validity_rule,
        "gate: the period is the regulation's validity (`architecture.period_invalid`); finding: "
        "`architecture_valid`/`roadmap_valid` when today is outside it");
    if (doc->review.mandatory)
      add(doc->review.rule, "finding: reviews due on the profile's schedule (" + doc->review.schedule +
                                ") and overdue ones "
                                "listed by `reviews_on_schedule` and on the dashboard");
    else
      add(doc->review.rule,
          "record: the review schedule (" + doc->review.schedule +
              ") is shown as the Pemda's option and "
              "reviews are recorded with their reasons; a missed one is not a finding (the text says 'dapat')");
    add(doc->review.decree_rule, "gate: the review needs its decree number (`architecture.review_decree_required`)");
    add(doc->coordinators_rule, "record: each domain's coordinating agency starts from the regulation's assignment");
    add(doc->monitoring_rule,
        "record: yearly monitoring of each initiative (`/api/roadmap/initiatives/{id}/monitoring`)");
    if (const auto* reasons = p.enumeration(doc->review.reasons); reasons && !reasons->rule.empty())
      add(reasons->rule, "gate: a review names at least one of the regulation's reasons (`validation.invalid_value`)");
  }
  if (const auto* categories = p.enumeration(p.architecture.roadmap.categories);
      categories && !categories->rule.empty())
    add(categories->rule, "gate: an initiative's category is one the regulation lists (`validation.invalid_value`)");
  for (const auto& [check, rule] : p.architecture.checks)
    if (check == "service_has_application" || check == "application_has_service")
      add(rule, "finding: `" + check +
                    "` in `/api/architecture/status` (services without applications, applications "
                    "serving no service)");
}

}  // namespace simpul::architecture
