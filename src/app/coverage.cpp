#include "app/coverage.hpp"

#include <map>
#include <sstream>

namespace simpul::app {
namespace {

struct Enforcement {
  std::string how;
  std::string test;
};

/// The architecture module enforces what each profile's `architecture:` section cites.
void add_architecture_rules(const tenancy::Profile& p, std::map<std::string, Enforcement>& out) {
  const std::string api = "ArchitectureApiTest.";
  auto add = [&](const std::optional<std::string>& rule, std::string how, std::string test) {
    if (rule && !rule->empty() && !out.count(*rule)) out[*rule] = {std::move(how), api + test};
  };
  for (const auto* doc : {&p.architecture.document, &p.architecture.roadmap}) {
    std::string what = doc == &p.architecture.document ? "Arsitektur SPBE" : "Peta Rencana SPBE";
    add(doc->instrument_rule, "gate: a " + what + " version is in force only once its instrument number and date are recorded "
        "by an approver (`architecture.document_not_draft`); finding: `architecture_approved`/`roadmap_approved` in `/api/architecture/status`",
        "ApprovalFreezesTheModelAndDiffShowsLaterChanges");
    add(doc->validity_rule, "gate: the period is the regulation's validity (`architecture.period_invalid`); finding: "
        "`architecture_valid`/`roadmap_valid` when today is outside it", "PeriodsAndReviewsFollowEachRegionsRules");
    add(doc->review.rule, "finding: reviews due on the profile's schedule (" + doc->review.schedule + ") and overdue ones "
        "listed by `reviews_on_schedule` and on the dashboard", "PeriodsAndReviewsFollowEachRegionsRules");
    add(doc->review.decree_rule, "gate: the review needs its decree number (`architecture.review_decree_required`)",
        "PeriodsAndReviewsFollowEachRegionsRules");
    add(doc->coordinators_rule, "record: each domain's coordinating agency starts from the regulation's assignment",
        "ApprovalFreezesTheModelAndDiffShowsLaterChanges");
    add(doc->monitoring_rule, "record: yearly monitoring of each initiative (`/api/roadmap/initiatives/{id}/monitoring`)",
        "RoadmapInitiativesStayInsideTheRoadmapPeriod");
    if (const auto* reasons = p.enumeration(doc->review.reasons); reasons && !reasons->rule.empty())
      add(reasons->rule, "gate: a review names at least one of the regulation's reasons (`validation.invalid_value`)",
          "PeriodsAndReviewsFollowEachRegionsRules");
  }
  if (const auto* categories = p.enumeration(p.architecture.roadmap.categories); categories && !categories->rule.empty())
    add(categories->rule, "gate: an initiative's category is one the regulation lists (`validation.invalid_value`)",
        "RoadmapInitiativesStayInsideTheRoadmapPeriod");
  for (const auto& [check, rule] : p.architecture.checks)
    if (check == "service_has_application" || check == "application_has_service")
      add(rule, "finding: `" + check + "` in `/api/architecture/status` (services without applications, applications "
          "serving no service)", "ServiceTraceFollowsTypedRelationsAcrossTheSixDomains");
}

/// The compliance engine enforces each instance of the profile's `compliance:` list (docs/compliance.md).
void add_evaluation_rules(const tenancy::Profile& p, std::map<std::string, Enforcement>& out) {
  if (!p.evaluation) return;
  const auto& e = *p.evaluation;
  const std::string test = "EvaluationApiTest.TheBontangAssessorTeamRunsTheSelfAssessmentWithItsRoles";
  auto add = [&](const std::string& rule, const std::string& how, const std::string& proof) {
    auto& x = out[rule];
    x.how = x.how.empty() ? how : x.how + "; " + how;
    if (x.test.find(proof) == std::string::npos) x.test = x.test.empty() ? proof : x.test + ", " + proof;
  };
  add(e.rule, "workflow: yearly evaluation period; data entry fills, the penanggung jawab validates, the koordinator submits "
              "(`/api/evaluation/periods`), reported to " + e.report_to, test);
  if (e.team_rule)
    add(*e.team_rule, "workflow: the team's positions become the period's roles (`evaluation.role_required`)", test);
  if (e.agency_rule)
    add(*e.agency_rule, "workflow: one assessment per Perangkat Daerah and a league table (`/api/evaluation/league`)",
        "EvaluationApiTest.LampungTimurEvaluatesEveryAgencyAndRanksThem");
}

/// The gateway's control plane enforces what the profile's `gateway:` section cites (docs/gateway.md).
void add_gateway_rules(const tenancy::Profile& p, std::map<std::string, Enforcement>& out) {
  if (!p.gateway) return;
  const auto& g = *p.gateway;
  const std::string bpn = "GatewayTest.BalikpapanRequestIsRecommendedByTheOwnerAgencyAndDecidedByTheSekda";
  const std::string dinas = "GatewayTest.BontangRequestIsDecidedByTheDinasWithoutRecommendationAndNeverByItsRequester";
  auto add = [&](const std::optional<std::string>& rule, const std::string& how, const std::string& test) {
    if (!rule) return;
    auto& e = out[*rule];
    if (e.how.find(how) != std::string::npos) return;
    e.how = e.how.empty() ? how : e.how + "; " + how;
    if (e.test.find(test) == std::string::npos) e.test = e.test.empty() ? test : e.test + ", " + test;
  };
  const std::string& test = g.recommender == "owner_agency" ? bpn : dinas;
  add(g.operator_rule, "role: the operator (" + g.operator_role + ") runs the gateway's services, consumers and grants (`/api/gateway/*`)", test);
  add(g.recommender_rule, "workflow: the service's owner agency recommends before the decision (`gateway.recommendation_required`)", test);
  add(g.approver_rule, "workflow: access requests decided only by the " + g.approver + " (`gateway.not_decider`), never by the "
                       "requester (`gateway.self_decision`); approval creates the grant the data plane enforces", test);
  add(g.request_fields_rule, "gate: a request states the responsible person, work unit, purpose and data needed (`validation.missing_field`)",
      bpn + ", GatewayTest.BadInputIsRefusedWithACatalogueErrorAndChangesNothing");
  for (const auto& ground : g.refusal_grounds)
    add(ground.rule, ground.automatic ? "gate: approval of a request for commercial use is refused (`gateway.commercial_use`)"
                                      : "refusal ground shown to the decider; network ranges enforced per service by the data plane",
        bpn);
}

void add_compliance_rules(const tenancy::Profile& p, std::map<std::string, Enforcement>& out) {
  const std::string api = "ApplicationsTest.";
  auto add = [&](const std::string& rule, const std::string& how, const std::string& test) {
    auto& e = out[rule];
    e.how = e.how.empty() ? how : e.how + "; " + how;
    if (e.test.find(test) == std::string::npos) e.test = e.test.empty() ? test : e.test + ", " + test;
  };
  for (const auto& c : p.compliance) {
    std::string test = api + "EachRegionWalksAnApplicationFromProposalToLiveThroughItsOwnGates";
    if (c.kind == "approval-chain") test = api + "RecommendationDecisionsFollowTheApprovalChain";
    else if (c.subject == "architecture_document" || c.subject == "service") test = api + "SummaryCountsFindingsByChapterAndAgency";
    else if (c.kind == "periodic-duty") test = "Engine.PeriodicDutyFromLastOrStart";
    std::string how = c.gate ? (c.kind == "approval-chain" ? "gate" : "gate and finding") : "finding";
    add(c.rule, how + " (`" + c.kind + "`, " + c.subject + "): " + c.title_en, test);
  }
  if (p.sanctions) {
    add(p.sanctions->rule, "sanctions: steps recorded against sanctionable findings, escalated automatically, letter as signed PDF",
        api + "BalikpapanSanctionsEscalateToASignedReprimandLetter");
    if (p.sanctions->trigger_rule)
      add(*p.sanctions->trigger_rule, "sanctions apply only to findings of the rules it lists (`compliance.not_sanctionable`)",
          api + "BalikpapanSanctionsEscalateToASignedReprimandLetter");
  }
  const auto& a = p.applications;
  auto record = [&](const std::optional<std::string>& rule, const std::string& how) {
    if (rule && !out.count(*rule)) out[*rule] = {how, api + "EachRegionWalksAnApplicationFromProposalToLiveThroughItsOwnGates"};
  };
  record(a.lifecycle_rule, "record: the lifecycle stages an application moves through (`/api/applications/{id}/stage`)");
  record(a.recommendation_rule, "workflow: recommendation request and decision by Diskominfo");
  record(a.handover_rule, "record: the handover documents kept in the Repositori (SHA-256 content-addressed)");
  record(a.similar_rule, "record: the justification conditions of an application sejenis Aplikasi Umum");
  if (const auto* categories = p.enumeration(a.categories); categories && !categories->rule.empty())
    record(categories->rule, "gate: an application's category is one the regulation lists (`validation.invalid_value`)");
}

/// Rules this build enforces, found from the profile's structure: the organisation registry uses
/// the roles, teams and enumerations each profile states, and refuses what they exclude.
std::map<std::string, Enforcement> enforced_rules(const tenancy::Profile& p) {
  std::map<std::string, Enforcement> out;
  const std::string org_test = "OrganisationTest.RegulationRolesAreHeldByOneAgencyAndRefusalsCiteTheArticle";
  for (const auto& r : p.roles) {
    if (!r.rule || !r.agency_flag) continue;
    if (*r.agency_flag == "mandiri_tik")
      out[*r.rule] = {"gate: PD Mandiri TIK status needs its decree reference (`agency.decree_required`); "
                      "refused where the regulation has no such status (`agency.mandiri_tik_not_in_regulation`)",
                      org_test + ", OrganisationTest.MandiriTikExistsOnlyWhereTheRegulationKnowsIt"};
    else
      out[*r.rule] = {"gate: the role `" + *r.agency_flag + "` is held by one Perangkat Daerah (`agency.flag_taken`)", org_test};
  }
  const std::string team_test = "OrganisationTest.TeamsFollowTheRegionsPrescribedPositions";
  for (const auto& t : p.teams) {
    if (t.rule) out[*t.rule] = {"gate: team `" + t.id + "` exists with exactly the positions the regulation names (`team.position_unknown`)", team_test};
    for (const auto& pos : t.positions)
      if (pos.rule && !out.count(*pos.rule))
        out[*pos.rule] = {"gate: position `" + pos.id + "` of `" + t.id + "` (limits: `team.position_full`)", team_test};
  }
  if (const auto* types = p.enumeration("agency_types"); types && !types->rule.empty())
    out[types->rule] = {"gate: a Perangkat Daerah's type must be one the regulation lists (`validation.invalid_value`)",
                        "BadInputTest.MalformedBodiesAreRefusedAndChangeNothing, " + org_test};
  add_architecture_rules(p, out);
  add_compliance_rules(p, out);
  add_evaluation_rules(p, out);
  add_gateway_rules(p, out);
  return out;
}

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string status_of(const tenancy::RuleInstance& r) {
  if (r.checkable == "no") return "not checkable by software";
  return "not yet enforced (needs a later module: budgets, data, services, audits, evaluation, gateway)";
}

}  // namespace

std::string coverage_markdown(const tenancy::ProfileRegistry& profiles) {
  std::ostringstream md;
  md << "# Regulation coverage\n\n"
     << "Generated by `build/simpul coverage > docs/regulation-coverage.md` from `profiles/*.yaml`; "
        "a test fails when this file and the profiles disagree.\n\n"
     << "Each rule of each regulation, and what the software does with it today. *Gate*: the platform refuses "
        "an action the rule forbids, and the refusal cites the rule. *Finding*: the compliance engine "
        "(docs/compliance.md) reports objects that break the rule, with the article. Each profile's `compliance:` "
        "instances are listed with their kind; later modules move the remaining rules to *gate* or *finding*.\n\n";
  md << "| region | rules | enforced | not yet enforced | not checkable |\n|---|---|---|---|---|\n";
  for (const auto& [id, p] : profiles.all()) {
    auto enforced = enforced_rules(*p);
    std::size_t done = 0, no = 0;
    for (const auto& r : p->rules) {
      if (enforced.count(r.id)) ++done;
      else if (r.checkable == "no") ++no;
    }
    md << "| " << p->region_name << " (`" << id << "`) | " << p->rules.size() << " | " << done << " | "
       << p->rules.size() - done - no << " | " << no << " |\n";
  }
  for (const auto& [id, p] : profiles.all()) {
    auto enforced = enforced_rules(*p);
    md << "\n## " << p->region_name << " — " << p->regulation_label() << "\n\n"
       << "| rule | citation | kind | checkable | status | proven by |\n|---|---|---|---|---|---|\n";
    for (const auto& r : p->rules) {
      auto it = enforced.find(r.id);
      md << "| " << r.id << " | " << escape(r.citation) << " | " << r.kind << " | " << r.checkable << " | "
         << (it != enforced.end() ? escape(it->second.how) : status_of(r)) << " | "
         << (it != enforced.end() ? it->second.test : "") << " |\n";
    }
  }
  return md.str();
}

}  // namespace simpul::app
