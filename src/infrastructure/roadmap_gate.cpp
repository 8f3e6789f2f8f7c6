// The roadmap gate of Lampung Timur Pasal 17 ayat (9), "Perangkat Daerah tidak melakukan
// pembangunan pusat Data" (follow_up.hpp). An initiative builds a data centre when it *creates* an
// element of the domain infrastruktur whose infra_type is pusat_data; it is a PD's data centre when
// that element belongs to an agency other than the one holding the operator role (the Dinas, which
// ayat (5) obliges to provide the Pusat Data). Rooms a PD already runs fall under ayat (6)-(7), and
// an initiative being cancelled (status batal) is never refused, so old plans can be closed.
#include "core/error.hpp"
#include "infrastructure/follow_up.hpp"
#include "infrastructure/profile_section.hpp"

namespace simpul::infrastructure {

architecture::InitiativeGates::Gate pd_data_centre_gate(const architecture::Service& elements,
                                                        regulation::Compliance& compliance) {
  return [&elements, &compliance](storage::Connection& c, const Scope& s, const architecture::Initiative& i) {
    const auto& p = elements.profile_of(s);
    const auto& spec = spec_of(p);
    auto rule = tenancy::rule_ref(p, spec.pd_data_centre_ban_rule);
    if (!rule || i.status == "batal") return;
    std::string dinas;
    bool dinas_read = false;
    for (const auto& item : i.elements) {
      if (item.effect != "create" || item.domain != "infrastruktur") continue;
      auto e = elements.find(c, s, item.element_id);
      if (!e) continue;
      const auto* type = e->attributes.if_contains("infra_type");
      if (!type || !type->is_string() || type->as_string() != "pusat_data") continue;
      if (!dinas_read) {
        dinas = compliance.tenant_facts(c, s).agency_for_role(spec.operator_role);
        dinas_read = true;
      }
      if (!dinas.empty() && e->owner_agency_id == dinas) continue;  // the Dinas's own Pusat Data (ayat (5))
      throw Error(ErrorCode::InfraGateRefused,
                  {{"field", "elements"},
                   {"element_id", e->id},
                   {"element_code", e->code},
                   {"owner_agency_id", e->owner_agency_id},
                   {"rule_title", "Perangkat Daerah tidak melakukan pembangunan pusat data"},
                   {"rule_title_en", "An agency does not build a data centre of its own"}},
                  rule);
    }
  };
}

}  // namespace simpul::infrastructure
