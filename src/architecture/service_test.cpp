// The architecture services on a real database (SQLite, and PostgreSQL when SIMPUL_TEST_PG is
// set): what a change writes, what a removal takes with it, the views built on relations, and the
// importer's all-or-nothing transaction.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>

#include "architecture/domains.hpp"
#include "architecture/module.hpp"
#include "architecture/transfer.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "identity/repository.hpp"
#include "storage/unit_of_work.hpp"
#include "tenancy/repository.hpp"
#include "testing/test_database.hpp"

using namespace simpul;
using namespace simpul::architecture;

namespace {

const std::filesystem::path kProfiles = std::filesystem::path(SIMPUL_SOURCE_DIR) / "profiles";

const tenancy::ProfileRegistry& profiles() {
  static const auto r = tenancy::ProfileRegistry::load_directory(kProfiles);
  return r;
}

const ReferenceArchitecture& reference_architecture() {
  static const auto r = ReferenceArchitecture::load(kProfiles / "frameworks" / "reference-architecture.yaml");
  return r;
}

}  // namespace

class ArchitectureStoreTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (IsSkipped()) return;
    crypto::init();
    t_ = std::make_unique<test_support::TestDatabase>(GetParam());
    std::vector<storage::Migration> all;
    // identity: the tenancy's team members reference its users.
    for (auto list : {tenancy::Repository::migrations(), identity::Repository::migrations(),
                      ledger::Ledger::migrations(), Module::migrations()})
      all.insert(all.end(), list.begin(), list.end());
    storage::migrate(t_->db(), all);
    ledger_ = std::make_unique<ledger::Ledger>(ledger::load_or_create_key(t_->dir() / "ledger.key"));
    tenancy_ = std::make_unique<tenancy::Service>(t_->db(), profiles(), *ledger_);
    m_ = std::make_unique<Module>(t_->db(), *tenancy_, reference_architecture(), *ledger_);
    s_ = {tenancy_->create_tenant("balikpapan", "balikpapan", actor_).id};
    agency_ = add_agency("DISKOMINFO");
  }

  std::string add_agency(const std::string& code) {
    tenancy::AgencyInput in;
    in.code = code;
    in.name = "Dinas " + code;
    in.type = "dinas_daerah";
    return tenancy_->create_agency(s_, in, actor_).id;
  }

  Element add(const std::string& domain, const std::string& code, boost::json::object attributes = {},
              std::optional<std::string> parent = std::nullopt, const std::string& state = "as_is") {
    ElementInput in;
    in.domain = domain;
    in.code = code;
    in.name = "Elemen " + code;
    in.owner_agency_id = agency_;
    in.state = state;
    in.attributes = std::move(attributes);
    if (parent) {
      in.level = 4;
      in.parent_id = parent;
    }
    return m_->elements.create(s_, in, actor_);
  }

  Relation relate(const Element& from, const std::string& type, const Element& to) {
    return m_->elements.relate(s_, {"", from.id, type, to.id, "", ""}, actor_);
  }

  std::int64_t ledger_entries() {
    return storage::read(
        t_->db(), [](storage::Connection& c) { return c.query("SELECT COUNT(*) FROM ledger_entries")[0].int_at(0); });
  }

  template <typename F>
  std::optional<ErrorCode> refusal(F&& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.code();
    }
    return std::nullopt;
  }

  ImportResult import(const std::string& csv, bool dry_run, const char* kind = "elements") {
    return m_->transfer.run_import(s_, parse_import(csv, "text/csv", kind), dry_run, actor_, crypto::sha256_hex(csv));
  }

  Actor actor_{"u-test", "Penguji", ""};
  std::unique_ptr<test_support::TestDatabase> t_;
  std::unique_ptr<ledger::Ledger> ledger_;
  std::unique_ptr<tenancy::Service> tenancy_;
  std::unique_ptr<Module> m_;
  Scope s_;
  std::string agency_;
};

INSTANTIATE_TEST_SUITE_P(Backends, ArchitectureStoreTest, ::testing::ValuesIn(test_support::backends()));

TEST_P(ArchitectureStoreTest, AnUpdateThatChangesNothingWritesNothing) {
  auto e = add("layanan", "L-1", {{"service_type", "publik"}});
  auto before = ledger_entries();
  ElementInput same;
  same.name = e.name;
  same.code = "L-1";
  same.attributes = boost::json::object{{"service_type", "publik"}};
  auto after = m_->elements.update(s_, e.id, same, actor_);
  EXPECT_EQ(after.updated_at, e.updated_at);
  EXPECT_EQ(ledger_entries(), before) << "no ledger entry for a change that changes nothing";

  ElementInput rename;
  rename.name = "Layanan Perizinan";
  EXPECT_EQ(m_->elements.update(s_, e.id, rename, actor_).name, "Layanan Perizinan");
  EXPECT_EQ(ledger_entries(), before + 1);

  ElementInput move;
  move.domain = "aplikasi";
  EXPECT_EQ(refusal([&] { m_->elements.update(s_, e.id, move, actor_); }), ErrorCode::ValidationInvalidValue);
  EXPECT_EQ(m_->elements.element(s_, e.id).domain, "layanan");
}

TEST_P(ArchitectureStoreTest, ARefusedChangeLeavesTheStoreAsItWas) {
  auto service = add("layanan", "L-1");
  auto before = ledger_entries();
  EXPECT_EQ(refusal([&] { add("aplikasi", "l-1"); }), ErrorCode::ElementDuplicateCode);
  EXPECT_EQ(refusal([&] { add("layanan", "L-2", {{"sector", "astrologi"}}); }), ErrorCode::ValidationInvalidValue);
  ElementInput bad;
  bad.reference_code = std::optional<std::string>("RAA.01");
  EXPECT_EQ(refusal([&] { m_->elements.update(s_, service.id, bad, actor_); }), ErrorCode::ElementReferenceUnknown);
  EXPECT_FALSE(m_->elements.element(s_, service.id).reference_code.has_value());
  std::int64_t total = 0;
  m_->elements.list(s_, {}, ListQuery{}, total);
  EXPECT_EQ(total, 1);
  EXPECT_EQ(ledger_entries(), before);
}

TEST_P(ArchitectureStoreTest, RemovingAnElementTakesItsRelationsAndInitiativeLinksButNeverItsChildren) {
  auto service = add("layanan", "L-1");
  auto child = add("layanan", "L-1-1", {}, service.id);
  auto app = add("aplikasi", "A-1", {}, std::nullopt, "to_be");
  relate(service, "supported_by", app);
  relate(child, "supported_by", app);
  const auto& profile = profiles().get("balikpapan");
  InitiativeInput ini;
  ini.code = "INI-1";
  ini.name = "Pembangunan A-1";
  ini.category = profile.enumeration(profile.architecture.roadmap.categories)->items.front().id;
  ini.owner_agency_id = agency_;
  ini.start_year = 2025;
  ini.target_year = 2026;
  ini.elements = std::vector<InitiativeElement>{{app.id, "", "", "", "create"}};
  auto initiative = m_->roadmap.create(s_, ini, actor_);

  EXPECT_EQ(refusal([&] { m_->elements.remove(s_, service.id, actor_); }), ErrorCode::ElementHasChildren);
  m_->elements.remove(s_, child.id, actor_);
  m_->elements.remove(s_, service.id, actor_);
  EXPECT_TRUE(m_->elements.relations_of(s_, app.id).empty()) << "no relation points at a removed element";

  m_->elements.remove(s_, app.id, actor_);
  EXPECT_TRUE(m_->roadmap.get(s_, initiative.id).elements.empty()) << "the initiative stays, without the element";
  EXPECT_EQ(refusal([&] { m_->elements.element(s_, app.id); }), ErrorCode::ElementNotFound);
}

TEST_P(ArchitectureStoreTest, TheGraphStopsAtItsDepthAndItsNodeLimit) {
  // A chain: service -> process -> application -> data -> server.
  auto service = add("layanan", "L-1");
  auto process = add("proses_bisnis", "PB-1");
  auto app = add("aplikasi", "A-1");
  auto data = add("data_informasi", "D-1");
  auto server = add("infrastruktur", "I-1");
  relate(service, "realised_by", process);
  relate(process, "supported_by", app);
  relate(app, "uses_data", data);
  relate(data, "runs_on", server);
  auto codes = [](const Graph& g) {
    std::set<std::string> out;
    for (const auto& e : g.nodes) out.insert(e.code);
    return out;
  };
  EXPECT_EQ(codes(m_->elements.graph(s_, app.id, 1)), (std::set<std::string>{"PB-1", "A-1", "D-1"}));
  EXPECT_EQ(m_->elements.graph(s_, app.id, 1).edges.size(), 2u);
  EXPECT_EQ(codes(m_->elements.graph(s_, app.id, 2)).size(), 5u);
  auto capped = m_->elements.graph(s_, service.id, 10, 3);
  EXPECT_EQ(capped.nodes.size(), 3u);
  for (const auto& edge : capped.edges) {
    auto in = [&](const std::string& id) {
      return std::any_of(capped.nodes.begin(), capped.nodes.end(), [&](const Element& e) { return e.id == id; });
    };
    EXPECT_TRUE(in(edge.source_id) && in(edge.target_id)) << "edges only join nodes of the graph";
  }
  EXPECT_EQ(refusal([&] { m_->elements.trace(s_, app.id); }), ErrorCode::ValidationInvalidValue)
      << "a trace starts at a service";
}

TEST_P(ArchitectureStoreTest, TheGapCountsStatesAndNamesTheToBeElementsNoInitiativePlans) {
  add("aplikasi", "A-1");
  auto planned = add("aplikasi", "A-2", {}, std::nullopt, "to_be");
  auto unplanned = add("aplikasi", "A-3", {}, std::nullopt, "to_be");
  add("aplikasi", "A-4", {}, std::nullopt, "retired");
  add("layanan", "L-1", {}, std::nullopt, "to_be");
  const auto& profile = profiles().get("balikpapan");
  InitiativeInput ini;
  ini.code = "INI-1";
  ini.name = "Pengembangan";
  ini.category = profile.enumeration(profile.architecture.roadmap.categories)->items.front().id;
  ini.owner_agency_id = agency_;
  ini.start_year = ini.target_year = 2026;
  ini.elements = std::vector<InitiativeElement>{{planned.id, "", "", "", "create"}};
  m_->roadmap.create(s_, ini, actor_);

  auto gap = m_->elements.gap(s_);
  ASSERT_EQ(gap.size(), domains().size()) << "every domain is listed, empty or not";
  const GapDomain* apps = nullptr;
  for (const auto& g : gap)
    if (g.domain == "aplikasi") apps = &g;
  ASSERT_NE(apps, nullptr);
  EXPECT_EQ(apps->as_is, 1);
  EXPECT_EQ(apps->to_be, 2);
  EXPECT_EQ(apps->retired, 1);
  ASSERT_EQ(apps->unplanned.size(), 1u);
  EXPECT_EQ(apps->unplanned[0].id, unplanned.id);
}

TEST_P(ArchitectureStoreTest, AnImportIsAllOrNothingAndImportingTwiceChangesNothing) {
  const std::string good =
      "code,name,domain,level,parent_code,owner_agency_code,attr.service_type\n"
      "L-1-1,Sub layanan,layanan,4,L-1,DISKOMINFO,\n"  // before its parent: level-3 rows go first
      "L-1,Layanan KTP,layanan,3,,diskominfo,publik\n"
      "A-1,SIAK,aplikasi,3,,DISKOMINFO,\n";
  const std::string one_bad = good + "A-2,Aplikasi X,aplikasi,3,,DINAS-TIDAK-ADA,\n";
  auto before = ledger_entries();

  auto refused = import(one_bad, false);
  ASSERT_EQ(refused.problems.size(), 1u);
  EXPECT_EQ(refused.problems[0].row, 5);
  EXPECT_EQ(refused.problems[0].column, "owner_agency_code");
  auto dry = import(good, true);
  EXPECT_TRUE(dry.problems.empty());
  EXPECT_EQ(dry.elements_created, 3);
  std::int64_t total = 0;
  m_->elements.list(s_, {}, ListQuery{}, total);
  EXPECT_EQ(total, 0) << "neither a refused import nor a dry run writes";
  EXPECT_EQ(ledger_entries(), before);

  auto done = import(good, false);
  EXPECT_TRUE(done.problems.empty()) << done.problems[0].message;
  EXPECT_EQ(done.elements_created, 3);
  m_->elements.list(s_, {}, ListQuery{}, total);
  EXPECT_EQ(total, 3);
  EXPECT_EQ(ledger_entries(), before + 1) << "one entry for the whole import";
  auto model = m_->transfer.current_model(s_);
  auto child =
      std::find_if(model.elements.begin(), model.elements.end(), [](const auto& e) { return e.code == "L-1-1"; });
  ASSERT_NE(child, model.elements.end());
  EXPECT_EQ(child->parent_code, "L-1");

  auto relations = "source_code,type,target_code\nL-1,supported_by,A-1\n";
  EXPECT_EQ(import(relations, false, "relations").relations_created, 1);
  auto again = import(relations, false, "relations");
  EXPECT_TRUE(again.problems.empty());
  EXPECT_EQ(again.relations_created, 0) << "an existing relation is left as it is";
  auto twice = import(good, false);
  EXPECT_EQ(twice.elements_created, 0);
  EXPECT_EQ(twice.elements_updated, 0) << "the same rows again change nothing";
  EXPECT_EQ(twice.elements_unchanged, 3);
  EXPECT_EQ(ledger_entries(), before + 2) << "and write nothing: one entry for the elements, one for the relation";
  EXPECT_EQ(m_->transfer.current_model(s_).relations.size(), 1u);
}

TEST_P(ArchitectureStoreTest, AnImportKeepsWhatTheLifecycleMaintainsAndNeverMovesAnElementsDomain) {
  ElementInput in;
  in.domain = "aplikasi";
  in.code = "A-1";
  in.name = "SIAK";
  in.owner_agency_id = agency_;
  in.attributes = boost::json::object{{"lifecycle_stage", "pemeliharaan"}};
  m_->elements.create(s_, in, actor_, {}, true);  // as the application lifecycle writes it

  auto result = import(
      "code,name,domain,owner_agency_code,attr.url\nA-1,SIAK Baru,aplikasi,DISKOMINFO,https://siak.go.id\n", false);
  ASSERT_TRUE(result.problems.empty()) << result.problems[0].column << ": " << result.problems[0].message;
  auto model = m_->transfer.current_model(s_);
  ASSERT_EQ(model.elements.size(), 1u);
  EXPECT_EQ(model.elements[0].name, "SIAK Baru");
  EXPECT_EQ(model.elements[0].attributes,
            (boost::json::object{{"lifecycle_stage", "pemeliharaan"}, {"url", "https://siak.go.id"}}));

  // An exported file carries the stage: it may come back unchanged, but not changed.
  const std::string header = "code,name,domain,owner_agency_code,attr.lifecycle_stage\n";
  EXPECT_TRUE(import(header + "A-1,SIAK Baru,aplikasi,DISKOMINFO,pemeliharaan\n", false).problems.empty());
  auto changed = import(header + "A-1,SIAK Baru,aplikasi,DISKOMINFO,implementasi\n", false);
  ASSERT_EQ(changed.problems.size(), 1u);
  EXPECT_EQ(changed.problems[0].column, "attr.lifecycle_stage") << "the header as the file writes it";
  auto fresh = import(header + "A-2,Baru,aplikasi,DISKOMINFO,pemeliharaan\n", false);
  ASSERT_EQ(fresh.problems.size(), 1u) << "a new element cannot arrive with a stage";
  EXPECT_EQ(m_->transfer.current_model(s_).elements[0].attributes.at("lifecycle_stage"), "pemeliharaan");

  auto moved = import("code,name,domain,owner_agency_code\nA-1,SIAK,layanan,DISKOMINFO\n", false);
  ASSERT_EQ(moved.problems.size(), 1u);
  EXPECT_EQ(moved.problems[0].column, "domain");
  EXPECT_EQ(m_->transfer.current_model(s_).elements[0].domain, "aplikasi");
}
