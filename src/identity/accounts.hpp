#pragma once
// Account self-service (docs/identity.md): my profile, the password change an administrator's
// reset forces, and the password reset by e-mail with a single-use, expiring link.
#include <chrono>
#include <optional>
#include <set>
#include <string>

#include "core/context.hpp"
#include "http/request.hpp"
#include "identity/model.hpp"
#include "ledger/ledger.hpp"
#include "notification/service.hpp"
#include "storage/database.hpp"

namespace simpul::identity {

/// The password policy every way of setting a password applies: at least 10 characters.
void check_password_policy(const std::string& password);

/// The reason in the details of the auth.forbidden refusal while a password change is due.
inline constexpr const char* kPasswordChangeRequired = "password_change_required";

struct AccountProfile {
  User user;
  std::string phone;
  bool must_change_password = false;
};

/// What a user may change of their own account: never roles or agency (nobody grants themselves power).
struct ProfileInput {
  std::optional<std::string> display_name, email, phone;
};

struct ResetOptions {
  std::chrono::minutes lifetime{60};
  int requests_per_hour = 3;  // per account; further requests are answered alike and send nothing
  std::string public_url;     // the console's address for the link in the e-mail ($SIMPUL_PUBLIC_URL)
};

class Accounts {
 public:
  Accounts(storage::Database& db, const ledger::Ledger& ledger, notification::Service& notifications,
           ResetOptions options);

  AccountProfile profile(const http::Principal& who) const;
  AccountProfile update_profile(const http::Principal& who, const ProfileInput& in);
  bool must_change_password(const Scope& s, const std::string& user_id) const;
  /// Every account of the tenant that must choose a new password at the next sign-in (for the user list).
  std::set<std::string> users_who_must_change_password(const Scope& s) const;
  /// An administrator sets or lifts the obligation to choose a new password at the next sign-in.
  void set_password_change(const Scope& s, const std::string& user_id, bool required, const Actor& actor);

  /// Sends a reset link to every active account of the tenant with this address, unless e-mail is
  /// off, the account holds the approver's powers, or it asked too often. The caller learns nothing.
  void request_reset(const Scope& s, const std::string& email, const std::string& remote_address);
  /// Sets the password of the token's account (policy applied), ends its sessions and tokens and
  /// every reset link of it. Unknown, used and expired tokens are refused (auth.invalid_token).
  void reset_password(const std::string& token, const std::string& next);

 private:
  storage::Database& db_;
  const ledger::Ledger& ledger_;
  notification::Service& notifications_;
  ResetOptions options_;
};

}  // namespace simpul::identity
