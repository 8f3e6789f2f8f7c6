#include "gateway/control/validation.hpp"

#include <algorithm>
#include <regex>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <yaml-cpp/yaml.h>

#include "core/error.hpp"
#include "core/text.hpp"
#include "gateway/cidr.hpp"
#include "gateway/config.hpp"
#include "http/json_io.hpp"
#include "tenancy/profile_reader.hpp"

namespace simpul::gateway::control {
namespace {

[[noreturn]] void invalid(const char* field, const char* reason) {
  throw Error(ErrorCode::ValidationInvalidValue, field, reason);
}

/// Reads a non-negative number; JSON integers and decimals are both accepted.
double number(const boost::json::value& v, const char* field, double min, double max) {
  double d = 0;
  if (v.is_int64())
    d = static_cast<double>(v.as_int64());
  else if (v.is_uint64())
    d = static_cast<double>(v.as_uint64());
  else if (v.is_double())
    d = v.as_double();
  else
    throw Error(ErrorCode::ValidationWrongType, {{"field", field}, {"expected", "number"}});
  if (!(d >= min && d <= max))
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", field}, {"min", min}, {"max", max}});
  return d;
}

std::uint64_t whole(const boost::json::value& v, const char* field, double min, double max) {
  double d = number(v, field, min, max);
  if (d != static_cast<double>(static_cast<std::uint64_t>(d))) invalid(field, "must be a whole number");
  return static_cast<std::uint64_t>(d);
}

/// Nodes a YAML document expands to (aliases count every time they are used), stopping at `limit`,
/// so an alias bomb is refused before it is converted.
std::size_t yaml_size(const YAML::Node& n, std::size_t limit, std::size_t seen = 0, int depth = 0) {
  if (++seen > limit || depth > 64) return limit + 1;
  if (n.IsSequence() || n.IsMap())
    for (const auto& item : n) {
      seen = n.IsMap() ? yaml_size(item.second, limit, seen, depth + 1) : yaml_size(item, limit, seen, depth + 1);
      if (seen > limit) return seen;
    }
  return seen;
}

}  // namespace

void check_code(const std::string& code) {
  static const std::regex kSlug("[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?");
  if (!std::regex_match(code, kSlug)) invalid("code", "lower-case letters, digits and '-' (1-40), e.g. kependudukan");
}

void check_upstream_url(const std::string& url) {
  static const std::regex kUrl(
      "https?://([A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?"
      "(/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?");
  if (url.size() > 500 || !std::regex_match(url, kUrl))
    invalid("upstream_base_url", "must be an http or https URL with a host");
  if (auto bracket = url.find('['); bracket != std::string::npos) {
    auto close = url.find(']');
    if (!parse_ip(url.substr(bracket + 1, close - bracket - 1))) invalid("upstream_base_url", "malformed IPv6 address");
  }
  auto after_scheme = url.find("://") + 3;
  auto host_end = url.find('/', after_scheme);
  auto authority =
      url.substr(after_scheme, host_end == std::string::npos ? std::string::npos : host_end - after_scheme);
  if (auto colon = authority.rfind(':');
      colon != std::string::npos && authority.back() != ']' && authority.find(']') == std::string::npos) {
    if (std::stoul(authority.substr(colon + 1)) > 65535) invalid("upstream_base_url", "port out of range");
  }
}

Policy merge_policy(Policy p, const boost::json::object& patch) {
  http::FieldReader f(
      patch, {"allowed_networks", "max_body_bytes", "upstream_timeout_ms", "retries_idempotent", "rate_per_second",
              "burst", "daily_quota", "health_path", "store_bodies", "mask_personal_ids"});
  if (auto list = f.optional_string_list("allowed_networks", 200, 64)) {
    for (const auto& cidr : *list)
      if (!parse_cidr(cidr))
        throw Error(ErrorCode::ValidationInvalidValue,
                    {{"field", "allowed_networks"}, {"value", cidr}, {"reason", "not a CIDR range"}});
    p.allowed_networks = *list;
  }
  if (auto* v = patch.if_contains("max_body_bytes"))
    p.max_body_bytes = whole(*v, "max_body_bytes", 0, 1024.0 * 1024 * 1024);
  if (auto* v = patch.if_contains("upstream_timeout_ms"))
    p.upstream_timeout_ms = static_cast<std::uint32_t>(whole(*v, "upstream_timeout_ms", 100, 600000));
  if (auto* v = patch.if_contains("retries_idempotent"))
    p.retries_idempotent = static_cast<std::uint32_t>(whole(*v, "retries_idempotent", 0, 5));
  if (auto* v = patch.if_contains("rate_per_second")) p.rate_per_second = number(*v, "rate_per_second", 0, 1e9);
  if (auto* v = patch.if_contains("burst")) p.burst = static_cast<std::uint32_t>(whole(*v, "burst", 1, 1e6));
  if (auto* v = patch.if_contains("daily_quota")) p.daily_quota = whole(*v, "daily_quota", 0, 1e12);
  if (auto* v = patch.if_contains("health_path")) {
    if (!v->is_string())
      throw Error(ErrorCode::ValidationWrongType, {{"field", "health_path"}, {"expected", "string"}});
    p.health_path = std::string(v->as_string());
    if (!p.health_path.empty()) check_path_prefix(p.health_path, "health_path");
  }
  if (auto b = f.optional_bool("store_bodies")) p.store_bodies = *b;
  if (auto b = f.optional_bool("mask_personal_ids")) p.mask_personal_ids = *b;
  // The data plane's own limits (gateway::validate): a rate of 0 is unlimited, else 0.001/s at least.
  if (p.rate_per_second != 0 && p.rate_per_second < 0.001)
    invalid("rate_per_second", "0 (unlimited) or at least 0.001");
  if (p.rate_per_second != 0 && p.burst / p.rate_per_second > 1e8) invalid("burst", "burst too long for this rate");
  return p;
}

void check_path_prefix(const std::string& prefix, const char* field) {
  static const std::regex kPath("(/[A-Za-z0-9._~-]+)+");
  if (prefix.size() > 200 || !std::regex_match(prefix, kPath))
    invalid(field, "a path such as /penduduk (no trailing '/', no query)");
  std::size_t start = 1;
  while (start <= prefix.size()) {
    auto end = prefix.find('/', start);
    auto segment = prefix.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (segment == "." || segment == "..") invalid(field, "no '.' or '..' segments");
    if (end == std::string::npos) break;
    start = end + 1;
  }
}

std::vector<std::string> check_methods(const std::vector<std::string>& methods) {
  std::vector<std::string> out;
  for (const auto& m : methods) {
    if (m.size() > 10 || method_bit(m) == 0)
      throw Error(ErrorCode::ValidationInvalidValue,
                  {{"field", "methods"},
                   {"value", m},
                   {"allowed", boost::json::array{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}}});
    if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
  }
  return out;
}

std::vector<std::string> check_fingerprints(const std::vector<std::string>& values) {
  static const std::regex kHex("[0-9a-f]{64}");
  std::vector<std::string> out;
  for (auto v : values) {
    v = text::to_lower_ascii(v);
    if (!std::regex_match(v, kHex))
      invalid("client_cert_sha256", "64 hex characters (SHA-256 of the certificate's DER)");
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  return out;
}

std::string openapi_as_json(const std::string& body, std::size_t max_bytes) {
  if (body.size() > max_bytes) throw Error(ErrorCode::GatewayOpenapiTooLarge, {{"max_bytes", max_bytes}});
  if (!text::is_valid_utf8(body)) throw Error(ErrorCode::GatewayOpenapiInvalid, {{"reason", "not UTF-8 text"}});
  auto first = body.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) throw Error(ErrorCode::GatewayOpenapiInvalid, {{"reason", "empty document"}});
  boost::json::value doc;
  if (body[first] == '{') {
    boost::system::error_code ec;
    doc = boost::json::parse(body, ec);
    if (ec) throw Error(ErrorCode::GatewayOpenapiInvalid, {{"reason", "JSON: " + ec.message()}});
  } else {
    YAML::Node root;
    try {
      root = YAML::Load(body);
    } catch (const YAML::Exception& e) {
      throw Error(ErrorCode::GatewayOpenapiInvalid, {{"reason", std::string("YAML: ") + e.what()}});
    }
    if (yaml_size(root, 200000) > 200000)
      throw Error(ErrorCode::GatewayOpenapiInvalid, {{"reason", "too many nodes or too deep"}});
    doc = tenancy::yaml_to_json(root);
  }
  if (!doc.is_object()) throw Error(ErrorCode::GatewayOpenapiInvalid, {{"reason", "the document must be an object"}});
  const auto& o = doc.as_object();
  auto* version = o.if_contains("openapi");
  if (!version || !version->is_string() || !version->as_string().starts_with("3."))
    throw Error(ErrorCode::GatewayOpenapiInvalid, {{"reason", "field 'openapi' must be a 3.x version"}});
  auto* info = o.if_contains("info");
  if (!info || !info->is_object())
    throw Error(ErrorCode::GatewayOpenapiInvalid, {{"reason", "field 'info' must be an object"}});
  if (auto* paths = o.if_contains("paths"); paths && !paths->is_object())
    throw Error(ErrorCode::GatewayOpenapiInvalid, {{"reason", "field 'paths' must be an object"}});
  return boost::json::serialize(doc);
}

}  // namespace simpul::gateway::control
