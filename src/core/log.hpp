#pragma once
// Structured logs: one JSON object per line on stderr. Never pass secrets (passwords, tokens) here.
#include <string_view>

#include <boost/json/object.hpp>

namespace simpul::log {

enum class Level { Debug, Info, Warn, Error };

void set_min_level(Level level);
void write(Level level, std::string_view event, boost::json::object fields = {});

inline void info(std::string_view event, boost::json::object f = {}) { write(Level::Info, event, std::move(f)); }
inline void warn(std::string_view event, boost::json::object f = {}) { write(Level::Warn, event, std::move(f)); }
inline void error(std::string_view event, boost::json::object f = {}) { write(Level::Error, event, std::move(f)); }

}  // namespace simpul::log
