// The checks of a WAN link's record, the same on creation (BandwidthService::create_wan) and on
// edit (Service::update_wan): docs/infrastructure.md, "WAN links".
#include <algorithm>

#include "infrastructure/bandwidth.hpp"
#include "infrastructure/profile_section.hpp"

namespace simpul::infrastructure {

std::string checked_wan_owner(storage::Connection& c, const Scope& s, const tenancy::Profile& p, const WanInput& in,
                              const tenancy::Service& tenancy, regulation::Compliance& compliance) {
  const auto& spec = spec_of(p);
  if (std::none_of(wan_media().begin(), wan_media().end(), [&](const auto& i) { return i.id == in.medium; })) {
    boost::json::array allowed;
    for (const auto& i : wan_media()) allowed.emplace_back(i.id);
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", "medium"}, {"allowed", allowed}});
  }
  if (in.operated_by != "dinas" && in.operated_by != "pd")
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "operated_by"}, {"allowed", boost::json::array{"dinas", "pd"}}});
  if (in.from_agency_id == in.to_agency_id)
    throw Error(ErrorCode::ValidationInvalidValue, "to_agency_id", "a link joins two agencies");
  // Balikpapan Pasal 17 ayat (1) huruf a, Madiun Pasal 18 ayat (6) huruf a, Bontang Pasal 18 ayat (1), Lampung
  // Timur Pasal 19 ayat (1): the WAN up to the agencies' routers is the Dinas's.
  if (spec.wan_rule && in.operated_by != "dinas")
    throw Error(ErrorCode::InfraGateRefused,
                {{"field", "operated_by"},
                 {"rule_title", "WAN hingga router Perangkat Daerah dibangun dan dioperasikan oleh Dinas"},
                 {"rule_title_en", "The WAN up to the agencies' routers is built and run by the Dinas"}},
                tenancy::rule_ref(p, spec.wan_rule));
  for (const auto* agency : {&in.from_agency_id, &in.to_agency_id})
    if (!tenancy.agency(c, s, *agency))
      throw Error(ErrorCode::ValidationInvalidValue, agency == &in.from_agency_id ? "from_agency_id" : "to_agency_id",
                  "not an agency of this tenant");
  auto holder = compliance.tenant_facts(c, s).agency_for_role(spec.operator_role);
  return in.operated_by == "dinas" && !holder.empty() ? holder : in.from_agency_id;
}

}  // namespace simpul::infrastructure
