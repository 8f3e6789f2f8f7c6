#include "identity/roles.hpp"

#include <algorithm>
#include <memory>
#include <mutex>

namespace simpul::identity {
namespace {

// The roles the platform knows, with their names; what each may do comes from the modules'
// permission lists (seam::Module::permissions), installed at start.
std::vector<RoleDef> base_roles() {
  return {
      {"tenant_admin",
       "Administrator Pemda",
       "Tenant administrator",
       "Mengelola seluruh data pemerintah daerah: Perangkat Daerah, pengguna, tim dan jejak audit.",
       "Manages everything in the tenant: agencies, users, teams and the audit trail.",
       {}},
      {"agency_operator",
       "Operator Perangkat Daerah",
       "Agency operator",
       "Mengisi dan memperbarui data Perangkat Daerahnya sendiri.",
       "Maintains the records of their own agency.",
       {}},
      {"planner",
       "Perencana (Bappeda)",
       "Planner",
       "Membaca data perencanaan dan penganggaran SPBE; mengelola arsitektur dan Peta Rencana.",
       "Reads data for SPBE planning and budgeting; maintains the architecture and the roadmap.",
       {}},
      {"auditor",
       "Auditor (Inspektorat)",
       "Auditor",
       "Memeriksa data dan jejak audit.",
       "Examines records and the audit trail.",
       {}},
      {"approver",
       "Pemberi persetujuan (Sekretaris Daerah / Tim Koordinasi)",
       "Approver",
       "Menyetujui keputusan yang diatur regulasi.",
       "Approves decisions the regulation reserves to them.",
       {}},
      {"assessor",
       "Asesor internal",
       "Internal assessor",
       "Menjalankan evaluasi SPBE tahunan.",
       "Runs the yearly SPBE evaluation.",
       {}},
      {"technical_reviewer",
       "Penelaah teknis (Diskominfo)",
       "Technical reviewer (Diskominfo)",
       "Menelaah permohonan rekomendasi aplikasi dan mencatat pertimbangan menteri.",
       "Reviews application recommendation requests and records ministerial considerations.",
       {}},
      {"viewer", "Pembaca", "Viewer", "Hanya membaca data organisasi.", "Reads organisation data only.", {}},
  };
}

struct Installed {
  std::mutex mutex;
  std::vector<std::unique_ptr<const std::vector<RoleDef>>> generations;  // kept: references stay valid
  std::vector<seam::Permission> permissions;
};

Installed& installed() {
  static Installed i;
  return i;
}

const std::vector<RoleDef>*& current() {
  static const std::vector<RoleDef>* roles = nullptr;
  return roles;
}

}  // namespace

void install_permissions(std::vector<seam::Permission> permissions) {
  auto roles = std::make_unique<std::vector<RoleDef>>(base_roles());
  for (auto& r : *roles) {
    for (const auto& p : permissions)
      if (std::find(p.roles.begin(), p.roles.end(), r.id) != p.roles.end() ||
          std::find(p.roles.begin(), p.roles.end(), kEveryRole) != p.roles.end())
        r.permissions.push_back(p.id);
    std::sort(r.permissions.begin(), r.permissions.end());
  }
  std::sort(permissions.begin(), permissions.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  auto& i = installed();
  std::lock_guard lock(i.mutex);
  i.permissions = std::move(permissions);
  current() = roles.get();
  i.generations.push_back(std::move(roles));
}

const std::vector<RoleDef>& roles() {
  // Before any module installed its permissions (unit tests of identity alone) the roles exist
  // without permissions: deny by default.
  static const std::vector<RoleDef> bare = base_roles();
  const auto* r = current();
  return r ? *r : bare;
}

const std::vector<seam::Permission>& permissions() { return installed().permissions; }

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
