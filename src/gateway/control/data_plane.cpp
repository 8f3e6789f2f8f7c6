#include "gateway/control/data_plane.hpp"

#include "gateway/control/config_repository.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::gateway::control {

Config load_config(storage::Database& db) {
  auto conn = db.acquire();
  // One read transaction, so the services, consumers and grants are one consistent state.
  storage::Transaction tx(*conn, storage::Transaction::Read);
  auto config = ConfigRepository(*conn).config();
  tx.commit();
  return config;
}

std::uint64_t config_version(storage::Database& db) {
  return storage::read(db, [](storage::Connection& c) { return ConfigRepository(c).version(); });
}

void save_status(storage::Database& db, const std::string& instance, const std::string& status_json) {
  storage::write_transaction(db, [&](storage::Connection& c) { ConfigRepository(c).save_status(instance, status_json); });
}

std::vector<std::string> recent_status(storage::Database& db, int max_age_seconds) {
  return storage::read(db, [&](storage::Connection& c) { return ConfigRepository(c).recent_status(max_age_seconds); });
}

}  // namespace simpul::gateway::control
