// Rencana dan Anggaran SPBE: a PD's lines imported from a spreadsheet shaped like an RKA export (dry
// run listing every row's problem by row and column, all rows or none, the same line rules and
// articles as the editor, formulas, merged cells, the template, hostile files), and lines that may
// duplicate an Aplikasi Umum or another PD's application. Bontang's regulation (Pasal 7 ayat (2),
// Pasal 8 ayat (1), Pasal 10 ayat (2), Pasal 11). On both databases.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "api_harness.hpp"
#include "pdf_text.hpp"
#include "core/crypto.hpp"
#include "interchange/test_zip.hpp"
#include "interchange/xlsx.hpp"
#include "regulation/engine.hpp"
#include "storage/unit_of_work.hpp"
#include "testing/proves.hpp"

using namespace simpul;
using namespace simpul::api_test;

class PlanningImportTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

namespace {

/// Bontang with two applications in the register (an Aplikasi Umum of the Dinas, Dinkes's own), an
/// initiative of the fiscal year, the planning PD's coordinator, three PD operators and an open cycle.
struct RkaFixture {
  Instance in;
  Client admin;
  std::string today, cycle, umum_app, dinkes_app, initiative;
  int year = 0;
  std::map<std::string, std::string> agency;
  Client coordinator, kominfo, dinkes, disduk;

  explicit RkaFixture(const std::string& backend)
      : in(backend),
        admin(admin_client(in, "bontang")),
        coordinator(user(in, admin, "bontang", "koordinator.rka", "planner", agency_id(admin, "BAPPELITBANG"))),
        kominfo(user(in, admin, "bontang", "op.rka.kominfo", "agency_operator", agency_id(admin, "DISKOMINFO"))),
        dinkes(user(in, admin, "bontang", "op.rka.dinkes", "agency_operator", agency_id(admin, "DINKES"))),
        disduk(user(in, admin, "bontang", "op.rka.disduk", "agency_operator", agency_id(admin, "DISDUKCAPIL"))) {
    today = in.platform().tenancy().profile_of(Scope{in.platform().tenancy().tenants().front().id}).today();
    year = std::stoi(today.substr(0, 4)) + 1;
    for (const auto* code : {"DISKOMINFO", "DINKES", "DISDUKCAPIL"}) agency[code] = agency_id(admin, code);
    umum_app = application("APL-UMUM-01", "Aplikasi Presensi Pegawai", "DISKOMINFO", "aplikasi_umum");
    dinkes_app = application("APL-RKA-02", "Aplikasi Rekam Medis", "DINKES", "aplikasi_khusus");
    auto i = admin.post("/api/roadmap/initiatives", R"({"code":"PR-RKA-01","name":"Layanan kesehatan digital",)"
                                                    R"("category":"layanan_spbe","owner_agency_id":")" +
                                                        agency["DINKES"] + R"(","start_year":)" + std::to_string(year) +
                                                        R"(,"target_year":)" + std::to_string(year) + "}");
    EXPECT_EQ(i.status, 201) << i.body;
    initiative = i.status == 201 ? text_of(i.json, "id") : "";
    auto c = coordinator.post("/api/planning/cycles",
                              R"({"fiscal_year":)" + std::to_string(year) + R"(,"submission_deadline":")" +
                                  regulation::add_months(today, 1) + R"(","verification_deadline":")" +
                                  regulation::add_months(today, 2) + "\"}");
    EXPECT_EQ(c.status, 201) << c.body;
    cycle = c.status == 201 ? text_of(c.json, "id") : "";
  }

  std::string application(const std::string& code, const std::string& name, const std::string& owner,
                          const std::string& category) {
    auto e =
        admin.post("/api/architecture/elements",
                   R"({"domain":"aplikasi","code":")" + code + R"(","name":")" + name + R"(","owner_agency_id":")" +
                       agency[owner] + R"(","state":"as_is","attributes":{"category":")" + category + "\"}}");
    EXPECT_EQ(e.status, 201) << e.body;
    return e.status == 201 ? text_of(e.json, "id") : "";
  }

  std::string proposal(Client& c, const std::string& code) {
    auto r = c.post("/api/planning/cycles/" + cycle + "/proposals", R"({"agency_id":")" + agency[code] + "\"}");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? text_of(r.json, "id") : "";
  }

  Reply upload(Client& c, const std::string& proposal_id, const std::string& body, bool dry_run = true) {
    return c.send("POST",
                  "/api/planning/proposals/" + proposal_id + "/lines/import?dry_run=" + (dry_run ? "true" : "false"),
                  body, {{"content-type", "application/octet-stream"}});
  }

  std::size_t lines_of(const std::string& proposal_id) {
    auto r = admin.get("/api/planning/proposals/" + proposal_id);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json.at("lines").as_array().size() : 0;
  }

  /// An API line body for the proposal editor.
  std::string line(const std::string& name, const std::string& element) const {
    return R"({"sub_activity":"Pengelolaan Sistem Informasi","account_code":"5.2.02.10.01.0002","name":")" + name +
           R"(","volume":[{"quantity":1,"unit":"Paket"}],"unit_price":"Rp 50.000.000","funding_source":"apbd",)"
           R"("category":"aplikasi","element_ids":[")" +
           element + R"("],"initiative_id":")" + initiative + "\"}";
  }
};

/// The problems of a dry run: row -> column -> message.
std::map<std::int64_t, std::map<std::string, std::string>> rka_problems(const Reply& r) {
  std::map<std::int64_t, std::map<std::string, std::string>> out;
  const auto& result = r.json.as_object().contains("error") ? r.json.at("error").at("details") : r.json;
  for (const auto& p : result.at("problems").as_array())
    out[p.at("row").as_int64()][text_of(p, "column")] = text_of(p, "message");
  return out;
}

boost::json::value rka_rule_of(const Reply& r, std::int64_t row) {
  for (const auto& p : r.json.at("problems").as_array())
    if (p.at("row").as_int64() == row && !p.at("rule").is_null()) return p.at("rule");
  return nullptr;
}

const std::string kRkaHeader =
    "No;Sub Kegiatan;Kode Rekening;Uraian;Spesifikasi;Koefisien (Volume x Satuan);Harga Satuan;Jumlah (Rp);"
    "Sumber Dana;Kategori;Kode Elemen Arsitektur;Kode Inisiatif Peta Rencana\r\n";

}  // namespace

TEST_P(PlanningImportTest, AnRkaExportIsImportedWithEveryRowsProblemAndAllRowsOrNone) {
  // Rows go through the line rules of the API, with their articles: the architecture link, the
  // categories of Pasal 8 ayat (1) and the spending Pasal 11 reserves to the Dinas.
  SIMPUL_PROVES("bontang", "BTG-07-2");
  SIMPUL_PROVES("bontang", "BTG-08-1");
  SIMPUL_PROVES("bontang", "BTG-11");
  RkaFixture f(GetParam());
  auto mine = f.proposal(f.dinkes, "DINKES");
  // As SIPD exports it: a title block, the header, a heading row for the sub-activity and account,
  // then detail lines whose merged sub-activity and account cells are empty.
  std::string ok_rows =
      ";Penyediaan Layanan Kesehatan Digital;5.2.02.10.01.0002;Belanja Modal Personal Computer;;;;60.000.000;;;;\r\n"
      "1;;;Pengadaan Laptop Tenaga Kesehatan;Core i5, RAM 16 GB;2 Unit x 12 Bulan;1.250.000;30.000.000;APBD;"
      "Infrastruktur SPBE;APL-RKA-02;PR-RKA-01\r\n"
      "2;;;Pengadaan Printer Puskesmas;A4;2 Unit;Rp 15.000.000,00;Rp 30.000.000;apbd;infrastruktur_spbe;APL-RKA-02;"
      "PR-RKA-01\r\n";
  std::string csv = "RENCANA KERJA DAN ANGGARAN PERANGKAT DAERAH;;;\r\nDinas Kesehatan;Tahun " +
                    std::to_string(f.year) + "\r\n\r\n" + kRkaHeader + ok_rows +
                    "3;;;Sewa Printer;A3;1 Unit;1.250.000,50;;APBD;infrastruktur_spbe;APL-RKA-02;PR-RKA-01\r\n"
                    "4;;;Sewa Scanner;A4;2 Unit;1.000.000;3.000.000;APBD;infrastruktur_spbe;APL-RKA-02;PR-RKA-01\r\n"
                    "6;;;Langganan Internet Puskesmas;20 Mbps;1 Paket x 12 Bulan;2.000.000;;APBD;infrastruktur_spbe;"
                    "APL-RKA-02;PR-RKA-01\r\n"
                    "7;;;Sewa Genset;;1 Unit;5.000.000;;APBD;infrastruktur_spbe;;\r\n"
                    "8;;;Sewa Server;;1000000000 Unit x 1000000000 Bulan;100;;APBD;infrastruktur_spbe;APL-RKA-02;"
                    "PR-RKA-01\r\n"
                    "9;;;Sewa Kamera;;1 Unit;1.000.000;;APBD;infrastruktur_spbe;APL-TIDAK-ADA;PR-RKA-01\r\n"
                    "10;;;Sewa Meja;;1 Unit;1.000.000;;APBD;;APL-RKA-02;PR-RKA-01\r\n"
                    "11;;;Sewa Kursi;;0,5 Unit;1.000.000;;APBD;infrastruktur_spbe;APL-RKA-02;PR-RKA-01\r\n"
                    "5;;4.1.1;Sewa Proyektor;;1 Unit;1.000.000;;APBD;infrastruktur_spbe;APL-RKA-02;PR-RKA-01\r\n";
  auto ledger_before = ledger_size(f.in);

  auto dry = f.upload(f.dinkes, mine, csv);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_FALSE(dry.json.at("ok").as_bool());
  EXPECT_EQ(dry.json.at("header_row").as_int64(), 4);
  EXPECT_EQ(dry.json.at("headings").as_int64(), 1);
  auto problems = rka_problems(dry);
  // Rows 6 and 7 are fine; each bad row names its column (spreadsheet rows: header 4, heading 5).
  EXPECT_FALSE(problems.count(6));
  EXPECT_FALSE(problems.count(7));
  EXPECT_TRUE(problems[8].count("harga_satuan")) << dry.body;                           // a fraction of a Rupiah
  EXPECT_NE(problems[9]["jumlah"].find("Rp3.000.000"), std::string::npos) << dry.body;  // 2 x 1.000.000
  EXPECT_TRUE(problems[10].count("uraian")) << dry.body;  // internet: the Dinas's (Pasal 11)
  EXPECT_NE(problems[10]["uraian"].find("Pasal 11"), std::string::npos) << dry.body;
  EXPECT_EQ(text_of(rka_rule_of(dry, 10), "id"), "BTG-11");
  EXPECT_TRUE(problems[11].count("elemen_arsitektur")) << dry.body;  // no architecture link (Pasal 7 ayat (2))
  EXPECT_EQ(text_of(rka_rule_of(dry, 11), "citation"), "Pasal 7 ayat (2)");
  EXPECT_TRUE(problems[12].count("jumlah")) << dry.body;             // volume x price overflows
  EXPECT_TRUE(problems[13].count("elemen_arsitektur")) << dry.body;  // an unknown element code
  EXPECT_EQ(text_of(rka_rule_of(dry, 14), "id"), "BTG-08-1");        // no category: Pasal 8 ayat (1)
  EXPECT_TRUE(problems[15].count("koefisien")) << dry.body;          // half a unit
  EXPECT_TRUE(problems[16].count("kode_rekening")) << dry.body;      // not an expenditure account
  EXPECT_EQ(problems.size(), 9u) << dry.body;                        // one row each, nothing else
  // The lines that would be written carry the sub-activity and account of the merged cells above.
  const auto& rows = dry.json.at("rows").as_array();
  ASSERT_GE(rows.size(), 3u);
  EXPECT_EQ(text_of(rows[0], "status"), "judul");
  EXPECT_EQ(text_of(rows[1], "status"), "rincian");
  EXPECT_EQ(rows[1].at("total").as_int64(), 30000000);
  EXPECT_EQ(text_of(rows[1], "volume_text"), "2 Unit x 12 Bulan");
  EXPECT_EQ(rows[1].at("carried").as_array().size(), 2u);
  EXPECT_EQ(text_of(rows[2], "account_code"), "5.2.02.10.01.0002");

  // The real run with problems writes nothing.
  auto refused = f.upload(f.dinkes, mine, csv, false);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.error_code(), "import.has_problems");
  EXPECT_EQ(f.lines_of(mine), 0u);
  EXPECT_EQ(ledger_size(f.in), ledger_before);

  // Without the bad rows: all lines, one ledger entry.
  std::string good = kRkaHeader + ok_rows;
  auto clean = f.upload(f.dinkes, mine, good);
  ASSERT_EQ(clean.status, 200) << clean.body;
  EXPECT_TRUE(clean.json.at("ok").as_bool()) << clean.body;
  EXPECT_EQ(f.lines_of(mine), 0u);
  auto done = f.upload(f.dinkes, mine, good, false);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json.at("lines").as_int64(), 2);
  EXPECT_EQ(done.json.at("total").as_int64(), 60000000);
  EXPECT_EQ(ledger_size(f.in), ledger_before + 1);
  auto view = f.admin.get("/api/planning/proposals/" + mine);
  ASSERT_EQ(view.status, 200);
  ASSERT_EQ(view.json.at("lines").as_array().size(), 2u);
  for (const auto& l : view.json.at("lines").as_array()) {
    EXPECT_EQ(text_of(l, "sub_activity"), "Penyediaan Layanan Kesehatan Digital");
    EXPECT_EQ(text_of(l, "category"), "infrastruktur_spbe");
    EXPECT_EQ(text_of(l, "funding_source"), "apbd");
    EXPECT_EQ(l.at("total").as_int64(), 30000000);
  }
  // Another PD's operator may not import into this proposal.
  EXPECT_EQ(f.upload(f.disduk, mine, good).status, 403);
}

TEST_P(PlanningImportTest, FormulasMergedCellsAndTheTemplateOfTheProposalsAgency) {
  RkaFixture f(GetParam());
  auto mine = f.proposal(f.dinkes, "DINKES");
  namespace tz = interchange::test_zip;
  auto t = [](const std::string& ref, const std::string& v) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + v + "</t></is></c>";
  };
  std::string header = "<row r=\"1\">" + t("A1", "Sub Kegiatan") + t("B1", "Kode Rekening") + t("C1", "Uraian") +
                       t("D1", "Koefisien") + t("E1", "Harga Satuan") + t("F1", "Jumlah") + t("G1", "Sumber Dana") +
                       t("H1", "Kategori") + t("I1", "Kode Elemen Arsitektur") +
                       t("J1", "Kode Inisiatif Peta Rencana") + "</row>";
  auto tail = [&](const std::string& r) {
    return t("G" + r, "APBD") + t("H" + r, "infrastruktur_spbe") + t("I" + r, "APL-RKA-02") + t("J" + r, "PR-RKA-01");
  };
  // Row 2: the total is a formula with its cached value; row 3: the sub-activity and account cells are
  // merged with row 2's (empty here); row 4: a price formula Excel never computed (no cached value).
  std::string data =
      "<row r=\"2\">" + t("A2", "Pelayanan Kesehatan") + t("B2", "5.2.02.10.01.0002") + t("C2", "Pengadaan Laptop") +
      t("D2", "2 Unit") + "<c r=\"E2\"><v>15000000</v></c><c r=\"F2\"><f>2*E2</f><v>30000000</v></c>" + tail("2") +
      "</row><row r=\"3\">" + t("C3", "Pengadaan Printer") + t("D3", "1 Unit") +
      "<c r=\"E3\"><v>4000000</v></c><c r=\"F3\"><f>1*E3</f><v>4000000</v></c>" + tail("3") + "</row><row r=\"4\">" +
      t("C4", "Pengadaan Scanner") + t("D4", "1 Unit") + "<c r=\"E4\"><f>F1*2</f></c>" + tail("4") + "</row>";
  auto sheet =
      R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
      header + data +
      R"(</sheetData><mergeCells count="2"><mergeCell ref="A2:A3"/><mergeCell ref="B2:B3"/></mergeCells></worksheet>)";
  auto xlsx = tz::make_zip(tz::minimal_workbook({sheet}));
  auto dry = f.upload(f.dinkes, mine, xlsx);
  ASSERT_EQ(dry.status, 200) << dry.body;
  auto problems = rka_problems(dry);
  EXPECT_FALSE(problems.count(2)) << dry.body;
  EXPECT_FALSE(problems.count(3)) << dry.body;
  EXPECT_TRUE(problems[4].count("harga_satuan")) << dry.body;
  const auto& rows = dry.json.at("rows").as_array();
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].at("total").as_int64(), 30000000);
  EXPECT_EQ(rows[1].at("merged").as_array().size(), 2u) << "taken from the merges' top-left cells";
  EXPECT_TRUE(rows[1].at("carried").as_array().empty());
  EXPECT_EQ(text_of(rows[1], "account_code"), "5.2.02.10.01.0002");

  // The template: Indonesian headers, an example row naming the proposal's PD and a real element
  // and initiative of the tenant, which imports as it is.
  auto tpl = f.dinkes.get("/api/planning/proposals/" + mine + "/lines/import/template.xlsx");
  ASSERT_EQ(tpl.status, 200);
  auto sheets = interchange::read_xlsx(tpl.body);
  ASSERT_FALSE(sheets.empty());
  EXPECT_EQ(sheets.front().name, "Rincian");
  ASSERT_EQ(sheets.front().rows.size(), 2u);
  EXPECT_EQ(sheets.front().rows[0][1], "Sub Kegiatan");
  auto agency_name = text_of(f.admin.get("/api/planning/proposals/" + mine).json, "agency_name");
  EXPECT_EQ(sheets.front().rows[1][0], agency_name);
  auto example = f.upload(f.dinkes, mine, tpl.body);
  ASSERT_EQ(example.status, 200) << example.body;
  EXPECT_TRUE(example.json.at("ok").as_bool()) << example.body;
  EXPECT_EQ(example.json.at("lines").as_int64(), 1);
}

TEST_P(PlanningImportTest, AMergedPdAndSubActivityColumnIsReadFromEachMergesTopLeftCell) {
  RkaFixture f(GetParam());
  auto mine = f.proposal(f.dinkes, "DINKES");
  namespace tz = interchange::test_zip;
  auto t = [](const std::string& ref, const std::string& v) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + v + "</t></is></c>";
  };
  auto line = [&](int r, const std::string& pd, const std::string& sub, const std::string& name,
                  const std::string& price) {
    auto n = std::to_string(r);
    return "<row r=\"" + n + "\">" + (pd.empty() ? "" : t("A" + n, pd)) + (sub.empty() ? "" : t("B" + n, sub)) +
           t("C" + n, "5.2.02.10.01.0002") + t("D" + n, name) + t("E" + n, "1 Unit") + "<c r=\"F" + n + "\"><v>" +
           price + "</v></c>" + t("G" + n, "APBD") + t("H" + n, "infrastruktur_spbe") + t("I" + n, "APL-RKA-02") +
           t("J" + n, "PR-RKA-01") + "</row>";
  };
  std::string header = "<row r=\"1\">" + t("A1", "Perangkat Daerah") + t("B1", "Sub Kegiatan") +
                       t("C1", "Kode Rekening") + t("D1", "Uraian") + t("E1", "Koefisien") + t("F1", "Harga Satuan") +
                       t("G1", "Sumber Dana") + t("H1", "Kategori") + t("I1", "Kode Elemen Arsitektur") +
                       t("J1", "Kode Inisiatif Peta Rencana") + "</row>";
  // The PD column is one merged cell A2:A7. Sub Kegiatan: B2:B3 merged; B4 written, B5 left empty
  // (a group written once, no merge); B6:B7 merged with nothing in it — a merged cell is read from
  // its top-left cell only, so rows 6 and 7 have no sub-activity rather than row 5's.
  std::string data = line(2, "DINKES", "Pelayanan Kesehatan", "Pengadaan Laptop", "15000000") +
                     line(3, "", "", "Pengadaan Printer", "4000000") +
                     line(4, "", "Sistem Informasi Kesehatan", "Sewa Server", "5000000") +
                     line(5, "", "", "Sewa Scanner", "1000000") + line(6, "", "", "Pengadaan Router", "7500000") +
                     line(7, "", "", "Pengadaan Switch", "12000000");
  auto sheet =
      R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
      header + data +
      R"(</sheetData><mergeCells count="3"><mergeCell ref="A2:A7"/><mergeCell ref="B2:B3"/><mergeCell ref="B6:B7"/></mergeCells></worksheet>)";
  auto dry = f.upload(f.dinkes, mine, tz::make_zip(tz::minimal_workbook({sheet})));
  ASSERT_EQ(dry.status, 200) << dry.body;
  auto problems = rka_problems(dry);
  for (int r : {2, 3, 4, 5}) EXPECT_FALSE(problems.count(r)) << "row " << r << ": " << dry.body;
  for (int r : {6, 7}) EXPECT_TRUE(problems[r].count("sub_kegiatan")) << "row " << r << ": " << dry.body;
  EXPECT_FALSE(problems[6].count("perangkat_daerah")) << dry.body;
  const auto& rows = dry.json.at("rows").as_array();
  ASSERT_EQ(rows.size(), 6u) << dry.body;
  auto columns = [](const boost::json::value& row, const char* key) {
    std::set<std::string> out;
    for (const auto& c : row.at(key).as_array()) out.insert(std::string(c.as_string()));
    return out;
  };
  EXPECT_TRUE(columns(rows[0], "merged").empty()) << "row 2 holds the values";
  EXPECT_EQ(columns(rows[1], "merged"), (std::set<std::string>{"Perangkat Daerah", "Sub Kegiatan"}));
  EXPECT_TRUE(columns(rows[1], "carried").empty());
  EXPECT_EQ(columns(rows[3], "merged"), (std::set<std::string>{"Perangkat Daerah"}));
  EXPECT_EQ(columns(rows[3], "carried"), (std::set<std::string>{"Sub Kegiatan"})) << "a group written once";
  EXPECT_TRUE(columns(rows[4], "carried").empty()) << "inside a merge nothing is guessed from the rows above";
  // Nothing is half-imported: the real run refuses the file while rows 6 and 7 have problems.
  auto real = f.upload(f.dinkes, mine, tz::make_zip(tz::minimal_workbook({sheet})), false);
  EXPECT_EQ(real.status, 422) << real.body;
  EXPECT_EQ(f.lines_of(mine), 0u);
}

TEST_P(PlanningImportTest, HostileFilesAreRefusedAndChangeNothing) {
  RkaFixture f(GetParam());
  auto mine = f.proposal(f.dinkes, "DINKES");
  auto before = ledger_size(f.in);
  // Not a spreadsheet: a PNG, a zip that is no workbook.
  auto png = f.upload(f.dinkes, mine, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), false);
  EXPECT_EQ(png.status, 422);
  EXPECT_EQ(png.error_code(), "import.invalid_file");
  auto zip = f.upload(f.dinkes, mine, interchange::test_zip::make_zip({{"catatan.txt", "bukan buku kerja"}}), false);
  EXPECT_EQ(zip.status, 422);
  EXPECT_EQ(zip.error_code(), "import.invalid_file");
  // Text that is not UTF-8.
  auto latin1 = f.upload(f.dinkes, mine,
                         kRkaHeader +
                             "1;Pelayanan;5.2.02.10.01.0002;Pengadaan Kamera \xE9\xFF;;1 Unit;"
                             "1.000.000;;APBD;infrastruktur_spbe;APL-RKA-02;PR-RKA-01\r\n",
                         false);
  EXPECT_EQ(latin1.status, 422);
  EXPECT_EQ(latin1.error_code(), "import.invalid_file");
  // Huge: more rows than one PD's RKA can have.
  std::string huge = kRkaHeader;
  for (int i = 0; i < 5001; ++i)
    huge += std::to_string(i) + ";Pelayanan;5.2.02.10.01.0002;Pengadaan Barang " + std::to_string(i) +
            ";;1 Unit;1.000;;APBD;infrastruktur_spbe;APL-RKA-02;PR-RKA-01\r\n";
  auto big = f.upload(f.dinkes, mine, huge, false);
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(big.error_code(), "import.file_too_large");
  // A spreadsheet without the RKA header: its problem named, nothing written.
  auto other = f.upload(f.dinkes, mine, "kode,nama\nA,B\n", false);
  EXPECT_EQ(other.status, 422);
  EXPECT_EQ(other.error_code(), "import.has_problems");
  EXPECT_EQ(f.lines_of(mine), 0u);
  EXPECT_EQ(ledger_size(f.in), before);
}

TEST_P(PlanningImportTest, ALineLikeAnAplikasiUmumOrAnotherPdsApplicationIsACandidate) {
  // Bontang Pasal 10 ayat (2): verification is refused while such a candidate is unresolved.
  SIMPUL_PROVES("bontang", "BTG-10-2");
  RkaFixture f(GetParam());
  auto disduk = f.proposal(f.disduk, "DISDUKCAPIL");
  auto dinkes = f.proposal(f.dinkes, "DINKES");
  ASSERT_EQ(f.disduk
                .post("/api/planning/proposals/" + disduk + "/lines",
                      f.line("Pengembangan Aplikasi Presensi Pegawai Berbasis Android", f.umum_app))
                .status,
            201);
  ASSERT_EQ(f.disduk
                .post("/api/planning/proposals/" + disduk + "/lines",
                      f.line("Pengembangan Aplikasi Rekam Medis Elektronik", f.dinkes_app))
                .status,
            201);
  ASSERT_EQ(
      f.disduk.post("/api/planning/proposals/" + disduk + "/lines", f.line("Pengadaan Laptop", f.umum_app)).status,
      201);
  // Dinkes keeping its own application is no duplicate of it.
  ASSERT_EQ(f.dinkes
                .post("/api/planning/proposals/" + dinkes + "/lines",
                      f.line("Pemeliharaan Aplikasi Rekam Medis", f.dinkes_app))
                .status,
            201);
  // The live check while the PD types the line already names the application it resembles.
  auto live = f.disduk.post("/api/planning/proposals/" + disduk + "/check",
                            f.line("Pengembangan Aplikasi Presensi Pegawai", f.umum_app));
  ASSERT_EQ(live.status, 200) << live.body;
  const auto& similar = live.json.at("similar_applications").as_array();
  ASSERT_FALSE(similar.empty()) << live.body;
  EXPECT_EQ(text_of(similar.at(0), "code"), "APL-UMUM-01");
  EXPECT_EQ(text_of(similar.at(0), "name"), "Aplikasi Presensi Pegawai");
  EXPECT_TRUE(similar.at(0).at("umum").as_bool());
  EXPECT_EQ(text_of(similar.at(0).at("reason"), "id"), "aplikasi_umum_mirip");
  auto unrelated = f.disduk.post("/api/planning/proposals/" + disduk + "/check", f.line("Pengadaan Kursi", f.umum_app));
  EXPECT_TRUE(unrelated.json.at("similar_applications").as_array().empty()) << unrelated.body;
  ASSERT_EQ(f.dinkes.post("/api/planning/proposals/" + dinkes + "/submission", "{}").status, 200);
  EXPECT_EQ(
      f.coordinator.get("/api/planning/cycles/" + f.cycle + "/application-candidates").json.at("total").as_int64(), 0);
  ASSERT_EQ(f.disduk.post("/api/planning/proposals/" + disduk + "/submission", "{}").status, 200);

  auto list = f.coordinator.get("/api/planning/cycles/" + f.cycle + "/application-candidates");
  ASSERT_EQ(list.status, 200) << list.body;
  const auto& items = list.json.at("items").as_array();
  ASSERT_EQ(items.size(), 2u) << list.body;
  std::map<std::string, const boost::json::value*> by_app;
  for (const auto& x : items) {
    by_app[text_of(x.at("application"), "code")] = &x;
    EXPECT_EQ(text_of(x.at("line"), "agency_id"), f.agency["DISDUKCAPIL"]);
    EXPECT_TRUE(x.at("decision").is_null());
  }
  ASSERT_TRUE(by_app.count("APL-UMUM-01") && by_app.count("APL-RKA-02")) << list.body;
  EXPECT_TRUE(by_app["APL-UMUM-01"]->at("application").at("umum").as_bool());
  EXPECT_EQ(text_of(by_app["APL-UMUM-01"]->at("reasons").at(0), "id"), "aplikasi_umum_mirip");
  EXPECT_EQ(text_of(by_app["APL-UMUM-01"]->at("line"), "name"),
            "Pengembangan Aplikasi Presensi Pegawai Berbasis Android");
  EXPECT_FALSE(by_app["APL-RKA-02"]->at("application").at("umum").as_bool());
  EXPECT_EQ(text_of(by_app["APL-RKA-02"]->at("application"), "agency_id"), f.agency["DINKES"]);
  EXPECT_EQ(text_of(by_app["APL-RKA-02"]->at("reasons").at(0), "id"), "aplikasi_pd_lain_mirip");

  // Not verified while they are unresolved (line pairs between the PDs resolved first).
  auto line_pairs = f.coordinator.get("/api/planning/cycles/" + f.cycle + "/candidates");
  for (const auto& pair : line_pairs.json.at("items").as_array())
    ASSERT_EQ(f.coordinator
                  .post("/api/planning/candidates/" + text_of(pair, "id") + "/decision",
                        R"({"decision":"berbeda","reason":"Kegiatan berbeda."})")
                  .status,
              200);
  auto verify = f.coordinator.post("/api/planning/proposals/" + disduk + "/verification", "{}");
  EXPECT_EQ(verify.status, 422) << verify.body;
  EXPECT_EQ(verify.rule_id(), "BTG-10-2");
  EXPECT_EQ(text_of(verify.json.at("error").at("rule"), "citation"), "Pasal 10 ayat (2)");

  auto umum_pair = text_of(*by_app["APL-UMUM-01"], "id");
  auto other_pair = text_of(*by_app["APL-RKA-02"], "id");
  // Decided only here, only by the coordinating PD, distinct only with a reason.
  EXPECT_EQ(f.coordinator
                .post("/api/planning/candidates/" + umum_pair + "/decision", R"({"decision":"berbeda","reason":"x"})")
                .status,
            404);
  EXPECT_EQ(f.disduk
                .post("/api/planning/application-candidates/" + umum_pair + "/decision",
                      R"({"decision":"berbeda","reason":"x"})")
                .status,
            403);
  EXPECT_EQ(
      f.coordinator.post("/api/planning/application-candidates/" + umum_pair + "/decision", R"({"decision":"berbeda"})")
          .status,
      422);
  auto distinct = f.coordinator.post("/api/planning/application-candidates/" + other_pair + "/decision",
                                     R"({"decision":"berbeda","reason":"Rekam medis puskesmas keliling, bukan RS."})");
  ASSERT_EQ(distinct.status, 200) << distinct.body;
  EXPECT_EQ(text_of(distinct.json, "decision"), "berbeda");
  EXPECT_EQ(text_of(distinct.json, "decided_by_name"), "koordinator.rka");
  // Marked duplicate: the PD uses the Aplikasi Umum, its proposal goes back to it as a draft.
  auto dup = f.coordinator.post("/api/planning/application-candidates/" + umum_pair + "/decision",
                                R"({"decision":"duplikat","reason":"Gunakan Aplikasi Presensi Pegawai."})");
  ASSERT_EQ(dup.status, 200) << dup.body;
  EXPECT_EQ(text_of(f.admin.get("/api/planning/proposals/" + disduk).json, "state"), "draf");
  EXPECT_EQ(f.admin.get("/api/planning/proposals/" + disduk).json.at("unresolved_candidates").as_int64(), 0);
  // Both decisions are in the ledger under their own action, not as decisions on a pair of lines.
  const auto line_decisions = static_cast<std::int64_t>(line_pairs.json.at("items").as_array().size());
  storage::read(f.in.db(), [line_decisions](storage::Connection& c) {
    auto count = [&c](const char* action) {
      return c.query("SELECT COUNT(*) FROM ledger_entries WHERE action = ?", {action})[0].int_at(0);
    };
    EXPECT_EQ(count("planning.application_duplicate_decision"), 2);
    EXPECT_EQ(count("planning.duplicate_decision"), line_decisions);
    return 0;
  });
  // The PD's verification result names the applications its lines resemble and how each was decided.
  auto pdf = f.disduk.get("/api/planning/proposals/" + disduk + "/verification.pdf");
  ASSERT_EQ(pdf.status, 200);
  auto text = pdf_text(pdf.body);
  EXPECT_NE(text.find("Kemiripan dengan aplikasi yang sudah ada"), std::string::npos);
  EXPECT_NE(text.find("APL-UMUM-01"), std::string::npos);
  EXPECT_NE(text.find("APL-RKA-02"), std::string::npos);
  EXPECT_NE(text.find("Gunakan"), std::string::npos) << "the decision's reason";
}

INSTANTIATE_TEST_SUITE_P(Databases, PlanningImportTest, ::testing::ValuesIn(test_support::backends()));
