#pragma once
// Attestations (docs/infrastructure.md, "Attestations"): a dated record, by a named assessor with
// its reference (report, letter), that a Pusat Data site, a PD's LAN or the Pemda's Jaringan Intra
// as a whole meets or does not meet what an article names — the confidentiality and security of
// the data in the Pusat Data, the standard of the facility or network, its link to the PDN, the
// Dinas's inspection or recommendation of a LAN a PD Mandiri TIK builds, the ministry's and BSSN's
// considerations before using the intranet. The newest record of a topic is the object's standing;
// the profile's compliance rules turn "none yet" and "does not meet" into findings with the article.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/context.hpp"
#include "regulation/facts.hpp"

namespace simpul::infrastructure {

struct Attestation {
  std::string id;
  std::string subject;     // site | lan | jaringan_intra
  std::string subject_id;  // the site or LAN; empty for the Pemda's Jaringan Intra as a whole
  std::string topic;       // one of attestation_topics() of the subject
  std::string result;      // memenuhi | tidak_memenuhi
  std::string date;        // the tenant's date of the assessment or letter
  std::string assessor;    // who assessed or issued it
  std::string reference;   // report or letter number
  std::string note;
  std::string recorded_by_name;
  std::string recorded_at;
};

/// What can be attested, for which subject, with its Indonesian and English names.
struct AttestationTopic {
  std::string id, subject, name, name_en;
};
const std::vector<AttestationTopic>& attestation_topics();
/// The topic, or nullptr when unknown.
const AttestationTopic* find_attestation_topic(const std::string& id);

/// The newest result of each (subject id, topic), keyed subject_id + "/" + topic.
using LatestAttestations = std::map<std::string, std::string>;

/// Adds `att_<topic>` = memenuhi | tidak_memenuhi | belum_ada for every topic of `subject`.
void add_attestation_fields(const LatestAttestations& latest, const std::string& subject, const std::string& subject_id,
                            regulation::Fact& f);

/// The object id in findings and the ledger of a tenant-wide object (`jaringan_intra`, the Pemda's
/// Jaringan Intra; `fasilitas_dinas`, the Dinas's recovery and network operations centres): derived
/// from the tenant's id and the subject, so it is stable and no two tenants share one (a fixed id
/// showed in every tenant's findings).
std::string tenant_object_id(const Scope& s, std::string_view subject);

}  // namespace simpul::infrastructure
