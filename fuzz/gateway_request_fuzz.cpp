// libFuzzer target: bytes arriving on a gateway connection, parsed as the proxy parses them and
// decided by gateway::decide() against a fixed configuration (fuzz/README.md).
//
// Input layout:
//   byte 0    bit 7: configuration (0 = without, 1 = with a catch-all "/" service);
//             bits 0-6: peer address, an index into kSources, or >= 0x70: the next 16 bytes are
//             the raw IPv6 address (IPv4 as ::ffff:a.b.c.d)
//   byte 1    clock step between two requests, in units of 20 ms
//   rest      the connection's bytes: one or more pipelined HTTP/1.x requests
//
// Every request whose header Beast parses (header limit 16 KiB, body limit 1 MiB) becomes
// RequestFacts and one decision, taken before the body is read, as on the proxy; the body is then
// parsed to find the next pipelined request. The connection ends at the first parse error, an
// incomplete message or "Connection: close". Invariants: fuzz/gateway_reference.hpp, plus an
// independent token-bucket and daily-quota model of the rate limiter.
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/asio/buffer.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "gateway_reference.hpp"

namespace http = boost::beast::http;
using namespace simpul::gateway;

namespace {

constexpr std::int64_t kMs = 1'000'000;
constexpr std::int64_t kSecond = 1000 * kMs;
// 2026-11-23 16:59:58 UTC = 23:59:58 WIB: the quota day turns over after a few requests.
constexpr std::int64_t kStart = 1'795'453'198 * kSecond;

std::shared_ptr<const CompiledConfig> g_plain, g_with_root;
std::int64_t g_now = kStart;

const char* const kSourceTexts[] = {
    "10.1.2.3",       "10.255.255.255", "11.0.0.1",      "192.0.2.200", "192.0.3.1",  "::ffff:10.1.0.5",
    "2001:db8:10::1", "2001:db8:11::1", "::1",           "0.0.0.0",     "fe80::1",    "10.1.255.255",
    "192.0.2.0",      "2001:db8:10:ffff:ffff:ffff:ffff:ffff", "::ffff:0:0", "255.255.255.255",
};
IpAddress g_sources[std::size(kSourceTexts)];

// Raw API keys of the configuration (the configuration holds only their SHA-256).
const char* const kKeyAlpha1 = "key-alpha-0001";
const char* const kKeyAlpha2 = "key-alpha-0002";  // the same consumer during a key rotation
const char* const kKeyBeta = "key-beta";
const char* const kKeyGamma = "key-gamma";  // a consumer without grants

Config make_config(bool with_root) {
  Config c;
  c.version = 1;
  auto service = [&](std::string id, std::string prefix, std::vector<std::string> nets, std::uint64_t max_body,
                     RateLimit rate, std::uint64_t quota) {
    ServiceConfig s;
    s.id = id;
    s.name = id;
    s.version = "1";
    s.path_prefix = std::move(prefix);
    s.upstream_base_url = "http://127.0.0.1:9/" + id;
    s.allowed_networks = std::move(nets);
    s.max_body_bytes = max_body;
    s.rate_limit = rate;
    s.daily_quota = quota;
    c.services.push_back(std::move(s));
  };
  service("kependudukan", "/svc/kependudukan", {"10.0.0.0/8", "2001:db8:10::/48"}, 1024, {2, 3}, 5);
  service("arsip", "/svc/kependudukan/arsip", {"192.0.2.77/25", "::ffff:10.1.0.0/112"}, 0, {}, 0);
  service("pajak", "/svc/pajak", {"0.0.0.0/0", "::/0"}, 1 << 20, {}, 3);
  service("pajakx", "/svc/pajakx", {}, 1 << 20, {}, 0);  // nobody may call it
  service("svc", "/svc", {"::/0"}, 16, {1000, 1}, 0);
  if (with_root) service("root", "/", {"0.0.0.0/0"}, 100, {0.5, 2}, 0);

  auto consumer = [&](std::string id, std::vector<std::string> keys) {
    ConsumerConfig k;
    k.id = id;
    k.name = id;
    k.agency_id = "agency-" + id;
    for (const auto& key : keys) k.api_key_sha256.push_back(api_key_hash(key));
    c.consumers.push_back(std::move(k));
  };
  consumer("dukcapil", {kKeyAlpha1, kKeyAlpha2});
  consumer("bapenda", {kKeyBeta});
  consumer("idle", {kKeyGamma});

  auto grant = [&](std::string consumer, std::string service, std::optional<std::string> path,
                   std::vector<std::string> methods) {
    c.grants.push_back({std::move(consumer), std::move(service), std::move(path), std::move(methods)});
  };
  grant("dukcapil", "kependudukan", "/penduduk", {"GET", "HEAD"});
  grant("dukcapil", "kependudukan", "/kk", {});
  grant("dukcapil", "arsip", std::nullopt, {"GET"});
  grant("dukcapil", "svc", std::nullopt, {});
  grant("bapenda", "pajak", "/", {"POST", "PUT"});
  grant("bapenda", "pajak", "/objek/pbb", {"GET"});
  grant("bapenda", "kependudukan", "/penduduk/nik", {"GET"});
  grant("bapenda", "pajakx", std::nullopt, {});
  if (with_root) {
    grant("bapenda", "root", "/public", {"GET", "OPTIONS"});
    grant("dukcapil", "root", std::nullopt, {"DELETE", "PATCH"});
  }
  return c;
}

/// Independent model of the limiter for one input: a token bucket in nanoseconds (capacity
/// burst * T, one token = T) and a per-local-day counter, per (consumer, service) pair.
struct ReferenceLimiter {
  struct Pair {
    bool started = false;
    std::int64_t level = 0;  // ns worth of tokens
    std::int64_t last = 0;
    std::int64_t day = -1;
    std::uint64_t count = 0;
  };
  std::map<std::pair<int, int>, Pair> pairs;

  /// Returns 0 when allowed, else the expected Retry-After; sets *quota when the quota refused.
  std::uint32_t take(const Config& c, int consumer, int service, std::int64_t now, bool* quota) {
    const ServiceConfig& s = c.services[service];
    Pair& p = pairs[{consumer, service}];
    *quota = false;
    if (s.rate_limit.requests_per_second > 0) {
      const std::int64_t t = static_cast<std::int64_t>(std::ceil(double(kSecond) / s.rate_limit.requests_per_second));
      const std::int64_t capacity = t * std::max<std::int64_t>(s.rate_limit.burst, 1);
      if (!p.started) {
        p.started = true;
        p.level = capacity;
        p.last = now;
      }
      p.level = std::min(capacity, p.level + std::max<std::int64_t>(0, now - p.last));
      p.last = std::max(p.last, now);
      if (p.level < t) {
        const std::int64_t wait = t - p.level;
        return static_cast<std::uint32_t>(std::max<std::int64_t>(1, (wait + kSecond - 1) / kSecond));
      }
      p.level -= t;
    }
    if (s.daily_quota > 0) {
      const std::int64_t local_s = now / kSecond + c.quota_day_offset_seconds;
      const std::int64_t day = local_s / 86400;
      if (day != p.day) {
        p.day = day;
        p.count = 0;
      }
      if (p.count >= s.daily_quota) {
        *quota = true;
        return static_cast<std::uint32_t>(86400 - local_s % 86400);
      }
      ++p.count;
    }
    return 0;
  }
};

void decide_one(const CompiledConfig& compiled, RateLimiter& limiter, ReferenceLimiter& model,
                const http::request<http::string_body>& req, std::int64_t length, const IpAddress& source) {
  const std::string_view target(req.target().data(), req.target().size());
  const std::string_view method(req.method_string().data(), req.method_string().size());
  std::string_view key;
  if (auto it = req.find("X-API-Key"); it != req.end()) key = std::string_view(it->value().data(), it->value().size());

  RequestFacts facts;
  facts.method = method;
  facts.path = target.substr(0, target.find('?'));
  facts.api_key = key;
  facts.source = source;
  facts.content_length = length;

  const Decision d = decide(compiled, limiter, facts);
  static const bool trace = std::getenv("GATEWAY_FUZZ_TRACE") != nullptr;  // for reading a corpus by hand
  if (trace) {
    std::fprintf(stderr, "%.*s %.*s key=%.*s from %s length %lld -> %d %.*s service %d consumer %d upstream %.*s\n",
                 int(method.size()), method.data(), int(facts.path.size()), facts.path.data(), int(key.size()),
                 key.data(), to_string(source).c_str(), static_cast<long long>(length), d.status,
                 int(d.error_code.size()), d.error_code.data(), d.service, d.consumer, int(d.upstream_path.size()),
                 d.upstream_path.data());
  }
  const fuzzref::Expected e = fuzzref::check(compiled, facts, d);
  if (e.status != 0) return;  // refused before the limiter: it consumed nothing (nor does the model)

  bool quota = false;
  const std::uint32_t retry = model.take(*compiled.source, e.consumer, e.service, g_now, &quota);
  if (retry == 0 && d.status != 0) fuzzref::fail("limiter refused, the reference bucket/quota allows", facts, d);
  if (retry != 0) {
    if (d.status != 429) fuzzref::fail("limiter allowed, the reference bucket/quota refuses", facts, d);
    const auto want = quota ? simpul::ErrorCode::GatewayQuotaExceeded : simpul::ErrorCode::GatewayRateLimited;
    if (d.error_code != simpul::error_code_string(want)) fuzzref::fail("429 for the wrong reason (rate vs quota)", facts, d);
    if (d.retry_after != retry) fuzzref::fail("Retry-After differs from the reference", facts, d);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  simpul::crypto::init();
  g_plain = compile(std::make_shared<const Config>(make_config(false)));
  g_with_root = compile(std::make_shared<const Config>(make_config(true)));
  for (std::size_t i = 0; i < std::size(kSourceTexts); ++i) {
    auto a = parse_ip(kSourceTexts[i]);
    if (!a) __builtin_trap();
    g_sources[i] = *a;
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const CompiledConfig& compiled = (data[0] & 0x80) ? *g_with_root : *g_plain;
  const unsigned selector = data[0] & 0x7f;
  const std::int64_t step = std::int64_t(data[1]) * 20 * kMs;
  std::size_t off = 2;
  IpAddress source;
  if (selector >= 0x70 && size >= off + 16) {
    std::memcpy(source.bytes.data(), data + off, 16);
    off += 16;
  } else {
    source = g_sources[selector % std::size(g_sources)];
  }

  g_now = kStart;
  RateLimiter limiter([] { return g_now; }, 16);
  ReferenceLimiter model;

  for (int n = 0; n < 32 && off < size; ++n) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(16 * 1024);
    parser.body_limit(1024 * 1024);
    boost::beast::error_code ec;
    bool decided = false;
    while (!parser.is_done()) {
      // The input ends where the peer closes the connection: a message cut short is an error.
      // (put_eof() needs a byte put before: the first put() below always has one.)
      if (off >= size) {
        parser.put_eof(ec);
        break;
      }
      const std::size_t used = parser.put(boost::asio::const_buffer(data + off, size - off), ec);
      off += used;
      if (ec == http::error::need_more) {
        ec = {};
        if (used == 0) {
          parser.put_eof(ec);
          break;
        }
        continue;
      }
      if (ec) break;
      if (used == 0 && !parser.is_done()) __builtin_trap();  // no progress without an error
      if (!decided && parser.is_header_done()) {
        // The proxy decides once the header is in, before reading (or forwarding) the body.
        // Declared length: chunked = -1 (unknown), no Content-Length and not chunked = 0 (no body,
        // RFC 9112 6.3); Beast has checked it against the 1 MiB body limit.
        decided = true;
        std::int64_t length = 0;
        if (parser.chunked()) {
          length = -1;
        } else if (auto cl = parser.content_length()) {
          length = static_cast<std::int64_t>(*cl);
        }
        decide_one(compiled, limiter, model, parser.get(), length, source);
        g_now += step;
      }
    }
    if (ec || !parser.is_done()) break;  // the proxy answers 400 (or times out) and closes
    if (!parser.get().keep_alive()) break;
  }
  return 0;
}
