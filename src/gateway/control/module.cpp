#include "http/api_description.hpp"
#include "gateway/control/module.hpp"

#include "gateway/control/data_plane.hpp"
#include "gateway/control/demo.hpp"
#include "gateway/control/repository.hpp"
#include "gateway/control/routes.hpp"
#include "ledger/ledger.hpp"

namespace simpul::gateway::control {
/// This module's part of the API contract (openapi.cpp).
std::string_view openapi_fragment();
}  // namespace simpul::gateway::control

namespace simpul::gateway::control {

GatewayModule::GatewayModule(seam::Services& services, Options options)
    : tenancy_(services.get<tenancy::Service>()),
      service_(services.get<storage::Database>(), tenancy_, services.get<ledger::Ledger>(), std::move(options)) {
  services.provide(service_);
}

std::vector<storage::Migration> GatewayModule::schema() { return Repository::migrations(); }

std::vector<seam::Permission> GatewayModule::permissions() const {
  return {{"gateway.read", {"*"}, "Membaca layanan dan konsumen Penghubung Layanan", "Read the gateway's services and consumers"},
          {"gateway.write", {"tenant_admin"}, "Mengelola layanan dan konsumen semua Perangkat Daerah", "Manage every agency's services and consumers"},
          {"gateway.write.own", {"agency_operator"}, "Mengelola layanan dan konsumen Perangkat Daerahnya", "Manage their own agency's services and consumers"},
          {"gateway.request", {"tenant_admin"}, "Mengajukan permohonan akses atas nama Perangkat Daerah mana pun", "Request access for any agency"},
          {"gateway.request.own", {"agency_operator"}, "Mengajukan permohonan akses untuk Perangkat Daerahnya", "Request access for their own agency"},
          {"gateway.recommend.own", {"agency_operator"}, "Merekomendasikan akses ke data Perangkat Daerahnya (Wali Data)",
           "Recommend access to their agency's data (data custodian)"},
          {"gateway.decide", {"tenant_admin", "approver", "technical_reviewer"}, "Memutus permohonan akses", "Decide access requests"},
          {"gateway.traffic", {"tenant_admin", "auditor"}, "Melihat lalu lintas dan bukti pertukaran data", "See traffic and exchange proofs"},
          {"gateway.path_reveal", {"tenant_admin", "auditor"}, "Membuka jalur lengkap yang memuat data pribadi (NIK, NIP, KK, telepon) dengan alasan",
           "Reveal full paths holding personal identifiers (NIK, NIP, KK, phone) for a stated reason"}};
}

void GatewayModule::register_routes(http::Router& router) { control::register_routes(router, service_); http::describe(router, openapi_fragment()); }

void GatewayModule::add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const {
  if (!p.gateway) return;
  const auto& g = *p.gateway;
  const std::string bpn = "GatewayTest.BalikpapanRequestIsRecommendedByTheOwnerAgencyAndDecidedByTheSekda";
  const std::string dinas = "GatewayTest.BontangRequestIsDecidedByTheDinasWithoutRecommendationAndNeverByItsRequester";
  auto add = [&](const std::optional<std::string>& rule, const std::string& how, const std::string& test) {
    if (rule) seam::add_enforcement(rows, *rule, how, test);
  };
  const std::string& test = g.recommender == "owner_agency" ? bpn : dinas;
  add(g.operator_rule, "role: the operator (" + g.operator_role + ") runs the gateway's services, consumers and grants (`/api/gateway/*`)", test);
  add(g.recommender_rule, "workflow: the service's owner agency recommends before the decision (`gateway.recommendation_required`)", test);
  add(g.approver_rule, "workflow: access requests decided only by the " + g.approver + " (`gateway.not_decider`), never by the "
                       "requester (`gateway.self_decision`); approval creates the grant the data plane enforces", test);
  add(g.request_fields_rule, "gate: a request states the responsible person (huruf a), work unit (b), purpose (c) and data "
                             "needed (d); a missing item is `validation.missing_field` citing its huruf",
      bpn);
  // 'dapat ditolak': discretion, so the grounds are flags and the decider's reasons, never a refusal by the platform.
  // The data plane's refusals (docs/gateway.md "Refusals that cite a rule").
  auto refusal = control::refusal_rules(p);
  if (!refusal.grant.id.empty())
    add(refusal.grant.id, "data plane: a consumer without an approved request's grant is refused (`gateway.no_grant`) citing the article",
        "GatewayTest.BalikpapanKeyWithoutAnApprovedRequestOpensNothingAndTheRefusalCitesPasal9Ayat5");
  if (!refusal.source.id.empty())
    add(refusal.source.id, "data plane: a call from outside the service's networks is refused (`gateway.source_not_allowed`) citing "
                           "the Jaringan Intra duty",
        "GatewayTest.MadiunSourceOutsideTheServicesNetworksIsRefusedCitingTheJaringanIntraDuty");
  for (const auto& ground : g.refusal_grounds)
    add(ground.rule, "discretion: the ground is flagged on the request (commercial use from the form and the purpose's words; "
                     "the requester's address outside the Pemda networks); approving despite it needs a reason, a refusal cites it",
        bpn);
}

void GatewayModule::seed_demo(const seam::DemoTenant& tenant) {
  auto key = control::seed_demo(service_, tenancy_, tenant.scope, tenant.demo_upstream_base);
  if (tenant.shown_once && !key.empty()) (*tenant.shown_once)["gateway_api_key"] = key;
}

}  // namespace simpul::gateway::control
