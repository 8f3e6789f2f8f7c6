#pragma once
// The ledger on the module seam: its tables, who reads and verifies it, and its routes. The
// Ledger object itself is made by the composition root before any module (all of them append).
#include <boost/json/object.hpp>

#include "ledger/journal.hpp"
#include "ledger/ledger.hpp"
#include "seam/module.hpp"

namespace simpul::ledger {

/// A ledger entry as the API answers it (LedgerEntry in docs/api.md).
boost::json::object to_json(const Entry& e);

class LedgerModule : public seam::Module {
 public:
  /// Needs storage::Database and ledger::Ledger; provides ledger::Journal.
  explicit LedgerModule(seam::Services& services);
  std::string_view id() const override { return "ledger"; }
  static std::vector<storage::Migration> schema() { return Ledger::migrations(); }
  std::vector<seam::Permission> permissions() const override;
  /// GET /api/ledger, POST /api/ledger/verify.
  void register_routes(http::Router& router) override;

 private:
  Journal journal_;
};

}  // namespace simpul::ledger
