#pragma once
// What the architecture module knows that supports the yearly SPBE evaluation (docs/evaluation.md,
// "Evidence"): the approved Arsitektur SPBE and Peta Rencana SPBE with their validity and reviews,
// the elements of the six domains, the roadmap initiatives, and the teams the regulation prescribes.
// Reads only; every query is confined to the tenant of the query's scope.
#include <memory>

#include "evaluation/evidence.hpp"

namespace simpul::tenancy {
class Service;
}

namespace simpul::architecture {

/// Source id "architecture". Topics: architecture, roadmap, services, data, infrastructure, teams.
/// Record kinds (resolve): architecture_document, roadmap, initiative, element, team. Agency and
/// team names come from the tenancy module's read ports.
std::unique_ptr<evaluation::EvidenceSource> architecture_evidence_source(const tenancy::Service& tenancy);

}  // namespace simpul::architecture
