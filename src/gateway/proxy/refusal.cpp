#include "gateway/proxy/refusal.hpp"

#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include "core/log.hpp"
#include "gateway/personal_ids.hpp"
#include "gateway/proxy/sha256.hpp"

namespace simpul::gateway {

namespace {
namespace bhttp = boost::beast::http;
constexpr std::string_view kEmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
}  // namespace

std::string error_body(ErrorCode code, Language language, std::string_view request_id, std::string_view rule_id,
                       std::string_view citation) {
  boost::json::object err{{"code", error_code_string(code)},
                          {"message", error_message(code, language)},
                          {"details", boost::json::object{}},
                          {"rule", nullptr},
                          {"request_id", request_id}};
  if (!rule_id.empty()) err["rule"] = boost::json::object{{"id", rule_id}, {"citation", citation}};
  return boost::json::serialize(boost::json::object{{"error", std::move(err)}});
}

proxy::asio::awaitable<bool> Refusal::send(ErrorCode code, std::string_view rule_id, std::string_view citation) {
  bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(error_http_status(code)),
                                          version < 10 ? 11 : version};
  res.set(bhttp::field::server, "simpul-gateway");
  res.set(bhttp::field::content_type, "application/json; charset=utf-8");
  res.set("X-Request-Id", request_id);
  if (retry_after) res.set(bhttp::field::retry_after, std::to_string(retry_after));
  const bool keep = keep_alive && !impl.stopping.load(std::memory_order_relaxed);
  res.keep_alive(keep);
  res.body() = error_body(code, language, request_id, rule_id, citation);
  res.prepare_payload();
  const std::uint64_t bytes = res.body().size();
  const std::string digest = proxy::Sha256::of(res.body());
  deadline.arm(stream, impl.options.idle_timeout);
  auto [ec, n] = co_await bhttp::async_write(stream, res, proxy::kAwait);
  deadline.disarm();
  record(error_http_status(code), bytes, digest, error_code_string(code));
  co_return keep && !ec;
}

void Refusal::record(int status, std::uint64_t response_bytes, std::string_view response_sha256,
                     std::string_view error_code) {
  const auto total_us = static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count());
  proxy::ExchangeSummary s;
  s.time_us = started_us;
  s.request_id = request_id;
  s.consumer_id = consumer_id;
  s.service_id = service_id;
  s.method = method;
  s.path = path;
  s.error_code = error_code;
  s.status = status;
  s.bytes_in = request_bytes;
  s.bytes_out = response_bytes;
  s.total_us = total_us;
  worker.stats.record(s);
  if (impl.options.access_log) {
    // Never the API key or other headers: ids, the request line and the outcome only; never a
    // NIK, NIP or phone number in the path (the message log keeps the full path as evidence).
    log::info("gateway.exchange", {{"request_id", request_id},
                                   {"consumer", consumer_id},
                                   {"service", service_id},
                                   {"method", method},
                                   {"path", mask_personal_ids(path)},
                                   {"status", status},
                                   {"error", error_code},
                                   {"total_us", total_us}});
  }
  if (impl.log) {
    ExchangeRecord r;
    r.time_us = started_us;
    r.request_id = request_id;
    r.consumer_id = consumer_id;
    r.service_id = service_id;
    r.method = method;
    r.path = path;
    r.status = status;
    r.request_bytes = request_bytes;
    r.response_bytes = response_bytes;
    r.total_us = total_us;
    r.upstream_us = upstream_us;
    r.request_sha256 = request_sha256.empty() ? std::string(kEmptySha256) : request_sha256;
    r.response_sha256 = response_sha256;
    r.bodies_stored = bodies_stored;
    if (impl.log->append(std::move(r)) != LogStatus::ok) {
      log::error("gateway.message_log_failed", {{"request_id", request_id}});
    }
  }
}

}  // namespace simpul::gateway
