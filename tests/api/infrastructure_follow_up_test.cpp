// Issue 16's follow-ups through the API (docs/infrastructure.md), on both databases: the monthly
// bandwidth evaluation as a PDF, the yearly Pusat Data service review of Bandar Lampung Pasal 18
// ayat (2) as a reminder that is never a finding, and the roadmap's refusal of an initiative that
// builds a data centre of a PD (Lampung Timur Pasal 17 ayat (9)).
#include <gtest/gtest.h>

#include <string>

#include "api_harness.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "pdf_text.hpp"
#include "testing/proves.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class InfrastructureFollowUpTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

/// "2026-12-05" -> "5 Desember 2026", as the PDF writes a local date.
std::string infb_long_date(const std::string& ymd) {
  static const char* kNames[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                 "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
  return std::to_string(std::stoi(ymd.substr(8, 2))) + " " + kNames[std::stoi(ymd.substr(5, 2)) - 1] + " " +
         ymd.substr(0, 4);
}

/// Thirteen readings 5 minutes apart from 05:00Z on `date` of one interface carrying 4 Mbps in.
std::string infb_readings(const std::string& agency, const std::string& date) {
  std::string body = R"({"samples":[)";
  auto start = *clock::parse_iso(date + "T05:00:00Z");
  for (int k = 0; k <= 12; ++k) {
    if (k) body += ",";
    body += R"({"agency_id":")" + agency + R"(","interface":"ge-1","at":")" +
            clock::to_iso(start + std::chrono::minutes(5 * k)) + R"(","in_octets":)" + std::to_string(150000000LL * k) +
            R"(,"out_octets":0})";
  }
  return body + "]}";
}

void infb_approve(Client& dinas, Client& requester, const std::string& agency, int mbps) {
  auto r = requester.post("/api/infrastructure/bandwidth/requests", R"({"agency_id":")" + agency + R"(","need_mbps":)" +
                                                                        std::to_string(mbps) +
                                                                        R"(,"justification":"Layanan daring"})");
  ASSERT_EQ(r.status, 201) << r.body;
  auto d = dinas.post("/api/infrastructure/bandwidth/requests/" + text_of(r.json, "id") + "/decision",
                      R"({"decision":"disetujui","priority":2,"allocated_mbps":)" + std::to_string(mbps) +
                          R"(,"reasons":"Prioritas layanan"})");
  ASSERT_EQ(d.status, 200) << d.body;
}

/// Adds the client's user to the tenant's Tim Koordinasi in `position`.
void infb_join_team(Client& admin, Client& member, const std::string& position) {
  std::string team;
  auto teams = admin.get("/api/teams");  // kept: a range over a temporary's member would dangle
  for (const auto& t : teams.json.as_array())
    if (t.at("kind").as_string() == "tim_koordinasi") team = text_of(t, "id");
  ASSERT_FALSE(team.empty());
  auto me = text_of(member.get("/api/auth/me").json.at("user"), "id");
  auto r =
      admin.post("/api/teams/" + team + "/members", R"({"user_id":")" + me + R"(","position_id":")" + position + "\"}");
  ASSERT_EQ(r.status, 201) << r.body;
}

void infb_run_job(Instance& in, const std::string& id) {
  bool found = false;
  for (auto& j : in.platform().jobs())
    if (j.id == id) {
      found = true;
      j.run();
    }
  EXPECT_TRUE(found) << id;
}

/// Inbox items of the client's user about the Pusat Data service review.
std::vector<boost::json::value> infb_review_reminders(Client& c) {
  std::vector<boost::json::value> out;
  auto inbox = c.get("/api/notifications");  // kept, as above
  for (const auto& i : inbox.json.at("items").as_array())
    if (text_of(i, "title").find("reviu layanan Pusat Data") != std::string::npos) out.push_back(i);
  return out;
}

}  // namespace

TEST_P(InfrastructureFollowUpTest, TheMonthlyEvaluationIsAPdfForTheTimKoordinasiInLocalTime) {
  Instance in(GetParam());
  auto admin = admin_client(in, "lampung-timur");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto pd = agency_id(admin, "DISHUB");
  auto dinas = user(in, admin, "lampung-timur", "penelaah.dinas", "technical_reviewer", kominfo);
  infb_approve(dinas, admin, pd, 10);
  auto date = clock::local_date(clock::now() - std::chrono::hours(24 * 40), 7);  // in a closed month
  ASSERT_EQ(admin.post("/api/infrastructure/bandwidth/samples", infb_readings(pd, date)).status, 200);
  auto e = dinas.post("/api/infrastructure/bandwidth/evaluations", R"({"month":")" + date.substr(0, 7) + "\"}");
  ASSERT_EQ(e.status, 201) << e.body;
  auto id = text_of(e.json, "id");
  auto path = "/api/infrastructure/bandwidth/evaluations/" + id + "/evaluation.pdf";

  auto before = dinas.get(path);
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_EQ(before.header("Content-Type"), "application/pdf");
  EXPECT_NE(before.header("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_NE(before.header("Content-Disposition").find("evaluasi-bandwidth-" + date.substr(0, 7) + ".pdf"),
            std::string::npos);
  ASSERT_EQ(before.body.rfind("%PDF", 0), 0u);
  auto text = pdf_text(before.body);
  EXPECT_NE(text.find("Evaluasi Penggunaan Bandwidth Bulanan"), std::string::npos);
  EXPECT_NE(text.find("Bulan " + infb_long_date(date.substr(0, 7) + "-01").substr(2)), std::string::npos) << text;
  // The PD's readings and verdict: 4 Mbps at the 95th percentile of a 10 Mbps allocation.
  EXPECT_NE(text.find("Perhubungan"), std::string::npos);
  EXPECT_NE(text.find("4,00"), std::string::npos);
  EXPECT_NE(text.find("40%"), std::string::npos);
  EXPECT_NE(text.find("Sesuai alokasi"), std::string::npos);
  EXPECT_NE(text.find("Alokasi sesuai dengan penggunaan"), std::string::npos);
  // The articles: evaluated monthly (ayat (3)) and addressed to the Tim Koordinasi (ayat (4)).
  EXPECT_NE(text.find("Pasal 21 ayat (3)"), std::string::npos);
  EXPECT_NE(text.find("Pasal 21 ayat (4)"), std::string::npos);
  EXPECT_NE(text.find("Belum diterima"), std::string::npos);
  EXPECT_NE(text.find("Halaman 1 dari "), std::string::npos) << text;
  // Generated now: the tenant's local date (WIB), not the UTC one.
  auto generated = clock::local_date(*clock::parse_iso(text_of(e.json, "generated_at")), 7);
  EXPECT_NE(text.find(infb_long_date(generated)), std::string::npos);
  EXPECT_NE(text.find("WIB"), std::string::npos);

  auto member = user(in, admin, "lampung-timur", "anggota.tim", "viewer", kominfo);
  infb_join_team(admin, member, "anggota");
  auto ack = member.post("/api/infrastructure/bandwidth/evaluations/" + id + "/acknowledgement", "");
  ASSERT_EQ(ack.status, 200) << ack.body;
  auto after = pdf_text(member.get(path).body);
  EXPECT_EQ(after.find("Belum diterima"), std::string::npos);
  EXPECT_NE(after.find("oleh " + text_of(ack.json, "acknowledged_by_name")), std::string::npos);

  // In English on request (?lang=en) or in the caller's language; the same figures, the same articles.
  auto english = member.get(path + "?lang=en");
  ASSERT_EQ(english.status, 200) << english.body;
  EXPECT_NE(english.header("Content-Disposition").find("bandwidth-evaluation-" + date.substr(0, 7) + ".pdf"),
            std::string::npos);
  auto en = pdf_text(english.body);
  EXPECT_NE(en.find("Monthly Bandwidth Usage Evaluation"), std::string::npos) << en;
  EXPECT_NE(en.find("In line with the allocation"), std::string::npos);
  EXPECT_NE(en.find("The allocation fits the usage"), std::string::npos);
  EXPECT_NE(en.find("4.00"), std::string::npos);
  EXPECT_NE(en.find("Pasal 21 ayat (4)"), std::string::npos);
  EXPECT_NE(en.find("by " + text_of(ack.json, "acknowledged_by_name")), std::string::npos);
  EXPECT_EQ(en.find("Belum diterima"), std::string::npos);
  EXPECT_EQ(en.find("Sesuai alokasi"), std::string::npos);
  // The page footer too: "Page X of Y", not "Halaman X dari Y".
  EXPECT_NE(en.find("Page 1 of "), std::string::npos) << en;
  EXPECT_EQ(en.find("Halaman"), std::string::npos) << en;
  auto by_header = pdf_text(member.send("GET", path, "", {{"accept-language", "en-US,en;q=0.9"}}).body);
  EXPECT_NE(by_header.find("Monthly Bandwidth Usage Evaluation"), std::string::npos);
  EXPECT_EQ(member.get(path + "?lang=fr").error_code(), "validation.invalid_value");

  EXPECT_EQ(admin.get("/api/infrastructure/bandwidth/evaluations/" + crypto::new_id() + "/evaluation.pdf").error_code(),
            "infrastructure.evaluation_not_found");
}

TEST_P(InfrastructureFollowUpTest, TheYearlyPusatDataServiceReviewIsAReminderWhereTheRegionAllowsItNeverAFinding) {
  // 'dapat': the review is the Tim Koordinasi's option, so the article is honoured by a reminder citing it.
  SIMPUL_PROVES("bandar-lampung", "BDL-18-2");
  struct Case {
    const char* profile;
    const char* position;
    bool reviewed_first;
  };
  for (const auto& k : {Case{"bandar-lampung", "anggota", false}, Case{"bandar-lampung", "anggota", true},
                        Case{"balikpapan", "pelaksana", false}}) {
    SCOPED_TRACE(std::string(k.profile) + (k.reviewed_first ? " (reviewed this year)" : ""));
    bool allowed = std::string(k.profile) == "bandar-lampung";
    Instance in(GetParam());
    auto admin = admin_client(in, k.profile);
    auto kominfo = agency_id(admin, "DISKOMINFO");
    auto member = user(in, admin, k.profile, "anggota.tim", "viewer", kominfo);
    infb_join_team(admin, member, k.position);

    auto status = admin.get("/api/infrastructure/service-review");
    ASSERT_EQ(status.status, 200) << status.body;
    if (allowed) {
      EXPECT_EQ(text_of(status.json.at("rule"), "id"), "BDL-18-2");
      EXPECT_EQ(text_of(status.json.at("rule"), "citation"), "Pasal 18 ayat (2)");
    } else {
      EXPECT_TRUE(status.json.at("rule").is_null());
    }
    auto year = text_of(status.json, "year");

    if (k.reviewed_first) {
      // Only the team reviews (ayat (3)): others are refused with the article; a future date is refused.
      auto today = clock::local_date(clock::now(), 7);
      auto refused = admin.post("/api/infrastructure/service-review/reviews",
                                R"({"reviewed_on":")" + today + R"(","summary":"Reviu layanan"})");
      EXPECT_EQ(refused.status, 403);
      EXPECT_EQ(refused.rule_id(), "BDL-18-2");
      EXPECT_EQ(member
                    .post("/api/infrastructure/service-review/reviews",
                          R"({"reviewed_on":")" + std::to_string(std::stoi(year) + 1) + R"(-01-01","summary":"x"})")
                    .status,
                422);
      auto before = ledger_size(in);
      auto held = member.post("/api/infrastructure/service-review/reviews",
                              R"({"reviewed_on":")" + today + R"(","summary":"Layanan kolokasi dan VPS ditinjau"})");
      ASSERT_EQ(held.status, 201) << held.body;
      EXPECT_EQ(ledger_size(in), before + 1);
      EXPECT_TRUE(admin.get("/api/infrastructure/service-review").json.at("reviewed_this_year").as_bool());
    }

    infb_run_job(in, "infrastructure.service_review_reminder");
    infb_run_job(in, "infrastructure.service_review_reminder");  // once a year, not once a pass
    auto reminders = infb_review_reminders(member);
    if (allowed && !k.reviewed_first) {
      ASSERT_EQ(reminders.size(), 1u);
      auto title = text_of(reminders.front(), "title");
      EXPECT_NE(title.find(year), std::string::npos);
      EXPECT_NE(title.find("Pasal 18 ayat (2)"), std::string::npos);
      EXPECT_NE(text_of(reminders.front(), "body").find("bukan pelanggaran"), std::string::npos);
      auto after = admin.get("/api/infrastructure/service-review").json;
      EXPECT_FALSE(after.at("reminded_at").is_null());
      EXPECT_GE(after.at("recipients").as_int64(), 1);
      EXPECT_FALSE(after.at("reviewed_this_year").as_bool());
    } else {
      EXPECT_TRUE(reminders.empty());
    }

    // Never a violation: no finding cites the article, whether or not a review was held.
    ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
    auto findings = admin.get("/api/compliance/findings?state=open&per_page=200");
    ASSERT_EQ(findings.status, 200);
    for (const auto& f : findings.json.at("items").as_array())
      EXPECT_NE(text_of(f.at("rule"), "id").rfind("BDL-18", 0), 0u) << json_text(f);
  }
}

TEST_P(InfrastructureFollowUpTest, LampungTimurRefusesARoadmapInitiativeThatBuildsADataCentreOfAPerangkatDaerah) {
  SIMPUL_PROVES("lampung-timur", "LTM-17-9");
  for (const char* profile : {"lampung-timur", "balikpapan"}) {
    SCOPED_TRACE(profile);
    bool banned = std::string(profile) == "lampung-timur";
    Instance in(GetParam());
    auto admin = admin_client(in, profile);
    auto pd = agency_id(admin, "DISHUB");
    auto kominfo = agency_id(admin, "DISKOMINFO");
    auto element = [&](const std::string& code, const std::string& owner, const std::string& type) {
      auto r = admin.post("/api/architecture/elements",
                          R"({"domain":"infrastruktur","code":")" + code + R"(","name":"Pusat data )" + code +
                              R"(","owner_agency_id":")" + owner + R"(","state":"to_be","attributes":{"infra_type":")" +
                              type + "\"}}");
      EXPECT_EQ(r.status, 201) << r.body;
      return r.status == 201 ? text_of(r.json, "id") : std::string();
    };
    auto initiative = [&](const std::string& code, const std::string& owner, const std::string& elements) {
      return R"({"code":")" + code + R"(","name":"Program )" + code +
             R"(","category":"infrastruktur_spbe","owner_agency_id":")" + owner +
             R"(","start_year":2027,"target_year":2028,"elements":[)" + elements + "]}";
    };
    auto creates = [](const std::string& id) { return R"({"element_id":")" + id + R"(","effect":"create"})"; };
    auto pd_centre = element("DC-HUB", pd, "pusat_data");
    auto dinas_centre = element("DC-PEMDA", kominfo, "pusat_data");
    auto pd_server = element("SRV-HUB", pd, "perangkat_keras");

    auto before = ledger_size(in);
    auto r = admin.post("/api/roadmap/initiatives", initiative("P-DC", pd, creates(pd_centre)));
    if (banned) {
      ASSERT_EQ(r.status, 422) << r.body;
      EXPECT_EQ(r.error_code(), "infrastructure.gate_refused");
      EXPECT_EQ(r.rule_id(), "LTM-17-9");
      EXPECT_EQ(text_of(r.json.at("error").at("rule"), "citation"), "Pasal 17 ayat (9)");
      EXPECT_EQ(text_of(r.json.at("error").at("details"), "element_code"), "DC-HUB");
      EXPECT_EQ(ledger_size(in), before);
      EXPECT_EQ(admin.get("/api/roadmap/initiatives").json.at("total").as_int64(), 0);
      // The Dinas's own Pusat Data is its duty (ayat (5)); a PD's server is no data centre.
      EXPECT_EQ(admin.post("/api/roadmap/initiatives", initiative("P-PEMDA", kominfo, creates(dinas_centre))).status,
                201);
      auto plain = admin.post("/api/roadmap/initiatives", initiative("P-HUB", pd, creates(pd_server)));
      ASSERT_EQ(plain.status, 201) << plain.body;
      // Adding the PD's data centre to an existing initiative is refused the same way.
      auto changed = admin.patch("/api/roadmap/initiatives/" + text_of(plain.json, "id"),
                                 R"({"elements":[)" + creates(pd_server) + "," + creates(pd_centre) + "]}");
      EXPECT_EQ(changed.status, 422) << changed.body;
      EXPECT_EQ(changed.rule_id(), "LTM-17-9");
      EXPECT_EQ(
          admin.get("/api/roadmap/initiatives/" + text_of(plain.json, "id")).json.at("elements").as_array().size(), 1u);
    } else {
      EXPECT_EQ(r.status, 201) << r.body;  // Balikpapan's text has no such prohibition
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Databases, InfrastructureFollowUpTest, ::testing::ValuesIn(test_support::backends()));
