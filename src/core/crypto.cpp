#include "core/crypto.hpp"

#include <sodium.h>

#include <chrono>

#include <atomic>
#include <stdexcept>

namespace simpul::crypto {

void init() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string to_hex(std::string_view bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  out.pop_back();
  return out;
}

bool from_hex(std::string_view hex, std::string& out) {
  out.assign(hex.size() / 2, '\0');
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(), hex.size(), nullptr, &len,
                     &end) != 0 ||
      end != hex.data() + hex.size() || hex.size() % 2 != 0)
    return false;
  out.resize(len);
  return true;
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return to_hex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

std::string random_token(std::size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

namespace {
constexpr std::string_view kBase32 = "abcdefghijklmnopqrstuvwxyz234567";
constexpr std::size_t kIdLength = 20;
}  // namespace

std::string new_id() {
  // One call for all the randomness: each randombytes_uniform() may be a system call, and bulk
  // writers (a first compliance evaluation) create thousands of ids. 256 is a multiple of 32, so
  // the low five bits of each byte are uniform.
  unsigned char bytes[kIdLength];
  randombytes_buf(bytes, sizeof bytes);
  std::string id(kIdLength, 'a');
  for (std::size_t i = 0; i < kIdLength; ++i) id[i] = kBase32[bytes[i] & 31];
  return id;
}

std::string new_time_ordered_id() {
  auto ms = static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count());
  std::string id = new_id();
  for (int i = 7; i >= 0; --i, ms >>= 5)
    id[static_cast<std::size_t>(i)] = kBase32[ms & 31];  // 40 bits: until year 2004+34,000
  return id;
}

bool looks_like_id(std::string_view s) {
  if (s.size() != kIdLength) return false;
  for (char c : s)
    if (kBase32.find(c) == std::string_view::npos) return false;
  return true;
}

bool equal_secret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

namespace {
std::atomic<bool> g_minimum_cost{false};
}  // namespace

void use_minimum_password_cost_for_tests() { g_minimum_cost = true; }

std::string hash_password(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  bool min = g_minimum_cost.load();
  if (crypto_pwhash_str_alg(
          out, password.data(), password.size(), min ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
          min ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
  std::string h(stored_hash);  // libsodium wants a NUL-terminated string
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

SigningKey generate_signing_key() {
  SigningKey key;
  crypto_sign_keypair(key.public_key.data(), key.secret.data());
  return key;
}

std::string sign_detached(const SigningKey& key, std::string_view message) {
  std::string sig(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(sig.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(), key.secret.data());
  return sig;
}

bool verify_detached(std::string_view public_key, std::string_view message, std::string_view signature) {
  if (public_key.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES) return false;
  return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.data()),
                                     reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                     reinterpret_cast<const unsigned char*>(public_key.data())) == 0;
}

}  // namespace simpul::crypto

namespace simpul::crypto {

std::string to_base64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

bool from_base64(std::string_view text, std::string& out) {
  out.assign(text.size() / 4 * 3 + 3, '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return false;
  out.resize(len);
  return true;
}

}  // namespace simpul::crypto
