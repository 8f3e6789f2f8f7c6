// Live evidence for the yearly SPBE evaluation: a tenant built through the API (an approved
// Arsitektur SPBE, live applications with and without their handover package, a compliance
// evaluation), then the architecture, applications and compliance sources read it directly.
// Proposals come from the real records, the agency filter holds, and resolve() knows only the
// tenant's own records. On both databases.
#include <gtest/gtest.h>

#include <algorithm>

#include "api_harness.hpp"
#include "applications/evidence.hpp"
#include "architecture/evidence.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "regulation/evidence.hpp"
#include "storage/unit_of_work.hpp"

using namespace simpul;
using namespace simpul::api_test;
using evaluation::EvidenceProposal;

namespace {

class EvaluationEvidenceTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

// Named apart from the harness's helpers so this file builds with or without them.
std::string agency_with_code(Client& c, const std::string& code) {
  auto r = c.get("/api/agencies?per_page=200");  // kept alive: the loop reads into it
  for (const auto& a : r.json.at("items").as_array())
    if (a.at("code").as_string() == code) return text_of(a, "id");
  ADD_FAILURE() << "no agency " << code;
  return "";
}

std::string application_id(Client& c, const std::string& code) {
  auto r = c.get("/api/applications?per_page=200");
  for (const auto& a : r.json.at("items").as_array())
    if (a.at("code").as_string() == code) return text_of(a, "id");
  ADD_FAILURE() << "no application " << code;
  return "";
}

/// The proposal of `kind` about record `ref_id`, or null.
const EvidenceProposal* find(const std::vector<EvidenceProposal>& list, const std::string& kind,
                             const std::string& ref_id) {
  for (const auto& p : list)
    if (p.kind == kind && p.ref_id == ref_id) return &p;
  return nullptr;
}

bool mentions(const std::vector<EvidenceProposal>& list, const std::string& ref_id) {
  return std::any_of(list.begin(), list.end(), [&](const EvidenceProposal& p) { return p.ref_id == ref_id; });
}

/// One tenant with an approved Arsitektur SPBE, three live applications (two of DINKES, one of
/// DISHUB; one audited today), one service without an application, and a compliance evaluation.
struct World {
  Instance& in;
  Client admin;
  std::string today = clock::now_iso().substr(0, 10);
  int year = std::stoi(today.substr(0, 4));
  std::string dinkes, dishub, document, audited, unaudited, other_agencys, service;
  Scope scope;

  explicit World(Instance& instance) : in(instance), admin(admin_client(instance, "balikpapan")) {
    scope = Scope{in.platform().tenancy().tenants().front().id};
    dinkes = agency_with_code(admin, "DINKES");
    dishub = agency_with_code(admin, "DISHUB");

    auto doc = admin.post("/api/architecture/documents",
                          R"({"kind":"arsitektur","period_start":)" + std::to_string(year) + "}");
    EXPECT_EQ(doc.status, 201) << doc.body;
    document = text_of(doc.json, "id");
    auto approver = user(in, admin, "balikpapan", "sekda.bukti", "approver", "");
    auto approved = approver.post(
        "/api/architecture/documents/" + document + "/approve",
        R"({"instrument_number":"188.45/7/)" + std::to_string(year) + R"(","instrument_date":")" + today + "\"}");
    EXPECT_EQ(approved.status, 200) << approved.body;

    // Live at once through the inventory import (no gates), as existing applications enter the register.
    std::string csv =
        "kode;nama;kode_pd;kategori;tahap;audit_terakhir\n"
        "APL-A;Sistem Rujukan;DINKES;aplikasi_khusus;pemeliharaan;" +
        today +
        "\n"
        "APL-B;Sistem Gizi;DINKES;aplikasi_khusus;pemeliharaan;\n"
        "APL-C;Sistem Parkir;DISHUB;aplikasi_khusus;pemeliharaan;\n";
    auto imported = admin.send("POST", "/api/applications/import?dry_run=false", csv,
                               {{"content-type", "application/octet-stream"}});
    EXPECT_EQ(imported.status, 200) << imported.body;
    audited = application_id(admin, "APL-A");
    unaudited = application_id(admin, "APL-B");
    other_agencys = application_id(admin, "APL-C");

    auto svc = admin.post(
        "/api/architecture/elements",
        R"({"domain":"layanan","code":"LYN-GIZI","name":"Layanan gizi","owner_agency_id":")" + dinkes + "\"}");
    EXPECT_EQ(svc.status, 201) << svc.body;
    service = text_of(svc.json, "id");
    EXPECT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
  }

  evaluation::EvidenceQuery query(const std::string& agency = "") {
    return {scope, &in.platform().tenancy().profile_of(scope), agency, year, today};
  }

  std::vector<EvidenceProposal> propose(const evaluation::EvidenceSource& source, const std::string& topic,
                                        const std::string& agency = "") {
    auto q = query(agency);
    std::vector<EvidenceProposal> out;
    storage::read(in.db(), [&](storage::Connection& c) { source.propose(c, q, topic, out); });
    for (const auto& p : out) {  // every proposal is readable and points into the console
      EXPECT_EQ(p.topic, topic);
      EXPECT_EQ(p.source, source.id());
      EXPECT_FALSE(p.label.empty()) << p.kind;
      EXPECT_EQ(p.link.substr(0, 1), "/") << p.label;
    }
    return out;
  }

  std::optional<std::string> resolve(const evaluation::EvidenceSource& source, const Scope& s, const std::string& kind,
                                     const std::string& id) {
    return storage::read(in.db(), [&](storage::Connection& c) { return source.resolve(c, s, kind, id); });
  }
};

}  // namespace

TEST_P(EvaluationEvidenceTest, SourcesServeOnlyTopicsOfTheVocabulary) {
  Instance in(GetParam());  // the sources read names through the other modules' read ports
  const auto& known = evaluation::evidence_topics();
  std::unique_ptr<evaluation::EvidenceSource> sources[] = {
      architecture::architecture_evidence_source(in.platform().tenancy()),
      applications::applications_evidence_source(in.platform().architecture().elements),
      regulation::compliance_evidence_source(in.platform().tenancy())};
  for (const auto& source : sources)
    for (const auto& topic : source->topics())
      EXPECT_NE(std::find(known.begin(), known.end(), topic), known.end()) << source->id() << ": " << topic;
}

TEST_P(EvaluationEvidenceTest, ProposalsComeFromTheTenantsRecords) {
  Instance in(GetParam());
  World w(in);
  auto arch = architecture::architecture_evidence_source(in.platform().tenancy());
  auto apps = applications::applications_evidence_source(in.platform().architecture().elements);
  auto compliance = regulation::compliance_evidence_source(in.platform().tenancy());

  // The approved document is the evidence, with its decree and period; no roadmap is a gap.
  auto architecture = w.propose(*arch, "architecture");
  const auto* doc = find(architecture, "architecture_document", w.document);
  ASSERT_NE(doc, nullptr);
  EXPECT_TRUE(doc->present);
  EXPECT_NE(doc->detail.find("188.45/7/"), std::string::npos) << doc->detail;
  EXPECT_NE(doc->detail.find("Keputusan Wali Kota"), std::string::npos) << doc->detail;
  EXPECT_EQ(doc->link, "/arsitektur/dokumen?kind=arsitektur&versi=" + w.document);
  EXPECT_TRUE(std::none_of(architecture.begin(), architecture.end(), [](const auto& p) { return !p.present; }));
  // Three years on, the mid-term review is overdue; after the five-year period the version no longer holds.
  auto later = [&](int years, const std::string& today) {
    auto q = w.query();
    q.year = w.year + years;
    q.today = today;
    std::vector<EvidenceProposal> out;
    storage::read(in.db(), [&](storage::Connection& c) { arch->propose(c, q, "architecture", out); });
    return out;
  };
  auto overdue = later(3, std::to_string(w.year + 3) + "-06-01");
  EXPECT_TRUE(std::any_of(overdue.begin(), overdue.end(), [&](const auto& p) {
    return !p.present && p.ref_id == w.document && p.label == "Reviu paruh waktu Arsitektur SPBE terlambat";
  }));
  auto expired = later(5, std::to_string(w.year + 5) + "-06-01");
  EXPECT_TRUE(std::any_of(expired.begin(), expired.end(), [&](const auto& p) {
    return !p.present && p.ref_id == w.document && p.label.find("tidak berlaku pada tahun") != std::string::npos;
  }));

  auto roadmap = w.propose(*arch, "roadmap");
  const auto* no_roadmap = find(roadmap, "roadmap", "");
  ASSERT_NE(no_roadmap, nullptr);
  EXPECT_FALSE(no_roadmap->present);

  // The service without an application is a gap pointing at the element.
  auto services = w.propose(*arch, "services");
  const auto* gizi = find(services, "element", w.service);
  ASSERT_NE(gizi, nullptr);
  EXPECT_FALSE(gizi->present);
  EXPECT_EQ(gizi->link, "/arsitektur/elemen/" + w.service);

  // Balikpapan's Tim Koordinasi has no members yet: its mandatory positions are gaps.
  auto teams = w.propose(*arch, "teams");
  EXPECT_TRUE(std::any_of(teams.begin(), teams.end(),
                          [](const auto& p) { return !p.present && p.kind == "team" && !p.ref_id.empty(); }));

  // Every live application is in the register, labelled "<code> <name>".
  auto registry = w.propose(*apps, "applications");
  const auto* a = find(registry, "application", w.audited);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->label, "APL-A Sistem Rujukan");
  EXPECT_EQ(a->link, "/aplikasi/" + w.audited);

  // Audited today is evidence; never audited is a gap.
  auto audits = w.propose(*apps, "audit");
  ASSERT_NE(find(audits, "application", w.audited), nullptr);
  EXPECT_TRUE(find(audits, "application", w.audited)->present);
  ASSERT_NE(find(audits, "application", w.unaudited), nullptr);
  EXPECT_FALSE(find(audits, "application", w.unaudited)->present);

  // A live application without its handover package is a gap until the package is in the Repositori.
  auto before = w.propose(*apps, "handover");
  ASSERT_NE(find(before, "application", w.audited), nullptr);
  EXPECT_FALSE(find(before, "application", w.audited)->present);
  EXPECT_NE(find(before, "application", w.audited)->detail.find("kode sumber"), std::string::npos);
  for (const char* kind : {"dokumen_kebutuhan", "dokumen_perancangan", "manual_pengguna", "kode_sumber"}) {
    auto up = w.admin.send("POST",
                           "/api/applications/" + w.audited + "/artifacts?kind=" + std::string(kind) +
                               "&release=1.0&filename=" + kind + ".pdf",
                           std::string("%PDF-1.4 ") + kind, {{"content-type", "application/octet-stream"}});
    ASSERT_EQ(up.status, 201) << up.body;
  }
  auto after = w.propose(*apps, "handover");
  ASSERT_NE(find(after, "application", w.audited), nullptr);
  EXPECT_TRUE(find(after, "application", w.audited)->present);
  ASSERT_NE(find(after, "application", w.unaudited), nullptr);
  EXPECT_FALSE(find(after, "application", w.unaudited)->present);

  // The last evaluation run is evidence; the open findings (e.g. missing handover) are gaps.
  auto checks = w.propose(*compliance, "compliance");
  const auto* run = find(checks, "compliance_run", "");
  ASSERT_NE(run, nullptr);
  EXPECT_TRUE(run->present);
  auto finding = std::find_if(checks.begin(), checks.end(), [](const auto& p) { return p.kind == "finding"; });
  ASSERT_NE(finding, checks.end());
  EXPECT_FALSE(finding->present);
  EXPECT_EQ(finding->link, "/kepatuhan/temuan/" + finding->ref_id);
  EXPECT_TRUE(w.resolve(*compliance, w.scope, "finding", finding->ref_id).has_value());

  // The registry in registration order, as the Platform will use it.
  evaluation::EvidenceSources all;
  all.add(architecture::architecture_evidence_source(in.platform().tenancy()));
  all.add(applications::applications_evidence_source(in.platform().architecture().elements));
  all.add(regulation::compliance_evidence_source(in.platform().tenancy()));
  auto q = w.query();
  auto mixed = storage::read(in.db(), [&](storage::Connection& c) {
    return all.propose(c, q, {"handover", "architecture"});
  });
  ASSERT_FALSE(mixed.empty());
  EXPECT_EQ(mixed.front().source, "architecture");
  EXPECT_EQ(mixed.back().source, "applications");
}

TEST_P(EvaluationEvidenceTest, TheAgencyFilterKeepsOtherAgenciesOut) {
  Instance in(GetParam());
  World w(in);
  auto apps = applications::applications_evidence_source(in.platform().architecture().elements);
  auto arch = architecture::architecture_evidence_source(in.platform().tenancy());
  auto compliance = regulation::compliance_evidence_source(in.platform().tenancy());
  for (const char* topic : {"applications", "handover", "audit"}) {
    SCOPED_TRACE(topic);
    auto dinkes = w.propose(*apps, topic, w.dinkes);
    EXPECT_TRUE(mentions(dinkes, w.audited));
    EXPECT_TRUE(mentions(dinkes, w.unaudited));
    EXPECT_FALSE(mentions(dinkes, w.other_agencys));
    auto dishub = w.propose(*apps, topic, w.dishub);
    EXPECT_TRUE(mentions(dishub, w.other_agencys));
    EXPECT_FALSE(mentions(dishub, w.audited));
  }
  EXPECT_TRUE(mentions(w.propose(*arch, "services", w.dinkes), w.service));
  EXPECT_FALSE(mentions(w.propose(*arch, "services", w.dishub), w.service));
  // Findings follow the agency responsible: DISHUB's list holds none about DINKES's applications.
  auto dishub_findings = w.propose(*compliance, "compliance", w.dishub);
  auto all_findings = w.propose(*compliance, "compliance");
  auto count = [](const std::vector<EvidenceProposal>& l) {
    return std::count_if(l.begin(), l.end(), [](const auto& p) { return p.kind == "finding"; });
  };
  EXPECT_LT(count(dishub_findings), count(all_findings));
  for (const auto& p : dishub_findings)
    if (p.kind == "finding") {
      EXPECT_EQ(p.detail.find("Dinas Kesehatan"), std::string::npos) << p.detail;
    }
}

TEST_P(EvaluationEvidenceTest, ResolveKnowsOnlyTheTenantsOwnRecords) {
  Instance in(GetParam());
  World w(in);
  auto arch = architecture::architecture_evidence_source(in.platform().tenancy());
  auto apps = applications::applications_evidence_source(in.platform().architecture().elements);
  auto compliance = regulation::compliance_evidence_source(in.platform().tenancy());
  auto up = w.admin.send(
      "POST", "/api/applications/" + w.audited + "/artifacts?kind=manual_pengguna&release=2.1&filename=manual.pdf",
      "%PDF-1.4 manual", {{"content-type", "application/octet-stream"}});
  ASSERT_EQ(up.status, 201) << up.body;
  auto artifact = text_of(up.json, "id");

  EXPECT_EQ(w.resolve(*arch, w.scope, "architecture_document", w.document).value_or(""),
            "Arsitektur SPBE Kota Balikpapan (versi 1)");
  EXPECT_FALSE(w.resolve(*arch, w.scope, "roadmap", w.document));  // an architecture document is not a roadmap
  EXPECT_EQ(w.resolve(*arch, w.scope, "element", w.service).value_or(""), "LYN-GIZI Layanan gizi");
  EXPECT_EQ(w.resolve(*apps, w.scope, "application", w.audited).value_or(""), "APL-A Sistem Rujukan");
  EXPECT_FALSE(w.resolve(*apps, w.scope, "application", w.service));  // a service is not an application
  auto label = w.resolve(*apps, w.scope, "artifact", artifact);
  ASSERT_TRUE(label);
  EXPECT_NE(label->find("manual.pdf"), std::string::npos) << *label;
  EXPECT_FALSE(w.resolve(*apps, w.scope, "element", w.audited));  // each source answers for its own kinds

  // Another tenant of the same instance sees none of these ids.
  in.add_demo_tenant("bontang");
  Scope other;
  for (const auto& t : in.platform().tenancy().tenants())
    if (t.id != w.scope.tenant_id) other.tenant_id = t.id;
  ASSERT_FALSE(other.tenant_id.empty());
  EXPECT_FALSE(w.resolve(*arch, other, "architecture_document", w.document));
  EXPECT_FALSE(w.resolve(*arch, other, "element", w.service));
  EXPECT_FALSE(w.resolve(*apps, other, "application", w.audited));
  EXPECT_FALSE(w.resolve(*apps, other, "artifact", artifact));
  std::string finding;
  for (const auto& p : w.propose(*compliance, "compliance"))
    if (p.kind == "finding") finding = p.ref_id;
  ASSERT_FALSE(finding.empty());
  EXPECT_FALSE(w.resolve(*compliance, other, "finding", finding));

  // Garbage ids never match, and never reach SQL as SQL.
  for (const std::string& bad :
       {std::string(""), std::string("' OR 1=1 --"), std::string("x'); DROP TABLE arch_documents;--"),
        w.document + "' OR '1'='1", std::string("%"), std::string("aaaaaaaaaaaaaaaaaaaa"),
        std::string(w.document.size(), '_')}) {
    SCOPED_TRACE(bad);
    for (const char* kind : {"architecture_document", "roadmap", "element", "initiative", "team"})
      EXPECT_FALSE(w.resolve(*arch, w.scope, kind, bad));
    for (const char* kind : {"application", "artifact"}) EXPECT_FALSE(w.resolve(*apps, w.scope, kind, bad));
    EXPECT_FALSE(w.resolve(*compliance, w.scope, "finding", bad));
  }
  EXPECT_TRUE(w.resolve(*arch, w.scope, "architecture_document", w.document));  // the table is still there
}

INSTANTIATE_TEST_SUITE_P(Databases, EvaluationEvidenceTest, ::testing::ValuesIn(test_support::backends()));
