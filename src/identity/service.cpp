#include "identity/service.hpp"

#include <regex>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "identity/repository.hpp"
#include "identity/roles.hpp"
#include "storage/storage_error.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::identity {
namespace {

constexpr std::size_t kMinPassword = 10;

std::string ago(std::chrono::seconds d) { return clock::to_iso(clock::now() - d); }
std::string ahead(std::chrono::seconds d) { return clock::to_iso(clock::now() + d); }

boost::json::object user_json_for_ledger(const User& u) {
  boost::json::array roles;
  for (const auto& r : u.roles) roles.emplace_back(r);
  return {{"username", u.username}, {"display_name", u.display_name}, {"email", u.email},
          {"agency_id", u.agency_id}, {"roles", roles},                 {"active", u.active}};
}

void check_password(const std::string& pw) {
  if (text::utf8_length(pw) < kMinPassword) throw Error(ErrorCode::AuthWeakPassword, {{"min", kMinPassword}});
}

void check_roles(const std::vector<std::string>& roles) {
  if (roles.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "roles"}});
  for (const auto& r : roles)
    if (!find_role(r)) throw Error(ErrorCode::RoleUnknown, {{"role", r}});
}

// A dummy verification keeps the time of "no such user" equal to "wrong password".
const std::string& dummy_hash() {
  static const std::string h = crypto::hash_password("simpul-timing-equaliser");
  return h;
}

}  // namespace

http::Principal Service::principal_of(const User& u, http::Principal::Via via) const {
  http::Principal p;
  p.user_id = u.id;
  p.tenant_id = u.tenant_id;
  p.agency_id = u.agency_id;
  p.username = u.username;
  p.display_name = u.display_name;
  p.roles = u.roles;
  p.permissions = permissions_of(u.roles);
  p.via = via;
  return p;
}

LoginResult Service::login(const Scope& tenant, const std::string& username, const std::string& password,
                           const std::string& remote_address) {
  std::string user_key = "user:" + tenant.tenant_id + ":" + text::to_lower_ascii(username);
  std::string addr_key = "ip:" + remote_address;
  std::string window = ago(options_.failure_window);
  auto throttled = storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    return repo.failures(user_key, window) >= options_.max_failures_per_user ||
           repo.failures(addr_key, window) >= options_.max_failures_per_address;
  });
  if (throttled) throw Error(ErrorCode::AuthTooManyAttempts, {{"retry_after_seconds", options_.failure_window.count()}});

  auto stored = storage::read(db_, [&](storage::Connection& c) { return Repository(c).user_by_username(tenant, username); });
  bool ok = stored ? crypto::verify_password(stored->password_hash, password)
                   : (crypto::verify_password(dummy_hash(), password), false);
  if (!ok) {
    storage::write_transaction(db_, [&](storage::Connection& c) {
      Repository repo(c);
      repo.record_failure(user_key, clock::now_iso(), window);
      repo.record_failure(addr_key, clock::now_iso(), window);
    });
    log::warn("auth.login_failed", {{"tenant", tenant.tenant_id}, {"remote", remote_address}});
    throw Error(ErrorCode::AuthInvalidCredentials);
  }
  if (!stored->user.active) throw Error(ErrorCode::AuthAccountDisabled);

  LoginResult out;
  out.user = stored->user;
  out.session_token = crypto::random_token(32);
  out.csrf_token = crypto::random_token(24);
  out.expires_at = ahead(options_.session_lifetime);
  Session s{crypto::new_id(), stored->user.id, tenant.tenant_id, out.csrf_token, out.expires_at, clock::now_iso()};
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    repo.clear_failures(user_key);
    repo.insert_session(s, crypto::sha256_hex(out.session_token), s.last_seen_at);
    ledger_.append(c, {tenant.tenant_id, out.user.id, out.user.display_name, "auth.login", "session", s.id,
                       boost::json::object{{"remote", remote_address}}});
  });
  return out;
}

void Service::logout(const http::Principal& who) {
  if (who.via != http::Principal::Via::Session) return;
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository(c).delete_session(who.session_id);
    ledger_.append(c, {who.tenant_id, who.user_id, who.display_name, "auth.logout", "session", who.session_id, nullptr});
  });
}

std::optional<http::Principal> Service::authenticate_session(const std::string& token) {
  auto found = storage::read(db_, [&](storage::Connection& c) {
    return Repository(c).session_by_token_hash(crypto::sha256_hex(token));
  });
  if (!found) throw Error(ErrorCode::AuthSessionExpired);
  auto& [session, stored] = *found;
  std::string now = clock::now_iso();
  if (session.expires_at <= now || session.last_seen_at <= ago(options_.session_idle) || !stored.user.active) {
    storage::write_transaction(db_, [&](storage::Connection& c) { Repository(c).delete_session(session.id); });
    throw Error(ErrorCode::AuthSessionExpired);
  }
  // Refresh the idle clock at most once a minute, so reads do not turn into writes.
  if (session.last_seen_at <= ago(std::chrono::seconds(60)))
    storage::write_transaction(db_, [&](storage::Connection& c) { Repository(c).touch_session(session.id, now); });
  auto p = principal_of(stored.user, http::Principal::Via::Session);
  p.session_id = session.id;
  p.csrf_token = session.csrf_token;
  return p;
}

std::optional<http::Principal> Service::authenticate_token(const std::string& token) {
  auto found = storage::read(db_, [&](storage::Connection& c) { return Repository(c).token_by_hash(crypto::sha256_hex(token)); });
  if (!found || !found->second.user.active) throw Error(ErrorCode::AuthInvalidToken);
  return principal_of(found->second.user, http::Principal::Via::Token);
}

std::vector<User> Service::list_users(const Scope& s, const ListQuery& q, const std::optional<std::string>& agency_id,
                                      std::int64_t& total) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).users(s, q, agency_id, total); });
}

User Service::user(const Scope& s, const std::string& id) const {
  auto u = storage::read(db_, [&](storage::Connection& c) { return Repository(c).user(s, id); });
  if (!u) throw Error(ErrorCode::UserNotFound);
  return u->user;
}

std::optional<User> Service::user_by_username(const Scope& s, const std::string& username) const {
  auto u = storage::read(db_, [&](storage::Connection& c) { return Repository(c).user_by_username(s, username); });
  if (!u) return std::nullopt;
  return u->user;
}

std::int64_t Service::count_users(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).count_users(s); });
}

User Service::create_user(const Scope& s, const UserInput& in, const Actor& actor) {
  static const std::regex kUsername("[a-z0-9][a-z0-9._-]{2,39}");
  User u;
  u.id = crypto::new_id();
  u.tenant_id = s.tenant_id;
  u.username = text::to_lower_ascii(in.username.value_or(""));
  if (!std::regex_match(u.username, kUsername))
    throw Error(ErrorCode::ValidationInvalidValue, "username", "3-40 lowercase letters, digits, '.', '_' or '-'");
  u.display_name = in.display_name.value_or(u.username);
  u.email = in.email.value_or("");
  u.agency_id = in.agency_id.value_or("");
  u.roles = in.roles.value_or(std::vector<std::string>{});
  u.active = in.active.value_or(true);
  check_roles(u.roles);
  if (!in.password) throw Error(ErrorCode::ValidationMissingField, {{"field", "password"}});
  check_password(*in.password);
  u.created_at = u.updated_at = clock::now_iso();
  std::string hash = crypto::hash_password(*in.password);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    if (!u.agency_id.empty() && !repo.agency_exists(s, u.agency_id))
      throw Error(ErrorCode::ValidationInvalidValue, "agency_id", "no such agency");
    try {
      repo.insert_user(u, hash);
    } catch (const storage::StorageError& e) {
      if (e.kind() == storage::StorageError::Kind::UniqueViolation) throw Error(ErrorCode::UserDuplicateUsername);
      throw;
    }
    ledger_.append(c, {s.tenant_id, actor.id, actor.name, "user.create", "user", u.id, {{"after", user_json_for_ledger(u)}}});
    return repo.user(s, u.id)->user;
  });
}

User Service::update_user(const Scope& s, const std::string& id, const UserInput& in, const Actor& actor) {
  if (in.roles) check_roles(*in.roles);
  std::optional<std::string> hash;
  if (in.password) {
    check_password(*in.password);
    hash = crypto::hash_password(*in.password);
  }
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto stored = repo.user(s, id);
    if (!stored) throw Error(ErrorCode::UserNotFound);
    User u = stored->user;
    if (in.display_name) u.display_name = *in.display_name;
    if (in.email) u.email = *in.email;
    if (in.agency_id) {
      if (!in.agency_id->empty() && !repo.agency_exists(s, *in.agency_id))
        throw Error(ErrorCode::ValidationInvalidValue, "agency_id", "no such agency");
      u.agency_id = *in.agency_id;
    }
    if (in.roles) u.roles = *in.roles;
    if (in.active) u.active = *in.active;
    u.updated_at = clock::now_iso();
    repo.update_user(u, hash);
    // A disabled account or a new password ends every open session of that user.
    if ((in.active && !*in.active) || hash) repo.delete_sessions_of_user(u.id);
    auto details = boost::json::object{{"before", user_json_for_ledger(stored->user)}, {"after", user_json_for_ledger(u)},
                                       {"password_changed", hash.has_value()}};
    ledger_.append(c, {s.tenant_id, actor.id, actor.name, "user.update", "user", u.id, details});
    return repo.user(s, u.id)->user;
  });
}

ApiToken Service::create_token(const http::Principal& who, const std::string& name) {
  ApiToken t{crypto::new_id(), name, clock::now_iso(), clock::now_iso(), "smp_" + crypto::random_token(32)};
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository(c).insert_token(who.scope(), who.user_id, t, crypto::sha256_hex(t.token));
    ledger_.append(c, {who.tenant_id, who.user_id, who.display_name, "token.create", "api_token", t.id, {{"name", name}}});
  });
  return t;
}

std::vector<ApiToken> Service::tokens(const http::Principal& who) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).tokens(who.scope(), who.user_id); });
}

void Service::revoke_token(const http::Principal& who, const std::string& token_id) {
  storage::write_transaction(db_, [&](storage::Connection& c) {
    if (!Repository(c).revoke_token(who.scope(), who.user_id, token_id, clock::now_iso())) throw Error(ErrorCode::TokenNotFound);
    ledger_.append(c, {who.tenant_id, who.user_id, who.display_name, "token.revoke", "api_token", token_id, nullptr});
  });
}

}  // namespace simpul::identity
