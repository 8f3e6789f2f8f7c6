#pragma once
// SQL of the stored SLA clocks (sla.hpp, SlaState): four columns on the ticket, written in the
// transaction of each event that moves them; every query is confined to the tenant.
#include <optional>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "servicedesk/model.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::servicedesk {

class SlaRepository {
 public:
  explicit SlaRepository(storage::Connection& c) : c_(c) {}
  /// 1113: what the SLA watch has told of each clock (sla_own_told, sla_resolve_told).
  /// 1109: the clock columns (NULL for tickets opened before them: those are read from their
  /// events until the servicedesk.sla_clocks job stores them); 1110: the indexes the queue and the
  /// monthly statistics read in order of opening.
  static std::vector<storage::Migration> migrations();

  std::optional<SlaState> state(const Scope& s, const std::string& ticket_id) const;
  void save(const Scope& s, const std::string& ticket_id, const SlaState& st);
  /// Stores what the SLA watch has told of a ticket's clocks (read from its events when unknown).
  void save_told(const Scope& s, const std::string& ticket_id, const SlaTold& told);
  /// Tickets opened before `until` whose clocks last moved after `after`: the ones whose stored
  /// minutes a holiday between the two instants changes.
  std::vector<std::string> spanning(const Scope& s, const std::string& after, const std::string& until) const;
  /// Up to `limit` tickets without a stored clock.
  std::vector<std::string> missing(const Scope& s, int limit) const;

 private:
  storage::Connection& c_;
};

}  // namespace simpul::servicedesk
