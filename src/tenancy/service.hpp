#pragma once
// Tenants, Perangkat Daerah and teams, validated against the tenant's regulation profile.
// Every change is written with its ledger entry in one transaction.
#include <optional>
#include <vector>

#include "core/context.hpp"
#include "core/list_query.hpp"
#include "ledger/ledger.hpp"
#include "storage/database.hpp"
#include "tenancy/model.hpp"
#include "tenancy/profile_loader.hpp"

namespace simpul::tenancy {

class Service {
 public:
  Service(storage::Database& db, const ProfileRegistry& profiles, const ledger::Ledger& ledger)
      : db_(db), profiles_(profiles), ledger_(ledger) {}

  /// Creates a tenant from a profile, with the empty teams the profile prescribes.
  Tenant create_tenant(const std::string& profile_id, const std::string& slug, const Actor& actor);
  Tenant tenant(const std::string& id) const;
  std::optional<Tenant> tenant_by_slug(const std::string& slug) const;
  std::vector<Tenant> tenants() const;
  const Profile& profile_of(const Tenant& t) const { return profiles_.get(t.profile_id); }
  const Profile& profile_of(const Scope& s) const { return profile_of(tenant(s.tenant_id)); }
  const ProfileRegistry& profiles() const { return profiles_; }

  std::vector<Agency> list_agencies(const Scope& s, const ListQuery& q, std::int64_t& total) const;
  Agency agency(const Scope& s, const std::string& id) const;
  std::optional<Agency> agency_by_code(const Scope& s, const std::string& code) const;
  Agency create_agency(const Scope& s, const AgencyInput& in, const Actor& actor);
  Agency update_agency(const Scope& s, const std::string& id, const AgencyInput& in, const Actor& actor);
  void delete_agency(const Scope& s, const std::string& id, const Actor& actor);
  std::vector<Position> positions(const Scope& s, const std::optional<std::string>& agency_id) const;
  Position add_position(const Scope& s, Position p, const Actor& actor);
  std::int64_t count_agencies(const Scope& s) const;
  /// Every agency of the tenant, read inside the caller's transaction (read port for other modules).
  std::vector<Agency> agencies(storage::Connection& c, const Scope& s) const;
  /// One agency inside the caller's transaction, when it exists in the tenant.
  std::optional<Agency> agency(storage::Connection& c, const Scope& s, const std::string& id) const;
  /// An agency holding `flag` (the role the regulation gives it, e.g. koordinator_spbe), inside the
  /// caller's transaction.
  std::optional<Agency> agency_with_flag(storage::Connection& c, const Scope& s, const std::string& flag) const;
  std::int64_t count_agency_users(const Scope& s, const std::string& agency_id) const;

  std::vector<Team> teams(const Scope& s) const;
  /// The tenant's teams with their members, inside the caller's transaction (read port).
  std::vector<Team> teams(storage::Connection& c, const Scope& s) const;
  TeamMember add_team_member(const Scope& s, const std::string& team_id, const std::string& user_id,
                             const std::string& position_id, const Actor& actor);
  void remove_team_member(const Scope& s, const std::string& team_id, const std::string& member_id, const Actor& actor);

 private:
  void validate(const Scope& s, storage::Connection& c, const Agency& a) const;
  storage::Database& db_;
  const ProfileRegistry& profiles_;
  const ledger::Ledger& ledger_;
};

}  // namespace simpul::tenancy
