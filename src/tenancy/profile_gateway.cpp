#include "tenancy/profile_gateway.hpp"

#include <set>

namespace simpul::tenancy {
namespace {

std::optional<std::string> rule_of(const Reader& r, const Profile& p, const YAML::Node& n, const std::string& key,
                                   const std::string& path) {
  auto id = r.opt_str(n, key, path);
  check_rule_ref(r, p, n, path + key, id);
  return id;
}

std::string role_of(const Reader& r, const Profile& p, const YAML::Node& n, const std::string& key,
                    const std::string& path) {
  auto id = r.str(n, key, path);
  for (const auto& role : p.roles)
    if (role.id == id) return id;
  r.fail(n[key], path + key, "names '" + id + "', which is not a role of this profile");
}

}  // namespace

GatewaySpec read_gateway(const Reader& r, const Profile& p, const YAML::Node& n) {
  const std::string path = "gateway.";
  GatewaySpec g;
  g.operator_role = role_of(r, p, n, "operator", path);
  g.operator_rule = rule_of(r, p, n, "operator_rule", path);
  g.recommender = r.str(n, "recommender", path);
  if (g.recommender != "owner_agency" && g.recommender != "none")
    r.fail(n["recommender"], path + "recommender", "must be owner_agency or none");
  g.recommender_rule = rule_of(r, p, n, "recommender_rule", path);
  g.approver = role_of(r, p, n, "approver", path);
  g.approver_rule = rule_of(r, p, n, "approver_rule", path);
  g.request_fields_rule = rule_of(r, p, n, "request_fields_rule", path);
  if (auto list = n["refusal_grounds"]; list.IsDefined() && !list.IsNull()) {
    if (!list.IsSequence()) r.fail(list, path + "refusal_grounds", "must be a list");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
      std::string ip = path + "refusal_grounds[" + std::to_string(i) + "].";
      RefusalGround ground{r.str(list[i], "id", ip), r.str(list[i], "name", ip), rule_of(r, p, list[i], "rule", ip),
                           r.boolean(list[i], "automatic", ip, false)};
      if (!seen.insert(ground.id).second) r.fail(list[i]["id"], ip + "id", "duplicate id '" + ground.id + "'");
      // Only a ground the request form itself states can be checked by the platform.
      if (ground.automatic && ground.id != "penggunaan_komersial")
        r.fail(list[i]["automatic"], ip + "automatic", "only penggunaan_komersial can be refused automatically");
      g.refusal_grounds.push_back(std::move(ground));
    }
  }
  return g;
}

}  // namespace simpul::tenancy
