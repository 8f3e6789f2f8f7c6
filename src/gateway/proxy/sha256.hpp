#pragma once
// Incremental SHA-256 over a body as it streams through (OpenSSL EVP), for the message log.
#include <openssl/evp.h>

#include <string>
#include <string_view>

namespace simpul::gateway::proxy {

class Sha256 {
 public:
  Sha256() : ctx_(EVP_MD_CTX_new()) { reset(); }
  ~Sha256() { EVP_MD_CTX_free(ctx_); }
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  // The algorithm is fetched once: with the legacy EVP_sha256() handle OpenSSL 3 fetches it from
  // the provider store (a read lock on a shared store) on every init, i.e. on every exchange.
  void reset() noexcept { EVP_DigestInit_ex(ctx_, md(), nullptr); }
  void update(const void* data, std::size_t n) noexcept {
    if (n) EVP_DigestUpdate(ctx_, data, n);
  }
  /// Lowercase hex of the digest; the context is reset for the next body.
  std::string hex() {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned len = 0;
    EVP_DigestFinal_ex(ctx_, md, &len);
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(len * 2, '0');
    for (unsigned i = 0; i < len; ++i) {
      out[2 * i] = kDigits[md[i] >> 4];
      out[2 * i + 1] = kDigits[md[i] & 15];
    }
    reset();
    return out;
  }
  static std::string of(std::string_view data) {
    Sha256 h;
    h.update(data.data(), data.size());
    return h.hex();
  }

 private:
  static const EVP_MD* md() noexcept {
    static const EVP_MD* const fetched = [] {
      const EVP_MD* m = EVP_MD_fetch(nullptr, "SHA256", nullptr);
      return m ? m : EVP_sha256();
    }();
    return fetched;
  }
  EVP_MD_CTX* ctx_;
};

}  // namespace simpul::gateway::proxy
