#pragma once
// Small text utilities shared by parsing code.
#include <string>
#include <string_view>
#include <vector>

namespace simpul::text {

/// Strict UTF-8 validation (rejects overlongs, surrogates and code points above U+10FFFF).
bool is_valid_utf8(std::string_view s);
/// Number of code points (assumes valid UTF-8).
std::size_t utf8_length(std::string_view s);
std::string trim(std::string_view s);
std::string to_lower_ascii(std::string_view s);
std::string to_upper_ascii(std::string_view s);
/// ASCII case-insensitive equality (header names, tokens such as "https").
bool iequals(std::string_view a, std::string_view b);
std::vector<std::string_view> split(std::string_view s, char sep);
/// The inverse of split for stored lists ("kominfo,wali_data"); empty parts are dropped by split_nonempty.
std::string join(const std::vector<std::string>& parts, char sep);
std::vector<std::string> split_nonempty(std::string_view s, char sep);
/// Escapes %, _ and \ so user text is matched literally inside a LIKE pattern (ESCAPE '\').
std::string like_pattern_contains(std::string_view needle);

}  // namespace simpul::text
