// The service desk through the API, for each of the five regulations: one fixture walks through
// every profile and the regions differ exactly where their texts differ (tiers, redirection to
// Level 1, escalation with its article, ticket types, staffing findings). On both databases.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>

#include "api_harness.hpp"
#include "core/crypto.hpp"
#include "servicedesk/service.hpp"
#include "storage/unit_of_work.hpp"
#include "testing/proves.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

struct Region {
  std::string profile;
  int tiers = 1;
  std::string types_rule;      // "" where the text lists no ticket types
  std::string refused_type;    // a type the text does not list ("" when it lists all five)
  std::string structure_rule;  // cited when Level 2 is asked of a region without tiers
  std::string redirect_rule;   // cited when a ticket asked of Level 2 goes to Level 1
  bool direct_for_dinas = false;
  std::string escalation_rule;
  std::string l1_staffing, l2_staffing;  // staffing findings
  std::string desk_rule, sop_rule, report_rule;
};

const std::vector<Region>& regions() {
  static const std::vector<Region> k = {
      {"balikpapan", 2, "BPN-37-3", "", "", "BPN-01-34", true, "BPN-37-9", "BPN-37-7-a", "BPN-37-7-b", "", "", ""},
      {"madiun", 2, "MDN-39-3", "", "", "MDN-01-31", false, "MDN-39-9", "MDN-39-7-a", "MDN-39-7-b", "", "", ""},
      {"lampung-timur", 1, "LTM-32-3", "masalah", "LTM-32-1", "", false, "", "", "", "LTM-32-1", "LTM-32-4",
       "LTM-32-6"},
      {"bontang", 1, "BTG-43-2", "", "BTG-43-2", "", false, "", "", "", "", "", ""},
      {"bandar-lampung", 1, "", "", "BDL-38-3", "", false, "", "", "", "", "", ""},
  };
  return k;
}

/// The citation of each rule these tests assert, as profiles/<region>.yaml states it.
std::string citation_of(const std::string& rule) {
  static const std::map<std::string, std::string> k = {
      {"BPN-01-33", "Pasal 1 angka 33"},           {"BPN-37-3", "Pasal 37 ayat (3)"},
      {"MDN-39-3", "Pasal 39 ayat (3)"},           {"BPN-01-34", "Pasal 1 angka 34"},
      {"BPN-37-7-a", "Pasal 37 ayat (7) huruf a"}, {"BPN-37-7-b", "Pasal 37 ayat (7) huruf b"},
      {"BPN-37-9", "Pasal 37 ayat (9)"},           {"MDN-01-31", "Pasal 1 angka 31"},
      {"MDN-39-7-a", "Pasal 39 ayat (7) huruf a"}, {"MDN-39-7-b", "Pasal 39 ayat (7) huruf b"},
      {"MDN-39-9", "Pasal 39 ayat (9)"},           {"LTM-32-1", "Pasal 32 ayat (1)"},
      {"LTM-32-3", "Pasal 32 ayat (3)"},           {"LTM-32-4", "Pasal 32 ayat (4)"},
      {"LTM-32-6", "Pasal 32 ayat (6)"},           {"BTG-43-2", "Pasal 43 ayat (2)"},
      {"BDL-38-3", "Pasal 38 ayat (3)"},           {"BPN-37-8", "Pasal 37 ayat (8)"},
      {"BPN-37-10", "Pasal 37 ayat (10)"},
  };
  auto it = k.find(rule);
  return it == k.end() ? "(no citation expected for " + rule + ")" : it->second;
}

/// The citation a refusal carries.
std::string refusal_citation(const Reply& r) {
  if (!r.json.is_object() || !r.json.as_object().contains("error") || !r.json.at("error").as_object().contains("rule"))
    return "";
  return text_of(r.json.at("error").at("rule"), "citation");
}

class ServiceDeskTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

std::string me(Client& c) { return text_of(c.get("/api/auth/me").json.at("user"), "id"); }

Reply appoint(Client& admin, const std::string& user, int tier) {
  return admin.post("/api/servicedesk/agents", R"({"user_id":")" + user + R"(","tier":)" + std::to_string(tier) + "}");
}

Reply open_ticket(Client& c, const std::string& extra = "", const std::string& type = "gangguan") {
  return c.post("/api/servicedesk/tickets",
                R"({"type":")" + type +
                    R"(","title":"Printer tidak bisa mencetak","urgency":"tinggi","impact":"sedang")" + extra + "}");
}

const boost::json::object& last_event(const Reply& r) { return r.json.at("events").as_array().back().as_object(); }

bool has_action(const Reply& r, const char* action) {
  for (const auto& a : r.json.at("actions").as_array())
    if (a.as_string() == action) return true;
  return false;
}

/// The opening's answer is the ticket as a read of it gives it (built from what the opening wrote,
/// without reading it back), except the clocks' minutes, which it gives at the opening instant.
void expect_answer_is_the_ticket(Client& c, const Reply& opened) {
  auto read = c.get("/api/servicedesk/tickets/" + text_of(opened.json, "id"));
  ASSERT_EQ(read.status, 200) << read.body;
  auto answer = opened.json.as_object();
  auto stored = read.json.as_object();
  answer.erase("redirected");
  for (auto* o : {&answer, &stored})
    for (const char* clock : {"own", "resolve"}) (*o)["sla"].as_object()[clock].as_object().erase("used");
  EXPECT_TRUE(answer == stored) << boost::json::serialize(answer) << "\n" << boost::json::serialize(stored);
}

/// The citation of the first open finding of `rule` about one object ("" when none).
std::string finding_citation(Client& admin, const std::string& rule, const std::string& object) {
  auto r = admin.get("/api/compliance/findings?state=open&per_page=200&rule=" + rule + "&object=" + object);
  EXPECT_EQ(r.status, 200) << r.body;
  if (r.status != 200 || r.json.at("items").as_array().empty()) return "";
  return text_of(r.json.at("items").at(0).at("rule"), "citation");
}

/// The open findings of `rule` about one object.
std::size_t open_findings(Client& admin, const std::string& rule, const std::string& object) {
  auto r = admin.get("/api/compliance/findings?state=open&per_page=200&rule=" + rule + "&object=" + object);
  EXPECT_EQ(r.status, 200) << r.body;
  return r.status == 200 ? r.json.at("items").as_array().size() : 0;
}

}  // namespace

TEST_P(ServiceDeskTest, EachRegionRoutesAndEscalatesExactlyAsItsTextSays) {
  // Level 2 staff outside the Dinas refused (two tiers); Level 2 refused where the text has none (one tier).
  SIMPUL_PROVES("balikpapan", "BPN-37-7-b");
  SIMPUL_PROVES("madiun", "MDN-39-7-b");
  SIMPUL_PROVES("lampung-timur", "LTM-32-1");
  SIMPUL_PROVES("bontang", "BTG-43-2");
  SIMPUL_PROVES("bandar-lampung", "BDL-38-3");
  // A ticket type the text does not list, refused with the article listing the types.
  SIMPUL_PROVES("lampung-timur", "LTM-32-3");
  SIMPUL_PROVES("balikpapan", "BPN-37-3");
  SIMPUL_PROVES("madiun", "MDN-39-3");
  // A ticket opens at the requester's PD Level 1, the single point of contact.
  SIMPUL_PROVES("balikpapan", "BPN-01-33");
  // A ticket asked of Level 2 redirected to Level 1; escalation recorded with its article.
  SIMPUL_PROVES("balikpapan", "BPN-01-34");
  SIMPUL_PROVES("madiun", "MDN-01-31");
  SIMPUL_PROVES("balikpapan", "BPN-37-9");
  SIMPUL_PROVES("madiun", "MDN-39-9");
  for (const auto& region : regions()) {
    SCOPED_TRACE(region.profile);
    Instance in(GetParam());
    auto admin = admin_client(in, region.profile);
    auto disdik = agency_id(admin, "DISDIK");
    auto dishub = agency_id(admin, "DISHUB");
    auto kominfo = agency_id(admin, "DISKOMINFO");
    auto requester = user(in, admin, region.profile, "guru.disdik", "agency_operator", disdik);
    auto l1 = user(in, admin, region.profile, "teknisi.disdik", "agency_operator", disdik);
    auto l2 = user(in, admin, region.profile, "teknisi.kominfo", "agency_operator", kominfo);
    auto outsider = user(in, admin, region.profile, "staf.dishub", "agency_operator", dishub);

    // Staff: Level 1 in the PD; Level 2 only where the text has it, and only Dinas staff.
    ASSERT_EQ(appoint(admin, me(l1), 1).status, 201);
    auto second = appoint(admin, me(l2), 2);
    if (region.tiers == 2) {
      ASSERT_EQ(second.status, 201) << second.body;
      auto outside = appoint(admin, me(requester), 2);
      EXPECT_EQ(outside.status, 422);
      EXPECT_EQ(outside.error_code(), "servicedesk.level2_outside_dinas");
      EXPECT_EQ(outside.rule_id(), region.l2_staffing);
      EXPECT_EQ(refusal_citation(outside), citation_of(region.l2_staffing));
    } else {
      EXPECT_EQ(second.status, 422);
      EXPECT_EQ(second.error_code(), "servicedesk.no_level2");
      EXPECT_EQ(second.rule_id(), region.structure_rule);
      EXPECT_EQ(refusal_citation(second), citation_of(region.structure_rule));
    }
    EXPECT_EQ(appoint(l1, me(outsider), 1).status, 403);  // only the desk's manager appoints

    // Ticket types are the region's own list.
    if (!region.refused_type.empty()) {
      auto refused = open_ticket(requester, "", region.refused_type);
      EXPECT_EQ(refused.status, 422);
      EXPECT_EQ(refused.error_code(), "servicedesk.type_not_listed");
      EXPECT_EQ(refused.rule_id(), region.types_rule);
      EXPECT_EQ(refusal_citation(refused), citation_of(region.types_rule));
    }
    auto unlisted = open_ticket(requester, "", "sembarang");
    EXPECT_EQ(unlisted.status, 422);
    EXPECT_EQ(unlisted.error_code(), "servicedesk.type_not_listed");
    EXPECT_EQ(unlisted.rule_id(), region.types_rule);  // none where the text lists no types (Bandar Lampung)
    if (!region.types_rule.empty()) EXPECT_EQ(refusal_citation(unlisted), citation_of(region.types_rule));

    // A ticket opens at the requester's PD: Level 1 (or the PD's desk), priority from the matrix.
    auto before = ledger_size(in);
    auto opened = open_ticket(requester);
    ASSERT_EQ(opened.status, 201) << opened.body;
    auto ticket = text_of(opened.json, "id");
    EXPECT_EQ(opened.json.at("tier").as_int64(), 1);
    EXPECT_EQ(text_of(opened.json, "queue_agency_id"), disdik);
    EXPECT_EQ(text_of(opened.json, "priority"), "tinggi");
    EXPECT_TRUE(opened.json.at("redirected").is_null());
    EXPECT_GT(ledger_size(in), before);
    EXPECT_EQ(text_of(opened.json, "tier_label"), region.tiers == 2 ? "Pelayanan Level 1" : "Meja Layanan");
    expect_answer_is_the_ticket(requester, opened);

    // Another PD's user neither sees nor finds it; the PD's Level 1 has it in the queue.
    EXPECT_EQ(outsider.get("/api/servicedesk/tickets/" + ticket).status, 404);
    EXPECT_EQ(outsider.get("/api/servicedesk/tickets?view=all").json.at("total").as_int64(), 0);
    auto queue = l1.get("/api/servicedesk/tickets?view=queue&state=open&queue_agency=" + disdik);
    ASSERT_EQ(queue.status, 200);
    EXPECT_EQ(queue.json.at("total").as_int64(), 1);

    // Asked of Level 2 directly: about the Dinas's own application.
    auto app = admin.post(
        "/api/architecture/elements",
        R"({"domain":"aplikasi","code":"APL-SD-1","name":"Surel Pemda","owner_agency_id":")" + kominfo + "\"}");
    ASSERT_EQ(app.status, 201) << app.body;
    auto direct = open_ticket(requester, R"(,"tier":2,"element_id":")" + text_of(app.json, "id") + "\"");
    if (region.tiers == 1) {
      EXPECT_EQ(direct.status, 422);
      EXPECT_EQ(direct.error_code(), "servicedesk.no_level2");
      EXPECT_EQ(direct.rule_id(), region.structure_rule);
      EXPECT_EQ(refusal_citation(direct), citation_of(region.structure_rule));
    } else if (region.direct_for_dinas) {
      ASSERT_EQ(direct.status, 201) << direct.body;
      EXPECT_EQ(direct.json.at("tier").as_int64(), 2);
      EXPECT_EQ(text_of(direct.json, "queue_agency_id"), kominfo);
      EXPECT_TRUE(direct.json.at("redirected").is_null());
      expect_answer_is_the_ticket(requester, direct);
      // ... but not about a service the Dinas does not provide.
      auto other = open_ticket(requester, R"(,"tier":2)");
      ASSERT_EQ(other.status, 201);
      EXPECT_EQ(other.json.at("tier").as_int64(), 1);
      EXPECT_EQ(text_of(other.json.at("redirected"), "id"), region.redirect_rule);
      EXPECT_EQ(text_of(other.json.at("redirected"), "citation"), citation_of(region.redirect_rule));
      EXPECT_EQ(text_of(last_event(other), "kind"), "redirected");
      expect_answer_is_the_ticket(requester, other);
    } else {
      ASSERT_EQ(direct.status, 201) << direct.body;
      EXPECT_EQ(direct.json.at("tier").as_int64(), 1);
      EXPECT_EQ(text_of(direct.json, "queue_agency_id"), disdik);
      EXPECT_EQ(text_of(direct.json.at("redirected"), "id"), region.redirect_rule);
      EXPECT_FALSE(text_of(direct.json.at("redirected"), "citation").empty());
      EXPECT_EQ(text_of(direct.json.at("redirected"), "citation"), citation_of(region.redirect_rule));
    }

    // Escalation Level 1 -> Level 2: an explicit step by Level 1, recorded with the article.
    // (Where the text has no Level 2 the article refuses first, whoever asks.)
    EXPECT_EQ(requester.post("/api/servicedesk/tickets/" + ticket + "/escalate", R"({"note":"Tolong"})").status,
              region.tiers == 2 ? 403 : 422);
    EXPECT_EQ(l1.post("/api/servicedesk/tickets/" + ticket + "/escalate", "{}").status,
              422);  // the note says what was tried
    auto escalated = l1.post("/api/servicedesk/tickets/" + ticket + "/escalate",
                             R"({"note":"Driver sudah dipasang ulang, tetap gagal"})");
    if (region.tiers == 1) {
      EXPECT_EQ(escalated.status, 422);
      EXPECT_EQ(escalated.rule_id(), region.structure_rule);
      EXPECT_EQ(refusal_citation(escalated), citation_of(region.structure_rule));
      EXPECT_FALSE(has_action(l1.get("/api/servicedesk/tickets/" + ticket), "escalate"));
    } else {
      ASSERT_EQ(escalated.status, 200) << escalated.body;
      EXPECT_EQ(escalated.json.at("tier").as_int64(), 2);
      EXPECT_EQ(text_of(escalated.json, "queue_agency_id"), kominfo);
      EXPECT_EQ(text_of(escalated.json, "state"), "new");
      EXPECT_EQ(text_of(last_event(escalated), "kind"), "escalated");
      EXPECT_EQ(text_of(last_event(escalated).at("rule"), "id"), region.escalation_rule);
      EXPECT_EQ(text_of(last_event(escalated).at("rule"), "citation"), citation_of(region.escalation_rule));
      // Level 2 owns it now and may give it back with a note.
      auto at_l2 = l2.get("/api/servicedesk/tickets/" + ticket);
      ASSERT_EQ(at_l2.status, 200);
      EXPECT_TRUE(has_action(at_l2, "return"));
      EXPECT_EQ(l2.post("/api/servicedesk/tickets/" + ticket + "/actions", R"({"action":"assign"})").status, 200);
      EXPECT_EQ(l1.post("/api/servicedesk/tickets/" + ticket + "/actions", R"({"action":"start"})").status, 403);
      EXPECT_EQ(l2.post("/api/servicedesk/tickets/" + ticket + "/return", "{}").status, 422);
      auto back = l2.post("/api/servicedesk/tickets/" + ticket + "/return",
                          R"({"note":"Kerusakan perangkat keras, ganti printer"})");
      ASSERT_EQ(back.status, 200) << back.body;
      EXPECT_EQ(back.json.at("tier").as_int64(), 1);
      EXPECT_EQ(text_of(back.json, "queue_agency_id"), disdik);
      EXPECT_TRUE(back.json.at("assignee_id").is_null());
    }

    // Internal notes stay with the desk; public comments reach the requester.
    ASSERT_EQ(
        l1.post("/api/servicedesk/tickets/" + ticket + "/comments", R"({"body":"Cek garansi","internal":true})").status,
        201);
    ASSERT_EQ(l1.post("/api/servicedesk/tickets/" + ticket + "/comments", R"({"body":"Sedang kami periksa"})").status,
              201);
    EXPECT_EQ(
        requester.post("/api/servicedesk/tickets/" + ticket + "/comments", R"({"body":"x","internal":true})").status,
        403);
    auto seen = requester.get("/api/servicedesk/tickets/" + ticket);
    ASSERT_EQ(seen.status, 200);
    bool internal_seen = false, comment_seen = false;
    for (const auto& e : seen.json.at("events").as_array()) {
      internal_seen = internal_seen || e.at("internal").as_bool();
      comment_seen = comment_seen || text_of(e, "body") == "Sedang kami periksa";
    }
    EXPECT_FALSE(internal_seen);
    EXPECT_TRUE(comment_seen);
    EXPECT_GT(requester.get("/api/notifications/unread").json.at("unread").as_int64(), 0);

    // A shared ticket is visible to other PDs.
    ASSERT_EQ(l1.post("/api/servicedesk/tickets/" + ticket + "/share", R"({"shared":true})").status, 200);
    EXPECT_EQ(outsider.get("/api/servicedesk/tickets/" + ticket).status, 200);
  }
}

// Balikpapan Pasal 37 ayat (8): Level 1 resolves problems at PD level; ayat (10): Level 2 resolves
// what Level 1 could not (Madiun says both in Pasal 39 ayat (8)-(10), its rule MDN-39-9). So a
// ticket at Level 1 is worked only by its PD's Level 1, and once escalated only by Level 2 until it
// comes back; each refusal cites the tier's article and changes nothing. Bontang's text has one desk
// per PD and no tier duties: the same refusal cites nothing.
TEST_P(ServiceDeskTest, EachTierWorksOnlyTheTicketsItsArticleGivesIt) {
  SIMPUL_PROVES("balikpapan", "BPN-37-8");
  SIMPUL_PROVES("balikpapan", "BPN-37-10");
  SIMPUL_PROVES("madiun", "MDN-39-9");
  struct Duties {
    std::string profile, level1_rule, level2_rule;
  };
  for (const auto& region : std::vector<Duties>{
           {"balikpapan", "BPN-37-8", "BPN-37-10"}, {"madiun", "MDN-39-9", "MDN-39-9"}, {"bontang", "", ""}}) {
    SCOPED_TRACE(region.profile);
    bool tiers = !region.level1_rule.empty();
    Instance in(GetParam());
    auto admin = admin_client(in, region.profile);
    auto disdik = agency_id(admin, "DISDIK");
    auto requester = user(in, admin, region.profile, "guru.disdik", "agency_operator", disdik);
    auto l1 = user(in, admin, region.profile, "teknisi.disdik", "agency_operator", disdik);
    auto l2 = user(in, admin, region.profile, "teknisi.kominfo", "agency_operator", agency_id(admin, "DISKOMINFO"));
    ASSERT_EQ(appoint(admin, me(l1), 1).status, 201);
    if (tiers) ASSERT_EQ(appoint(admin, me(l2), 2).status, 201);
    auto opened = open_ticket(requester);
    ASSERT_EQ(opened.status, 201) << opened.body;
    auto path = "/api/servicedesk/tickets/" + text_of(opened.json, "id");

    auto expect_refused = [&](Client& who, const std::string& step, const std::string& body, const std::string& rule) {
      SCOPED_TRACE(step);
      auto before = ledger_size(in);
      auto r = who.post(path + step, body);
      EXPECT_EQ(r.status, 403) << r.body;
      EXPECT_EQ(r.error_code(), "servicedesk.not_queue_staff");
      EXPECT_EQ(r.rule_id(), rule);
      if (!rule.empty()) EXPECT_EQ(refusal_citation(r), citation_of(rule));
      EXPECT_EQ(ledger_size(in), before);
    };
    if (!tiers) {
      // The Dinas's staff is no desk member here: it may read nothing of the PD's ticket to work on.
      EXPECT_EQ(l2.post(path + "/actions", R"({"action":"assign"})").status, 404);
      expect_refused(requester, "/actions", R"({"action":"assign"})", "");
      continue;
    }
    // At Level 1: Level 2 sees the ticket but may not work it before Level 1 escalates it.
    ASSERT_EQ(l2.get(path).status, 200);
    for (const char* action : {R"({"action":"assign"})", R"({"action":"resolve","resolution":"x"})"})
      expect_refused(l2, "/actions", action, region.level1_rule);
    expect_refused(l2, "/comments", R"({"body":"Catatan","internal":true})", region.level1_rule);
    expect_refused(l2, "/share", R"({"shared":true})", region.level1_rule);
    expect_refused(requester, "/actions", R"({"action":"start"})", region.level1_rule);
    EXPECT_EQ(text_of(l2.get(path).json, "state"), "new");

    // Escalated: Level 2 owns it; the PD's Level 1 may not work it until it is returned.
    ASSERT_EQ(l1.post(path + "/escalate", R"({"note":"Driver dipasang ulang, tetap gagal"})").status, 200);
    expect_refused(l1, "/actions", R"({"action":"assign"})", region.level2_rule);
    expect_refused(l1, "/return", R"({"note":"Kembali"})", region.level2_rule);
    expect_refused(l1, "/comments", R"({"body":"Catatan","internal":true})", region.level2_rule);
    EXPECT_EQ(l2.post(path + "/actions", R"({"action":"assign"})").status, 200);
    EXPECT_EQ(l2.post(path + "/actions", R"({"action":"start"})").status, 200);
    auto resolved = l2.post(path + "/actions", R"({"action":"resolve","resolution":"Printer diganti"})");
    ASSERT_EQ(resolved.status, 200) << resolved.body;
    EXPECT_EQ(text_of(resolved.json, "state"), "resolved");
    EXPECT_EQ(resolved.json.at("tier").as_int64(), 2);
  }
}

TEST_P(ServiceDeskTest, ATicketMovesThroughItsStatesWithReasonsRatingAndReopenAndBadInputChangesNothing) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto disdik = agency_id(admin, "DISDIK");
  auto requester = user(in, admin, "balikpapan", "guru.disdik", "agency_operator", disdik);
  auto l1 = user(in, admin, "balikpapan", "teknisi.disdik", "agency_operator", disdik);
  ASSERT_EQ(appoint(admin, me(l1), 1).status, 201);
  auto opened = open_ticket(requester);
  ASSERT_EQ(opened.status, 201);
  auto id = text_of(opened.json, "id");
  auto act = [&](Client& c, const std::string& body) {
    return c.post("/api/servicedesk/tickets/" + id + "/actions", body);
  };

  // Bad input: refused with a catalogue code, nothing written.
  auto size = ledger_size(in);
  EXPECT_EQ(act(l1, R"({"action":"terbang"})").error_code(), "validation.invalid_value");
  EXPECT_EQ(act(l1, R"({"action":"start"})").error_code(), "servicedesk.invalid_transition");  // not assigned yet
  EXPECT_EQ(act(l1, R"({"action":"assign","extra":1})").error_code(), "validation.unknown_field");
  EXPECT_EQ(act(requester, R"({"action":"assign"})").error_code(), "servicedesk.not_queue_staff");
  EXPECT_EQ(
      requester
          .post("/api/servicedesk/tickets", R"({"type":"gangguan","title":"x","urgency":"parah","impact":"sedang"})")
          .status,
      422);
  EXPECT_EQ(
      requester
          .post("/api/servicedesk/tickets", R"({"type":"gangguan","title":"","urgency":"tinggi","impact":"sedang"})")
          .status,
      422);
  EXPECT_EQ(requester.get("/api/servicedesk/tickets/bukan-id!").status, 400);
  EXPECT_EQ(ledger_size(in), size);

  ASSERT_EQ(act(l1, R"({"action":"assign"})").status, 200);
  ASSERT_EQ(act(l1, R"({"action":"start"})").status, 200);
  EXPECT_EQ(act(l1, R"({"action":"pend"})").error_code(), "validation.missing_field");  // a reason is required
  auto pending = act(l1, R"({"action":"pend","reason":"Menunggu suku cadang"})");
  ASSERT_EQ(pending.status, 200);
  EXPECT_TRUE(pending.json.at("sla").at("paused").as_bool());
  EXPECT_EQ(text_of(pending.json, "pending_reason"), "Menunggu suku cadang");
  EXPECT_EQ(requester.post("/api/servicedesk/tickets/" + id + "/rating", R"({"score":5})").error_code(),
            "servicedesk.invalid_transition");  // not resolved yet
  ASSERT_EQ(act(l1, R"({"action":"resume"})").status, 200);
  EXPECT_EQ(act(l1, R"({"action":"resolve"})").error_code(), "validation.missing_field");
  auto resolved = act(l1, R"({"action":"resolve","resolution":"Printer diganti"})");
  ASSERT_EQ(resolved.status, 200);
  EXPECT_TRUE(resolved.json.at("sla").at("resolve").at("done").as_bool());

  // The requester rates once, 1-5, and may reopen within the window.
  EXPECT_EQ(requester.post("/api/servicedesk/tickets/" + id + "/rating", R"({"score":6})").status, 422);
  EXPECT_EQ(l1.post("/api/servicedesk/tickets/" + id + "/rating", R"({"score":5})").error_code(),
            "servicedesk.requester_only");
  auto rated = requester.post("/api/servicedesk/tickets/" + id + "/rating", R"({"score":4,"comment":"Cepat"})");
  ASSERT_EQ(rated.status, 200);
  EXPECT_EQ(rated.json.at("rating").as_int64(), 4);
  EXPECT_EQ(requester.post("/api/servicedesk/tickets/" + id + "/rating", R"({"score":5})").error_code(),
            "servicedesk.already_rated");
  auto reopened = act(requester, R"({"action":"reopen","reason":"Masih macet"})");
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_EQ(text_of(reopened.json, "state"), "in_progress");
  ASSERT_EQ(act(l1, R"({"action":"resolve","resolution":"Kabel diganti"})").status, 200);
  auto closed = act(requester, R"({"action":"close"})");
  ASSERT_EQ(closed.status, 200);
  EXPECT_EQ(text_of(closed.json, "state"), "closed");

  // Every step is in the timeline, in order.
  std::vector<std::string> kinds;
  for (const auto& e : closed.json.at("events").as_array()) kinds.push_back(text_of(e, "kind"));
  EXPECT_EQ(kinds, (std::vector<std::string>{"created", "assigned", "state", "state", "state", "state", "rated",
                                             "reopened", "state", "state"}));

  // Reports per PD and tier.
  auto stats = admin.get("/api/servicedesk/statistics");
  ASSERT_EQ(stats.status, 200) << stats.body;
  bool found = false;
  for (const auto& row : stats.json.at("items").as_array())
    if (text_of(row, "agency_id") == disdik) {
      found = true;
      EXPECT_EQ(row.at("opened").as_int64(), 1);
      EXPECT_EQ(row.at("resolved").as_int64(), 1);
      EXPECT_EQ(row.at("backlog").as_int64(), 0);
    }
  EXPECT_TRUE(found);
  EXPECT_EQ(requester.get("/api/servicedesk/statistics").status, 403);
}

TEST_P(ServiceDeskTest, StaffingFindingsFollowEachRegionsText) {
  // A PD without Level 1 staff (two tiers); a PD running services without a desk, its SOP, its report (Lampung Timur).
  SIMPUL_PROVES("balikpapan", "BPN-37-7-a");
  SIMPUL_PROVES("madiun", "MDN-39-7-a");
  SIMPUL_PROVES("lampung-timur", "LTM-32-1");
  SIMPUL_PROVES("lampung-timur", "LTM-32-4");
  SIMPUL_PROVES("lampung-timur", "LTM-32-6");
  for (const auto& region : regions()) {
    SCOPED_TRACE(region.profile);
    Instance in(GetParam());
    auto admin = admin_client(in, region.profile);
    auto disdik = agency_id(admin, "DISDIK");
    auto kominfo = agency_id(admin, "DISKOMINFO");
    auto teknisi = user(in, admin, region.profile, "teknisi.disdik", "agency_operator", disdik);
    // DISDIK runs an SPBE service.
    ASSERT_EQ(
        admin
            .post("/api/architecture/elements",
                  R"({"domain":"layanan","code":"LYN-SD-1","name":"Layanan PPDB","owner_agency_id":")" + disdik + "\"}")
            .status,
        201);
    auto evaluate = [&] { ASSERT_EQ(admin.post("/api/compliance/evaluate", "{}").status, 200); };
    evaluate();
    if (!region.l1_staffing.empty()) {
      EXPECT_EQ(open_findings(admin, region.l1_staffing, disdik), 1u);
      EXPECT_EQ(finding_citation(admin, region.l1_staffing, disdik), citation_of(region.l1_staffing));
      ASSERT_EQ(appoint(admin, me(teknisi), 1).status, 201);
      evaluate();
      EXPECT_EQ(open_findings(admin, region.l1_staffing, disdik), 0u);
      // The demo seats Level 2 staff at the Dinas, so the Dinas has no Level 2 finding.
      EXPECT_EQ(open_findings(admin, region.l2_staffing, kominfo), 0u);
    }
    if (!region.desk_rule.empty()) {
      EXPECT_EQ(open_findings(admin, region.desk_rule, disdik), 1u);
      EXPECT_EQ(finding_citation(admin, region.desk_rule, disdik), citation_of(region.desk_rule));
      auto desk =
          admin.post("/api/servicedesk/desks",
                     R"({"agency_id":")" + disdik + R"(","unit_name":"Meja Layanan Disdik","since":"2026-01-05"})");
      ASSERT_EQ(desk.status, 200) << desk.body;
      evaluate();
      EXPECT_EQ(open_findings(admin, region.desk_rule, disdik), 0u);
      EXPECT_EQ(open_findings(admin, region.sop_rule, disdik), 1u);  // no SOP decree yet
      EXPECT_EQ(finding_citation(admin, region.sop_rule, disdik), citation_of(region.sop_rule));
      EXPECT_EQ(open_findings(admin, region.report_rule, disdik), 1u);  // no report since January
      EXPECT_EQ(finding_citation(admin, region.report_rule, disdik), citation_of(region.report_rule));
      ASSERT_EQ(
          admin
              .post(
                  "/api/servicedesk/desks",
                  R"({"agency_id":")" + disdik +
                      R"(","unit_name":"Meja Layanan Disdik","sop_reference":"Keputusan Bupati Nomor 100/2026","since":"2026-01-05"})")
              .status,
          200);
      ASSERT_EQ(appoint(admin, me(teknisi), 1).status, 201);
      auto report =
          teknisi.post("/api/servicedesk/reports",
                       R"({"agency_id":")" + disdik + R"(","period_start":"2026-09-01","period_end":"2026-11-30"})");
      ASSERT_EQ(report.status, 201) << report.body;
      evaluate();
      EXPECT_EQ(open_findings(admin, region.sop_rule, disdik), 0u);
      EXPECT_EQ(open_findings(admin, region.report_rule, disdik), 0u);
    }
    // The staffing board says the same.
    auto board = admin.get("/api/servicedesk/staffing");
    ASSERT_EQ(board.status, 200);
    EXPECT_EQ(board.json.at("tiers").as_int64(), region.tiers);
  }
}

namespace {

/// A ticket of `requester` taken to "resolved" by `l1`.
std::string resolved_ticket(Client& requester, Client& l1, const std::string& resolution) {
  auto opened = open_ticket(requester);
  EXPECT_EQ(opened.status, 201) << opened.body;
  auto id = text_of(opened.json, "id");
  auto act = [&](const std::string& body) { return l1.post("/api/servicedesk/tickets/" + id + "/actions", body); };
  EXPECT_EQ(act(R"({"action":"assign"})").status, 200);
  EXPECT_EQ(act(R"({"action":"start"})").status, 200);
  EXPECT_EQ(act(R"({"action":"resolve","resolution":")" + resolution + "\"}").status, 200);
  return id;
}

Reply upload(Client& c, const std::string& ticket, const std::string& filename, const std::string& content) {
  return c.send("POST", "/api/servicedesk/tickets/" + ticket + "/attachments?filename=" + filename, content,
                {{"content-type", "application/octet-stream"}});
}

std::int64_t ticket_total(Client& c, const std::string& query) {
  auto r = c.get("/api/servicedesk/tickets?" + query);
  EXPECT_EQ(r.status, 200) << query << ": " << r.body;
  return r.status == 200 ? r.json.at("total").as_int64() : -1;
}

}  // namespace

TEST_P(ServiceDeskTest, KnowledgeBaseArticlesComeFromResolvedTicketsAndTechnicianArticlesStayWithTheDesk) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto disdik = agency_id(admin, "DISDIK");
  auto requester = user(in, admin, "balikpapan", "guru.disdik", "agency_operator", disdik);
  auto l1 = user(in, admin, "balikpapan", "teknisi.disdik", "agency_operator", disdik);
  ASSERT_EQ(appoint(admin, me(l1), 1).status, 201);

  // Only a resolved ticket becomes an article, and only desk staff write articles.
  auto still_open = text_of(open_ticket(requester).json, "id");
  auto size = ledger_size(in);
  auto early = l1.post("/api/servicedesk/articles", R"({"ticket_id":")" + still_open + "\"}");
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.error_code(), "servicedesk.ticket_not_resolved");
  EXPECT_EQ(requester.post("/api/servicedesk/articles", R"({"title":"Tips","body":"Isi"})").status, 403);
  // The console shows the write buttons to whom the server lets write: it says so in the options.
  EXPECT_FALSE(requester.get("/api/servicedesk/options").json.at("can_write_articles").as_bool());
  EXPECT_TRUE(l1.get("/api/servicedesk/options").json.at("can_write_articles").as_bool());
  EXPECT_EQ(
      l1.post("/api/servicedesk/articles", R"({"title":"Tips","body":"Isi","visibility":"rahasia"})").error_code(),
      "validation.invalid_value");
  EXPECT_EQ(l1.post("/api/servicedesk/articles", R"({"title":"Tips"})").error_code(), "validation.missing_field");
  EXPECT_EQ(ledger_size(in), size);

  auto ticket = resolved_ticket(requester, l1, "Driver printer dipasang ulang");
  auto from_ticket = l1.post("/api/servicedesk/articles", R"({"ticket_id":")" + ticket + "\"}");
  ASSERT_EQ(from_ticket.status, 201) << from_ticket.body;
  EXPECT_EQ(text_of(from_ticket.json, "title"), "Printer tidak bisa mencetak");
  EXPECT_NE(text_of(from_ticket.json, "body").find("Driver printer dipasang ulang"), std::string::npos);
  EXPECT_EQ(text_of(from_ticket.json, "ticket_id"), ticket);
  EXPECT_EQ(text_of(from_ticket.json, "visibility"), "public");
  EXPECT_GT(ledger_size(in), size);
  EXPECT_EQ(text_of(last_event(l1.get("/api/servicedesk/tickets/" + ticket)), "kind"), "article");

  auto internal = l1.post(
      "/api/servicedesk/articles",
      R"({"title":"Reset kata sandi server surel","body":"# Langkah\n\n1. Masuk ke konsol\n2. Jalankan reset","visibility":"technicians"})");
  ASSERT_EQ(internal.status, 201) << internal.body;
  auto internal_id = text_of(internal.json, "id");

  // Staff who are not technicians read and search the public articles only.
  EXPECT_EQ(requester.get("/api/servicedesk/articles").json.at("total").as_int64(), 1);
  EXPECT_EQ(requester.get("/api/servicedesk/articles?q=printer").json.at("total").as_int64(), 1);
  EXPECT_EQ(requester.get("/api/servicedesk/articles?q=sandi").json.at("total").as_int64(), 0);
  auto hidden = requester.get("/api/servicedesk/articles/" + internal_id);
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(hidden.error_code(), "servicedesk.article_not_found");
  EXPECT_EQ(l1.get("/api/servicedesk/articles").json.at("total").as_int64(), 2);
  EXPECT_EQ(l1.get("/api/servicedesk/articles?q=SANDI").json.at("total").as_int64(), 1);
  EXPECT_EQ(l1.get("/api/servicedesk/articles?q=tidak-ada-kata-ini").json.at("total").as_int64(), 0);

  // Edited by the desk; opened to every staff member.
  auto edited = l1.patch("/api/servicedesk/articles/" + internal_id,
                         R"({"title":"Reset kata sandi surel","body":"Langkah baru","visibility":"public"})");
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(text_of(edited.json, "title"), "Reset kata sandi surel");
  EXPECT_EQ(requester.get("/api/servicedesk/articles/" + internal_id).status, 200);
  EXPECT_EQ(requester.patch("/api/servicedesk/articles/" + internal_id, R"({"title":"x","body":"y"})").status, 403);
  EXPECT_EQ(
      l1.patch("/api/servicedesk/articles/" + internal_id, R"({"title":"x","body":"y","ticket_id":")" + ticket + "\"}")
          .status,
      422);
}

TEST_P(ServiceDeskTest, AttachmentsAreTypedByContentLimitedInSizeAndDownloadedAsAttachments) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto disdik = agency_id(admin, "DISDIK");
  auto dishub = agency_id(admin, "DISHUB");
  auto requester = user(in, admin, "balikpapan", "guru.disdik", "agency_operator", disdik);
  auto l1 = user(in, admin, "balikpapan", "teknisi.disdik", "agency_operator", disdik);
  auto outsider = user(in, admin, "balikpapan", "staf.dishub", "agency_operator", dishub);
  ASSERT_EQ(appoint(admin, me(l1), 1).status, 201);
  auto ticket = text_of(open_ticket(requester).json, "id");

  auto size = ledger_size(in);
  auto hostile = upload(requester, ticket, "../../etc/passwd", "teks");
  EXPECT_EQ(hostile.status, 422);
  EXPECT_EQ(hostile.error_code(), "servicedesk.attachment_name");
  EXPECT_EQ(upload(requester, ticket, "a%01b.txt", "teks").error_code(), "servicedesk.attachment_name");
  EXPECT_EQ(upload(requester, ticket, "..", "teks").error_code(), "servicedesk.attachment_name");
  auto program = upload(requester, ticket, "foto.png", std::string("MZ\x90\0\x03\0\0\0\x04\0", 10));
  EXPECT_EQ(program.status, 415);
  EXPECT_EQ(program.error_code(), "servicedesk.attachment_type");
  auto big = upload(requester, ticket, "log.txt", std::string(5 * 1024 * 1024 + 1, 'a'));
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(big.error_code(), "servicedesk.attachment_too_large");
  EXPECT_EQ(upload(outsider, ticket, "x.txt", "teks").status, 404);  // another PD's ticket is not revealed
  EXPECT_EQ(ledger_size(in), size);

  auto note = upload(requester, ticket, "catatan.txt", "Printer macet di lantai 2");
  ASSERT_EQ(note.status, 201) << note.body;
  EXPECT_EQ(text_of(note.json, "content_type"), "text/plain; charset=utf-8");
  auto png = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  auto shot = upload(l1, ticket, "layar.png", png);
  ASSERT_EQ(shot.status, 201) << shot.body;
  EXPECT_EQ(text_of(shot.json, "content_type"), "image/png");
  // A page named .html is typed by its content: plain text, never rendered.
  auto page = upload(requester, ticket, "halaman.html", "<html><script>alert(1)</script></html>");
  ASSERT_EQ(page.status, 201) << page.body;
  EXPECT_EQ(text_of(page.json, "content_type"), "text/plain; charset=utf-8");
  EXPECT_GT(ledger_size(in), size);

  auto list = l1.get("/api/servicedesk/tickets/" + ticket + "/attachments");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json.at("items").as_array().size(), 3u);
  EXPECT_EQ(outsider.get("/api/servicedesk/tickets/" + ticket + "/attachments").status, 404);

  auto file = requester.get("/api/servicedesk/attachments/" + text_of(shot.json, "id") + "/content");
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, png);
  EXPECT_EQ(file.header("Content-Type"), "image/png");
  EXPECT_NE(file.header("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_NE(file.header("Content-Disposition").find("layar.png"), std::string::npos);
  EXPECT_EQ(file.header("X-Content-Type-Options"), "nosniff");
  auto html = requester.get("/api/servicedesk/attachments/" + text_of(page.json, "id") + "/content");
  EXPECT_EQ(html.header("Content-Type"), "text/plain; charset=utf-8");
  auto foreign = outsider.get("/api/servicedesk/attachments/" + text_of(shot.json, "id") + "/content");
  EXPECT_EQ(foreign.status, 404);
  EXPECT_EQ(foreign.error_code(), "servicedesk.attachment_not_found");
}

TEST_P(ServiceDeskTest, QueueFiltersAndBulkActionsAuthorizeEveryTicket) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto disdik = agency_id(admin, "DISDIK");
  auto dishub = agency_id(admin, "DISHUB");
  auto requester = user(in, admin, "balikpapan", "guru.disdik", "agency_operator", disdik);
  auto l1 = user(in, admin, "balikpapan", "teknisi.disdik", "agency_operator", disdik);
  auto other = user(in, admin, "balikpapan", "staf.dishub", "agency_operator", dishub);
  auto other_l1 = user(in, admin, "balikpapan", "teknisi.dishub", "agency_operator", dishub);
  ASSERT_EQ(appoint(admin, me(l1), 1).status, 201);
  ASSERT_EQ(appoint(admin, me(other_l1), 1).status, 201);

  auto high1 = text_of(open_ticket(requester).json, "id");  // tinggi x sedang: tinggi
  auto high2 = text_of(open_ticket(requester).json, "id");
  auto low = text_of(requester
                         .post("/api/servicedesk/tickets",
                               R"({"type":"permintaan","title":"Akun baru","urgency":"rendah","impact":"rendah"})")
                         .json,
                     "id");
  auto foreign = text_of(open_ticket(other).json, "id");

  EXPECT_EQ(ticket_total(l1, "view=queue&priority=tinggi"), 2);
  EXPECT_EQ(ticket_total(l1, "view=queue&priority=rendah"), 1);
  EXPECT_EQ(l1.get("/api/servicedesk/tickets?priority=sangat").status, 400);

  // The total is counted up to a cap (10,000; 2 here): beyond it the cap and the flag, the page
  // still full so the pager goes on; under it the exact total.
  in.platform().service<servicedesk::Service>().cap_list_totals(2);
  auto over = l1.get("/api/servicedesk/tickets?view=queue&state=open&per_page=10");
  ASSERT_EQ(over.status, 200) << over.body;
  EXPECT_EQ(over.json.at("total").as_int64(), 2);
  EXPECT_TRUE(over.json.at("total_capped").as_bool());
  EXPECT_EQ(over.json.at("items").as_array().size(), 3U);
  auto under = l1.get("/api/servicedesk/tickets?view=queue&priority=rendah");
  EXPECT_EQ(under.json.at("total").as_int64(), 1);
  EXPECT_FALSE(under.json.at("total_capped").as_bool());
  in.platform().service<servicedesk::Service>().cap_list_totals(10000);
  EXPECT_EQ(ticket_total(l1, "assigned=me"), 0);

  // Bulk assign: each ticket authorized on its own; another PD's ticket is refused, the rest done.
  auto size = ledger_size(in);
  auto bulk = l1.post("/api/servicedesk/tickets/bulk",
                      R"({"action":"assign","ids":[")" + high1 + R"(",")" + high2 + R"(",")" + foreign + "\"]}");
  ASSERT_EQ(bulk.status, 200) << bulk.body;
  EXPECT_EQ(bulk.json.at("done").as_int64(), 2);
  EXPECT_EQ(bulk.json.at("refused").as_int64(), 1);
  EXPECT_EQ(bulk.json.at("items").at(2).at("status").as_int64(), 404);
  EXPECT_EQ(text_of(bulk.json.at("items").at(2), "code"), "servicedesk.ticket_not_found");
  EXPECT_GT(ledger_size(in), size);
  EXPECT_EQ(ticket_total(l1, "assigned=me"), 2);
  EXPECT_EQ(ticket_total(other_l1, "view=queue&state=new&queue_agency=" + dishub), 1);  // untouched

  // A requester cannot work the queue in bulk; states are checked per ticket.
  auto by_requester = requester.post("/api/servicedesk/tickets/bulk", R"({"action":"start","ids":[")" + high1 + "\"]}");
  ASSERT_EQ(by_requester.status, 200);
  EXPECT_EQ(text_of(by_requester.json.at("items").at(0), "code"), "servicedesk.not_queue_staff");
  auto start = l1.post("/api/servicedesk/tickets/bulk",
                       R"({"action":"start","ids":[")" + high1 + R"(",")" + high2 + R"(",")" + low + "\"]}");
  ASSERT_EQ(start.status, 200);
  EXPECT_EQ(start.json.at("done").as_int64(), 2);
  EXPECT_EQ(text_of(start.json.at("items").at(2), "code"), "servicedesk.invalid_transition");  // not assigned yet
  auto no_text = l1.post("/api/servicedesk/tickets/bulk", R"({"action":"resolve","ids":[")" + high1 + "\"]}");
  EXPECT_EQ(text_of(no_text.json.at("items").at(0), "code"), "validation.missing_field");
  auto resolved =
      l1.post("/api/servicedesk/tickets/bulk",
              R"({"action":"resolve","resolution":"Printer diganti","ids":[")" + high1 + R"(",")" + high2 + "\"]}");
  EXPECT_EQ(resolved.json.at("done").as_int64(), 2);
  EXPECT_EQ(ticket_total(l1, "view=queue&state=resolved"), 2);

  std::string many = "[";
  for (int i = 0; i < 101; ++i) many += std::string(i ? "," : "") + "\"" + high1 + "\"";
  auto too_many = l1.post("/api/servicedesk/tickets/bulk", R"({"action":"close","ids":)" + many + "]}");
  EXPECT_EQ(too_many.status, 422);
  EXPECT_EQ(too_many.error_code(), "servicedesk.bulk_too_many");
  EXPECT_EQ(l1.post("/api/servicedesk/tickets/bulk", R"({"action":"reopen","ids":[")" + high1 + "\"]}").status, 422);

  // Breached: the low ticket has waited unowned for weeks (its events moved back in time).
  EXPECT_EQ(ticket_total(l1, "breached=true&state=open"), 0);
  storage::write_transaction(in.db(), [&](storage::Connection& c) {
    c.execute("UPDATE sd_events SET at = ? WHERE ticket_id = ?", {"2026-10-01T01:00:00Z", low});
    // The clock stored with the event moves with it (sla_store.cpp): the list reads that one.
    c.execute("UPDATE sd_tickets SET sla_since = ? WHERE id = ?", {"2026-10-01T01:00:00Z", low});
  });
  EXPECT_EQ(ticket_total(l1, "breached=true&state=open"), 1);
  EXPECT_EQ(ticket_total(l1, "breached=true&priority=tinggi"), 0);
  EXPECT_EQ(ticket_total(other_l1, "breached=true"), 0);  // not their PD's ticket
}

INSTANTIATE_TEST_SUITE_P(Databases, ServiceDeskTest, ::testing::ValuesIn(test_support::backends()));
