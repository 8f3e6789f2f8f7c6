#include "core/clock.hpp"

#include <cstdio>
#include <ctime>

namespace simpul::clock {

TimePoint now() { return std::chrono::system_clock::now(); }

std::string to_iso(TimePoint t) {
  std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[24];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string now_iso() { return to_iso(now()); }

std::string latest_indonesian_date() { return to_iso(now() + std::chrono::hours(9)).substr(0, 10); }

namespace {

/// The number written by the digits text[at, at + n), or -1 when one of them is not a digit.
int digits_at(std::string_view text, std::size_t at, std::size_t n) {
  int out = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    out = out * 10 + (text[i] - '0');
  }
  return out;
}

}  // namespace

std::optional<TimePoint> parse_iso(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[19] != 'Z') return std::nullopt;
  // The stored form, read without sscanf and timegm (the service desk reads 200,000 of them per
  // SLA list); anything else (signs, spaces, a 13th month) goes the lenient way below, as before.
  int y = digits_at(text, 0, 4), mo = digits_at(text, 5, 2), d = digits_at(text, 8, 2);
  int h = digits_at(text, 11, 2), mi = digits_at(text, 14, 2), se = digits_at(text, 17, 2);
  if (text[4] == '-' && text[7] == '-' && text[13] == ':' && text[16] == ':' && y >= 0 && mo >= 1 && mo <= 12 &&
      d >= 0 && h >= 0 && mi >= 0 && se >= 0) {
    using namespace std::chrono;
    // Day 0 or 31 of a short month rolls over as timegm does.
    auto day = sys_days(year(y) / month(static_cast<unsigned>(mo)) / 1) + days(d - 1);
    return TimePoint(day) + hours(h) + minutes(mi) + seconds(se);
  }
  std::tm tm{};
  std::string s(text);
  if (sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
             &tm.tm_sec) != 6)
    return std::nullopt;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

std::string plus_days(std::string_view date, int days) {
  auto t = parse_iso(std::string(date) + "T00:00:00Z");
  return t ? to_iso(*t + std::chrono::days(days)).substr(0, 10) : std::string(date);
}

long days_between(std::string_view from, std::string_view to) {
  auto a = parse_iso(std::string(from) + "T00:00:00Z"), b = parse_iso(std::string(to) + "T00:00:00Z");
  if (!a || !b) return 0;
  return static_cast<long>(std::chrono::floor<std::chrono::days>(*b - *a).count());
}

bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return false;
  int month = (text[5] - '0') * 10 + (text[6] - '0');
  int day = (text[8] - '0') * 10 + (text[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::string local_date(TimePoint t, int utc_offset_hours) {
  return to_iso(t + std::chrono::hours(utc_offset_hours)).substr(0, 10);
}

}  // namespace simpul::clock
