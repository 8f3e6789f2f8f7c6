#include "http/api_description.hpp"
#include "regulation/module.hpp"

#include "core/clock.hpp"
#include "core/log.hpp"
#include "evaluation/evidence.hpp"
#include "ledger/ledger.hpp"
#include "regulation/evidence.hpp"
#include "regulation/repository.hpp"
#include "regulation/routes.hpp"
#include "tenancy/profile_loader.hpp"

namespace simpul::regulation {
/// This module's part of the API contract (openapi/*.json).
std::vector<std::string_view> openapi_fragments();
}  // namespace simpul::regulation

namespace simpul::regulation {
namespace {

std::vector<const tenancy::Profile*> all_profiles(const tenancy::ProfileRegistry& registry) {
  std::vector<const tenancy::Profile*> out;
  for (const auto& [id, p] : registry.all()) out.push_back(p.get());
  return out;
}

}  // namespace

ComplianceModule::ComplianceModule(seam::Services& services, std::chrono::minutes evaluate_every)
    : tenancy_(services.get<tenancy::Service>()),
      engine_(all_profiles(services.get<tenancy::ProfileRegistry>())),
      facts_(tenancy_),
      compliance_(services.get<storage::Database>(), tenancy_, engine_, facts_, services.get<ledger::Ledger>()),
      due_notices_(services.get<storage::Database>(), tenancy_, services.get<identity::Service>(),
                   services.get<notification::Service>(), services.get<ledger::Ledger>()),
      evaluate_every_(evaluate_every) {
  services.provide(engine_);
  services.provide(facts_);
  services.provide(compliance_);
}

std::vector<storage::Migration> ComplianceModule::schema() { return Repository::migrations(); }

std::vector<seam::Permission> ComplianceModule::permissions() const {
  return {{"compliance.read", {"*"}, "Membaca temuan kepatuhan", "Read compliance findings"},
          {"compliance.evaluate",
           {"tenant_admin", "planner", "auditor", "technical_reviewer"},
           "Menjalankan evaluasi kepatuhan",
           "Run a compliance evaluation"},
          {"compliance.waive", {"approver"}, "Mengecualikan temuan dengan alasan", "Waive a finding with a reason"},
          {"compliance.sanction", {"approver"}, "Mencatat sanksi administratif", "Record administrative sanctions"}};
}

void ComplianceModule::register_routes(http::Router& router) {
  regulation::register_routes(router, compliance_);
  for (auto fragment : openapi_fragments()) http::describe(router, fragment);
}

void ComplianceModule::register_evidence(evaluation::EvidenceSources& sources) {
  sources.add(compliance_evidence_source(tenancy_));
}

void ComplianceModule::add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const {
  // Every subject's instance is listed here whichever module provides its facts: the rule kinds
  // are this module's. Which test proves a rule comes from the tests' SIMPUL_PROVES declarations.
  for (const auto& c : p.compliance) {
    std::string how = c.gate ? (c.kind == "approval-chain" ? "gate" : "gate and finding") : "finding";
    seam::add_enforcement(rows, c.rule, how + " (`" + c.kind + "`, " + c.subject + "): " + c.title_en);
  }
  if (p.sanctions) {
    seam::add_enforcement(
        rows, p.sanctions->rule,
        "sanctions: the evaluation opens a case at the first step and proposes the next one with its basis "
        "(huruf b: more than 12 months after the oral warning); the official gives each step, the letter is "
        "produced and signed only then");
    if (p.sanctions->trigger_rule)
      seam::add_enforcement(rows, *p.sanctions->trigger_rule,
                            "sanctions apply only to findings of the rules it lists (`compliance.not_sanctionable`)");
  }
}

void ComplianceModule::evaluate_all() {
  static const Actor kScheduler{"system", "Simpul (evaluasi terjadwal)", ""};
  for (const auto& t : tenancy_.tenants()) {
    try {
      Scope scope{t.id};
      auto r = compliance_.evaluate(scope, kScheduler, compliance_.profile_of(scope).today());
      log::info("compliance.evaluated", {{"tenant", t.slug},
                                         {"open", r.open},
                                         {"new", r.created},
                                         {"proposed", r.proposed},
                                         {"escalated", r.escalated}});
    } catch (const std::exception& e) {
      log::error("compliance.evaluation_failed", {{"tenant", t.slug}, {"error", e.what()}});
    }
  }
}

std::vector<seam::Job> ComplianceModule::jobs() {
  std::vector<seam::Job> out;
  if (evaluate_every_.count() > 0)
    out.push_back({"compliance.evaluate_all", evaluate_every_, [this] { evaluate_all(); }});
  // After the evaluation in the scheduler's order, so a finding it opens is told on the same pass.
  out.push_back({"compliance.due_notices", std::chrono::minutes(60), [this] { due_notices_.run(); }});
  return out;
}

}  // namespace simpul::regulation
