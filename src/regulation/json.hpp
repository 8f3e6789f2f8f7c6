#pragma once
// JSON shapes of findings, sanctions and rule instances (docs/compliance.md).
#include <boost/json/object.hpp>

#include "regulation/engine.hpp"
#include "regulation/model.hpp"
#include "tenancy/profile.hpp"

namespace simpul::regulation {

/// {"id", "citation", "chapter", "title", "title_en"} of the instance (or the profile rule alone).
boost::json::object rule_json(const tenancy::Profile& p, const std::string& rule_id, const std::string& subject,
                              const std::string& kind = "");
boost::json::object to_json(const tenancy::Profile& p, const Finding& f, const std::string& today);
boost::json::object to_json(const tenancy::Profile& p, const Sanction& x);
boost::json::object to_json(const tenancy::Profile& p, const CompiledRule& r);

}  // namespace simpul::regulation
