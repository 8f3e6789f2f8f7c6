// Regression tests for gateway/cidr.cpp found by fuzzing (fuzz/gateway_config_fuzz.cpp).
#include <gtest/gtest.h>

#include <string_view>

#include "gateway/cidr.hpp"
#include "gateway/config.hpp"

using namespace simpul::gateway;
using namespace std::string_literals;

// inet_pton() stops at a NUL byte, so an address with an embedded NUL used to parse as its prefix:
// "0.0.0.0\0junk/0" validated as 0.0.0.0/0 (everyone) while a reviewer sees something else.
TEST(CidrRegression, EmbeddedNulIsRejected) {
  EXPECT_FALSE(parse_ip("::\0\0"s));
  EXPECT_FALSE(parse_ip("10.0.0.1\0"s));
  EXPECT_FALSE(parse_ip("10.0.0.1\0junk"s));
  EXPECT_FALSE(parse_cidr("0.0.0.0\0junk/0"s));
  EXPECT_FALSE(parse_cidr("2001:db8::\0/32"s));
  EXPECT_TRUE(parse_cidr("0.0.0.0/0"));
  EXPECT_TRUE(parse_cidr("2001:db8::/32"));
  EXPECT_TRUE(parse_cidr("::FFFF:192.0.2.7/120"));

  Config config;
  ServiceConfig s;
  s.id = "s";
  s.path_prefix = "/svc";
  s.allowed_networks = {"0.0.0.0\0junk/0"s};
  config.services.push_back(s);
  EXPECT_EQ(validate(config).size(), 1u);
}

TEST(CidrRegression, OnlyAddressCharactersAreAccepted) {
  for (std::string_view bad : {" 10.0.0.1", "10.0.0.1 ", "10.0.0.1\n", "fe80::1%eth0", "[::1]", "+10.0.0.1"}) {
    EXPECT_FALSE(parse_ip(bad)) << bad;
  }
}
