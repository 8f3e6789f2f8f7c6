#include "http/api_description.hpp"
#include "gateway/control/module.hpp"

#include <algorithm>

#include "gateway/control/data_plane.hpp"
#include "gateway/control/demo.hpp"
#include "gateway/control/json.hpp"
#include "gateway/control/repository.hpp"
#include "gateway/control/routes.hpp"
#include "gateway/control/waiting_notices.hpp"
#include "identity/service.hpp"
#include "ledger/ledger.hpp"
#include "notification/service.hpp"

namespace simpul::gateway::control {
/// This module's part of the API contract, one fragment per resource (openapi/*.json).
std::vector<std::string_view> openapi_fragments();
}  // namespace simpul::gateway::control

namespace simpul::gateway::control {
namespace {

/// Balikpapan Pasal 9 ayat (5): a request letter goes to the Sekda, with copies to the Dinas and the
/// PD Wali Data. Each of them (the decider's role holders, the users of the Dinas and of the owner
/// agency; never the requester) finds it in the inbox, and by e-mail where it is configured.
void tell_addressees(storage::Connection& c, const Scope& s, const tenancy::Profile& p, const tenancy::Service& tenancy,
                     const identity::Service& identity, const notification::Service& notifications,
                     const AccessRequest& r) {
  auto a = addressees_of(p, r);
  if (!a) return;
  std::optional<std::string> dinas_id;
  std::string dinas_name = a->dinas_name;
  if (a->dinas_flag)
    if (auto d = tenancy.agency_with_flag(c, s, *a->dinas_flag)) {
      dinas_id = d->id;
      dinas_name = d->name;
    }
  const auto deciders = decider_roles(p);
  const auto* rule = p.rule(a->rule);
  const std::string basis = rule ? rule->citation : a->rule;
  ListQuery q;
  q.per_page = 1000;
  std::int64_t total = 0;
  for (const auto& u : identity.list_users(s, q, std::nullopt, total)) {
    if (!u.active || u.id == r.requested_by) continue;
    const bool decider = std::any_of(u.roles.begin(), u.roles.end(), [&](const std::string& role) {
      return std::find(deciders.begin(), deciders.end(), role) != deciders.end();
    });
    const bool copy = (dinas_id && u.agency_id == *dinas_id) || (!a->owner.id.empty() && u.agency_id == a->owner.id);
    if (!decider && !copy) continue;
    notification::Message m;
    m.user_id = u.id;
    m.email = u.email;
    m.title = (decider ? "Permohonan akses data kepada " + a->to_name + ": " : "Tembusan permohonan akses data: ") +
              r.service_name;
    m.title_en =
        (decider ? "Data access request to the decider: " : "Copy of a data access request: ") + r.service_name;
    m.body = "Kepada: " + a->to_name + "\nTembusan: " + dinas_name + "; " + a->owner.name +
             "\nPemohon: " + r.consumer_name + " (" + r.consumer_agency.name +
             ")\nMaksud, tujuan, dan kegunaan: " + r.purpose + "\nDasar: " + basis;
    m.link = "/penghubung/permohonan?id=" + r.id;
    notifications.notify(c, s, m);
  }
}

}  // namespace

GatewayModule::GatewayModule(seam::Services& services, Options options)
    : tenancy_(services.get<tenancy::Service>()),
      plane_(services.get<storage::Database>(), tenancy_, services.get<ledger::Ledger>(), std::move(options)),
      services_(plane_),
      consumers_(plane_),
      requests_(plane_),
      traffic_(plane_) {
  services.provide(plane_);
  services.provide(services_);
  services.provide(consumers_);
  services.provide(requests_);
  services.provide(traffic_);
  const auto& identity = services.get<identity::Service>();
  auto& notifications = services.get<notification::Service>();
  requests_.on_submit(
      [this, &identity, &notifications](storage::Connection& c, const Scope& s, const AccessRequest& r) {
        const auto& p = tenancy_.profile_of(s);
        // A new request goes as a letter to its addressees where the region says so; otherwise, and
        // once recommended, to whoever acts next.
        if (r.state == "diajukan" && addressees_of(p, r))
          tell_addressees(c, s, p, tenancy_, identity, notifications, r);
        else
          tell_who_acts(c, s, p, identity, notifications, r, false);
      },
      [&notifications] { notifications.wake(); });
  identity_ = &identity;
  notifications_ = &notifications;
}

std::vector<seam::Job> GatewayModule::jobs() {
  return {{"gateway.request_reminders", std::chrono::minutes(60),
           [this] { remind_waiting(plane_, requests_, tenancy_, *identity_, *notifications_); }}};
}

std::vector<storage::Migration> GatewayModule::schema() { return Repository::migrations(); }

std::vector<seam::Permission> GatewayModule::permissions() const {
  return {{"gateway.read",
           {"*"},
           "Membaca layanan dan konsumen Penghubung Layanan",
           "Read the gateway's services and consumers"},
          {"gateway.write",
           {"tenant_admin"},
           "Mengelola layanan dan konsumen semua Perangkat Daerah",
           "Manage every agency's services and consumers"},
          {"gateway.write.own",
           {"agency_operator"},
           "Mengelola layanan dan konsumen Perangkat Daerahnya",
           "Manage their own agency's services and consumers"},
          {"gateway.request",
           {"tenant_admin"},
           "Mengajukan permohonan akses atas nama Perangkat Daerah mana pun",
           "Request access for any agency"},
          {"gateway.request.own",
           {"agency_operator"},
           "Mengajukan permohonan akses untuk Perangkat Daerahnya",
           "Request access for their own agency"},
          {"gateway.recommend.own",
           {"agency_operator"},
           "Merekomendasikan akses ke data Perangkat Daerahnya (Wali Data)",
           "Recommend access to their agency's data (data custodian)"},
          {"gateway.decide",
           {"tenant_admin", "approver", "technical_reviewer"},
           "Memutus permohonan akses",
           "Decide access requests"},
          {"gateway.traffic",
           {"tenant_admin", "auditor"},
           "Melihat lalu lintas dan bukti pertukaran data",
           "See traffic and exchange proofs"},
          {"gateway.path_reveal",
           {"tenant_admin", "auditor"},
           "Membuka jalur lengkap yang memuat data pribadi (NIK, NIP, KK, telepon) dengan alasan",
           "Reveal full paths holding personal identifiers (NIK, NIP, KK, phone) for a stated reason"}};
}

void GatewayModule::register_routes(http::Router& router) {
  control::register_routes(router, {plane_, services_, consumers_, requests_, traffic_});
  for (auto fragment : openapi_fragments()) http::describe(router, fragment);
}

void GatewayModule::add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const {
  if (!p.gateway) return;
  const auto& g = *p.gateway;
  auto add = [&](const std::optional<std::string>& rule, const std::string& how) {
    if (rule) seam::add_enforcement(rows, *rule, how);
  };
  add(g.operator_rule, "role: the operator (" + g.operator_role +
                           ") runs the gateway's services, consumers and grants (`/api/gateway/*`)");
  add(g.recommender_rule,
      "workflow: the service's owner agency recommends before the decision (`gateway.recommendation_required`)");
  add(g.approver_rule, "workflow: access requests decided only by the " + g.approver +
                           " (`gateway.not_decider`), never by the "
                           "requester (`gateway.self_decision`); approval creates the grant the data plane enforces");
  add(g.request_fields_rule,
      "gate: a request states the responsible person (huruf a), work unit (b), purpose (c) and data "
      "needed (d); a missing item is `validation.missing_field` citing its huruf");
  // The data plane's refusals (docs/gateway.md "Refusals that cite a rule"); the proving tests run in
  // Balikpapan (access) and Madiun (network): elsewhere the row stays implemented, not proven.
  auto refusal = control::refusal_rules(p);
  if (!refusal.grant.id.empty())
    add(refusal.grant.id,
        "data plane: a consumer without an approved request's grant is refused (`gateway.no_grant`) citing the article");
  if (!refusal.source.id.empty())
    add(refusal.source.id,
        "data plane: a call from outside the service's networks is refused (`gateway.source_not_allowed`) citing "
        "the Jaringan Intra duty");
  if (const auto* gd = p.document.if_contains("gateway"); gd && gd->is_object())
    if (const auto* to = gd->as_object().if_contains("addressees_rule");
        to && to->is_string() && p.rule(std::string(to->as_string())))
      add(std::string(to->as_string()),
          "workflow: the request is addressed to the decider with copies to the Dinas and the PD Wali Data, who are told in their "
          "inbox (and by e-mail where configured)");
  // 'dapat ditolak': discretion, so the grounds are flags and the decider's reasons, never a refusal by the platform.
  for (const auto& ground : g.refusal_grounds)
    add(ground.rule,
        "discretion: the ground is flagged on the request (commercial use from the form and the purpose's words; "
        "the requester's address outside the Pemda networks); approving despite it needs a reason, a refusal cites it");
}

void GatewayModule::seed_demo(const seam::DemoTenant& tenant) {
  auto key =
      control::seed_demo({plane_, services_, consumers_, requests_}, tenancy_, tenant.scope, tenant.demo_upstream_base);
  if (tenant.shown_once && !key.empty()) (*tenant.shown_once)["gateway_api_key"] = key;
}

}  // namespace simpul::gateway::control
