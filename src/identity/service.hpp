#pragma once
// Sign-in, sessions, API tokens and user administration. Passwords are argon2id; session and API
// tokens are random and stored only as SHA-256 hashes.
#include <chrono>
#include <optional>

#include "core/context.hpp"
#include "core/list_query.hpp"
#include "http/request.hpp"
#include "identity/model.hpp"
#include "ledger/ledger.hpp"
#include "storage/database.hpp"

namespace simpul::identity {

struct Options {
  std::chrono::seconds session_lifetime{12 * 3600};  // absolute
  std::chrono::seconds session_idle{2 * 3600};       // since the last request
  // Login backoff (docs/operations.md, "Sign-in throttling"): after `free_failures_per_address`
  // failures of one account from one address, or `free_failures_per_account` from all addresses,
  // each further attempt waits backoff_base * 2^(extra failures), at most backoff_max. Failures older
  // than failure_window are forgotten; a success or an administrator's unlock clears them.
  int free_failures_per_address = 5;
  int free_failures_per_account = 20;
  std::chrono::seconds backoff_base{15};
  std::chrono::seconds backoff_max{15 * 60};
  std::chrono::seconds failure_window{60 * 60};
  int token_default_max_days = 90;  // a tenant's token lifetime maximum until its administrator sets one
  int token_hard_max_days = 365;    // no tenant may allow more
};

class Service {
 public:
  Service(storage::Database& db, const ledger::Ledger& ledger, Options options = {})
      : db_(db), ledger_(ledger), options_(options) {}

  LoginResult login(const Scope& tenant, const std::string& username, const std::string& password,
                    const std::string& remote_address);
  void logout(const http::Principal& who);
  /// Resolves a session token (cookie) or API token (bearer) to a principal; throws for bad ones.
  std::optional<http::Principal> authenticate_session(const std::string& token);
  std::optional<http::Principal> authenticate_token(const std::string& token);

  std::vector<User> list_users(const Scope& s, const ListQuery& q, const std::optional<std::string>& agency_id,
                               std::int64_t& total) const;
  User user(const Scope& s, const std::string& id) const;
  /// One user of the tenant inside the caller's transaction, when it exists (read port).
  std::optional<User> user(storage::Connection& c, const Scope& s, const std::string& id) const;
  std::optional<User> user_by_username(const Scope& s, const std::string& username) const;
  /// Creates a user. A role that carries the approver's powers is not given at once while an
  /// approver exists to confirm it: it becomes a pending grant (see grants()).
  User create_user(const Scope& s, const UserInput& in, const Actor& actor);
  User update_user(const Scope& s, const std::string& id, const UserInput& in, const Actor& actor);
  std::int64_t count_users(const Scope& s) const;
  /// The signed-in user changes their own password (the current one proves it is them); every
  /// other session and every API token of theirs ends.
  void change_own_password(const http::Principal& who, const std::string& current, const std::string& next);
  /// An administrator lifts the sign-in backoff of an account.
  void unlock_user(const Scope& s, const std::string& id, const Actor& actor);

  /// `expires_in_days` defaults to the tenant's maximum and may not exceed it.
  ApiToken create_token(const http::Principal& who, const std::string& name, std::optional<int> expires_in_days);
  std::vector<ApiToken> tokens(const http::Principal& who) const;
  void revoke_token(const http::Principal& who, const std::string& token_id);
  /// Every live token of the tenant, and revocation of any of them (user.manage).
  std::vector<ApiToken> tenant_tokens(const Scope& s) const;
  void revoke_any_token(const Scope& s, const std::string& token_id, const Actor& actor);
  int token_max_days(const Scope& s) const;
  void set_token_max_days(const Scope& s, int days, const Actor& actor);

  std::vector<RoleGrant> grants(const Scope& s, const std::optional<std::string>& state) const;
  /// An approver other than the requester and the beneficiary confirms or refuses a pending grant.
  RoleGrant decide_grant(const Scope& s, const std::string& grant_id, bool confirm, const std::string& note,
                         const http::Principal& who);

 private:
  http::Principal principal_of(const User& u, http::Principal::Via via) const;
  /// Refuses a role change nobody may make and turns approver powers into pending grants; returns
  /// the roles to store now and the roles left waiting for confirmation.
  std::pair<std::vector<std::string>, std::vector<std::string>> vet_roles(storage::Connection& c, const Scope& s,
                                                                          const std::string& target_id,
                                                                          const std::vector<std::string>& before,
                                                                          const std::vector<std::string>& requested,
                                                                          const Actor& actor) const;
  void revoke_tokens_of(storage::Connection& c, const Scope& s, const std::string& user_id, const std::string& reason,
                        const Actor& actor) const;
  void request_grants(storage::Connection& c, const Scope& s, const User& u, const std::vector<std::string>& roles,
                      const Actor& actor) const;
  storage::Database& db_;
  const ledger::Ledger& ledger_;
  Options options_;
};

}  // namespace simpul::identity
