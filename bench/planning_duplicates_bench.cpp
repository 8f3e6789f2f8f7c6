// Benchmark of the plan-and-budget duplicate finder (issue 18, "Performance"): 60 PDs x 200 lines
// (12,000 lines) of one cycle, generated from realistic RKA item names; times the index build, the
// candidates for the whole cycle and the live check of one line while typing (p50/p99).
//   simpul_planning_duplicates_bench <database-url> [pds] [lines-per-pd] [draft-runs]
// Prints one Markdown table row per measure. bench/planning_duplicates.sh runs it on both databases.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "timing.hpp"
#include "planning/duplicates/index.hpp"
#include "storage/migrations.hpp"

using namespace simpul;
using namespace simpul::planning::duplicates;

namespace {

// What most PDs buy, each with the phrasings different PDs use, and the SSH item where one applies.
struct Commodity {
  std::vector<const char*> names;
  const char* ssh;
};
const std::vector<Commodity> kCommodities = {
    {{"Pengadaan Laptop", "Belanja Modal Notebook", "Pengadaan Komputer Jinjing"}, "1.3.2.10.01.02.001"},
    {{"Pengadaan Personal Computer", "Pengadaan PC Desktop", "Pengadaan Komputer All in One"}, "1.3.2.10.01.01.001"},
    {{"Pengadaan Printer", "Belanja Modal Printer Multifungsi"}, "1.3.2.10.02.03.002"},
    {{"Pengadaan Proyektor", "Pengadaan LCD Proyektor"}, "1.3.2.05.01.04.001"},
    {{"Pengadaan Scanner Dokumen", "Pengadaan Scanner"}, "1.3.2.10.02.03.004"},
    {{"Pengadaan UPS", "Pengadaan Uninterruptible Power Supply"}, ""},
    {{"Pengadaan Access Point Wifi", "Pengadaan Router Wifi"}, ""},
    {{"Pengadaan Switch Jaringan", "Pengadaan Network Switch"}, ""},
    {{"Pengadaan Kabel UTP", "Pengadaan Kabel Jaringan"}, ""},
    {{"Pengadaan Hardisk Eksternal", "Pengadaan Flashdisk"}, ""},
    {{"Pengadaan Tablet", "Pengadaan Komputer Tablet"}, ""},
    {{"Pengadaan Kamera CCTV", "Pemasangan CCTV"}, ""},
    {{"Pengadaan Smart TV", "Pengadaan Videotron"}, ""},
    {{"Pengadaan Kamera Dokumentasi", "Pengadaan Kamera DSLR"}, ""},
    {{"Pengadaan Mesin Presensi Sidik Jari", "Pengadaan Mesin Absensi"}, ""},
    {{"Pengadaan Tinta Printer", "Belanja Toner Printer"}, ""},
    {{"Pemeliharaan Komputer dan Printer", "Service Laptop dan Printer"}, ""},
    {{"Pemeliharaan Jaringan Komputer", "Perawatan Jaringan LAN"}, ""},
    {{"Langganan Internet", "Jasa Layanan Akses Internet", "Sewa Bandwidth Internet"}, ""},
    {{"Langganan Zoom Meeting", "Langganan Aplikasi Video Conference"}, ""},
    {{"Lisensi Microsoft Office 365", "Langganan Office 365"}, ""},
    {{"Lisensi Antivirus", "Perpanjangan Lisensi Anti Virus"}, ""},
    {{"Langganan Adobe Creative Cloud", "Lisensi Aplikasi Desain Grafis"}, ""},
    {{"Langganan Domain dan Hosting", "Sewa Hosting Website"}, ""},
    {{"Langganan Layanan SMS Gateway", "Sewa SMS Gateway"}, ""},
    {{"Langganan Cloud Storage", "Sewa Penyimpanan Cloud"}, ""},
    {{"Pemeliharaan Website", "Perawatan Situs Web"}, ""},
    {{"Pelatihan Operator Aplikasi", "Bimtek Pengelola Aplikasi"}, ""},
    {{"Pelatihan Keamanan Informasi", "Bimtek Keamanan Informasi"}, ""},
    {{"Honorarium Operator Komputer", "Honorarium Admin Website"}, ""},
    {{"Jasa Tenaga Ahli Programmer", "Honorarium Tenaga Ahli Jaringan"}, ""},
    {{"Sosialisasi Aplikasi E-Office", "Sosialisasi Tanda Tangan Elektronik"}, ""},
};
const std::vector<const char*> kQualifiers = {
    "",    "",         "untuk Staf", "Ruang Rapat", "Sekretariat", "Bidang Pelayanan", "Bidang Program",
    "UPT", "Pimpinan", "Operator"};
const std::vector<const char*> kVolumes = {"",      "2 Unit", "5 Unit", "1 Paket", "12 Bulan", "1 Unit x 12 Bulan",
                                           "3 Unit"};

// The domain a PD works in; its own applications and studies are named after it.
const std::vector<const char*> kDomains = {"Pendidikan",
                                           "Kesehatan",
                                           "Perhubungan",
                                           "Pariwisata",
                                           "Perizinan",
                                           "Kependudukan",
                                           "Sosial",
                                           "Pertanian",
                                           "Perikanan",
                                           "Lingkungan Hidup",
                                           "Pekerjaan Umum",
                                           "Perumahan",
                                           "Koperasi",
                                           "UMKM",
                                           "Perdagangan",
                                           "Perindustrian",
                                           "Tenaga Kerja",
                                           "Kepemudaan",
                                           "Kebudayaan",
                                           "Perpustakaan",
                                           "Kearsipan",
                                           "Ketahanan Pangan",
                                           "Pemadam Kebakaran",
                                           "Ketertiban Umum",
                                           "Kesatuan Bangsa",
                                           "Kebencanaan",
                                           "Pendapatan Daerah",
                                           "Keuangan Daerah",
                                           "Barang Milik Daerah",
                                           "Kepegawaian",
                                           "Pengawasan Internal",
                                           "Perencanaan Pembangunan",
                                           "Hukum",
                                           "Organisasi",
                                           "Pengadaan Barang Jasa",
                                           "Protokol",
                                           "Rumah Sakit",
                                           "Puskesmas",
                                           "Statistik Sektoral",
                                           "Persandian",
                                           "Komunikasi Publik",
                                           "Penanaman Modal",
                                           "Pertanahan",
                                           "Peternakan",
                                           "Energi",
                                           "Parkir",
                                           "Pasar Rakyat",
                                           "Air Minum",
                                           "Pemakaman",
                                           "Pertamanan",
                                           "Persampahan",
                                           "Keluarga Berencana",
                                           "Pemberdayaan Perempuan",
                                           "Perlindungan Anak",
                                           "Pemerintahan Desa",
                                           "Kecamatan Utara",
                                           "Kecamatan Selatan",
                                           "Kecamatan Timur",
                                           "Kecamatan Barat",
                                           "Kecamatan Tengah"};
const std::vector<const char*> kWorks = {
    "Pengembangan Aplikasi",   "Pemeliharaan Aplikasi", "Pengembangan Dashboard", "Penyusunan Kajian",
    "Pengembangan Basis Data", "Integrasi Data",        "Pengadaan Server",       "Pengembangan Sistem Informasi"};
const std::vector<const char*> kTopics = {
    "Perizinan",    "Pelaporan", "Monitoring", "Pendataan",  "Informasi", "Layanan Online", "Pengaduan",  "Survei",
    "Peta Digital", "Antrian",   "Registrasi", "Verifikasi", "Evaluasi",  "Jadwal",         "Inventaris", "Kinerja"};
// Applications several PDs propose on their own: the duplicates the finder exists for.
const std::vector<const char*> kShared = {"Pengembangan Aplikasi Presensi Pegawai",
                                          "Pengembangan Aplikasi E-Office",
                                          "Pengembangan Aplikasi Tata Naskah Dinas Elektronik",
                                          "Pengembangan Aplikasi Pengaduan Masyarakat",
                                          "Pengembangan Aplikasi Survei Kepuasan Masyarakat",
                                          "Pengembangan Aplikasi Antrian Online",
                                          "Pengembangan Aplikasi Buku Tamu Digital",
                                          "Pembangunan Website",
                                          "Pengembangan Aplikasi Arsip Digital",
                                          "Pengembangan Aplikasi E-Kinerja"};

std::string pick(std::mt19937& rng, const std::vector<const char*>& v) { return v[rng() % v.size()]; }

std::string join(std::initializer_list<std::string> parts) {
  std::string s;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!s.empty()) s += ' ';
    s += p;
  }
  return s;
}

std::vector<LineText> generate(int pds, int per_pd) {
  std::mt19937 rng(18);
  std::vector<LineText> lines;
  for (int pd = 0; pd < pds; ++pd) {
    std::string agency = "pd-" + std::to_string(pd);
    std::string domain = kDomains[pd % kDomains.size()];
    for (int i = 0; i < per_pd; ++i) {
      LineText l{agency + "-l" + std::to_string(i), "cy-2027", agency, "", "", "", {}};
      int kind = static_cast<int>(rng() % 100);
      if (kind < 30) {  // a commodity
        const auto& c = kCommodities[rng() % kCommodities.size()];
        l.name = join({c.names[rng() % c.names.size()], pick(rng, kQualifiers), pick(rng, kVolumes)});
        if (*c.ssh && rng() % 2) l.ssh_code = c.ssh;
      } else if (kind < 37) {  // an application other PDs may propose too
        auto s = rng() % kShared.size();
        l.name = join({kShared[s], pick(rng, kVolumes)});
        l.element_ids = {"app-shared-" + std::to_string(s)};
      } else {  // the PD's own work
        auto topic = pick(rng, kTopics);
        l.name = join({pick(rng, kWorks), topic, domain, rng() % 3 ? "" : "Tahap " + std::to_string(1 + rng() % 3)});
        if (rng() % 2) l.element_ids = {"app-" + agency + "-" + topic};
      }
      lines.push_back(std::move(l));
    }
  }
  return lines;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <database-url> [pds] [lines-per-pd] [draft-runs]\n", argv[0]);
    return 2;
  }
  std::string url = argv[1];
  int pds = argc > 2 ? std::atoi(argv[2]) : 60;
  int per_pd = argc > 3 ? std::atoi(argv[3]) : 200;
  int runs = argc > 4 ? std::atoi(argv[4]) : 300;
  auto db = storage::Database::open(url, 2);
  storage::migrate(*db, migrations());
  auto c = db->acquire();
  const char* dialect = db->dialect() == storage::Dialect::Postgres ? "PostgreSQL" : "SQLite";
  auto lines = generate(pds, per_pd);

  auto t = bench::Clock::now();
  {
    storage::Transaction tx(*c, storage::Transaction::Write);
    for (const auto& l : lines) upsert(*c, "t-bench", l);
    tx.commit();
  }
  double load_ms = bench::ms_since(t);
  if (db->dialect() == storage::Dialect::Postgres) c->execute("ANALYZE planning_dup_lines");

  // CPU time of this process next to wall time: on a shared machine the wall clock also counts
  // the time other processes held the cores (docs/benchmarks.md says which machine).
  std::size_t found = 0;
  std::vector<double> cycle_cpu;
  auto cycle = bench::time_runs(3, [&](int) {
    auto t0 = std::clock();
    found = candidates_for_cycle(*c, "t-bench", "cy-2027").size();
    cycle_cpu.push_back(1000.0 * static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC);
  });
  std::sort(cycle_cpu.begin(), cycle_cpu.end());

  // The live check: a PD types a line; names drawn from the same generator, as another agency.
  std::mt19937 rng(7);
  std::size_t shown = 0;
  std::vector<double> draft_cpu;
  auto draft = bench::time_runs(runs, [&](int i) {
    LineText d = lines[rng() % lines.size()];
    d.line_id = "";
    d.agency_id = "pd-new";
    auto t0 = std::clock();
    shown += candidates_for_draft(*c, "t-bench", d, 10).size();
    draft_cpu.push_back(1000.0 * static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC);
  });
  std::sort(draft_cpu.begin(), draft_cpu.end());

  std::printf("| %s | index %zu lines (%d PDs x %d) | %.0f ms | |\n", dialect, lines.size(), pds, per_pd, load_ms);
  std::printf(
      "| %s | candidates for the whole cycle (%zu pairs) | %.0f ms (median of 3); this process's CPU %.0f ms | target < 2000 ms |\n",
      dialect, found, cycle.p50, cycle_cpu[1]);
  std::printf(
      "| %s | draft check of one line, top 10 (%d runs, %.1f shown on average) | p50 %.1f ms, p99 %.1f ms; this process's CPU p50 %.1f ms, p99 %.1f ms | target p99 < 30 ms |\n",
      dialect, runs, static_cast<double>(shown) / runs, draft.p50, draft.p99, draft_cpu[draft_cpu.size() / 2],
      draft_cpu[std::min(draft_cpu.size() - 1, draft_cpu.size() * 99 / 100)]);
  return 0;
}
