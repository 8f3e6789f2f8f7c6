#pragma once
#include "evaluation/service.hpp"
#include "http/router.hpp"

namespace simpul::evaluation {

/// /api/evaluation/* (docs/api.md).
void register_routes(http::Router& router, Service& m);

// The resources register_routes() puts together, one file each.
void register_framework_routes(http::Router& router, Service& m);  // options, frameworks
void register_period_routes(http::Router& router, Service& m);     // periods, members, submission
void register_indicator_routes(http::Router& router, Service& m);  // workspace, answer, review, comments
void register_evidence_routes(http::Router& router, Service& m);   // files, links, verdicts
void register_index_routes(http::Router& router, Service& m);      // index, what-if, history, league
void register_report_routes(http::Router& router, Service& m);     // PDF report, XLSX export

}  // namespace simpul::evaluation
