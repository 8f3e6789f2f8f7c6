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

  std::vector<User> users(const Scope& s, const ListQuery& q, const std::optional<std::string>& agency_id, std::int64_t& total);
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
  void delete_sessions_of_user(const std::string& user_id);

  void insert_token(const Scope& s, const std::string& user_id, const ApiToken& t, const std::string& token_hash);
  std::optional<std::pair<std::string, StoredUser>> token_by_hash(const std::string& token_hash);  // token id, user
  std::vector<ApiToken> tokens(const Scope& s, const std::string& user_id);
  bool revoke_token(const Scope& s, const std::string& user_id, const std::string& token_id, const std::string& at);
  void touch_token(const std::string& id, const std::string& at);

  /// Failures inside the current window for a throttle key ("user:<tenant>:<name>" or "ip:<addr>").
  std::int64_t failures(const std::string& key, const std::string& window_start_after);
  void record_failure(const std::string& key, const std::string& now, const std::string& window_start_after);
  void clear_failures(const std::string& key);

 private:
  storage::Connection& c_;
};

}  // namespace simpul::identity
