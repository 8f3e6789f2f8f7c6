#pragma once
// The Layanan SPBE catalogue (docs/service-desk.md, "Layanan SPBE catalogue"): the services the desk
// offers, each with its code, name (Indonesian and English), owning PD, the application,
// infrastructure or service elements of the architecture it runs on, and its SLA class (one of
// the profile's priorities). Everyone reads it; the Dinas (servicedesk.manage) keeps it.
#include <optional>
#include <string>
#include <vector>

#include "architecture/service.hpp"
#include "http/router.hpp"
#include "regulation/fact_registry.hpp"
#include "ledger/ledger.hpp"
#include "servicedesk/catalogue_repository.hpp"
#include "servicedesk/service.hpp"
#include "tenancy/service.hpp"

namespace simpul::servicedesk {

struct DeskServiceInput {
  std::optional<std::string> code, name, name_en, agency_id, sla_class, kind, area, khusus_reason;
  std::optional<std::vector<std::string>> element_ids;
};

class Catalogue {
 public:
  Catalogue(storage::Database& db, Service& desk, const tenancy::Service& tenancy, architecture::Service& elements,
            const ledger::Ledger& ledger)
      : db_(db), desk_(desk), tenancy_(tenancy), elements_(elements), ledger_(ledger) {}

  std::vector<DeskService> services(const Scope& s) const;
  DeskService service(const Scope& s, const std::string& id) const;
  DeskService add(const Caller& who, const DeskServiceInput& in);
  DeskService edit(const Caller& who, const std::string& id, const DeskServiceInput& in);
  void remove(const Caller& who, const std::string& id);
  const DeskRules& rules(const Scope& s) const;
  const tenancy::Profile& profile(const Scope& s) const { return desk_.profile_of(s); }
  /// The catalogue's services as compliance facts (subject `desk_service`): kind, area,
  /// uses_aplikasi_umum and khusus_reason_given, for the Aplikasi Umum finding (docs/service-desk.md).
  regulation::FactProvider facts() const;

 private:
  void check(storage::Connection& c, const Scope& s, DeskService& d) const;
  /// Fills each service's element labels ("code name") and whether one is a live Aplikasi Umum.
  void label(storage::Connection& c, const Scope& s, std::vector<DeskService>& list) const;
  storage::Database& db_;
  Service& desk_;
  const tenancy::Service& tenancy_;
  architecture::Service& elements_;
  const ledger::Ledger& ledger_;
};

/// /api/servicedesk/services (routes_catalogue.cpp).
void register_catalogue_routes(http::Router& router, Catalogue& m);

}  // namespace simpul::servicedesk
