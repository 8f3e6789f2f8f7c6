// The monitoring API's workflows (monitoring.hpp; docs/service-desk.md, "Monitoring API").
#include "servicedesk/monitoring.hpp"

#include <set>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::servicedesk {
namespace {

/// Thrown inside the opening's transaction when another alert about the same element claimed
/// the element's dedupe key first: the opening rolls back and the alert is added to that ticket.
struct AlertKeyTaken {};

const Actor& monitoring_actor() {
  static const Actor a{kMonitoringActorId, "Sistem pemantauan", ""};
  return a;
}

struct SeverityLevel {
  const char* id;
  const char* label;
  const char* urgency;
  const char* impact;
};

constexpr SeverityLevel kSeverities[] = {{"critical", "Kritis", "tinggi", "tinggi"},
                                         {"major", "Berat", "tinggi", "sedang"},
                                         {"warning", "Peringatan", "sedang", "sedang"},
                                         {"minor", "Ringan", "rendah", "rendah"}};

const SeverityLevel& severity_of(const std::string& id) {
  for (const auto& s : kSeverities)
    if (id == s.id) return s;
  throw Error(ErrorCode::ValidationInvalidValue,
              {{"field", "severity"}, {"reason", "critical, major, warning or minor"}});
}

/// An element an alert may name: an application, infrastructure or service element (the kinds a
/// ticket's affected element may be).
std::optional<architecture::Element> alerted_element(architecture::Service& elements, storage::Connection& c,
                                                     const Scope& s, const std::string& code) {
  static const std::set<std::string> kAlertable = {"aplikasi", "infrastruktur", "layanan"};
  for (auto& e : elements.all_elements(c, s))
    if (e.code == code && kAlertable.count(e.domain) && !e.owner_agency_id.empty()) return e;
  return std::nullopt;
}

std::string alert_text_clipped(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
  return text.substr(0, cut);
}

/// Repeated alerts tell the queue at most once per this many minutes (counted from the opening or
/// the last time they were told): a monitoring system repeating an alert every minute must not
/// flood the desk's inboxes, while an alert still firing an hour later is news again.
constexpr int kAlertNotifyMinutes = 60;

bool queue_may_be_told(const std::string& told_at) {
  auto last = clock::parse_iso(told_at);
  return !last || clock::now() - *last >= std::chrono::minutes(kAlertNotifyMinutes);
}

/// Whether the ticket's last word from the monitoring system is a recovery (its opening and each
/// repeated alert are failures).
bool already_recovered(const std::vector<Event>& events) {
  for (auto e = events.rbegin(); e != events.rend(); ++e) {
    if (e->kind == "alert_resolved") return true;
    if (e->kind == "alert" || e->kind == "created") return false;
  }
  return false;
}

}  // namespace

std::optional<MonitoringKey> Monitoring::key(const Caller& who) const {
  if (!who.manage) throw Error(ErrorCode::AuthForbidden, {{"permission", "servicedesk.manage"}});
  return storage::read(db_, [&](storage::Connection& c) { return MonitoringRepository(c).key(who.scope); });
}

IssuedMonitoringKey Monitoring::rotate_key(const Caller& who) {
  if (!who.manage) throw Error(ErrorCode::AuthForbidden, {{"permission", "servicedesk.manage"}});
  crypto::init();
  IssuedMonitoringKey out;
  out.raw = crypto::random_token(32);
  out.key = {out.raw.substr(0, 8), clock::now_iso(), who.actor.name};
  storage::write_transaction(db_, [&](storage::Connection& c) {
    MonitoringRepository repo(c);
    auto before = repo.key(who.scope);
    repo.save_key(who.scope, crypto::sha256_hex(out.raw), out.key);
    // The ledger names the key by its prefix only: never the key or its hash.
    boost::json::object details{{"prefix", out.key.prefix}};
    if (before) details["replaced_prefix"] = before->prefix;
    ledger_.append(c, ledger::change_in(who.scope, who.actor, "servicedesk.monitoring_key_rotate", "monitoring_key",
                                        who.scope.tenant_id, details));
  });
  return out;
}

void Monitoring::revoke_key(const Caller& who) {
  if (!who.manage) throw Error(ErrorCode::AuthForbidden, {{"permission", "servicedesk.manage"}});
  storage::write_transaction(db_, [&](storage::Connection& c) {
    MonitoringRepository repo(c);
    auto before = repo.key(who.scope);
    if (!before || !repo.delete_key(who.scope)) return;  // no key: nothing to revoke, nothing written
    ledger_.append(c, ledger::change_in(who.scope, who.actor, "servicedesk.monitoring_key_revoke", "monitoring_key",
                                        who.scope.tenant_id, {{"prefix", before->prefix}}));
  });
}

Scope Monitoring::authenticate(std::string_view presented) const {
  if (presented.empty() || presented.size() > 200) throw Error(ErrorCode::SdMonitoringKeyInvalid);
  crypto::init();
  auto hash = crypto::sha256_hex(presented);
  auto tenant = storage::read(db_, [&](storage::Connection& c) { return MonitoringRepository(c).tenant_of_key(hash); });
  if (!tenant) throw Error(ErrorCode::SdMonitoringKeyInvalid);
  return Scope{*tenant};
}

AlertOutcome Monitoring::alert(const Scope& s, const AlertInput& in) {
  if (in.element_code.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "element_code"}});
  if (in.summary.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "summary"}});
  if (in.status != "firing" && in.status != "resolved")
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", "status"}, {"reason", "firing or resolved"}});
  severity_of(in.severity);  // an unknown severity is refused before any transaction
  // Two alerts about one element arriving together (two requests, two processes) open one ticket:
  // the element's row in sd_alert_keys is claimed in the opening's transaction, and the loser of
  // that race rolls back and adds its alert to the winner's ticket. Three rounds are plenty: a
  // round is lost only to a ticket opened meanwhile, which the next round finds open.
  for (int round = 0;; ++round) {
    try {
      return alert_once(s, in);
    } catch (const AlertKeyTaken&) {
      if (round == 2) throw Error(ErrorCode::StorageConflict);
    }
  }
}

AlertOutcome Monitoring::alert_once(const Scope& s, const AlertInput& in) {
  const auto& level = severity_of(in.severity);
  std::optional<architecture::Element> element;
  std::string previous;  // the element's closed alert ticket, whose key row a new ticket takes over
  bool told = false;     // the queue was told about a repeated alert
  std::optional<AlertOutcome> done = storage::write_transaction(db_, [&](storage::Connection& c) {
    element = alerted_element(elements_, c, s, in.element_code);
    if (!element) throw Error(ErrorCode::SdAlertElementNotFound, {{"field", "element_code"}});
    std::optional<AlertOutcome> out;
    Repository repo(c);
    auto key = MonitoringRepository(c).alert_key(s, element->id);
    if (!key || !key->open) {
      if (key) previous = key->ticket_id;
      if (in.status == "resolved") out = AlertOutcome{"no_open_ticket", std::nullopt};  // nothing to note it on
      return out;
    }
    auto t = *repo.ticket(s, key->ticket_id);
    t.updated_at = clock::now_iso();
    repo.update(s, t);
    bool recovered = in.status == "resolved";
    // A recovery tells the queue once after each failure: a repeated "resolved" (a monitoring
    // system re-sending it) is only noted.
    bool first_recovery = recovered && !already_recovered(repo.events(s, t.id));
    Event e;
    e.id = crypto::new_time_ordered_id();  // as every event (service.cpp, record)
    e.ticket_id = t.id;
    e.at = t.updated_at;
    e.tier = t.tier;
    e.kind = recovered ? "alert_resolved" : "alert";
    e.body = recovered ? "Pulih menurut sistem pemantauan: " + in.summary
                       : std::string("Peringatan berulang (") + level.label + "): " + in.summary;
    e.actor_id = monitoring_actor().id;
    e.actor_name = monitoring_actor().name;
    repo.insert(s, e);
    ledger_.append(
        c, ledger::change_in(s, monitoring_actor(),
                             recovered ? "servicedesk.alert_recovered" : "servicedesk.alert_repeat", "ticket", t.id,
                             {{"number", t.number},
                              {"element", element->code},
                              {"severity", level.id},
                              {"text", alert_text_clipped(in.summary, 500)}}));
    if (first_recovery) {
      desk_.tell_queue_of_alert(c, s, t, "Pulih: " + element->code + " " + element->name,
                                "Recovered: " + element->code + " " + element->name);
      told = true;
    }
    if (!recovered && queue_may_be_told(key->told_at)) {
      desk_.tell_queue_of_alert(c, s, t, "Peringatan berulang: " + element->code + " " + element->name,
                                "Repeated alert: " + element->code + " " + element->name);
      MonitoringRepository(c).set_told_at(s, element->id, e.at);
      told = true;
    }
    out = AlertOutcome{recovered ? "recovered" : "added", t};
    return out;
  });
  if (told) desk_.wake_notifications();
  if (done) return *done;
  // A new failure: a gangguan ticket for the owning PD, opened like any other ticket (routing,
  // type list and ledger entry are the desk's own).
  TicketInput t;
  t.type = "gangguan";
  t.title = alert_text_clipped("Gangguan terpantau: " + element->code + " " + element->name, 200);
  t.description = std::string("Peringatan dari sistem pemantauan (tingkat: ") + level.label + ").\n\n" + in.summary;
  t.urgency = level.urgency;
  t.impact = level.impact;
  t.agency_id = element->owner_agency_id;
  t.element_id = element->id;
  Caller system{s, monitoring_actor(), true, false};
  system.actor.agency_id = element->owner_agency_id;
  auto opened = desk_.open(system, t, [&](storage::Connection& c, const Ticket& ticket) {
    // The opening tells the queue (Service::open): the rate limit's window starts now.
    if (!MonitoringRepository(c).claim_alert_key(s, element->id, ticket.id, previous, ticket.created_at))
      throw AlertKeyTaken{};
  });
  return AlertOutcome{"opened", opened.ticket};
}

}  // namespace simpul::servicedesk
