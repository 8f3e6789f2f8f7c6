#include "identity/routes.hpp"

#include <map>

#include "core/crypto.hpp"
#include "http/json_io.hpp"
#include "identity/json.hpp"
#include "identity/roles.hpp"

namespace simpul::identity {
namespace {

using http::FieldReader;
using http::Request;
using http::Response;

std::string session_cookie(const Request& req, const std::string& value, long max_age) {
  return std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(max_age) + (req.secure ? "; Secure" : "");
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
    for (const auto& t : svc.tokens(req.caller())) out.push_back(to_json(t));
    return http::json_response(200, out);
  });

  router.add("POST", "/api/auth/tokens", [&svc](Request& req) {
    const auto& p = req.caller();
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"name", "expires_in_days"});
    auto name = f.required_string("name", 80);
    std::optional<int> days;
    if (auto d = f.optional_int("expires_in_days", 1, 3650)) days = static_cast<int>(*d);
    auto t = svc.create_token(p, name, days);
    auto out = to_json(t);
    out["token"] = t.token;  // shown once
    return http::json_response(201, out);
  });

  router.add("DELETE", "/api/auth/tokens/{id}", [&svc](Request& req) {
    svc.revoke_token(req.caller(), req.id_param("id"));
    return http::no_content();
  });

  router.add("POST", "/api/auth/password", [&svc](Request& req) {
    const auto& p = req.caller();
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"current_password", "new_password"});
    auto current = f.required_string("current_password", 200);
    auto next = f.required_string("new_password", 200);
    svc.change_own_password(p, current, next);
    return http::no_content();
  });

  // Administrators see and revoke every token of their tenant.
  router.add("GET", "/api/tokens", [&svc](Request& req) {
    const auto& p = req.require("user.manage");
    boost::json::array out;
    for (const auto& t : svc.tenant_tokens(p.scope())) out.push_back(to_json(t));
    return http::json_response(200, boost::json::object{{"items", out}, {"max_days", svc.token_max_days(p.scope())}});
  });

  router.add("DELETE", "/api/tokens/{id}", [&svc](Request& req) {
    const auto& p = req.require("user.manage");
    svc.revoke_any_token(p.scope(), req.id_param("id"), p.actor());
    return http::no_content();
  });

  router.add("GET", "/api/security-settings", [&svc](Request& req) {
    const auto& p = req.require("user.manage");
    return http::json_response(200, boost::json::object{{"token_max_days", svc.token_max_days(p.scope())}});
  });

  router.add("PATCH", "/api/security-settings", [&svc](Request& req) {
    const auto& p = req.require("user.manage");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"token_max_days"});
    if (auto d = f.optional_int("token_max_days", 1, 3650)) svc.set_token_max_days(p.scope(), static_cast<int>(*d), p.actor());
    return http::json_response(200, boost::json::object{{"token_max_days", svc.token_max_days(p.scope())}});
  });

  router.add("GET", "/api/role-grants", [&svc](Request& req) {
    const auto& p = req.require("user.read");
    auto state = req.query_value("state");
    if (state && *state != "pending" && *state != "confirmed" && *state != "refused")
      throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "state"}});
    boost::json::array out;
    for (const auto& g : svc.grants(p.scope(), state)) out.push_back(to_json(g, p));
    return http::json_response(200, boost::json::object{{"items", out}});
  });

  for (const char* decision : {"confirm", "refuse"}) {
    bool confirm = std::string_view(decision) == "confirm";
    router.add("POST", std::string("/api/role-grants/{id}/") + decision, [&svc, confirm](Request& req) {
      const auto& p = req.caller();
      auto body = http::parse_json_object_or_empty(req);
      FieldReader f(body, {"note"});
      auto note = f.optional_string("note", 500).value_or("");
      return http::json_response(200, to_json(svc.decide_grant(p.scope(), req.id_param("id"), confirm, note, p), p));
    });
  }

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

  router.add("GET", "/api/permissions", [](Request& req) {
    req.require("user.read");
    boost::json::array out;
    for (const auto& p : permissions())
      out.push_back(boost::json::object{{"id", p.id}, {"label", {{"id", p.label_id}, {"en", p.label_en}}}, {"roles", http::json_strings(p.roles)}});
    return http::json_response(200, out);
  });

  // A user as answered by the user endpoints: with the roles still waiting for a second person.
  auto user_json = [&svc](const Scope& scope, const User& u) {
    auto out = to_json(u);
    boost::json::array pending;
    for (const auto& g : svc.grants(scope, std::string("pending")))
      if (g.user_id == u.id) pending.emplace_back(g.role);
    out["pending_roles"] = std::move(pending);
    return out;
  };

  router.add("GET", "/api/users", [&svc](Request& req) {
    const auto& p = req.require("user.read");
    auto q = http::parse_list_query(req, {"display_name", "username", "created_at"});
    auto agency = req.query_value("agency_id");
    if (agency && !crypto::looks_like_id(*agency)) throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "agency_id"}});
    std::int64_t total = 0;
    std::map<std::string, boost::json::array> pending;
    for (const auto& g : svc.grants(p.scope(), std::string("pending"))) pending[g.user_id].emplace_back(g.role);
    boost::json::array items;
    for (const auto& u : svc.list_users(p.scope(), q, agency, total)) {
      auto out = to_json(u);
      out["pending_roles"] = pending[u.id];
      items.push_back(std::move(out));
    }
    return http::list_response(items, total, q);
  });

  router.add("POST", "/api/users", [&svc, user_json](Request& req) {
    const auto& p = req.require("user.manage");
    return http::json_response(201, user_json(p.scope(), svc.create_user(p.scope(), read_user(req, true), p.actor())));
  });

  router.add("GET", "/api/users/{id}", [&svc, user_json](Request& req) {
    const auto& p = req.require("user.read");
    return http::json_response(200, user_json(p.scope(), svc.user(p.scope(), req.id_param("id"))));
  });

  router.add("POST", "/api/users/{id}/unlock", [&svc](Request& req) {
    const auto& p = req.require("user.manage");
    svc.unlock_user(p.scope(), req.id_param("id"), p.actor());
    return http::no_content();
  });

  router.add("PATCH", "/api/users/{id}", [&svc, user_json](Request& req) {
    const auto& p = req.require("user.manage");
    const auto& id = req.id_param("id");
    auto in = read_user(req, false);
    // Administrators cannot lock themselves out by accident.
    if (id == p.user_id && ((in.active && !*in.active) || (in.roles && std::find(in.roles->begin(), in.roles->end(), "tenant_admin") == in.roles->end())))
      throw Error(ErrorCode::ValidationInvalidValue, "roles", "you cannot remove your own administrator role or disable yourself");
    return http::json_response(200, user_json(p.scope(), svc.update_user(p.scope(), id, in, p.actor())));
  });
}

}  // namespace simpul::identity
