#pragma once
// Reference model of the data plane's decision (docs/gateway.md "Data plane decisions", checks 0-5),
// written independently of src/gateway/access.cpp and snapshot.cpp for the fuzz targets: slow,
// obvious code over the plain Config (not the CompiledConfig). Every invariant violation calls
// __builtin_trap() after printing what differed, so libFuzzer records the input as a crash.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "gateway/access.hpp"
#include "gateway/cidr.hpp"
#include "gateway/config.hpp"
#include "gateway/snapshot.hpp"

namespace fuzzref {

using namespace simpul;
using namespace simpul::gateway;

[[noreturn]] inline void fail(const char* what, const RequestFacts& f, const Decision& d) {
  std::fprintf(stderr, "INVARIANT VIOLATED: %s\n  method=[%.*s] path=[%.*s] key=[%.*s] source=%s cl=%lld\n"
               "  decision: status=%d code=[%.*s] service=%d consumer=%d upstream=[%.*s] retry_after=%u\n",
               what, int(f.method.size()), f.method.data(), int(f.path.size()), f.path.data(),
               int(f.api_key.size()), f.api_key.data(), to_string(f.source).c_str(),
               static_cast<long long>(f.content_length), d.status, int(d.error_code.size()), d.error_code.data(),
               d.service, d.consumer, int(d.upstream_path.size()), d.upstream_path.data(), d.retry_after);
  __builtin_trap();
}

inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

/// Check 0: starts with '/', no "." or ".." segment, no '\', no %2e / %2f / %5c (any case).
/// (A NUL byte is refused too: access.cpp does so, and no HTTP parser lets one through.)
inline bool path_ok(std::string_view p) {
  if (p.empty() || p[0] != '/') return false;
  std::vector<std::string_view> segments;
  std::size_t start = 1;
  while (true) {
    std::size_t slash = p.find('/', start);
    segments.push_back(p.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  for (auto s : segments) {
    s = s.substr(0, s.find(';'));  // "..;" is ".." to servlet containers
    if (s == "." || s == "..") return false;
  }
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\' || p[i] == '\0') return false;
    if (p[i] == '%' && i + 2 < p.size()) {
      std::string enc{p[i + 1], lower(p[i + 2])};
      if (enc == "2e" || enc == "2f" || enc == "5c") return false;
      if (enc == "25" && i + 4 < p.size()) {  // double encoding: "%252e"
        std::string twice{p[i + 3], lower(p[i + 4])};
        if (twice == "2e" || twice == "2f" || twice == "5c") return false;
      }
    }
  }
  return true;
}

/// `prefix` covers `path` on whole segments. "/" (or empty) covers everything.
inline bool segment_prefix(std::string_view prefix, std::string_view path) {
  if (prefix.empty() || prefix == "/") return true;
  if (path == prefix) return true;
  return path.size() > prefix.size() && path.substr(0, prefix.size()) == prefix && path[prefix.size()] == '/';
}

inline bool method_allowed(const std::vector<std::string>& methods, std::string_view m) {
  static const std::vector<std::string> every{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
  const auto& list = methods.empty() ? every : methods;
  for (const auto& x : list) {
    if (x == m && (x != "TRACE" && x != "CONNECT")) return true;
  }
  return false;
}

/// Bit by bit, 128 of them, no byte tricks.
inline bool in_network(const Cidr& c, const IpAddress& a) {
  for (unsigned bit = 0; bit < c.prefix; ++bit) {
    const unsigned byte = bit / 8, shift = 7 - bit % 8;
    if (((c.network.bytes[byte] >> shift) & 1) != ((a.bytes[byte] >> shift) & 1)) return false;
  }
  return true;
}

struct Expected {
  int status = 0;  // 0 = passes checks 0-5 (the rate limiter may still answer 429)
  std::string_view code;
  int service = -1;
  int consumer = -1;
  std::string_view upstream;  // only meaningful once the service is known
};

inline Expected refuse(Expected e, ErrorCode c) {
  e.status = error_http_status(c);
  e.code = error_code_string(c);
  return e;
}

/// Checks 0-5 of the documented order over the plain configuration.
inline Expected expect(const Config& config, const RequestFacts& f) {
  Expected e;
  if (!path_ok(f.path)) return refuse(e, ErrorCode::RequestMalformed);
  if (f.api_key.empty()) return refuse(e, ErrorCode::GatewayUnknownConsumer);
  const std::string hash = crypto::sha256_hex(f.api_key);
  for (std::size_t i = 0; i < config.consumers.size() && e.consumer < 0; ++i) {
    for (const auto& h : config.consumers[i].api_key_sha256) {
      if (h == hash) e.consumer = int(i);
    }
  }
  if (e.consumer < 0) return refuse(e, ErrorCode::GatewayUnknownConsumer);
  std::size_t best_len = 0;
  for (std::size_t i = 0; i < config.services.size(); ++i) {
    const auto& prefix = config.services[i].path_prefix;
    if (segment_prefix(prefix, f.path) && (e.service < 0 || prefix.size() > best_len)) {
      e.service = int(i);
      best_len = prefix.size();
    }
  }
  if (e.service < 0) return refuse(e, ErrorCode::GatewayUnknownService);
  const ServiceConfig& s = config.services[e.service];
  e.upstream = s.path_prefix == "/" ? f.path : f.path.substr(s.path_prefix.size());
  if (e.upstream.empty()) e.upstream = "/";
  bool network = false;
  for (const auto& n : s.allowed_networks) {
    auto c = parse_cidr(n);
    if (c && in_network(*c, f.source)) network = true;
  }
  if (!network) return refuse(e, ErrorCode::GatewaySourceNotAllowed);
  bool granted = false;
  for (const auto& g : config.grants) {
    if (g.consumer_id != config.consumers[e.consumer].id || g.service_id != s.id) continue;
    if (!method_allowed(g.methods, f.method)) continue;
    if (g.path_prefix && !segment_prefix(*g.path_prefix, e.upstream)) continue;
    granted = true;
  }
  if (!granted) return refuse(e, ErrorCode::GatewayNoGrant);
  if (f.content_length > 0 && std::uint64_t(f.content_length) > s.max_body_bytes) {
    return refuse(e, ErrorCode::GatewayBodyTooLarge);
  }
  return e;
}

/// Invariants of one decision. Returns the reference expectation (for rate-limit bookkeeping).
inline Expected check(const CompiledConfig& compiled, const RequestFacts& f, const Decision& d) {
  const Config& config = *compiled.source;
  switch (d.status) {
    case 0: case 400: case 401: case 403: case 404: case 413: case 429: break;
    default: fail("status outside 0/400/401/403/404/413/429", f, d);
  }
  if (d.allowed()) {
    if (!d.error_code.empty()) fail("allowed with an error code", f, d);
    if (d.service < 0 || std::size_t(d.service) >= compiled.services.size()) fail("allowed: service index invalid", f, d);
    if (d.consumer < 0 || std::size_t(d.consumer) >= config.consumers.size()) fail("allowed: consumer index invalid", f, d);
    if (d.upstream_path.empty() || d.upstream_path[0] != '/') fail("allowed: upstream path does not start with '/'", f, d);
    const auto* p = f.path.data();
    const auto* u = d.upstream_path.data();
    const bool inside = u >= p && u + d.upstream_path.size() <= p + f.path.size();
    const std::string& prefix = config.services[d.service].path_prefix;
    if (inside) {
      // The upstream path is the request path's tail after the service prefix.
      if (prefix == "/" ? d.upstream_path != f.path
                        : (std::size_t(u - p) != prefix.size() || f.path.substr(0, prefix.size()) != prefix)) {
        fail("allowed: upstream path is not the part after the service prefix", f, d);
      }
    } else if (!(d.upstream_path == "/" && f.path == prefix)) {
      fail("allowed: upstream path neither inside the request path nor '/' for the bare prefix", f, d);
    }
  } else {
    if (d.error_code.empty()) fail("refused without an error code", f, d);
    if (d.error_code != error_code_string(d.error) || d.status != error_http_status(d.error)) {
      fail("refusal: status/code disagree with the catalogue entry", f, d);
    }
    if ((d.status == 429) != (d.retry_after > 0)) fail("Retry-After given iff 429", f, d);
  }

  const Expected e = expect(config, f);
  if (e.status != 0) {
    if (d.status != e.status || d.error_code != e.code) fail("refusal differs from the reference (checks 0-5)", f, d);
  } else {
    if (d.status != 0 && d.status != 429) fail("reference allows (checks 0-5) but decide refused before the limiter", f, d);
  }
  if (e.consumer >= 0 && d.consumer != e.consumer) fail("consumer index differs from the reference", f, d);
  if (e.service >= 0 && d.service != e.service) fail("service index differs from the reference", f, d);
  if (e.service >= 0 && d.upstream_path != e.upstream) fail("upstream path differs from the reference", f, d);
  return e;
}

}  // namespace fuzzref
