#include "gateway/config.hpp"

#include <unordered_set>

#include "core/crypto.hpp"
#include "gateway/cidr.hpp"

namespace simpul::gateway {

std::string api_key_hash(std::string_view raw_key) {
  crypto::init();
  return crypto::sha256_hex(raw_key);
}

std::uint32_t method_bit(std::string_view m) noexcept {
  static constexpr std::string_view kNames[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
  for (std::uint32_t i = 0; i < std::size(kNames); ++i) {
    if (kNames[i] == m) return 1u << i;
  }
  return 0;
}

namespace {

bool valid_prefix(std::string_view p) {
  if (p.empty() || p.front() != '/') return false;
  if (p.size() > 1 && p.back() == '/') return false;
  return p.find_first_of("?# ") == std::string_view::npos;
}

bool is_hex_sha256(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> validate(const Config& config) {
  std::vector<std::string> problems;
  std::unordered_set<std::string> service_ids, prefixes, consumer_ids, hashes;
  for (const auto& s : config.services) {
    if (s.id.empty() || !service_ids.insert(s.id).second) problems.push_back("service id empty or duplicate: " + s.id);
    if (!valid_prefix(s.path_prefix))
      problems.push_back("service " + s.id + ": invalid path prefix " + s.path_prefix);
    else if (!prefixes.insert(s.path_prefix).second)
      problems.push_back("service " + s.id + ": duplicate path prefix " + s.path_prefix);
    for (const auto& n : s.allowed_networks) {
      if (!parse_cidr(n)) problems.push_back("service " + s.id + ": invalid network " + n);
    }
    const auto& r = s.rate_limit;
    if (!(r.requests_per_second >= 0 && r.requests_per_second <= 1e9)) {
      problems.push_back("service " + s.id + ": rate limit must be 0 (unlimited) to 1e9 requests per second");
    } else if (r.requests_per_second > 0 && (r.requests_per_second < 1e-3 || r.burst / r.requests_per_second > 1e8)) {
      problems.push_back("service " + s.id + ": rate limit below 0.001/s or burst longer than 1e8 s");
    }
    if (s.daily_quota >= (std::uint64_t{1} << 40)) problems.push_back("service " + s.id + ": daily quota above 2^40");
  }
  for (const auto& c : config.consumers) {
    if (c.id.empty() || !consumer_ids.insert(c.id).second)
      problems.push_back("consumer id empty or duplicate: " + c.id);
    for (const auto& h : c.api_key_sha256) {
      if (!is_hex_sha256(h))
        problems.push_back("consumer " + c.id + ": API key hash is not lowercase hex SHA-256");
      else if (!hashes.insert(h).second)
        problems.push_back("consumer " + c.id + ": API key hash used twice");
    }
    for (const auto& f : c.client_cert_sha256) {
      if (!is_hex_sha256(f))
        problems.push_back("consumer " + c.id + ": client certificate fingerprint is not lowercase hex SHA-256");
    }
  }
  for (const auto& g : config.grants) {
    if (!consumer_ids.contains(g.consumer_id)) problems.push_back("grant names unknown consumer " + g.consumer_id);
    if (!service_ids.contains(g.service_id)) problems.push_back("grant names unknown service " + g.service_id);
    if (g.path_prefix && !valid_prefix(*g.path_prefix))
      problems.push_back("grant path prefix invalid: " + *g.path_prefix);
    for (const auto& m : g.methods) {
      if (method_bit(m) == 0) problems.push_back("grant method unknown: " + m);
    }
  }
  return problems;
}

}  // namespace simpul::gateway
