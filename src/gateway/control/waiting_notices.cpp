#include "gateway/control/waiting_notices.hpp"

#include <algorithm>
#include <chrono>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "identity/recipients.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::gateway::control {
namespace {

const Actor kScheduler{"system", "Simpul (pengingat permohonan akses)", ""};

bool waits_for_recommendation(const tenancy::Profile& p, const AccessRequest& r) {
  return r.state == "diajukan" && p.gateway && p.gateway->recommender == "owner_agency";
}

/// The deciders (holders of the profile's decider roles) or, while the owner PD must recommend
/// first, the users of that PD who can act; never the requester.
std::vector<identity::User> who_acts(const Scope& s, const tenancy::Profile& p, const identity::Service& identity,
                                     const AccessRequest& r) {
  std::vector<identity::User> out;
  if (waits_for_recommendation(p, r)) {
    if (!r.service_owner.id.empty())
      for (auto& u : identity::users_who_act(identity, s, r.service_owner.id))
        if (u.id != r.requested_by) out.push_back(std::move(u));
    return out;
  }
  const auto deciders = decider_roles(p);
  ListQuery q;
  q.per_page = 1000;
  std::int64_t total = 0;
  for (auto& u : identity.list_users(s, q, std::nullopt, total)) {
    if (!u.active || u.id == r.requested_by) continue;
    if (std::any_of(u.roles.begin(), u.roles.end(), [&](const std::string& role) {
          return std::find(deciders.begin(), deciders.end(), role) != deciders.end();
        }))
      out.push_back(std::move(u));
  }
  return out;
}

/// When the request last moved (its latest step), else when it was made.
std::string waiting_since(const AccessRequest& r) {
  std::string since = r.created_at;
  for (const auto& st : r.steps) since = std::max(since, st.at);
  return since;
}

}  // namespace

std::size_t tell_who_acts(storage::Connection& c, const Scope& s, const tenancy::Profile& p,
                          const identity::Service& identity, const notification::Service& notifications,
                          const AccessRequest& r, bool reminder) {
  const bool recommend = waits_for_recommendation(p, r);
  auto users = who_acts(s, p, identity, r);
  notification::Message m;
  const std::string prefix = reminder ? "Pengingat: " : "";
  const std::string prefix_en = reminder ? "Reminder: " : "";
  if (recommend) {
    m.title = prefix + "Permohonan akses data menunggu rekomendasi Wali Data: " + r.service_name;
    m.title_en = prefix_en + "Data access request awaiting the data custodian's recommendation: " + r.service_name;
  } else {
    m.title = prefix + "Permohonan akses data menunggu keputusan: " + r.service_name;
    m.title_en = prefix_en + "Data access request awaiting a decision: " + r.service_name;
  }
  std::optional<std::string> rule_id;
  if (p.gateway) rule_id = recommend ? p.gateway->recommender_rule : p.gateway->approver_rule;
  const auto* ref = rule_id ? p.rule(*rule_id) : nullptr;
  // The consumer and its agency are systems and offices; the responsible person's name stays on the request.
  m.body = "Layanan: " + r.service_name + " (" + r.service_owner.name + ")\nPemohon: " + r.consumer_name + " (" +
           r.consumer_agency.name + ")\nDiajukan: " + p.local_date(r.created_at) +
           (ref ? "\nDasar: " + ref->citation : std::string()) + "\n\n" +
           (recommend ? "The owner agency, as data custodian, recommends before the decision."
                      : "The request waits for a decision.");
  m.link = "/penghubung/permohonan?id=" + r.id;
  for (const auto& u : users) {
    m.user_id = u.id;
    m.email = u.email;
    notifications.notify(c, s, m);
  }
  return users.size();
}

int remind_waiting(ControlPlane& plane, const AccessRequests& requests, const tenancy::Service& tenancy,
                   const identity::Service& identity, notification::Service& notifications) {
  int reminded = 0;
  const auto cutoff = clock::to_iso(clock::now() - std::chrono::hours(24 * kRequestReminderDays));
  for (const auto& t : tenancy.tenants()) {
    try {
      Scope s{t.id};
      const auto& p = tenancy.profile_of(t);
      for (const char* state : {"diajukan", "direkomendasikan"}) {
        RequestFilter f;
        f.state = state;
        ListQuery q;
        q.per_page = 1000;
        std::int64_t total = 0;
        for (const auto& r : requests.requests(s, f, q, total)) {
          if (waiting_since(r) > cutoff) continue;
          storage::write_transaction(plane.db(), [&](storage::Connection& c) {
            if (!notifications.first_time(c, s, "gateway.request_wait:" + r.id + ":" + r.state)) return;
            auto told = tell_who_acts(c, s, p, identity, notifications, r, true);
            plane.ledger().append(c, ledger::change_in(s, kScheduler, "gateway.request_reminder", "gateway_request",
                                                       r.id, {{"state", r.state}, {"recipients", told}}));
            ++reminded;
          });
        }
      }
    } catch (const std::exception& e) {
      log::error("gateway.request_reminders_failed", {{"tenant", t.slug}, {"error", e.what()}});
    }
  }
  if (reminded > 0) notifications.wake();
  return reminded;
}

}  // namespace simpul::gateway::control
