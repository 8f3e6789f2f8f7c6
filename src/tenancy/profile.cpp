#include "tenancy/profile.hpp"

namespace simpul::tenancy {

bool Enumeration::contains(const std::string& id) const {
  for (const auto& i : items)
    if (i.id == id) return true;
  return false;
}

const TeamPosition* TeamSpec::position(const std::string& pid) const {
  for (const auto& p : positions)
    if (p.id == pid) return &p;
  return nullptr;
}

const RuleInstance* Profile::rule(const std::string& rid) const {
  for (const auto& r : rules)
    if (r.id == rid) return &r;
  return nullptr;
}

const TeamSpec* Profile::team(const std::string& tid) const {
  for (const auto& t : teams)
    if (t.id == tid) return &t;
  return nullptr;
}

const Enumeration* Profile::enumeration(const std::string& name) const {
  auto it = enumerations.find(name);
  return it == enumerations.end() ? nullptr : &it->second;
}

bool Profile::recognises_agency_flag(const std::string& flag) const {
  for (const auto& r : roles)
    if (r.agency_flag && *r.agency_flag == flag) return true;
  return false;
}

std::string Profile::regulation_label() const {
  std::string out = regulation_instrument;
  if (regulation_number) out += " Nomor " + *regulation_number;
  if (regulation_year) out += " Tahun " + std::to_string(*regulation_year);
  return out;
}

}  // namespace simpul::tenancy
