#pragma once
// The codes this module answers with (its own errors.def), named for their use.
#include "core/error.hpp"

namespace simpul::audit {

inline constexpr ErrorCode kProgrammeNotFound = ErrorCode::AuditProgrammeNotFound;  // 404
inline constexpr ErrorCode kFindingNotFound = ErrorCode::AuditFindingNotFound;      // 404
inline constexpr ErrorCode kGateRefused = ErrorCode::AuditGateRefused;  // 422, always with the rule and citation
inline constexpr ErrorCode kBadDate = ErrorCode::AuditBadDate;          // 422, details.reason says which order
inline constexpr ErrorCode kNotInScope =
    ErrorCode::AuditObjectNotInScope;                           // 422, with the scope article where one is stated
inline constexpr ErrorCode kBadStep = ErrorCode::AuditBadStep;  // 409, details.state
inline constexpr ErrorCode kFindingClosed = ErrorCode::AuditFindingVerified;    // 409
inline constexpr ErrorCode kReportNotFound = ErrorCode::AuditReportNotFound;    // 404
inline constexpr ErrorCode kReportType = ErrorCode::AuditReportType;            // 415
inline constexpr ErrorCode kReportTooLarge = ErrorCode::AuditReportTooLarge;    // 413
inline constexpr ErrorCode kProgrammeClosed = ErrorCode::AuditProgrammeClosed;  // 409
inline constexpr ErrorCode kNotStated = ErrorCode::AuditNotStated;              // 422: the region states no such record

}  // namespace simpul::audit
