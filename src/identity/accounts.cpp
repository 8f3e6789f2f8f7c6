#include "identity/accounts.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "identity/account_repository.hpp"
#include "identity/repository.hpp"
#include "identity/roles.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::identity {

void check_password_policy(const std::string& password) {
  constexpr std::size_t kMinPasswordChars = 10;
  if (text::utf8_length(password) < kMinPasswordChars)
    throw Error(ErrorCode::AuthWeakPassword, {{"min", kMinPasswordChars}});
}

namespace {

boost::json::object profile_for_ledger(const User& u, const std::string& phone) {
  return {{"display_name", u.display_name}, {"email", u.email}, {"phone", phone}};
}

std::string console_link(const std::string& base, const std::string& token) {
  std::string b = base;
  while (!b.empty() && b.back() == '/') b.pop_back();
  return b + "/reset-password?token=" + token;
}

}  // namespace

Accounts::Accounts(storage::Database& db, const ledger::Ledger& ledger, notification::Service& notifications,
                   ResetOptions options)
    : db_(db), ledger_(ledger), notifications_(notifications), options_(std::move(options)) {
  if (options_.public_url.empty())
    if (const char* url = std::getenv("SIMPUL_PUBLIC_URL")) options_.public_url = url;
}

AccountProfile Accounts::profile(const http::Principal& who) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto stored = Repository(c).user(who.scope(), who.user_id);
    if (!stored) throw Error(ErrorCode::UserNotFound);
    AccountRepository accounts(c);
    return AccountProfile{stored->user, accounts.phone(who.scope(), who.user_id),
                          accounts.must_change_password(who.scope(), who.user_id)};
  });
}

AccountProfile Accounts::update_profile(const http::Principal& who, const ProfileInput& in) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    AccountRepository accounts(c);
    auto stored = repo.user(who.scope(), who.user_id);
    if (!stored) throw Error(ErrorCode::UserNotFound);
    User u = stored->user;
    std::string phone = accounts.phone(who.scope(), who.user_id);
    auto before = profile_for_ledger(u, phone);
    if (in.display_name) u.display_name = *in.display_name;
    if (in.email) u.email = *in.email;
    if (in.phone) phone = *in.phone;
    auto after = profile_for_ledger(u, phone);
    if (before != after) {  // a request that changes nothing writes nothing
      u.updated_at = clock::now_iso();
      repo.update_user(u, std::nullopt);
      accounts.set_phone(who.scope(), who.user_id, phone);
      ledger_.append(c, {who.tenant_id,
                         who.user_id,
                         u.display_name,
                         "user.profile_update",
                         "user",
                         u.id,
                         {{"before", before}, {"after", after}}});
    }
    return AccountProfile{repo.user(who.scope(), who.user_id)->user, phone,
                          accounts.must_change_password(who.scope(), who.user_id)};
  });
}

bool Accounts::must_change_password(const Scope& s, const std::string& user_id) const {
  return storage::read(db_,
                       [&](storage::Connection& c) { return AccountRepository(c).must_change_password(s, user_id); });
}

std::set<std::string> Accounts::users_who_must_change_password(const Scope& s) const {
  return storage::read(db_,
                       [&](storage::Connection& c) { return AccountRepository(c).users_who_must_change_password(s); });
}

void Accounts::set_password_change(const Scope& s, const std::string& user_id, bool required, const Actor& actor) {
  storage::write_transaction(db_, [&](storage::Connection& c) {
    AccountRepository accounts(c);
    auto stored = Repository(c).user(s, user_id);
    if (!stored) throw Error(ErrorCode::UserNotFound);
    if (accounts.must_change_password(s, user_id) == required) return;
    accounts.set_must_change_password(s, user_id, required);
    ledger_.append(c, {s.tenant_id,
                       actor.id,
                       actor.name,
                       required ? "user.password_change_require" : "user.password_change_waive",
                       "user",
                       user_id,
                       {{"username", stored->user.username}, {"display_name", stored->user.display_name}}});
  });
}

void Accounts::request_reset(const Scope& s, const std::string& email, const std::string& remote_address) {
  if (!notifications_.email_enabled()) {
    log::info("auth.reset_request_without_email", {{"tenant", s.tenant_id}});
    return;
  }
  const auto now = clock::now();
  bool queued = storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    AccountRepository accounts(c);
    bool any = false;
    for (const auto& id : accounts.active_users_with_email(s, email)) {
      auto stored = repo.user(s, id);
      if (!stored) continue;
      const User& u = stored->user;
      // Whoever can change an approver's e-mail address must not get its password by mail; an
      // approver's password is changed only by its holder or the host's operator (docs/api.md).
      if (std::any_of(u.roles.begin(), u.roles.end(), grants_approval_powers)) {
        log::warn("auth.reset_refused_for_approver", {{"tenant", s.tenant_id}, {"user", u.id}});
        continue;
      }
      if (accounts.resets_since(s, u.id, clock::to_iso(now - std::chrono::hours(1))) >= options_.requests_per_hour) {
        log::warn("auth.reset_rate_limited", {{"tenant", s.tenant_id}, {"user", u.id}, {"remote", remote_address}});
        continue;
      }
      std::string token = crypto::random_token(32);
      ResetToken t{crypto::new_id(), s.tenant_id, u.id, clock::to_iso(now), clock::to_iso(now + options_.lifetime), ""};
      accounts.insert_reset(t, crypto::sha256_hex(token));
      const std::string minutes = std::to_string(options_.lifetime.count());
      std::string link = options_.public_url.empty() ? std::string() : console_link(options_.public_url, token);
      notification::Message m;
      m.user_id = u.id;
      m.email = u.email;
      m.urgent = true;  // not held for a daily digest, whatever the user chose
      m.title = "Atur ulang kata sandi Simpul";
      m.title_en = "Reset your Simpul password";
      m.body =
          "Seseorang (mungkin Anda) meminta atur ulang kata sandi akun " + u.username + " di Simpul.\n" +
          (link.empty() ? std::string()
                        : "Buka tautan ini dalam " + minutes + " menit; tautan hanya berlaku sekali:\n" + link + "\n") +
          "Kode atur ulang (layar \"Atur ulang kata sandi\"): " + token + "\n" +
          "Jika Anda tidak memintanya, abaikan pesan ini; kata sandi Anda tidak berubah.\n\n" +
          "Someone (perhaps you) asked to reset the password of the Simpul account " + u.username + ". " +
          "The link and the code work once, within " + minutes + " minutes. If it was not you, ignore this message.";
      notifications_.notify(c, s, m);
      ledger_.append(c, {s.tenant_id,
                         u.id,
                         u.display_name,
                         "auth.password_reset_request",
                         "user",
                         u.id,
                         {{"remote", remote_address}, {"expires_at", t.expires_at}}});
      any = true;
    }
    return any;
  });
  if (queued) notifications_.wake();
}

void Accounts::reset_password(const std::string& token, const std::string& next) {
  const std::string token_hash = crypto::sha256_hex(token);
  auto found =
      storage::read(db_, [&](storage::Connection& c) { return AccountRepository(c).reset_by_hash(token_hash); });
  if (!found) throw Error(ErrorCode::AuthInvalidToken, {{"reason", "unknown"}});
  if (!found->used_at.empty()) throw Error(ErrorCode::AuthInvalidToken, {{"reason", "used"}});
  if (found->expires_at <= clock::now_iso()) throw Error(ErrorCode::AuthInvalidToken, {{"reason", "expired"}});
  check_password_policy(next);
  const std::string hash = crypto::hash_password(next);
  const Scope s{found->tenant_id};
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    AccountRepository accounts(c);
    auto stored = repo.user(s, found->user_id);
    if (!stored) throw Error(ErrorCode::AuthInvalidToken, {{"reason", "unknown"}});
    if (!stored->user.active) throw Error(ErrorCode::AuthAccountDisabled);
    const std::string now = clock::now_iso();
    if (!accounts.use_reset(found->id, now)) throw Error(ErrorCode::AuthInvalidToken, {{"reason", "used"}});
    User u = stored->user;
    u.updated_at = now;
    repo.update_user(u, hash);
    repo.delete_sessions_of_user(u.id);
    const Actor self{u.id, u.display_name, u.agency_id};
    for (const auto& token_id : repo.revoke_tokens_of_user(s, u.id, now, "password_changed"))
      ledger_.append(c, {s.tenant_id,
                         self.id,
                         self.name,
                         "token.revoke",
                         "api_token",
                         token_id,
                         {{"owner", u.id}, {"reason", "password_changed"}}});
    accounts.use_resets_of_user(s, u.id, now);
    accounts.set_must_change_password(s, u.id, false);
    ledger_.append(c, {s.tenant_id, self.id, self.name, "user.password_reset", "user", u.id, {{"via", "email"}}});
  });
}

}  // namespace simpul::identity
