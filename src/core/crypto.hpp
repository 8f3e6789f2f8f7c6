#pragma once
// Thin wrappers over libsodium: hashing, randomness and Ed25519 signatures.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace simpul::crypto {

/// Must be called once before any other function (idempotent, thread-safe).
void init();

std::string sha256_hex(std::string_view data);
std::string to_hex(std::string_view bytes);
/// Returns false when `hex` is not valid hex of the right length.
bool from_hex(std::string_view hex, std::string& out);

/// Standard base64 with padding: binary content kept in text columns (Repositori files, letters).
std::string to_base64(std::string_view bytes);
/// Returns false when `text` is not valid standard base64.
bool from_base64(std::string_view text, std::string& out);

/// Random bytes rendered URL-safe (base64url, no padding): for session and API tokens.
std::string random_token(std::size_t bytes = 32);
/// Public ids: 20 lowercase base32 characters (100 bits), opaque and safe in paths.
std::string new_id();
/// Like new_id(), but the first 8 characters encode the creation time in milliseconds, so ids
/// created together sort together: bulk inserts then append to the primary-key index instead of
/// touching random pages of a large table. Only for records whose creation time is not secret.
std::string new_time_ordered_id();
/// True for strings shaped like our ids (lowercase base32, 20 chars); rejects traversal and SQL text early.
bool looks_like_id(std::string_view s);

/// Constant-time comparison for secrets.
bool equal_secret(std::string_view a, std::string_view b);

/// argon2id (libsodium's crypto_pwhash_str) with interactive limits.
std::string hash_password(std::string_view password);
/// Test suites create hundreds of users; this switches hashing to libsodium's minimum cost.
/// Still argon2id, and verification reads the cost from each stored hash.
void use_minimum_password_cost_for_tests();
bool verify_password(std::string_view stored_hash, std::string_view password);

struct SigningKey {
  std::array<unsigned char, 64> secret{};
  std::array<unsigned char, 32> public_key{};
};
SigningKey generate_signing_key();
std::string sign_detached(const SigningKey& key, std::string_view message);  // 64-byte signature
bool verify_detached(std::string_view public_key, std::string_view message, std::string_view signature);

}  // namespace simpul::crypto
