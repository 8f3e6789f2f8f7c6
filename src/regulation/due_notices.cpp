#include "regulation/due_notices.hpp"

#include <chrono>
#include <map>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "identity/recipients.hpp"
#include "regulation/repository.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::regulation {
namespace {

const Actor kScheduler{"system", "Simpul (pengingat jatuh tempo)", ""};

struct RuleText {
  std::string citation, title, title_en;
};

RuleText rule_text(const tenancy::Profile& p, const Finding& f) {
  RuleText out;
  const auto* r = p.rule(f.rule_id);
  out.citation = r ? r->citation : f.rule_id;
  out.title = out.title_en = f.rule_id;
  for (const auto& c : p.compliance)
    if (c.rule == f.rule_id && c.subject == f.subject && c.kind == f.kind) {
      out.title = c.title;
      out.title_en = c.title_en;
      break;
    }
  return out;
}

/// The notice of one finding. The object label names a record of the Pemda (an application, a
/// document, a PD), never a person's identifiers; the finding's details are left to its page.
notification::Message message_of(const tenancy::Profile& p, const Finding& f, bool overdue, const std::string& today) {
  auto rule = rule_text(p, f);
  auto days = clock::days_between(today, f.due);
  notification::Message m;
  if (overdue) {
    m.title = "Temuan kepatuhan lewat jatuh tempo " + f.due + ": " + rule.title + " (" + rule.citation + ")";
    m.title_en = "Compliance finding overdue since " + f.due + ": " + rule.title_en + " (" + rule.citation + ")";
  } else {
    m.title = "Temuan kepatuhan jatuh tempo " + f.due + ": " + rule.title + " (" + rule.citation + ")";
    m.title_en = "Compliance finding due " + f.due + ": " + rule.title_en + " (" + rule.citation + ")";
  }
  std::string when = overdue ? "lewat " + std::to_string(-days) + " hari"
                             : (days == 0 ? "hari ini" : std::to_string(days) + " hari lagi");
  m.body = "Aturan: " + rule.title + " (" + rule.citation + ")\nObjek: " + f.object_label +
           "\nPerangkat Daerah yang bertanggung jawab: " + (f.agency_name.empty() ? "-" : f.agency_name) +
           "\nBatas perbaikan: " + f.due + " (" + when + ")\nTingkat: " + f.severity + "\n\nRule: " + rule.title_en +
           " (" + rule.citation + "). Correct it by " + f.due +
           ", or record why it cannot be corrected, on the finding's page.";
  m.link = "/kepatuhan/temuan/" + f.id;
  return m;
}

}  // namespace

int DueNotices::run() {
  int sent = 0;
  for (const auto& t : tenancy_.tenants()) {
    try {
      sent += run(Scope{t.id}, tenancy_.profile_of(t).today());
    } catch (const std::exception& e) {
      log::error("compliance.due_notices_failed", {{"tenant", t.slug}, {"error", e.what()}});
    }
  }
  if (sent > 0) notifications_.wake();
  return sent;
}

int DueNotices::run(const Scope& s, const std::string& today) {
  const auto& p = tenancy_.profile_of(s);
  auto due = storage::read(db_, [&](storage::Connection& c) {
    return Repository(c).open_findings_due_by(s, clock::plus_days(today, kDueSoonDays));
  });
  std::map<std::string, std::vector<identity::User>> recipients;  // per responsible agency, read once
  int sent = 0;
  for (const auto& f : due) {
    const bool overdue = f.due < today;
    auto it = recipients.find(f.agency_id);
    if (it == recipients.end())
      it = recipients.emplace(f.agency_id, identity::users_who_act(identity_, s, f.agency_id)).first;
    const auto& users = it->second;
    if (users.empty()) continue;  // nobody to tell yet: a later pass tries again
    const std::string event = overdue ? "overdue" : "due_soon";
    storage::write_transaction(db_, [&](storage::Connection& c) {
      // Once per finding, event and due date: a reopened finding with a new date is told again.
      if (!notifications_.first_time(c, s, "compliance.due:" + f.id + ":" + event + ":" + f.due)) return;
      auto current = Repository(c).finding(s, f.id);
      if (!current || current->state != "open") return;
      auto m = message_of(p, f, overdue, today);
      for (const auto& u : users) {
        m.user_id = u.id;
        m.email = u.email;
        notifications_.notify(c, s, m);
      }
      ledger_.append(
          c, ledger::change_in(s, kScheduler, "compliance.due_notice", "finding", f.id,
                               {{"event", event}, {"due", f.due}, {"rule", f.rule_id}, {"recipients", users.size()}}));
      ++sent;
    });
  }
  return sent;
}

}  // namespace simpul::regulation
