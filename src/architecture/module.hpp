#pragma once
// The architecture module as the composition root sees it: its services, migrations and routes.
#include "architecture/documents.hpp"
#include "architecture/reference.hpp"
#include "architecture/roadmap.hpp"
#include "architecture/service.hpp"
#include "architecture/transfer.hpp"
#include "http/router.hpp"

namespace simpul::architecture {

struct Module {
  Module(storage::Database& db, tenancy::Service& tenancy, const ReferenceArchitecture& reference,
         const ledger::Ledger& ledger)
      : elements(db, tenancy, reference, ledger),
        documents(db, tenancy, ledger),
        roadmap(db, tenancy, ledger),
        transfer(db, elements, tenancy, ledger),
        ledger(ledger) {}
  Service elements;
  Documents documents;
  Roadmap roadmap;
  Transfer transfer;
  const ledger::Ledger& ledger;

  static std::vector<storage::Migration> migrations();
};

/// /api/architecture/* and /api/roadmap/* (docs/spbe-architecture.md).
void register_routes(http::Router& router, Module& module);
void register_element_routes(http::Router& router, Module& module);
void register_document_routes(http::Router& router, Module& module);
void register_roadmap_routes(http::Router& router, Module& module);
void register_transfer_routes(http::Router& router, Module& module);

}  // namespace simpul::architecture
