#include "http/attachment.hpp"

#include <cctype>

#include "core/text.hpp"

namespace simpul::http {
namespace {

std::string ascii_filename(const std::string& name) {
  std::string out;
  for (unsigned char ch : name)
    out += (ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\' && ch != ';') ? static_cast<char>(ch) : '_';
  return out;
}

std::string percent_encoded(const std::string& name) {
  static constexpr const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : name) {
    if (std::isalnum(ch) || ch == '.' || ch == '-' || ch == '_')
      out += static_cast<char>(ch);
    else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  return out;
}

}  // namespace

std::string checked_filename(const std::optional<std::string>& name, ErrorCode invalid) {
  bool ok = name && !name->empty() && text::is_valid_utf8(*name) && text::utf8_length(*name) <= 120 && *name != "." &&
            *name != "..";
  if (ok)
    for (unsigned char ch : *name) ok = ok && ch >= 0x20 && ch != 0x7f && ch != '/' && ch != '\\';
  if (!ok) throw Error(invalid);
  return *name;
}

Response attachment(std::string bytes, const std::string& filename, const std::string& content_type) {
  Response res;
  res.body = std::move(bytes);
  res.content_type = content_type;
  res.set_header("Content-Disposition", "attachment; filename=\"" + ascii_filename(filename) + "\"; filename*=UTF-8''" +
                                            percent_encoded(filename));
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Content-Security-Policy", "sandbox; default-src 'none'");
  return res;
}

}  // namespace simpul::http
