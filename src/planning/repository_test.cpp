// The duplicate candidates' SQL on SQLite and PostgreSQL: one PD's pairs for the review, a
// proposal's unresolved pairs for the approval gate, the PDs kept on each pair (and filled in for
// pairs stored before they were kept), and the shape of those statements: each reads the pairs
// table alone, so no estimate of a freshly filled table can turn it into a rescan per pair (the
// defect of docs/benchmarks.md, "PostgreSQL at the scale").
#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <optional>
#include <string_view>
#include <tuple>

#include <boost/json/parse.hpp>

#include "identity/repository.hpp"
#include "planning/repository.hpp"
#include "storage/migrations.hpp"
#include "tenancy/repository.hpp"
#include "testing/forwarding_connection.hpp"
#include "testing/test_database.hpp"

using namespace simpul;
using namespace simpul::planning;

class PlanningRepositoryTest : public test_support::DatabaseTest {};

namespace {

std::vector<storage::Migration> schema(int up_to = INT_MAX) {
  std::vector<storage::Migration> out;
  // identity: the tenancy's teams reference its users.
  for (const auto& list :
       {tenancy::Repository::migrations(), identity::Repository::migrations(), Repository::migrations()})
    for (const auto& m : list)
      if (m.version <= up_to) out.push_back(m);
  return out;
}

/// A tenant with a cycle and the proposals of three PDs (A, B, C), two lines each.
struct Cycle3 {
  test_support::TestDatabase t;
  Scope s{"tenant-1"};
  std::string cycle = "cycle-1";

  Cycle3(const std::string& backend, int up_to) : t(backend) {
    storage::migrate(t.db(), schema(up_to));
    auto c = t.db().acquire();
    c->execute(
        "INSERT INTO tenants (id, slug, name, profile_id, profile_version, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        {s.tenant_id, "kota-uji", "Kota Uji", "balikpapan", 1, "2026-01-01T00:00:00Z"});
    Repository repo(*c);
    planning::Cycle cy;
    cy.id = cycle;
    cy.fiscal_year = 2027;
    cy.title = "RKA 2027";
    cy.submission_deadline = cy.verification_deadline = "2026-12-31";
    cy.state = "dibuka";
    cy.opened_by_name = cy.opened_at = "2026-01-01T00:00:00Z";
    repo.insert(s, cy);
    for (const auto* agency : {"A", "B", "C"}) {
      Proposal p;
      p.id = std::string("proposal-") + agency;
      p.cycle_id = cycle;
      p.agency_id = agency;
      p.state = "diajukan";
      p.created_at = "2026-01-01T00:00:00Z";
      repo.insert(s, p);
      for (int i = 1; i <= 2; ++i) {
        Line l;
        l.id = line(agency, i);
        l.proposal_id = p.id;
        l.cycle_id = cycle;
        l.agency_id = agency;
        l.name = "Pengadaan Laptop";
        l.created_at = l.updated_at = p.created_at;
        repo.insert(s, l);
      }
    }
  }

  static std::string line(const std::string& agency, int i) { return "line-" + agency + std::to_string(i); }
  static std::string agency_of(const std::string& line) { return line.substr(5, 1); }

  CandidatePair pair(const std::string& id, const std::string& a, const std::string& b, double score,
                     std::string kind = "line") const {
    CandidatePair x;
    x.id = id;
    x.cycle_id = cycle;
    x.line_a = a;
    x.line_b = b;
    x.score = score;
    x.kind = std::move(kind);
    x.agency_a = agency_of(a);
    x.agency_b = x.kind == "line" ? agency_of(b) : "";
    x.found_at = "2026-01-02T00:00:00Z";
    return x;
  }

  CandidateQuery query(std::string agency = "", std::optional<bool> decided = std::nullopt) const {
    CandidateQuery q;
    q.cycle_id = cycle;
    q.agency_id = std::move(agency);
    q.decided = decided;
    q.limit = 50;
    return q;
  }
};

std::vector<std::string> ids_of(const std::vector<CandidatePair>& xs) {
  std::vector<std::string> out;
  for (const auto& x : xs) out.push_back(x.id);
  return out;
}

/// The statements a repository call sends, passed on to the real connection.
class RecordingConnection : public test_support::ForwardingConnection {
 public:
  using ForwardingConnection::ForwardingConnection;
  storage::Rows query(std::string_view sql, const storage::Params& p) override {
    seen.emplace_back(std::string(sql), p);
    return real().query(sql, p);
  }

  std::vector<std::pair<std::string, storage::Params>> seen;
};

/// The statement with its parameters written in as literals (EXPLAIN takes no parameters).
std::string with_literals(const std::string& sql, const storage::Params& params) {
  std::string out;
  std::size_t next = 0;
  for (char ch : sql) {
    if (ch != '?') {
      out += ch;
      continue;
    }
    const auto& v = params.at(next++);
    if (v.is_int()) {
      out += std::to_string(v.as_int());
    } else {
      out += '\'';
      for (char t : v.as_text()) out += t == '\'' ? std::string("''") : std::string(1, t);
      out += '\'';
    }
  }
  return out;
}

/// What in a PostgreSQL plan (EXPLAIN FORMAT JSON) is not a scan of planning_candidates: another
/// relation, a join, a subplan.
void other_than_one_table(const boost::json::object& node, std::vector<std::string>& found) {
  if (const auto* rel = node.if_contains("Relation Name"); rel && *rel != "planning_candidates")
    found.push_back("reads " + std::string(rel->as_string()));
  auto type = std::string(node.at("Node Type").as_string());
  if (type.find("Join") != std::string::npos || type == "Nested Loop") found.push_back(type);
  if (node.contains("Subplan Name")) found.push_back(std::string(node.at("Subplan Name").as_string()));
  if (const auto* children = node.if_contains("Plans"))
    for (const auto& child : children->as_array()) other_than_one_table(child.as_object(), found);
}

/// The same of a SQLite plan (EXPLAIN QUERY PLAN): each line scans or searches the table `c` (or
/// planning_candidates itself), and no subquery is run.
void other_than_one_table(const storage::Rows& plan, std::vector<std::string>& found) {
  for (const auto& r : plan) {
    auto detail = r.text_at(3);
    if (detail.find("SUBQUERY") != std::string::npos) found.push_back(detail);
    for (const std::string_view verb : {"SCAN ", "SEARCH "}) {
      if (detail.rfind(verb, 0) != 0) continue;
      auto table = detail.substr(verb.size(), detail.find(' ', verb.size()) - verb.size());
      if (table != "c" && table != "planning_candidates") found.push_back(detail);
    }
  }
}

}  // namespace

TEST_P(PlanningRepositoryTest, OnePdsPairsAndItsUnresolvedPairsAreThoseWithOneOfItsLines) {
  Cycle3 f(GetParam(), INT_MAX);
  auto c = f.t.db().acquire();
  Repository repo(*c);
  ASSERT_TRUE(repo.add_candidate(f.s, f.pair("ab", Cycle3::line("A", 1), Cycle3::line("B", 1), 0.9)));
  ASSERT_TRUE(repo.add_candidate(f.s, f.pair("bc", Cycle3::line("B", 2), Cycle3::line("C", 1), 0.8)));
  ASSERT_TRUE(repo.add_candidate(f.s, f.pair("ac", Cycle3::line("A", 2), Cycle3::line("C", 2), 0.7)));
  // A's line against an application of the register (owned by C): counted for A's approval only.
  ASSERT_TRUE(repo.add_candidate(f.s, f.pair("app", Cycle3::line("A", 1), "element-of-C", 0.6, "application")));
  EXPECT_FALSE(repo.add_candidate(f.s, f.pair("ab-again", Cycle3::line("A", 1), Cycle3::line("B", 1), 0.9)));

  EXPECT_EQ(ids_of(repo.candidate_page(f.s, f.query())), (std::vector<std::string>{"ab", "bc", "ac"}));
  EXPECT_EQ(repo.candidate_count(f.s, f.query()), 3);
  EXPECT_EQ(ids_of(repo.candidate_page(f.s, f.query("A"))), (std::vector<std::string>{"ab", "ac"}));
  EXPECT_EQ(ids_of(repo.candidate_page(f.s, f.query("C"))), (std::vector<std::string>{"bc", "ac"}));
  EXPECT_EQ(repo.candidate_count(f.s, f.query("B")), 2);
  auto everywhere = f.query("B");
  everywhere.cycle_id.clear();  // the tenant-wide queue
  EXPECT_EQ(ids_of(repo.candidate_page(f.s, everywhere)), (std::vector<std::string>{"ab", "bc"}));
  EXPECT_EQ(repo.candidate_count(f.s, f.query("nobody")), 0);
  EXPECT_EQ(repo.candidate_count(Scope{"tenant-2"}, f.query("A")), 0);

  EXPECT_EQ(ids_of(repo.candidates(f.s, f.cycle, "line", "A")), (std::vector<std::string>{"ab", "ac"}));
  EXPECT_EQ(ids_of(repo.candidates(f.s, f.cycle, "application", "A")), (std::vector<std::string>{"app"}));
  EXPECT_EQ(ids_of(repo.candidates(f.s, f.cycle, "application", "C")), (std::vector<std::string>{}));
  EXPECT_EQ(ids_of(repo.candidates(f.s, f.cycle, "application")), (std::vector<std::string>{"app"}));

  EXPECT_EQ(repo.unresolved_count(f.s, f.cycle, "A"), 3);
  EXPECT_EQ(repo.unresolved_count(f.s, f.cycle, "B"), 2);
  EXPECT_EQ(repo.unresolved_count(f.s, f.cycle, "C"), 2) << "an application C owns is not C's pair";

  auto decided = *repo.candidate(f.s, "ab");
  decided.decision = "berbeda";
  decided.reason = "Laptop untuk dua layanan yang berbeda.";
  decided.decided_by_name = "Perencana";
  decided.decided_at = "2026-01-03T00:00:00Z";
  repo.decide(f.s, decided);
  EXPECT_EQ(repo.unresolved_count(f.s, f.cycle, "A"), 2);
  EXPECT_EQ(repo.unresolved_count(f.s, f.cycle, "B"), 1);
  EXPECT_EQ(ids_of(repo.candidate_page(f.s, f.query("A", false))), (std::vector<std::string>{"ac"}));
  EXPECT_EQ(ids_of(repo.candidate_page(f.s, f.query("A", true))), (std::vector<std::string>{"ab"}));
  EXPECT_EQ(repo.candidate_count(f.s, f.query("B", true)), 1);

  repo.remove_candidates_of(f.s, Cycle3::line("C", 2));
  EXPECT_EQ(ids_of(repo.candidate_page(f.s, f.query("A"))), (std::vector<std::string>{"ab"}));
}

TEST_P(PlanningRepositoryTest, PairsStoredBeforeTheirPdsWereKeptGetThemFromTheirLines) {
  Cycle3 f(GetParam(), 1303);
  {
    auto c = f.t.db().acquire();
    for (const auto& [id, a, b, kind] : std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
             {"ab", Cycle3::line("A", 1), Cycle3::line("B", 1), "line"},
             {"bc", Cycle3::line("B", 2), Cycle3::line("C", 1), "line"},
             {"app", Cycle3::line("C", 2), "element-of-A", "application"}})
      c->execute(
          "INSERT INTO planning_candidates (id, tenant_id, cycle_id, line_a, line_b, score, reasons, decision, reason, "
          "decided_by_name, found_at, kind) VALUES (?, ?, ?, ?, ?, 0.8, '[]', '', '', '', '2026-01-02T00:00:00Z', ?)",
          {id, f.s.tenant_id, f.cycle, a, b, kind});
  }
  storage::migrate(f.t.db(), schema());
  auto c = f.t.db().acquire();
  Repository repo(*c);
  EXPECT_EQ(ids_of(repo.candidate_page(f.s, f.query("A"))), (std::vector<std::string>{"ab"}));
  EXPECT_EQ(repo.candidate_count(f.s, f.query("B")), 2);
  EXPECT_EQ(repo.unresolved_count(f.s, f.cycle, "A"), 1) << "an application A owns is not A's pair";
  EXPECT_EQ(repo.unresolved_count(f.s, f.cycle, "C"), 2);
}

TEST_P(PlanningRepositoryTest, TheReviewAndTheApprovalGateReadThePairsTableAloneWhateverTheStatistics) {
  Cycle3 f(GetParam(), INT_MAX);
  auto pooled = f.t.db().acquire();
  {
    Repository repo(*pooled);
    repo.add_candidate(f.s, f.pair("ab", Cycle3::line("A", 1), Cycle3::line("B", 1), 0.9));
  }
  // No ANALYZE: the tables are as a bulk insert leaves them before autovacuum comes.
  RecordingConnection c(*pooled);
  Repository repo(c);
  auto everywhere = f.query("A", false);
  everywhere.cycle_id.clear();
  for (const auto& q : {f.query(), f.query("A"), f.query("A", false), f.query("", true), everywhere}) {
    repo.candidate_count(f.s, q);
    repo.candidate_page(f.s, q);
  }
  repo.unresolved_count(f.s, f.cycle, "A");
  repo.candidates(f.s, f.cycle, "line", "A");  // the verification result of one PD
  ASSERT_EQ(c.seen.size(), 12u);
  for (const auto& [sql, params] : c.seen) {
    std::vector<std::string> found;
    auto literal = with_literals(sql, params);
    if (pooled->dialect() == storage::Dialect::Postgres) {
      auto plan = boost::json::parse(pooled->query("EXPLAIN (FORMAT JSON) " + literal).front().text_at(0));
      other_than_one_table(plan.as_array().at(0).at("Plan").as_object(), found);
    } else {
      other_than_one_table(pooled->query("EXPLAIN QUERY PLAN " + literal), found);
    }
    std::string what;
    for (const auto& x : found) what += "\n  " + x;
    EXPECT_EQ(what, "") << sql;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanningRepositoryTest, ::testing::ValuesIn(test_support::backends()));
