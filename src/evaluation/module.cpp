#include "http/api_description.hpp"
#include "evaluation/module.hpp"

#include "evaluation/repository.hpp"
#include "evaluation/routes.hpp"
#include "identity/service.hpp"
#include "ledger/ledger.hpp"
#include "tenancy/profile.hpp"

namespace simpul::evaluation {
/// This module's part of the API contract (openapi/*.json).
std::vector<std::string_view> openapi_fragments();
}  // namespace simpul::evaluation

namespace simpul::evaluation {

EvaluationModule::EvaluationModule(seam::Services& services, const std::filesystem::path& profiles_dir, Options options)
    : frameworks_(profiles_dir / "frameworks" / "evaluation"),
      service_(services.get<storage::Database>(), services.get<tenancy::Service>(), services.get<identity::Service>(),
               services.get<ledger::Ledger>(), frameworks_, sources_, options) {
  services.provide(frameworks_);
  services.provide(sources_);
  services.provide(service_);
}

std::vector<storage::Migration> EvaluationModule::schema() { return Repository::migrations(); }

std::vector<seam::Permission> EvaluationModule::permissions() const {
  return {
      {"evaluation.read", {"*"}, "Membaca periode dan hasil evaluasi SPBE", "Read SPBE evaluation periods and results"},
      {"evaluation.manage",
       {"tenant_admin", "assessor"},
       "Membuka periode evaluasi dan menyusun Tim Asesor",
       "Open evaluation periods and set their assessor team"},
      {"evaluation.framework",
       {"tenant_admin"},
       "Mengoreksi teks dan bobot kerangka penilaian",
       "Correct framework texts and weights"}};
}

void EvaluationModule::register_routes(http::Router& router) {
  evaluation::register_routes(router, service_);
  for (auto fragment : openapi_fragments()) http::describe(router, fragment);
}

void EvaluationModule::add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const {
  if (!p.evaluation) return;
  const auto& e = *p.evaluation;
  seam::add_enforcement(
      rows, e.rule,
      "workflow: yearly evaluation period; data entry fills, the penanggung jawab validates, the koordinator submits "
      "(`/api/evaluation/periods`), reported to " +
          e.report_to);
  if (e.team_rule)
    seam::add_enforcement(rows, *e.team_rule,
                          "workflow: the team's positions become the period's roles (`evaluation.role_required`)");
  if (e.agency_rule)
    seam::add_enforcement(
        rows, *e.agency_rule,
        "workflow: one assessment per Perangkat Daerah and a league table (`/api/evaluation/league`)");
}

}  // namespace simpul::evaluation
