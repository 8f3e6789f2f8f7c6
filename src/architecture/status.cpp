#include "architecture/status.hpp"

#include "architecture/document_kinds.hpp"
#include "architecture/json.hpp"

namespace simpul::architecture {
namespace {

std::optional<std::string> check_rule(const tenancy::Profile& p, const char* check,
                                      const std::optional<std::string>& fallback) {
  auto it = p.architecture.checks.find(check);
  return it != p.architecture.checks.end() && it->second ? it->second : fallback;
}

boost::json::object check(const std::string& id, bool ok, boost::json::value rule, boost::json::array items = {}) {
  auto count = static_cast<std::int64_t>(items.size());
  return {{"id", id}, {"ok", ok}, {"rule", std::move(rule)}, {"count", count}, {"items", std::move(items)}};
}

}  // namespace

boost::json::object status(const Service& elements, const Documents& documents, const Scope& s,
                           const std::string& today) {
  const auto& p = elements.profile_of(s);
  const auto& arch = p.architecture;
  int year = std::stoi(today.substr(0, 4));
  boost::json::array checks;
  for (const char* kind : {"arsitektur", "peta_rencana"}) {
    bool roadmap = std::string_view(kind) == "peta_rencana";
    const auto& spec = roadmap ? arch.roadmap : arch.document;
    std::optional<Document> in_force;
    for (auto& d : documents.list(s, kind))
      if (d.status == "approved") in_force = d;
    checks.push_back(
        check(roadmap ? "roadmap_approved" : "architecture_approved", in_force.has_value(),
              rule_json(p, check_rule(p, roadmap ? "roadmap_approved" : "approved", spec.instrument_rule))));
    bool valid = in_force && in_force->period_start <= year && year <= in_force->period_end;
    boost::json::array items;
    if (in_force && !valid)
      items.push_back(boost::json::object{{"document_id", in_force->id},
                                          {"period_start", in_force->period_start},
                                          {"period_end", in_force->period_end}});
    checks.push_back(
        check(roadmap ? "roadmap_valid" : "architecture_valid", valid,
              rule_json(p, roadmap ? spec.validity_rule : check_rule(p, "within_validity", spec.validity_rule)),
              std::move(items)));
  }
  // The further kinds of the profile (Lampung Timur's Rencana Induk SPBE): `<kind>_approved`.
  for (const auto& kind : document_kinds(p)) {
    if (kind.id == "arsitektur" || kind.id == "peta_rencana") continue;
    std::optional<Document> in_force;
    for (auto& d : documents.list(s, kind.id))
      if (d.status == "approved") in_force = d;
    checks.push_back(check(kind.id + "_approved", in_force.has_value(),
                           rule_json(p, kind.in_force_rule ? kind.in_force_rule : kind.spec->instrument_rule)));
  }
  boost::json::array overdue;
  std::optional<std::string> review_rule;
  for (const auto& [d, due] : documents.overdue(s, today)) {
    const auto& spec = Documents::spec(p, d.kind);
    if (!review_rule) review_rule = spec.review.rule;
    overdue.push_back(boost::json::object{{"document_id", d.id},
                                          {"kind", d.kind},
                                          {"version", d.version},
                                          {"label", due.label},
                                          {"due", due.due},
                                          {"rule", rule_json(p, spec.review.rule)}});
  }
  bool reviews_ok = overdue.empty();
  checks.push_back(check("reviews_on_schedule", reviews_ok,
                         rule_json(p, review_rule ? review_rule : arch.document.review.rule), std::move(overdue)));
  auto [services, applications] = elements.unsupported(s);
  checks.push_back(check("service_has_application", services.empty(),
                         rule_json(p, check_rule(p, "service_has_application", {})), to_json(services)));
  checks.push_back(check("application_has_service", applications.empty(),
                         rule_json(p, check_rule(p, "application_has_service", {})), to_json(applications)));
  return {{"checks", std::move(checks)}, {"date", today}};
}

}  // namespace simpul::architecture
