// POST /api/architecture/import and GET /api/architecture/export.{xlsx,xml}.
#include "interchange/import_slots.hpp"
#include "architecture/module.hpp"
#include "http/request_params.hpp"
#include "architecture/transfer.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"
#include "http/json_io.hpp"

namespace simpul::architecture {
namespace {

using http::query_choice;

using http::Request;

std::string media_type(const Request& req) {
  auto ct = std::string(req.header("content-type"));
  return text::to_lower_ascii(text::trim(ct.substr(0, ct.find(';'))));
}

http::Response download(std::string body, std::string content_type, const std::string& filename) {
  http::Response r;
  r.body = std::move(body);
  r.content_type = std::move(content_type);
  // Served as an attachment, never rendered inline.
  r.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  r.set_header("X-Content-Type-Options", "nosniff");
  return r;
}

constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

char csv_separator(const Request& req) {
  return query_choice(req, "separator", {"semicolon", "comma"}) == "comma" ? ',' : ';';
}

}  // namespace

void register_transfer_routes(http::Router& router, Module& m) {
  router.add("POST", "/api/architecture/import", [&m](Request& req) {
    const auto& p = req.require("architecture.write");
    std::string dry = req.query_value("dry_run").value_or("true");
    if (dry != "true" && dry != "false") throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "dry_run"}});
    auto kind = query_choice(req, "kind", {"elements", "relations"});
    auto slot = interchange::ImportSlot::acquire();
    auto file = parse_import(req.body, media_type(req), kind);
    auto result =
        m.transfer.run_import(p.scope(), std::move(file), dry == "true", p.actor(), crypto::sha256_hex(req.body));
    if (!result.dry_run && !result.problems.empty()) throw Error(ErrorCode::ImportHasProblems, to_json(result));
    return http::json_response(200, to_json(result));
  });

  router.add("GET", "/api/architecture/export.xlsx", [&m](Request& req) {
    const auto& p = req.require("architecture.read");
    return download(export_xlsx(m.transfer.workbook(p.scope(), true)), kXlsxType, "arsitektur-spbe.xlsx");
  });

  // CSV holds one sheet: the elements or the relations. ';' by default, as Excel with Indonesian
  // regional settings expects; ',' on request.
  router.add("GET", "/api/architecture/export.csv", [&m](Request& req) {
    const auto& p = req.require("architecture.read");
    bool relations = query_choice(req, "kind", {"elements", "relations"}) == "relations";
    auto book = m.transfer.workbook(p.scope(), true);
    return download(export_csv(relations ? book.relations : book.elements, csv_separator(req)),
                    "text/csv; charset=utf-8", relations ? "arsitektur-spbe-relasi.csv" : "arsitektur-spbe-elemen.csv");
  });

  router.add("GET", "/api/architecture/import/template.xlsx", [&m](Request& req) {
    const auto& p = req.require("architecture.read");
    return download(export_xlsx(m.transfer.workbook(p.scope(), false)), kXlsxType, "templat-impor-arsitektur.xlsx");
  });

  router.add("GET", "/api/architecture/import/template.csv", [&m](Request& req) {
    const auto& p = req.require("architecture.read");
    bool relations = query_choice(req, "kind", {"elements", "relations"}) == "relations";
    auto book = m.transfer.workbook(p.scope(), false);
    return download(export_csv(relations ? book.relations : book.elements, csv_separator(req)),
                    "text/csv; charset=utf-8",
                    relations ? "templat-impor-arsitektur-relasi.csv" : "templat-impor-arsitektur-elemen.csv");
  });

  // The list a CSV template cannot hold as a second sheet: every column's allowed values.
  router.add("GET", "/api/architecture/import/allowed-values.csv", [&m](Request& req) {
    const auto& p = req.require("architecture.read");
    return download(export_csv(m.transfer.workbook(p.scope(), false).values, csv_separator(req)),
                    "text/csv; charset=utf-8", "pilihan-impor-arsitektur.csv");
  });

  router.add("GET", "/api/architecture/export.xml", [&m](Request& req) {
    const auto& p = req.require("architecture.read");
    const auto& profile = m.elements.profile_of(p.scope());
    return download(export_oef(m.transfer.current_model(p.scope()), "Arsitektur SPBE " + profile.region_name),
                    "application/xml; charset=utf-8", "arsitektur-spbe.xml");
  });
}

}  // namespace simpul::architecture
