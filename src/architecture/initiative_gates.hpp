#pragma once
// Checks other modules add to the roadmap's write path (docs/spbe-architecture.md, "Roadmap gates"):
// the architecture sits below the modules whose rules may refuse an initiative (infrastructure:
// Lampung Timur Pasal 17 ayat (9), no data centre of a PD), so it offers this registry and they
// register into it, as they register facts and evidence; the architecture includes none of them.
#include <functional>
#include <utility>
#include <vector>

#include "architecture/model.hpp"
#include "core/context.hpp"
#include "storage/database.hpp"

namespace simpul::architecture {

class InitiativeGates {
 public:
  /// Sees an initiative about to be stored (validated, inside the write transaction) and throws a
  /// catalogue error, with the rule it applies, to refuse it.
  using Gate = std::function<void(storage::Connection&, const Scope&, const Initiative&)>;

  void add(Gate gate) { gates_.push_back(std::move(gate)); }
  void check(storage::Connection& c, const Scope& s, const Initiative& i) const {
    for (const auto& gate : gates_) gate(c, s, i);
  }

 private:
  std::vector<Gate> gates_;
};

}  // namespace simpul::architecture
