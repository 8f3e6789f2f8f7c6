// libFuzzer target: CIDR parsing (gateway/cidr.hpp) and the configuration validator and compiler
// (gateway/config.hpp, snapshot.hpp) with structured input, then decisions on the compiled result
// (fuzz/README.md).
//
// Byte 0 chooses the mode: even = CIDR text (the rest of the input), odd = a configuration built
// from the rest with FuzzedDataProvider, validated, compiled when valid, and asked a few requests.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>

#include "gateway_reference.hpp"

using namespace simpul::gateway;

namespace {

[[noreturn]] void die(const char* what, std::string_view text) {
  std::fprintf(stderr, "INVARIANT VIOLATED: %s [", what);
  for (unsigned char c : text) std::fprintf(stderr, c >= 0x20 && c < 0x7f ? "%c" : "\\x%02x", c);
  std::fprintf(stderr, "]\n");
  __builtin_trap();
}

bool address_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
}

void fuzz_cidr(std::string_view text) {
  const std::size_t slash = text.find('/');
  const std::string_view address_text = text.substr(0, slash);
  auto ip = parse_ip(text);
  if (ip) {
    for (char c : text) {
      if (!address_char(c)) die("parse_ip accepted a character no address has", text);
    }
    auto again = parse_ip(to_string(*ip));
    if (!again || !(*again == *ip)) die("parse_ip(to_string(a)) != a", text);
  }
  auto cidr = parse_cidr(text);
  if (!cidr) return;
  for (char c : address_text) {
    if (!address_char(c)) die("parse_cidr accepted a character no address has", text);
  }
  const bool v4 = address_text.find(':') == std::string_view::npos;
  if (cidr->prefix > 128 || (v4 && cidr->prefix < 96)) die("prefix out of range", text);
  if (slash == std::string_view::npos && cidr->prefix != 128) die("bare address is not a single host", text);
  auto address = parse_ip(address_text);
  if (!address) die("parse_cidr accepted an address parse_ip refuses", text);
  if (!contains(*cidr, *address) || !fuzzref::in_network(*cidr, *address)) die("range does not contain its own address", text);
  // Host bits cleared, and contains() agrees with a bit-by-bit reference on a few neighbours.
  for (unsigned bit = cidr->prefix; bit < 128; ++bit) {
    if ((cidr->network.bytes[bit / 8] >> (7 - bit % 8)) & 1) die("host bit left set", text);
  }
  for (unsigned bit = 0; bit < 128; bit += 7) {
    IpAddress other = *address;
    other.bytes[bit / 8] ^= std::uint8_t(1u << (7 - bit % 8));
    if (contains(*cidr, other) != fuzzref::in_network(*cidr, other)) die("contains() differs from the reference", text);
  }
  // Round trip through its own text form.
  // (A mapped network prints as IPv4, whatever the text's form, so its prefix is then IPv4's.)
  const std::string network_text = to_string(cidr->network);
  const bool prints_v4 = network_text.find(':') == std::string::npos;
  if (prints_v4 && cidr->prefix < 96) die("network printed as IPv4 with a prefix below ::ffff:0:0/96", text);
  std::string canonical = network_text + "/" + std::to_string(prints_v4 ? cidr->prefix - 96 : cidr->prefix);
  auto back = parse_cidr(canonical);
  if (!back || !(back->network == cidr->network) || back->prefix != cidr->prefix) die("canonical form does not parse back", text);
}

// Small vocabularies, so that the structured configurations collide (duplicates, nesting, matches).
const char* const kIds[] = {"a", "b", "c", "", "a"};
const char* const kPrefixes[] = {"/", "/svc", "/svc/a", "/svc/a/b", "/svc/ab", "/x/", "svc", "/svc?x", "/svc/a b", "/svc/%2e"};
const char* const kNetworks[] = {"0.0.0.0/0", "::/0", "10.0.0.0/8", "10.1.2.77/25", "2001:db8::/32", "::ffff:10.0.0.0/104",
                                 "10.0.0.0/33", "1.2.3.4/", "fe80::1%eth0", "[::1]", "192.0.2.1"};
const char* const kMethods[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "get"};
const char* const kKeys[] = {"k0", "k1", "k2", "k3"};
const char* const kPaths[] = {"/svc/a/b/c", "/svc/a", "/svc/ab", "/svc", "/svc/", "/", "/svc/a/../b", "/svc/a/%2E%2e", "/other", ""};
const char* const kSources[] = {"10.1.2.3", "10.1.2.200", "2001:db8::5", "::1", "192.0.2.1", "8.8.8.8"};

template <std::size_t N>
std::string pick(FuzzedDataProvider& in, const char* const (&options)[N]) {
  // Mostly from the vocabulary, sometimes free text.
  if (in.ConsumeIntegralInRange<int>(0, 7) == 0) return in.ConsumeRandomLengthString(24);
  return options[in.ConsumeIntegralInRange<std::size_t>(0, N - 1)];
}

void fuzz_config(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  auto config = std::make_shared<Config>();
  config->quota_day_offset_seconds = in.ConsumeIntegralInRange<std::int64_t>(-14 * 3600, 14 * 3600);
  const int services = in.ConsumeIntegralInRange<int>(0, 5);
  for (int i = 0; i < services; ++i) {
    ServiceConfig s;
    s.id = pick(in, kIds);
    s.path_prefix = pick(in, kPrefixes);
    const int nets = in.ConsumeIntegralInRange<int>(0, 3);
    for (int n = 0; n < nets; ++n) s.allowed_networks.push_back(pick(in, kNetworks));
    s.max_body_bytes = in.ConsumeIntegralInRange<std::uint64_t>(0, 2048);
    s.rate_limit.requests_per_second = in.ConsumeBool() ? 0 : in.ConsumeFloatingPoint<double>();
    s.rate_limit.burst = in.ConsumeIntegral<std::uint32_t>();
    s.daily_quota = in.ConsumeBool() ? 0 : in.ConsumeIntegral<std::uint64_t>();
    config->services.push_back(std::move(s));
  }
  const int consumers = in.ConsumeIntegralInRange<int>(0, 4);
  for (int i = 0; i < consumers; ++i) {
    ConsumerConfig c;
    c.id = pick(in, kIds);
    const int keys = in.ConsumeIntegralInRange<int>(0, 2);
    for (int k = 0; k < keys; ++k) {
      c.api_key_sha256.push_back(in.ConsumeBool() ? api_key_hash(pick(in, kKeys)) : in.ConsumeRandomLengthString(70));
    }
    config->consumers.push_back(std::move(c));
  }
  const int grants = in.ConsumeIntegralInRange<int>(0, 6);
  for (int i = 0; i < grants; ++i) {
    GrantConfig g;
    g.consumer_id = pick(in, kIds);
    g.service_id = pick(in, kIds);
    if (in.ConsumeBool()) g.path_prefix = pick(in, kPrefixes);
    const int methods = in.ConsumeIntegralInRange<int>(0, 3);
    for (int m = 0; m < methods; ++m) g.methods.push_back(pick(in, kMethods));
    config->grants.push_back(std::move(g));
  }

  std::vector<std::string> problems;
  try {
    problems = validate(*config);
  } catch (const std::bad_alloc&) {
    return;
  } catch (...) {
    die("validate() threw", "");
  }
  std::shared_ptr<const CompiledConfig> compiled;
  try {
    compiled = compile(config);
  } catch (const std::invalid_argument&) {
    if (problems.empty()) die("compile() refused a configuration validate() accepts", "");
    return;
  } catch (...) {
    die("compile() threw something other than invalid_argument", "");
  }
  if (!problems.empty()) die("compile() accepted a configuration validate() refuses", problems.front());

  // What validate() promised: every network parses, every prefix is well formed, ids resolve.
  for (const auto& s : config->services) {
    for (const auto& n : s.allowed_networks) {
      if (!parse_cidr(n)) die("accepted network does not parse", n);
    }
  }
  // The compiled tables agree with the source.
  const auto& order = compiled->services_by_prefix;
  if (order.size() != config->services.size()) die("services_by_prefix is not a permutation", "");
  for (std::size_t i = 1; i < order.size(); ++i) {
    if (config->services[order[i - 1]].path_prefix.size() < config->services[order[i]].path_prefix.size()) {
      die("services_by_prefix not longest first", "");
    }
  }
  for (std::size_t i = 0; i < config->services.size(); ++i) {
    if (compiled->find_service(config->services[i].path_prefix) != int(i)) die("a service's own prefix finds another", config->services[i].path_prefix);
  }

  // A few decisions on the compiled configuration, checked against the reference.
  RateLimiter limiter([] { return std::int64_t(1'795'453'198) * 1'000'000'000; }, 16);
  const int requests = in.ConsumeIntegralInRange<int>(1, 6);
  for (int r = 0; r < requests && in.remaining_bytes() > 0; ++r) {
    const std::string method = pick(in, kMethods);
    std::string path = pick(in, kPaths);
    path = path.substr(0, path.find('?'));  // RequestFacts::path is without the query string
    const std::string key = pick(in, kKeys);
    auto source = parse_ip(pick(in, kSources));
    RequestFacts f;
    f.method = method;
    f.path = path;
    f.api_key = key;
    if (source) f.source = *source;
    f.content_length = in.ConsumeIntegralInRange<std::int64_t>(-1, 4096);
    const Decision d = decide(*compiled, limiter, f);
    fuzzref::check(*compiled, f, d);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  simpul::crypto::init();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  if ((data[0] & 1) == 0) {
    fuzz_cidr(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  } else {
    fuzz_config(data + 1, size - 1);
  }
  return 0;
}
