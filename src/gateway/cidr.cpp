#include "gateway/cidr.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace simpul::gateway {

namespace {

bool is_ipv4_text(std::string_view text) { return text.find(':') == std::string_view::npos; }

}  // namespace

std::optional<IpAddress> parse_ip(std::string_view text) {
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
  // inet_pton() reads a C string: without this, an embedded NUL would end the address early and
  // "0.0.0.0\0anything" would parse (and validate) as 0.0.0.0 (found by fuzz/gateway_config_fuzz).
  if (text.find_first_not_of("0123456789abcdefABCDEF:.") != std::string_view::npos) return std::nullopt;
  char buffer[INET6_ADDRSTRLEN];
  std::memcpy(buffer, text.data(), text.size());
  buffer[text.size()] = '\0';
  IpAddress out;
  if (is_ipv4_text(text)) {
    unsigned char v4[4];
    if (inet_pton(AF_INET, buffer, v4) != 1) return std::nullopt;
    out.bytes[10] = 0xff;
    out.bytes[11] = 0xff;
    std::memcpy(out.bytes.data() + 12, v4, 4);
    return out;
  }
  if (inet_pton(AF_INET6, buffer, out.bytes.data()) != 1) return std::nullopt;
  return out;
}

std::optional<Cidr> parse_cidr(std::string_view text) {
  auto slash = text.find('/');
  std::string_view address_text = text.substr(0, slash);
  auto address = parse_ip(address_text);
  if (!address) return std::nullopt;
  const bool v4 = is_ipv4_text(address_text);
  const unsigned max_prefix = v4 ? 32 : 128;
  unsigned prefix = max_prefix;
  if (slash != std::string_view::npos) {
    std::string_view digits = text.substr(slash + 1);
    if (digits.empty() || digits.size() > 3) return std::nullopt;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
    if (ec != std::errc{} || end != digits.data() + digits.size() || prefix > max_prefix) return std::nullopt;
  }
  Cidr out;
  out.prefix = static_cast<std::uint8_t>(v4 ? prefix + 96 : prefix);
  for (unsigned i = 0; i < 16; ++i) {
    unsigned bits_here = out.prefix > i * 8 ? std::min(8u, out.prefix - i * 8) : 0;
    std::uint8_t mask = bits_here == 0 ? 0 : static_cast<std::uint8_t>(0xff << (8 - bits_here));
    out.network.bytes[i] = address->bytes[i] & mask;
  }
  return out;
}

bool contains(const Cidr& range, const IpAddress& address) noexcept {
  const unsigned full = range.prefix / 8;
  for (unsigned i = 0; i < full; ++i) {
    if (range.network.bytes[i] != address.bytes[i]) return false;
  }
  const unsigned rest = range.prefix % 8;
  if (rest == 0) return true;
  const std::uint8_t mask = static_cast<std::uint8_t>(0xff << (8 - rest));
  return (address.bytes[full] & mask) == range.network.bytes[full];
}

std::string to_string(const IpAddress& address) {
  char buffer[INET6_ADDRSTRLEN];
  static constexpr std::uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(address.bytes.data(), kMapped, 12) == 0) {
    inet_ntop(AF_INET, address.bytes.data() + 12, buffer, sizeof buffer);
  } else {
    inet_ntop(AF_INET6, address.bytes.data(), buffer, sizeof buffer);
  }
  return buffer;
}

}  // namespace simpul::gateway
