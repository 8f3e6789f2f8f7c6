#include "tenancy/profile.hpp"

#include "core/clock.hpp"

#include <algorithm>

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

const RefusalGround* GatewaySpec::ground(const std::string& gid) const {
  for (const auto& g : refusal_grounds)
    if (g.id == gid) return &g;
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

std::string Profile::head_of_region() const { return head_title + " " + region_short_name; }

}  // namespace simpul::tenancy

namespace simpul::tenancy {

int ApplicationsSpec::stage_index(const std::string& id) const {
  for (std::size_t i = 0; i < stages.size(); ++i)
    if (stages[i].id == id) return static_cast<int>(i);
  return -1;
}

bool ApplicationsSpec::is_live(const std::string& stage) const {
  return std::find(live_stages.begin(), live_stages.end(), stage) != live_stages.end();
}

const SanctionStep* SanctionsSpec::step(const std::string& id) const {
  for (const auto& s : steps)
    if (s.id == id) return &s;
  return nullptr;
}

}  // namespace simpul::tenancy

namespace simpul::tenancy {

std::optional<RuleRef> rule_ref(const Profile& p, const std::optional<std::string>& id) {
  const auto* r = id ? p.rule(*id) : nullptr;
  if (!r) return std::nullopt;
  return RuleRef{r->id, r->citation};
}

std::string Profile::today() const { return clock::local_date(clock::now(), utc_offset_hours()); }

std::string Profile::local_date(const std::string& utc_iso) const {
  auto t = clock::parse_iso(utc_iso);
  return t ? clock::local_date(*t, utc_offset_hours()) : utc_iso.substr(0, 10);
}

}  // namespace simpul::tenancy
