#pragma once
// The spreadsheet columns of the architecture model, shared by import and export.
#include <string>
#include <vector>

namespace simpul::architecture {

inline const std::vector<std::string> kElementColumns = {
    "code", "name", "domain", "level", "parent_code", "reference_code", "owner_agency_code", "state", "description"};
inline const std::vector<std::string> kRelationColumns = {"source_code", "type", "target_code", "description"};
inline constexpr const char* kElementSheet = "Elemen";
inline constexpr const char* kRelationSheet = "Relasi";
inline constexpr const char* kAttributePrefix = "attr.";
inline constexpr const char* kPropertyPrefix = "simpul:";

}  // namespace simpul::architecture
