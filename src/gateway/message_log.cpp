#include "gateway/message_log.hpp"

#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <fstream>

namespace simpul::gateway {

namespace fs = std::filesystem;

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

merkle::Hash leaf_of(const merkle::Hash& record_hash) {
  return merkle::leaf_hash(std::string_view(reinterpret_cast<const char*>(record_hash.data()), record_hash.size()));
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

// ---------------------------------------------------------------------------------------------
// Reading

struct Line {
  enum Kind { record, batch, bad } kind = bad;
  ExchangeRecord rec;
  std::string prev_hash, hash;  // record lines
  std::uint64_t batch_no = 0, first_seq = 0, last_seq = 0;
  std::string root, key_id, signature;  // batch lines
  std::string error;
};

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

// Calls f(line_number, Line) for each line of `path`; false if the file cannot be opened.
template <typename F>
bool for_each_line(const fs::path& path, F&& f) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string text;
  std::size_t n = 0;
  while (std::getline(in, text)) {
    ++n;
    if (!f(n, parse_line(text))) break;
  }
  return true;
}

// Record lines end with "hash":"<64 hex>"} and start with {"seq":N, — prove() reads only these two
// fields of the records it does not return (the proof is checked by verify_proof anyway).
bool quick_record(std::string_view t, std::uint64_t& seq, merkle::Hash& h) {
  constexpr std::string_view head = "{\"seq\":", key = "\"hash\":\"";
  if (!t.starts_with(head) || t.size() < head.size() + key.size() + 66 || !t.ends_with("\"}")) return false;
  auto r = std::from_chars(t.data() + head.size(), t.data() + t.size(), seq);
  if (r.ec != std::errc() || *r.ptr != ',') return false;
  if (t.substr(t.size() - 66 - key.size(), key.size()) != key) return false;
  return merkle::from_hex(t.substr(t.size() - 66, 64), h);
}

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
  std::lock_guard lock(mutex_);
  if (!file_) return LogStatus::closed;
  if (failed_) return LogStatus::io_error;
  if (auto s = close_batch_locked(); s != LogStatus::ok) return s;
  if (std::fflush(file_) != 0) return failed_ = true, LogStatus::io_error;
  if (options_.fsync_on_flush && ::fsync(fileno(file_)) != 0) return failed_ = true, LogStatus::io_error;
  return LogStatus::ok;
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

// ---------------------------------------------------------------------------------------------
// Proofs

std::string to_json(const InclusionProof& p) {
  boost::json::array path;
  for (const auto& s : p.path) path.push_back({{"sibling", s.sibling}, {"side", s.sibling_on_left ? "left" : "right"}});
  boost::json::object o{{"record", record_json(p.record)},
                        {"prev_hash", p.prev_hash},
                        {"hash", p.hash},
                        {"batch", {{"number", p.batch},
                                   {"first_seq", p.first_seq},
                                   {"last_seq", p.last_seq},
                                   {"root", p.root},
                                   {"signature", p.signature},
                                   {"key_id", p.key_id}}},
                        {"path", std::move(path)}};
  return boost::json::serialize(o);
}

std::optional<InclusionProof> proof_from_json(std::string_view json) {
  try {
    auto v = boost::json::parse(json);
    const auto& o = v.as_object();
    InclusionProof p;
    p.record = record_from(o.at("record").as_object());
    p.prev_hash = str(o, "prev_hash");
    p.hash = str(o, "hash");
    const auto& b = o.at("batch").as_object();
    p.batch = u64(b, "number");
    p.first_seq = u64(b, "first_seq");
    p.last_seq = u64(b, "last_seq");
    p.root = str(b, "root");
    p.signature = str(b, "signature");
    p.key_id = str(b, "key_id");
    for (const auto& s : o.at("path").as_array()) {
      const auto& so = s.as_object();
      auto side = str(so, "side");
      if (side != "left" && side != "right") return std::nullopt;
      p.path.push_back({str(so, "sibling"), side == "left"});
    }
    return p;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<InclusionProof> prove(const fs::path& dir, std::uint64_t seq, std::string* why) {
  auto fail = [&](std::string w) -> std::optional<InclusionProof> {
    if (why) *why = std::move(w);
    return std::nullopt;
  };
  try {
    // The segment to read: the last one whose first record is not after `seq`.
    fs::path target;
    for (const auto& seg : list_segments(dir)) {
      std::optional<std::uint64_t> first;
      for_each_line(seg, [&](std::size_t, const Line& l) {
        if (l.kind == Line::record) first = l.rec.seq;
        return l.kind == Line::bad ? false : !first;
      });
      if (first && *first <= seq) target = seg;
      if (first && *first > seq) break;
    }
    if (target.empty()) return fail("no record " + std::to_string(seq));
    std::vector<merkle::Hash> leaves;
    std::optional<InclusionProof> found;
    std::size_t index = 0;
    bool done = false, bad = false;
    std::string problem;
    std::ifstream in(target, std::ios::binary);
    if (!in) return fail("cannot read " + target.string());
    std::string text;
    for (std::size_t n = 1; !done && !bad && std::getline(in, text); ++n) {
      merkle::Hash h;
      std::uint64_t s = 0;
      if (quick_record(text, s, h) && s != seq) {
        leaves.push_back(leaf_of(h));
        continue;
      }
      auto l = parse_line(text);
      if (l.kind == Line::bad) {
        problem = target.filename().string() + " line " + std::to_string(n) + ": " + l.error;
        bad = true;
      } else if (l.kind == Line::record) {
        if (!merkle::from_hex(l.hash, h)) {
          problem = target.filename().string() + " line " + std::to_string(n) + ": bad hash";
          bad = true;
          continue;
        }
        if (l.rec.seq == seq) {
          found.emplace();
          found->record = l.rec;
          found->prev_hash = l.prev_hash;
          found->hash = l.hash;
          index = leaves.size();
        }
        leaves.push_back(leaf_of(h));
      } else if (found) {  // the batch line that closes the record's batch
        auto& p = *found;
        p.batch = l.batch_no;
        p.first_seq = l.first_seq;
        p.last_seq = l.last_seq;
        p.root = l.root;
        p.signature = l.signature;
        p.key_id = l.key_id;
        for (const auto& st : merkle::path(leaves, index)) p.path.push_back({merkle::to_hex(st.sibling), st.sibling_on_left});
        done = true;
      } else {
        leaves.clear();
      }
    }
    if (bad) return fail(problem);
    if (!found) return fail("no record " + std::to_string(seq));
    if (!done) return fail("record " + std::to_string(seq) + " is not in a signed batch yet");
    return found;
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}

ProofCheck verify_proof(const InclusionProof& p, std::string_view public_key) {
  auto no = [](std::string w) { return ProofCheck{false, std::move(w)}; };
  try {
    if (public_key.size() != 32) return no("the public key is not 32 bytes");
    merkle::Hash prev, stored, root;
    if (!merkle::from_hex(p.prev_hash, prev) || !merkle::from_hex(p.hash, stored) || !merkle::from_hex(p.root, root))
      return no("malformed hash");
    auto h = record_hash(prev, p.record);
    if (h != stored) return no("the record does not match its hash");
    if (p.record.seq < p.first_seq || p.record.seq > p.last_seq) return no("the record is outside its batch");
    std::vector<merkle::Step> steps;
    for (const auto& s : p.path) {
      merkle::Step st;
      if (!merkle::from_hex(s.sibling, st.sibling)) return no("malformed path");
      st.sibling_on_left = s.sibling_on_left;
      steps.push_back(st);
    }
    if (merkle::fold(leaf_of(h), steps) != root) return no("the path does not lead to the batch root");
    if (p.key_id != key_id(public_key)) return no("the batch names another key");
    std::string sig;
    if (!crypto::from_hex(p.signature, sig) || sig.size() != 64) return no("malformed signature");
    if (!crypto::verify_detached(public_key, batch_message(p.batch, p.first_seq, p.last_seq, root), sig))
      return no("the batch signature is not valid for this key");
    return {true, {}};
  } catch (const std::exception& e) {
    return no(e.what());
  }
}

// ---------------------------------------------------------------------------------------------
// Whole-log verification

LogReport verify_log(const fs::path& dir, std::string_view public_key, bool allow_open_batch) {
  LogReport rep;
  auto problem = [&](const fs::path& seg, std::size_t line, std::uint64_t seq, std::string what) {
    rep.problem = LogProblem{seg.filename().string(), line, seq, std::move(what)};
  };
  try {
    crypto::init();
    if (public_key.size() != 32) {
      problem(dir, 0, 0, "the public key is not 32 bytes");
      return rep;
    }
    const std::string kid = key_id(public_key);
    auto segments = list_segments(dir);
    std::uint64_t expected_seq = 1, expected_batch = 1;
    merkle::Hash prev{};
    std::vector<merkle::Hash> leaves;
    std::uint64_t first_pending = 0;
    std::size_t last_line = 0;
    for (std::size_t si = 0; si < segments.size() && !rep.problem; ++si) {
      const auto& seg = segments[si];
      ++rep.segments;
      last_line = 0;
      auto n_ = [](std::uint64_t v) { return std::to_string(v); };
      bool readable = for_each_line(seg, [&](std::size_t n, const Line& l) {
        last_line = n;
        if (l.kind == Line::bad) {
          problem(seg, n, expected_seq, l.error);
          return false;
        }
        if (l.kind == Line::record) {
          const auto seq = l.rec.seq;
          if (seq > expected_seq) {
            problem(seg, n, expected_seq,
                    "gap: record " + n_(expected_seq) + (seq - 1 > expected_seq ? " to " + n_(seq - 1) : "") +
                        " missing (next is " + n_(seq) + ")");
            return false;
          }
          if (seq < expected_seq) {
            problem(seg, n, seq, "record " + n_(seq) + " repeated or out of order (expected " + n_(expected_seq) + ")");
            return false;
          }
          merkle::Hash lp, lh;
          if (!merkle::from_hex(l.prev_hash, lp) || !merkle::from_hex(l.hash, lh)) {
            problem(seg, n, seq, "malformed hash in record " + n_(seq));
            return false;
          }
          if (lp != prev) {
            problem(seg, n, seq, "chain broken: record " + n_(seq) + " does not follow the previous record");
            return false;
          }
          if (record_hash(prev, l.rec) != lh) {
            problem(seg, n, seq, "record " + n_(seq) + " does not match its hash (edited)");
            return false;
          }
          if (leaves.empty()) first_pending = seq;
          leaves.push_back(leaf_of(lh));
          prev = lh;
          ++expected_seq;
          ++rep.records;
          return true;
        }
        // batch line
        std::uint64_t at = leaves.empty() ? l.first_seq : first_pending;
        if (l.batch_no != expected_batch) {
          problem(seg, n, at, "batch " + n_(l.batch_no) + " out of order (expected " + n_(expected_batch) + ")");
          return false;
        }
        if (leaves.empty() || l.first_seq != first_pending || l.last_seq != expected_seq - 1) {
          problem(seg, n, at,
                  "batch " + n_(l.batch_no) + " covers " + n_(l.first_seq) + ".." + n_(l.last_seq) +
                      " but the records before it are " + (leaves.empty() ? std::string("none") : n_(first_pending) + ".." + n_(expected_seq - 1)));
          return false;
        }
        merkle::Hash root;
        std::string sig;
        if (!merkle::from_hex(l.root, root) || root != merkle::root(leaves)) {
          problem(seg, n, at, "batch " + n_(l.batch_no) + ": Merkle root does not match its records");
          return false;
        }
        if (l.key_id != kid) {
          problem(seg, n, at, "batch " + n_(l.batch_no) + " is signed by another key (" + l.key_id + ")");
          return false;
        }
        if (!crypto::from_hex(l.signature, sig) || sig.size() != 64 ||
            !crypto::verify_detached(public_key, batch_message(l.batch_no, l.first_seq, l.last_seq, root), sig)) {
          problem(seg, n, at, "batch " + n_(l.batch_no) + ": signature is not valid");
          return false;
        }
        leaves.clear();
        ++expected_batch;
        ++rep.batches;
        return true;
      });
      if (!readable && !rep.problem) problem(seg, 0, expected_seq, "cannot read the segment");
      // The writer closes the batch before it leaves a segment; only a live log's last one is open.
      if (!rep.problem && !leaves.empty() && !(allow_open_batch && si + 1 == segments.size()))
        problem(seg, last_line, first_pending,
                "records " + std::to_string(first_pending) + ".." + std::to_string(expected_seq - 1) +
                    " are not covered by a signed batch");
    }
  } catch (const std::exception& e) {
    problem(dir, 0, 0, e.what());
  }
  return rep;
}

}  // namespace simpul::gateway
