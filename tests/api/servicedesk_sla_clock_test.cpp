// The SLA clock state stored on each ticket (src/servicedesk/sla_store.cpp) through the API, on
// both databases: each step writes it with its event, and what it says (the monthly statistics,
// the breached filter) equals what the ticket's events say (the ticket page), after pauses and
// after a holiday is added and removed across the ticket's history.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api_harness.hpp"
#include "core/crypto.hpp"
#include "storage/unit_of_work.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class ServiceDeskSlaClockTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

struct StoredClock {
  std::string state, since;
  std::int64_t own = -1, resolve = -1;
};

StoredClock stored_clock(Instance& in, const std::string& ticket) {
  return storage::read(in.db(), [&](storage::Connection& c) {
    auto rows =
        c.query("SELECT sla_state, sla_since, sla_own_used, sla_resolve_used FROM sd_tickets WHERE id = ?", {ticket});
    StoredClock out;
    if (rows.empty() || rows[0][0].is_null()) return out;
    out = {rows[0].text_at(0), rows[0].text_at(1), rows[0].int_at(2), rows[0].int_at(3)};
    return out;
  });
}

std::int64_t used(const Reply& ticket, const char* clock) {
  return ticket.json.at("sla").at(clock).at("used_minutes").as_int64();
}

/// The statistics row of one PD at Level 1 for November 2026.
boost::json::object november_row(Client& admin, const std::string& agency) {
  auto r = admin.get("/api/servicedesk/statistics?from=2026-11-01&to=2026-11-30");
  EXPECT_EQ(r.status, 200) << r.body;
  for (const auto& item : r.json.at("items").as_array())
    if (text_of(item, "agency_id") == agency && item.at("tier").as_int64() == 1) return item.as_object();
  ADD_FAILURE() << "no statistics row for the PD: " << r.body;
  return {};
}

void run_clock_job(Instance& in) {
  bool found = false;
  for (auto& j : in.platform().jobs())
    if (j.id == "servicedesk.sla_clocks") {
      found = true;
      j.run();
    }
  EXPECT_TRUE(found);
}

}  // namespace

TEST_P(ServiceDeskSlaClockTest, TheStoredClockEqualsWhatTheEventsSayAfterPausesAndHolidayChanges) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto disdik = agency_id(admin, "DISDIK");
  auto requester = user(in, admin, "balikpapan", "guru.disdik", "agency_operator", disdik);
  auto l1 = user(in, admin, "balikpapan", "teknisi.disdik", "agency_operator", disdik);
  auto l1_id = text_of(l1.get("/api/auth/me").json.at("user"), "id");
  ASSERT_EQ(admin.post("/api/servicedesk/agents", R"({"user_id":")" + l1_id + R"(","tier":1})").status, 201);
  auto opened = requester.post("/api/servicedesk/tickets",
                               R"({"type":"gangguan","title":"Jaringan putus","urgency":"tinggi","impact":"sedang"})");
  ASSERT_EQ(opened.status, 201) << opened.body;
  auto id = text_of(opened.json, "id");
  auto act = [&](const std::string& body) { return l1.post("/api/servicedesk/tickets/" + id + "/actions", body); };

  // Each step stores the clock with its event: the state it left and when.
  EXPECT_EQ(stored_clock(in, id).state, "new");
  ASSERT_EQ(act(R"({"action":"assign"})").status, 200);
  ASSERT_EQ(act(R"({"action":"start"})").status, 200);
  auto pending = act(R"({"action":"pend","reason":"Menunggu vendor"})");
  ASSERT_EQ(pending.status, 200);
  EXPECT_EQ(stored_clock(in, id).state, "pending");
  EXPECT_EQ(stored_clock(in, id).since, text_of(pending.json.at("events").as_array().back(), "at"));
  ASSERT_EQ(act(R"({"action":"resume"})").status, 200);
  ASSERT_EQ(requester.post("/api/servicedesk/tickets/" + id + "/comments", R"({"body":"Sudah dicoba ulang"})").status,
            201);
  ASSERT_EQ(act(R"({"action":"resolve","resolution":"Kabel diganti"})").status, 200);
  EXPECT_EQ(stored_clock(in, id).state, "resolved");

  // The same steps on a November week (WITA, 08:00-16:00 = 00:00-08:00 UTC): opened Monday
  // 09:00, owned at 09:30, worked until Wednesday 11:00, pending until Thursday 10:00, resolved
  // at 12:00. Only the events and the opening move; then a holiday on the Tuesday in between
  // makes the desk recompute the stored clocks it changes.
  storage::write_transaction(in.db(), [&](storage::Connection& c) {
    const char* at[] = {"2026-11-02T01:00:00Z", "2026-11-02T01:30:00Z", "2026-11-02T02:00:00Z", "2026-11-04T03:00:00Z",
                        "2026-11-05T02:00:00Z", "2026-11-05T03:00:00Z", "2026-11-05T04:00:00Z"};
    auto n = c.query("SELECT COUNT(*) FROM sd_events WHERE ticket_id = ?", {id})[0].int_at(0);
    ASSERT_EQ(n, 7);  // created, assigned, started, pending, resumed, comment, resolved
    for (int seq = 1; seq <= 7; ++seq)
      c.execute("UPDATE sd_events SET at = ? WHERE ticket_id = ? AND seq = ?", {at[seq - 1], id, seq});
    c.execute("UPDATE sd_tickets SET created_at = ?, resolved_at = ? WHERE id = ?", {at[0], at[6], id});
  });
  ASSERT_EQ(admin.post("/api/servicedesk/holidays", R"({"date":"2026-11-03","name":"Libur daerah"})").status, 201);

  // Own: 30 minutes. Resolve: Monday 09:00-16:00 (420), Tuesday a holiday, Wednesday 08:00-11:00
  // (180), pending until Thursday 10:00, then 10:00-12:00 (120): 720 minutes.
  auto page = requester.get("/api/servicedesk/tickets/" + id);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(used(page, "own"), 30);
  EXPECT_EQ(used(page, "resolve"), 720);
  auto stored = stored_clock(in, id);
  EXPECT_EQ(stored.state, "resolved");
  EXPECT_EQ(stored.since, "2026-11-05T04:00:00Z");
  EXPECT_EQ(stored.own, 30);
  EXPECT_EQ(stored.resolve, 720);
  auto row = november_row(admin, disdik);  // the report reads the stored clocks
  EXPECT_EQ(row.at("resolved").as_int64(), 1);
  EXPECT_EQ(row.at("avg_resolve_minutes").as_int64(), used(page, "resolve"));
  bool breached = page.json.at("sla").at("own").at("breached").as_bool() ||
                  page.json.at("sla").at("resolve").at("breached").as_bool();
  EXPECT_EQ(row.at("breached").as_int64(), breached ? 1 : 0);
  auto listed = admin.get("/api/servicedesk/tickets?breached=true&state=resolved");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.json.at("total").as_int64(), breached ? 1 : 0);

  // Without the holiday the Tuesday counts again (480 more), on the page and in the report alike.
  ASSERT_EQ(admin.del("/api/servicedesk/holidays/2026-11-03").status, 204);
  page = requester.get("/api/servicedesk/tickets/" + id);
  EXPECT_EQ(used(page, "resolve"), 1200);
  EXPECT_EQ(stored_clock(in, id).resolve, 1200);
  EXPECT_EQ(november_row(admin, disdik).at("avg_resolve_minutes").as_int64(), 1200);

  // A holiday after the ticket's last step changes none of its stored minutes.
  ASSERT_EQ(admin.post("/api/servicedesk/holidays", R"({"date":"2026-11-06","name":"Cuti bersama"})").status, 201);
  EXPECT_EQ(stored_clock(in, id).resolve, 1200);
  EXPECT_EQ(used(requester.get("/api/servicedesk/tickets/" + id), "resolve"), 1200);
}

// A ticket whose clock was never stored (opened before migration 1109) is read from its events,
// and the servicedesk.sla_clocks job's step stores it.
TEST_P(ServiceDeskSlaClockTest, ATicketWithoutAStoredClockIsReadFromItsEvents) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto disdik = agency_id(admin, "DISDIK");
  auto requester = user(in, admin, "balikpapan", "guru.disdik", "agency_operator", disdik);
  auto l1 = user(in, admin, "balikpapan", "teknisi.disdik", "agency_operator", disdik);
  auto l1_id = text_of(l1.get("/api/auth/me").json.at("user"), "id");
  ASSERT_EQ(admin.post("/api/servicedesk/agents", R"({"user_id":")" + l1_id + R"(","tier":1})").status, 201);
  auto opened = requester.post("/api/servicedesk/tickets",
                               R"({"type":"gangguan","title":"Server lambat","urgency":"rendah","impact":"rendah"})");
  ASSERT_EQ(opened.status, 201) << opened.body;
  auto id = text_of(opened.json, "id");
  storage::write_transaction(in.db(), [&](storage::Connection& c) {
    c.execute("UPDATE sd_events SET at = ? WHERE ticket_id = ?", {"2026-10-01T01:00:00Z", id});
    c.execute(
        "UPDATE sd_tickets SET sla_state = NULL, sla_since = NULL, sla_own_used = NULL, sla_resolve_used = NULL "
        "WHERE id = ?",
        {id});
  });
  EXPECT_EQ(admin.get("/api/servicedesk/tickets?breached=true&state=open").json.at("total").as_int64(), 1);
  EXPECT_EQ(stored_clock(in, id).state, "");
  auto assigned = l1.post("/api/servicedesk/tickets/" + id + "/actions", R"({"action":"assign"})");
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  auto stored = stored_clock(in, id);  // the step recomputed it from every event
  EXPECT_EQ(stored.state, "assigned");
  EXPECT_EQ(stored.own, used(assigned, "own"));
  EXPECT_GT(stored.own, 60);  // weeks unowned

  // The job stores the clocks still missing, from the events.
  auto second = requester.post("/api/servicedesk/tickets",
                               R"({"type":"gangguan","title":"Surel lambat","urgency":"rendah","impact":"rendah"})");
  ASSERT_EQ(second.status, 201);
  auto second_id = text_of(second.json, "id");
  storage::write_transaction(in.db(), [&](storage::Connection& c) {
    c.execute("UPDATE sd_events SET at = ? WHERE ticket_id = ?", {"2026-10-01T01:00:00Z", second_id});
    c.execute("UPDATE sd_tickets SET sla_state = NULL WHERE id = ?", {second_id});
  });
  run_clock_job(in);
  auto job_stored = stored_clock(in, second_id);
  EXPECT_EQ(job_stored.state, "new");
  EXPECT_EQ(job_stored.since, "2026-10-01T01:00:00Z");
  EXPECT_EQ(job_stored.own, 0);  // minutes up to its last event; the rest counts when read
  EXPECT_EQ(admin.get("/api/servicedesk/tickets?breached=true&state=open").json.at("total").as_int64(), 2);
}

INSTANTIATE_TEST_SUITE_P(Databases, ServiceDeskSlaClockTest, ::testing::ValuesIn(test_support::backends()));
