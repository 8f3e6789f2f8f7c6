#pragma once
// What resolves a finding and where in the console it is done (issue 20 item 11): derived from the
// finding's subject and rule kind (and, for value rules, the field checked; for missing items, the
// first item missing), never written per rule, so every region's rules of one shape get the same
// remedy.
#include <optional>
#include <string>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

namespace simpul::regulation {

struct Remedy {
  std::string action;     // Indonesian: what to do
  std::string action_en;  // English
  std::string place;      // the console screen where it is done, Indonesian
  std::string place_en;
  std::string link;  // the console address of that screen
};

/// The remedy of a finding of `kind` on `subject` with its `details`; nullopt for a subject or
/// kind this table does not know (the console then shows the object's own link only).
std::optional<Remedy> remedy_for(const std::string& subject, const std::string& kind,
                                 const boost::json::object& details, const std::string& object_id);

boost::json::value remedy_json(const std::optional<Remedy>& r);

}  // namespace simpul::regulation
