#include "identity/repository.hpp"

#include "core/text.hpp"

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
           "window_start TEXT NOT NULL)"}};
}

namespace {

constexpr const char* kUserCols =
    "SELECT u.id, u.tenant_id, COALESCE(u.agency_id, ''), COALESCE(a.name, ''), u.username, u.display_name, u.email, "
    "u.roles, u.active, u.created_at, u.updated_at, u.password_hash FROM users u "
    "LEFT JOIN agencies a ON a.id = u.agency_id ";

StoredUser user_from(const storage::Row& r, std::size_t o = 0) {
  User u{r.text_at(o + 0), r.text_at(o + 1), r.text_at(o + 2), r.text_at(o + 3), r.text_at(o + 4), r.text_at(o + 5),
         r.text_at(o + 6), {},                r.bool_at(o + 8), r.text_at(o + 9), r.text_at(o + 10)};
  u.roles = text::split_nonempty(r.text_at(o + 7), ',');
  return {std::move(u), r.text_at(o + 11)};
}

storage::Value nullable(const std::string& s) { return s.empty() ? storage::Value() : storage::Value(s); }

}  // namespace

std::vector<User> Repository::users(const Scope& s, const ListQuery& q, const std::optional<std::string>& agency_id,
                                    std::int64_t& total) {
  std::string where = "WHERE u.tenant_id = ?";
  storage::Params params{s.tenant_id};
  if (agency_id) {
    where += " AND u.agency_id = ?";
    params.emplace_back(*agency_id);
  }
  if (!q.q.empty()) {
    where += " AND (lower(u.username) LIKE lower(?) ESCAPE '\\' OR lower(u.display_name) LIKE lower(?) ESCAPE '\\')";
    auto pattern = text::like_pattern_contains(q.q);
    params.insert(params.end(), {pattern, pattern});
  }
  total = c_.query("SELECT COUNT(*) FROM users u " + where, params)[0].int_at(0);
  std::string order = q.sort == "username" ? "u.username" : q.sort == "created_at" ? "u.created_at" : "u.display_name";
  params.insert(params.end(), {q.per_page, q.offset()});
  std::vector<User> out;
  for (const auto& r : c_.query(std::string(kUserCols) + where + " ORDER BY " + order + (q.descending ? " DESC" : " ASC") +
                                    ", u.id LIMIT ? OFFSET ?",
                                params))
    out.push_back(user_from(r).user);
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
  c_.execute("INSERT INTO users (id, tenant_id, agency_id, username, display_name, email, password_hash, roles, active, "
             "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {u.id, u.tenant_id, nullable(u.agency_id), u.username, u.display_name, u.email, password_hash, text::join(u.roles, ','),
              u.active, u.created_at, u.updated_at});
}

void Repository::update_user(const User& u, const std::optional<std::string>& new_password_hash) {
  c_.execute("UPDATE users SET agency_id = ?, display_name = ?, email = ?, roles = ?, active = ?, updated_at = ? "
             "WHERE tenant_id = ? AND id = ?",
             {nullable(u.agency_id), u.display_name, u.email, text::join(u.roles, ','), u.active, u.updated_at, u.tenant_id, u.id});
  if (new_password_hash)
    c_.execute("UPDATE users SET password_hash = ? WHERE tenant_id = ? AND id = ?", {*new_password_hash, u.tenant_id, u.id});
}

std::int64_t Repository::count_users(const Scope& s) {
  return c_.query("SELECT COUNT(*) FROM users WHERE tenant_id = ?", {s.tenant_id})[0].int_at(0);
}

bool Repository::agency_exists(const Scope& s, const std::string& agency_id) {
  return !c_.query("SELECT 1 FROM agencies WHERE tenant_id = ? AND id = ?", {s.tenant_id, agency_id}).empty();
}

void Repository::insert_session(const Session& s, const std::string& token_hash, const std::string& created_at) {
  c_.execute("INSERT INTO sessions (id, token_hash, user_id, tenant_id, csrf_token, created_at, expires_at, last_seen_at) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
             {s.id, token_hash, s.user_id, s.tenant_id, s.csrf_token, created_at, s.expires_at, s.last_seen_at});
}

std::optional<std::pair<Session, StoredUser>> Repository::session_by_token_hash(const std::string& token_hash) {
  auto rows = c_.query(std::string("SELECT s.id, s.user_id, s.tenant_id, s.csrf_token, s.expires_at, s.last_seen_at, ") +
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

void Repository::delete_sessions_of_user(const std::string& user_id) {
  c_.execute("DELETE FROM sessions WHERE user_id = ?", {user_id});
}

void Repository::insert_token(const Scope& s, const std::string& user_id, const ApiToken& t, const std::string& token_hash) {
  c_.execute("INSERT INTO api_tokens (id, token_hash, user_id, tenant_id, name, created_at, last_used_at) "
             "VALUES (?, ?, ?, ?, ?, ?, ?)",
             {t.id, token_hash, user_id, s.tenant_id, t.name, t.created_at, t.created_at});
}

std::optional<std::pair<std::string, StoredUser>> Repository::token_by_hash(const std::string& token_hash) {
  auto rows = c_.query(std::string("SELECT t.id, ") + std::string(kUserCols).substr(7) +
                           "JOIN api_tokens t ON t.user_id = u.id WHERE t.token_hash = ? AND t.revoked_at IS NULL",
                       {token_hash});
  if (rows.empty()) return std::nullopt;
  return std::make_pair(rows[0].text_at(0), user_from(rows[0], 1));
}

std::vector<ApiToken> Repository::tokens(const Scope& s, const std::string& user_id) {
  std::vector<ApiToken> out;
  for (const auto& r : c_.query("SELECT id, name, created_at, last_used_at FROM api_tokens WHERE tenant_id = ? AND "
                                "user_id = ? AND revoked_at IS NULL ORDER BY created_at",
                                {s.tenant_id, user_id}))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), ""});
  return out;
}

bool Repository::revoke_token(const Scope& s, const std::string& user_id, const std::string& token_id, const std::string& at) {
  return c_.execute("UPDATE api_tokens SET revoked_at = ? WHERE tenant_id = ? AND user_id = ? AND id = ? AND revoked_at IS NULL",
                    {at, s.tenant_id, user_id, token_id}) > 0;
}

void Repository::touch_token(const std::string& id, const std::string& at) {
  c_.execute("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", {at, id});
}

std::int64_t Repository::failures(const std::string& key, const std::string& window_start_after) {
  auto rows = c_.query("SELECT failures FROM login_failures WHERE throttle_key = ? AND window_start > ?", {key, window_start_after});
  return rows.empty() ? 0 : rows[0].int_at(0);
}

void Repository::record_failure(const std::string& key, const std::string& now, const std::string& window_start_after) {
  // A failure outside the current window starts a new one.
  c_.execute("DELETE FROM login_failures WHERE throttle_key = ? AND window_start <= ?", {key, window_start_after});
  c_.execute("INSERT INTO login_failures (throttle_key, failures, window_start) VALUES (?, 1, ?) "
             "ON CONFLICT (throttle_key) DO UPDATE SET failures = login_failures.failures + 1",
             {key, now});
}

void Repository::clear_failures(const std::string& key) {
  c_.execute("DELETE FROM login_failures WHERE throttle_key = ?", {key});
}

}  // namespace simpul::identity
