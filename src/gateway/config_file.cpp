#include "gateway/config_file.hpp"

#include <boost/json/parse.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace simpul::gateway {
namespace {

namespace json = boost::json;

/// Reads one JSON object's fields by name and refuses fields nobody asked for (a typo in a policy
/// must not silently fall back to a default).
class Fields {
 public:
  Fields(const json::value& v, std::string where) : where_(std::move(where)) {
    if (!v.is_object()) fail("is not an object");
    object_ = &v.get_object();
  }
  /// Call after reading every known field.
  void done() const {
    for (const auto& kv : *object_)
      if (!seen_.count(std::string(kv.key()))) fail("has an unknown field \"" + std::string(kv.key()) + "\"");
  }
  const json::value* find(const char* key) {
    seen_.insert(key);
    return object_->if_contains(key);
  }
  std::string string(const char* key, bool required = false) {
    const auto* v = find(key);
    if (!v) {
      if (required) fail("lacks \"" + std::string(key) + "\"");
      return {};
    }
    if (!v->is_string()) fail("field \"" + std::string(key) + "\" is not a string");
    return std::string(v->get_string());
  }
  template <typename T>
  void number(const char* key, T& out) {
    const auto* v = find(key);
    if (!v) return;
    if (v->is_int64() && v->get_int64() >= 0)
      out = static_cast<T>(v->get_int64());
    else if (v->is_uint64())
      out = static_cast<T>(v->get_uint64());
    else if (v->is_double() && v->get_double() >= 0)
      out = static_cast<T>(v->get_double());
    else
      fail("field \"" + std::string(key) + "\" is not a non-negative number");
  }
  std::vector<std::string> strings(const char* key) {
    std::vector<std::string> out;
    const auto* v = find(key);
    if (!v) return out;
    if (!v->is_array()) fail("field \"" + std::string(key) + "\" is not a list");
    for (const auto& s : v->get_array()) {
      if (!s.is_string()) fail("field \"" + std::string(key) + "\" holds a non-string");
      out.emplace_back(s.get_string());
    }
    return out;
  }
  bool boolean(const char* key) {
    const auto* v = find(key);
    if (!v) return false;
    if (!v->is_bool()) fail("field \"" + std::string(key) + "\" is not true or false");
    return v->get_bool();
  }
  const json::array& list(const char* key) {
    static const json::array empty;
    const auto* v = find(key);
    if (!v) return empty;
    if (!v->is_array()) fail("field \"" + std::string(key) + "\" is not a list");
    return v->get_array();
  }
  [[noreturn]] void fail(const std::string& what) const { throw std::invalid_argument(where_ + " " + what); }

 private:
  std::string where_;
  const json::object* object_ = nullptr;
  std::set<std::string> seen_;
};

ServiceConfig read_service(const json::value& v, std::size_t i) {
  Fields f(v, "services[" + std::to_string(i) + "]");
  ServiceConfig s;
  s.id = f.string("id", true);
  s.name = f.string("name");
  s.version = f.string("version");
  s.path_prefix = f.string("path_prefix", true);
  s.upstream_base_url = f.string("upstream_base_url", true);
  s.allowed_networks = f.strings("allowed_networks");
  f.number("max_body_bytes", s.max_body_bytes);
  f.number("upstream_timeout_ms", s.upstream_timeout_ms);
  f.number("retries_idempotent", s.retries_idempotent);
  if (const auto* r = f.find("rate_limit")) {
    Fields rf(*r, "services[" + std::to_string(i) + "].rate_limit");
    rf.number("requests_per_second", s.rate_limit.requests_per_second);
    rf.number("burst", s.rate_limit.burst);
    rf.done();
  }
  f.number("daily_quota", s.daily_quota);
  s.health_path = f.string("health_path");
  s.store_bodies = f.boolean("store_bodies");
  f.done();
  return s;
}

ConsumerConfig read_consumer(const json::value& v, std::size_t i) {
  Fields f(v, "consumers[" + std::to_string(i) + "]");
  ConsumerConfig c;
  c.id = f.string("id", true);
  c.name = f.string("name");
  c.agency_id = f.string("agency_id");
  c.api_key_sha256 = f.strings("api_key_sha256");
  c.client_cert_sha256 = f.strings("client_cert_sha256");
  f.done();
  return c;
}

GrantConfig read_grant(const json::value& v, std::size_t i) {
  Fields f(v, "grants[" + std::to_string(i) + "]");
  GrantConfig g;
  g.consumer_id = f.string("consumer_id", true);
  g.service_id = f.string("service_id", true);
  if (const auto* p = f.find("path_prefix"); p && !p->is_null()) {
    if (!p->is_string()) f.fail("field \"path_prefix\" is not a string");
    g.path_prefix = std::string(p->get_string());
  }
  g.methods = f.strings("methods");
  f.done();
  return g;
}

}  // namespace

std::shared_ptr<const Config> config_from_json(std::string_view text) {
  boost::system::error_code ec;
  auto root = json::parse(text, ec);
  if (ec) throw std::invalid_argument("the configuration is not valid JSON: " + ec.message());
  auto config = std::make_shared<Config>();
  {
    Fields f(root, "the configuration");
    f.number("version", config->version);
    if (const auto* o = f.find("quota_day_offset_seconds")) {
      if (!o->is_int64()) f.fail("field \"quota_day_offset_seconds\" is not an integer");
      config->quota_day_offset_seconds = o->get_int64();
    }
    const auto& services = f.list("services");
    for (std::size_t i = 0; i < services.size(); ++i) config->services.push_back(read_service(services[i], i));
    const auto& consumers = f.list("consumers");
    for (std::size_t i = 0; i < consumers.size(); ++i) config->consumers.push_back(read_consumer(consumers[i], i));
    const auto& grants = f.list("grants");
    for (std::size_t i = 0; i < grants.size(); ++i) config->grants.push_back(read_grant(grants[i], i));
    f.done();
  }
  auto problems = validate(*config);
  if (!problems.empty()) {
    std::string all = "the configuration is invalid:";
    for (const auto& p : problems) all += "\n  " + p;
    throw std::invalid_argument(all);
  }
  return config;
}

std::shared_ptr<const Config> load_config_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("cannot read the configuration file " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return config_from_json(text.str());
}

}  // namespace simpul::gateway
