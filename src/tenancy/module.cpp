#include "http/api_description.hpp"
#include "tenancy/module.hpp"

#include "ledger/ledger.hpp"
#include "tenancy/repository.hpp"
#include "tenancy/routes.hpp"

namespace simpul::tenancy {
/// This module's part of the API contract (openapi/*.json).
std::vector<std::string_view> openapi_fragments();
}  // namespace simpul::tenancy

namespace simpul::tenancy {

TenancyModule::TenancyModule(seam::Services& services)
    : service_(services.get<storage::Database>(), services.get<ProfileRegistry>(), services.get<ledger::Ledger>()) {
  services.provide(service_);
}

std::vector<storage::Migration> TenancyModule::schema() { return Repository::migrations(); }

std::vector<seam::Permission> TenancyModule::permissions() const {
  return {{"profile.read", {"*"}, "Membaca profil regulasi", "Read the regulation profile"},
          {"dashboard.read", {"*"}, "Melihat beranda", "See the dashboard"},
          {"agency.read", {"*"}, "Membaca Perangkat Daerah", "Read the agencies"},
          {"agency.write", {"tenant_admin"}, "Mengelola semua Perangkat Daerah", "Manage every agency"},
          {"agency.write.own",
           {"agency_operator"},
           "Memperbarui data Perangkat Daerahnya sendiri",
           "Update their own agency"},
          {"team.read", {"*"}, "Membaca tim dan jabatan", "Read teams and positions"},
          {"team.manage", {"tenant_admin"}, "Mengisi jabatan dalam tim", "Staff team positions"}};
}

void TenancyModule::register_routes(http::Router& router) {
  tenancy::register_routes(router, service_);
  for (auto fragment : openapi_fragments()) http::describe(router, fragment);
}

void TenancyModule::add_coverage(const Profile& p, seam::CoverageRows& rows) const {
  // Rules enforced by the organisation registry: the roles, teams and enumerations each profile
  // states, and the refusals of what they exclude.
  for (const auto& r : p.roles) {
    if (!r.rule || !r.agency_flag) continue;
    if (*r.agency_flag == "mandiri_tik")
      seam::add_enforcement(rows, *r.rule,
                            "gate: PD Mandiri TIK status needs its decree reference (`agency.decree_required`); "
                            "refused where the regulation has no such status (`agency.mandiri_tik_not_in_regulation`)");
    else
      seam::add_enforcement(
          rows, *r.rule,
          "gate: the role `" + *r.agency_flag + "` is held by one Perangkat Daerah (`agency.flag_taken`)");
  }
  for (const auto& t : p.teams) {
    if (t.rule)
      seam::add_enforcement(
          rows, *t.rule,
          "gate: team `" + t.id + "` exists with exactly the positions the regulation names (`team.position_unknown`)");
    for (const auto& pos : t.positions)
      if (pos.rule && !rows.count(*pos.rule))
        seam::add_enforcement(rows, *pos.rule,
                              "gate: position `" + pos.id + "` of `" + t.id + "` (limits: `team.position_full`)");
  }
  if (const auto* types = p.enumeration("agency_types"); types && !types->rule.empty())
    seam::add_enforcement(
        rows, types->rule,
        "gate: a Perangkat Daerah's type must be one the regulation lists (`validation.invalid_value`)");
}

}  // namespace simpul::tenancy
