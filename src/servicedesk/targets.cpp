// SLA targets per category (docs/service-desk.md, "SLA targets"): the Dinas sets them, and the
// queue's staff change a ticket's category or service, which re-targets its clocks at once.
#include <algorithm>
#include <set>

#include "core/clock.hpp"
#include "servicedesk/catalogue_repository.hpp"
#include "servicedesk/internal.hpp"
#include "servicedesk/profile_section.hpp"
#include "servicedesk/service.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::servicedesk {
namespace {

/// A year of working minutes: more is a typing error, not a target.
constexpr int kMaxTargetMinutes = 525600;

void check_target(const DeskRules& rules, const CategoryTarget& t, std::set<std::string>& seen) {
  if (!rules.priority(t.priority)) invalid("targets.priority", "one of the region's priorities");
  if (!seen.insert(t.priority).second) invalid("targets.priority", "each priority at most once");
  if (t.own_minutes < 1 || t.own_minutes > kMaxTargetMinutes) invalid("targets.own_minutes", "1 to 525600");
  if (t.resolve_minutes < 1 || t.resolve_minutes > kMaxTargetMinutes) invalid("targets.resolve_minutes", "1 to 525600");
  if (t.own_minutes > t.resolve_minutes) invalid("targets.own_minutes", "not more than resolve_minutes");
}

std::string category_label(const std::vector<Category>& all, const std::string& id) {
  for (const auto& c : all)
    if (c.id == id) return c.name;
  return "-";
}

}  // namespace

SlaTargets Service::targets(storage::Connection& c, const Scope& s) const {
  TargetRepository repo(c);
  return SlaTargets(rules_of(profile_of(s)), Repository(c).categories(s), repo.all(s), repo.service_classes(s));
}

std::vector<CategoryTarget> Service::category_targets(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) { return TargetRepository(c).all(s); });
}

std::vector<CategoryTarget> Service::set_category_targets(const Caller& who, const std::string& category_id,
                                                          std::vector<CategoryTarget> targets) {
  if (!who.manage) throw Error(ErrorCode::AuthForbidden, {{"permission", "servicedesk.manage"}});
  const auto& rules = rules_of(profile_of(who.scope));
  std::set<std::string> seen;
  for (auto& t : targets) {
    check_target(rules, t, seen);
    t.category_id = category_id;
  }
  // In the profile's order of priorities, as the console shows them.
  std::sort(targets.begin(), targets.end(), [&](const CategoryTarget& a, const CategoryTarget& b) {
    return priority_rank(rules, a.priority) < priority_rank(rules, b.priority);
  });
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    auto all = Repository(c).categories(who.scope);
    if (std::none_of(all.begin(), all.end(), [&](const Category& x) { return x.id == category_id; }))
      throw Error(ErrorCode::SdCategoryNotFound);
    TargetRepository(c).replace(who.scope, category_id, targets);
    boost::json::array logged;
    for (const auto& t : targets)
      logged.push_back(
          {{"priority", t.priority}, {"own_minutes", t.own_minutes}, {"resolve_minutes", t.resolve_minutes}});
    ledger_.append(
        c, ledger::change_in(who.scope, who.actor, "servicedesk.category_targets", "ticket_category", category_id,
                             {{"name", category_label(all, category_id)}, {"targets", logged}}));
    return targets;
  });
}

TicketView Service::classify(const Caller& who, const std::string& id, const std::optional<std::string>& category_id,
                             const std::optional<std::string>& service_id) {
  if (!category_id && !service_id) throw Error(ErrorCode::ValidationMissingField, {{"field", "category_id"}});
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    auto r = roles_of(c, who.scope, who.actor.id);
    Ticket t = visible(c, who, r, id);
    if (!works(who, r, t)) throw not_queue_staff(who.scope, t);
    if (!open_state(t.state))
      throw Error(
          ErrorCode::SdInvalidTransition,
          {{"field", "category_id"}, {"state", t.state}, {"allowed_from", "new, assigned, in_progress, pending"}});
    Repository repo(c);
    CatalogueRepository catalogue(c);
    auto cats = repo.categories(who.scope);
    std::string body;
    if (category_id && *category_id != t.category_id) {
      if (!category_id->empty() &&
          std::none_of(cats.begin(), cats.end(), [&](const Category& x) { return x.id == *category_id; }))
        invalid("category_id", "not a category of this desk");
      body += "Kategori: " + (t.category_id.empty() ? "-" : category_label(cats, t.category_id)) + " -> " +
              (category_id->empty() ? "-" : category_label(cats, *category_id));
      t.category_id = *category_id;
    }
    if (service_id) {
      auto before = catalogue.service_of_ticket(who.scope, t.id);
      std::optional<DeskService> after;
      if (!service_id->empty()) {
        after = catalogue.service(who.scope, *service_id);
        if (!after) throw Error(ErrorCode::SdServiceNotFound, {{"field", "service_id"}});
      }
      if ((before ? before->id : "") != (after ? after->id : "")) {
        catalogue.set_ticket_service(who.scope, t.id, after ? after->id : "");
        if (!body.empty()) body += "; ";
        body += "Layanan: " + (before ? before->code : std::string("-")) + " -> " + (after ? after->code : "-");
      }
    }
    if (!body.empty()) {  // an unchanged classification writes nothing
      t.updated_at = clock::now_iso();
      repo.update(who.scope, t);
      Event e;
      e.kind = "classified";
      e.body = body;
      record(c, who, t, e, "servicedesk.ticket_classify");
    }
    return view_in(c, who, id);
  });
}

}  // namespace simpul::servicedesk
