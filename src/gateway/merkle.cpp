#include "gateway/merkle.hpp"

#include <openssl/evp.h>
#include <sodium.h>

#include <algorithm>

namespace simpul::gateway::merkle {

namespace {

struct Digest {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~Digest() { EVP_MD_CTX_free(ctx); }
};

}  // namespace

Hash sha256(std::string_view a, std::string_view b) {
  static const EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);  // once: no lookup per hash
  thread_local Digest d;
  Hash out;
  unsigned int len = 0;
  if (md && d.ctx && EVP_DigestInit_ex2(d.ctx, md, nullptr) == 1 && EVP_DigestUpdate(d.ctx, a.data(), a.size()) == 1 &&
      EVP_DigestUpdate(d.ctx, b.data(), b.size()) == 1 && EVP_DigestFinal_ex(d.ctx, out.data(), &len) == 1 && len == 32)
    return out;
  // OpenSSL unavailable (no provider, out of memory): the same digest from libsodium.
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(a.data()), a.size());
  crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(b.data()), b.size());
  crypto_hash_sha256_final(&st, out.data());
  return out;
}

Hash leaf_hash(std::string_view data) { return sha256(std::string_view("\0", 1), data); }

Hash node_hash(const Hash& left, const Hash& right) {
  unsigned char buf[65];
  buf[0] = 0x01;
  std::copy(left.begin(), left.end(), buf + 1);
  std::copy(right.begin(), right.end(), buf + 33);
  return sha256(std::string_view(reinterpret_cast<const char*>(buf), sizeof buf));
}

namespace {
// Replaces `level` by the next one up: pairs hashed, a last odd node promoted.
void up(std::vector<Hash>& level) {
  std::size_t n = level.size(), w = 0;
  for (std::size_t i = 0; i < n; i += 2) level[w++] = i + 1 < n ? node_hash(level[i], level[i + 1]) : level[i];
  level.resize(w);
}
}  // namespace

Hash root(std::vector<Hash> leaves) {
  if (leaves.empty()) return Hash{};
  while (leaves.size() > 1) up(leaves);
  return leaves[0];
}

std::vector<Step> path(std::vector<Hash> leaves, std::size_t index) {
  std::vector<Step> steps;
  if (index >= leaves.size()) return steps;
  while (leaves.size() > 1) {
    std::size_t sib = index ^ 1;
    if (sib < leaves.size()) steps.push_back({leaves[sib], sib < index});
    up(leaves);
    index /= 2;
  }
  return steps;
}

Hash fold(Hash leaf, const std::vector<Step>& path) {
  for (const auto& s : path) leaf = s.sibling_on_left ? node_hash(s.sibling, leaf) : node_hash(leaf, s.sibling);
  return leaf;
}

std::string to_hex(const Hash& h) {
  char buf[65];
  sodium_bin2hex(buf, sizeof buf, h.data(), h.size());
  return std::string(buf, 64);
}

bool from_hex(std::string_view hex, Hash& out) {
  if (hex.size() != 64) return false;
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &len, &end) != 0) return false;
  return len == 32 && end == hex.data() + hex.size();
}

}  // namespace simpul::gateway::merkle
