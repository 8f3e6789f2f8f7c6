#include "gateway/body_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <sys/stat.h>

#include "core/log.hpp"
#include "gateway/file_modes.hpp"

namespace simpul::gateway {

namespace fs = std::filesystem;

namespace {

const char* suffix(BodyPart part) { return part == BodyPart::request ? ".request" : ".response"; }

/// Writes `content` to `path` via `path.tmp` (exclusive create, mode 0600) and a rename.
bool write_file(const fs::path& path, std::string_view content) noexcept {
  const fs::path tmp = fs::path(path).concat(".tmp");
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return false;
  // A temporary file left by a crash keeps its mode through O_TRUNC: the body must not inherit it.
  bool ok = ::fchmod(fd, 0600) == 0;
  for (std::size_t done = 0; ok && done < content.size();) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      ok = false;
    else
      done += static_cast<std::size_t>(n);
  }
  ok = ::close(fd) == 0 && ok;
  std::error_code ec;
  if (ok) fs::rename(tmp, path, ec);
  if (!ok || ec) {
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return std::move(out).str();
}

}  // namespace

bool is_safe_request_id(std::string_view id) noexcept {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

fs::path BodyStore::day_dir(std::int64_t time_us) const {
  using namespace std::chrono;
  const auto day = floor<days>(sys_time<microseconds>(microseconds(time_us)));
  const year_month_day ymd(day);
  char name[16];
  std::snprintf(name, sizeof name, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return dir_ / name;
}

bool BodyStore::secure() const noexcept {
  std::string why;
  if (!make_private_dir(dir_, &why)) {
    log::error("gateway.body_store_unusable", {{"dir", dir_.string()}, {"reason", why}});
    return false;
  }
  bool ok = true;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir_, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_symlink(ec)) continue;
    ok = tighten(it->path()) && ok;
  }
  return ok && !ec;
}

bool BodyStore::save(std::int64_t time_us, std::string_view request_id, const ExchangeBodies& bodies) const noexcept {
  if (!is_safe_request_id(request_id)) return false;
  try {
    const fs::path day = day_dir(time_us);
    // One mkdir for the day's folder (it exists after the day's first exchange); the store's own
    // folder too when it is missing.
    if (::mkdir(day.c_str(), 0700) != 0 && errno != EEXIST && !make_private_dir(day)) return false;
    const std::string base(request_id);
    const std::string meta =
        boost::json::serialize(boost::json::object{{"request_content_type", bodies.request.content_type},
                                                   {"response_content_type", bodies.response.content_type}});
    // The meta file last: a body counts as stored only once all three are in place.
    return write_file(day / (base + suffix(BodyPart::request)), bodies.request.content) &&
           write_file(day / (base + suffix(BodyPart::response)), bodies.response.content) &&
           write_file(day / (base + ".meta.json"), meta);
  } catch (...) {  // allocation failure: the exchange is recorded without its bodies
    return false;
  }
}

std::optional<StoredBody> BodyStore::load(std::int64_t time_us, std::string_view request_id, BodyPart part) const {
  if (!is_safe_request_id(request_id)) return std::nullopt;
  const fs::path day = day_dir(time_us);
  const std::string base(request_id);
  auto meta = read_file(day / (base + ".meta.json"));
  if (!meta) return std::nullopt;
  auto content = read_file(day / (base + suffix(part)));
  if (!content) return std::nullopt;
  StoredBody out{std::move(*content), {}};
  boost::system::error_code ec;
  auto parsed = boost::json::parse(*meta, ec);
  if (!ec && parsed.is_object()) {
    const char* key = part == BodyPart::request ? "request_content_type" : "response_content_type";
    if (auto* v = parsed.as_object().if_contains(key); v && v->is_string()) out.content_type = v->as_string().c_str();
  }
  return out;
}

}  // namespace simpul::gateway
