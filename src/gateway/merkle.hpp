#pragma once
// Binary Merkle tree over 32-byte hashes, with domain separation (RFC 6962 style prefixes) and an
// odd node promoted to the next level unchanged (never duplicated: duplication lets two different
// leaf lists share a root, CVE-2012-2459). docs/gateway.md, "Message log".
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace simpul::gateway::merkle {

using Hash = std::array<unsigned char, 32>;

/// SHA-256(a || b) with OpenSSL (SHA-NI where the CPU has it: several times libsodium's portable
/// code on ~600-byte records). Thread-safe: one reused digest context per thread.
Hash sha256(std::string_view a, std::string_view b = {});
/// SHA-256(0x00 || data): the hash of a leaf.
Hash leaf_hash(std::string_view data);
/// SHA-256(0x01 || left || right): the hash of an inner node.
Hash node_hash(const Hash& left, const Hash& right);

/// The root over leaf hashes (already passed through leaf_hash). All zeros for an empty list.
Hash root(std::vector<Hash> leaves);

/// One step of an inclusion path: the sibling and on which side of the running hash it sits.
struct Step {
  Hash sibling{};
  bool sibling_on_left = false;
};

/// The path from leaf `index` to the root; levels where the node was promoted add no step.
std::vector<Step> path(std::vector<Hash> leaves, std::size_t index);
/// Folds `path` over `leaf` and returns the root it leads to.
Hash fold(Hash leaf, const std::vector<Step>& path);

std::string to_hex(const Hash& h);
/// False when `hex` is not 64 hex characters.
bool from_hex(std::string_view hex, Hash& out);

}  // namespace simpul::gateway::merkle
