#include "interchange/oef_ids.hpp"

namespace simpul::interchange::oef {
namespace {

constexpr std::string_view kPrefix = "id-";
constexpr char kHex[] = "0123456789ABCDEF";

bool kept_as_is(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string encode_id(std::string_view id) {
  std::string out(kPrefix);
  for (char c : id) {
    if (kept_as_is(c)) {
      out.push_back(c);
    } else {
      auto byte = static_cast<unsigned char>(c);
      out.push_back('_');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xF]);
    }
  }
  return out;
}

std::string decode_id(std::string_view xml_id) {
  if (!xml_id.starts_with(kPrefix)) return std::string(xml_id);
  std::string_view rest = xml_id.substr(kPrefix.size());
  std::string decoded;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] != '_') {
      decoded.push_back(rest[i]);
      continue;
    }
    int high = i + 1 < rest.size() ? hex_value(rest[i + 1]) : -1;
    int low = i + 2 < rest.size() ? hex_value(rest[i + 2]) : -1;
    if (high < 0 || low < 0) return std::string(xml_id);
    decoded.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  // Only what encode_id produces is decoded, so distinct encoded ids stay distinct; anything else
  // (another tool's "id-..." with a stray "_") is returned untouched.
  return encode_id(decoded) == xml_id ? decoded : std::string(xml_id);
}

}  // namespace simpul::interchange::oef
