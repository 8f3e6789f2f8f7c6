#pragma once
// The data plane's configuration snapshot (issue 7; docs/gateway.md "Data plane decisions").
// Plain values written by the control plane; snapshot.hpp compiles them into lookup tables and
// publishes them atomically. Nothing here is touched on the request path.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace simpul::gateway {

/// Token bucket: `requests_per_second` sustained, `burst` requests at once. 0 rps = unlimited.
struct RateLimit {
  double requests_per_second = 0;
  std::uint32_t burst = 1;
};

/// The profile rule a refusal cites (docs/gateway.md "Refusals that cite a rule"); an empty id
/// means the region states no rule for it, and the refusal carries `rule: null`.
struct RuleCitation {
  std::string id;        // "BPN-09-5"
  std::string citation;  // "Pasal 9 ayat (5)"
};

struct ServiceConfig {
  std::string id;
  std::string name;
  std::string version;
  std::string path_prefix;        // "/svc/kependudukan": starts with '/', no trailing '/', no '?'
  std::string upstream_base_url;  // "http://10.1.2.3:8080/api"
  /// Source networks allowed to call the service. Empty = nobody (deny by default); allow everyone
  /// explicitly with "0.0.0.0/0" and "::/0".
  std::vector<std::string> allowed_networks;
  std::uint64_t max_body_bytes = 1 << 20;  // 0 = no request body allowed at all
  std::uint32_t upstream_timeout_ms = 30000;
  std::uint32_t retries_idempotent = 0;  // extra attempts for GET/HEAD/PUT/DELETE/OPTIONS
  RateLimit rate_limit;                  // per consumer of this service
  std::uint64_t daily_quota = 0;         // requests per consumer per day; 0 = unlimited
  /// Path (relative to upstream_base_url) the data plane GETs periodically; empty = no health check.
  std::string health_path;
  /// Keep request and response bodies beside the message log (off by default: classified data).
  bool store_bodies = false;
  /// Why a consumer without a grant is refused (Balikpapan Pasal 9 ayat (5): access through the SPL
  /// only on a request the Sekda approved) and why a source outside `allowed_networks` is refused
  /// (a duty to exchange over the Jaringan Intra); set by the control plane from the tenant's profile.
  RuleCitation grant_rule;
  RuleCitation source_rule;
};

struct ConsumerConfig {
  std::string id;
  std::string name;
  std::string agency_id;
  /// Lowercase hex SHA-256 of each valid API key (api_key_hash()); several during key rotation.
  std::vector<std::string> api_key_sha256;
  /// Lowercase hex SHA-256 fingerprints (of the DER) of client certificates this consumer must
  /// present over mutual TLS. Empty = API key alone is enough.
  std::vector<std::string> client_cert_sha256;
};

struct GrantConfig {
  std::string consumer_id;
  std::string service_id;
  /// Relative to the service's prefix ("/penduduk" under "/svc/kependudukan"), matched on whole
  /// path segments. Absent = the whole service.
  std::optional<std::string> path_prefix;
  /// Upper-case HTTP methods ("GET", "POST"). Empty = every method.
  std::vector<std::string> methods;
};

struct Config {
  std::uint64_t version = 0;  // increases with every control-plane change; for logs and metrics
  /// Offset of the quota day from UTC, in seconds (WIB = +7 h): quotas reset at local midnight.
  std::int64_t quota_day_offset_seconds = 7 * 3600;
  std::vector<ServiceConfig> services;
  std::vector<ConsumerConfig> consumers;
  std::vector<GrantConfig> grants;
};

/// The stored form of an API key: lowercase hex SHA-256 (keys are random 256-bit tokens, so a
/// fast hash is enough; no password hashing needed).
std::string api_key_hash(std::string_view raw_key);

/// Every problem of a configuration, in English, one per entry (empty = valid): duplicate ids,
/// duplicate prefixes or key hashes, malformed prefixes, CIDRs or methods, grants naming unknown
/// consumers or services.
std::vector<std::string> validate(const Config& config);

/// Bit of an HTTP method in a grant's method mask; 0 for methods the gateway does not proxy.
std::uint32_t method_bit(std::string_view method) noexcept;

}  // namespace simpul::gateway
