// /api/infrastructure/* (docs/infrastructure.md): parse, authorise, call the service, render.
#include "infrastructure/routes.hpp"

#include "core/clock.hpp"
#include "http/attachment.hpp"
#include "http/json_io.hpp"
#include "http/request_params.hpp"
#include "infrastructure/json.hpp"
#include "regulation/json.hpp"

namespace simpul::infrastructure {
namespace {

using http::FieldReader;
using http::Request;

constexpr const char* kRead = "infrastructure.read";
constexpr const char* kWrite = "infrastructure.write";
constexpr const char* kDecide = "infrastructure.decide";

boost::json::object listing(const boost::json::array& items) { return {{"items", items}, {"total", items.size()}}; }

template <typename T, typename F>
boost::json::array array_of(const std::vector<T>& xs, F&& f) {
  boost::json::array a;
  for (const auto& x : xs) a.push_back(f(x));
  return a;
}

std::string agency_field(const FieldReader& f, const char* key) {
  return http::required_id(f.required_string(key, 40), key);
}

/// The open findings of one object, as the compliance module renders them.
boost::json::array findings_of(Service& m, const Scope& s, const std::string& subject, const std::string& id) {
  const auto& p = m.profile_of(s);
  regulation::FindingFilter ff;
  ff.object_id = id;
  ff.subject = subject;
  std::int64_t total = 0;
  auto day = p.today();
  boost::json::array out;
  for (const auto& f : m.compliance().findings(s, ff, ListQuery{"", "", false, 1, 200}, day, total))
    if (f.state == "open") out.push_back(regulation::to_json(p, f, day));
  return out;
}

std::pair<architecture::ElementInput, ServerInput> read_server(const Request& req, bool create) {
  auto body = http::parse_json_object(req);
  FieldReader f(body, {"code", "name", "description", "owner_agency_id", "kind", "hosting", "environment", "managed_by",
                       "site_id", "rack_id", "hostname", "operating_system"});
  architecture::ElementInput e;
  if (create) {
    e.code = f.required_string("code", 40);
    e.name = f.required_string("name", 200);
    e.owner_agency_id = agency_field(f, "owner_agency_id");
  } else {
    e.code = f.optional_string("code", 40);
    e.name = f.optional_string("name", 200);
    if (auto o = f.optional_string("owner_agency_id", 40)) e.owner_agency_id = http::required_id(*o, "owner_agency_id");
  }
  e.description = f.optional_string("description", 4000);
  ServerInput r;
  r.kind = f.optional_string("kind", 20);
  r.hosting = f.optional_string("hosting", 20);
  r.environment = f.optional_string("environment", 20);
  r.managed_by = f.optional_string("managed_by", 20);
  r.hostname = f.optional_string("hostname", 253);
  r.operating_system = f.optional_string("operating_system", 120);
  for (auto [key, target] : {std::pair{"site_id", &r.site_id}, std::pair{"rack_id", &r.rack_id}})
    if (auto v = f.nullable_string(key, 40)) {
      if (*v) http::required_id(**v, key);
      *target = *v;
    }
  if (create && !r.hosting) throw Error(ErrorCode::ValidationMissingField, {{"field", "hosting"}});
  return {e, r};
}

boost::json::object server_detail(Service& m, const Scope& s, const std::string& id) {
  auto x = m.server(s, id);
  auto out = to_json(x);
  boost::json::array hosted;
  for (const auto& e : m.hosted(s, id))
    hosted.push_back({{"id", e.id}, {"code", e.code}, {"name", e.name}, {"domain", e.domain}});
  out["hosted"] = hosted;
  out["findings"] = findings_of(m, s, "server", id);
  out["notes"] = server_notes(m.profile_of(s), x);
  return out;
}

boost::json::object site_detail(Service& m, const Scope& s, const std::string& id) {
  auto out = to_json(m.site(s, id));
  out["racks"] = array_of(m.racks(s, id), [](const Rack& r) { return to_json(r); });
  out["assessments"] = array_of(m.assessments(s, id), [](const Assessment& a) { return to_json(a); });
  out["servers"] = array_of(m.servers(s, "", id), [](const Server& x) { return to_json(x); });
  out["findings"] = findings_of(m, s, "site", id);
  return out;
}

boost::json::object duty_detail(Service& m, const Scope& s, const std::string& id) {
  auto d = m.duty(s, id);
  boost::json::object out;
  for (const auto& v : m.board(s, d.agency_id, m.profile_of(s).today()))
    if (v.duty.id == id) out = to_json(v);
  out["runs"] = array_of(m.runs(s, id), [](const BackupRun& r) { return to_json(r); });
  out["restore_tests"] = array_of(m.restore_tests(s, id), [](const RestoreTest& t) { return to_json(t); });
  out["findings"] = findings_of(m, s, "backup_duty", id);
  return out;
}

boost::json::object lan_detail(Service& m, const Scope& s, const std::string& id) {
  auto out = to_json(m.lan(s, id));
  out["diagrams"] = array_of(m.diagrams(s, id), [](const Diagram& d) { return to_json(d); });
  out["findings"] = findings_of(m, s, "lan", id);
  return out;
}

void register_sites(http::Router& router, Service& m) {
  router.add("GET", "/api/infrastructure/options", [&m](Request& req) {
    const auto& p = req.require(kRead);
    return http::json_response(200, options_json(m.profile_of(p.scope())));
  });
  router.add("GET", "/api/infrastructure/sites", [&m](Request& req) {
    const auto& p = req.require(kRead);
    auto agency = http::query_id(req, "agency");
    return http::json_response(200,
                               listing(array_of(m.sites(p.scope(), agency), [](const Site& x) { return to_json(x); })));
  });
  router.add("POST", "/api/infrastructure/sites", [&m](Request& req) {
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"code", "name", "kind", "status", "agency_id", "location"});
    SiteInput in;
    in.code = f.required_string("code", 40);
    in.name = f.required_string("name", 200);
    in.kind = f.required_string("kind", 40);
    in.status = f.optional_string("status", 20).value_or("operasi");
    in.agency_id = agency_field(f, "agency_id");
    in.location = f.optional_string("location", 500).value_or("");
    const auto& p = req.require_for_agency(kWrite, in.agency_id);
    auto x = m.create_site(p.scope(), in, p.actor());
    return http::json_response(201, site_detail(m, p.scope(), x.id));
  });
  router.add("GET", "/api/infrastructure/sites/{id}", [&m](Request& req) {
    const auto& p = req.require(kRead);
    return http::json_response(200, site_detail(m, p.scope(), req.id_param("id")));
  });
  router.add("POST", "/api/infrastructure/sites/{id}/racks", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto site = m.site(req.require(kRead).scope(), id);
    const auto& p = req.require_for_agency(kWrite, site.agency_id);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"code", "units"});
    auto code = f.required_string("code", 40);
    auto units = static_cast<int>(f.optional_int("units", 1, 60).value_or(42));
    return http::json_response(201, to_json(m.add_rack(p.scope(), id, code, units, p.actor())));
  });
  // The Dinas assesses a PD's room: the assessor is not the room's owner.
  router.add("POST", "/api/infrastructure/sites/{id}/assessments", [&m](Request& req) {
    const auto& p = req.require(kDecide);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"date", "result", "assessor", "note"});
    Assessment a;
    a.date = f.required_string("date", 10);
    a.result = f.required_string("result", 20);
    a.assessor = f.required_string("assessor", 200);
    a.note = f.optional_multiline("note", 4000).value_or("");
    return http::json_response(201, to_json(m.assess(p.scope(), req.id_param("id"), a, p.actor())));
  });
}

void register_servers(http::Router& router, Service& m) {
  router.add("GET", "/api/infrastructure/servers", [&m](Request& req) {
    const auto& p = req.require(kRead);
    auto agency = http::query_id(req, "agency");
    auto site = http::query_id(req, "site");
    // Informational notes are counted apart from findings: they are not violations.
    const auto& profile = m.profile_of(p.scope());
    std::size_t notes = 0;
    auto list = listing(array_of(m.servers(p.scope(), agency, site), [&](const Server& x) {
      auto item = to_json(x);
      auto n = server_notes(profile, x);
      notes += n.size();
      item["notes"] = std::move(n);
      return item;
    }));
    list["note_count"] = notes;
    return http::json_response(200, list);
  });
  router.add("POST", "/api/infrastructure/servers", [&m](Request& req) {
    auto [element, record] = read_server(req, true);
    const auto& p = req.require_for_agency(kWrite, *element.owner_agency_id);
    auto x = m.create_server(p.scope(), element, record, p.actor());
    return http::json_response(201, server_detail(m, p.scope(), x.element.id));
  });
  router.add("GET", "/api/infrastructure/servers/{id}", [&m](Request& req) {
    const auto& p = req.require(kRead);
    return http::json_response(200, server_detail(m, p.scope(), req.id_param("id")));
  });
  router.add("PATCH", "/api/infrastructure/servers/{id}", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto current = m.server(req.require(kRead).scope(), id);
    const auto& p = req.require_for_agency(kWrite, current.element.owner_agency_id);
    auto [element, record] = read_server(req, false);
    if (element.owner_agency_id) req.require_for_agency(kWrite, *element.owner_agency_id);
    m.update_server(p.scope(), id, element, record, p.actor());
    return http::json_response(200, server_detail(m, p.scope(), id));
  });
}

void register_requests(http::Router& router, Service& m) {
  router.add("GET", "/api/infrastructure/requests", [&m](Request& req) {
    const auto& p = req.require(kRead);
    auto state = http::query_choice(req, "state", {"diajukan", "disetujui", "ditolak"});
    auto agency = http::query_id(req, "agency");
    const auto& profile = m.profile_of(p.scope());
    return http::json_response(200, listing(array_of(m.requests(p.scope(), state, agency),
                                                     [&](const HostingRequest& r) { return to_json(profile, r); })));
  });
  router.add("POST", "/api/infrastructure/requests", [&m](Request& req) {
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"agency_id", "kind", "purpose", "specification"});
    auto agency = agency_field(f, "agency_id");
    auto kind = f.required_string("kind", 20);
    auto purpose = f.required_string("purpose", 2000);
    auto spec = f.optional_multiline("specification", 4000).value_or("");
    const auto& p = req.require_for_agency(kWrite, agency);
    auto r = m.request(p.scope(), agency, kind, purpose, spec, p.actor());
    return http::json_response(201, to_json(m.profile_of(p.scope()), r));
  });
  router.add("GET", "/api/infrastructure/requests/{id}", [&m](Request& req) {
    const auto& p = req.require(kRead);
    return http::json_response(200, to_json(m.profile_of(p.scope()), m.get_request(p.scope(), req.id_param("id"))));
  });
  router.add("POST", "/api/infrastructure/requests/{id}/decision", [&m](Request& req) {
    const auto& p = req.require(kDecide);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"decision", "reasons"});
    auto decision = f.required_string("decision", 20);
    if (decision != "disetujui" && decision != "ditolak")
      throw Error(ErrorCode::ValidationInvalidValue,
                  {{"field", "decision"}, {"allowed", boost::json::array{"disetujui", "ditolak"}}});
    auto reasons = f.required_string("reasons", 4000);
    auto r = m.decide(p.scope(), req.id_param("id"), decision == "disetujui", reasons, p.actor());
    return http::json_response(200, to_json(m.profile_of(p.scope()), r));
  });
}

void register_backups(http::Router& router, Service& m) {
  router.add("GET", "/api/infrastructure/backup-duties", [&m](Request& req) {
    const auto& p = req.require(kRead);
    auto agency = http::query_id(req, "agency");
    auto board = m.board(p.scope(), agency, m.profile_of(p.scope()).today());
    return http::json_response(200, listing(array_of(board, [](const DutyView& v) { return to_json(v); })));
  });
  router.add("POST", "/api/infrastructure/backup-duties", [&m](Request& req) {
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"agency_id", "name", "data_element_id", "schedule_days", "retention_days", "target_site_id",
                         "restore_test_days", "performed_by", "owner_approval", "exception_basis"});
    BackupDuty d;
    d.agency_id = agency_field(f, "agency_id");
    d.name = f.required_string("name", 200);
    if (auto v = f.optional_string("data_element_id", 40)) d.data_element_id = http::required_id(*v, "data_element_id");
    d.schedule_days = static_cast<int>(f.optional_int("schedule_days", 1, 366).value_or(1));
    d.retention_days = static_cast<int>(f.optional_int("retention_days", 1, 3650).value_or(30));
    if (auto v = f.optional_string("target_site_id", 40)) d.target_site_id = http::required_id(*v, "target_site_id");
    d.restore_test_days = static_cast<int>(f.optional_int("restore_test_days", 1, 3650).value_or(180));
    d.performed_by = f.optional_string("performed_by", 20).value_or("pd");
    d.owner_approval = f.optional_string("owner_approval", 500).value_or("");
    d.exception_basis = f.optional_string("exception_basis", 500).value_or("");
    const auto& p = req.require_for_agency(kWrite, d.agency_id);
    auto created = m.create_duty(p.scope(), d, p.actor());
    return http::json_response(201, duty_detail(m, p.scope(), created.id));
  });
  router.add("GET", "/api/infrastructure/backup-duties/{id}", [&m](Request& req) {
    const auto& p = req.require(kRead);
    return http::json_response(200, duty_detail(m, p.scope(), req.id_param("id")));
  });
  // The documented endpoint a backup job (restic, Bareos) calls after each run with an API token.
  router.add("POST", "/api/infrastructure/backup-duties/{id}/runs", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto d = m.duty(req.require(kRead).scope(), id);
    const auto& p = req.require_for_agency(kWrite, d.agency_id);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"started_at", "finished_at", "result", "size_bytes", "tool", "note"});
    RunInput in;
    in.started_at = f.required_string("started_at", 40);
    in.finished_at = f.required_string("finished_at", 40);
    in.result = f.required_string("result", 20);
    in.size_bytes = f.optional_int("size_bytes", 0, std::int64_t{1} << 52).value_or(0);
    in.tool = f.optional_string("tool", 60).value_or("");
    in.note = f.optional_multiline("note", 2000).value_or("");
    in.source = p.via == http::Principal::Via::Token ? "api" : "manual";
    return http::json_response(201, to_json(m.record_run(p.scope(), id, in, p.actor())));
  });
  router.add("POST", "/api/infrastructure/backup-duties/{id}/restore-tests", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto d = m.duty(req.require(kRead).scope(), id);
    const auto& p = req.require_for_agency(kWrite, d.agency_id);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"date", "result", "note"});
    RestoreTest t;
    t.date = f.required_string("date", 10);
    t.result = f.required_string("result", 20);
    t.note = f.optional_multiline("note", 2000).value_or("");
    return http::json_response(201, to_json(m.record_restore_test(p.scope(), id, t, p.actor())));
  });
}

void register_network(http::Router& router, Service& m) {
  router.add("GET", "/api/infrastructure/lans", [&m](Request& req) {
    const auto& p = req.require(kRead);
    auto agency = http::query_id(req, "agency");
    return http::json_response(200,
                               listing(array_of(m.lans(p.scope(), agency), [](const Lan& l) { return to_json(l); })));
  });
  router.add("POST", "/api/infrastructure/lans", [&m](Request& req) {
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"agency_id", "name", "built_by", "registered_on"});
    Lan l;
    l.agency_id = agency_field(f, "agency_id");
    l.name = f.required_string("name", 200);
    l.built_by = f.optional_string("built_by", 20).value_or("dinas");
    l.registered_on = f.optional_string("registered_on", 10).value_or("");
    const auto& p = req.require_for_agency(kWrite, l.agency_id);
    if (l.registered_on.empty()) l.registered_on = m.profile_of(p.scope()).today();
    auto created = m.create_lan(p.scope(), l, p.actor());
    return http::json_response(201, lan_detail(m, p.scope(), created.id));
  });
  router.add("GET", "/api/infrastructure/lans/{id}", [&m](Request& req) {
    const auto& p = req.require(kRead);
    return http::json_response(200, lan_detail(m, p.scope(), req.id_param("id")));
  });
  // A new version of the LAN diagram: the raw file as the body, its name in ?filename=.
  router.add("POST", "/api/infrastructure/lans/{id}/diagrams", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto l = m.lan(req.require(kRead).scope(), id);
    const auto& p = req.require_for_agency(kWrite, l.agency_id);
    auto filename = http::checked_filename(req.query_value("filename"), ErrorCode::ValidationInvalidValue);
    return http::json_response(201, to_json(m.upload_diagram(p.scope(), id, filename, req.body, p.actor())));
  });
  router.add("GET", "/api/infrastructure/diagrams/{id}/content", [&m](Request& req) {
    const auto& p = req.require(kRead);
    auto [diagram, bytes] = m.download_diagram(p.scope(), req.id_param("id"));
    auto res = http::attachment(std::move(bytes), diagram.filename, diagram.content_type);
    res.set_header("X-Content-SHA256", diagram.sha256);
    return res;
  });
  router.add("GET", "/api/infrastructure/devices", [&m](Request& req) {
    const auto& p = req.require(kRead);
    auto agency = http::query_id(req, "agency");
    return http::json_response(
        200, listing(array_of(m.devices(p.scope(), agency), [](const Device& d) { return to_json(d); })));
  });
  router.add("POST", "/api/infrastructure/devices", [&m](Request& req) {
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"agency_id", "name", "kind", "coordination", "installed_on"});
    Device d;
    d.agency_id = agency_field(f, "agency_id");
    d.name = f.required_string("name", 200);
    d.kind = f.required_string("kind", 20);
    d.coordination = f.optional_string("coordination", 500).value_or("");
    d.last_change_on = f.required_string("installed_on", 10);
    const auto& p = req.require_for_agency(kWrite, d.agency_id);
    return http::json_response(201, to_json(m.create_device(p.scope(), d, p.actor())));
  });
  router.add("POST", "/api/infrastructure/devices/{id}/changes", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto d = m.device(req.require(kRead).scope(), id);
    const auto& p = req.require_for_agency(kWrite, d.agency_id);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"date", "change"});
    auto date = f.required_string("date", 10);
    auto what = f.required_string("change", 2000);
    return http::json_response(200, to_json(m.change_device(p.scope(), id, date, what, p.actor())));
  });
  router.add("POST", "/api/infrastructure/devices/{id}/change-reports", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto d = m.device(req.require(kRead).scope(), id);
    const auto& p = req.require_for_agency(kWrite, d.agency_id);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"date", "summary"});
    auto date = f.required_string("date", 10);
    auto summary = f.required_string("summary", 4000);
    return http::json_response(200, to_json(m.report_change(p.scope(), id, date, summary, p.actor())));
  });
}

}  // namespace

void register_routes(http::Router& router, Service& m) {
  register_sites(router, m);
  register_servers(router, m);
  register_requests(router, m);
  register_backups(router, m);
  register_network(router, m);
}

}  // namespace simpul::infrastructure
