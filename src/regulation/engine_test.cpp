// The rule kinds on hand-made facts: each kind breaks exactly when the regulation says it should.
#include <gtest/gtest.h>

#include "regulation/engine.hpp"
#include "tenancy/profile_loader.hpp"

namespace simpul::regulation {
namespace {

tenancy::Profile profile_with(std::vector<tenancy::ComplianceRuleSpec> rules) {
  tenancy::Profile p;
  p.id = "test";
  p.source_path = "test.yaml";
  p.regulation_enacted = "2021-07-27";
  p.email_domain = tenancy::DomainSpec{"@kota.go.id", "kota.go.id", {}};
  p.roles.push_back({"diskominfo", "Dinas", "Dinas", "kominfo", {}});
  for (const char* s :
       {"kajian_kebutuhan", "perencanaan", "rancang_bangun", "implementasi", "pengujian_kelaikan", "pemeliharaan"})
    p.applications.stages.push_back({s, s});
  p.applications.live_stages = {"pemeliharaan"};
  p.compliance = std::move(rules);
  return p;
}

tenancy::ComplianceRuleSpec spec(std::string rule, std::string kind, boost::json::object params, bool gate = false) {
  tenancy::ComplianceRuleSpec s;
  s.rule = std::move(rule);
  s.kind = std::move(kind);
  s.subject = "application";
  s.title = s.title_en = "t";
  s.severity = "tinggi";
  s.responsible = "owner";
  s.gate = gate;
  s.params = std::move(params);
  return s;
}

Fact app(std::string id, std::vector<std::pair<std::string, std::string>> fields) {
  Fact f;
  f.subject = "application";
  f.id = id;
  f.label = id;
  f.agency_id = "agency";
  f.fields = std::move(fields);
  return f;
}

Facts facts_of(std::vector<Fact> objects) {
  Facts f;
  f.tenant.domain = "kota.go.id";
  f.tenant.email_domain = "kota.go.id";
  f.tenant.enacted = "2021-07-27";
  f.tenant.role_agencies = {{"diskominfo", "kominfo-agency"}};
  f.objects = std::move(objects);
  return f;
}

std::vector<std::string> broken_ids(const Engine& e, const tenancy::Profile& p, const Facts& f,
                                    const std::string& today) {
  std::vector<std::string> out;
  for (const auto& v : e.evaluate(p, f, today)) out.push_back(v.rule->spec->rule + ":" + f.objects[v.object].id);
  return out;
}

TEST(Engine, SubdomainEmailAndOneOfPatterns) {
  auto p = profile_with(
      {spec("R-1", "value-must-match-pattern", {{"field", "host"}, {"pattern", "subdomain_of_domain"}}),
       spec("R-2", "value-must-match-pattern", {{"field", "contact_email"}, {"pattern", "email_domain"}}),
       spec("R-3", "value-must-match-pattern", {{"field", "hosting"}, {"one_of", {"pusat_data_kolokasi"}}})});
  Engine e({&p});
  auto f = facts_of(
      {app("good", {{"host", "https://SIPD.Kota.go.id/login"},
                    {"contact_email", "a@kota.go.id"},
                    {"hosting", "pusat_data_kolokasi"}}),
       app("bad",
           {{"host", "sipd.kota.go.id.evil.com"}, {"contact_email", "a@gmail.com"}, {"hosting", "luar_pusat_data"}}),
       app("lookalike",
           {{"host", "notkota.go.id"}, {"contact_email", "x@kota.go.id"}, {"hosting", "pusat_data_kolokasi"}})});
  EXPECT_EQ(broken_ids(e, p, f, "2026-01-01"),
            (std::vector<std::string>{"R-1:bad", "R-1:lookalike", "R-2:bad", "R-3:bad"}));
}

TEST(Engine, PreconditionAppliesFromItsStageOnAndGatesTheMove) {
  auto p = profile_with({spec("R-1", "precondition-of-transition",
                              {{"to_stage", "rancang_bangun"}, {"requires", {"recommendation"}}}, true)});
  Engine e({&p});
  Fact planning = app("a", {{"stage", "perencanaan"}, {"stage_index", "1"}});
  EXPECT_TRUE(broken_ids(e, p, facts_of({planning}), "2026-01-01").empty());
  Fact building = app("a", {{"stage", "rancang_bangun"}, {"stage_index", "2"}});
  auto v = e.gate(p, facts_of({}).tenant, building, "2026-01-01");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->rule->spec->rule, "R-1");
  EXPECT_EQ(v->details.at("missing").as_array().at(0), "recommendation");
  building.add_to_set("has", "recommendation");
  EXPECT_FALSE(e.gate(p, facts_of({}).tenant, building, "2026-01-01"));
}

TEST(Engine, RequiredDocumentsListsWhatIsMissing) {
  auto s = spec("R-1", "required-documents", {{"items", {"dokumen_kebutuhan", "kode_sumber"}}});
  s.when = {{"live", {"ya"}}};
  auto p = profile_with({s});
  Engine e({&p});
  Fact live = app("live", {{"live", "ya"}});
  live.add_to_set("documents", "kode_sumber");
  Fact draft = app("draft", {{"live", "tidak"}});
  auto v = e.evaluate(p, facts_of({live, draft}), "2026-01-01");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].details.at("missing").as_array().size(), 1u);
  EXPECT_EQ(v[0].details.at("missing").as_array().at(0), "dokumen_kebutuhan");
}

TEST(Engine, TransitionDeadlineOnlyForObjectsStillNonConformingAfterIt) {
  auto p =
      profile_with({spec("R-1", "value-must-match-pattern", {{"field", "host"}, {"pattern", "subdomain_of_domain"}}),
                    spec("R-51", "deadline-since-event",
                         {{"event", "regulation.enacted"}, {"months", 12}, {"nonconforming_with", {"R-1"}}})});
  Engine e({&p});
  auto f = facts_of({app("ok", {{"host", "a.kota.go.id"}}), app("late", {{"host", "a.example.com"}})});
  EXPECT_EQ(broken_ids(e, p, f, "2022-07-27"), (std::vector<std::string>{"R-1:late"}));  // deadline day itself
  auto after = e.evaluate(p, f, "2022-07-28");
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[1].rule->spec->rule, "R-51");
  EXPECT_EQ(after[1].due, "2022-07-27");
}

TEST(Engine, TransitionWindowCoversOnlyObjectsThatExistedAtTheEvent) {
  auto p =
      profile_with({spec("R-1", "value-must-match-pattern", {{"field", "host"}, {"pattern", "subdomain_of_domain"}}),
                    spec("R-51", "deadline-since-event",
                         {{"event", "regulation.enacted"},
                          {"months", 12},
                          {"nonconforming_with", {"R-1"}},
                          {"existed_by", "live_since"}})});
  Engine e({&p});
  auto f = facts_of({app("old", {{"host", "a.example.com"}, {"live_since", "2019-03-01"}}),
                     app("same-day", {{"host", "b.example.com"}, {"live_since", "2021-07-27"}}),
                     app("new", {{"host", "c.example.com"}, {"live_since", "2026-02-01"}}),
                     app("unknown", {{"host", "d.example.com"}})});
  // An application that went live in 2026 was never "already owned" when the regulation was
  // promulgated: its own rule applies to it directly, without a transition deadline in 2022.
  EXPECT_EQ(broken_ids(e, p, f, "2026-06-01"), (std::vector<std::string>{"R-1:old", "R-1:same-day", "R-1:new",
                                                                         "R-1:unknown", "R-51:old", "R-51:same-day"}));
}

TEST(Engine, PeriodicDutyFromLastOrStart) {
  auto p = profile_with(
      {spec("R-1", "periodic-duty", {{"last", "last_audit_date"}, {"start", "live_since"}, {"months", 24}})});
  Engine e({&p});
  auto f = facts_of({app("audited", {{"last_audit_date", "2025-03-01"}, {"live_since", "2019-01-01"}}),
                     app("never", {{"live_since", "2023-02-28"}}), app("not_live", {})});
  auto v = e.evaluate(p, f, "2025-03-01");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(f.objects[v[0].object].id, "never");
  EXPECT_EQ(v[0].due, "2025-02-28");
}

TEST(Engine, ApprovalChainRefusesTheRequesterAndOtherAgencies) {
  auto s = spec("R-1", "approval-chain", {{"by", "diskominfo"}}, true);
  s.subject = "recommendation";
  auto p = profile_with({s});
  Engine e({&p});
  auto tenant = facts_of({}).tenant;
  Fact d;
  d.subject = "recommendation";
  d.fields = {{"requested_by", "u1"}, {"decided_by", "u1"}, {"decider_agency", "kominfo-agency"}};
  EXPECT_EQ(e.gate(p, tenant, d, "2026-01-01")->details.at("reason"), "self");
  d.set_field("decided_by", "u2");
  d.set_field("decider_agency", "other");
  EXPECT_EQ(e.gate(p, tenant, d, "2026-01-01")->details.at("reason"), "role");
  d.set_field("decider_agency", "kominfo-agency");
  EXPECT_FALSE(e.gate(p, tenant, d, "2026-01-01"));
  EXPECT_TRUE(e.evaluate(p, facts_of({d}), "2026-01-01").empty());  // a gate only, never a finding
}

TEST(Engine, BadInstancesStopTheServiceWithTheLine) {
  auto bad = spec("R-1", "precondition-of-transition", {{"to_stage", "terbang"}, {"requires", {"recommendation"}}});
  bad.line = 42;
  auto p = profile_with({bad});
  try {
    Engine e({&p});
    FAIL() << "accepted an unknown stage";
  } catch (const tenancy::ProfileError& err) {
    EXPECT_NE(std::string(err.what()).find("test.yaml:42"), std::string::npos) << err.what();
  }
  auto unknown = profile_with({spec("R-1", "no-such-kind", {})});
  EXPECT_THROW(Engine({&unknown}), tenancy::ProfileError);
}

TEST(Engine, AddMonthsClampsTheDay) {
  EXPECT_EQ(add_months("2024-01-31", 1), "2024-02-29");
  EXPECT_EQ(add_months("2023-01-31", 1), "2023-02-28");
  EXPECT_EQ(add_months("2021-07-27", 12), "2022-07-27");
  EXPECT_EQ(add_months("2025-11-30", 3), "2026-02-28");
}

}  // namespace
}  // namespace simpul::regulation
