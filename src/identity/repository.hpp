#pragma once
// SQL for users, sessions, API tokens and login throttling.
#include <optional>
#include <vector>

#include "core/context.hpp"
#include "core/list_query.hpp"
#include "identity/model.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::identity {

struct StoredUser {
  User user;
  std::string password_hash;
};

class Repository {
 public:
  static std::vector<storage::Migration> migrations();
  explicit Repository(storage::Connection& c) : c_(c) {}

  std::vector<User> users(const Scope& s, const ListQuery& q, const std::optional<std::string>& agency_id,
                          std::int64_t& total);
  std::optional<StoredUser> user(const Scope& s, const std::string& id);
  std::optional<StoredUser> user_by_username(const Scope& s, const std::string& username);
  void insert_user(const User& u, const std::string& password_hash);
  void update_user(const User& u, const std::optional<std::string>& new_password_hash);
  std::int64_t count_users(const Scope& s);
  bool agency_exists(const Scope& s, const std::string& agency_id);

  void insert_session(const Session& s, const std::string& token_hash, const std::string& created_at);
  /// The session and its user, when the token hash is known.
  std::optional<std::pair<Session, StoredUser>> session_by_token_hash(const std::string& token_hash);
  void touch_session(const std::string& id, const std::string& at);
  void delete_session(const std::string& id);
  /// Every session of the user but `keep` (the caller's own, when they change their password).
  void delete_sessions_of_user(const std::string& user_id, const std::string& keep = "");

  void insert_token(const Scope& s, const std::string& user_id, const ApiToken& t, const std::string& token_hash);
  /// An unrevoked token and its owner (expiry is the service's to judge).
  std::optional<std::pair<ApiToken, StoredUser>> token_by_hash(const std::string& token_hash);
  /// Unrevoked tokens of the tenant, of one user when given.
  std::vector<ApiToken> tokens(const Scope& s, const std::optional<std::string>& user_id);
  std::optional<ApiToken> token(const Scope& s, const std::string& token_id);
  bool revoke_token(const Scope& s, const std::string& token_id, const std::string& at, const std::string& reason);
  /// Revokes every live token of the user; returns their ids.
  std::vector<std::string> revoke_tokens_of_user(const Scope& s, const std::string& user_id, const std::string& at,
                                                 const std::string& reason);
  void touch_token(const std::string& id, const std::string& at);
  int token_max_days(const Scope& s, int fallback);
  void set_token_max_days(const Scope& s, int days);

  /// Login throttle per (account, address); address "" holds the account's count over all addresses.
  std::optional<Throttle> throttle(const Scope& s, const std::string& username, const std::string& address);
  void save_throttle(const Scope& s, const std::string& username, const std::string& address, const Throttle& t);
  /// Clears one address's record, or every record of the account (an administrator's unlock).
  void clear_throttle(const Scope& s, const std::string& username, const std::optional<std::string>& address);

  void insert_grant(const Scope& s, const RoleGrant& g);
  std::optional<RoleGrant> grant(const Scope& s, const std::string& id);
  std::vector<RoleGrant> grants(const Scope& s, const std::optional<std::string>& state);
  /// Records the decision of a pending grant; false when it is no longer pending.
  bool decide_grant(const Scope& s, const RoleGrant& g);
  std::int64_t count_active_with_role(const Scope& s, const std::string& role, const std::string& except_user);

 private:
  storage::Connection& c_;
};

}  // namespace simpul::identity
