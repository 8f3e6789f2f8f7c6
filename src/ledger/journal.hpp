#pragma once
// Reading the ledger on a connection of its own, for the routes and the dashboard. The Ledger
// itself appends, checkpoints and verifies inside its callers' transactions.
#include <cstdint>
#include <string>

#include "ledger/ledger.hpp"
#include "storage/database.hpp"

namespace simpul::ledger {

class Journal {
 public:
  Journal(storage::Database& db, const Ledger& ledger) : db_(db), ledger_(ledger) {}

  /// Newest first; tenant_id empty = all tenants (see Ledger::list).
  Page list(const std::string& tenant_id, std::int64_t limit, std::int64_t offset,
            const std::string& search = "") const;
  /// The whole chain in one read transaction: the walk sees one snapshot while writers carry on.
  VerifyResult verify() const;
  const Ledger& ledger() const { return ledger_; }

 private:
  storage::Database& db_;
  const Ledger& ledger_;
};

}  // namespace simpul::ledger
