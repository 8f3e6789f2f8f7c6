#include "gateway/message_log.hpp"

#include "gateway/log_lines.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cerrno>
#include <charconv>
#include <ctime>
#include <fstream>
#include <sstream>

#include "core/log.hpp"
#include "gateway/file_modes.hpp"

namespace simpul::gateway {

namespace fs = std::filesystem;
using namespace detail;

// ---------------------------------------------------------------------------------------------
// Canonical form

namespace {

void put_uint(std::string& out, std::uint64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void put_int(std::string& out, std::int64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

// Length of the valid UTF-8 sequence at s[i], or 0 when the byte there does not start one.
std::size_t utf8_len(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t n;
  std::uint32_t cp;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF)
    n = 2, cp = c & 0x1F;
  else if (c >= 0xE0 && c <= 0xEF)
    n = 3, cp = c & 0x0F;
  else if (c >= 0xF0 && c <= 0xF4)
    n = 4, cp = c & 0x07;
  else
    return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    auto d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
    return 0;
  return n;
}

// JSON string with the minimal escapes (", \, control characters as \u00XX); invalid UTF-8 bytes
// become U+FFFD so the line always parses back to the same text.
void put_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
      ++i;
    } else if (c < 0x20) {
      out.append("\\u00");
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
      ++i;
    } else if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
    } else if (auto n = utf8_len(s, i)) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      out.append("\xEF\xBF\xBD");
      ++i;
    }
  }
  out.push_back('"');
}

void put_canonical(std::string& out, const ExchangeRecord& r) {
  out.append("{\"seq\":");
  put_uint(out, r.seq);
  out.append(",\"time_us\":");
  put_int(out, r.time_us);
  out.append(",\"request_id\":");
  put_string(out, r.request_id);
  out.append(",\"consumer_id\":");
  put_string(out, r.consumer_id);
  out.append(",\"service_id\":");
  put_string(out, r.service_id);
  out.append(",\"method\":");
  put_string(out, r.method);
  out.append(",\"path\":");
  put_string(out, r.path);
  out.append(",\"status\":");
  put_int(out, r.status);
  out.append(",\"request_bytes\":");
  put_uint(out, r.request_bytes);
  out.append(",\"response_bytes\":");
  put_uint(out, r.response_bytes);
  out.append(",\"total_us\":");
  put_uint(out, r.total_us);
  out.append(",\"upstream_us\":");
  put_uint(out, r.upstream_us);
  out.append(",\"request_sha256\":");
  put_string(out, r.request_sha256);
  out.append(",\"response_sha256\":");
  put_string(out, r.response_sha256);
  out.append(",\"bodies_stored\":");
  out.append(r.bodies_stored ? "true" : "false");
  out.push_back('}');
}

merkle::Hash hash_after(const merkle::Hash& prev, std::string_view canon) {
  return merkle::sha256(std::string_view(reinterpret_cast<const char*>(prev.data()), prev.size()), canon);
}

std::string segment_name(std::uint64_t n) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "segment-%08llu.log", static_cast<unsigned long long>(n));
  return buf;
}

std::uint64_t segment_number(const fs::path& p) {
  auto name = p.filename().string();  // segment-NNNNNNNN.log
  std::uint64_t n = 0;
  std::from_chars(name.data() + 8, name.data() + name.size() - 4, n);
  return n;
}

std::string batch_line(std::uint64_t batch, std::uint64_t first, std::uint64_t last, const merkle::Hash& root,
                       const std::string& kid, const std::string& sig_hex) {
  std::string line = "{\"batch\":";
  put_uint(line, batch);
  line.append(",\"first_seq\":");
  put_uint(line, first);
  line.append(",\"last_seq\":");
  put_uint(line, last);
  line.append(",\"root\":\"").append(merkle::to_hex(root));
  line.append("\",\"key_id\":\"").append(kid);
  line.append("\",\"signature\":\"").append(sig_hex).append("\"}\n");
  return line;
}

std::int64_t now_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool write_all(int fd, std::string_view data) noexcept {
  for (std::size_t done = 0; done < data.size();) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

/// fsync of a directory: makes a file created or renamed in it survive a power loss.
bool sync_dir(const fs::path& dir) noexcept {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

/// Replaces `path` with `content` so that a reader (or a crash) sees the old file or the new one,
/// never a mix: written to `path.tmp` (mode 0600), optionally synced, renamed over `path`.
bool replace_file(const fs::path& path, std::string_view content, bool sync) noexcept {
  try {
    const fs::path tmp = fs::path(path).concat(".tmp");
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) return false;
    bool ok = ::fchmod(fd, 0600) == 0 && write_all(fd, content) && (!sync || ::fsync(fd) == 0);
    ok = ::close(fd) == 0 && ok;
    std::error_code ec;
    if (ok) fs::rename(tmp, path, ec);
    if (!ok || ec) {
      fs::remove(tmp, ec);
      return false;
    }
    return !sync || sync_dir(path.has_parent_path() ? path.parent_path() : fs::path("."));
  } catch (...) {
    return false;
  }
}

}  // namespace

namespace {

std::string hex(std::string_view bytes) { return crypto::to_hex(bytes); }

}  // namespace

std::string canonical(const ExchangeRecord& r) {
  std::string out;
  put_canonical(out, r);
  return out;
}

merkle::Hash record_hash(const merkle::Hash& prev_hash, const ExchangeRecord& r) {
  return hash_after(prev_hash, canonical(r));
}

std::string batch_message(std::uint64_t batch, std::uint64_t first_seq, std::uint64_t last_seq,
                          const merkle::Hash& root) {
  return "simpul-gateway-log-batch\n" + std::to_string(batch) + "\n" + std::to_string(first_seq) + "\n" +
         std::to_string(last_seq) + "\n" + merkle::to_hex(root);
}

std::string key_id(std::string_view public_key) { return crypto::sha256_hex(public_key).substr(0, 16); }

// ---------------------------------------------------------------------------------------------
// Writer

std::unique_ptr<MessageLog> MessageLog::open(const fs::path& dir, const crypto::SigningKey& key,
                                             MessageLogOptions options, std::string* error) {
  crypto::init();
  auto fail = [&](std::string why) -> std::unique_ptr<MessageLog> {
    if (error) *error = std::move(why);
    return nullptr;
  };
  std::error_code ec;
  std::string why_not;
  if (!make_private_dir(dir, &why_not)) return fail(why_not);
  std::unique_ptr<MessageLog> log(new MessageLog());
  const std::string_view public_key(reinterpret_cast<const char*>(key.public_key.data()), key.public_key.size());
  log->dir_ = dir;
  log->key_ = key;
  log->key_id_ = key_id(public_key);
  log->options_ = options;
  if (log->options_.batch_size == 0) log->options_.batch_size = 1;
  log->buffer_.resize(std::max<std::size_t>(options.buffer_bytes, 4096));
  log->head_path_ = options.head_path.empty() ? head_path_of(dir) : options.head_path;
  const std::string head_name = log->head_path_.string();
  // The mark's folder is made private when it has to be made (the default one, the log folder's
  // parent, exists by now); an existing one may be shared and is left as it is.
  if (log->head_path_.has_parent_path() && !fs::exists(log->head_path_.parent_path(), ec) &&
      !make_private_dir(log->head_path_.parent_path(), &why_not))
    return fail(why_not);
  // Whatever an earlier version, a copy or a hand left readable to others is the account's again.
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file(ec)) tighten(e.path());
  tighten(log->head_path_);

  // The high-water mark, when there is one: the log must reach it (checked below, before anything
  // is written, so that a cut log is left as evidence rather than continued).
  std::optional<LogHead> mark;
  if (fs::exists(log->head_path_, ec)) {
    std::ifstream in(log->head_path_, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (in) mark = head_from_json(text.str());
    if (!mark) return fail("the high-water mark " + head_name + " is unreadable");
    std::string sig;
    if (mark->key_id != log->key_id_ || !crypto::from_hex(mark->signature, sig) || sig.size() != 64 ||
        !crypto::verify_detached(public_key, head_message(*mark), sig))
      return fail("the high-water mark " + head_name +
                  " is not signed by this gateway's key (run `simpul gateway verify`)");
  }

  // Continue the chain: the last record and batch of the newest segment that has any.
  auto segments = list_segments(dir);
  if (!segments.empty()) {
    // A crash in the middle of a write leaves the newest segment ending without '\n': that line
    // was never complete (nor flushed as such), so it is cut off and the chain continues before it.
    std::ifstream in(segments.back(), std::ios::binary | std::ios::ate);
    std::streamoff size = in ? static_cast<std::streamoff>(in.tellg()) : 0, keep = size;
    char c = '\n';
    if (size > 0 && in.seekg(size - 1) && in.get(c) && c != '\n') {
      keep = 0;
      for (std::streamoff pos = size - 1; pos > 0; --pos)  // byte by byte: a torn line is short
        if (in.seekg(pos - 1) && in.get(c) && c == '\n') {
          keep = pos;
          break;
        }
    }
    in.close();
    if (keep != size) {
      fs::resize_file(segments.back(), static_cast<std::uintmax_t>(keep), ec);
      if (ec) return fail("cannot repair " + segments.back().string() + ": " + ec.message());
    }
  }
  if (!segments.empty()) log->segment_number_ = segment_number(segments.back());
  std::vector<merkle::Hash> tail;  // records a crash left without a batch line
  std::uint64_t tail_first = 0;
  fs::path tail_segment;
  for (auto it = segments.rbegin(); it != segments.rend(); ++it) {
    bool any = false, bad = false;
    std::string why;
    const std::string name = it->filename().string();
    if (!for_each_line(*it, [&](std::size_t n, const Line& l) {
          merkle::Hash h;
          if (l.kind == Line::bad || !merkle::from_hex(l.kind == Line::batch ? l.root : l.hash, h)) {
            bad = true;
            why = name + " line " + std::to_string(n) + ": " + (l.kind == Line::bad ? l.error : "bad hash");
            return false;
          }
          any = true;
          if (l.kind == Line::batch) {
            log->next_batch_ = l.batch_no + 1;
            log->last_signed_ = {l.batch_no, l.last_seq, log->prev_hash_, h, name};
            tail.clear();
          } else {
            if (tail.empty()) tail_first = l.rec.seq;
            tail.push_back(leaf_of(h));
            log->prev_hash_ = h;
            log->next_seq_ = l.rec.seq + 1;
          }
          return true;
        }))
      return fail("cannot read " + it->string());
    if (bad) return fail(why);  // a damaged log is for verify_log and a human, not to be extended
    if (!any) continue;
    if (log->next_batch_ == 1) {
      // No batch line in this segment (a crash before its first one): the number follows the
      // last batch of an earlier segment.
      for (auto earlier = std::next(it); earlier != segments.rend() && log->next_batch_ == 1; ++earlier) {
        merkle::Hash last_hash{};
        for_each_line(*earlier, [&](std::size_t, const Line& l) {
          merkle::Hash h{};
          if (l.kind == Line::record && merkle::from_hex(l.hash, h)) last_hash = h;
          if (l.kind == Line::batch && merkle::from_hex(l.root, h)) {
            log->next_batch_ = l.batch_no + 1;
            log->last_signed_ = {l.batch_no, l.last_seq, last_hash, h, earlier->filename().string()};
          }
          return l.kind != Line::bad;
        });
      }
    }
    if (!tail.empty()) tail_segment = *it;
    break;
  }

  // Below the mark is on disk by construction (it is written after its batch): a log that ends
  // before it lost records, by tampering or to a disk that lied about fsync. Not continued: a new
  // mark would paper over it.
  const std::uint64_t log_batches = log->next_batch_ - 1, log_last = log->next_seq_ - 1;
  if (mark && (log_batches < mark->batch || log_last < mark->last_seq))
    return fail("the message log in " + dir.string() + " ends at seq " + std::to_string(log_last) + " (batch " +
                std::to_string(log_batches) + ") but its high-water mark " + head_name + ", signed at " +
                utc_time(mark->time_us) + ", says seq " + std::to_string(mark->last_seq) + " (batch " +
                std::to_string(mark->batch) + ", in " + mark->segment +
                "): records are missing. Nothing was written. Run `simpul gateway verify`; to start anew, keep the "
                "log and the mark as evidence and move the mark aside");

  if (!tail.empty()) {
    // Records a crash left unsigned: close their batch where they are.
    const std::uint64_t last = log->next_seq_ - 1;
    const auto root = merkle::root(tail);
    const auto sig = crypto::sign_detached(key, batch_message(log->next_batch_, tail_first, last, root));
    const std::string line = batch_line(log->next_batch_, tail_first, last, root, log->key_id_, hex(sig));
    const int fd = ::open(tail_segment.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    bool ok = fd >= 0 && write_all(fd, line) && (!options.fsync_on_flush || ::fsync(fd) == 0);
    if (fd >= 0) ok = ::close(fd) == 0 && ok;
    if (!ok) return fail("cannot write " + tail_segment.string());
    log->last_signed_ = {log->next_batch_, last, log->prev_hash_, root, tail_segment.filename().string()};
    ++log->next_batch_;
  }
  if (!mark && log->last_signed_.batch > 0)
    log::warn("gateway.log_head_missing", {{"log_dir", dir.string()},
                                           {"head", head_name},
                                           {"last_seq", log->last_signed_.last_seq},
                                           {"action", "a new high-water mark starts at the log's current end"}});
  log->head_batch_ = mark ? mark->batch : 0;
  if (log->write_head(log->last_signed_) != LogStatus::ok) return fail("cannot write the high-water mark " + head_name);

  std::lock_guard lock(log->mutex_);
  if (log->open_segment_locked() != LogStatus::ok) return fail("cannot create a segment in " + dir.string());
  return log;
}

MessageLog::~MessageLog() { (void)close(); }

LogStatus MessageLog::open_segment_locked() noexcept {
  try {
    ++segment_number_;
    segment_path_ = dir_ / segment_name(segment_number_);
    const int fd = ::open(segment_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) return failed_ = true, LogStatus::io_error;
    file_ = ::fdopen(fd, "ab");
    if (!file_ || ::fchmod(fd, 0600) != 0) {
      if (file_)
        std::fclose(file_);
      else
        ::close(fd);
      file_ = nullptr;
      return failed_ = true, LogStatus::io_error;
    }
    std::setvbuf(file_, buffer_.data(), _IOFBF, buffer_.size());
    // The new name must survive a power loss before a high-water mark can name a batch in it.
    if (options_.fsync_on_flush && !sync_dir(dir_)) return failed_ = true, LogStatus::io_error;
    return LogStatus::ok;
  } catch (...) {
    failed_ = true;
    return LogStatus::io_error;
  }
}

bool MessageLog::write_locked(const std::string& line) noexcept {
  if (std::fwrite(line.data(), 1, line.size(), file_) != line.size()) failed_ = true;
  return !failed_;
}

LogStatus MessageLog::close_batch_locked() noexcept {
  if (pending_.empty()) return LogStatus::ok;
  try {
    std::uint64_t last = next_seq_ - 1;
    auto root = merkle::root(pending_);  // copies; the vector is reused below
    auto sig = crypto::sign_detached(key_, batch_message(next_batch_, pending_first_seq_, last, root));
    if (!write_locked(batch_line(next_batch_, pending_first_seq_, last, root, key_id_, hex(sig))))
      return LogStatus::io_error;
    last_signed_.batch = next_batch_;
    last_signed_.last_seq = last;
    last_signed_.last_hash = prev_hash_;
    last_signed_.root = root;
    last_signed_.segment.assign(segment_path_.filename().native());
    ++next_batch_;
    pending_.clear();
    return LogStatus::ok;
  } catch (...) {
    failed_ = true;
    return LogStatus::io_error;
  }
}

LogStatus MessageLog::append(const ExchangeRecord& record, std::uint64_t* assigned_seq) noexcept {
  std::lock_guard lock(mutex_);
  if (!file_) return LogStatus::closed;
  if (failed_) return LogStatus::io_error;
  try {
    if (!pending_.empty() && options_.max_batch_age.count() > 0 &&
        std::chrono::steady_clock::now() - pending_since_ >= options_.max_batch_age) {
      if (auto s = close_batch_locked(); s != LogStatus::ok) return s;
    }
    std::uint64_t seq = next_seq_;
    line_.clear();
    if (record.seq == seq) {
      put_canonical(line_, record);
    } else {
      ExchangeRecord r = record;  // rare: the caller left seq unset
      r.seq = seq;
      put_canonical(line_, r);
    }
    auto h = hash_after(prev_hash_, line_);
    line_.pop_back();  // '}' -> add the chain fields
    line_.append(",\"prev_hash\":\"").append(merkle::to_hex(prev_hash_));
    line_.append("\",\"hash\":\"").append(merkle::to_hex(h)).append("\"}\n");
    if (!write_locked(line_)) return LogStatus::io_error;
    if (pending_.empty()) {
      pending_first_seq_ = seq;
      if (options_.max_batch_age.count() > 0) pending_since_ = std::chrono::steady_clock::now();
    }
    pending_.push_back(leaf_of(h));
    prev_hash_ = h;
    next_seq_ = seq + 1;
    if (assigned_seq) *assigned_seq = seq;
    if (pending_.size() >= options_.batch_size) return close_batch_locked();
    return LogStatus::ok;
  } catch (...) {  // allocation failure
    failed_ = true;
    return LogStatus::io_error;
  }
}

LogStatus MessageLog::flush() noexcept {
  int sync_fd = -1;
  SignedBatch head;
  try {
    std::lock_guard lock(mutex_);
    if (!file_) return LogStatus::closed;
    if (failed_) return LogStatus::io_error;
    if (auto s = close_batch_locked(); s != LogStatus::ok) return s;
    if (std::fflush(file_) != 0) return failed_ = true, LogStatus::io_error;
    head = last_signed_;
    // fsync takes milliseconds; holding the mutex meanwhile would stall every exchange being
    // appended (the data plane's p99). A duplicate descriptor stays valid even if rotate() closes
    // the file before the sync finishes.
    if (options_.fsync_on_flush) {
      sync_fd = ::dup(fileno(file_));
      if (sync_fd < 0) return failed_ = true, LogStatus::io_error;
    }
  } catch (...) {  // allocation failure copying the segment name
    return LogStatus::io_error;
  }
  if (sync_fd >= 0) {
    const bool synced = ::fsync(sync_fd) == 0;
    ::close(sync_fd);
    if (!synced) {
      std::lock_guard lock(mutex_);
      failed_ = true;
      return LogStatus::io_error;
    }
  }
  // The batch is on disk: now the mark may name it.
  return write_head(head);
}

LogStatus MessageLog::rotate() noexcept {
  SignedBatch head;
  try {
    std::lock_guard lock(mutex_);
    if (!file_) return LogStatus::closed;
    if (failed_) return LogStatus::io_error;
    if (auto s = close_batch_locked(); s != LogStatus::ok) return s;
    if (options_.fsync_on_flush && (std::fflush(file_) != 0 || ::fsync(fileno(file_)) != 0))
      return failed_ = true, LogStatus::io_error;
    if (std::fclose(file_) != 0) failed_ = true;
    file_ = nullptr;
    if (failed_) return LogStatus::io_error;
    head = last_signed_;
    if (auto s = open_segment_locked(); s != LogStatus::ok) return s;
  } catch (...) {
    return LogStatus::io_error;
  }
  return write_head(head);
}

LogStatus MessageLog::close() noexcept {
  SignedBatch head;
  LogStatus s;
  try {
    std::lock_guard lock(mutex_);
    if (!file_) return LogStatus::closed;
    s = failed_ ? LogStatus::io_error : close_batch_locked();
    if (s == LogStatus::ok && options_.fsync_on_flush && (std::fflush(file_) != 0 || ::fsync(fileno(file_)) != 0))
      s = LogStatus::io_error;
    if (std::fclose(file_) != 0) s = LogStatus::io_error;
    file_ = nullptr;
    head = last_signed_;
  } catch (...) {
    return LogStatus::io_error;
  }
  return s == LogStatus::ok ? write_head(head) : s;
}

LogStatus MessageLog::write_head(const SignedBatch& b) noexcept {
  if (b.batch == 0) return LogStatus::ok;
  std::lock_guard lock(head_mutex_);
  if (b.batch <= head_batch_) return LogStatus::ok;
  try {
    LogHead h;
    h.batch = b.batch;
    h.last_seq = b.last_seq;
    h.last_hash = merkle::to_hex(b.last_hash);
    h.root = merkle::to_hex(b.root);
    h.segment = b.segment;
    h.time_us = now_us();
    h.key_id = key_id_;
    h.signature = hex(crypto::sign_detached(key_, head_message(h)));
    if (!replace_file(head_path_, to_json(h) + "\n", options_.fsync_on_flush)) return LogStatus::io_error;
    head_batch_ = b.batch;
    return LogStatus::ok;
  } catch (...) {
    return LogStatus::io_error;
  }
}

std::uint64_t MessageLog::last_seq() const {
  std::lock_guard lock(mutex_);
  return next_seq_ - 1;
}

fs::path MessageLog::current_segment() const {
  std::lock_guard lock(mutex_);
  return segment_path_;
}

}  // namespace simpul::gateway
