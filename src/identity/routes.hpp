#pragma once
#include <functional>
#include <optional>

#include <boost/json/value.hpp>

#include "http/dispatcher.hpp"
#include "http/router.hpp"
#include "identity/accounts.hpp"
#include "identity/service.hpp"

namespace simpul::identity {

/// What sign-in needs from the tenancy module, supplied by the composition root.
struct TenantDirectory {
  /// The tenant a login names (or the only one, when the name is omitted); throws TenantRequired.
  std::function<Scope(const std::optional<std::string>& slug)> resolve;
  /// The tenant as the console shows it in its header.
  std::function<boost::json::value(const Scope&)> describe;
};

void register_routes(http::Router& router, Service& service, TenantDirectory tenants, Accounts& accounts);
/// Session cookie or bearer token → principal; while the caller must change their password, only
/// the change, sign-out and the reads of their own account are let through.
http::Authenticator make_authenticator(Service& service, const Accounts& accounts);

constexpr const char* kSessionCookie = "simpul_session";

}  // namespace simpul::identity
