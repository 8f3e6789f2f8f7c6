// The yearly self-assessment through the API (docs/evaluation.md): the Bontang Tim Asesor roles,
// framework corrections as new versions, the 8/2026 cumulative evidence rule, per-agency
// assessments and their league table, reports, and bad input. On both databases.
#include <gtest/gtest.h>

#include <cmath>

#include "api_harness.hpp"
#include "core/crypto.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class EvaluationApiTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

double num(const boost::json::value& v, const char* key) { return v.at(key).to_number<double>(); }

std::string create_period(Client& c, int year, const std::string& extra = "") {
  auto r = c.post("/api/evaluation/periods", "{\"year\":" + std::to_string(year) + extra + "}");
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? text_of(r.json, "id") : "";
}

std::string team_id(Client& admin, const std::string& kind) {
  auto teams = admin.get("/api/teams");
  for (const auto& t : teams.json.as_array())
    if (t.at("kind").as_string() == kind) return text_of(t, "id");
  ADD_FAILURE() << "no team " << kind;
  return "";
}

std::string user_id(Client& c) { return text_of(c.get("/api/auth/me").json.at("user"), "id"); }

void add_member(Client& admin, const std::string& period, Client& who, const std::string& role) {
  auto r = admin.post("/api/evaluation/periods/" + period + "/members",
                      R"({"user_id":")" + user_id(who) + R"(","role":")" + role + "\"}");
  ASSERT_EQ(r.status, 201) << r.body;
}

std::string answer_path(const std::string& period, const std::string& ind) {
  return "/api/evaluation/periods/" + period + "/indicators/" + ind + "/answer";
}

Reply put_level(Client& c, const std::string& period, const std::string& ind, int level) {
  return c.send("PUT", answer_path(period, ind),
                R"({"level":)" + std::to_string(level) + R"(,"explanation":"Baris satu\nBaris dua"})");
}

/// Data entry fills and submits, the reviewer approves.
void approve(Client& entry, Client& reviewer, const std::string& period, const std::string& ind, int level) {
  ASSERT_EQ(put_level(entry, period, ind, level).status, 200);
  ASSERT_EQ(entry.post(answer_path(period, ind) + "/submit", "").status, 200);
  auto r = reviewer.post(answer_path(period, ind) + "/review", R"({"decision":"disetujui"})");
  ASSERT_EQ(r.status, 200) << r.body;
}

std::vector<std::pair<std::string, double>> indicators(Client& c, const std::string& period) {
  std::vector<std::pair<std::string, double>> out;
  auto detail = c.get("/api/evaluation/periods/" + period);
  for (const auto& i : detail.json.at("indicators").as_array()) out.emplace_back(text_of(i, "id"), num(i, "weight"));
  return out;
}

}  // namespace

TEST_P(EvaluationApiTest, TheBontangAssessorTeamRunsTheSelfAssessmentWithItsRoles) {
  Instance in(GetParam());
  auto admin = admin_client(in, "bontang");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto entry = user(in, admin, "bontang", "entri.uji", "assessor", kominfo);
  auto pj = user(in, admin, "bontang", "pj.uji", "assessor", kominfo);
  auto koord = user(in, admin, "bontang", "koord.uji", "assessor", kominfo);
  auto viewer = user(in, admin, "bontang", "baca.uji", "viewer", kominfo);

  // Bontang Pasal 49 ayat (2): the team's positions become the workflow roles of the period.
  auto team = team_id(admin, "tim_asesor_internal");
  for (auto [who, position] :
       {std::pair{&entry, "pelaksana_data_entri"}, {&pj, "penanggung_jawab"}, {&koord, "koordinator"}})
    ASSERT_EQ(admin
                  .post("/api/teams/" + team + "/members",
                        R"({"user_id":")" + user_id(*who) + R"(","position_id":")" + position + "\"}")
                  .status,
              201);
  EXPECT_EQ(viewer.post("/api/evaluation/periods", R"({"year":2025})").status, 403);
  auto period = create_period(admin, 2025);
  auto detail = admin.get("/api/evaluation/periods/" + period).json;
  EXPECT_EQ(text_of(detail, "framework_id"), "spbe-2020");
  EXPECT_EQ(text_of(detail.at("rule"), "id"), "BTG-49-1");
  std::map<std::string, std::string> roles;
  for (const auto& m : detail.at("members").as_array()) roles[text_of(m, "user_name")] = text_of(m, "role");
  EXPECT_EQ(roles, (std::map<std::string, std::string>{
                       {"entri.uji", "data_entry"}, {"pj.uji", "penanggung_jawab"}, {"koord.uji", "koordinator"}}));
  EXPECT_EQ(admin.post("/api/evaluation/periods", R"({"year":2025})").error_code(), "evaluation.period_exists");

  auto all = indicators(admin, period);
  ASSERT_EQ(all.size(), 47u);
  const auto& [first, first_weight] = all.front();
  auto before = ledger_size(in);

  // Only data entry fills; only the penanggung jawab (or koordinator) validates, never the filler.
  EXPECT_EQ(put_level(pj, period, first, 3).error_code(), "evaluation.role_required");
  ASSERT_EQ(put_level(entry, period, first, 3).status, 200);
  ASSERT_EQ(entry.post(answer_path(period, first) + "/submit", "").status, 200);
  EXPECT_EQ(entry.post(answer_path(period, first) + "/review", R"({"decision":"disetujui"})").error_code(),
            "evaluation.role_required");
  EXPECT_EQ(pj.post(answer_path(period, first) + "/review", R"({"decision":"dikembalikan"})").status, 422);
  auto returned =
      pj.post(answer_path(period, first) + "/review", R"({"decision":"dikembalikan","note":"Lampirkan SK tim."})");
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(text_of(returned.json, "state"), "dikembalikan");
  auto view = entry.get("/api/evaluation/periods/" + period + "/indicators/" + first).json;
  ASSERT_EQ(view.at("comments").as_array().size(), 1u);
  EXPECT_EQ(text_of(view.at("comments").as_array()[0], "text"), "Dikembalikan: Lampirkan SK tim.");
  EXPECT_EQ(text_of(view.at("answer"), "explanation"), "Baris satu\nBaris dua");
  ASSERT_EQ(entry
                .post("/api/evaluation/periods/" + period + "/indicators/" + first + "/comments",
                      R"({"text":"SK sudah dilampirkan."})")
                .status,
            201);
  approve(entry, pj, period, first, 4);
  EXPECT_EQ(put_level(entry, period, first, 5).error_code(), "evaluation.answer_state");
  EXPECT_GT(ledger_size(in), before + 6);

  // The koordinator submits only when every indicator is approved.
  EXPECT_EQ(koord.post("/api/evaluation/periods/" + period + "/submit", "").error_code(), "evaluation.not_ready");
  for (std::size_t i = 1; i < all.size(); ++i) approve(entry, koord, period, all[i].first, 2);
  EXPECT_EQ(pj.post("/api/evaluation/periods/" + period + "/submit", "").error_code(), "evaluation.role_required");
  auto submitted = koord.post("/api/evaluation/periods/" + period + "/submit", "");
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(text_of(submitted.json, "state"), "diserahkan");
  // 59/2020: index = sum(w_i * level_i) / 100; every indicator at 2, the first at 4.
  double expected = (first_weight * 4 + (100 - first_weight) * 2) / 100;
  EXPECT_NEAR(num(submitted.json.at("result"), "index"), expected, 1e-9);
  EXPECT_EQ(text_of(submitted.json.at("result"), "predicate"), "Cukup");

  // Nobody edits a submitted period.
  EXPECT_EQ(
      admin.post(answer_path(period, first) + "/review", R"({"decision":"dikembalikan","note":"x"})").error_code(),
      "evaluation.period_submitted");
  EXPECT_EQ(
      koord.post(answer_path(period, first) + "/review", R"({"decision":"dikembalikan","note":"x"})").error_code(),
      "evaluation.period_submitted");
  EXPECT_EQ(put_level(entry, period, all[1].first, 3).error_code(), "evaluation.period_submitted");
  EXPECT_EQ(admin
                .post("/api/evaluation/periods/" + period + "/members",
                      R"({"user_id":")" + user_id(viewer) + R"(","role":"anggota"})")
                .error_code(),
            "evaluation.period_submitted");
  EXPECT_EQ(entry
                .send("POST", "/api/evaluation/periods/" + period + "/indicators/" + first + "/evidence?filename=a.pdf",
                      "x", {{"content-type", "application/octet-stream"}})
                .error_code(),
            "evaluation.period_submitted");

  // Reports in Indonesian: the PDF and the XLSX of all answers.
  auto pdf = viewer.get("/api/evaluation/periods/" + period + "/report");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  EXPECT_NE(pdf.header("Content-Disposition").find("attachment"), std::string::npos);
  auto xlsx = viewer.get("/api/evaluation/periods/" + period + "/export");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.rfind("PK", 0), 0u);
}

TEST_P(EvaluationApiTest, AFrameworkCorrectionIsANewVersionAndEarlierPeriodsKeepTheirs) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto assessor = user(in, admin, "balikpapan", "asesor.uji", "assessor", kominfo);
  auto old_period = create_period(admin, 2024);
  auto first = indicators(admin, old_period).front().first;
  auto frameworks_before = admin.get("/api/evaluation/frameworks").json.at("total").to_number<int>();

  // Weights that no longer add up are refused with the loader's reason, and nothing is saved.
  auto bad = admin.post(
      "/api/evaluation/frameworks/spbe-2020/versions",
      R"({"base_version":1,"note":"Bobot","corrections":{"indicators":[{"id":")" + first + R"(","weight":9}]}})");
  EXPECT_EQ(bad.error_code(), "evaluation.framework_invalid");
  EXPECT_NE(bad.body.find("weight"), std::string::npos);
  EXPECT_EQ(admin
                .post("/api/evaluation/frameworks/spbe-2020/versions",
                      R"({"base_version":1,"note":"x","corrections":{"indicators":[{"id":"tidak-ada","name":"x"}]}})")
                .error_code(),
            "evaluation.framework_invalid");
  EXPECT_EQ(
      assessor
          .post("/api/evaluation/frameworks/spbe-2020/versions", R"({"base_version":1,"note":"x","corrections":{}})")
          .status,
      403);
  EXPECT_EQ(admin.get("/api/evaluation/frameworks").json.at("total").to_number<int>(), frameworks_before);

  auto corrected = admin.post(
      "/api/evaluation/frameworks/spbe-2020/versions",
      R"({"base_version":1,"note":"Kriteria dari lampiran","corrections":{"indicators":[{"id":")" + first +
          R"(","name":"Nama indikator terkoreksi","level_criteria":{"3":"Kebijakan internal ditetapkan."}}]}})");
  ASSERT_EQ(corrected.status, 201) << corrected.body;
  EXPECT_EQ(corrected.json.at("version").to_number<int>(), 2);

  // The 2024 period keeps version 1; a new period takes version 2 with the corrected texts.
  auto old_view = admin.get("/api/evaluation/periods/" + old_period + "/indicators/" + first).json;
  EXPECT_EQ(admin.get("/api/evaluation/periods/" + old_period).json.at("framework_version").to_number<int>(), 1);
  EXPECT_NE(text_of(old_view.at("indicator"), "name"), "Nama indikator terkoreksi");
  auto new_period = create_period(admin, 2025);
  EXPECT_EQ(admin.get("/api/evaluation/periods/" + new_period).json.at("framework_version").to_number<int>(), 2);
  auto new_view = admin.get("/api/evaluation/periods/" + new_period + "/indicators/" + first).json;
  EXPECT_EQ(text_of(new_view.at("indicator"), "name"), "Nama indikator terkoreksi");
  EXPECT_EQ(text_of(new_view.at("indicator").at("levels").as_array()[2], "criteria"), "Kebijakan internal ditetapkan.");
  bool listed = false;
  auto frameworks = admin.get("/api/evaluation/frameworks");
  for (const auto& f : frameworks.json.at("items").as_array())
    listed = listed || (text_of(f, "id") == "spbe-2020" && f.at("version").to_number<int>() == 2 &&
                        text_of(f, "origin") == "koreksi");
  EXPECT_TRUE(listed);
  EXPECT_EQ(admin.get("/api/evaluation/frameworks/spbe-2020?version=1").json.at("version").to_number<int>(), 1);
  EXPECT_EQ(admin.get("/api/evaluation/frameworks/spbe-2020?version=9").error_code(), "evaluation.framework_not_found");
}

TEST_P(EvaluationApiTest, UnderPemdiTheLevelFollowsAcceptedEvidenceAndWhatIfRaisesIt) {
  Instance in(GetParam());
  auto admin = admin_client(in, "madiun");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto entry = user(in, admin, "madiun", "entri.uji", "assessor", kominfo);
  auto pj = user(in, admin, "madiun", "pj.uji", "assessor", kominfo);
  auto period = create_period(admin, 2026);
  EXPECT_EQ(text_of(admin.get("/api/evaluation/periods/" + period).json, "framework_id"), "pemdi-2026");
  add_member(admin, period, entry, "data_entry");
  add_member(admin, period, pj, "penanggung_jawab");
  auto all = indicators(admin, period);
  const auto& [ind, weight] = all.front();
  auto base = "/api/evaluation/periods/" + period + "/indicators/" + ind;
  auto upload = [&](const std::string& query, const std::string& body) {
    return entry.send("POST", base + "/evidence?" + query, body, {{"content-type", "application/octet-stream"}});
  };

  ASSERT_EQ(entry.send("PUT", base + "/answer", R"({"explanation":"Bukti tingkat 1 dan 2"})").status, 200);
  auto l1 = upload("filename=SK%20Tim%20SPBE.pdf&level=1", "%PDF-1.4 isi SK");
  ASSERT_EQ(l1.status, 201) << l1.body;
  auto l2 = upload("filename=notulen.pdf&level=2", "notulen rapat");
  ASSERT_EQ(l2.status, 201);
  EXPECT_EQ(upload("filename=..%2Fetc%2Fpasswd&level=1", "x").error_code(), "repository.bad_filename");
  EXPECT_EQ(upload("filename=a.pdf", "x").status, 422);  // the cumulative rule needs the level
  EXPECT_EQ(upload("filename=a.pdf&level=9", "x").status, 422);
  EXPECT_EQ(upload("filename=kosong.pdf&level=1", "").error_code(), "repository.empty_file");
  EXPECT_EQ(upload("filename=besar.bin&level=1", std::string((8u << 20) + 1, 'x')).error_code(),
            "evaluation.evidence_too_large");
  EXPECT_EQ(
      entry.post(base + "/evidence/link", R"({"ref_kind":"application","ref_id":"aaaaaaaaaaaaaaaaaaaa","level":1})")
          .error_code(),
      "evaluation.link_unknown");

  // Verdicts come from the reviewer on a submitted answer: level 1 accepted, level 2 rejected → 1.
  auto l1_id = text_of(l1.json, "id"), l2_id = text_of(l2.json, "id");
  auto verdict = [&](Client& c, const std::string& id, bool ok) {
    return c.post("/api/evaluation/periods/" + period + "/evidence/" + id + "/verdict",
                  std::string(R"({"accepted":)") + (ok ? "true" : "false") + "}");
  };
  EXPECT_EQ(verdict(pj, l1_id, true).error_code(), "evaluation.answer_state");
  ASSERT_EQ(entry.post(base + "/answer/submit", "").status, 200);
  EXPECT_EQ(verdict(entry, l1_id, true).error_code(), "evaluation.role_required");
  ASSERT_EQ(verdict(pj, l1_id, true).status, 200);
  ASSERT_EQ(verdict(pj, l2_id, false).status, 200);
  auto index = admin.get("/api/evaluation/periods/" + period + "/index").json;
  EXPECT_DOUBLE_EQ(num(index.at("indicators").as_array()[0], "value"), 1.0);
  // 8/2026: index = sum(w_aspect/100 * aspect index) = sum(w_i * value_i) / 100.
  EXPECT_NEAR(num(index, "index"), weight / 100, 1e-9);
  EXPECT_TRUE(index.at("predicate").is_null());  // below 1.0 no band of 8/2026 holds it

  auto simulated = admin.post("/api/evaluation/periods/" + period + "/what-if",
                              R"({"changes":[{"indicator":")" + ind + R"(","level":3}]})");
  ASSERT_EQ(simulated.status, 200) << simulated.body;
  EXPECT_NEAR(num(simulated.json, "delta"), weight * 2 / 100, 1e-9);
  EXPECT_EQ(admin.post("/api/evaluation/periods/" + period + "/what-if", R"({"changes":[{"indicator":"x"}]})").status,
            422);

  // Files come back byte for byte, always as an attachment.
  auto file = admin.get("/api/evaluation/periods/" + period + "/evidence/" + l1_id + "/content");
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, "%PDF-1.4 isi SK");
  EXPECT_EQ(file.header("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(file.header("Content-Disposition").find("SK%20Tim%20SPBE.pdf"), std::string::npos);
}

TEST_P(EvaluationApiTest, LampungTimurEvaluatesEveryAgencyAndRanksThem) {
  // Lampung Timur Pasal 3 ayat (2): the Kominfo PD evaluates SPBE in every Perangkat Daerah.
  Instance in(GetParam());
  auto admin = admin_client(in, "lampung-timur");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto entry = user(in, admin, "lampung-timur", "entri.uji", "assessor", kominfo);
  auto pj = user(in, admin, "lampung-timur", "pj.uji", "assessor", kominfo);
  EXPECT_EQ(text_of(admin.get("/api/evaluation/options").json.at("agency_rule"), "id"), "LTM-03-2");
  std::map<std::string, std::string> periods;
  int level = 1;
  for (const char* code : {"DINKES", "DISDUKCAPIL"}) {
    auto period = create_period(admin, 2025, R"(,"agency_id":")" + agency_id(admin, code) + "\"");
    add_member(admin, period, entry, "data_entry");
    add_member(admin, period, pj, "penanggung_jawab");
    ++level;  // DINKES at 2, DISDUKCAPIL at 3
    for (const auto& [ind, w] : indicators(admin, period)) ASSERT_EQ(put_level(entry, period, ind, level).status, 200);
    periods[code] = period;
  }
  create_period(admin, 2025);  // the Pemda-wide period is not in the league
  auto league = admin.get("/api/evaluation/league?year=2025").json.at("items").as_array();
  ASSERT_EQ(league.size(), 2u);
  EXPECT_EQ(text_of(league[0].at("period"), "id"), periods["DISDUKCAPIL"]);
  EXPECT_NEAR(num(league[0], "index"), 3.0, 1e-9);
  EXPECT_EQ(text_of(league[0], "predicate"), "Baik");
  EXPECT_EQ(league[1].at("rank").to_number<int>(), 2);
  EXPECT_NEAR(num(league[1], "index"), 2.0, 1e-9);

  // The same agency over two years: comparison oldest first.
  auto dinkes = agency_id(admin, "DINKES");
  create_period(admin, 2024, R"(,"agency_id":")" + dinkes + "\"");
  auto history = admin.get("/api/evaluation/history?agency=" + dinkes).json.at("items").as_array();
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].at("year").to_number<int>(), 2024);
  EXPECT_NEAR(num(history[1].at("result"), "index"), 2.0, 1e-9);
  EXPECT_EQ(admin.get("/api/evaluation/periods?agency=-").json.at("total").to_number<int>(), 1);
}

TEST_P(EvaluationApiTest, BadInputIsRefusedWithACatalogueCodeAndChangesNothing) {
  Instance in(GetParam());
  auto admin = admin_client(in, "bandar-lampung");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto entry = user(in, admin, "bandar-lampung", "entri.uji", "assessor", kominfo);
  auto period = create_period(admin, 2025);
  add_member(admin, period, entry, "data_entry");
  auto ind = indicators(admin, period).front().first;
  auto before = ledger_size(in);
  auto put = [&](const std::string& body) { return entry.send("PUT", answer_path(period, ind), body); };

  EXPECT_EQ(put("{\"level\":").error_code(), "request.malformed_json");
  EXPECT_EQ(put(R"({"level":"tiga"})").error_code(), "validation.wrong_type");
  EXPECT_EQ(put(R"({"level":7})").status, 422);
  EXPECT_EQ(put(R"({"level":3,"bobot":1})").status, 422);
  EXPECT_EQ(put(R"({"external_score":4})").status, 422);  // 59/2020 takes no external scores
  EXPECT_EQ(put("{\"explanation\":\"\xff\xfe\"}").status / 100, 4);
  EXPECT_EQ(entry.send("PUT", answer_path(period, "'; DROP TABLE eval_answers; --"), R"({"level":1})").status / 100, 4);
  EXPECT_EQ(entry.send("PUT", answer_path(period, "tidak-ada"), R"({"level":1})").error_code(),
            "evaluation.indicator_not_found");
  EXPECT_EQ(entry.send("PUT", answer_path("aaaaaaaaaaaaaaaaaaaa", ind), R"({"level":1})").error_code(),
            "evaluation.period_not_found");
  EXPECT_EQ(admin.post("/api/evaluation/periods", R"({"year":"2025"})").error_code(), "validation.wrong_type");
  EXPECT_EQ(admin.post("/api/evaluation/periods", R"({"year":1990})").status, 422);
  EXPECT_EQ(admin.post("/api/evaluation/periods", R"({"year":2026,"framework_id":"tidak-ada"})").error_code(),
            "evaluation.framework_not_found");
  EXPECT_EQ(admin
                .post("/api/evaluation/periods/" + period + "/members",
                      R"({"user_id":")" + user_id(entry) + R"(","role":"raja"})")
                .status,
            422);
  EXPECT_EQ(admin.get("/api/evaluation/league").status, 400);
  EXPECT_EQ(admin.get("/api/evaluation/periods?year=abc").status, 400);
  EXPECT_EQ(ledger_size(in), before);

  // Another tenant cannot see or touch this period.
  auto other = admin_client(in, "madiun");
  EXPECT_EQ(other.get("/api/evaluation/periods/" + period).error_code(), "evaluation.period_not_found");
  EXPECT_EQ(other.get("/api/evaluation/periods").json.at("total").to_number<int>(), 0);
}

TEST_P(EvaluationApiTest, LiveEvidenceIsProposedFromRealRecordsAndCanBeLinked) {
  Instance in(GetParam());
  auto admin = admin_client(in, "bontang");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto entry = user(in, admin, "bontang", "entri.uji", "assessor", kominfo);
  auto period = create_period(admin, 2025);
  add_member(admin, period, entry, "data_entry");
  auto base = "/api/evaluation/periods/" + period + "/indicators/I4";  // Kebijakan Internal Aplikasi: [applications]
  auto proposals_of = [&](const std::string& ref) {
    auto view = entry.get(base);
    std::vector<boost::json::value> out;
    for (const auto& p : view.json.at("proposals").as_array())
      if (p.at("ref_id").as_string() == ref) out.push_back(p);
    return out;
  };
  auto app = admin.post("/api/applications", R"({"code":"APL-9","name":"Sistem Arsip","owner_agency_id":")" + kominfo +
                                                 R"(","category":"aplikasi_umum"})");
  ASSERT_EQ(app.status, 201) << app.body;
  auto app_id = text_of(app.json, "id");
  auto found = proposals_of(app_id);
  ASSERT_FALSE(found.empty()) << "the registered application is proposed as evidence";
  EXPECT_EQ(text_of(found.front(), "kind"), "application");

  auto linked = entry.post(base + "/evidence/link", R"({"ref_kind":"application","ref_id":")" + app_id + "\"}");
  ASSERT_EQ(linked.status, 201) << linked.body;
  EXPECT_NE(text_of(linked.json, "label").find("Sistem Arsip"), std::string::npos);
  // Another tenant's records are never resolved: EvaluationEvidenceTest covers that per source.
  EXPECT_EQ(
      entry.post(base + "/evidence/link", R"({"ref_kind":"application","ref_id":")" + std::string(20, 'a') + "\"}")
          .error_code(),
      "evaluation.link_unknown");
}

INSTANTIATE_TEST_SUITE_P(Databases, EvaluationApiTest, ::testing::ValuesIn(test_support::backends()));
