// SLA targets per category and per catalogue service (docs/service-desk.md, "SLA targets"): the
// Dinas sets a category's targets per priority, a ticket takes its category's (or the nearest
// ancestor's), a service's SLA class raises the priority, and a change of classification re-targets
// the clocks, the breached filter, the statistics and the SLA watch at once. On both databases.
// Event times are moved into a fixed past week, so the working minutes are exact.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "api_harness.hpp"
#include "core/crypto.hpp"
#include "storage/unit_of_work.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class ServiceDeskSlaTargetTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

std::string new_category(Client& admin, const std::string& name, const std::string& parent = "") {
  auto r = admin.post("/api/servicedesk/categories",
                      R"({"name":")" + name + "\"" + (parent.empty() ? "" : R"(,"parent_id":")" + parent + "\"") + "}");
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? text_of(r.json, "id") : "";
}

std::string new_service(Client& admin, const std::string& code, const std::string& owner,
                        const std::string& sla_class) {
  auto r = admin.post("/api/servicedesk/services", R"({"code":")" + code + R"(","name":"Layanan )" + code +
                                                       R"(","agency_id":")" + owner + R"(","sla_class":")" + sla_class +
                                                       "\"}");
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? text_of(r.json, "id") : "";
}

Reply set_targets(Client& c, const std::string& category, const std::string& body) {
  return c.send("PUT", "/api/servicedesk/categories/" + category + "/targets", body);
}

/// The targets a category sets, as the category list shows them.
std::string listed_targets(Client& c, const std::string& category) {
  auto r = c.get("/api/servicedesk/categories");
  EXPECT_EQ(r.status, 200) << r.body;
  for (const auto& i : r.json.at("items").as_array())
    if (text_of(i, "id") == category) return json_text(i.at("targets"));
  return "(none)";
}

/// own/resolve target, and the category and service the ticket page names as their reason.
struct Seen {
  std::int64_t own = 0, resolve = 0;
  std::string priority, category, service;
  bool breached = false;
};

Seen target_of(const boost::json::value& ticket) {
  const auto& sla = ticket.at("sla");
  const auto& t = sla.at("target");
  Seen s;
  s.own = t.at("own_minutes").as_int64();
  s.resolve = t.at("resolve_minutes").as_int64();
  s.priority = text_of(t, "priority");
  if (t.at("category_name").is_string()) s.category = text_of(t, "category_name");
  if (t.at("service").is_object()) s.service = text_of(t.at("service"), "code");
  EXPECT_EQ(sla.at("own").at("target_minutes").as_int64(), s.own);  // the clocks run against it
  EXPECT_EQ(sla.at("resolve").at("target_minutes").as_int64(), s.resolve);
  s.breached = sla.at("own").at("breached").as_bool() || sla.at("resolve").at("breached").as_bool();
  return s;
}

Seen seen(Client& c, const std::string& ticket) {
  auto r = c.get("/api/servicedesk/tickets/" + ticket);
  EXPECT_EQ(r.status, 200) << r.body;
  return r.status == 200 ? target_of(r.json) : Seen{};
}

bool listed_as_breached(Client& c, const std::string& ticket) {
  auto r = c.get("/api/servicedesk/tickets?view=all&breached=true&per_page=100");
  EXPECT_EQ(r.status, 200) << r.body;
  for (const auto& i : r.json.at("items").as_array())
    if (text_of(i, "id") == ticket) return true;
  return false;
}

std::int64_t breached_in_statistics(Client& admin, const std::string& agency) {
  auto r = admin.get("/api/servicedesk/statistics");
  EXPECT_EQ(r.status, 200) << r.body;
  std::int64_t n = 0;
  for (const auto& i : r.json.at("items").as_array())
    if (text_of(i, "agency_id") == agency) n += i.at("breached").as_int64();
  return n;
}

std::size_t events_of(Client& c, const std::string& ticket, const std::string& kind) {
  auto r = c.get("/api/servicedesk/tickets/" + ticket);
  std::size_t n = 0;
  for (const auto& e : r.json.at("events").as_array())
    if (kind.empty() || text_of(e, "kind") == kind) ++n;
  return n;
}

}  // namespace

TEST_P(ServiceDeskSlaTargetTest, TheDinasSetsTargetsPerCategoryAndBadInputChangesNothing) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto disdik = agency_id(admin, "DISDIK");
  auto guru = user(in, admin, "balikpapan", "guru.target.disdik", "agency_operator", disdik);
  auto jaringan = new_category(admin, "Jaringan Sekolah");
  auto before = ledger_size(in);

  // Refusals: not the Dinas, an unknown priority, own above resolve, a priority twice, minutes out
  // of range or missing, a wrong shape, an unknown field, an unknown category. Nothing is written.
  struct Bad {
    Client* who;
    std::string category, body;
    int status;
    std::string code;
  };
  auto ok_body = R"({"targets":[{"priority":"tinggi","own_minutes":20,"resolve_minutes":120}]})";
  const Bad bad[] = {
      {&guru, jaringan, ok_body, 403, "auth.forbidden"},
      {&admin, jaringan, R"({"targets":[{"priority":"darurat","own_minutes":20,"resolve_minutes":120}]})", 422,
       "validation.invalid_value"},
      {&admin, jaringan, R"({"targets":[{"priority":"tinggi","own_minutes":200,"resolve_minutes":120}]})", 422,
       "validation.invalid_value"},
      {&admin, jaringan,
       R"({"targets":[{"priority":"tinggi","own_minutes":20,"resolve_minutes":120},{"priority":"tinggi","own_minutes":10,"resolve_minutes":60}]})",
       422, "validation.invalid_value"},
      {&admin, jaringan, R"({"targets":[{"priority":"tinggi","own_minutes":0,"resolve_minutes":120}]})", 422, ""},
      {&admin, jaringan, R"({"targets":[{"priority":"tinggi","own_minutes":20}]})", 422, "validation.missing_field"},
      {&admin, jaringan, R"({"targets":"tinggi"})", 422, "validation.wrong_type"},
      {&admin, jaringan, R"({"targets":[],"sla":1})", 422, "validation.unknown_field"},
      {&admin, jaringan, R"({})", 422, "validation.missing_field"},
      {&admin, disdik, ok_body, 404, "servicedesk.category_not_found"},
  };
  for (const auto& b : bad) {
    auto r = set_targets(*b.who, b.category, b.body);
    EXPECT_EQ(r.status, b.status) << b.body << ": " << r.body;
    if (!b.code.empty()) {
      EXPECT_EQ(r.error_code(), b.code) << b.body;
    }
  }
  EXPECT_EQ(listed_targets(admin, jaringan), "[]");
  EXPECT_EQ(ledger_size(in), before);

  // Set: one ledger entry; the list shows it with the priority's names; an empty list clears.
  auto r = set_targets(admin, jaringan, ok_body);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json.at("targets").as_array().size(), 1u);
  EXPECT_EQ(text_of(r.json.at("targets").at(0), "priority_name"), "Tinggi");
  EXPECT_EQ(r.json.at("targets").at(0).at("resolve_minutes").as_int64(), 120);
  EXPECT_EQ(ledger_size(in), before + 1);
  EXPECT_NE(listed_targets(admin, jaringan).find("\"own_minutes\":20"), std::string::npos);
  ASSERT_EQ(set_targets(admin, jaringan, R"({"targets":[]})").status, 200);
  EXPECT_EQ(listed_targets(admin, jaringan), "[]");
  EXPECT_EQ(ledger_size(in), before + 2);
}

TEST_P(ServiceDeskSlaTargetTest, ATicketTakesItsCategorysOrServicesTargetsAndIsReTargetedExactlyWhenReclassified) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto disdik = agency_id(admin, "DISDIK");
  auto dinkes = agency_id(admin, "DINKES");
  auto guru = user(in, admin, "balikpapan", "guru.retarget.disdik", "agency_operator", disdik);
  auto teknisi = user(in, admin, "balikpapan", "teknisi.retarget.disdik", "agency_operator", disdik);
  auto elsewhere = user(in, admin, "balikpapan", "teknisi.retarget.dinkes", "agency_operator", dinkes);
  for (auto* c : {&teknisi, &elsewhere}) {
    auto id = text_of(c->get("/api/auth/me").json.at("user"), "id");
    ASSERT_EQ(admin.post("/api/servicedesk/agents", R"({"user_id":")" + id + R"(","tier":1})").status, 201);
  }
  auto jaringan = new_category(admin, "Jaringan Sekolah");
  auto wifi = new_category(admin, "Wifi Sekolah", jaringan);
  auto kepegawaian = new_category(admin, "Aplikasi Kepegawaian");
  ASSERT_EQ(
      set_targets(admin, jaringan, R"({"targets":[{"priority":"tinggi","own_minutes":20,"resolve_minutes":120}]})")
          .status,
      200);
  auto vital = new_service(admin, "LYN-VITAL", disdik, "kritis");
  auto minor = new_service(admin, "LYN-RINGAN", disdik, "rendah");

  auto open = [&](const std::string& urgency, const std::string& impact, const std::string& extra) {
    auto r = guru.post("/api/servicedesk/tickets", R"({"type":"gangguan","title":"Uji target","urgency":")" + urgency +
                                                       R"(","impact":")" + impact + "\"" + extra + "}");
    EXPECT_EQ(r.status, 201) << r.body;
    return r;
  };
  // A subcategory takes its parent's targets for its priority (tinggi: 60/480 in the profile),
  // already in the opening's answer.
  auto a = open("tinggi", "sedang", R"(,"category_id":")" + wifi + "\"");
  auto seen_a = target_of(a.json);
  EXPECT_EQ(seen_a.own, 20);
  EXPECT_EQ(seen_a.resolve, 120);
  EXPECT_EQ(seen_a.category, "Jaringan Sekolah");
  EXPECT_EQ(seen(guru, text_of(a.json, "id")).resolve, 120);
  // A category setting nothing: the priority's own targets.
  auto b = text_of(open("tinggi", "sedang", R"(,"category_id":")" + kepegawaian + "\"").json, "id");
  auto seen_b = seen(guru, b);
  EXPECT_EQ(seen_b.own, 60);
  EXPECT_EQ(seen_b.resolve, 480);
  EXPECT_EQ(seen_b.category, "");
  EXPECT_EQ(seen_b.priority, "tinggi");
  // A service of class kritis raises a rendah ticket to kritis's targets (30/240), and the category
  // sets none for kritis; a service of class rendah does not lower a kritis ticket.
  auto raised = open("rendah", "rendah", R"(,"category_id":")" + jaringan + R"(","service_id":")" + vital + "\"");
  auto seen_c = target_of(raised.json);
  EXPECT_EQ(seen_c.priority, "kritis");
  EXPECT_EQ(seen_c.resolve, 240);
  EXPECT_EQ(seen_c.service, "LYN-VITAL");
  EXPECT_EQ(seen_c.category, "");
  EXPECT_EQ(text_of(raised.json, "priority"), "rendah");  // the ticket's own priority is unchanged
  auto d = open("tinggi", "tinggi", R"(,"service_id":")" + minor + "\"");
  EXPECT_EQ(target_of(d.json).priority, "kritis");
  EXPECT_EQ(target_of(d.json).service, "");

  // B worked in a fixed past week: owned after 10 working minutes, pending after 390 (Monday 30
  // November 2026, 08:00-14:30 WITA). Against 60/480 it is not breached.
  auto act = [&](const std::string& id, const std::string& body) {
    return teknisi.post("/api/servicedesk/tickets/" + id + "/actions", body).status;
  };
  ASSERT_EQ(act(b, R"({"action":"assign"})"), 200);
  ASSERT_EQ(act(b, R"({"action":"pend","reason":"Menunggu vendor"})"), 200);
  storage::write_transaction(in.db(), [&](storage::Connection& c) {
    c.execute(
        "UPDATE sd_events SET at = CASE to_state WHEN 'new' THEN ? WHEN 'assigned' THEN ? ELSE ? END "
        "WHERE ticket_id = ?",
        {std::string("2026-11-30T00:00:00Z"), std::string("2026-11-30T00:10:00Z"), std::string("2026-11-30T06:30:00Z"),
         b});
    c.execute("UPDATE sd_tickets SET sla_state = NULL WHERE id = ?", {b});  // read from the rewritten events
  });
  EXPECT_FALSE(seen(teknisi, b).breached);
  EXPECT_FALSE(listed_as_breached(admin, b));
  auto breached_before = breached_in_statistics(admin, disdik);

  // The Dinas sets tighter targets on B's category: breached at once, in the list and the statistics.
  ASSERT_EQ(
      set_targets(admin, kepegawaian, R"({"targets":[{"priority":"tinggi","own_minutes":5,"resolve_minutes":300}]})")
          .status,
      200);
  seen_b = seen(teknisi, b);
  EXPECT_EQ(seen_b.resolve, 300);
  EXPECT_EQ(seen_b.category, "Aplikasi Kepegawaian");
  EXPECT_TRUE(seen_b.breached);
  EXPECT_TRUE(listed_as_breached(admin, b));
  EXPECT_EQ(breached_in_statistics(admin, disdik), breached_before + 1);

  // Refusals of a reclassification change nothing: the requester, another PD's desk, an unknown
  // category or service, an empty body.
  auto events_before = events_of(admin, b, "");
  auto ledger_before = ledger_size(in);
  auto classify = [&](Client& who, const std::string& body) {
    return who.post("/api/servicedesk/tickets/" + b + "/classify", body);
  };
  EXPECT_EQ(classify(guru, R"({"category_id":")" + wifi + "\"}").error_code(), "servicedesk.not_queue_staff");
  EXPECT_EQ(classify(elsewhere, R"({"category_id":")" + wifi + "\"}").status, 404);
  EXPECT_EQ(classify(teknisi, R"({"category_id":")" + disdik + "\"}").error_code(), "validation.invalid_value");
  EXPECT_EQ(classify(teknisi, R"({"service_id":")" + disdik + "\"}").error_code(), "servicedesk.service_not_found");
  EXPECT_EQ(classify(teknisi, "{}").error_code(), "validation.missing_field");
  EXPECT_EQ(events_of(admin, b, ""), events_before);
  EXPECT_EQ(ledger_size(in), ledger_before);
  EXPECT_EQ(seen(teknisi, b).resolve, 300);

  // Reclassified to the subcategory: its parent's 20/120, still breached; an event and a ledger entry.
  auto moved = classify(teknisi, R"({"category_id":")" + wifi + "\"}");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(target_of(moved.json).resolve, 120);
  EXPECT_EQ(target_of(moved.json).category, "Jaringan Sekolah");
  EXPECT_EQ(text_of(moved.json.at("events").as_array().back(), "kind"), "classified");
  EXPECT_EQ(ledger_size(in), ledger_before + 1);
  // No category: the priority's 60/480 over the same 390 minutes, no longer breached anywhere.
  ASSERT_EQ(classify(teknisi, R"({"category_id":""})").status, 200);
  seen_b = seen(teknisi, b);
  EXPECT_EQ(seen_b.resolve, 480);
  EXPECT_FALSE(seen_b.breached);
  EXPECT_FALSE(listed_as_breached(admin, b));
  EXPECT_EQ(breached_in_statistics(admin, disdik), breached_before);
  EXPECT_EQ(seen(teknisi, b).category, "");
  // Naming the kritis service: kritis's 30/240, breached, with the service as the reason.
  auto named = classify(teknisi, R"({"service_id":")" + vital + "\"}");
  ASSERT_EQ(named.status, 200) << named.body;
  EXPECT_EQ(target_of(named.json).service, "LYN-VITAL");
  EXPECT_EQ(named.json.at("service").at("code").as_string(), "LYN-VITAL");
  EXPECT_TRUE(target_of(named.json).breached);
  EXPECT_TRUE(listed_as_breached(admin, b));

  // The SLA watch applies the same targets: the resolve clock's breach is recorded once (own was met
  // after 10 minutes, within 30, so it stays quiet).
  for (auto& j : in.platform().jobs())
    if (j.id == "servicedesk.sla_watch") j.run();
  EXPECT_EQ(events_of(teknisi, b, "sla_breach"), 1u);
  for (auto& j : in.platform().jobs())
    if (j.id == "servicedesk.sla_watch") j.run();
  EXPECT_EQ(events_of(teknisi, b, "sla_breach"), 1u);
  // An unchanged classification writes nothing.
  auto ledger_now = ledger_size(in);
  ASSERT_EQ(classify(teknisi, R"({"service_id":")" + vital + "\"}").status, 200);
  EXPECT_EQ(ledger_size(in), ledger_now);
}

INSTANTIATE_TEST_SUITE_P(Backends, ServiceDeskSlaTargetTest, ::testing::ValuesIn(test_support::backends()));
