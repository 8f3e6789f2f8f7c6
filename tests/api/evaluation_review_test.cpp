// The reviewer's side of the self-assessment (issue 20, items 1 and 3): a linked Simpul record
// supports the answer unless data entry says otherwise; approval waits for a verdict on every main
// evidence item and names those without one; verdicts stay possible until the period is locked and
// never come from the answer's filler; the indicator says why its value is what it is; the 59/2020
// level criteria are loaded with their provenance while 8/2026 shows none published; a new period
// always has a koordinator and an answer is never sent to an empty desk. On both databases.
#include <gtest/gtest.h>

#include <algorithm>

#include "api_harness.hpp"
#include "core/crypto.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class EvaluationReviewTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

std::string me(Client& c) { return text_of(c.get("/api/auth/me").json.at("user"), "id"); }

std::string new_period(Client& admin, int year) {
  auto r = admin.post("/api/evaluation/periods", "{\"year\":" + std::to_string(year) + "}");
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? text_of(r.json, "id") : "";
}

void join(Client& admin, const std::string& period, Client& who, const std::string& role) {
  auto r = admin.post("/api/evaluation/periods/" + period + "/members",
                      R"({"user_id":")" + me(who) + R"(","role":")" + role + "\"}");
  ASSERT_EQ(r.status, 201) << r.body;
}

std::vector<std::string> indicator_ids(Client& c, const std::string& period) {
  std::vector<std::string> out;
  auto detail = c.get("/api/evaluation/periods/" + period);  // kept: the loop reads into it
  for (const auto& i : detail.json.at("indicators").as_array()) out.push_back(text_of(i, "id"));
  return out;
}

/// The labels in an error's details.evidence.
std::vector<std::string> listed(const Reply& r) {
  std::vector<std::string> out;
  for (const auto& e : r.json.at("error").at("details").at("evidence").as_array()) out.push_back(text_of(e, "label"));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_P(EvaluationReviewTest, ApprovalWaitsForEveryMainEvidenceVerdictAndTheValueExplainsItself) {
  Instance in(GetParam());
  auto admin = admin_client(in, "madiun");  // 8/2026: the cumulative evidence rule
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto entry = user(in, admin, "madiun", "entri.uji", "assessor", kominfo);
  auto pj = user(in, admin, "madiun", "pj.uji", "assessor", kominfo);
  auto period = new_period(admin, 2026);
  join(admin, period, entry, "data_entry");
  join(admin, period, pj, "penanggung_jawab");
  auto inds = indicator_ids(admin, period);
  ASSERT_GE(inds.size(), 3u);
  auto base = "/api/evaluation/periods/" + period + "/indicators/" + inds[0];
  auto upload = [&](const std::string& name, int level) {
    return entry.send("POST", base + "/evidence?filename=" + name + "&level=" + std::to_string(level),
                      "%PDF-1.4 " + name, {{"content-type", "application/octet-stream"}});
  };
  auto app = admin.post("/api/applications", R"({"code":"APL-16","name":"Sistem Kepegawaian","owner_agency_id":")" +
                                                 kominfo + R"(","category":"aplikasi_umum"})");
  ASSERT_EQ(app.status, 201) << app.body;

  ASSERT_EQ(entry.send("PUT", base + "/answer", R"({"explanation":"SK dan notulen"})").status, 200);
  auto sk = upload("sk.pdf", 1);
  auto notulen = upload("notulen.pdf", 2);
  ASSERT_EQ(sk.status, 201);
  ASSERT_EQ(notulen.status, 201);
  // "Tautkan" on a suggested record: supporting evidence, unless data entry marks it as main.
  auto linked = entry.post(base + "/evidence/link",
                           R"({"ref_kind":"application","ref_id":")" + text_of(app.json, "id") + R"(","level":1})");
  ASSERT_EQ(linked.status, 201) << linked.body;
  EXPECT_FALSE(linked.json.at("main").as_bool());
  EXPECT_TRUE(sk.json.at("main").as_bool());
  ASSERT_EQ(entry.post(base + "/answer/submit", "").status, 200);

  // Approval is refused while main evidence has no verdict, naming each such item (not the link).
  auto early = pj.post(base + "/answer/review", R"({"decision":"disetujui"})");
  EXPECT_EQ(early.error_code(), "evaluation.evidence_unreviewed");
  EXPECT_EQ(early.status, 409);
  if (early.status == 409) {
    EXPECT_EQ(listed(early), (std::vector<std::string>{"notulen.pdf", "sk.pdf"}));
  }
  auto view = pj.get(base).json;
  EXPECT_EQ(text_of(view.at("answer"), "state"), "diajukan");

  auto verdict = [&](Client& c, const Reply& item, bool ok) {
    return c.post("/api/evaluation/periods/" + period + "/evidence/" + text_of(item.json, "id") + "/verdict",
                  std::string(R"({"accepted":)") + (ok ? "true" : "false") + "}");
  };
  ASSERT_EQ(verdict(pj, sk, true).status, 200);
  EXPECT_EQ(listed(pj.post(base + "/answer/review", R"({"decision":"disetujui"})")),
            std::vector<std::string>{"notulen.pdf"});
  ASSERT_EQ(verdict(pj, notulen, false).status, 200);
  auto approved = pj.post(base + "/answer/review", R"({"decision":"disetujui"})");
  ASSERT_EQ(approved.status, 200) << approved.body;

  // The indicator says why its value is 1: level 2's main evidence was rejected; the link is shown
  // as supporting and does not count.
  view = pj.get(base).json;
  EXPECT_DOUBLE_EQ(view.at("value").to_number<double>(), 1.0);
  const auto& basis = view.at("basis");
  ASSERT_EQ(basis.at("levels").as_array().size(), 2u);
  EXPECT_EQ(text_of(basis.at("levels").as_array()[0], "status"), "diterima");
  EXPECT_EQ(text_of(basis.at("levels").as_array()[1], "status"), "ditolak");
  EXPECT_NE(text_of(basis, "reason").find("tingkat 2 ditolak (notulen.pdf)"), std::string::npos)
      << text_of(basis, "reason");
  ASSERT_EQ(basis.at("supporting").as_array().size(), 1u);
  EXPECT_NE(std::string(basis.at("supporting").as_array()[0].as_string()).find("Sistem Kepegawaian"),
            std::string::npos);

  // Still reviewable after the approval, until the period is locked: the value follows.
  ASSERT_EQ(verdict(pj, notulen, true).status, 200);
  view = pj.get(base).json;
  EXPECT_DOUBLE_EQ(view.at("value").to_number<double>(), 2.0);
  EXPECT_EQ(text_of(view.at("basis"), "reason"),
            "Nilai 2: tingkat 3 belum memiliki bukti utama. Bukti pendukung (1) tidak menentukan tingkat.");
  EXPECT_EQ(text_of(view.at("basis"), "reason_en"),
            "Value 2: level 3 has no main evidence. Supporting evidence (1) does not decide the level.");
}

TEST_P(EvaluationReviewTest, TheFillerJudgesNeitherTheAnswerNorItsEvidence) {
  Instance in(GetParam());
  auto admin = admin_client(in, "madiun");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto both = user(in, admin, "madiun", "ganda.uji", "assessor", kominfo);  // data entry and penanggung jawab
  auto pj = user(in, admin, "madiun", "pj.uji", "assessor", kominfo);
  auto period = new_period(admin, 2026);
  join(admin, period, both, "data_entry");
  join(admin, period, both, "penanggung_jawab");
  join(admin, period, pj, "penanggung_jawab");
  auto base = "/api/evaluation/periods/" + period + "/indicators/" + indicator_ids(admin, period).front();
  ASSERT_EQ(both.send("PUT", base + "/answer", R"({"explanation":"x"})").status, 200);
  auto item = both.send("POST", base + "/evidence?filename=sk.pdf&level=1", "%PDF sk",
                        {{"content-type", "application/octet-stream"}});
  ASSERT_EQ(item.status, 201);
  ASSERT_EQ(both.post(base + "/answer/submit", "").status, 200);
  auto path = "/api/evaluation/periods/" + period + "/evidence/" + text_of(item.json, "id") + "/verdict";
  auto before = ledger_size(in);
  EXPECT_EQ(both.post(path, R"({"accepted":true})").error_code(), "evaluation.self_approval");
  EXPECT_EQ(ledger_size(in), before);
  EXPECT_EQ(text_of(both.get(base).json.at("evidence").as_array()[0], "verdict"), "");
  ASSERT_EQ(pj.post(path, R"({"accepted":true})").status, 200);
  EXPECT_EQ(both.post(base + "/answer/review", R"({"decision":"disetujui"})").error_code(), "evaluation.self_approval");
  EXPECT_EQ(pj.post(base + "/answer/review", R"({"decision":"disetujui"})").status, 200);
}

TEST_P(EvaluationReviewTest, ANewPeriodHasAKoordinatorAndNothingIsSentToAnEmptyDesk) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");  // Pasal 42: the evaluator sub-team, not staffed in a new tenant
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto entry = user(in, admin, "balikpapan", "entri.uji", "assessor", kominfo);
  auto period = new_period(admin, 2025);
  auto detail = admin.get("/api/evaluation/periods/" + period).json;
  ASSERT_EQ(detail.at("members").as_array().size(), 1u);
  const auto& creator = detail.at("members").as_array()[0];
  EXPECT_EQ(text_of(creator, "user_id"), me(admin));
  EXPECT_EQ(text_of(creator, "role"), "koordinator");

  join(admin, period, entry, "data_entry");
  auto base = "/api/evaluation/periods/" + period + "/indicators/" + indicator_ids(admin, period).front();
  ASSERT_EQ(entry.send("PUT", base + "/answer", R"({"level":2})").status, 200);
  // With the koordinator gone, nobody could review: "Ajukan ke penanggung jawab" is refused.
  ASSERT_EQ(admin.del("/api/evaluation/periods/" + period + "/members/" + text_of(creator, "id")).status, 200);
  auto before = ledger_size(in);
  auto refused = entry.post(base + "/answer/submit", "");
  EXPECT_EQ(refused.error_code(), "evaluation.no_reviewer");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(ledger_size(in), before);
  EXPECT_EQ(text_of(entry.get(base).json.at("answer"), "state"), "draf");
  // The filler does not count as a reviewer of their own answer.
  join(admin, period, entry, "koordinator");
  EXPECT_EQ(entry.post(base + "/answer/submit", "").error_code(), "evaluation.no_reviewer");
  auto pj = user(in, admin, "balikpapan", "pj.uji", "assessor", kominfo);
  join(admin, period, pj, "penanggung_jawab");
  EXPECT_EQ(entry.post(base + "/answer/submit", "").status, 200);
}

TEST_P(EvaluationReviewTest, The59Of2020LevelCriteriaAreLoadedWithTheirProvenanceAnd8Of2026ShowsNonePublished) {
  Instance in(GetParam());
  auto admin = admin_client(in, "bontang");
  auto period = new_period(admin, 2025);
  auto inds = indicator_ids(admin, period);
  ASSERT_EQ(inds.size(), 47u);
  for (const auto& id : {inds.front(), inds[15], inds.back()}) {
    auto ind = admin.get("/api/evaluation/periods/" + period + "/indicators/" + id).json.at("indicator");
    EXPECT_TRUE(ind.at("criteria_published").as_bool());
    for (const auto& level : ind.at("levels").as_array()) EXPECT_FALSE(text_of(level, "criteria").empty()) << id;
    EXPECT_NE(text_of(ind, "criteria_source").find("59-2020-level-criteria"), std::string::npos);
    EXPECT_NE(text_of(ind, "criteria_notes").find("bukan dari PDF resmi"), std::string::npos);
  }
  auto first = admin.get("/api/evaluation/periods/" + period + "/indicators/" + inds.front()).json.at("indicator");
  EXPECT_EQ(text_of(first.at("levels").as_array()[0], "criteria")
                .rfind("Konsep kebijakan internal terkait Arsitektur SPBE", 0),
            0u);

  auto madiun = admin_client(in, "madiun");
  auto pemdi = new_period(madiun, 2026);
  auto ind = madiun.get("/api/evaluation/periods/" + pemdi + "/indicators/" + indicator_ids(madiun, pemdi).front())
                 .json.at("indicator");
  EXPECT_FALSE(ind.at("criteria_published").as_bool());
}

INSTANTIATE_TEST_SUITE_P(Databases, EvaluationReviewTest, ::testing::ValuesIn(test_support::backends()));
