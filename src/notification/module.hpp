#pragma once
// Notifications on the module seam (docs/service-desk.md, "Notifications"): the inbox and e-mail
// other modules use through notification/service.hpp.
#include <filesystem>

#include "notification/service.hpp"
#include "seam/module.hpp"

namespace simpul::notification {

class NotificationModule : public seam::Module {
 public:
  /// Needs storage::Database, tenancy::Service and ledger::Ledger; provides notification::Service. E-mail is on when
  /// the operator's SMTP file exists: $SIMPUL_SMTP_CONFIG, else `smtp_config` (<data dir>/smtp.conf).
  NotificationModule(seam::Services& services, const std::filesystem::path& smtp_config);
  std::string_view id() const override { return "notification"; }
  static std::vector<storage::Migration> schema();
  std::vector<seam::Permission> permissions() const override;
  void register_routes(http::Router& router) override;
  /// The daily digest e-mail (hourly; each user once per local date), when e-mail is on.
  std::vector<seam::Job> jobs() override;

 private:
  Service service_;
};

}  // namespace simpul::notification
