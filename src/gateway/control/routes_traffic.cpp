// /api/gateway/status, /exchanges, /exchanges/{seq}/proof and /public-key: what the data plane
// did, for the operator and the auditor (gateway.traffic), and the key anyone needs to check a proof.
#include <charconv>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "gateway/control/routes_common.hpp"
#include "http/attachment.hpp"
#include "http/json_io.hpp"
#include "http/request_params.hpp"

namespace simpul::gateway::control {
namespace {

using http::Request;

boost::json::object to_json(const ExchangeView& v) {
  const auto& r = v.record;
  auto time = clock::to_iso(
      clock::TimePoint(std::chrono::duration_cast<clock::TimePoint::duration>(std::chrono::microseconds(r.time_us))));
  return {{"seq", r.seq},
          {"time", time},
          {"request_id", r.request_id},
          {"consumer_id", r.consumer_id},
          {"service_id", r.service_id},
          {"method", r.method},
          {"path", r.path},
          {"status", r.status},
          {"request_bytes", r.request_bytes},
          {"response_bytes", r.response_bytes},
          {"total_ms", static_cast<double>(r.total_us) / 1000.0},
          {"upstream_ms", static_cast<double>(r.upstream_us) / 1000.0},
          {"request_sha256", r.request_sha256},
          {"response_sha256", r.response_sha256},
          {"bodies_stored", r.bodies_stored},
          {"signed", v.signed_batch},
          {"path_masked", v.path_masked}};
}

/// Who may see a masked path in full (item 17); each reveal needs a stated reason.
constexpr std::string_view kRevealPermission = "gateway.path_reveal";

/// The stated reason for a reveal: required, at least 10 characters once trimmed.
std::string reveal_reason(std::optional<std::string> given) {
  auto reason = text::trim(given.value_or(""));
  if (reason.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "reason"}});
  if (!text::is_valid_utf8(reason) || text::utf8_length(reason) < 10 || reason.size() > 2000)
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "reason"}, {"reason", "state why the full path is needed, at least 10 characters"}});
  return reason;
}

std::uint64_t seq_param(const Request& req) {
  const auto& text = req.param("seq");
  std::uint64_t seq = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seq);
  if (ec != std::errc() || end != text.data() + text.size() || seq == 0 || text.size() > 19)
    throw Error(ErrorCode::RequestInvalidId, {{"parameter", "seq"}});
  return seq;
}

BodyPart part_param(const Request& req) {
  const auto& text = req.param("part");
  if (text == "request") return BodyPart::request;
  if (text == "response") return BodyPart::response;
  throw Error(ErrorCode::RequestInvalidId, {{"parameter", "part"}});
}

/// The sender's declared type when it is plain printable ASCII (it only labels a download that
/// is never rendered), else a neutral one.
std::string download_type(const std::string& declared) {
  if (declared.empty() || declared.size() > 200) return "application/octet-stream";
  for (unsigned char ch : declared)
    if (ch < 0x20 || ch > 0x7e) return "application/octet-stream";
  return declared;
}

std::string body_filename(std::uint64_t seq, BodyPart part, const std::string& type) {
  const char* ext = type.find("json") != std::string::npos  ? ".json"
                    : type.find("xml") != std::string::npos ? ".xml"
                    : type.starts_with("text/")             ? ".txt"
                                                            : ".bin";
  return "isi-pertukaran-" + std::to_string(seq) + (part == BodyPart::request ? "-permintaan" : "-jawaban") + ext;
}

}  // namespace

void register_traffic_routes(http::Router& router, Traffic& m) {
  router.add("GET", "/api/gateway/status", [&m](Request& req) {
    const auto& p = req.require("gateway.traffic");
    return http::json_response(200, m.status(p.scope()));
  });

  router.add("GET", "/api/gateway/exchanges", [&m](Request& req) {
    const auto& p = req.require("gateway.traffic");
    ExchangeFilter f;
    f.service_id = http::query_id(req, "service");
    f.consumer_id = http::query_id(req, "consumer");
    f.status = http::query_int(req, "status", 100, 599);
    f.limit = static_cast<std::size_t>(http::query_int(req, "limit", 1, 500).value_or(100));
    boost::json::array items;
    for (const auto& e : m.exchanges(p.scope(), f)) items.push_back(to_json(e));
    return http::json_response(200, boost::json::object{{"items", items}});
  });

  router.add("GET", "/api/gateway/exchanges/{seq}/proof", [&m](Request& req) {
    const auto& p = req.require("gateway.traffic");
    auto seq = seq_param(req);
    // A proof carries the full path (its hash covers it): for a masked exchange it is a reveal.
    if (!m.path_masked(p.scope(), seq))
      return http::attachment(m.proof(p.scope(), seq), "bukti-pertukaran-" + std::to_string(seq) + ".json",
                              "application/json");
    req.require(kRevealPermission);
    auto reason = reveal_reason(req.query_value("reason"));
    auto proof = m.proof(p.scope(), seq);
    m.reveal_path(p.scope(), seq, reason, "bukti", p.actor());
    return http::attachment(std::move(proof), "bukti-pertukaran-" + std::to_string(seq) + ".json", "application/json");
  });

  router.add("POST", "/api/gateway/exchanges/{seq}/reveal", [&m](Request& req) {
    const auto& p = req.require("gateway.traffic");
    req.require(kRevealPermission);
    const auto seq = seq_param(req);
    auto body = http::parse_json_object(req);
    http::FieldReader f(body, {"reason"});
    auto reason = reveal_reason(f.optional_string("reason", 2000));
    auto path = m.reveal_path(p.scope(), seq, reason, "lihat", p.actor());
    return http::json_response(200, boost::json::object{{"seq", seq}, {"path", path}});
  });

  router.add("GET", "/api/gateway/exchanges/{seq}/bodies/{part}", [&m](Request& req) {
    const auto& p = req.require("gateway.traffic");
    const auto seq = seq_param(req);
    const auto part = part_param(req);
    auto body = m.body(p.scope(), seq, part, p.actor());
    auto type = download_type(body.content_type);
    auto filename = body_filename(seq, part, type);
    return http::attachment(std::move(body.content), filename, type);
  });

  router.add("GET", "/api/gateway/public-key", [&m](Request& req) {
    req.require("gateway.read");
    auto [key, id] = m.public_key();
    return http::json_response(200, boost::json::object{{"public_key", key}, {"key_id", id}});
  });
}

}  // namespace simpul::gateway::control
