#pragma once
// Internal: the small text conventions of SpreadsheetML (cell references, numbers, _xHHHH_ escapes).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace simpul::interchange::ooxml {

struct CellRef {
  std::size_t column;  // 0-based
  std::size_t row;     // 1-based, as written
};

/// "C5" -> {2, 5}. nullopt unless it is letters A..XFD followed by a row number 1..1048576.
std::optional<CellRef> parse_cell_ref(std::string_view ref);
/// 0 -> "A", 27 -> "AB", for messages.
std::string column_name(std::size_t column);

/// A stored number as a person reads it: integral values without ".0" or exponent
/// ("5", "1E3" -> "1000"); anything else exactly as written (Excel stores up to 17 digits).
std::string display_number(std::string_view stored);

/// SpreadsheetML strings carry characters XML cannot hold as "_xHHHH_"; this decodes them.
std::string decode_escapes(std::string_view text);
/// Escapes the '_' of any literal "_xHHHH_" in user text as "_x005F_" so decode_escapes gives the
/// text back unchanged (libxlsxwriter escapes control characters but not this).
std::string protect_escapes(std::string_view text);

}  // namespace simpul::interchange::ooxml
