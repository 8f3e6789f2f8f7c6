#pragma once
// The HTTP types route code sees. They carry no Beast types, so routes compile fast and are easy to test.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/context.hpp"
#include "core/error.hpp"

namespace simpul::http {

/// Who is calling, resolved by the authenticator from a session cookie or an API token.
struct Principal {
  enum class Via { Session, Token };
  std::string user_id;
  std::string tenant_id;
  std::string agency_id;
  std::string username;
  std::string display_name;
  std::vector<std::string> roles;
  std::vector<std::string> permissions;  // "agency.write" (whole tenant) or "agency.write.own" (own agency only)
  Via via = Via::Session;
  std::string session_id;
  std::string csrf_token;

  bool has(std::string_view permission) const;
  Scope scope() const { return Scope{tenant_id}; }
  Actor actor() const { return Actor{user_id, display_name, agency_id}; }
  /// True when the permission is held tenant-wide, or as ".own" and the object belongs to the caller's agency.
  bool can_for_agency(std::string_view permission, std::string_view agency_id) const;
};

struct Request {
  std::string method;  // upper case
  std::string path;    // decoded path without query
  std::string target;  // raw target
  std::unordered_map<std::string, std::string> query;
  std::unordered_map<std::string, std::string> path_params;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string request_id;
  std::string remote_address;  // the client's, through trusted proxies (http/forwarded.hpp)
  std::string peer_address;    // the socket's
  bool secure = false;         // came over TLS (a trusted proxy's X-Forwarded-Proto)
  Language language = Language::Indonesian;
  std::optional<Principal> principal;

  std::string_view header(std::string_view lower_name) const;
  std::string_view cookie(std::string_view name) const;
  const std::string& param(const std::string& name) const { return path_params.at(name); }
  /// A path parameter that must be one of our opaque ids; anything else is refused early (400).
  const std::string& id_param(const std::string& name) const;
  /// A path parameter that is a code from a data file (framework or indicator id): 1-60 of
  /// [A-Za-z0-9._-], else request.invalid_id.
  const std::string& code_param(const std::string& name) const;
  std::optional<std::string> query_value(const std::string& name) const;

  /// The authenticated caller, or AuthRequired.
  const Principal& caller() const;
  /// Throws AuthForbidden unless the caller holds the permission tenant-wide.
  const Principal& require(std::string_view permission) const;
  /// Throws AuthForbidden unless the caller may act on records of this agency.
  const Principal& require_for_agency(std::string_view permission, std::string_view agency_id) const;
};

struct Response {
  int status = 200;
  std::string body;
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;

  /// Replaces a header of the same name (case-insensitive), so a route and the dispatcher never
  /// send one twice; Set-Cookie is the exception (one line per cookie).
  void set_header(std::string name, std::string value);
};

}  // namespace simpul::http
