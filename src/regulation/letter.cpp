#include "regulation/letter.hpp"

#include "core/text.hpp"
#include "pdf/kit.hpp"

namespace simpul::regulation {
namespace {

// A letter's margins: wider than a report's, with room at the foot for the authenticity note.
constexpr pdf::Margins kLetterMargins{72, 72, 50, 84};
constexpr float kNoteSize = 8;
constexpr float kNoteTop = 70;

/// One block of the letter, wrapped between the margins, with `gap` points of space above it.
void block(pdf::Document& doc, HPDF_Font font, float size, const std::string& text, float gap = 0) {
  doc.y -= gap;
  pdf::paragraph(doc, font, size, pdf::clean(text), pdf::kBlack, 1.5f);
  doc.y -= size * 0.5f;
}

/// The note a reader checks the letter with, at the foot of every page (and page numbers when the
/// letter runs over one page).
void foot(pdf::Document& doc, const std::string& note) {
  auto lines = pdf::wrap(doc.regular, kNoteSize, pdf::clean(note), doc.width());
  for (HPDF_Page page : doc.pages) {
    float y = kNoteTop;
    for (const auto& line : lines) {
      pdf::text_at(page, doc.regular, kNoteSize, doc.left(), y, line, pdf::kBlack);
      y -= kNoteSize * 1.5f;
    }
  }
  if (doc.pages.size() > 1) pdf::page_numbers(doc, "Surat Teguran");
}

}  // namespace

std::string letter_signatory(const tenancy::Profile& p) {
  if (!p.sanctions || p.sanctions->imposer == p.head_title) return p.head_of_region();
  return p.sanctions->imposer + " " + p.region_name;
}

std::string reprimand_letter(const LetterInput& in) {
  const auto& p = in.profile;
  const auto* rule = p.rule(in.finding.rule_id);
  const auto* sanction_rule = p.sanctions ? p.rule(p.sanctions->rule) : nullptr;
  std::string citation = rule ? rule->citation : in.finding.rule_id;
  std::string regulation = p.regulation_label() + " tentang " + p.regulation_title;

  pdf::Document doc(kLetterMargins);
  pdf::set_title(doc, "Surat Teguran");
  pdf::new_page(doc);
  block(doc, doc.bold, 14, text::to_upper_ascii(p.government_name));
  block(doc, doc.bold, 13, "SURAT TEGURAN", 10);
  block(doc, doc.regular, 10, "Nomor: ST/" + in.sanction.date.substr(0, 4) + "/" + in.sanction.id.substr(0, 8));
  block(doc, doc.regular, 10, "Tanggal: " + in.sanction.date);
  block(doc, doc.regular, 11,
        "Kepada Yth. Kepala " +
            (in.finding.agency_name.empty() ? std::string("Perangkat Daerah") : in.finding.agency_name),
        10);
  std::string warned;
  for (const auto& e : in.earlier) warned += (warned.empty() ? "" : ", ") + e.date;
  block(doc, doc.regular, 11,
        "Berdasarkan " + (sanction_rule ? sanction_rule->citation + " " : std::string()) + regulation +
            ", dengan ini disampaikan peringatan tertulis berupa surat teguran atas pelanggaran " + citation +
            " yang sampai saat ini belum diperbaiki, walaupun telah diberikan peringatan lisan" +
            (warned.empty() ? std::string() : " pada tanggal " + warned) + ".",
        6);
  block(doc, doc.regular, 11, "Pelanggaran: " + citation + " - " + in.finding.rule_id);
  block(doc, doc.regular, 11, "Objek: " + in.finding.object_label);
  block(doc, doc.regular, 11, "Temuan tercatat sejak: " + in.finding.first_seen_at.substr(0, 10));
  block(doc, doc.regular, 11,
        "Saudara diminta segera melakukan perbaikan sesuai ketentuan tersebut dan melaporkannya melalui Simpul.", 4);
  block(doc, doc.regular, 11, letter_signatory(p), 30);
  foot(doc,
       "Dokumen ini dibuat oleh Simpul. Keasliannya dapat diperiksa: SHA-256 berkas ini ditandatangani dengan kunci "
       "Ed25519 instansi dan tercatat pada jejak audit (sanksi " +
           in.sanction.id + ").");
  return pdf::save(doc, "writing the reprimand letter");
}

}  // namespace simpul::regulation
