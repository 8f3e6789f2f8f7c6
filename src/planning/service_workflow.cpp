// The region's steps of a proposal, each one ledger entry and each refusal with its article: the
// Dinas's recommendation, submission (which compares the proposal's lines with the cycle's submitted
// ones), verification and approval by the coordinating PD, and sending back (docs/plan-and-budget.md).
#include "core/clock.hpp"
#include "planning/errors.hpp"
#include "planning/line_rules.hpp"
#include "planning/repository.hpp"
#include "planning/service.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::planning {

Proposal Service::recommend(const Scope& s, const std::string& id, const std::string& text, const Actor& actor) {
  const auto& p = profile_of(s);
  const auto& plan = planning_profile(p);
  if (plan.recommendation_role.empty())
    // The region states no such step: nothing to cite (the catalogue has no planning.not_in_regulation).
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"reason", "not_in_regulation"},
                 {"detail", "the regulation states no technical recommendation of the budget"}});
  if (text.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "recommendation"}});
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    auto agency = actor.agency_id.empty() ? std::nullopt : tenancy_.agency(c, s, actor.agency_id);
    if (!agency || !agency->has_flag(agency_flag_of_role(p, plan.recommendation_role)))
      refuse_by_rule(p, ErrorCode::PlanNotCoordinator, ErrorCode::AuthForbidden, plan.recommendation_rule,
                     {{"reason", "not_recommender"}, {"recommender", role_label(p, plan.recommendation_role)}});
    Repository repo(c);
    auto pr = repo.proposal(s, id);
    if (!pr) throw Error(ErrorCode::PlanProposalNotFound);
    if (pr->state != "draf" && pr->state != "diajukan") throw Error(ErrorCode::PlanBadStep, {{"state", pr->state}});
    pr->recommendation = text;
    pr->recommended_at = clock::now_iso();
    pr->recommended_by_name = actor.name;
    repo.save(s, *pr);
    ledger_.append(
        c, ledger::change_in(s, actor, "planning.recommend", "planning_proposal", id, {{"recommendation", text}}));
    pr->agency_name = agency_name(c, s, pr->agency_id);
    return *pr;
  });
}

std::pair<Proposal, std::size_t> Service::open_step(storage::Connection& c, const Scope& s, const std::string& id,
                                                    const StepOpening& how) const {
  const auto& p = profile_of(s);
  Repository repo(c);
  auto pr = repo.proposal(s, id);
  if (!pr) throw Error(ErrorCode::PlanProposalNotFound);
  if (how.not_verified_rule && pr->state == "diajukan")
    refuse_by_rule(p, ErrorCode::PlanGateRefused, ErrorCode::PlanBadStep, *how.not_verified_rule,
                   {{"state", pr->state}, {"reason", "not_verified"}});
  if (pr->state != how.state) throw Error(ErrorCode::PlanBadStep, {{"state", pr->state}});
  if (how.checks) how.checks(*pr);
  require_no_reserved_lines(c, s, *pr);
  std::size_t open = 0;
  if (how.resolve_candidates) {
    store_candidates(c, s, pr->cycle_id, pr->id);
    open = unresolved_for(c, s, *pr);
    const auto& rule = planning_profile(p).duplicate_rule;
    if (rule && open > 0)
      refuse_by_rule(p, ErrorCode::PlanGateRefused, ErrorCode::PlanBadStep, rule,
                     {{"reason", "unresolved_duplicates"}, {"candidates", open}});
  }
  return {std::move(*pr), open};
}

Proposal Service::submit(const Scope& s, const std::string& id, const Actor& actor) {
  const auto& p = profile_of(s);
  const auto& plan = planning_profile(p);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    StepOpening how{"draf"};
    how.checks = [&](const Proposal& pr) {
      auto cy = repo.cycle(s, pr.cycle_id);
      if (cy->state != "dibuka")
        throw Error(ErrorCode::PlanBadStep, {{"state", cy->state}, {"reason", "the cycle is closed"}});
      if (p.today() > cy->submission_deadline)
        throw Error(ErrorCode::PlanBadStep,
                    {{"reason", "submission_deadline_passed"}, {"submission_deadline", cy->submission_deadline}});
      if (pr.line_count == 0) throw Error(ErrorCode::PlanBadStep, {{"reason", "a proposal without lines"}});
    };
    auto pr = open_step(c, s, id, how).first;
    if (plan.recommendation_required && !pr.recommended_at)
      refuse_by_rule(p, ErrorCode::PlanGateRefused, ErrorCode::PlanBadStep, plan.recommendation_rule,
                     {{"reason", "recommendation_missing"}, {"recommender", role_label(p, plan.recommendation_role)}});
    pr.state = "diajukan";
    pr.submitted_at = clock::now_iso();
    repo.save(s, pr);
    auto found = store_candidates(c, s, pr.cycle_id, pr.id);
    ledger_.append(c, ledger::change_in(s, actor, "planning.submit", "planning_proposal", id,
                                        {{"lines", pr.line_count}, {"total", pr.total}, {"new_candidates", found}}));
    pr.agency_name = agency_name(c, s, pr.agency_id);
    return pr;
  });
}

Proposal Service::verify(const Scope& s, const std::string& id, const Actor& actor) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    require_coordinator(c, s, actor);
    StepOpening how{"diajukan"};
    how.resolve_candidates = true;
    auto [pr, open] = open_step(c, s, id, how);
    pr.state = "diverifikasi";
    pr.verified_at = clock::now_iso();
    pr.verified_by_name = actor.name;
    Repository(c).save(s, pr);
    ledger_.append(c,
                   ledger::change_in(s, actor, "planning.verify", "planning_proposal", id,
                                     {{"lines", pr.line_count}, {"total", pr.total}, {"unresolved_candidates", open}}));
    pr.agency_name = agency_name(c, s, pr.agency_id);
    return pr;
  });
}

Proposal Service::approve(const Scope& s, const std::string& id, const Actor& actor) {
  const auto& plan = planning_profile(profile_of(s));
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    require_coordinator(c, s, actor);
    // Approval only after verification: an article in Bontang (Pasal 10 ayat (3)), the workflow elsewhere.
    StepOpening how{"diverifikasi"};
    how.not_verified_rule = &plan.approval_rule;
    how.resolve_candidates = true;
    auto pr = open_step(c, s, id, how).first;
    pr.state = "disetujui";
    pr.approved_at = clock::now_iso();
    pr.approved_by_name = actor.name;
    Repository(c).save(s, pr);
    ledger_.append(c, ledger::change_in(s, actor, "planning.approve", "planning_proposal", id, {{"total", pr.total}}));
    pr.agency_name = agency_name(c, s, pr.agency_id);
    return pr;
  });
}

Proposal Service::send_back(const Scope& s, const std::string& id, const std::string& reason, const Actor& actor) {
  if (reason.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "reason"}});
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    require_coordinator(c, s, actor);
    Repository repo(c);
    auto pr = repo.proposal(s, id);
    if (!pr) throw Error(ErrorCode::PlanProposalNotFound);
    if (pr->state != "diajukan" && pr->state != "diverifikasi")
      throw Error(ErrorCode::PlanBadStep, {{"state", pr->state}});
    auto before = pr->state;
    pr->state = "draf";
    pr->submitted_at = pr->verified_at = pr->verified_by_name = std::nullopt;
    repo.save(s, *pr);
    ledger_.append(c, ledger::change_in(s, actor, "planning.send_back", "planning_proposal", id,
                                        {{"from", before}, {"reason", reason}}));
    pr->agency_name = agency_name(c, s, pr->agency_id);
    return *pr;
  });
}

}  // namespace simpul::planning
