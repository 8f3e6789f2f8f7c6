#pragma once
// The demo tenant: a Pemda from a profile with its realistic organisation (profiles/demo/<id>.yaml)
// and a first administrator whose generated password is kept in <data-dir>/initial-admin.txt.
#include <string>

#include "app/platform.hpp"

namespace simpul::app {

struct AdminLogin {
  std::string tenant_slug;
  std::string username;
  std::string password;  // empty when the file is gone (the administrator changed it and removed the file)
  /// API key of the demo consumer application on the gateway; only on the run that created the
  /// demo (it is stored hashed and cannot be shown again).
  std::string gateway_api_key;
  /// The demo colleagues (one per role: operator, planner, auditor, sekda, ...) share this password.
  std::string colleague_password;
  std::vector<std::string> colleagues;
};

/// Creates the demo tenant when the database has no tenant yet; returns the first login either way.
/// `upstream_base` is where the demo's gateway services find the stand-in agency systems
/// (demo_upstream.hpp); empty = Config::demo_upstream_base.
AdminLogin ensure_demo(Platform& platform, const std::string& profile_id, const std::string& upstream_base = "");

/// Creates a user from the CLI; returns the generated password when none was given.
std::string add_user_cli(Platform& platform, const std::string& tenant_slug, const std::string& username,
                         const std::string& display_name, const std::vector<std::string>& roles,
                         const std::string& agency_code, std::string password);

/// The host's operator sets a new password (generated when empty, then returned): the way back in
/// for an approver, whose password an administrator cannot reset through the API.
std::string reset_password_cli(Platform& platform, const std::string& tenant_slug, const std::string& username,
                               std::string password);

}  // namespace simpul::app
