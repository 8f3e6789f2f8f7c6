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
  return std::string(kSessionCookie) + "=" + value +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) + (req.secure ? "; Secure" : "");
}

/// `must_change_password` (optional): whether the holder must choose a new password at the next
/// sign-in; an administrator-set password forces it unless this says false.
UserInput read_user(const Request& req, bool create, std::optional<bool>& must_change_password) {
  auto body = http::parse_json_object(req);
  FieldReader f(
      body, {"username", "display_name", "email", "agency_id", "roles", "password", "active", "must_change_password"});
  must_change_password = f.optional_bool("must_change_password");
  UserInput in;
  if (create) {
    in.username = f.required_string("username", 40);
    in.display_name = f.required_string("display_name", 120);
    in.password = f.required_string("password", 200);
    in.roles = f.optional_string_list("roles", 7, 40);
    if (!in.roles) throw Error(ErrorCode::ValidationMissingField, {{"field", "roles"}});
  } else {
    in.display_name = f.optional_string("display_name", 120);
    if (in.display_name && in.display_name->empty())
      throw Error(ErrorCode::ValidationMissingField, {{"field", "display_name"}});
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

std::optional<std::string> read_email(const FieldReader& f) {
  auto email = f.optional_string("email", 200);
  if (email && !email->empty() && email->find('@') == std::string::npos)
    throw Error(ErrorCode::ValidationInvalidValue, "email", "not an email address");
  return email;
}

/// Digits with an optional leading '+', spaces, dots and dashes: 0812-3456-7890, +62 542 123456.
bool phone_number_like(const std::string& phone) {
  std::size_t digits = 0;
  for (std::size_t i = 0; i < phone.size(); ++i) {
    char ch = phone[i];
    if (ch >= '0' && ch <= '9')
      ++digits;
    else if (!(ch == ' ' || ch == '-' || ch == '.' || (ch == '+' && i == 0)))
      return false;
  }
  return phone.empty() || (digits >= 6 && digits <= 15);
}

boost::json::object profile_json(const AccountProfile& a) {
  auto out = to_json(a.user);
  out["phone"] = a.phone;
  out["must_change_password"] = a.must_change_password;
  boost::json::array role_names;  // the roles by name: a user without user.read cannot list them
  for (const auto& r : a.user.roles)
    if (const RoleDef* def = find_role(r))
      role_names.push_back(
          boost::json::object{{"id", r}, {"name", boost::json::object{{"id", def->name_id}, {"en", def->name_en}}}});
  out["role_names"] = std::move(role_names);
  return out;
}

/// What a caller who must change their password may still do: change it, sign out, read themselves.
bool allowed_while_password_change_due(const Request& req) {
  if (req.method == "GET") return req.path == "/api/me" || req.path == "/api/auth/me";
  if (req.method == "POST")
    return req.path == "/api/me/password" || req.path == "/api/auth/password" || req.path == "/api/auth/logout";
  return false;
}

}  // namespace

http::Authenticator make_authenticator(Service& svc, const Accounts& accounts) {
  return [&svc, &accounts](const Request& req) -> std::optional<http::Principal> {
    std::optional<http::Principal> p;
    auto auth = req.header("authorization");
    if (!auth.empty()) {
      if (auth.rfind("Bearer ", 0) != 0 || auth.size() > 200) throw Error(ErrorCode::AuthInvalidToken);
      p = svc.authenticate_token(std::string(auth.substr(7)));
    } else {
      auto cookie = req.cookie(kSessionCookie);
      if (cookie.empty()) return std::nullopt;
      if (cookie.size() > 100) throw Error(ErrorCode::AuthSessionExpired);
      p = svc.authenticate_session(std::string(cookie));
    }
    if (p && !allowed_while_password_change_due(req) && accounts.must_change_password(p->scope(), p->user_id))
      throw Error(ErrorCode::AuthForbidden, {{"reason", kPasswordChangeRequired}});
    return p;
  };
}

void register_routes(http::Router& router, Service& svc, TenantDirectory tenants, Accounts& accounts) {
  router.add(
      "POST", "/api/auth/login",
      [&svc, tenants, &accounts](Request& req) {
        auto body = http::parse_json_object(req);
        FieldReader f(body, {"tenant", "username", "password"});
        auto tenant_slug = f.optional_string("tenant", 40);
        auto username = f.required_string("username", 40);
        auto password = f.required_string("password", 200);
        Scope scope = tenants.resolve(tenant_slug && !tenant_slug->empty() ? tenant_slug : std::nullopt);
        auto result = svc.login(scope, username, password, req.remote_address);
        auto res = http::json_response(
            200, boost::json::object{{"user", to_json(result.user)},
                                     {"csrf_token", result.csrf_token},
                                     {"expires_at", result.expires_at},
                                     {"tenant", tenants.describe(scope)},
                                     {"must_change_password", accounts.must_change_password(scope, result.user.id)}});
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

  router.add("GET", "/api/auth/me", [&svc, tenants, &accounts](Request& req) {
    const auto& p = req.caller();
    return http::json_response(
        200, boost::json::object{{"user", to_json(svc.user(p.scope(), p.user_id))},
                                 {"csrf_token", p.csrf_token},
                                 {"tenant", tenants.describe(p.scope())},
                                 {"must_change_password", accounts.must_change_password(p.scope(), p.user_id)}});
  });

  // My own account (docs/identity.md, "Self-service").
  router.add("GET", "/api/me", [&accounts](Request& req) {
    return http::json_response(200, profile_json(accounts.profile(req.caller())));
  });

  router.add("PATCH", "/api/me", [&accounts](Request& req) {
    const auto& p = req.caller();
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"display_name", "email", "phone"});  // roles and agency are an administrator's to give
    ProfileInput in;
    in.display_name = f.optional_string("display_name", 120);
    if (in.display_name && in.display_name->empty())
      throw Error(ErrorCode::ValidationMissingField, {{"field", "display_name"}});
    in.email = read_email(f);
    in.phone = f.optional_string("phone", 30);
    if (in.phone && !phone_number_like(*in.phone))
      throw Error(ErrorCode::ValidationInvalidValue, "phone",
                  "6-15 digits, optionally with a leading +, spaces or dashes");
    return http::json_response(200, profile_json(accounts.update_profile(p, in)));
  });

  router.add("POST", "/api/me/password", [&svc](Request& req) {
    const auto& p = req.caller();
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"current", "new"});
    auto current = f.required_string("current", 200);
    auto next = f.required_string("new", 200);
    svc.change_own_password(p, current, next);
    return http::no_content();
  });

  // Password reset by e-mail: the answer is the same whether or not the address has an account.
  router.add(
      "POST", "/api/auth/reset-request",
      [tenants, &accounts](Request& req) {
        auto body = http::parse_json_object(req);
        FieldReader f(body, {"tenant", "email"});
        auto tenant_slug = f.optional_string("tenant", 40);
        auto email = f.required_string("email", 200);
        if (email.find('@') == std::string::npos)
          throw Error(ErrorCode::ValidationInvalidValue, "email", "not an email address");
        std::optional<Scope> scope;
        try {
          scope = tenants.resolve(tenant_slug && !tenant_slug->empty() ? tenant_slug : std::nullopt);
        } catch (const Error& e) {
          if (e.code() != ErrorCode::AuthInvalidCredentials) throw;  // an unknown tenant is answered alike
        }
        if (scope) accounts.request_reset(*scope, email, req.remote_address);
        return http::json_response(202, boost::json::object{{"accepted", true}});
      },
      http::Access::Public);

  router.add(
      "POST", "/api/auth/reset",
      [&accounts](Request& req) {
        auto body = http::parse_json_object(req);
        FieldReader f(body, {"token", "new"});
        auto token = f.required_string("token", 100);
        auto next = f.required_string("new", 200);
        accounts.reset_password(token, next);
        return http::no_content();
      },
      http::Access::Public);

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
    if (auto d = f.optional_int("token_max_days", 1, 3650))
      svc.set_token_max_days(p.scope(), static_cast<int>(*d), p.actor());
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
      out.push_back(boost::json::object{
          {"id", p.id}, {"label", {{"id", p.label_id}, {"en", p.label_en}}}, {"roles", http::json_strings(p.roles)}});
    return http::json_response(200, out);
  });

  // A user as answered by the user endpoints: with the roles still waiting for a second person.
  auto user_json = [&svc, &accounts](const Scope& scope, const User& u) {
    auto out = to_json(u);
    out["must_change_password"] = accounts.must_change_password(scope, u.id);
    boost::json::array pending;
    for (const auto& g : svc.grants(scope, std::string("pending")))
      if (g.user_id == u.id) pending.emplace_back(g.role);
    out["pending_roles"] = std::move(pending);
    return out;
  };

  router.add("GET", "/api/users", [&svc, &accounts](Request& req) {
    const auto& p = req.require("user.read");
    auto q = http::parse_list_query(req, {"display_name", "username", "created_at"});
    auto agency = req.query_value("agency_id");
    if (agency && !crypto::looks_like_id(*agency))
      throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "agency_id"}});
    std::int64_t total = 0;
    std::map<std::string, boost::json::array> pending;
    for (const auto& g : svc.grants(p.scope(), std::string("pending"))) pending[g.user_id].emplace_back(g.role);
    auto forced = accounts.users_who_must_change_password(p.scope());
    boost::json::array items;
    for (const auto& u : svc.list_users(p.scope(), q, agency, total)) {
      auto out = to_json(u);
      out["must_change_password"] = forced.count(u.id) > 0;
      out["pending_roles"] = pending[u.id];
      items.push_back(std::move(out));
    }
    return http::list_response(items, total, q);
  });

  router.add("POST", "/api/users", [&svc, user_json, &accounts](Request& req) {
    const auto& p = req.require("user.manage");
    std::optional<bool> must_change;
    auto created = svc.create_user(p.scope(), read_user(req, true, must_change), p.actor());
    // A service account whose holder is the administrator: the initial password may stay.
    if (must_change && !*must_change) accounts.set_password_change(p.scope(), created.id, false, p.actor());
    return http::json_response(201, user_json(p.scope(), created));
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

  router.add("PATCH", "/api/users/{id}", [&svc, user_json, &accounts](Request& req) {
    const auto& p = req.require("user.manage");
    const auto& id = req.id_param("id");
    std::optional<bool> must_change;
    auto in = read_user(req, false, must_change);
    // Administrators cannot lock themselves out by accident.
    if (id == p.user_id && ((in.active && !*in.active) || (in.roles && std::find(in.roles->begin(), in.roles->end(),
                                                                                 "tenant_admin") == in.roles->end())))
      throw Error(ErrorCode::ValidationInvalidValue, "roles",
                  "you cannot remove your own administrator role or disable yourself");
    // Like every administrator action on an account, not on one's own: one's own password is
    // changed under "Profil saya" (POST /api/me/password).
    if (id == p.user_id && must_change)
      throw Error(ErrorCode::ValidationInvalidValue, "must_change_password",
                  "you cannot set or lift the forced password change of your own account");
    auto updated = svc.update_user(p.scope(), id, in, p.actor());
    if (must_change) accounts.set_password_change(p.scope(), id, *must_change, p.actor());
    return http::json_response(200, user_json(p.scope(), updated));
  });
}

}  // namespace simpul::identity
