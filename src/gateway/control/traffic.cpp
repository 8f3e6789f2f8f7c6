// Read-only views of the data plane for the console (Traffic): live status merged over
// instances, the newest exchanges of the message log, proofs and the gateway's public key. Every
// view keeps only the caller's tenant: the data plane serves all tenants with global ids.
#include "gateway/control/traffic.hpp"

#include <algorithm>
#include <map>

#include <boost/json/parse.hpp>

#include "core/log.hpp"
#include "gateway/control/change.hpp"
#include "gateway/control/data_plane.hpp"
#include "gateway/personal_ids.hpp"

namespace simpul::gateway::control {
namespace {

std::int64_t num(const boost::json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  if (!v) return 0;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64()) return static_cast<std::int64_t>(v->as_uint64());
  if (v->is_double()) return static_cast<std::int64_t>(v->as_double());
  return 0;
}

double real(const boost::json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v && v->is_number() ? v->to_number<double>() : 0.0;
}

std::string text(const boost::json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

boost::json::value nullable(const boost::json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? *v : boost::json::value(nullptr);
}

const boost::json::array& list(const boost::json::object& o, const char* key) {
  static const boost::json::array kEmpty;
  auto* v = o.if_contains(key);
  return v && v->is_array() ? v->as_array() : kEmpty;
}

/// Health of a service over instances: the worst state wins, "tidak_diperiksa" only if no
/// instance checked it.
int health_rank(const std::string& h) { return h == "terganggu" ? 2 : h == "sehat" ? 1 : 0; }

void add_service(boost::json::object& into, const boost::json::object& from) {
  for (const char* k :
       {"requests", "responses_2xx", "responses_4xx", "responses_5xx", "refused", "bytes_in", "bytes_out"})
    into[k] = num(into, k) + num(from, k);
  // Percentiles cannot be merged exactly; the slowest instance's figure is the honest bound.
  for (const char* k : {"latency_p50_ms", "latency_p99_ms"}) into[k] = std::max(real(into, k), real(from, k));
  if (health_rank(text(from, "health")) > health_rank(text(into, "health"))) {
    into["health"] = text(from, "health");
    into["health_checked_at"] = nullable(from, "health_checked_at");
    into["health_error"] = nullable(from, "health_error");
  }
}

}  // namespace

boost::json::object Traffic::status(const Scope& s) const {
  auto [services, consumers] = storage::read(plane_.db(), [&](storage::Connection& c) {
    Repository repo(c);
    return std::pair{repo.service_names(s), repo.consumer_names(s)};
  });
  auto documents = recent_status(plane_.db(), 30);
  boost::json::array instances, recent;
  std::map<std::string, boost::json::object> by_service, by_consumer;
  for (const auto& text_doc : documents) {
    boost::system::error_code ec;
    auto v = boost::json::parse(text_doc, ec);
    if (ec || !v.is_object()) continue;
    const auto& d = v.as_object();
    instances.push_back({{"instance", text(d, "instance")},
                         {"config_version", num(d, "config_version")},
                         {"started_at", text(d, "started_at")},
                         {"updated_at", text(d, "updated_at")}});
    for (const auto& item : list(d, "services")) {
      if (!item.is_object()) continue;
      auto id = text(item.as_object(), "id");
      auto known = services.find(id);
      if (known == services.end()) continue;
      auto [it, fresh] = by_service.try_emplace(id);
      if (fresh)
        it->second = {{"id", id},
                      {"code", known->second.code},
                      {"name", known->second.name},
                      {"health", "tidak_diperiksa"},
                      {"health_checked_at", nullptr},
                      {"health_error", nullptr}};
      add_service(it->second, item.as_object());
    }
    for (const auto& item : list(d, "consumers")) {
      if (!item.is_object()) continue;
      auto id = text(item.as_object(), "id");
      auto known = consumers.find(id);
      if (known == consumers.end()) continue;
      auto& into =
          by_consumer.try_emplace(id, boost::json::object{{"id", id}, {"name", known->second.name}}).first->second;
      for (const char* k : {"requests", "refused"}) into[k] = num(into, k) + num(item.as_object(), k);
    }
    for (const auto& item : list(d, "recent")) {
      if (!item.is_object()) continue;
      auto e = item.as_object();
      auto service = services.find(text(e, "service_id"));
      if (service == services.end()) continue;
      auto consumer = consumers.find(text(e, "consumer_id"));
      e["service_code"] = service->second.code;
      // Masked per service (item 17); the full path is revealed from the message log only.
      const auto path = text(e, "path");
      const bool masked = service->second.mask_personal_ids && has_personal_ids(path);
      if (masked) e["path"] = mask_personal_ids(path);
      e["path_masked"] = masked;
      e["consumer_name"] =
          consumer == consumers.end() ? boost::json::value(nullptr) : boost::json::value(consumer->second.name);
      recent.push_back(std::move(e));
    }
  }
  std::stable_sort(recent.begin(), recent.end(), [](const boost::json::value& a, const boost::json::value& b) {
    return text(a.as_object(), "time") > text(b.as_object(), "time");
  });
  if (recent.size() > 100) recent.resize(100);
  boost::json::array service_list, consumer_list;
  for (auto& [id, o] : by_service) service_list.push_back(std::move(o));
  for (auto& [id, o] : by_consumer) consumer_list.push_back(std::move(o));
  return {{"running", !instances.empty()},
          {"instances", instances},
          {"services", service_list},
          {"consumers", consumer_list},
          {"recent", recent}};
}

std::vector<ExchangeView> Traffic::exchanges(const Scope& s, const ExchangeFilter& f) const {
  auto services = storage::read(plane_.db(), [&](storage::Connection& c) { return Repository(c).service_names(s); });
  auto out = read_recent_exchanges(plane_.options().log_dir, f.limit, [&](const ExchangeRecord& r) {
    return services.count(r.service_id) && (f.service_id.empty() || r.service_id == f.service_id) &&
           (f.consumer_id.empty() || r.consumer_id == f.consumer_id) && (!f.status || r.status == *f.status);
  });
  for (auto& v : out) {
    if (!services.at(v.record.service_id).mask_personal_ids || !has_personal_ids(v.record.path)) continue;
    v.record.path = mask_personal_ids(v.record.path);
    v.path_masked = true;
  }
  return out;
}

bool Traffic::path_masked(const Scope& s, std::uint64_t seq) const {
  const auto record = tenant_exchange(s, seq);
  auto services = storage::read(plane_.db(), [&](storage::Connection& c) { return Repository(c).service_names(s); });
  auto it = services.find(record.service_id);
  return it != services.end() && it->second.mask_personal_ids && has_personal_ids(record.path);
}

std::string Traffic::reveal_path(const Scope& s, std::uint64_t seq, const std::string& reason,
                                 const std::string& purpose, const Actor& actor) {
  const auto record = tenant_exchange(s, seq);
  // The entry names the exchange, the reason and the masked path: never the identifier itself.
  plane_.change(false, [&](storage::Connection& c) {
    plane_.ledger().append(c,
                           ledger::change_in(s, actor, "gateway.path_reveal", "gateway_exchange", std::to_string(seq),
                                             {{"reason", reason},
                                              {"purpose", purpose},
                                              {"path", mask_personal_ids(record.path)},
                                              {"service_id", record.service_id},
                                              {"consumer_id", record.consumer_id},
                                              {"request_id", record.request_id}}));
    return 0;
  });
  return record.path;
}

ExchangeRecord Traffic::tenant_exchange(const Scope& s, std::uint64_t seq) const {
  auto services = storage::read(plane_.db(), [&](storage::Connection& c) { return Repository(c).service_names(s); });
  auto record = find_exchange(plane_.options().log_dir, seq);
  if (!record || !services.count(record->service_id)) throw Error(ErrorCode::GatewayExchangeNotFound);
  return std::move(*record);
}

std::string Traffic::proof(const Scope& s, std::uint64_t seq) const {
  tenant_exchange(s, seq);  // throws unless the exchange is this tenant's
  std::string why;
  auto p = prove(plane_.options().log_dir, seq, &why);
  if (!p) throw Error(ErrorCode::GatewayProofUnavailable, {{"reason", why}});
  return to_json(*p);
}

StoredBody Traffic::body(const Scope& s, std::uint64_t seq, BodyPart part, const Actor& actor) {
  const auto record = tenant_exchange(s, seq);
  if (!record.bodies_stored) throw Error(ErrorCode::GatewayBodyNotStored);
  const char* part_name = part == BodyPart::request ? "request" : "response";
  auto body = BodyStore(bodies_dir_of(plane_.options().log_dir)).load(record.time_us, record.request_id, part);
  // Stored but gone: removed by a retention job, or by hand.
  if (!body) throw Error(ErrorCode::GatewayBodyNotStored, {{"reason", "removed"}});
  const auto& expected = part == BodyPart::request ? record.request_sha256 : record.response_sha256;
  if (crypto::sha256_hex(body->content) != expected) {
    log::error("gateway.body_altered", {{"seq", seq}, {"part", part_name}});
    throw Error(ErrorCode::GatewayBodyAltered, {{"part", part_name}});
  }
  plane_.change(false, [&](storage::Connection& c) {
    plane_.ledger().append(c, ledger::change_in(s, actor, "gateway.body_read", "gateway_exchange", std::to_string(seq),
                                                {{"part", part_name},
                                                 {"service_id", record.service_id},
                                                 {"consumer_id", record.consumer_id},
                                                 {"request_id", record.request_id}}));
    return 0;
  });
  return std::move(*body);
}

std::pair<std::string, std::string> Traffic::public_key() const {
  auto key = load_or_create_gateway_key(plane_.options().key_path);
  std::string raw(reinterpret_cast<const char*>(key.public_key.data()), key.public_key.size());
  return {crypto::to_hex(raw), key_id(raw)};
}

}  // namespace simpul::gateway::control
