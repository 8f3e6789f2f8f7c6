#pragma once
// The infrastructure objects for the compliance engine (subjects server, site, backup_duty, lan,
// device): fields the profiles' rule instances read (docs/infrastructure.md, "Findings").
#include <optional>
#include <set>
#include <string>

#include "architecture/service.hpp"
#include "core/context.hpp"
#include "infrastructure/model.hpp"
#include "infrastructure/profile_section.hpp"
#include "regulation/fact_registry.hpp"
#include "tenancy/profile.hpp"

namespace simpul::infrastructure {

regulation::Fact site_fact(const Site& x);
/// `fasilitas_dinas`, one per tenant: whether the Dinas operates a data recovery centre and a network
/// operations centre (`operating_kinds`: the kinds of the operating sites the Dinas runs).
regulation::Fact dinas_facilities_fact(const Scope& scope, const std::string& dinas,
                                       const std::set<std::string>& operating_kinds);
/// `site`: where the server stands, if recorded; `owner_mandiri_tik`: its owner is a PD Mandiri TIK.
regulation::Fact server_fact(const InfraSpec& spec, const architecture::Element& e, const ServerRecord& r,
                             const std::optional<Site>& site, bool owner_mandiri_tik);
regulation::Fact duty_fact(const BackupDuty& d, const BackupStatus& st, bool owner_has_standard_room);
/// `last_diagram_on`: the tenant's date of the newest diagram, if any.
regulation::Fact lan_fact(const InfraSpec& spec, const Lan& l, const std::optional<std::string>& last_diagram_on,
                          const std::string& today);
regulation::Fact device_fact(const Device& d);

/// "terkini", "belum_jatuh_tempo", "belum_ada" or "terlambat" (see lan_fact).
std::string diagram_state(const InfraSpec& spec, const Lan& l, const std::optional<std::string>& last_diagram_on,
                          const std::string& today);

/// The object id of a month's bandwidth evaluation duty (subject bandwidth_month).
std::string bandwidth_month_id(const std::string& month);
/// One fact per month closed since monitoring began (at most twelve): evaluated or not.
void bandwidth_month_facts(storage::Connection& c, const regulation::FactQuery& q, const InfraSpec& spec,
                           std::vector<regulation::Fact>& out);

/// Subjects server, site, backup_duty, lan, device, and bandwidth_month where the region evaluates monthly.
regulation::FactProvider infrastructure_facts(const architecture::Service& elements);

}  // namespace simpul::infrastructure
