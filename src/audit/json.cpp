#include "audit/json.hpp"

#include <boost/json/array.hpp>

namespace simpul::audit {
namespace {

boost::json::value opt(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::value citation_of(const tenancy::Profile& p, const std::optional<std::string>& rule) {
  auto r = tenancy::rule_ref(p, rule);
  if (!r) return nullptr;
  return boost::json::object{{"id", r->id}, {"citation", r->citation}};
}

std::string type_name(const tenancy::Profile& p, const std::string& id) {
  const auto* t = audit_profile(p).type(id);
  return t ? t->name : id;
}

std::string step_name(const std::string& state) {
  if (state == "direncanakan") return "Direncanakan";
  if (state == "dimulai") return "Dimulai";
  if (state == "laporan_diterima") return "Laporan diterima";
  if (state == "ditutup") return "Ditutup";
  return state;
}

std::string finding_state_name(const std::string& state) {
  if (state == "terbuka") return "Terbuka";
  if (state == "ditindaklanjuti") return "Ditindaklanjuti";
  if (state == "terverifikasi") return "Terverifikasi";
  return state;
}

std::string severity_name(const std::string& severity) {
  if (severity == "rendah") return "Rendah";
  if (severity == "sedang") return "Sedang";
  if (severity == "tinggi") return "Tinggi";
  return severity;
}

std::string choice_name(const std::vector<std::pair<std::string, std::string>>& items, const std::string& id) {
  for (const auto& [key, name] : items)
    if (key == id) return name;
  return id == "tim_auditor_internal" ? "Tim auditor internal" : id;
}

}  // namespace

boost::json::object to_json(const tenancy::Profile& p, const DueItem& d, const std::string& today) {
  std::string status = !d.due ? "tanpa_jadwal" : *d.due < today ? "terlambat" : "terjadwal";
  const auto* t = audit_profile(p).type(d.type);
  return {{"type", d.type},
          {"type_name", type_name(p, d.type)},
          {"object_id", d.object_id},
          {"object_code", d.object_code},
          {"object_name", d.object_name},
          {"object_domain", d.object_domain},
          {"agency_id", d.agency_id},
          {"agency_name", d.agency_name},
          {"last_audit", opt(d.last_audit)},
          {"since", d.since},
          {"due", opt(d.due)},
          {"status", status},
          {"rule", t ? citation_of(p, t->cadence_rule) : boost::json::value(nullptr)}};
}

boost::json::object to_json(const tenancy::Profile& p, const Programme& x) {
  boost::json::array aspects, objects;
  for (const auto& a : x.aspects)
    aspects.push_back(boost::json::object{{"id", a}, {"name", choice_name(audit_aspects(), a)}});
  for (const auto& o : x.object_ids) objects.emplace_back(o);
  return {{"id", x.id},
          {"type", x.type},
          {"type_name", type_name(p, x.type)},
          {"kind", x.kind},
          {"title", x.title},
          {"aspects", aspects},
          {"object_ids", objects},
          {"auditor_kind", x.auditor_kind},
          {"auditor_kind_name", choice_name(auditor_kinds(), x.auditor_kind)},
          {"auditor_name", x.auditor_name},
          {"auditor_reference", x.auditor_reference},
          {"planned_start", x.planned_start},
          {"planned_end", x.planned_end},
          {"internal_programme_id", opt(x.internal_programme_id)},
          {"team_decree_number", x.team_decree_number},
          {"team_decree_date", x.team_decree_date},
          {"team_agency_id", x.team_agency_id},
          {"letter", boost::json::object{{"purpose", x.letter_purpose},
                                         {"scope", x.letter_scope},
                                         {"authority", x.letter_authority},
                                         {"duties", x.letter_duties},
                                         {"reporting", x.letter_reporting}}},
          {"state", x.state},
          {"state_name", step_name(x.state)},
          {"started_on", opt(x.started_on)},
          {"report_date", opt(x.report_date)},
          {"closed_on", opt(x.closed_on)},
          {"sent_to_chair_on", opt(x.sent_to_chair_on)},
          {"sent_to_head_on", opt(x.sent_to_head_on)},
          {"imported", x.imported}};
}

boost::json::object to_json(const tenancy::Profile& p, const ProgrammeView& v) {
  auto out = to_json(p, v.programme);
  out["internal_deadline"] = opt(v.internal_deadline);
  if (v.start_refusal) {
    const auto& e = *v.start_refusal;
    // The gate message the programme page shows before anyone tries to start the audit.
    out["start_refusal"] = boost::json::object{
        {"code", std::string(error_code_string(e.code()))},
        {"rule", e.rule()
                     ? boost::json::value(boost::json::object{{"id", e.rule()->id}, {"citation", e.rule()->citation}})
                     : boost::json::value(nullptr)},
        {"details", e.details()}};
  } else {
    out["start_refusal"] = nullptr;
  }
  boost::json::array reports, corrections, coordination;
  for (const auto& r : v.reports)
    reports.push_back(boost::json::object{{"id", r.id},
                                          {"filename", r.filename},
                                          {"content_type", r.content_type},
                                          {"size", r.size},
                                          {"version", r.version},
                                          {"sha256", r.sha256},
                                          {"uploaded_by_name", r.uploaded_by_name},
                                          {"uploaded_at", r.uploaded_at}});
  for (const auto& x : v.corrections)
    corrections.push_back(boost::json::object{{"id", x.id},
                                              {"field", x.field},
                                              {"old_value", x.old_value},
                                              {"new_value", x.new_value},
                                              {"reason", x.reason},
                                              {"corrected_by_name", x.corrected_by_name},
                                              {"corrected_at", x.corrected_at}});
  for (const auto& x : v.coordination)
    coordination.push_back(boost::json::object{
        {"id", x.id}, {"with", x.with}, {"date", x.date}, {"note", x.note}, {"recorded_by_name", x.recorded_by_name}});
  out["reports"] = std::move(reports);
  out["corrections"] = std::move(corrections);
  out["coordination"] = std::move(coordination);
  const auto* type = audit_profile(p).type(v.programme.type);
  out["coordination_rule"] = type ? citation_of(p, type->coordination_rule) : boost::json::value(nullptr);
  out["coordination_with"] = audit_profile(p).coordination_with;
  return out;
}

boost::json::object to_json(const Finding& f, const std::string& today) {
  return {{"id", f.id},
          {"programme_id", f.programme_id},
          {"object_id", f.object_id},
          {"control_id", opt(f.control_id)},
          {"severity", f.severity},
          {"title", f.title},
          {"recommendation", f.recommendation},
          {"agency_id", f.agency_id},
          {"agreed_action", f.agreed_action},
          {"due_date", f.due_date},
          {"state", f.state},
          {"state_name", finding_state_name(f.state)},
          {"overdue", f.state == "terbuka" && f.due_date < today},
          {"evidence", f.evidence},
          {"followed_up_on", opt(f.followed_up_on)},
          {"verified_on", opt(f.verified_on)},
          {"verified_by_name", f.verified_by_name}};
}

boost::json::object to_json(const tenancy::Profile& p, const ObjectHistory& h, const std::string& today) {
  boost::json::array programmes, findings;
  for (const auto& x : h.programmes) programmes.push_back(to_json(p, x));
  for (const auto& f : h.findings) {
    auto row = to_json(f, today);
    row["severity_name"] = severity_name(f.severity);
    auto title = h.programme_titles.find(f.programme_id);
    row["programme_title"] = title == h.programme_titles.end() ? std::string() : title->second;
    row["via_control"] = f.control_id && *f.control_id == h.object.id && f.object_id != h.object.id;
    findings.push_back(std::move(row));
  }
  return {{"object", boost::json::object{{"id", h.object.id},
                                         {"code", h.object.code},
                                         {"name", h.object.name},
                                         {"domain", h.object.domain},
                                         {"kind", h.kind},
                                         {"owner_agency_id", h.object.owner_agency_id},
                                         {"owner_agency_name", h.object.owner_agency_name}}},
          {"programmes", std::move(programmes)},
          {"findings", std::move(findings)},
          {"today", today}};
}

boost::json::object options_json(const tenancy::Profile& p) {
  const auto& a = audit_profile(p);
  boost::json::array types, aspects, auditors;
  for (const auto& t : a.types) {
    boost::json::array categories;
    for (const auto& c : t.application_categories) categories.emplace_back(c);
    types.push_back(
        boost::json::object{{"id", t.id},
                            {"name", t.name},
                            {"months", t.months == 0 ? boost::json::value(nullptr) : boost::json::value(t.months)},
                            {"cadence_rule", citation_of(p, t.cadence_rule)},
                            {"scope_rule", citation_of(p, t.scope_rule)},
                            {"infrastructure", t.infrastructure},
                            {"application_categories", categories},
                            {"coordination_rule", citation_of(p, t.coordination_rule)}});
  }
  for (const auto& [id, name] : audit_aspects()) aspects.push_back(boost::json::object{{"id", id}, {"name", name}});
  for (const auto& [id, name] : auditor_kinds())
    if (id != "auditor_tersertifikasi" || a.certified_auditor_allowed)
      auditors.push_back(boost::json::object{{"id", id}, {"name", name}});
  return {{"types", types},
          {"aspects", aspects},
          {"aspects_rule", citation_of(p, a.aspects_rule)},
          {"auditor_kinds", auditors},
          {"auditor_rule", citation_of(p, a.auditor_rule)},
          {"internal_lead_months",
           a.internal_lead_months == 0 ? boost::json::value(nullptr) : boost::json::value(a.internal_lead_months)},
          {"internal_audit_rule", citation_of(p, a.internal_audit_rule)},
          {"team_decree_rule", citation_of(p, a.team_decree_rule)},
          {"routing_rule", citation_of(p, a.routing_rule)},
          {"routing_to", a.routing_to},
          {"coordination_with", a.coordination_with}};
}

}  // namespace simpul::audit
