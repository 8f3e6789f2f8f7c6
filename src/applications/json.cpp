#include "applications/json.hpp"

#include "architecture/json.hpp"

namespace simpul::applications {
namespace {

boost::json::value optional(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

std::string name_of(const std::vector<tenancy::EnumItem>& items, const std::string& id) {
  for (const auto& i : items)
    if (i.id == id) return i.name;
  return id == "pensiun" ? "Pensiun" : id;
}

}  // namespace

boost::json::array to_json(const std::vector<tenancy::EnumItem>& items) {
  boost::json::array out;
  for (const auto& i : items) out.push_back({{"id", i.id}, {"name", i.name}});
  return out;
}

boost::json::object to_json(const Record& r) {
  return {{"operator_agency_id", optional(r.operator_agency_id)},
          {"builder", r.builder},
          {"vendor_name", r.vendor_name},
          {"source_model", r.source_model},
          {"hosting", r.hosting},
          {"subdomain", r.subdomain},
          {"contact_email", r.contact_email},
          {"similar_to_umum", r.similar_to_umum},
          {"justification", r.justification},
          {"last_audit_date", optional(r.last_audit_date)},
          {"live_since", optional(r.live_since)}};
}

boost::json::object to_json(const tenancy::Profile& p, const Application& a) {
  const auto& e = a.element;
  std::string stage = text_attribute(e, "lifecycle_stage");
  boost::json::object out{{"id", e.id},
                          {"code", e.code},
                          {"name", e.name},
                          {"description", e.description},
                          {"owner_agency_id", e.owner_agency_id},
                          {"owner_agency_name", e.owner_agency_name},
                          {"reference_code", optional(e.reference_code)},
                          {"state", e.state},
                          {"category", text_attribute(e, "category")},
                          {"url", text_attribute(e, "url")},
                          {"stage", stage},
                          {"stage_name", name_of(p.applications.stages, stage)},
                          {"live", p.applications.is_live(stage) && e.state != "retired"},
                          {"open_findings", a.open_findings},
                          {"created_at", e.created_at},
                          {"updated_at", e.updated_at}};
  for (auto& [k, v] : to_json(a.record)) out[k] = v;
  return out;
}

boost::json::object to_json(const Recommendation& r) {
  return {{"id", r.id},
          {"application_id", r.application_id},
          {"application_code", r.application_code},
          {"application_name", r.application_name},
          {"owner_agency_id", r.owner_agency_id},
          {"owner_agency_name", r.owner_agency_name},
          {"state", r.state},
          {"purpose", r.purpose},
          {"justification", r.justification},
          {"requested_by", r.requested_by},
          {"requested_by_name", r.requested_by_name},
          {"requested_at", r.requested_at},
          {"reasons", r.reasons},
          {"decided_by_name", r.decided_by_name},
          {"decided_at", optional(r.decided_at)}};
}

boost::json::object to_json(const Consideration& c) {
  return {{"id", c.id},
          {"kind", c.kind},
          {"reference", c.reference},
          {"date", c.date},
          {"decision", c.decision},
          {"note", c.note},
          {"recorded_by_name", c.recorded_by_name},
          {"recorded_at", c.recorded_at}};
}

boost::json::object to_json(const TestRecord& t) {
  return {{"id", t.id},
          {"date", t.date},
          {"release", t.release},
          {"result", t.result},
          {"summary", t.summary},
          {"recorded_by_name", t.recorded_by_name},
          {"recorded_at", t.recorded_at}};
}

boost::json::object to_json(const Artifact& a) {
  return {{"id", a.id},
          {"kind", a.kind},
          {"release", a.release},
          {"filename", a.filename},
          {"size", a.size},
          {"sha256", a.sha256},
          {"uploaded_by_name", a.uploaded_by_name},
          {"uploaded_at", a.uploaded_at},
          {"explanations_confirmed",
           a.explanations_confirmed_at.empty()
               ? boost::json::value(nullptr)
               : boost::json::value(boost::json::object{{"by_name", a.explanations_confirmed_by_name},
                                                        {"at", a.explanations_confirmed_at},
                                                        {"note", a.explanations_note}})}};
}

boost::json::object to_json(const Move& m) {
  boost::json::array blocked;
  if (m.refusal) {
    const auto& d = m.refusal->details();
    boost::json::object rule{{"id", m.refusal->rule() ? m.refusal->rule()->id : ""},
                             {"citation", m.refusal->rule() ? m.refusal->rule()->citation : ""}};
    if (auto* t = d.if_contains("rule_title")) rule["title"] = *t;
    if (auto* t = d.if_contains("rule_title_en")) rule["title_en"] = *t;
    boost::json::array missing;
    if (auto* mi = d.if_contains("missing"); mi && mi->is_array()) missing = mi->as_array();
    blocked.push_back({{"rule", rule},
                       {"code", std::string(error_code_string(m.refusal->code()))},
                       {"missing", missing},
                       {"details", d}});
    // Every further gate the move breaks (check_gate lists them all in details.unmet).
    if (auto* unmet = d.if_contains("unmet"); unmet && unmet->is_array())
      for (std::size_t i = 1; i < unmet->as_array().size(); ++i) {
        const auto& u = unmet->as_array()[i].as_object();
        boost::json::array more;
        const auto& ud = u.at("details").as_object();
        if (auto* mi = ud.if_contains("missing"); mi && mi->is_array()) more = mi->as_array();
        blocked.push_back(
            {{"rule", u.at("rule")}, {"code", "application.gate_refused"}, {"missing", more}, {"details", ud}});
      }
  }
  return {{"to", m.to}, {"name", m.name}, {"allowed", !m.refusal.has_value()}, {"blocked_by", blocked}};
}

boost::json::object options_json(const tenancy::Profile& p) {
  const auto& a = p.applications;
  boost::json::array stages, khusus;
  for (const auto& s : a.stages) stages.push_back({{"id", s.id}, {"name", s.name}, {"live", a.is_live(s.id)}});
  for (const auto& k : a.khusus_categories) khusus.emplace_back(k);
  const auto* categories = p.enumeration(a.categories);
  auto rule = [&](const std::optional<std::string>& id) { return architecture::rule_json(p, id); };
  boost::json::value handover = nullptr, similar = nullptr;
  if (a.has_handover)
    handover = boost::json::object{{"rule", rule(a.handover_rule)}, {"documents", to_json(a.handover_documents)}};
  if (a.has_similar)
    similar = boost::json::object{{"rule", rule(a.similar_rule)}, {"conditions", to_json(a.similar_conditions)}};
  std::string recommender_name = a.recommender;
  for (const auto& r : p.roles)
    if (r.id == a.recommender) recommender_name = r.name;
  return {{"categories", categories ? to_json(categories->items) : boost::json::array{}},
          {"khusus_categories", khusus},
          {"umum_category", a.umum_category},
          {"stages", stages},
          {"lifecycle_rule", rule(a.lifecycle_rule)},
          {"recommendation_rule", rule(a.recommendation_rule)},
          {"handover", handover},
          {"similar_to_umum", similar},
          {"builders", to_json(builders())},
          {"hosting", to_json(hosting_options())},
          {"source_models", to_json(source_models())},
          {"consideration_kinds", to_json(consideration_kinds())},
          {"artifact_kinds", to_json(Service::artifact_kinds(p))},
          {"recommender", boost::json::object{{"role", a.recommender}, {"name", recommender_name}}}};
}

}  // namespace simpul::applications
