#pragma once
// In-process API harness: a whole Platform on a throwaway database, driven through the same
// Dispatcher the server uses, with a cookie jar and CSRF header like a browser.
#include <boost/json.hpp>

#include <memory>
#include <string>

#include "app/demo.hpp"
#include "app/platform.hpp"
#include "testing/test_database.hpp"

namespace simpul::api_test {

struct Reply {
  int status = 0;
  boost::json::value json;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string header(const std::string& name) const;
  std::string error_code() const;
  std::string rule_id() const;
};

/// One platform instance on a fresh database.
class Instance {
 public:
  explicit Instance(const std::string& backend, identity::Options identity = {});
  app::Platform& platform() { return *platform_; }
  /// Creates a tenant from a profile with the demo organisation; returns the admin password.
  std::string add_demo_tenant(const std::string& profile_id);
  /// The shared password of the first demo tenant's colleagues (sekda, perencana, auditor, ...).
  const std::string& demo_colleague_password() const { return colleague_password_; }
  std::string db_url() const { return db_.url(); }
  storage::Database& db() { return platform_->db(); }

 private:
  test_support::TestDatabase db_;
  std::unique_ptr<app::Platform> platform_;
  std::string colleague_password_;
};

/// A browser-like client: keeps the session cookie and sends the CSRF token on writes.
class Client {
 public:
  explicit Client(Instance& instance) : instance_(instance) {}
  Reply login(const std::string& tenant, const std::string& username, const std::string& password);
  Reply get(const std::string& path) { return send("GET", path, ""); }
  Reply post(const std::string& path, const std::string& body) { return send("POST", path, body); }
  Reply patch(const std::string& path, const std::string& body) { return send("PATCH", path, body); }
  Reply del(const std::string& path) { return send("DELETE", path, ""); }
  Reply send(const std::string& method, const std::string& path, const std::string& body,
             std::vector<std::pair<std::string, std::string>> extra_headers = {});

  std::string cookie;
  std::string csrf;
  std::string bearer;
  std::string remote_address = "127.0.0.1";
  bool send_csrf = true;

 private:
  Instance& instance_;
};

/// The id of the demo agency with this code (fails the test when there is none).
std::string agency_id(Client& admin, const std::string& code);
/// Creates a user with one role through the admin and returns it logged in.
Client user(Instance& in, Client& admin, const std::string& tenant, const std::string& name, const std::string& role,
            const std::string& agency);

/// Admin of a demo tenant, logged in.
Client admin_client(Instance& instance, const std::string& profile_id);
std::int64_t ledger_size(Instance& instance);
std::string json_text(const boost::json::value& v);
/// The string field `key` of a JSON answer.
inline std::string text_of(const boost::json::value& v, const char* key) { return std::string(v.at(key).as_string()); }
/// The code of the tenant's i-th agency in code order.
std::string agency_code(Client& c, int i);

}  // namespace simpul::api_test
