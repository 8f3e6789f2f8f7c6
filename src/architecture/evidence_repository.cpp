#include "architecture/evidence_repository.hpp"

namespace simpul::architecture {
namespace {

/// " AND <column> = ?" with its parameter when `agency_id` is set (an agency assessment).
std::string owned(const char* column, const std::string& agency_id, storage::Params& params) {
  if (agency_id.empty()) return "";
  params.emplace_back(agency_id);
  return std::string(" AND ") + column + " = ?";
}

std::optional<std::string> code_and_name(storage::Connection& c, const char* sql, const Scope& s,
                                         const std::string& id) {
  auto rows = c.query(sql, {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return rows[0].text_at(0) + " " + rows[0].text_at(1);
}

}  // namespace

std::vector<EvidenceRepository::ElementRow> EvidenceRepository::live_elements(const Scope& s, const std::string& domain,
                                                                              const std::string& agency_id) {
  storage::Params params{s.tenant_id, domain};
  std::string sql =
      "SELECT id, code, name, owner_agency_id, attributes FROM arch_elements "
      "WHERE tenant_id = ? AND domain = ? AND state <> 'retired'" +
      owned("owner_agency_id", agency_id, params) + " ORDER BY code";
  std::vector<ElementRow> out;
  for (const auto& r : c_.query(sql, params))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4)});
  return out;
}

std::map<std::string, std::int64_t> EvidenceRepository::live_counts_by_domain(const Scope& s,
                                                                              const std::string& agency_id) {
  storage::Params params{s.tenant_id};
  std::string sql = "SELECT domain, COUNT(*) FROM arch_elements WHERE tenant_id = ? AND state <> 'retired'" +
                    owned("owner_agency_id", agency_id, params) + " GROUP BY domain";
  std::map<std::string, std::int64_t> out;
  for (const auto& r : c_.query(sql, params)) out[r.text_at(0)] = r.int_at(1);
  return out;
}

std::map<std::string, std::set<std::string>> EvidenceRepository::applications_per_service(const Scope& s) {
  std::map<std::string, std::set<std::string>> out;
  for (const auto& r : c_.query("SELECT r.source_id, a.code FROM arch_relations r "
                                "JOIN arch_elements a ON a.id = r.target_id AND a.tenant_id = r.tenant_id "
                                "WHERE r.tenant_id = ? AND r.type = 'supported_by' AND a.state <> 'retired'",
                                {s.tenant_id}))
    out[r.text_at(0)].insert(r.text_at(1));
  for (
      const auto& r : c_.query(
          "SELECT p.source_id, a.code FROM arch_relations p "
          "JOIN arch_relations d ON d.source_id = p.target_id AND d.tenant_id = p.tenant_id AND d.type = 'supported_by' "
          "JOIN arch_elements a ON a.id = d.target_id AND a.tenant_id = p.tenant_id "
          "WHERE p.tenant_id = ? AND p.type = 'realised_by' AND a.state <> 'retired'",
          {s.tenant_id}))
    out[r.text_at(0)].insert(r.text_at(1));
  return out;
}

std::vector<EvidenceRepository::InitiativeRow> EvidenceRepository::initiatives(const Scope& s,
                                                                               const std::string& agency_id) {
  storage::Params params{s.tenant_id};
  std::string sql =
      "SELECT id, code, name, status, start_year, target_year FROM roadmap_initiatives WHERE tenant_id = ?" +
      owned("owner_agency_id", agency_id, params) + " ORDER BY code";
  std::vector<InitiativeRow> out;
  for (const auto& r : c_.query(sql, params))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.int_at(4), r.int_at(5)});
  return out;
}

std::set<std::string> EvidenceRepository::monitored_initiatives(const Scope& s, int year) {
  std::set<std::string> out;
  for (const auto& r :
       c_.query("SELECT initiative_id FROM roadmap_monitoring WHERE tenant_id = ? AND year = ?", {s.tenant_id, year}))
    out.insert(r.text_at(0));
  return out;
}

std::optional<std::string> EvidenceRepository::element_label(const Scope& s, const std::string& id) {
  return code_and_name(c_, "SELECT code, name FROM arch_elements WHERE tenant_id = ? AND id = ?", s, id);
}

std::optional<std::string> EvidenceRepository::initiative_label(const Scope& s, const std::string& id) {
  return code_and_name(c_, "SELECT code, name FROM roadmap_initiatives WHERE tenant_id = ? AND id = ?", s, id);
}

}  // namespace simpul::architecture
