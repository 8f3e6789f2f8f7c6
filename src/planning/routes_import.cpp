// /api/planning/proposals/{id}/lines/import (and its template) and the application candidates.
#include "planning/routes_import.hpp"

#include "http/json_io.hpp"
#include "http/request_params.hpp"
#include "interchange/import_slots.hpp"
#include "planning/import_rka.hpp"
#include "planning/json.hpp"

namespace simpul::planning {
namespace {

using http::FieldReader;
using http::Request;

boost::json::value rka_rule(const std::optional<RuleRef>& r) {
  if (!r) return nullptr;
  return boost::json::object{{"id", r->id}, {"citation", r->citation}};
}

std::string rka_header_of(const std::string& key) {
  for (const auto& c : rka_columns())
    if (c.key == key) return c.header;
  return key;
}

std::string rka_status_name(const std::string& status) {
  if (status == "rincian") return "Rincian belanja";
  if (status == "judul") return "Judul kelompok (bukan rincian)";
  return "Bermasalah";
}

std::string rka_check_name(const std::string& kind) {
  if (kind == "harga_di_atas_standar") return "Harga di atas standar satuan harga";
  if (kind == "akun_tidak_diizinkan") return "Kode rekening tidak diizinkan untuk item SSH";
  if (kind == "ssh_tidak_dikenal") return "Item SSH tidak dikenal";
  return kind;
}

boost::json::object import_json(const tenancy::Profile& p, const LineImportResult& r) {
  boost::json::array rows, problems;
  for (const auto& x : r.rows) {
    boost::json::array carried, merged, checks;
    for (const auto& key : x.carried) carried.emplace_back(rka_header_of(key));
    for (const auto& key : x.merged) merged.emplace_back(rka_header_of(key));
    for (const auto& c : x.checks)
      checks.push_back(boost::json::object{{"kind", c.kind},
                                           {"kind_name", rka_check_name(c.kind)},
                                           {"message", c.message},
                                           {"rule", rka_rule(tenancy::rule_ref(p, c.rule))}});
    rows.push_back(boost::json::object{{"row", x.row},
                                       {"status", x.status},
                                       {"status_name", rka_status_name(x.status)},
                                       {"name", x.name},
                                       {"account_code", x.account_code},
                                       {"volume_text", x.volume_text},
                                       {"unit_price", x.unit_price},
                                       {"total", x.total},
                                       {"carried", std::move(carried)},
                                       {"merged", std::move(merged)},
                                       {"checks", std::move(checks)}});
  }
  for (const auto& x : r.problems)
    problems.push_back(boost::json::object{{"row", x.row},
                                           {"column", x.column},
                                           {"column_name", x.column.empty() ? std::string() : rka_header_of(x.column)},
                                           {"message", x.message},
                                           {"rule", rka_rule(x.rule)}});
  return {{"dry_run", r.dry_run},       {"ok", r.problems.empty()}, {"sheet", r.sheet},
          {"header_row", r.header_row}, {"lines", r.lines},         {"headings", r.headings},
          {"total", r.total},           {"rows", std::move(rows)},  {"problems", std::move(problems)}};
}

std::string app_reason_name(const std::string& r) {
  if (r == "aplikasi_umum_mirip") return "Mirip Aplikasi Umum";
  if (r == "aplikasi_pd_lain_mirip") return "Mirip aplikasi Perangkat Daerah lain";
  return r;
}

std::string app_decision_name(const std::string& d) {
  if (d == "duplikat") return "Duplikasi";
  if (d == "berbeda") return "Berbeda";
  return "Belum diputuskan";
}

boost::json::object app_candidate_json(const tenancy::Profile& p, const ApplicationCandidateView& v) {
  boost::json::array reasons;
  for (const auto& r : v.pair.reasons) reasons.push_back(boost::json::object{{"id", r}, {"name", app_reason_name(r)}});
  return {
      {"id", v.pair.id},
      {"cycle_id", v.pair.cycle_id},
      {"kind", "application"},
      {"score", v.pair.score},
      {"reasons", std::move(reasons)},
      {"decision", v.pair.decision.empty() ? boost::json::value(nullptr) : boost::json::value(v.pair.decision)},
      {"decision_name", app_decision_name(v.pair.decision)},
      {"reason", v.pair.reason},
      {"decided_by_name", v.pair.decided_by_name},
      {"decided_at", v.pair.decided_at ? boost::json::value(*v.pair.decided_at) : boost::json::value(nullptr)},
      {"found_at", v.pair.found_at},
      {"agency_name", v.agency_name},
      {"line", to_json(p, v.line)},
      {"application", boost::json::object{{"id", v.application_id},
                                          {"code", v.application_code},
                                          {"name", v.application_name},
                                          {"agency_id", v.application_agency_id},
                                          {"agency_name", v.application_agency_name},
                                          {"umum", v.umum},
                                          {"kind_name", v.umum ? "Aplikasi Umum" : "Aplikasi Perangkat Daerah lain"}}}};
}

}  // namespace

void register_import_routes(http::Router& router, Service& m) {
  // A PD's lines from an RKA-shaped spreadsheet; a dry run unless dry_run=false.
  router.add("POST", "/api/planning/proposals/{id}/lines/import", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto owner = m.proposal_record(req.require("planning.read").scope(), id).agency_id;
    const auto& p = req.require_for_agency("planning.propose", owner);
    std::string dry = req.query_value("dry_run").value_or("true");
    if (dry != "true" && dry != "false") throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "dry_run"}});
    auto slot = interchange::ImportSlot::acquire();
    auto result = m.import_lines(p.scope(), id, req.body, dry == "true", p.actor());
    const auto& profile = m.profile_of(p.scope());
    if (!result.dry_run && !result.problems.empty())
      throw Error(ErrorCode::ImportHasProblems, import_json(profile, result));
    return http::json_response(200, import_json(profile, result));
  });

  // The template with Indonesian headers and an example row naming the proposal's PD.
  router.add("GET", "/api/planning/proposals/{id}/lines/import/template.xlsx", [&m](Request& req) {
    const auto& p = req.require("planning.read");
    http::Response r;
    r.body = m.lines_template_xlsx(p.scope(), req.id_param("id"));
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    r.set_header("Content-Disposition", "attachment; filename=\"templat-rincian-usulan-anggaran-spbe.xlsx\"");
    r.set_header("X-Content-Type-Options", "nosniff");
    return r;
  });

  router.add("GET", "/api/planning/cycles/{id}/application-candidates", [&m](Request& req) {
    const auto& p = req.require("planning.read");
    const auto& profile = m.profile_of(p.scope());
    boost::json::array items;
    for (const auto& v : m.application_candidates(p.scope(), req.id_param("id")))
      items.push_back(app_candidate_json(profile, v));
    auto n = items.size();
    return http::json_response(200, boost::json::object{{"items", std::move(items)}, {"total", n}});
  });

  router.add("POST", "/api/planning/application-candidates/{id}/decision", [&m](Request& req) {
    const auto& p = req.require("planning.coordinate");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"decision", "reason"});
    auto decision = f.required_string("decision", 20);
    auto reason = f.optional_multiline("reason", 2000).value_or("");
    return http::json_response(
        200, app_candidate_json(m.profile_of(p.scope()),
                                m.decide_application(p.scope(), req.id_param("id"), decision, reason, p.actor())));
  });
}

}  // namespace simpul::planning
