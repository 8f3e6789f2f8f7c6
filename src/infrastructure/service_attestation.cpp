// Attestations of sites, LANs and the Jaringan Intra (attestation.hpp; part of infrastructure::Service).
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "infrastructure/attestation_repository.hpp"
#include "infrastructure/service.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::infrastructure {

const std::vector<AttestationTopic>& attestation_topics() {
  static const std::vector<AttestationTopic> kTopics = {
      {"kerahasiaan_keamanan", "site", "Jaminan kerahasiaan dan keamanan data",
       "Confidentiality and security of the data assured"},
      {"standar_pusat_data", "site", "Fasilitas Pusat Data sesuai standar", "Data centre facility meets the standard"},
      {"terhubung_pdn", "site", "Terhubung/terintegrasi dengan Pusat Data Nasional",
       "Connected to or integrated with the national data centre"},
      {"standar_jaringan", "lan", "LAN sesuai standar", "LAN meets the standard"},
      {"pemeriksaan_dinas", "lan", "Pemeriksaan oleh Dinas", "Inspected by the Dinas"},
      {"rekomendasi_dinas", "lan", "Rekomendasi Dinas atas pekerjaan infrastruktur",
       "The Dinas's recommendation of the infrastructure work"},
      {"terhubung_jaringan_intra_pemerintah", "jaringan_intra",
       "Terhubung dengan Jaringan Intra pemerintah provinsi dan/atau pusat",
       "Connected to the provincial and/or central government intranet"},
      {"kelaikan_operasi", "jaringan_intra", "Pertimbangan kelaikan operasi dari kementerian",
       "The ministry's consideration of operational feasibility"},
      {"kelaikan_keamanan", "jaringan_intra", "Pertimbangan kelaikan keamanan dari BSSN",
       "BSSN's consideration of security feasibility"}};
  return kTopics;
}

const AttestationTopic* find_attestation_topic(const std::string& id) {
  for (const auto& t : attestation_topics())
    if (t.id == id) return &t;
  return nullptr;
}

std::string tenant_object_id(const Scope& s, std::string_view subject) {
  // The first 20 hex digits of a hash, each mapped onto the letters a-p of the id alphabet.
  auto hash = crypto::sha256_hex(s.tenant_id + "/" + std::string(subject));
  std::string id(20, 'a');
  for (std::size_t i = 0; i < id.size(); ++i) {
    char h = hash[i];
    id[i] = static_cast<char>('a' + (h >= 'a' ? h - 'a' + 10 : h - '0'));
  }
  return id;
}

void add_attestation_fields(const LatestAttestations& latest, const std::string& subject, const std::string& subject_id,
                            regulation::Fact& f) {
  for (const auto& t : attestation_topics()) {
    if (t.subject != subject) continue;
    auto it = latest.find(subject_id + "/" + t.id);
    f.fields.emplace_back("att_" + t.id, it == latest.end() ? "belum_ada" : it->second);
  }
}

Attestation Service::attest(const Scope& s, Attestation in, const Actor& actor) {
  const auto* topic = find_attestation_topic(in.topic);
  if (!topic || topic->subject != in.subject) {
    boost::json::array allowed;
    for (const auto& t : attestation_topics())
      if (t.subject == in.subject) allowed.emplace_back(t.id);
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", "topic"}, {"allowed", allowed}});
  }
  if (in.subject == "site") {
    in.subject_id = site(s, in.subject_id).id;
  } else if (in.subject == "lan") {
    in.subject_id = lan(s, in.subject_id).id;
  } else if (!in.subject_id.empty()) {
    throw Error(ErrorCode::ValidationInvalidValue, "subject_id", "the Jaringan Intra as a whole has no object id");
  }
  if (in.result != "memenuhi" && in.result != "tidak_memenuhi")
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "result"}, {"allowed", boost::json::array{"memenuhi", "tidak_memenuhi"}}});
  if (!clock::is_iso_date(in.date)) throw Error(ErrorCode::ValidationInvalidValue, "date", "must be YYYY-MM-DD");
  if (in.date > profile_of(s).today()) throw Error(ErrorCode::ValidationInvalidValue, "date", "is in the future");
  in.id = crypto::new_id();
  in.recorded_by_name = actor.name;
  in.recorded_at = clock::now_iso();
  storage::write_transaction(db_, [&](storage::Connection& c) {
    AttestationRepository(c).insert(s, in);
    ledger_.append(c, ledger::change_in(s, actor, "infrastructure.attestation.record", "infra_" + in.subject,
                                        in.subject_id.empty() ? tenant_object_id(s, "jaringan_intra") : in.subject_id,
                                        {{"attestation_id", in.id},
                                         {"topic", in.topic},
                                         {"result", in.result},
                                         {"date", in.date},
                                         {"assessor", in.assessor},
                                         {"reference", in.reference}}));
  });
  return in;
}

std::vector<Attestation> Service::attestations(const Scope& s, const std::string& subject,
                                               const std::string& subject_id) const {
  return storage::read(db_,
                       [&](storage::Connection& c) { return AttestationRepository(c).list(s, subject, subject_id); });
}

}  // namespace simpul::infrastructure
