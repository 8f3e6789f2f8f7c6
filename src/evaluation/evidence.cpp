#include "evaluation/evidence.hpp"

namespace simpul::evaluation {

const std::vector<std::string>& evidence_topics() {
  // Fixed vocabulary so a typo in a framework file fails the load instead of silently
  // proposing nothing. Topics without a source yet (risk, service desk, data catalogue,
  // gateway) are listed so frameworks can name them now and the later module plugs in.
  static const std::vector<std::string> kTopics = {
      "policy",          // regulations, decrees, SOPs recorded in Simpul
      "architecture",    // the approved Arsitektur SPBE document and its elements
      "roadmap",         // the Peta Rencana SPBE
      "budget",          // the yearly SPBE budget cycles, proposals and their verification
      "teams",           // Tim Koordinasi / Tim Asesor Internal and their members
      "applications",    // the application registry
      "handover",        // handover packages and the Repositori
      "services",        // the service catalogue (layanan) and its applications
      "data",            // data sets in the architecture; later the data catalogue
      "infrastructure",  // Pusat Data hosting, networks
      "audit",           // application and infrastructure audit records
      "compliance",      // open and resolved compliance findings
      "security",        // security-related findings and records
      "risk",            // risk register (later module)
      "service_desk",    // service desk figures (later module)
      "gateway",         // Sistem Penghubung Layanan (later module)
  };
  return kTopics;
}

std::string joined(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::string owned_by(const EvidenceQuery& q) { return q.agency_id.empty() ? "" : " milik Perangkat Daerah ini"; }

std::vector<EvidenceProposal> EvidenceSources::propose(storage::Connection& c, const EvidenceQuery& q,
                                                       const std::vector<std::string>& topics) const {
  std::vector<EvidenceProposal> out;
  for (const auto& source : sources_) {
    auto served = source->topics();
    for (const auto& topic : topics)
      for (const auto& s : served)
        if (s == topic) source->propose(c, q, topic, out);
  }
  return out;
}

std::optional<std::string> EvidenceSources::resolve(storage::Connection& c, const Scope& s, std::string_view kind,
                                                    std::string_view ref_id) const {
  for (const auto& source : sources_)
    if (auto label = source->resolve(c, s, kind, ref_id)) return label;
  return std::nullopt;
}

}  // namespace simpul::evaluation
