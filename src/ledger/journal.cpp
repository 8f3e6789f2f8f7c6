#include "ledger/journal.hpp"

#include "storage/unit_of_work.hpp"

namespace simpul::ledger {

Page Journal::list(const std::string& tenant_id, std::int64_t limit, std::int64_t offset,
                   const std::string& search) const {
  return storage::read(db_, [&](storage::Connection& c) { return ledger_.list(c, tenant_id, limit, offset, search); });
}

VerifyResult Journal::verify() const {
  auto conn = db_.acquire();
  storage::Transaction tx(*conn, storage::Transaction::Read);
  return ledger_.verify(*conn);
}

}  // namespace simpul::ledger
