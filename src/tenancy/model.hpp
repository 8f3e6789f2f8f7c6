#pragma once
// Tenants (one per Pemda), Perangkat Daerah, positions and team memberships.
#include <optional>
#include <string>
#include <vector>

namespace simpul::tenancy {

struct Tenant {
  std::string id;
  std::string slug;
  std::string name;
  std::string profile_id;
  int profile_version = 1;
  std::string created_at;
};

/// The flags a Perangkat Daerah can carry; each names a role the regulations give to one agency.
inline const std::vector<std::string>& agency_flags() {
  static const std::vector<std::string> flags = {
      "kominfo", "planning", "inspectorate", "finance", "organisation_bureau", "wali_data", "mandiri_tik"};
  return flags;
}
/// Flags at most one agency of a tenant may hold (there is one Dinas Kominfo, one Inspektorat, ...).
bool is_single_holder_flag(const std::string& flag);

struct Agency {
  std::string id;
  std::string tenant_id;
  std::string code;
  std::string name;
  std::string short_name;
  std::string type;  // an item of the profile's enumerations.agency_types
  std::vector<std::string> flags;
  std::optional<std::string> mandiri_tik_decree;
  std::string head_title;
  std::string created_at;
  std::string updated_at;
  bool has_flag(const std::string& f) const;
};

struct AgencyInput {
  std::optional<std::string> code, name, short_name, type, head_title;
  std::optional<std::vector<std::string>> flags;
  std::optional<std::optional<std::string>> mandiri_tik_decree;  // outer: given; inner: null clears
};

struct Position {
  std::string id;
  std::string tenant_id;
  std::string agency_id;
  std::string role_id;  // e.g. "sekda"
  std::string title;
  std::string holder_name;
};

struct TeamMember {
  std::string id;
  std::string team_id;
  std::string user_id;
  std::string display_name;
  std::string agency_name;
  std::string position_id;
  std::string created_at;
};

struct Team {
  std::string id;
  std::string kind;  // the profile's team id
  std::vector<TeamMember> members;
};

}  // namespace simpul::tenancy
