#pragma once
// What the application register knows that supports the yearly SPBE evaluation (docs/evaluation.md,
// "Evidence"): the applications by stage and category, the handover packages of live applications
// in the Repositori, and when each live application was last audited. Reads only; every query is
// confined to the tenant, and to the owner agency when the query names one.
#include <memory>

#include "evaluation/evidence.hpp"

namespace simpul::architecture {
class Service;
}

namespace simpul::applications {

class AuditHistory;

/// Source id "applications". Topics: applications, handover, audit.
/// Record kinds (resolve): application, artifact. The elements come through the architecture
/// module's read ports.
/// `audits`, where given, supplies the latest completed application audits (the audit module).
std::unique_ptr<evaluation::EvidenceSource> applications_evidence_source(const architecture::Service& elements,
                                                                         const AuditHistory* audits = nullptr);

}  // namespace simpul::applications
