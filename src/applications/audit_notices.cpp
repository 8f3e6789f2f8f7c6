#include "applications/audit_notices.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include "applications/audit_due.hpp"
#include "core/clock.hpp"
#include "applications/facts.hpp"
#include "core/log.hpp"
#include "identity/recipients.hpp"

namespace simpul::applications {
namespace {

const Actor kScheduler{"system", "Simpul (pengingat audit aplikasi)", ""};

struct Due {
  regulation::Fact app;
  AuditDue due;
  std::string responsible_agency;  // the agency the profile makes responsible for the audit
};

}  // namespace

int AuditNotices::run() {
  int sent = 0;
  for (const auto& t : tenancy_.tenants()) {
    try {
      sent += run(Scope{t.id}, tenancy_.profile_of(t).today());
    } catch (const std::exception& e) {
      log::error("applications.audit_notices_failed", {{"tenant", t.slug}, {"error", e.what()}});
    }
  }
  if (sent > 0) notifications_.wake();
  return sent;
}

int AuditNotices::run(const Scope& s, const std::string& today) {
  const auto& p = tenancy_.profile_of(s);
  const auto horizon = clock::plus_days(today, kAuditSoonDays);
  auto coming = storage::read(db_, [&](storage::Connection& c) {
    auto tenant = applications_.compliance().tenant_facts(c, s);
    std::vector<regulation::Fact> apps;
    application_facts(applications_.elements(), applications_.audit_history())(c, {s, p, today, tenant}, apps);
    std::vector<Due> out;
    for (auto& a : apps) {
      auto due = audit_due(p, a, today);
      // Overdue is a compliance finding with its own notice; only the coming date is told here.
      if (!due || due->overdue || due->date > horizon) continue;
      std::string responsible =
          due->spec->responsible == "owner" ? a.agency_id : tenant.agency_for_role(due->spec->responsible);
      out.push_back({std::move(a), *due, responsible});
    }
    return out;
  });
  int sent = 0;
  std::map<std::string, std::vector<identity::User>> users_of;  // per agency, read once
  auto users = [&](const std::string& agency) -> const std::vector<identity::User>& {
    auto it = users_of.find(agency);
    if (it == users_of.end())
      it = users_of
               .emplace(agency,
                        agency.empty() ? std::vector<identity::User>{} : identity::users_who_act(identity_, s, agency))
               .first;
    return it->second;
  };
  for (const auto& d : coming) {
    std::vector<identity::User> to = users(d.app.agency_id);
    for (const auto& u : users(d.responsible_agency))
      if (std::none_of(to.begin(), to.end(), [&](const identity::User& x) { return x.id == u.id; })) to.push_back(u);
    if (to.empty()) continue;  // nobody to tell yet: a later pass tries again
    const auto* rule = p.rule(d.due.spec->rule);
    const std::string citation = rule ? rule->citation : d.due.spec->rule;
    const auto days = clock::days_between(today, d.due.date);
    storage::write_transaction(db_, [&](storage::Connection& c) {
      if (!notifications_.first_time(c, s, "applications.audit_due:" + d.app.id + ":" + d.due.date)) return;
      notification::Message m;
      m.title = "Audit aplikasi jatuh tempo " + d.due.date + ": " + d.app.label + " (" + citation + ")";
      m.title_en = "Application audit due " + d.due.date + ": " + d.app.label + " (" + citation + ")";
      m.body = "Aplikasi: " + d.app.label + "\nAturan: " + d.due.spec->title + " (" + citation + ")\n" +
               (d.due.basis == "last_audit_date" ? "Audit terakhir: " : "Dihitung sejak: ") + d.due.since +
               "\nAudit berikutnya paling lambat: " + d.due.date + " (" +
               (days == 0 ? std::string("hari ini") : std::to_string(days) + " hari lagi") +
               ")\n\nRule: " + d.due.spec->title_en + " (" + citation + "). The next audit is due by " + d.due.date +
               "; once it has passed, the duty becomes a compliance finding.";
      m.link = "/aplikasi/" + d.app.id;
      for (const auto& u : to) {
        m.user_id = u.id;
        m.email = u.email;
        notifications_.notify(c, s, m);
      }
      ledger_.append(c,
                     ledger::change_in(s, kScheduler, "applications.audit_due_notice", "element", d.app.id,
                                       {{"due", d.due.date}, {"rule", d.due.spec->rule}, {"recipients", to.size()}}));
      ++sent;
    });
  }
  return sent;
}

}  // namespace simpul::applications
