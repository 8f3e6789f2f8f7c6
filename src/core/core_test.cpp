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

TEST(Clock, ReadsTheStoredFormExactlyAndOutOfRangeFieldsAsTimegmDoes) {
  // Every second of a few days across a year's end and a leap day reads back as written.
  for (const char* iso : {"1970-01-01T00:00:00Z", "2026-12-31T23:59:59Z", "2027-01-01T00:00:00Z",
                          "2028-02-29T12:00:01Z", "2099-06-15T07:08:09Z"}) {
    auto t = clock::parse_iso(iso);
    ASSERT_TRUE(t) << iso;
    EXPECT_EQ(clock::to_iso(*t), iso);
  }
  // Day 30 of February and day 0 roll over, as timegm did before the fast path.
  EXPECT_EQ(clock::to_iso(*clock::parse_iso("2026-02-30T00:00:00Z")), "2026-03-02T00:00:00Z");
  EXPECT_EQ(clock::to_iso(*clock::parse_iso("2026-03-00T10:00:00Z")), "2026-02-28T10:00:00Z");
  EXPECT_FALSE(clock::parse_iso("2026-1x-22T16:35:58Z"));
  EXPECT_FALSE(clock::parse_iso("2026-11-22T16:35:58+07"));
}

TEST(Clock, WholeDaysAddAndCountAcrossMonthsYearsAndLeapDays) {
  EXPECT_EQ(clock::plus_days("2026-12-25", 7), "2027-01-01");
  EXPECT_EQ(clock::plus_days("2028-03-01", -1), "2028-02-29");
  EXPECT_EQ(clock::plus_days("bukan tanggal", 3), "bukan tanggal");
  EXPECT_EQ(clock::days_between("2026-12-06", "2027-01-05"), 30);
  EXPECT_EQ(clock::days_between("2027-01-05", "2026-12-06"), -30);
  EXPECT_EQ(clock::days_between("2026-12-06", "x"), 0);
}

TEST(Clock, LocalDatesTurnAtEachZonesMidnight) {
  auto at = [](const char* iso) { return *clock::parse_iso(iso); };
  // Midnight WIT (UTC+9) is 15:00 UTC, WITA (UTC+8) 16:00 UTC, WIB (UTC+7) 17:00 UTC.
  EXPECT_EQ(clock::local_date(at("2026-12-05T14:59:59Z"), 9), "2026-12-05");
  EXPECT_EQ(clock::local_date(at("2026-12-05T15:00:00Z"), 9), "2026-12-06");
  EXPECT_EQ(clock::local_date(at("2026-12-05T15:59:59Z"), 8), "2026-12-05");
  EXPECT_EQ(clock::local_date(at("2026-12-05T16:00:00Z"), 8), "2026-12-06");
  EXPECT_EQ(clock::local_date(at("2026-12-05T16:59:59Z"), 7), "2026-12-05");
  EXPECT_EQ(clock::local_date(at("2026-12-05T17:00:00Z"), 7), "2026-12-06");
  // New year and a leap day in WIB.
  EXPECT_EQ(clock::local_date(at("2026-12-31T17:00:00Z"), 7), "2027-01-01");
  EXPECT_EQ(clock::local_date(at("2028-02-28T17:00:00Z"), 7), "2028-02-29");
}

TEST(Clock, LatestIndonesianDateIsNeverBeforeAnyZonesDate) {
  // A date entered as "today" anywhere in Indonesia is never after it.
  const auto before = clock::now();
  const auto latest = clock::latest_indonesian_date();
  for (int offset : {7, 8, 9}) EXPECT_GE(latest, clock::local_date(before, offset)) << offset;
  EXPECT_LE(latest, clock::local_date(clock::now(), 9));
}
