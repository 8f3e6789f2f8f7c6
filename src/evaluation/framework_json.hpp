#pragma once
// A framework as JSON in the file format (docs/evaluation.md): what the API returns, and what a
// tenant's corrected version is stored as (YAML reads JSON, so the same loader validates it).
#include <boost/json/object.hpp>

#include "evaluation/framework.hpp"

namespace simpul::evaluation {

boost::json::object to_json(const Framework& f);

/// Applies an administrator's corrections on top of `base` and returns the new version's
/// definition, validated by the loader (throws FrameworkError naming the field). Corrections:
/// `title`, and lists `domains` / `aspects` / `indicators` of `{id, name?, weight?}` (indicators
/// also `criteria?`, `level_criteria?: {"1": text}`), and `scales` of `{name, levels: [{level,
/// name?, criteria?}]}`; unknown ids are errors. The structure itself (which indicator belongs
/// to which aspect) cannot change: that is a different framework, not a correction.
boost::json::object corrected(const Framework& base, const boost::json::object& corrections, int new_version);

}  // namespace simpul::evaluation
