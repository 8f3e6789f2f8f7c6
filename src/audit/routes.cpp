// /api/audit/* (docs/ict-audit.md).
#include "audit/routes.hpp"

#include "audit/errors.hpp"
#include "audit/json.hpp"
#include "http/attachment.hpp"
#include "http/json_io.hpp"
#include "http/request_params.hpp"

namespace simpul::audit {
namespace {

using http::FieldReader;
using http::Request;

/// The largest page of the due list.
constexpr int kMaxDuePage = 500;

std::vector<std::string_view> type_ids(const tenancy::Profile& p) {
  std::vector<std::string_view> out;
  for (const auto& t : audit_profile(p).types) out.push_back(t.id);
  return out;
}

Programme read_programme(const Request& req) {
  auto body = http::parse_json_object(req);
  FieldReader f(body, {"type", "kind", "title", "aspects", "object_ids", "auditor_kind", "auditor_name",
                       "auditor_reference", "planned_start", "planned_end", "internal_programme_id",
                       "team_decree_number", "team_decree_date", "letter"});
  Programme x;
  x.type = f.required_string("type", 40);
  x.kind = f.optional_string("kind", 20).value_or("eksternal");
  x.title = f.required_string("title", 200);
  x.aspects = f.optional_string_list("aspects", 4, 40).value_or(std::vector<std::string>{});
  x.object_ids = f.optional_string_list("object_ids", 500, 40).value_or(std::vector<std::string>{});
  for (const auto& id : x.object_ids) http::required_id(id, "object_ids");
  x.auditor_kind = f.optional_string("auditor_kind", 40).value_or("");
  x.auditor_name = f.required_string("auditor_name", 200);
  x.auditor_reference = f.optional_string("auditor_reference", 200).value_or("");
  x.planned_start = f.required_string("planned_start", 10);
  x.planned_end = f.required_string("planned_end", 10);
  if (auto i = f.optional_string("internal_programme_id", 40))
    x.internal_programme_id = http::required_id(*i, "internal_programme_id");
  x.team_decree_number = f.optional_string("team_decree_number", 100).value_or("");
  x.team_decree_date = f.optional_string("team_decree_date", 10).value_or("");
  if (auto letter = http::optional_object(body, "letter")) {
    FieldReader l(*letter, {"purpose", "scope", "authority", "duties", "reporting"});
    x.letter_purpose = l.optional_multiline("purpose", 2000).value_or("");
    x.letter_scope = l.optional_multiline("scope", 2000).value_or("");
    x.letter_authority = l.optional_multiline("authority", 2000).value_or("");
    x.letter_duties = l.optional_multiline("duties", 2000).value_or("");
    x.letter_reporting = l.optional_multiline("reporting", 2000).value_or("");
  }
  return x;
}

boost::json::object page(boost::json::array items) {
  auto n = items.size();
  return {{"items", std::move(items)}, {"total", n}};
}

}  // namespace

void register_routes(http::Router& router, Service& m) {
  router.add("GET", "/api/audit/options", [&m](Request& req) {
    const auto& p = req.require("audit.read");
    return http::json_response(200, options_json(m.profile_of(p.scope())));
  });

  router.add("GET", "/api/audit/objects", [&m](Request& req) {
    const auto& p = req.require("audit.read");
    const auto& profile = m.profile_of(p.scope());
    auto type = http::query_choice(req, "type", type_ids(profile));
    auto today = profile.today();
    boost::json::array items;
    for (const auto& d : m.objects(p.scope(), type)) items.push_back(to_json(profile, d, today));
    return http::json_response(200, page(std::move(items)));
  });

  // What falls due before the given horizon (default 90 days), overdue first, one page at a time,
  // with the counts per status of the whole filtered list.
  router.add("GET", "/api/audit/due", [&m](Request& req) {
    const auto& p = req.require("audit.read");
    const auto& profile = m.profile_of(p.scope());
    DueQuery q;
    q.type = http::query_choice(req, "type", type_ids(profile));
    q.agency_id = http::query_id(req, "agency");
    q.status = http::query_choice(req, "status", {"terlambat", "jatuh_tempo", "aman"});
    q.within_days = http::query_int(req, "within_days", 1, 3660).value_or(90);
    q.limit = http::query_int(req, "limit", 1, kMaxDuePage).value_or(50);
    q.offset = http::query_int(req, "offset", 0, 10'000'000).value_or(0);
    auto due = m.due(p.scope(), q);
    boost::json::array items;
    items.reserve(due.items.size());
    for (const auto& d : due.items) items.push_back(to_json(profile, d, due.today));
    boost::json::object totals;
    for (const auto& [status, n] : due.totals) totals[status] = n;
    boost::json::object out{{"items", std::move(items)}, {"total", due.total},          {"limit", q.limit},
                            {"offset", q.offset},        {"totals", std::move(totals)}, {"today", due.today},
                            {"horizon", due.horizon}};
    return http::json_response(200, std::move(out));
  });

  router.add("GET", "/api/audit/programmes", [&m](Request& req) {
    const auto& p = req.require("audit.read");
    const auto& profile = m.profile_of(p.scope());
    auto type = http::query_choice(req, "type", type_ids(profile));
    boost::json::array items;
    for (const auto& x : m.list(p.scope(), type)) items.push_back(to_json(profile, x));
    return http::json_response(200, page(std::move(items)));
  });

  router.add("POST", "/api/audit/programmes", [&m](Request& req) {
    const auto& p = req.require("audit.manage");
    auto in = read_programme(req);
    return http::json_response(201, to_json(m.profile_of(p.scope()), m.plan(p.scope(), std::move(in), p.actor())));
  });

  router.add("GET", "/api/audit/programmes/{id}", [&m](Request& req) {
    const auto& p = req.require("audit.read");
    const auto& profile = m.profile_of(p.scope());
    return http::json_response(200, to_json(profile, m.get(p.scope(), req.id_param("id"), profile.today())));
  });

  router.add("POST", "/api/audit/programmes/{id}/steps", [&m](Request& req) {
    const auto& p = req.require("audit.manage");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"to", "date"});
    auto to = f.required_string("to", 40);
    auto date = f.required_string("date", 10);
    const auto& profile = m.profile_of(p.scope());
    return http::json_response(
        200, to_json(profile, m.step(p.scope(), req.id_param("id"), to, date, p.actor(), profile.today())));
  });

  router.add("POST", "/api/audit/programmes/{id}/routing", [&m](Request& req) {
    const auto& p = req.require("audit.manage");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"sent_to_chair_on", "sent_to_head_on"});
    auto chair = f.required_string("sent_to_chair_on", 10);
    auto head = f.required_string("sent_to_head_on", 10);
    const auto& profile = m.profile_of(p.scope());
    return http::json_response(
        200, to_json(profile, m.route(p.scope(), req.id_param("id"), chair, head, p.actor(), profile.today())));
  });

  // A new version of the audit report: the raw file as the body (PDF or DOCX, checked by its
  // content), its name in ?filename= (shown and offered for download only, never a path).
  router.add("POST", "/api/audit/programmes/{id}/reports", [&m](Request& req) {
    const auto& p = req.require("audit.manage");
    const auto& id = req.id_param("id");
    auto filename = http::checked_filename(req.query_value("filename"), ErrorCode::ValidationInvalidValue);
    m.upload_report(p.scope(), id, filename, req.body, p.actor());
    const auto& profile = m.profile_of(p.scope());
    return http::json_response(201, to_json(profile, m.get(p.scope(), id, profile.today())));
  });

  router.add("GET", "/api/audit/reports/{id}/content", [&m](Request& req) {
    const auto& p = req.require("audit.read");
    auto [report, bytes] = m.download_report(p.scope(), req.id_param("id"));
    auto res = http::attachment(std::move(bytes), report.filename, report.content_type);
    res.set_header("X-Content-SHA256", report.sha256);
    return res;
  });

  router.add("GET", "/api/audit/programmes/{id}/summary.pdf", [&m](Request& req) {
    const auto& p = req.require("audit.read");
    return http::attachment(m.summary_pdf(p.scope(), req.id_param("id")), "ringkasan-audit-tik.pdf", "application/pdf");
  });

  router.add("GET", "/api/audit/summary.pdf", [&m](Request& req) {
    const auto& p = req.require("audit.read");
    int year =
        http::query_int(req, "year", 2000, 2100).value_or(std::stoi(m.profile_of(p.scope()).today().substr(0, 4)));
    return http::attachment(m.year_summary_pdf(p.scope(), year), "ringkasan-audit-tik-" + std::to_string(year) + ".pdf",
                            "application/pdf");
  });

  // A closed programme changes only through a logged correction: field, new value and why.
  router.add("POST", "/api/audit/programmes/{id}/corrections", [&m](Request& req) {
    const auto& p = req.require("audit.manage");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"field", "value", "reason"});
    auto field = f.required_string("field", 40);
    auto value = f.required_string("value", 200);
    auto reason = f.optional_multiline("reason", 2000).value_or("");
    const auto& profile = m.profile_of(p.scope());
    return http::json_response(200, to_json(profile, m.correct(p.scope(), req.id_param("id"), field, value, reason,
                                                               p.actor(), profile.today())));
  });

  // The coordination the region's article asks for on this audit type (e.g. with the ministry).
  router.add("POST", "/api/audit/programmes/{id}/coordination", [&m](Request& req) {
    const auto& p = req.require("audit.manage");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"date", "note"});
    auto date = f.required_string("date", 10);
    auto note = f.optional_multiline("note", 2000).value_or("");
    const auto& profile = m.profile_of(p.scope());
    return http::json_response(
        201, to_json(profile, m.coordinate(p.scope(), req.id_param("id"), date, note, p.actor(), profile.today())));
  });

  router.add("GET", "/api/audit/findings", [&m](Request& req) {
    const auto& p = req.require("audit.read");
    auto programme = http::query_id(req, "programme");
    auto agency = http::query_id(req, "agency");
    auto today = m.profile_of(p.scope()).today();
    boost::json::array items;
    for (const auto& f : m.findings(p.scope(), programme, agency)) items.push_back(to_json(f, today));
    return http::json_response(200, page(std::move(items)));
  });

  router.add("POST", "/api/audit/programmes/{id}/findings", [&m](Request& req) {
    const auto& p = req.require("audit.manage");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"object_id", "control_id", "severity", "title", "recommendation", "agency_id", "agreed_action",
                         "due_date"});
    Finding x;
    x.object_id = http::required_id(f.required_string("object_id", 40), "object_id");
    if (auto control = f.optional_string("control_id", 40)) x.control_id = http::required_id(*control, "control_id");
    x.severity = f.required_string("severity", 20);
    x.title = f.required_string("title", 300);
    x.recommendation = f.optional_multiline("recommendation", 4000).value_or("");
    x.agency_id = http::required_id(f.required_string("agency_id", 40), "agency_id");
    x.agreed_action = f.optional_multiline("agreed_action", 4000).value_or("");
    x.due_date = f.required_string("due_date", 10);
    auto today = m.profile_of(p.scope()).today();
    return http::json_response(201,
                               to_json(m.add_finding(p.scope(), req.id_param("id"), std::move(x), p.actor()), today));
  });

  // The responsible Perangkat Daerah records its follow-up; operators only for their own agency.
  router.add("POST", "/api/audit/findings/{id}/follow-up", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto finding = m.finding(req.require("audit.read").scope(), id);
    const auto& p = req.require_for_agency("audit.follow_up", finding.agency_id);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"evidence", "date"});
    auto evidence = f.optional_multiline("evidence", 4000).value_or("");
    auto date = f.required_string("date", 10);
    auto today = m.profile_of(p.scope()).today();
    return http::json_response(200, to_json(m.follow_up(p.scope(), id, evidence, date, p.actor(), today), today));
  });

  router.add("POST", "/api/audit/findings/{id}/verification", [&m](Request& req) {
    const auto& p = req.require("audit.verify");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"date"});
    auto date = f.required_string("date", 10);
    auto today = m.profile_of(p.scope()).today();
    return http::json_response(200, to_json(m.verify(p.scope(), req.id_param("id"), date, p.actor(), today), today));
  });
}

}  // namespace simpul::audit
