#pragma once
// Which SLA targets apply to a ticket, and why (docs/service-desk.md, "SLA targets"). As GLPI and
// iTop choose an SLA by what the ticket is about before falling back to its priority:
//   1. the priority is the ticket's (urgency x impact), raised to the SLA class of the catalogue
//      service it names when that class is more urgent (a service's class is the least it is
//      served at; a ticket's own urgency can only make it faster);
//   2. the ticket's category sets targets for that priority, or else the nearest ancestor that does;
//   3. otherwise the profile's targets of that priority.
// Nothing is stored on the ticket: the targets are read with the clocks, so a change of category,
// service, or of the targets themselves applies to the whole history at once (the minutes used
// do not depend on the target).
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "servicedesk/model.hpp"
#include "servicedesk/target_repository.hpp"

namespace simpul::servicedesk {

/// The targets that apply to one ticket and where they come from.
struct SlaTarget {
  int own_minutes = 0, resolve_minutes = 0;
  std::string priority, priority_name, priority_name_en;  // the priority whose targets apply
  std::string category_id, category_name;                 // the category that sets them; empty: the profile's
  std::optional<ServiceClass> service;                    // the service whose SLA class raised the priority
  /// The targets in the shape the clocks take (sla.hpp).
  Priority as_priority() const { return {priority, priority_name, priority_name_en, own_minutes, resolve_minutes}; }
};

/// The tenant's targets, read once per request and applied to many tickets.
class SlaTargets {
 public:
  SlaTargets(const DeskRules& rules, const std::vector<Category>& categories,
             const std::vector<CategoryTarget>& targets, const std::vector<ServiceClass>& services);
  /// The targets of a ticket of `priority` in `category_id` naming `service_id` (either may be
  /// empty); none when the priority is not one of the profile's.
  std::optional<SlaTarget> of(const std::string& priority, const std::string& category_id,
                              const std::string& service_id) const;
  /// The targets of of() in the shape the clocks take, worked out once per distinct (priority,
  /// category, service) of this object's life: the lists ask it for every ticket (200,000 at the
  /// desk's scale) and tickets share a few combinations. Null when the priority is not listed.
  const Priority* clock_targets(const std::string& priority, const std::string& category_id,
                                const std::string& service_id) const;
  /// False when no catalogue service has an SLA class: then a ticket's service changes nothing,
  /// and the clock reads skip looking it up (one lookup per ticket, 200,000 at the desk's scale).
  bool uses_services() const { return !services_.empty(); }

 private:
  const DeskRules& rules_;
  std::map<std::string, Category> categories_;
  std::map<std::pair<std::string, std::string>, CategoryTarget> targets_;  // (category, priority)
  std::map<std::string, ServiceClass> services_;
  // clock_targets' answers; std::less<> finds them by a tuple of references (no copy per lookup).
  mutable std::map<std::tuple<std::string, std::string, std::string>, std::optional<Priority>, std::less<>> memo_;
};

/// The rank of a priority in the profile's list, most urgent first (-1: not listed).
int priority_rank(const DeskRules& rules, const std::string& id);

}  // namespace simpul::servicedesk
