#pragma once
// The six architecture domains, their per-domain attributes and which relations may join them
// (docs/spbe-architecture.md). This is product structure shared by every region; what differs per
// region (sectors, application categories) comes from the tenant's profile.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace simpul::architecture {

struct DomainDef {
  std::string_view id;         // "layanan"
  std::string_view name_id;    // "Layanan"
  std::string_view reference;  // "RAL"
  std::string_view archimate;  // ArchiMate element type for Open Exchange export
};

const std::vector<DomainDef>& domains();
const DomainDef* find_domain(std::string_view id);
const DomainDef* domain_for_archimate(std::string_view type);

/// One attribute an element of a domain may carry. Values are text; `values` lists the allowed ones,
/// `profile_enumerations` names profile enumerations whose item ids are allowed; neither = free text.
struct AttributeDef {
  std::string_view domain;
  std::string_view key;
  std::vector<std::string_view> values;
  std::vector<std::string_view> profile_enumerations;
  bool read_only = false;  // maintained by another module (the application lifecycle)
  std::size_t max_chars = 300;
};

const std::vector<AttributeDef>& attributes();
const AttributeDef* find_attribute(std::string_view domain, std::string_view key);

struct RelationDef {
  std::string_view type;
  std::string_view name_id;
  std::vector<std::string_view> sources;
  std::vector<std::string_view> targets;
  std::string_view archimate;  // relationship type for Open Exchange export
  // ArchiMate points realisation and serving from the supporter to the supported, the other way
  // round from ours (the process realises the service; the application serves it).
  bool archimate_reversed = false;
};

const std::vector<RelationDef>& relation_types();
const RelationDef* find_relation_type(std::string_view type);
bool relation_allowed(std::string_view type, std::string_view source_domain, std::string_view target_domain);

extern const std::vector<std::string_view> kStates;  // as_is, to_be, retired

}  // namespace simpul::architecture
