#pragma once
// ArchiMate 3.1 Open Exchange Format (the XML Archi and other modelling tools import and export)
// <-> plain structs. Only the model content travels; views and organizations are not read.
#include <string>
#include <string_view>
#include <vector>

#include "interchange/limits.hpp"

namespace simpul::interchange {

struct OefProperty {
  std::string key;
  std::string value;

  bool operator==(const OefProperty&) const = default;
};

struct OefElement {
  std::string id;
  std::string type;  // ArchiMate element type as in xsi:type, e.g. "BusinessProcess"
  std::string name;
  std::string documentation;
  std::vector<OefProperty> properties;

  bool operator==(const OefElement&) const = default;
};

struct OefRelationship {
  std::string id;
  std::string type;    // e.g. "Serving", "Realization"
  std::string source;  // id of an element (or relationship)
  std::string target;
  std::string name;
  std::string documentation;
  std::vector<OefProperty> properties;

  bool operator==(const OefRelationship&) const = default;
};

struct OefModel {
  std::string name;
  std::vector<OefElement> elements;
  std::vector<OefRelationship> relationships;

  bool operator==(const OefModel&) const = default;
};

/// Writes the model as an ArchiMate 3.1 exchange file, texts tagged xml:lang="id". Ids may be any
/// text: they are written as "id-" + the id (characters other than A-Z a-z 0-9 . - as "_HH"
/// bytes) so they are valid xs:IDs, and read_oef gives the original back. Property keys become
/// property definitions "propid-1", "propid-2", ... in order of first use. Types must be ASCII
/// letters only (std::invalid_argument otherwise); text that XML cannot carry becomes U+FFFD.
std::string write_oef(const OefModel& model);

/// Reads an exchange file written by write_oef or by a modelling tool such as Archi. Of several
/// names or documentations in different languages the Indonesian one ("id") wins, else the first.
/// Ids written by write_oef are decoded; other tools' ids come back as they are in the file.
/// Throws FileError: NotOef (not XML, or not an ArchiMate 3.x model), Malformed (missing
/// identifiers, references to undefined property definitions, duplicate ids, DOCTYPE), TooLarge.
OefModel read_oef(std::string_view xml, const Limits& limits = {});

}  // namespace simpul::interchange
