#pragma once
// Users, sessions and API tokens.
#include <optional>
#include <string>
#include <vector>

namespace simpul::identity {

struct User {
  std::string id;
  std::string tenant_id;
  std::string agency_id;  // may be empty for instance-level accounts
  std::string agency_name;
  std::string username;
  std::string display_name;
  std::string email;
  std::vector<std::string> roles;
  bool active = true;
  std::string created_at;
  std::string updated_at;
};

struct UserInput {
  std::optional<std::string> username, display_name, email, agency_id, password;
  std::optional<std::vector<std::string>> roles;
  std::optional<bool> active;
  /// The Argon2id hash of `password`, computed once by the host's own seeding code (the demo gives
  /// every colleague the same password, and each hash costs 64 MiB and about a quarter of a second).
  /// Never read from a request: routes.cpp names the fields it reads.
  std::optional<std::string> password_hash;
};

struct Session {
  std::string id;
  std::string user_id;
  std::string tenant_id;
  std::string csrf_token;
  std::string expires_at;
  std::string last_seen_at;
};

struct LoginResult {
  User user;
  std::string session_token;  // goes into the cookie; only its hash is stored
  std::string csrf_token;
  std::string expires_at;
};

struct ApiToken {
  std::string id;
  std::string name;
  std::string created_at;
  std::string last_used_at;
  std::string token;  // plaintext, only in the answer that creates it
  std::string expires_at;
  std::string user_id;  // the owner, in administrators' lists
  std::string user_display_name;
  std::string username;
};

/// Failed sign-ins of one account (from one address, or from all) and the wait they impose.
struct Throttle {
  std::int64_t failures = 0;
  std::string last_failure_at;
  std::string blocked_until;  // ISO time; "" = not blocked
};

/// A request to give a user a role that someone other than the requester must confirm
/// (the approver's powers: docs/api.md, "Granting roles").
struct RoleGrant {
  std::string id;
  std::string user_id;
  std::string user_display_name;
  std::string role;
  std::string state;  // pending | confirmed | refused | withdrawn
  std::string requested_by;
  std::string requested_by_name;
  std::string requested_at;
  std::string decided_by;
  std::string decided_by_name;
  std::string decided_at;
  std::string note;
};

}  // namespace simpul::identity
