#pragma once
// How this module refuses. Its codes are its own (src/planning/errors.def, docs/plan-and-budget.md
// "Error codes"). A refusal that a rule causes (planning.gate_refused, planning.reserved_item,
// planning.not_coordinator) always carries the rule and its citation: where the region's profile
// states no article for it, the answer falls back to a code that does not claim one.
#include <optional>
#include <string>

#include "core/error.hpp"
#include "planning/model.hpp"
#include "planning/profile_section.hpp"
#include "tenancy/profile.hpp"

namespace simpul::planning {

/// Throws `code` with the rule and its citation, or `fallback` (without a rule) when the profile
/// names no rule.
[[noreturn]] inline void refuse_by_rule(const tenancy::Profile& p, ErrorCode code, ErrorCode fallback,
                                        const std::optional<std::string>& rule, boost::json::object details) {
  auto ref = tenancy::rule_ref(p, rule);
  if (!ref) throw Error(fallback, std::move(details));
  throw Error(code, std::move(details), std::move(ref));
}

/// A line of a class reserved to another PD (Bontang Pasal 11, Lampung Timur Pasal 17 ayat (9)),
/// with the class's article; `details` adds to the class and its holder (e.g. the line).
[[noreturn]] inline void refuse_reserved(const tenancy::Profile& p, const ReservedClass& reserved,
                                         boost::json::object details) {
  details["reason"] = "reserved_item";
  details["class"] = reserved.id;
  details["class_name"] = reserved.name;
  details["holder"] = role_label(p, reserved.holder_role);
  refuse_by_rule(p, ErrorCode::PlanReservedItem, ErrorCode::ValidationInvalidValue, reserved.rule, std::move(details));
}

}  // namespace simpul::planning
