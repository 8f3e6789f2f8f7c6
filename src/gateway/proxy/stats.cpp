#include "gateway/proxy/stats.hpp"

namespace simpul::gateway::proxy {

namespace {

template <class Map>
auto& slot(Map& map, std::string_view key) {
  auto it = map.find(key);
  if (it == map.end()) it = map.emplace(std::string(key), typename Map::mapped_type{}).first;
  return it->second;
}

std::string_view status_class(int status) noexcept {
  static constexpr std::string_view kClasses[] = {"1xx", "1xx", "2xx", "3xx", "4xx", "5xx"};
  const int c = status / 100;
  return c >= 1 && c <= 5 ? kClasses[c] : std::string_view("5xx");
}

}  // namespace

void WorkerStats::record(const ExchangeSummary& e) {
  std::lock_guard lock(mutex);  // only contended while a status reader copies
  const bool refused = !e.error_code.empty();
  ServiceCounters& s = slot(services, e.service_id);
  ++s.requests;
  if (e.status / 100 == 2)
    ++s.responses_2xx;
  else if (e.status / 100 == 4)
    ++s.responses_4xx;
  else if (e.status / 100 == 5)
    ++s.responses_5xx;
  if (refused) ++s.refused;
  s.bytes_in += e.bytes_in;
  s.bytes_out += e.bytes_out;
  s.total_us += e.total_us;
  std::size_t b = 0;
  const double seconds = static_cast<double>(e.total_us) / 1e6;
  while (b < kLatencyBuckets.size() && seconds > kLatencyBuckets[b]) ++b;
  ++s.buckets[b];

  ConsumerCounters& c = slot(consumers, e.consumer_id);
  ++c.requests;
  if (refused) ++c.refused;

  key_.assign(e.service_id).append(1, '\n').append(e.consumer_id).append(1, '\n');
  const std::size_t base = key_.size();
  key_.append(status_class(e.status));
  ++slot(by_class, key_);
  if (refused) {
    key_.resize(base);
    key_.append(e.error_code);
    ++slot(refused_by_code, key_);
  }

  RecentExchange& r = recent[recent_next];
  recent_next = (recent_next + 1) % kRecent;
  if (recent_count < kRecent) ++recent_count;
  r.time_us = e.time_us;
  r.request_id.assign(e.request_id);
  r.consumer_id.assign(e.consumer_id);
  r.service_id.assign(e.service_id);
  r.method.assign(e.method);
  r.path.assign(e.path);
  r.error_code.assign(e.error_code);
  r.status = e.status;
  r.total_us = e.total_us;
}

}  // namespace simpul::gateway::proxy
