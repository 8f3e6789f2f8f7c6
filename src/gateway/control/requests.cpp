// Access requests and grants (Service members). The steps follow the tenant's profile: where the
// regulation names a recommender (Balikpapan Pasal 9 ayat (8): the PD Wali Data), the decision
// waits for the recommendation; approval creates the grant the data plane enforces.
#include "core/clock.hpp"
#include "gateway/control/change.hpp"
#include "gateway/control/validation.hpp"

namespace simpul::gateway::control {
namespace {

const tenancy::GatewaySpec& spec_of(const tenancy::Profile& p) {
  static const tenancy::GatewaySpec kDefault{"diskominfo", {}, "none", {}, "diskominfo", {}, {}, {}};
  return p.gateway ? *p.gateway : kDefault;
}

RequestStep step(const Actor& actor, const char* action, std::optional<std::string> decision, std::optional<std::string> note) {
  return {action, std::move(decision), std::move(note), actor.id, actor.name, clock::now_iso()};
}

boost::json::object audit(const AccessRequest& r) {
  boost::json::array methods;
  for (const auto& m : r.methods) methods.emplace_back(m);
  return {{"consumer_id", r.consumer_id}, {"service_id", r.service_id}, {"path_prefix", r.path_prefix ? boost::json::value(*r.path_prefix) : nullptr},
          {"methods", methods}, {"responsible_person", r.responsible_person}, {"work_unit", r.work_unit}, {"purpose", r.purpose},
          {"data_needed", r.data_needed}, {"commercial_use", r.commercial_use}, {"state", r.state}};
}

std::optional<std::string> non_empty(const std::string& note) {
  if (note.empty()) return std::nullopt;
  return note;
}

}  // namespace

std::vector<AccessRequest> Service::requests(const Scope& s, const RequestFilter& f, const ListQuery& q, std::int64_t& total) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).requests(s, f, q, total); });
}

AccessRequest Service::request(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) { return found(Repository(c).request(s, id), ErrorCode::GatewayRequestNotFound); });
}

AccessRequest Service::submit(const Scope& s, const RequestInput& in, const Actor& actor) {
  if (in.path_prefix) check_path_prefix(*in.path_prefix, "path_prefix");
  auto methods = check_methods(in.methods);
  // Submitting changes nothing the data plane sees.
  return change(false, [&](storage::Connection& c) {
    Repository repo(c);
    auto consumer = found(repo.consumer(s, in.consumer_id), ErrorCode::GatewayConsumerNotFound);
    auto service = found(repo.service(s, in.service_id), ErrorCode::GatewayServiceNotFound);
    if (!service.active) throw Error(ErrorCode::GatewayServiceInactive);
    if (!consumer.enabled) throw Error(ErrorCode::GatewayConsumerDisabled);
    AccessRequest r;
    r.id = crypto::new_id();
    r.consumer_id = consumer.id;
    r.service_id = service.id;
    r.path_prefix = in.path_prefix;
    r.methods = methods;
    r.responsible_person = in.responsible_person;
    r.work_unit = in.work_unit;
    r.purpose = in.purpose;
    r.data_needed = in.data_needed;
    r.commercial_use = in.commercial_use;
    r.requested_by = actor.id;
    r.created_at = clock::now_iso();
    repo.insert(s, r);
    repo.add_step(s, r.id, step(actor, "ajukan", std::nullopt, std::nullopt));
    ledger_.append(c, ledger::change_in(s, actor, "gateway.request_submit", "gateway_request", r.id, audit(r)));
    return found(repo.request(s, r.id), ErrorCode::GatewayRequestNotFound);
  });
}

AccessRequest Service::recommend(const Scope& s, const std::string& id, bool recommend, const std::string& note, const Actor& actor) {
  const auto& g = spec_of(profile_of(s));
  return change(false, [&](storage::Connection& c) {
    Repository repo(c);
    auto r = found(repo.request(s, id), ErrorCode::GatewayRequestNotFound);
    if (g.recommender != "owner_agency" || r.state != "diajukan") throw Error(ErrorCode::GatewayRequestState, {{"state", r.state}});
    // A negative recommendation still goes to the decider: ayat (8) leaves the decision to the
    // Sekda, who decides "berdasarkan rekomendasi" and sees it in the steps.
    r.state = "direkomendasikan";
    repo.update_state(s, r);
    repo.add_step(s, id, step(actor, "rekomendasi", recommend ? "setuju" : "tolak", non_empty(note)));
    ledger_.append(c, ledger::change_in(s, actor, "gateway.request_recommend", "gateway_request", id,
                                        {{"recommend", recommend}, {"note", note}}));
    return found(repo.request(s, id), ErrorCode::GatewayRequestNotFound);
  });
}

AccessRequest Service::decide(const Scope& s, const std::string& id, bool approve, const std::string& note, const Actor& actor) {
  const auto& p = profile_of(s);
  const auto& g = spec_of(p);
  bool approved = false;
  auto result = change(false, [&](storage::Connection& c) {
    Repository repo(c);
    auto r = found(repo.request(s, id), ErrorCode::GatewayRequestNotFound);
    if (r.state != "diajukan" && r.state != "direkomendasikan") throw Error(ErrorCode::GatewayRequestState, {{"state", r.state}});
    if (g.recommender == "owner_agency" && r.state != "direkomendasikan")
      throw Error(ErrorCode::GatewayRecommendationRequired, {}, tenancy::rule_ref(p, g.recommender_rule));
    if (r.requested_by == actor.id) throw Error(ErrorCode::GatewaySelfDecision);
    if (approve) {
      if (const auto* ground = g.ground("penggunaan_komersial"); ground && ground->automatic && r.commercial_use)
        throw Error(ErrorCode::GatewayCommercialUse, {{"ground", ground->id}}, tenancy::rule_ref(p, ground->rule));
      if (!found(repo.service(s, r.service_id), ErrorCode::GatewayServiceNotFound).active) throw Error(ErrorCode::GatewayServiceInactive);
      Grant grant;
      grant.id = crypto::new_id();
      grant.consumer_id = r.consumer_id;
      grant.service_id = r.service_id;
      grant.path_prefix = r.path_prefix;
      grant.methods = r.methods;
      grant.basis_kind = "permohonan";
      grant.request_id = r.id;
      grant.rule_id = g.approver_rule;
      grant.note = non_empty(note);
      grant.granted_by = actor.name;
      grant.granted_at = clock::now_iso();
      repo.insert(s, grant);
      r.grant_id = grant.id;
      repo.bump_version();
      approved = true;
    }
    r.state = approve ? "disetujui" : "ditolak";
    repo.update_state(s, r);
    repo.add_step(s, id, step(actor, "putuskan", approve ? "setuju" : "tolak", non_empty(note)));
    ledger_.append(c, ledger::change_in(s, actor, approve ? "gateway.request_approve" : "gateway.request_refuse", "gateway_request", id,
                                        {{"note", note}, {"grant_id", r.grant_id ? boost::json::value(*r.grant_id) : nullptr},
                                         {"rule", g.approver_rule ? boost::json::value(*g.approver_rule) : nullptr}}));
    return found(repo.request(s, id), ErrorCode::GatewayRequestNotFound);
  });
  if (approved) notify();
  return result;
}

AccessRequest Service::cancel(const Scope& s, const std::string& id, const Actor& actor) {
  return change(false, [&](storage::Connection& c) {
    Repository repo(c);
    auto r = found(repo.request(s, id), ErrorCode::GatewayRequestNotFound);
    if (r.state != "diajukan" && r.state != "direkomendasikan") throw Error(ErrorCode::GatewayRequestState, {{"state", r.state}});
    r.state = "dibatalkan";
    repo.update_state(s, r);
    repo.add_step(s, id, step(actor, "batalkan", std::nullopt, std::nullopt));
    ledger_.append(c, ledger::change_in(s, actor, "gateway.request_cancel", "gateway_request", id, {{"state", r.state}}));
    return found(repo.request(s, id), ErrorCode::GatewayRequestNotFound);
  });
}

std::vector<Grant> Service::grants(const Scope& s, const GrantFilter& f, const ListQuery& q, std::int64_t& total) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).grants(s, f, q, total); });
}

Grant Service::grant(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) { return found(Repository(c).grant(s, id), ErrorCode::GatewayGrantNotFound); });
}

Grant Service::revoke_grant(const Scope& s, const std::string& id, const std::string& reason, const Actor& actor) {
  return change(true, [&](storage::Connection& c) {
    Repository repo(c);
    auto g = found(repo.grant(s, id), ErrorCode::GatewayGrantNotFound);
    if (g.revoked_at) throw Error(ErrorCode::GatewayAlreadyRevoked);
    repo.revoke_grant(s, id, reason, clock::now_iso());
    ledger_.append(c, ledger::change_in(s, actor, "gateway.grant_revoke", "gateway_grant", id,
                                        {{"consumer_id", g.consumer_id}, {"service_id", g.service_id}, {"reason", reason}}));
    return found(repo.grant(s, id), ErrorCode::GatewayGrantNotFound);
  });
}

}  // namespace simpul::gateway::control
