// The audit summaries drawn with the project's PDF kit: one programme (scope, team, steps with
// the Pemda's local dates, findings and their follow-up) and one year of programmes.
#include <map>
#include <tuple>

#include "audit/errors.hpp"
#include "audit/repository.hpp"
#include "audit/service.hpp"
#include "pdf/kit.hpp"
#include "pdf/table.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::audit {
namespace {

/// "2026-12-05" → "5 Desember 2026"; empty stays "-".
std::string long_local_date(const std::string& ymd) {
  static constexpr const char* kMonthNames[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                                "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
  if (ymd.size() < 10) return "-";
  int month = std::stoi(ymd.substr(5, 2));
  return std::to_string(std::stoi(ymd.substr(8, 2))) + " " + kMonthNames[(month + 11) % 12] + " " + ymd.substr(0, 4);
}

std::string long_local_date(const std::optional<std::string>& ymd) {
  return ymd ? long_local_date(*ymd) : std::string("-");
}

std::string severity_label(const std::string& s) {
  if (s == "tinggi") return "Tinggi";
  if (s == "sedang") return "Sedang";
  if (s == "rendah") return "Rendah";
  return s;
}

std::string follow_up_label(const Finding& f, const std::string& today) {
  if (f.state == "terverifikasi") return "Terverifikasi " + long_local_date(f.verified_on);
  if (f.state == "ditindaklanjuti") return "Ditindaklanjuti " + long_local_date(f.followed_up_on);
  return f.due_date < today ? "Terbuka, melewati batas" : "Terbuka";
}

std::string programme_state_label(const std::string& s) {
  if (s == "direncanakan") return "Direncanakan";
  if (s == "dimulai") return "Dimulai";
  if (s == "laporan_diterima") return "Laporan diterima";
  if (s == "ditutup") return "Ditutup";
  return s;
}

std::string correction_field_label(const std::string& field) {
  static const std::vector<std::pair<std::string, std::string>> k = {
      {"title", "judul"},
      {"auditor_name", "nama pelaksana"},
      {"auditor_reference", "rujukan akreditasi/sertifikat"},
      {"team_decree_number", "nomor keputusan tim"},
      {"team_decree_date", "tanggal keputusan tim"},
      {"started_on", "tanggal mulai"},
      {"report_date", "tanggal laporan"},
      {"closed_on", "tanggal ditutup"}};
  for (const auto& [id, name] : k)
    if (id == field) return name;
  return field;
}

std::string named_choice(const std::vector<std::pair<std::string, std::string>>& items, const std::string& id) {
  for (const auto& [key, name] : items)
    if (key == id) return name;
  return id == "tim_auditor_internal" ? "Tim auditor internal" : id;
}

/// Everything the summaries print, read in one transaction.
struct SummaryData {
  std::map<std::string, std::string> objects;   // element id -> "code name"
  std::map<std::string, std::string> agencies;  // agency id -> name
};

SummaryData summary_names(storage::Connection& c, const Scope& s, const tenancy::Service& tenancy,
                          const architecture::Service& elements, const std::vector<std::string>& object_ids) {
  SummaryData d;
  for (const auto& a : tenancy.agencies(c, s)) d.agencies[a.id] = a.name;
  for (const auto& id : object_ids) {
    auto e = elements.find(c, s, id);
    d.objects[id] = e ? e->code + " " + e->name : "(objek tidak lagi terdaftar)";
  }
  return d;
}

void label_value(pdf::Document& doc, const std::string& label, const std::string& value) {
  // Labels are short (one line in bold); values wrap in the rest of the width.
  const float label_width = 160;
  auto lines = pdf::wrap(doc.regular, 10, pdf::clean(value.empty() ? "-" : value), doc.width() - label_width);
  if (lines.empty()) lines.push_back("-");
  pdf::ensure(doc, 14.0f * static_cast<float>(lines.size()));
  pdf::text_at(doc.page, doc.bold, 10, doc.left(), doc.y - 10, pdf::clean(label), pdf::kMuted);
  for (const auto& line : lines) {
    pdf::text_at(doc.page, doc.regular, 10, doc.left() + label_width, doc.y - 10, line, pdf::kInk);
    doc.y -= 14;
  }
}

void title_block(pdf::Document& doc, const tenancy::Profile& p, const std::string& title, const std::string& subtitle) {
  pdf::new_page(doc);
  pdf::paragraph(doc, doc.bold, 11, pdf::clean(p.government_name), pdf::kMuted);
  pdf::paragraph(doc, doc.bold, 16, pdf::clean(title), pdf::kAccent);
  pdf::paragraph(doc, doc.regular, 11, pdf::clean(subtitle), pdf::kInk);
  doc.y -= 6;
}

void findings_table(pdf::Document& doc, const std::vector<Finding>& findings, const SummaryData& names,
                    const std::string& today) {
  if (findings.empty()) {
    pdf::paragraph(doc, doc.regular, 10, "Tidak ada temuan.", pdf::kMuted);
    return;
  }
  const std::vector<pdf::Column> columns = {{"Temuan", 150}, {"Objek", 80},
                                            {"Tingkat", 45}, {"Penanggung jawab", 75},
                                            {"Batas", 60},   {"Tindak lanjut", pdf::kWidth - 410}};
  pdf::table(doc, [&] {
    for (const auto& f : findings) {
      auto object = names.objects.count(f.object_id) ? names.objects.at(f.object_id) : f.object_id;
      auto agency = names.agencies.count(f.agency_id) ? names.agencies.at(f.agency_id) : std::string("-");
      std::vector<pdf::Note> notes;
      if (!f.agreed_action.empty())
        notes.push_back({"Tindakan yang disepakati: " + pdf::clean(f.agreed_action), pdf::kMuted});
      pdf::table_row(doc, columns,
                     {pdf::clean(f.title), pdf::clean(object), severity_label(f.severity), pdf::clean(agency),
                      long_local_date(f.due_date), follow_up_label(f, today)},
                     notes, 0);
    }
  });
}

}  // namespace

std::string Service::summary_pdf(const Scope& s, const std::string& programme_id) const {
  const auto& p = profile_of(s);
  const auto today = p.today();
  auto [v, findings, names] = storage::read(db_, [&](storage::Connection& c) {
    auto prog = Repository(c).programme(s, programme_id);
    if (!prog) throw Error(kProgrammeNotFound);
    auto found = Repository(c).findings(s, programme_id, "");
    std::vector<std::string> ids = prog->object_ids;
    for (const auto& f : found) ids.push_back(f.object_id);
    auto n = summary_names(c, s, tenancy_, elements_, ids);
    return std::make_tuple(view(c, s, *prog, today), std::move(found), std::move(n));
  });
  const auto& x = v.programme;
  const auto& a = audit_profile(p);
  const auto* type = a.type(x.type);

  pdf::Document doc;
  pdf::set_title(doc, "Ringkasan Audit TIK");
  title_block(doc, p, "Ringkasan Audit TIK", x.title);

  pdf::heading(doc, "Program");
  label_value(doc, "Jenis audit", (type ? type->name : x.type) + (x.kind == "internal" ? " (audit internal)" : ""));
  label_value(doc, "Status", programme_state_label(x.state));
  std::string aspects;
  for (const auto& id : x.aspects) aspects += (aspects.empty() ? "" : "; ") + named_choice(audit_aspects(), id);
  label_value(doc, "Aspek yang diperiksa", aspects);
  label_value(doc, "Rencana pelaksanaan", long_local_date(x.planned_start) + " s.d. " + long_local_date(x.planned_end));
  if (v.internal_deadline) label_value(doc, "Batas audit internal", long_local_date(*v.internal_deadline));

  pdf::heading(doc, "Tim dan penugasan");
  label_value(doc, "Pelaksana", x.auditor_name);
  label_value(doc, "Jenis pelaksana", named_choice(auditor_kinds(), x.auditor_kind));
  label_value(doc, "Akreditasi/sertifikat", x.auditor_reference);
  if (!x.team_decree_number.empty())
    label_value(doc, "Keputusan tim audit", x.team_decree_number + ", " + long_local_date(x.team_decree_date));
  label_value(doc, "Tujuan", x.letter_purpose);
  label_value(doc, "Ruang lingkup", x.letter_scope);
  label_value(doc, "Kewenangan", x.letter_authority);
  label_value(doc, "Tugas", x.letter_duties);
  label_value(doc, "Pelaporan", x.letter_reporting);

  pdf::heading(doc, "Objek audit");
  for (const auto& id : x.object_ids)
    pdf::paragraph(doc, doc.regular, 10, pdf::clean("• " + names.objects[id]), pdf::kInk);

  pdf::heading(doc, "Tahapan (" + p.time_zone + ")");
  label_value(doc, "Direncanakan", long_local_date(p.local_date(x.created_at)));
  label_value(doc, "Dimulai", long_local_date(x.started_on));
  label_value(doc, "Laporan diterima", long_local_date(x.report_date));
  label_value(doc, "Ditutup", long_local_date(x.closed_on));
  if (a.routing_rule) {
    label_value(doc, "Ke Ketua Tim Koordinasi", long_local_date(x.sent_to_chair_on));
    label_value(doc, "Ke kepala daerah", long_local_date(x.sent_to_head_on) + " (" + a.routing_to + ")");
  }
  for (const auto& k : v.coordination) {
    label_value(doc, "Koordinasi", k.with + ", " + long_local_date(k.date));
    label_value(doc, "Catatan koordinasi", k.note);
  }
  if (!v.reports.empty())
    label_value(doc, "Berkas laporan",
                v.reports.front().filename + " (SHA-256 " + v.reports.front().sha256.substr(0, 16) + "…)");
  for (const auto& k : v.corrections) {
    label_value(doc, "Koreksi",
                long_local_date(p.local_date(k.corrected_at)) + ", " + k.corrected_by_name + ": " +
                    correction_field_label(k.field) + " " + k.old_value + " → " + k.new_value);
    label_value(doc, "Alasan koreksi", k.reason);
  }

  pdf::heading(doc, "Temuan dan tindak lanjut");
  findings_table(doc, findings, names, today);

  pdf::page_numbers(doc, "Ringkasan Audit TIK · " + x.title);
  return pdf::save(doc, "writing the audit summary");
}

std::string Service::year_summary_pdf(const Scope& s, int year) const {
  const auto& p = profile_of(s);
  const auto today = p.today();
  const std::string prefix = std::to_string(year);
  std::vector<Programme> programmes;
  std::vector<Finding> findings;
  SummaryData names;
  storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    for (auto& x : repo.programmes(s, ""))
      if (x.planned_start.compare(0, 4, prefix) == 0) programmes.push_back(std::move(x));
    std::vector<std::string> ids;
    for (const auto& x : programmes)
      for (auto& f : repo.findings(s, x.id, "")) {
        ids.push_back(f.object_id);
        findings.push_back(std::move(f));
      }
    names = summary_names(c, s, tenancy_, elements_, ids);
    return 0;
  });
  const auto& a = audit_profile(p);

  pdf::Document doc;
  pdf::set_title(doc, "Ringkasan Audit TIK " + prefix);
  title_block(doc, p, "Ringkasan Audit TIK Tahun " + prefix, std::to_string(programmes.size()) + " program audit");

  pdf::heading(doc, "Program audit");
  if (programmes.empty())
    pdf::paragraph(doc, doc.regular, 10, "Tidak ada program audit yang direncanakan pada tahun ini.", pdf::kMuted);
  const std::vector<pdf::Column> columns = {
      {"Program", 170}, {"Jenis", 95}, {"Pelaksana", 100}, {"Status", pdf::kWidth - 365}};
  pdf::table(doc, [&] {
    for (const auto& x : programmes) {
      const auto* type = a.type(x.type);
      std::string state = programme_state_label(x.state);
      if (x.report_date) state += ", laporan " + long_local_date(x.report_date);
      pdf::table_row(
          doc, columns,
          {pdf::clean(x.title), pdf::clean((type ? type->name : x.type) + (x.kind == "internal" ? " (internal)" : "")),
           pdf::clean(x.auditor_name), state});
    }
  });

  int open = 0, followed = 0, verified = 0;
  for (const auto& f : findings)
    (f.state == "terverifikasi" ? verified : f.state == "ditindaklanjuti" ? followed : open) += 1;
  pdf::heading(doc, "Temuan dan tindak lanjut");
  pdf::paragraph(doc, doc.regular, 10,
                 std::to_string(findings.size()) + " temuan: " + std::to_string(open) + " terbuka, " +
                     std::to_string(followed) + " ditindaklanjuti, " + std::to_string(verified) + " terverifikasi.",
                 pdf::kInk);
  doc.y -= 4;
  findings_table(doc, findings, names, today);

  pdf::page_numbers(doc, "Ringkasan Audit TIK " + prefix);
  return pdf::save(doc, "writing the yearly audit summary");
}

}  // namespace simpul::audit
