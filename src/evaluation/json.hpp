#pragma once
// JSON shapes of the evaluation API (docs/api.md, docs/evaluation.md).
#include <boost/json/object.hpp>

#include "evaluation/service.hpp"

namespace simpul::evaluation {

boost::json::object to_json(const Period& p);
boost::json::object to_json(const Member& m);
boost::json::object to_json(const AnswerRecord& a);
boost::json::object to_json(const EvidenceItem& e);
boost::json::object to_json(const Comment& c);
boost::json::object to_json(const EvidenceProposal& p);
/// Framework summary for lists: id, version, title, provisional, confidence, origin.
boost::json::object summary_json(const FrameworkVersion& v);
/// Index, predicate, domains and aspects (with progress per aspect when `records` is given).
boost::json::object index_json(const Framework& f, const IndexResult& r,
                               const std::vector<AnswerRecord>* records = nullptr);

}  // namespace simpul::evaluation
