// Reading the message log's lines back (log_lines.hpp): records and batch lines of a segment, as
// the writer's recovery, the prover and the verifier parse them.
#include "gateway/log_lines.hpp"

#include <boost/json.hpp>
#include <charconv>

namespace simpul::gateway {

namespace detail {

merkle::Hash leaf_of(const merkle::Hash& record_hash) {
  return merkle::leaf_hash(std::string_view(reinterpret_cast<const char*>(record_hash.data()), record_hash.size()));
}

std::string str(const boost::json::object& o, const char* k) { return std::string(o.at(k).as_string()); }
std::uint64_t u64(const boost::json::object& o, const char* k) { return o.at(k).to_number<std::uint64_t>(); }

ExchangeRecord record_from(const boost::json::object& o) {
  ExchangeRecord r;
  r.seq = u64(o, "seq");
  r.time_us = o.at("time_us").to_number<std::int64_t>();
  r.request_id = str(o, "request_id");
  r.consumer_id = str(o, "consumer_id");
  r.service_id = str(o, "service_id");
  r.method = str(o, "method");
  r.path = str(o, "path");
  r.status = o.at("status").to_number<int>();
  r.request_bytes = u64(o, "request_bytes");
  r.response_bytes = u64(o, "response_bytes");
  r.total_us = u64(o, "total_us");
  r.upstream_us = u64(o, "upstream_us");
  r.request_sha256 = str(o, "request_sha256");
  r.response_sha256 = str(o, "response_sha256");
  r.bodies_stored = o.at("bodies_stored").as_bool();
  return r;
}

boost::json::object record_json(const ExchangeRecord& r) {
  return {{"seq", r.seq},
          {"time_us", r.time_us},
          {"request_id", r.request_id},
          {"consumer_id", r.consumer_id},
          {"service_id", r.service_id},
          {"method", r.method},
          {"path", r.path},
          {"status", r.status},
          {"request_bytes", r.request_bytes},
          {"response_bytes", r.response_bytes},
          {"total_us", r.total_us},
          {"upstream_us", r.upstream_us},
          {"request_sha256", r.request_sha256},
          {"response_sha256", r.response_sha256},
          {"bodies_stored", r.bodies_stored}};
}

Line parse_line(std::string_view text) {
  Line l;
  try {
    boost::system::error_code ec;
    auto v = boost::json::parse(text, ec);
    if (ec || !v.is_object()) {
      l.error = "unreadable line";
      return l;
    }
    const auto& o = v.as_object();
    if (o.contains("batch")) {
      if (o.size() != 6) throw std::invalid_argument("fields");
      l.batch_no = u64(o, "batch");
      l.first_seq = u64(o, "first_seq");
      l.last_seq = u64(o, "last_seq");
      l.root = str(o, "root");
      l.key_id = str(o, "key_id");
      l.signature = str(o, "signature");
      l.kind = Line::batch;
    } else {
      // Exactly the canonical fields plus the two hashes: nothing unhashed rides along.
      if (o.size() != 17) throw std::invalid_argument("fields");
      l.rec = record_from(o);
      l.prev_hash = str(o, "prev_hash");
      l.hash = str(o, "hash");
      l.kind = Line::record;
    }
  } catch (const std::exception&) {
    l.kind = Line::bad;
    l.error = "unreadable line (missing or malformed field)";
  }
  return l;
}

bool quick_record(std::string_view t, std::uint64_t& seq, merkle::Hash& h) {
  constexpr std::string_view kHead = "{\"seq\":", kKey = "\"hash\":\"";
  if (!t.starts_with(kHead) || t.size() < kHead.size() + kKey.size() + 66 || !t.ends_with("\"}")) return false;
  auto r = std::from_chars(t.data() + kHead.size(), t.data() + t.size(), seq);
  if (r.ec != std::errc() || *r.ptr != ',') return false;
  if (t.substr(t.size() - 66 - kKey.size(), kKey.size()) != kKey) return false;
  return merkle::from_hex(t.substr(t.size() - 66, 64), h);
}

}  // namespace detail

}  // namespace simpul::gateway
