// Proxy::status_json() and Proxy::prometheus_metrics(): merge the per-worker statistics on read,
// so the request path never shares a lock or a counter cache line between workers.
#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

#include "gateway/proxy/internal.hpp"

namespace simpul::gateway {

namespace {

using proxy::ServiceCounters;

struct Merged {
  std::map<std::string, ServiceCounters, std::less<>> services;
  std::map<std::string, proxy::ConsumerCounters, std::less<>> consumers;
  std::map<std::string, std::uint64_t, std::less<>> by_class, refused_by_code;
  std::vector<proxy::RecentExchange> recent;
};

Merged merge(const std::vector<std::unique_ptr<Worker>>& workers, bool with_recent) {
  Merged m;
  for (const auto& w : workers) {
    std::lock_guard lock(w->stats.mutex);
    for (const auto& [id, s] : w->stats.services) {
      ServiceCounters& t = m.services[id];
      t.requests += s.requests;
      t.responses_2xx += s.responses_2xx;
      t.responses_4xx += s.responses_4xx;
      t.responses_5xx += s.responses_5xx;
      t.refused += s.refused;
      t.bytes_in += s.bytes_in;
      t.bytes_out += s.bytes_out;
      t.total_us += s.total_us;
      for (std::size_t b = 0; b < s.buckets.size(); ++b) t.buckets[b] += s.buckets[b];
    }
    for (const auto& [id, c] : w->stats.consumers) {
      m.consumers[id].requests += c.requests;
      m.consumers[id].refused += c.refused;
    }
    for (const auto& [k, n] : w->stats.by_class) m.by_class[k] += n;
    for (const auto& [k, n] : w->stats.refused_by_code) m.refused_by_code[k] += n;
    if (with_recent)
      for (std::size_t i = 0; i < w->stats.recent_count; ++i) m.recent.push_back(w->stats.recent[i]);
  }
  std::sort(m.recent.begin(), m.recent.end(), [](const auto& a, const auto& b) { return a.time_us > b.time_us; });
  if (m.recent.size() > proxy::WorkerStats::kRecent) m.recent.resize(proxy::WorkerStats::kRecent);
  return m;
}

/// Upper bound (ms) of the histogram bucket holding quantile q; 0 without data. Above the last
/// bound the last finite bound is reported (the histogram cannot say more).
double quantile_ms(const ServiceCounters& s, double q) {
  if (s.requests == 0) return 0;
  const double want = q * static_cast<double>(s.requests);
  std::uint64_t seen = 0;
  for (std::size_t b = 0; b < s.buckets.size(); ++b) {
    seen += s.buckets[b];
    if (static_cast<double>(seen) >= want)
      return proxy::kLatencyBuckets[std::min(b, proxy::kLatencyBuckets.size() - 1)] * 1000;
  }
  return proxy::kLatencyBuckets.back() * 1000;
}

std::string label(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::string hostname() {
  char buf[256] = {};
  if (gethostname(buf, sizeof buf - 1) != 0) return "gateway";
  return buf;
}

}  // namespace

std::string Proxy::status_json() const {
  const auto snap = impl_->snapshots.current();
  Merged m = merge(impl_->workers, true);
  boost::json::object doc;
  doc["instance"] = hostname() + ":" + std::to_string(impl_->port);
  doc["config_version"] = snap->source->version;
  doc["started_at"] = iso_time(impl_->started_at_us);
  doc["updated_at"] = iso_time(now_us());
  boost::json::array services;
  {
    std::lock_guard lock(impl_->health_mutex);
    for (const auto& sc : snap->source->services) {
      ServiceCounters s;
      if (auto it = m.services.find(sc.id); it != m.services.end()) s = it->second;
      HealthEntry h;
      if (auto it = impl_->health.find(sc.id); it != impl_->health.end()) h = it->second;
      boost::json::object o{{"id", sc.id},
                            {"requests", s.requests},
                            {"responses_2xx", s.responses_2xx},
                            {"responses_4xx", s.responses_4xx},
                            {"responses_5xx", s.responses_5xx},
                            {"refused", s.refused},
                            {"bytes_in", s.bytes_in},
                            {"bytes_out", s.bytes_out},
                            {"latency_p50_ms", quantile_ms(s, 0.5)},
                            {"latency_p99_ms", quantile_ms(s, 0.99)},
                            {"health", h.state},
                            {"health_checked_at", nullptr},
                            {"health_error", nullptr}};
      if (h.checked_at_us) o["health_checked_at"] = iso_time(h.checked_at_us);
      if (!h.error.empty()) o["health_error"] = h.error;
      services.push_back(std::move(o));
    }
  }
  doc["services"] = std::move(services);
  boost::json::array consumers;
  for (const auto& cc : snap->source->consumers) {
    proxy::ConsumerCounters c;
    if (auto it = m.consumers.find(cc.id); it != m.consumers.end()) c = it->second;
    consumers.push_back(boost::json::object{{"id", cc.id}, {"requests", c.requests}, {"refused", c.refused}});
  }
  doc["consumers"] = std::move(consumers);
  boost::json::array recent;
  for (const auto& r : m.recent) {
    recent.push_back(boost::json::object{
        {"time", iso_time(r.time_us)},
        {"request_id", r.request_id},
        {"consumer_id", r.consumer_id},
        {"service_id", r.service_id},
        {"method", r.method},
        {"path", r.path},
        {"status", r.status},
        {"total_ms", static_cast<double>(r.total_us) / 1000.0},
        {"error_code", r.error_code.empty() ? boost::json::value(nullptr) : boost::json::value(r.error_code)}});
  }
  doc["recent"] = std::move(recent);
  return boost::json::serialize(doc);
}

std::string Proxy::prometheus_metrics() const {
  const auto snap = impl_->snapshots.current();
  Merged m = merge(impl_->workers, false);
  std::string out;
  auto split3 = [](std::string_view k, std::string_view parts[3]) {
    for (int i = 0; i < 2; ++i) {
      auto nl = k.find('\n');
      parts[i] = k.substr(0, nl);
      k.remove_prefix(nl + 1);
    }
    parts[2] = k;
  };
  out += "# HELP simpul_gateway_requests_total Exchanges by service, consumer and status class.\n";
  out += "# TYPE simpul_gateway_requests_total counter\n";
  for (const auto& [k, n] : m.by_class) {
    std::string_view p[3];
    split3(k, p);
    out += "simpul_gateway_requests_total{service=\"" + label(p[0]) + "\",consumer=\"" + label(p[1]) +
           "\",status_class=\"" + std::string(p[2]) + "\"} " + std::to_string(n) + "\n";
  }
  out += "# HELP simpul_gateway_refused_total Exchanges the gateway answered itself, by error code.\n";
  out += "# TYPE simpul_gateway_refused_total counter\n";
  for (const auto& [k, n] : m.refused_by_code) {
    std::string_view p[3];
    split3(k, p);
    out += "simpul_gateway_refused_total{service=\"" + label(p[0]) + "\",consumer=\"" + label(p[1]) + "\",code=\"" +
           label(p[2]) + "\"} " + std::to_string(n) + "\n";
  }
  out += "# HELP simpul_gateway_request_duration_seconds Time in the gateway per exchange.\n";
  out += "# TYPE simpul_gateway_request_duration_seconds histogram\n";
  char num[64];
  for (const auto& [id, s] : m.services) {
    const std::string svc = label(id);
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b < s.buckets.size(); ++b) {
      cumulative += s.buckets[b];
      std::string le = "+Inf";
      if (b < proxy::kLatencyBuckets.size()) {
        std::snprintf(num, sizeof num, "%g", proxy::kLatencyBuckets[b]);
        le = num;
      }
      out += "simpul_gateway_request_duration_seconds_bucket{service=\"" + svc + "\",le=\"" + le + "\"} " +
             std::to_string(cumulative) + "\n";
    }
    std::snprintf(num, sizeof num, "%.6f", static_cast<double>(s.total_us) / 1e6);
    out += "simpul_gateway_request_duration_seconds_sum{service=\"" + svc + "\"} " + num + "\n";
    out +=
        "simpul_gateway_request_duration_seconds_count{service=\"" + svc + "\"} " + std::to_string(s.requests) + "\n";
  }
  out += "# HELP simpul_gateway_upstream_healthy 1 when the last health check passed, 0 when it failed.\n";
  out += "# TYPE simpul_gateway_upstream_healthy gauge\n";
  {
    std::lock_guard lock(impl_->health_mutex);
    for (const auto& [id, h] : impl_->health) {
      if (h.state == "tidak_diperiksa") continue;
      out +=
          "simpul_gateway_upstream_healthy{service=\"" + label(id) + "\"} " + (h.state == "sehat" ? "1" : "0") + "\n";
    }
  }
  out += "# HELP simpul_gateway_config_version Version of the configuration in force.\n";
  out += "# TYPE simpul_gateway_config_version gauge\n";
  out += "simpul_gateway_config_version " + std::to_string(snap->source->version) + "\n";
  return out;
}

}  // namespace simpul::gateway
