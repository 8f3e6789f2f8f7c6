#include "tenancy/repository.hpp"

#include "core/clock.hpp"
#include "core/text.hpp"
#include "storage/list_sql.hpp"

namespace simpul::tenancy {

std::vector<storage::Migration> Repository::migrations() {
  return {
      {100, "tenancy: tenants, agencies, positions",
       "CREATE TABLE tenants (id TEXT PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, "
       "profile_id TEXT NOT NULL, profile_version INTEGER NOT NULL, created_at TEXT NOT NULL);"
       "CREATE TABLE agencies (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "code TEXT NOT NULL, name TEXT NOT NULL, short_name TEXT NOT NULL, type TEXT NOT NULL, "
       "flags TEXT NOT NULL, mandiri_tik_decree TEXT, head_title TEXT NOT NULL, created_at TEXT NOT NULL, "
       "updated_at TEXT NOT NULL, UNIQUE (tenant_id, code));"
       "CREATE INDEX agencies_by_name ON agencies (tenant_id, name, id);"
       "CREATE TABLE positions (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "agency_id TEXT REFERENCES agencies(id), role_id TEXT NOT NULL, title TEXT NOT NULL, "
       "holder_name TEXT NOT NULL, created_at TEXT NOT NULL)"},
      // After identity's users table (200): members reference users.
      {210, "tenancy: teams",
       "CREATE TABLE teams (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "kind TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (tenant_id, kind));"
       "CREATE TABLE team_members (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "team_id TEXT NOT NULL REFERENCES teams(id), user_id TEXT NOT NULL REFERENCES users(id), "
       "position_id TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (team_id, user_id, position_id))"},
  };
}

namespace {

Tenant tenant_from(const storage::Row& r) {
  return {r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), static_cast<int>(r.int_at(4)), r.text_at(5)};
}
constexpr const char* kTenantCols = "SELECT id, slug, name, profile_id, profile_version, created_at FROM tenants ";

Agency agency_from(const storage::Row& r) {
  Agency a{r.text_at(0), r.text_at(1),          r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5),
           {},           r.optional_text_at(7), r.text_at(8), r.text_at(9), r.text_at(10)};
  a.flags = text::split_nonempty(r.text_at(6), ',');
  return a;
}
constexpr const char* kAgencyCols =
    "SELECT id, tenant_id, code, name, short_name, type, flags, mandiri_tik_decree, head_title, created_at, "
    "updated_at FROM agencies ";

}  // namespace

void Repository::insert_tenant(const Tenant& t) {
  c_.execute("INSERT INTO tenants (id, slug, name, profile_id, profile_version, created_at) VALUES (?, ?, ?, ?, ?, ?)",
             {t.id, t.slug, t.name, t.profile_id, t.profile_version, t.created_at});
}

std::optional<Tenant> Repository::tenant_by_id(const std::string& id) {
  auto rows = c_.query(std::string(kTenantCols) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return tenant_from(rows[0]);
}

std::optional<Tenant> Repository::tenant_by_slug(const std::string& slug) {
  auto rows = c_.query(std::string(kTenantCols) + "WHERE slug = ?", {slug});
  if (rows.empty()) return std::nullopt;
  return tenant_from(rows[0]);
}

std::vector<Tenant> Repository::tenants() {
  std::vector<Tenant> out;
  for (const auto& r : c_.query(std::string(kTenantCols) + "ORDER BY slug")) out.push_back(tenant_from(r));
  return out;
}

std::vector<Agency> Repository::agencies(const Scope& s, const ListQuery& q, std::int64_t& total) {
  storage::ListSql list("FROM agencies");
  list.where("tenant_id = ?", {s.tenant_id})
      .contains(q.q, {"name", "code", "short_name"})
      .order_by(q.sort, q.descending,
                {{"name", "name"}, {"code", "code"}, {"type", "type"}, {"updated_at", "updated_at"}}, "id");
  std::vector<Agency> out;
  for (const auto& r : list.page(c_, kAgencyCols, q, total)) out.push_back(agency_from(r));
  return out;
}

std::optional<Agency> Repository::agency_with_code(const Scope& s, const std::string& code,
                                                   const std::string& except_id) {
  auto rows = c_.query(std::string(kAgencyCols) + "WHERE tenant_id = ? AND code = ? AND id <> ?",
                       {s.tenant_id, code, except_id});
  if (rows.empty()) return std::nullopt;
  return agency_from(rows[0]);
}

std::optional<Agency> Repository::agency_with_flag(const Scope& s, const std::string& flag,
                                                   const std::string& except_id) {
  // Flags are stored as a comma list; matching ",flag," against ",list," avoids prefix collisions.
  auto rows =
      c_.query(std::string(kAgencyCols) + "WHERE tenant_id = ? AND (',' || flags || ',') LIKE ? AND id <> ? LIMIT 1",
               {s.tenant_id, "%," + flag + ",%", except_id});
  if (rows.empty()) return std::nullopt;
  return agency_from(rows[0]);
}

std::optional<Agency> Repository::agency(const Scope& s, const std::string& id) {
  auto rows = c_.query(std::string(kAgencyCols) + "WHERE tenant_id = ? AND id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return agency_from(rows[0]);
}

std::optional<Agency> Repository::agency_by_code(const Scope& s, const std::string& code) {
  auto rows = c_.query(std::string(kAgencyCols) + "WHERE tenant_id = ? AND code = ?", {s.tenant_id, code});
  if (rows.empty()) return std::nullopt;
  return agency_from(rows[0]);
}

void Repository::insert_agency(const Agency& a) {
  c_.execute(
      "INSERT INTO agencies (id, tenant_id, code, name, short_name, type, flags, mandiri_tik_decree, head_title, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {a.id, a.tenant_id, a.code, a.name, a.short_name, a.type, text::join(a.flags, ','), a.mandiri_tik_decree,
       a.head_title, a.created_at, a.updated_at});
}

void Repository::update_agency(const Agency& a) {
  c_.execute(
      "UPDATE agencies SET code = ?, name = ?, short_name = ?, type = ?, flags = ?, mandiri_tik_decree = ?, "
      "head_title = ?, updated_at = ? WHERE tenant_id = ? AND id = ?",
      {a.code, a.name, a.short_name, a.type, text::join(a.flags, ','), a.mandiri_tik_decree, a.head_title, a.updated_at,
       a.tenant_id, a.id});
}

bool Repository::delete_agency(const Scope& s, const std::string& id) {
  return c_.execute("DELETE FROM agencies WHERE tenant_id = ? AND id = ?", {s.tenant_id, id}) > 0;
}

std::int64_t Repository::count_agencies(const Scope& s) {
  return c_.query("SELECT COUNT(*) FROM agencies WHERE tenant_id = ?", {s.tenant_id})[0].int_at(0);
}

std::int64_t Repository::count_agency_users(const Scope& s, const std::string& agency_id) {
  return c_.query("SELECT COUNT(*) FROM users WHERE tenant_id = ? AND agency_id = ?", {s.tenant_id, agency_id})[0]
      .int_at(0);
}

std::vector<Position> Repository::positions(const Scope& s, const std::optional<std::string>& agency_id) {
  std::vector<Position> out;
  auto rows = agency_id ? c_.query(
                              "SELECT id, tenant_id, agency_id, role_id, title, holder_name FROM positions "
                              "WHERE tenant_id = ? AND agency_id = ? ORDER BY title",
                              {s.tenant_id, *agency_id})
                        : c_.query(
                              "SELECT id, tenant_id, agency_id, role_id, title, holder_name FROM positions "
                              "WHERE tenant_id = ? ORDER BY title",
                              {s.tenant_id});
  for (const auto& r : rows)
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5)});
  return out;
}

void Repository::insert_position(const Position& p) {
  c_.execute(
      "INSERT INTO positions (id, tenant_id, agency_id, role_id, title, holder_name, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {p.id, p.tenant_id, p.agency_id.empty() ? storage::Value() : storage::Value(p.agency_id), p.role_id, p.title,
       p.holder_name, clock::now_iso()});
}

void Repository::insert_team(const Scope& s, const std::string& id, const std::string& kind, const std::string& at) {
  c_.execute("INSERT INTO teams (id, tenant_id, kind, created_at) VALUES (?, ?, ?, ?)", {id, s.tenant_id, kind, at});
}

std::vector<Team> Repository::teams(const Scope& s) {
  std::vector<Team> out;
  for (const auto& r :
       c_.query("SELECT id, kind FROM teams WHERE tenant_id = ? ORDER BY created_at, kind", {s.tenant_id}))
    out.push_back({r.text_at(0), r.text_at(1), {}});
  auto rows = c_.query(
      "SELECT m.id, m.team_id, m.user_id, u.display_name, COALESCE(a.name, ''), m.position_id, m.created_at "
      "FROM team_members m JOIN users u ON u.id = m.user_id LEFT JOIN agencies a ON a.id = u.agency_id "
      "WHERE m.tenant_id = ? ORDER BY m.created_at, u.display_name",
      {s.tenant_id});
  for (const auto& r : rows)
    for (auto& t : out)
      if (t.id == r.text_at(1))
        t.members.push_back(
            {r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5), r.text_at(6)});
  return out;
}

std::optional<std::string> Repository::team_kind(const Scope& s, const std::string& team_id) {
  auto rows = c_.query("SELECT kind FROM teams WHERE tenant_id = ? AND id = ?", {s.tenant_id, team_id});
  if (rows.empty()) return std::nullopt;
  return rows[0].text_at(0);
}

std::int64_t Repository::count_members(const std::string& team_id, const std::string& position_id) {
  return c_.query("SELECT COUNT(*) FROM team_members WHERE team_id = ? AND position_id = ?", {team_id, position_id})[0]
      .int_at(0);
}

bool Repository::has_member(const std::string& team_id, const std::string& user_id, const std::string& position_id) {
  return !c_.query("SELECT 1 FROM team_members WHERE team_id = ? AND user_id = ? AND position_id = ?",
                   {team_id, user_id, position_id})
              .empty();
}

void Repository::insert_member(const Scope& s, const TeamMember& m) {
  c_.execute(
      "INSERT INTO team_members (id, tenant_id, team_id, user_id, position_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      {m.id, s.tenant_id, m.team_id, m.user_id, m.position_id, m.created_at});
}

std::optional<TeamMember> Repository::member(const Scope& s, const std::string& team_id, const std::string& member_id) {
  auto rows = c_.query(
      "SELECT m.id, m.team_id, m.user_id, u.display_name, m.position_id, m.created_at FROM team_members m "
      "JOIN users u ON u.id = m.user_id WHERE m.tenant_id = ? AND m.team_id = ? AND m.id = ?",
      {s.tenant_id, team_id, member_id});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows[0];
  return TeamMember{r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), "", r.text_at(4), r.text_at(5)};
}

void Repository::delete_member(const Scope& s, const std::string& member_id) {
  c_.execute("DELETE FROM team_members WHERE tenant_id = ? AND id = ?", {s.tenant_id, member_id});
}

std::optional<std::string> Repository::user_display_name(const Scope& s, const std::string& user_id) {
  auto rows = c_.query("SELECT display_name FROM users WHERE tenant_id = ? AND id = ?", {s.tenant_id, user_id});
  if (rows.empty()) return std::nullopt;
  return rows[0].text_at(0);
}

}  // namespace simpul::tenancy
