#pragma once
// Test support: builds zip archives in memory with libzip, so tests can hand-craft workbooks the
// way other spreadsheet programs write them, including broken and hostile ones.
#include <zip.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace simpul::interchange::test_zip {

using Entries = std::vector<std::pair<std::string, std::string>>;

inline std::string make_zip(const Entries& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* za = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!za) throw std::runtime_error("zip_open_from_source failed");
  zip_source_keep(buffer);  // read the bytes after zip_close
  for (const auto& [name, data] : entries) {
    zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
    if (!s || zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8) < 0) throw std::runtime_error("zip_file_add failed");
  }
  if (zip_close(za) != 0) throw std::runtime_error("zip_close failed");
  zip_stat_t st;
  zip_source_stat(buffer, &st);
  std::string out(st.size, '\0');
  zip_source_open(buffer);
  zip_source_read(buffer, out.data(), out.size());
  zip_source_close(buffer);
  zip_source_free(buffer);
  return out;
}

inline std::string read_entry(const std::string& archive, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(archive.data(), archive.size(), 0, &error);
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (!za) throw std::runtime_error("not a zip");
  zip_file_t* f = zip_fopen(za, name.c_str(), 0);
  if (!f) {
    zip_discard(za);
    throw std::runtime_error("no entry " + name);
  }
  std::string out;
  char buf[8192];
  for (zip_int64_t n; (n = zip_fread(f, buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  zip_fclose(f);
  zip_discard(za);
  return out;
}

inline void put_u32(std::string& s, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

/// Rewrites the uncompressed size the archive declares for one entry (local header and central
/// directory), the way a zip bomb lies about its contents.
inline void patch_declared_size(std::string& archive, const std::string& name, std::uint32_t size) {
  int patched = 0;
  for (std::size_t i = 0; i + 46 < archive.size(); ++i) {
    if (archive.compare(i, 4, "PK\x03\x04") == 0 && archive.compare(i + 30, name.size(), name) == 0) {
      put_u32(archive, i + 22, size);
      ++patched;
    } else if (archive.compare(i, 4, "PK\x01\x02") == 0 && archive.compare(i + 46, name.size(), name) == 0) {
      put_u32(archive, i + 24, size);
      ++patched;
    }
  }
  if (patched != 2) throw std::runtime_error("entry headers not found");
}

/// The smallest package structure around the given sheet parts ("xl/worksheets/sheetN.xml").
inline Entries minimal_workbook(const std::vector<std::string>& sheet_xml, const std::string& shared_strings = "") {
  Entries e;
  e.emplace_back(
      "_rels/.rels",
      R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)");
  std::string sheets, rels;
  for (std::size_t i = 0; i < sheet_xml.size(); ++i) {
    std::string n = std::to_string(i + 1);
    sheets += "<sheet name=\"Sheet" + n + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
            "Target=\"worksheets/sheet" +
            n + ".xml\"/>";
    e.emplace_back("xl/worksheets/sheet" + n + ".xml", sheet_xml[i]);
  }
  if (!shared_strings.empty()) {
    rels +=
        R"(<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)";
    e.emplace_back("xl/sharedStrings.xml", shared_strings);
  }
  e.emplace_back(
      "xl/workbook.xml",
      R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)" +
          sheets + "</sheets></workbook>");
  e.emplace_back(
      "xl/_rels/workbook.xml.rels",
      R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" +
          rels + "</Relationships>");
  return e;
}

inline std::string sheet_xml(const std::string& sheet_data) {
  return R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         sheet_data + "</sheetData></worksheet>";
}

}  // namespace simpul::interchange::test_zip
