#pragma once
// JSON of bandwidth requests, evaluations and WAN links: labels in Indonesian beside every code.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "infrastructure/bandwidth.hpp"

namespace simpul::infrastructure {

boost::json::object to_json(const tenancy::Profile& p, const BandwidthRequest& r);
boost::json::object to_json(const tenancy::Profile& p, const BandwidthEvaluation& e);
boost::json::object to_json(const WanLink& w);
/// The rows of an evaluation as stored and as answered; read back from what was stored.
boost::json::array rows_json(const std::vector<EvaluationRow>& rows);
std::vector<EvaluationRow> rows_from_json(const std::string& text);
const char* assessment_name(const std::string& a);

}  // namespace simpul::infrastructure
