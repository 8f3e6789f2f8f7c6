// The architecture model as an ArchiMate Open Exchange file (opens in Archi): Simpul's own fields
// travel as properties, so the file imports back unchanged.
#include "architecture/domains.hpp"
#include "architecture/transfer.hpp"
#include "architecture/transfer_columns.hpp"
#include "interchange/oef.hpp"

namespace simpul::architecture {

std::string export_oef(const PortableModel& m, const std::string& model_name) {
  interchange::OefModel oef;
  oef.name = model_name;
  auto prop = [](const std::string& key, const std::string& value) {
    return interchange::OefProperty{std::string(kPropertyPrefix) + key, value};
  };
  for (const auto& e : m.elements) {
    interchange::OefElement el{e.code, std::string(find_domain(e.domain)->archimate), e.name, e.description, {}};
    el.properties = {prop("code", e.code), prop("domain", e.domain), prop("level", std::to_string(e.level)),
                     prop("owner_agency_code", e.owner_agency_code), prop("state", e.state)};
    if (!e.parent_code.empty()) el.properties.push_back(prop("parent_code", e.parent_code));
    if (!e.reference_code.empty()) el.properties.push_back(prop("reference_code", e.reference_code));
    for (const auto& [k, v] : e.attributes)
      if (v.is_string()) el.properties.push_back({kAttributePrefix + std::string(k), std::string(v.get_string())});
    oef.elements.push_back(std::move(el));
  }
  int n = 0;
  for (const auto& r : m.relations) {
    bool flipped = find_relation_type(r.type)->archimate_reversed;
    interchange::OefRelationship rel{"rel-" + std::to_string(++n),
                                     std::string(find_relation_type(r.type)->archimate),
                                     flipped ? r.target_code : r.source_code,
                                     flipped ? r.source_code : r.target_code,
                                     std::string(find_relation_type(r.type)->name_id),
                                     r.description,
                                     {}};
    rel.properties = {prop("type", r.type), prop("flipped", flipped ? "true" : "false")};
    oef.relationships.push_back(std::move(rel));
  }
  return interchange::write_oef(oef);
}

}  // namespace simpul::architecture
