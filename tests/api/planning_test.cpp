// Rencana dan Anggaran SPBE through the API, one fixture through each of the five regulations:
// what a line must carry and what it may not buy, who opens cycles, recommends, verifies and
// approves, the duplicates that block approval in Bontang, standard prices, and the consolidated
// budget with its roadmap gaps. On both databases.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "api_harness.hpp"
#include "core/crypto.hpp"
#include "interchange/xlsx.hpp"
#include "planning/demo.hpp"
#include "regulation/engine.hpp"
#include "testing/proves.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

struct PlanRegion {
  std::string profile;
  std::string coordinator_code;  // the agency the regulation names to coordinate the budget
  std::string other_code;        // an agency that is not it (planning or Dinas)
  std::string coordinator_rule;
  std::string link_rule;
  std::string category_rule;     // empty: the category is optional
  std::string funding_rule;      // empty: the file states no funding article
  std::string internet_rule;     // empty: a PD may budget internet
  std::string data_centre_rule;  // empty: a PD may budget a server room
  std::string recommendation_rule;
  bool recommendation_required = false;
  std::string duplicate_rule;  // empty: duplicates do not block verification
  std::string approval_rule;
  std::string price_rule;
};

const std::vector<PlanRegion>& plan_regions() {
  static const std::vector<PlanRegion> k = {
      {"bandar-lampung", "DISKOMINFO", "BAPPEDA", "BDL-09-4", "BDL-09-2", "", "", "", "", "", false, "", "", ""},
      {"balikpapan", "BAPPEDALITBANG", "DISKOMINFO", "BPN-07-3", "BPN-07-2", "", "BPN-45", "", "", "BPN-07-4", false,
       "", "", ""},
      {"lampung-timur", "BAPPEDA", "DISKOMINFO", "LTM-10-2", "LTM-10-3", "", "LTM-42-1", "", "LTM-17-9", "LTM-42-2",
       true, "", "", ""},
      {"bontang", "BAPPELITBANG", "DISKOMINFO", "BTG-09", "BTG-07-2", "BTG-08-1", "BTG-50", "BTG-11", "", "", false,
       "BTG-10-2", "BTG-10-3", "BTG-08-2"},
      {"madiun", "BAPPELITBANGDA", "DISKOMINFO", "MDN-08-3", "MDN-08-1", "", "MDN-47", "", "", "", false, "", "", ""},
  };
  return k;
}

/// The citation of each rule these tests assert, as profiles/<region>.yaml states it.
std::string plan_citation(const std::string& rule) {
  static const std::map<std::string, std::string> k = {
      {"BDL-09-2", "Pasal 9 ayat (2)"},
      {"BDL-09-4", "Pasal 9 ayat (4)"},
      {"BPN-07-2", "Pasal 7 ayat (2)"},
      {"BPN-07-3", "Pasal 7 ayat (3)"},
      {"BPN-07-4", "Pasal 7 ayat (4)"},
      {"BPN-45", "Pasal 45"},
      {"LTM-10-2", "Pasal 10 ayat (2)"},
      {"LTM-10-3", "Pasal 10 ayat (3)"},
      {"LTM-17-9", "Pasal 17 ayat (9)"},
      {"LTM-42-1", "Pasal 42 ayat (1)"},
      {"LTM-42-2", "Pasal 42 ayat (2)"},
      {"BTG-07-2", "Pasal 7 ayat (2)"},
      {"BTG-08-1", "Pasal 8 ayat (1)"},
      {"BTG-08-2", "Pasal 8 ayat (2)"},
      {"BTG-09", "Pasal 9"},
      {"BTG-10-2", "Pasal 10 ayat (2)"},
      {"BTG-10-3", "Pasal 10 ayat (3)"},
      {"BTG-11", "Pasal 11"},
      {"BTG-50", "Pasal 50"},
      {"MDN-08-1", "Pasal 8 ayat (1)"},
      {"MDN-08-3", "Pasal 8 ayat (3)"},
      {"MDN-47", "Pasal 47"},
  };
  auto it = k.find(rule);
  return it == k.end() ? "(no citation expected for " + rule + ")" : it->second;
}

std::string plan_refusal_citation(const Reply& r) {
  if (!r.json.is_object() || !r.json.as_object().contains("error") || !r.json.at("error").as_object().contains("rule"))
    return "";
  return text_of(r.json.at("error").at("rule"), "citation");
}

/// The refusal cites `rule` (with its citation), or no rule at all when `rule` is empty.
void plan_expect_cites(const Reply& r, const std::string& rule) {
  if (rule.empty()) {
    EXPECT_EQ(r.rule_id(), "") << r.body;
  } else {
    EXPECT_EQ(r.rule_id(), rule) << r.body;
    EXPECT_EQ(plan_refusal_citation(r), plan_citation(rule)) << r.body;
  }
}

class PlanningTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

/// One region's tenant with an application element, a roadmap initiative of the fiscal year, the
/// coordinator, the Dinas and two PD operators, and an open cycle.
struct PlanFixture {
  Instance in;
  Client admin;
  PlanRegion region;
  std::string today, element, initiative, spare_initiative, cycle;
  int year = 0;
  std::map<std::string, std::string> agency;           // code -> id
  Client coordinator, dinas, kominfo, dinkes, disduk;  // kominfo: an operator of the Dinas, proposing its own spending

  PlanFixture(const std::string& backend, const PlanRegion& r)
      : in(backend),
        admin(admin_client(in, r.profile)),
        region(r),
        coordinator(
            user(in, admin, r.profile, "koordinator.anggaran", "planner", agency_id(admin, r.coordinator_code))),
        dinas(user(in, admin, r.profile, "penelaah.anggaran", "technical_reviewer", agency_id(admin, "DISKOMINFO"))),
        kominfo(user(in, admin, r.profile, "op.anggaran.kominfo", "agency_operator", agency_id(admin, "DISKOMINFO"))),
        dinkes(user(in, admin, r.profile, "op.anggaran.dinkes", "agency_operator", agency_id(admin, "DINKES"))),
        disduk(user(in, admin, r.profile, "op.anggaran.disduk", "agency_operator", agency_id(admin, "DISDUKCAPIL"))) {
    today = in.platform().tenancy().profile_of(Scope{in.platform().tenancy().tenants().front().id}).today();
    year = std::stoi(today.substr(0, 4)) + 1;
    for (const auto& code : {std::string("DISKOMINFO"), std::string("DINKES"), std::string("DISDUKCAPIL"),
                             r.coordinator_code, r.other_code})
      agency[code] = agency_id(admin, code);
    auto e =
        admin.post("/api/architecture/elements",
                   R"({"domain":"aplikasi","code":"APL-ANG-01","name":"Aplikasi Rekam Medis","owner_agency_id":")" +
                       agency["DINKES"] + R"(","state":"to_be"})");
    EXPECT_EQ(e.status, 201) << e.body;
    element = e.status == 201 ? text_of(e.json, "id") : "";
    initiative = add_initiative("PR-ANG-01", "Rekam medis elektronik");
    spare_initiative = add_initiative("PR-ANG-02", "Jaringan intra pemerintah");
    auto c = coordinator.post("/api/planning/cycles",
                              R"({"fiscal_year":)" + std::to_string(year) + R"(,"submission_deadline":")" +
                                  regulation::add_months(today, 1) + R"(","verification_deadline":")" +
                                  regulation::add_months(today, 2) + "\"}");
    EXPECT_EQ(c.status, 201) << c.body;
    cycle = c.status == 201 ? text_of(c.json, "id") : "";
  }

  std::string add_initiative(const std::string& code, const std::string& name) {
    auto r = admin.post("/api/roadmap/initiatives", R"({"code":")" + code + R"(","name":")" + name +
                                                        R"(","category":"layanan_spbe","owner_agency_id":")" +
                                                        agency["DINKES"] + R"(","start_year":)" + std::to_string(year) +
                                                        R"(,"target_year":)" + std::to_string(year) + "}");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? text_of(r.json, "id") : "";
  }

  std::string proposal(Client& c, const std::string& code) {
    auto r = c.post("/api/planning/cycles/" + cycle + "/proposals", R"({"agency_id":")" + agency[code] + "\"}");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? text_of(r.json, "id") : "";
  }

  /// A line body; `extra` replaces or adds members (leading comma).
  std::string line(const std::string& name, const std::string& extra = "", bool link = true,
                   bool category = true) const {
    std::string body =
        R"({"sub_activity":"Pengelolaan Sistem Informasi Kesehatan","account_code":"5.1.02.01.01.0024","name":")" +
        name +
        R"(","specification":"Core i5, RAM 16 GB","volume":[{"quantity":2,"unit":"Unit"},{"quantity":12,"unit":"Bulan"}],)"
        R"("unit_price":"Rp 1.250.000","funding_source":"apbd")";
    if (category)
      body += R"(,"category":")" + std::string(region.profile == "bontang" ? "aplikasi" : "aplikasi") + "\"";
    if (link) body += R"(,"element_ids":[")" + element + R"("],"initiative_id":")" + initiative + "\"";
    return body + extra + "}";
  }
};

}  // namespace

TEST_P(PlanningTest, ALineIsCheckedAsTheRegionsArticlesSay) {
  // A line without its architecture link refused.
  SIMPUL_PROVES("bandar-lampung", "BDL-09-2");
  SIMPUL_PROVES("balikpapan", "BPN-07-2");
  SIMPUL_PROVES("lampung-timur", "LTM-10-3");
  SIMPUL_PROVES("bontang", "BTG-07-2");
  SIMPUL_PROVES("madiun", "MDN-08-1");
  // Category and funding source from the article's list.
  SIMPUL_PROVES("bontang", "BTG-08-1");
  SIMPUL_PROVES("balikpapan", "BPN-45");
  SIMPUL_PROVES("lampung-timur", "LTM-42-1");
  SIMPUL_PROVES("bontang", "BTG-50");
  SIMPUL_PROVES("madiun", "MDN-47");
  // Spending reserved to the Dinas.
  SIMPUL_PROVES("bontang", "BTG-11");
  SIMPUL_PROVES("lampung-timur", "LTM-17-9");
  for (const auto& region : plan_regions()) {
    SCOPED_TRACE(region.profile);
    PlanFixture f(GetParam(), region);
    auto mine = f.proposal(f.dinkes, "DINKES");

    // An RKA-like line: 2 Unit x 12 Bulan at Rp 1.250.000 is Rp 30.000.000.
    auto ok = f.dinkes.post("/api/planning/proposals/" + mine + "/lines", f.line("Sewa laptop tenaga kesehatan"));
    ASSERT_EQ(ok.status, 201) << ok.body;
    EXPECT_EQ(ok.json.at("total").as_int64(), 30000000);
    EXPECT_EQ(text_of(ok.json, "volume_text"), "2 Unit x 12 Bulan");
    EXPECT_EQ(ok.json.at("unit_price").as_int64(), 1250000);

    // Guided by the architecture and the roadmap: a line without its initiative is refused.
    auto unlinked = f.dinkes.post("/api/planning/proposals/" + mine + "/lines", f.line("Sewa printer", "", false));
    EXPECT_EQ(unlinked.status, 422);
    EXPECT_EQ(unlinked.error_code(), "planning.gate_refused");
    plan_expect_cites(unlinked, region.link_rule);

    // The account code follows its pattern; money is whole Rupiah and never overflows.
    auto bad_account = f.dinkes.post("/api/planning/proposals/" + mine + "/lines",
                                     f.line("Sewa printer", R"(,"account_code":"4.1.1")"));
    EXPECT_EQ(bad_account.status, 422);
    EXPECT_EQ(bad_account.error_code(), "planning.account_code_invalid");
    EXPECT_EQ(bad_account.json.at("error").at("details").at("field").as_string(), "account_code");
    auto fraction = f.dinkes.post("/api/planning/proposals/" + mine + "/lines",
                                  f.line("Sewa printer", R"(,"unit_price":"1.250.000,50")"));
    EXPECT_EQ(fraction.status, 422);
    auto huge = f.dinkes.post(
        "/api/planning/proposals/" + mine + "/lines",
        f.line(
            "Sewa printer",
            R"(,"volume":[{"quantity":1000000000,"unit":"Unit"},{"quantity":1000000000,"unit":"Bulan"}],"unit_price":100)"));
    EXPECT_EQ(huge.status, 422);
    EXPECT_EQ(huge.error_code(), "planning.amount_overflow");
    EXPECT_EQ(huge.json.at("error").at("details").at("field").as_string(), "total");

    // The funding source is one the article lists.
    auto foreign = f.dinkes.post("/api/planning/proposals/" + mine + "/lines",
                                 f.line("Sewa printer", R"(,"funding_source":"pinjaman_asing")"));
    EXPECT_EQ(foreign.status, 422);
    plan_expect_cites(foreign, region.funding_rule);

    // Bontang names the spending categories (Pasal 8 ayat (1)); elsewhere a category is optional.
    auto no_category =
        f.dinkes.post("/api/planning/proposals/" + mine + "/lines", f.line("Sewa printer", "", true, false));
    if (region.category_rule.empty()) {
      EXPECT_EQ(no_category.status, 201) << no_category.body;
    } else {
      EXPECT_EQ(no_category.status, 422);
      plan_expect_cites(no_category, region.category_rule);
    }

    // Reserved spending: internet (Bontang Pasal 11), a server room (Lampung Timur Pasal 17 ayat (9)).
    auto internet = f.dinkes.post("/api/planning/proposals/" + mine + "/lines", f.line("Langganan internet puskesmas"));
    if (region.internet_rule.empty()) {
      EXPECT_EQ(internet.status, 201) << internet.body;
    } else {
      EXPECT_EQ(internet.status, 422);
      EXPECT_EQ(internet.error_code(), "planning.reserved_item");
      plan_expect_cites(internet, region.internet_rule);
      EXPECT_EQ(internet.json.at("error").at("details").at("class").as_string(), "internet");
    }
    auto server_room =
        f.dinkes.post("/api/planning/proposals/" + mine + "/lines", f.line("Pembangunan ruang server dinas"));
    if (region.data_centre_rule.empty()) {
      EXPECT_EQ(server_room.status, 201) << server_room.body;
    } else {
      EXPECT_EQ(server_room.status, 422);
      plan_expect_cites(server_room, region.data_centre_rule);
    }
    // The Dinas itself may budget them.
    auto dinas_proposal = f.proposal(f.kominfo, "DISKOMINFO");
    EXPECT_EQ(
        f.kominfo.post("/api/planning/proposals/" + dinas_proposal + "/lines", f.line("Langganan internet kantor"))
            .status,
        201);
    EXPECT_EQ(f.kominfo.post("/api/planning/proposals/" + dinas_proposal + "/lines", f.line("Pembangunan ruang server"))
                  .status,
              201);

    // The live check says the same before anything is written.
    auto live =
        f.dinkes.post("/api/planning/proposals/" + mine + "/check", R"({"name":"Langganan internet puskesmas"})");
    ASSERT_EQ(live.status, 200) << live.body;
    EXPECT_FALSE(live.json.at("refusal").is_null());
    auto complete = f.dinkes.post("/api/planning/proposals/" + mine + "/check", f.line("Langganan internet puskesmas"));
    ASSERT_EQ(complete.status, 200) << complete.body;
    if (region.internet_rule.empty()) {
      EXPECT_TRUE(complete.json.at("refusal").is_null()) << complete.body;
      EXPECT_EQ(complete.json.at("total").as_int64(), 30000000);
    } else {
      EXPECT_EQ(text_of(complete.json.at("refusal").at("rule"), "id"), region.internet_rule);
    }

    // Another PD's operator may not write this proposal; nothing refused was written.
    EXPECT_EQ(f.disduk.post("/api/planning/proposals/" + mine + "/lines", f.line("Sewa printer")).status, 403);
    auto view = f.admin.get("/api/planning/proposals/" + mine);
    ASSERT_EQ(view.status, 200) << view.body;
    std::size_t expected = 1 + (region.category_rule.empty() ? 1 : 0) + (region.internet_rule.empty() ? 1 : 0) +
                           (region.data_centre_rule.empty() ? 1 : 0);
    EXPECT_EQ(view.json.at("lines").as_array().size(), expected);
  }
}

TEST_P(PlanningTest, EachRegionsWorkflowDiffersWhereItsTextDiffers) {
  // Who coordinates the budget: only that PD opens cycles, verifies and approves.
  SIMPUL_PROVES("bandar-lampung", "BDL-09-4");
  SIMPUL_PROVES("balikpapan", "BPN-07-3");
  SIMPUL_PROVES("lampung-timur", "LTM-10-2");
  SIMPUL_PROVES("bontang", "BTG-09");
  SIMPUL_PROVES("madiun", "MDN-08-3");
  // Balikpapan: the Dinas gives the technical recommendation (recorded, not a precondition).
  SIMPUL_PROVES("balikpapan", "BPN-07-4");
  // Lampung Timur: a PD's SPBE budget after coordinating with the Kominfo PD first.
  SIMPUL_PROVES("lampung-timur", "LTM-42-2");
  // Bontang: approval only after verification.
  SIMPUL_PROVES("bontang", "BTG-10-3");
  for (const auto& region : plan_regions()) {
    SCOPED_TRACE(region.profile);
    PlanFixture f(GetParam(), region);
    // Someone of another PD, with the same role, may not open or close a cycle.
    auto outsider = user(f.in, f.admin, region.profile, "bukan.koordinator", "planner", f.agency[region.other_code]);
    auto refused = outsider.post("/api/planning/cycles",
                                 R"({"fiscal_year":)" + std::to_string(f.year + 1) + R"(,"submission_deadline":")" +
                                     regulation::add_months(f.today, 1) + R"(","verification_deadline":")" +
                                     regulation::add_months(f.today, 2) + "\"}");
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.error_code(), "planning.not_coordinator");
    plan_expect_cites(refused, region.coordinator_rule);
    EXPECT_EQ(f.admin.get("/api/planning/cycles").json.at("total").as_int64(), 1);

    auto mine = f.proposal(f.dinkes, "DINKES");
    ASSERT_EQ(
        f.dinkes.post("/api/planning/proposals/" + mine + "/lines", f.line("Sewa laptop tenaga kesehatan")).status,
        201);

    // The Dinas's recommendation: required first in Lampung Timur, optional in Balikpapan, no such step elsewhere.
    auto early = f.dinkes.post("/api/planning/proposals/" + mine + "/submission", "{}");
    if (region.recommendation_required) {
      EXPECT_EQ(early.status, 422);
      EXPECT_EQ(early.error_code(), "planning.gate_refused");
      plan_expect_cites(early, region.recommendation_rule);
    } else {
      EXPECT_EQ(early.status, 200) << early.body;
    }
    auto rec = f.dinas.post("/api/planning/proposals/" + mine + "/recommendation",
                            R"({"recommendation":"Gunakan pusat data Pemda."})");
    if (region.recommendation_rule.empty()) {
      EXPECT_EQ(rec.status, 422);
      EXPECT_EQ(text_of(rec.json.at("error").at("details"), "reason"), "not_in_regulation");
    } else {
      EXPECT_EQ(rec.status, 200) << rec.body;
      // Only the Dinas gives it: a technical reviewer of another PD is refused with the article.
      auto elsewhere =
          user(f.in, f.admin, region.profile, "penelaah.lain", "technical_reviewer", f.agency[region.coordinator_code]);
      auto not_dinas =
          elsewhere.post("/api/planning/proposals/" + mine + "/recommendation", R"({"recommendation":"x"})");
      EXPECT_EQ(not_dinas.status, 403);
      plan_expect_cites(not_dinas, region.recommendation_rule);
    }
    if (region.recommendation_required)
      ASSERT_EQ(f.dinkes.post("/api/planning/proposals/" + mine + "/submission", "{}").status, 200);

    // A submitted proposal takes no more lines: a step out of order is a conflict with its state.
    auto late_line = f.dinkes.post("/api/planning/proposals/" + mine + "/lines", f.line("Sewa printer"));
    EXPECT_EQ(late_line.status, 409);
    EXPECT_EQ(late_line.error_code(), "planning.bad_step");

    // Approval before verification is refused: by the article in Bontang (Pasal 10 ayat (3)), by
    // the workflow's order elsewhere.
    auto too_soon = f.coordinator.post("/api/planning/proposals/" + mine + "/approval", "{}");
    EXPECT_EQ(too_soon.status, region.approval_rule.empty() ? 409 : 422);
    EXPECT_EQ(too_soon.error_code(), region.approval_rule.empty() ? "planning.bad_step" : "planning.gate_refused");
    plan_expect_cites(too_soon, region.approval_rule);
    // Only the coordinating PD verifies.
    auto not_yours = outsider.post("/api/planning/proposals/" + mine + "/verification", "{}");
    EXPECT_EQ(not_yours.status, 403);
    EXPECT_EQ(not_yours.error_code(), "planning.not_coordinator");
    plan_expect_cites(not_yours, region.coordinator_rule);

    auto before = ledger_size(f.in);
    auto verified = f.coordinator.post("/api/planning/proposals/" + mine + "/verification", "{}");
    ASSERT_EQ(verified.status, 200) << verified.body;
    EXPECT_EQ(text_of(verified.json, "state"), "diverifikasi");
    EXPECT_EQ(text_of(verified.json, "verified_by_name"), "koordinator.anggaran");
    auto approved = f.coordinator.post("/api/planning/proposals/" + mine + "/approval", "{}");
    ASSERT_EQ(approved.status, 200) << approved.body;
    EXPECT_EQ(text_of(approved.json, "state"), "disetujui");
    EXPECT_EQ(approved.json.at("total").as_int64(), 30000000);
    EXPECT_EQ(ledger_size(f.in), before + 2);  // each step one ledger entry

    auto closed = f.coordinator.post("/api/planning/cycles/" + f.cycle + "/closing", "{}");
    EXPECT_EQ(closed.status, 200) << closed.body;
    auto after_close = f.dinkes.post("/api/planning/cycles/" + f.cycle + "/proposals",
                                     R"({"agency_id":")" + f.agency["DINKES"] + "\"}");
    EXPECT_EQ(after_close.status, 409);
    EXPECT_EQ(after_close.error_code(), "planning.bad_step");
    // One cycle per fiscal year; unknown records answer their own codes.
    auto twice = f.coordinator.post("/api/planning/cycles", R"({"fiscal_year":)" + std::to_string(f.year) +
                                                                R"(,"submission_deadline":")" + f.today +
                                                                R"(","verification_deadline":")" + f.today + "\"}");
    EXPECT_EQ(twice.status, 409);
    EXPECT_EQ(twice.error_code(), "planning.cycle_exists");
    EXPECT_EQ(f.admin.get("/api/planning/cycles/" + crypto::new_id()).error_code(), "planning.cycle_not_found");
    EXPECT_EQ(f.admin.get("/api/planning/proposals/" + crypto::new_id()).error_code(), "planning.proposal_not_found");
    EXPECT_EQ(f.dinkes.del("/api/planning/lines/" + crypto::new_id()).error_code(), "planning.line_not_found");
  }
}

TEST_P(PlanningTest, DuplicatesAcrossAgenciesBlockApprovalWhereTheRegionSaysSo) {
  SIMPUL_PROVES("bontang", "BTG-10-2");
  for (const auto& region : plan_regions()) {
    SCOPED_TRACE(region.profile);
    PlanFixture f(GetParam(), region);
    auto a = f.proposal(f.dinkes, "DINKES"), b = f.proposal(f.disduk, "DISDUKCAPIL");
    auto line_a = f.dinkes.post("/api/planning/proposals/" + a + "/lines", f.line("Pengadaan Laptop"));
    auto line_b = f.disduk.post("/api/planning/proposals/" + b + "/lines", f.line("Pengadaan laptop"));
    ASSERT_EQ(line_a.status, 201) << line_a.body;
    ASSERT_EQ(line_b.status, 201) << line_b.body;
    // While typing, the other PD's line is shown as a possible duplicate.
    auto live = f.disduk.post("/api/planning/proposals/" + b + "/check", R"({"name":"pengadaan LAPTOP"})");
    ASSERT_EQ(live.status, 200) << live.body;
    ASSERT_EQ(live.json.at("possible_duplicates").as_array().size(), 1u);
    EXPECT_EQ(text_of(live.json.at("possible_duplicates").at(0), "id"), text_of(line_a.json, "id"));

    if (region.recommendation_required) {
      ASSERT_EQ(f.dinas.post("/api/planning/proposals/" + a + "/recommendation", R"({"recommendation":"ok"})").status,
                200);
      ASSERT_EQ(f.dinas.post("/api/planning/proposals/" + b + "/recommendation", R"({"recommendation":"ok"})").status,
                200);
    }
    ASSERT_EQ(f.dinkes.post("/api/planning/proposals/" + a + "/submission", "{}").status, 200);
    ASSERT_EQ(f.disduk.post("/api/planning/proposals/" + b + "/submission", "{}").status, 200);
    auto pairs = f.coordinator.get("/api/planning/cycles/" + f.cycle + "/candidates");
    ASSERT_EQ(pairs.status, 200) << pairs.body;
    ASSERT_EQ(pairs.json.at("items").as_array().size(), 1u);
    const auto& pair = pairs.json.at("items").at(0);
    std::set<std::string> sides = {text_of(pair.at("line_a"), "agency_name"),
                                   text_of(pair.at("line_b"), "agency_name")};
    EXPECT_EQ(sides.size(), 2u);
    EXPECT_TRUE(pair.at("decision").is_null());
    auto pair_id = text_of(pair, "id");

    // Bontang: not verified while the pair is unresolved.
    auto verify = f.coordinator.post("/api/planning/proposals/" + a + "/verification", "{}");
    if (region.duplicate_rule.empty()) {
      EXPECT_EQ(verify.status, 200) << verify.body;
    } else {
      EXPECT_EQ(verify.status, 422);
      EXPECT_EQ(verify.error_code(), "planning.gate_refused");
      plan_expect_cites(verify, region.duplicate_rule);
      EXPECT_EQ(verify.json.at("error").at("details").at("candidates").as_int64(), 1);
    }

    // Only the coordinating PD decides; distinct needs a reason.
    EXPECT_EQ(
        f.dinkes.post("/api/planning/candidates/" + pair_id + "/decision", R"({"decision":"berbeda","reason":"x"})")
            .status,
        403);
    EXPECT_EQ(
        f.coordinator.post("/api/planning/candidates/" + pair_id + "/decision", R"({"decision":"berbeda"})").status,
        422);
    auto decided = f.coordinator.post(
        "/api/planning/candidates/" + pair_id + "/decision",
        R"({"decision":"berbeda","reason":"Laptop Dinkes untuk puskesmas, Disdukcapil untuk layanan KTP."})");
    ASSERT_EQ(decided.status, 200) << decided.body;
    EXPECT_EQ(text_of(decided.json, "decision"), "berbeda");
    EXPECT_EQ(text_of(decided.json, "decided_by_name"), "koordinator.anggaran");
    if (!region.duplicate_rule.empty())
      ASSERT_EQ(f.coordinator.post("/api/planning/proposals/" + a + "/verification", "{}").status, 200);
    EXPECT_EQ(f.coordinator.post("/api/planning/proposals/" + a + "/approval", "{}").status, 200);
    // The verification result of the PD as a PDF.
    auto pdf = f.dinkes.get("/api/planning/proposals/" + a + "/verification.pdf");
    ASSERT_EQ(pdf.status, 200);
    EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
    EXPECT_EQ(pdf.header("Content-Type"), "application/pdf");

    // A second pair marked duplicate sends the line to change back to its PD as a draft.
    auto again_a = f.proposal(f.kominfo, "DISKOMINFO");
    ASSERT_EQ(f.kominfo.post("/api/planning/proposals/" + again_a + "/lines", f.line("Pengadaan laptop")).status, 201);
    if (region.recommendation_required)
      ASSERT_EQ(
          f.dinas.post("/api/planning/proposals/" + again_a + "/recommendation", R"({"recommendation":"ok"})").status,
          200);
    ASSERT_EQ(f.kominfo.post("/api/planning/proposals/" + again_a + "/submission", "{}").status, 200);
    auto more = f.coordinator.get("/api/planning/cycles/" + f.cycle + "/candidates");
    std::string open_pair, dinas_line;
    for (const auto& x : more.json.at("items").as_array())
      if (x.at("decision").is_null()) {
        for (const auto* side : {&x.at("line_a"), &x.at("line_b")})
          if (text_of(*side, "agency_id") == f.agency["DISKOMINFO"] &&
              text_of(*side, "agency_id") != f.agency["DINKES"])
            dinas_line = text_of(*side, "id");
        if (text_of(x.at("line_a"), "agency_id") != f.agency["DINKES"] &&
            text_of(x.at("line_b"), "agency_id") != f.agency["DINKES"])
          open_pair = text_of(x, "id");
      }
    ASSERT_FALSE(open_pair.empty()) << more.body;  // the Dinas's line and Disdukcapil's
    auto dup = f.coordinator.post(
        "/api/planning/candidates/" + open_pair + "/decision",
        R"({"decision":"duplikat","reason":"Sama dengan pengadaan Disdukcapil.","line_to_change":")" + dinas_line +
            "\"}");
    ASSERT_EQ(dup.status, 200) << dup.body;
    EXPECT_EQ(text_of(f.admin.get("/api/planning/proposals/" + again_a).json, "state"), "draf");
  }
}

TEST_P(PlanningTest, TheCandidateReviewIsPagedBestFirstWithFiltersAndTotal) {
  const auto& region = plan_regions().front();
  PlanFixture f(GetParam(), region);
  // Three PDs buy the same three things: several cross-PD pairs.
  for (auto* who : {&f.dinkes, &f.disduk, &f.kominfo}) {
    auto code = who == &f.dinkes ? "DINKES" : who == &f.disduk ? "DISDUKCAPIL" : "DISKOMINFO";
    auto id = f.proposal(*who, code);
    for (const auto* name : {"Pengadaan Laptop", "Pengadaan Printer Laser", "Pengadaan Proyektor Ruang Rapat"})
      ASSERT_EQ(who->post("/api/planning/proposals/" + id + "/lines", f.line(name)).status, 201);
    ASSERT_EQ(who->post("/api/planning/proposals/" + id + "/submission", "{}").status, 200);
  }
  const std::string base = "/api/planning/cycles/" + f.cycle + "/candidates";
  auto all = f.coordinator.get(base + "?limit=500");
  ASSERT_EQ(all.status, 200) << all.body;
  const auto& every = all.json.at("items").as_array();
  auto total = all.json.at("total").as_int64();
  ASSERT_GE(total, 6) << all.body;
  ASSERT_EQ(static_cast<std::int64_t>(every.size()), total);
  EXPECT_EQ(f.coordinator.get(base).json.at("items").as_array().size(), std::min<std::size_t>(every.size(), 50));
  for (std::size_t i = 1; i < every.size(); ++i)
    EXPECT_GE(every[i - 1].at("score").to_number<double>(), every[i].at("score").to_number<double>());

  // Pages of two, read one after the other, are the whole list in the same order.
  std::vector<std::string> paged;
  for (std::int64_t offset = 0; offset < total + 2; offset += 2) {
    auto page = f.coordinator.get(base + "?limit=2&offset=" + std::to_string(offset));
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_EQ(page.json.at("total").as_int64(), total);
    EXPECT_LE(page.json.at("items").as_array().size(), 2u);
    for (const auto& x : page.json.at("items").as_array()) paged.push_back(text_of(x, "id"));
  }
  std::vector<std::string> ids;
  for (const auto& x : every) ids.push_back(text_of(x, "id"));
  EXPECT_EQ(paged, ids);

  // One PD's pairs: exactly those with a line of that PD.
  auto disduk = f.agency["DISDUKCAPIL"];
  std::int64_t with_disduk = 0;
  for (const auto& x : every)
    with_disduk +=
        text_of(x.at("line_a"), "agency_id") == disduk || text_of(x.at("line_b"), "agency_id") == disduk ? 1 : 0;
  auto of_pd = f.coordinator.get(base + "?limit=500&agency=" + disduk);
  ASSERT_EQ(of_pd.status, 200) << of_pd.body;
  EXPECT_EQ(of_pd.json.at("total").as_int64(), with_disduk);
  EXPECT_GT(with_disduk, 0);
  EXPECT_LT(with_disduk, total);
  for (const auto& x : of_pd.json.at("items").as_array())
    EXPECT_TRUE(text_of(x.at("line_a"), "agency_id") == disduk || text_of(x.at("line_b"), "agency_id") == disduk);

  // Decided and undecided pairs part the list.
  ASSERT_EQ(f.coordinator
                .post("/api/planning/candidates/" + ids.front() + "/decision",
                      R"({"decision":"berbeda","reason":"Dipakai untuk layanan yang berbeda."})")
                .status,
            200);
  auto decided = f.coordinator.get(base + "?state=decided");
  EXPECT_EQ(decided.json.at("total").as_int64(), 1);
  ASSERT_EQ(decided.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(text_of(decided.json.at("items").at(0), "id"), ids.front());
  EXPECT_EQ(f.coordinator.get(base + "?state=undecided").json.at("total").as_int64(), total - 1);
  // The tenant-wide queue answers the same pages.
  EXPECT_EQ(f.coordinator.get("/api/planning/candidates?cycle=" + f.cycle + "&limit=1").json.at("total").as_int64(),
            total);

  // Bad parameters are refused and name the parameter.
  for (const auto* bad : {"?limit=0", "?limit=501", "?limit=abc", "?offset=-1", "?state=maybe", "?agency=x'--"}) {
    auto r = f.coordinator.get(base + bad);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(r.error_code(), "request.invalid_query") << bad;
  }
  EXPECT_EQ(f.coordinator.get("/api/planning/candidates?limit=501").error_code(), "request.invalid_query");

  // Another tenant never sees them.
  auto other = admin_client(f.in, region.profile == "madiun" ? "bontang" : "madiun");
  EXPECT_EQ(other.get(base).error_code(), "planning.cycle_not_found");
  auto theirs = other.get("/api/planning/candidates?limit=500");
  ASSERT_EQ(theirs.status, 200) << theirs.body;
  for (const auto& x : theirs.json.at("items").as_array())
    EXPECT_EQ(std::find(ids.begin(), ids.end(), text_of(x, "id")), ids.end());
}

TEST_P(PlanningTest, StandardPricesFlagLinesAboveThemWithTheArticle) {
  SIMPUL_PROVES("bontang", "BTG-08-2");
  for (const auto& region : plan_regions()) {
    SCOPED_TRACE(region.profile);
    PlanFixture f(GetParam(), region);
    std::string query = "/api/planning/prices/import?year=" + std::to_string(f.year) +
                        "&decree_number=100.3.3.2/12/2025&decree_date=" + f.today;
    std::string bad =
        "kode,nama,spesifikasi,satuan,harga,rekening\r\n"
        "SSH.01,Laptop,Core i5,Unit,Rp 1.000.000,5.1.02.01\r\n"
        "SSH.02,Printer,A4,Unit,=B2*2,5.1.02.01\r\n"
        "SSH.03,Toner,Hitam,Buah,\"1.250.000,50\",5.1.02.01\r\n";
    auto dry = f.dinas.send("POST", query + "&dry_run=true", bad, {{"content-type", "application/octet-stream"}});
    ASSERT_EQ(dry.status, 200) << dry.body;
    EXPECT_EQ(dry.json.at("items").as_int64(), 1);
    ASSERT_EQ(dry.json.at("problems").as_array().size(), 2u);
    EXPECT_EQ(dry.json.at("problems").at(0).at("row").as_int64(), 3);
    // Nothing half-imported.
    auto refused = f.dinas.send("POST", query + "&dry_run=false", bad, {{"content-type", "application/octet-stream"}});
    EXPECT_EQ(refused.status, 422);
    EXPECT_EQ(f.admin.get("/api/planning/prices").json.at("total").as_int64(), 0);
    std::string good =
        "kode,nama,spesifikasi,satuan,harga,rekening\r\nSSH.01,Laptop,Core i5,Unit,Rp 1.000.000,5.1.02.01\r\n";
    auto imported =
        f.dinas.send("POST", query + "&dry_run=false", good, {{"content-type", "application/octet-stream"}});
    ASSERT_EQ(imported.status, 200) << imported.body;
    auto lists = f.admin.get("/api/planning/prices");
    ASSERT_EQ(lists.json.at("total").as_int64(), 1);
    EXPECT_EQ(text_of(lists.json.at("items").at(0), "decree_number"), "100.3.3.2/12/2025");

    // Rp 1.250.000 is above the Rp 1.000.000 standard; 5.2.2.10 is not an account the item allows.
    auto mine = f.proposal(f.dinkes, "DINKES");
    auto above =
        f.dinkes.post("/api/planning/proposals/" + mine + "/lines", f.line("Sewa laptop", R"(,"ssh_code":"SSH.01")"));
    ASSERT_EQ(above.status, 201) << above.body;
    ASSERT_EQ(above.json.at("checks").as_array().size(), 1u) << above.body;
    const auto& check = above.json.at("checks").at(0);
    EXPECT_EQ(text_of(check, "kind"), "harga_di_atas_standar");
    if (region.price_rule.empty()) {
      EXPECT_TRUE(check.at("rule").is_null());
    } else {
      EXPECT_EQ(text_of(check.at("rule"), "id"), region.price_rule);
      EXPECT_EQ(text_of(check.at("rule"), "citation"), plan_citation(region.price_rule));
    }
    auto wrong_account =
        f.dinkes.post("/api/planning/proposals/" + mine + "/lines",
                      f.line("Sewa laptop", R"(,"ssh_code":"SSH.01","unit_price":900000,"account_code":"5.2.2.10")"));
    ASSERT_EQ(wrong_account.status, 201) << wrong_account.body;
    ASSERT_EQ(wrong_account.json.at("checks").as_array().size(), 1u) << wrong_account.body;
    EXPECT_EQ(text_of(wrong_account.json.at("checks").at(0), "kind"), "akun_tidak_diizinkan");
  }
}

TEST_P(PlanningTest, TheConsolidatedBudgetShowsCategoriesAgenciesDomainsAndRoadmapGaps) {
  const auto& region = plan_regions()[1];  // Balikpapan: the category is optional there
  PlanFixture f(GetParam(), region);
  auto a = f.proposal(f.dinkes, "DINKES"), b = f.proposal(f.disduk, "DISDUKCAPIL");
  ASSERT_EQ(f.dinkes.post("/api/planning/proposals/" + a + "/lines", f.line("Sewa laptop")).status, 201);
  ASSERT_EQ(f.disduk
                .post("/api/planning/proposals/" + b + "/lines",
                      f.line("Lisensi basis data", R"(,"unit_price":500000)", true, false))
                .status,
            201);
  ASSERT_EQ(f.dinkes.post("/api/planning/proposals/" + a + "/submission", "{}").status, 200);
  // A draft is not in the consolidated budget yet.
  auto view = f.admin.get("/api/planning/cycles/" + f.cycle + "/consolidated");
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_EQ(view.json.at("total").as_int64(), 30000000);
  ASSERT_EQ(f.disduk.post("/api/planning/proposals/" + b + "/submission", "{}").status, 200);
  view = f.admin.get("/api/planning/cycles/" + f.cycle + "/consolidated");
  EXPECT_EQ(view.json.at("total").as_int64(), 30000000 + 12000000);
  std::map<std::string, std::int64_t> by_agency, by_category, by_domain, by_initiative;
  for (const auto& x : view.json.at("by_agency").as_array()) by_agency[text_of(x, "key")] = x.at("total").as_int64();
  for (const auto& x : view.json.at("by_category").as_array())
    by_category[text_of(x, "key")] = x.at("total").as_int64();
  for (const auto& x : view.json.at("by_domain").as_array()) by_domain[text_of(x, "key")] = x.at("total").as_int64();
  for (const auto& x : view.json.at("by_initiative").as_array())
    by_initiative[text_of(x, "key")] = x.at("total").as_int64();
  EXPECT_EQ(by_agency[f.agency["DINKES"]], 30000000);
  EXPECT_EQ(by_agency[f.agency["DISDUKCAPIL"]], 12000000);
  EXPECT_EQ(by_category["aplikasi"], 30000000);
  EXPECT_EQ(by_category[""], 12000000);
  EXPECT_EQ(by_domain["aplikasi"], 42000000);
  EXPECT_EQ(by_initiative[f.initiative], 42000000);
  // The roadmap initiative of the year that no line serves is a gap.
  std::set<std::string> gaps;
  for (const auto& x : view.json.at("initiatives_without_budget").as_array()) gaps.insert(text_of(x, "key"));
  EXPECT_TRUE(gaps.count(f.spare_initiative));
  EXPECT_FALSE(gaps.count(f.initiative));
  EXPECT_EQ(view.json.at("without_initiative").at("total").as_int64(), 0);

  // The same budget as a workbook for SIPD: one row per submitted line, totals per PD.
  auto book = f.admin.get("/api/planning/cycles/" + f.cycle + "/consolidated.xlsx");
  ASSERT_EQ(book.status, 200);
  auto sheets = interchange::read_xlsx(book.body);
  ASSERT_EQ(sheets.size(), 2u);
  ASSERT_EQ(sheets[0].rows.size(), 3u);  // header + 2 lines
  std::map<std::string, std::string> total_of;
  for (std::size_t i = 1; i < sheets[0].rows.size(); ++i) total_of[sheets[0].rows[i].at(4)] = sheets[0].rows[i].at(11);
  EXPECT_EQ(total_of["Sewa laptop"], "30000000");
  EXPECT_EQ(total_of["Lisensi basis data"], "12000000");
  EXPECT_EQ(sheets[1].rows.back().back(), "42000000");
}

/// The open compliance findings about one object: rule id -> the citation the finding carries.
std::map<std::string, std::string> plan_open_findings(Client& c, const std::string& object) {
  std::map<std::string, std::string> out;
  auto r = c.get("/api/compliance/findings?state=open&per_page=200&object=" + object);
  EXPECT_EQ(r.status, 200) << r.body;
  if (r.status != 200) return out;
  for (const auto& x : r.json.at("items").as_array())
    out[text_of(x.at("rule"), "id")] = text_of(x.at("rule"), "citation");
  return out;
}

TEST_P(PlanningTest, DutiesLeftUndoneBecomeFindingsWithTheirArticle) {
  // Bontang Pasal 10 ayat (2): every submitted proposal is verified; one left unverified when the
  // cycle is closed is a finding. Balikpapan Pasal 7 ayat (4): the Dinas gives its technical
  // recommendation; a submitted proposal without one is a finding (not a refusal).
  SIMPUL_PROVES("bontang", "BTG-10-2");
  SIMPUL_PROVES("balikpapan", "BPN-07-4");
  for (const auto& region : plan_regions()) {
    SCOPED_TRACE(region.profile);
    PlanFixture f(GetParam(), region);
    auto done = f.proposal(f.dinkes, "DINKES"), left = f.proposal(f.disduk, "DISDUKCAPIL");
    ASSERT_EQ(
        f.dinkes.post("/api/planning/proposals/" + done + "/lines", f.line("Sewa laptop tenaga kesehatan")).status,
        201);
    ASSERT_EQ(
        f.disduk.post("/api/planning/proposals/" + left + "/lines", f.line("Pelatihan operator kependudukan")).status,
        201);
    // The Dinas recommends the first proposal only (Lampung Timur needs it for both before submission).
    if (!region.recommendation_rule.empty())
      ASSERT_EQ(
          f.dinas
              .post("/api/planning/proposals/" + done + "/recommendation", R"({"recommendation":"Sesuai arsitektur."})")
              .status,
          200);
    if (region.recommendation_required)
      ASSERT_EQ(
          f.dinas
              .post("/api/planning/proposals/" + left + "/recommendation", R"({"recommendation":"Sesuai arsitektur."})")
              .status,
          200);
    ASSERT_EQ(f.dinkes.post("/api/planning/proposals/" + done + "/submission", "{}").status, 200);
    ASSERT_EQ(f.disduk.post("/api/planning/proposals/" + left + "/submission", "{}").status, 200);
    auto verified = f.coordinator.post("/api/planning/proposals/" + done + "/verification", "{}");
    ASSERT_EQ(verified.status, 200) << verified.body;

    // While the cycle is open nothing is overdue in Bontang.
    ASSERT_EQ(f.admin.post("/api/compliance/evaluate", "").status, 200);
    EXPECT_FALSE(plan_open_findings(f.admin, left).count("BTG-10-2"));

    ASSERT_EQ(f.coordinator.post("/api/planning/cycles/" + f.cycle + "/closing", "{}").status, 200);
    ASSERT_EQ(f.admin.post("/api/compliance/evaluate", "").status, 200);
    auto on_done = plan_open_findings(f.admin, done), on_left = plan_open_findings(f.admin, left);
    EXPECT_TRUE(on_done.empty()) << "verified and recommended: nothing to report";
    std::map<std::string, std::string> expected;
    if (region.profile == "bontang") expected["BTG-10-2"] = plan_citation("BTG-10-2");
    if (!region.recommendation_rule.empty() && !region.recommendation_required)
      expected[region.recommendation_rule] = plan_citation(region.recommendation_rule);
    EXPECT_EQ(on_left, expected);
  }
}

TEST_P(PlanningTest, TheIntegratedBudgetIndicatorOfTheEvaluationSeesCyclesAndTheirVerification) {
  PlanFixture f(GetParam(), plan_regions()[3]);  // Bontang
  // 2025 is evaluated with the SPBE 2020 framework: I13 "Keterpaduan Rencana dan Anggaran SPBE".
  const int year = 2025;
  auto period = f.admin.post("/api/evaluation/periods", "{\"year\":" + std::to_string(year) + "}");
  ASSERT_EQ(period.status, 201) << period.body;
  auto indicator = "/api/evaluation/periods/" + text_of(period.json, "id") + "/indicators/I13";
  auto entry = user(f.in, f.admin, "bontang", "entri.anggaran", "assessor", f.agency["DISKOMINFO"]);
  auto member = f.admin.post(
      "/api/evaluation/periods/" + text_of(period.json, "id") + "/members",
      R"({"user_id":")" + text_of(entry.get("/api/auth/me").json.at("user"), "id") + R"(","role":"data_entry"})");
  ASSERT_EQ(member.status, 201) << member.body;
  auto proposals = [&] {
    std::map<std::string, bool> out;  // kind -> present
    auto view = entry.get(indicator);
    EXPECT_EQ(view.status, 200) << view.body;
    if (view.status != 200) return out;
    for (const auto& p : view.json.at("proposals").as_array())
      if (text_of(p, "source") == "plan_budget") out[text_of(p, "kind")] = p.at("present").as_bool();
    return out;
  };
  // The fixture's cycle is of a later year: no budget of 2025 or 2026 yet, a gap.
  EXPECT_EQ(proposals(), (std::map<std::string, bool>{{"budget_cycle", false}}));

  auto cycle = f.coordinator.post(
      "/api/planning/cycles", R"({"fiscal_year":2026,"submission_deadline":")" + regulation::add_months(f.today, 1) +
                                  R"(","verification_deadline":")" + regulation::add_months(f.today, 2) + "\"}");
  ASSERT_EQ(cycle.status, 201) << cycle.body;
  auto started = f.dinkes.post("/api/planning/cycles/" + text_of(cycle.json, "id") + "/proposals",
                               R"({"agency_id":")" + f.agency["DINKES"] + "\"}");
  ASSERT_EQ(started.status, 201) << started.body;
  auto mine = text_of(started.json, "id");
  ASSERT_EQ(f.dinkes.post("/api/planning/proposals/" + mine + "/lines", f.line("Sewa laptop tenaga kesehatan")).status,
            201);
  ASSERT_EQ(f.dinkes.post("/api/planning/proposals/" + mine + "/submission", "{}").status, 200);
  // Submitted but not verified: the cycle is evidence, its verification a gap.
  EXPECT_EQ(proposals(), (std::map<std::string, bool>{{"budget_cycle", true}, {"budget_verification", false}}));
  ASSERT_EQ(f.coordinator.post("/api/planning/proposals/" + mine + "/verification", "{}").status, 200);
  EXPECT_EQ(proposals(), (std::map<std::string, bool>{{"budget_cycle", true}, {"budget_verification", true}}));

  // The assessor links the cycle as evidence; another tenant's or an unknown id is refused.
  auto linked = entry.post(indicator + "/evidence/link",
                           R"({"ref_kind":"budget_cycle","ref_id":")" + text_of(cycle.json, "id") + "\"}");
  EXPECT_EQ(linked.status, 201) << linked.body;
  auto unknown = entry.post(indicator + "/evidence/link", R"({"ref_kind":"budget_cycle","ref_id":")" + mine + "\"}");
  EXPECT_GE(unknown.status, 400);
  EXPECT_LT(unknown.status, 500);
}

TEST_P(PlanningTest, TheDinasKeepsTheSynonymListTheDuplicateCheckUses) {
  PlanFixture f(GetParam(), plan_regions()[0]);
  auto mine = f.proposal(f.dinkes, "DINKES"), theirs = f.proposal(f.disduk, "DISDUKCAPIL");
  ASSERT_EQ(f.dinkes.post("/api/planning/proposals/" + mine + "/lines", f.line("Pengadaan Sabak Elektronik")).status,
            201);
  auto typed = [&] {
    auto live = f.disduk.post("/api/planning/proposals/" + theirs + "/check", R"({"name":"Pengadaan tablet"})");
    EXPECT_EQ(live.status, 200) << live.body;
    return live.status == 200 ? live.json.at("possible_duplicates").as_array().size() : 0u;
  };
  EXPECT_EQ(typed(), 0u);

  // Everyone reads the list (the defaults first: notebook is a laptop); only the Dinas's reviewer changes it.
  auto list = f.dinkes.get("/api/planning/synonyms");
  ASSERT_EQ(list.status, 200) << list.body;
  std::map<std::string, std::string> terms;
  for (const auto& x : list.json.at("items").as_array()) terms[text_of(x, "term")] = text_of(x, "canonical");
  EXPECT_EQ(terms["notebook"], "laptop");
  EXPECT_EQ(f.dinkes.post("/api/planning/synonyms", R"({"term":"sabak elektronik","canonical":"tablet"})").status, 403);

  // Bad input changes nothing.
  auto before = ledger_size(f.in);
  EXPECT_EQ(f.dinas.post("/api/planning/synonyms", R"({"term":"Laptop","canonical":"laptop"})").status, 422);
  EXPECT_EQ(f.dinas.post("/api/planning/synonyms", R"({"term":"!!!","canonical":"tablet"})").status, 422);
  EXPECT_EQ(f.dinas.post("/api/planning/synonyms", R"({"term":"sabak elektronik"})").status, 422);
  EXPECT_EQ(ledger_size(f.in), before);

  // A new synonym: the line already written is compared anew, and the typed line now finds it.
  auto added = f.dinas.post("/api/planning/synonyms", R"({"term":"Sabak Elektronik","canonical":"Tablet"})");
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(text_of(added.json, "term"), "sabak elektronik");
  EXPECT_EQ(text_of(added.json, "canonical"), "tablet");
  EXPECT_EQ(ledger_size(f.in), before + 1);
  EXPECT_EQ(typed(), 1u);

  // Removed again: the lines are no longer alike; an unknown term is not found.
  EXPECT_EQ(f.dinas.del("/api/planning/synonyms?term=sabak%20elektronik").status, 204);
  EXPECT_EQ(typed(), 0u);
  auto unknown = f.dinas.del("/api/planning/synonyms?term=sabak%20elektronik");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.error_code(), "planning.synonym_not_found");
  EXPECT_EQ(ledger_size(f.in), before + 2);
}

TEST_P(PlanningTest, ThePlanningAgencyCorrectsALinesClassAndTheGatesFollowTheCorrection) {
  // A line's class (reserved to the Dinas or not) corrected by the planning agency is the one the
  // reserved-item gates and findings use: Bontang Pasal 11, Lampung Timur Pasal 17 ayat (9).
  SIMPUL_PROVES("bontang", "BTG-11");
  SIMPUL_PROVES("lampung-timur", "LTM-17-9");
  for (const auto& region : plan_regions()) {
    SCOPED_TRACE(region.profile);
    PlanFixture f(GetParam(), region);
    const std::string reserved_class = !region.internet_rule.empty()      ? "internet"
                                       : !region.data_centre_rule.empty() ? "pusat_data"
                                                                          : "";
    const std::string reserved_rule = !region.internet_rule.empty() ? region.internet_rule : region.data_centre_rule;
    auto mine = f.proposal(f.dinkes, "DINKES");
    // "Paket data seluler" names no reserved keyword: classed as ordinary spending.
    auto added = f.dinkes.post("/api/planning/proposals/" + mine + "/lines", f.line("Paket data seluler puskesmas"));
    ASSERT_EQ(added.status, 201) << added.body;
    auto line = text_of(added.json, "id");
    EXPECT_TRUE(added.json.at("reserved_class").is_null());
    EXPECT_FALSE(added.json.at("class_corrected").as_bool());
    const auto path = "/api/planning/lines/" + line + "/classification";

    // Only the coordinating PD corrects, never on its own line; the PD itself cannot.
    EXPECT_EQ(f.dinkes.post(path, R"({"category":"sdm","reason":"x"})").status, 403);
    auto outsider = user(f.in, f.admin, region.profile, "bukan.koordinator", "planner", f.agency[region.other_code]);
    auto not_coordinator = outsider.post(path, R"({"category":"aplikasi","reason":"x"})");
    EXPECT_EQ(not_coordinator.status, 403);
    EXPECT_EQ(not_coordinator.error_code(), "planning.not_coordinator");
    plan_expect_cites(not_coordinator, region.coordinator_rule);
    auto own = f.proposal(f.admin, region.coordinator_code);
    auto own_line = f.admin.post("/api/planning/proposals/" + own + "/lines", f.line("Sewa proyektor rapat"));
    ASSERT_EQ(own_line.status, 201) << own_line.body;
    auto own_fix = f.coordinator.post("/api/planning/lines/" + text_of(own_line.json, "id") + "/classification",
                                      R"({"category":"infrastruktur_spbe","reason":"Perangkat keras"})");
    EXPECT_EQ(own_fix.status, 403);
    EXPECT_EQ(own_fix.error_code(), "planning.not_coordinator");
    EXPECT_EQ(text_of(own_fix.json.at("error").at("details"), "reason"), "own_line");
    plan_expect_cites(own_fix, region.coordinator_rule);

    // Bad input changes nothing: no reason, an unknown class or category, no change at all.
    auto before = ledger_size(f.in);
    EXPECT_EQ(f.coordinator.post(path, R"({"category":"infrastruktur_spbe"})").status, 422);
    EXPECT_EQ(f.coordinator.post(path, R"({"reserved_class":"kapal_selam","reason":"x"})").status, 422);
    EXPECT_EQ(f.coordinator.post(path, R"({"category":"kapal_selam","reason":"x"})").status, 422);
    EXPECT_EQ(f.coordinator.post(path, R"({"category":"aplikasi","reason":"x"})").status, 422);
    EXPECT_EQ(ledger_size(f.in), before);

    // The category is corrected with a reason: recorded (who, from -> to, why) with one ledger entry.
    auto category = f.coordinator.post(
        path,
        R"({"category":"infrastruktur_spbe","reason":"Paket data adalah belanja infrastruktur, bukan aplikasi."})");
    ASSERT_EQ(category.status, 200) << category.body;
    EXPECT_EQ(text_of(category.json, "category"), "infrastruktur_spbe");
    EXPECT_EQ(ledger_size(f.in), before + 1);
    auto view = f.admin.get("/api/planning/proposals/" + mine);
    ASSERT_EQ(view.status, 200) << view.body;
    ASSERT_EQ(view.json.at("corrections").as_array().size(), 1u) << view.body;
    const auto& first = view.json.at("corrections").at(0);
    EXPECT_EQ(text_of(first, "field"), "category");
    EXPECT_EQ(text_of(first, "from"), "aplikasi");
    EXPECT_EQ(text_of(first, "to"), "infrastruktur_spbe");
    EXPECT_EQ(text_of(first, "by_name"), "koordinator.anggaran");
    EXPECT_EQ(text_of(first, "line_name"), "Paket data seluler puskesmas");
    if (reserved_class.empty()) continue;  // the region reserves no spending to the Dinas

    // Reclassified as spending reserved to the Dinas: the PD's proposal is not submitted while it
    // holds the line, and the line is a finding with the article until it is removed.
    auto reserved = f.coordinator.post(path, R"({"reserved_class":")" + reserved_class +
                                                 R"(","reason":"Langganan koneksi data adalah belanja Dinas."})");
    ASSERT_EQ(reserved.status, 200) << reserved.body;
    EXPECT_EQ(text_of(reserved.json, "reserved_class"), reserved_class);
    EXPECT_TRUE(reserved.json.at("class_corrected").as_bool());
    if (region.recommendation_required)
      ASSERT_EQ(
          f.dinas.post("/api/planning/proposals/" + mine + "/recommendation", R"({"recommendation":"ok"})").status,
          200);
    auto blocked = f.dinkes.post("/api/planning/proposals/" + mine + "/submission", "{}");
    EXPECT_EQ(blocked.status, 422);
    EXPECT_EQ(blocked.error_code(), "planning.reserved_item");
    plan_expect_cites(blocked, reserved_rule);
    EXPECT_EQ(text_of(blocked.json.at("error").at("details"), "line_id"), line);
    ASSERT_EQ(f.admin.post("/api/compliance/evaluate", "").status, 200);
    EXPECT_EQ(plan_open_findings(f.admin, mine),
              (std::map<std::string, std::string>{{reserved_rule, plan_citation(reserved_rule)}}));
    // Editing the line keeps the corrected class.
    auto edited = f.dinkes.patch("/api/planning/lines/" + line, f.line("Paket data seluler puskesmas 2"));
    EXPECT_EQ(edited.status, 422);
    EXPECT_EQ(edited.error_code(), "planning.reserved_item");

    // Corrected back to ordinary spending: the line may now name what the keywords would refuse
    // (training on internet security is not an internet subscription), and the proposal goes on.
    auto ordinary = f.coordinator.post(
        path, R"({"reserved_class":"","reason":"Pelatihan keamanan internet adalah belanja SDM, bukan internet."})");
    ASSERT_EQ(ordinary.status, 200) << ordinary.body;
    EXPECT_TRUE(ordinary.json.at("reserved_class").is_null());
    auto renamed = f.dinkes.patch("/api/planning/lines/" + line,
                                  f.line("Pelatihan keamanan internet dan pembangunan ruang server untuk operator"));
    EXPECT_EQ(renamed.status, 200) << renamed.body;
    EXPECT_EQ(f.dinkes.post("/api/planning/proposals/" + mine + "/submission", "{}").status, 200);
    ASSERT_EQ(f.admin.post("/api/compliance/evaluate", "").status, 200);
    EXPECT_TRUE(plan_open_findings(f.admin, mine).empty());
    auto history = f.admin.get("/api/planning/proposals/" + mine).json.at("corrections").as_array();
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(text_of(history.at(1), "from"), "");
    EXPECT_EQ(text_of(history.at(1), "to"), reserved_class);
    EXPECT_EQ(text_of(history.at(2), "from"), reserved_class);
    EXPECT_EQ(text_of(history.at(2), "to"), "");
  }
}

TEST_P(PlanningTest, TheDemoTenantShowsAnOpenCycleProposalsPricesAndADuplicateToReview) {
  for (const auto& region : plan_regions()) {
    SCOPED_TRACE(region.profile);
    Instance in(GetParam());
    auto admin = admin_client(in, region.profile);
    auto scope = Scope{in.platform().tenancy().tenants().front().id};
    auto open_findings = [&] {
      EXPECT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
      auto r = admin.get("/api/compliance/findings?state=open&per_page=1");
      EXPECT_EQ(r.status, 200) << r.body;
      return r.status == 200 ? r.json.at("total").as_int64() : -1;
    };
    auto findings_before = open_findings();
    planning::seed_planning_demo(in.platform().service<planning::Service>(), in.platform().tenancy(),
                                 in.platform().service<architecture::Service>(),
                                 in.platform().service<architecture::Roadmap>(),
                                 seam::DemoTenant{scope, region.profile, "", nullptr});
    // An open cycle of next year with the year's standard prices.
    auto cycles = admin.get("/api/planning/cycles");
    ASSERT_EQ(cycles.json.at("total").as_int64(), 1) << cycles.body;
    const auto& cycle = cycles.json.at("items").at(0);
    EXPECT_EQ(text_of(cycle, "state"), "dibuka");
    auto today = in.platform().tenancy().profile_of(scope).today();
    EXPECT_EQ(cycle.at("fiscal_year").as_int64(), std::stoi(today.substr(0, 4)) + 1);
    auto prices = admin.get("/api/planning/prices");
    ASSERT_EQ(prices.json.at("total").as_int64(), 1);
    EXPECT_EQ(prices.json.at("items").at(0).at("item_count").as_int64(), 2);

    // Three PDs' proposals, two of them submitted; the notebook priced above the standard is flagged.
    auto proposals = admin.get("/api/planning/cycles/" + text_of(cycle, "id") + "/proposals");
    ASSERT_EQ(proposals.json.at("total").as_int64(), 3) << proposals.body;
    std::map<std::string, std::string> states;
    std::size_t flagged = 0;
    for (const auto& x : proposals.json.at("items").as_array()) {
      states[text_of(x, "agency_name")] = text_of(x, "state");
      EXPECT_GT(x.at("total").as_int64(), 0);
      auto detail = admin.get("/api/planning/proposals/" + text_of(x, "id"));
      for (const auto& l : detail.json.at("lines").as_array())
        for (const auto& c : l.at("checks").as_array()) flagged += text_of(c, "kind") == "harga_di_atas_standar";
    }
    EXPECT_EQ(std::count_if(states.begin(), states.end(), [](const auto& kv) { return kv.second == "diajukan"; }), 2);
    EXPECT_EQ(flagged, 1u);

    // One duplicate candidate waits for the planning PD's review.
    auto pairs = admin.get("/api/planning/cycles/" + text_of(cycle, "id") + "/candidates");
    ASSERT_EQ(pairs.json.at("items").as_array().size(), 1u) << pairs.body;
    EXPECT_TRUE(pairs.json.at("items").at(0).at("decision").is_null());

    // The demo itself breaks no duty: its elements, initiative and proposals add no finding.
    EXPECT_EQ(open_findings(), findings_before);
  }
}

INSTANTIATE_TEST_SUITE_P(Databases, PlanningTest, ::testing::ValuesIn(test_support::backends()));
