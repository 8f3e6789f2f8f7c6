#pragma once
// The role catalogue. Permissions are granted only through roles (deny by default).
// "x.own" grants x only on records of the user's own Perangkat Daerah.
#include <string>
#include <vector>

#include "seam/module.hpp"

namespace simpul::identity {

struct RoleDef {
  std::string id;
  std::string name_id, name_en;
  std::string description_id, description_en;
  std::vector<std::string> permissions;
};

/// Marks a permission every role holds (reading the organisation, the registers, ...).
inline constexpr const char* kEveryRole = "*";

/// Gives the roles the permissions the modules define (composition root, once at start).
void install_permissions(std::vector<seam::Permission> permissions);
const std::vector<RoleDef>& roles();
/// Every permission the modules define, with its labels, sorted by id.
const std::vector<seam::Permission>& permissions();
const RoleDef* find_role(const std::string& id);
/// The union of the roles' permissions, sorted and unique.
std::vector<std::string> permissions_of(const std::vector<std::string>& role_ids);
/// True when the role carries a power the regulation reserves to the Sekda / Tim Koordinasi
/// (approving architecture versions, waiving findings, recording sanctions): granting it needs a
/// second person (docs/api.md, "Granting roles").
bool grants_approval_powers(const std::string& role_id);

}  // namespace simpul::identity
