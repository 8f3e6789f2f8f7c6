#include "tenancy/profile_organisation.hpp"

#include <set>

namespace simpul::tenancy {
namespace {

const std::set<std::string> kAgencyFlags = {"kominfo",   "planning",   "inspectorate", "finance", "organisation_bureau",
                                            "wali_data", "mandiri_tik"};

TeamPosition read_position(const Reader& r, const Profile& p, const TeamSpec& team, const YAML::Node& n,
                           const std::string& path) {
  TeamPosition pos;
  pos.id = r.str(n, "id", path);
  if (team.position(pos.id)) r.fail(n["id"], path + "id", "duplicate position id");
  pos.name = r.str(n, "name", path);
  pos.holder = r.opt_str(n, "holder", path);
  if (auto m = n["min"]; m.IsDefined() && !m.IsNull()) pos.min = r.integer(m, path + "min");
  if (auto m = n["max"]; m.IsDefined() && !m.IsNull()) pos.max = r.integer(m, path + "max");
  if (pos.max && *pos.max < pos.min) r.fail(n, path + "max", "is below min");
  pos.rule = r.opt_str(n, "rule", path);
  check_rule_ref(r, p, n, path + "rule", pos.rule);
  if (auto d = n["duties"]; d.IsDefined() && d.IsSequence())
    for (const auto& duty : d) pos.duties.push_back(duty.Scalar());
  return pos;
}

TeamSpec read_team(const Reader& r, const Profile& p, const YAML::Node& n, const std::string& path) {
  TeamSpec t;
  t.id = r.str(n, "id", path);
  t.name = r.str(n, "name", path);
  t.instrument = r.opt_str(n, "instrument", path);
  t.rule = r.opt_str(n, "rule", path);
  check_rule_ref(r, p, n, path + "rule", t.rule);
  if (auto o = n["optional"]; o.IsDefined() && !o.IsNull()) t.optional = o.as<bool>(false);
  auto positions = r.seq(n, "positions", path);
  for (std::size_t j = 0; j < positions.size(); ++j)
    t.positions.push_back(read_position(r, p, t, positions[j], path + "positions[" + std::to_string(j) + "]."));
  return t;
}

Enumeration read_enumeration(const Reader& r, const Profile& p, const YAML::Node& n, const std::string& path) {
  Enumeration e;
  e.rule = r.opt_str(n, "rule", path).value_or("");
  if (!e.rule.empty()) check_rule_ref(r, p, n, path + "rule", e.rule);
  auto items = r.seq(n, "items", path);
  for (std::size_t j = 0; j < items.size(); ++j) {
    std::string ip = path + "items[" + std::to_string(j) + "].";
    EnumItem item{r.str(items[j], "id", ip), r.str(items[j], "name", ip)};
    if (e.contains(item.id)) r.fail(items[j]["id"], ip + "id", "duplicate item id '" + item.id + "'");
    e.items.push_back(std::move(item));
  }
  return e;
}

}  // namespace

void read_roles(const Reader& r, Profile& p, const YAML::Node& root) {
  auto roles = r.seq(root, "roles", "");
  for (std::size_t i = 0; i < roles.size(); ++i) {
    std::string path = "roles[" + std::to_string(i) + "].";
    RoleSpec role{r.str(roles[i], "id", path), r.str(roles[i], "name", path),
                  r.opt_str(roles[i], "term", path).value_or(""), r.opt_str(roles[i], "agency_flag", path),
                  r.opt_str(roles[i], "rule", path)};
    if (role.agency_flag && !kAgencyFlags.count(*role.agency_flag))
      r.fail(roles[i]["agency_flag"], path + "agency_flag", "unknown agency flag '" + *role.agency_flag + "'");
    check_rule_ref(r, p, roles[i], path + "rule", role.rule);
    p.roles.push_back(std::move(role));
  }
}

void read_teams(const Reader& r, Profile& p, const YAML::Node& root) {
  auto teams = r.seq(root, "teams", "");
  for (std::size_t i = 0; i < teams.size(); ++i) {
    std::string path = "teams[" + std::to_string(i) + "].";
    TeamSpec t = read_team(r, p, teams[i], path);
    if (p.team(t.id)) r.fail(teams[i]["id"], path + "id", "duplicate team id");
    p.teams.push_back(std::move(t));
  }
}

void read_enumerations(const Reader& r, Profile& p, const YAML::Node& root) {
  auto enums = r.need(root, "enumerations", "");
  if (!enums.IsMap()) r.fail(enums, "enumerations", "must be a mapping");
  for (const auto& kv : enums) {
    std::string name = kv.first.Scalar();
    p.enumerations.emplace(name, read_enumeration(r, p, kv.second, "enumerations." + name + "."));
  }
  if (!p.enumeration("agency_types")) r.fail(enums, "enumerations.agency_types", "is required");
}

}  // namespace simpul::tenancy
