// The list-query builder (storage/list_sql.hpp) on both databases: conditions, the literal
// contains-search, the sort whitelist, pages and the count sharing one WHERE.
#include <gtest/gtest.h>

#include "storage/list_sql.hpp"
#include "storage/migrations.hpp"
#include "testing/test_database.hpp"

using namespace simpul;
using namespace simpul::storage;

namespace {

class ListSqlTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (IsSkipped()) return;
    t_ = std::make_unique<test_support::TestDatabase>(GetParam());
    migrate(t_->db(),
            {{1, "items",
              "CREATE TABLE kinds (id TEXT PRIMARY KEY, label TEXT NOT NULL);"
              "CREATE TABLE items (id TEXT PRIMARY KEY, tenant TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, "
              "kind TEXT NOT NULL REFERENCES kinds(id), n INTEGER NOT NULL)"}});
    conn_ = std::make_unique<PooledConnection>(t_->db().acquire());
    c().execute("INSERT INTO kinds (id, label) VALUES ('dinas', 'Dinas'), ('badan', 'Badan')");
    add("01", "A", "DINKES", "Dinas Kesehatan", "dinas", 5);
    add("02", "A", "DISHUB", "Dinas Perhubungan", "dinas", 3);
    add("03", "A", "BAPPEDA", "Badan Perencanaan", "badan", 8);
    add("04", "A", "PCT", "Capaian 100% data", "badan", 1);
    add("05", "A", "P1000", "Capaian 1000 data", "badan", 2);
    add("06", "A", "A_B", "kode a_b", "badan", 4);
    add("07", "A", "AXB", "kode axb", "badan", 6);
    add("08", "A", "BS", "jalur c\\d", "badan", 7);
    add("09", "A", "CD", "jalur cd", "badan", 9);
    add("10", "B", "DINKES", "Dinas Kesehatan", "dinas", 5);  // another tenant: never listed for A
  }

  Connection& c() { return **conn_; }
  void add(const char* id, const char* tenant, const char* code, const char* name, const char* kind, int n) {
    c().execute("INSERT INTO items (id, tenant, code, name, kind, n) VALUES (?, ?, ?, ?, ?, ?)",
                {id, tenant, code, name, kind, n});
  }
  /// The ids of a list of tenant A's items.
  std::vector<std::string> ids(const ListSql& list, std::int64_t limit = 100, std::int64_t offset = 0) {
    std::vector<std::string> out;
    for (const auto& r : list.page(c(), "SELECT i.id FROM items i", limit, offset)) out.push_back(r.text_at(0));
    return out;
  }
  static ListSql of_tenant(const char* tenant) {
    ListSql list("FROM items i");
    list.where("i.tenant = ?", {tenant});
    return list;
  }

  std::unique_ptr<test_support::TestDatabase> t_;
  std::unique_ptr<PooledConnection> conn_;
};

using Ids = std::vector<std::string>;

}  // namespace

TEST_P(ListSqlTest, ConditionsAndTheCountShareOneWhere) {
  auto list = of_tenant("A");
  list.equals_if_set("i.kind", "dinas").equals_if_set("i.code", "").order_by("", false, {{"code", "i.code"}}, "i.id");
  EXPECT_EQ(list.count(c()), 2);
  EXPECT_EQ(ids(list), (Ids{"01", "02"}));
  EXPECT_EQ(list.count_sql(), "SELECT COUNT(*) FROM items i WHERE i.tenant = ? AND i.kind = ?");
  EXPECT_EQ(list.where_params().size(), 2u);  // the blank filter added nothing

  auto all = of_tenant("A");
  EXPECT_EQ(all.count(c()), 9);  // tenant B's row is not counted
  EXPECT_EQ(ListSql("FROM items i").count(c()), 10);
}

TEST_P(ListSqlTest, TheSearchMatchesAnyColumnLiterallyIgnoringCase) {
  auto count = [&](std::string_view text) {
    auto list = of_tenant("A");
    list.contains(text, {"i.name", "i.code"});
    return list.count(c());
  };
  EXPECT_EQ(count(""), 9);         // no search: everything
  EXPECT_EQ(count("DINAS"), 2);    // names, case ignored
  EXPECT_EQ(count("bappeda"), 1);  // codes too
  EXPECT_EQ(count("100%"), 1);     // % is a character, not a wildcard: not "1000"
  EXPECT_EQ(count("a_b"), 1);      // _ too: not "axb"
  EXPECT_EQ(count("c\\d"), 1);     // and the escape character itself: not "cd"
  EXPECT_EQ(count("%"), 1);
  EXPECT_EQ(count("' OR 1=1 --"), 0);  // text stays data

  auto list = of_tenant("A");
  list.contains("x", {"i.name", "i.code"});
  EXPECT_EQ(list.count_sql(),
            "SELECT COUNT(*) FROM items i WHERE i.tenant = ? AND "
            "(lower(i.name) LIKE lower(?) ESCAPE '\\' OR lower(i.code) LIKE lower(?) ESCAPE '\\')");
}

TEST_P(ListSqlTest, SortKeysComeFromTheWhitelistAndTheFirstIsTheDefault) {
  auto sorted = [&](std::string_view key, bool descending) {
    auto list = of_tenant("A");
    list.equals_if_set("i.kind", "dinas").order_by(key, descending, {{"code", "i.code"}, {"n", "i.n"}}, "i.id");
    return ids(list);
  };
  EXPECT_EQ(sorted("code", false), (Ids{"01", "02"}));  // DINKES, DISHUB
  EXPECT_EQ(sorted("code", true), (Ids{"02", "01"}));
  EXPECT_EQ(sorted("n", false), (Ids{"02", "01"}));  // 3, 5
  EXPECT_EQ(sorted("", false), sorted("code", false));
  EXPECT_EQ(sorted("i.n; DROP TABLE items", false), sorted("code", false));  // unknown: the default column
  auto list = of_tenant("A");
  list.order_by("i.n; DROP TABLE items", false, {{"code", "i.code"}}, "i.id");
  EXPECT_EQ(list.select_sql("SELECT i.id FROM items i").find("DROP"), std::string::npos);
}

TEST_P(ListSqlTest, DescendingOrdersTheKeyAndTiesBreakAscending) {
  add("11", "A", "DINKES2", "Dinas Kesehatan", "dinas", 5);  // the same name as 01
  auto list = of_tenant("A");
  list.equals_if_set("i.kind", "dinas").order_by("name", true, {{"name", "i.name"}}, "i.id");
  EXPECT_EQ(ids(list), (Ids{"02", "01", "11"}));  // Perhubungan, then the two Kesehatan by id
}

TEST_P(ListSqlTest, PagesDoNotOverlapAndTheTotalIgnoresThePage) {
  auto list = of_tenant("A");
  list.order_by("n", false, {{"n", "i.n"}}, "i.id");
  Ids seen;
  std::int64_t total = 0;
  for (std::int64_t page = 1; page <= 5; ++page) {
    ListQuery q;
    q.page = page;
    q.per_page = 2;
    auto rows = list.page(c(), "SELECT i.id FROM items i", q, total);
    EXPECT_EQ(total, 9);
    EXPECT_LE(rows.size(), 2u);
    for (const auto& r : rows) seen.push_back(r.text_at(0));
  }
  EXPECT_EQ(seen, (Ids{"04", "05", "02", "06", "01", "07", "08", "03", "09"}));  // n = 1..9
}

TEST_P(ListSqlTest, AFixedOrderBindsItsParametersAfterTheConditions) {
  auto list = of_tenant("A");
  // What needs action first: items at or over a threshold, then by n.
  list.equals_if_set("i.kind", "badan").order_by("CASE WHEN i.n >= ? THEN 0 ELSE 1 END, i.n", {7});
  EXPECT_EQ(ids(list, 4), (Ids{"08", "03", "09", "04"}));  // n 7, 8, 9 first, then from 1
  EXPECT_EQ(list.select_params().size(), 3u);              // tenant, kind, threshold
}

TEST_P(ListSqlTest, RowsMayJoinWhatTheCountDoesNotNeed) {
  auto list = of_tenant("A");
  list.contains("dinas", {"i.name"}).order_by("code", false, {{"code", "i.code"}}, "i.id");
  EXPECT_EQ(list.count(c()), 2);
  std::vector<std::string> labels;
  for (const auto& r : list.rows(c(), "SELECT i.id, k.label FROM items i JOIN kinds k ON k.id = i.kind "))
    labels.push_back(r.text_at(1));
  EXPECT_EQ(labels, (Ids{"Dinas", "Dinas"}));
}

INSTANTIATE_TEST_SUITE_P(Databases, ListSqlTest, ::testing::ValuesIn(test_support::backends()));
