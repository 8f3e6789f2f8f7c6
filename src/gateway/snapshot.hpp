#pragma once
// The compiled, immutable configuration the data plane decides with, and the holder that swaps it
// atomically (issue 7; docs/gateway.md "Data plane decisions").
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "gateway/cidr.hpp"
#include "gateway/config.hpp"

namespace simpul::gateway {

struct CompiledGrant {
  std::string path_prefix;        // relative to the service prefix; empty = whole service
  std::uint32_t method_mask = 0;  // method_bit() values; 0 = every method
};

struct CompiledService {
  const ServiceConfig* config = nullptr;  // into CompiledConfig::source
  std::vector<Cidr> networks;
};

/// Grants of one consumer for one service, [begin, end) in CompiledConfig::grants.
struct GrantRange {
  std::uint32_t service = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint64_t limiter_key = 0;  // pair_key(consumer id, service id)
};

/// Lookup tables built once per published configuration; read-only afterwards, so any number of
/// threads may use one concurrently.
struct CompiledConfig {
  std::shared_ptr<const Config> source;
  std::vector<CompiledService> services;                                // same order as source->services
  std::vector<std::uint32_t> services_by_prefix;                        // longest prefix first
  std::unordered_map<std::string, std::uint32_t> consumer_by_key_hash;  // hex SHA-256 -> consumer index
  std::vector<std::vector<GrantRange>> grants_by_consumer;              // per consumer, sorted by service
  std::vector<CompiledGrant> grants;
  /// Per consumer, the registered client certificate fingerprints (lowercase hex), sorted; empty =
  /// no mutual TLS required.
  std::vector<std::vector<std::string>> client_certs_by_consumer;

  /// Index of the service whose prefix matches `path` on a segment boundary, longest first; -1 if none.
  int find_service(std::string_view path) const noexcept;
  /// The consumer's grants for the service, or nullptr (deny by default).
  const GrantRange* find_grants(std::uint32_t consumer, std::uint32_t service) const noexcept;
};

/// Validates (throws std::invalid_argument listing every problem) and builds the tables.
std::shared_ptr<const CompiledConfig> compile(std::shared_ptr<const Config> config);

/// Holds the current snapshot. publish() is called by the control plane (rarely); current() by
/// every request.
///
/// Memory ordering: publish() stores with memory_order_release after the snapshot is fully built;
/// current() loads with memory_order_acquire, so a reader that sees the new pointer also sees every
/// write that built the tables. A reader keeps its shared_ptr for the whole request, so one request
/// is decided against exactly one snapshot, and the old snapshot is freed by whichever thread drops
/// the last reference. Note: libstdc++ 12 implements std::atomic<std::shared_ptr> with a spin bit
/// in the control-block pointer held only while the reference count is incremented (a few
/// instructions; no mutex, no syscall, no allocation); it is not formally lock-free
/// (is_lock_free() == false), but readers never wait on a snapshot being built.
class SnapshotHolder {
 public:
  SnapshotHolder();  // starts with an empty configuration: every request is refused
  /// Compiles and swaps in `config`; throws std::invalid_argument (and keeps the old snapshot)
  /// when it is invalid.
  void publish(std::shared_ptr<const Config> config);
  std::shared_ptr<const CompiledConfig> current() const noexcept { return current_.load(std::memory_order_acquire); }
  /// Incremented (release) after every publish(); lets SnapshotCache skip current() when unchanged.
  std::uint64_t generation() const noexcept { return generation_.load(std::memory_order_acquire); }

 private:
  std::atomic<std::shared_ptr<const CompiledConfig>> current_;
  std::atomic<std::uint64_t> generation_{0};
};

/// One per data-plane thread (not shared): current() from every thread makes all of them write
/// the same control block (reference count and spin bit), which costs more than the decision
/// when two cores do it. The cache reads only the generation counter (a shared, read-mostly cache
/// line) and calls current() after a publish. The reference returned stays valid until the next
/// get() on this cache; a request that outlives it (waiting on its upstream) copies the shared_ptr.
class SnapshotCache {
 public:
  explicit SnapshotCache(const SnapshotHolder& holder) : holder_(&holder) {}
  const std::shared_ptr<const CompiledConfig>& get() noexcept {
    const std::uint64_t g = holder_->generation();
    if (g != generation_ || !snapshot_) {
      // Acquire on generation_ then on current_: we see the snapshot of generation g or a newer one
      // (then the next get() reloads once more, harmlessly).
      snapshot_ = holder_->current();
      generation_ = g;
    }
    return snapshot_;
  }

 private:
  const SnapshotHolder* holder_;
  std::uint64_t generation_ = 0;
  std::shared_ptr<const CompiledConfig> snapshot_;
};

}  // namespace simpul::gateway
