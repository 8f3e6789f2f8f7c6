#pragma once
// What the compliance engine knows that supports the yearly SPBE evaluation (docs/evaluation.md,
// "Evidence"): when the regulation was last checked, and the findings still open, by severity.
// Reads only; every query is confined to the tenant, and to the responsible agency when the query
// names one.
#include <memory>

#include "evaluation/evidence.hpp"

namespace simpul::tenancy {
class Service;
}

namespace simpul::regulation {

/// Source id "compliance". Topics: compliance, security (findings of rules about security only).
/// Record kinds (resolve): finding. Agency names come from the tenancy module's read port.
std::unique_ptr<evaluation::EvidenceSource> compliance_evidence_source(const tenancy::Service& tenancy);

}  // namespace simpul::regulation
