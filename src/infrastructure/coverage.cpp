// How Infrastruktur SPBE enforces each rule of the profile's infrastructure articles, and for the
// rest why not (docs/regulation-coverage.md). The tests that prove a rule are the API tests that
// check the behaviour its article states and declare SIMPUL_PROVES (tests/api/infrastructure*_test.cpp).
#include <set>

#include "infrastructure/module.hpp"
#include "infrastructure/profile_section.hpp"
#include "tenancy/profile.hpp"

namespace simpul::infrastructure {
namespace {

const std::set<std::string> kSubjects = {"server",          "site",           "backup_duty",    "lan", "device",
                                         "bandwidth_month", "jaringan_intra", "fasilitas_dinas"};

/// Why a rule of the infrastructure articles is not enforced by this module, by the rule's kind.
std::string not_yet(const tenancy::RuleInstance& r) {
  if (r.kind == "enumeration" || r.kind == "definition-with-parameters")
    return "not yet enforced: a description the register follows (site kinds Pusat Data Pemda / PDN / ruang server PD, "
           "WAN and LAN), with no duty software can check on its own";
  if (r.kind == "role")
    return "not yet enforced: who builds and runs this part is recorded (LAN `built_by`, server `managed_by`), but no "
           "workflow of the module is restricted by it yet";
  if (r.kind == "precondition")
    return "not yet enforced: the precondition (alignment with the architecture, ministry or BSSN considerations, "
           "owner approval of data management) has no record in the module yet";
  if (r.kind == "workflow step")
    return "not yet enforced: the workflow this step belongs to has no record in the module yet";
  if (r.kind == "frequency/deadline")
    return "not yet enforced: the schedule has no record in the module yet (the Pusat Data service review, 'dapat')";
  return "not yet enforced: the duty needs an attestation or inspection record the module does not keep yet "
         "(standards of the data centre and intranet, data confidentiality, shared use)";
}

}  // namespace

void add_infrastructure_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) {
  const auto& s = spec_of(p);
  auto add = [&](const std::optional<std::string>& rule, const std::string& how) {
    if (rule) seam::add_enforcement(rows, *rule, how);
  };
  // The compliance module describes each instance; this module's subjects only join the row.
  for (const auto& c : p.compliance)
    if (kSubjects.count(c.subject)) seam::add_enforcement(rows, c.rule, "");
  add(s.operator_rule, "gate: colocation and VPS requests are decided only by the agency holding the role `" +
                           s.operator_role +
                           "`, never by the requester (`infrastructure.not_operator`, `infrastructure.self_decision`)");
  if (s.vps_rule)
    add(s.vps_rule,
        s.vps_duty == "wajib"
            ? "workflow: VPS requests decided by the Dinas; an approval records its duty to configure and maintain the server"
            : "workflow: VPS requests decided by the Dinas at its discretion ('dapat'); a refusal is no violation");
  add(s.colocation_rule,
      "workflow: colocation requests decided by the Dinas; the decision states the Pusat Data's guarantee");
  if (s.backup_legal_exception)
    add(s.backup_rule,
        "gate: a backup exception is accepted only with the law that governs the data (`exception_basis`)");
  else if (s.backup_rule)
    add(s.backup_rule,
        "gate: this region has no exception from the backup duty (`infrastructure.no_backup_exception`)");
  add(s.backup_by_dinas_rule,
      "gate: the Dinas backs up a PD's data only with the owner's recorded approval (`infrastructure.gate_refused`)");
  add(s.bandwidth_request_rule,
      "gate: a PD's bandwidth request is set only by the agency holding the role `" + s.operator_role +
          "`, never by the requester, with a priority score (1-5) and the allocation it sets (`infrastructure.not_operator`)");
  if (s.bandwidth_evaluation_rule) {
    seam::add_enforcement(
        rows, *s.bandwidth_evaluation_rule,
        "workflow: interface counters posted by the monitoring (idempotent, refused when negative, decreasing "
        "without reset or in the future); the closed month's per-PD evaluation (average, p95, peak, share of "
        "allocation, recommendation) generated at month close");
  }
  add(s.bandwidth_report_rule, "workflow: each monthly evaluation is addressed to the team `" +
                                   s.bandwidth_report_team +
                                   "`; only its members acknowledge it (`auth.forbidden` citing the article)");
  add(s.wan_rule,
      "gate: a WAN link (an architecture element, infra_type jaringan_intra) operated by a PD is refused (`infrastructure.gate_refused`)");
  add(s.lan_built_by_rule,
      "gate: a LAN built and run by the PD itself (`built_by` pd_mandiri_tik) is refused, on creation and on edit, "
      "unless the agency is a PD Mandiri TIK (`infrastructure.gate_refused`)");
  // Madiun Pasal 14 ayat (1) 'dapat': the permission is honoured (no finding), which the fixture test checks.
  add(s.placement_permission_rule,
      "permission honoured: a server outside the Pusat Data is recorded and never a finding ('dapat')");
  add(s.placement_note_rule,
      "note: a server outside the Pusat Data shows an informational note citing the article (counted apart "
      "from findings, never a finding)");
  for (const auto& r : p.rules) {
    if (r.article < s.first_article || r.article > s.last_article || rows.count(r.id) || r.checkable == "no") continue;
    auto why = s.not_enforced.find(r.id);
    seam::add_enforcement(rows, r.id, why != s.not_enforced.end() ? why->second : not_yet(r));
  }
}

}  // namespace simpul::infrastructure
