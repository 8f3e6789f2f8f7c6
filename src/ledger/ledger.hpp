#pragma once
// The tamper-evident audit trail. Every state change appends one entry in the same transaction as
// the change; entries form a SHA-256 hash chain; the chain head is signed with every append and
// every `checkpoint_every` entries a checkpoint keeps a signature for good, all with the instance's
// Ed25519 key, kept outside the database. After each commit a signed high-water mark (the newest
// sequence number and hash) is written to a file beside the key, so a ledger cut back in the
// database alone is detected even when the later checkpoints are deleted too (docs/operations.md).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "core/context.hpp"
#include "core/crypto.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::ledger {

/// What a service records about one state change.
struct Change {
  std::string tenant_id;  // empty for instance-level changes
  std::string actor_id;   // user id, or "system" / "cli"
  std::string actor_name;
  std::string action;       // "agency.create", "team.member_add", ...
  std::string object_type;  // "agency", "user", ...
  std::string object_id;
  boost::json::value details;  // what changed (never secrets); its SHA-256 is the entry digest
};

/// A change `actor` made in `scope`'s tenant: what every service passes to append().
inline Change change_in(const Scope& scope, const Actor& actor, std::string action, std::string object_type,
                        std::string object_id, boost::json::value details) {
  return {scope.tenant_id,      actor.id,          actor.name, std::move(action), std::move(object_type),
          std::move(object_id), std::move(details)};
}

struct Entry {
  std::int64_t seq = 0;
  std::string at;
  std::string tenant_id;
  std::string actor_id;
  std::string actor_name;
  std::string action;
  std::string object_type;
  std::string object_id;
  std::string details;  // canonical JSON text
  std::string digest;   // sha256(details)
  std::string prev_hash;
  std::string hash;
};

struct Problem {
  std::int64_t seq = 0;
  std::string kind;     // "edited" | "deleted" | "reordered" | "bad_signature"
  std::string message;  // English, for logs and the CLI
};

/// The newest (seq, hash) this instance saw committed, signed, kept outside the database.
struct HighWaterMark {
  std::int64_t seq = 0;
  std::string hash;
  std::string at;
  std::string signature;  // hex Ed25519 over mark_message(seq, hash, at)
};

struct VerifyResult {
  bool ok = true;
  std::int64_t entries_checked = 0;
  std::int64_t checkpoints_checked = 0;
  std::optional<Problem> first_problem;
  /// The high-water mark compared against the chain; absent when no mark file exists.
  std::optional<HighWaterMark> high_water_mark;
  /// Not failures, but weaker guarantees than usual (e.g. no mark file to compare with).
  std::vector<std::string> warnings;
};

struct Page {
  std::vector<Entry> items;
  std::int64_t total = 0;
};

/// Loads the signing key from `path`, creating it (mode 0600) when absent.
crypto::SigningKey load_or_create_key(const std::filesystem::path& path);

class Ledger {
 public:
  /// `mark_path`: where the signed high-water mark is kept (empty = none, e.g. unit tests).
  explicit Ledger(crypto::SigningKey key, std::int64_t checkpoint_every = 100, std::filesystem::path mark_path = {});

  static std::vector<storage::Migration> migrations();

  /// Appends inside the caller's open write transaction on `conn`.
  Entry append(storage::Connection& conn, const Change& change) const;
  /// Signs the current head now (e.g. at shutdown or before an export); no-op when already signed.
  void checkpoint(storage::Connection& conn) const;
  /// Walks the whole chain, every checkpoint, the signed head and the high-water mark; pinpoints the
  /// first edited, deleted or reordered entry.
  VerifyResult verify(storage::Connection& conn) const;
  /// The mark file's content, when there is a readable one.
  std::optional<HighWaterMark> read_mark() const;
  /// Newest first; tenant_id empty = all tenants (instance administrators and the CLI only).
  /// `search` matches the actor's name, the action, the object id or any text inside the change.
  Page list(storage::Connection& conn, const std::string& tenant_id, std::int64_t limit, std::int64_t offset,
            const std::string& search = "") const;

  std::string public_key_hex() const;
  /// Ed25519 signature (hex) of `message` with the instance key: official outputs such as letters.
  std::string sign_hex(std::string_view message) const;

 private:
  void write_mark(std::int64_t seq, const std::string& hash) const;

  crypto::SigningKey key_;
  std::int64_t checkpoint_every_;
  std::filesystem::path mark_path_;
  struct MarkState;
  std::shared_ptr<MarkState> mark_;  // serialises mark writes; shared so Ledger stays copyable
};

}  // namespace simpul::ledger
