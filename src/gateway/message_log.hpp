#pragma once
// The gateway's message log for non-repudiation (issue 7 item 3; docs/gateway.md, "Message log"):
// every exchange is one hash-chained record in a segment file of a directory, and every batch of
// records is closed by a line with the Merkle root of its record hashes, signed with the gateway's
// Ed25519 key, so one exchange can be proven later with an inclusion proof.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/crypto.hpp"
#include "gateway/merkle.hpp"

namespace simpul::gateway {

/// One exchange through the gateway. Text fields are stored as UTF-8 (invalid bytes become U+FFFD).
struct ExchangeRecord {
  std::uint64_t seq = 0;     // assigned by MessageLog::append, from 1
  std::int64_t time_us = 0;  // UTC, microseconds since the Unix epoch
  std::string request_id;
  std::string consumer_id;
  std::string service_id;
  std::string method;
  std::string path;
  int status = 0;
  std::uint64_t request_bytes = 0;
  std::uint64_t response_bytes = 0;
  std::uint64_t total_us = 0;
  std::uint64_t upstream_us = 0;
  std::string request_sha256;   // hex of the request body's SHA-256
  std::string response_sha256;  // hex of the response body's SHA-256
  bool bodies_stored = false;   // the bodies were kept elsewhere (off by default, classified data)

  bool operator==(const ExchangeRecord&) const = default;
};

/// The canonical form that is hashed: one JSON object, fixed field order, no spaces.
std::string canonical(const ExchangeRecord& r);
/// SHA-256(prev_hash (32 raw bytes) || canonical(r)).
merkle::Hash record_hash(const merkle::Hash& prev_hash, const ExchangeRecord& r);
/// The bytes a batch signature covers.
std::string batch_message(std::uint64_t batch, std::uint64_t first_seq, std::uint64_t last_seq,
                          const merkle::Hash& root);
/// First 16 hex characters of SHA-256(public key): names the key in batch lines.
std::string key_id(std::string_view public_key);

enum class LogStatus { ok, closed, io_error };

/// The signed high-water mark of a log (docs/gateway.md, "High-water mark"): the newest batch on
/// disk, kept in a small file apart from the segments and replaced (temporary file, then rename)
/// by every flush(), rotate() and close() that follows a signed batch, once that batch is on disk.
/// verify_log checks that the log reaches it, so cutting off the newest records or batches, or a
/// whole newest segment, is detected.
struct LogHead {
  std::uint64_t batch = 0;     // number of the newest signed batch on disk
  std::uint64_t last_seq = 0;  // its last record
  std::string last_hash;       // hex hash of that record: the head of the chain
  std::string root;            // hex Merkle root of the batch
  std::string segment;         // file name of the segment that holds the batch
  std::int64_t time_us = 0;    // when the mark was signed (UTC, microseconds since the epoch)
  std::string key_id;
  std::string signature;  // hex Ed25519 over head_message()
};
/// The bytes a high-water mark's signature covers.
std::string head_message(const LogHead& h);
std::string to_json(const LogHead& h);
/// nullopt when `json` is not a well-formed mark (any field missing, extra or of the wrong type).
std::optional<LogHead> head_from_json(std::string_view json);
/// Where the mark of the log in `dir` is kept by default: beside the directory, as
/// `<parent>/<name>-head.json` (`<data-dir>/gateway/log-head.json` for the gateway's own log), so
/// that a retention or clean-up of the segment folder never takes it along.
std::filesystem::path head_path_of(const std::filesystem::path& log_dir);
/// "2026-05-01T03:00:00Z".
std::string utc_time(std::int64_t time_us);

struct MessageLogOptions {
  std::size_t batch_size = 1024;  // records per signed batch
  /// A batch is also closed by the first append after its oldest record is this old (zero: never).
  std::chrono::milliseconds max_batch_age{1000};
  std::size_t buffer_bytes = 1 << 20;  // stdio buffer of the segment file
  /// Also fsyncs the high-water mark and the directories whose entries changed.
  bool fsync_on_flush = true;
  std::filesystem::path head_path;  // the high-water mark; empty: head_path_of(dir)
};

/// Writer. Every member is thread-safe (one mutex); append never throws and never blocks on the
/// disk except when the stdio buffer fills.
class MessageLog {
 public:
  /// Opens `dir` (created if missing) and continues the chain of its segments in a new segment;
  /// records a crash left without a batch line are signed first. Returns nullptr and sets `error`
  /// when the directory cannot be read or written, and when the log ends before its high-water
  /// mark says (records were removed: the evidence is left as it is for verify_log and a human)
  /// or the mark is unreadable or not signed with `key`. A log with batches but no mark (one
  /// written before marks existed, or whose mark was removed) gets a new mark, with the warning
  /// gateway.log_head_missing in the service log.
  static std::unique_ptr<MessageLog> open(const std::filesystem::path& dir, const crypto::SigningKey& key,
                                          MessageLogOptions options, std::string* error = nullptr);
  ~MessageLog();
  MessageLog(const MessageLog&) = delete;
  MessageLog& operator=(const MessageLog&) = delete;

  /// Assigns the next seq to `record` (also written back when `assigned_seq` is given) and appends it.
  [[nodiscard]] LogStatus append(const ExchangeRecord& record, std::uint64_t* assigned_seq = nullptr) noexcept;
  /// Signs the open batch (if any), writes everything to the file (fsync when configured), then
  /// updates the high-water mark. io_error without a lasting failure when only the mark could not
  /// be written (the next flush tries again).
  [[nodiscard]] LogStatus flush() noexcept;
  /// Closes the open batch and the segment and starts the next segment; no record is lost or
  /// repeated. Updates the high-water mark like flush().
  [[nodiscard]] LogStatus rotate() noexcept;
  /// flush() and close the file; later calls return LogStatus::closed.
  [[nodiscard]] LogStatus close() noexcept;

  std::uint64_t last_seq() const;
  std::filesystem::path current_segment() const;

 private:
  /// The newest batch written to the segment: what the next high-water mark will name.
  struct SignedBatch {
    std::uint64_t batch = 0, last_seq = 0;
    merkle::Hash last_hash{}, root{};
    std::string segment;
  };

  MessageLog() = default;
  LogStatus close_batch_locked() noexcept;
  LogStatus open_segment_locked() noexcept;
  bool write_locked(const std::string& line) noexcept;
  /// Replaces the mark with one naming `b` (a batch already on disk) unless it names `b` or a
  /// newer batch already. Takes head_mutex_ only: never called with mutex_ held, so appends go on
  /// while the mark is signed and written.
  LogStatus write_head(const SignedBatch& b) noexcept;

  mutable std::mutex mutex_;
  std::filesystem::path dir_;
  crypto::SigningKey key_;
  std::string key_id_;
  MessageLogOptions options_;
  std::FILE* file_ = nullptr;
  std::vector<char> buffer_;
  std::filesystem::path segment_path_;
  std::uint64_t segment_number_ = 0;
  std::uint64_t next_seq_ = 1;
  std::uint64_t next_batch_ = 1;
  merkle::Hash prev_hash_{};
  std::vector<merkle::Hash> pending_;  // leaf hashes of the open batch
  std::uint64_t pending_first_seq_ = 0;
  std::chrono::steady_clock::time_point pending_since_{};
  std::string line_;  // reused to avoid an allocation per record
  bool failed_ = false;
  SignedBatch last_signed_;  // under mutex_

  std::filesystem::path head_path_;
  std::mutex head_mutex_;
  std::uint64_t head_batch_ = 0;  // batch named by the mark on disk (under head_mutex_)
};

/// Segment files of `dir`, in order (names sort: segment-00000001.log, ...).
std::vector<std::filesystem::path> list_segments(const std::filesystem::path& dir);

/// Everything needed to prove one exchange to a third party holding the gateway's public key.
struct InclusionProof {
  ExchangeRecord record;
  std::string prev_hash;  // hex
  std::string hash;       // hex, record_hash(prev_hash, record)
  std::uint64_t batch = 0, first_seq = 0, last_seq = 0;
  std::string root;       // hex
  std::string signature;  // hex, Ed25519 over batch_message(...)
  std::string key_id;
  struct Step {
    std::string sibling;  // hex
    bool sibling_on_left = false;
  };
  std::vector<Step> path;
};

std::string to_json(const InclusionProof& p);
/// Returns nullopt when `json` is not a well-formed proof.
std::optional<InclusionProof> proof_from_json(std::string_view json);

/// Reads the log and builds the proof of record `seq`; nullopt (with `why`) when the record is
/// missing, not yet in a signed batch, or its segment is unreadable. Never throws.
std::optional<InclusionProof> prove(const std::filesystem::path& dir, std::uint64_t seq, std::string* why = nullptr);

struct ProofCheck {
  bool ok = false;
  std::string problem;  // empty when ok
};
/// Recomputes the record hash, the path to the root and checks the signature with `public_key`
/// (32 raw bytes). Never throws.
ProofCheck verify_proof(const InclusionProof& proof, std::string_view public_key);

/// The first problem verify_log found.
struct LogProblem {
  std::string segment;    // file name
  std::size_t line = 0;   // 1-based
  std::uint64_t seq = 0;  // the record concerned (0 when unknown)
  std::string what;
};
struct LogReport {
  std::uint64_t records = 0, batches = 0, segments = 0;
  std::optional<LogProblem> problem;
  std::filesystem::path head_path;  // the high-water mark that was read (or looked for)
  std::optional<LogHead> head;      // set when it exists and its signature is valid
  bool ok() const { return !problem; }
};
/// Walks every segment: seq without gaps from 1, chain intact (also across segments), every batch
/// root recomputed and its signature valid for `public_key`, every record inside a signed batch
/// (except, with `allow_open_batch`, the last records of the last segment: a live log). Then the
/// high-water mark (`head_path`, default head_path_of(dir); read first, so a log still being
/// written only grows past it): its signature must be valid for `public_key`, the batch it names
/// must be in the log with the same range, root and chain head, and nothing below it may be
/// missing ("records after N are missing; the high-water mark signed at T says M"). A log with at
/// least one batch and no mark is a problem too: its end could not be checked. Never throws.
LogReport verify_log(const std::filesystem::path& dir, std::string_view public_key, bool allow_open_batch = false,
                     const std::filesystem::path& head_path = {});

}  // namespace simpul::gateway
