#include "regulation/facts.hpp"

#include <algorithm>

namespace simpul::regulation {

std::string_view Fact::field(std::string_view name) const {
  for (const auto& [k, v] : fields)
    if (k == name) return v;
  return {};
}

void Fact::set_field(std::string name, std::string value) {
  for (auto& [k, v] : fields)
    if (k == name) {
      v = std::move(value);
      return;
    }
  fields.emplace_back(std::move(name), std::move(value));
}

const std::vector<std::string>* Fact::set(std::string_view name) const {
  for (const auto& [k, v] : sets)
    if (k == name) return &v;
  return nullptr;
}

bool Fact::in_set(std::string_view name, std::string_view item) const {
  const auto* s = set(name);
  return s && std::find(s->begin(), s->end(), item) != s->end();
}

void Fact::add_to_set(const std::string& name, std::string item) {
  for (auto& [k, v] : sets)
    if (k == name) {
      if (std::find(v.begin(), v.end(), item) == v.end()) v.push_back(std::move(item));
      return;
    }
  sets.emplace_back(name, std::vector<std::string>{std::move(item)});
}

bool TenantFacts::agency_has_flag(std::string_view agency_id, std::string_view flag) const {
  for (const auto& [a, f] : agency_flags)
    if (a == agency_id && f == flag) return true;
  return false;
}

std::string TenantFacts::agency_for_role(std::string_view role) const {
  for (const auto& [r, agency] : role_agencies)
    if (r == role) return agency;
  return {};
}

}  // namespace simpul::regulation
