#include "architecture/json.hpp"

#include "http/json_io.hpp"

namespace simpul::architecture {

boost::json::value optional_json(const std::optional<std::string>& s) {
  return s ? boost::json::value(*s) : boost::json::value(nullptr);
}

boost::json::value rule_json(const tenancy::Profile& p, const std::optional<std::string>& id) {
  const auto* r = id ? p.rule(*id) : nullptr;
  if (!r) return nullptr;
  return boost::json::object{{"id", r->id}, {"citation", r->citation}};
}

boost::json::object to_json(const Element& e) {
  return {{"id", e.id},
          {"domain", e.domain},
          {"code", e.code},
          {"name", e.name},
          {"description", e.description},
          {"level", e.level},
          {"parent_id", optional_json(e.parent_id)},
          {"reference_code", optional_json(e.reference_code)},
          {"owner_agency_id", e.owner_agency_id},
          {"owner_agency_name", e.owner_agency_name},
          {"state", e.state},
          {"attributes", e.attributes},
          {"created_at", e.created_at},
          {"updated_at", e.updated_at}};
}

boost::json::object to_json(const Relation& r) {
  return {
      {"id", r.id}, {"source", r.source_id}, {"target", r.target_id}, {"type", r.type}, {"description", r.description}};
}

boost::json::object to_json(const RelationView& v) {
  return {{"id", v.relation.id},
          {"type", v.relation.type},
          {"direction", v.direction},
          {"description", v.relation.description},
          {"other", boost::json::object{{"id", v.other.id},
                                        {"code", v.other.code},
                                        {"name", v.other.name},
                                        {"domain", v.other.domain},
                                        {"state", v.other.state}}}};
}

boost::json::object to_json(const Review& r) {
  return {{"id", r.id},
          {"date", r.date},
          {"summary", r.summary},
          {"outcome", r.outcome},
          {"decree_number", optional_json(r.decree_number)},
          {"recorded_by_name", r.recorded_by_name},
          {"created_at", r.created_at}};
}

boost::json::object to_json(const Monitoring& m) {
  return {{"id", m.id},
          {"year", m.year},
          {"progress", m.progress},
          {"status", m.status},
          {"note", m.note},
          {"recorded_by_name", m.recorded_by_name},
          {"recorded_at", m.recorded_at}};
}

boost::json::object to_json(const InitiativeElement& e) {
  return {{"element_id", e.element_id}, {"code", e.code}, {"name", e.name}, {"domain", e.domain}, {"effect", e.effect}};
}

boost::json::array to_json(const std::vector<Element>& elements) {
  boost::json::array out;
  out.reserve(elements.size());
  for (const auto& e : elements) out.push_back(to_json(e));
  return out;
}

boost::json::array to_json(const std::vector<Relation>& relations) {
  boost::json::array out;
  out.reserve(relations.size());
  for (const auto& r : relations) out.push_back(to_json(r));
  return out;
}

}  // namespace simpul::architecture
