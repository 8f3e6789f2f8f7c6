#include "infrastructure/attestation_repository.hpp"

namespace simpul::infrastructure {

std::vector<storage::Migration> AttestationRepository::migrations() {
  return {{1006, "infrastructure: attestations of Pusat Data sites, LANs and the Jaringan Intra",
           "CREATE TABLE infra_attestations (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
           "subject TEXT NOT NULL, subject_id TEXT NOT NULL, topic TEXT NOT NULL, result TEXT NOT NULL, "
           "date TEXT NOT NULL, assessor TEXT NOT NULL, reference TEXT NOT NULL, note TEXT NOT NULL, "
           "recorded_by_name TEXT NOT NULL, recorded_at TEXT NOT NULL);"
           "CREATE INDEX infra_attestations_by_subject ON infra_attestations (tenant_id, subject, subject_id)"}};
}

void AttestationRepository::insert(const Scope& s, const Attestation& a) {
  c_.execute(
      "INSERT INTO infra_attestations (id, tenant_id, subject, subject_id, topic, result, date, assessor, reference, "
      "note, recorded_by_name, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {a.id, s.tenant_id, a.subject, a.subject_id, a.topic, a.result, a.date, a.assessor, a.reference, a.note,
       a.recorded_by_name, a.recorded_at});
}

std::vector<Attestation> AttestationRepository::list(const Scope& s, const std::string& subject,
                                                     const std::string& subject_id) const {
  std::string sql =
      "SELECT id, subject, subject_id, topic, result, date, assessor, reference, note, recorded_by_name, recorded_at "
      "FROM infra_attestations WHERE tenant_id = ? AND subject = ?";
  storage::Params params{s.tenant_id, subject};
  if (!subject_id.empty()) {
    sql += " AND subject_id = ?";
    params.emplace_back(subject_id);
  }
  std::vector<Attestation> out;
  for (const auto& r : c_.query(sql + " ORDER BY date DESC, recorded_at DESC", params))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5), r.text_at(6),
                   r.text_at(7), r.text_at(8), r.text_at(9), r.text_at(10)});
  return out;
}

LatestAttestations AttestationRepository::latest(const Scope& s) const {
  LatestAttestations out;
  // Oldest first, so a newer record of the same topic overwrites an older one.
  for (const auto& r : c_.query("SELECT subject_id, topic, result FROM infra_attestations WHERE tenant_id = ? "
                                "ORDER BY date, recorded_at",
                                {s.tenant_id}))
    out[r.text_at(0) + "/" + r.text_at(1)] = r.text_at(2);
  return out;
}

}  // namespace simpul::infrastructure
