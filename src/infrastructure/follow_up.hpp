#pragma once
// Issue 16's follow-ups on the infrastructure module (docs/infrastructure.md): the monthly bandwidth
// evaluation as a PDF, the yearly Pusat Data service review with its reminder, and the roadmap gate
// against a data centre of a PD. Declared apart so the module's older headers stay as they are.
#include <string>
#include <string_view>
#include <vector>

#include "architecture/initiative_gates.hpp"
#include "core/error.hpp"
#include "infrastructure/bandwidth.hpp"
#include "infrastructure/service_review.hpp"
#include "seam/module.hpp"

namespace simpul::http {
class Router;
}

namespace simpul::infrastructure {

/// The evaluation as a PDF in Indonesian, dates and times in the tenant's local time (bandwidth_pdf.cpp).
std::string evaluation_pdf(const tenancy::Profile& p, const BandwidthEvaluation& e,
                           Language lang = Language::Indonesian);

/// Lampung Timur Pasal 17 ayat (9): an initiative of the roadmap that builds a data centre of a PD
/// (it creates an infrastructure element of type pusat_data owned by an agency other than the
/// operator's) is refused with `infrastructure.gate_refused` citing the profile's rule (roadmap_gate.cpp).
architecture::InitiativeGates::Gate pd_data_centre_gate(const architecture::Service& elements,
                                                        regulation::Compliance& compliance);

/// GET …/bandwidth/evaluations/{id}/evaluation.pdf and /api/infrastructure/service-review (follow_up_routes.cpp).
void register_follow_up_routes(http::Router& router, BandwidthService& bandwidth, ServiceReviews& reviews);

/// Coverage rows of the service review and the roadmap gate (follow_up_coverage.cpp); before the
/// module's own rows, which mark every rule left over as not yet enforced.
void add_follow_up_coverage(const tenancy::Profile& p, seam::CoverageRows& rows);

}  // namespace simpul::infrastructure
