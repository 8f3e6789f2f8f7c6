#include "architecture/validation.hpp"

#include <algorithm>
#include <regex>

#include "architecture/domains.hpp"
#include "architecture/repository.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "tenancy/service.hpp"

namespace simpul::architecture {
namespace {

boost::json::array allowed_list(const std::vector<std::string_view>& values) {
  boost::json::array out;
  for (auto v : values) out.emplace_back(v);
  return out;
}

}  // namespace

std::string normalised_code(std::string_view code) {
  std::string out = text::to_upper_ascii(code);
  static const std::regex kCode("[A-Z0-9][A-Z0-9._-]{0,39}");
  if (!std::regex_match(out, kCode))
    throw Error(ErrorCode::ValidationInvalidValue, "code", "1-40 capital letters, digits, dots, dashes or underscores");
  return out;
}

std::optional<Element> DatabaseLookup::element(const std::string& id) { return Repository(c_).element(s_, id); }
std::optional<Element> DatabaseLookup::element_by_code(const std::string& code) {
  return Repository(c_).element_by_code(s_, code);
}
bool DatabaseLookup::agency_exists(const std::string& id) { return tenancy_.agency(c_, s_, id).has_value(); }
bool DatabaseLookup::relation_exists(const std::string& source, const std::string& type, const std::string& target) {
  return Repository(c_).relation_exists(s_, source, type, target);
}

void Validator::element(Element& e, bool allow_read_only) const {
  if (!find_domain(e.domain)) {
    std::vector<std::string_view> ids;
    for (const auto& d : domains()) ids.push_back(d.id);
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", "domain"}, {"allowed", allowed_list(ids)}});
  }
  e.code = normalised_code(e.code);
  if (e.name.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "name"}});
  if (std::find(kStates.begin(), kStates.end(), e.state) == kStates.end())
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", "state"}, {"allowed", allowed_list(kStates)}});

  if (e.level != 3 && e.level != 4)
    throw Error(ErrorCode::ValidationInvalidValue, "level", "3 or 4 (levels 1-2 are national)");
  if (e.level == 3 && e.parent_id)
    throw Error(ErrorCode::ValidationInvalidValue, "parent_id", "a level-3 element has no parent");
  if (e.level == 4) {
    if (!e.parent_id) throw Error(ErrorCode::ValidationMissingField, {{"field", "parent_id"}});
    auto parent = lookup_.element(*e.parent_id);
    if (!parent || parent->domain != e.domain || parent->level != 3 || parent->id == e.id)
      throw Error(ErrorCode::ValidationInvalidValue, "parent_id", "must be a level-3 element of the same domain");
    if (!e.reference_code) e.reference_code = parent->reference_code;
  }
  if (e.reference_code) {
    const ReferenceItem* ref = reference_.find(*e.reference_code);
    if (!ref || ref->domain != e.domain)
      throw Error(ErrorCode::ElementReferenceUnknown,
                  {{"field", "reference_code"}, {"reference_code", *e.reference_code}});
  }
  if (!lookup_.agency_exists(e.owner_agency_id))
    throw Error(ErrorCode::ValidationInvalidValue, "owner_agency_id", "not an agency of this tenant");
  attributes(e, allow_read_only);
  if (auto other = lookup_.element_by_code(e.code); other && other->id != e.id)
    throw Error(ErrorCode::ElementDuplicateCode, {{"code", e.code}});
}

void Validator::attributes(const Element& e, bool allow_read_only) const {
  for (const auto& [key, value] : e.attributes) {
    const AttributeDef* def = find_attribute(e.domain, key);
    std::string field = "attributes." + std::string(key);
    if (!def) throw Error(ErrorCode::ValidationUnknownField, {{"field", field}});
    if (def->read_only && !allow_read_only)
      throw Error(ErrorCode::ValidationInvalidValue, field, "maintained by the application lifecycle");
    if (!value.is_string()) throw Error(ErrorCode::ValidationWrongType, {{"field", field}, {"expected", "string"}});
    std::string_view v = value.get_string();
    if (v.empty()) throw Error(ErrorCode::ValidationInvalidValue, field, "empty; omit the attribute instead");
    if (v.size() > def->max_chars)
      throw Error(ErrorCode::ValidationTooLong, {{"field", field}, {"max", def->max_chars}});
    if (!def->values.empty() && std::find(def->values.begin(), def->values.end(), v) == def->values.end())
      throw Error(ErrorCode::ValidationInvalidValue, {{"field", field}, {"allowed", allowed_list(def->values)}});
    if (!def->profile_enumerations.empty()) {
      boost::json::array allowed;
      const tenancy::Enumeration* source = nullptr;
      for (auto name : def->profile_enumerations)
        if (const auto* en = profile_.enumeration(std::string(name))) {
          for (const auto& item : en->items) allowed.emplace_back(item.id);
          if (en->contains(std::string(v))) source = en;
        }
      if (!source) {
        const tenancy::Enumeration* first = profile_.enumeration(std::string(def->profile_enumerations.front()));
        std::optional<RuleRef> rule;
        if (first && !first->rule.empty())
          if (const auto* r = profile_.rule(first->rule)) rule = RuleRef{r->id, r->citation};
        throw Error(ErrorCode::ValidationInvalidValue, {{"field", field}, {"allowed", allowed}}, rule);
      }
    }
  }
}

void Validator::relation(const Relation& r, const Element& source, const Element& target) const {
  if (!find_relation_type(r.type)) {
    std::vector<std::string_view> ids;
    for (const auto& t : relation_types()) ids.push_back(t.type);
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", "type"}, {"allowed", allowed_list(ids)}});
  }
  if (source.id == target.id)
    throw Error(ErrorCode::RelationNotAllowed, {{"reason", "an element cannot relate to itself"}});
  if (!relation_allowed(r.type, source.domain, target.domain))
    throw Error(ErrorCode::RelationNotAllowed,
                {{"type", r.type}, {"source_domain", source.domain}, {"target_domain", target.domain}});
  if (lookup_.relation_exists(r.source_id, r.type, r.target_id))
    throw Error(ErrorCode::RelationExists, {{"source_id", r.source_id}, {"type", r.type}, {"target_id", r.target_id}});
}

}  // namespace simpul::architecture
