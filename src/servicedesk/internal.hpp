#pragma once
// Helpers shared by the service desk's service files (one definition: the build compiles them together).
#include <optional>
#include <string>

#include "core/error.hpp"

namespace simpul::servicedesk {

[[noreturn]] inline void invalid(const char* field, const std::string& reason, std::optional<RuleRef> rule = {}) {
  throw Error(ErrorCode::ValidationInvalidValue, {{"field", field}, {"reason", reason}}, std::move(rule));
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
