#include "identity/service.hpp"

#include <regex>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "identity/account_repository.hpp"
#include "identity/accounts.hpp"
#include "identity/repository.hpp"
#include "http/json_io.hpp"
#include "identity/roles.hpp"
#include "storage/storage_error.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::identity {
namespace {

std::string ago(std::chrono::seconds d) { return clock::to_iso(clock::now() - d); }
std::string ahead(std::chrono::seconds d) { return clock::to_iso(clock::now() + d); }

boost::json::object user_json_for_ledger(const User& u) {
  boost::json::array roles;
  for (const auto& r : u.roles) roles.emplace_back(r);
  return {{"username", u.username}, {"display_name", u.display_name},
          {"email", u.email},       {"agency_id", u.agency_id},
          {"roles", roles},         {"active", u.active}};
}

void check_password(const std::string& pw) { check_password_policy(pw); }

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

namespace {

std::int64_t seconds_until(const std::string& iso, clock::TimePoint now) {
  auto t = clock::parse_iso(iso);
  if (!t || *t <= now) return 0;
  return std::chrono::duration_cast<std::chrono::seconds>(*t - now).count() + 1;
}

// The operator on the host (CLI, demo seeding) holds the database and the keys anyway; their
// changes need no second person.
bool is_operator(const Actor& a) { return a.id == "cli" || a.id == "system"; }

bool holds(const std::vector<std::string>& roles, const std::string& role) {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

}  // namespace

LoginResult Service::login(const Scope& tenant, const std::string& username, const std::string& password,
                           const std::string& remote_address) {
  const std::string name = text::to_lower_ascii(username);
  const auto now = clock::now();
  // The wait is per (account, address), so one attacker does not lock out everyone behind the same
  // proxy, plus a gentler one per account against guessing from many addresses (docs/operations.md).
  auto wait = storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    std::int64_t w = 0;
    for (const auto& address : {remote_address, std::string()})
      if (auto t = repo.throttle(tenant, name, address)) w = std::max(w, seconds_until(t->blocked_until, now));
    return w;
  });
  if (wait > 0) throw Error(ErrorCode::AuthTooManyAttempts, {{"retry_after_seconds", wait}});

  auto stored =
      storage::read(db_, [&](storage::Connection& c) { return Repository(c).user_by_username(tenant, username); });
  bool ok = stored ? crypto::verify_password(stored->password_hash, password)
                   : (crypto::verify_password(dummy_hash(), password), false);
  if (!ok) {
    storage::write_transaction(db_, [&](storage::Connection& c) {
      Repository repo(c);
      auto bump = [&](const std::string& address, int free_failures) {
        auto t = repo.throttle(tenant, name, address).value_or(Throttle{});
        auto last = clock::parse_iso(t.last_failure_at);
        if (!last || now - *last > options_.failure_window) t.failures = 0;
        ++t.failures;
        t.last_failure_at = clock::to_iso(now);
        t.blocked_until.clear();
        if (t.failures >= free_failures) {
          auto extra = std::min<std::int64_t>(t.failures - free_failures, 20);
          auto delay = std::min<std::int64_t>(options_.backoff_base.count() << extra, options_.backoff_max.count());
          t.blocked_until = clock::to_iso(now + std::chrono::seconds(delay));
        }
        repo.save_throttle(tenant, name, address, t);
      };
      bump(remote_address, options_.free_failures_per_address);
      bump("", options_.free_failures_per_account);
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
    // This address and the account-wide count start over; another address's wait stays.
    repo.clear_throttle(tenant, name, remote_address);
    repo.clear_throttle(tenant, name, std::string());
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
    ledger_.append(c,
                   {who.tenant_id, who.user_id, who.display_name, "auth.logout", "session", who.session_id, nullptr});
  });
}

std::optional<http::Principal> Service::authenticate_session(const std::string& token) {
  auto found = storage::read(
      db_, [&](storage::Connection& c) { return Repository(c).session_by_token_hash(crypto::sha256_hex(token)); });
  if (!found) throw Error(ErrorCode::AuthSessionExpired);
  auto& [session, stored] = *found;
  std::string now = clock::now_iso();
  if (session.expires_at <= now || session.last_seen_at <= ago(options_.session_idle) || !stored.user.active) {
    storage::write_transaction(db_, [&id = session.id](storage::Connection& c) { Repository(c).delete_session(id); });
    throw Error(ErrorCode::AuthSessionExpired);
  }
  // Refresh the idle clock at most once a minute, so reads do not turn into writes.
  if (session.last_seen_at <= ago(std::chrono::seconds(60)))
    storage::write_transaction(
        db_, [&id = session.id, &now](storage::Connection& c) { Repository(c).touch_session(id, now); });
  auto p = principal_of(stored.user, http::Principal::Via::Session);
  p.session_id = session.id;
  p.csrf_token = session.csrf_token;
  return p;
}

std::optional<http::Principal> Service::authenticate_token(const std::string& token) {
  auto found = storage::read(
      db_, [&](storage::Connection& c) { return Repository(c).token_by_hash(crypto::sha256_hex(token)); });
  if (!found || !found->second.user.active) throw Error(ErrorCode::AuthInvalidToken);
  // Tokens from before expiry existed live for the default maximum from their creation.
  std::string expires = found->first.expires_at;
  if (expires.empty())
    if (auto created = clock::parse_iso(found->first.created_at))
      expires = clock::to_iso(*created + std::chrono::hours(24 * options_.token_default_max_days));
  if (expires <= clock::now_iso()) throw Error(ErrorCode::AuthInvalidToken, {{"reason", "expired"}});
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

std::optional<User> Service::user(storage::Connection& c, const Scope& s, const std::string& id) const {
  auto u = Repository(c).user(s, id);
  if (!u) return std::nullopt;
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

std::pair<std::vector<std::string>, std::vector<std::string>> Service::vet_roles(
    storage::Connection& c, const Scope& s, const std::string& target_id, const std::vector<std::string>& before,
    const std::vector<std::string>& requested, const Actor& actor) const {
  check_roles(requested);
  std::vector<std::string> added;
  for (const auto& r : requested)
    if (!holds(before, r)) added.push_back(r);
  // Nobody grants themselves a role (docs/api.md, "Granting roles").
  if (!added.empty() && actor.id == target_id)
    throw Error(ErrorCode::RoleSelfGrant, {{"roles", http::json_strings(added)}});
  // The one who administers accounts never also holds the approver's powers, or the split of
  // duties in docs/api.md means nothing.
  bool administers = false, approves = false;
  for (const auto& r : requested) {
    administers = administers || r == "tenant_admin";
    approves = approves || grants_approval_powers(r);
  }
  if (administers && approves) throw Error(ErrorCode::RoleConflict, {{"roles", http::json_strings(requested)}});
  std::vector<std::string> now = before, pending;
  now.erase(std::remove_if(now.begin(), now.end(), [&](const std::string& r) { return !holds(requested, r); }),
            now.end());
  for (const auto& r : added) {
    // The approver's powers need a second person: an approver already in office confirms. Only
    // the first approver of a tenant (nobody to confirm yet) and the host's operator grant directly.
    bool needs_confirmation =
        grants_approval_powers(r) && !is_operator(actor) && Repository(c).count_active_with_role(s, r, target_id) > 0;
    (needs_confirmation ? pending : now).push_back(r);
  }
  return {now, pending};
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
  std::string hash = in.password_hash ? *in.password_hash : crypto::hash_password(*in.password);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    if (!u.agency_id.empty() && !repo.agency_exists(s, u.agency_id))
      throw Error(ErrorCode::ValidationInvalidValue, "agency_id", "no such agency");
    auto [roles_now, pending] = vet_roles(c, s, u.id, {}, u.roles, actor);
    u.roles = roles_now;
    if (u.roles.empty() && !pending.empty()) u.roles = {"viewer"};  // reads until the grant is confirmed
    try {
      repo.insert_user(u, hash);
    } catch (const storage::StorageError& e) {
      if (e.kind() == storage::StorageError::Kind::UniqueViolation) throw Error(ErrorCode::UserDuplicateUsername);
      throw;
    }
    // Whoever set the initial password knows it: the holder chooses their own at the first sign-in.
    // Accounts the host's operator creates (the demo's, the CLI's) are not forced (docs/identity.md).
    bool must_change = !is_operator(actor);
    if (must_change) AccountRepository(c).set_must_change_password(s, u.id, true);
    ledger_.append(c, {s.tenant_id,
                       actor.id,
                       actor.name,
                       "user.create",
                       "user",
                       u.id,
                       {{"after", user_json_for_ledger(u)}, {"must_change_password", must_change}}});
    request_grants(c, s, u, pending, actor);
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
    const User& before = stored->user;
    // Whoever sets an approver's password can act as the approver: only the holder changes it
    // (POST /api/auth/password) or the host's operator (simpul user reset-password).
    bool approver_account = std::any_of(before.roles.begin(), before.roles.end(), grants_approval_powers);
    if (hash && approver_account && actor.id != id && !is_operator(actor)) throw Error(ErrorCode::UserProtectedAccount);
    User u = before;
    if (in.display_name) u.display_name = *in.display_name;
    if (in.email) u.email = *in.email;
    if (in.agency_id) {
      if (!in.agency_id->empty() && !repo.agency_exists(s, *in.agency_id))
        throw Error(ErrorCode::ValidationInvalidValue, "agency_id", "no such agency");
      u.agency_id = *in.agency_id;
    }
    std::vector<std::string> pending;
    if (in.roles) std::tie(u.roles, pending) = vet_roles(c, s, id, before.roles, *in.roles, actor);
    if (in.active) u.active = *in.active;
    auto before_json = user_json_for_ledger(before), after_json = user_json_for_ledger(u);
    // A request that changes nothing writes nothing: no empty ledger entry, no new timestamp.
    if (before_json == after_json && !hash && pending.empty()) return before;
    u.updated_at = clock::now_iso();
    repo.update_user(u, hash);
    // A password someone else set is known to them: the holder must choose a new one.
    bool must_change = hash && actor.id != id && !is_operator(actor);
    if (hash) AccountRepository(c).set_must_change_password(s, u.id, must_change);
    // A disabled account or a new password ends every open session and every API token of that
    // user; re-enabling the account brings none of them back.
    bool disabled = in.active && !*in.active && before.active;
    if (disabled || hash) {
      repo.delete_sessions_of_user(u.id);
      revoke_tokens_of(c, s, u.id, disabled ? "user_disabled" : "password_changed", actor);
    }
    auto details =
        boost::json::object{{"before", before_json}, {"after", after_json}, {"password_changed", hash.has_value()}};
    if (must_change) details["must_change_password"] = true;
    ledger_.append(c, {s.tenant_id, actor.id, actor.name, "user.update", "user", u.id, details});
    request_grants(c, s, u, pending, actor);
    return repo.user(s, u.id)->user;
  });
}

void Service::change_own_password(const http::Principal& who, const std::string& current, const std::string& next) {
  check_password(next);
  Scope s = who.scope();
  auto stored = storage::read(db_, [&](storage::Connection& c) { return Repository(c).user(s, who.user_id); });
  if (!stored || !crypto::verify_password(stored->password_hash, current))
    throw Error(ErrorCode::AuthInvalidCredentials, {{"field", "current_password"}});
  if (current == next)
    throw Error(ErrorCode::ValidationInvalidValue, "new_password", "the new password equals the current one");
  auto hash = crypto::hash_password(next);
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    User u = stored->user;
    u.updated_at = clock::now_iso();
    repo.update_user(u, hash);
    repo.delete_sessions_of_user(u.id, who.session_id);  // other browsers sign in again; this one stays
    revoke_tokens_of(c, s, u.id, "password_changed", who.actor());
    AccountRepository accounts(c);
    accounts.set_must_change_password(s, u.id, false);
    accounts.use_resets_of_user(s, u.id, u.updated_at);
    ledger_.append(c, {s.tenant_id, who.user_id, who.display_name, "user.password_change", "user", u.id, nullptr});
  });
}

void Service::unlock_user(const Scope& s, const std::string& id, const Actor& actor) {
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto stored = repo.user(s, id);
    if (!stored) throw Error(ErrorCode::UserNotFound);
    repo.clear_throttle(s, stored->user.username, std::nullopt);
    ledger_.append(
        c, {s.tenant_id, actor.id, actor.name, "user.unlock", "user", id, {{"username", stored->user.username}}});
  });
}

void Service::revoke_tokens_of(storage::Connection& c, const Scope& s, const std::string& user_id,
                               const std::string& reason, const Actor& actor) const {
  for (const auto& token_id : Repository(c).revoke_tokens_of_user(s, user_id, clock::now_iso(), reason))
    ledger_.append(c, {s.tenant_id,
                       actor.id,
                       actor.name,
                       "token.revoke",
                       "api_token",
                       token_id,
                       {{"owner", user_id}, {"reason", reason}}});
}

void Service::request_grants(storage::Connection& c, const Scope& s, const User& u,
                             const std::vector<std::string>& roles, const Actor& actor) const {
  for (const auto& role : roles) {
    RoleGrant g;
    g.id = crypto::new_id();
    g.user_id = u.id;
    g.role = role;
    g.state = "pending";
    g.requested_by = actor.id;
    g.requested_by_name = actor.name;
    g.requested_at = clock::now_iso();
    Repository(c).insert_grant(s, g);
    ledger_.append(c, {s.tenant_id,
                       actor.id,
                       actor.name,
                       "role_grant.request",
                       "role_grant",
                       g.id,
                       {{"user", u.id}, {"user_name", u.display_name}, {"role", role}}});
  }
}

std::vector<RoleGrant> Service::grants(const Scope& s, const std::optional<std::string>& state) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).grants(s, state); });
}

RoleGrant Service::decide_grant(const Scope& s, const std::string& grant_id, bool confirm, const std::string& note,
                                const http::Principal& who) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto g = repo.grant(s, grant_id);
    if (!g) throw Error(ErrorCode::RoleGrantNotFound);
    // Someone already holding the powers, and neither the beneficiary nor whoever asked.
    bool approves = std::any_of(who.roles.begin(), who.roles.end(), grants_approval_powers);
    if (!approves || who.user_id == g->user_id || who.user_id == g->requested_by)
      throw Error(ErrorCode::RoleGrantNotAllowed);
    if (g->state != "pending") throw Error(ErrorCode::RoleGrantDecided, {{"state", g->state}});
    g->state = confirm ? "confirmed" : "refused";
    g->decided_by = who.user_id;
    g->decided_by_name = who.display_name;
    g->decided_at = clock::now_iso();
    g->note = note;
    if (!repo.decide_grant(s, *g)) throw Error(ErrorCode::RoleGrantDecided);
    if (confirm) {
      auto target = repo.user(s, g->user_id);
      if (!target) throw Error(ErrorCode::UserNotFound);
      User u = target->user;
      if (!holds(u.roles, g->role)) {
        u.roles.push_back(g->role);
        u.roles.erase(std::remove(u.roles.begin(), u.roles.end(), "viewer"), u.roles.end());
        if (holds(u.roles, "tenant_admin")) throw Error(ErrorCode::RoleConflict);
        u.updated_at = clock::now_iso();
        repo.update_user(u, std::nullopt);
      }
    }
    ledger_.append(c, {s.tenant_id,
                       who.user_id,
                       who.display_name,
                       confirm ? "role_grant.confirm" : "role_grant.refuse",
                       "role_grant",
                       g->id,
                       {{"user", g->user_id}, {"role", g->role}, {"note", note}}});
    return *repo.grant(s, g->id);
  });
}

int Service::token_max_days(const Scope& s) const {
  return storage::read(
      db_, [&](storage::Connection& c) { return Repository(c).token_max_days(s, options_.token_default_max_days); });
}

void Service::set_token_max_days(const Scope& s, int days, const Actor& actor) {
  if (days < 1 || days > options_.token_hard_max_days)
    throw Error(ErrorCode::ValidationInvalidValue, "token_max_days",
                "1-" + std::to_string(options_.token_hard_max_days));
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    int before = repo.token_max_days(s, options_.token_default_max_days);
    if (before == days) return;
    repo.set_token_max_days(s, days);
    ledger_.append(c, {s.tenant_id,
                       actor.id,
                       actor.name,
                       "security.update",
                       "tenant",
                       s.tenant_id,
                       {{"before", {{"token_max_days", before}}}, {"after", {{"token_max_days", days}}}}});
  });
}

ApiToken Service::create_token(const http::Principal& who, const std::string& name,
                               std::optional<int> expires_in_days) {
  int max_days = token_max_days(who.scope());
  int days = expires_in_days.value_or(max_days);
  if (days < 1 || days > max_days)
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "expires_in_days"}, {"reason", "1-" + std::to_string(max_days)}, {"max", max_days}});
  ApiToken t{crypto::new_id(), name, clock::now_iso(), clock::now_iso(), "smp_" + crypto::random_token(32)};
  t.expires_at = clock::to_iso(clock::now() + std::chrono::hours(24 * days));
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository(c).insert_token(who.scope(), who.user_id, t, crypto::sha256_hex(t.token));
    ledger_.append(c, {who.tenant_id,
                       who.user_id,
                       who.display_name,
                       "token.create",
                       "api_token",
                       t.id,
                       {{"name", name}, {"expires_at", t.expires_at}}});
  });
  return t;
}

std::vector<ApiToken> Service::tokens(const http::Principal& who) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).tokens(who.scope(), who.user_id); });
}

std::vector<ApiToken> Service::tenant_tokens(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).tokens(s, std::nullopt); });
}

void Service::revoke_token(const http::Principal& who, const std::string& token_id) {
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto t = repo.token(who.scope(), token_id);
    if (!t || t->user_id != who.user_id) throw Error(ErrorCode::TokenNotFound);
    repo.revoke_token(who.scope(), token_id, clock::now_iso(), "owner");
    ledger_.append(c, {who.tenant_id,
                       who.user_id,
                       who.display_name,
                       "token.revoke",
                       "api_token",
                       token_id,
                       {{"owner", who.user_id}, {"reason", "owner"}}});
  });
}

void Service::revoke_any_token(const Scope& s, const std::string& token_id, const Actor& actor) {
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto t = repo.token(s, token_id);
    if (!t) throw Error(ErrorCode::TokenNotFound);
    repo.revoke_token(s, token_id, clock::now_iso(), "administrator");
    ledger_.append(c, {s.tenant_id,
                       actor.id,
                       actor.name,
                       "token.revoke",
                       "api_token",
                       token_id,
                       {{"owner", t->user_id}, {"owner_name", t->user_display_name}, {"reason", "administrator"}}});
  });
}

}  // namespace simpul::identity
