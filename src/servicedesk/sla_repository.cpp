#include "servicedesk/sla_repository.hpp"

namespace simpul::servicedesk {

std::vector<storage::Migration> SlaRepository::migrations() {
  return {{1109, "servicedesk: SLA clock state stored on the ticket",
           "ALTER TABLE sd_tickets ADD COLUMN sla_state TEXT;"
           "ALTER TABLE sd_tickets ADD COLUMN sla_since TEXT;"
           "ALTER TABLE sd_tickets ADD COLUMN sla_own_used INTEGER;"
           "ALTER TABLE sd_tickets ADD COLUMN sla_resolve_used INTEGER;"},
          {1110, "servicedesk: queue and statistics indexes in order of opening",
           "CREATE INDEX sd_tickets_tier_opened ON sd_tickets (tenant_id, tier, created_at, state);"
           "CREATE INDEX sd_tickets_queue_opened ON sd_tickets (tenant_id, tier, queue_agency_id, created_at, state);"
           "CREATE INDEX sd_tickets_opened ON sd_tickets (tenant_id, created_at);"},
          // Every ticket starts with nothing told; a ticket that already has notices is NULL
          // (unknown) until the SLA watch or its next event reads them from its events.
          {1113, "servicedesk: the SLA notices recorded per clock, so the watch skips what it has told",
           "ALTER TABLE sd_tickets ADD COLUMN sla_own_told INTEGER DEFAULT 0;"
           "ALTER TABLE sd_tickets ADD COLUMN sla_resolve_told INTEGER DEFAULT 0;"
           "UPDATE sd_tickets SET sla_own_told = NULL, sla_resolve_told = NULL WHERE id IN "
           "(SELECT ticket_id FROM sd_events WHERE kind IN ('sla_warning', 'sla_breach'));"}};
}

std::optional<SlaState> SlaRepository::state(const Scope& s, const std::string& ticket_id) const {
  auto rows = c_.query(
      "SELECT sla_state, sla_since, sla_own_used, sla_resolve_used, sla_own_told, sla_resolve_told FROM sd_tickets "
      "WHERE tenant_id = ? AND id = ?",
      {s.tenant_id, ticket_id});
  if (rows.empty() || rows[0][0].is_null()) return std::nullopt;
  SlaState st;
  st.state = rows[0].text_at(0);
  st.since = rows[0].text_at(1);
  st.own_used = rows[0].int_at(2);
  st.resolve_used = rows[0].int_at(3);
  if (!rows[0][4].is_null() && !rows[0][5].is_null())
    st.told = SlaTold{static_cast<int>(rows[0].int_at(4)), static_cast<int>(rows[0].int_at(5))};
  return st;
}

void SlaRepository::save(const Scope& s, const std::string& ticket_id, const SlaState& st) {
  storage::Value own_told, resolve_told;  // NULL: unknown
  if (st.told) {
    own_told = static_cast<std::int64_t>(st.told->own);
    resolve_told = static_cast<std::int64_t>(st.told->resolve);
  }
  c_.execute(
      "UPDATE sd_tickets SET sla_state = ?, sla_since = ?, sla_own_used = ?, sla_resolve_used = ?, sla_own_told = ?, "
      "sla_resolve_told = ? WHERE tenant_id = ? AND id = ?",
      {st.state, st.since, st.own_used, st.resolve_used, own_told, resolve_told, s.tenant_id, ticket_id});
}

void SlaRepository::save_told(const Scope& s, const std::string& ticket_id, const SlaTold& told) {
  c_.execute("UPDATE sd_tickets SET sla_own_told = ?, sla_resolve_told = ? WHERE tenant_id = ? AND id = ?",
             {told.own, told.resolve, s.tenant_id, ticket_id});
}

std::vector<std::string> SlaRepository::spanning(const Scope& s, const std::string& after,
                                                 const std::string& until) const {
  std::vector<std::string> out;
  for (
      const auto& r : c_.query(
          "SELECT id FROM sd_tickets WHERE tenant_id = ? AND created_at < ? AND sla_since IS NOT NULL AND sla_since > ?",
          {s.tenant_id, until, after}))
    out.push_back(r.text_at(0));
  return out;
}

std::vector<std::string> SlaRepository::missing(const Scope& s, int limit) const {
  std::vector<std::string> out;
  for (const auto& r :
       c_.query("SELECT id FROM sd_tickets WHERE tenant_id = ? AND sla_state IS NULL LIMIT ?", {s.tenant_id, limit}))
    out.push_back(r.text_at(0));
  return out;
}

}  // namespace simpul::servicedesk
