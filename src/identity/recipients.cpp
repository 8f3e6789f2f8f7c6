#include "identity/recipients.hpp"

#include <algorithm>

namespace simpul::identity {
namespace {

bool can_act(const User& u) {
  return u.active && std::any_of(u.roles.begin(), u.roles.end(),
                                 [](const std::string& r) { return r != "viewer" && r != "auditor"; });
}

bool is_admin(const User& u) {
  return u.active && std::find(u.roles.begin(), u.roles.end(), "tenant_admin") != u.roles.end();
}

}  // namespace

std::vector<User> users_who_act(const Service& identity, const Scope& s, const std::string& agency_id) {
  ListQuery q;
  q.per_page = 1000;
  std::int64_t total = 0;
  std::vector<User> out;
  auto all = identity.list_users(s, q, agency_id.empty() ? std::nullopt : std::optional<std::string>(agency_id), total);
  for (auto& u : all)
    if (agency_id.empty() ? is_admin(u) : can_act(u)) out.push_back(std::move(u));
  return out;
}

}  // namespace simpul::identity
