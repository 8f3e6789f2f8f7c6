#pragma once
// The role catalogue. Permissions are granted only through roles (deny by default).
// "x.own" grants x only on records of the user's own Perangkat Daerah.
#include <string>
#include <vector>

namespace simpul::identity {

struct RoleDef {
  std::string id;
  std::string name_id, name_en;
  std::string description_id, description_en;
  std::vector<std::string> permissions;
};

const std::vector<RoleDef>& roles();
const RoleDef* find_role(const std::string& id);
/// The union of the roles' permissions, sorted and unique.
std::vector<std::string> permissions_of(const std::vector<std::string>& role_ids);
/// True when the role carries a power the regulation reserves to the Sekda / Tim Koordinasi
/// (approving architecture versions, waiving findings, recording sanctions): granting it needs a
/// second person (docs/api.md, "Granting roles").
bool grants_approval_powers(const std::string& role_id);

}  // namespace simpul::identity
