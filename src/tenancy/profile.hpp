#pragma once
// A regulation profile: one Pemda's SPBE regulation as data (see docs/profile-format.md).
#include <any>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "core/error.hpp"

namespace simpul::tenancy {

struct EnumItem {
  std::string id;
  std::string name;
};

struct Enumeration {
  std::string rule;
  std::vector<EnumItem> items;
  bool contains(const std::string& id) const;
};

struct RoleSpec {
  std::string id;
  std::string name;
  std::string term;
  std::optional<std::string> agency_flag;
  std::optional<std::string> rule;
};

struct TeamPosition {
  std::string id;
  std::string name;
  std::optional<std::string> holder;
  int min = 0;
  std::optional<int> max;
  std::optional<std::string> rule;
  std::vector<std::string> duties;
};

struct TeamSpec {
  std::string id;
  std::string name;
  std::optional<std::string> instrument;
  std::optional<std::string> rule;
  bool optional = false;
  std::vector<TeamPosition> positions;
  const TeamPosition* position(const std::string& id) const;
};

struct Chapter {
  std::string id;
  std::string title;
  int first_article = 0;
  int last_article = 0;
};

struct RuleInstance {
  std::string id;
  std::string citation;
  int article = 0;
  std::string chapter;
  std::string kind;
  std::string checkable;
};

struct DomainSpec {
  std::string literal;
  std::string effective;
  std::optional<std::string> rule;
};

/// When reviews of an architecture or roadmap document are due (profile `architecture.*.review`).
struct ReviewSpec {
  std::string schedule = "mid_term_and_final_year";  // annual | mid_term_and_final_year
  bool mandatory = true;                             // false where the regulation says 'dapat'
  std::optional<std::string> reviewer;               // role or team id
  std::optional<std::string> rule;
  std::string reasons;           // enumeration id of the allowed review reasons
  bool decree_required = false;  // the review itself is set by decree (Madiun)
  std::optional<std::string> decree_rule;
};

/// What the regulation says about the Arsitektur SPBE or the Peta Rencana SPBE document.
struct PlanDocumentSpec {
  std::optional<std::string> instrument;  // "Keputusan Wali Kota", or null when only 'ditetapkan oleh'
  std::optional<std::string> instrument_note;
  std::optional<std::string> instrument_rule;
  int validity_years = 5;
  std::optional<std::string> validity_rule;
  bool shorter_when_mid_rpjmd = false;
  std::optional<std::string> drafter;
  std::optional<std::string> drafter_rule;
  ReviewSpec review;
  std::optional<std::string> coordinators_rule;
  std::map<std::string, std::string> domain_coordinators;  // architecture domain -> role id
  std::string categories;                                  // roadmap: enumeration id of initiative categories
  std::optional<std::string> monitoring_frequency;         // roadmap: "annual" or none
  std::optional<std::string> monitoring_rule;
};

struct ArchitectureSpec {
  PlanDocumentSpec document;                                 // Arsitektur SPBE
  PlanDocumentSpec roadmap;                                  // Peta Rencana SPBE
  std::map<std::string, std::optional<std::string>> checks;  // check id -> rule id cited
};

/// The application lifecycle as the regulation states it (profile `applications:`).
struct ApplicationsSpec {
  std::string categories = "application_categories";  // enumeration id
  std::vector<std::string> khusus_categories;
  std::string umum_category;
  std::optional<std::string> lifecycle_rule;
  std::vector<EnumItem> stages;            // in order
  std::vector<std::string> live_stages;    // stages in which the application serves users
  std::string recommender = "diskominfo";  // role id deciding recommendation requests
  std::optional<std::string> recommendation_rule;
  bool has_handover = false;
  std::optional<std::string> handover_rule;
  std::vector<EnumItem> handover_documents;
  bool has_similar = false;
  std::optional<std::string> similar_rule;
  std::vector<EnumItem> similar_conditions;

  int stage_index(const std::string& id) const;  // -1 when unknown
  bool is_live(const std::string& stage) const;
};

/// One rule instance the compliance engine enforces (profile `compliance:`); the kind's C++ code
/// interprets `params` (src/regulation/kinds.cpp).
struct ComplianceRuleSpec {
  std::string rule;  // rule id of this profile
  std::string kind;
  std::string subject;
  std::string title, title_en;
  std::string severity;     // tinggi | sedang | rendah
  std::string responsible;  // owner | a role id
  bool gate = false;
  std::vector<std::pair<std::string, std::vector<std::string>>> when;
  boost::json::object params;
  int line = 0;  // for error messages of the kind's parameter checks
};

struct SanctionStep {
  std::string id;
  std::string name;
  int after_months = 0;  // after the previous step, when the finding is still open
  bool letter = false;   // the step is a letter Simpul produces
};

/// Administrative sanctions (profile `sanctions:`; only Balikpapan states them).
struct SanctionsSpec {
  std::string rule;
  std::optional<std::string> trigger_rule;
  std::vector<std::string> applies_to;  // rule ids whose findings can be sanctioned
  std::string imposer;
  std::vector<SanctionStep> steps;
  const SanctionStep* step(const std::string& id) const;
};

/// The yearly Pemantauan dan Evaluasi SPBE (profile `evaluation:`): which articles require it,
/// which team runs it and which of that team's positions play which workflow role
/// (docs/evaluation.md). Every region has one; Bontang Pasal 49 spells the roles out.
struct EvaluationSpec {
  std::string rule;                 // the yearly monitoring and evaluation duty
  std::optional<std::string> team;  // the profile team that assesses, if any
  std::optional<std::string> team_rule;
  /// team position id -> workflow role ("koordinator", "penanggung_jawab", "data_entry", "anggota")
  std::vector<std::pair<std::string, std::string>> positions;
  std::string report_to;                   // e.g. "Wali Kota"
  std::optional<std::string> agency_rule;  // per-agency evaluation duty (Lampung Timur Pasal 3 ayat (2))
};

/// A ground on which an access request to the Sistem Penghubung Layanan may be refused.
struct RefusalGround {
  std::string id;  // "di_luar_jaringan_pemda", "penggunaan_komersial", ...
  std::string name;
  std::optional<std::string> rule;
  bool automatic = false;  // the platform refuses approval itself (penggunaan_komersial only)
};

/// The Sistem Penghubung Layanan's control plane (profile `gateway:`; docs/gateway.md "Control
/// plane"): who operates it and who recommends and decides access requests.
struct GatewaySpec {
  std::string operator_role;  // profile role id (diskominfo)
  std::optional<std::string> operator_rule;
  std::string recommender = "none";  // "owner_agency" (the service's agency, as Wali Data) | "none"
  std::optional<std::string> recommender_rule;
  std::string approver;  // profile role id: "sekda" or the operator's role
  std::optional<std::string> approver_rule;
  std::optional<std::string> request_fields_rule;
  std::vector<RefusalGround> refusal_grounds;
  const RefusalGround* ground(const std::string& id) const;
};

struct Profile {
  std::string id;
  int version = 1;
  std::string rule_prefix;
  std::string region_type;        // kota | kabupaten
  std::string region_name;        // "Kota Balikpapan"
  std::string region_short_name;  // "Balikpapan" (region.short_name; else the name without its type)
  std::string government_name;    // "Pemerintah Kota Balikpapan" (region.government_name)
  std::string head_title;
  /// Days a finding gives to act where the regulation states no period (`grace_period_days`,
  /// default 30): the Pemda's own choice, shown as such, never as the article's.
  int grace_days = 30;
  bool grace_days_stated = false;  // true when the profile states it, false for the default
  std::string time_zone;  // WIB (UTC+7), WITA (UTC+8) or WIT (UTC+9): the Pemda's local time         // "Wali Kota",
                          // "Walikota" or "Bupati", as the regulation writes it
  std::string regulation_instrument;
  std::optional<std::string> regulation_number;
  std::optional<int> regulation_year;
  std::string regulation_title;
  DomainSpec domain;
  std::optional<DomainSpec> email_domain;
  std::vector<RoleSpec> roles;
  std::vector<TeamSpec> teams;
  std::vector<Chapter> chapters;
  std::map<std::string, Enumeration> enumerations;
  std::vector<RuleInstance> rules;
  ArchitectureSpec architecture;                  // defaults when the file has no `architecture:` section
  std::optional<std::string> regulation_enacted;  // YYYY-MM-DD
  ApplicationsSpec applications;
  std::vector<ComplianceRuleSpec> compliance;
  std::optional<SanctionsSpec> sanctions;
  std::optional<EvaluationSpec> evaluation;
  std::optional<GatewaySpec> gateway;
  /// Modules' own sections by key (tenancy/profile_sections.hpp); read with section<T>().
  std::map<std::string, std::any> sections;
  std::map<int, std::string> articles;  // article number -> text (profiles/articles/<id>.json), may be empty
  boost::json::object document;         // the whole file as JSON, served by GET /api/profiles/{id}
  std::string source_path;

  const RuleInstance* rule(const std::string& id) const;
  const TeamSpec* team(const std::string& id) const;
  const Enumeration* enumeration(const std::string& name) const;
  /// True when some organisational role of the regulation is held by agencies with this flag.
  bool recognises_agency_flag(const std::string& flag) const;
  /// Hours ahead of UTC of the Pemda's local time (7, 8 or 9).
  int utc_offset_hours() const { return time_zone == "WIT" ? 9 : time_zone == "WITA" ? 8 : 7; }
  /// Today's date (YYYY-MM-DD) in the Pemda's local time: the "today" of every deadline.
  std::string today() const;
  /// A stored UTC time (ISO-8601) as the Pemda's local date, YYYY-MM-DD.
  std::string local_date(const std::string& utc_iso) const;
  /// A module's own section, or nullptr when the profile has none (or it is another type).
  template <typename T>
  const T* section(const std::string& key) const {
    auto it = sections.find(key);
    return it == sections.end() ? nullptr : std::any_cast<T>(&it->second);
  }
  /// "Peraturan Wali Kota Nomor 31 Tahun 2020" (with 'Nomor …' omitted when unknown).
  std::string regulation_label() const;
  /// The head of region's official title: "Wali Kota Balikpapan", "Bupati Lampung Timur".
  std::string head_of_region() const;
};

/// The rule as an error's citation, or nullopt when unset or not in the profile.
std::optional<RuleRef> rule_ref(const Profile& p, const std::optional<std::string>& id);

}  // namespace simpul::tenancy
