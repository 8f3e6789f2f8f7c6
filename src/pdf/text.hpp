#pragma once
// UTF-8 text as libharu draws it: cleaning untrusted input, measuring, and breaking it into lines
// that fit a width. Every function takes the font the text will be drawn in.
#include <hpdf.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace simpul::pdf {

/// Text as libharu's UTF-8 encoder takes it: invalid bytes, and characters outside the Basic
/// Multilingual Plane (which libharu 2.3 drops), become U+FFFD; control characters become spaces
/// (newlines only where a paragraph may have them).
std::string clean(std::string_view in, bool keep_newlines = false);

/// Moves a byte count back to the start of a character: libharu measures bytes, and a cut inside
/// a multi-byte sequence would print garbage.
std::size_t char_boundary(std::string_view s, std::size_t n);

/// Width of `s` in points when drawn in `font` at `size`.
float text_width(HPDF_Font font, float size, std::string_view s);

/// Lines of at most `width`, broken between words; a word longer than a line is broken between
/// characters. Empty text gives no lines; '\n' starts a new line.
std::vector<std::string> wrap(HPDF_Font font, float size, std::string_view text, float width);

/// One line, cut with "…" when it is wider than `width`.
std::string ellipsized(HPDF_Font font, float size, std::string_view text, float width);

/// At most `max_lines` wrapped lines; the last one ends in "…" if text was left over.
std::vector<std::string> wrap_at_most(HPDF_Font font, float size, std::string_view text, float width,
                                      std::size_t max_lines);

}  // namespace simpul::pdf
