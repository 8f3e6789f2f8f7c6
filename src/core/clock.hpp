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
/// The latest calendar date anywhere in Indonesia now (WIT, UTC+9): a date a user enters as "today"
/// in any region (WIB, WITA or WIT) is never after it, while the UTC date may still be yesterday.
std::string latest_indonesian_date();
/// The calendar date (YYYY-MM-DD) at `t` in a zone `utc_offset_hours` ahead of UTC (WIB 7, WITA 8, WIT 9).
std::string local_date(TimePoint t, int utc_offset_hours);
/// The date (YYYY-MM-DD) `days` whole days after `date` (before, when negative); `date` itself when
/// it is not a date.
std::string plus_days(std::string_view date, int days);
/// Whole days from `from` to `to` (both YYYY-MM-DD), negative when `to` is earlier; 0 when either
/// is not a date.
long days_between(std::string_view from, std::string_view to);
/// Accepts "YYYY-MM-DD" only.
bool is_iso_date(std::string_view text);

}  // namespace simpul::clock
