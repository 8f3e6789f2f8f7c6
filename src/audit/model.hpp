#pragma once
// Audit TIK: what the profile says about ICT audits, and the programmes and findings kept here
// (docs/ict-audit.md).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/context.hpp"

namespace simpul::audit {

/// One audit type of the profile's `audit:` section (Pasal "audit Infrastruktur/Aplikasi/Keamanan SPBE").
struct AuditType {
  std::string id;                           // infrastruktur | aplikasi | keamanan
  std::string name;                         // as the regulation writes it
  std::optional<std::string> cadence_rule;  // the article stating "paling sedikit 1 (satu) kali dalam 2 (dua) tahun"
  int months = 0;                           // 0: the text states no number ('berkala')
  std::optional<std::string> scope_rule;    // the article stating what it covers
  bool infrastructure = false;              // infrastructure elements are in scope
  std::vector<std::string> application_categories;  // application categories in scope
  std::optional<std::string> coordination_rule;     // the article asking the Dinas to coordinate this type's audit
  /// Categories in scope only when the Pemda built the application (Madiun Pasal 42 ayat (1) huruf a:
  /// "Aplikasi Umum yang dibangun oleh Pemerintah Daerah"): its recorded builder is one of `pemda_builders`.
  std::vector<std::string> pemda_built_categories;
  std::vector<std::string> pemda_builders;
};

/// The region's `audit:` profile section.
struct AuditProfile {
  std::vector<AuditType> types;
  std::optional<std::string> types_rule;           // the list of the three types
  std::optional<std::string> aspects_rule;         // the four examined aspects
  std::optional<std::string> auditor_rule;         // who may audit
  bool certified_auditor_allowed = false;          // Madiun Pasal 40 ayat (3)
  std::optional<std::string> internal_audit_rule;  // internal audit no later than lead_months before
  int internal_lead_months = 0;                    // 0: no internal audit required
  std::optional<std::string> team_decree_rule;     // audit team set by decree under the internal-control PD
  std::string team_agency_role;                    // the role (agency flag) of that PD, e.g. inspectorate
  std::optional<std::string> routing_rule;         // results to the head of region through the Ketua Tim Koordinasi
  std::vector<std::string> routing_rules;          // every article stating the routing
  std::string routing_to;                          // e.g. "Walikota melalui Ketua Tim Koordinasi SPBE"
  std::string coordination_with;                   // e.g. "Kementerian Komunikasi dan Informatika"
  const AuditType* type(const std::string& id) const {
    for (const auto& t : types)
      if (t.id == id) return &t;
    return nullptr;
  }
};

/// Auditor kinds: government or accredited institution, certified auditor where the region allows.
inline const std::vector<std::pair<std::string, std::string>>& auditor_kinds() {
  static const std::vector<std::pair<std::string, std::string>> k = {
      {"lembaga_pemerintah", "Lembaga pelaksana Audit TIK pemerintah"},
      {"lembaga_terakreditasi", "Lembaga pelaksana Audit TIK terakreditasi"},
      {"auditor_tersertifikasi", "Auditor tersertifikasi"}};
  return k;
}

/// The four aspects an ICT audit examines.
inline const std::vector<std::pair<std::string, std::string>>& audit_aspects() {
  static const std::vector<std::pair<std::string, std::string>> k = {
      {"tata_kelola", "Penerapan tata kelola dan manajemen TIK"},
      {"fungsionalitas", "Fungsionalitas TIK"},
      {"kinerja", "Kinerja TIK yang dihasilkan"},
      {"lainnya", "Aspek TIK lainnya"}};
  return k;
}

/// An audit programme: planned, started, report received, closed.
struct Programme {
  std::string id;
  std::string type;  // AuditType::id
  std::string kind;  // eksternal | internal
  std::string title;
  std::vector<std::string> aspects;
  std::vector<std::string> object_ids;
  std::string auditor_kind, auditor_name, auditor_reference;  // accreditation or certificate reference
  std::string planned_start, planned_end;
  std::optional<std::string> internal_programme_id;  // an external audit's preparatory internal audit
  std::string team_decree_number, team_decree_date, team_agency_id;
  std::string letter_purpose, letter_scope, letter_authority, letter_duties, letter_reporting;
  std::string state = "direncanakan";  // direncanakan | dimulai | laporan_diterima | ditutup
  std::optional<std::string> started_on, report_date, closed_on;
  std::optional<std::string> sent_to_chair_on, sent_to_head_on;  // routing (Madiun)
  /// Imported history: made from the last audit date an application record carried before audits were
  /// kept here (docs/ict-audit.md, "Imported history"); no auditor, steps or findings of its own.
  bool imported = false;
  std::string created_at, updated_at;
};

/// A finding of an audit programme and its follow-up.
struct Finding {
  std::string id;
  std::string programme_id;
  std::string object_id;
  std::optional<std::string> control_id;  // the security control (architecture element, domain keamanan) it concerns
  std::string severity;                   // rendah | sedang | tinggi
  std::string title, recommendation;
  std::string agency_id;  // the responsible Perangkat Daerah
  std::string agreed_action, due_date;
  std::string state = "terbuka";  // terbuka | ditindaklanjuti | terverifikasi
  std::string evidence;
  std::optional<std::string> followed_up_on, verified_on;
  std::string verified_by_name;
  std::string created_at;
};

/// One uploaded version of a programme's audit report (the newest is the report).
struct Report {
  std::string id, programme_id, filename, content_type, sha256;
  std::int64_t size = 0;
  int version = 1;  // 1 for the first upload of the programme
  std::string uploaded_by_name, uploaded_at;
};

/// A logged correction of a closed programme: the field, both values and why.
struct Correction {
  std::string id, programme_id, field, old_value, new_value, reason, corrected_by_name, corrected_at;
};

/// A record of the coordination the regulation asks for (e.g. with the ministry), on a programme.
struct Coordination {
  std::string id, programme_id, with, date, note, recorded_by_name, recorded_at;
};

/// An object in scope of one audit type, with its cadence.
struct DueItem {
  std::string type;
  std::string object_id, object_code, object_name, object_domain, agency_id, agency_name;
  std::optional<std::string> last_audit;  // report date of the latest completed external audit
  std::string since;                      // last audit, or the date the object was registered
  std::optional<std::string> due;         // none when the region states no cadence
};

}  // namespace simpul::audit
