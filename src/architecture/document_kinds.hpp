#pragma once
// The kinds of plan document a region's regulation names (profile `architecture:`): the Arsitektur
// SPBE (`architecture.document`) and the Peta Rencana SPBE (`architecture.roadmap`) in every region,
// and the further kinds of `architecture.kinds` (Lampung Timur's Rencana Induk SPBE), which this
// module's own profile section reads (tenancy/profile_sections.hpp).
#include <optional>
#include <string>
#include <vector>

#include "tenancy/profile.hpp"
#include "tenancy/profile_sections.hpp"

namespace simpul::architecture {

/// A further kind of `architecture.kinds`.
struct ExtraDocumentKind {
  std::string id;
  std::string label, label_en;
  tenancy::PlanDocumentSpec spec;
  std::vector<std::string> parts;            // kinds a version of this kind contains (linked by document id)
  std::optional<std::string> parts_rule;     // the article listing them
  std::optional<std::string> in_force_rule;  // the article that makes a version in force a duty
};

/// What the `architecture:` section adds to the profile (kept in Profile::sections["architecture"]).
struct DocumentKindsSection {
  std::vector<ExtraDocumentKind> extra;
};

/// One kind as the module uses it; `spec` points into the long-lived Profile.
struct DocumentKind {
  std::string id;
  std::string label, label_en;
  const tenancy::PlanDocumentSpec* spec = nullptr;
  std::vector<std::string> parts;
  std::optional<std::string> parts_rule;
  std::optional<std::string> in_force_rule;
};

/// Registers the parser of `architecture:` (its `kinds:` list).
void add_document_kinds_section(tenancy::ProfileSections& sections);
/// The region's document kinds: arsitektur, peta_rencana, then the profile's further kinds.
std::vector<DocumentKind> document_kinds(const tenancy::Profile& p);
/// The kind `id` of the region, or nothing when its regulation does not name it.
std::optional<DocumentKind> document_kind(const tenancy::Profile& p, const std::string& id);

}  // namespace simpul::architecture
