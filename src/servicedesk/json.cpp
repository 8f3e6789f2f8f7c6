#include "servicedesk/json.hpp"
#include "servicedesk/internal.hpp"

#include "servicedesk/profile_section.hpp"

namespace simpul::servicedesk {
namespace {

namespace json = boost::json;

json::value nullable(const std::optional<std::string>& v) { return v ? json::value(*v) : json::value(nullptr); }

json::value rule_json(const tenancy::Profile& p, const std::optional<std::string>& id) {
  auto r = tenancy::rule_ref(p, id);
  if (!r) return nullptr;
  return json::object{{"id", r->id}, {"citation", r->citation}};
}

std::string name_of(const Names& n, const std::string& id) {
  auto it = n.find(id);
  return it == n.end() ? "" : it->second;
}

std::string tier_label(const DeskRules& rules, int tier) {
  if (rules.tiers != 2) return "Meja Layanan";
  return tier == 2 ? "Pelayanan Level 2" : "Pelayanan Level 1";
}

json::object clock_json(const SlaClock& c) {
  return {{"used_minutes", c.used},
          {"target_minutes", c.target},
          {"running", c.running},
          {"done", c.done},
          {"breached", c.breached()}};
}

json::array choices(const std::vector<Choice>& list) {
  json::array out;
  for (const auto& c : list) out.push_back({{"id", c.id}, {"name", c.name}, {"name_en", c.name_en}});
  return out;
}

}  // namespace

json::object to_json(const DeskRules& rules, const Ticket& t, const Names& agencies) {
  const auto* type = rules.type(t.type);
  const auto* prio = rules.priority(t.priority);
  json::object o{{"id", t.id},
                 {"number", t.number},
                 {"agency_id", t.agency_id},
                 {"agency_name", name_of(agencies, t.agency_id)},
                 {"requester_id", t.requester_id},
                 {"requester_name", t.requester_name},
                 {"type", t.type},
                 {"type_label", type ? type->name : t.type},
                 {"category_id", t.category_id.empty() ? json::value(nullptr) : json::value(t.category_id)},
                 {"element_id", t.element_id.empty() ? json::value(nullptr) : json::value(t.element_id)},
                 {"element_label", t.element_label},
                 {"title", t.title},
                 {"description", t.description},
                 {"urgency", t.urgency},
                 {"impact", t.impact},
                 {"priority", t.priority},
                 {"priority_label", prio ? prio->name : t.priority},
                 {"tier", t.tier},
                 {"tier_label", tier_label(rules, t.tier)},
                 {"queue_agency_id", t.queue_agency_id},
                 {"queue_agency_name", name_of(agencies, t.queue_agency_id)},
                 {"state", t.state},
                 {"state_label", state_label(t.state)},
                 {"pending_reason", t.pending_reason},
                 {"assignee_id", t.assignee_id.empty() ? json::value(nullptr) : json::value(t.assignee_id)},
                 {"assignee_name", t.assignee_name},
                 {"shared", t.shared},
                 {"resolution", t.resolution},
                 {"rating", t.rating ? json::value(*t.rating) : json::value(nullptr)},
                 {"rating_comment", t.rating_comment},
                 {"created_at", t.created_at},
                 {"updated_at", t.updated_at},
                 {"resolved_at", nullable(t.resolved_at)},
                 {"closed_at", nullable(t.closed_at)}};
  return o;
}

json::object to_json(const Event& e) {
  return {{"seq", e.seq},
          {"at", e.at},
          {"kind", e.kind},
          {"from_state", e.from_state},
          {"to_state", e.to_state},
          {"tier", e.tier},
          {"body", e.body},
          {"internal", e.internal},
          {"actor_name", e.actor_name},
          {"rule", e.rule_id.empty() ? json::value(nullptr)
                                     : json::value(json::object{{"id", e.rule_id}, {"citation", e.citation}})}};
}

json::object to_json(const DeskRules& rules, const TicketView& v, const Names& agencies) {
  auto o = to_json(rules, v.ticket, agencies);
  json::array events, actions;
  for (const auto& e : v.events) events.push_back(to_json(e));
  for (const auto& a : v.actions) actions.push_back(json::value(a));
  o["events"] = events;
  o["actions"] = actions;
  o["works"] = v.works;
  const auto& g = v.target;
  json::value service = nullptr;
  if (g.service)
    service = json::object{{"id", g.service->id},
                           {"code", g.service->code},
                           {"name", g.service->name},
                           {"name_en", g.service->name_en},
                           {"sla_class", g.service->sla_class}};
  // Which targets the clocks run against and why: the category that sets them (or the profile's
  // priority), and the service whose SLA class raised the priority (sla_targets.hpp).
  json::object target{{"own_minutes", g.own_minutes},
                      {"resolve_minutes", g.resolve_minutes},
                      {"priority", g.priority},
                      {"priority_name", g.priority_name},
                      {"priority_name_en", g.priority_name_en},
                      {"category_id", g.category_id.empty() ? json::value(nullptr) : json::value(g.category_id)},
                      {"category_name", g.category_name.empty() ? json::value(nullptr) : json::value(g.category_name)},
                      {"service", service}};
  o["sla"] = json::object{{"own", clock_json(v.sla.own)},
                          {"resolve", clock_json(v.sla.resolve)},
                          {"paused", v.sla.paused},
                          {"target", target}};
  o["service"] = nullptr;
  if (v.service)
    o["service"] = json::object{
        {"id", v.service->id},           {"code", v.service->code},           {"name", v.service->name},
        {"name_en", v.service->name_en}, {"agency_id", v.service->agency_id}, {"agency_name", v.service->agency_name}};
  return o;
}

json::object to_json(const Agent& a) {
  return {{"id", a.id},
          {"user_id", a.user_id},
          {"user_name", a.user_name},
          {"agency_id", a.agency_id},
          {"agency_name", a.agency_name},
          {"tier", a.tier},
          {"created_at", a.created_at}};
}

json::object to_json(const StaffingRow& r) {
  json::array l1, l2;
  for (const auto& a : r.level1) l1.push_back(to_json(a));
  for (const auto& a : r.level2) l2.push_back(to_json(a));
  json::value desk = nullptr;
  if (r.desk)
    desk = json::object{
        {"unit_name", r.desk->unit_name}, {"sop_reference", r.desk->sop_reference}, {"since", r.desk->since}};
  return {{"agency_id", r.agency_id},
          {"agency_name", r.agency_name},
          {"is_dinas", r.is_dinas},
          {"runs_services", r.runs_services},
          {"level1", l1},
          {"level2", l2},
          {"desk", desk},
          {"last_report", r.last_report.empty() ? json::value(nullptr) : json::value(r.last_report)},
          {"staffed", r.staffed}};
}

json::object to_json(const StatRow& r) {
  json::value avg_resolve = nullptr, avg_rating = nullptr;
  if (r.resolved > 0) avg_resolve = r.resolve_minutes / r.resolved;
  if (r.rated > 0) avg_rating = static_cast<double>(r.rating_total) / static_cast<double>(r.rated);
  return {{"agency_id", r.agency_id},
          {"agency_name", r.agency_name},
          {"tier", r.tier},
          {"opened", r.opened},
          {"resolved", r.resolved},
          {"backlog", r.backlog},
          {"breached", r.breached},
          {"breach_rate", r.opened ? static_cast<double>(r.breached) / static_cast<double>(r.opened) : 0.0},
          {"avg_resolve_minutes", avg_resolve},
          {"rated", r.rated},
          {"avg_rating", avg_rating}};
}

json::object to_json(const Report& r, const Names& agencies) {
  return {{"id", r.id},
          {"agency_id", r.agency_id},
          {"agency_name", name_of(agencies, r.agency_id)},
          {"period_start", r.period_start},
          {"period_end", r.period_end},
          {"submitted_on", r.submitted_on},
          {"submitted_by_name", r.submitted_by_name},
          {"opened", r.opened},
          {"resolved", r.resolved},
          {"open_now", r.open_now}};
}

json::object options_json(const tenancy::Profile& p, const std::vector<Category>& categories,
                          const std::vector<Holiday>& holidays) {
  const auto& d = rules_of(p);
  json::array priorities, cats, hols;
  for (const auto& x : d.priorities)
    priorities.push_back({{"id", x.id},
                          {"name", x.name},
                          {"name_en", x.name_en},
                          {"own_minutes", x.own_minutes},
                          {"resolve_minutes", x.resolve_minutes}});
  json::object matrix;
  for (const auto& [u, row] : d.matrix) {
    json::object r;
    for (const auto& [i, prio] : row) r[i] = prio;
    matrix[u] = r;
  }
  for (const auto& c : categories)
    cats.push_back({{"id", c.id},
                    {"name", c.name},
                    {"parent_id", c.parent_id.empty() ? json::value(nullptr) : json::value(c.parent_id)}});
  for (const auto& h : holidays) hols.push_back({{"date", h.date}, {"name", h.name}});
  char hours[32];
  std::snprintf(hours, sizeof hours, "%02d:%02d-%02d:%02d", d.day_start_minute / 60, d.day_start_minute % 60,
                d.day_end_minute / 60, d.day_end_minute % 60);
  json::array days;
  for (int x : d.working_days) days.push_back(x);
  return {{"tiers", d.tiers},
          {"types", choices(d.types)},
          {"types_rule", rule_json(p, d.types_rule.empty() ? std::nullopt : std::optional<std::string>(d.types_rule))},
          {"levels", choices(d.levels)},
          {"priorities", priorities},
          {"matrix", matrix},
          {"categories", cats},
          {"holidays", hols},
          {"working_hours", hours},
          {"working_days", days},
          {"reopen_days", d.reopen_days},
          {"level2_direct_for_dinas_services", d.level2_direct_for_dinas_services},
          {"rules", json::object{{"structure", rule_json(p, d.structure_rule)},
                                 {"level1", rule_json(p, d.level1_rule)},
                                 {"level2", rule_json(p, d.level2_rule)},
                                 {"escalation", rule_json(p, d.escalation_rule)},
                                 {"level1_staffing", rule_json(p, d.level1_staffing_rule)},
                                 {"level2_staffing", rule_json(p, d.level2_staffing_rule)},
                                 {"desk_required", rule_json(p, d.desk_required_rule)},
                                 {"sop", rule_json(p, d.sop_rule)},
                                 {"report", rule_json(p, d.report_rule)},
                                 {"knowledge", rule_json(p, d.knowledge_rule)}}}};
}

}  // namespace simpul::servicedesk
