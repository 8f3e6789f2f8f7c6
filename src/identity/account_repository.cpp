#include "identity/account_repository.hpp"

#include "core/text.hpp"

namespace simpul::identity {

std::vector<storage::Migration> AccountRepository::migrations() {
  return {{202, "identity: forced password change, phone number, password reset tokens",
           "ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;"
           "ALTER TABLE users ADD COLUMN phone TEXT NOT NULL DEFAULT '';"
           "CREATE TABLE password_resets (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
           "user_id TEXT NOT NULL REFERENCES users(id), token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, "
           "expires_at TEXT NOT NULL, used_at TEXT);"
           "CREATE INDEX password_resets_by_user ON password_resets (tenant_id, user_id, created_at)"}};
}

bool AccountRepository::must_change_password(const Scope& s, const std::string& user_id) {
  auto rows = c_.query("SELECT must_change_password FROM users WHERE tenant_id = ? AND id = ?", {s.tenant_id, user_id});
  return !rows.empty() && rows[0].bool_at(0);
}

void AccountRepository::set_must_change_password(const Scope& s, const std::string& user_id, bool must) {
  c_.execute("UPDATE users SET must_change_password = ? WHERE tenant_id = ? AND id = ?", {must, s.tenant_id, user_id});
}

std::set<std::string> AccountRepository::users_who_must_change_password(const Scope& s) {
  std::set<std::string> out;
  for (const auto& r :
       c_.query("SELECT id FROM users WHERE tenant_id = ? AND must_change_password = ?", {s.tenant_id, true}))
    out.insert(r.text_at(0));
  return out;
}

std::string AccountRepository::phone(const Scope& s, const std::string& user_id) {
  auto rows = c_.query("SELECT phone FROM users WHERE tenant_id = ? AND id = ?", {s.tenant_id, user_id});
  return rows.empty() ? std::string() : rows[0].text_at(0);
}

void AccountRepository::set_phone(const Scope& s, const std::string& user_id, const std::string& phone) {
  c_.execute("UPDATE users SET phone = ? WHERE tenant_id = ? AND id = ?", {phone, s.tenant_id, user_id});
}

std::vector<std::string> AccountRepository::active_users_with_email(const Scope& s, const std::string& email) {
  std::vector<std::string> out;
  for (const auto& r :
       c_.query("SELECT id FROM users WHERE tenant_id = ? AND LOWER(email) = ? AND active = ? ORDER BY id LIMIT 5",
                {s.tenant_id, text::to_lower_ascii(email), true}))
    out.push_back(r.text_at(0));
  return out;
}

void AccountRepository::insert_reset(const ResetToken& t, const std::string& token_hash) {
  c_.execute(
      "INSERT INTO password_resets (id, tenant_id, user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
      {t.id, t.tenant_id, t.user_id, token_hash, t.created_at, t.expires_at});
}

std::optional<ResetToken> AccountRepository::reset_by_hash(const std::string& token_hash) {
  auto rows = c_.query(
      "SELECT id, tenant_id, user_id, created_at, expires_at, COALESCE(used_at, '') FROM password_resets WHERE token_hash = ?",
      {token_hash});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows[0];
  return ResetToken{r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5)};
}

bool AccountRepository::use_reset(const std::string& id, const std::string& at) {
  return c_.execute("UPDATE password_resets SET used_at = ? WHERE id = ? AND used_at IS NULL", {at, id}) == 1;
}

void AccountRepository::use_resets_of_user(const Scope& s, const std::string& user_id, const std::string& at) {
  c_.execute("UPDATE password_resets SET used_at = ? WHERE tenant_id = ? AND user_id = ? AND used_at IS NULL",
             {at, s.tenant_id, user_id});
}

std::int64_t AccountRepository::resets_since(const Scope& s, const std::string& user_id, const std::string& since) {
  return c_
      .query("SELECT COUNT(*) FROM password_resets WHERE tenant_id = ? AND user_id = ? AND created_at > ?",
             {s.tenant_id, user_id, since})[0]
      .int_at(0);
}

}  // namespace simpul::identity
