#pragma once
// Everything between the socket and a route, without sockets: request id, language, routing,
// authentication, CSRF, error rendering, security headers, metrics and the access log.
// API tests drive this directly; the Beast server is only transport around it.
#include <filesystem>
#include <functional>
#include <optional>

#include "http/forwarded.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

namespace simpul::http {

/// Resolves the caller from cookie or bearer token. Returns nullopt when the request carries no
/// credentials; throws a catalogue Error when it carries bad ones (expired session, forged token).
using Authenticator = std::function<std::optional<Principal>(const Request&)>;

struct DispatcherOptions {
  std::filesystem::path web_root;  // built console (web/dist); empty = no console
  bool access_log = true;          // one structured line per request
  /// Whose X-Forwarded-For / X-Forwarded-Proto are believed (--trusted-proxy; loopback by default).
  TrustedProxies trusted_proxies = TrustedProxies::loopback();
};

class Dispatcher {
 public:
  Dispatcher(const Router& router, Authenticator authenticate, DispatcherOptions options = {});
  /// Never throws: every failure becomes a catalogue error response.
  Response handle(Request& req);
  Metrics& metrics() { return metrics_; }

 private:
  Response dispatch(Request& req, std::size_t& route_index);
  const Router& router_;
  Authenticator authenticate_;
  DispatcherOptions options_;
  Metrics metrics_;
};

/// Picks Indonesian unless the client prefers English.
Language language_from_header(std::string_view accept_language);

}  // namespace simpul::http
