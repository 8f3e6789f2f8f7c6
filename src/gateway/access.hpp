#pragma once
// The data plane's per-request decision (issue 7; docs/gateway.md "Data plane decisions"):
// who is calling, which service, from where, with which right, how often, how large.
// Pure: no sockets, no database, no locks, no exceptions.
//
// Order of checks (the first failing one answers):
//   0. malformed path: dot segments, '\', control bytes, in the 400 request.malformed
//      path as sent and in each percent-decoded form (decoded to a
//      fixed point, at most three rounds); escapes of '.', '/', '\';
//      %uHHHH; ill-formed or overlong UTF-8 once decoded
//   1. API key unknown or missing                               401 gateway.unknown_consumer
//      (first, so that callers without a valid key learn nothing about which services exist)
//  1b. consumer has registered client certificates and the one
//      presented over mutual TLS is not among them             403 gateway.client_certificate
//   2. no service prefix matches the path                       404 gateway.unknown_service
//   3. source address outside the service's allowed networks   403 gateway.source_not_allowed
//   4. no grant for (consumer, service, path, method)           403 gateway.no_grant
//   5. Content-Length above the service's maximum               413 gateway.body_too_large
//   6. rate limit of the (consumer, service) pair               429 gateway.rate_limited + Retry-After
//   7. daily quota of the pair                                  429 gateway.quota_exceeded + Retry-After
// Refused requests before step 6 consume neither rate nor quota.
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "gateway/cidr.hpp"
#include "gateway/rate_limiter.hpp"
#include "gateway/snapshot.hpp"

namespace simpul::gateway {

struct RequestFacts {
  std::string_view method;          // "GET"
  std::string_view path;            // "/svc/kependudukan/penduduk/1", without the query string
  std::string_view api_key;         // raw key from the request header; empty when absent
  IpAddress source;                 // peer address of the connection
  std::int64_t content_length = 0;  // -1 when unknown (chunked): the proxy enforces the limit while streaming
  /// Lowercase hex SHA-256 of the DER of the client certificate presented over mutual TLS; empty if none.
  std::string_view client_cert_sha256 = {};
};

struct Decision {
  int status = 0;                              // 0 = allowed; otherwise 400/401/403/404/413/429
  std::string_view error_code;                 // "gateway.no_grant"; empty when allowed
  ErrorCode error = ErrorCode::InternalError;  // catalogue entry when refused
  std::uint32_t retry_after = 0;               // seconds, for 429
  int service = -1;                            // index into CompiledConfig::services, when found
  int consumer = -1;                           // index into the config's consumers, when identified
  /// Path to send upstream (after the service prefix, always starting with '/'). Points into
  /// RequestFacts::path or a static "/": valid as long as the request's path is.
  std::string_view upstream_path;
  /// The profile rule behind a no_grant or source_not_allowed refusal, when the service has one
  /// (ServiceConfig::grant_rule / source_rule); empty otherwise. Points into the configuration.
  std::string_view rule_id, rule_citation;
  bool allowed() const noexcept { return status == 0; }
};

Decision decide(const CompiledConfig& config, RateLimiter& limiter, const RequestFacts& request) noexcept;

}  // namespace simpul::gateway
