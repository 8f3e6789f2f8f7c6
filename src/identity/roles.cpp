#include "identity/roles.hpp"

#include <algorithm>

namespace simpul::identity {

const std::vector<RoleDef>& roles() {
  static const std::vector<std::string> kRead = {"profile.read", "dashboard.read", "agency.read", "user.read", "team.read",
                                                      "architecture.read",
                                                      "applications.read", "compliance.read", "evaluation.read",
                                                      "gateway.read"};
  auto with = [](std::vector<std::string> base, std::initializer_list<std::string> more) {
    base.insert(base.end(), more);
    return base;
  };
  static const std::vector<RoleDef> kRoles = {
      {"tenant_admin", "Administrator Pemda", "Tenant administrator",
       "Mengelola seluruh data pemerintah daerah: Perangkat Daerah, pengguna, tim dan jejak audit.",
       "Manages everything in the tenant: agencies, users, teams and the audit trail.",
       with(kRead, {"agency.write", "user.manage", "team.manage", "ledger.read", "ledger.verify", "architecture.write",
                   "architecture.manage", "applications.write", "applications.recommend", "compliance.evaluate",
                   "evaluation.manage", "evaluation.framework", "gateway.write", "gateway.request", "gateway.decide",
                   "gateway.traffic"})},
      {"agency_operator", "Operator Perangkat Daerah", "Agency operator",
       "Mengisi dan memperbarui data Perangkat Daerahnya sendiri.", "Maintains the records of their own agency.",
       with(kRead, {"agency.write.own", "architecture.write.own", "applications.write.own", "gateway.write.own",
                   "gateway.request.own", "gateway.recommend.own"})},
      {"planner", "Perencana (Bappeda)", "Planner", "Membaca data perencanaan dan penganggaran SPBE; mengelola arsitektur dan Peta Rencana.",
       "Reads data for SPBE planning and budgeting; maintains the architecture and the roadmap.",
       with(kRead, {"ledger.read", "architecture.write", "architecture.manage", "compliance.evaluate"})},
      {"auditor", "Auditor (Inspektorat)", "Auditor", "Memeriksa data dan jejak audit.",
       "Examines records and the audit trail.", with(kRead, {"ledger.read", "ledger.verify", "compliance.evaluate", "gateway.traffic"})},
      {"approver", "Pemberi persetujuan (Sekretaris Daerah / Tim Koordinasi)", "Approver",
       "Menyetujui keputusan yang diatur regulasi.", "Approves decisions the regulation reserves to them.",
       with(kRead, {"ledger.read", "architecture.approve", "compliance.waive", "compliance.sanction", "gateway.decide"})},
      {"assessor", "Asesor internal", "Internal assessor", "Menjalankan evaluasi SPBE tahunan.",
       "Runs the yearly SPBE evaluation.", with(kRead, {"ledger.read", "evaluation.manage"})},
      {"technical_reviewer", "Penelaah teknis (Diskominfo)", "Technical reviewer (Diskominfo)",
       "Menelaah permohonan rekomendasi aplikasi dan mencatat pertimbangan menteri.",
       "Reviews application recommendation requests and records ministerial considerations.",
       with(kRead, {"applications.recommend", "compliance.evaluate", "gateway.decide"})},
      {"viewer", "Pembaca", "Viewer", "Hanya membaca data organisasi.", "Reads organisation data only.",
       {"profile.read", "dashboard.read", "agency.read", "team.read", "architecture.read", "applications.read",
        "compliance.read", "evaluation.read", "gateway.read"}},
  };
  return kRoles;
}

const RoleDef* find_role(const std::string& id) {
  for (const auto& r : roles())
    if (r.id == id) return &r;
  return nullptr;
}

std::vector<std::string> permissions_of(const std::vector<std::string>& role_ids) {
  std::vector<std::string> out;
  for (const auto& id : role_ids)
    if (const RoleDef* r = find_role(id)) out.insert(out.end(), r->permissions.begin(), r->permissions.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool grants_approval_powers(const std::string& role_id) {
  static const std::vector<std::string> kReserved = {"architecture.approve", "compliance.waive", "compliance.sanction"};
  const RoleDef* r = find_role(role_id);
  if (!r) return false;
  for (const auto& p : r->permissions)
    if (std::find(kReserved.begin(), kReserved.end(), p) != kReserved.end()) return true;
  return false;
}

}  // namespace simpul::identity
