// Tenant isolation across the whole API, on both databases.
//
// Tenant A (the Balikpapan demo) holds records in every module, their free text marked
// "RAHASIA-A". Tenant B (Bontang) has one user per role and records of its own. The operations
// come from the running platform's own OpenAPI document, so a new endpoint is covered as soon as
// it is documented (and the OpenAPI test keeps the document complete):
//   1. before B exists, A's administrator crawls every GET operation, from the parameterless
//      lists into every detail, export and download, learning A's ids from the answers;
//   2. each of B's users (one per role) calls every URL that showed A's data to A: only 403/404
//      may come back;
//   3. each of B's users calls every parameterless list, export and download, and every URL of
//      B's own records: no answer may hold one of A's ids or A's marker text (XLSX unpacked,
//      PDF streams inflated);
//   4. each of B's users sends every documented write to A's records: refused exactly as for a
//      record that never existed, and A's ledger does not grow;
//   5. B's own writes that name A's records in their bodies are refused the same way.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <unordered_map>

#include "api_harness.hpp"
#include "pdf_text.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"
#include "gateway/body_store.hpp"
#include "gateway/control/control_plane.hpp"
#include "gateway/control/data_plane.hpp"
#include "gateway/message_log.hpp"
#include "interchange/xlsx.hpp"
#include "storage/unit_of_work.hpp"

using namespace simpul;
using namespace simpul::api_test;
namespace json = boost::json;

namespace {

/// Every free-text field of tenant A carries this, so a search of any answer finds a leak.
constexpr std::string_view kMarkerA = "rahasia-a";  // compared case-insensitively

class TenantIsolationTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

std::string str(const json::value& v, const char* key) { return std::string(v.at(key).as_string()); }

/// A POST that must succeed; returns the id of the record it made or changed ("" when none).
std::string create(Client& c, const std::string& path, const std::string& body) {
  auto r = c.post(path, body);
  EXPECT_TRUE(r.status == 200 || r.status == 201) << "POST " << path << " " << body << ": " << r.body;
  const auto* id = r.json.is_object() ? r.json.as_object().if_contains("id") : nullptr;
  return id && id->is_string() ? std::string(id->as_string()) : "";
}

Reply upload(Client& c, const std::string& path, const std::string& bytes) {
  auto r = c.send("POST", path, bytes, {{"content-type", "application/octet-stream"}});
  EXPECT_EQ(r.status, 201) << "POST " << path << ": " << r.body;
  return r;
}

std::string user_id(Client& c) { return str(c.get("/api/auth/me").json.at("user"), "id"); }

// ---------------------------------------------------------------------------------------------
// The two tenants

/// Tenant A: the Balikpapan demo (organisation, users, gateway services, a consumer, requests and
/// a grant) and, through the API, a record in every other module. Returns A's administrator.
Client seed_tenant_a(Instance& in) {
  auto admin = admin_client(in, "balikpapan");
  auto kominfo = agency_id(admin, "DISKOMINFO"), dinkes = agency_id(admin, "DINKES"), setda = agency_id(admin, "SETDA");

  // Organisation and identity: an agency, people with the roles the workflows below need, a team
  // member and an API token.
  create(admin, "/api/agencies", R"({"code":"RHSA","name":"RAHASIA-A Badan Sandi","type":"badan_daerah"})");
  auto reviewer = user(in, admin, "balikpapan", "rahasia-a.penelaah", "technical_reviewer", kominfo);
  auto approver = user(in, admin, "balikpapan", "rahasia-a.sekda", "approver", setda);
  auto entry = user(in, admin, "balikpapan", "rahasia-a.entri", "assessor", kominfo);
  auto pj = user(in, admin, "balikpapan", "rahasia-a.pj", "assessor", kominfo);
  auto teams = admin.get("/api/teams").json;
  for (const auto& t : teams.as_array())
    if (t.at("kind") == "tim_koordinasi")
      create(admin, "/api/teams/" + str(t, "id") + "/members",
             R"({"user_id":")" + user_id(approver) + R"(","position_id":"koordinator_ketua"})");
  create(admin, "/api/auth/tokens", R"({"name":"RAHASIA-A sinkronisasi"})");
  // A second approver waits for a confirmation: a pending role grant.
  create(
      admin, "/api/users",
      R"({"username":"rahasia-a.calon","display_name":"RAHASIA-A Calon Sekda","password":"kata-sandi-panjang","roles":["approver"]})");

  // Applications: a live application with a decided recommendation, a test, its handover files in
  // the Repositori and the two Pasal 13 violations that make it sanctionable.
  auto app = create(
      admin, "/api/applications",
      R"({"code":"APL-RHSA","name":"RAHASIA-A SIPAS","owner_agency_id":")" + dinkes +
          R"(","category":"aplikasi_umum","subdomain":"sipas.example.com","contact_email":"rahasia-a@gmail.com","hosting":"pusat_data_kolokasi"})");
  create(admin, "/api/applications/" + app + "/stage", R"({"to":"perencanaan"})");
  auto rec =
      create(admin, "/api/applications/" + app + "/recommendations", R"({"purpose":"RAHASIA-A layanan terpadu"})");
  create(reviewer, "/api/recommendations/" + rec + "/decision",
         R"({"decision":"disetujui","reasons":"RAHASIA-A sesuai arsitektur"})");
  create(admin, "/api/applications/" + app + "/tests",
         R"({"date":"2026-02-01","release":"1.0","result":"lulus","summary":"RAHASIA-A uji"})");
  for (const char* doc : {"dokumen_kebutuhan", "dokumen_perancangan", "manual_pengguna", "kode_sumber"})
    upload(admin,
           "/api/applications/" + app + "/artifacts?kind=" + std::string(doc) + "&release=1.0&filename=rahasia-a-" +
               doc + ".pdf",
           "RAHASIA-A isi " + std::string(doc));
  for (const char* stage : {"rancang_bangun", "implementasi", "pengujian_kelaikan", "pemeliharaan"})
    create(admin, "/api/applications/" + app + "/stage", R"({"to":")" + std::string(stage) + "\"}");

  // Architecture: a service supported by the application, a planned application, an approved
  // architecture document with a review, a roadmap initiative with monitoring.
  auto service = create(
      admin, "/api/architecture/elements",
      R"({"domain":"layanan","code":"LYN-RHSA","name":"RAHASIA-A Layanan Sandi","owner_agency_id":")" + dinkes + "\"}");
  create(admin, "/api/architecture/relations",
         R"({"source_id":")" + service + R"(","type":"supported_by","target_id":")" + app + "\"}");
  auto planned =
      create(admin, "/api/architecture/elements",
             R"({"domain":"aplikasi","code":"APL-RHSA-2","name":"RAHASIA-A Aplikasi Rencana","owner_agency_id":")" +
                 dinkes + R"(","state":"to_be"})");
  auto doc = create(admin, "/api/architecture/documents",
                    R"({"kind":"arsitektur","period_start":2025,"title":"RAHASIA-A Arsitektur"})");
  create(approver, "/api/architecture/documents/" + doc + "/approve",
         R"({"instrument_number":"RAHASIA-A/188.45/2025","instrument_date":"2025-03-01"})");
  create(
      admin, "/api/architecture/documents/" + doc + "/reviews",
      R"({"date":"2025-06-01","reasons":["perubahan_rpjmd"],"outcome":"tetap","summary":"RAHASIA-A telaah","decree_number":"RAHASIA-A/9"})");
  auto initiative =
      create(admin, "/api/roadmap/initiatives",
             R"({"code":"P-RHSA","name":"RAHASIA-A Program","category":"aplikasi_spbe","owner_agency_id":")" + dinkes +
                 R"(","start_year":2026,"target_year":2027,"elements":[{"element_id":")" + planned +
                 R"(","effect":"create"}]})");
  create(admin, "/api/roadmap/initiatives/" + initiative + "/monitoring",
         R"({"year":2026,"progress":40,"status":"berjalan","note":"RAHASIA-A catatan"})");

  // Compliance: the evaluation finds the Pasal 13 violations; the violation is made old (found in
  // 2024), the Sekda's oral warning of 2024-01-10 leads the next evaluation to propose the
  // reprimand, which the Sekda gives with its signed letter; one finding is waived.
  create(admin, "/api/compliance/evaluate", "");
  auto findings = admin.get("/api/compliance/findings?per_page=200&object=" + app).json.at("items").as_array();
  std::string subdomain, email;
  for (const auto& f : findings) {
    if (f.at("rule").at("id") == "BPN-13-1") subdomain = str(f, "id");
    if (f.at("rule").at("id") == "BPN-13-2") email = str(f, "id");
  }
  EXPECT_FALSE(subdomain.empty() || email.empty()) << json_text(json::value(findings));
  storage::write_transaction(in.db(), [&](storage::Connection& c) {
    c.execute("UPDATE compliance_findings SET first_seen_at = ? WHERE id = ?", {"2024-01-01T00:00:00Z", subdomain});
  });
  create(approver, "/api/compliance/findings/" + subdomain + "/sanctions",
         R"({"step":"peringatan_lisan","date":"2024-01-10","note":"RAHASIA-A rapat"})");
  create(approver, "/api/compliance/findings/" + email + "/waive", R"({"reason":"RAHASIA-A alamat resmi diproses"})");
  create(admin, "/api/compliance/evaluate", "");
  create(approver, "/api/compliance/findings/" + subdomain + "/sanctions",
         R"({"step":"surat_teguran","date":")" + clock::latest_indonesian_date() + R"(","note":"RAHASIA-A teguran"})");

  // Evaluation: a corrected framework version, a period with members, an answer, a comment and
  // an evidence file.
  auto framework = admin.get("/api/evaluation/frameworks/spbe-2020").json;
  const auto& aspects =
      framework.as_object().contains("domains") ? framework.at("domains").at(0).at("aspects") : framework.at("aspects");
  auto first = str(aspects.at(0).at("indicators").at(0), "id");
  create(admin, "/api/evaluation/frameworks/spbe-2020/versions",
         R"({"base_version":1,"note":"RAHASIA-A koreksi","corrections":{"indicators":[{"id":")" + first +
             R"(","name":"RAHASIA-A indikator"}]}})");
  auto period = create(admin, "/api/evaluation/periods", R"({"year":2025,"title":"RAHASIA-A Evaluasi 2025"})");
  create(admin, "/api/evaluation/periods/" + period + "/members",
         R"({"user_id":")" + user_id(entry) + R"(","role":"data_entry"})");
  create(admin, "/api/evaluation/periods/" + period + "/members",
         R"({"user_id":")" + user_id(pj) + R"(","role":"penanggung_jawab"})");
  auto answer = "/api/evaluation/periods/" + period + "/indicators/" + first;
  auto put = entry.send("PUT", answer + "/answer", R"({"level":3,"explanation":"RAHASIA-A penjelasan"})");
  EXPECT_EQ(put.status, 200) << put.body;
  create(entry, answer + "/comments", R"({"text":"RAHASIA-A komentar"})");
  upload(entry, answer + "/evidence?filename=rahasia-a-bukti.pdf&level=1", "RAHASIA-A bukti dukung");

  // Infrastruktur SPBE: a site with a server, a request, a backup duty with a run, a LAN with its
  // diagram and a network device.
  auto site = create(
      admin, "/api/infrastructure/sites",
      R"({"code":"PD-RHSA","name":"RAHASIA-A Pusat Data","kind":"pusat_data_pemda","agency_id":")" + kominfo + "\"}");
  auto server = create(admin, "/api/infrastructure/servers",
                       R"({"code":"SRV-RHSA","name":"RAHASIA-A Server","owner_agency_id":")" + dinkes +
                           R"(","hosting":"kolokasi","site_id":")" + site + "\"}");
  create(admin, "/api/infrastructure/requests",
         R"({"agency_id":")" + dinkes + R"(","kind":"vps","purpose":"RAHASIA-A server aplikasi"})");
  auto duty =
      create(admin, "/api/infrastructure/backup-duties",
             R"({"agency_id":")" + dinkes + R"(","name":"RAHASIA-A basis data","target_site_id":")" + site + "\"}");
  create(
      admin, "/api/infrastructure/backup-duties/" + duty + "/runs",
      R"({"started_at":"2026-12-01T01:00:00Z","finished_at":"2026-12-01T01:10:00Z","result":"ok","tool":"RAHASIA-A restic"})");
  auto lan = create(admin, "/api/infrastructure/lans", R"({"agency_id":")" + dinkes + R"(","name":"RAHASIA-A LAN"})");
  upload(admin, "/api/infrastructure/lans/" + lan + "/diagrams?filename=rahasia-a-lan.pdf",
         "%PDF-1.4 RAHASIA-A diagram");
  create(admin, "/api/infrastructure/devices",
         R"({"agency_id":")" + dinkes + R"(","name":"RAHASIA-A Router","kind":"router","installed_on":"2026-01-10"})");
  // Bandwidth and WAN: a PD's request, two counter readings of October 2026 and that month's
  // evaluation, a WAN link run by the Dinas.
  create(admin, "/api/infrastructure/bandwidth/requests",
         R"({"agency_id":")" + dinkes + R"(","need_mbps":20,"justification":"RAHASIA-A telemedis"})");
  create(admin, "/api/infrastructure/bandwidth/samples",
         R"({"samples":[{"agency_id":")" + dinkes +
             R"(","interface":"rahasia-a-ge0","at":"2026-10-15T03:00:00Z","in_octets":0,"out_octets":0},)"
             R"({"agency_id":")" +
             dinkes +
             R"(","interface":"rahasia-a-ge0","at":"2026-10-15T03:05:00Z","in_octets":37500000,"out_octets":1000}]})");
  create(admin, "/api/infrastructure/bandwidth/evaluations", R"({"month":"2026-10"})");
  create(admin, "/api/infrastructure/wan-links",
         R"({"code":"WAN-RHSA","name":"RAHASIA-A WAN","from_agency_id":")" + kominfo + R"(","to_agency_id":")" +
             dinkes + R"(","medium":"fiber_optik","capacity_mbps":1000})");

  // Service desk: a holiday, a Level 1 agent of DINKES and a ticket the administrator opened for
  // DINKES, put on hold by the agent (which tells the administrator in the inbox).
  create(admin, "/api/servicedesk/holidays", R"({"date":"2026-12-25","name":"RAHASIA-A Hari Raya Natal"})");
  create(admin, "/api/servicedesk/services",
         R"({"code":"LYN-RHSA","name":"RAHASIA-A Layanan Sandi","name_en":"RAHASIA-A Cipher service","agency_id":")" +
             kominfo + R"(","sla_class":"tinggi","element_ids":[")" + service + "\"]}");
  auto desk_agent = user(in, admin, "balikpapan", "rahasia-a.l1", "agency_operator", dinkes);
  create(admin, "/api/servicedesk/agents", R"({"user_id":")" + user_id(desk_agent) + R"(","tier":1})");
  auto ticket =
      create(admin, "/api/servicedesk/tickets",
             R"({"type":"gangguan","title":"RAHASIA-A printer","urgency":"tinggi","impact":"sedang","agency_id":")" +
                 dinkes + "\"}");
  create(desk_agent, "/api/servicedesk/tickets/" + ticket + "/actions", R"({"action":"assign"})");
  create(desk_agent, "/api/servicedesk/tickets/" + ticket + "/actions",
         R"({"action":"pend","reason":"RAHASIA-A menunggu suku cadang"})");
  upload(desk_agent, "/api/servicedesk/tickets/" + ticket + "/attachments?filename=rahasia-a-foto.txt",
         "RAHASIA-A lampiran tiket");
  create(
      desk_agent, "/api/servicedesk/articles",
      R"({"title":"RAHASIA-A cara memasang printer","body":"RAHASIA-A langkah demi langkah","visibility":"public"})");

  // Audit TIK: an infrastructure audit programme of the server, begun, with its report file.
  auto audit =
      create(admin, "/api/audit/programmes",
             R"({"type":"infrastruktur","title":"RAHASIA-A audit","aspects":["tata_kelola"],"object_ids":[")" + server +
                 R"("],"auditor_kind":"lembaga_pemerintah","auditor_name":"BSSN","auditor_reference":"AKR-01/2024",)"
                 R"("planned_start":"2027-02-01","planned_end":"2027-03-01"})");
  EXPECT_EQ(admin.post("/api/audit/programmes/" + audit + "/steps", R"({"to":"dimulai","date":"2026-12-01"})").status,
            200);
  upload(admin, "/api/audit/programmes/" + audit + "/reports?filename=rahasia-a-laporan.pdf",
         "%PDF-1.4 RAHASIA-A laporan audit");

  // Rencana dan Anggaran SPBE: a cycle opened by the planning PD; DINKES and DISDUKCAPIL propose
  // the same line (a duplicate candidate), serving the planned element and the initiative.
  // DISDUKCAPIL also proposes to build an application like DISKOMINFO's live one: on submission
  // the comparison with the register makes it an application candidate (aplikasi_pd_lain_mirip).
  create(
      admin, "/api/architecture/elements",
      R"({"domain":"aplikasi","code":"APL-RHSA-3","name":"RAHASIA-A Aplikasi Presensi Pegawai","owner_agency_id":")" +
          kominfo + "\"}");
  auto planner = user(in, admin, "balikpapan", "rahasia-a.perencana", "planner", agency_id(admin, "BAPPEDALITBANG"));
  auto budget = create(
      planner, "/api/planning/cycles",
      R"({"fiscal_year":2027,"title":"RAHASIA-A Anggaran","submission_deadline":"2099-01-01","verification_deadline":"2099-02-01"})");
  for (const auto& code : {"DINKES", "DISDUKCAPIL"}) {
    auto proposal = create(admin, "/api/planning/cycles/" + budget + "/proposals",
                           R"({"agency_id":")" + agency_id(admin, code) + "\"}");
    create(admin, "/api/planning/proposals/" + proposal + "/lines",
           R"({"sub_activity":"RAHASIA-A sub kegiatan","account_code":"5.1.02.01.01.0024","name":"RAHASIA-A laptop",)"
           R"("volume":[{"quantity":2,"unit":"Unit"}],"unit_price":15000000,"funding_source":"apbd","element_ids":[")" +
               planned + R"("],"initiative_id":")" + initiative + "\"}");
    if (std::string(code) == "DISDUKCAPIL")
      create(admin, "/api/planning/proposals/" + proposal + "/lines",
             R"({"sub_activity":"RAHASIA-A sub kegiatan","account_code":"5.1.02.01.01.0024",)"
             R"("name":"RAHASIA-A Pengembangan Aplikasi Presensi Pegawai","volume":[{"quantity":1,"unit":"Paket"}],)"
             R"("unit_price":50000000,"funding_source":"apbd","element_ids":[")" +
                 planned + R"("],"initiative_id":")" + initiative + "\"}");
    create(admin, "/api/planning/proposals/" + proposal + "/submission", "{}");
  }
  auto application_candidates = admin.get("/api/planning/cycles/" + budget + "/application-candidates");
  EXPECT_GE(application_candidates.json.at("total").as_int64(), 1) << application_candidates.body;
  return admin;
}

/// Tenant B: Bontang, a second tenant of the same instance. Its own agency, one user per role of
/// the platform (read from /api/roles, so a new role is covered too) and a few records.
struct TenantB {
  Client admin;
  std::vector<std::pair<std::string, Client>> users;  // role, signed-in user; the administrator first
  std::map<std::string, std::string> ids;             // "agency", "application", ... -> B's record
  Client& as(const std::string& role) {
    return std::find_if(users.begin(), users.end(), [&](const auto& u) { return u.first == role; })->second;
  }
};

TenantB seed_tenant_b(Instance& in) {
  TenantB b{admin_client(in, "bontang"), {}, {}};
  auto& admin = b.admin;
  auto& ids = b.ids;
  ids["agency"] =
      create(admin, "/api/agencies", R"({"code":"DISKOMINFO","name":"MILIK-B Diskominfo","type":"dinas_daerah"})");
  b.users.emplace_back("tenant_admin", admin);
  auto roles = admin.get("/api/roles").json;
  for (const auto& role : roles.as_array()) {
    auto id = str(role, "id");
    if (id != "tenant_admin") b.users.emplace_back(id, user(in, admin, "bontang", "milik-b." + id, id, ids["agency"]));
  }
  ids["application"] = create(admin, "/api/applications",
                              R"({"code":"APL-B","name":"MILIK-B Aplikasi","owner_agency_id":")" + ids["agency"] +
                                  R"(","category":"aplikasi_umum"})");
  create(admin, "/api/applications/" + ids["application"] + "/recommendations", R"({"purpose":"MILIK-B tujuan"})");
  upload(admin, "/api/applications/" + ids["application"] + "/artifacts?kind=lainnya&release=1.0&filename=milik-b.pdf",
         "MILIK-B isi");
  ids["element"] = create(
      admin, "/api/architecture/elements",
      R"({"domain":"layanan","code":"LYN-B","name":"MILIK-B Layanan","owner_agency_id":")" + ids["agency"] + "\"}");
  create(admin, "/api/architecture/documents", R"({"kind":"arsitektur","period_start":2025})");
  create(admin, "/api/compliance/evaluate", "");
  // Bontang Pasal 49: the assessor team's data-entry position makes B's assessor the period's data entry.
  auto teams = admin.get("/api/teams").json;
  for (const auto& t : teams.as_array())
    if (t.at("kind") == "tim_asesor_internal") ids["team"] = str(t, "id");
  create(admin, "/api/teams/" + ids["team"] + "/members",
         R"({"user_id":")" + user_id(b.as("assessor")) + R"(","position_id":"pelaksana_data_entri"})");
  ids["period"] = create(admin, "/api/evaluation/periods", R"({"year":2025,"title":"MILIK-B Evaluasi"})");
  ids["service"] = create(
      admin, "/api/gateway/services",
      R"({"code":"pajak","name":"MILIK-B Layanan Pajak","upstream_base_url":"http://127.0.0.1:9000/api","owner_agency_id":")" +
          ids["agency"] + R"(","policy":{"allowed_networks":["127.0.0.0/8"],"rate_per_second":10,"burst":20}})");
  auto consumer = admin.post("/api/gateway/consumers",
                             R"({"name":"MILIK-B Aplikasi Konsumen","agency_id":")" + ids["agency"] + "\"}");
  EXPECT_EQ(consumer.status, 201) << consumer.body;
  ids["consumer"] = consumer.status == 201 ? str(consumer.json.at("consumer"), "id") : "";
  return b;
}

/// The data plane's traces of a tenant's first service and consumer: two exchanges in the signed
/// message log with their bodies stored (`said` is what the consumer sent), and the tenant's lines
/// in the status document of the running gateway instance, which all tenants share.
void add_gateway_traffic(Instance& in, Client& c, const std::string& said, json::object& status) {
  auto first_id = [&](const std::string& path) { return str(c.get(path).json.at("items").at(0), "id"); };
  auto service = first_id("/api/gateway/services"), consumer = first_id("/api/gateway/consumers");
  const auto& config = in.platform().config();
  auto log = gateway::MessageLog::open(config.gateway_log_dir(),
                                       gateway::control::load_or_create_gateway_key(config.gateway_key_path()), {});
  ASSERT_NE(log, nullptr);
  gateway::BodyStore store(gateway::bodies_dir_of(config.gateway_log_dir()));
  const std::string request = R"({"q":")" + said + R"("})", response = R"({"found":")" + said + R"("})";
  for (int i = 0; i < 2; ++i) {
    gateway::ExchangeRecord r;
    r.time_us = 1795000000000000 + static_cast<std::int64_t>(status.at("recent").as_array().size()) * 10 + i;
    r.request_id = crypto::new_id();
    r.consumer_id = consumer;
    r.service_id = service;
    r.method = "POST";
    r.path = "/cari";
    r.status = 200;
    r.request_sha256 = crypto::sha256_hex(request);
    r.response_sha256 = crypto::sha256_hex(response);
    r.bodies_stored = true;
    ASSERT_TRUE(store.save(r.time_us, r.request_id, {{request, "application/json"}, {response, "application/json"}}));
    ASSERT_EQ(log->append(r), gateway::LogStatus::ok);
  }
  ASSERT_EQ(log->close(), gateway::LogStatus::ok);

  status["services"].as_array().push_back(json::object{{"id", service},
                                                       {"requests", 2},
                                                       {"responses_2xx", 2},
                                                       {"responses_4xx", 0},
                                                       {"responses_5xx", 0},
                                                       {"refused", 0},
                                                       {"bytes_in", 10},
                                                       {"bytes_out", 20},
                                                       {"latency_p50_ms", 1.5},
                                                       {"latency_p99_ms", 9.0},
                                                       {"health", "sehat"},
                                                       {"health_checked_at", "2026-11-23T10:00:00Z"},
                                                       {"health_error", nullptr}});
  status["consumers"].as_array().push_back(json::object{{"id", consumer}, {"requests", 2}, {"refused", 0}});
  status["recent"].as_array().push_back(json::object{{"time", "2026-11-23T10:00:01Z"},
                                                     {"request_id", "r"},
                                                     {"consumer_id", consumer},
                                                     {"service_id", service},
                                                     {"method", "POST"},
                                                     {"path", "/cari"},
                                                     {"status", 200},
                                                     {"total_ms", 2.0},
                                                     {"error_code", nullptr}});
  gateway::control::save_status(in.db(), "gw-1", json::serialize(status));
}

// ---------------------------------------------------------------------------------------------
// The operations, from the platform's own OpenAPI document

/// One operation of the OpenAPI document.
struct Operation {
  std::string method;                                       // GET, POST, ...
  std::string path;                                         // template: /api/applications/{id}/gates
  std::vector<std::string> params;                          // path parameters, in order
  std::map<std::string, std::vector<std::string>> choices;  // a parameter's enumerated values
  bool paged = false;                                       // takes page and per_page
  json::value body_schema;                                  // request body schema, $ref resolved

  /// The path up to the first parameter ("/api/applications" for "/api/applications/{id}").
  std::string collection() const { return path.substr(0, path.find("/{")); }
  std::string url(const std::vector<std::string>& values) const {
    std::string out = path;
    for (std::size_t i = 0; i < params.size(); ++i) {
      auto at = out.find("{" + params[i] + "}");
      out.replace(at, params[i].size() + 2, values[i]);
    }
    return out;
  }
};

const json::value& resolved(const json::object& doc, const json::value& schema) {
  if (schema.is_object() && schema.as_object().contains("$ref")) {
    std::string ref(schema.at("$ref").as_string());  // "#/components/schemas/X"
    return doc.at("components").at("schemas").at(ref.substr(ref.rfind('/') + 1));
  }
  return schema;
}

std::vector<Operation> operations_of(Client& anyone) {
  auto r = anyone.get("/api/openapi.json");
  EXPECT_EQ(r.status, 200);
  const auto& doc = r.json.as_object();
  std::vector<Operation> out;
  for (const auto& [path, ops] : doc.at("paths").as_object())
    for (const auto& [method, op] : ops.as_object()) {
      Operation o{text::to_upper_ascii(method), std::string(path), {}, {}, false, nullptr};
      if (op.as_object().contains("parameters"))
        for (const auto& p : op.at("parameters").as_array()) {
          auto name = str(p, "name");
          if (p.at("in") == "path") {
            o.params.push_back(name);
            if (const auto* e = p.at("schema").as_object().if_contains("enum"))
              for (const auto& v : e->as_array()) o.choices[name].emplace_back(v.as_string());
          }
          o.paged = o.paged || name == "per_page";
        }
      if (const auto* body = op.as_object().if_contains("requestBody"))
        if (const auto* c = body->at("content").as_object().if_contains("application/json"))
          o.body_schema = resolved(doc, c->at("schema"));
      out.push_back(std::move(o));
    }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading answers: the values that name records, and the text a leak would show in

/// A value of an answer that may name a record: under "id", "..._id(s)" or a key that is also a
/// path parameter ("seq"), with where it sits.
struct Value {
  std::string text;
  std::string key;
  std::string container;            // the key holding its object: "artifacts" for {"artifacts":[{"id":..}]}
  std::vector<std::string> owners;  // ids of the enclosing objects, outermost first
};

bool usable_in_path(const std::string& s) {
  if (s.empty() || s.size() > 60) return false;
  for (unsigned char ch : s)
    if (!std::isalnum(ch) && ch != '.' && ch != '_' && ch != '-') return false;
  return true;
}

std::string scalar_text(const json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_int64()) return std::to_string(v.as_int64());
  if (v.is_uint64()) return std::to_string(v.as_uint64());
  return "";
}

/// `key` is the key under which v sits (for an array's elements, the array's key).
void collect_values(const json::value& v, const std::string& key, const std::set<std::string>& keys,
                    std::vector<std::string>& owners, std::vector<Value>& out) {
  if (v.is_object()) {
    const auto& o = v.as_object();
    std::string own = o.contains("id") ? scalar_text(o.at("id")) : "";
    if (usable_in_path(own)) out.push_back({own, "id", key, owners});
    if (!own.empty()) owners.push_back(own);
    for (const auto& [k, x] : o)
      if (k != "id") collect_values(x, std::string(k), keys, owners, out);
    if (!own.empty()) owners.pop_back();
  } else if (v.is_array()) {
    for (const auto& x : v.as_array()) collect_values(x, key, keys, owners, out);
  } else if (key.ends_with("_id") || key.ends_with("_ids") || keys.count(key)) {
    auto t = scalar_text(v);
    if (usable_in_path(t)) out.push_back({t, key, "", owners});
  }
}

/// Every token of a text shaped like one of our ids (20 lowercase base32 characters).
std::vector<std::string> id_tokens(std::string_view s) {
  std::vector<std::string> out;
  auto is_b32 = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'); };
  for (std::size_t i = 0; i < s.size();) {
    if (!is_b32(s[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && is_b32(s[j])) ++j;
    if (j - i == 20) out.emplace_back(s.substr(i, 20));
    i = j;
  }
  return out;
}

enum class Kind { json, text, pdf, xlsx };

Kind kind_of(const Reply& r) {
  if (r.body.rfind("%PDF", 0) == 0) return Kind::pdf;
  if (r.body.rfind("PK\x03\x04", 0) == 0) return Kind::xlsx;
  return r.json.is_null() ? Kind::text : Kind::json;
}

/// What a person could read in an answer: JSON and text as they are, the cells of an XLSX
/// workbook, the text of a PDF.
std::string readable_text(const Reply& r) {
  switch (kind_of(r)) {
    case Kind::pdf:
      return pdf_text(r.body);
    case Kind::xlsx: {
      std::string out;
      try {
        for (const auto& sheet : interchange::read_xlsx(r.body))
          for (const auto& row : sheet.rows)
            for (const auto& cell : row) out += cell + "\n";
      } catch (const std::exception& e) {
        ADD_FAILURE() << "an answer that looks like a workbook cannot be read: " << e.what();
      }
      return out;
    }
    default:
      return r.body;
  }
}

/// What marks an answer as showing tenant A's records: A's ids, and A's marker text.
struct Markers {
  std::unordered_map<std::string, std::string> ids;  // id -> the first URL where A saw it

  /// Learns A's ids from a JSON answer A got at `url`: every string that is an id as a whole
  /// (parts of digests and signatures can look like ids too, and would make the search flaky).
  void learn(const json::value& v, const std::string& url) {
    if (v.is_string() && crypto::looks_like_id(v.as_string())) ids.emplace(v.as_string(), url);
    if (v.is_array())
      for (const auto& x : v.as_array()) learn(x, url);
    if (v.is_object())
      for (const auto& [k, x] : v.as_object()) learn(x, url);
  }
  /// A's marker text in a text ("" when none).
  static std::string text_mark(const std::string& text) {
    auto at = text::to_lower_ascii(text).find(kMarkerA);
    return at == std::string::npos ? "" : "A's text \"" + text.substr(at, 40) + "\"";
  }
  /// The first mark of A in the answer ("" when none), ignoring the values the caller sent.
  std::string find(const Reply& r, const std::set<std::string>& sent = {}) const {
    auto text = readable_text(r);
    for (const auto& t : id_tokens(text))
      if (auto it = ids.find(t); it != ids.end() && !sent.count(t))
        return "A's id " + t + " (A saw it at " + it->second + ")";
    return text_mark(text);
  }
};

// ---------------------------------------------------------------------------------------------
// The crawl

/// Everything one user can open by following the ids in the answers: each parameterless GET
/// (every page of a paged list), then each parameterised GET with the values the answers so far
/// offer for its parameters, until no new URL turns up.
class Crawl {
 public:
  struct Page {
    std::string op;                    // the operation's path template
    std::vector<std::string> binding;  // the values of its parameters
    Reply reply;
    std::vector<Value> values;
  };

  Crawl(Client& as, const std::vector<Operation>& ops) : as_(as) {
    for (const auto& o : ops)
      if (o.method == "GET") gets_.push_back(o);
    for (const auto& o : ops)
      for (const auto& p : o.params) keys_.insert(p);
  }

  void run() {
    for (const auto& o : gets_)
      if (o.params.empty()) open_list(o);
    // Each round may turn up values that open further records (an evidence id in an indicator).
    for (int round = 0; round < 8; ++round) {
      auto before = tried_.size();
      for (const auto& o : gets_)
        if (!o.params.empty()) open_details(o, false);
      if (tried_.size() == before) break;
    }
    // The last resort for an operation that opened nothing yet: every value seen, as first parameter.
    for (const auto& o : gets_)
      if (!o.params.empty() && !opened_.count(o.path)) open_details(o, true);
  }

  const std::vector<Operation>& gets() const { return gets_; }
  const std::map<std::string, Page>& pages() const { return pages_; }  // URL -> 2xx answer
  std::size_t requests() const { return tried_.size(); }
  bool opened(const std::string& op) const { return opened_.count(op) > 0; }

  /// Candidates for parameter j of o, given the values of the parameters before it, most likely
  /// first: ids of records (objects listed under the path segment before the parameter, as an
  /// "artifacts" entry for /api/artifacts/{id}; entries of the collection's list; objects inside
  /// the record named before), then the other values of the answers about the collection the path
  /// starts with (j = 0) or about the record named before (j > 0).
  std::vector<std::string> candidates(const Operation& o, std::size_t j, const std::vector<std::string>& bound,
                                      bool everything) const {
    const auto& name = o.params[j];
    if (o.choices.count(name)) return o.choices.at(name);
    auto before = o.path.substr(0, o.path.find("{" + name + "}") - 1);
    auto segment = before.substr(before.rfind('/') + 1);
    std::map<std::string, int> rank;  // value -> 0 (names a record of that kind) or 1
    auto add = [&](const Value& v, bool entry) {
      int r = v.key == "id" && (entry || v.container == segment) ? 0 : 1;
      auto [it, inserted] = rank.emplace(v.text, r);
      if (!inserted) it->second = std::min(it->second, r);
    };
    if (auto it = listed_under_.find(segment); it != listed_under_.end())
      for (const Value* v : it->second) add(*v, false);
    if (j > 0) {
      const auto& parent = bound[j - 1];
      if (auto it = about_.find(parent); it != about_.end())
        for (const Value* v : it->second) add(*v, !v->owners.empty() && v->owners.back() == parent);
    } else {
      auto c = o.collection();
      for (const auto& [url, p] : pages_) {
        auto path = url.substr(0, url.find('?'));
        if (everything || path == c || path.rfind(c + "/", 0) == 0)
          for (const auto& v : p.values) add(v, path == c && v.owners.empty());
      }
    }
    for (const auto& b : bound) rank.erase(b);
    std::vector<std::pair<int, std::string>> sorted;
    for (const auto& [text, r] : rank) sorted.emplace_back(r, text);
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::string> out;
    for (auto& [r, text] : sorted) out.push_back(std::move(text));
    return out;
  }

  /// The ids of the entries of every list whose path ends with `segment` (the application candidates
  /// of /api/planning/cycles/{id}/application-candidates for "application-candidates"): records that
  /// a write names by id while no GET opens them one by one.
  std::vector<std::string> entries_of_lists_named(const std::string& segment) const {
    std::set<std::string> out;
    for (const auto& [url, p] : pages_)
      if (p.op.ends_with("/" + segment))
        for (const auto& v : p.values)
          if (v.key == "id" && v.owners.empty()) out.insert(v.text);
    return {out.begin(), out.end()};
  }

  /// The values the next parameter took in the URLs that answered, for operations whose path
  /// starts with `prefix` ("/api/applications/{id}"), given the values of the parameters before.
  std::vector<std::string> opened_values(const std::string& prefix, const std::vector<std::string>& bound) const {
    std::set<std::string> out;
    for (const auto& [url, p] : pages_)
      if (p.op.rfind(prefix, 0) == 0 && p.binding.size() > bound.size() &&
          std::equal(bound.begin(), bound.end(), p.binding.begin()))
        out.insert(p.binding[bound.size()]);
    return {out.begin(), out.end()};
  }

 private:
  Reply fetch(const std::string& url) {
    tried_.insert(url);
    return as_.get(url);
  }

  void keep(const Operation& o, const std::string& url, std::vector<std::string> binding, Reply r) {
    if (r.status < 200 || r.status > 299) return;
    auto& p = pages_.emplace(url, Page{o.path, std::move(binding), std::move(r), {}}).first->second;
    std::vector<std::string> owners;
    if (!p.reply.json.is_null()) collect_values(p.reply.json, "", keys_, owners, p.values);
    for (const auto& v : p.values) {
      if (v.key == "id" && !v.container.empty()) listed_under_[v.container].push_back(&v);
      for (const auto& owner : v.owners) about_[owner].push_back(&v);
      for (const auto& b : p.binding) about_[b].push_back(&v);
    }
    opened_.insert(o.path);
  }

  void open_list(const Operation& o) {
    if (!o.paged) return keep(o, o.path, {}, fetch(o.path));
    for (int page = 1;; ++page) {
      auto url = o.path + "?per_page=200&page=" + std::to_string(page);
      auto r = fetch(url);
      bool more = r.status == 200 && r.json.is_object() && r.json.as_object().contains("total") &&
                  r.json.at("total").to_number<std::int64_t>() > page * 200;
      keep(o, url, {}, std::move(r));
      if (!more) break;
    }
  }

  void open_details(const Operation& o, bool everything) {
    std::vector<std::vector<std::string>> bindings;
    std::vector<std::string> bound;
    bind(o, bound, bindings, everything);
    for (auto& b : bindings) {
      auto url = o.url(b);
      if (tried_.count(url)) continue;
      keep(o, url, b, fetch(url));
    }
  }

  void bind(const Operation& o, std::vector<std::string>& bound, std::vector<std::vector<std::string>>& out,
            bool everything) const {
    if (bound.size() == o.params.size()) return out.push_back(bound);
    for (const auto& v : candidates(o, bound.size(), bound, everything && bound.empty())) {
      bound.push_back(v);
      bind(o, bound, out, everything);
      bound.pop_back();
    }
  }

  Client& as_;
  std::vector<Operation> gets_;
  std::set<std::string> keys_;  // path parameter names: an answer's value under such a key names a record
  std::map<std::string, Page> pages_;
  std::map<std::string, std::vector<const Value*>> listed_under_;  // "artifacts" -> ids of the objects listed there
  std::map<std::string, std::vector<const Value*>> about_;         // id -> values of the answers and objects about it
  std::set<std::string> tried_;
  std::set<std::string> opened_;
};

/// Up to three bindings of a write operation's parameters to records of A: per parameter, the
/// values A's own GETs of the same record took (GET /api/applications/{id} for POST
/// /api/applications/{id}/stage), else the crawl's most likely candidates that are A's ids (a
/// recommendation from GET /api/recommendations for POST /api/recommendations/{id}/decision), else
/// the entries of a list named like the parameter's segment (an application candidate from GET
/// /api/planning/cycles/{id}/application-candidates for POST /api/planning/application-candidates/{id}/decision).
std::vector<std::vector<std::string>> targets_in_a(const Crawl& crawl, const Operation& o, const Markers& markers) {
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> bound;
  std::function<void()> extend = [&] {
    if (bound.size() == o.params.size()) return out.push_back(bound);
    const auto& name = o.params[bound.size()];
    auto values = crawl.opened_values(o.path.substr(0, o.path.find("{" + name + "}") + name.size() + 2), bound);
    if (values.empty())
      for (auto& v : crawl.candidates(o, bound.size(), bound, false))
        if (markers.ids.count(v)) values.push_back(std::move(v));
    if (values.empty()) {
      auto before = o.path.substr(0, o.path.find("{" + name + "}") - 1);
      for (auto& v : crawl.entries_of_lists_named(before.substr(before.rfind('/') + 1)))
        if (markers.ids.count(v)) values.push_back(std::move(v));
    }
    // Three records of the first parameter, the likeliest record inside each for the others.
    for (std::size_t i = 0; i < values.size() && i < (bound.empty() ? 3u : 1u); ++i) {
      bound.push_back(values[i]);
      extend();
      bound.pop_back();
    }
  };
  extend();
  return out;
}

bool is_success(int status) { return status >= 200 && status <= 299; }

std::int64_t ledger_size_of(Instance& in, const std::string& tenant_slug) {
  auto tenant = in.platform().tenancy().tenant_by_slug(tenant_slug)->id;
  return storage::read(in.db(), [&](storage::Connection& c) {
    return c.query("SELECT COUNT(*) FROM ledger_entries WHERE tenant_id = ?", {tenant})[0].int_at(0);
  });
}

/// A body that passes the shape checks of a documented request schema where it can: every
/// required field with a plain value of its type, so the refusal is about the record, not the body.
json::value benign(const json::value& schema) {
  if (!schema.is_object()) return json::object{};
  const auto& s = schema.as_object();
  if (const auto* e = s.if_contains("enum")) return e->as_array().at(0);
  auto type = s.contains("type") ? std::string(s.at("type").as_string()) : "object";
  if (type == "string") return "x";
  if (type == "integer" || type == "number") return 1;
  if (type == "boolean") return false;
  if (type == "array") return json::array{};
  json::object out;
  if (const auto* req = s.if_contains("required"))
    for (const auto& name : req->as_array()) {
      const auto* props = s.if_contains("properties");
      const auto* p = props ? props->as_object().if_contains(name.as_string()) : nullptr;
      out[name.as_string()] = p ? benign(*p) : json::value("x");
    }
  return out;
}

}  // namespace

/// The answers of tenant B that show or change tenant A's records, reported together.
class Leaks {
 public:
  void add(const std::string& role, const std::string& request, const Reply& r, const std::string& why) {
    all_.push_back("B's " + role + ": " + request + " -> " + std::to_string(r.status) + ", " + why);
  }
  bool empty() const { return all_.empty(); }
  std::string report() const {
    std::string out = std::to_string(all_.size()) + " answers to tenant B show or change tenant A's records:";
    for (std::size_t i = 0; i < all_.size() && i < 40; ++i) out += "\n  " + all_[i];
    return out;
  }

 private:
  std::vector<std::string> all_;
};

struct Tally {
  std::size_t probes = 0, shared = 0, own_reads = 0;
  std::map<int, std::size_t> writes;  // status -> count
};

/// Step 2: each of B's users on every URL that showed A one of A's records. Only a refusal may
/// come back; an answer is allowed only for reference data every tenant reads (a regulation
/// profile, a national framework): no id of A in the URL, nothing of A in the answer.
void probe_urls_of_a(TenantB& b, const Crawl& crawl_a, const Markers& markers, Leaks& leaks, Tally& tally) {
  for (auto& [role, c] : b.users)
    for (const auto& [url, page] : crawl_a.pages()) {
      if (page.binding.empty()) continue;  // the parameterless ones are step 3
      ++tally.probes;
      auto r = c.get(url);
      if (r.status == 403 || r.status == 404) continue;
      std::set<std::string> sent(page.binding.begin(), page.binding.end());
      bool names_a_record =
          std::any_of(sent.begin(), sent.end(), [&](const auto& v) { return markers.ids.count(v) > 0; });
      auto mark = is_success(r.status) ? markers.find(r, sent) : "";
      if (is_success(r.status) && !names_a_record && mark.empty()) {
        ++tally.shared;
        continue;
      }
      leaks.add(role, "GET " + url, r,
                !mark.empty()          ? "shows " + mark
                : is_success(r.status) ? "opens A's record"
                                       : "neither 403 nor 404");
    }
}

/// Step 3: each of B's users on every parameterless list, export and download, and every URL of
/// B's own records: nothing of A in any answer.
void read_own_records(TenantB& b, const Crawl& crawl_b, const Markers& markers, Leaks& leaks, Tally& tally) {
  for (auto& [role, c] : b.users)
    for (const auto& [url, page] : crawl_b.pages()) {
      ++tally.own_reads;
      auto r = &c == &b.users.front().second ? page.reply : c.get(url);  // the crawl was the administrator's
      if (auto mark = markers.find(r); !mark.empty()) leaks.add(role, "GET " + url, r, "shows " + mark);
    }
}

/// Why an answer about A's record tells B more than the answer about a missing one.
std::string unlike_missing(const Reply& r, const Reply& missing) {
  return (r.error_code().empty() ? "" : r.error_code() + ", ") + "while a record that never existed gets " +
         std::to_string(missing.status) + " " + missing.error_code();
}

/// Step 4: each of B's users sends every documented write to A's records, with a body that passes
/// the shape checks where the document describes them. A's record must look exactly like one that
/// never existed (same status and error), so B learns nothing and changes nothing.
void write_to_a(TenantB& b, const std::vector<Operation>& ops, const Crawl& crawl_a, const Markers& markers,
                Leaks& leaks, Tally& tally) {
  for (const auto& o : ops) {
    if (o.method == "GET" || o.params.empty()) continue;
    // A service-desk holiday is named by its date, which every tenant may share: checked apart
    // (the test body removes B's 25 December and A's stays).
    if (o.path.find("{date}") != std::string::npos) continue;
    auto targets = targets_in_a(crawl_a, o, markers);
    EXPECT_FALSE(targets.empty()) << o.method << " " << o.path << ": no record of tenant A to aim at";
    auto body = o.method == "DELETE" ? std::string() : json::serialize(benign(o.body_schema));
    for (const auto& binding : targets) {
      if (std::none_of(binding.begin(), binding.end(), [&](const auto& v) { return markers.ids.count(v) > 0; }))
        continue;
      auto fresh = binding;
      for (auto& v : fresh)
        if (markers.ids.count(v)) v = crypto::new_id();
      for (auto& [role, c] : b.users) {
        auto r = c.send(o.method, o.url(binding), body);
        auto missing = c.send(o.method, o.url(fresh), body);
        ++tally.writes[r.status];
        if (is_success(r.status) || r.status != missing.status || r.error_code() != missing.error_code())
          leaks.add(role, o.method + " " + o.url(binding) + " " + body, r, unlike_missing(r, missing));
      }
    }
  }
}

/// Step 5: B's own writes that name one of A's records in their body: an access request to A's
/// service, a relation to A's element, A's user in B's team, A's application as evidence, a record
/// owned by A's agency. The document does not describe these bodies, so they are listed here. Each
/// must be refused exactly as when the named record never existed.
void refer_to_a(TenantB& b, Client& a, Leaks& leaks, Tally& tally) {
  auto first = [](Client& c, const std::string& path) {
    auto r = c.get(path);
    return str(r.json.is_array() ? r.json.at(0) : r.json.at("items").at(0), "id");
  };
  const std::string a_agency = agency_id(a, "DINKES"), a_user = first(a, "/api/users"),
                    a_service = first(a, "/api/gateway/services"), a_consumer = first(a, "/api/gateway/consumers"),
                    a_application = first(a, "/api/applications");
  auto& ids = b.ids;
  auto indicator = "/api/evaluation/periods/" + ids["period"] + "/indicators/" +
                   str(b.admin.get("/api/evaluation/periods/" + ids["period"]).json.at("indicators").at(0), "id");
  auto request = [](const std::string& consumer, const std::string& service) {
    return R"({"consumer_id":")" + consumer + R"(","service_id":")" + service +
           R"(","methods":["GET"],"responsible_person":"x","work_unit":"x","purpose":"x","data_needed":"x","commercial_use":false})";
  };
  struct Reference {
    std::string role, method, path, body, a_id;  // a_id appears in path or body
  };
  const std::vector<Reference> references = {
      {"tenant_admin", "POST", "/api/gateway/access-requests", request(ids["consumer"], a_service), a_service},
      {"tenant_admin", "POST", "/api/gateway/access-requests", request(a_consumer, ids["service"]), a_consumer},
      {"tenant_admin", "POST", "/api/architecture/relations",
       R"({"source_id":")" + ids["element"] + R"(","type":"supported_by","target_id":")" + a_application + "\"}",
       a_application},
      {"tenant_admin", "POST", "/api/teams/" + ids["team"] + "/members",
       R"({"user_id":")" + a_user + R"(","position_id":"anggota"})", a_user},
      {"tenant_admin", "POST", "/api/evaluation/periods/" + ids["period"] + "/members",
       R"({"user_id":")" + a_user + R"(","role":"anggota"})", a_user},
      {"assessor", "POST", indicator + "/evidence/link",
       R"({"ref_kind":"application","ref_id":")" + a_application + R"(","level":1})", a_application},
      {"tenant_admin", "POST", "/api/users",
       R"({"username":"milik-b.baru","display_name":"Baru","password":"kata-sandi-panjang","roles":["viewer"],"agency_id":")" +
           a_agency + "\"}",
       a_agency},
      {"tenant_admin", "POST", "/api/applications",
       R"({"code":"APL-B2","name":"Baru","owner_agency_id":")" + a_agency + R"(","category":"aplikasi_umum"})",
       a_agency},
      {"tenant_admin", "PATCH", "/api/applications/" + ids["application"], R"({"owner_agency_id":")" + a_agency + "\"}",
       a_agency},
      {"tenant_admin", "POST", "/api/evaluation/periods", R"({"year":2024,"agency_id":")" + a_agency + "\"}", a_agency},
      {"tenant_admin", "POST", "/api/gateway/consumers", R"({"name":"Baru","agency_id":")" + a_agency + "\"}",
       a_agency},
  };
  for (const auto& ref : references) {
    auto fresh = crypto::new_id();
    auto swap = [&](std::string text) { return text.replace(text.find(ref.a_id), ref.a_id.size(), fresh); };
    auto& c = b.as(ref.role);
    auto r = c.send(ref.method, ref.path, ref.body);
    auto missing = c.send(ref.method, ref.path, swap(ref.body));
    ++tally.writes[r.status];
    EXPECT_NE(r.status, 403) << ref.role << " may not " << ref.method << " " << ref.path
                             << " at all, so this proves nothing";
    if (is_success(r.status) || r.status != missing.status || r.error_code() != missing.error_code())
      leaks.add(ref.role, ref.method + " " + ref.path + " " + ref.body, r, unlike_missing(r, missing));
  }
}

TEST_P(TenantIsolationTest, NoUserOfAnotherTenantReadsOrChangesAnythingOfTheFirst) {
  auto started = std::chrono::steady_clock::now();
  Instance in(GetParam());
  json::object gateway_status{{"instance", "gw-1"},
                              {"config_version", 7},
                              {"started_at", "2026-11-23T09:00:00Z"},
                              {"updated_at", "2026-11-23T10:00:00Z"},
                              {"services", json::array{}},
                              {"consumers", json::array{}},
                              {"recent", json::array{}}};
  auto a = seed_tenant_a(in);
  add_gateway_traffic(in, a, "RAHASIA-A penduduk 6471", gateway_status);
  if (HasFailure()) return;
  auto ops = operations_of(a);

  // 1. What tenant A's administrator can open, and what marks it as A's. Crawled before B exists,
  // so that nothing of B can pass for A's when isolation is broken.
  Crawl crawl_a(a, ops);
  crawl_a.run();
  Markers markers;
  for (const auto& [url, page] : crawl_a.pages()) markers.learn(page.reply.json, url);
  // Every parameterised GET must show A something, or its isolation would go untested: a new
  // endpoint over a new kind of record needs such a record in seed_tenant_a.
  for (const auto& o : crawl_a.gets())
    if (!o.params.empty()) {
      EXPECT_TRUE(crawl_a.opened(o.path)) << "GET " << o.path << " opens no record of tenant A";
    }
  // The search finds A's marker text in every kind of answer A gets, so that its silence below
  // means something: JSON, plain files, XLSX workbooks, PDF documents.
  std::set<Kind> kinds_marked;
  std::size_t downloads = 0;
  for (const auto& [url, page] : crawl_a.pages()) {
    downloads += kind_of(page.reply) != Kind::json;
    if (!Markers::text_mark(readable_text(page.reply)).empty()) kinds_marked.insert(kind_of(page.reply));
  }
  EXPECT_EQ(kinds_marked, (std::set<Kind>{Kind::json, Kind::text, Kind::pdf, Kind::xlsx}));

  auto b = seed_tenant_b(in);
  add_gateway_traffic(in, b.admin, "MILIK-B wajib pajak", gateway_status);
  if (HasFailure()) return;
  Crawl crawl_b(b.admin, ops);
  crawl_b.run();

  Leaks leaks;
  Tally tally;
  probe_urls_of_a(b, crawl_a, markers, leaks, tally);   // 2.
  read_own_records(b, crawl_b, markers, leaks, tally);  // 3.
  auto ledger_a = ledger_size_of(in, "balikpapan");
  write_to_a(b, ops, crawl_a, markers, leaks, tally);  // 4.
  refer_to_a(b, a, leaks, tally);                      // 5.
  // A holiday is named by its date, not by an id: B removing 25 December removes none of A's.
  b.admin.send("DELETE", "/api/servicedesk/holidays/2026-12-25", "");
  EXPECT_NE(a.get("/api/servicedesk/holidays").body.find("RAHASIA-A Hari Raya Natal"), std::string::npos);
  EXPECT_EQ(ledger_size_of(in, "balikpapan"), ledger_a) << "a write of tenant B changed tenant A";
  EXPECT_TRUE(leaks.empty()) << leaks.report();

  // One line for whoever wonders what the test covered and what it costs.
  std::size_t writes = 0;
  std::string by_status;
  for (const auto& [status, n] : tally.writes) {
    writes += n;
    by_status += " " + std::to_string(n) + "x" + std::to_string(status);
  }
  std::cout << "[isolation] " << GetParam() << ": " << crawl_a.gets().size()
            << " GET operations; A: " << crawl_a.pages().size() << " URLs (" << downloads << " downloads) from "
            << crawl_a.requests() << " requests, " << markers.ids.size() << " ids; B: " << b.users.size() << " roles, "
            << tally.probes << " probes of A's URLs (" << tally.shared << " reference data), " << tally.own_reads
            << " reads of its own " << crawl_b.pages().size() << " URLs, " << writes << " writes to A ("
            << by_status.substr(1) << "); "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s\n";
}

INSTANTIATE_TEST_SUITE_P(Databases, TenantIsolationTest, ::testing::ValuesIn(test_support::backends()));
