#include "identity/routes.hpp"

#include "core/crypto.hpp"
#include "http/json_io.hpp"
#include "identity/json.hpp"
#include "identity/roles.hpp"

namespace simpul::identity {
namespace {

using http::FieldReader;
using http::Request;
using http::Response;

bool behind_tls(const Request& req) { return req.header("x-forwarded-proto") == "https"; }

std::string session_cookie(const Request& req, const std::string& value, long max_age) {
  return std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(max_age) + (behind_tls(req) ? "; Secure" : "");
}

UserInput read_user(const Request& req, bool create) {
  auto body = http::parse_json_object(req);
  FieldReader f(body, {"username", "display_name", "email", "agency_id", "roles", "password", "active"});
  UserInput in;
  if (create) {
    in.username = f.required_string("username", 40);
    in.display_name = f.required_string("display_name", 120);
    in.password = f.required_string("password", 200);
    in.roles = f.optional_string_list("roles", 7, 40);
    if (!in.roles) throw Error(ErrorCode::ValidationMissingField, {{"field", "roles"}});
  } else {
    in.display_name = f.optional_string("display_name", 120);
    if (in.display_name && in.display_name->empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "display_name"}});
    in.password = f.optional_string("password", 200);
    in.roles = f.optional_string_list("roles", 7, 40);
    in.active = f.optional_bool("active");
  }
  in.email = f.optional_string("email", 200);
  if (in.email && !in.email->empty() && in.email->find('@') == std::string::npos)
    throw Error(ErrorCode::ValidationInvalidValue, "email", "not an email address");
  if (auto agency = f.nullable_string("agency_id", 20)) {
    in.agency_id = agency->value_or("");
    if (!in.agency_id->empty() && !crypto::looks_like_id(*in.agency_id))
      throw Error(ErrorCode::ValidationInvalidValue, "agency_id", "not an agency id");
  }
  return in;
}

}  // namespace

http::Authenticator make_authenticator(Service& svc) {
  return [&svc](const Request& req) -> std::optional<http::Principal> {
    auto auth = req.header("authorization");
    if (!auth.empty()) {
      if (auth.rfind("Bearer ", 0) != 0 || auth.size() > 200) throw Error(ErrorCode::AuthInvalidToken);
      return svc.authenticate_token(std::string(auth.substr(7)));
    }
    auto cookie = req.cookie(kSessionCookie);
    if (cookie.empty()) return std::nullopt;
    if (cookie.size() > 100) throw Error(ErrorCode::AuthSessionExpired);
    return svc.authenticate_session(std::string(cookie));
  };
}

void register_routes(http::Router& router, Service& svc, TenantDirectory tenants) {
  router.add(
      "POST", "/api/auth/login",
      [&svc, tenants](Request& req) {
        auto body = http::parse_json_object(req);
        FieldReader f(body, {"tenant", "username", "password"});
        auto tenant_slug = f.optional_string("tenant", 40);
        auto username = f.required_string("username", 40);
        auto password = f.required_string("password", 200);
        Scope scope = tenants.resolve(tenant_slug && !tenant_slug->empty() ? tenant_slug : std::nullopt);
        auto result = svc.login(scope, username, password, req.remote_address);
        auto res = http::json_response(200, boost::json::object{{"user", to_json(result.user)},
                                                                {"csrf_token", result.csrf_token},
                                                                {"expires_at", result.expires_at},
                                                                {"tenant", tenants.describe(scope)}});
        res.set_header("Set-Cookie", session_cookie(req, result.session_token, 12 * 3600));
        return res;
      },
      http::Access::Public);

  router.add("POST", "/api/auth/logout", [&svc](Request& req) {
    svc.logout(req.caller());
    auto res = http::no_content();
    res.set_header("Set-Cookie", session_cookie(req, "", 0));
    return res;
  });

  router.add("GET", "/api/auth/me", [&svc, tenants](Request& req) {
    const auto& p = req.caller();
    return http::json_response(200, boost::json::object{{"user", to_json(svc.user(p.scope(), p.user_id))},
                                                        {"csrf_token", p.csrf_token},
                                                        {"tenant", tenants.describe(p.scope())}});
  });

  router.add("GET", "/api/auth/tokens", [&svc](Request& req) {
    boost::json::array out;
    for (const auto& t : svc.tokens(req.caller()))
      out.push_back(boost::json::object{{"id", t.id}, {"name", t.name}, {"created_at", t.created_at}, {"last_used_at", t.last_used_at}});
    return http::json_response(200, out);
  });

  router.add("POST", "/api/auth/tokens", [&svc](Request& req) {
    const auto& p = req.caller();
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"name"});
    auto t = svc.create_token(p, f.required_string("name", 80));
    return http::json_response(201, boost::json::object{{"id", t.id}, {"name", t.name}, {"token", t.token}, {"created_at", t.created_at}});
  });

  router.add("DELETE", "/api/auth/tokens/{id}", [&svc](Request& req) {
    svc.revoke_token(req.caller(), req.id_param("id"));
    return http::no_content();
  });

  router.add("GET", "/api/roles", [](Request& req) {
    req.require("user.read");
    boost::json::array out;
    for (const auto& r : roles()) {
      boost::json::array perms;
      for (const auto& p : r.permissions) perms.emplace_back(p);
      out.push_back(boost::json::object{{"id", r.id},
                                        {"name", {{"id", r.name_id}, {"en", r.name_en}}},
                                        {"description", {{"id", r.description_id}, {"en", r.description_en}}},
                                        {"permissions", perms}});
    }
    return http::json_response(200, out);
  });

  router.add("GET", "/api/users", [&svc](Request& req) {
    const auto& p = req.require("user.read");
    auto q = http::parse_list_query(req, {"display_name", "username", "created_at"});
    auto agency = req.query_value("agency_id");
    if (agency && !crypto::looks_like_id(*agency)) throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "agency_id"}});
    std::int64_t total = 0;
    boost::json::array items;
    for (const auto& u : svc.list_users(p.scope(), q, agency, total)) items.push_back(to_json(u));
    return http::list_response(items, total, q);
  });

  router.add("POST", "/api/users", [&svc](Request& req) {
    const auto& p = req.require("user.manage");
    return http::json_response(201, to_json(svc.create_user(p.scope(), read_user(req, true), p.actor())));
  });

  router.add("GET", "/api/users/{id}", [&svc](Request& req) {
    const auto& p = req.require("user.read");
    return http::json_response(200, to_json(svc.user(p.scope(), req.id_param("id"))));
  });

  router.add("PATCH", "/api/users/{id}", [&svc](Request& req) {
    const auto& p = req.require("user.manage");
    const auto& id = req.id_param("id");
    auto in = read_user(req, false);
    // Administrators cannot lock themselves out by accident.
    if (id == p.user_id && ((in.active && !*in.active) || (in.roles && std::find(in.roles->begin(), in.roles->end(), "tenant_admin") == in.roles->end())))
      throw Error(ErrorCode::ValidationInvalidValue, "roles", "you cannot remove your own administrator role or disable yourself");
    return http::json_response(200, to_json(svc.update_user(p.scope(), id, in, p.actor())));
  });
}

}  // namespace simpul::identity
