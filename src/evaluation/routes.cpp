// /api/evaluation/*: frameworks, periods and their team, the per-indicator workspace, evidence,
// index / what-if, history, league table and reports (docs/evaluation.md). One file per resource.
#include "evaluation/routes.hpp"

namespace simpul::evaluation {

void register_routes(http::Router& router, Service& m) {
  register_framework_routes(router, m);
  register_period_routes(router, m);
  register_indicator_routes(router, m);
  register_evidence_routes(router, m);
  register_index_routes(router, m);
  register_report_routes(router, m);
}

}  // namespace simpul::evaluation
