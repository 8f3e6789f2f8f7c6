#pragma once
// The architecture evidence source's topics that read the elements of the six domains
// (evidence_elements.cpp); evidence.cpp holds the source itself with the documents, the roadmap
// initiatives and the teams.
#include "evaluation/evidence.hpp"

namespace simpul::tenancy {
class Service;
}

namespace simpul::architecture {

/// What the evidence needs besides the connection: the tenancy module's read ports.
struct EvidenceReader {
  storage::Connection& c;
  const tenancy::Service& tenancy;
};

/// Topic architecture: the elements in force per domain.
void propose_element_counts(storage::Connection& c, const evaluation::EvidenceQuery& q, evaluation::ProposalSink& out);
/// Topic services: the services and the applications behind them.
void propose_services(const EvidenceReader& reader, const evaluation::EvidenceQuery& q, evaluation::ProposalSink& out);
/// Topic data: the data sets by type, then the data sets themselves.
void propose_data(const EvidenceReader& reader, const evaluation::EvidenceQuery& q, evaluation::ProposalSink& out);
/// Topic infrastructure: the infrastructure by type, then its elements.
void propose_infrastructure(const EvidenceReader& reader, const evaluation::EvidenceQuery& q,
                            evaluation::ProposalSink& out);

}  // namespace simpul::architecture
