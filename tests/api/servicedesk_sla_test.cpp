// SLA warnings at the threshold and escalation at breach (docs/service-desk.md, "SLA"): the job
// `servicedesk.sla_watch` tells the queue once per clock and escalates a breach to the desk's
// managers. On both databases. Event times are moved into a fixed past week, never waited for.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <tuple>

#include "api_harness.hpp"
#include "core/crypto.hpp"
#include "storage/unit_of_work.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class ServiceDeskSlaTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

void run_sla_watch(Instance& in) {
  bool found = false;
  for (auto& j : in.platform().jobs())
    if (j.id == "servicedesk.sla_watch") {
      found = true;
      j.run();
    }
  EXPECT_TRUE(found);
}

/// Inbox items of `c` whose title has both `a` and `b`.
std::size_t sla_inbox(Client& c, const std::string& a, const std::string& b) {
  auto r = c.get("/api/notifications");
  EXPECT_EQ(r.status, 200) << r.body;
  std::size_t n = 0;
  if (r.status == 200)
    for (const auto& i : r.json.at("items").as_array()) {
      auto title = text_of(i, "title");
      if (title.find(a) != std::string::npos && title.find(b) != std::string::npos) ++n;
    }
  return n;
}

std::size_t timeline_count(Client& c, const std::string& ticket, const std::string& kind) {
  auto r = c.get("/api/servicedesk/tickets/" + ticket);
  EXPECT_EQ(r.status, 200) << r.body;
  std::size_t n = 0;
  if (r.status == 200)
    for (const auto& e : r.json.at("events").as_array())
      if (text_of(e, "kind") == kind) ++n;
  return n;
}

TEST_P(ServiceDeskSlaTest, TheQueueIsWarnedAtTheThresholdAndABreachIsEscalatedOncePerClock) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto disdik = agency_id(admin, "DISDIK");
  auto requester = user(in, admin, "balikpapan", "guru.sla.disdik", "agency_operator", disdik);
  auto teknisi = user(in, admin, "balikpapan", "teknisi.sla.disdik", "agency_operator", disdik);
  auto teknisi_id = text_of(teknisi.get("/api/auth/me").json.at("user"), "id");
  ASSERT_EQ(admin.post("/api/servicedesk/agents", R"({"user_id":")" + teknisi_id + R"(","tier":1})").status, 201);

  auto open = [&](const std::string& title, const std::string& urgency, const std::string& impact) {
    auto r = requester.post("/api/servicedesk/tickets", R"({"type":"gangguan","title":")" + title + R"(","urgency":")" +
                                                            urgency + R"(","impact":")" + impact + "\"}");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? std::make_pair(text_of(r.json, "id"), text_of(r.json, "number"))
                           : std::make_pair(std::string(), std::string());
  };
  // Plain names, not structured bindings: the lambda below captures them (clang rejects capturing a binding).
  // Breached: kritis (own 30, resolve 240 working minutes), unowned since weeks ago.
  std::string late, late_no;
  std::tie(late, late_no) = open("Jaringan sekolah putus", "tinggi", "tinggi");
  // Near its target: tinggi (own 60, resolve 480); owned after 10 minutes, pending after 390
  // working minutes (Monday 30 November 2026, 08:00-14:30 WITA): 81% of the resolve target.
  std::string near, near_no;
  std::tie(near, near_no) = open("Printer ruang guru", "tinggi", "sedang");
  // Fresh: rendah (own 480), just opened.
  std::string fresh, fresh_no;
  std::tie(fresh, fresh_no) = open("Akun surel baru", "rendah", "rendah");
  auto act = [&](const std::string& id, const std::string& body) {
    return teknisi.post("/api/servicedesk/tickets/" + id + "/actions", body).status;
  };
  ASSERT_EQ(act(near, R"({"action":"assign"})"), 200);
  ASSERT_EQ(act(near, R"({"action":"pend","reason":"Menunggu suku cadang"})"), 200);
  storage::write_transaction(in.db(), [&](storage::Connection& c) {
    c.execute("UPDATE sd_events SET at = ? WHERE ticket_id = ?", {std::string("2026-10-01T01:00:00Z"), late});
    c.execute(
        "UPDATE sd_events SET at = CASE to_state WHEN 'new' THEN ? WHEN 'assigned' THEN ? ELSE ? END "
        "WHERE ticket_id = ?",
        {std::string("2026-11-30T00:00:00Z"), std::string("2026-11-30T00:10:00Z"), std::string("2026-11-30T06:30:00Z"),
         near});
    // The stored clocks (sla_store.cpp) were written at the real times: dropped, both tickets are
    // read from their rewritten events, as a ticket opened before the clocks were stored is.
    c.execute("UPDATE sd_tickets SET sla_state = NULL WHERE id IN (?, ?)", {late, near});
  });
  auto near_view = teknisi.get("/api/servicedesk/tickets/" + near);
  ASSERT_EQ(near_view.json.at("sla").at("resolve").at("used_minutes").as_int64(), 390) << near_view.body;
  ASSERT_EQ(near_view.json.at("sla").at("own").at("used_minutes").as_int64(), 10);

  auto ledger_before = ledger_size(in);
  run_sla_watch(in);
  // The late ticket: both clocks breached; the queue hears each once, and the managers are told (escalation).
  EXPECT_EQ(timeline_count(teknisi, late, "sla_breach"), 2u);
  EXPECT_EQ(sla_inbox(teknisi, late_no, "Melewati SLA"), 2u);
  EXPECT_EQ(sla_inbox(admin, late_no, "Eskalasi SLA"), 2u);
  // The near one: a warning about the resolve clock only (own was met), and no escalation.
  EXPECT_EQ(timeline_count(teknisi, near, "sla_warning"), 1u);
  EXPECT_EQ(sla_inbox(teknisi, near_no, "Peringatan SLA: Waktu menyelesaikan"), 1u);
  EXPECT_EQ(sla_inbox(teknisi, near_no, "Waktu menanggapi"), 0u);
  EXPECT_EQ(sla_inbox(admin, near_no, "Eskalasi"), 0u);
  EXPECT_EQ(timeline_count(teknisi, near, "sla_breach"), 0u);
  // The fresh one: nothing.
  EXPECT_EQ(timeline_count(teknisi, fresh, "sla_warning") + timeline_count(teknisi, fresh, "sla_breach"), 0u);
  EXPECT_EQ(sla_inbox(teknisi, fresh_no, "SLA"), 0u);
  // Every event has its ledger entry.
  EXPECT_EQ(ledger_size(in), ledger_before + 3);

  // Once per clock: the next round records and tells nothing new.
  run_sla_watch(in);
  EXPECT_EQ(timeline_count(teknisi, late, "sla_breach"), 2u);
  EXPECT_EQ(sla_inbox(teknisi, late_no, "Melewati SLA"), 2u);
  EXPECT_EQ(sla_inbox(admin, late_no, "Eskalasi SLA"), 2u);
  EXPECT_EQ(sla_inbox(teknisi, near_no, "Peringatan SLA"), 1u);
  EXPECT_EQ(ledger_size(in), ledger_before + 3);
}

/// What the ticket's stored state says the watch has told of its clocks (migration 1113): "own/resolve", "-" unknown.
std::string stored_told(Instance& in, const std::string& ticket) {
  return storage::read(in.db(), [&](storage::Connection& c) {
    auto rows = c.query("SELECT sla_own_told, sla_resolve_told FROM sd_tickets WHERE id = ?", {ticket});
    if (rows.empty() || rows[0][0].is_null() || rows[0][1].is_null()) return std::string("-");
    return std::to_string(rows[0].int_at(0)) + "/" + std::to_string(rows[0].int_at(1));
  });
}

TEST_P(ServiceDeskSlaTest, TheWatchSkipsClocksAlreadyToldAndCountsOlderNoticesFromTheEvents) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto disdik = agency_id(admin, "DISDIK");
  auto requester = user(in, admin, "balikpapan", "guru.told.disdik", "agency_operator", disdik);
  auto teknisi = user(in, admin, "balikpapan", "teknisi.told.disdik", "agency_operator", disdik);
  auto teknisi_id = text_of(teknisi.get("/api/auth/me").json.at("user"), "id");
  ASSERT_EQ(admin.post("/api/servicedesk/agents", R"({"user_id":")" + teknisi_id + R"(","tier":1})").status, 201);
  auto opened =
      requester.post("/api/servicedesk/tickets",
                     R"({"type":"gangguan","title":"Server sekolah mati","urgency":"tinggi","impact":"tinggi"})");
  ASSERT_EQ(opened.status, 201) << opened.body;
  auto late = text_of(opened.json, "id");
  auto late_no = text_of(opened.json, "number");
  EXPECT_EQ(stored_told(in, late), "0/0");  // a new ticket: nothing told yet
  storage::write_transaction(in.db(), [&](storage::Connection& c) {
    c.execute("UPDATE sd_events SET at = ? WHERE ticket_id = ?", {std::string("2026-10-01T01:00:00Z"), late});
    c.execute("UPDATE sd_tickets SET sla_state = NULL WHERE id = ?", {late});
  });

  run_sla_watch(in);
  EXPECT_EQ(timeline_count(teknisi, late, "sla_breach"), 2u);
  EXPECT_EQ(stored_told(in, late), "2/2");  // both clocks' breaches, stored with the events

  // A ticket whose notices were recorded before the state was stored (NULL after migration 1113):
  // counted from its events, nothing told again, and stored for the next round.
  storage::write_transaction(in.db(), [&](storage::Connection& c) {
    c.execute("UPDATE sd_tickets SET sla_own_told = NULL, sla_resolve_told = NULL WHERE id = ?", {late});
  });
  auto ledger_before = ledger_size(in);
  run_sla_watch(in);
  EXPECT_EQ(timeline_count(teknisi, late, "sla_breach"), 2u);
  EXPECT_EQ(sla_inbox(teknisi, late_no, "Melewati SLA"), 2u);
  EXPECT_EQ(sla_inbox(admin, late_no, "Eskalasi SLA"), 2u);
  EXPECT_EQ(stored_told(in, late), "2/2");
  EXPECT_EQ(ledger_size(in), ledger_before);

  // The stored state alone decides: with the notices' events gone from the timeline, a round
  // neither reads nor repeats them (the watch no longer reads a told ticket's events).
  storage::write_transaction(in.db(), [&](storage::Connection& c) {
    c.execute("DELETE FROM sd_events WHERE ticket_id = ? AND kind = 'sla_breach'", {late});
  });
  run_sla_watch(in);
  EXPECT_EQ(timeline_count(teknisi, late, "sla_breach"), 0u);
  EXPECT_EQ(sla_inbox(teknisi, late_no, "Melewati SLA"), 2u);

  // An escalation restarts the own clock in Level 2's queue, and with it what was told of it; the
  // resolve clock's breach stays told.
  auto escalated = teknisi.post("/api/servicedesk/tickets/" + late + "/escalate", R"({"note":"Perlu Level 2"})");
  ASSERT_EQ(escalated.status, 200) << escalated.body;
  EXPECT_EQ(stored_told(in, late), "0/2");
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Backends, ServiceDeskSlaTest, ::testing::ValuesIn(test_support::backends()));
