#include "ledger/ledger.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/json/serialize.hpp>

#include <fstream>
#include <sstream>
#include <unordered_map>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/log.hpp"

namespace simpul::ledger {
namespace {

const std::string kGenesis(64, '0');
constexpr std::int64_t kVerifyPage = 1000;

std::string entry_hash(const Entry& e) {
  // Every field but seq: the position of an entry is proven by the prev_hash links.
  boost::json::array fields{e.at, e.tenant_id, e.actor_id, e.actor_name, e.action, e.object_type, e.object_id, e.digest, e.prev_hash};
  return crypto::sha256_hex(boost::json::serialize(fields));
}

std::string checkpoint_message(std::int64_t seq, const std::string& hash) {
  return "simpul-ledger-checkpoint\n" + std::to_string(seq) + "\n" + hash;
}

constexpr const char* kEntryCols =
    "SELECT seq, at, tenant_id, actor_id, actor_name, action, object_type, object_id, details, digest, prev_hash, hash "
    "FROM ledger_entries ";

Entry entry_from(const storage::Row& r) {
  return {r.int_at(0),   r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4),  r.text_at(5),
          r.text_at(6),  r.text_at(7), r.text_at(8), r.text_at(9), r.text_at(10), r.text_at(11)};
}

std::string raw(const unsigned char* p, std::size_t n) { return std::string(reinterpret_cast<const char*>(p), n); }

}  // namespace

std::vector<storage::Migration> Ledger::migrations() {
  return {{300, "ledger: entries, head, checkpoints",
           "CREATE TABLE ledger_entries (seq BIGINT PRIMARY KEY, at TEXT NOT NULL, tenant_id TEXT NOT NULL, "
           "actor_id TEXT NOT NULL, actor_name TEXT NOT NULL, action TEXT NOT NULL, object_type TEXT NOT NULL, "
           "object_id TEXT NOT NULL, details TEXT NOT NULL, digest TEXT NOT NULL, prev_hash TEXT NOT NULL, "
           "hash TEXT NOT NULL);"
           "CREATE INDEX ledger_by_tenant ON ledger_entries (tenant_id, seq);"
           "CREATE TABLE ledger_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL, hash TEXT NOT NULL);"
           "INSERT INTO ledger_head (id, seq, hash) VALUES (1, 0, '" + kGenesis + "');"
           "CREATE TABLE ledger_checkpoints (seq BIGINT PRIMARY KEY, hash TEXT NOT NULL, signature TEXT NOT NULL, "
           "public_key TEXT NOT NULL, at TEXT NOT NULL)"}};
}

crypto::SigningKey load_or_create_key(const std::filesystem::path& path) {
  crypto::SigningKey key;
  if (std::filesystem::exists(path)) {
    std::ifstream in(path);
    std::string hex, secret;
    in >> hex;
    if (!crypto::from_hex(hex, secret) || secret.size() != key.secret.size())
      throw Error(ErrorCode::LedgerKeyMissing, {{"path", path.string()}, {"reason", "the key file is not a hex Ed25519 secret key"}});
    std::copy(secret.begin(), secret.end(), key.secret.begin());
    crypto_sign_ed25519_sk_to_pk(key.public_key.data(), key.secret.data());
    return key;
  }
  std::filesystem::create_directories(path.parent_path());
  key = crypto::generate_signing_key();
  std::string content = crypto::to_hex(raw(key.secret.data(), key.secret.size())) + "\n";
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0 || ::write(fd, content.data(), content.size()) != static_cast<ssize_t>(content.size()))
    throw Error(ErrorCode::LedgerKeyMissing, {{"path", path.string()}, {"reason", "cannot create the key file"}});
  ::close(fd);
  log::info("ledger.key_created", {{"path", path.string()}});
  return key;
}

Ledger::Ledger(crypto::SigningKey key, std::int64_t checkpoint_every) : key_(key), checkpoint_every_(checkpoint_every) {}

std::string Ledger::public_key_hex() const { return crypto::to_hex(raw(key_.public_key.data(), key_.public_key.size())); }

Entry Ledger::append(storage::Connection& conn, const Change& change) const {
  // Takes the head row's lock first, so concurrent PostgreSQL writers queue here (SQLite already
  // holds its single write lock).
  conn.execute("UPDATE ledger_head SET seq = seq WHERE id = 1");
  auto head = conn.query("SELECT seq, hash FROM ledger_head WHERE id = 1");
  Entry e;
  e.seq = head[0].int_at(0) + 1;
  e.prev_hash = head[0].text_at(1);
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
  conn.execute("INSERT INTO ledger_entries (seq, at, tenant_id, actor_id, actor_name, action, object_type, object_id, "
               "details, digest, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               {e.seq, e.at, e.tenant_id, e.actor_id, e.actor_name, e.action, e.object_type, e.object_id, e.details,
                e.digest, e.prev_hash, e.hash});
  conn.execute("UPDATE ledger_head SET seq = ?, hash = ? WHERE id = 1", {e.seq, e.hash});
  if (checkpoint_every_ > 0 && e.seq % checkpoint_every_ == 0) checkpoint(conn);
  return e;
}

void Ledger::checkpoint(storage::Connection& conn) const {
  auto head = conn.query("SELECT seq, hash FROM ledger_head WHERE id = 1");
  std::int64_t seq = head[0].int_at(0);
  if (seq == 0 || !conn.query("SELECT 1 FROM ledger_checkpoints WHERE seq = ?", {seq}).empty()) return;
  auto sig = crypto::sign_detached(key_, checkpoint_message(seq, head[0].text_at(1)));
  conn.execute("INSERT INTO ledger_checkpoints (seq, hash, signature, public_key, at) VALUES (?, ?, ?, ?, ?)",
               {seq, head[0].text_at(1), crypto::to_hex(sig), public_key_hex(), clock::now_iso()});
}

VerifyResult Ledger::verify(storage::Connection& conn) const {
  VerifyResult result;
  auto fail = [&](std::int64_t seq, std::string kind, std::string message) {
    if (result.first_problem) return;
    result.ok = false;
    result.first_problem = Problem{seq, std::move(kind), std::move(message)};
  };

  // Hash → seq of every entry, to tell a reordering (the link points forward) from an edit.
  std::unordered_map<std::string, std::int64_t> seq_of_hash;
  for (const auto& r : conn.query("SELECT hash, seq FROM ledger_entries")) seq_of_hash.emplace(r.text_at(0), r.int_at(1));
  std::unordered_map<std::int64_t, std::string> hash_at;

  std::int64_t expected = 1;
  std::string prev_hash = kGenesis;
  std::int64_t last_seq = 0;
  for (std::int64_t after = 0;;) {
    auto rows = conn.query(std::string(kEntryCols) + "WHERE seq > ? ORDER BY seq LIMIT ?", {after, kVerifyPage});
    if (rows.empty()) break;
    for (const auto& row : rows) {
      Entry e = entry_from(row);
      after = last_seq = e.seq;
      ++result.entries_checked;
      hash_at[e.seq] = e.hash;
      if (e.seq != expected) {
        fail(expected, "deleted", "entry " + std::to_string(expected) + " is missing");
      } else if (crypto::sha256_hex(e.details) != e.digest || entry_hash(e) != e.hash) {
        fail(e.seq, "edited", "entry " + std::to_string(e.seq) + " does not match its hash");
      } else if (e.prev_hash != prev_hash) {
        auto it = seq_of_hash.find(e.prev_hash);
        if (it != seq_of_hash.end() && it->second > e.seq)
          fail(e.seq, "reordered", "entry " + std::to_string(e.seq) + " links to a later entry");
        else
          fail(e.seq - 1, "edited", "entry " + std::to_string(e.seq - 1) + " was rewritten: the next entry does not link to it");
      }
      expected = e.seq + 1;
      prev_hash = e.hash;
    }
  }
  auto head = conn.query("SELECT seq, hash FROM ledger_head WHERE id = 1");
  if (!head.empty() && !result.first_problem) {
    std::int64_t head_seq = head[0].int_at(0);
    if (head_seq > last_seq) fail(last_seq + 1, "deleted", "entries after " + std::to_string(last_seq) + " are missing");
    else if (head_seq != last_seq || head[0].text_at(1) != prev_hash)
      fail(last_seq, "edited", "the chain head does not match the last entry");
  }

  for (const auto& r : conn.query("SELECT seq, hash, signature, public_key FROM ledger_checkpoints ORDER BY seq")) {
    ++result.checkpoints_checked;
    std::int64_t seq = r.int_at(0);
    std::string sig, pub;
    bool decoded = crypto::from_hex(r.text_at(2), sig) && crypto::from_hex(r.text_at(3), pub);
    // A checkpoint must be signed by this instance's key, not by whatever key is stored beside it.
    if (!decoded || r.text_at(3) != public_key_hex() ||
        !crypto::verify_detached(pub, checkpoint_message(seq, r.text_at(1)), sig)) {
      fail(seq, "bad_signature", "checkpoint " + std::to_string(seq) + " is not signed by this instance's key");
      continue;
    }
    auto it = hash_at.find(seq);
    if (it == hash_at.end()) fail(seq, "deleted", "the entry signed by checkpoint " + std::to_string(seq) + " is missing");
    else if (it->second != r.text_at(1))
      fail(seq, "edited", "entries up to " + std::to_string(seq) + " differ from what the checkpoint signed");
  }
  if (result.first_problem)
    log::warn("ledger.verify_failed", {{"seq", result.first_problem->seq}, {"kind", result.first_problem->kind}});
  return result;
}

Page Ledger::list(storage::Connection& conn, const std::string& tenant_id, std::int64_t limit, std::int64_t offset) const {
  Page page;
  storage::Rows rows;
  if (tenant_id.empty()) {
    page.total = conn.query("SELECT COUNT(*) FROM ledger_entries")[0].int_at(0);
    rows = conn.query(std::string(kEntryCols) + "ORDER BY seq DESC LIMIT ? OFFSET ?", {limit, offset});
  } else {
    page.total = conn.query("SELECT COUNT(*) FROM ledger_entries WHERE tenant_id = ?", {tenant_id})[0].int_at(0);
    rows = conn.query(std::string(kEntryCols) + "WHERE tenant_id = ? ORDER BY seq DESC LIMIT ? OFFSET ?",
                      {tenant_id, limit, offset});
  }
  for (const auto& r : rows) page.items.push_back(entry_from(r));
  return page;
}

}  // namespace simpul::ledger
