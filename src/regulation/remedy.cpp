#include "regulation/remedy.hpp"

#include <string_view>
#include <vector>

namespace simpul::regulation {
namespace {

/// One row: a subject, a rule kind ("" = any) and, for value rules, the field ("" = any).
struct RemedyRow {
  const char* subject;
  const char* kind;
  const char* field;
  const char* action;
  const char* action_en;
  const char* place;
  const char* place_en;
  const char* link;  // "{id}" stands for the finding's object
};

constexpr const char* kRemedyApp = "/aplikasi/{id}";
constexpr const char* kRemedyAppPlace = "Data aplikasi";
constexpr const char* kRemedyAppPlaceEn = "Application data";
constexpr const char* kRemedyNetworkAssessment =
    "Nilai jaringan sesuai pasal ini, perbaiki bila belum memenuhi, lalu catat penilaiannya.";
constexpr const char* kRemedyNetworkAssessmentEn =
    "Assess the network against this article, remedy what falls short, then record the assessment.";

/// A row's field matches the finding's exactly, or by prefix when it ends in '*' ("att_*").
bool field_matches(std::string_view pattern, std::string_view field) {
  if (pattern.ends_with('*')) return field.starts_with(pattern.substr(0, pattern.size() - 1));
  return field == pattern;
}

// The first matching row wins: specific fields before the subject's catch-all.
const std::vector<RemedyRow>& remedy_rows() {
  static const std::vector<RemedyRow> rows = {
      {"application", "value-must-match-pattern", "host",
       "Pasang aplikasi pada subdomain domain resmi Pemda, lalu perbarui alamatnya.",
       "Serve the application from a subdomain of the Pemda's official domain, then update its address.",
       kRemedyAppPlace, kRemedyAppPlaceEn, kRemedyApp},
      {"application", "value-must-match-pattern", "contact_email",
       "Ganti surel kontak aplikasi dengan alamat pada domain surel resmi Pemda.",
       "Change the application's contact e-mail to an address on the Pemda's official e-mail domain.", kRemedyAppPlace,
       kRemedyAppPlaceEn, kRemedyApp},
      {"application", "value-must-match-pattern", "hosting",
       "Tempatkan aplikasi di Pusat Data, lalu perbarui penempatannya.",
       "Place the application in the Pusat Data, then update its hosting.", kRemedyAppPlace, kRemedyAppPlaceEn,
       kRemedyApp},
      {"application", "value-must-match-pattern", "owner_mandiri_tik",
       "Tempatkan aplikasi di Pusat Data, atau pastikan pengelolanya Perangkat Daerah Mandiri TIK yang ditetapkan.",
       "Place the application in the Pusat Data, or make sure a designated PD Mandiri TIK runs it.", kRemedyAppPlace,
       kRemedyAppPlaceEn, kRemedyApp},
      {"application", "value-must-match-pattern", "builder",
       "Serahkan pembangunan kepada pihak yang berwenang menurut peraturan, lalu perbarui pembangunnya.",
       "Have the application built by the party the regulation names, then update its builder.", kRemedyAppPlace,
       kRemedyAppPlaceEn, kRemedyApp},
      {"application", "value-must-match-pattern", "services",
       "Tautkan aplikasi ke layanan yang didukungnya dalam Arsitektur SPBE.",
       "Link the application to the service it supports in the Arsitektur SPBE.", "Arsitektur SPBE",
       "SPBE architecture", "/arsitektur"},
      {"application", "periodic-duty", "", "Laksanakan audit aplikasi dan catat hasilnya.",
       "Carry out the application audit and record it.", "Audit TIK", "ICT audit", "/audit"},
      {"application", "deadline-since-event", "",
       "Sesuaikan aplikasi dengan ketentuan yang dilanggarnya sebelum tenggat.",
       "Bring the application in line with the rules it breaks before the deadline.", kRemedyAppPlace,
       kRemedyAppPlaceEn, kRemedyApp},
      {"service", "", "applications", "Tautkan layanan ke aplikasi yang mendukungnya.",
       "Link the service to the application that supports it.", "Elemen arsitektur", "Architecture element",
       "/arsitektur/elemen/{id}"},
      {"architecture_document", "", "approved",
       "Tetapkan dokumen dengan keputusan kepala daerah dan unggah penetapannya.",
       "Have the document set by the head of region's decree and upload it.", "Dokumen Arsitektur dan Peta Rencana",
       "Architecture and roadmap documents", "/arsitektur/dokumen"},
      {"architecture_document", "", "valid", "Susun dan tetapkan versi baru dokumen untuk periode yang berjalan.",
       "Draft and set a new version of the document for the current period.", "Dokumen Arsitektur dan Peta Rencana",
       "Architecture and roadmap documents", "/arsitektur/dokumen"},
      {"architecture_document", "deadline-since-event", "", "Lakukan reviu dokumen dan catat hasilnya.",
       "Review the document and record the review.", "Dokumen Arsitektur dan Peta Rencana",
       "Architecture and roadmap documents", "/arsitektur/dokumen"},
      {"server", "", "", "Pindahkan server ke Pusat Data, atau catat siapa yang berwenang mengelolanya.",
       "Move the server into the Pusat Data, or record who may run it.", "Infrastruktur — Pusat Data",
       "Infrastructure — data centre", "/infrastruktur/pusat-data"},
      // Attestation findings (docs/infrastructure.md, "Attestations"): the remedy is an assessment
      // recorded where the object is listed, whatever the article's topic.
      {"site", "", "att_*", "Nilai Pusat Data sesuai pasal ini, perbaiki bila belum memenuhi, lalu catat penilaiannya.",
       "Assess the Pusat Data against this article, remedy what falls short, then record the assessment.",
       "Infrastruktur — Pusat Data", "Infrastructure — data centre", "/infrastruktur/pusat-data"},
      {"lan", "", "att_*", kRemedyNetworkAssessment, kRemedyNetworkAssessmentEn, "Infrastruktur — Jaringan",
       "Infrastructure — network", "/infrastruktur/jaringan"},
      {"jaringan_intra", "", "", kRemedyNetworkAssessment, kRemedyNetworkAssessmentEn, "Infrastruktur — Jaringan",
       "Infrastructure — network", "/infrastruktur/jaringan"},
      {"site", "", "", "Perbarui status lokasi sesuai penilaian atau rencana yang disetujui.",
       "Update the site's status to an assessed or approved plan.", "Infrastruktur — Pusat Data",
       "Infrastructure — data centre", "/infrastruktur/pusat-data"},
      {"fasilitas_dinas", "", "",
       "Daftarkan pusat pemulihan data dan pusat pengelolaan jaringan yang dioperasikan Dinas sebagai lokasi.",
       "Register the data recovery centre and the network operations centre the Dinas operates as sites.",
       "Infrastruktur — Pusat Data", "Infrastructure — data centre", "/infrastruktur/pusat-data"},
      {"backup_duty", "", "", "Cadangkan data ke server di Pusat Data sesuai jadwal dan catat pencadangannya.",
       "Back the data up to a server in the Pusat Data on schedule and record each backup.",
       "Infrastruktur — Pencadangan", "Infrastructure — backups", "/infrastruktur/pencadangan"},
      {"lan", "", "", "Unggah diagram LAN terkini Perangkat Daerah untuk Dinas.",
       "Upload the PD's current LAN diagram for the Dinas.", "Infrastruktur — Jaringan", "Infrastructure — network",
       "/infrastruktur/jaringan"},
      {"device", "", "", "Laporkan perubahan perangkat jaringan kepada Dinas dan catat koordinasinya.",
       "Report the network device's change to the Dinas and record the coordination.", "Infrastruktur — Jaringan",
       "Infrastructure — network", "/infrastruktur/jaringan"},
      {"bandwidth_month", "", "", "Catat evaluasi penggunaan bandwidth bulan tersebut.",
       "Record the evaluation of that month's bandwidth use.", "Infrastruktur — Bandwidth",
       "Infrastructure — bandwidth", "/infrastruktur/bandwidth"},
      {"audit_infrastruktur", "", "", "Laksanakan audit infrastruktur dan catat hasilnya.",
       "Carry out the infrastructure audit and record it.", "Audit TIK", "ICT audit", "/audit"},
      {"audit_aplikasi", "", "", "Laksanakan audit aplikasi dan catat hasilnya.",
       "Carry out the application audit and record it.", "Audit TIK", "ICT audit", "/audit"},
      {"audit_keamanan", "", "", "Laksanakan audit keamanan dan catat hasilnya.",
       "Carry out the security audit and record it.", "Audit TIK", "ICT audit", "/audit"},
      {"service_desk", "", "",
       "Tunjuk petugas atau unit layanan sesuai tingkat yang diwajibkan, lalu catat di pengaturan staf.",
       "Appoint the staff or unit of the required service level and record it in the staffing.", "Layanan TIK — Staf",
       "Service desk — staffing", "/layanan/staf"},
  };
  return rows;
}

std::string remedy_with_id(std::string link, const std::string& id) {
  auto at = link.find("{id}");
  if (at != std::string::npos) link.replace(at, 4, id);
  return link;
}

/// An application missing an item of a precondition or document set: the tab where it is added.
std::optional<Remedy> remedy_missing(const std::string& item, const std::string& app) {
  const std::string base = "/aplikasi/" + app + "?tab=";
  if (item == "recommendation")
    return Remedy{"Ajukan permohonan rekomendasi dan dapatkan keputusan yang menyetujuinya.",
                  "Request the recommendation and obtain a decision approving it.", "Aplikasi — Rekomendasi",
                  "Application — Recommendations", base + "rekomendasi"};
  if (item.size() > 14 && item.compare(item.size() - 14, 14, "_consideration") == 0)
    return Remedy{"Ajukan permohonan pertimbangan dan dapatkan keputusannya.",
                  "Request the consideration and obtain its decision.", "Aplikasi — Pertimbangan",
                  "Application — Considerations", base + "pertimbangan"};
  if (item == "test_passed")
    return Remedy{"Uji aplikasi dan catat uji kelaikan yang lulus.",
                  "Test the application and record a passed fitness test.", "Aplikasi — Uji kelaikan",
                  "Application — Fitness tests", base + "uji"};
  return Remedy{"Unggah dokumen yang belum ada ke Repositori aplikasi.",
                "Upload the missing documents to the application's Repositori.", "Aplikasi — Repositori",
                "Application — Repository", base + "repositori"};
}

}  // namespace

std::optional<Remedy> remedy_for(const std::string& subject, const std::string& kind,
                                 const boost::json::object& details, const std::string& object_id) {
  if (subject == "application" && (kind == "precondition-of-transition" || kind == "required-documents")) {
    const auto* missing = details.if_contains("missing");
    if (missing && missing->is_array() && !missing->as_array().empty() && missing->as_array().front().is_string())
      return remedy_missing(std::string(missing->as_array().front().as_string()), object_id);
    return std::nullopt;
  }
  std::string field;
  if (const auto* f = details.if_contains("field"); f && f->is_string()) field = f->as_string();
  for (const auto& row : remedy_rows()) {
    if (subject != row.subject) continue;
    if (*row.kind && kind != row.kind) continue;
    if (*row.field && !field_matches(row.field, field)) continue;
    Remedy out{row.action, row.action_en, row.place, row.place_en, remedy_with_id(row.link, object_id)};
    if (subject == "architecture_document") {
      // The documents screen opens on the kind of document the finding is about.
      std::string doc = object_id == "arsitektur" || object_id == "peta_rencana" ? object_id : "";
      if (const auto* k = details.if_contains("kind"); doc.empty() && k && k->is_string()) doc = k->as_string();
      if (!doc.empty()) out.link += "?kind=" + doc;
    }
    return out;
  }
  return std::nullopt;
}

boost::json::value remedy_json(const std::optional<Remedy>& r) {
  if (!r) return nullptr;
  return boost::json::object{{"action", r->action},
                             {"action_en", r->action_en},
                             {"place", r->place},
                             {"place_en", r->place_en},
                             {"link", r->link}};
}

}  // namespace simpul::regulation
