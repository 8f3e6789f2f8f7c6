#include "planning/profile_section.hpp"

#include "tenancy/profile_reader.hpp"

namespace simpul::planning {
namespace {

std::optional<std::string> planning_rule(const tenancy::Reader& r, const tenancy::Profile& p, const YAML::Node& n,
                                         const std::string& key, const std::string& path) {
  auto ref = r.opt_str(n, key, path);
  tenancy::check_rule_ref(r, p, n[key], path + key, ref);
  return ref;
}

std::vector<std::string> planning_texts(const tenancy::Reader& r, const YAML::Node& n, const std::string& key,
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

std::vector<Choice> planning_choices(const tenancy::Reader& r, const YAML::Node& n, const std::string& key,
                                     const std::string& path) {
  std::vector<Choice> out;
  std::size_t i = 0;
  for (const auto& item : r.seq(n, key, path)) {
    std::string at = path + key + "[" + std::to_string(i++) + "].";
    Choice c{r.str(item, "id", at), r.str(item, "name", at)};
    for (const auto& o : out)
      if (o.id == c.id) r.fail(item["id"], at + "id", "is given twice");
    out.push_back(std::move(c));
  }
  if (out.empty()) r.fail(n[key], path + key, "must not be empty");
  return out;
}

void check_role(const tenancy::Reader& r, const tenancy::Profile& p, const YAML::Node& at, const std::string& field,
                const std::string& role) {
  for (const auto& x : p.roles)
    if (x.id == role) {
      if (!x.agency_flag) r.fail(at, field, "'" + role + "' is not held by a Perangkat Daerah");
      return;
    }
  r.fail(at, field, "'" + role + "' is not a role of this profile");
}

PlanningProfile parse_planning(const tenancy::Reader& r, const tenancy::Profile& p, const YAML::Node& n) {
  PlanningProfile a;
  a.present = true;
  const std::string path = "planning.";
  a.coordinator_roles = planning_texts(r, n, "coordinator_roles", path);
  if (a.coordinator_roles.empty()) r.fail(n, path + "coordinator_roles", "is required");
  for (const auto& role : a.coordinator_roles)
    check_role(r, p, n["coordinator_roles"], path + "coordinator_roles", role);
  a.coordinator_rule = planning_rule(r, p, n, "coordinator_rule", path);
  a.link_rule = planning_rule(r, p, n, "link_rule", path);
  a.categories_rule = planning_rule(r, p, n, "categories_rule", path);
  a.categories = planning_choices(r, n, "categories", path);
  a.funding_rule = planning_rule(r, p, n, "funding_rule", path);
  a.funding_sources = planning_choices(r, n, "funding_sources", path);
  a.price_rule = planning_rule(r, p, n, "price_rule", path);
  a.submission_rule = planning_rule(r, p, n, "submission_rule", path);
  a.duplicate_rule = planning_rule(r, p, n, "duplicate_rule", path);
  a.approval_rule = planning_rule(r, p, n, "approval_rule", path);
  if (auto rec = n["recommendation"]; rec.IsDefined() && !rec.IsNull()) {
    const std::string at = path + "recommendation.";
    a.recommendation_role = r.str(rec, "role", at);
    check_role(r, p, rec["role"], at + "role", a.recommendation_role);
    a.recommendation_rule = planning_rule(r, p, rec, "rule", at);
    a.recommendation_required = r.boolean(rec, "required_before_submission", at, false);
  }
  if (auto reserved = n["reserved"]; reserved.IsDefined() && !reserved.IsNull()) {
    std::size_t i = 0;
    for (const auto& x : r.seq(n, "reserved", path)) {
      std::string at = path + "reserved[" + std::to_string(i++) + "].";
      ReservedClass c;
      c.id = r.str(x, "id", at);
      if (a.reserved_class(c.id)) r.fail(x["id"], at + "id", "is given twice");
      c.name = r.str(x, "name", at);
      c.rule = planning_rule(r, p, x, "rule", at);
      c.holder_role = r.str(x, "holder_role", at);
      check_role(r, p, x["holder_role"], at + "holder_role", c.holder_role);
      c.account_prefixes = planning_texts(r, x, "account_prefixes", at);
      c.ssh_prefixes = planning_texts(r, x, "ssh_prefixes", at);
      c.keywords = planning_texts(r, x, "keywords", at);
      if (c.account_prefixes.empty() && c.ssh_prefixes.empty() && c.keywords.empty())
        r.fail(x, at + "keywords", "a reserved class needs account prefixes, SSH prefixes or keywords");
      a.reserved.push_back(std::move(c));
    }
  }
  return a;
}

}  // namespace

void add_profile_section(tenancy::ProfileSections& sections) {
  sections.add("planning", [](const tenancy::Reader& r, const tenancy::Profile& p, const YAML::Node& n) -> std::any {
    if (!n.IsDefined() || n.IsNull()) return PlanningProfile{};
    if (!n.IsMap()) r.fail(n, "planning", "must be a mapping");
    return parse_planning(r, p, n);
  });
}

std::string agency_flag_of_role(const tenancy::Profile& p, const std::string& role) {
  for (const auto& r : p.roles)
    if (r.id == role && r.agency_flag) return *r.agency_flag;
  return role;
}

std::string role_label(const tenancy::Profile& p, const std::string& role) {
  for (const auto& r : p.roles)
    if (r.id == role) return r.name;
  return role;
}

const PlanningProfile& planning_profile(const tenancy::Profile& p) {
  static const PlanningProfile kNone;
  const auto* a = p.section<PlanningProfile>("planning");
  return a ? *a : kNone;
}

}  // namespace simpul::planning
