#pragma once
// SQL of account self-service: the forced password change, the phone number and the single-use
// password reset tokens (stored only as SHA-256 hashes).
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::identity {

struct ResetToken {
  std::string id, tenant_id, user_id, created_at, expires_at, used_at;  // used_at "" = still usable
};

class AccountRepository {
 public:
  static std::vector<storage::Migration> migrations();
  explicit AccountRepository(storage::Connection& c) : c_(c) {}

  bool must_change_password(const Scope& s, const std::string& user_id);
  void set_must_change_password(const Scope& s, const std::string& user_id, bool must);
  /// The ids of the tenant's accounts that must choose a new password at the next sign-in.
  std::set<std::string> users_who_must_change_password(const Scope& s);
  std::string phone(const Scope& s, const std::string& user_id);
  void set_phone(const Scope& s, const std::string& user_id, const std::string& phone);
  /// Active accounts of the tenant whose e-mail address is this one (letter case ignored).
  std::vector<std::string> active_users_with_email(const Scope& s, const std::string& email);

  void insert_reset(const ResetToken& t, const std::string& token_hash);
  std::optional<ResetToken> reset_by_hash(const std::string& token_hash);
  /// Marks the token used; false when it already was (a second use racing the first).
  bool use_reset(const std::string& id, const std::string& at);
  /// Every still usable token of the user ends (the password has just changed).
  void use_resets_of_user(const Scope& s, const std::string& user_id, const std::string& at);
  std::int64_t resets_since(const Scope& s, const std::string& user_id, const std::string& since);

 private:
  storage::Connection& c_;
};

}  // namespace simpul::identity
