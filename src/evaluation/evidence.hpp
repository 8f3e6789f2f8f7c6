#pragma once
// Live evidence: what Simpul itself already knows that supports an indicator's answer, and what
// is still missing for the next level. The evaluation module only defines the interface; each
// module that owns records (architecture, applications, compliance, and later risk, service desk,
// data catalogue) implements an EvidenceSource in its own directory and the composition root
// registers it, so a new source never touches src/evaluation.
//
// Indicators name the topics their evidence comes from (`evidence_topics` in the framework file,
// e.g. "architecture", "roadmap"); a source declares the topics it serves.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/context.hpp"
#include "storage/database.hpp"

namespace simpul::tenancy {
struct Profile;
}

namespace simpul::evaluation {

/// The vocabulary of evidence topics (docs/evaluation.md lists what each means).
const std::vector<std::string>& evidence_topics();

/// One proposal: a record that supports the answer (`present`), or a gap (`!present`) that stands
/// between the tenant and a better level ("Peta Rencana belum disetujui").
struct EvidenceProposal {
  std::string source;   ///< source id, e.g. "architecture"
  std::string topic;    ///< the topic it answers
  std::string kind;     ///< record kind, e.g. "architecture_document", "application", "finding"
  std::string ref_id;   ///< the record's id inside Simpul (empty for aggregate gaps)
  std::string label;    ///< Indonesian, one line: what the record is
  std::string detail;   ///< Indonesian: state, dates, counts
  std::string link;     ///< console route, e.g. "/architecture/documents/<id>"
  bool present = true;  ///< false: a gap, not evidence
};

/// How many single records a source lists per topic; counts in a summary proposal cover the rest.
inline constexpr std::size_t kMaxListedRecords = 20;

/// Appends a source's proposals for one topic, stamping each with the source id and the topic.
struct ProposalSink {
  std::string_view source;
  std::string_view topic;
  std::vector<EvidenceProposal>& list;
  void add(std::string kind, std::string ref_id, std::string label, std::string detail, std::string link,
           bool present) {
    list.push_back({std::string(source), std::string(topic), std::move(kind), std::move(ref_id), std::move(label),
                    std::move(detail), std::move(link), present});
  }
};

/// "a · b · c": the separator proposals use between parts of a detail.
std::string joined(const std::vector<std::string>& parts, const char* sep = " · ");

/// Where to look: the whole Pemda (agency empty) or one Perangkat Daerah.
struct EvidenceQuery {
  Scope scope;
  const tenancy::Profile* profile = nullptr;
  std::string agency_id;  ///< empty: Pemda-wide assessment
  int year = 0;           ///< the evaluation year
  std::string today;      ///< YYYY-MM-DD
};

struct EvidenceQuery;
/// " milik Perangkat Daerah ini" for an agency assessment, "" for the Pemda: appended to labels.
std::string owned_by(const EvidenceQuery& q);

class EvidenceSource {
 public:
  virtual ~EvidenceSource() = default;
  /// Stable id, e.g. "architecture".
  virtual std::string id() const = 0;
  /// The topics this source can propose evidence for.
  virtual std::vector<std::string> topics() const = 0;
  /// Appends proposals for `topic`; reads only, within q.scope (and q.agency_id when set).
  virtual void propose(storage::Connection& c, const EvidenceQuery& q, std::string_view topic,
                       std::vector<EvidenceProposal>& out) const = 0;
  /// Whether a record of `kind` with `ref_id` exists in the scope (checked when an answer links
  /// to it, so links cannot point at another tenant's records). Returns its label, or none.
  virtual std::optional<std::string> resolve(storage::Connection& c, const Scope& s, std::string_view kind,
                                             std::string_view ref_id) const = 0;
};

/// The registered sources; filled once at start, read-only afterwards.
class EvidenceSources {
 public:
  void add(std::unique_ptr<EvidenceSource> source) { sources_.push_back(std::move(source)); }
  /// Every proposal for the topics, source by source in registration order.
  std::vector<EvidenceProposal> propose(storage::Connection& c, const EvidenceQuery& q,
                                        const std::vector<std::string>& topics) const;
  /// The label of a linked record, asking every source; none when no source knows it.
  std::optional<std::string> resolve(storage::Connection& c, const Scope& s, std::string_view kind,
                                     std::string_view ref_id) const;
  const std::vector<std::unique_ptr<EvidenceSource>>& all() const { return sources_; }

 private:
  std::vector<std::unique_ptr<EvidenceSource>> sources_;
};

}  // namespace simpul::evaluation
