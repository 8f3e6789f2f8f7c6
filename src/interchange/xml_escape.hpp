#pragma once
// Internal: making arbitrary text safe to write into XML.
#include <string>
#include <string_view>

namespace simpul::interchange::xml {

/// Appends text escaped for XML 1.0. Invalid UTF-8 and characters XML 1.0 cannot carry (most C0
/// controls, U+FFFE, U+FFFF) become U+FFFD rather than producing a file no reader accepts.
/// CR (and in attributes also TAB and LF) become character references, because parsers would
/// otherwise normalise them away.
void append_escaped(std::string& out, std::string_view text, bool attribute);

/// The text with invalid UTF-8 sequences replaced by U+FFFD; everything else unchanged.
std::string replace_invalid_utf8(std::string_view text);

}  // namespace simpul::interchange::xml
