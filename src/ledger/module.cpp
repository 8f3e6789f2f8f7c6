#include "http/api_description.hpp"
#include "ledger/module.hpp"

#include "http/json_io.hpp"

namespace simpul::ledger {
/// This module's part of the API contract (openapi/*.json).
std::vector<std::string_view> openapi_fragments();
}  // namespace simpul::ledger

namespace simpul::ledger {

boost::json::object to_json(const Entry& e) {
  return {{"seq", e.seq},
          {"at", e.at},
          {"tenant_id", e.tenant_id},
          {"actor", {{"id", e.actor_id}, {"name", e.actor_name}}},
          {"action", e.action},
          {"object_type", e.object_type},
          {"object_id", e.object_id},
          {"details", e.details},
          {"digest", e.digest},
          {"prev_hash", e.prev_hash},
          {"hash", e.hash}};
}

LedgerModule::LedgerModule(seam::Services& services)
    : journal_(services.get<storage::Database>(), services.get<Ledger>()) {
  services.provide(journal_);
}

std::vector<seam::Permission> LedgerModule::permissions() const {
  return {{"ledger.read",
           {"tenant_admin", "planner", "auditor", "approver", "assessor"},
           "Membaca jejak audit",
           "Read the audit trail"},
          {"ledger.verify",
           {"tenant_admin", "auditor"},
           "Memverifikasi rantai jejak audit",
           "Verify the audit trail's chain"}};
}

void LedgerModule::register_routes(http::Router& router) {
  for (auto fragment : openapi_fragments()) http::describe(router, fragment);
  router.add("GET", "/api/ledger", [this](http::Request& req) {
    const auto& p = req.require("ledger.read");
    auto q = http::parse_list_query(req, {"seq"});
    auto page = journal_.list(p.tenant_id, q.per_page, q.offset(), q.q);
    boost::json::array items;
    for (const auto& e : page.items) items.push_back(to_json(e));
    return http::list_response(items, page.total, q);
  });

  router.add("POST", "/api/ledger/verify", [this](http::Request& req) {
    req.require("ledger.verify");
    auto result = journal_.verify();
    boost::json::value problem = nullptr;
    if (result.first_problem)
      problem = boost::json::object{{"seq", result.first_problem->seq},
                                    {"problem", result.first_problem->kind},
                                    {"message", result.first_problem->message}};
    boost::json::value mark = nullptr;
    if (result.high_water_mark)
      mark = boost::json::object{{"seq", result.high_water_mark->seq}, {"at", result.high_water_mark->at}};
    boost::json::array warnings;
    for (const auto& w : result.warnings) warnings.emplace_back(w);
    return http::json_response(200, boost::json::object{{"ok", result.ok},
                                                        {"entries_checked", result.entries_checked},
                                                        {"checkpoints_checked", result.checkpoints_checked},
                                                        {"first_problem", problem},
                                                        {"high_water_mark", mark},
                                                        {"warnings", warnings},
                                                        {"public_key", journal_.ledger().public_key_hex()}});
  });
}

}  // namespace simpul::ledger
