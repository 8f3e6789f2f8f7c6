#include "gateway/access.hpp"

#include <algorithm>
#include <string>

#include "core/crypto.hpp"

namespace simpul::gateway {

namespace {

Decision refuse(Decision d, ErrorCode code) noexcept {
  d.error = code;
  d.status = error_http_status(code);
  d.error_code = error_code_string(code);
  return d;
}

/// How many rounds of percent-decoding a path may need before it stops changing. Three covers
/// every layer a real client or proxy chain adds ("%252e" is two); a path that still changes after
/// them is refused rather than judged in a form no upstream may see.
constexpr int kMaxDecodeRounds = 3;

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// One form of the path (as sent, or after a round of decoding): no "." or ".." segment, no '\',
/// no control byte, no IIS-style "%uHHHH". Sets `percent` when a '%' is present, `high` when a
/// byte above 0x7F is.
bool form_ok(std::string_view p, bool& percent, bool& high) noexcept {
  percent = high = false;
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
    const auto c = static_cast<unsigned char>(p[i]);
    if (c == '\\' || c < 0x20 || c == 0x7F) return false;
    if (c >= 0x80) high = true;
    if (c == '%') {
      percent = true;
      // %uHHHH: IIS decodes it to a UTF-16 unit ("%u002e" is '.'); nobody else sends it.
      if (i + 5 < p.size() && (p[i + 1] == 'u' || p[i + 1] == 'U') && hex_value(p[i + 2]) >= 0 &&
          hex_value(p[i + 3]) >= 0 && hex_value(p[i + 4]) >= 0 && hex_value(p[i + 5]) >= 0)
        return false;
    }
  }
  return true;
}

/// One round of percent-decoding of `in` into `out` (which may be `in`'s own storage: the output
/// never overtakes the input). Refuses an escape that yields '.', '/', '\', a control byte or DEL:
/// an upstream that decodes would see a dot segment, a separator or a byte no path carries.
/// `changed` tells whether any escape was decoded.
bool decode_round(std::string_view in, char* out, std::size_t& out_len, bool& changed) noexcept {
  std::size_t n = 0;
  changed = false;
  for (std::size_t i = 0; i < in.size(); ++i) {
    int hi, lo;
    if (in[i] == '%' && i + 2 < in.size() && (hi = hex_value(in[i + 1])) >= 0 && (lo = hex_value(in[i + 2])) >= 0) {
      const auto c = static_cast<unsigned char>(hi * 16 + lo);
      if (c == '.' || c == '/' || c == '\\' || c < 0x20 || c == 0x7F) return false;
      out[n++] = static_cast<char>(c);
      i += 2;
      changed = true;
    } else {
      out[n++] = in[i];
    }
  }
  out_len = n;
  return true;
}

/// Well-formed UTF-8 (RFC 3629): no overlong form ("\xc0\xae" is an overlong '.'), no surrogate,
/// nothing above U+10FFFF, no truncated sequence.
bool valid_utf8(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF)
      n = 2;
    else if (c == 0xE0)
      n = 3, lo = 0xA0;  // no overlong form
    else if (c == 0xED)
      n = 3, hi = 0x9F;  // no UTF-16 surrogate
    else if (c >= 0xE1 && c <= 0xEF)
      n = 3;
    else if (c == 0xF0)
      n = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3)
      n = 4;
    else if (c == 0xF4)
      n = 4, hi = 0x8F;
    else
      return false;
    if (i + n > s.size()) return false;
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c1 < lo || c1 > hi) return false;
    for (std::size_t k = 2; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

/// Rejects what an upstream could resolve differently from our prefix match (docs/gateway.md,
/// "Order of checks", check 0): paths not starting with '/', "." and ".." segments, backslashes,
/// control bytes, and the same in every percent-decoded form of the path (decoded up to three
/// times, to a fixed point); an escape that decodes to '.', '/' or '\'; "%uHHHH"; and bytes that
/// are not well-formed UTF-8 once decoded (overlong forms of '.', '/' and '\').
bool safe_path(std::string_view p) noexcept {
  if (p.empty() || p.front() != '/') return false;
  bool percent, high;
  if (!form_ok(p, percent, high)) return false;
  if (!percent) return !high || valid_utf8(p);
  // Decoding only shrinks the path: one buffer of its size holds every round. Paths with escapes
  // fit the stack buffer; a longer one (up to the header limit) takes one allocation.
  char small[1024];
  std::string large;
  char* buf = small;
  if (p.size() > sizeof small) {
    try {
      large.resize(p.size());
    } catch (...) {
      return false;
    }
    buf = large.data();
  }
  std::string_view form = p;
  for (int round = 1;; ++round) {
    std::size_t n = 0;
    bool changed = false;
    if (!decode_round(form, buf, n, changed)) return false;
    if (!changed) break;  // fixed point
    if (round > kMaxDecodeRounds) return false;
    form = std::string_view(buf, n);
    if (!form_ok(form, percent, high)) return false;
  }
  return valid_utf8(form);
}

/// A refusal the service's profile rule explains (docs/gateway.md "Refusals that cite a rule").
Decision refuse_citing(Decision d, ErrorCode code, const RuleCitation& rule) noexcept {
  if (!rule.id.empty()) {
    d.rule_id = rule.id;
    d.rule_citation = rule.citation;
  }
  return refuse(d, code);
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
  if (!network_ok) return refuse_citing(d, ErrorCode::GatewaySourceNotAllowed, sc.source_rule);

  // 4. Grant: deny by default; any one grant of the pair matching path and method suffices.
  const GrantRange* grants = config.find_grants(consumer->second, static_cast<std::uint32_t>(d.service));
  if (!grants) return refuse_citing(d, ErrorCode::GatewayNoGrant, sc.grant_rule);
  const std::uint32_t bit = method_bit(request.method);
  bool granted = false;
  for (std::uint32_t g = grants->begin; g < grants->end && !granted; ++g) {
    const CompiledGrant& grant = config.grants[g];
    const bool method_ok = grant.method_mask == 0 ? bit != 0 : (grant.method_mask & bit) != 0;
    granted = method_ok && grant_path_matches(grant.path_prefix, d.upstream_path);
  }
  if (!granted) return refuse_citing(d, ErrorCode::GatewayNoGrant, sc.grant_rule);

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
