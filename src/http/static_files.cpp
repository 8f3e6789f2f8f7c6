#include "http/static_files.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace simpul::http {
namespace {

std::string_view mime_type(const std::filesystem::path& p) {
  auto ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".ttf") return "font/ttf";
  return "application/octet-stream";
}

std::optional<std::string> read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A regular file that really lies under the root: the file is no symlink, and no folder on the way
// leads outside the root (a link planted in web/dist must not serve /etc/passwd).
bool regular_file_under(const std::filesystem::path& root, const std::filesystem::path& file) {
  std::error_code ec;
  if (std::filesystem::symlink_status(file, ec).type() != std::filesystem::file_type::regular || ec) return false;
  auto real_root = std::filesystem::canonical(root, ec);
  if (ec) return false;
  auto real_file = std::filesystem::canonical(file, ec);
  if (ec) return false;
  auto [r, f] = std::mismatch(real_root.begin(), real_root.end(), real_file.begin(), real_file.end());
  return r == real_root.end();
}

}  // namespace

std::optional<Response> serve_static(const std::filesystem::path& root, const Request& req) {
  if (root.empty()) return std::nullopt;
  std::filesystem::path rel = std::filesystem::path(req.path).relative_path().lexically_normal();
  bool hostile = rel.empty() || rel.string().rfind("..", 0) == 0 || req.path.find('\0') != std::string::npos;
  std::filesystem::path file = hostile ? root / "index.html" : root / rel;
  bool is_asset = !hostile && regular_file_under(root, file);
  if (!is_asset) file = root / "index.html";  // history-mode routing: the SPA resolves the path
  auto body = read_file(file);
  if (!body) return std::nullopt;
  Response r;
  r.body = std::move(*body);
  r.content_type = std::string(mime_type(file));
  // Vite fingerprints files under assets/, so they can be cached forever; index.html never.
  bool immutable = is_asset && rel.string().rfind("assets/", 0) == 0;
  r.set_header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

}  // namespace simpul::http
