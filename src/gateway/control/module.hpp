#pragma once
// The Sistem Penghubung Layanan's control plane on the module seam (docs/gateway.md). The data
// plane (gateway/proxy) runs beside it and reads its configuration.
#include "gateway/control/consumers.hpp"
#include "gateway/control/requests.hpp"
#include "gateway/control/services.hpp"
#include "gateway/control/traffic.hpp"
#include "identity/service.hpp"
#include "notification/service.hpp"
#include "seam/module.hpp"

namespace simpul::gateway::control {

class GatewayModule : public seam::Module {
 public:
  /// Needs storage::Database, tenancy::Service, ledger::Ledger, identity::Service and
  /// notification::Service (a request's addressees, then whoever acts next, are notified); provides
  /// gateway::control::ControlPlane (on_config_change: the data plane reloads) and its workflows ServiceCatalog,
  /// Consumers, AccessRequests and Traffic.
  GatewayModule(seam::Services& services, Options options);
  std::string_view id() const override { return "gateway"; }
  static std::vector<storage::Migration> schema();
  std::vector<seam::Permission> permissions() const override;
  void register_routes(http::Router& router) override;
  void add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const override;
  void seed_demo(const seam::DemoTenant& tenant) override;
  /// Reminders of access requests waiting on the same step (waiting_notices.hpp), hourly.
  std::vector<seam::Job> jobs() override;

 private:
  tenancy::Service& tenancy_;
  ControlPlane plane_;
  ServiceCatalog services_;
  Consumers consumers_;
  AccessRequests requests_;
  Traffic traffic_;
  const identity::Service* identity_ = nullptr;
  notification::Service* notifications_ = nullptr;
};

}  // namespace simpul::gateway::control
