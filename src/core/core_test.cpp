#include <gtest/gtest.h>

#include <set>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

using namespace simpul;

TEST(ErrorCatalogue, CodesAreUniqueAndStatusesAreErrors) {
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < error_count(); ++i) {
    auto code = error_at(i);
    EXPECT_TRUE(seen.insert(error_code_string(code)).second) << error_code_string(code);
    EXPECT_GE(error_http_status(code), 400);
    EXPECT_FALSE(error_message(code, Language::Indonesian).empty());
    EXPECT_FALSE(error_message(code, Language::English).empty());
    EXPECT_NE(error_message(code, Language::Indonesian), error_message(code, Language::English));
  }
}

TEST(Utf8, AcceptsIndonesianAndRejectsBrokenSequences) {
  EXPECT_TRUE(text::is_valid_utf8("Dinas Komunikasi dan Informatika — Balikpapan"));
  EXPECT_FALSE(text::is_valid_utf8("\xC3"));              // truncated
  EXPECT_FALSE(text::is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(text::is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(text::is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_EQ(text::utf8_length("é—a"), 3u);
}

TEST(LikePattern, EscapesWildcards) { EXPECT_EQ(text::like_pattern_contains("50%_a\\"), "%50\\%\\_a\\\\%"); }

TEST(Crypto, Sha256MatchesKnownVector) {
  crypto::init();
  EXPECT_EQ(crypto::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Crypto, IdsAreOpaqueAndValidated) {
  crypto::init();
  auto id = crypto::new_id();
  EXPECT_TRUE(crypto::looks_like_id(id));
  EXPECT_NE(id, crypto::new_id());
  EXPECT_FALSE(crypto::looks_like_id("../../etc/passwd"));
  EXPECT_FALSE(crypto::looks_like_id("1' OR '1'='1"));
}

TEST(Crypto, PasswordsUseArgon2idAndVerify) {
  crypto::init();
  auto h = crypto::hash_password("rahasia-sekali");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(crypto::verify_password(h, "rahasia-sekali"));
  EXPECT_FALSE(crypto::verify_password(h, "rahasia-sekalI"));
}

TEST(Crypto, SignaturesDetectTampering) {
  crypto::init();
  auto key = crypto::generate_signing_key();
  std::string pub(reinterpret_cast<const char*>(key.public_key.data()), key.public_key.size());
  auto sig = crypto::sign_detached(key, "checkpoint 42");
  EXPECT_TRUE(crypto::verify_detached(pub, "checkpoint 42", sig));
  EXPECT_FALSE(crypto::verify_detached(pub, "checkpoint 43", sig));
}

TEST(Clock, IsoRoundTrip) {
  auto t = clock::parse_iso("2026-11-22T16:35:58Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(clock::to_iso(*t), "2026-11-22T16:35:58Z");
  EXPECT_FALSE(clock::parse_iso("2026-11-22 16:35:58"));
  EXPECT_TRUE(clock::is_iso_date("2020-10-14"));
  EXPECT_FALSE(clock::is_iso_date("2020-13-14"));
}

TEST(Clock, LatestIndonesianDateIsTheDateInWit) {
  // Before 15:00 UTC it is the UTC date; from 15:00 UTC (midnight WIT) the next day.
  const auto before = clock::now();
  const auto latest = clock::latest_indonesian_date();
  const auto utc_date = clock::to_iso(before).substr(0, 10);
  const auto wit_date = clock::to_iso(before + std::chrono::hours(9)).substr(0, 10);
  EXPECT_TRUE(latest == wit_date || latest > wit_date) << latest;  // the clock may tick between the two reads
  EXPECT_GE(latest, utc_date);
  EXPECT_LE(latest, clock::to_iso(clock::now() + std::chrono::hours(24)).substr(0, 10));
}
