#include "interchange/ooxml_text.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace simpul::interchange::ooxml {
namespace {

constexpr std::size_t kMaxColumns = 16384;  // XFD
constexpr std::size_t kMaxRows = 1048576;

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); }

/// The code unit of an "_xHHHH_" escape starting at text[i], if there is one.
std::optional<char32_t> escape_at(std::string_view text, std::size_t i) {
  if (i + 7 > text.size() || text[i] != '_' || text[i + 1] != 'x' || text[i + 6] != '_') return std::nullopt;
  for (std::size_t k = 2; k < 6; ++k) {
    if (!is_hex(text[i + k])) return std::nullopt;
  }
  unsigned value = 0;
  std::from_chars(text.data() + i + 2, text.data() + i + 6, value, 16);
  return static_cast<char32_t>(value);
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

std::optional<CellRef> parse_cell_ref(std::string_view ref) {
  std::size_t i = 0, column = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3) {
    column = column * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
    ++i;
  }
  if (i == 0 || column > kMaxColumns || i == ref.size() || ref[i] == '0') return std::nullopt;
  std::size_t row = 0;
  auto [end, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  if (ec != std::errc() || end != ref.data() + ref.size() || row == 0 || row > kMaxRows) return std::nullopt;
  return CellRef{column - 1, row};
}

std::string column_name(std::size_t column) {
  std::string name;
  for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) {
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return name;
}

std::string display_number(std::string_view stored) {
  double value = 0;
  auto [end, ec] = std::from_chars(stored.data(), stored.data() + stored.size(), value);
  // Below 2^53 every integer is exact, so printing it as an integer loses nothing.
  if (ec == std::errc() && end == stored.data() + stored.size() && std::isfinite(value) && std::trunc(value) == value &&
      std::fabs(value) < 9007199254740992.0) {
    return std::to_string(static_cast<std::int64_t>(value));
  }
  return std::string(stored);
}

std::string decode_escapes(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    auto unit = escape_at(text, i);
    if (!unit) {
      out.push_back(text[i++]);
      continue;
    }
    i += 7;
    char32_t cp = *unit;
    if (cp >= 0xD800 && cp <= 0xDBFF) {  // a UTF-16 pair written as two escapes
      auto low = escape_at(text, i);
      if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (*low - 0xDC00);
        i += 7;
      } else {
        cp = 0xFFFD;
      }
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    append_utf8(out, cp);
  }
  return out;
}

std::string protect_escapes(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size() + 7);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (escape_at(text, i)) out += "_x005F";
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace simpul::interchange::ooxml
