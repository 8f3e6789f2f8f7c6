#include "api_harness.hpp"
#include "rule_driven_codes.hpp"

#include "identity/roles.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <mutex>

#include "core/log.hpp"
#include "http/api_description.hpp"
#include "core/text.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::api_test {

std::string Reply::header(const std::string& name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return "";
}

std::string Reply::error_code() const {
  if (!json.is_object() || !json.as_object().contains("error")) return "";
  return std::string(json.at("error").at("code").as_string());
}

std::string Reply::rule_id() const {
  if (!json.is_object() || !json.as_object().contains("error")) return "";
  const auto& rule = json.at("error").at("rule");
  return rule.is_object() ? std::string(rule.at("id").as_string()) : "";
}

Instance::Instance(const std::string& backend, identity::Options identity) : db_(backend, app::all_migrations()) {
  log::set_min_level(log::Level::Warn);  // keep test output to what matters
  app::Config c;
  c.database_url = db_.url();
  c.data_dir = db_.dir() / "var";
  c.profiles_dir = std::filesystem::path(SIMPUL_SOURCE_DIR) / "profiles";
  c.access_log = false;
  c.pool_size = 4;
  c.identity = identity;
  platform_ = std::make_unique<app::Platform>(c);
}

std::string Instance::add_demo_tenant(const std::string& profile_id) {
  if (platform_->tenancy().tenants().empty()) {
    auto login = app::ensure_demo(*platform_, profile_id);
    colleague_password_ = login.colleague_password;
    return login.password;
  }
  // Further tenants: same organisation file, a fresh admin.
  platform_->tenancy().create_tenant(profile_id, profile_id, {"cli", "test", ""});
  return app::add_user_cli(*platform_, profile_id, "admin", "Admin " + profile_id, {"tenant_admin"}, "", "");
}

Reply Client::login(const std::string& tenant, const std::string& username, const std::string& password) {
  boost::json::object body{{"username", username}, {"password", password}};
  if (!tenant.empty()) body["tenant"] = tenant;
  auto r = send("POST", "/api/auth/login", boost::json::serialize(body));
  if (r.status == 200) {
    auto set_cookie = r.header("Set-Cookie");
    cookie = set_cookie.substr(0, set_cookie.find(';'));
    csrf = std::string(r.json.at("csrf_token").as_string());
  }
  return r;
}

namespace {
// The in-process harness skips the transport, so it decodes queries the way the server does.
std::string percent_decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i] == '+' ? ' ' : s[i]);
    }
  }
  return out;
}
/// SIMPUL_RECORD_RESPONSES=DIR: every JSON answer the API tests receive is appended, with its route
/// pattern, to DIR/<pid>.jsonl — the samples scripts/dev/infer_schemas.py derives response schemas from.
void record_response(const http::Router& router, const std::string& method, const std::string& path, const Reply& r) {
  static const char* dir = std::getenv("SIMPUL_RECORD_RESPONSES");
  if (!dir || !*dir || r.json.is_null()) return;
  http::Request probe;
  probe.method = method;
  probe.path = path;
  auto m = router.match(probe);
  if (!m.route) return;
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  std::ofstream out(std::string(dir) + "/" + std::to_string(::getpid()) + ".jsonl", std::ios::app);
  out << boost::json::serialize(boost::json::object{
             {"method", method}, {"pattern", m.route->pattern}, {"status", r.status}, {"body", r.json}})
      << "\n";
}

/// Every successful JSON answer of every API test must match the schema its route declares
/// (http/api_description.hpp): the contract and the code cannot drift apart unnoticed.
void check_against_contract(const http::Router& router, const std::string& method, const std::string& path,
                            const Reply& r) {
  if (r.status < 200 || r.status > 299 || r.json.is_null()) return;
  http::Request probe;
  probe.method = method;
  probe.path = path;
  auto m = router.match(probe);
  if (!m.route) return;
  const auto* op = http::operation_of(router, m.route->method, m.route->pattern);
  if (!op) {
    ADD_FAILURE() << method << " " << m.route->pattern << " answered but is not described in the API contract";
    return;
  }
  const auto* resp = op->at("responses").as_object().if_contains(std::to_string(r.status));
  if (!resp) {
    ADD_FAILURE() << method << " " << m.route->pattern << " answered " << r.status
                  << ", which its contract does not declare";
    return;
  }
  const auto* schema =
      resp->as_object().contains("content") ? resp->at("content").as_object().if_contains("application/json") : nullptr;
  if (!schema) return;
  const auto& components = router.description().at("schemas").as_object();
  auto problems = http::schema_problems(schema->at("schema"), r.json, components);
  for (const auto& p : problems)
    ADD_FAILURE() << method << " " << m.route->pattern << " → " << r.status << " breaks its contract: " << p;
}

/// Every error answer whose code a regulation causes cites its rule (rule_driven_codes.hpp).
void check_rule_cited(const std::string& method, const std::string& path, const Reply& r) {
  auto code = r.error_code();
  if (code.empty()) return;
  bool driven = false;
  for (auto c : kRuleDrivenCodes) driven = driven || c == code;
  if (!driven) return;
  const auto& error = r.json.at("error").as_object();
  const auto* details = error.if_contains("details");
  const auto* states =
      details && details->is_object() ? details->as_object().if_contains("regulation_states_sanctions") : nullptr;
  if (rule_may_be_absent(code, !(states && states->is_bool() && !states->as_bool()))) return;
  const auto* rule = error.if_contains("rule");
  if (!rule || !rule->is_object() || rule->at("id").as_string().empty() || rule->at("citation").as_string().empty())
    ADD_FAILURE() << method << " " << path << " refused with " << code
                  << " without the rule that causes it: " << r.body;
}

}  // namespace

Reply Client::send(const std::string& method, const std::string& path, const std::string& body,
                   std::vector<std::pair<std::string, std::string>> extra_headers) {
  http::Request req;
  req.method = method;
  auto q = path.find('?');
  req.path = path.substr(0, q);
  if (q != std::string::npos)
    for (auto pair : text::split(std::string_view(path).substr(q + 1), '&')) {
      auto eq = pair.find('=');
      req.query[std::string(pair.substr(0, eq))] =
          eq == std::string_view::npos ? "" : percent_decoded(pair.substr(eq + 1));
    }
  req.body = body;
  req.remote_address = remote_address;
  bool custom_type = false;
  for (const auto& [k, v] : extra_headers) custom_type = custom_type || k == "content-type";
  if (!body.empty() && !custom_type) req.headers.emplace_back("content-type", "application/json");
  if (!cookie.empty()) req.headers.emplace_back("cookie", cookie);
  if (!bearer.empty()) req.headers.emplace_back("authorization", "Bearer " + bearer);
  if (send_csrf && !csrf.empty() && method != "GET") req.headers.emplace_back("x-csrf-token", csrf);
  for (auto& h : extra_headers) req.headers.push_back(std::move(h));
  auto res = instance_.platform().dispatcher().handle(req);
  Reply r;
  r.status = res.status;
  r.body = res.body;
  r.headers = res.headers;
  r.headers.emplace_back("Content-Type", res.content_type);
  if (res.content_type.rfind("application/json", 0) == 0 && !res.body.empty()) r.json = boost::json::parse(res.body);
  record_response(instance_.platform().router(), method, req.path, r);
  check_against_contract(instance_.platform().router(), method, req.path, r);
  check_rule_cited(method, req.path, r);
  return r;
}

std::string agency_id(Client& admin, const std::string& code) {
  auto r = admin.get("/api/agencies?per_page=200");
  for (const auto& a : r.json.at("items").as_array())
    if (a.at("code").as_string() == code) return std::string(a.at("id").as_string());
  ADD_FAILURE() << "no agency " << code;
  return "";
}

Client user(Instance& in, Client& admin, const std::string& tenant, const std::string& name, const std::string& role,
            const std::string& agency) {
  if (identity::grants_approval_powers(role)) {
    // The approver's powers need a second person (docs/api.md, "Granting roles"); tests seat
    // approvers the way the host's operator does.
    auto t = in.platform().tenancy().tenant_by_slug(tenant);
    EXPECT_TRUE(t.has_value()) << tenant;
    identity::UserInput u;
    u.username = name;
    u.display_name = name;
    u.password = "kata-sandi-panjang";
    u.roles = std::vector<std::string>{role};
    if (!agency.empty()) u.agency_id = agency;
    in.platform().identity().create_user(Scope{t->id}, u, Actor{"cli", "Operator (uji)", ""});
  } else {
    auto r = admin.post("/api/users", R"({"must_change_password":false,"username":")" + name + R"(","display_name":")" +
                                          name + R"(","password":"kata-sandi-panjang","roles":[")" + role +
                                          R"("],"agency_id":")" + agency + "\"}");
    EXPECT_EQ(r.status, 201) << r.body;
  }
  Client c(in);
  EXPECT_EQ(c.login(tenant, name, "kata-sandi-panjang").status, 200);
  return c;
}

Client admin_client(Instance& instance, const std::string& profile_id) {
  auto password = instance.add_demo_tenant(profile_id);
  Client c(instance);
  auto r = c.login(profile_id, "admin", password);
  EXPECT_EQ(r.status, 200) << r.body;
  return c;
}

std::int64_t ledger_size(Instance& instance) {
  return storage::read(instance.db(), [](storage::Connection& c) {
    return c.query("SELECT COUNT(*) FROM ledger_entries")[0].int_at(0);
  });
}

std::string json_text(const boost::json::value& v) { return boost::json::serialize(v); }

std::string agency_code(Client& c, int i) {
  return std::string(c.get("/api/agencies?per_page=50&sort=code").json.at("items").at(i).at("code").as_string());
}

}  // namespace simpul::api_test
