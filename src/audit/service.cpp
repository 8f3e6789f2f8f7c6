#include "audit/service.hpp"

#include <algorithm>
#include <set>

#include "audit/errors.hpp"
#include "audit/repository.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "regulation/engine.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::audit {
namespace {

const std::vector<std::string> kSteps = {"direncanakan", "dimulai", "laporan_diterima", "ditutup"};

void require_date(const std::string& value, const char* field) {
  if (!clock::is_iso_date(value))
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", field}, {"expected", "YYYY-MM-DD"}});
}

template <typename Items>
bool known_choice(const Items& items, const std::string& id) {
  for (const auto& [key, name] : items)
    if (key == id) return true;
  return false;
}

[[noreturn]] void refuse(const tenancy::Profile& p, ErrorCode code, const std::optional<std::string>& rule,
                         boost::json::object details) {
  throw Error(code, std::move(details), tenancy::rule_ref(p, rule));
}

}  // namespace

ProgrammeView Service::view(storage::Connection& c, const Scope& s, Programme prog, const std::string& today) const {
  const auto& p = profile_of(s);
  const auto& a = audit_profile(p);
  ProgrammeView v;
  if (prog.kind == "eksternal" && a.internal_lead_months > 0) {
    std::string deadline = regulation::add_months(prog.planned_start, -a.internal_lead_months);
    v.internal_deadline = deadline;
    if (prog.state == "direncanakan") {
      std::optional<Programme> internal;
      if (prog.internal_programme_id) internal = Repository(c).programme(s, *prog.internal_programme_id);
      if (!internal || !internal->report_date) {
        v.start_refusal =
            Error(kGateRefused, {{"reason", "internal_audit_not_complete"}, {"internal_deadline", deadline}},
                  tenancy::rule_ref(p, a.internal_audit_rule));
      } else if (*internal->report_date > deadline) {
        v.start_refusal = Error(kGateRefused,
                                {{"reason", "internal_audit_late"},
                                 {"internal_deadline", deadline},
                                 {"internal_completed", *internal->report_date}},
                                tenancy::rule_ref(p, a.internal_audit_rule));
      }
    }
  }
  (void)today;
  Repository repo(c);
  v.reports = repo.reports(s, prog.id);
  v.corrections = repo.corrections(s, prog.id);
  v.coordination = repo.coordination(s, prog.id);
  v.programme = std::move(prog);
  return v;
}

ProgrammeView Service::plan(const Scope& s, Programme in, const Actor& actor) {
  const auto& p = profile_of(s);
  const auto& a = audit_profile(p);
  const AuditType* type = a.type(in.type);
  if (!type) {
    boost::json::array allowed;
    for (const auto& t : a.types) allowed.emplace_back(t.id);
    refuse(p, ErrorCode::ValidationInvalidValue, a.types_rule, {{"field", "type"}, {"allowed", allowed}});
  }
  if (in.kind != "eksternal" && in.kind != "internal")
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "kind"}, {"allowed", boost::json::array{"eksternal", "internal"}}});
  if (in.aspects.empty()) refuse(p, ErrorCode::ValidationMissingField, a.aspects_rule, {{"field", "aspects"}});
  for (const auto& x : in.aspects)
    if (!known_choice(audit_aspects(), x))
      refuse(p, ErrorCode::ValidationInvalidValue, a.aspects_rule, {{"field", "aspects"}, {"value", x}});
  require_date(in.planned_start, "planned_start");
  require_date(in.planned_end, "planned_end");
  if (in.planned_end < in.planned_start)
    throw Error(kBadDate, {{"field", "planned_end"}, {"reason", "before planned_start"}});
  if (in.object_ids.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "object_ids"}});
  std::set<std::string> unique(in.object_ids.begin(), in.object_ids.end());
  in.object_ids.assign(unique.begin(), unique.end());

  // Who audits: an external audit needs an institution the regulation allows, with its reference.
  if (in.kind == "eksternal") {
    if (in.auditor_kind == "auditor_tersertifikasi" && !a.certified_auditor_allowed)
      refuse(p, kGateRefused, a.auditor_rule, {{"field", "auditor_kind"}, {"reason", "certified_auditor_not_allowed"}});
    if (!known_choice(auditor_kinds(), in.auditor_kind))
      refuse(p, ErrorCode::ValidationInvalidValue, a.auditor_rule, {{"field", "auditor_kind"}});
    if (in.auditor_reference.empty())
      refuse(p, kGateRefused, a.auditor_rule,
             {{"field", "auditor_reference"}, {"reason", "accreditation_reference_missing"}});
  } else {
    in.auditor_kind = "tim_auditor_internal";
    if (in.internal_programme_id) throw Error(ErrorCode::ValidationInvalidValue, {{"field", "internal_programme_id"}});
  }
  if (in.auditor_name.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "auditor_name"}});

  in.id = crypto::new_id();
  in.state = "direncanakan";
  in.created_at = in.updated_at = clock::now_iso();
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto in_scope = in_scope_ids(c, s, *type);
    for (const auto& id : in.object_ids) {
      if (!in_scope.contains(id))
        refuse(p, kNotInScope, type->scope_rule, {{"field", "object_ids"}, {"object_id", id}});
    }
    // The audit team: set by decree under the PD of internal control, where the region says so.
    if (a.team_decree_rule) {
      if (in.team_decree_number.empty() || !clock::is_iso_date(in.team_decree_date))
        refuse(p, kGateRefused, a.team_decree_rule, {{"field", "team_decree"}, {"reason", "team_decree_missing"}});
      std::string flag = a.team_agency_role;
      for (const auto& r : p.roles)
        if (r.id == a.team_agency_role && r.agency_flag) flag = *r.agency_flag;
      auto holder = tenancy_.agency_with_flag(c, s, flag);
      if (!holder)
        refuse(p, kGateRefused, a.team_decree_rule, {{"reason", "role_unassigned"}, {"role", a.team_agency_role}});
      in.team_agency_id = holder->id;
    } else if (!in.team_decree_date.empty()) {
      require_date(in.team_decree_date, "team_decree_date");
    }
    if (in.internal_programme_id) {
      auto internal = repo.programme(s, *in.internal_programme_id);
      if (!internal || internal->kind != "internal" || internal->type != in.type)
        throw Error(ErrorCode::ValidationInvalidValue,
                    {{"field", "internal_programme_id"}, {"reason", "not an internal audit of this type"}});
      if (a.internal_lead_months > 0) {
        std::string deadline = regulation::add_months(in.planned_start, -a.internal_lead_months);
        if (internal->planned_end > deadline)
          refuse(p, kBadDate, a.internal_audit_rule,
                 {{"field", "internal_programme_id"},
                  {"internal_deadline", deadline},
                  {"internal_planned_end", internal->planned_end}});
      }
    }
    repo.insert(s, in);
    boost::json::array objects;
    for (const auto& o : in.object_ids) objects.emplace_back(o);
    ledger_.append(c, ledger::change_in(s, actor, "audit.plan", "audit_programme", in.id,
                                        {{"type", in.type},
                                         {"kind", in.kind},
                                         {"objects", objects},
                                         {"planned_start", in.planned_start},
                                         {"planned_end", in.planned_end},
                                         {"auditor", in.auditor_name}}));
    return view(c, s, in, p.today());
  });
}

ProgrammeView Service::get(const Scope& s, const std::string& id, const std::string& today) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto prog = Repository(c).programme(s, id);
    if (!prog) throw Error(kProgrammeNotFound);
    return view(c, s, *prog, today);
  });
}

std::vector<Programme> Service::list(const Scope& s, const std::string& type) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).programmes(s, type); });
}

ProgrammeView Service::step(const Scope& s, const std::string& id, const std::string& to, const std::string& date,
                            const Actor& actor, const std::string& today) {
  require_date(date, "date");
  if (date > today) throw Error(kBadDate, {{"field", "date"}, {"reason", "in the future"}});
  std::size_t target = 0;
  while (target < kSteps.size() && kSteps[target] != to) ++target;
  if (target == 0 || target >= kSteps.size())
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "to"}, {"allowed", boost::json::array{"dimulai", "laporan_diterima", "ditutup"}}});
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto prog = repo.programme(s, id);
    if (!prog) throw Error(kProgrammeNotFound);
    if (prog->state != kSteps[target - 1]) throw Error(kBadStep, {{"state", prog->state}, {"to", to}});
    if (to == "dimulai") {
      auto v = view(c, s, *prog, today);
      if (v.start_refusal) throw *v.start_refusal;
      prog->started_on = date;
    } else if (to == "laporan_diterima") {
      if (date < *prog->started_on)
        throw Error(
            kBadDate,
            {{"field", "date"}, {"reason", "report before the audit began"}, {"started_on", *prog->started_on}});
      prog->report_date = date;
    } else {
      if (date < *prog->report_date)
        throw Error(kBadDate,
                    {{"field", "date"}, {"reason", "closed before the report"}, {"report_date", *prog->report_date}});
      prog->closed_on = date;
    }
    prog->state = to;
    prog->updated_at = clock::now_iso();
    repo.save_steps(s, *prog);
    ledger_.append(c, ledger::change_in(s, actor, "audit.step", "audit_programme", id, {{"to", to}, {"date", date}}));
    return view(c, s, *prog, today);
  });
}

ProgrammeView Service::route(const Scope& s, const std::string& id, const std::string& to_chair_on,
                             const std::string& to_head_on, const Actor& actor, const std::string& today) {
  const auto& p = profile_of(s);
  const auto& a = audit_profile(p);
  if (!a.routing_rule) throw Error(kNotStated, {{"reason", "the regulation states no routing of audit results"}});
  require_date(to_chair_on, "sent_to_chair_on");
  require_date(to_head_on, "sent_to_head_on");
  if (to_chair_on > today || to_head_on > today) throw Error(kBadDate, {{"reason", "in the future"}});
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto prog = repo.programme(s, id);
    if (!prog) throw Error(kProgrammeNotFound);
    if (!prog->report_date) throw Error(kBadStep, {{"state", prog->state}, {"reason", "no report yet"}});
    if (to_chair_on < *prog->report_date)
      refuse(p, kBadDate, a.routing_rule, {{"field", "sent_to_chair_on"}, {"report_date", *prog->report_date}});
    if (to_head_on < to_chair_on)
      refuse(p, kBadDate, a.routing_rule,
             {{"field", "sent_to_head_on"},
              {"reason", "the head of region receives it through the Ketua Tim Koordinasi"}});
    prog->sent_to_chair_on = to_chair_on;
    prog->sent_to_head_on = to_head_on;
    prog->updated_at = clock::now_iso();
    repo.save_steps(s, *prog);
    ledger_.append(c, ledger::change_in(
                          s, actor, "audit.route", "audit_programme", id,
                          {{"sent_to_chair_on", to_chair_on}, {"sent_to_head_on", to_head_on}, {"to", a.routing_to}}));
    return view(c, s, *prog, today);
  });
}

}  // namespace simpul::audit
