#include "servicedesk/target_repository.hpp"

namespace simpul::servicedesk {

std::vector<storage::Migration> TargetRepository::migrations() {
  return {{1114, "servicedesk: SLA targets per category and priority",
           "CREATE TABLE sd_category_targets (tenant_id TEXT NOT NULL REFERENCES tenants(id), "
           "category_id TEXT NOT NULL REFERENCES sd_categories(id) ON DELETE CASCADE, priority TEXT NOT NULL, "
           "own_minutes INTEGER NOT NULL, resolve_minutes INTEGER NOT NULL, "
           "PRIMARY KEY (tenant_id, category_id, priority));"}};
}

std::vector<CategoryTarget> TargetRepository::all(const Scope& s) const {
  std::vector<CategoryTarget> out;
  for (const auto& r : c_.query(
           "SELECT category_id, priority, own_minutes, resolve_minutes FROM sd_category_targets WHERE tenant_id = ? "
           "ORDER BY category_id, priority",
           {s.tenant_id}))
    out.push_back({r.text_at(0), r.text_at(1), static_cast<int>(r.int_at(2)), static_cast<int>(r.int_at(3))});
  return out;
}

void TargetRepository::replace(const Scope& s, const std::string& category_id,
                               const std::vector<CategoryTarget>& targets) {
  c_.execute("DELETE FROM sd_category_targets WHERE tenant_id = ? AND category_id = ?", {s.tenant_id, category_id});
  for (const auto& t : targets)
    c_.execute(
        "INSERT INTO sd_category_targets (tenant_id, category_id, priority, own_minutes, resolve_minutes) "
        "VALUES (?, ?, ?, ?, ?)",
        {s.tenant_id, category_id, t.priority, t.own_minutes, t.resolve_minutes});
}

std::vector<ServiceClass> TargetRepository::service_classes(const Scope& s) const {
  std::vector<ServiceClass> out;
  for (const auto& r :
       c_.query("SELECT id, code, name, name_en, sla_class FROM sd_services WHERE tenant_id = ? AND sla_class <> ''",
                {s.tenant_id}))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4)});
  return out;
}

}  // namespace simpul::servicedesk
