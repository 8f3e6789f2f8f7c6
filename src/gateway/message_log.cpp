#include "gateway/message_log.hpp"

#include "gateway/log_lines.hpp"

#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <fstream>

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
  if (c >= 0xC2 && c <= 0xDF) n = 2, cp = c & 0x1F;
  else if (c >= 0xE0 && c <= 0xEF) n = 3, cp = c & 0x0F;
  else if (c >= 0xF0 && c <= 0xF4) n = 4, cp = c & 0x07;
  else return 0;
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

}  // namespace

namespace detail {

merkle::Hash leaf_of(const merkle::Hash& record_hash) {
  return merkle::leaf_hash(std::string_view(reinterpret_cast<const char*>(record_hash.data()), record_hash.size()));
}

// ---------------------------------------------------------------------------------------------
// Reading


std::string str(const boost::json::object& o, const char* k) { return std::string(o.at(k).as_string()); }
std::uint64_t u64(const boost::json::object& o, const char* k) { return o.at(k).to_number<std::uint64_t>(); }

ExchangeRecord record_from(const boost::json::object& o) {
  ExchangeRecord r;
  r.seq = u64(o, "seq");
  r.time_us = o.at("time_us").to_number<std::int64_t>();
  r.request_id = str(o, "request_id");
  r.consumer_id = str(o, "consumer_id");
  r.service_id = str(o, "service_id");
  r.method = str(o, "method");
  r.path = str(o, "path");
  r.status = o.at("status").to_number<int>();
  r.request_bytes = u64(o, "request_bytes");
  r.response_bytes = u64(o, "response_bytes");
  r.total_us = u64(o, "total_us");
  r.upstream_us = u64(o, "upstream_us");
  r.request_sha256 = str(o, "request_sha256");
  r.response_sha256 = str(o, "response_sha256");
  r.bodies_stored = o.at("bodies_stored").as_bool();
  return r;
}

boost::json::object record_json(const ExchangeRecord& r) {
  return {{"seq", r.seq},
          {"time_us", r.time_us},
          {"request_id", r.request_id},
          {"consumer_id", r.consumer_id},
          {"service_id", r.service_id},
          {"method", r.method},
          {"path", r.path},
          {"status", r.status},
          {"request_bytes", r.request_bytes},
          {"response_bytes", r.response_bytes},
          {"total_us", r.total_us},
          {"upstream_us", r.upstream_us},
          {"request_sha256", r.request_sha256},
          {"response_sha256", r.response_sha256},
          {"bodies_stored", r.bodies_stored}};
}

Line parse_line(std::string_view text) {
  Line l;
  try {
    boost::system::error_code ec;
    auto v = boost::json::parse(text, ec);
    if (ec || !v.is_object()) {
      l.error = "unreadable line";
      return l;
    }
    const auto& o = v.as_object();
    if (o.contains("batch")) {
      if (o.size() != 6) throw std::invalid_argument("fields");
      l.batch_no = u64(o, "batch");
      l.first_seq = u64(o, "first_seq");
      l.last_seq = u64(o, "last_seq");
      l.root = str(o, "root");
      l.key_id = str(o, "key_id");
      l.signature = str(o, "signature");
      l.kind = Line::batch;
    } else {
      // Exactly the canonical fields plus the two hashes: nothing unhashed rides along.
      if (o.size() != 17) throw std::invalid_argument("fields");
      l.rec = record_from(o);
      l.prev_hash = str(o, "prev_hash");
      l.hash = str(o, "hash");
      l.kind = Line::record;
    }
  } catch (const std::exception&) {
    l.kind = Line::bad;
    l.error = "unreadable line (missing or malformed field)";
  }
  return l;
}


bool quick_record(std::string_view t, std::uint64_t& seq, merkle::Hash& h) {
  constexpr std::string_view head = "{\"seq\":", key = "\"hash\":\"";
  if (!t.starts_with(head) || t.size() < head.size() + key.size() + 66 || !t.ends_with("\"}")) return false;
  auto r = std::from_chars(t.data() + head.size(), t.data() + t.size(), seq);
  if (r.ec != std::errc() || *r.ptr != ',') return false;
  if (t.substr(t.size() - 66 - key.size(), key.size()) != key) return false;
  return merkle::from_hex(t.substr(t.size() - 66, 64), h);
}

}  // namespace detail

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

std::vector<fs::path> list_segments(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    auto name = e.path().filename().string();
    if (name.size() == 20 && name.starts_with("segment-") && name.ends_with(".log")) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

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
  fs::create_directories(dir, ec);
  if (ec) return fail("cannot create " + dir.string() + ": " + ec.message());
  std::unique_ptr<MessageLog> log(new MessageLog());
  log->dir_ = dir;
  log->key_ = key;
  log->key_id_ = key_id(std::string_view(reinterpret_cast<const char*>(key.public_key.data()), key.public_key.size()));
  log->options_ = options;
  if (log->options_.batch_size == 0) log->options_.batch_size = 1;
  log->buffer_.resize(std::max<std::size_t>(options.buffer_bytes, 4096));

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
  for (auto it = segments.rbegin(); it != segments.rend(); ++it) {
    bool any = false, bad = false;
    std::vector<merkle::Hash> tail;
    std::uint64_t tail_first = 0;
    std::string why;
    if (!for_each_line(*it, [&](std::size_t n, const Line& l) {
          if (l.kind == Line::bad) {
            bad = true;
            why = it->filename().string() + " line " + std::to_string(n) + ": " + l.error;
            return false;
          }
          any = true;
          if (l.kind == Line::batch) {
            log->next_batch_ = l.batch_no + 1;
            tail.clear();
          } else {
            merkle::Hash h;
            if (!merkle::from_hex(l.hash, h)) {
              bad = true;
              why = it->filename().string() + " line " + std::to_string(n) + ": bad hash";
              return false;
            }
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
      for (auto earlier = std::next(it); earlier != segments.rend() && log->next_batch_ == 1; ++earlier)
        for_each_line(*earlier, [&](std::size_t, const Line& l) {
          if (l.kind == Line::batch) log->next_batch_ = l.batch_no + 1;
          return l.kind != Line::bad;
        });
    }
    if (!tail.empty()) {
      // Records a crash left unsigned: close their batch where they are.
      auto root = merkle::root(tail);
      auto sig = crypto::sign_detached(key, batch_message(log->next_batch_, tail_first, log->next_seq_ - 1, root));
      std::ofstream out(*it, std::ios::app | std::ios::binary);
      out << batch_line(log->next_batch_, tail_first, log->next_seq_ - 1, root, log->key_id_, hex(sig));
      if (!out.flush()) return fail("cannot write " + it->string());
      ++log->next_batch_;
    }
    break;
  }
  std::lock_guard lock(log->mutex_);
  if (log->open_segment_locked() != LogStatus::ok) return fail("cannot create a segment in " + dir.string());
  return log;
}

MessageLog::~MessageLog() { (void)close(); }

LogStatus MessageLog::open_segment_locked() noexcept {
  try {
    ++segment_number_;
    segment_path_ = dir_ / segment_name(segment_number_);
    file_ = std::fopen(segment_path_.c_str(), "ab");
    if (!file_) return failed_ = true, LogStatus::io_error;
    std::setvbuf(file_, buffer_.data(), _IOFBF, buffer_.size());
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
  {
    std::lock_guard lock(mutex_);
    if (!file_) return LogStatus::closed;
    if (failed_) return LogStatus::io_error;
    if (auto s = close_batch_locked(); s != LogStatus::ok) return s;
    if (std::fflush(file_) != 0) return failed_ = true, LogStatus::io_error;
    if (!options_.fsync_on_flush) return LogStatus::ok;
    // fsync takes milliseconds; holding the mutex meanwhile would stall every exchange being
    // appended (the data plane's p99). A duplicate descriptor stays valid even if rotate() closes
    // the file before the sync finishes.
    sync_fd = ::dup(fileno(file_));
    if (sync_fd < 0) return failed_ = true, LogStatus::io_error;
  }
  const bool synced = ::fsync(sync_fd) == 0;
  ::close(sync_fd);
  if (synced) return LogStatus::ok;
  std::lock_guard lock(mutex_);
  failed_ = true;
  return LogStatus::io_error;
}

LogStatus MessageLog::rotate() noexcept {
  std::lock_guard lock(mutex_);
  if (!file_) return LogStatus::closed;
  if (failed_) return LogStatus::io_error;
  if (auto s = close_batch_locked(); s != LogStatus::ok) return s;
  if (options_.fsync_on_flush && (std::fflush(file_) != 0 || ::fsync(fileno(file_)) != 0))
    return failed_ = true, LogStatus::io_error;
  if (std::fclose(file_) != 0) failed_ = true;
  file_ = nullptr;
  if (failed_) return LogStatus::io_error;
  return open_segment_locked();
}

LogStatus MessageLog::close() noexcept {
  std::lock_guard lock(mutex_);
  if (!file_) return LogStatus::closed;
  auto s = failed_ ? LogStatus::io_error : close_batch_locked();
  if (s == LogStatus::ok && options_.fsync_on_flush && (std::fflush(file_) != 0 || ::fsync(fileno(file_)) != 0))
    s = LogStatus::io_error;
  if (std::fclose(file_) != 0) s = LogStatus::io_error;
  file_ = nullptr;
  return s;
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
