#include "http/dispatcher.hpp"

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "http/json_io.hpp"
#include "http/static_files.hpp"
#include "storage/storage_error.hpp"

namespace simpul::http {

Language language_from_header(std::string_view accept_language) {
  auto lang = text::to_lower_ascii(accept_language.substr(0, 2));
  return lang == "en" ? Language::English : Language::Indonesian;
}

Dispatcher::Dispatcher(const Router& router, Authenticator authenticate, DispatcherOptions options)
    : router_(router), authenticate_(std::move(authenticate)), options_(std::move(options)), metrics_(router) {}

namespace {

bool is_api_path(std::string_view path) {
  return path.rfind("/api/", 0) == 0 || path == "/api" || path == "/healthz" || path == "/metrics";
}

bool is_unsafe_method(std::string_view m) { return m != "GET" && m != "HEAD" && m != "OPTIONS"; }

void add_security_headers(Response& r, bool api, bool secure) {
  r.set_header("X-Content-Type-Options", "nosniff");
  // Only over TLS: a browser ignores it on plain HTTP, and sending it there promises nothing.
  if (secure) r.set_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  r.set_header("X-Frame-Options", "DENY");
  r.set_header("Referrer-Policy", "same-origin");
  if (api) {
    r.set_header("Cache-Control", "no-store");
  } else {
    r.set_header("Content-Security-Policy",
                 "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                 "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'");
  }
}

}  // namespace

Response Dispatcher::dispatch(Request& req, std::size_t& route_index) {
  if (!is_api_path(req.path)) {
    if (req.method != "GET" && req.method != "HEAD") throw Error(ErrorCode::RouteMethodNotAllowed);
    if (auto r = serve_static(options_.web_root, req)) return *r;
    throw Error(ErrorCode::RouteNotFound);
  }
  Match m = router_.match(req);
  if (!m.route) throw Error(m.path_exists ? ErrorCode::RouteMethodNotAllowed : ErrorCode::RouteNotFound);
  route_index = m.route->index;

  if (m.route->access == Access::Public) {
    try {
      req.principal = authenticate_(req);
    } catch (const Error&) {
      req.principal.reset();  // a stale cookie must not stop someone from signing in again
    }
  } else {
    req.principal = authenticate_(req);
    if (!req.principal) throw Error(ErrorCode::AuthRequired);
    if (req.principal->via == Principal::Via::Session && is_unsafe_method(req.method) &&
        !crypto::equal_secret(req.header("x-csrf-token"), req.principal->csrf_token))
      throw Error(ErrorCode::AuthCsrfFailed);
  }
  return m.route->handler(req);
}

Response Dispatcher::handle(Request& req) {
  auto started = std::chrono::steady_clock::now();
  if (req.request_id.empty()) req.request_id = crypto::random_token(9);
  req.peer_address = req.remote_address;
  req.remote_address = options_.trusted_proxies.client_address(req.peer_address, req.header("x-forwarded-for"));
  req.secure =
      options_.trusted_proxies.trusts(req.peer_address) && text::iequals(req.header("x-forwarded-proto"), "https");
  req.language = language_from_header(req.header("accept-language"));
  std::size_t route_index = Metrics::kNoRoute;
  Response res;
  try {
    res = dispatch(req, route_index);
  } catch (const Error& e) {
    res = error_response(e, req.language, req.request_id);
  } catch (const storage::StorageError& e) {
    bool busy = e.kind() == storage::StorageError::Kind::Busy;
    bool down = e.kind() == storage::StorageError::Kind::Connection;
    log::error("storage.error", {{"request_id", req.request_id}, {"message", e.what()}});
    res = error_response(Error(busy   ? ErrorCode::StorageConflict
                               : down ? ErrorCode::StorageUnavailable
                                      : ErrorCode::InternalError),
                         req.language, req.request_id);
  } catch (const std::exception& e) {
    log::error("request.failed", {{"request_id", req.request_id}, {"message", e.what()}});
    res = error_response(Error(ErrorCode::InternalError), req.language, req.request_id);
  }
  add_security_headers(res, is_api_path(req.path), req.secure);
  res.set_header("X-Request-Id", req.request_id);
  auto elapsed = std::chrono::steady_clock::now() - started;
  metrics_.record(route_index, req.method, res.status, elapsed);
  if (options_.access_log || res.status >= 500)
    log::write(res.status >= 500 ? log::Level::Error : log::Level::Info, "http.request",
               {{"request_id", req.request_id},
                {"method", req.method},
                {"route", route_index == Metrics::kNoRoute ? std::string(is_api_path(req.path) ? "unmatched" : "static")
                                                           : router_.routes()[route_index].pattern},
                {"status", res.status},
                {"ms", std::chrono::duration<double, std::milli>(elapsed).count()},
                {"user", req.principal ? req.principal->user_id : ""}});
  return res;
}

}  // namespace simpul::http
