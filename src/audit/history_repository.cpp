#include "audit/history_repository.hpp"

namespace simpul::audit {

std::vector<std::string> HistoryRepository::programmes_covering(const Scope& s, const std::string& object_id) const {
  std::vector<std::string> out;
  for (const auto& r :
       c_.query("SELECT programme_id FROM audit_programme_objects WHERE tenant_id = ? AND object_id = ?",
                {s.tenant_id, object_id}))
    out.push_back(r.text_at(0));
  return out;
}

std::vector<std::string> HistoryRepository::findings_about(const Scope& s, const std::string& object_id) const {
  std::vector<std::string> out;
  for (const auto& r :
       c_.query("SELECT id FROM audit_findings WHERE tenant_id = ? AND (object_id = ? OR control_id = ?)",
                {s.tenant_id, object_id, object_id}))
    out.push_back(r.text_at(0));
  return out;
}

std::set<std::string> HistoryRepository::audited_applications(const Scope& s) const {
  std::set<std::string> out;
  for (const auto& r :
       c_.query("SELECT o.object_id FROM audit_programme_objects o "
                "JOIN audit_programmes p ON p.id = o.programme_id AND p.tenant_id = o.tenant_id "
                "WHERE o.tenant_id = ? AND p.type = 'aplikasi' AND p.kind = 'eksternal' AND p.report_date IS NOT NULL",
                {s.tenant_id}))
    out.insert(r.text_at(0));
  return out;
}

}  // namespace simpul::audit
