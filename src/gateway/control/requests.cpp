// Access requests and grants (AccessRequests). The steps follow the tenant's profile: where the
// regulation names a recommender (Balikpapan Pasal 9 ayat (8): the PD Wali Data), the decision
// waits for the recommendation; approval creates the grant the data plane enforces.
#include "gateway/control/requests.hpp"

#include <cctype>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/clock.hpp"
#include "gateway/cidr.hpp"
#include "gateway/control/change.hpp"
#include "gateway/control/validation.hpp"

namespace simpul::gateway::control {
namespace {

const tenancy::GatewaySpec& spec_of(const tenancy::Profile& p) {
  static const tenancy::GatewaySpec kDefault{"diskominfo", {}, "none", {}, "diskominfo", {}, {}, {}};
  return p.gateway ? *p.gateway : kDefault;
}

RequestStep step(const Actor& actor, const char* action, std::optional<std::string> decision,
                 std::optional<std::string> note) {
  return {action, std::move(decision), std::move(note), actor.id, actor.name, clock::now_iso()};
}

boost::json::object audit(const AccessRequest& r) {
  boost::json::array methods;
  for (const auto& m : r.methods) methods.emplace_back(m);
  return {{"consumer_id", r.consumer_id},
          {"service_id", r.service_id},
          {"path_prefix", r.path_prefix ? boost::json::value(*r.path_prefix) : nullptr},
          {"methods", methods},
          {"responsible_person", r.responsible_person},
          {"work_unit", r.work_unit},
          {"purpose", r.purpose},
          {"data_needed", r.data_needed},
          {"commercial_use", r.commercial_use},
          {"state", r.state}};
}

std::optional<std::string> non_empty(const std::string& note) {
  if (note.empty()) return std::nullopt;
  return note;
}

/// The profile file's own entry of a refusal ground: its `words` (the Dinas's list of words that
/// mark a commercial purpose) and `networks` (the Pemda's address ranges) are read from there.
const boost::json::object* ground_entry(const tenancy::Profile& p, const std::string& id) {
  const auto* g = p.document.if_contains("gateway");
  const auto* list = g && g->is_object() ? g->as_object().if_contains("refusal_grounds") : nullptr;
  if (!list || !list->is_array()) return nullptr;
  for (const auto& e : list->as_array())
    if (const auto* v = e.is_object() ? e.as_object().if_contains("id") : nullptr;
        v && v->is_string() && v->as_string() == id)
      return &e.as_object();
  return nullptr;
}

std::vector<std::string> strings_of(const boost::json::object* entry, const char* key) {
  std::vector<std::string> out;
  const auto* v = entry ? entry->if_contains(key) : nullptr;
  if (v && v->is_array())
    for (const auto& x : v->as_array())
      if (x.is_string()) out.emplace_back(x.as_string());
  return out;
}

std::string lower(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

/// Balikpapan Pasal 9 ayat (7): the grounds on which this request *may* be refused, each with why
/// it applies; the decider sees them and decides.
std::string flagged_grounds(const tenancy::Profile& p, const tenancy::GatewaySpec& g, const RequestInput& in) {
  boost::json::array out;
  for (const auto& ground : g.refusal_grounds) {
    const auto* entry = ground_entry(p, ground.id);
    std::string reason;
    if (ground.id == "penggunaan_komersial") {
      if (in.commercial_use) reason = "Pemohon menyatakan penggunaan komersial.";
      auto purpose = lower(in.purpose + " " + in.data_needed);
      for (const auto& word : strings_of(entry, "words"))
        if (reason.empty() && purpose.find(lower(word)) != std::string::npos)
          reason = "Maksud dan tujuan memuat kata \"" + word + "\".";
    } else if (ground.id == "di_luar_jaringan_pemda") {
      auto ranges = strings_of(entry, "networks");
      auto address = parse_ip(in.source_address);
      bool inside = false;
      for (const auto& r : ranges)
        if (auto cidr = parse_cidr(r); cidr && address) inside = inside || contains(*cidr, *address);
      if (!ranges.empty() && !inside)
        reason = "Permohonan dikirim dari alamat " +
                 (in.source_address.empty() ? std::string("tak dikenal") : in.source_address) +
                 ", di luar jaringan Pemerintah Daerah.";
    }
    if (reason.empty()) continue;
    auto rule = tenancy::rule_ref(p, ground.rule);
    out.push_back(
        {{"id", ground.id},
         {"name", ground.name},
         {"rule", rule ? boost::json::value(boost::json::object{{"id", rule->id}, {"citation", rule->citation}})
                       : boost::json::value(nullptr)},
         {"reason", reason}});
  }
  return boost::json::serialize(out);
}

}  // namespace

std::vector<AccessRequest> AccessRequests::requests(const Scope& s, const RequestFilter& f, const ListQuery& q,
                                                    std::int64_t& total) const {
  return storage::read(plane_.db(), [&](storage::Connection& c) { return Repository(c).requests(s, f, q, total); });
}

AccessRequest AccessRequests::request(const Scope& s, const std::string& id) const {
  return storage::read(plane_.db(), [&](storage::Connection& c) {
    return found(Repository(c).request(s, id), ErrorCode::GatewayRequestNotFound);
  });
}

AccessRequest AccessRequests::submit(const Scope& s, const RequestInput& in, const Actor& actor) {
  if (in.path_prefix) check_path_prefix(*in.path_prefix, "path_prefix");
  auto methods = check_methods(in.methods);
  // Submitting changes nothing the data plane sees.
  auto stored = plane_.change(false, [&](storage::Connection& c) {
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
    r.source_address = in.source_address;
    r.grounds = flagged_grounds(plane_.profile_of(s), spec_of(plane_.profile_of(s)), in);
    r.requested_by = actor.id;
    r.created_at = clock::now_iso();
    repo.insert(s, r);
    repo.add_step(s, r.id, step(actor, "ajukan", std::nullopt, std::nullopt));
    plane_.ledger().append(c, ledger::change_in(s, actor, "gateway.request_submit", "gateway_request", r.id, audit(r)));
    auto saved = found(repo.request(s, r.id), ErrorCode::GatewayRequestNotFound);
    if (submitted_) submitted_(c, s, saved);
    return saved;
  });
  if (after_submit_) after_submit_();
  return stored;
}

void AccessRequests::on_submit(SubmitHook inside, std::function<void()> after) {
  submitted_ = std::move(inside);
  after_submit_ = std::move(after);
}

AccessRequest AccessRequests::recommend(const Scope& s, const std::string& id, bool recommend, const std::string& note,
                                        const Actor& actor) {
  const auto& g = spec_of(plane_.profile_of(s));
  auto result = plane_.change(false, [&](storage::Connection& c) {
    Repository repo(c);
    auto r = found(repo.request(s, id), ErrorCode::GatewayRequestNotFound);
    if (g.recommender != "owner_agency" || r.state != "diajukan")
      throw Error(ErrorCode::GatewayRequestState, {{"state", r.state}});
    // A negative recommendation still goes to the decider: ayat (8) leaves the decision to the
    // Sekda, who decides "berdasarkan rekomendasi" and sees it in the steps.
    r.state = "direkomendasikan";
    repo.update_state(s, r);
    repo.add_step(s, id, step(actor, "rekomendasi", recommend ? "setuju" : "tolak", non_empty(note)));
    plane_.ledger().append(c, ledger::change_in(s, actor, "gateway.request_recommend", "gateway_request", id,
                                                {{"recommend", recommend}, {"note", note}}));
    auto saved = found(repo.request(s, id), ErrorCode::GatewayRequestNotFound);
    if (submitted_) submitted_(c, s, saved);  // now it waits for the decider
    return saved;
  });
  if (after_submit_) after_submit_();
  return result;
}

AccessRequest AccessRequests::decide(const Scope& s, const std::string& id, bool approve, const std::string& note,
                                     const Actor& actor, const std::optional<std::string>& ground) {
  const auto& p = plane_.profile_of(s);
  const auto& g = spec_of(p);
  bool approved = false;
  auto result = plane_.change(false, [&](storage::Connection& c) {
    Repository repo(c);
    auto r = found(repo.request(s, id), ErrorCode::GatewayRequestNotFound);
    if (r.state != "diajukan" && r.state != "direkomendasikan")
      throw Error(ErrorCode::GatewayRequestState, {{"state", r.state}});
    if (g.recommender == "owner_agency" && r.state != "direkomendasikan")
      throw Error(ErrorCode::GatewayRecommendationRequired, {}, tenancy::rule_ref(p, g.recommender_rule));
    if (r.requested_by == actor.id) throw Error(ErrorCode::GatewaySelfDecision);
    // Ayat (7) "dapat ditolak": a flagged ground is the decider's to weigh. Approving despite one
    // needs the reason on record; a refusal may rest on a ground of the profile and then cites it.
    boost::json::array flagged;
    {
      boost::system::error_code ec;
      auto v = boost::json::parse(r.grounds, ec);
      if (!ec && v.is_array()) flagged = v.as_array();
    }
    const tenancy::RefusalGround* refused_on = nullptr;
    if (ground) {
      refused_on = g.ground(*ground);
      if (approve || !refused_on)
        throw Error(ErrorCode::ValidationInvalidValue, {{"field", "ground"}, {"ground", *ground}});
    }
    if (approve && !flagged.empty() && note.find_first_not_of(" \t\r\n") == std::string::npos) {
      const auto& first = flagged.front().as_object();
      std::optional<RuleRef> rule;
      if (const auto* ref = first.if_contains("rule"); ref && ref->is_object())
        rule = RuleRef{std::string(ref->at("id").as_string()), std::string(ref->at("citation").as_string())};
      throw Error(ErrorCode::ValidationMissingField, {{"field", "note"}, {"grounds", flagged}}, rule);
    }
    if (approve) {
      if (!found(repo.service(s, r.service_id), ErrorCode::GatewayServiceNotFound).active)
        throw Error(ErrorCode::GatewayServiceInactive);
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
    auto decision = step(actor, "putuskan", approve ? "setuju" : "tolak", non_empty(note));
    if (refused_on) decision.ground = refused_on->id;
    repo.add_step(s, id, decision);
    plane_.ledger().append(
        c, ledger::change_in(
               s, actor, approve ? "gateway.request_approve" : "gateway.request_refuse", "gateway_request", id,
               {{"note", note},
                {"grant_id", r.grant_id ? boost::json::value(*r.grant_id) : nullptr},
                {"rule", g.approver_rule ? boost::json::value(*g.approver_rule) : nullptr},
                {"ground", refused_on ? boost::json::value(refused_on->id) : nullptr},
                {"ground_rule", refused_on && refused_on->rule ? boost::json::value(*refused_on->rule) : nullptr},
                {"flagged", flagged}}));
    return found(repo.request(s, id), ErrorCode::GatewayRequestNotFound);
  });
  if (approved) plane_.notify();
  return result;
}

AccessRequest AccessRequests::cancel(const Scope& s, const std::string& id, const Actor& actor) {
  return plane_.change(false, [&](storage::Connection& c) {
    Repository repo(c);
    auto r = found(repo.request(s, id), ErrorCode::GatewayRequestNotFound);
    if (r.state != "diajukan" && r.state != "direkomendasikan")
      throw Error(ErrorCode::GatewayRequestState, {{"state", r.state}});
    r.state = "dibatalkan";
    repo.update_state(s, r);
    repo.add_step(s, id, step(actor, "batalkan", std::nullopt, std::nullopt));
    plane_.ledger().append(
        c, ledger::change_in(s, actor, "gateway.request_cancel", "gateway_request", id, {{"state", r.state}}));
    return found(repo.request(s, id), ErrorCode::GatewayRequestNotFound);
  });
}

std::vector<Grant> AccessRequests::grants(const Scope& s, const GrantFilter& f, const ListQuery& q,
                                          std::int64_t& total) const {
  return storage::read(plane_.db(), [&](storage::Connection& c) { return Repository(c).grants(s, f, q, total); });
}

Grant AccessRequests::grant(const Scope& s, const std::string& id) const {
  return storage::read(plane_.db(), [&](storage::Connection& c) {
    return found(Repository(c).grant(s, id), ErrorCode::GatewayGrantNotFound);
  });
}

Grant AccessRequests::revoke_grant(const Scope& s, const std::string& id, const std::string& reason,
                                   const Actor& actor) {
  return plane_.change(true, [&](storage::Connection& c) {
    Repository repo(c);
    auto g = found(repo.grant(s, id), ErrorCode::GatewayGrantNotFound);
    if (g.revoked_at) throw Error(ErrorCode::GatewayAlreadyRevoked);
    repo.revoke_grant(s, id, reason, clock::now_iso());
    plane_.ledger().append(
        c, ledger::change_in(s, actor, "gateway.grant_revoke", "gateway_grant", id,
                             {{"consumer_id", g.consumer_id}, {"service_id", g.service_id}, {"reason", reason}}));
    return found(repo.grant(s, id), ErrorCode::GatewayGrantNotFound);
  });
}

}  // namespace simpul::gateway::control
