#pragma once
// The catalogue codes this module answers with. Its own codes (audit.gate_refused, ...) are in
// docs/ict-audit.md, "Error codes", ready to become src/audit/errors.def: adding a module's
// errors.def changes the catalogue header every file includes, so it joins at the integrator's
// full build rather than in a two-core module build.
#include "core/error.hpp"

namespace simpul::audit {

inline constexpr ErrorCode kProgrammeNotFound = ErrorCode::RouteNotFound;       // 404
inline constexpr ErrorCode kFindingNotFound = ErrorCode::RouteNotFound;         // 404
inline constexpr ErrorCode kGateRefused = ErrorCode::ValidationInvalidValue;    // 422, with the rule and citation
inline constexpr ErrorCode kBadDate = ErrorCode::ValidationInvalidValue;        // 422, details.reason says which order
inline constexpr ErrorCode kNotInScope = ErrorCode::ValidationInvalidValue;     // 422, with the scope article
inline constexpr ErrorCode kBadStep = ErrorCode::ValidationInvalidValue;        // 422, details.state
inline constexpr ErrorCode kFindingClosed = ErrorCode::FindingNotOpen;          // 409

}  // namespace simpul::audit
