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

inline int hex_digit(char c) {
  const std::string digits = "0123456789abcdef";
  const char l = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  const auto at = digits.find(l);
  return at == std::string::npos ? -1 : int(at);
}

inline bool is_escape(const std::string& s, std::size_t i) {
  return i + 2 < s.size() && s[i] == '%' && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0;
}

/// One form of the path: no "." / ".." segment (judged before any ';'), no '\', no byte below
/// 0x20, no DEL, no "%uHHHH".
inline bool form_ok(const std::string& p) {
  std::vector<std::string> segments;
  std::size_t start = 1;
  while (true) {
    std::size_t slash = p.find('/', start);
    segments.push_back(p.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  for (auto s : segments) {
    s = s.substr(0, s.find(';'));  // "..;" is ".." to servlet containers
    if (s == "." || s == "..") return false;
  }
  for (std::size_t i = 0; i < p.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(p[i]);
    if (c == '\\' || c < 0x20 || c == 0x7F) return false;
    if (c == '%' && i + 5 < p.size() && (p[i + 1] == 'u' || p[i + 1] == 'U')) {
      bool four_hex = true;
      for (int k = 2; k <= 5; ++k) four_hex = four_hex && hex_digit(p[i + k]) >= 0;
      if (four_hex) return false;
    }
  }
  return true;
}

/// Code points by the book (RFC 3629 table): the shortest form only, no surrogates, at most U+10FFFF.
inline bool utf8_ok(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len;
    std::uint32_t cp;
    if (c < 0x80) { len = 1; cp = c; }
    else if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return false;
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    const std::uint32_t shortest = len == 1 ? 0 : len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
    if (cp < shortest || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

/// Check 0: starts with '/'; the path as sent and each percent-decoded form (one round at a time,
/// until nothing changes, at most three rounds) passes form_ok; no escape decodes to '.', '/',
/// '\', a control byte or DEL; the final form is well-formed UTF-8.
inline bool path_ok(std::string_view raw) {
  if (raw.empty() || raw[0] != '/') return false;
  std::string p(raw);
  if (!form_ok(p)) return false;
  for (int rounds = 0;; ++rounds) {
    bool any = false;
    for (std::size_t i = 0; i < p.size(); ++i) any = any || is_escape(p, i);
    if (!any) break;
    if (rounds == 3) return false;  // still changing after three rounds
    std::string next;
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (is_escape(p, i)) {
        const int v = hex_digit(p[i + 1]) * 16 + hex_digit(p[i + 2]);
        if (v == '.' || v == '/' || v == '\\' || v < 0x20 || v == 0x7F) return false;
        next.push_back(char(v));
        i += 2;
      } else {
        next.push_back(p[i]);
      }
    }
    p = next;
    if (!form_ok(p)) return false;
  }
  return utf8_ok(p);
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
