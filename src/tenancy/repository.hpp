#pragma once
// SQL for tenants, agencies, positions and teams. Every agency/team query is confined to a Scope.
#include <optional>
#include <vector>

#include "core/context.hpp"
#include "core/list_query.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "tenancy/model.hpp"

namespace simpul::tenancy {

class Repository {
 public:
  static std::vector<storage::Migration> migrations();

  explicit Repository(storage::Connection& conn) : c_(conn) {}

  void insert_tenant(const Tenant& t);
  std::optional<Tenant> tenant_by_id(const std::string& id);
  std::optional<Tenant> tenant_by_slug(const std::string& slug);
  std::vector<Tenant> tenants();

  std::vector<Agency> agencies(const Scope& s, const ListQuery& q, std::int64_t& total);
  /// Another agency of the tenant with this code, or holding this flag (uniqueness checks).
  std::optional<Agency> agency_with_code(const Scope& s, const std::string& code, const std::string& except_id);
  std::optional<Agency> agency_with_flag(const Scope& s, const std::string& flag, const std::string& except_id);
  std::optional<Agency> agency(const Scope& s, const std::string& id);
  std::optional<Agency> agency_by_code(const Scope& s, const std::string& code);
  void insert_agency(const Agency& a);
  void update_agency(const Agency& a);
  /// Returns false when nothing was deleted; throws StorageError(ForeignKeyViolation) when referenced.
  bool delete_agency(const Scope& s, const std::string& id);
  std::int64_t count_agencies(const Scope& s);
  /// Users belonging to an agency (reads the identity module's table, like team membership).
  std::int64_t count_agency_users(const Scope& s, const std::string& agency_id);

  std::vector<Position> positions(const Scope& s, const std::optional<std::string>& agency_id);
  void insert_position(const Position& p);

  void insert_team(const Scope& s, const std::string& id, const std::string& kind, const std::string& at);
  std::vector<Team> teams(const Scope& s);
  std::optional<std::string> team_kind(const Scope& s, const std::string& team_id);
  std::int64_t count_members(const std::string& team_id, const std::string& position_id);
  bool has_member(const std::string& team_id, const std::string& user_id, const std::string& position_id);
  void insert_member(const Scope& s, const TeamMember& m);
  std::optional<TeamMember> member(const Scope& s, const std::string& team_id, const std::string& member_id);
  void delete_member(const Scope& s, const std::string& member_id);
  /// The display name of a user of this tenant (team membership reads the identity module's table).
  std::optional<std::string> user_display_name(const Scope& s, const std::string& user_id);

 private:
  storage::Connection& c_;
};

}  // namespace simpul::tenancy
