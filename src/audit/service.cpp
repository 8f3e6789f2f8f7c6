#include "audit/service.hpp"

#include <algorithm>
#include <chrono>
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

std::string element_attribute(const architecture::Element& e, const char* key) {
  const auto* v = e.attributes.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

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

/// The objects one audit type covers, as its profile entry states them.
void collect_in_scope(const tenancy::Profile& p, const AuditType& t,
                      const std::vector<architecture::Element>& infrastructure,
                      const std::vector<architecture::Element>& applications,
                      const std::map<std::string, std::string>& builders,
                      std::vector<const architecture::Element*>& out) {
  if (t.infrastructure)
    for (const auto& e : infrastructure) out.push_back(&e);
  for (const auto& e : applications) {
    std::string stage = element_attribute(e, "lifecycle_stage");
    if (e.state == "retired" || stage == "pensiun" || !p.applications.is_live(stage)) continue;
    std::string category = element_attribute(e, "category");
    if (std::find(t.application_categories.begin(), t.application_categories.end(), category) ==
        t.application_categories.end())
      continue;
    if (std::find(t.pemda_built_categories.begin(), t.pemda_built_categories.end(), category) !=
        t.pemda_built_categories.end()) {
      auto b = builders.find(e.id);
      if (b == builders.end() ||
          std::find(t.pemda_builders.begin(), t.pemda_builders.end(), b->second) == t.pemda_builders.end())
        continue;
    }
    out.push_back(&e);
  }
}

std::string date_of(const std::string& iso) { return iso.substr(0, 10); }

/// Infrastructure and application elements in force, with their registration time (the
/// live_elements port leaves created_at out).
std::pair<std::vector<architecture::Element>, std::vector<architecture::Element>> audit_candidates(
    const architecture::Service& elements, storage::Connection& c, const Scope& s) {
  std::pair<std::vector<architecture::Element>, std::vector<architecture::Element>> out;
  for (auto& e : elements.all_elements(c, s)) {
    if (e.state == "retired") continue;
    if (e.domain == "infrastruktur")
      out.first.push_back(std::move(e));
    else if (e.domain == "aplikasi")
      out.second.push_back(std::move(e));
  }
  return out;
}

}  // namespace

std::string add_days(const std::string& date, int days) {
  using namespace std::chrono;
  int y = std::stoi(date.substr(0, 4));
  unsigned m = static_cast<unsigned>(std::stoi(date.substr(5, 2))),
           d = static_cast<unsigned>(std::stoi(date.substr(8, 2)));
  year_month_day ymd{sys_days{year{y} / month{m} / day{d}} + std::chrono::days{days}};
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

std::vector<DueItem> Service::objects(const Scope& s, const std::string& type) const {
  return storage::read(db_, [&](storage::Connection& c) { return objects(c, s, type); });
}

std::map<std::string, std::string> Service::last_application_audits(storage::Connection& c, const Scope& s) const {
  std::map<std::string, std::string> out;
  for (auto& [key, date] : Repository(c).last_audits(s))
    if (key.second == "aplikasi") out[key.first] = std::move(date);
  return out;
}

std::vector<DueItem> Service::objects(storage::Connection& c, const Scope& s, const std::string& type) const {
  const auto& p = profile_of(s);
  const auto& a = audit_profile(p);
  auto [infrastructure, applications] = audit_candidates(elements_, c, s);
  auto last = Repository(c).last_audits(s);
  std::map<std::string, std::string> agency_names;
  for (const auto& ag : tenancy_.agencies(c, s)) agency_names[ag.id] = ag.name;
  auto builders = builders_of(c, s);  // once per request, not once per type
  std::vector<DueItem> out;
  out.reserve(a.types.size() * (infrastructure.size() + applications.size()));
  for (const auto& t : a.types) {
    if (!type.empty() && t.id != type) continue;
    std::vector<const architecture::Element*> in_scope;
    collect_in_scope(p, t, infrastructure, applications, builders, in_scope);
    for (const auto* e : in_scope) {
      DueItem d;
      d.type = t.id;
      d.object_id = e->id;
      d.object_code = e->code;
      d.object_name = e->name;
      d.object_domain = e->domain;
      d.agency_id = e->owner_agency_id;
      d.agency_name = agency_names[e->owner_agency_id];
      if (auto it = last.find({e->id, t.id}); it != last.end()) d.last_audit = it->second;
      // Never audited: the cadence runs from the day the object was registered.
      d.since = d.last_audit ? *d.last_audit : e->created_at.empty() ? p.today() : p.local_date(e->created_at);
      if (t.months > 0) d.due = regulation::add_months(d.since, t.months);
      out.push_back(std::move(d));
    }
  }
  return out;
}

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
    std::vector<const architecture::Element*> in_scope;
    auto [infrastructure, applications] = audit_candidates(elements_, c, s);
    collect_in_scope(p, *type, infrastructure, applications, builders_of(c, s), in_scope);
    for (const auto& id : in.object_ids) {
      bool found = false;
      for (const auto* e : in_scope) found = found || e->id == id;
      if (!found) refuse(p, kNotInScope, type->scope_rule, {{"field", "object_ids"}, {"object_id", id}});
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

Finding Service::add_finding(const Scope& s, const std::string& programme_id, Finding in, const Actor& actor) {
  if (in.severity != "rendah" && in.severity != "sedang" && in.severity != "tinggi")
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "severity"}, {"allowed", boost::json::array{"rendah", "sedang", "tinggi"}}});
  require_date(in.due_date, "due_date");
  auto recipients = agency_users(s, in.agency_id);  // read first: the inbox items commit with the finding
  auto out = storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto prog = repo.programme(s, programme_id);
    if (!prog) throw Error(kProgrammeNotFound);
    if (prog->state == "ditutup") throw Error(kProgrammeClosed, {{"state", prog->state}});
    if (prog->state == "direncanakan") throw Error(kBadStep, {{"state", prog->state}});
    bool object_known = false;
    for (const auto& o : prog->object_ids) object_known = object_known || o == in.object_id;
    if (!object_known)
      throw Error(ErrorCode::ValidationInvalidValue,
                  {{"field", "object_id"}, {"reason", "not an object of this programme"}});
    if (!tenancy_.agency(c, s, in.agency_id)) throw Error(ErrorCode::ValidationInvalidValue, {{"field", "agency_id"}});
    if (prog->started_on && in.due_date < *prog->started_on)
      throw Error(kBadDate, {{"field", "due_date"}, {"reason", "before the audit began"}});
    in.id = crypto::new_id();
    in.programme_id = programme_id;
    in.state = "terbuka";
    in.created_at = clock::now_iso();
    repo.insert(s, in);
    ledger_.append(c, ledger::change_in(s, actor, "audit.finding", "audit_programme", programme_id,
                                        {{"finding_id", in.id},
                                         {"object_id", in.object_id},
                                         {"severity", in.severity},
                                         {"agency_id", in.agency_id},
                                         {"due_date", in.due_date}}));
    tell_agency(c, s, recipients, "Temuan audit baru: " + in.title, "New audit finding: " + in.title,
                prog->title + "\nTingkat: " + in.severity + "\nBatas tindak lanjut: " + in.due_date +
                    "\nTindakan yang disepakati: " + in.agreed_action,
                "/audit/temuan");
    return in;
  });
  notifications_.wake();
  return out;
}

std::vector<Finding> Service::findings(const Scope& s, const std::string& programme_id,
                                       const std::string& agency_id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).findings(s, programme_id, agency_id); });
}

Finding Service::finding(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto f = Repository(c).finding(s, id);
    if (!f) throw Error(kFindingNotFound);
    return *f;
  });
}

Finding Service::follow_up(const Scope& s, const std::string& id, const std::string& evidence, const std::string& date,
                           const Actor& actor, const std::string& today) {
  require_date(date, "date");
  if (date > today) throw Error(kBadDate, {{"field", "date"}, {"reason", "in the future"}});
  if (evidence.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "evidence"}});
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto f = repo.finding(s, id);
    if (!f) throw Error(kFindingNotFound);
    if (f->state == "terverifikasi") throw Error(kFindingClosed, {{"state", f->state}});
    if (date < date_of(f->created_at)) throw Error(kBadDate, {{"field", "date"}, {"reason", "before the finding"}});
    f->state = "ditindaklanjuti";
    f->evidence = evidence;
    f->followed_up_on = date;
    repo.save_follow_up(s, *f);
    ledger_.append(c, ledger::change_in(s, actor, "audit.follow_up", "audit_finding", id,
                                        {{"date", date}, {"evidence", evidence}}));
    return *f;
  });
}

Finding Service::verify(const Scope& s, const std::string& id, const std::string& date, const Actor& actor,
                        const std::string& today) {
  require_date(date, "date");
  if (date > today) throw Error(kBadDate, {{"field", "date"}, {"reason", "in the future"}});
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto f = repo.finding(s, id);
    if (!f) throw Error(kFindingNotFound);
    if (f->state != "ditindaklanjuti") throw Error(kBadStep, {{"state", f->state}});
    if (date < *f->followed_up_on) throw Error(kBadDate, {{"field", "date"}, {"reason", "before the follow-up"}});
    f->state = "terverifikasi";
    f->verified_on = date;
    f->verified_by_name = actor.name;
    repo.save_follow_up(s, *f);
    ledger_.append(c, ledger::change_in(s, actor, "audit.verify", "audit_finding", id, {{"date", date}}));
    return *f;
  });
}

}  // namespace simpul::audit
