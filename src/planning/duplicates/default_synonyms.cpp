// The synonym list every tenant starts with: words RKA lines of different PDs use for the same
// thing. The Dinas edits it per tenant (add_synonym / remove_synonym override these entries).
#include "planning/duplicates/normalize.hpp"

namespace simpul::planning::duplicates {

const std::vector<Synonym>& default_synonyms() {
  static const std::vector<Synonym> list = {
      // devices
      {"notebook", "laptop"}, {"komputer jinjing", "laptop"}, {"netbook", "laptop"},
      {"pc", "komputer"}, {"personal computer", "komputer"}, {"pc desktop", "komputer"},
      {"komputer desktop", "komputer"}, {"komputer pc", "komputer"}, {"all in one", "komputer"},
      {"aio", "komputer"}, {"pencetak", "printer"}, {"mesin cetak", "printer"},
      {"projector", "proyektor"}, {"lcd proyektor", "proyektor"}, {"infocus", "proyektor"},
      {"kamera pengawas", "cctv"}, {"peladen", "server"}, {"uninterruptible power supply", "ups"},
      {"wi fi", "wifi"}, {"hotspot", "wifi"}, {"access point", "wifi"},
      // connectivity and hosting
      {"bandwidth", "internet"}, {"koneksi internet", "internet"}, {"akses internet", "internet"},
      {"jaringan internet", "internet"}, {"berlangganan", "langganan"}, {"sewa", "langganan"},
      {"data center", "pusat data"}, {"datacenter", "pusat data"}, {"ruang server", "pusat data"},
      {"surel", "email"}, {"e mail", "email"}, {"surat elektronik", "email"},
      {"situs web", "website"}, {"situs", "website"}, {"laman", "website"}, {"web", "website"},
      // applications
      {"sistem informasi", "aplikasi"}, {"sisfo", "aplikasi"}, {"software", "aplikasi"},
      {"perangkat lunak", "aplikasi"}, {"piranti lunak", "aplikasi"},
      {"absensi", "presensi"}, {"absen", "presensi"}, {"kehadiran", "presensi"},
      {"tata naskah dinas elektronik", "e office"}, {"naskah dinas elektronik", "e office"},
      {"tnde", "e office"}, {"eoffice", "e office"}, {"persuratan elektronik", "e office"},
      {"tanda tangan elektronik", "tte"}, {"sertifikat elektronik", "tte"},
      {"tanda tangan digital", "tte"}, {"anti virus", "antivirus"}, {"license", "lisensi"},
      {"video conference", "vicon"}, {"konferensi video", "vicon"}, {"video konferensi", "vicon"},
      {"rapat daring", "vicon"}, {"pengaduan", "aduan"},
      // kinds of work
      {"perawatan", "pemeliharaan"}, {"maintenance", "pemeliharaan"}, {"pembangunan", "pengembangan"},
      {"pembuatan", "pengembangan"}, {"development", "pengembangan"}, {"studi", "kajian"},
      {"diklat", "pelatihan"}, {"bimtek", "pelatihan"}, {"bimbingan teknis", "pelatihan"},
      {"training", "pelatihan"}, {"service", "pemeliharaan"}, {"servis", "pemeliharaan"},
      {"perbaikan", "pemeliharaan"}, {"instalasi", "pemasangan"}, {"penerapan", "implementasi"},
      {"perpanjangan", "langganan"}, {"pembelian", "pengadaan"}, {"pelayanan", "layanan"},
      {"network", "jaringan"}, {"kamera cctv", "cctv"}, {"hardware", "perangkat keras"},
      {"handy talky", "ht"}, {"radio ht", "ht"}, {"rencana induk", "masterplan"},
      {"penyimpanan", "storage"}, {"network attached storage", "nas"}, {"storage nas", "nas"},
      {"antrean", "antrian"}, {"terintegrasi", "integrasi"}, {"elektronik", "digital"},
      {"e jurnal", "jurnal digital"}, {"service desk", "helpdesk"}, {"help desk", "helpdesk"},
      {"penetration test", "pentest"}, {"uji penetrasi", "pentest"}, {"komputer tablet", "tablet"}, {"data terbuka", "open data"}, {"sistem informasi geografis", "sig"},
  };
  return list;
}

}  // namespace simpul::planning::duplicates
