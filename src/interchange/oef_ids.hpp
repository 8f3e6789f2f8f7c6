#pragma once
// Internal: caller ids <-> xs:ID values (which must start with a letter or '_' and hold no spaces).
#include <string>
#include <string_view>

namespace simpul::interchange::oef {

/// "id-" + the id, with every byte outside A-Z a-z 0-9 . - written as "_HH".
std::string encode_id(std::string_view id);
/// The id encode_id was given, if xml_id is exactly what encode_id produces; otherwise xml_id
/// unchanged (ids from other tools, e.g. Archi's "id-4b3c...", need no decoding).
std::string decode_id(std::string_view xml_id);

}  // namespace simpul::interchange::oef
