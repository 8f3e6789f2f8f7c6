// The printable report (PDF) and the answers workbook (XLSX) of a period (docs/evaluation.md).
#include "evaluation/routes.hpp"

#include "evaluation/report.hpp"
#include "http/attachment.hpp"
#include "http/request_params.hpp"

namespace simpul::evaluation {

using http::Request;

void register_report_routes(http::Router& router, Service& m) {
  router.add("GET", "/api/evaluation/periods/{id}/report", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto data = m.report(p.scope(), req.id_param("id"));
    auto name = "laporan-evaluasi-spbe-" + std::to_string(data.year) + ".pdf";
    return http::attachment(render_report_pdf(data), name, "application/pdf");
  });

  router.add("GET", "/api/evaluation/periods/{id}/export", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto data = m.report(p.scope(), req.id_param("id"));
    auto name = "jawaban-evaluasi-spbe-" + std::to_string(data.year) + ".xlsx";
    return http::attachment(render_answers_xlsx(data), name,
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });
}

}  // namespace simpul::evaluation
