#include "architecture/evidence.hpp"

#include <algorithm>
#include <map>

#include "architecture/document_repository.hpp"
#include "architecture/documents.hpp"
#include "architecture/evidence_repository.hpp"
#include "architecture/evidence_topics.hpp"
#include "core/crypto.hpp"
#include "tenancy/profile.hpp"
#include "tenancy/service.hpp"

namespace simpul::architecture {
namespace {

using evaluation::EvidenceProposal;
using evaluation::EvidenceQuery;
using evaluation::joined;
using evaluation::kMaxListedRecords;
using evaluation::owned_by;
using evaluation::ProposalSink;

// An assessor reads a list, not a register: per topic at most this many single records; the
// aggregate proposal carries the full counts.

/// The year the evaluation looks at: the query's, else the year of `today`.
int evaluation_year(const EvidenceQuery& q) {
  if (q.year) return q.year;
  int y = 0;
  for (std::size_t i = 0; i < 4 && i < q.today.size(); ++i) {
    if (q.today[i] < '0' || q.today[i] > '9') return 0;
    y = y * 10 + (q.today[i] - '0');
  }
  return y;
}

// ---- Arsitektur SPBE and Peta Rencana SPBE documents -------------------------------------------

const char* document_name(const std::string& kind) {
  return kind == "peta_rencana" ? "Peta Rencana SPBE" : "Arsitektur SPBE";
}
const char* evidence_kind(const std::string& kind) {
  return kind == "peta_rencana" ? "roadmap" : "architecture_document";
}

std::string documents_link(const std::string& kind, const std::string& id) {
  return "/arsitektur/dokumen?kind=" + kind + (id.empty() ? "" : "&versi=" + id);
}

std::string document_label(const Document& d) { return d.title + " (versi " + std::to_string(d.version) + ")"; }

/// "paruh waktu", "tahun terakhir", "tahun 2027": which review of the schedule.
std::string review_name(const DueReview& due) {
  if (due.label == "mid_term") return "paruh waktu";
  if (due.label == "final_year") return "tahun terakhir";
  if (due.label.rfind("year_", 0) == 0) return "tahun " + due.label.substr(5);
  return due.label;
}

/// The version in force with its decree, period and reviews; gaps when none is approved, when the
/// evaluation year is outside its period, and for every review the schedule says is overdue.
void propose_document(storage::Connection& c, const EvidenceQuery& q, const std::string& kind, ProposalSink& out) {
  DocumentRepository repo(c);
  const char* name = document_name(kind);
  auto d = repo.approved(q.scope, kind);
  if (!d) {
    std::string detail = "Belum ada versi yang ditetapkan.";
    for (const auto& other : repo.documents(q.scope, kind))  // newest version first
      if (other.status == "draft") {
        detail = "Draf versi " + std::to_string(other.version) + " sedang disusun; belum ditetapkan.";
        break;
      }
    out.add(evidence_kind(kind), "", std::string(name) + " belum ditetapkan", detail, documents_link(kind, ""), false);
    return;
  }
  const tenancy::PlanDocumentSpec* spec =
      q.profile ? &(kind == "peta_rencana" ? q.profile->architecture.roadmap : q.profile->architecture.document)
                : nullptr;
  std::string detail = "Ditetapkan dengan " +
                       (spec && spec->instrument ? *spec->instrument : std::string("keputusan")) + " Nomor " +
                       d->instrument_number.value_or("-") + " tanggal " + d->instrument_date.value_or("-") +
                       "; berlaku " + std::to_string(d->period_start) + "–" + std::to_string(d->period_end) + ".";
  std::vector<DueReview> schedule;
  if (spec) schedule = review_schedule(*d, spec->review, repo.reviews(q.scope, d->id), q.today);
  std::vector<std::string> reviews;
  for (const auto& due : schedule)
    reviews.push_back(review_name(due) + (due.review_id ? " tercatat"
                                          : due.overdue ? " terlambat (jatuh tempo " + due.due + ")"
                                                        : " jatuh tempo " + due.due));
  if (!reviews.empty()) detail += " Reviu: " + joined(reviews, "; ") + ".";
  auto link = documents_link(kind, d->id);
  out.add(evidence_kind(kind), d->id, document_label(*d), detail, link, true);

  int year = evaluation_year(q);
  if (year && (year < d->period_start || year > d->period_end))
    out.add(evidence_kind(kind), d->id, std::string(name) + " tidak berlaku pada tahun " + std::to_string(year),
            "Masa berlaku versi " + std::to_string(d->version) + ": " + std::to_string(d->period_start) + "–" +
                std::to_string(d->period_end) + "; perlu versi baru yang ditetapkan.",
            link, false);
  for (const auto& due : schedule)
    if (due.overdue)
      out.add(evidence_kind(kind), d->id, "Reviu " + review_name(due) + " " + name + " terlambat",
              "Jatuh tempo " + due.due + "; belum ada reviu tercatat untuk versi " + std::to_string(d->version) + ".",
              link, false);
}

// ---- Peta Rencana initiatives -----------------------------------------------------------------

/// Initiatives by status; where the regulation wants yearly monitoring, every initiative running
/// in the evaluation year without a monitoring record for that year is a gap.
void propose_initiatives(storage::Connection& c, const EvidenceQuery& q, ProposalSink& out) {
  EvidenceRepository repo(c);
  auto rows = repo.initiatives(q.scope, q.agency_id);
  if (rows.empty()) {
    out.add("initiatives", "", "Belum ada inisiatif Peta Rencana" + owned_by(q),
            "Peta Rencana belum memuat program/kegiatan.", "/peta-rencana", false);
    return;
  }
  int year = evaluation_year(q);
  auto monitored = repo.monitored_initiatives(q.scope, year);
  std::map<std::string, int> by_status;
  std::vector<const EvidenceRepository::InitiativeRow*> unmonitored;
  int running = 0;
  for (const auto& r : rows) {
    ++by_status[r.status];
    if (r.status != "batal" && r.start_year <= year && year <= r.target_year) {
      ++running;
      if (!monitored.count(r.id)) unmonitored.push_back(&r);
    }
  }
  std::vector<std::string> parts;
  for (const char* s : {"rencana", "berjalan", "selesai", "tertunda", "batal"})
    if (by_status.count(s)) parts.push_back(std::string(s) + " " + std::to_string(by_status[s]));
  std::string detail = joined(parts);
  if (running)
    detail += "; monitoring tahun " + std::to_string(year) + ": " +
              std::to_string(running - static_cast<int>(unmonitored.size())) + " dari " + std::to_string(running) +
              " inisiatif";
  out.add("initiatives", "", "Inisiatif Peta Rencana" + owned_by(q) + ": " + std::to_string(rows.size()) + " inisiatif",
          detail, "/peta-rencana", true);
  bool yearly = q.profile && q.profile->architecture.roadmap.monitoring_frequency == "annual";
  if (!yearly) return;
  for (std::size_t i = 0; i < unmonitored.size() && i < kMaxListedRecords; ++i) {
    const auto& r = *unmonitored[i];
    out.add("initiative", r.id, r.code + " " + r.name,
            "Belum ada monitoring tahun " + std::to_string(year) + "; regulasi mewajibkan monitoring setiap tahun.",
            "/peta-rencana?initiative=" + r.id, false);
  }
}

// ---- Teams ------------------------------------------------------------------------------------

/// The teams of the profile with their members; a gap for every mandatory position of a required
/// team that has fewer members than the regulation's minimum. Teams serve the whole Pemda, so the
/// agency filter does not apply.
void propose_teams(const EvidenceReader& reader, const EvidenceQuery& q, ProposalSink& out) {
  if (!q.profile) return;  // which teams and positions exist is the regulation's to say
  auto teams = reader.tenancy.teams(reader.c, q.scope);
  for (const auto& spec : q.profile->teams) {
    auto team = std::find_if(teams.begin(), teams.end(), [&](const tenancy::Team& t) { return t.kind == spec.id; });
    if (team == teams.end()) {
      if (!spec.optional)
        out.add("team", "", spec.name + " belum dibentuk", "Tim ini diwajibkan regulasi.", "/tim", false);
      continue;
    }
    std::vector<std::string> parts;
    for (const auto& pos : spec.positions) {
      auto n = std::count_if(team->members.begin(), team->members.end(),
                             [&](const auto& m) { return m.position_id == pos.id; });
      if (n) parts.push_back(pos.name + " " + std::to_string(n));
    }
    if (!team->members.empty())
      out.add("team", team->id, spec.name, std::to_string(team->members.size()) + " anggota: " + joined(parts), "/tim",
              true);
    else if (!spec.optional)
      out.add("team", team->id, spec.name + " belum beranggotakan", "Belum ada anggota yang dicatat.", "/tim", false);
    if (spec.optional) continue;
    for (const auto& pos : spec.positions) {
      auto n = std::count_if(team->members.begin(), team->members.end(),
                             [&](const auto& m) { return m.position_id == pos.id; });
      if (n >= pos.min) continue;
      std::string detail = "Terisi " + std::to_string(n) + " dari paling sedikit " + std::to_string(pos.min);
      if (const auto* rule = pos.rule ? q.profile->rule(*pos.rule) : nullptr) detail += " (" + rule->citation + ")";
      out.add("team", team->id, spec.name + ": " + pos.name + " belum terisi", detail + ".", "/tim", false);
    }
  }
}

/// "tim_asesor_internal" -> "Tim Asesor Internal": resolve() has no profile to read the name from.
std::string humanised(const std::string& id) {
  std::string out;
  bool start = true;
  for (char ch : id) {
    if (ch == '_') {
      out += ' ';
      start = true;
    } else {
      out += start && ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch;
      start = false;
    }
  }
  return out;
}

class ArchitectureEvidence final : public evaluation::EvidenceSource {
 public:
  explicit ArchitectureEvidence(const tenancy::Service& tenancy) : tenancy_(tenancy) {}
  std::string id() const override { return "architecture"; }
  std::vector<std::string> topics() const override {
    return {"architecture", "roadmap", "services", "data", "infrastructure", "teams"};
  }

  void propose(storage::Connection& c, const EvidenceQuery& q, std::string_view topic,
               std::vector<EvidenceProposal>& list) const override {
    ProposalSink out{"architecture", topic, list};
    EvidenceReader reader{c, tenancy_};
    if (topic == "architecture") {
      propose_document(c, q, "arsitektur", out);
      propose_element_counts(c, q, out);
    } else if (topic == "roadmap") {
      propose_document(c, q, "peta_rencana", out);
      propose_initiatives(c, q, out);
    } else if (topic == "services") {
      propose_services(reader, q, out);
    } else if (topic == "data") {
      propose_data(reader, q, out);
    } else if (topic == "infrastructure") {
      propose_infrastructure(reader, q, out);
    } else if (topic == "teams") {
      propose_teams(reader, q, out);
    }
  }

  std::optional<std::string> resolve(storage::Connection& c, const Scope& s, std::string_view kind,
                                     std::string_view ref_id) const override {
    if (!crypto::looks_like_id(ref_id)) return std::nullopt;  // nothing else is one of our ids
    std::string id(ref_id);
    if (kind == "architecture_document" || kind == "roadmap") {
      auto d = DocumentRepository(c).document(s, id);
      if (!d || evidence_kind(d->kind) != kind) return std::nullopt;
      return document_label(*d);
    }
    if (kind == "team") {
      for (const auto& t : tenancy_.teams(c, s))
        if (t.id == id) return humanised(t.kind);
      return std::nullopt;
    }
    if (kind == "element") return EvidenceRepository(c).element_label(s, id);
    if (kind == "initiative") return EvidenceRepository(c).initiative_label(s, id);
    return std::nullopt;
  }

 private:
  const tenancy::Service& tenancy_;
};

}  // namespace

std::unique_ptr<evaluation::EvidenceSource> architecture_evidence_source(const tenancy::Service& tenancy) {
  return std::make_unique<ArchitectureEvidence>(tenancy);
}

}  // namespace simpul::architecture
