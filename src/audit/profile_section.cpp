#include "audit/profile_section.hpp"

#include <algorithm>

#include "tenancy/profile_reader.hpp"

namespace simpul::audit {
namespace {

std::optional<std::string> rule_ref(const tenancy::Reader& r, const tenancy::Profile& p, const YAML::Node& n,
                                    const std::string& key, const std::string& path) {
  auto ref = r.opt_str(n, key, path);
  tenancy::check_rule_ref(r, p, n[key], path + key, ref);
  return ref;
}

std::vector<std::string> text_list(const tenancy::Reader& r, const YAML::Node& n, const std::string& key,
                                   const std::string& path) {
  std::vector<std::string> out;
  YAML::Node list = n[key];
  if (!list.IsDefined() || list.IsNull()) return out;
  if (!list.IsSequence()) r.fail(list, path + key, "must be a list");
  for (const auto& item : list) {
    if (!item.IsScalar() || item.Scalar().empty()) r.fail(item, path + key, "must be a list of non-empty text");
    out.push_back(item.Scalar());
  }
  return out;
}

AuditProfile parse(const tenancy::Reader& r, const tenancy::Profile& p, const YAML::Node& n) {
  AuditProfile a;
  const std::string path = "audit.";
  a.types_rule = rule_ref(r, p, n, "types_rule", path);
  a.aspects_rule = rule_ref(r, p, n, "aspects_rule", path);
  a.auditor_rule = rule_ref(r, p, n, "auditor_rule", path);
  a.certified_auditor_allowed = r.boolean(n, "certified_auditor_allowed", path, false);
  std::size_t i = 0;
  for (const auto& t : r.seq(n, "types", path)) {
    std::string at = path + "types[" + std::to_string(i++) + "].";
    AuditType x;
    x.id = r.str(t, "id", at);
    if (x.id != "infrastruktur" && x.id != "aplikasi" && x.id != "keamanan")
      r.fail(t["id"], at + "id", "must be infrastruktur, aplikasi or keamanan");
    if (a.type(x.id)) r.fail(t["id"], at + "id", "is given twice");
    x.name = r.str(t, "name", at);
    x.cadence_rule = rule_ref(r, p, t, "cadence_rule", at);
    if (t["months"].IsDefined() && !t["months"].IsNull()) {
      x.months = r.integer(t["months"], at + "months");
      if (x.months < 1) r.fail(t["months"], at + "months", "must be at least 1");
    }
    x.scope_rule = rule_ref(r, p, t, "scope_rule", at);
    x.infrastructure = r.boolean(t, "infrastructure", at, false);
    x.application_categories = text_list(r, t, "application_categories", at);
    const auto* categories = p.enumeration(p.applications.categories);
    for (const auto& c : x.application_categories) {
      bool known = false;
      if (categories)
        for (const auto& item : categories->items) known = known || item.id == c;
      if (!known)
        r.fail(t["application_categories"], at + "application_categories",
               "'" + c + "' is not an application category of this profile");
    }
    x.coordination_rule = rule_ref(r, p, t, "coordination_rule", at);
    if (auto built = t["pemda_built"]; built.IsDefined() && !built.IsNull()) {
      const std::string bat = at + "pemda_built.";
      x.pemda_built_categories = text_list(r, built, "categories", bat);
      x.pemda_builders = text_list(r, built, "builders", bat);
      if (x.pemda_built_categories.empty()) r.fail(built, bat + "categories", "is required");
      if (x.pemda_builders.empty()) r.fail(built, bat + "builders", "is required");
      for (const auto& c : x.pemda_built_categories)
        if (std::find(x.application_categories.begin(), x.application_categories.end(), c) ==
            x.application_categories.end())
          r.fail(built["categories"], bat + "categories", "'" + c + "' is not in application_categories");
    }
    a.types.push_back(std::move(x));
  }
  if (auto internal = n["internal_audit"]; internal.IsDefined() && !internal.IsNull()) {
    a.internal_audit_rule = rule_ref(r, p, internal, "rule", path + "internal_audit.");
    a.internal_lead_months =
        r.integer(r.need(internal, "lead_months", path + "internal_audit."), path + "internal_audit.lead_months");
    if (a.internal_lead_months < 1)
      r.fail(internal["lead_months"], path + "internal_audit.lead_months", "must be at least 1");
  }
  if (auto team = n["team_decree"]; team.IsDefined() && !team.IsNull()) {
    a.team_decree_rule = rule_ref(r, p, team, "rule", path + "team_decree.");
    a.team_agency_role = r.str(team, "agency_role", path + "team_decree.");
    bool known = false;
    for (const auto& role : p.roles) known = known || role.id == a.team_agency_role;
    if (!known)
      r.fail(team["agency_role"], path + "team_decree.agency_role",
             "'" + a.team_agency_role + "' is not a role of this profile");
  }
  if (auto routing = n["routing"]; routing.IsDefined() && !routing.IsNull()) {
    a.routing_rules = text_list(r, routing, "rules", path + "routing.");
    for (const auto& id : a.routing_rules) tenancy::check_rule_ref(r, p, routing["rules"], path + "routing.rules", id);
    if (a.routing_rules.empty()) r.fail(routing, path + "routing.rules", "is required");
    a.routing_rule = a.routing_rules.front();
    a.routing_to = r.str(routing, "to", path + "routing.");
  }
  bool coordinates = false;
  for (const auto& t : a.types) coordinates = coordinates || t.coordination_rule.has_value();
  if (coordinates) a.coordination_with = r.str(n, "coordination_with", path);
  return a;
}

}  // namespace

void add_profile_section(tenancy::ProfileSections& sections) {
  sections.add("audit", [](const tenancy::Reader& r, const tenancy::Profile& p, const YAML::Node& n) -> std::any {
    if (!n.IsDefined() || n.IsNull()) return AuditProfile{};
    if (!n.IsMap()) r.fail(n, "audit", "must be a mapping");
    return parse(r, p, n);
  });
}

const AuditProfile& audit_profile(const tenancy::Profile& p) {
  static const AuditProfile kNone;
  const auto* a = p.section<AuditProfile>("audit");
  return a ? *a : kNone;
}

}  // namespace simpul::audit
