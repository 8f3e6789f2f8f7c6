#include "regulation/evidence_repository.hpp"

namespace simpul::regulation {

std::vector<EvidenceRepository::OpenFindingRow> EvidenceRepository::open_findings(const Scope& s,
                                                                                  const std::string& agency_id) {
  std::string sql =
      "SELECT id, rule_id, kind, subject, object_label, agency_id, severity, due FROM compliance_findings "
      "WHERE tenant_id = ? AND state = 'open'";
  storage::Params params{s.tenant_id};
  if (!agency_id.empty()) {
    sql += " AND agency_id = ?";
    params.emplace_back(agency_id);
  }
  std::vector<OpenFindingRow> out;
  for (const auto& r : c_.query(sql, params))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4),
                   r.optional_text_at(5).value_or(""), r.text_at(6), r.text_at(7)});
  return out;
}

std::map<std::string, std::int64_t> EvidenceRepository::closed_counts(const Scope& s, const std::string& agency_id) {
  std::string sql = "SELECT state, COUNT(*) FROM compliance_findings WHERE tenant_id = ? AND state <> 'open'";
  storage::Params params{s.tenant_id};
  if (!agency_id.empty()) {
    sql += " AND agency_id = ?";
    params.emplace_back(agency_id);
  }
  std::map<std::string, std::int64_t> out;
  for (const auto& r : c_.query(sql + " GROUP BY state", params)) out[r.text_at(0)] = r.int_at(1);
  return out;
}

std::optional<std::pair<std::string, std::string>> EvidenceRepository::finding_rule_and_label(const Scope& s,
                                                                                              const std::string& id) {
  auto rows = c_.query("SELECT rule_id, object_label FROM compliance_findings WHERE tenant_id = ? AND id = ?",
                       {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return std::make_pair(rows[0].text_at(0), rows[0].text_at(1));
}

}  // namespace simpul::regulation
