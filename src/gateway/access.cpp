#include "gateway/access.hpp"

#include <algorithm>

#include "core/crypto.hpp"

namespace simpul::gateway {

namespace {

Decision refuse(Decision d, ErrorCode code) noexcept {
  d.error = code;
  d.status = error_http_status(code);
  d.error_code = error_code_string(code);
  return d;
}

char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

/// Rejects what an upstream could resolve differently from our prefix match: "." and ".." segments,
/// backslashes, percent-encoded '.', '/' or '\', and paths not starting with '/'.
bool safe_path(std::string_view p) noexcept {
  if (p.empty() || p.front() != '/') return false;
  std::size_t seg_start = 1;
  for (std::size_t i = 1; i <= p.size(); ++i) {
    if (i == p.size() || p[i] == '/') {
      std::string_view seg = p.substr(seg_start, i - seg_start);
      // Servlet containers (Tomcat, Spring) drop ";params" before resolving dot segments, so
      // "..;" and ".;x" walk up the tree there: judge a segment by its part before ';'.
      seg = seg.substr(0, seg.find(';'));
      if (seg == "." || seg == "..") return false;
      seg_start = i + 1;
      continue;
    }
    if (p[i] == '\\' || p[i] == '\0') return false;
    if (p[i] == '%' && i + 2 < p.size()) {
      const char a = p[i + 1], b = lower(p[i + 2]);
      if (a == '2' && (b == 'e' || b == 'f')) return false;
      if (a == '5' && b == 'c') return false;
      // Double encoding ("%252e"): an upstream that decodes twice would see "%2e" become '.'.
      if (a == '2' && b == '5' && i + 4 < p.size()) {
        const char c = p[i + 3], d = lower(p[i + 4]);
        if ((c == '2' && (d == 'e' || d == 'f')) || (c == '5' && d == 'c')) return false;
      }
    }
  }
  return true;
}

bool grant_path_matches(std::string_view prefix, std::string_view path) noexcept {
  if (prefix.empty()) return true;
  if (path.size() < prefix.size() || path.compare(0, prefix.size(), prefix) != 0) return false;
  return path.size() == prefix.size() || path[prefix.size()] == '/';
}

}  // namespace

Decision decide(const CompiledConfig& config, RateLimiter& limiter, const RequestFacts& request) noexcept {
  Decision d;
  if (!safe_path(request.path)) return refuse(d, ErrorCode::RequestMalformed);

  // 1. Consumer. sha256_hex allocates its 64-character result (one small allocation per request).
  if (request.api_key.empty()) return refuse(d, ErrorCode::GatewayUnknownConsumer);
  std::string hash;
  try {
    hash = crypto::sha256_hex(request.api_key);
  } catch (...) {
    return refuse(d, ErrorCode::InternalError);
  }
  auto consumer = config.consumer_by_key_hash.find(hash);
  if (consumer == config.consumer_by_key_hash.end()) return refuse(d, ErrorCode::GatewayUnknownConsumer);
  d.consumer = static_cast<int>(consumer->second);

  // 1b. Mutual TLS: a consumer with registered certificates must present one of them. Checked right
  // after the key, so a stolen key alone reveals nothing about services either.
  const auto& certs = config.client_certs_by_consumer[consumer->second];
  if (!certs.empty() && !std::binary_search(certs.begin(), certs.end(), request.client_cert_sha256)) {
    return refuse(d, ErrorCode::GatewayClientCertificate);
  }

  // 2. Service.
  d.service = config.find_service(request.path);
  if (d.service < 0) return refuse(d, ErrorCode::GatewayUnknownService);
  const CompiledService& service = config.services[d.service];
  const ServiceConfig& sc = *service.config;
  std::string_view rest = sc.path_prefix.size() == 1 ? request.path : request.path.substr(sc.path_prefix.size());
  d.upstream_path = rest.empty() ? std::string_view("/") : rest;

  // 3. Source network (an empty list admits nobody).
  bool network_ok = false;
  for (const Cidr& range : service.networks) {
    if (contains(range, request.source)) {
      network_ok = true;
      break;
    }
  }
  if (!network_ok) return refuse(d, ErrorCode::GatewaySourceNotAllowed);

  // 4. Grant: deny by default; any one grant of the pair matching path and method suffices.
  const GrantRange* grants = config.find_grants(consumer->second, static_cast<std::uint32_t>(d.service));
  if (!grants) return refuse(d, ErrorCode::GatewayNoGrant);
  const std::uint32_t bit = method_bit(request.method);
  bool granted = false;
  for (std::uint32_t g = grants->begin; g < grants->end && !granted; ++g) {
    const CompiledGrant& grant = config.grants[g];
    const bool method_ok = grant.method_mask == 0 ? bit != 0 : (grant.method_mask & bit) != 0;
    granted = method_ok && grant_path_matches(grant.path_prefix, d.upstream_path);
  }
  if (!granted) return refuse(d, ErrorCode::GatewayNoGrant);

  // 5. Body size (a declared length; unknown lengths are enforced while streaming).
  if (request.content_length > 0 && static_cast<std::uint64_t>(request.content_length) > sc.max_body_bytes) {
    return refuse(d, ErrorCode::GatewayBodyTooLarge);
  }

  // 6-7. Rate limit, then quota.
  LimitResult limit =
      limiter.acquire(grants->limiter_key, sc.rate_limit, sc.daily_quota, config.source->quota_day_offset_seconds);
  if (!limit.allowed) {
    d.retry_after = limit.retry_after_s;
    return refuse(d, limit.quota_exceeded ? ErrorCode::GatewayQuotaExceeded : ErrorCode::GatewayRateLimited);
  }
  return d;
}

}  // namespace simpul::gateway
