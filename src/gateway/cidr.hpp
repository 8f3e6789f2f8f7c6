#pragma once
// IPv4 and IPv6 addresses and CIDR ranges for the gateway's source-network check (issue 7).
// Every address is held as 16 bytes: IPv4 as its IPv4-mapped IPv6 form (::ffff:a.b.c.d), so an
// IPv4 range also matches a client that arrives on a dual-stack socket as ::ffff:a.b.c.d, and
// "0.0.0.0/0" (= ::ffff:0:0/96) matches every IPv4 client but no native IPv6 one; "::/0" matches all.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace simpul::gateway {

struct IpAddress {
  std::array<std::uint8_t, 16> bytes{};
  bool operator==(const IpAddress&) const = default;
};

struct Cidr {
  IpAddress network;        // host bits cleared
  std::uint8_t prefix = 0;  // 0-128, in IPv6 terms (an IPv4 /24 is stored as /120)
};

/// "192.0.2.7", "2001:db8::1", "::ffff:192.0.2.7". No zone ids, no brackets.
std::optional<IpAddress> parse_ip(std::string_view text);
/// "192.0.2.0/24", "2001:db8::/32", or a bare address (= /32 or /128). Host bits may be set; they are
/// cleared. Rejects prefixes above 32 (IPv4) or 128 (IPv6) and malformed text.
std::optional<Cidr> parse_cidr(std::string_view text);
/// No allocation, no branches on data beyond the prefix length.
bool contains(const Cidr& range, const IpAddress& address) noexcept;
std::string to_string(const IpAddress& address);

}  // namespace simpul::gateway
