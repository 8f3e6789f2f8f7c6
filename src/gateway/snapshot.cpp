#include "gateway/snapshot.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/crypto.hpp"
#include "gateway/rate_limiter.hpp"

namespace simpul::gateway {

namespace {

/// `prefix` matches `path` on a segment boundary: "/a/b" matches "/a/b", "/a/b/c", "/a/b?x", not "/a/bc".
/// "/" matches everything.
bool prefix_matches(std::string_view prefix, std::string_view path) noexcept {
  if (prefix.size() == 1) return true;
  if (path.size() < prefix.size() || path.compare(0, prefix.size(), prefix) != 0) return false;
  if (path.size() == prefix.size()) return true;
  char next = path[prefix.size()];
  return next == '/' || next == '?';
}

}  // namespace

int CompiledConfig::find_service(std::string_view path) const noexcept {
  for (std::uint32_t i : services_by_prefix) {
    if (prefix_matches(services[i].config->path_prefix, path)) return static_cast<int>(i);
  }
  return -1;
}

const GrantRange* CompiledConfig::find_grants(std::uint32_t consumer, std::uint32_t service) const noexcept {
  if (consumer >= grants_by_consumer.size()) return nullptr;
  const auto& ranges = grants_by_consumer[consumer];
  auto it = std::lower_bound(ranges.begin(), ranges.end(), service,
                             [](const GrantRange& r, std::uint32_t s) { return r.service < s; });
  return it != ranges.end() && it->service == service ? &*it : nullptr;
}

std::shared_ptr<const CompiledConfig> compile(std::shared_ptr<const Config> config) {
  if (!config) throw std::invalid_argument("gateway configuration missing");
  auto problems = validate(*config);
  if (!problems.empty()) {
    std::string text = "invalid gateway configuration:";
    for (const auto& p : problems) text += "\n  " + p;
    throw std::invalid_argument(text);
  }
  auto out = std::make_shared<CompiledConfig>();
  out->source = config;
  const Config& c = *config;

  std::unordered_map<std::string_view, std::uint32_t> service_index, consumer_index;
  for (std::uint32_t i = 0; i < c.services.size(); ++i) {
    CompiledService s;
    s.config = &c.services[i];
    for (const auto& n : c.services[i].allowed_networks) s.networks.push_back(*parse_cidr(n));
    out->services.push_back(std::move(s));
    out->services_by_prefix.push_back(i);
    service_index.emplace(c.services[i].id, i);
  }
  std::stable_sort(out->services_by_prefix.begin(), out->services_by_prefix.end(),
                   [&](std::uint32_t a, std::uint32_t b) {
                     return c.services[a].path_prefix.size() > c.services[b].path_prefix.size();
                   });

  for (std::uint32_t i = 0; i < c.consumers.size(); ++i) {
    consumer_index.emplace(c.consumers[i].id, i);
    for (const auto& h : c.consumers[i].api_key_sha256) out->consumer_by_key_hash.emplace(h, i);
    auto certs = c.consumers[i].client_cert_sha256;
    std::sort(certs.begin(), certs.end());  // decide() searches it with binary_search
    out->client_certs_by_consumer.push_back(std::move(certs));
  }

  // Group grants by (consumer, service), keeping config order within a pair.
  std::vector<std::uint32_t> order(c.grants.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  auto pair_of = [&](std::uint32_t g) {
    return std::pair{consumer_index.at(c.grants[g].consumer_id), service_index.at(c.grants[g].service_id)};
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return pair_of(a) < pair_of(b); });
  out->grants_by_consumer.resize(c.consumers.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    const GrantConfig& g = c.grants[order[i]];
    auto [consumer, service] = pair_of(order[i]);
    auto& ranges = out->grants_by_consumer[consumer];
    if (ranges.empty() || ranges.back().service != service) {
      ranges.push_back({service, i, i, pair_key(g.consumer_id, g.service_id)});
    }
    ranges.back().end = i + 1;
    CompiledGrant cg;
    if (g.path_prefix && *g.path_prefix != "/") cg.path_prefix = *g.path_prefix;
    for (const auto& m : g.methods) cg.method_mask |= method_bit(m);
    out->grants.push_back(std::move(cg));
  }
  return out;
}

SnapshotHolder::SnapshotHolder() {
  crypto::init();
  current_.store(compile(std::make_shared<const Config>()), std::memory_order_release);
}

void SnapshotHolder::publish(std::shared_ptr<const Config> config) {
  auto compiled = compile(std::move(config));  // throws before anything changes
  current_.store(std::move(compiled), std::memory_order_release);
  generation_.fetch_add(1, std::memory_order_acq_rel);
}

}  // namespace simpul::gateway
