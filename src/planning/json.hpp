#pragma once
// JSON answers of Rencana dan Anggaran SPBE, with Indonesian labels next to every code.
#include <boost/json/object.hpp>

#include "planning/service.hpp"

namespace simpul::planning {

boost::json::object to_json(const tenancy::Profile& p, const Cycle& x);
boost::json::object to_json(const tenancy::Profile& p, const Proposal& x);
boost::json::object to_json(const tenancy::Profile& p, const ProposalView& v);
boost::json::object to_json(const tenancy::Profile& p, const Line& l);
boost::json::object to_json(const tenancy::Profile& p, const LiveCheck& v);
boost::json::object to_json(const tenancy::Profile& p, const CandidateView& v);
boost::json::object to_json(const PriceList& x);
boost::json::object to_json(const PriceImportResult& r);
boost::json::object to_json(const tenancy::Profile& p, const Consolidated& x);
/// The region's plan-and-budget rules for the forms: categories, funding sources, steps, gates.
boost::json::object options_json(const tenancy::Profile& p);

}  // namespace simpul::planning
