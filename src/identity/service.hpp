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
  int max_failures_per_user = 5;                     // within the window, then 429
  int max_failures_per_address = 30;
  std::chrono::seconds failure_window{15 * 60};
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
  std::optional<User> user_by_username(const Scope& s, const std::string& username) const;
  User create_user(const Scope& s, const UserInput& in, const Actor& actor);
  User update_user(const Scope& s, const std::string& id, const UserInput& in, const Actor& actor);
  std::int64_t count_users(const Scope& s) const;

  ApiToken create_token(const http::Principal& who, const std::string& name);
  std::vector<ApiToken> tokens(const http::Principal& who) const;
  void revoke_token(const http::Principal& who, const std::string& token_id);

 private:
  http::Principal principal_of(const User& u, http::Principal::Via via) const;
  storage::Database& db_;
  const ledger::Ledger& ledger_;
  Options options_;
};

}  // namespace simpul::identity
