#pragma once
// Names shared by the import and the exports; the columns themselves are in transfer_vocabulary.hpp.
namespace simpul::architecture {

inline constexpr const char* kElementSheet = "Elemen";
inline constexpr const char* kRelationSheet = "Relasi";
inline constexpr const char* kAttributePrefix = "attr.";
inline constexpr const char* kPropertyPrefix = "simpul:";

}  // namespace simpul::architecture
