#pragma once
// The `infrastructure:` section of a regulation profile (docs/infrastructure.md, "Profile"): who runs
// the Pusat Data, which sites count as the Pusat Data, the Dinas's VPS duty, the backup exception,
// the LAN diagram cadence and the articles behind each. Read with
// profile.section<InfraSpec>("infrastructure"); a profile without the section gets the defaults.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace simpul::tenancy {
class ProfileSections;
struct Profile;
}  // namespace simpul::tenancy

namespace simpul::infrastructure {

struct InfraSpec {
  std::string operator_role = "diskominfo";  // the role whose agency runs the Pusat Data and decides requests
  std::optional<std::string> operator_rule;
  /// Site kinds that count as "the Pusat Data" for placement (Lampung Timur: only the Dinas's own).
  std::vector<std::string> pusat_data_kinds = {"pusat_data_pemda", "pdn"};
  std::optional<std::string> placement_rule;  // servers must be placed there (null where the text says 'dapat')
  std::optional<std::string> placement_permission_rule;  // the article that leaves placement to the PD ('dapat')
  /// Where placement is left to the PD: the article that still centralises data storage in the Pusat
  /// Data (Madiun Pasal 15 ayat (1)); a server outside it carries an informational note citing it.
  std::optional<std::string> placement_note_rule;
  std::optional<std::string> colocation_rule;  // what the Pusat Data guarantees a colocated server
  std::optional<std::string> vps_rule;
  std::string vps_duty = "none";  // wajib | dapat | none: the Dinas provides VPS with configuration and maintenance
  std::optional<std::string> pd_data_centre_ban_rule;  // Lampung Timur Pasal 17 ayat (9)
  std::optional<std::string> backup_rule;
  bool backup_legal_exception = false;  // Bandar Lampung Pasal 17 ayat (1): 'kecuali Data yang telah diatur ...'
  std::optional<std::string> backup_by_dinas_rule;  // Balikpapan Pasal 15 ayat (2): after the owner's approval
  std::optional<std::string> lan_diagram_rule;
  int lan_diagram_months = 0;  // 0: no cadence stated (never overdue)
  std::optional<std::string> lan_change_report_rule;
  std::optional<std::string> device_coordination_rule;
  /// Bandwidth (docs/infrastructure.md, "Bandwidth"): who decides a PD's request (Lampung Timur
  /// Pasal 21 ayat (2), Bandar Lampung Pasal 20 ayat (1)), the monthly evaluation (Lampung Timur
  /// Pasal 21 ayat (3)) and its delivery to the Tim Koordinasi (ayat (4)).
  std::optional<std::string> bandwidth_request_rule;
  std::optional<std::string> bandwidth_evaluation_rule;
  bool bandwidth_monthly = false;  // a month that closes without an evaluation is a finding
  std::optional<std::string> bandwidth_report_rule;
  std::string bandwidth_report_team = "tim_koordinasi";  // the team that receives the evaluation
  /// The WAN up to the PD routers is the Dinas's (Balikpapan Pasal 17 ayat (1) huruf a, Madiun Pasal 18 ayat (6) huruf
  /// a).
  std::optional<std::string> wan_rule;
  /// Only a PD Mandiri TIK builds and runs its own LAN (Balikpapan Pasal 17 ayat (1) huruf b, Madiun Pasal 18
  /// ayat (6) huruf b): a LAN `built_by` pd_mandiri_tik of another PD is refused citing it.
  std::optional<std::string> lan_built_by_rule;
  /// The yearly Pusat Data service review the region allows ('dapat', Bandar Lampung Pasal 18 ayat (2)):
  /// a reminder to the team below, never a finding.
  std::optional<std::string> service_review_rule;
  std::string service_review_team = "tim_koordinasi";  // who reviews (Bandar Lampung Pasal 18 ayat (3))
  /// Why a rule of these articles is not enforced, in the profile's words (rule id -> reason), where
  /// the reason is particular to the article rather than to its kind (coverage.cpp).
  std::map<std::string, std::string> not_enforced;
  /// The regulation's infrastructure articles (for the coverage document): first and last Pasal.
  int first_article = 0, last_article = 0;
};

/// The spec of the profile (its section, or the defaults).
const InfraSpec& spec_of(const tenancy::Profile& p);
void add_profile_section(tenancy::ProfileSections& sections);

}  // namespace simpul::infrastructure
