#include "regulation/letter.hpp"

#include <hpdf.h>

#include <memory>
#include <stdexcept>

namespace simpul::regulation {
namespace {

std::string ascii(const std::string& s) {
  std::string out;
  for (unsigned char ch : s) out += ch < 0x80 ? static_cast<char>(ch) : '?';
  return out;
}

// libharu is C: errors are recorded here and checked once the document is written, never thrown
// through its frames.
void on_error(HPDF_STATUS error, HPDF_STATUS, void* user_data) {
  auto* first = static_cast<HPDF_STATUS*>(user_data);
  if (*first == 0) *first = error;
}

/// Writes wrapped lines from the cursor down; returns the new y.
float paragraph(HPDF_Page page, HPDF_Font font, float size, float y, const std::string& text) {
  const float left = 72, width = 451;
  std::string rest = ascii(text);
  while (!rest.empty()) {
    HPDF_REAL real_width = 0;
    HPDF_UINT fit = HPDF_Font_MeasureText(font, reinterpret_cast<const HPDF_BYTE*>(rest.data()),
                                          static_cast<HPDF_UINT>(rest.size()), width, size, 0, 0, HPDF_TRUE, &real_width);
    if (fit == 0) fit = static_cast<HPDF_UINT>(rest.size());
    std::string line = rest.substr(0, fit);
    rest.erase(0, fit);
    while (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, size);
    HPDF_Page_TextOut(page, left, y, line.c_str());
    HPDF_Page_EndText(page);
    y -= size * 1.5f;
  }
  return y - size * 0.5f;
}

}  // namespace

std::string reprimand_letter(const LetterInput& in) {
  HPDF_STATUS failure = 0;
  std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, decltype(&HPDF_Free)> doc(HPDF_New(on_error, &failure), &HPDF_Free);
  if (!doc) throw std::runtime_error("libharu: cannot create a document");
  HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL);
  HPDF_Page page = HPDF_AddPage(doc.get());
  HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  HPDF_Font regular = HPDF_GetFont(doc.get(), "Helvetica", nullptr);
  HPDF_Font bold = HPDF_GetFont(doc.get(), "Helvetica-Bold", nullptr);
  const auto& p = in.profile;
  const auto* rule = p.rule(in.finding.rule_id);
  const auto* sanction_rule = p.sanctions ? p.rule(p.sanctions->rule) : nullptr;
  std::string citation = rule ? rule->citation : in.finding.rule_id;
  std::string regulation = p.regulation_label() + " tentang " + p.regulation_title;

  float y = 780;
  y = paragraph(page, bold, 14, y, "PEMERINTAH " + p.region_name);
  y = paragraph(page, bold, 13, y - 10, "SURAT TEGURAN");
  y = paragraph(page, regular, 10, y, "Nomor: ST/" + in.sanction.date.substr(0, 4) + "/" + in.sanction.id.substr(0, 8));
  y = paragraph(page, regular, 10, y, "Tanggal: " + in.sanction.date);
  y = paragraph(page, regular, 11, y - 10,
                "Kepada Yth. Kepala " + (in.finding.agency_name.empty() ? std::string("Perangkat Daerah") : in.finding.agency_name));
  std::string warned;
  for (const auto& e : in.earlier) warned += (warned.empty() ? "" : ", ") + e.date;
  y = paragraph(page, regular, 11, y - 6,
                "Berdasarkan " + (sanction_rule ? sanction_rule->citation + " " : std::string()) + regulation +
                    ", dengan ini disampaikan peringatan tertulis berupa surat teguran atas pelanggaran " + citation +
                    " yang sampai saat ini belum diperbaiki, walaupun telah diberikan peringatan lisan" +
                    (warned.empty() ? std::string() : " pada tanggal " + warned) + ".");
  y = paragraph(page, regular, 11, y, "Pelanggaran: " + citation + " - " + in.finding.rule_id);
  y = paragraph(page, regular, 11, y, "Objek: " + in.finding.object_label);
  y = paragraph(page, regular, 11, y, "Temuan tercatat sejak: " + in.finding.first_seen_at.substr(0, 10));
  y = paragraph(page, regular, 11, y - 4,
                "Saudara diminta segera melakukan perbaikan sesuai ketentuan tersebut dan melaporkannya melalui Simpul.");
  y = paragraph(page, regular, 11, y - 30, p.sanctions ? p.sanctions->imposer + " " + p.region_name : p.head_title);
  paragraph(page, regular, 8, 60,
            "Dokumen ini dibuat oleh Simpul. Keasliannya dapat diperiksa: SHA-256 berkas ini ditandatangani dengan kunci "
            "Ed25519 instansi dan tercatat pada jejak audit (sanksi " + in.sanction.id + ").");

  HPDF_SaveToStream(doc.get());
  HPDF_UINT32 size = HPDF_GetStreamSize(doc.get());
  std::string out(size, '\0');
  HPDF_ReadFromStream(doc.get(), reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
  out.resize(size);
  if (failure != 0) throw std::runtime_error("libharu error " + std::to_string(failure));
  return out;
}

}  // namespace simpul::regulation
