#include "architecture/portable.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace simpul::architecture {

PortableModel to_portable(const std::vector<Element>& elements, const std::vector<Relation>& relations) {
  std::unordered_map<std::string, std::string> code_of;
  for (const auto& e : elements) code_of[e.id] = e.code;
  PortableModel m;
  m.elements.reserve(elements.size());
  for (const auto& e : elements)
    m.elements.push_back({e.code, e.name, e.domain, e.level, e.parent_id ? code_of[*e.parent_id] : "",
                          e.reference_code.value_or(""), e.owner_agency_code, e.state, e.description, e.attributes});
  for (const auto& r : relations)
    m.relations.push_back({code_of[r.source_id], r.type, code_of[r.target_id], r.description});
  // Ids are random, so order by codes: the same model always exports to the same bytes.
  std::sort(m.relations.begin(), m.relations.end(), [](const PortableRelation& a, const PortableRelation& b) {
    return std::tie(a.source_code, a.type, a.target_code) < std::tie(b.source_code, b.type, b.target_code);
  });
  return m;
}

boost::json::object to_json(const PortableElement& e) {
  return {{"code", e.code},
          {"name", e.name},
          {"domain", e.domain},
          {"level", e.level},
          {"parent_code", e.parent_code},
          {"reference_code", e.reference_code},
          {"owner_agency_code", e.owner_agency_code},
          {"state", e.state},
          {"description", e.description},
          {"attributes", e.attributes}};
}

boost::json::object to_json(const PortableRelation& r) {
  return {
      {"source_code", r.source_code}, {"type", r.type}, {"target_code", r.target_code}, {"description", r.description}};
}

boost::json::object to_json(const PortableModel& m) {
  boost::json::array elements, relations;
  for (const auto& e : m.elements) elements.push_back(to_json(e));
  for (const auto& r : m.relations) relations.push_back(to_json(r));
  return {{"elements", std::move(elements)}, {"relations", std::move(relations)}};
}

PortableModel portable_from_json(const boost::json::object& o) {
  auto text = [](const boost::json::object& x, const char* k) { return std::string(x.at(k).as_string()); };
  PortableModel m;
  for (const auto& v : o.at("elements").as_array()) {
    const auto& x = v.as_object();
    m.elements.push_back({text(x, "code"), text(x, "name"), text(x, "domain"),
                          static_cast<int>(x.at("level").to_number<int>()), text(x, "parent_code"),
                          text(x, "reference_code"), text(x, "owner_agency_code"), text(x, "state"),
                          text(x, "description"), x.at("attributes").as_object()});
  }
  for (const auto& v : o.at("relations").as_array()) {
    const auto& x = v.as_object();
    m.relations.push_back({text(x, "source_code"), text(x, "type"), text(x, "target_code"), text(x, "description")});
  }
  return m;
}

boost::json::object keyed_diff(const boost::json::array& before, const boost::json::array& after) {
  std::map<std::string, const boost::json::object*> old_by_code, new_by_code;
  for (const auto& v : before) old_by_code[std::string(v.at("code").as_string())] = &v.as_object();
  for (const auto& v : after) new_by_code[std::string(v.at("code").as_string())] = &v.as_object();
  boost::json::array added, removed, changed;
  for (const auto& [code, e] : new_by_code)
    if (!old_by_code.count(code)) added.push_back(*e);
  for (const auto& [code, a] : old_by_code) {
    auto it = new_by_code.find(code);
    if (it == new_by_code.end()) {
      removed.push_back(*a);
      continue;
    }
    const auto& b = *it->second;
    boost::json::array fields;
    for (const auto& [k, v] : *a)
      if (!b.contains(k) || b.at(k) != v)
        fields.push_back(
            boost::json::object{{"field", k}, {"before", v}, {"after", b.contains(k) ? b.at(k) : nullptr}});
    if (!fields.empty())
      changed.push_back(boost::json::object{{"code", code}, {"name", b.at("name")}, {"fields", std::move(fields)}});
  }
  return {{"added", std::move(added)}, {"removed", std::move(removed)}, {"changed", std::move(changed)}};
}

boost::json::object diff(const PortableModel& before, const PortableModel& after) {
  auto b = to_json(before), a = to_json(after);
  using Key = std::tuple<std::string, std::string, std::string>;
  std::set<Key> old_rel, new_rel;
  for (const auto& r : before.relations) old_rel.insert({r.source_code, r.type, r.target_code});
  for (const auto& r : after.relations) new_rel.insert({r.source_code, r.type, r.target_code});
  auto rel_json = [](const Key& k) {
    return boost::json::object{
        {"source_code", std::get<0>(k)}, {"type", std::get<1>(k)}, {"target_code", std::get<2>(k)}};
  };
  boost::json::array rel_added, rel_removed;
  for (const auto& k : new_rel)
    if (!old_rel.count(k)) rel_added.push_back(rel_json(k));
  for (const auto& k : old_rel)
    if (!new_rel.count(k)) rel_removed.push_back(rel_json(k));
  return {{"elements", keyed_diff(b.at("elements").as_array(), a.at("elements").as_array())},
          {"relations", {{"added", rel_added}, {"removed", rel_removed}}}};
}

boost::json::object diff_models(const boost::json::object& before, const boost::json::object& after) {
  auto out = diff(portable_from_json(before), portable_from_json(after));
  static const boost::json::array kNone;
  auto initiatives = [](const boost::json::object& m) -> const boost::json::array& {
    auto* v = m.if_contains("initiatives");
    return v && v->is_array() ? v->get_array() : kNone;
  };
  out["initiatives"] = keyed_diff(initiatives(before), initiatives(after));
  return out;
}

}  // namespace simpul::architecture
