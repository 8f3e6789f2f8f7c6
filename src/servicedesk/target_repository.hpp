#pragma once
// SQL of the SLA targets a category sets per priority (sla_targets.hpp, docs/service-desk.md,
// "SLA targets"), and of what the catalogue's services contribute (their SLA class); every query
// is confined to the tenant.
#include <string>
#include <vector>

#include "core/context.hpp"
#include "servicedesk/model.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::servicedesk {

/// A catalogue service as the targets see it: its SLA class, and its code and name to say why.
struct ServiceClass {
  std::string id, code, name, name_en, sla_class;
};

class TargetRepository {
 public:
  explicit TargetRepository(storage::Connection& c) : c_(c) {}
  /// 1114: sd_category_targets, one row per category and priority.
  static std::vector<storage::Migration> migrations();

  /// Every category target of the tenant.
  std::vector<CategoryTarget> all(const Scope& s) const;
  /// Replaces the targets of one category (none: it sets none).
  void replace(const Scope& s, const std::string& category_id, const std::vector<CategoryTarget>& targets);
  /// Every catalogue service's SLA class.
  std::vector<ServiceClass> service_classes(const Scope& s) const;

 private:
  storage::Connection& c_;
};

}  // namespace simpul::servicedesk
