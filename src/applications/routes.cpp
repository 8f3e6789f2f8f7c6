// /api/applications/*, /api/recommendations/* and /api/artifacts/* (docs/applications.md).
#include "applications/routes.hpp"

#include "applications/audit_due.hpp"
#include "applications/inventory_import.hpp"
#include "applications/json.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"
#include "http/attachment.hpp"
#include "http/json_io.hpp"
#include "http/request_params.hpp"
#include "regulation/json.hpp"

namespace simpul::applications {
namespace {

using http::FieldReader;
using http::Request;

/// The Pemda's local date: the "today" of gates and deadlines.
std::string today(const Service& m, const Scope& s) { return m.profile_of(s).today(); }

/// Element fields and record fields from one body; `create` requires what a new application needs.
std::pair<architecture::ElementInput, RecordInput> read_application(const Request& req, bool create) {
  auto body = http::parse_json_object(req);
  FieldReader f(body, {"code", "name", "description", "owner_agency_id", "reference_code", "category", "url",
                       "operator_agency_id", "builder", "vendor_name", "source_model", "hosting", "subdomain",
                       "contact_email", "similar_to_umum", "justification", "last_audit_date"});
  architecture::ElementInput e;
  if (create) {
    e.code = f.required_string("code", 40);
    e.name = f.required_string("name", 200);
    e.owner_agency_id = http::required_id(f.required_string("owner_agency_id", 40), "owner_agency_id");
  } else {
    e.code = f.optional_string("code", 40);
    e.name = f.optional_string("name", 200);
    if (auto o = f.optional_string("owner_agency_id", 40)) e.owner_agency_id = http::required_id(*o, "owner_agency_id");
  }
  e.description = f.optional_string("description", 4000);
  if (auto r = f.nullable_string("reference_code", 40)) e.reference_code = *r;
  boost::json::object attributes;
  for (const char* key : {"category", "url"})
    if (auto v = f.nullable_string(key, 500))
      attributes[key] = *v ? boost::json::value(**v) : boost::json::value(nullptr);
  if (create && !attributes.contains("category"))
    throw Error(ErrorCode::ValidationMissingField, {{"field", "category"}});
  if (!attributes.empty()) e.attributes = attributes;

  RecordInput r;
  if (auto o = f.nullable_string("operator_agency_id", 40)) {
    if (*o) http::required_id(**o, "operator_agency_id");
    r.operator_agency_id = *o;
  }
  r.last_audit_date = f.nullable_string("last_audit_date", 10);
  r.builder = f.optional_string("builder", 40);
  r.vendor_name = f.optional_string("vendor_name", 200);
  r.source_model = f.optional_string("source_model", 40);
  r.hosting = f.optional_string("hosting", 40);
  r.subdomain = f.optional_string("subdomain", 253);
  r.contact_email = f.optional_string("contact_email", 200);
  r.similar_to_umum = f.optional_bool("similar_to_umum");
  r.justification = http::optional_object(body, "justification");
  return {e, r};
}

Filter read_filter(const Request& req, const tenancy::Profile& p) {
  Filter f;
  f.agency_id = http::query_id(req, "agency");
  std::vector<std::string_view> stages{"pensiun"}, categories;
  for (const auto& s : p.applications.stages) stages.push_back(s.id);
  if (const auto* e = p.enumeration(p.applications.categories))
    for (const auto& c : e->items) categories.push_back(c.id);
  f.stage = http::query_choice(req, "stage", stages);
  f.category = http::query_choice(req, "category", categories);
  return f;
}

/// Writes need the permission for the application's owner agency (operators: their own only).
const http::Principal& require_write(Service& m, const Request& req, const std::string& id) {
  auto app = m.get(req.require("applications.read").scope(), id);
  return req.require_for_agency("applications.write", app.element.owner_agency_id);
}

boost::json::object detail(Service& m, const Scope& s, const std::string& id) {
  const auto& p = m.profile_of(s);
  auto app = m.get(s, id);
  auto out = to_json(p, app);
  boost::json::array recommendations, considerations, tests, artifacts, moves, findings;
  for (const auto& r : m.recommendations(s, "", id)) recommendations.push_back(to_json(r));
  for (const auto& c : m.considerations(s, id)) considerations.push_back(to_json(c));
  for (const auto& t : m.tests(s, id)) tests.push_back(to_json(t));
  for (const auto& a : m.artifacts(s, id)) artifacts.push_back(to_json(a));
  for (const auto& mv : m.moves(s, id, today(m, s))) moves.push_back(to_json(mv));
  regulation::FindingFilter ff;
  ff.object_id = id;
  ff.subject = "application";
  std::int64_t total = 0;
  auto day = today(m, s);
  for (const auto& f : m.compliance().findings(s, ff, ListQuery{"", "", false, 1, 200}, day, total))
    if (f.state != "resolved") findings.push_back(regulation::to_json(p, f, day));
  auto [services, data_sets] = m.linked(s, id);
  auto brief = [](const std::vector<architecture::Element>& elements) {
    boost::json::array a;
    for (const auto& e : elements) a.push_back({{"id", e.id}, {"code", e.code}, {"name", e.name}});
    return a;
  };
  out["services"] = brief(services);
  out["data_sets"] = brief(data_sets);
  out["recommendations"] = recommendations;
  out["considerations"] = considerations;
  out["tests"] = tests;
  out["artifacts"] = artifacts;
  out["gates"] = boost::json::object{{"stage", out["stage"]}, {"moves", moves}};
  out["findings"] = findings;
  boost::json::array warnings;
  for (const auto& v : m.early_warnings(s, id, day)) {
    const auto& spec = *v.rule->spec;
    const auto* rule = p.rule(spec.rule);
    warnings.push_back({{"rule",
                         {{"id", spec.rule},
                          {"citation", rule ? rule->citation : ""},
                          {"title", spec.title},
                          {"title_en", spec.title_en}}},
                        {"details", v.details}});
  }
  out["warnings"] = std::move(warnings);
  // The next audit the regulation asks for, shown before it is overdue (the finding comes after).
  if (auto due = audit_due(p, m.fact(s, id), day)) {
    const auto* rule = p.rule(due->spec->rule);
    out["audit_due"] = {{"date", due->date},
                        {"overdue", due->overdue},
                        {"basis", due->basis},
                        {"since", due->since},
                        {"rule",
                         {{"id", due->spec->rule},
                          {"citation", rule ? rule->citation : ""},
                          {"title", due->spec->title},
                          {"title_en", due->spec->title_en}}}};
  } else {
    out["audit_due"] = nullptr;
  }
  return out;
}

}  // namespace

void register_routes(http::Router& router, Service& m) {
  router.add("GET", "/api/applications/options", [&m](Request& req) {
    const auto& p = req.require("applications.read");
    return http::json_response(200, options_json(m.profile_of(p.scope())));
  });

  router.add("GET", "/api/applications", [&m](Request& req) {
    const auto& p = req.require("applications.read");
    const auto& profile = m.profile_of(p.scope());
    auto filter = read_filter(req, profile);
    auto q = http::parse_list_query(req, {"code", "name", "updated_at"});
    std::int64_t total = 0;
    boost::json::array items;
    for (const auto& a : m.list(p.scope(), filter, q, total)) items.push_back(to_json(profile, a));
    return http::list_response(items, total, q);
  });

  router.add("POST", "/api/applications", [&m](Request& req) {
    auto [element, record] = read_application(req, true);
    const auto& p = req.require_for_agency("applications.write", *element.owner_agency_id);
    auto app = m.create(p.scope(), element, record, p.actor());
    return http::json_response(201, detail(m, p.scope(), app.element.id));
  });

  router.add("GET", "/api/applications/{id}", [&m](Request& req) {
    const auto& p = req.require("applications.read");
    return http::json_response(200, detail(m, p.scope(), req.id_param("id")));
  });

  router.add("PATCH", "/api/applications/{id}", [&m](Request& req) {
    const auto& id = req.id_param("id");
    const auto& p = require_write(m, req, id);
    auto [element, record] = read_application(req, false);
    if (element.owner_agency_id) req.require_for_agency("applications.write", *element.owner_agency_id);
    m.update(p.scope(), id, element, record, p.actor());
    return http::json_response(200, detail(m, p.scope(), id));
  });

  router.add("GET", "/api/applications/{id}/gates", [&m](Request& req) {
    const auto& p = req.require("applications.read");
    const auto& id = req.id_param("id");
    auto app = m.get(p.scope(), id);
    boost::json::array moves, stages;
    for (const auto& mv : m.moves(p.scope(), id, today(m, p.scope()))) moves.push_back(to_json(mv));
    return http::json_response(200, boost::json::object{{"stage", to_json(m.profile_of(p.scope()), app).at("stage")},
                                                        {"stages", options_json(m.profile_of(p.scope())).at("stages")},
                                                        {"moves", moves}});
  });

  router.add("POST", "/api/applications/{id}/stage", [&m](Request& req) {
    const auto& id = req.id_param("id");
    const auto& p = require_write(m, req, id);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"to", "note"});
    auto to = f.required_string("to", 40);
    auto note = f.optional_string("note", 2000).value_or("");
    m.move(p.scope(), id, to, note, p.actor(), today(m, p.scope()));
    return http::json_response(200, detail(m, p.scope(), id));
  });

  router.add("POST", "/api/applications/{id}/recommendations", [&m](Request& req) {
    const auto& id = req.id_param("id");
    const auto& p = require_write(m, req, id);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"purpose", "justification"});
    auto purpose = f.required_string("purpose", 2000);
    auto justification = f.optional_string("justification", 4000).value_or("");
    return http::json_response(201,
                               to_json(m.request_recommendation(p.scope(), id, purpose, justification, p.actor())));
  });

  router.add("GET", "/api/recommendations", [&m](Request& req) {
    const auto& p = req.require("applications.read");
    auto state = http::query_choice(req, "state", {"diajukan", "disetujui", "ditolak"});
    boost::json::array items;
    for (const auto& r : m.recommendations(p.scope(), state, "")) items.push_back(to_json(r));
    return http::json_response(200, boost::json::object{{"items", items}, {"total", items.size()}});
  });

  router.add("POST", "/api/recommendations/{id}/decision", [&m](Request& req) {
    const auto& p = req.require("applications.recommend");
    const auto& id = req.id_param("id");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"decision", "reasons"});
    auto decision = f.required_string("decision", 20);
    if (decision != "disetujui" && decision != "ditolak")
      throw Error(ErrorCode::ValidationInvalidValue,
                  {{"field", "decision"}, {"allowed", boost::json::array{"disetujui", "ditolak"}}});
    auto reasons = f.required_string("reasons", 4000);
    return http::json_response(
        200, to_json(m.decide(p.scope(), id, decision == "disetujui", reasons, p.actor(), today(m, p.scope()))));
  });

  router.add("POST", "/api/applications/{id}/considerations", [&m](Request& req) {
    const auto& p = req.require("applications.recommend");
    const auto& id = req.id_param("id");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"kind", "reference", "date", "decision", "note"});
    Consideration c;
    c.kind = f.required_string("kind", 60);
    c.reference = f.required_string("reference", 200);
    c.date = f.required_string("date", 10);
    c.decision = f.required_string("decision", 20);
    c.note = f.optional_string("note", 2000).value_or("");
    return http::json_response(201, to_json(m.consider(p.scope(), id, c, p.actor())));
  });

  router.add("POST", "/api/applications/{id}/tests", [&m](Request& req) {
    const auto& id = req.id_param("id");
    const auto& p = require_write(m, req, id);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"date", "release", "result", "summary"});
    TestRecord t;
    t.date = f.required_string("date", 10);
    t.release = f.optional_string("release", 40).value_or("");
    t.result = f.required_string("result", 10);
    t.summary = f.optional_string("summary", 4000).value_or("");
    return http::json_response(201, to_json(m.record_test(p.scope(), id, t, p.actor())));
  });

  router.add("POST", "/api/applications/{id}/artifacts", [&m](Request& req) {
    const auto& id = req.id_param("id");
    const auto& p = require_write(m, req, id);
    auto filename = http::checked_filename(req.query_value("filename"), ErrorCode::ArtifactBadFilename);
    auto kind = req.query_value("kind").value_or("");
    if (kind.empty() || kind.size() > 60) throw Error(ErrorCode::ValidationMissingField, {{"field", "kind"}});
    auto release = req.query_value("release").value_or("");
    if (release.size() > 40 || !text::is_valid_utf8(release))
      throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "release"}});
    return http::json_response(201, to_json(m.upload(p.scope(), id, kind, release, filename, req.body, p.actor())));
  });

  // Madiun Pasal 24 ayat (4): a Dinas reviewer confirms that the source code explains each procedure.
  router.add("POST", "/api/artifacts/{id}/explanations", [&m](Request& req) {
    const auto& p = req.require("applications.recommend");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"note"});
    auto note = f.optional_multiline("note", 2000).value_or("");
    return http::json_response(200, to_json(m.confirm_explanations(p.scope(), req.id_param("id"), note, p.actor())));
  });

  router.add("GET", "/api/artifacts/{id}/content", [&m](Request& req) {
    const auto& p = req.require("applications.read");
    auto [artifact, bytes] = m.download(p.scope(), req.id_param("id"));
    auto res = http::attachment(std::move(bytes), artifact.filename, "application/octet-stream");
    res.set_header("X-Content-SHA256", artifact.sha256);
    return res;
  });

  register_import_routes(router, m);
}

}  // namespace simpul::applications
