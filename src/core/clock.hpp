#pragma once
// UTC time as ISO-8601 text, the only form time takes on the wire and in the database.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace simpul::clock {

using TimePoint = std::chrono::system_clock::time_point;

TimePoint now();
/// "2026-11-22T16:35:58Z" (second precision; sorts lexically).
std::string to_iso(TimePoint t);
std::string now_iso();
std::optional<TimePoint> parse_iso(std::string_view text);
/// Accepts "YYYY-MM-DD" only.
bool is_iso_date(std::string_view text);

}  // namespace simpul::clock
