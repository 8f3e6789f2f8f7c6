// The message log's signed high-water mark (its own file beside the log, docs/gateway.md) and the
// names of the log's files: what the writer, the verifier and the console read back.
#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <ctime>

#include "gateway/log_lines.hpp"
#include "gateway/message_log.hpp"

namespace simpul::gateway {

namespace fs = std::filesystem;
using namespace detail;

namespace {
constexpr std::string_view kHeadFormat = "simpul.gateway.log-head/1";
}

std::string head_message(const LogHead& h) {
  return "simpul-gateway-log-head\n" + std::to_string(h.batch) + "\n" + std::to_string(h.last_seq) + "\n" +
         h.last_hash + "\n" + h.root + "\n" + h.segment + "\n" + std::to_string(h.time_us);
}

std::string to_json(const LogHead& h) {
  return boost::json::serialize(boost::json::object{{"format", kHeadFormat},
                                                    {"batch", h.batch},
                                                    {"last_seq", h.last_seq},
                                                    {"last_hash", h.last_hash},
                                                    {"root", h.root},
                                                    {"segment", h.segment},
                                                    {"time_us", h.time_us},
                                                    {"key_id", h.key_id},
                                                    {"signature", h.signature}});
}

std::optional<LogHead> head_from_json(std::string_view json) {
  try {
    boost::system::error_code ec;
    auto v = boost::json::parse(json, ec);
    if (ec || !v.is_object()) return std::nullopt;
    const auto& o = v.as_object();
    if (o.size() != 9 || str(o, "format") != kHeadFormat) return std::nullopt;
    LogHead h;
    h.batch = u64(o, "batch");
    h.last_seq = u64(o, "last_seq");
    h.last_hash = str(o, "last_hash");
    h.root = str(o, "root");
    h.segment = str(o, "segment");
    h.time_us = o.at("time_us").to_number<std::int64_t>();
    h.key_id = str(o, "key_id");
    h.signature = str(o, "signature");
    return h;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

fs::path head_path_of(const fs::path& log_dir) {
  std::error_code ec;
  fs::path d = fs::absolute(log_dir, ec);
  if (ec) d = log_dir;
  d = d.lexically_normal();
  if (!d.has_filename() && d.has_parent_path()) d = d.parent_path();  // "/x/log/" is "/x/log"
  return d.parent_path() / (d.filename().string() + "-head.json");
}

std::string utc_time(std::int64_t time_us) {
  std::time_t secs = static_cast<std::time_t>(time_us / 1'000'000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[80];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::vector<fs::path> list_segments(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    auto name = e.path().filename().string();
    if (name.size() == 20 && name.starts_with("segment-") && name.ends_with(".log")) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace simpul::gateway
