#pragma once
// Organisation on the module seam: tenants, Perangkat Daerah, teams and positions, the profiles.
#include "seam/module.hpp"
#include "tenancy/service.hpp"

namespace simpul::tenancy {

class TenancyModule : public seam::Module {
 public:
  /// Needs storage::Database, ProfileRegistry and ledger::Ledger; provides tenancy::Service.
  explicit TenancyModule(seam::Services& services);
  std::string_view id() const override { return "tenancy"; }
  static std::vector<storage::Migration> schema();
  std::vector<seam::Permission> permissions() const override;
  void register_routes(http::Router& router) override;
  void add_coverage(const Profile& p, seam::CoverageRows& rows) const override;

 private:
  Service service_;
};

}  // namespace simpul::tenancy
