// The planning agency's correction of a line's classification (issue 18 item 3): a line is classed
// from its account code, SSH code and text (line_rules.cpp); the coordinating PD may set the
// reserved class ("" = not reserved) or the spending category of another PD's line, with a
// reason. Each correction is recorded (who, when, from -> to, why) with its ledger entry, and the
// reserved-item gates and findings use the corrected class.
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "planning/errors.hpp"
#include "planning/line_rules.hpp"
#include "planning/repository.hpp"
#include "planning/service.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::planning {
namespace {

boost::json::array class_choices(const PlanningProfile& plan) {
  boost::json::array out{""};
  for (const auto& r : plan.reserved) out.emplace_back(r.id);
  return out;
}

}  // namespace

bool Service::holds_class(storage::Connection& c, const Scope& s, const std::string& agency_id,
                          const ReservedClass& reserved) const {
  auto agency = tenancy_.agency(c, s, agency_id);
  return agency && agency->has_flag(agency_flag_of_role(profile_of(s), reserved.holder_role));
}

void Service::require_no_reserved_lines(storage::Connection& c, const Scope& s, const Proposal& pr) const {
  const auto& p = profile_of(s);
  const auto& plan = planning_profile(p);
  if (plan.reserved.empty()) return;
  for (const auto& l : Repository(c).lines_of_proposal(s, pr.id))
    if (const auto* reserved = line_class(plan, l); reserved && !holds_class(c, s, pr.agency_id, *reserved))
      refuse_reserved(p, *reserved, {{"line_id", l.id}, {"line_name", l.name}});
}

Line Service::correct_class(const Scope& s, const std::string& line_id, const ClassCorrection& in, const Actor& actor) {
  const auto& p = profile_of(s);
  const auto& plan = planning_profile(p);
  if (!in.reserved_class && !in.category)
    throw Error(ErrorCode::ValidationMissingField, {{"field", "reserved_class"}, {"reason", "or category"}});
  if (in.reason.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "reason"}});
  if (in.reserved_class && !in.reserved_class->empty() && !plan.reserved_class(*in.reserved_class))
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", "reserved_class"}, {"allowed", class_choices(plan)}});
  if (in.category) {
    bool known = false;
    for (const auto& x : plan.categories) known = known || x.id == *in.category;
    if (in.category->empty() && plan.categories_rule)
      throw Error(ErrorCode::ValidationMissingField, {{"field", "category"}},
                  tenancy::rule_ref(p, plan.categories_rule));
    if (!in.category->empty() && !known) {
      boost::json::array allowed;
      for (const auto& x : plan.categories) allowed.emplace_back(x.id);
      throw Error(ErrorCode::ValidationInvalidValue, {{"field", "category"}, {"allowed", allowed}});
    }
  }
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    require_coordinator(c, s, actor);
    Repository repo(c);
    auto l = repo.line(s, line_id);
    if (!l) throw Error(ErrorCode::PlanLineNotFound);
    // The PD whose line it is does not correct its class, even when it is the coordinating PD.
    if (l->agency_id == actor.agency_id)
      refuse_by_rule(p, ErrorCode::PlanNotCoordinator, ErrorCode::AuthForbidden, plan.coordinator_rule,
                     {{"reason", "own_line"}});
    auto pr = repo.proposal(s, l->proposal_id);
    auto cy = repo.cycle(s, pr->cycle_id);
    if (cy->state != "dibuka")
      throw Error(ErrorCode::PlanBadStep, {{"state", cy->state}, {"reason", "the cycle is closed"}});
    if (pr->state == "disetujui")
      throw Error(ErrorCode::PlanBadStep, {{"state", pr->state}, {"reason", "the proposal is approved"}});
    const auto now = clock::now_iso();
    std::vector<LineCorrection> changes;
    auto change = [&](const char* field, const std::string& from, const std::string& to) {
      if (from != to)
        changes.push_back({crypto::new_id(), l->id, l->proposal_id, l->name, field, from, to, in.reason, actor.name,
                           actor.agency_id, now});
    };
    if (in.reserved_class) {
      const auto* before = line_class(plan, *l);
      change("reserved_class", before ? before->id : "", *in.reserved_class);
      l->class_override = *in.reserved_class;
    }
    if (in.category) {
      change("category", l->category, *in.category);
      l->category = *in.category;
    }
    if (changes.empty()) throw Error(ErrorCode::ValidationInvalidValue, {{"reason", "no change"}});
    l->updated_at = now;
    repo.save(s, *l);
    boost::json::array recorded;
    for (const auto& x : changes) {
      repo.insert(s, x);
      recorded.push_back({{"field", x.field}, {"from", x.from}, {"to", x.to}});
    }
    ledger_.append(
        c, ledger::change_in(
               s, actor, "planning.line_classify", "planning_proposal", l->proposal_id,
               {{"line_id", l->id}, {"name", l->name}, {"changes", std::move(recorded)}, {"reason", in.reason}}));
    return *l;
  });
}

}  // namespace simpul::planning
