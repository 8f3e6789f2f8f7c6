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
           "CREATE INDEX sd_tickets_opened ON sd_tickets (tenant_id, created_at);"}};
}

std::optional<SlaState> SlaRepository::state(const Scope& s, const std::string& ticket_id) const {
  auto rows = c_.query(
      "SELECT sla_state, sla_since, sla_own_used, sla_resolve_used FROM sd_tickets WHERE tenant_id = ? AND id = ?",
      {s.tenant_id, ticket_id});
  if (rows.empty() || rows[0][0].is_null()) return std::nullopt;
  SlaState st;
  st.state = rows[0].text_at(0);
  st.since = rows[0].text_at(1);
  st.own_used = rows[0].int_at(2);
  st.resolve_used = rows[0].int_at(3);
  return st;
}

void SlaRepository::save(const Scope& s, const std::string& ticket_id, const SlaState& st) {
  c_.execute(
      "UPDATE sd_tickets SET sla_state = ?, sla_since = ?, sla_own_used = ?, sla_resolve_used = ? "
      "WHERE tenant_id = ? AND id = ?",
      {st.state, st.since, st.own_used, st.resolve_used, s.tenant_id, ticket_id});
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
