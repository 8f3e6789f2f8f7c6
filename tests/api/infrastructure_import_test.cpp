// Import of servers from CSV and XLSX (docs/infrastructure.md, "Import"), on both databases: the dry run
// lists every problem by row and column with what to write instead and writes nothing; the real run
// creates all rows as architecture elements with their hosting record, or none. Also the module's own
// not-found codes for evaluations and WAN links.
#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "api_harness.hpp"
#include "core/crypto.hpp"
#include "interchange/xlsx.hpp"
#include "testing/proves.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class InfrastructureImportTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

const std::string kServerHeader = "kode;nama;deskripsi;kode_pd;jenis;penempatan;lingkungan;dikelola_oleh;kode_lokasi;kode_rak;nama_host;sistem_operasi\r\n";

Reply import_servers(Client& c, const std::string& query, const std::string& body) {
  return c.send("POST", "/api/infrastructure/servers/import" + query, body, {{"content-type", "application/octet-stream"}});
}

std::int64_t server_total(Client& c) { return c.get("/api/infrastructure/servers").json.at("total").as_int64(); }

std::set<std::pair<std::int64_t, std::string>> import_problems(const boost::json::value& result) {
  std::set<std::pair<std::int64_t, std::string>> out;
  for (const auto& p : result.at("problems").as_array()) {
    EXPECT_FALSE(p.at("message").as_string().empty());
    out.emplace(p.at("row").as_int64(), std::string(p.at("column").as_string()));
  }
  return out;
}

std::string import_message(const boost::json::value& result, std::int64_t row, const std::string& column) {
  for (const auto& p : result.at("problems").as_array())
    if (p.at("row").as_int64() == row && p.at("column").as_string() == column) return std::string(p.at("message").as_string());
  return "";
}

std::string import_site(Client& c, const std::string& code, const std::string& kind, const std::string& agency) {
  auto r = c.post("/api/infrastructure/sites",
                  R"({"code":")" + code + R"(","name":"Lokasi )" + code + R"(","kind":")" + kind + R"(","agency_id":")" + agency + "\"}");
  EXPECT_EQ(r.status, 201) << r.body;
  return text_of(r.json, "id");
}

}  // namespace

TEST_P(InfrastructureImportTest, ADryRunListsEveryProblemWithWhatToWriteAndTheImportWritesAllOrNothing) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto dishub = agency_id(admin, "DISHUB");
  auto pusat = import_site(admin, "PD-UJI", "pusat_data_pemda", kominfo);
  import_site(admin, "RS-HUB", "ruang_server_pd", dishub);
  ASSERT_EQ(admin.post("/api/infrastructure/sites/" + pusat + "/racks", R"({"code":"R-01","units":42})").status, 201);

  std::string bad = "\xEF\xBB\xBF" + kServerHeader +
                    "SRV-IMP-01;Server Impor Satu;;DISHUB;fisik;kolokasi;produksi;dinas;PD-UJI;R-01;imp1.balikpapan.go.id;Debian 12\r\n"
                    "SRV-IMP-02;Server Impor Dua;;XYZ;fisik;awan;produksi;dinas;;;;\r\n"
                    "srv-imp-01;Server Ganda;;DISHUB;fisik;kolokasi;produksi;dinas;RS-HUB;;;\r\n"
                    "SRV-IMP-04;Server Rak Salah;;DISHUB;virtual;vps;uji;dinas;PD-UJI;R-99;;\r\n"
                    ";;;DISHUB;;ruang_pd;;;;;;\r\n";
  auto before = ledger_size(in);
  auto dry = import_servers(admin, "?dry_run=true", bad);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_TRUE(dry.json.at("dry_run").as_bool());
  EXPECT_FALSE(dry.json.at("ok").as_bool());
  EXPECT_EQ(dry.json.at("rows").as_int64(), 5);
  EXPECT_EQ(import_problems(dry.json), (std::set<std::pair<std::int64_t, std::string>>{{3, "kode_pd"},
                                                                                         {3, "penempatan"},
                                                                                         {4, "kode"},
                                                                                         {4, "kode_lokasi"},
                                                                                         {5, "kode_rak"},
                                                                                         {6, "kode"},
                                                                                         {6, "nama"}}))
      << dry.body;
  // Each message says what to write instead.
  EXPECT_NE(import_message(dry.json, 3, "penempatan").find("kolokasi"), std::string::npos);
  EXPECT_NE(import_message(dry.json, 4, "kode").find("baris 2"), std::string::npos);
  EXPECT_NE(import_message(dry.json, 4, "kode_lokasi").find("PD-UJI"), std::string::npos) << "names the Pusat Data to use";
  EXPECT_NE(import_message(dry.json, 5, "kode_rak").find("R-01"), std::string::npos) << "names the racks that exist";
  EXPECT_EQ(server_total(admin), 0);
  EXPECT_EQ(ledger_size(in), before);

  // The real run of a file with problems writes nothing and answers the same problems.
  auto refused = import_servers(admin, "?dry_run=false", bad);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.error_code(), "import.has_problems");
  EXPECT_EQ(server_total(admin), 0);
  EXPECT_EQ(ledger_size(in), before);

  std::string good = kServerHeader +
                     "SRV-IMP-01;Server Impor Satu;Basis data SIM;DISHUB;fisik;kolokasi;produksi;dinas;PD-UJI;R-01;imp1.balikpapan.go.id;Debian 12\r\n"
                     "SRV-IMP-02;Server Ruang Dishub;;dishub;fisik;ruang_pd;produksi;pd;rs-hub;;;\r\n";
  auto checked = import_servers(admin, "", good);  // dry_run is the default
  ASSERT_EQ(checked.status, 200) << checked.body;
  EXPECT_TRUE(checked.json.at("ok").as_bool()) << checked.body;
  EXPECT_EQ(checked.json.at("created").as_int64(), 2);
  EXPECT_EQ(server_total(admin), 0);

  auto real = import_servers(admin, "?dry_run=false", good);
  ASSERT_EQ(real.status, 200) << real.body;
  EXPECT_EQ(real.json.at("created").as_int64(), 2);
  EXPECT_EQ(ledger_size(in), before + 1);  // one entry for the whole import
  auto list = admin.get("/api/infrastructure/servers?agency=" + dishub);
  ASSERT_EQ(list.json.at("total").as_int64(), 2) << list.body;
  std::string first, room;
  for (const auto& s : list.json.at("items").as_array()) (text_of(s, "code") == "SRV-IMP-01" ? first : room) = text_of(s, "id");
  auto detail = admin.get("/api/infrastructure/servers/" + first);
  ASSERT_EQ(detail.status, 200) << detail.body;
  EXPECT_EQ(text_of(detail.json.at("site"), "code"), "PD-UJI");
  EXPECT_EQ(text_of(detail.json, "hostname"), "imp1.balikpapan.go.id");
  // Each imported server is an architecture element of the domain infrastruktur.
  auto element = admin.get("/api/architecture/elements/" + first);
  ASSERT_EQ(element.status, 200) << element.body;
  EXPECT_EQ(text_of(element.json, "domain"), "infrastruktur");
  EXPECT_EQ(text_of(element.json.at("attributes"), "infra_type"), "perangkat_keras");
  // Imported like the form: the server in the PD's own room gets Balikpapan's placement finding.
  ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
  auto findings = admin.get("/api/compliance/findings?state=open&per_page=200&object=" + room);
  std::set<std::string> rules;
  for (const auto& f : findings.json.at("items").as_array()) rules.insert(text_of(f.at("rule"), "id"));
  EXPECT_TRUE(rules.count("BPN-14-3")) << findings.body;

  // Importing the same file again: every code is taken now, nothing is written.
  auto again = import_servers(admin, "?dry_run=true", good);
  EXPECT_EQ(import_problems(again.json), (std::set<std::pair<std::int64_t, std::string>>{{2, "kode"}, {3, "kode"}})) << again.body;
}

TEST_P(InfrastructureImportTest, WorkbooksImportFromTheServerSheetAndOnlyTenantWideWritersImport) {
  Instance in(GetParam());
  auto admin = admin_client(in, "madiun");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto dishub = agency_id(admin, "DISHUB");
  import_site(admin, "PD-KOTA", "pusat_data_pemda", kominfo);
  interchange::Sheet notes{"Petunjuk", {{"Isi sheet Server"}}};
  interchange::Sheet servers{"Server",
                             {{"No", "Kode", "Nama", "Kode PD", "Penempatan", "Kode Lokasi", "Sistem Operasi"},
                              {"1", "SRV-MDN-01", "Server Perizinan", "DISHUB", "kolokasi", "PD-KOTA", "Ubuntu 24.04"},
                              {},
                              {"2", "SRV-MDN-02", "Server Luar", "DISHUB", "luar", "PD-KOTA", ""}}};
  auto bad = import_servers(admin, "?dry_run=true", interchange::write_xlsx({notes, servers}));
  ASSERT_EQ(bad.status, 200) << bad.body;
  ASSERT_EQ(bad.json.at("problems").as_array().size(), 1u) << bad.body;
  EXPECT_EQ(bad.json.at("problems").at(0).at("sheet").as_string(), "Server");
  EXPECT_EQ(bad.json.at("problems").at(0).at("row").as_int64(), 4);
  EXPECT_EQ(bad.json.at("problems").at(0).at("column").as_string(), "kode_lokasi");

  servers.rows[3][5] = "";
  auto op = user(in, admin, "madiun", "op.dishub", "agency_operator", dishub);
  auto before = ledger_size(in);
  auto denied = import_servers(op, "?dry_run=false", interchange::write_xlsx({notes, servers}));
  EXPECT_EQ(denied.status, 403);
  EXPECT_EQ(ledger_size(in), before);
  auto real = import_servers(admin, "?dry_run=false", interchange::write_xlsx({notes, servers}));
  ASSERT_EQ(real.status, 200) << real.body;
  EXPECT_EQ(real.json.at("created").as_int64(), 2);
  EXPECT_EQ(server_total(admin), 2);

  // A file that is neither CSV text nor a workbook, and a missing required column.
  EXPECT_EQ(import_servers(admin, "", std::string("PK\x03\x04garbage", 11)).error_code(), "import.invalid_file");
  auto no_column = import_servers(admin, "", "kode;nama;kode_pd\r\nSRV-X;X;DISHUB\r\n");
  ASSERT_EQ(no_column.status, 200) << no_column.body;
  EXPECT_EQ(import_problems(no_column.json), (std::set<std::pair<std::int64_t, std::string>>{{1, "penempatan"}}));
  EXPECT_EQ(import_servers(admin, "?dry_run=maybe", "").status, 400);

  // The template names a PD and the Pusat Data of the tenant, and passes the dry run.
  auto tpl = admin.get("/api/infrastructure/servers/import/template.csv");
  ASSERT_EQ(tpl.status, 200);
  EXPECT_NE(tpl.body.find("PD-KOTA"), std::string::npos) << tpl.body;
  auto tpl_dry = import_servers(admin, "", tpl.body);
  EXPECT_TRUE(tpl_dry.json.at("ok").as_bool()) << tpl_dry.body;
}

TEST_P(InfrastructureImportTest, UnknownEvaluationsAndWanLinksAnswerTheModulesOwnCodes) {
  Instance in(GetParam());
  auto admin = admin_client(in, "lampung-timur");
  auto evaluation = admin.get("/api/infrastructure/bandwidth/evaluations/" + crypto::new_id());
  EXPECT_EQ(evaluation.status, 404);
  EXPECT_EQ(evaluation.error_code(), "infrastructure.evaluation_not_found");
  auto ack = admin.post("/api/infrastructure/bandwidth/evaluations/" + crypto::new_id() + "/acknowledgement", "{}");
  EXPECT_EQ(ack.status, 404);
  EXPECT_EQ(ack.error_code(), "infrastructure.evaluation_not_found");
  auto link = admin.get("/api/infrastructure/wan-links/" + crypto::new_id());
  EXPECT_EQ(link.status, 404);
  EXPECT_EQ(link.error_code(), "infrastructure.wan_link_not_found");
}

INSTANTIATE_TEST_SUITE_P(Databases, InfrastructureImportTest, ::testing::ValuesIn(test_support::backends()));
