#pragma once
// Peta Rencana SPBE: initiatives (program/kegiatan) per year of the roadmap period, the elements
// they create, change or retire, and their yearly monitoring.
#include <optional>
#include <string>
#include <vector>

#include "architecture/initiative_gates.hpp"
#include "architecture/model.hpp"
#include "architecture/roadmap_repository.hpp"
#include "core/context.hpp"
#include "ledger/ledger.hpp"
#include "storage/database.hpp"
#include "tenancy/service.hpp"

namespace simpul::architecture {

struct InitiativeInput {
  std::optional<std::string> code, name, description, category, owner_agency_id, status;
  std::optional<int> start_year, target_year;
  std::optional<std::vector<InitiativeElement>> elements;  // element_id + effect
};

struct MonitoringInput {
  int year = 0;
  int progress = 0;
  std::string status;
  std::string note;
};

extern const std::vector<std::string_view> kInitiativeStatuses;

class Roadmap {
 public:
  Roadmap(storage::Database& db, tenancy::Service& tenancy, const ledger::Ledger& ledger)
      : db_(db), tenancy_(tenancy), ledger_(ledger) {}

  std::vector<Initiative> list(const Scope& s, const InitiativeFilter& f, const ListQuery& q,
                               std::int64_t& total) const;
  Initiative get(const Scope& s, const std::string& id) const;
  Initiative create(const Scope& s, const InitiativeInput& in, const Actor& actor);
  Initiative update(const Scope& s, const std::string& id, const InitiativeInput& in, const Actor& actor);
  void remove(const Scope& s, const std::string& id, const Actor& actor);
  Monitoring add_monitoring(const Scope& s, const std::string& id, const MonitoringInput& in, const Actor& actor);
  std::vector<InitiativeElement> initiatives_of_element(const Scope& s, const std::string& element_id) const;
  /// Read ports for other modules (plan and budget), inside the caller's transaction.
  std::optional<Initiative> find(storage::Connection& c, const Scope& s, const std::string& id) const;
  std::vector<Initiative> all(storage::Connection& c, const Scope& s) const;
  /// Where modules above the architecture register the checks their rules put on initiatives.
  InitiativeGates& gates() { return gates_; }

 private:
  void validate(storage::Connection& c, const Scope& s, Initiative& i) const;
  storage::Database& db_;
  tenancy::Service& tenancy_;
  const ledger::Ledger& ledger_;
  InitiativeGates gates_;
};

}  // namespace simpul::architecture
