#pragma once
// The architecture checks the regulations imply (docs/spbe-architecture.md, "Checks"), each with
// the article the tenant's profile cites. The compliance engine will turn them into findings.
#include <boost/json/object.hpp>

#include "architecture/documents.hpp"
#include "architecture/service.hpp"

namespace simpul::architecture {

/// `today` is YYYY-MM-DD.
boost::json::object status(const Service& elements, const Documents& documents, const Scope& s,
                           const std::string& today);

}  // namespace simpul::architecture
