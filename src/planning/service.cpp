// The planning service's cycles and proposals: the coordinating PD opens and closes a fiscal year's
// cycle, each PD starts its proposal (docs/plan-and-budget.md). Lines: service_lines.cpp; the
// region's steps: service_workflow.cpp; duplicate candidates: service_candidates.cpp; standard unit
// prices: service_prices.cpp; the consolidated view: service_consolidated.cpp.
#include "planning/service.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "planning/errors.hpp"
#include "planning/line_rules.hpp"
#include "planning/repository.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::planning {
namespace {

void require_plan_date(const std::string& value, const char* field) {
  if (!clock::is_iso_date(value))
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", field}, {"expected", "YYYY-MM-DD"}});
}

}  // namespace

std::string Service::agency_name(storage::Connection& c, const Scope& s, const std::string& id) const {
  auto a = tenancy_.agency(c, s, id);
  return a ? a->name : std::string();
}

void Service::require_coordinator(storage::Connection& c, const Scope& s, const Actor& actor) const {
  const auto& p = profile_of(s);
  const auto& plan = planning_profile(p);
  auto agency = actor.agency_id.empty() ? std::nullopt : tenancy_.agency(c, s, actor.agency_id);
  for (const auto& role : plan.coordinator_roles)
    if (agency && agency->has_flag(agency_flag_of_role(p, role))) return;
  boost::json::array roles;
  for (const auto& role : plan.coordinator_roles) roles.emplace_back(role_label(p, role));
  refuse_by_rule(p, ErrorCode::PlanNotCoordinator, ErrorCode::AuthForbidden, plan.coordinator_rule,
                 {{"reason", "not_coordinator"}, {"coordinator", roles}});
}

Cycle Service::open_cycle(const Scope& s, Cycle in, const Actor& actor) {
  const auto& p = profile_of(s);
  if (!planning_profile(p).present)
    throw Error(ErrorCode::ValidationInvalidValue, {{"reason", "the profile has no planning section"}});
  if (in.fiscal_year < 2000 || in.fiscal_year > 2100)
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", "fiscal_year"}});
  require_plan_date(in.submission_deadline, "submission_deadline");
  require_plan_date(in.verification_deadline, "verification_deadline");
  if (in.verification_deadline < in.submission_deadline)
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "verification_deadline"}, {"reason", "before the submission deadline"}});
  if (in.title.empty()) in.title = "Rencana dan Anggaran SPBE Tahun " + std::to_string(in.fiscal_year);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    require_coordinator(c, s, actor);
    Repository repo(c);
    if (repo.cycle_of_year(s, in.fiscal_year))
      throw Error(ErrorCode::PlanCycleExists, {{"field", "fiscal_year"}, {"reason", "a cycle of this year exists"}});
    in.id = crypto::new_id();
    in.state = "dibuka";
    in.opened_by_name = actor.name;
    in.opened_at = clock::now_iso();
    repo.insert(s, in);
    ledger_.append(c, ledger::change_in(s, actor, "planning.cycle_open", "planning_cycle", in.id,
                                        {{"fiscal_year", in.fiscal_year},
                                         {"submission_deadline", in.submission_deadline},
                                         {"verification_deadline", in.verification_deadline}}));
    return in;
  });
}

Cycle Service::close_cycle(const Scope& s, const std::string& id, const Actor& actor) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    require_coordinator(c, s, actor);
    Repository repo(c);
    auto x = repo.cycle(s, id);
    if (!x) throw Error(ErrorCode::PlanCycleNotFound);
    if (x->state != "dibuka") throw Error(ErrorCode::PlanBadStep, {{"state", x->state}});
    x->state = "ditutup";
    x->closed_at = clock::now_iso();
    repo.save(s, *x);
    std::int64_t unverified = 0;
    for (const auto& pr : repo.proposals(s, id, ""))
      if (pr.state == "draf" || pr.state == "diajukan") unverified += pr.line_count;
    ledger_.append(c, ledger::change_in(s, actor, "planning.cycle_close", "planning_cycle", id,
                                        {{"unverified_lines", unverified}}));
    return *x;
  });
}

std::vector<Cycle> Service::cycles(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).cycles(s); });
}

Cycle Service::cycle(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto x = Repository(c).cycle(s, id);
    if (!x) throw Error(ErrorCode::PlanCycleNotFound);
    return *x;
  });
}

// ---- proposals ----

Proposal Service::start_proposal(const Scope& s, const std::string& cycle_id, const std::string& agency_id,
                                 const Actor& actor) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto cy = repo.cycle(s, cycle_id);
    if (!cy) throw Error(ErrorCode::PlanCycleNotFound);
    if (cy->state != "dibuka")
      throw Error(ErrorCode::PlanBadStep, {{"state", cy->state}, {"reason", "the cycle is closed"}});
    if (!tenancy_.agency(c, s, agency_id)) throw Error(ErrorCode::ValidationInvalidValue, {{"field", "agency_id"}});
    if (auto existing = repo.proposal_of(s, cycle_id, agency_id)) {
      existing->agency_name = agency_name(c, s, agency_id);
      return *existing;
    }
    Proposal x;
    x.id = crypto::new_id();
    x.cycle_id = cycle_id;
    x.agency_id = agency_id;
    x.state = "draf";
    x.created_at = clock::now_iso();
    repo.insert(s, x);
    ledger_.append(c, ledger::change_in(s, actor, "planning.proposal_start", "planning_proposal", x.id,
                                        {{"cycle_id", cycle_id}, {"agency_id", agency_id}}));
    x.agency_name = agency_name(c, s, agency_id);
    return x;
  });
}

std::vector<Proposal> Service::proposals(const Scope& s, const std::string& cycle_id,
                                         const std::string& agency_id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    if (!repo.cycle(s, cycle_id)) throw Error(ErrorCode::PlanCycleNotFound);
    std::map<std::string, std::string> names;
    for (const auto& a : tenancy_.agencies(c, s)) names[a.id] = a.name;
    auto out = repo.proposals(s, cycle_id, agency_id);
    for (auto& x : out) x.agency_name = names[x.agency_id];
    std::sort(out.begin(), out.end(),
              [](const Proposal& a, const Proposal& b) { return a.agency_name < b.agency_name; });
    return out;
  });
}

Proposal Service::proposal_record(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto x = Repository(c).proposal(s, id);
    if (!x) throw Error(ErrorCode::PlanProposalNotFound);
    x->agency_name = agency_name(c, s, x->agency_id);
    return *x;
  });
}

ProposalView Service::proposal(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto x = repo.proposal(s, id);
    if (!x) throw Error(ErrorCode::PlanProposalNotFound);
    x->agency_name = agency_name(c, s, x->agency_id);
    ProposalView v{*x, repo.lines_of_proposal(s, id), 0, repo.corrections_of_proposal(s, id)};
    v.unresolved_candidates = unresolved_for(c, s, *x);
    return v;
  });
}

}  // namespace simpul::planning
