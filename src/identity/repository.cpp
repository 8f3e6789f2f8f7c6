#include "identity/repository.hpp"

#include "core/text.hpp"
#include "storage/list_sql.hpp"

namespace simpul::identity {

std::vector<storage::Migration> Repository::migrations() {
  return {{200, "identity: users, sessions, tokens, login throttling",
           "CREATE TABLE users (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
           "agency_id TEXT REFERENCES agencies(id), username TEXT NOT NULL, display_name TEXT NOT NULL, "
           "email TEXT NOT NULL, password_hash TEXT NOT NULL, roles TEXT NOT NULL, active INTEGER NOT NULL, "
           "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (tenant_id, username));"
           "CREATE INDEX users_by_agency ON users (tenant_id, agency_id);"
           "CREATE INDEX users_by_name ON users (tenant_id, display_name, id);"
           "CREATE TABLE sessions (id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, "
           "user_id TEXT NOT NULL REFERENCES users(id), tenant_id TEXT NOT NULL, csrf_token TEXT NOT NULL, "
           "created_at TEXT NOT NULL, expires_at TEXT NOT NULL, last_seen_at TEXT NOT NULL);"
           "CREATE TABLE api_tokens (id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, "
           "user_id TEXT NOT NULL REFERENCES users(id), tenant_id TEXT NOT NULL, name TEXT NOT NULL, "
           "created_at TEXT NOT NULL, last_used_at TEXT NOT NULL, revoked_at TEXT);"
           "CREATE TABLE login_failures (throttle_key TEXT PRIMARY KEY, failures INTEGER NOT NULL, "
           "window_start TEXT NOT NULL)"},
          // Tokens expire and say why they were revoked; the throttle is kept per (account, address)
          // with a backoff instead of a fixed lockout; approver grants wait for a second person.
          {201, "identity: token expiry, login backoff, role grants",
           "ALTER TABLE api_tokens ADD COLUMN expires_at TEXT NOT NULL DEFAULT '';"
           "ALTER TABLE api_tokens ADD COLUMN revoked_reason TEXT;"
           "CREATE INDEX api_tokens_by_tenant ON api_tokens (tenant_id, user_id);"
           "DROP TABLE login_failures;"
           "CREATE TABLE login_throttle (tenant_id TEXT NOT NULL, username TEXT NOT NULL, address TEXT NOT NULL, "
           "failures INTEGER NOT NULL, last_failure_at TEXT NOT NULL, blocked_until TEXT NOT NULL, "
           "PRIMARY KEY (tenant_id, username, address));"
           "CREATE TABLE identity_settings (tenant_id TEXT PRIMARY KEY REFERENCES tenants(id), "
           "token_max_days INTEGER NOT NULL);"
           "CREATE TABLE role_grants (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
           "user_id TEXT NOT NULL REFERENCES users(id), role TEXT NOT NULL, state TEXT NOT NULL, "
           "requested_by TEXT NOT NULL, requested_by_name TEXT NOT NULL, requested_at TEXT NOT NULL, "
           "decided_by TEXT, decided_by_name TEXT, decided_at TEXT, note TEXT NOT NULL);"
           "CREATE INDEX role_grants_by_state ON role_grants (tenant_id, state, requested_at)"}};
}

namespace {

constexpr const char* kUserCols =
    "SELECT u.id, u.tenant_id, COALESCE(u.agency_id, ''), COALESCE(a.name, ''), u.username, u.display_name, u.email, "
    "u.roles, u.active, u.created_at, u.updated_at, u.password_hash FROM users u "
    "LEFT JOIN agencies a ON a.id = u.agency_id ";

StoredUser user_from(const storage::Row& r, std::size_t o = 0) {
  User u{r.text_at(o + 0), r.text_at(o + 1), r.text_at(o + 2), r.text_at(o + 3),
         r.text_at(o + 4), r.text_at(o + 5), r.text_at(o + 6), {},
         r.bool_at(o + 8), r.text_at(o + 9), r.text_at(o + 10)};
  u.roles = text::split_nonempty(r.text_at(o + 7), ',');
  return {std::move(u), r.text_at(o + 11)};
}

storage::Value nullable(const std::string& s) { return s.empty() ? storage::Value() : storage::Value(s); }

}  // namespace

std::vector<User> Repository::users(const Scope& s, const ListQuery& q, const std::optional<std::string>& agency_id,
                                    std::int64_t& total) {
  storage::ListSql list("FROM users u");
  list.where("u.tenant_id = ?", {s.tenant_id});
  if (agency_id) list.where("u.agency_id = ?", {*agency_id});
  list.contains(q.q, {"u.username", "u.display_name"})
      .order_by(q.sort, q.descending,
                {{"display_name", "u.display_name"}, {"username", "u.username"}, {"created_at", "u.created_at"}},
                "u.id");
  std::vector<User> out;
  for (const auto& r : list.page(c_, kUserCols, q, total)) out.push_back(user_from(r).user);
  return out;
}

std::optional<StoredUser> Repository::user(const Scope& s, const std::string& id) {
  auto rows = c_.query(std::string(kUserCols) + "WHERE u.tenant_id = ? AND u.id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return user_from(rows[0]);
}

std::optional<StoredUser> Repository::user_by_username(const Scope& s, const std::string& username) {
  auto rows = c_.query(std::string(kUserCols) + "WHERE u.tenant_id = ? AND u.username = ?", {s.tenant_id, username});
  if (rows.empty()) return std::nullopt;
  return user_from(rows[0]);
}

void Repository::insert_user(const User& u, const std::string& password_hash) {
  c_.execute(
      "INSERT INTO users (id, tenant_id, agency_id, username, display_name, email, password_hash, roles, active, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {u.id, u.tenant_id, nullable(u.agency_id), u.username, u.display_name, u.email, password_hash,
       text::join(u.roles, ','), u.active, u.created_at, u.updated_at});
}

void Repository::update_user(const User& u, const std::optional<std::string>& new_password_hash) {
  c_.execute(
      "UPDATE users SET agency_id = ?, display_name = ?, email = ?, roles = ?, active = ?, updated_at = ? "
      "WHERE tenant_id = ? AND id = ?",
      {nullable(u.agency_id), u.display_name, u.email, text::join(u.roles, ','), u.active, u.updated_at, u.tenant_id,
       u.id});
  if (new_password_hash)
    c_.execute("UPDATE users SET password_hash = ? WHERE tenant_id = ? AND id = ?",
               {*new_password_hash, u.tenant_id, u.id});
}

std::int64_t Repository::count_users(const Scope& s) {
  return c_.query("SELECT COUNT(*) FROM users WHERE tenant_id = ?", {s.tenant_id})[0].int_at(0);
}

bool Repository::agency_exists(const Scope& s, const std::string& agency_id) {
  return !c_.query("SELECT 1 FROM agencies WHERE tenant_id = ? AND id = ?", {s.tenant_id, agency_id}).empty();
}

void Repository::insert_session(const Session& s, const std::string& token_hash, const std::string& created_at) {
  c_.execute(
      "INSERT INTO sessions (id, token_hash, user_id, tenant_id, csrf_token, created_at, expires_at, last_seen_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {s.id, token_hash, s.user_id, s.tenant_id, s.csrf_token, created_at, s.expires_at, s.last_seen_at});
}

std::optional<std::pair<Session, StoredUser>> Repository::session_by_token_hash(const std::string& token_hash) {
  auto rows =
      c_.query(std::string("SELECT s.id, s.user_id, s.tenant_id, s.csrf_token, s.expires_at, s.last_seen_at, ") +
                   std::string(kUserCols).substr(7) + "JOIN sessions s ON s.user_id = u.id WHERE s.token_hash = ?",
               {token_hash});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows[0];
  Session s{r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5)};
  return std::make_pair(std::move(s), user_from(r, 6));
}

void Repository::touch_session(const std::string& id, const std::string& at) {
  c_.execute("UPDATE sessions SET last_seen_at = ? WHERE id = ?", {at, id});
}

void Repository::delete_session(const std::string& id) { c_.execute("DELETE FROM sessions WHERE id = ?", {id}); }

void Repository::delete_sessions_of_user(const std::string& user_id, const std::string& keep) {
  c_.execute("DELETE FROM sessions WHERE user_id = ? AND id <> ?", {user_id, keep});
}

void Repository::insert_token(const Scope& s, const std::string& user_id, const ApiToken& t,
                              const std::string& token_hash) {
  c_.execute(
      "INSERT INTO api_tokens (id, token_hash, user_id, tenant_id, name, created_at, last_used_at, expires_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {t.id, token_hash, user_id, s.tenant_id, t.name, t.created_at, t.created_at, t.expires_at});
}

namespace {
constexpr const char* kTokenCols =
    "SELECT t.id, t.name, t.created_at, t.last_used_at, t.expires_at, t.user_id, u.display_name, u.username "
    "FROM api_tokens t JOIN users u ON u.id = t.user_id ";

ApiToken token_from(const storage::Row& r) {
  ApiToken t{r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), ""};
  t.expires_at = r.text_at(4);
  t.user_id = r.text_at(5);
  t.user_display_name = r.text_at(6);
  t.username = r.text_at(7);
  return t;
}
}  // namespace

std::optional<std::pair<ApiToken, StoredUser>> Repository::token_by_hash(const std::string& token_hash) {
  auto rows = c_.query(std::string("SELECT t.id, t.name, t.created_at, t.last_used_at, t.expires_at, ") +
                           std::string(kUserCols).substr(7) +
                           "JOIN api_tokens t ON t.user_id = u.id WHERE t.token_hash = ? AND t.revoked_at IS NULL",
                       {token_hash});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows[0];
  ApiToken t{r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), ""};
  t.expires_at = r.text_at(4);
  return std::make_pair(std::move(t), user_from(r, 5));
}

std::vector<ApiToken> Repository::tokens(const Scope& s, const std::optional<std::string>& user_id) {
  std::string sql = std::string(kTokenCols) + "WHERE t.tenant_id = ? AND t.revoked_at IS NULL";
  storage::Params params{s.tenant_id};
  if (user_id) {
    sql += " AND t.user_id = ?";
    params.emplace_back(*user_id);
  }
  std::vector<ApiToken> out;
  for (const auto& r : c_.query(sql + " ORDER BY t.created_at, t.id", params)) out.push_back(token_from(r));
  return out;
}

std::optional<ApiToken> Repository::token(const Scope& s, const std::string& token_id) {
  auto rows = c_.query(std::string(kTokenCols) + "WHERE t.tenant_id = ? AND t.id = ? AND t.revoked_at IS NULL",
                       {s.tenant_id, token_id});
  if (rows.empty()) return std::nullopt;
  return token_from(rows[0]);
}

bool Repository::revoke_token(const Scope& s, const std::string& token_id, const std::string& at,
                              const std::string& reason) {
  return c_.execute(
             "UPDATE api_tokens SET revoked_at = ?, revoked_reason = ? WHERE tenant_id = ? AND id = ? AND "
             "revoked_at IS NULL",
             {at, reason, s.tenant_id, token_id}) > 0;
}

std::vector<std::string> Repository::revoke_tokens_of_user(const Scope& s, const std::string& user_id,
                                                           const std::string& at, const std::string& reason) {
  std::vector<std::string> ids;
  for (const auto& r : c_.query("SELECT id FROM api_tokens WHERE tenant_id = ? AND user_id = ? AND revoked_at IS NULL",
                                {s.tenant_id, user_id}))
    ids.push_back(r.text_at(0));
  c_.execute(
      "UPDATE api_tokens SET revoked_at = ?, revoked_reason = ? WHERE tenant_id = ? AND user_id = ? AND "
      "revoked_at IS NULL",
      {at, reason, s.tenant_id, user_id});
  return ids;
}

int Repository::token_max_days(const Scope& s, int fallback) {
  auto rows = c_.query("SELECT token_max_days FROM identity_settings WHERE tenant_id = ?", {s.tenant_id});
  return rows.empty() ? fallback : static_cast<int>(rows[0].int_at(0));
}

void Repository::set_token_max_days(const Scope& s, int days) {
  c_.execute(
      "INSERT INTO identity_settings (tenant_id, token_max_days) VALUES (?, ?) "
      "ON CONFLICT (tenant_id) DO UPDATE SET token_max_days = excluded.token_max_days",
      {s.tenant_id, days});
}

void Repository::touch_token(const std::string& id, const std::string& at) {
  c_.execute("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", {at, id});
}

std::optional<Throttle> Repository::throttle(const Scope& s, const std::string& username, const std::string& address) {
  auto rows = c_.query(
      "SELECT failures, last_failure_at, blocked_until FROM login_throttle WHERE tenant_id = ? AND "
      "username = ? AND address = ?",
      {s.tenant_id, username, address});
  if (rows.empty()) return std::nullopt;
  return Throttle{rows[0].int_at(0), rows[0].text_at(1), rows[0].text_at(2)};
}

void Repository::save_throttle(const Scope& s, const std::string& username, const std::string& address,
                               const Throttle& t) {
  c_.execute(
      "INSERT INTO login_throttle (tenant_id, username, address, failures, last_failure_at, blocked_until) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, username, address) DO UPDATE SET "
      "failures = excluded.failures, last_failure_at = excluded.last_failure_at, blocked_until = excluded.blocked_until",
      {s.tenant_id, username, address, t.failures, t.last_failure_at, t.blocked_until});
}

void Repository::clear_throttle(const Scope& s, const std::string& username,
                                const std::optional<std::string>& address) {
  if (address)
    c_.execute("DELETE FROM login_throttle WHERE tenant_id = ? AND username = ? AND address = ?",
               {s.tenant_id, username, *address});
  else
    c_.execute("DELETE FROM login_throttle WHERE tenant_id = ? AND username = ?", {s.tenant_id, username});
}

namespace {
constexpr const char* kGrantCols =
    "SELECT g.id, g.user_id, u.display_name, g.role, g.state, g.requested_by, g.requested_by_name, g.requested_at, "
    "COALESCE(g.decided_by, ''), COALESCE(g.decided_by_name, ''), COALESCE(g.decided_at, ''), g.note "
    "FROM role_grants g JOIN users u ON u.id = g.user_id ";

RoleGrant grant_from(const storage::Row& r) {
  return {r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4),  r.text_at(5),
          r.text_at(6), r.text_at(7), r.text_at(8), r.text_at(9), r.text_at(10), r.text_at(11)};
}
}  // namespace

void Repository::insert_grant(const Scope& s, const RoleGrant& g) {
  c_.execute(
      "INSERT INTO role_grants (id, tenant_id, user_id, role, state, requested_by, requested_by_name, requested_at, "
      "note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {g.id, s.tenant_id, g.user_id, g.role, g.state, g.requested_by, g.requested_by_name, g.requested_at, g.note});
}

std::optional<RoleGrant> Repository::grant(const Scope& s, const std::string& id) {
  auto rows = c_.query(std::string(kGrantCols) + "WHERE g.tenant_id = ? AND g.id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return grant_from(rows[0]);
}

std::vector<RoleGrant> Repository::grants(const Scope& s, const std::optional<std::string>& state) {
  std::string sql = std::string(kGrantCols) + "WHERE g.tenant_id = ?";
  storage::Params params{s.tenant_id};
  if (state) {
    sql += " AND g.state = ?";
    params.emplace_back(*state);
  }
  std::vector<RoleGrant> out;
  for (const auto& r : c_.query(sql + " ORDER BY g.requested_at DESC, g.id LIMIT 200", params))
    out.push_back(grant_from(r));
  return out;
}

bool Repository::decide_grant(const Scope& s, const RoleGrant& g) {
  return c_.execute(
             "UPDATE role_grants SET state = ?, decided_by = ?, decided_by_name = ?, decided_at = ?, note = ? "
             "WHERE tenant_id = ? AND id = ? AND state = 'pending'",
             {g.state, g.decided_by, g.decided_by_name, g.decided_at, g.note, s.tenant_id, g.id}) > 0;
}

std::int64_t Repository::count_active_with_role(const Scope& s, const std::string& role,
                                                const std::string& except_user) {
  std::int64_t n = 0;
  for (const auto& r : c_.query("SELECT id, roles FROM users WHERE tenant_id = ? AND active = ?", {s.tenant_id, true}))
    if (r.text_at(0) != except_user)
      for (const auto& held : text::split_nonempty(r.text_at(1), ','))
        if (held == role) ++n;
  return n;
}

}  // namespace simpul::identity
