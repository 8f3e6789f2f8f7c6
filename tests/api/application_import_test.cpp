// Import of the application inventory from CSV and XLSX: the dry run reports every problem by row and
// column and writes nothing; the real run writes all rows (stages set directly) or none, with one ledger
// entry. On both databases.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "api_harness.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "interchange/xlsx.hpp"
#include "testing/proves.hpp"

using namespace simpul;
using namespace simpul::api_test;

class ApplicationImportTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

namespace {

const std::string kHeader =
    "kode;nama;deskripsi;kode_pd;kategori;tahap;url;subdomain;email;hosting;"
    "pembangun;vendor;model_sumber;audit_terakhir;"
    "sejenis_aplikasi_umum\r\n";

Reply upload(Client& c, const std::string& query, const std::string& body) {
  // The content decides the format, whatever the browser labels it.
  return c.send("POST", "/api/applications/import" + query, body, {{"content-type", "application/octet-stream"}});
}

std::int64_t application_count(Client& c) { return c.get("/api/applications").json.at("total").as_int64(); }

/// The application with this code, as GET /api/applications/{id} returns it.
boost::json::object application(Client& c, const std::string& code) {
  auto list = c.get("/api/applications?per_page=200");
  EXPECT_EQ(list.status, 200) << list.body;
  for (const auto& a : list.json.at("items").as_array())
    if (a.at("code").as_string() == code) {
      auto r = c.get("/api/applications/" + std::string(a.at("id").as_string()));
      EXPECT_EQ(r.status, 200) << r.body;
      return r.json.as_object();
    }
  ADD_FAILURE() << "no application " << code;
  return {};
}

std::string str(const boost::json::object& o, const char* key) {
  const auto& v = o.at(key);
  return v.is_string() ? std::string(v.as_string()) : v.is_null() ? "null" : json_text(v);
}

std::vector<std::pair<std::int64_t, std::string>> problems_of(const boost::json::value& result) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  for (const auto& p : result.at("problems").as_array()) {
    EXPECT_FALSE(p.at("message").as_string().empty());
    out.emplace_back(p.at("row").as_int64(), std::string(p.at("column").as_string()));
  }
  return out;
}

}  // namespace

TEST_P(ApplicationImportTest, ADryRunCountsAndWritesNothingThenTheImportCreatesWithStages) {
  Instance in(GetParam());
  auto c = admin_client(in, "bontang");
  auto ag = agency_code(c, 0), other = agency_code(c, 1);
  std::string csv = "\xEF\xBB\xBF" + kHeader + "SIMPEG;Sistem Informasi Kepegawaian;Data ASN;" + ag +
                    ";aplikasi_umum;pemeliharaan;https://"
                    "simpeg.bontangkota.go.id;SIMPEG.bontangkota.go.id;simpeg@bontangkota.go."
                    "id;"
                    "pusat_data_kolokasi;vendor;PT Contoh;tertutup;2024-06-30;ya\r\n"
                    "e-surat;E-Surat;;" +
                    other +
                    ";Aplikasi_Khusus;;;;;;;;;;\r\n"
                    "SILAMA;Sistem Lama;Diganti SIMPEG;" +
                    ag + ";aplikasi_khusus;pensiun;;;;server_pd_di_pusat_data;dinas;;terbuka;;tidak\r\n";
  auto before = ledger_size(in);
  auto dry = upload(c, "", csv);  // dry_run defaults to true
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_TRUE(dry.json.at("dry_run").as_bool());
  EXPECT_TRUE(dry.json.at("ok").as_bool()) << dry.body;
  EXPECT_EQ(dry.json.at("rows").as_int64(), 3);
  EXPECT_EQ(dry.json.at("created").as_int64(), 3);
  EXPECT_EQ(dry.json.at("updated").as_int64(), 0);
  EXPECT_EQ(ledger_size(in), before);
  EXPECT_EQ(application_count(c), 0);

  auto real = upload(c, "?dry_run=false", csv);
  ASSERT_EQ(real.status, 200) << real.body;
  EXPECT_FALSE(real.json.at("dry_run").as_bool());
  EXPECT_EQ(real.json.at("created").as_int64(), 3);
  EXPECT_EQ(ledger_size(in), before + 1);  // one entry for the whole file
  auto top = c.get("/api/ledger?per_page=1").json.at("items").at(0);
  EXPECT_EQ(top.at("action").as_string(), "application.import");
  EXPECT_NE(json_text(top).find(crypto::sha256_hex(csv)), std::string::npos) << json_text(top);
  EXPECT_EQ(application_count(c), 3);

  // Live without the gates: the stage is set directly and live_since is the import date.
  auto simpeg = application(c, "SIMPEG");
  EXPECT_EQ(str(simpeg, "stage"), "pemeliharaan");
  EXPECT_EQ(str(simpeg, "live_since"), clock::now_iso().substr(0, 10));
  EXPECT_EQ(str(simpeg, "category"), "aplikasi_umum");
  EXPECT_EQ(str(simpeg, "url"), "https://simpeg.bontangkota.go.id");
  EXPECT_EQ(str(simpeg, "subdomain"), "simpeg.bontangkota.go.id");
  EXPECT_EQ(str(simpeg, "contact_email"), "simpeg@bontangkota.go.id");
  EXPECT_EQ(str(simpeg, "hosting"), "pusat_data_kolokasi");
  EXPECT_EQ(str(simpeg, "builder"), "vendor");
  EXPECT_EQ(str(simpeg, "vendor_name"), "PT Contoh");
  EXPECT_EQ(str(simpeg, "source_model"), "tertutup");
  EXPECT_EQ(str(simpeg, "last_audit_date"), "2024-06-30");
  EXPECT_EQ(str(simpeg, "similar_to_umum"), "true");
  EXPECT_EQ(str(simpeg, "description"), "Data ASN");
  auto esurat = application(c, "E-SURAT");  // codes are upper-cased like everywhere else
  EXPECT_EQ(str(esurat, "stage"),
            "kajian_kebutuhan");  // no tahap: the first stage
  EXPECT_EQ(str(esurat, "category"), "aplikasi_khusus");
  EXPECT_EQ(str(esurat, "live_since"), "null");
  auto silama = application(c, "SILAMA");
  EXPECT_EQ(str(silama, "stage"), "pensiun");
  EXPECT_EQ(str(silama, "state"), "retired");

  // Importing again updates by code: columns the file has replace values, absent columns keep them.
  std::string again = "kode,nama,kode_pd,kategori,tahap\nsimpeg,SIMPEG Baru," + ag + ",aplikasi_umum,evaluasi\n";
  auto update = upload(c, "?dry_run=false", again);
  ASSERT_EQ(update.status, 200) << update.body;
  EXPECT_EQ(update.json.at("created").as_int64(), 0);
  EXPECT_EQ(update.json.at("updated").as_int64(), 1);
  simpeg = application(c, "SIMPEG");
  EXPECT_EQ(str(simpeg, "name"), "SIMPEG Baru");
  EXPECT_EQ(str(simpeg, "stage"), "evaluasi");
  EXPECT_EQ(str(simpeg, "contact_email"), "simpeg@bontangkota.go.id");
  EXPECT_EQ(str(simpeg, "description"), "Data ASN");
  EXPECT_EQ(application_count(c), 3);
}

TEST_P(ApplicationImportTest, XlsxWorkbooksImportFromTheAplikasiSheet) {
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  auto ag = agency_code(c, 0);
  interchange::Sheet notes{"Petunjuk", {{"Isi sheet Aplikasi"}}};
  interchange::Sheet apps{
      "Aplikasi",
      {{"No", "Kode", "Nama", "Kode PD", "Kategori", "Tahap", "Audit Terakhir", "Sejenis Aplikasi Umum"},
       {"1", "SIPD", "Sistem Informasi Pemerintahan Daerah", ag, "aplikasi_umum", "evaluasi", "45473", "TRUE"},
       {},
       {"2", "1.10", "Aplikasi Kode Angka", ag, "aplikasi_khusus", "perencanaan", "", "FALSE"}}};
  auto workbook = interchange::write_xlsx({notes, apps});
  auto dry = upload(c, "?dry_run=true", workbook);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_TRUE(dry.json.at("ok").as_bool()) << dry.body;
  EXPECT_EQ(dry.json.at("rows").as_int64(), 2);
  auto real = upload(c, "?dry_run=false", workbook);
  ASSERT_EQ(real.status, 200) << real.body;
  EXPECT_EQ(real.json.at("created").as_int64(), 2);
  auto sipd = application(c, "SIPD");
  EXPECT_EQ(str(sipd, "stage"), "evaluasi");
  EXPECT_EQ(str(sipd, "last_audit_date"),
            "2024-06-30");  // an Excel date cell arrives as a day number
  EXPECT_EQ(str(sipd, "similar_to_umum"), "true");
  EXPECT_EQ(str(application(c, "1.10"), "stage"), "perencanaan");

  // A problem in a workbook names the sheet and the spreadsheet row.
  apps.rows[3][4] = "aplikasi_rahasia";
  auto bad = upload(c, "?dry_run=true", interchange::write_xlsx({notes, apps}));
  ASSERT_EQ(bad.status, 200) << bad.body;
  ASSERT_EQ(bad.json.at("problems").as_array().size(), 1u) << bad.body;
  EXPECT_EQ(bad.json.at("problems").at(0).at("sheet").as_string(), "Aplikasi");
  EXPECT_EQ(bad.json.at("problems").at(0).at("row").as_int64(), 4);
  EXPECT_EQ(bad.json.at("problems").at(0).at("column").as_string(), "kategori");
}

TEST_P(ApplicationImportTest, EveryProblemIsReportedByRowAndColumnAndNothingIsWritten) {
  Instance in(GetParam());
  auto c = admin_client(in, "bontang");
  auto ag = agency_code(c, 0);
  auto agency_id =
      std::string(c.get("/api/agencies?per_page=50&sort=code").json.at("items").at(0).at("id").as_string());
  auto layanan =
      c.post("/api/architecture/elements",
             R"({"domain":"layanan","code":"L-1","name":"Layanan Perizinan","owner_agency_id":")" + agency_id + "\"}");
  ASSERT_EQ(layanan.status, 201) << layanan.body;
  auto row = [&](const std::string& kode, const std::string& pd, const std::string& kategori, const std::string& tahap,
                 const std::string& email, const std::string& hosting, const std::string& audit) {
    return kode + ";Aplikasi " + kode + ";;" + pd + ";" + kategori + ";" + tahap + ";;;" + email + ";" + hosting +
           ";;;;" + audit + ";\r\n";
  };
  std::string csv = kHeader +                                                      //
                    row("A-1", ag, "aplikasi_umum", "implementasi", "", "", "") +  // 2: good
                    row("A-2", "TIDAK-ADA", "aplikasi_umum", "", "", "",
                        "") +                                                    // 3: unknown agency
                    row("A-3", ag, "aplikasi_rahasia", "", "", "", "") +         // 4: bad category
                    row("A-4", ag, "aplikasi_umum", "produksi", "", "", "") +    // 5: bad stage
                    row("a-1", ag, "aplikasi_umum", "", "", "", "") +            // 6: duplicate of row 2
                    row("L-1", ag, "aplikasi_umum", "", "", "", "") +            // 7: a layanan's code
                    row("A-7", ag, "aplikasi_umum", "", "", "", "30/06/2024") +  // 8: bad date
                    row("A-8", ag, "aplikasi_umum", "", "bukan-surel", "",
                        "") +  // 9: bad e-mail
                    row("A-9", ag, "aplikasi_umum", "", "x@@kota", "awan",
                        "2024-13-01") +                                // 10: three at once
                    row("", ag, "", "", "", "", "") +                  // 11: no kode, no kategori
                    row("A/11", ag, "aplikasi_umum", "", "", "", "");  // 12: bad code
  auto before = ledger_size(in);
  auto dry = upload(c, "?dry_run=true", csv);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_FALSE(dry.json.at("ok").as_bool());
  EXPECT_EQ(dry.json.at("rows").as_int64(), 11);
  using P = std::pair<std::int64_t, std::string>;
  std::vector<P> expected = {{3, "kode_pd"},  {4, "kategori"},        {5, "tahap"}, {6, "kode"},
                             {7, "kode"},     {8, "audit_terakhir"},  {9, "email"}, {10, "email"},
                             {10, "hosting"}, {10, "audit_terakhir"}, {11, "kode"}, {11, "kategori"},
                             {12, "kode"}};
  auto got = problems_of(dry.json);
  std::sort(got.begin(), got.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(got, expected) << dry.body;
  for (const auto& p : dry.json.at("problems").as_array()) EXPECT_EQ(p.at("sheet").as_string(), "CSV");
  // The messages say what to do in the user's language, with the allowed values where there are some.
  std::map<std::int64_t, std::string> messages;
  for (const auto& p : dry.json.at("problems").as_array())
    messages[p.at("row").as_int64()] += p.at("message").as_string();
  EXPECT_NE(messages[4].find("aplikasi_khusus"), std::string::npos) << messages[4];
  EXPECT_NE(messages[6].find("baris 2"), std::string::npos) << messages[6];
  EXPECT_NE(messages[7].find("layanan"), std::string::npos) << messages[7];

  auto real = upload(c, "?dry_run=false", csv);
  EXPECT_EQ(real.status, 422);
  EXPECT_EQ(real.error_code(), "import.has_problems");
  EXPECT_EQ(real.json.at("error").at("details").at("problems").as_array().size(), expected.size());
  EXPECT_EQ(application_count(c), 0);  // not even the good row
  EXPECT_EQ(ledger_size(in), before);

  // A file without the required columns is refused at its header.
  auto header = upload(c, "?dry_run=true", "kode,nama\nA-1,x\n");
  ASSERT_EQ(header.status, 200) << header.body;
  auto missing = problems_of(header.json);
  EXPECT_EQ(missing, (std::vector<P>{{1, "kode_pd"}, {1, "kategori"}}));
  // Only a header: there is nothing to import, which is a problem too.
  EXPECT_EQ(problems_of(upload(c, "?dry_run=true", kHeader).json), (std::vector<P>{{2, ""}}));
}

TEST_P(ApplicationImportTest, OnlyTenantWideWritersImport) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto own = std::string(admin.get("/api/agencies?per_page=50&sort=code").json.at("items").at(0).at("id").as_string());
  auto r = admin.post(
      "/api/users",
      R"({"must_change_password":false,"username":"op.aplikasi","display_name":"Operator","password":"kata-sandi-panjang","roles":["agency_operator"],"agency_id":")" +
          own + "\"}");
  ASSERT_EQ(r.status, 201) << r.body;
  Client op(in);
  ASSERT_EQ(op.login("balikpapan", "op.aplikasi", "kata-sandi-panjang").status, 200);
  std::string csv = "kode,nama,kode_pd,kategori\nA-1,Aplikasi," + agency_code(admin, 0) + ",aplikasi_umum\n";
  for (const char* query : {"?dry_run=true", "?dry_run=false"}) {
    auto refused = upload(op, query, csv);
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_EQ(refused.error_code(), "auth.forbidden");
  }
  EXPECT_EQ(application_count(admin), 0);
  EXPECT_EQ(op.get("/api/applications/import/template.csv").status,
            200);  // reading the template is harmless
}

TEST_P(ApplicationImportTest, HostileFilesAreRefusedOrStoredAsPlainText) {
  Instance in(GetParam());
  auto c = admin_client(in, "bontang");
  auto ag = agency_code(c, 0);
  auto before = ledger_size(in);
  const char garbage[] = "\x00\x01\x02\xff\xfe binary \x00\x7f";
  EXPECT_EQ(upload(c, "?dry_run=false", std::string(garbage, sizeof garbage - 1)).error_code(), "import.invalid_file");
  EXPECT_EQ(upload(c, "?dry_run=false", "").error_code(), "import.invalid_file");
  EXPECT_EQ(upload(c, "?dry_run=false", "\xEF\xBB\xBF").error_code(), "import.invalid_file");
  EXPECT_EQ(upload(c, "?dry_run=false", "PK\x03\x04 not really a workbook").error_code(), "import.invalid_file");
  EXPECT_EQ(upload(c, "?dry_run=false", "kode,nama\n\"unclosed,quote\n").error_code(), "import.invalid_file");
  EXPECT_EQ(upload(c, "?dry_run=false", "kode,nama\n\xC0\xC1\n").error_code(),
            "import.invalid_file");  // not UTF-8
  EXPECT_EQ(upload(c, "?dry_run=perhaps", "kode\n").error_code(), "request.invalid_query");
  // A file ten times a city's register is refused while it is read, not after it fills memory.
  std::string huge = "kode,nama,kode_pd,kategori\n";
  for (int i = 0; i < 25'000; ++i)
    huge += "A-" + std::to_string(i) + ",Aplikasi " + std::to_string(i) + "," + ag + ",aplikasi_umum\n";
  auto too_big = upload(c, "?dry_run=true", huge);
  EXPECT_EQ(too_big.status, 413);
  EXPECT_EQ(too_big.error_code(), "import.file_too_large");
  EXPECT_NE(too_big.body.find("20000 rows"), std::string::npos) << too_big.body;
  EXPECT_EQ(ledger_size(in), before);

  // Spreadsheet formulas are text here: stored exactly as written, never evaluated.
  std::string formula = "=cmd|' /C calc'!A0";
  std::string csv =
      "kode,nama,deskripsi,kode_pd,kategori,vendor\n"
      "A-1,\"" +
      formula + "\",\"@SUM(1+1)\"," + ag +
      ",aplikasi_umum,\"+HYPERLINK(\"\"http://x\"\")\"\n"
      "A-2," +
      std::string(201, 'x') + ",," + ag + ",aplikasi_umum,\n";
  auto dry = upload(c, "?dry_run=true", csv);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(problems_of(dry.json), (std::vector<std::pair<std::int64_t, std::string>>{{3, "nama"}}));  // too long
  csv.erase(csv.find("A-2,"));
  auto real = upload(c, "?dry_run=false", csv);
  ASSERT_EQ(real.status, 200) << real.body;
  auto app = application(c, "A-1");
  EXPECT_EQ(str(app, "name"), formula);
  EXPECT_EQ(str(app, "description"), "@SUM(1+1)");
  EXPECT_EQ(str(app, "vendor_name"), "+HYPERLINK(\"http://x\")");
}

TEST_P(ApplicationImportTest, TheTemplateIsADownloadThatPassesTheDryRun) {
  Instance in(GetParam());
  auto c = admin_client(in, "madiun");
  auto t = c.get("/api/applications/import/template.csv");
  ASSERT_EQ(t.status, 200) << t.body;
  EXPECT_NE(t.header("Content-Disposition").find("attachment"), std::string::npos);
  auto body = t.body.substr(t.body.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0);
  EXPECT_EQ(body.substr(0, body.find("\r\n")),
            "kode,nama,deskripsi,kode_pd,kategori,tahap,url,subdomain,email,"
            "hosting,pembangun,vendor,model_sumber,audit_terakhir,"
            "sejenis_aplikasi_umum");
  auto dry = upload(c, "?dry_run=true", t.body);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_TRUE(dry.json.at("ok").as_bool()) << dry.body;
  EXPECT_EQ(dry.json.at("created").as_int64(), 1);
}

// The audit an Aplikasi Khusus owes (Balikpapan Pasal 40 ayat (3): at least once every two years) is
// shown with its due date before it is overdue, and the finding of an overdue one carries the same
// date (issue 22).
TEST_P(ApplicationImportTest, TheAuditDueDateIsShownBeforeItIsOverdue) {
  SIMPUL_PROVES("balikpapan", "BPN-40-3");
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  auto ag = agency_code(c, 0);
  std::string csv = kHeader + "SIPADU;Sistem Pelayanan Terpadu;;" + ag +
                    ";aplikasi_khusus;pemeliharaan;;;;;;;;2025-06-30;tidak\r\n" + "SILAWAS;Sistem Pengawasan;;" + ag +
                    ";aplikasi_khusus;pemeliharaan;;;;;;;;2020-01-15;tidak\r\n" + "SIRENCANA;Sistem Perencanaan;;" +
                    ag + ";aplikasi_khusus;perencanaan;;;;;;;;;tidak\r\n";
  auto imported = upload(c, "?dry_run=false", csv);
  ASSERT_EQ(imported.status, 200) << imported.body;
  ASSERT_EQ(c.post("/api/compliance/evaluate", "").status, 200);

  // Audited mid-2025: due mid-2027, not overdue, and no finding yet.
  auto current = application(c, "SIPADU");
  ASSERT_TRUE(current.at("audit_due").is_object()) << json_text(current);
  const auto& due = current.at("audit_due").as_object();
  EXPECT_EQ(due.at("date").as_string(), "2027-06-30");
  EXPECT_FALSE(due.at("overdue").as_bool());
  EXPECT_EQ(due.at("basis").as_string(), "last_audit_date");
  EXPECT_EQ(due.at("rule").at("id").as_string(), "BPN-40-3");
  EXPECT_EQ(due.at("rule").at("citation").as_string(), "Pasal 40 ayat (3)");
  auto rules_of = [&](const boost::json::object& app) {
    std::set<std::string> out;
    for (const auto& f : app.at("findings").as_array()) out.insert(std::string(f.at("rule").at("id").as_string()));
    return out;
  };
  EXPECT_EQ(rules_of(current).count("BPN-40-3"), 0u);

  // Audited in 2020: the same date rule shows it overdue, and the finding is due that very day.
  auto late = application(c, "SILAWAS");
  EXPECT_EQ(late.at("audit_due").at("date").as_string(), "2022-01-15");
  EXPECT_TRUE(late.at("audit_due").at("overdue").as_bool());
  bool found = false;
  for (const auto& f : late.at("findings").as_array())
    if (f.at("rule").at("id").as_string() == "BPN-40-3") {
      found = true;
      EXPECT_EQ(f.at("rule").at("citation").as_string(), "Pasal 40 ayat (3)");
      EXPECT_EQ(f.at("due").as_string(), "2022-01-15");
    }
  EXPECT_TRUE(found) << json_text(late.at("findings"));

  // Not live yet: the duty does not apply, nothing is shown.
  EXPECT_TRUE(application(c, "SIRENCANA").at("audit_due").is_null());
}

INSTANTIATE_TEST_SUITE_P(Databases, ApplicationImportTest, ::testing::ValuesIn(test_support::backends()));
