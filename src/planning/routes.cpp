// /api/planning/* (docs/plan-and-budget.md).
#include "planning/routes.hpp"

#include "http/json_io.hpp"
#include "http/request_params.hpp"
#include "interchange/import_slots.hpp"
#include "planning/json.hpp"
#include "planning/line_rules.hpp"

namespace simpul::planning {
namespace {

using http::FieldReader;
using http::Request;

boost::json::object plan_page(boost::json::array items) {
  auto n = items.size();
  return {{"items", std::move(items)}, {"total", n}};
}

/// The review's page and filters: limit (1-500, default 50), offset, agency, state (undecided | decided).
CandidateQuery candidate_query(const Request& req) {
  CandidateQuery q;
  q.limit = http::query_int(req, "limit", 1, 500).value_or(50);
  q.offset = http::query_int(req, "offset", 0, 100'000'000).value_or(0);
  q.agency_id = http::query_id(req, "agency");
  auto state = http::query_choice(req, "state", {"undecided", "decided"});
  if (!state.empty()) q.decided = state == "decided";
  return q;
}

boost::json::object candidate_page(const tenancy::Profile& profile, const CandidateQuery& q,
                                   const CandidatePage& page) {
  boost::json::array items;
  items.reserve(page.items.size());
  for (const auto& v : page.items) items.push_back(to_json(profile, v));
  return {{"items", std::move(items)}, {"total", page.total}, {"limit", q.limit}, {"offset", q.offset}};
}

/// unit_price as a JSON integer or as spreadsheet text ("Rp 1.250.000").
std::int64_t read_price(const boost::json::object& body) {
  const auto* v = body.if_contains("unit_price");
  if (!v || v->is_null()) throw Error(ErrorCode::ValidationMissingField, {{"field", "unit_price"}});
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64()) throw Error(ErrorCode::PlanAmountOverflow, {{"field", "unit_price"}, {"reason", "overflow"}});
  if (v->is_string()) {
    if (auto x = parse_rupiah(std::string(v->as_string()))) return *x;
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "unit_price"}, {"reason", "not a whole number of Rupiah"}});
  }
  throw Error(ErrorCode::ValidationWrongType, {{"field", "unit_price"}, {"expected", "integer"}});
}

std::vector<VolumeFactor> read_volume(const boost::json::object& body) {
  const auto* v = body.if_contains("volume");
  if (!v || v->is_null()) throw Error(ErrorCode::ValidationMissingField, {{"field", "volume"}});
  if (!v->is_array() || v->as_array().size() > 4)
    throw Error(ErrorCode::ValidationWrongType, {{"field", "volume"}, {"expected", "1 to 4 factors"}});
  std::vector<VolumeFactor> out;
  for (const auto& f : v->as_array()) {
    if (!f.is_object()) throw Error(ErrorCode::ValidationWrongType, {{"field", "volume"}});
    FieldReader r(f.as_object(), {"quantity", "unit"});
    VolumeFactor x;
    x.quantity = r.optional_int("quantity", 1, 1'000'000'000).value_or(0);
    x.unit = r.required_string("unit", 40);
    if (x.quantity == 0) throw Error(ErrorCode::ValidationMissingField, {{"field", "volume.quantity"}});
    out.push_back(std::move(x));
  }
  return out;
}

LineInput read_line(const Request& req) {
  auto body = http::parse_json_object(req);
  FieldReader f(body, {"sub_activity", "account_code", "name", "specification", "ssh_code", "volume", "unit_price",
                       "funding_source", "category", "element_ids", "initiative_id"});
  LineInput x;
  x.sub_activity = f.required_string("sub_activity", 300);
  x.account_code = f.required_string("account_code", 40);
  x.name = f.required_string("name", 300);
  x.specification = f.optional_multiline("specification", 2000).value_or("");
  x.ssh_code = f.optional_string("ssh_code", 60).value_or("");
  x.factors = read_volume(body);
  x.unit_price = read_price(body);
  x.funding_source = f.required_string("funding_source", 60);
  x.category = f.optional_string("category", 80).value_or("");
  x.element_ids = f.optional_string_list("element_ids", 20, 40).value_or(std::vector<std::string>{});
  for (const auto& id : x.element_ids) http::required_id(id, "element_ids");
  if (auto i = f.nullable_string("initiative_id", 40); i && *i)
    x.initiative_id = http::required_id(**i, "initiative_id");
  return x;
}

/// A draft line typed so far: the live check takes incomplete input.
LineInput read_draft(const Request& req) {
  auto body = http::parse_json_object(req);
  FieldReader f(body, {"sub_activity", "account_code", "name", "specification", "ssh_code", "volume", "unit_price",
                       "funding_source", "category", "element_ids", "initiative_id"});
  LineInput x;
  x.sub_activity = f.optional_string("sub_activity", 300).value_or("");
  x.account_code = f.optional_string("account_code", 40).value_or("");
  x.name = f.optional_string("name", 300).value_or("");
  x.specification = f.optional_multiline("specification", 2000).value_or("");
  x.ssh_code = f.optional_string("ssh_code", 60).value_or("");
  if (body.contains("volume")) x.factors = read_volume(body);
  if (body.contains("unit_price")) x.unit_price = read_price(body);
  x.funding_source = f.optional_string("funding_source", 60).value_or("");
  x.category = f.optional_string("category", 80).value_or("");
  x.element_ids = f.optional_string_list("element_ids", 20, 40).value_or(std::vector<std::string>{});
  for (const auto& id : x.element_ids) http::required_id(id, "element_ids");
  if (auto i = f.nullable_string("initiative_id", 40); i && *i)
    x.initiative_id = http::required_id(**i, "initiative_id");
  return x;
}

}  // namespace

void register_routes(http::Router& router, Service& m) {
  router.add("GET", "/api/planning/options", [&m](Request& req) {
    const auto& p = req.require("planning.read");
    return http::json_response(200, options_json(m.profile_of(p.scope())));
  });

  router.add("GET", "/api/planning/cycles", [&m](Request& req) {
    const auto& p = req.require("planning.read");
    const auto& profile = m.profile_of(p.scope());
    boost::json::array items;
    for (const auto& x : m.cycles(p.scope())) items.push_back(to_json(profile, x));
    return http::json_response(200, plan_page(std::move(items)));
  });

  router.add("POST", "/api/planning/cycles", [&m](Request& req) {
    const auto& p = req.require("planning.coordinate");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"fiscal_year", "title", "submission_deadline", "verification_deadline"});
    Cycle x;
    auto year = f.optional_int("fiscal_year", 2000, 2100);
    if (!year) throw Error(ErrorCode::ValidationMissingField, {{"field", "fiscal_year"}});
    x.fiscal_year = static_cast<int>(*year);
    x.title = f.optional_string("title", 200).value_or("");
    x.submission_deadline = f.required_string("submission_deadline", 10);
    x.verification_deadline = f.required_string("verification_deadline", 10);
    return http::json_response(201, to_json(m.profile_of(p.scope()), m.open_cycle(p.scope(), std::move(x), p.actor())));
  });

  router.add("GET", "/api/planning/cycles/{id}", [&m](Request& req) {
    const auto& p = req.require("planning.read");
    return http::json_response(200, to_json(m.profile_of(p.scope()), m.cycle(p.scope(), req.id_param("id"))));
  });

  router.add("POST", "/api/planning/cycles/{id}/closing", [&m](Request& req) {
    const auto& p = req.require("planning.coordinate");
    return http::json_response(
        200, to_json(m.profile_of(p.scope()), m.close_cycle(p.scope(), req.id_param("id"), p.actor())));
  });

  router.add("GET", "/api/planning/cycles/{id}/proposals", [&m](Request& req) {
    const auto& p = req.require("planning.read");
    auto agency = http::query_id(req, "agency");
    const auto& profile = m.profile_of(p.scope());
    boost::json::array items;
    for (const auto& x : m.proposals(p.scope(), req.id_param("id"), agency)) items.push_back(to_json(profile, x));
    return http::json_response(200, plan_page(std::move(items)));
  });

  // A PD starts (or reopens) its proposal; operators only for their own agency.
  router.add("POST", "/api/planning/cycles/{id}/proposals", [&m](Request& req) {
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"agency_id"});
    auto agency = http::required_id(f.required_string("agency_id", 40), "agency_id");
    const auto& p = req.require_for_agency("planning.propose", agency);
    return http::json_response(
        201, to_json(m.profile_of(p.scope()), m.start_proposal(p.scope(), req.id_param("id"), agency, p.actor())));
  });

  router.add("GET", "/api/planning/proposals/{id}", [&m](Request& req) {
    const auto& p = req.require("planning.read");
    return http::json_response(200, to_json(m.profile_of(p.scope()), m.proposal(p.scope(), req.id_param("id"))));
  });

  router.add("POST", "/api/planning/proposals/{id}/lines", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto owner = m.proposal_record(req.require("planning.read").scope(), id).agency_id;
    const auto& p = req.require_for_agency("planning.propose", owner);
    auto in = read_line(req);
    return http::json_response(201, to_json(m.profile_of(p.scope()), m.add_line(p.scope(), id, in, p.actor())));
  });

  // The live check while a line is typed: nothing is written.
  router.add("POST", "/api/planning/proposals/{id}/check", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto owner = m.proposal_record(req.require("planning.read").scope(), id).agency_id;
    const auto& p = req.require_for_agency("planning.propose", owner);
    auto in = read_draft(req);
    return http::json_response(200, to_json(m.profile_of(p.scope()), m.check_line(p.scope(), id, in)));
  });

  router.add("PATCH", "/api/planning/lines/{id}", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto owner = m.line(req.require("planning.read").scope(), id).agency_id;
    const auto& p = req.require_for_agency("planning.propose", owner);
    auto in = read_line(req);
    return http::json_response(200, to_json(m.profile_of(p.scope()), m.update_line(p.scope(), id, in, p.actor())));
  });

  router.add("DELETE", "/api/planning/lines/{id}", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto owner = m.line(req.require("planning.read").scope(), id).agency_id;
    const auto& p = req.require_for_agency("planning.propose", owner);
    m.remove_line(p.scope(), id, p.actor());
    return http::no_content();
  });

  // The coordinating PD corrects another PD's line's class (reserved to the Dinas or not, category).
  router.add("POST", "/api/planning/lines/{id}/classification", [&m](Request& req) {
    const auto& p = req.require("planning.coordinate");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"reserved_class", "category", "reason"});
    ClassCorrection in;
    in.reserved_class = f.optional_string("reserved_class", 80);
    in.category = f.optional_string("category", 80);
    in.reason = f.optional_multiline("reason", 2000).value_or("");
    return http::json_response(
        200, to_json(m.profile_of(p.scope()), m.correct_class(p.scope(), req.id_param("id"), in, p.actor())));
  });

  router.add("POST", "/api/planning/proposals/{id}/recommendation", [&m](Request& req) {
    const auto& p = req.require("planning.recommend");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"recommendation"});
    auto text = f.optional_multiline("recommendation", 4000).value_or("");
    return http::json_response(
        200, to_json(m.profile_of(p.scope()), m.recommend(p.scope(), req.id_param("id"), text, p.actor())));
  });

  router.add("POST", "/api/planning/proposals/{id}/submission", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto owner = m.proposal_record(req.require("planning.read").scope(), id).agency_id;
    const auto& p = req.require_for_agency("planning.propose", owner);
    auto submitted = m.submit(p.scope(), id, p.actor());
    m.compare_with_applications(p.scope(), submitted.cycle_id, p.actor(), false);  // service_applications.cpp
    return http::json_response(200, to_json(m.profile_of(p.scope()), submitted));
  });

  router.add("POST", "/api/planning/proposals/{id}/verification", [&m](Request& req) {
    const auto& p = req.require("planning.coordinate");
    m.compare_with_applications(p.scope(), m.proposal_record(p.scope(), req.id_param("id")).cycle_id, p.actor(), true);
    return http::json_response(200,
                               to_json(m.profile_of(p.scope()), m.verify(p.scope(), req.id_param("id"), p.actor())));
  });

  router.add("POST", "/api/planning/proposals/{id}/approval", [&m](Request& req) {
    const auto& p = req.require("planning.coordinate");
    m.compare_with_applications(p.scope(), m.proposal_record(p.scope(), req.id_param("id")).cycle_id, p.actor(), true);
    return http::json_response(200,
                               to_json(m.profile_of(p.scope()), m.approve(p.scope(), req.id_param("id"), p.actor())));
  });

  router.add("POST", "/api/planning/proposals/{id}/return", [&m](Request& req) {
    const auto& p = req.require("planning.coordinate");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"reason"});
    auto reason = f.optional_multiline("reason", 2000).value_or("");
    return http::json_response(
        200, to_json(m.profile_of(p.scope()), m.send_back(p.scope(), req.id_param("id"), reason, p.actor())));
  });

  router.add("GET", "/api/planning/cycles/{id}/candidates", [&m](Request& req) {
    const auto& p = req.require("planning.read");
    auto q = candidate_query(req);
    q.cycle_id = req.id_param("id");
    return http::json_response(200, candidate_page(m.profile_of(p.scope()), q, m.candidates(p.scope(), q)));
  });

  // The candidate pairs of the tenant (or of one cycle), for the review queue, one page at a time.
  router.add("GET", "/api/planning/candidates", [&m](Request& req) {
    const auto& p = req.require("planning.read");
    auto q = candidate_query(req);
    q.cycle_id = http::query_id(req, "cycle");
    return http::json_response(200, candidate_page(m.profile_of(p.scope()), q, m.candidates(p.scope(), q)));
  });

  router.add("POST", "/api/planning/cycles/{id}/candidates/search", [&m](Request& req) {
    const auto& p = req.require("planning.coordinate");
    auto n = m.find_candidates(p.scope(), req.id_param("id"), p.actor()) +
             m.compare_with_applications(p.scope(), req.id_param("id"), p.actor(), true);
    return http::json_response(200, boost::json::object{{"new_candidates", n}});
  });

  router.add("POST", "/api/planning/candidates/{id}/decision", [&m](Request& req) {
    const auto& p = req.require("planning.coordinate");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"decision", "reason", "line_to_change"});
    auto decision = f.required_string("decision", 20);
    auto reason = f.optional_multiline("reason", 2000).value_or("");
    auto line = f.optional_string("line_to_change", 40).value_or("");
    // A line-application pair is decided at /api/planning/application-candidates/{id}/decision.
    if (m.is_application_candidate(p.scope(), req.id_param("id"))) throw Error(ErrorCode::PlanCandidateNotFound);
    return http::json_response(200, to_json(m.profile_of(p.scope()), m.decide(p.scope(), req.id_param("id"), decision,
                                                                              reason, line, p.actor())));
  });

  router.add("GET", "/api/planning/prices", [&m](Request& req) {
    const auto& p = req.require("planning.read");
    boost::json::array items;
    for (const auto& x : m.price_lists(p.scope())) items.push_back(to_json(x));
    return http::json_response(200, plan_page(std::move(items)));
  });

  // The standard unit price list (CSV or XLSX) of a year, set by the decree named in the query.
  router.add("POST", "/api/planning/prices/import", [&m](Request& req) {
    const auto& p = req.require("planning.prices");
    std::string dry = req.query_value("dry_run").value_or("true");
    if (dry != "true" && dry != "false") throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "dry_run"}});
    auto year = http::query_int(req, "year", 2000, 2100);
    if (!year) throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "year"}});
    auto number = req.query_value("decree_number").value_or("");
    auto date = req.query_value("decree_date").value_or("");
    if (number.size() > 200) throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "decree_number"}});
    auto slot = interchange::ImportSlot::acquire();
    auto result = m.import_prices(p.scope(), *year, number, date, req.body, dry == "true", p.actor());
    if (!result.dry_run && !result.problems.empty()) throw Error(ErrorCode::ImportHasProblems, to_json(result));
    return http::json_response(200, to_json(result));
  });

  // The duplicate finder's synonym list, which the Dinas maintains.
  router.add("GET", "/api/planning/synonyms", [&m](Request& req) {
    const auto& p = req.require("planning.read");
    boost::json::array items;
    for (const auto& x : m.synonyms(p.scope())) items.push_back({{"term", x.term}, {"canonical", x.canonical}});
    return http::json_response(200, plan_page(std::move(items)));
  });

  router.add("POST", "/api/planning/synonyms", [&m](Request& req) {
    const auto& p = req.require("planning.synonyms");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"term", "canonical"});
    auto term = f.required_string("term", 100);
    auto canonical = f.required_string("canonical", 100);
    auto x = m.add_synonym(p.scope(), term, canonical, p.actor());
    return http::json_response(201, boost::json::object{{"term", x.term}, {"canonical", x.canonical}});
  });

  router.add("DELETE", "/api/planning/synonyms", [&m](Request& req) {
    const auto& p = req.require("planning.synonyms");
    auto term = req.query_value("term").value_or("");
    if (term.empty() || term.size() > 100) throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "term"}});
    m.remove_synonym(p.scope(), term, p.actor());
    return http::no_content();
  });

  // A PD's verification result as a PDF.
  router.add("GET", "/api/planning/proposals/{id}/verification.pdf", [&m](Request& req) {
    const auto& p = req.require("planning.read");
    http::Response r;
    r.body = m.verification_pdf(p.scope(), req.id_param("id"));
    r.content_type = "application/pdf";
    r.set_header("Content-Disposition", "attachment; filename=\"hasil-verifikasi-anggaran-spbe.pdf\"");
    r.set_header("X-Content-Type-Options", "nosniff");
    return r;
  });

  // The consolidated budget as a workbook for entry into SIPD.
  router.add("GET", "/api/planning/cycles/{id}/consolidated.xlsx", [&m](Request& req) {
    const auto& p = req.require("planning.read");
    const auto& id = req.id_param("id");
    auto year = m.cycle(p.scope(), id).fiscal_year;
    http::Response r;
    r.body = m.consolidated_xlsx(p.scope(), id);
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    r.set_header("Content-Disposition", "attachment; filename=\"anggaran-spbe-" + std::to_string(year) + ".xlsx\"");
    r.set_header("X-Content-Type-Options", "nosniff");
    return r;
  });

  router.add("GET", "/api/planning/cycles/{id}/consolidated", [&m](Request& req) {
    const auto& p = req.require("planning.read");
    return http::json_response(200, to_json(m.profile_of(p.scope()), m.consolidated(p.scope(), req.id_param("id"))));
  });
}

}  // namespace simpul::planning
