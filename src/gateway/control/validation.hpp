#pragma once
// Checks of control-plane input that the data plane relies on: every refusal is a catalogue error
// and happens before anything is written.
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "gateway/control/model.hpp"

namespace simpul::gateway::control {

/// A service code: a lower-case slug (it becomes a path segment of the gateway).
void check_code(const std::string& code);
/// An upstream base URL: http or https, a host, an optional port and path; no query, fragment or
/// credentials.
void check_upstream_url(const std::string& url);
/// `patch` (a partial policy from the API) applied over `base`; unknown fields, wrong types, bad
/// CIDRs and out-of-range numbers are refused.
Policy merge_policy(Policy base, const boost::json::object& patch);
/// A grant's path prefix relative to the service: "/a/b", no trailing '/', no dot segments.
void check_path_prefix(const std::string& prefix, const char* field);
/// Upper-case HTTP methods the gateway proxies, without duplicates (returned upper-cased).
std::vector<std::string> check_methods(const std::vector<std::string>& methods);
/// Lower-case hex SHA-256 fingerprints.
std::vector<std::string> check_fingerprints(const std::vector<std::string>& values);
/// An OpenAPI 3 document, JSON or YAML, as compact JSON text.
std::string openapi_as_json(const std::string& body, std::size_t max_bytes);

}  // namespace simpul::gateway::control
