#pragma once
// Who acts and in which tenant: passed from routes to services so that every query is scoped.
#include <string>

namespace simpul {

/// The tenant every repository query is confined to.
struct Scope {
  std::string tenant_id;
};

/// The person or process making a change, as the ledger records it.
struct Actor {
  std::string id;    // user id, or "cli" / "system"
  std::string name;  // display name at the time of the change
  std::string agency_id;
};

}  // namespace simpul
