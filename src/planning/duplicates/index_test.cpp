// The duplicate finder through the real index, on SQLite and PostgreSQL: which pairs a planning
// agency is shown for a cycle and while a PD types a line, and how the tenant's synonyms change it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <stdexcept>

#include "planning/duplicates/index.hpp"
#include "planning/duplicates/normalize.hpp"
#include "planning/duplicates/scoring.hpp"
#include "storage/migrations.hpp"
#include "testing/forwarding_connection.hpp"
#include "testing/test_database.hpp"

using namespace simpul;
using namespace simpul::planning::duplicates;

class DuplicatesIndexTest : public test_support::DatabaseTest {};

namespace {

LineText line(std::string id, std::string agency, std::string name, std::string ssh = "",
              std::vector<std::string> elements = {}, std::string cycle = "cy-2027") {
  return LineText{std::move(id),  std::move(cycle),   std::move(agency), std::move(name), "",
                  std::move(ssh), std::move(elements)};
}

const Candidate* find_pair(const std::vector<Candidate>& cs, const std::string& a, const std::string& b) {
  for (const auto& c : cs)
    if ((c.line_a == a && c.line_b == b) || (c.line_a == b && c.line_b == a)) return &c;
  return nullptr;
}

bool has_reason(const Candidate* c, const std::string& reason) {
  return c && std::find(c->reasons.begin(), c->reasons.end(), reason) != c->reasons.end();
}

}  // namespace

TEST_P(DuplicatesIndexTest, CycleFindsTheSameThingBoughtByTwoAgenciesOnlyOnce) {
  test_support::TestDatabase t(GetParam());
  storage::migrate(t.db(), migrations());
  auto c = t.db().acquire();
  upsert(*c, "t1", line("l-diskominfo-1", "diskominfo", "Belanja Langganan Internet Kantor 2 Unit x 12 Bulan"));
  upsert(*c, "t1", line("l-dinkes-1", "dinkes", "Berlangganan Internet Kantor 100 Mbps"));
  upsert(*c, "t1", line("l-dinkes-2", "dinkes", "Langganan Internet Kantor Cabang"));  // same agency as l-dinkes-1
  upsert(*c, "t1", line("l-disdik-1", "disdik", "Pengadaan Kursi Rapat"));
  upsert(*c, "t1", line("l-bappeda-1", "bappeda", "Langganan Internet Kantor", "", {}, "cy-2028"));  // another cycle
  upsert(*c, "t2", line("l-other-1", "x", "Langganan Internet Kantor"));                             // another tenant

  auto cs = candidates_for_cycle(*c, "t1", "cy-2027");
  const auto* internet = find_pair(cs, "l-diskominfo-1", "l-dinkes-1");
  ASSERT_NE(internet, nullptr);
  EXPECT_TRUE(has_reason(internet, "nama_mirip"));
  EXPECT_GT(internet->score, 0.5);
  EXPECT_LE(internet->score, 1.0);
  EXPECT_EQ(find_pair(cs, "l-dinkes-1", "l-dinkes-2"), nullptr) << "one PD's two lines are never a pair";
  EXPECT_EQ(find_pair(cs, "l-disdik-1", "l-diskominfo-1"), nullptr);
  for (const auto& x : cs) {
    EXPECT_LT(x.line_a, x.line_b) << "each pair once, ordered";
    for (const auto& id : {x.line_a, x.line_b}) EXPECT_TRUE(id != "l-bappeda-1" && id != "l-other-1") << id;
  }
  EXPECT_EQ(
      std::count_if(cs.begin(), cs.end(),
                    [](const Candidate& x) { return x.line_a == "l-diskominfo-1" && x.line_b == "l-dinkes-1"; }) +
          std::count_if(cs.begin(), cs.end(),
                        [](const Candidate& x) { return x.line_a == "l-dinkes-1" && x.line_b == "l-diskominfo-1"; }),
      1);
}

TEST_P(DuplicatesIndexTest, SameSshItemAndSameElementAreReasons) {
  test_support::TestDatabase t(GetParam());
  storage::migrate(t.db(), migrations());
  auto c = t.db().acquire();
  upsert(*c, "t1", line("a", "dinsos", "Pengadaan Komputer Jinjing", "1.3.2.10.01.02.001"));
  upsert(*c, "t1", line("b", "dukcapil", "Pengadaan Chromebook Operator", "1.3.2.10.01.02.001"));
  upsert(*c, "t1", line("c", "bkpsdm", "Pemeliharaan Aplikasi Kepegawaian", "", {"app-simpeg"}));
  upsert(*c, "t1",
         line("d", "inspektorat", "Pemeliharaan Modul Cuti dan Mutasi Aplikasi Kepegawaian", "", {"app-simpeg"}));
  upsert(*c, "t1", line("e", "dishub", "Pengadaan Rambu Lalu Lintas", "", {"app-simpeg"}));
  upsert(*c, "t1", line("f", "dinsos", "Pemeliharaan Modul Cuti dan Mutasi Aplikasi Kepegawaian", "", {"app-sikd"}));

  auto cs = candidates_for_cycle(*c, "t1", "cy-2027");
  EXPECT_TRUE(has_reason(find_pair(cs, "a", "b"), "ssh_sama")) << "names differ, the standard item is the same";
  EXPECT_TRUE(has_reason(find_pair(cs, "c", "d"), "elemen_sama"));
  EXPECT_EQ(find_pair(cs, "c", "f"), nullptr) << "the same names without the common element are not similar enough";
  EXPECT_EQ(find_pair(cs, "c", "e"), nullptr) << "a common element with an unrelated name is not enough";
}

TEST_P(DuplicatesIndexTest, DraftCheckShowsOtherAgenciesLinesBestFirst) {
  test_support::TestDatabase t(GetParam());
  storage::migrate(t.db(), migrations());
  auto c = t.db().acquire();
  upsert(*c, "t1", line("k1", "diskominfo", "Pengembangan Aplikasi E-Office"));
  upsert(*c, "t1", line("k2", "setda", "Pengembangan Aplikasi Tata Naskah Dinas Elektronik (TNDE)"));
  upsert(*c, "t1", line("k3", "bkpsdm", "Pengembangan Aplikasi E-Kinerja"));
  upsert(*c, "t1", line("k4", "dinkes", "Pengadaan Ambulans"));
  upsert(*c, "t1", line("k5", "disdik", "Pengembangan Aplikasi E-Office Sekolah", "", {}, "cy-2028"));

  auto draft = line("", "bappeda", "Pembangunan aplikasi e-office");
  auto cs = candidates_for_draft(*c, "t1", draft, 10);
  ASSERT_GE(cs.size(), 2u);
  std::vector<std::string> found;
  for (const auto& x : cs) {
    EXPECT_EQ(x.line_a, "") << "the draft is line_a";
    found.push_back(x.line_b);
  }
  EXPECT_NE(std::find(found.begin(), found.end(), "k1"), found.end());
  EXPECT_NE(std::find(found.begin(), found.end(), "k2"), found.end())
      << "synonym: tata naskah dinas elektronik = e-office";
  EXPECT_EQ(std::find(found.begin(), found.end(), "k4"), found.end());
  EXPECT_EQ(std::find(found.begin(), found.end(), "k5"), found.end()) << "another cycle";
  EXPECT_TRUE(has_reason(&cs[0], "aplikasi_mirip"));
  for (std::size_t i = 1; i < cs.size(); ++i) EXPECT_GE(cs[i - 1].score, cs[i].score);

  // The draft's own agency is excluded; the limit is kept.
  auto own = candidates_for_draft(*c, "t1", line("", "diskominfo", "Pengembangan Aplikasi E-Office"), 10);
  for (const auto& x : own) EXPECT_NE(x.line_b, "k1");
  EXPECT_EQ(candidates_for_draft(*c, "t1", draft, 1).size(), 1u);
}

TEST_P(DuplicatesIndexTest, DraftCheckFindsALineOfTheSameElementByItsNameHoweverManyServeIt) {
  test_support::TestDatabase t(GetParam());
  storage::migrate(t.db(), migrations());
  auto c = t.db().acquire();
  // Sixty lines of other PDs serve the element first (by id) with unrelated names, then one whose
  // name is like the draft's, though not enough to be a reason by itself.
  for (int i = 0; i < 60; ++i) {
    char id[8];
    std::snprintf(id, sizeof id, "a%02d", i);
    upsert(*c, "t1", line(id, "pd" + std::to_string(i), "Pengadaan Meja Kerja Staf", "", {"el-sidata"}));
  }
  upsert(*c, "t1", line("z99", "dinkes", "Pengadaan Server Basis Data Sidata Puskesmas", "", {"el-sidata"}));
  auto draft = line("", "bappeda", "Pengadaan Server Sidata", "", {"el-sidata"});
  SynonymTable table(synonyms(*c, "t1"));
  double sim = jaccard(trigrams(analyze_name(draft.name, table).object),
                       trigrams(analyze_name("Pengadaan Server Basis Data Sidata Puskesmas", table).object));
  ASSERT_GE(sim, kElementNameThreshold);
  ASSERT_LT(sim, kNameThreshold) << "the name alone is no reason";

  auto cs = candidates_for_draft(*c, "t1", draft, 10);
  const Candidate* z = nullptr;
  for (const auto& x : cs)
    if (x.line_b == "z99") z = &x;
  ASSERT_NE(z, nullptr) << "found through the common element, by its name, behind 60 other lines";
  EXPECT_TRUE(has_reason(z, "elemen_sama"));
  EXPECT_FALSE(has_reason(z, "nama_mirip"));
  EXPECT_EQ(&cs[0], z) << "the best candidate: the others share the element with an unrelated name";
}

namespace {

/// Passes statements on; EXPLAINs (in the same transaction) the live check's nearest-name query.
class ExplainingConnection : public test_support::ForwardingConnection {
 public:
  using ForwardingConnection::ForwardingConnection;
  storage::Rows query(std::string_view sql, const storage::Params& p) override {
    if (sql.find("<->") != std::string_view::npos)
      for (const auto& r : real().query("EXPLAIN " + std::string(sql), p)) plan += r.text_at(0) + "\n";
    return real().query(sql, p);
  }
  std::string plan;
};

}  // namespace

TEST_P(DuplicatesIndexTest, PostgresReadsTheNearestNamesFromTheTrigramIndexWhateverTheStatistics) {
  if (GetParam() != "postgres") GTEST_SKIP() << "SQLite ranks FTS5 hits in C++";
  test_support::TestDatabase t(GetParam());
  storage::migrate(t.db(), migrations());
  auto c = t.db().acquire();
  // A freshly filled table, never analyzed: the planner believes it holds almost nothing.
  for (int i = 0; i < 300; ++i)
    upsert(*c, "t1",
           line("n" + std::to_string(i), "pd" + std::to_string(i % 7),
                "Pengadaan Laptop Staf Bidang " + std::to_string(i)));
  // Outside a transaction, as the live check reads.
  ExplainingConnection explaining(*c);
  auto cs = candidates_for_draft(explaining, "t1", line("", "bappeda", "Pengadaan Laptop Staf Bidang 12"), 10);
  EXPECT_FALSE(cs.empty());
  EXPECT_EQ(c->query("SHOW enable_sort").at(0).text_at(0), "on") << "the pooled connection is left as it was";
  EXPECT_NE(explaining.plan.find("planning_dup_lines_nearest"), std::string::npos) << explaining.plan;
  EXPECT_EQ(explaining.plan.find("Sort"), std::string::npos) << explaining.plan;
}

TEST_P(DuplicatesIndexTest, EditingAndRemovingALineUpdatesTheCandidates) {
  test_support::TestDatabase t(GetParam());
  storage::migrate(t.db(), migrations());
  auto c = t.db().acquire();
  upsert(*c, "t1", line("p1", "dinkes", "Pengadaan Printer Multifungsi"));
  upsert(*c, "t1", line("p2", "disdik", "Pengadaan Printer Multifungsi A4"));
  upsert(*c, "t1", line("p3", "dishub", "Pengadaan Printer Multifungsi"));
  ASSERT_NE(find_pair(candidates_for_cycle(*c, "t1", "cy-2027"), "p1", "p2"), nullptr);

  upsert(*c, "t1", line("p2", "disdik", "Pengadaan Meja Guru"));  // renamed
  auto after_edit = candidates_for_cycle(*c, "t1", "cy-2027");
  EXPECT_EQ(find_pair(after_edit, "p1", "p2"), nullptr);
  EXPECT_NE(find_pair(after_edit, "p1", "p3"), nullptr);

  remove(*c, "t1", "p3");
  auto after_remove = candidates_for_cycle(*c, "t1", "cy-2027");
  EXPECT_EQ(find_pair(after_remove, "p1", "p3"), nullptr);
  EXPECT_TRUE(candidates_for_draft(*c, "t1", line("", "dispar", "Printer Multifungsi"), 5).size() == 1);
}

TEST_P(DuplicatesIndexTest, TenantSynonymsChangeWhatIsTheSameThing) {
  test_support::TestDatabase t(GetParam());
  storage::migrate(t.db(), migrations());
  auto c = t.db().acquire();
  upsert(*c, "t1", line("c1", "dinkes", "Pengadaan Chromebook"));
  upsert(*c, "t1", line("c2", "disdik", "Pengadaan Laptop"));
  upsert(*c, "t1", line("c3", "dishub", "Pengadaan Notebook"));
  upsert(*c, "t2", line("c1", "dinkes", "Pengadaan Chromebook"));
  upsert(*c, "t2", line("c2", "disdik", "Pengadaan Laptop"));
  EXPECT_EQ(find_pair(candidates_for_cycle(*c, "t1", "cy-2027"), "c1", "c2"), nullptr);
  EXPECT_NE(find_pair(candidates_for_cycle(*c, "t1", "cy-2027"), "c2", "c3"), nullptr)
      << "default synonym notebook = laptop";

  // The Dinas of t1 adds a synonym: lines already indexed are normalised again.
  add_synonym(*c, "t1", {"ChromeBook", "laptop"});
  EXPECT_NE(find_pair(candidates_for_cycle(*c, "t1", "cy-2027"), "c1", "c2"), nullptr);
  EXPECT_EQ(find_pair(candidates_for_cycle(*c, "t2", "cy-2027"), "c1", "c2"), nullptr) << "another tenant's list";
  auto list = synonyms(*c, "t1");
  EXPECT_NE(std::find_if(list.begin(), list.end(),
                         [](const Synonym& s) { return s.term == "chromebook" && s.canonical == "laptop"; }),
            list.end());

  // Removing a default synonym for t1 only.
  remove_synonym(*c, "t1", "Notebook");
  EXPECT_EQ(find_pair(candidates_for_cycle(*c, "t1", "cy-2027"), "c2", "c3"), nullptr);
  list = synonyms(*c, "t1");
  EXPECT_EQ(std::find_if(list.begin(), list.end(), [](const Synonym& s) { return s.term == "notebook"; }), list.end());
  auto other = synonyms(*c, "t2");
  EXPECT_NE(std::find_if(other.begin(), other.end(), [](const Synonym& s) { return s.term == "notebook"; }),
            other.end());

  // Bad synonyms are refused and change nothing.
  EXPECT_THROW(add_synonym(*c, "t1", {"  ", "laptop"}), std::invalid_argument);
  EXPECT_THROW(add_synonym(*c, "t1", {"Laptop", "laptop"}), std::invalid_argument);
  EXPECT_EQ(synonyms(*c, "t1").size(), list.size());
}

TEST_P(DuplicatesIndexTest, ADegenerateCycleOfIdenticalLinesYieldsABoundedNumberOfCandidates) {
  test_support::TestDatabase t(GetParam());
  storage::migrate(t.db(), migrations());
  auto c = t.db().acquire();
  // 300 identical lines (same name, SSH item and element) of 30 PDs: 40,500 pairs of different PDs
  // if every pair were kept.
  std::vector<std::string> all, first_pd;
  {
    storage::Transaction tx(*c, storage::Transaction::Write);
    for (int i = 0; i < 300; ++i) {
      auto id = "l" + std::to_string(1000 + i);
      auto agency = "pd" + std::to_string(i % 30);
      upsert(*c, "t1", line(id, agency, "Pengadaan Laptop untuk Staf", "SSH.00001", {"app-simpeg"}));
      all.push_back(id);
      if (agency == "pd0") first_pd.push_back(id);
    }
    tx.commit();
  }
  auto whole = candidates_for_cycle(*c, "t1", "cy-2027");
  EXPECT_LE(whole.size(), all.size() * kCandidatesPerLine);
  EXPECT_GE(whole.size(), all.size() / 2) << "every line keeps candidates of its own";
  std::set<std::string> seen;
  for (const auto& x : whole) {
    seen.insert(x.line_a);
    seen.insert(x.line_b);
    EXPECT_TRUE(has_reason(&x, "nama_mirip") && has_reason(&x, "ssh_sama") && has_reason(&x, "elemen_sama"));
  }
  EXPECT_EQ(seen.size(), all.size()) << "no line is left without a candidate";

  // One PD submitting its 10 lines against the others' submitted lines: at most 5 per line, each
  // pair one of its lines and another PD's.
  auto submitted = candidates_between(*c, "t1", "cy-2027", first_pd, all);
  EXPECT_LE(submitted.size(), first_pd.size() * kCandidatesPerLine);
  EXPECT_GE(submitted.size(), first_pd.size());
  for (const auto& x : submitted) {
    bool a_mine = std::count(first_pd.begin(), first_pd.end(), x.line_a) > 0;
    bool b_mine = std::count(first_pd.begin(), first_pd.end(), x.line_b) > 0;
    EXPECT_NE(a_mine, b_mine) << x.line_a << " " << x.line_b;
  }
}

TEST_P(DuplicatesIndexTest, ASubmissionIsComparedOnlyWithThePoolItIsGiven) {
  test_support::TestDatabase t(GetParam());
  storage::migrate(t.db(), migrations());
  auto c = t.db().acquire();
  upsert(*c, "t1", line("mine", "dinkes", "Langganan Internet Kantor"));
  upsert(*c, "t1", line("submitted", "disdik", "Berlangganan Internet Kantor"));
  upsert(*c, "t1", line("draft", "dishub", "Langganan Internet Kantor"));  // not in the pool
  upsert(*c, "t1", line("same-ssh", "dinsos", "Pengadaan Modem", "SSH.7"));
  upsert(*c, "t1", line("mine-ssh", "dinkes", "Perangkat Jaringan Nirkabel", "SSH.7"));
  auto cs =
      candidates_between(*c, "t1", "cy-2027", {"mine", "mine-ssh"}, {"mine", "mine-ssh", "submitted", "same-ssh"});
  EXPECT_NE(find_pair(cs, "mine", "submitted"), nullptr);
  EXPECT_TRUE(has_reason(find_pair(cs, "mine-ssh", "same-ssh"), "ssh_sama"));
  EXPECT_EQ(find_pair(cs, "mine", "draft"), nullptr) << "a draft is not compared";
  EXPECT_EQ(find_pair(cs, "mine", "mine-ssh"), nullptr) << "one PD's own lines are never a pair";
  EXPECT_EQ(cs.size(), 2U);
}

INSTANTIATE_TEST_SUITE_P(Databases, DuplicatesIndexTest, ::testing::ValuesIn(simpul::test_support::backends()));
