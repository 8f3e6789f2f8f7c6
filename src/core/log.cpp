#include "core/log.hpp"

#include <atomic>
#include <cstdio>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "core/clock.hpp"

namespace simpul::log {
namespace {
std::atomic<Level> g_min{Level::Info};
constexpr std::string_view kNames[] = {"debug", "info", "warn", "error"};
}  // namespace

void set_min_level(Level level) { g_min = level; }

void write(Level level, std::string_view event, boost::json::object fields) {
  if (level < g_min.load(std::memory_order_relaxed)) return;
  boost::json::object line;
  line["ts"] = clock::now_iso();
  line["level"] = kNames[static_cast<int>(level)];
  line["event"] = event;
  for (auto& [k, v] : fields) line[k] = std::move(v);
  std::string text = boost::json::serialize(line);
  text.push_back('\n');
  // One fwrite per line keeps lines whole when several threads log at once.
  std::fwrite(text.data(), 1, text.size(), stderr);
}

}  // namespace simpul::log
