// The verification result of one PD's proposal as a PDF (the project's PDF kit): its lines with
// what was flagged, the duplicate candidates with how and by whom they were resolved, and the
// steps with who took them and when (in the Pemda's local date).
#include <map>
#include <set>

#include "pdf/kit.hpp"
#include "pdf/table.hpp"
#include "planning/errors.hpp"
#include "planning/line_rules.hpp"
#include "planning/repository.hpp"
#include "planning/service.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::planning {
namespace {

void pdf_line(pdf::Document& doc, HPDF_Font font, float size, const std::string& text, float gap = 2) {
  pdf::paragraph(doc, font, size, pdf::clean(text), pdf::kInk, 1.4f);
  doc.y -= gap;
}

}  // namespace

std::string Service::verification_pdf(const Scope& s, const std::string& proposal_id) const {
  const auto& p = profile_of(s);
  const auto& plan = planning_profile(p);
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto pr = repo.proposal(s, proposal_id);
    if (!pr) throw Error(ErrorCode::PlanProposalNotFound);
    auto cy = repo.cycle(s, pr->cycle_id);
    std::map<std::string, std::string> agencies;
    for (const auto& a : tenancy_.agencies(c, s)) agencies[a.id] = a.name;
    auto lines = repo.lines_of_proposal(s, pr->id);
    std::set<std::string> mine;
    for (const auto& l : lines) mine.insert(l.id);
    auto local = [&](const std::optional<std::string>& at) { return at ? p.local_date(*at) : std::string("-"); };
    auto citation = [&](const std::optional<std::string>& rule) {
      auto r = tenancy::rule_ref(p, rule);
      return r ? " (" + r->citation + ")" : std::string();
    };

    pdf::Document doc;
    pdf::set_title(doc, "Hasil Verifikasi Usulan Anggaran SPBE");
    pdf::new_page(doc);
    pdf_line(doc, doc.bold, 14, p.government_name);
    pdf_line(doc, doc.bold, 13, "Hasil Verifikasi Usulan Anggaran SPBE Tahun " + std::to_string(cy->fiscal_year), 8);
    pdf_line(doc, doc.regular, 11, "Perangkat Daerah: " + agencies[pr->agency_id]);
    pdf_line(doc, doc.regular, 11,
             "Jumlah usulan: " + rupiah_text(pr->total) + " (" + std::to_string(pr->line_count) + " rincian)");
    pdf_line(doc, doc.regular, 11, "Diajukan: " + local(pr->submitted_at));
    pdf_line(doc, doc.regular, 11,
             "Diverifikasi: " + local(pr->verified_at) +
                 (pr->verified_by_name ? " oleh " + *pr->verified_by_name : std::string()) +
                 citation(plan.duplicate_rule));
    pdf_line(doc, doc.regular, 11,
             "Disetujui: " + local(pr->approved_at) +
                 (pr->approved_by_name ? " oleh " + *pr->approved_by_name : std::string()) +
                 citation(plan.approval_rule));
    if (pr->recommended_at)
      pdf_line(doc, doc.regular, 11,
               "Rekomendasi teknis (" + local(pr->recommended_at) + ", " + pr->recommended_by_name.value_or("") +
                   "): " + pr->recommendation + citation(plan.recommendation_rule));
    doc.y -= 8;

    pdf::heading(doc, "Rincian dan catatan pemeriksaan");
    std::vector<pdf::Column> columns = {{"Uraian", 190},
                                        {"Koefisien", 95},
                                        {"Harga satuan", 80, pdf::Column::Right},
                                        {"Jumlah", 130, pdf::Column::Right}};
    pdf::table(doc, [&] {
      for (const auto& l : lines) {
        std::vector<pdf::Note> notes;
        for (const auto& ch : l.checks) notes.push_back({ch.message + citation(ch.rule), pdf::kWarnInk});
        pdf::table_row(doc, columns,
                       {pdf::clean(l.name + " - " + l.account_code), pdf::clean(l.volume_text),
                        rupiah_text(l.unit_price), rupiah_text(l.total)},
                       notes);
      }
    });
    doc.y -= 8;

    auto decision_text = [&](const CandidatePair& x) -> std::string {
      if (x.decision.empty()) return "belum diputuskan";
      return (x.decision == "duplikat" ? "duplikasi" : "berbeda") + std::string(", diputuskan ") + local(x.decided_at) +
             " oleh " + x.decided_by_name;
    };
    pdf::heading(doc, "Kandidat duplikasi dengan Perangkat Daerah lain");
    bool any = false;
    // The PD's pairs only: a cycle holds over 100,000.
    for (const auto& x : repo.candidates(s, pr->cycle_id, "line", pr->agency_id)) {
      if (!mine.count(x.line_a) && !mine.count(x.line_b)) continue;
      any = true;
      auto a = repo.line(s, x.line_a), b = repo.line(s, x.line_b);
      if (!a || !b) continue;
      const auto& other = mine.count(a->id) ? *b : *a;
      const auto& own = mine.count(a->id) ? *a : *b;
      auto decision = decision_text(x);
      pdf_line(doc, doc.regular, 10,
               own.name + " - mirip dengan " + other.name + " (" + agencies[other.agency_id] + "): " + decision +
                   (x.reason.empty() ? std::string() : ". Alasan: " + x.reason));
    }
    if (!any) pdf_line(doc, doc.regular, 10, "Tidak ada kandidat duplikasi.");
    doc.y -= 8;

    // Lines like an application the Pemda already has (service_applications.cpp): line_a the
    // line, line_b the application (an architecture element of the domain aplikasi).
    pdf::heading(doc, "Kemiripan dengan aplikasi yang sudah ada");
    any = false;
    for (const auto& x : repo.candidates(s, pr->cycle_id, "application", pr->agency_id)) {
      if (!mine.count(x.line_a)) continue;
      any = true;
      auto own = repo.line(s, x.line_a);
      auto app = elements_.find(c, s, x.line_b);
      std::string what = app ? app->code + " " + app->name : std::string("(aplikasi telah dihapus dari register)");
      std::string kind = x.reasons.empty() ? std::string()
                         : x.reasons.front() == "aplikasi_umum_mirip"
                             ? " - Aplikasi Umum"
                             : " - aplikasi " + (app ? agencies[app->owner_agency_id] : std::string());
      auto decision = decision_text(x);
      pdf_line(doc, doc.regular, 10,
               (own ? own->name : x.line_a) + " - mirip dengan " + what + kind + ": " + decision +
                   (x.reason.empty() ? std::string() : ". Alasan: " + x.reason));
    }
    if (!any) pdf_line(doc, doc.regular, 10, "Tidak ada rincian yang mirip aplikasi yang sudah ada.");
    pdf::page_numbers(doc, "Hasil verifikasi anggaran SPBE " + agencies[pr->agency_id]);
    return pdf::save(doc, "writing the verification result");
  });
}

}  // namespace simpul::planning
