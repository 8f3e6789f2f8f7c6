#pragma once
// Helpers shared by the service desk's service files (one definition: the build compiles them together).
#include <algorithm>
#include <array>
#include <chrono>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace simpul::servicedesk {

[[noreturn]] inline void invalid(const char* field, const std::string& reason, std::optional<RuleRef> rule = {}) {
  throw Error(ErrorCode::ValidationInvalidValue, {{"field", field}, {"reason", reason}}, std::move(rule));
}

/// The states in which a ticket is open (its clocks may run).
inline bool open_state(const std::string& s) {
  static const std::array<const char*, 4> kOpenStates = {"new", "assigned", "in_progress", "pending"};
  return std::any_of(kOpenStates.begin(), kOpenStates.end(), [&](const char* x) { return s == x; });
}

inline void required(const std::string& value, const char* field) {
  if (value.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", field}});
}

/// Whether now is within `days` days of the time `since` (false without one).
inline bool within_days(const std::optional<std::string>& since, int days) {
  if (!since) return false;
  auto t = clock::parse_iso(*since);
  return t && clock::now() <= *t + std::chrono::hours(24 * days);
}

/// A ticket state as the console shows it (Indonesian).
inline std::string state_label(const std::string& s) {
  if (s == "new") return "Baru";
  if (s == "assigned") return "Ditugaskan";
  if (s == "in_progress") return "Dikerjakan";
  if (s == "pending") return "Ditunda";
  if (s == "resolved") return "Selesai";
  if (s == "closed") return "Ditutup";
  return s;
}

}  // namespace simpul::servicedesk
