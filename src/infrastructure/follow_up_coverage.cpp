// Coverage rows of the Pusat Data service review and the roadmap gate (follow_up.hpp). The tests
// that prove them declare SIMPUL_PROVES (tests/api/infrastructure_follow_up_test.cpp).
#include "infrastructure/follow_up.hpp"
#include "infrastructure/profile_section.hpp"
#include "tenancy/profile.hpp"

namespace simpul::infrastructure {

void add_follow_up_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) {
  const auto& s = spec_of(p);
  if (s.service_review_rule)
    seam::add_enforcement(
        rows, *s.service_review_rule,
        "reminder, not a violation: the text says the review 'dapat' be held once a year, so the team `" +
            s.service_review_team +
            "` gets one inbox reminder a year citing the article and records the reviews it holds "
            "(`/api/infrastructure/service-review`); a year without a review is never a finding");
  if (s.pd_data_centre_ban_rule)
    seam::add_enforcement(rows, *s.pd_data_centre_ban_rule,
                          "gate: a roadmap initiative creating a pusat_data element of a PD other than the Dinas is "
                          "refused (`infrastructure.gate_refused`, through the architecture's initiative gates)");
}

}  // namespace simpul::infrastructure
