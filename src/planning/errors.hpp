#pragma once
// The catalogue codes this module answers with. Like src/audit, it maps its refusals onto the core
// catalogue rather than adding an errors.def (which changes the header every file includes and
// rebuilds the whole tree); the planned codes (planning.gate_refused, planning.reserved_item, ...)
// are listed in docs/plan-and-budget.md, "Error codes". Every refusal a rule causes carries the
// rule and its citation.
#include "core/error.hpp"

namespace simpul::planning {

inline constexpr ErrorCode kNotFound = ErrorCode::RouteNotFound;              // 404
inline constexpr ErrorCode kInvalid = ErrorCode::ValidationInvalidValue;      // 422, details.field
inline constexpr ErrorCode kConflict = ErrorCode::ValidationInvalidValue;     // 422, a cycle of that year exists
inline constexpr ErrorCode kBadStep = ErrorCode::ValidationInvalidValue;      // 422, details.state / details.reason
inline constexpr ErrorCode kGateRefused = ErrorCode::ValidationInvalidValue;  // 422, with the rule and citation
inline constexpr ErrorCode kReserved =
    ErrorCode::ValidationInvalidValue;                                  // 422, reserved to the Dinas, with the article
inline constexpr ErrorCode kNotCoordinator = ErrorCode::AuthForbidden;  // 403, with the article naming who acts

}  // namespace simpul::planning
