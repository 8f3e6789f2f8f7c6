#pragma once
// The model with ids replaced by codes: what a snapshot freezes, what diffs compare and what
// spreadsheets and ArchiMate files carry. Codes are stable across databases; ids are not.
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "architecture/model.hpp"

namespace simpul::architecture {

struct PortableElement {
  std::string code, name, domain;
  int level = 3;
  std::string parent_code, reference_code, owner_agency_code, state, description;
  boost::json::object attributes;
  bool operator==(const PortableElement&) const = default;
};

struct PortableRelation {
  std::string source_code, type, target_code, description;
  bool operator==(const PortableRelation&) const = default;
};

struct PortableModel {
  std::vector<PortableElement> elements;
  std::vector<PortableRelation> relations;
};

PortableModel to_portable(const std::vector<Element>& elements, const std::vector<Relation>& relations);
boost::json::object to_json(const PortableModel& m);
PortableModel portable_from_json(const boost::json::object& o);
boost::json::object to_json(const PortableElement& e);
boost::json::object to_json(const PortableRelation& r);

/// Added, removed and changed objects of two arrays, matched by their "code" member.
boost::json::object keyed_diff(const boost::json::array& before, const boost::json::array& after);
/// What changed from `before` to `after`, matched by element code and by (source, type, target).
boost::json::object diff(const PortableModel& before, const PortableModel& after);

/// Like diff(), on snapshot JSON; also compares the roadmap initiatives the snapshots carry.
boost::json::object diff_models(const boost::json::object& before, const boost::json::object& after);

}  // namespace simpul::architecture
