#pragma once
// SQL for Peta Rencana initiatives, the elements they affect and their monitoring records.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "architecture/model.hpp"
#include "core/context.hpp"
#include "core/list_query.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::architecture {

struct InitiativeFilter {
  std::string category, status, owner_agency_id;
  std::optional<int> year;  // initiatives running in that year
};

class RoadmapRepository {
 public:
  explicit RoadmapRepository(storage::Connection& c) : c_(c) {}
  static std::vector<storage::Migration> migrations();

  std::vector<Initiative> list(const Scope& s, const InitiativeFilter& f, const ListQuery& q, std::int64_t& total);
  std::vector<Initiative> all(const Scope& s);
  std::optional<Initiative> initiative(const Scope& s, const std::string& id);  // with elements and monitoring
  std::optional<Initiative> by_code(const Scope& s, const std::string& code);
  void insert(const Scope& s, const Initiative& i);
  void update(const Scope& s, const Initiative& i);
  void remove(const Scope& s, const std::string& id);
  void replace_elements(const Scope& s, const std::string& id, const std::vector<InitiativeElement>& elements);
  /// Drops an element from every initiative (before the element itself is deleted).
  /// Ids of the elements some initiative creates, changes or retires.
  std::set<std::string> planned_elements(const Scope& s);
  void unlink_element(const Scope& s, const std::string& element_id);
  std::vector<InitiativeElement> initiatives_of_element(const Scope& s,
                                                        const std::string& element_id);  // code/name = initiative's
  void insert_monitoring(const Scope& s, const std::string& initiative_id, const Monitoring& m);

 private:
  storage::Connection& c_;
};

}  // namespace simpul::architecture
