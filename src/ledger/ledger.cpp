#include "ledger/ledger.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "core/text.hpp"

namespace simpul::ledger {
namespace {

/// The high-water mark's size on disk: its JSON padded to one disk sector (write_mark).
constexpr std::size_t kMarkRecordBytes = 512;

const std::string kGenesis(64, '0');

/// The mark a write transaction leaves once committed: its last entry.
struct TransactionMark {
  std::int64_t seq;
  std::string hash;
};

/// The write transaction open on this thread that appended to a ledger, while it is open: the
/// pending mark dies with the transaction's commit hooks (run, or dropped by a rollback), so an
/// expired pointer means a new transaction. One thread runs one write transaction at a time.
struct OpenMark {
  const storage::Connection* conn = nullptr;
  const void* state = nullptr;  // the ledger's MarkState: one pending mark per ledger
  std::weak_ptr<TransactionMark> mark;
};
thread_local OpenMark open_mark;
constexpr std::int64_t kVerifyPage = 1000;

std::string entry_hash(const Entry& e) {
  // Every field but seq: the position of an entry is proven by the prev_hash links.
  boost::json::array fields{e.at,          e.tenant_id, e.actor_id, e.actor_name, e.action,
                            e.object_type, e.object_id, e.digest,   e.prev_hash};
  return crypto::sha256_hex(boost::json::serialize(fields));
}

std::string checkpoint_message(std::int64_t seq, const std::string& hash) {
  return "simpul-ledger-checkpoint\n" + std::to_string(seq) + "\n" + hash;
}

// A different prefix per kind of signed statement, so a head signature can never pass as a mark.
std::string head_message(std::int64_t seq, const std::string& hash) {
  return "simpul-ledger-head\n" + std::to_string(seq) + "\n" + hash;
}

std::string mark_message(std::int64_t seq, const std::string& hash, const std::string& at) {
  return "simpul-ledger-high-water-mark\n" + std::to_string(seq) + "\n" + hash + "\n" + at;
}

constexpr const char* kEntryCols =
    "SELECT seq, at, tenant_id, actor_id, actor_name, action, object_type, object_id, details, digest, prev_hash, hash "
    "FROM ledger_entries ";

Entry entry_from(const storage::Row& r) {
  return {r.int_at(0),  r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4),  r.text_at(5),
          r.text_at(6), r.text_at(7), r.text_at(8), r.text_at(9), r.text_at(10), r.text_at(11)};
}

std::string raw(const unsigned char* p, std::size_t n) { return std::string(reinterpret_cast<const char*>(p), n); }

struct Head {
  std::int64_t seq;
  std::string hash;
  std::string signature;
};

std::optional<Head> find_head(storage::Connection& conn) {
  auto rows = conn.query("SELECT seq, hash, signature FROM ledger_head WHERE id = 1");
  if (rows.empty()) return std::nullopt;
  return Head{rows[0].int_at(0), rows[0].text_at(1), rows[0].text_at(2)};
}

Head read_head(storage::Connection& conn) {
  auto head = find_head(conn);
  // Seeded by the migration and never deleted by us: its absence means an unmigrated or tampered schema.
  if (!head) throw Error(ErrorCode::InternalError, {{"reason", "the ledger head record is missing"}});
  return *head;
}

bool signed_by(const std::string& public_key_hex, const std::string& message, const std::string& signature_hex) {
  std::string sig, pub;
  return crypto::from_hex(signature_hex, sig) && crypto::from_hex(public_key_hex, pub) &&
         crypto::verify_detached(pub, message, sig);
}

crypto::SigningKey read_key(const std::filesystem::path& path) {
  crypto::SigningKey key;
  std::ifstream in(path);
  std::string hex, secret;
  bool valid = static_cast<bool>(in >> hex) && crypto::from_hex(hex, secret) && secret.size() == key.secret.size();
  if (valid) std::copy(secret.begin(), secret.end(), key.secret.begin());
  sodium_memzero(hex.data(), hex.size());
  sodium_memzero(secret.data(), secret.size());
  if (!valid)
    throw Error(ErrorCode::LedgerKeyMissing,
                {{"path", path.string()}, {"reason", "the key file is not a hex Ed25519 secret key"}});
  crypto_sign_ed25519_sk_to_pk(key.public_key.data(), key.secret.data());
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && (st.st_mode & 077) != 0)
    log::warn("ledger.key_permissions", {{"path", path.string()}, {"reason", "readable by other users; chmod 600 it"}});
  return key;
}

}  // namespace

std::vector<storage::Migration> Ledger::migrations() {
  return {{300, "ledger: entries, head, checkpoints",
           "CREATE TABLE ledger_entries (seq BIGINT PRIMARY KEY, at TEXT NOT NULL, tenant_id TEXT NOT NULL, "
           "actor_id TEXT NOT NULL, actor_name TEXT NOT NULL, action TEXT NOT NULL, object_type TEXT NOT NULL, "
           "object_id TEXT NOT NULL, details TEXT NOT NULL, digest TEXT NOT NULL, prev_hash TEXT NOT NULL, "
           "hash TEXT NOT NULL);"
           "CREATE INDEX ledger_by_tenant ON ledger_entries (tenant_id, seq);"
           "CREATE TABLE ledger_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL, hash TEXT NOT NULL);"
           "INSERT INTO ledger_head (id, seq, hash) VALUES (1, 0, '" +
               kGenesis +
               "');"
               "CREATE TABLE ledger_checkpoints (seq BIGINT PRIMARY KEY, hash TEXT NOT NULL, signature TEXT NOT NULL, "
               "public_key TEXT NOT NULL, at TEXT NOT NULL)"},
          // The head is signed with every append, so a tail rewritten after the last checkpoint (with
          // every hash recomputed) no longer passes. Empty for heads written before this version.
          {301, "ledger: signed head", "ALTER TABLE ledger_head ADD COLUMN signature TEXT NOT NULL DEFAULT ''"}};
}

crypto::SigningKey load_or_create_key(const std::filesystem::path& path) {
  if (std::filesystem::exists(path)) return read_key(path);
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  auto key = crypto::generate_signing_key();
  std::string content = crypto::to_hex(raw(key.secret.data(), key.secret.size())) + "\n";
  // Written to a private temporary file and then linked into place: link() fails when the name
  // exists, so two processes starting at once never overwrite each other's key, and a reader
  // never sees a half-written file.
  auto tmp = path;
  tmp += ".tmp-" + crypto::random_token(6);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  bool written = fd >= 0 && ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
                 ::fsync(fd) == 0;
  int saved_errno = errno;
  if (fd >= 0) ::close(fd);
  sodium_memzero(content.data(), content.size());
  bool linked = written && ::link(tmp.c_str(), path.c_str()) == 0;
  if (written && !linked) saved_errno = errno;
  std::error_code ignored;
  std::filesystem::remove(tmp, ignored);
  if (!linked) {
    if (written && saved_errno == EEXIST) return read_key(path);  // another process won the race: share its key
    throw Error(ErrorCode::LedgerKeyMissing,
                {{"path", path.string()},
                 {"reason", std::string("cannot create the key file: ") + std::strerror(saved_errno)}});
  }
  // Make the new directory entry durable too: losing the key would leave every checkpoint unverifiable.
  if (int dir = ::open(path.has_parent_path() ? path.parent_path().c_str() : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  log::info("ledger.key_created", {{"path", path.string()},
                                   {"public_key", crypto::to_hex(raw(key.public_key.data(), key.public_key.size()))}});
  return key;
}

struct Ledger::MarkState {
  std::mutex mutex;          // held while the file is written
  std::int64_t written = 0;  // the highest seq written to the file by this process
  std::mutex pending_mutex;
  std::int64_t pending_seq = 0;  // the highest committed seq handed to write_mark so far
  std::string pending_hash;
};

Ledger::Ledger(crypto::SigningKey key, std::int64_t checkpoint_every, std::filesystem::path mark_path)
    : key_(key),
      checkpoint_every_(checkpoint_every),
      mark_path_(std::move(mark_path)),
      mark_(std::make_shared<MarkState>()) {
  if (auto m = read_mark()) mark_->written = m->seq;
}

std::optional<HighWaterMark> Ledger::read_mark() const {
  if (mark_path_.empty()) return std::nullopt;
  // The mark is rewritten in place after commits (write_mark): read it until two reads agree, so
  // a read that raced a write is not mistaken for a forged mark.
  std::string text;
  for (int attempt = 0; attempt < 5; ++attempt) {
    std::ifstream in(mark_path_);
    if (!in) return std::nullopt;
    std::string again((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (attempt > 0 && again == text) break;
    text = std::move(again);
  }
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  HighWaterMark m;
  // An unreadable mark is returned with seq -1 so verify() reports it instead of ignoring it.
  if (ec || !v.is_object()) return HighWaterMark{-1, "", "", ""};
  const auto& o = v.as_object();
  auto text_of = [&](const char* k) {
    auto* p = o.if_contains(k);
    return p && p->is_string() ? std::string(p->as_string()) : std::string();
  };
  auto* seq = o.if_contains("seq");
  if (!seq || !seq->is_int64()) return HighWaterMark{-1, "", "", ""};
  m.seq = seq->as_int64();
  m.hash = text_of("hash");
  m.at = text_of("at");
  m.signature = text_of("signature");
  return m;
}

void Ledger::write_mark(std::int64_t seq, const std::string& hash) const {
  {
    std::lock_guard pending(mark_->pending_mutex);
    if (seq > mark_->pending_seq) {
      mark_->pending_seq = seq;
      mark_->pending_hash = hash;
    }
  }
  std::lock_guard lock(mark_->mutex);
  // Whoever holds the lock writes the highest committed entry handed over so far, so writers that
  // queued behind one file write find their entry (or a later one) written and return: one
  // signature and file write for a group of concurrent commits. Commits of concurrent writers can
  // finish out of order; the mark only moves forward. When this returns, the mark is at seq or later.
  HighWaterMark m;
  {
    std::lock_guard pending(mark_->pending_mutex);
    if (mark_->pending_seq <= mark_->written) return;
    m.seq = mark_->pending_seq;
    m.hash = mark_->pending_hash;
  }
  m.at = clock::now_iso();
  m.signature = sign_hex(mark_message(m.seq, m.hash, m.at));
  std::string content = boost::json::serialize(boost::json::object{{"seq", m.seq},
                                                                   {"hash", m.hash},
                                                                   {"at", m.at},
                                                                   {"signature", m.signature},
                                                                   {"public_key", public_key_hex()}}) +
                        "\n";
  // Written in place as one fixed-size record at offset 0, not as a new file renamed over the old
  // one: on ext4 the create, rename and unlink of every commit cost more than the rest of opening a
  // ticket (desk benchmark, 402 against 689 tickets/s with the data directory on disk and in memory).
  // The record fits one disk sector, so even a power loss leaves the old mark or the new one; no
  // fsync, so after a power loss the mark may be one step behind, which weakens the check by that
  // step only. A reader racing this write can see a mix; read_mark() rereads until it is stable.
  if (content.size() < kMarkRecordBytes) content.append(kMarkRecordBytes - 1 - content.size(), ' ').push_back('\n');
  int fd = ::open(mark_path_.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  bool ok = fd >= 0 && ::pwrite(fd, content.data(), content.size(), 0) == static_cast<ssize_t>(content.size());
  // A mark file from elsewhere (an older version, a restore) may be longer: cut what follows.
  struct stat st {};
  if (ok && ::fstat(fd, &st) == 0 && st.st_size > static_cast<off_t>(content.size()))
    ok = ::ftruncate(fd, static_cast<off_t>(content.size())) == 0;
  if (fd >= 0) ::close(fd);
  if (ok) {
    mark_->written = m.seq;
    return;
  }
  log::warn("ledger.mark_write_failed", {{"path", mark_path_.string()}, {"reason", std::strerror(errno)}});
}

std::string Ledger::sign_hex(std::string_view message) const {
  return crypto::to_hex(crypto::sign_detached(key_, message));
}

std::string Ledger::public_key_hex() const {
  return crypto::to_hex(raw(key_.public_key.data(), key_.public_key.size()));
}

Entry Ledger::append(storage::Connection& conn, const Change& change) const {
  // Takes the head row's lock first, so concurrent PostgreSQL writers queue here (SQLite already
  // holds its single write lock). Under READ COMMITTED the SELECT below then sees the head as left
  // by the writer we waited for.
  conn.execute("UPDATE ledger_head SET seq = seq WHERE id = 1");
  auto head = read_head(conn);
  Entry e;
  e.seq = head.seq + 1;
  e.prev_hash = head.hash;
  e.at = clock::now_iso();
  e.tenant_id = change.tenant_id;
  e.actor_id = change.actor_id;
  e.actor_name = change.actor_name;
  e.action = change.action;
  e.object_type = change.object_type;
  e.object_id = change.object_id;
  e.details = change.details.is_null() ? "{}" : boost::json::serialize(change.details);
  e.digest = crypto::sha256_hex(e.details);
  e.hash = entry_hash(e);
  conn.execute(
      "INSERT INTO ledger_entries (seq, at, tenant_id, actor_id, actor_name, action, object_type, object_id, "
      "details, digest, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {e.seq, e.at, e.tenant_id, e.actor_id, e.actor_name, e.action, e.object_type, e.object_id, e.details, e.digest,
       e.prev_hash, e.hash});
  conn.execute("UPDATE ledger_head SET seq = ?, hash = ?, signature = ? WHERE id = 1",
               {e.seq, e.hash, sign_hex(head_message(e.seq, e.hash))});
  if (checkpoint_every_ > 0 && e.seq % checkpoint_every_ == 0) checkpoint(conn);
  if (!mark_path_.empty()) {
    // One mark per transaction: a second entry in the same transaction (a ticket opened and
    // redirected, say) moves the transaction's pending mark forward instead of signing and
    // writing the file twice after the commit.
    auto same = open_mark.conn == &conn && open_mark.state == mark_.get() ? open_mark.mark.lock() : nullptr;
    if (same) {
      same->seq = e.seq;
      same->hash = e.hash;
    } else {
      auto mark = std::make_shared<TransactionMark>(TransactionMark{e.seq, e.hash});
      open_mark = {&conn, mark_.get(), mark};
      conn.after_commit([this, mark] { write_mark(mark->seq, mark->hash); });
    }
  }
  return e;
}

void Ledger::checkpoint(storage::Connection& conn) const {
  auto head = read_head(conn);
  if (head.seq == 0 || !conn.query("SELECT 1 FROM ledger_checkpoints WHERE seq = ?", {head.seq}).empty()) return;
  auto sig = crypto::sign_detached(key_, checkpoint_message(head.seq, head.hash));
  conn.execute("INSERT INTO ledger_checkpoints (seq, hash, signature, public_key, at) VALUES (?, ?, ?, ?, ?)",
               {head.seq, head.hash, crypto::to_hex(sig), public_key_hex(), clock::now_iso()});
}

VerifyResult Ledger::verify(storage::Connection& conn) const {
  // The mark is read before the first query: it is written after commits, so whatever it says is
  // already visible to the snapshot the queries below see, even while writers carry on.
  const auto mark = read_mark();
  // One snapshot for the whole walk on PostgreSQL too (callers open the transaction; SQLite's
  // deferred read transaction is a snapshot from its first query).
  if (conn.dialect() == storage::Dialect::Postgres) conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
  VerifyResult result;
  auto fail = [&](std::int64_t seq, std::string kind, std::string message) {
    if (result.first_problem) return;
    result.ok = false;
    result.first_problem = Problem{seq, std::move(kind), std::move(message)};
  };
  auto n = [](std::int64_t seq) { return std::to_string(seq); };

  // Checkpoints are few (one per checkpoint_every_ entries), so they are loaded up front and each
  // is compared with its entry as the walk passes it; entries are streamed a page at a time.
  struct Signed {
    std::string hash;
    bool signature_ok;
  };
  std::map<std::int64_t, Signed> checkpoints;
  for (const auto& r : conn.query("SELECT seq, hash, signature, public_key FROM ledger_checkpoints ORDER BY seq")) {
    ++result.checkpoints_checked;
    std::string sig, pub;
    // Must be signed by this instance's key, not by whatever key an attacker stored beside it.
    bool ok = crypto::from_hex(r.text_at(2), sig) && crypto::from_hex(r.text_at(3), pub) &&
              r.text_at(3) == public_key_hex() &&
              crypto::verify_detached(pub, checkpoint_message(r.int_at(0), r.text_at(1)), sig);
    checkpoints.emplace(r.int_at(0), Signed{r.text_at(1), ok});
  }
  auto check_checkpoint = [&](std::int64_t seq, const Signed& cp, const std::string* entry_hash_at_seq) {
    if (!cp.signature_ok)
      fail(seq, "bad_signature", "checkpoint " + n(seq) + " is not signed by this instance's key");
    else if (!entry_hash_at_seq)
      fail(seq, "deleted", "entry " + n(seq) + ", signed by a checkpoint, is missing");
    else if (*entry_hash_at_seq != cp.hash)
      // Catches a rewrite whose author recomputed every later hash: the chain is consistent, the signature is not.
      fail(seq, "edited", "entries up to " + n(seq) + " differ from what checkpoint " + n(seq) + " signed");
  };

  std::optional<std::string> mark_hash;  // the entry hash at the mark's seq, seen during the walk
  const std::int64_t mark_seq = mark ? mark->seq : -1;
  std::int64_t expected = 1;
  std::string prev_hash = kGenesis;
  std::int64_t last_seq = 0;
  auto next_cp = checkpoints.begin();
  for (;;) {
    auto rows = conn.query(std::string(kEntryCols) + "WHERE seq > ? ORDER BY seq LIMIT ?", {last_seq, kVerifyPage});
    if (rows.empty()) break;
    for (const auto& row : rows) {
      Entry e = entry_from(row);
      ++result.entries_checked;
      if (!result.first_problem) {
        if (e.seq != expected) {
          fail(expected, "deleted", "entry " + n(expected) + " is missing");
        } else if (crypto::sha256_hex(e.details) != e.digest || entry_hash(e) != e.hash) {
          fail(e.seq, "edited", "entry " + n(e.seq) + " does not match its hash");
        } else if (e.prev_hash != prev_hash) {
          // The entry links to something other than its predecessor. Pointing at a later entry means
          // entries swapped places; pointing nowhere means the predecessor was rewritten and rehashed
          // (or, for the first entry, that entries before it were removed and the rest renumbered).
          bool links_forward =
              !conn.query("SELECT seq FROM ledger_entries WHERE hash = ? AND seq > ? LIMIT 1", {e.prev_hash, e.seq})
                   .empty();
          if (links_forward)
            fail(e.seq, "reordered", "entry " + n(e.seq) + " links to a later entry");
          else if (e.seq == 1)
            fail(1, "deleted", "entry 1 links to an entry that is missing");
          else
            fail(e.seq - 1, "edited", "entry " + n(e.seq - 1) + " was rewritten: the next entry does not link to it");
        }
        for (; next_cp != checkpoints.end() && next_cp->first <= e.seq; ++next_cp)
          check_checkpoint(next_cp->first, next_cp->second, next_cp->first == e.seq ? &e.hash : nullptr);
        // append() signs every checkpoint_every_-th entry in the same transaction, so a missing one was removed.
        if (checkpoint_every_ > 0 && e.seq % checkpoint_every_ == 0 && !checkpoints.count(e.seq))
          fail(e.seq, "deleted", "the checkpoint signing entry " + n(e.seq) + " is missing");
      }
      if (e.seq == mark_seq) mark_hash = e.hash;
      last_seq = e.seq;
      expected = e.seq + 1;
      prev_hash = e.hash;
    }
  }

  // The mark outside the database first: when entries were cut and the head rewound, it is the
  // only witness left, and "entries after N are missing" is the most precise thing to say.
  if (mark) {
    result.high_water_mark = mark;
    if (mark->seq < 0 || !signed_by(public_key_hex(), mark_message(mark->seq, mark->hash, mark->at), mark->signature))
      fail(last_seq, "bad_signature",
           "the high-water mark " + mark_path_.string() + " is not signed by this instance's key");
    else if (mark->seq > last_seq)
      fail(last_seq + 1, "deleted",
           "entries after " + n(last_seq) + " are missing: the high-water mark signed at " + mark->at +
               " records entry " + n(mark->seq));
    else if (!mark_hash || *mark_hash != mark->hash)
      fail(mark->seq, "edited", "entry " + n(mark->seq) + " differs from the high-water mark signed at " + mark->at);
  } else if (!mark_path_.empty() && last_seq > 0) {
    result.warnings.push_back("no high-water mark at " + mark_path_.string() +
                              ": a tail cut together with its checkpoints and head signature could not be detected");
  }

  auto head = find_head(conn);
  if (!head) {
    fail(last_seq, "edited", "the chain head record is missing");
  } else if (head->seq > last_seq) {
    fail(last_seq + 1, "deleted", "entries after " + n(last_seq) + " are missing");
  } else if (head->seq != last_seq || head->hash != prev_hash) {
    fail(last_seq, "edited", "the chain head does not match the last entry");
  } else if (head->seq > 0) {
    // A head written before heads were signed passes only where a checkpoint signs it.
    bool legacy = head->signature.empty() && checkpoints.count(head->seq) && checkpoints.at(head->seq).signature_ok;
    if (!legacy && !signed_by(public_key_hex(), head_message(head->seq, head->hash), head->signature)) {
      std::int64_t last_cp = 0;
      for (const auto& [seq, cp] : checkpoints)
        if (seq <= head->seq) last_cp = seq;
      fail(head->seq, "edited",
           "the chain head (entry " + n(head->seq) +
               ") is not signed by this instance's key: entries after checkpoint " + n(last_cp) +
               " were rewritten or cut");
    }
  }
  // Checkpoints beyond the last entry: their entries were cut from the tail (and the head rewound).
  for (; next_cp != checkpoints.end(); ++next_cp) check_checkpoint(next_cp->first, next_cp->second, nullptr);

  if (result.first_problem)
    log::warn("ledger.verify_failed", {{"seq", result.first_problem->seq}, {"kind", result.first_problem->kind}});
  return result;
}

Page Ledger::list(storage::Connection& conn, const std::string& tenant_id, std::int64_t limit, std::int64_t offset,
                  const std::string& search) const {
  Page page;
  std::string where = "WHERE 1 = 1";
  storage::Params params;
  if (!tenant_id.empty()) {
    where += " AND tenant_id = ?";
    params.emplace_back(tenant_id);
  }
  if (!search.empty()) {
    // What people look for: who, what kind of change, which object, and any value inside the change.
    where +=
        " AND (lower(actor_name) LIKE lower(?) ESCAPE '\\' OR lower(action) LIKE lower(?) ESCAPE '\\' OR "
        "object_id = ? OR lower(details) LIKE lower(?) ESCAPE '\\')";
    auto pattern = text::like_pattern_contains(search);
    params.insert(params.end(), {pattern, pattern, search, pattern});
  }
  page.total = conn.query("SELECT COUNT(*) FROM ledger_entries " + where, params)[0].int_at(0);
  params.insert(params.end(), {limit, offset});
  for (const auto& r : conn.query(std::string(kEntryCols) + where + " ORDER BY seq DESC LIMIT ? OFFSET ?", params))
    page.items.push_back(entry_from(r));
  return page;
}

}  // namespace simpul::ledger
