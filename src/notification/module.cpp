#include "notification/module.hpp"

#include <cstdlib>

#include "http/api_description.hpp"
#include "notification/repository.hpp"
#include "notification/routes.hpp"

namespace simpul::notification {
/// This module's part of the API contract (openapi/*.json).
std::vector<std::string_view> openapi_fragments();

namespace {
std::optional<SmtpConfig> smtp_from(const std::filesystem::path& fallback) {
  const char* env = std::getenv("SIMPUL_SMTP_CONFIG");
  return load_smtp_config(env && *env ? std::filesystem::path(env) : fallback);
}
}  // namespace

NotificationModule::NotificationModule(seam::Services& services, const std::filesystem::path& smtp_config)
    : service_(services.get<storage::Database>(), services.get<tenancy::Service>(), services.get<ledger::Ledger>(),
               smtp_from(smtp_config)) {
  services.provide(service_);
}

std::vector<storage::Migration> NotificationModule::schema() { return Repository::migrations(); }

std::vector<seam::Permission> NotificationModule::permissions() const {
  return {
      {"notification.read", {"*"}, "Membaca notifikasinya sendiri", "Read their own notifications"},
      {"notification.outbox", {"tenant_admin"}, "Melihat status pengiriman surel", "See the e-mail delivery status"}};
}

std::vector<seam::Job> NotificationModule::jobs() {
  if (!service_.email_enabled()) return {};
  return {{"notification.daily_digest", std::chrono::minutes(60), [this] { service_.send_digests(); }}};
}

void NotificationModule::register_routes(http::Router& router) {
  notification::register_routes(router, service_);
  for (auto fragment : openapi_fragments()) http::describe(router, fragment);
}

}  // namespace simpul::notification
