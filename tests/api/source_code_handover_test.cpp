// Madiun Pasal 24 ayat (4)-(5): the source code handed over with an application is "source code
// dengan penjelasan fungsi masing-masing prosedur". What can be checked is checked on upload (an
// archive listing source files, not a binary); the explanations are confirmed by a Dinas reviewer,
// and only then does the source code count as handed over. Both databases (issue 22).
#include <gtest/gtest.h>

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <set>

#include "api_harness.hpp"
#include "core/crypto.hpp"
#include "interchange/test_zip.hpp"
#include "testing/proves.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class SourceCodeHandoverTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

/// One ustar file entry (header and padded content).
std::string tar_entry(const std::string& name, const std::string& content) {
  std::string header(512, '\0');
  std::copy(name.begin(), name.end(), header.begin());
  char size[12];
  std::snprintf(size, sizeof size, "%011o", static_cast<unsigned>(content.size()));
  std::copy(size, size + 11, header.begin() + 124);
  header[156] = '0';
  std::copy_n("ustar", 5, header.begin() + 257);
  std::string padded = content + std::string((512 - content.size() % 512) % 512, '\0');
  return header + padded;
}

std::string gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

Reply upload_artifact(Client& c, const std::string& app, const std::string& kind, const std::string& filename,
                      const std::string& bytes) {
  return c.send("POST", "/api/applications/" + app + "/artifacts?kind=" + kind + "&release=1.0&filename=" + filename,
                bytes, {{"content-type", "application/octet-stream"}});
}

/// A live Aplikasi Khusus of the first agency, imported (stage set directly, as an inventory does).
std::string live_application(Client& c) {
  std::string csv =
      "kode;nama;deskripsi;kode_pd;kategori;tahap;url;subdomain;email;hosting;pembangun;vendor;model_sumber;"
      "audit_terakhir;sejenis_aplikasi_umum\r\nSIMADU;Sistem Madiun Terpadu;;" +
      agency_code(c, 0) + ";aplikasi_khusus_pd;pemeliharaan;;;;;;;;;tidak\r\n";
  auto r =
      c.send("POST", "/api/applications/import?dry_run=false", csv, {{"content-type", "application/octet-stream"}});
  EXPECT_EQ(r.status, 200) << r.body;
  auto list = c.get("/api/applications?per_page=200");
  for (const auto& a : list.json.at("items").as_array())
    if (a.at("code").as_string() == "SIMADU") return text_of(a, "id");
  ADD_FAILURE() << list.body;
  return "";
}

/// The documents the open Pasal 24 ayat (5) finding of the application still misses.
std::set<std::string> missing_handover(Client& c, const std::string& app) {
  std::set<std::string> out;
  EXPECT_EQ(c.post("/api/compliance/evaluate", "").status, 200);
  auto detail = c.get("/api/applications/" + app);  // named: the loop reads into it
  for (const auto& f : detail.json.at("findings").as_array())
    if (f.at("rule").at("id").as_string() == "MDN-24-5")
      for (const auto& m : f.at("details").at("missing").as_array()) out.insert(std::string(m.as_string()));
  return out;
}

}  // namespace

TEST_P(SourceCodeHandoverTest, MadiunSourceCodeIsAnArchiveOfSourceFilesWithExplanationsConfirmedByTheDinas) {
  SIMPUL_PROVES("madiun", "MDN-24-4");
  SIMPUL_PROVES("madiun", "MDN-24-5");
  Instance in(GetParam());
  auto admin = admin_client(in, "madiun");
  auto reviewer = user(in, admin, "madiun", "penelaah.kode", "technical_reviewer", agency_id(admin, "DISKOMINFO"));
  auto app = live_application(admin);
  ASSERT_FALSE(app.empty());
  for (const char* doc : {"dokumen_kebutuhan", "dokumen_perancangan", "manual_pengguna"})
    ASSERT_EQ(upload_artifact(admin, app, doc, std::string(doc) + ".pdf", "%PDF-1.4 " + std::string(doc)).status, 201);
  auto before = ledger_size(in);

  // A binary, and an archive without a single source file, are refused citing ayat (4); nothing is stored.
  for (const auto& [filename, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"simadu.exe", std::string("MZ\x90\x00\x03\x00\x00\x00 program", 17)},
           {"simadu.zip", interchange::test_zip::make_zip({{"bin/simadu.exe", "MZ"}, {"docs/panduan.pdf", "%PDF"}})}}) {
    auto refused = upload_artifact(admin, app, "kode_sumber", filename, bytes);
    EXPECT_EQ(refused.status, 422) << filename << refused.body;
    EXPECT_EQ(refused.error_code(), "validation.invalid_value") << filename;
    EXPECT_EQ(refused.json.at("error").at("details").at("reason").as_string(), "source_not_archive") << filename;
    EXPECT_EQ(refused.rule_id(), "MDN-24-4") << filename;
    EXPECT_EQ(refused.json.at("error").at("rule").at("citation").as_string(), "Pasal 24 ayat (4)") << filename;
  }
  EXPECT_EQ(ledger_size(in), before);
  EXPECT_EQ(admin.get("/api/applications/" + app).json.at("artifacts").as_array().size(), 3u);

  // An archive of source files is taken (zip, and tar.gz too) but is not yet the handover ayat (5) asks:
  // the procedure explanations wait for the reviewer.
  auto targz =
      upload_artifact(admin, app, "kode_sumber", "simadu-src.tar.gz",
                      gzip(tar_entry("simadu/index.php", "<?php\n// Menampilkan dasbor\n") + std::string(1024, '\0')));
  ASSERT_EQ(targz.status, 201) << targz.body;
  auto zip = upload_artifact(admin, app, "kode_sumber", "simadu-src.zip",
                             interchange::test_zip::make_zip(
                                 {{"src/index.php", "<?php\n// Menampilkan dasbor\n"}, {"README.md", "# SIMADU"}}));
  ASSERT_EQ(zip.status, 201) << zip.body;
  EXPECT_TRUE(zip.json.at("explanations_confirmed").is_null());
  EXPECT_EQ(missing_handover(admin, app), std::set<std::string>{"kode_sumber"});

  // Only the Dinas's reviewers confirm, and only a source code.
  auto source_id = text_of(zip.json, "id");
  auto op = user(in, admin, "madiun", "op.kode", "agency_operator", agency_id(admin, "DINKES"));
  EXPECT_EQ(op.post("/api/artifacts/" + source_id + "/explanations", "{}").status, 403);
  std::string manual_id;
  auto detail = admin.get("/api/applications/" + app);
  for (const auto& a : detail.json.at("artifacts").as_array())
    if (a.at("kind").as_string() == "manual_pengguna") manual_id = text_of(a, "id");
  auto not_source = reviewer.post("/api/artifacts/" + manual_id + "/explanations", "{}");
  EXPECT_EQ(not_source.status, 422);
  EXPECT_EQ(not_source.json.at("error").at("details").at("reason").as_string(), "not_source_code");
  before = ledger_size(in);
  auto confirmed = reviewer.post("/api/artifacts/" + source_id + "/explanations",
                                 R"({"note":"Setiap prosedur diberi penjelasan fungsi"})");
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(text_of(confirmed.json.at("explanations_confirmed"), "note"), "Setiap prosedur diberi penjelasan fungsi");
  EXPECT_FALSE(text_of(confirmed.json.at("explanations_confirmed"), "by_name").empty());
  EXPECT_EQ(ledger_size(in), before + 1);
  EXPECT_EQ(missing_handover(admin, app), std::set<std::string>{});
}

TEST_P(SourceCodeHandoverTest, WhereTheRegulationAsksOnlyForSourceCodeAnyFileIsTaken) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto app = admin.post("/api/applications", R"({"code":"APL-KS","name":"SIMKES","owner_agency_id":")" +
                                                 agency_id(admin, "DINKES") + R"(","category":"aplikasi_khusus"})");
  ASSERT_EQ(app.status, 201) << app.body;
  auto up = upload_artifact(admin, text_of(app.json, "id"), "kode_sumber", "simkes.bin",
                            "\x7f"
                            "ELF binary");
  ASSERT_EQ(up.status, 201) << up.body;
  auto confirm = admin.post("/api/artifacts/" + text_of(up.json, "id") + "/explanations", "{}");
  EXPECT_EQ(confirm.status, 422);
  EXPECT_EQ(confirm.json.at("error").at("details").at("reason").as_string(), "not_source_code");
}

INSTANTIATE_TEST_SUITE_P(Databases, SourceCodeHandoverTest, ::testing::ValuesIn(test_support::backends()));
