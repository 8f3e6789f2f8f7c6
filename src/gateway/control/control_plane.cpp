#include "gateway/control/control_plane.hpp"

#include "gateway/control/repository.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::gateway::control {

crypto::SigningKey load_or_create_gateway_key(const std::filesystem::path& path) {
  // The same file format and creation race handling as the ledger key; only the file differs, so
  // a leaked gateway key never lets anyone forge ledger checkpoints (and the reverse).
  return ledger::load_or_create_key(path);
}

std::vector<std::string> decider_roles(const tenancy::Profile& p) {
  if (p.gateway && p.gateway->approver == "sekda") return {"approver"};
  return {"tenant_admin", "technical_reviewer"};
}

ControlPlane::ControlPlane(storage::Database& db, tenancy::Service& tenancy, const ledger::Ledger& ledger,
                           Options options)
    : db_(db), tenancy_(tenancy), ledger_(ledger), options_(std::move(options)) {}

void ControlPlane::on_config_change(std::function<void()> hook) {
  std::lock_guard lock(hooks_mutex_);
  hooks_.push_back(std::move(hook));
}

void ControlPlane::notify() const {
  std::vector<std::function<void()>> hooks;
  {
    std::lock_guard lock(hooks_mutex_);
    hooks = hooks_;
  }
  for (const auto& h : hooks) h();
}

std::string ControlPlane::tenant_slug(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).tenant_slug(s); });
}

}  // namespace simpul::gateway::control
