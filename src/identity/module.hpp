#pragma once
// Users, sessions, API tokens and roles on the module seam.
#include "identity/routes.hpp"
#include "identity/service.hpp"
#include "seam/module.hpp"

namespace simpul::identity {

class IdentityModule : public seam::Module {
 public:
  /// Needs storage::Database, ledger::Ledger, tenancy::Service and notification::Service; provides
  /// identity::Service and identity::Accounts (self-service, password reset by e-mail).
  IdentityModule(seam::Services& services, Options options);
  std::string_view id() const override { return "identity"; }
  static std::vector<storage::Migration> schema();
  std::vector<seam::Permission> permissions() const override;
  void register_routes(http::Router& router) override;

 private:
  Service service_;
  Accounts accounts_;
  TenantDirectory tenants_;
};

}  // namespace simpul::identity
