#include <gtest/gtest.h>

#include <fstream>

#include "tenancy/profile_loader.hpp"
#include "tenancy/profile_reader.hpp"

#include <algorithm>
#include <cstring>
#include "testing/test_database.hpp"

using namespace simpul::tenancy;

namespace {
const std::filesystem::path kProfiles = std::filesystem::path(SIMPUL_SOURCE_DIR) / "profiles";

std::string load_error(const std::string& yaml, const std::string& name = "sample") {
  simpul::test_support::TempDir dir;
  auto file = dir.path() / (name + ".yaml");
  std::ofstream(file) << yaml;
  try {
    load_profile(file);
  } catch (const ProfileError& e) {
    return e.what();
  }
  return "";
}

constexpr const char* kMinimal = R"Y(schema: simpul.profile/1
id: sample
version: 1
rule_prefix: SMP
region: {type: kota, name: Kota Contoh, time_zone: WIB, head_title: Wali Kota}
regulation: {instrument: Peraturan Wali Kota, number: "7", year: 2022, title: SPBE}
domain: {literal: "https://contoh.go.id", effective: contoh.go.id, rule: SMP-10-1}
roles:
  - {id: diskominfo, name: Dinas Kominfo, agency_flag: kominfo}
teams:
  - id: tim_koordinasi
    name: Tim Koordinasi SPBE
    positions:
      - {id: ketua, name: Ketua, min: 1, max: 1}
chapters:
  - {id: "I", title: KETENTUAN UMUM, first_article: 1, last_article: 20}
enumerations:
  agency_types: {items: [{id: dinas_daerah, name: Dinas Daerah}]}
rules:
  - {id: SMP-10-1, citation: "Pasal 10 ayat (1)", article: 10, chapter: "I", kind: obligation, checkable: "yes"}
)Y";
}  // namespace

TEST(ProfileLoader, LoadsAMinimalProfile) {
  simpul::test_support::TempDir dir;
  std::ofstream(dir.path() / "sample.yaml") << kMinimal;
  auto p = load_profile(dir.path() / "sample.yaml");
  EXPECT_EQ(p.regulation_label(), "Peraturan Wali Kota Nomor 7 Tahun 2022");
  EXPECT_TRUE(p.recognises_agency_flag("kominfo"));
  EXPECT_FALSE(p.recognises_agency_flag("mandiri_tik"));
  EXPECT_EQ(p.document.at("regulation").at("number").as_string(), "7");  // quoted stays text
  EXPECT_EQ(p.document.at("regulation").at("year").as_int64(), 2022);
}

TEST(ProfileLoader, ReportsFileLineAndFieldOfEachProblem) {
  std::string base = kMinimal;
  auto with = [&](const std::string& from, const std::string& to) {
    std::string s = base;
    s.replace(s.find(from), from.size(), to);
    return s;
  };
  auto e1 = load_error(with("kind: obligation", "kind: wish"));
  EXPECT_NE(e1.find("sample.yaml:20: rules[0].kind: unknown rule kind 'wish'"), std::string::npos) << e1;
  auto e2 = load_error(with("id: SMP-10-1,", "id: XYZ-10-1,"));
  EXPECT_NE(e2.find("rules[0].id: must start with 'SMP-'"), std::string::npos) << e2;
  auto e3 = load_error(with("rule: SMP-10-1}", "rule: SMP-99}"));
  EXPECT_NE(e3.find("domain.rule: names rule 'SMP-99'"), std::string::npos) << e3;
  auto e4 = load_error(with("chapter: \"I\"", "chapter: \"IX\""));
  EXPECT_NE(e4.find("rules[0].chapter: no chapter 'IX'"), std::string::npos) << e4;
  auto e5 = load_error(base, "other");
  EXPECT_NE(e5.find("id: must equal the file name 'other'"), std::string::npos) << e5;
  auto e6 = load_error("schema: [unclosed");
  EXPECT_NE(e6.find("sample.yaml:"), std::string::npos) << e6;
  auto e7 = load_error(with("effective: contoh.go.id", "effective: \"http://contoh.go.id/x\""));
  EXPECT_NE(e7.find("domain.effective"), std::string::npos) << e7;
}

TEST(ShippedProfiles, AllFiveLoadWithTheirRegulationsFacts) {
  auto reg = ProfileRegistry::load_directory(kProfiles);
  ASSERT_EQ(reg.all().size(), 5u);
  const auto& bpn = reg.get("balikpapan");
  EXPECT_EQ(bpn.regulation_label(), "Peraturan Wali Kota Nomor 31 Tahun 2020");
  EXPECT_EQ(bpn.domain.literal, "http://www.balikipapan.go.id");  // the regulation's typo is kept
  EXPECT_EQ(bpn.domain.effective, "balikpapan.go.id");
  EXPECT_TRUE(bpn.recognises_agency_flag("mandiri_tik"));
  ASSERT_NE(bpn.rule("BPN-09-5"), nullptr);
  EXPECT_EQ(bpn.rule("BPN-09-5")->citation, "Pasal 9 ayat (5)");
  EXPECT_EQ(bpn.rules.size(), 145u);
  const auto& btg = reg.get("bontang");
  const TeamSpec* asesor = btg.team("tim_asesor_internal");
  ASSERT_NE(asesor, nullptr);
  for (auto id : {"koordinator", "penanggung_jawab", "pelaksana_data_entri", "anggota"})
    EXPECT_NE(asesor->position(id), nullptr) << id;
  EXPECT_EQ(reg.get("madiun").enumeration("application_categories")->items.size(), 3u);
  EXPECT_FALSE(reg.get("lampung-timur").recognises_agency_flag("mandiri_tik"));
  EXPECT_EQ(reg.get("bandar-lampung").rules.size() + bpn.rules.size() + reg.get("lampung-timur").rules.size() +
                btg.rules.size() + reg.get("madiun").rules.size(),
            554u);  // 549 of the rule matrix, Bontang Pasal 27 ayat (2) as its own rule (BTG-27-2), Bandar
                    // Lampung's coordination with the ministry in Pasal 41 ayat (2), 42 ayat (3), 43 ayat (3)
                    // (BDL-41-2, BDL-42-3, BDL-43-3), and Bontang's Aplikasi Umum priority for public
                    // services, Pasal 33 ayat (3) (BTG-33-3)
}

TEST(ProfileLoader, GatewaySectionNamesRolesAndRulesOfTheProfile) {
  std::string base =
      std::string(kMinimal) +
      "gateway:\n  operator: diskominfo\n  operator_rule: SMP-10-1\n  recommender: none\n  approver: diskominfo\n"
      "  refusal_grounds:\n    - {id: penggunaan_komersial, name: Komersial, rule: SMP-10-1, automatic: true}\n";
  simpul::test_support::TempDir dir;
  std::ofstream(dir.path() / "sample.yaml") << base;
  auto p = load_profile(dir.path() / "sample.yaml");
  ASSERT_TRUE(p.gateway.has_value());
  EXPECT_EQ(p.gateway->approver, "diskominfo");
  ASSERT_NE(p.gateway->ground("penggunaan_komersial"), nullptr);
  EXPECT_TRUE(p.gateway->ground("penggunaan_komersial")->automatic);
  auto with = [&](const std::string& from, const std::string& to) {
    std::string s = base;
    s.replace(s.find(from), from.size(), to);
    return s;
  };
  EXPECT_NE(load_error(with("recommender: none", "recommender: walikota")).find("gateway.recommender"),
            std::string::npos);
  EXPECT_NE(load_error(with("approver: diskominfo", "approver: sekda")).find("gateway.approver: names 'sekda'"),
            std::string::npos);
  EXPECT_NE(load_error(with("operator_rule: SMP-10-1", "operator_rule: SMP-99")).find("gateway.operator_rule"),
            std::string::npos);
  EXPECT_NE(load_error(with("id: penggunaan_komersial", "id: di_luar_jaringan")).find("automatic"), std::string::npos);
}

TEST(ShippedProfiles, GatewayDecidersFollowEachRegulation) {
  auto reg = ProfileRegistry::load_directory(kProfiles);
  for (const auto& [id, p] : reg.all()) {
    ASSERT_TRUE(p->gateway.has_value()) << id;
    EXPECT_EQ(p->gateway->operator_role, "diskominfo") << id;
  }
  const auto& bpn = *reg.get("balikpapan").gateway;
  EXPECT_EQ(bpn.recommender, "owner_agency");
  EXPECT_EQ(bpn.approver, "sekda");
  EXPECT_EQ(bpn.approver_rule.value_or(""), "BPN-09-8");
  EXPECT_EQ(bpn.request_fields_rule.value_or(""), "BPN-09-6");
  EXPECT_EQ(reg.get("bontang").gateway->approver_rule.value_or(""), "BTG-21-1");
  EXPECT_EQ(reg.get("bandar-lampung").gateway->recommender, "none");
}

TEST(ProfileLoader, OfficialTitlesComeFromTheRegionSection) {
  simpul::test_support::TempDir dir;
  std::ofstream(dir.path() / "sample.yaml") << kMinimal;
  auto p = load_profile(dir.path() / "sample.yaml");
  // Without short_name and government_name the titles are derived from the region's name.
  EXPECT_EQ(p.region_short_name, "Contoh");
  EXPECT_EQ(p.government_name, "Pemerintah Kota Contoh");
  EXPECT_EQ(p.head_of_region(), "Wali Kota Contoh");

  std::string written = kMinimal;
  written.replace(written.find("head_title: Wali Kota}"), 22,
                  "head_title: Walikota, short_name: Contoh Raya, government_name: Pemkot Contoh}");
  std::ofstream(dir.path() / "sample.yaml") << written;
  auto q = load_profile(dir.path() / "sample.yaml");
  EXPECT_EQ(q.head_of_region(), "Walikota Contoh Raya");
  EXPECT_EQ(q.government_name, "Pemkot Contoh");
}

TEST(ShippedProfiles, HeadOfRegionIsTitledAsEachRegulationNamesTheRole) {
  auto reg = ProfileRegistry::load_directory(kProfiles);
  for (const auto& [id, p] : reg.all()) {
    const RoleSpec* head = nullptr;
    for (const auto& r : p->roles)
      if (r.id == "head_of_region") head = &r;
    ASSERT_NE(head, nullptr) << id;
    EXPECT_EQ(p->head_of_region(), head->name) << id;
    EXPECT_EQ(p->government_name, "Pemerintah " + p->region_name) << id;
  }
  EXPECT_EQ(reg.get("balikpapan").head_of_region(), "Wali Kota Balikpapan");
  EXPECT_EQ(reg.get("madiun").head_of_region(), "Walikota Madiun");
  EXPECT_EQ(reg.get("lampung-timur").head_of_region(), "Bupati Lampung Timur");
}

TEST(ProfileLoader, AModulesOwnSectionIsParsedByItsParserWithFileLineErrors) {
  // What a module on the seam registers (docs/adding-a-module.md): its key and its parser.
  struct Backup {
    int keep_days = 30;
    std::optional<std::string> rule;
  };
  ProfileSections sections;
  sections.add("backup", [](const Reader& r, const Profile& p, const YAML::Node& n) -> std::any {
    if (!n.IsDefined() || n.IsNull()) return Backup{};  // the module's default when the file is silent
    Backup b{r.integer(r.need(n, "keep_days", "backup."), "backup.keep_days"), r.opt_str(n, "rule", "backup.")};
    if (b.keep_days < 1) r.fail(n["keep_days"], "backup.keep_days", "must be at least 1");
    check_rule_ref(r, p, n["rule"], "backup.rule", b.rule);
    return b;
  });
  simpul::test_support::TempDir dir;
  auto write = [&](const std::string& extra) {
    std::ofstream(dir.path() / "sample.yaml") << kMinimal << extra;
    return dir.path() / "sample.yaml";
  };
  auto silent = load_profile(write(""), sections);
  ASSERT_NE(silent.section<Backup>("backup"), nullptr);
  EXPECT_EQ(silent.section<Backup>("backup")->keep_days, 30);
  EXPECT_EQ(silent.section<int>("backup"), nullptr);  // another type is not this section
  auto stated = load_profile(write("backup: {keep_days: 90, rule: SMP-10-1}\n"), sections);
  EXPECT_EQ(stated.section<Backup>("backup")->keep_days, 90);
  EXPECT_EQ(stated.section<Backup>("backup")->rule, "SMP-10-1");
  EXPECT_EQ(stated.document.at("backup").at("keep_days").as_int64(), 90);  // served with the profile
  try {
    load_profile(write("backup:\n  keep_days: 90\n  rule: SMP-99-9\n"), sections);
    FAIL() << "a rule id not in the profile was accepted";
  } catch (const ProfileError& e) {
    EXPECT_NE(std::string(e.what()).find(
                  "sample.yaml:" + std::to_string(std::count(kMinimal, kMinimal + std::strlen(kMinimal), '\n') + 3) +
                  ": backup.rule: names rule 'SMP-99-9'"),
              std::string::npos)
        << e.what();
  }
  // Without the module, the section is only data.
  EXPECT_EQ(load_profile(write("backup: {keep_days: 90}\n")).section<Backup>("backup"), nullptr);
}

TEST(ShippedProfiles, EachPemdaKeepsItsOwnLocalTime) {
  auto reg = ProfileRegistry::load_directory(kProfiles);
  // Kalimantan Timur is WITA; Lampung and Jawa Timur are WIB.
  EXPECT_EQ(reg.get("balikpapan").utc_offset_hours(), 8);
  EXPECT_EQ(reg.get("bontang").utc_offset_hours(), 8);
  for (const char* id : {"bandar-lampung", "lampung-timur", "madiun"})
    EXPECT_EQ(reg.get(id).utc_offset_hours(), 7) << id;
  // 5 December 2026 07:35 WITA is still 4 December in UTC: the Pemda's date is the 5th.
  EXPECT_EQ(reg.get("balikpapan").local_date("2026-12-04T23:35:00Z"), "2026-12-05");
  EXPECT_EQ(reg.get("madiun").local_date("2026-12-04T23:35:00Z"), "2026-12-05");
  EXPECT_EQ(reg.get("madiun").local_date("2026-12-04T16:59:59Z"), "2026-12-04");
  EXPECT_EQ(reg.get("balikpapan").local_date("2026-12-04T16:00:00Z"), "2026-12-05");
  EXPECT_NE(
      load_error(std::string(kMinimal).replace(std::string(kMinimal).find("time_zone: WIB"), 14, "time_zone: CET"))
          .find("region.time_zone"),
      std::string::npos);
}

namespace {
// A rule as the shipped profiles state it: English summary, party and object, each followed by its
// Indonesian text (docs/profile-format.md, "Rules"). Its `who:` is on line 26 of the file, `what:` on 28, `object:`
// on 30.
constexpr const char* kBilingualRule = R"Y(  - id: SMP-10-2
    citation: "Pasal 10 ayat (2)"
    article: 10
    chapter: "I"
    kind: obligation
    who: Wali Kota (regulation)
    who_id: Wali Kota (penetap peraturan ini)
    what: Every PD uses the domain.
    what_id: Setiap Perangkat Daerah menggunakan nama domain.
    object: domain name
    object_id: nama domain
    checkable: "yes"
)Y";

std::string without_line(std::string text, const std::string& line) {
  auto at = text.find(line);
  return at == std::string::npos ? text : text.erase(at, text.find('\n', at) - at + 1);
}
}  // namespace

TEST(ProfileLoader, EveryRuleSummaryPartyAndObjectIsAlsoInIndonesian) {
  const std::string full = std::string(kMinimal) + kBilingualRule;
  EXPECT_EQ(load_error(full), "");
  auto no_what = load_error(without_line(full, "    what_id:"));
  EXPECT_NE(
      no_what.find(
          "sample.yaml:28: rules[1].what_id: rule SMP-10-2 states 'what' in English but has no Indonesian 'what_id'"),
      std::string::npos)
      << no_what;
  auto no_who = load_error(without_line(full, "    who_id:"));
  EXPECT_NE(no_who.find("sample.yaml:26: rules[1].who_id: rule SMP-10-2"), std::string::npos) << no_who;
  auto no_object = load_error(without_line(full, "    object_id:"));
  EXPECT_NE(no_object.find("sample.yaml:30: rules[1].object_id: rule SMP-10-2"), std::string::npos) << no_object;
  const std::string said = "what_id: Setiap Perangkat Daerah menggunakan nama domain.";
  auto empty_what = load_error(std::string(full).replace(full.find(said), said.size(), "what_id: ''"));
  EXPECT_NE(empty_what.find("rules[1].what_id"), std::string::npos) << empty_what;
  // A party the regulation does not name ('n/a') needs no translation.
  auto na = std::string(full).replace(full.find("who: Wali Kota (regulation)"), 27, "who: n/a");
  EXPECT_EQ(load_error(without_line(na, "    who_id:")), "");
}

TEST(ShippedProfiles, BalikpapanAndBandarLampungStateEveryRuleInIndonesian) {
  auto reg = ProfileRegistry::load_directory(kProfiles);
  for (const char* id : {"balikpapan", "bandar-lampung"}) {
    const auto& p = reg.get(id);
    std::size_t checked = 0;
    for (const auto& rule : p.document.at("rules").as_array()) {
      const auto& r = rule.as_object();
      for (const char* field : {"what", "who", "object"}) {
        const auto* en = r.if_contains(field);
        if (!en || !en->is_string() || en->as_string() == "n/a") continue;
        const auto* in_id = r.if_contains(std::string(field) + "_id");
        ASSERT_TRUE(in_id && in_id->is_string() && !in_id->as_string().empty())
            << id << " " << r.at("id").as_string() << " " << field;
        // Served side by side: the Indonesian text is not the English one copied.
        if (std::string_view(field) == "what") {
          EXPECT_NE(in_id->as_string(), en->as_string()) << r.at("id").as_string();
          ++checked;
        }
      }
    }
    EXPECT_EQ(checked, p.rules.size()) << id;
  }
}
