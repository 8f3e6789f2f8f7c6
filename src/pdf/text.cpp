#include "pdf/text.hpp"

#include <algorithm>

namespace simpul::pdf {
namespace {

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t first_char_size(std::string_view s) {
  std::size_t n = 1;
  while (n < s.size() && continuation_byte(s[n])) ++n;
  return n;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

/// How many bytes of `s` fit in `width`; with `words`, only whole words (0 if the first word does
/// not fit).
std::size_t fitting(HPDF_Font font, float size, std::string_view s, float width, bool words) {
  HPDF_REAL used = 0;
  HPDF_UINT n =
      HPDF_Font_MeasureText(font, reinterpret_cast<const HPDF_BYTE*>(s.data()), static_cast<HPDF_UINT>(s.size()), width,
                            size, 0, 0, words ? HPDF_TRUE : HPDF_FALSE, &used);
  return char_boundary(s, std::min<std::size_t>(n, s.size()));
}

}  // namespace

std::string clean(std::string_view in, bool keep_newlines) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  auto cont = [&](std::size_t i) { return i < in.size() && continuation_byte(in[i]); };
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size();) {
    auto b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {
      bool control = b < 0x20 || b == 0x7F;
      out += !control ? static_cast<char>(b) : (b == '\n' && keep_newlines ? '\n' : ' ');
      ++i;
    } else if (b >= 0xC2 && b <= 0xDF && cont(i + 1)) {
      out.append(in.substr(i, 2));
      i += 2;
    } else if (b >= 0xE0 && b <= 0xEF && cont(i + 1) && cont(i + 2)) {
      auto b1 = static_cast<unsigned char>(in[i + 1]);
      bool overlong = b == 0xE0 && b1 < 0xA0, surrogate = b == 0xED && b1 >= 0xA0;
      out.append(overlong || surrogate ? kReplacement : in.substr(i, 3));
      i += 3;
    } else if (b >= 0xF0 && b <= 0xF4 && cont(i + 1) && cont(i + 2) && cont(i + 3)) {
      out.append(kReplacement);
      i += 4;
    } else {
      out.append(kReplacement);
      ++i;
    }
  }
  return out;
}

std::size_t char_boundary(std::string_view s, std::size_t n) {
  while (n > 0 && n < s.size() && continuation_byte(s[n])) --n;
  return n;
}

float text_width(HPDF_Font font, float size, std::string_view s) {
  HPDF_TextWidth w =
      HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(s.data()), static_cast<HPDF_UINT>(s.size()));
  return static_cast<float>(w.width) * size / 1000.0f;
}

std::vector<std::string> wrap(HPDF_Font font, float size, std::string_view text, float width) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    auto nl = text.find('\n');
    std::string_view rest = trim(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    while (!rest.empty()) {
      std::size_t n = fitting(font, size, rest, width, true);
      if (n == 0) n = fitting(font, size, rest, width, false);
      if (n == 0) n = first_char_size(rest);  // not even one character fits: never loop forever
      lines.emplace_back(trim(rest.substr(0, n)));
      rest = trim(rest.substr(n));
    }
  }
  return lines;
}

std::string ellipsized(HPDF_Font font, float size, std::string_view text, float width) {
  if (text_width(font, size, text) <= width) return std::string(text);
  static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
  float room = width - text_width(font, size, kEllipsis);
  std::size_t n = room > 0 ? fitting(font, size, text, room, false) : 0;
  return std::string(trim(text.substr(0, n))) + std::string(kEllipsis);
}

std::vector<std::string> wrap_at_most(HPDF_Font font, float size, std::string_view text, float width,
                                      std::size_t max_lines) {
  auto lines = wrap(font, size, text, width);
  if (lines.size() <= max_lines || max_lines == 0) return lines;
  std::string tail;
  for (std::size_t i = max_lines - 1; i < lines.size(); ++i) tail += (tail.empty() ? "" : " ") + lines[i];
  lines.resize(max_lines);
  lines.back() = ellipsized(font, size, tail, width);
  return lines;
}

}  // namespace simpul::pdf
