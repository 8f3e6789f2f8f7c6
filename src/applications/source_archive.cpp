#include "applications/source_archive.hpp"

#include <zip.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>

namespace simpul::applications {
namespace {

constexpr std::size_t kMaxListed = 50;
/// A tar's headers are read from at most this many unpacked bytes: enough for every header of a
/// real project's archive, and a bound on a gzip bomb.
constexpr std::size_t kMaxTarBytes = 64u << 20;

void add_entry(ArchiveListing& out, std::string name) {
  if (name.empty() || name.back() == '/') return;
  ++out.files;
  if (is_source_file(name)) ++out.source_files;
  if (out.entries.size() < kMaxListed) out.entries.push_back(std::move(name));
}

std::optional<ArchiveListing> list_zip(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) return std::nullopt;
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!za) {
    zip_source_free(src);
    return std::nullopt;
  }
  ArchiveListing out;
  out.format = "zip";
  const zip_int64_t n = zip_get_num_entries(za, 0);
  for (zip_int64_t i = 0; i < n; ++i)
    if (const char* name = zip_get_name(za, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS)) add_entry(out, name);
  zip_discard(za);  // also frees the source
  return out;
}

/// Octal number field of a tar header.
std::size_t tar_octal(std::string_view field) {
  std::size_t v = 0;
  for (char c : field) {
    if (c == ' ' || c == '\0') {
      if (v) break;
      continue;
    }
    if (c < '0' || c > '7') return 0;
    v = v * 8 + static_cast<std::size_t>(c - '0');
  }
  return v;
}

std::string tar_text(std::string_view field) { return std::string(field.substr(0, field.find('\0'))); }

std::optional<ArchiveListing> list_tar(std::string_view tar, const char* format) {
  if (tar.size() < 512 || tar.substr(257, 5) != "ustar") return std::nullopt;
  ArchiveListing out;
  out.format = format;
  std::size_t at = 0;
  while (at + 512 <= tar.size()) {
    auto header = tar.substr(at, 512);
    if (header.find_first_not_of('\0') == std::string_view::npos) break;  // end of archive
    if (header.substr(257, 5) != "ustar") return std::nullopt;
    const char type = header[156];
    const std::size_t size = tar_octal(header.substr(124, 12));
    std::string name = tar_text(header.substr(0, 100));
    if (auto prefix = tar_text(header.substr(345, 155)); !prefix.empty()) name = prefix + "/" + name;
    if (type == '0' || type == '\0' || type == '7') add_entry(out, std::move(name));
    at += 512 + (size + 511) / 512 * 512;
  }
  return out;
}

/// Unpacks a gzip stream up to kMaxTarBytes (what is beyond is not read).
std::optional<std::string> gunzip_prefix(std::string_view bytes) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 16) != Z_OK) return std::nullopt;
  std::string out;
  std::array<char, 1 << 16> buf;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  int rc = Z_OK;
  while (rc == Z_OK && out.size() < kMaxTarBytes) {
    z.next_out = reinterpret_cast<Bytef*>(buf.data());
    z.avail_out = static_cast<uInt>(buf.size());
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    out.append(buf.data(), buf.size() - z.avail_out);
  }
  inflateEnd(&z);
  if (rc != Z_OK && rc != Z_STREAM_END && out.size() < 512) return std::nullopt;
  return out;
}

}  // namespace

bool is_source_file(std::string_view name) {
  // Languages and markup a program is written in; data formats (json, yaml, xml) alone are no source code.
  static constexpr std::string_view kExtensions[] = {
      "c",  "h",   "cc",  "cpp", "hpp",  "cs",  "java", "kt",  "kts", "scala",  "go",   "rs",
      "py", "rb",  "php", "js",  "mjs",  "ts",  "tsx",  "jsx", "vue", "svelte", "dart", "swift",
      "m",  "sql", "pl",  "sh",  "html", "css", "scss", "lua", "r",   "groovy"};
  auto slash = name.find_last_of('/');
  auto base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  auto dot = base.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string ext(base.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(std::begin(kExtensions), std::end(kExtensions), ext) != std::end(kExtensions);
}

std::optional<ArchiveListing> list_archive(std::string_view bytes) {
  if (bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return list_zip(bytes);
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
      static_cast<unsigned char>(bytes[1]) == 0x8b) {
    auto tar = gunzip_prefix(bytes);
    if (!tar) return std::nullopt;
    return list_tar(*tar, "tar.gz");
  }
  return list_tar(bytes, "tar");
}

std::optional<std::string> source_code_rule(const tenancy::Profile& p) {
  const auto* a = p.document.if_contains("applications");
  const auto* h = a && a->is_object() ? a->as_object().if_contains("handover") : nullptr;
  const auto* r = h && h->is_object() ? h->as_object().if_contains("source_code_rule") : nullptr;
  if (!r || !r->is_string() || !p.rule(std::string(r->as_string()))) return std::nullopt;
  return std::string(r->as_string());
}

}  // namespace simpul::applications
