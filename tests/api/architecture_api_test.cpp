// The architecture repository and the roadmap through the API, on both databases: relations are
// typed, approval freezes the model, reviews follow each region's schedule, operators stay in
// their own agency, and bad input changes nothing.
#include <gtest/gtest.h>

#include "api_harness.hpp"
#include "architecture/documents.hpp"
#include "core/crypto.hpp"
#include "testing/proves.hpp"

using namespace simpul;
using namespace simpul::api_test;

class ArchitectureApiTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

namespace {

std::string first_agency(Client& c, int index = 0) {
  return std::string(c.get("/api/agencies?per_page=50&sort=code").json.at("items").at(index).at("id").as_string());
}

std::string create_element(Client& c, const std::string& domain, const std::string& code, const std::string& agency,
                           const std::string& extra = "") {
  auto r =
      c.post("/api/architecture/elements", R"({"domain":")" + domain + R"(","code":")" + code + R"(","name":"Elemen )" +
                                               code + R"(","owner_agency_id":")" + agency + "\"" + extra + "}");
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? std::string(r.json.at("id").as_string()) : "";
}

Reply relate(Client& c, const std::string& source, const std::string& type, const std::string& target) {
  return c.post("/api/architecture/relations",
                R"({"source_id":")" + source + R"(","type":")" + type + R"(","target_id":")" + target + "\"}");
}

const boost::json::object& check(const Reply& status, const std::string& id) {
  for (const auto& c : status.json.at("checks").as_array())
    if (c.at("id").as_string() == id) return c.as_object();
  throw std::runtime_error("no check " + id);
}

}  // namespace

TEST_P(ArchitectureApiTest, ServiceTraceFollowsTypedRelationsAcrossTheSixDomains) {
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  auto ag = first_agency(c);
  auto service = create_element(c, "layanan", "L-1", ag, R"(,"attributes":{"service_type":"publik"})");
  auto process = create_element(c, "proses_bisnis", "PB-1", ag);
  auto app = create_element(c, "aplikasi", "A-1", ag);
  auto data = create_element(c, "data_informasi", "D-1", ag);
  auto server = create_element(c, "infrastruktur", "I-1", ag, R"(,"attributes":{"infra_type":"pusat_data"})");
  auto control = create_element(c, "keamanan", "K-1", ag);
  auto unrelated = create_element(c, "aplikasi", "A-2", ag);
  EXPECT_EQ(relate(c, service, "realised_by", process).status, 201);
  EXPECT_EQ(relate(c, process, "supported_by", app).status, 201);
  EXPECT_EQ(relate(c, app, "uses_data", data).status, 201);
  EXPECT_EQ(relate(c, app, "runs_on", server).status, 201);
  EXPECT_EQ(relate(c, server, "protected_by", control).status, 201);

  auto trace = c.get("/api/architecture/elements/" + service + "/trace");
  ASSERT_EQ(trace.status, 200) << trace.body;
  const auto& layers = trace.json.at("layers");
  auto codes = [&](const char* domain) {
    std::vector<std::string> out;
    for (const auto& e : layers.at(domain).as_array()) out.emplace_back(e.at("code").as_string());
    return out;
  };
  EXPECT_EQ(codes("proses_bisnis"), std::vector<std::string>{"PB-1"});
  EXPECT_EQ(codes("aplikasi"), std::vector<std::string>{"A-1"});
  EXPECT_EQ(codes("data_informasi"), std::vector<std::string>{"D-1"});
  EXPECT_EQ(codes("infrastruktur"), std::vector<std::string>{"I-1"});
  EXPECT_EQ(codes("keamanan"), std::vector<std::string>{"K-1"});
  EXPECT_EQ(trace.json.at("edges").as_array().size(), 5u);

  // The service is supported through its process; the unrelated application serves nothing.
  auto status = c.get("/api/architecture/status");
  EXPECT_TRUE(check(status, "service_has_application").at("ok").as_bool());
  const auto& orphans = check(status, "application_has_service");
  EXPECT_FALSE(orphans.at("ok").as_bool());
  ASSERT_EQ(orphans.at("items").as_array().size(), 1u);
  EXPECT_EQ(orphans.at("items").at(0).at("id").as_string(), unrelated);
  EXPECT_EQ(orphans.at("rule").at("id").as_string(), "BPN-05-1");

  auto graph = c.get("/api/architecture/elements/" + app + "/graph?depth=1");
  EXPECT_EQ(graph.json.at("nodes").as_array().size(), 4u);  // app, process, data, server
  auto detail = c.get("/api/architecture/elements/" + app);
  EXPECT_EQ(detail.json.at("relations").as_array().size(), 3u);
}

TEST_P(ArchitectureApiTest, DisallowedRelationsAndBadElementsAreRefusedAndChangeNothing) {
  Instance in(GetParam());
  auto c = admin_client(in, "madiun");
  auto ag = first_agency(c);
  auto service = create_element(c, "layanan", "L-1", ag);
  auto app = create_element(c, "aplikasi", "A-1", ag);
  auto before = ledger_size(in);
  EXPECT_EQ(relate(c, app, "supported_by", service).error_code(), "architecture.relation_not_allowed");
  EXPECT_EQ(relate(c, app, "integrates_with", app).error_code(), "architecture.relation_not_allowed");
  EXPECT_EQ(relate(c, service, "teleports_to", app).error_code(), "validation.invalid_value");
  ASSERT_EQ(relate(c, service, "supported_by", app).status, 201);
  EXPECT_EQ(relate(c, service, "supported_by", app).error_code(), "architecture.relation_exists");
  EXPECT_EQ(ledger_size(in), before + 1);

  auto bad = [&](const std::string& body) { return c.post("/api/architecture/elements", body); };
  std::string owner = R"(,"owner_agency_id":")" + ag + "\"";
  EXPECT_EQ(bad(R"({"domain":"layanan","code":"L-1","name":"Duplikat")" + owner + "}").error_code(),
            "architecture.duplicate_code");
  EXPECT_EQ(bad(R"({"domain":"sihir","code":"X-1","name":"x")" + owner + "}").error_code(), "validation.invalid_value");
  EXPECT_EQ(
      bad(R"({"domain":"layanan","code":"x'; DROP TABLE arch_elements;--","name":"x")" + owner + "}").error_code(),
      "validation.invalid_value");
  EXPECT_EQ(bad(R"({"domain":"layanan","code":"L-2","name":"x","reference_code":"RAA.01")" + owner + "}").error_code(),
            "architecture.reference_unknown");
  EXPECT_EQ(
      bad(R"({"domain":"layanan","code":"L-2","name":"x","attributes":{"warna":"merah"})" + owner + "}").error_code(),
      "validation.unknown_field");
  EXPECT_EQ(
      bad(R"({"domain":"layanan","code":"L-2","name":"x","attributes":{"service_type":7})" + owner + "}").error_code(),
      "validation.wrong_type");
  EXPECT_EQ(bad(R"({"domain":"aplikasi","code":"A-2","name":"x","attributes":{"lifecycle_stage":"implementasi"})" +
                owner + "}")
                .error_code(),
            "validation.invalid_value");
  EXPECT_EQ(bad(R"({"domain":"layanan","code":"L-2","name":"x","level":4)" + owner + "}").error_code(),
            "validation.missing_field");
  EXPECT_EQ(
      bad(R"({"domain":"layanan","code":"L-2","name":"x","owner_agency_id":"aaaaaaaaaaaaaaaaaaaa"})").error_code(),
      "validation.invalid_value");
  // A sector outside the profile's list is refused, citing the article that lists them.
  auto sector = bad(R"({"domain":"layanan","code":"L-2","name":"x","attributes":{"sector":"astrologi"})" + owner + "}");
  EXPECT_EQ(sector.error_code(), "validation.invalid_value");
  EXPECT_EQ(c.get("/api/architecture/elements?domain=layanan").json.at("total").as_int64(), 1);
  EXPECT_EQ(c.get("/api/architecture/elements?domain=sihir").error_code(), "request.invalid_query");
  EXPECT_EQ(ledger_size(in), before + 1);
}

TEST_P(ArchitectureApiTest, OperatorsMaintainOnlyTheirOwnAgencysElements) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto own = first_agency(admin, 0), other = first_agency(admin, 1);
  auto r = admin.post(
      "/api/users",
      R"({"must_change_password":false,"username":"op.arsitektur","display_name":"Operator","password":"kata-sandi-panjang","roles":["agency_operator"],"agency_id":")" +
          own + "\"}");
  ASSERT_EQ(r.status, 201) << r.body;
  auto theirs = create_element(admin, "aplikasi", "A-OTHER", other);
  Client op(in);
  ASSERT_EQ(op.login("balikpapan", "op.arsitektur", "kata-sandi-panjang").status, 200);
  auto mine = create_element(op, "aplikasi", "A-MINE", own);
  EXPECT_EQ(op.post("/api/architecture/elements",
                    R"({"domain":"aplikasi","code":"A-X","name":"x","owner_agency_id":")" + other + "\"}")
                .status,
            403);
  EXPECT_EQ(op.patch("/api/architecture/elements/" + theirs, R"({"name":"Diambil alih"})").status, 403);
  EXPECT_EQ(op.patch("/api/architecture/elements/" + mine, R"({"owner_agency_id":")" + other + "\"}").status, 403);
  EXPECT_EQ(op.patch("/api/architecture/elements/" + mine, R"({"name":"Aplikasi Kami"})").status, 200);
  EXPECT_EQ(op.del("/api/architecture/elements/" + theirs).status, 403);
  EXPECT_EQ(op.post("/api/architecture/documents", R"({"kind":"arsitektur","period_start":2025})").status, 403);
}

TEST_P(ArchitectureApiTest, ApprovalFreezesTheModelAndDiffShowsLaterChanges) {
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  auto ag = first_agency(c);
  create_element(c, "layanan", "L-1", ag);
  auto app = create_element(c, "aplikasi", "A-1", ag);
  auto doc = c.post("/api/architecture/documents", R"({"kind":"arsitektur","period_start":2025})");
  ASSERT_EQ(doc.status, 201) << doc.body;
  EXPECT_EQ(doc.json.at("period_end").as_int64(), 2029);  // five years (Pasal 5 ayat (3))
  EXPECT_EQ(doc.json.at("instrument").at("type").as_string(), "Keputusan Wali Kota");
  std::string id(doc.json.at("id").as_string());

  // Only the approver records the decree.
  EXPECT_EQ(c.post("/api/architecture/documents/" + id + "/approve",
                   R"({"instrument_number":"188.45/1/2025","instrument_date":"2025-03-01"})")
                .status,
            403);
  auto admin_pw = in.add_demo_tenant("madiun");  // unrelated tenant must not interfere
  (void)admin_pw;
  auto approver = user(in, c, "balikpapan", "sekda.uji", "approver", "");
  EXPECT_EQ(approver
                .post("/api/architecture/documents/" + id + "/approve",
                      R"({"instrument_number":"1","instrument_date":"1 Maret"})")
                .error_code(),
            "validation.invalid_value");
  auto approved = approver.post("/api/architecture/documents/" + id + "/approve",
                                R"({"instrument_number":"188.45/1/2025","instrument_date":"2025-03-01"})");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json.at("status").as_string(), "approved");
  EXPECT_EQ(approved.json.at("element_count").as_int64(), 2);
  // Balikpapan reviews at mid-term and in the final year (Pasal 5 ayat (4)).
  const auto& schedule = approved.json.at("review_schedule").as_array();
  ASSERT_EQ(schedule.size(), 2u);
  EXPECT_EQ(schedule[0].at("label").as_string(), "mid_term");
  EXPECT_EQ(schedule[0].at("due").as_string(), "2027-12-31");
  EXPECT_EQ(c.patch("/api/architecture/documents/" + id, R"({"title":"Diubah"})").error_code(),
            "architecture.document_not_draft");

  EXPECT_EQ(c.patch("/api/architecture/elements/" + app, R"({"name":"Aplikasi Baru"})").status, 200);
  create_element(c, "data_informasi", "D-1", ag);
  auto diff = c.get("/api/architecture/documents/" + id + "/diff?against=live");
  ASSERT_EQ(diff.status, 200) << diff.body;
  EXPECT_EQ(diff.json.at("elements").at("added").as_array().size(), 1u);
  ASSERT_EQ(diff.json.at("elements").at("changed").as_array().size(), 1u);
  EXPECT_EQ(diff.json.at("elements").at("changed").at(0).at("code").as_string(), "A-1");
  EXPECT_TRUE(check(c.get("/api/architecture/status"), "architecture_approved").at("ok").as_bool());

  // A second version supersedes the first when approved.
  auto v2 = c.post("/api/architecture/documents", R"({"kind":"arsitektur","period_start":2026})");
  ASSERT_EQ(v2.status, 201);
  EXPECT_EQ(v2.json.at("version").as_int64(), 2);
  std::string id2(v2.json.at("id").as_string());
  ASSERT_EQ(approver
                .post("/api/architecture/documents/" + id2 + "/approve",
                      R"({"instrument_number":"2","instrument_date":"2026-01-05"})")
                .status,
            200);
  EXPECT_EQ(c.get("/api/architecture/documents/" + id).json.at("status").as_string(), "superseded");
  auto between = c.get("/api/architecture/documents/" + id + "/diff?against=" + id2);
  EXPECT_EQ(between.json.at("elements").at("added").as_array().size(), 1u);
}

TEST_P(ArchitectureApiTest, PeriodsAndReviewsFollowEachRegionsRules) {
  Instance in(GetParam());
  // Madiun: the review itself is set by Keputusan Walikota (Pasal 6 ayat (12)).
  auto c = admin_client(in, "madiun");
  EXPECT_EQ(c.post("/api/architecture/documents", R"({"kind":"arsitektur","period_start":2025,"period_end":2027})")
                .error_code(),
            "architecture.period_invalid");  // Madiun sets a full 5-year period
  auto doc = c.post("/api/architecture/documents", R"({"kind":"arsitektur","period_start":2021})");
  ASSERT_EQ(doc.status, 201) << doc.body;
  std::string id(doc.json.at("id").as_string());
  EXPECT_EQ(c.post("/api/architecture/documents/" + id + "/reviews",
                   R"({"date":"2023-05-01","reasons":["perubahan_rpjmd"],"outcome":"tetap"})")
                .error_code(),
            "architecture.document_not_approved");
  auto approver = user(in, c, "madiun", "sekda.uji", "approver", "");
  ASSERT_EQ(approver
                .post("/api/architecture/documents/" + id + "/approve",
                      R"({"instrument_number":"7","instrument_date":"2021-02-01"})")
                .status,
            200);
  auto no_decree = c.post("/api/architecture/documents/" + id + "/reviews",
                          R"({"date":"2023-05-01","reasons":["perubahan_rpjmd"],"outcome":"tetap"})");
  EXPECT_EQ(no_decree.error_code(), "architecture.review_decree_required");
  EXPECT_EQ(no_decree.rule_id(), "MDN-06-12");
  EXPECT_EQ(c.post("/api/architecture/documents/" + id + "/reviews",
                   R"({"date":"2023-05-01","reasons":["bosan"],"outcome":"tetap","decree_number":"9"})")
                .error_code(),
            "validation.invalid_value");
  EXPECT_EQ(c.post("/api/architecture/documents/" + id + "/reviews",
                   R"({"date":"2023-05-01","reasons":[],"outcome":"tetap","decree_number":"9"})")
                .error_code(),
            "validation.missing_field");
  // 2021-2025: the mid-term review (2023) is done; the final year (2025) has passed without one.
  ASSERT_EQ(
      c.post("/api/architecture/documents/" + id + "/reviews",
             R"({"date":"2023-05-01","reasons":["perubahan_rpjmd"],"outcome":"tetap","decree_number":"188/9/2023"})")
          .status,
      201);
  auto overdue = check(c.get("/api/architecture/status"), "reviews_on_schedule");
  EXPECT_FALSE(overdue.at("ok").as_bool());
  ASSERT_EQ(overdue.at("items").as_array().size(), 1u);
  EXPECT_EQ(overdue.at("items").at(0).at("label").as_string(), "final_year");
  EXPECT_EQ(overdue.at("items").at(0).at("rule").at("id").as_string(), "MDN-06-10");
  EXPECT_FALSE(check(c.get("/api/architecture/status"), "architecture_valid").at("ok").as_bool());  // ended in 2025
}

TEST_P(ArchitectureApiTest, RoadmapInitiativesStayInsideTheRoadmapPeriod) {
  Instance in(GetParam());
  auto c = admin_client(in, "lampung-timur");
  auto ag = first_agency(c);
  auto app = create_element(c, "aplikasi", "A-1", ag, R"(,"state":"to_be")");
  auto body = [&](const std::string& code, int start, int end, const std::string& category) {
    return R"({"code":")" + code + R"(","name":"Program )" + code + R"(","category":")" + category +
           R"(","owner_agency_id":")" + ag + R"(","start_year":)" + std::to_string(start) + R"(,"target_year":)" +
           std::to_string(end) + R"(,"elements":[{"element_id":")" + app + R"(","effect":"create"}]})";
  };
  EXPECT_EQ(c.post("/api/roadmap/initiatives", body("P-0", 2026, 2027, "astrologi")).error_code(),
            "validation.invalid_value");
  auto gap = c.get("/api/architecture/gap");
  for (const auto& d : gap.json.at("domains").as_array())
    if (d.at("domain").as_string() == "aplikasi") {
      EXPECT_EQ(d.at("unplanned").as_array().size(), 1u);
    }
  auto created = c.post("/api/roadmap/initiatives", body("P-1", 2026, 2027, "aplikasi_spbe"));
  ASSERT_EQ(created.status, 201) << created.body;
  std::string id(created.json.at("id").as_string());
  EXPECT_EQ(created.json.at("elements").at(0).at("code").as_string(), "A-1");
  gap = c.get("/api/architecture/gap");
  for (const auto& d : gap.json.at("domains").as_array())
    if (d.at("domain").as_string() == "aplikasi") {
      EXPECT_TRUE(d.at("unplanned").as_array().empty());
    }

  auto roadmap = c.post("/api/architecture/documents", R"({"kind":"peta_rencana","period_start":2026})");
  ASSERT_EQ(roadmap.status, 201);
  auto approver = user(in, c, "lampung-timur", "sekda.uji", "approver", "");
  ASSERT_EQ(approver
                .post("/api/architecture/documents/" + std::string(roadmap.json.at("id").as_string()) + "/approve",
                      R"({"instrument_number":"16","instrument_date":"2026-01-10"})")
                .status,
            200);
  auto outside = c.post("/api/roadmap/initiatives", body("P-2", 2029, 2032, "aplikasi_spbe"));
  EXPECT_EQ(outside.error_code(), "roadmap.outside_period");
  EXPECT_EQ(
      c.post("/api/roadmap/initiatives/" + id + "/monitoring", R"({"year":2026,"progress":140,"status":"berjalan"})")
          .error_code(),
      "validation.invalid_value");
  ASSERT_EQ(c.post("/api/roadmap/initiatives/" + id + "/monitoring",
                   R"({"year":2026,"progress":40,"status":"berjalan","note":"Pengadaan selesai"})")
                .status,
            201);
  auto got = c.get("/api/roadmap/initiatives/" + id);
  EXPECT_EQ(got.json.at("status").as_string(), "berjalan");
  EXPECT_EQ(got.json.at("monitoring").as_array().size(), 1u);
  EXPECT_EQ(c.get("/api/roadmap/initiatives?year=2027").json.at("total").as_int64(), 1);
  EXPECT_EQ(c.get("/api/roadmap/initiatives?year=2030").json.at("total").as_int64(), 0);
  // Deleting the element drops it from the initiative, not the initiative.
  EXPECT_EQ(c.del("/api/architecture/elements/" + app).status, 204);
  EXPECT_TRUE(c.get("/api/roadmap/initiatives/" + id).json.at("elements").as_array().empty());
}

namespace {

/// The open findings of one rule: (object label, citation) of each.
std::vector<std::pair<std::string, std::string>> document_findings_open(Client& c, const std::string& rule) {
  std::vector<std::pair<std::string, std::string>> out;
  auto r = c.get("/api/compliance/findings?state=open&per_page=200&rule=" + rule);
  for (const auto& f : r.json.at("items").as_array())
    out.emplace_back(text_of(f, "object_label"), text_of(f.at("rule"), "citation"));
  return out;
}

std::string doc_refusal_citation(const Reply& r) {
  return std::string(r.json.at("error").at("rule").at("citation").as_string());
}

}  // namespace

TEST_P(ArchitectureApiTest, MasterPlanIsSetByPeraturanBupatiAndContainsTheArchitectureAndRoadmap) {
  SIMPUL_PROVES("lampung-timur", "LTM-03-1-a");  // no master plan in force: a finding
  SIMPUL_PROVES("lampung-timur", "LTM-05-3");    // set by Peraturan Bupati: its number and date are recorded
  SIMPUL_PROVES("lampung-timur", "LTM-05-2");    // it contains the architecture and the roadmap
  Instance in(GetParam());
  auto c = admin_client(in, "lampung-timur");

  // The regulation's three plan documents, the master plan with its instrument and parts.
  auto kinds = c.get("/api/architecture/document-kinds");
  ASSERT_EQ(kinds.status, 200) << kinds.body;
  ASSERT_EQ(kinds.json.as_array().size(), 3u);
  const auto& plan_kind = kinds.json.at(2);
  EXPECT_EQ(text_of(plan_kind, "id"), "rencana_induk");
  EXPECT_EQ(text_of(plan_kind, "label"), "Rencana Induk SPBE");
  EXPECT_EQ(text_of(plan_kind, "label_en"), "SPBE master plan");
  EXPECT_EQ(text_of(plan_kind, "instrument"), "Peraturan Bupati");
  EXPECT_EQ(text_of(plan_kind.at("instrument_rule"), "citation"), "Pasal 5 ayat (3)");
  EXPECT_EQ(plan_kind.at("parts"), (boost::json::array{"arsitektur", "peta_rencana"}));
  EXPECT_FALSE(plan_kind.at("review_mandatory").as_bool());  // Pasal 7 ayat (1): 'dapat ditinjau'

  // SPBE implementation 'wajib mengacu pada perencanaan induk': none in force is a finding.
  ASSERT_EQ(c.post("/api/compliance/evaluate", "").status, 200);
  auto missing = document_findings_open(c, "LTM-03-1-a");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].first, "Rencana Induk SPBE");
  EXPECT_EQ(missing[0].second, "Pasal 3 ayat (1) huruf a");

  auto plan =
      c.post("/api/architecture/documents", R"({"kind":"rencana_induk","period_start":2025,"period_end":2029})");
  ASSERT_EQ(plan.status, 201) << plan.body;
  std::string plan_id = text_of(plan.json, "id");
  EXPECT_EQ(text_of(plan.json, "title"), "Rencana Induk SPBE Kabupaten Lampung Timur");
  EXPECT_EQ(text_of(plan.json, "kind_label"), "Rencana Induk SPBE");
  EXPECT_EQ(text_of(plan.json.at("instrument"), "type"), "Peraturan Bupati");
  auto arch = c.post("/api/architecture/documents", R"({"kind":"arsitektur","period_start":2025})");
  auto roadmap = c.post("/api/architecture/documents", R"({"kind":"peta_rencana","period_start":2025})");
  ASSERT_EQ(arch.status, 201) << arch.body;
  ASSERT_EQ(roadmap.status, 201) << roadmap.body;
  std::string arch_id = text_of(arch.json, "id"), roadmap_id = text_of(roadmap.json, "id");

  // A part links a document of its own kind only; a refusal changes nothing.
  auto wrong = c.patch("/api/architecture/documents/" + plan_id, R"({"parts":{"arsitektur":")" + roadmap_id + R"("}})");
  EXPECT_EQ(wrong.error_code(), "validation.invalid_value");
  EXPECT_EQ(wrong.rule_id(), "LTM-05-2");
  EXPECT_EQ(
      c.patch("/api/architecture/documents/" + plan_id, R"({"parts":{"strategi":")" + arch_id + R"("}})").error_code(),
      "validation.invalid_value");
  EXPECT_TRUE(c.get("/api/architecture/documents/" + plan_id).json.at("parts").as_object().empty());
  auto linked = c.patch("/api/architecture/documents/" + plan_id, R"({"parts":{"arsitektur":")" + arch_id + R"("}})");
  ASSERT_EQ(linked.status, 200) << linked.body;
  EXPECT_EQ(text_of(linked.json.at("parts"), "arsitektur"), arch_id);

  // Set by Peraturan Bupati: without its number or date nothing is set, citing Pasal 5 ayat (3).
  auto approver = user(in, c, "lampung-timur", "sekda.uji", "approver", "");
  auto approve = [&](const std::string& body) {
    return approver.post("/api/architecture/documents/" + plan_id + "/approve", body);
  };
  auto no_number = approve(R"({"instrument_date":"2025-02-03"})");
  EXPECT_EQ(no_number.error_code(), "validation.missing_field");
  EXPECT_EQ(no_number.rule_id(), "LTM-05-3");
  EXPECT_EQ(doc_refusal_citation(no_number), "Pasal 5 ayat (3)");
  EXPECT_EQ(approve(R"({"instrument_number":"12"})").rule_id(), "LTM-05-3");
  // It 'memuat' the Peta Rencana too (Pasal 5 ayat (2) huruf e): not set while it is not linked.
  auto no_roadmap = approve(R"({"instrument_number":"12","instrument_date":"2025-02-03"})");
  EXPECT_EQ(no_roadmap.error_code(), "validation.missing_field");
  EXPECT_EQ(no_roadmap.rule_id(), "LTM-05-2");
  EXPECT_EQ(doc_refusal_citation(no_roadmap), "Pasal 5 ayat (2)");
  EXPECT_EQ(no_roadmap.json.at("error").at("details").at("missing"), (boost::json::array{"peta_rencana"}));
  EXPECT_EQ(text_of(c.get("/api/architecture/documents/" + plan_id).json, "status"), "draft");

  ASSERT_EQ(
      c.patch("/api/architecture/documents/" + plan_id, R"({"parts":{"peta_rencana":")" + roadmap_id + R"("}})").status,
      200);
  auto set = approve(R"({"instrument_number":"12","instrument_date":"2025-02-03"})");
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(text_of(set.json, "status"), "approved");
  EXPECT_EQ(text_of(set.json.at("instrument"), "number"), "12");
  EXPECT_EQ(text_of(set.json.at("instrument"), "date"), "2025-02-03");
  EXPECT_EQ(text_of(set.json.at("parts"), "peta_rencana"), roadmap_id);

  // In force: the finding is resolved and the status check passes.
  ASSERT_EQ(c.post("/api/compliance/evaluate", "").status, 200);
  EXPECT_TRUE(document_findings_open(c, "LTM-03-1-a").empty());
  auto in_force = check(c.get("/api/architecture/status"), "rencana_induk_approved");
  EXPECT_TRUE(in_force.at("ok").as_bool());
  EXPECT_EQ(text_of(in_force.at("rule"), "id"), "LTM-03-1-a");
}

TEST_P(ArchitectureApiTest, AYearWithoutAMasterPlanReviewIsNotAViolation) {
  // Pasal 7 ayat (1): the master plan 'dapat ditinjau setiap 1 (satu) tahun sekali' — the Pemda's option.
  Instance in(GetParam());
  auto c = admin_client(in, "lampung-timur");
  auto arch = c.post("/api/architecture/documents", R"({"kind":"arsitektur","period_start":2024})");
  auto roadmap = c.post("/api/architecture/documents", R"({"kind":"peta_rencana","period_start":2024})");
  auto plan = c.post("/api/architecture/documents",
                     R"({"kind":"rencana_induk","period_start":2024,"period_end":2028,"parts":{"arsitektur":")" +
                         text_of(arch.json, "id") + R"(","peta_rencana":")" + text_of(roadmap.json, "id") + R"("}})");
  ASSERT_EQ(plan.status, 201) << plan.body;
  std::string id = text_of(plan.json, "id");
  auto approver = user(in, c, "lampung-timur", "sekda.uji", "approver", "");
  ASSERT_EQ(approver
                .post("/api/architecture/documents/" + id + "/approve",
                      R"({"instrument_number":"5","instrument_date":"2024-01-15"})")
                .status,
            200);
  auto got = c.get("/api/architecture/documents/" + id);
  EXPECT_EQ(text_of(got.json, "schedule"), "annual");
  EXPECT_FALSE(got.json.at("review_mandatory").as_bool());
  const auto& schedule = got.json.at("review_schedule").as_array();
  ASSERT_EQ(schedule.size(), 5u);  // one offered review per year, 2024-2028
  EXPECT_EQ(text_of(schedule[0], "due"), "2024-12-31");
  for (const auto& due : schedule) EXPECT_FALSE(due.at("overdue").as_bool()) << text_of(due, "label");
  auto on_schedule = check(c.get("/api/architecture/status"), "reviews_on_schedule");
  for (const auto& item : on_schedule.at("items").as_array()) EXPECT_NE(text_of(item, "kind"), "rencana_induk");
  // A review is recorded with the article's reasons.
  EXPECT_EQ(c.post("/api/architecture/documents/" + id + "/reviews",
                   R"({"date":"2025-03-01","reasons":["bosan"],"outcome":"tetap"})")
                .rule_id(),
            "LTM-07-1");
  EXPECT_EQ(c.post("/api/architecture/documents/" + id + "/reviews",
                   R"({"date":"2025-03-01","reasons":["perubahan_kebijakan_strategis"],"outcome":"perlu_perubahan"})")
                .status,
            201);
}

TEST_P(ArchitectureApiTest, RegionsWithoutAMasterPlanRefuseTheKind) {
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  auto kinds = c.get("/api/architecture/document-kinds");
  ASSERT_EQ(kinds.status, 200) << kinds.body;
  ASSERT_EQ(kinds.json.as_array().size(), 2u);
  EXPECT_EQ(text_of(kinds.json.at(0), "label"), "Arsitektur SPBE");
  EXPECT_EQ(text_of(kinds.json.at(1), "label"), "Peta Rencana SPBE");
  auto refused = c.post("/api/architecture/documents", R"({"kind":"rencana_induk","period_start":2025})");
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.error_code(), "validation.invalid_value");
  EXPECT_EQ(refused.json.at("error").at("details").at("allowed"), (boost::json::array{"arsitektur", "peta_rencana"}));
  EXPECT_TRUE(c.get("/api/architecture/documents").json.as_array().empty());
  EXPECT_EQ(c.get("/api/architecture/documents?kind=rencana_induk").status, 400);
  // An architecture version has no parts to link.
  auto arch = c.post("/api/architecture/documents", R"({"kind":"arsitektur","period_start":2025})");
  ASSERT_EQ(arch.status, 201) << arch.body;
  EXPECT_EQ(c.patch("/api/architecture/documents/" + text_of(arch.json, "id"), R"({"parts":{"peta_rencana":null}})")
                .error_code(),
            "validation.invalid_value");
}

INSTANTIATE_TEST_SUITE_P(Databases, ArchitectureApiTest, ::testing::ValuesIn(test_support::backends()));

TEST(ReviewSchedule, AnnualSchedulesOweOneReviewPerYearAndOptionalOnesAreNeverOverdue) {
  architecture::Document d;
  d.status = "approved";
  d.period_start = 2024;
  d.period_end = 2028;
  tenancy::ReviewSpec annual;
  annual.schedule = "annual";
  architecture::Review done;
  done.id = "r1";
  done.date = "2024-06-30";
  auto due = architecture::review_schedule(d, annual, {done}, "2026-02-01");
  ASSERT_EQ(due.size(), 5u);
  EXPECT_EQ(due[0].review_id, "r1");
  EXPECT_FALSE(due[0].overdue);
  EXPECT_TRUE(due[1].overdue);   // 2025 passed without a review
  EXPECT_FALSE(due[2].overdue);  // 2026 is still running
  annual.mandatory = false;      // Bandar Lampung: 'dapat dilakukan 1 (satu) tahun sekali'
  EXPECT_FALSE(architecture::review_schedule(d, annual, {}, "2030-01-01")[1].overdue);
}
