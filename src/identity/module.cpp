#include "http/api_description.hpp"
#include "identity/module.hpp"

#include "identity/account_repository.hpp"
#include "identity/repository.hpp"
#include "notification/service.hpp"
#include "ledger/ledger.hpp"
#include "tenancy/json.hpp"
#include "tenancy/service.hpp"

namespace simpul::identity {
/// This module's part of the API contract (openapi/*.json).
std::vector<std::string_view> openapi_fragments();
}  // namespace simpul::identity

namespace simpul::identity {

IdentityModule::IdentityModule(seam::Services& services, Options options)
    : service_(services.get<storage::Database>(), services.get<ledger::Ledger>(), options),
      accounts_(services.get<storage::Database>(), services.get<ledger::Ledger>(),
                services.get<notification::Service>(), ResetOptions{}) {
  services.provide(service_);
  services.provide(accounts_);
  auto& tenancy = services.get<tenancy::Service>();
  tenants_ = TenantDirectory{[&tenancy](const std::optional<std::string>& slug) -> Scope {
                               if (slug) {
                                 auto t = tenancy.tenant_by_slug(*slug);
                                 // An unknown tenant answers like a wrong password, so tenant names cannot be probed.
                                 if (!t) throw Error(ErrorCode::AuthInvalidCredentials);
                                 return Scope{t->id};
                               }
                               auto all = tenancy.tenants();
                               if (all.size() != 1) throw Error(ErrorCode::TenantRequired);
                               return Scope{all.front().id};
                             },
                             [&tenancy](const Scope& s) -> boost::json::value {
                               auto t = tenancy.tenant(s.tenant_id);
                               return tenancy::to_json(t, tenancy.profile_of(t));
                             }};
}

std::vector<storage::Migration> IdentityModule::schema() {
  auto all = Repository::migrations();
  auto accounts = AccountRepository::migrations();
  all.insert(all.end(), accounts.begin(), accounts.end());
  return all;
}

std::vector<seam::Permission> IdentityModule::permissions() const {
  return {{"user.read",
           {"tenant_admin", "agency_operator", "planner", "auditor", "approver", "assessor", "technical_reviewer"},
           "Membaca pengguna dan peran",
           "Read users and roles"},
          {"user.manage",
           {"tenant_admin"},
           "Mengelola pengguna, token dan pengaturan keamanan",
           "Manage users, tokens and security settings"}};
}

void IdentityModule::register_routes(http::Router& router) {
  identity::register_routes(router, service_, tenants_, accounts_);
  for (auto fragment : openapi_fragments()) http::describe(router, fragment);
}

}  // namespace simpul::identity
