#pragma once
// SQL of the rack elevation (docs/infrastructure.md, "Rack elevation") and of the edit routes of
// racks, backup duties and LANs; every query is confined to the tenant.
#include <optional>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "infrastructure/model.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::infrastructure {

class RackRepository {
 public:
  explicit RackRepository(storage::Connection& c) : c_(c) {}
  /// Version 1002: the unit positions (existing servers and devices have none: not yet placed);
  /// 1004: one row per occupied unit, UNIQUE (rack, unit), filled with every placement.
  static std::vector<storage::Migration> migrations();

  /// The occupants of a rack, lowest unit first, with their code and name. A server counts only
  /// while its record still names this rack, and a deleted server or device not at all.
  std::vector<RackPlacement> placements(const Scope& s, const std::string& rack_id) const;
  /// The placement of one server or device, wherever it is.
  std::optional<RackPlacement> placement(const Scope& s, const std::string& kind, const std::string& id) const;
  void place(const Scope& s, const RackPlacement& p);
  void unplace(const Scope& s, const std::string& kind, const std::string& id);
  /// (kind, id) of whatever holds a unit from `from` to `to` of the rack, live or gone.
  std::vector<std::pair<std::string, std::string>> holders(const Scope& s, const std::string& rack_id, int from,
                                                           int to) const;

  void update_rack(const Scope& s, const Rack& r);
  void update_duty(const Scope& s, const BackupDuty& d);
  void update_lan(const Scope& s, const Lan& l);
  /// A device's own fields (agency, name, kind, coordination reference).
  void update_device(const Scope& s, const Device& d);
  /// (agency id, name) of every device, for the device import's duplicate check.
  std::vector<std::pair<std::string, std::string>> device_names(const Scope& s) const;

 private:
  storage::Connection& c_;
};

}  // namespace simpul::infrastructure
