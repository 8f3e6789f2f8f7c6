#pragma once
// What a PDF answer of the platform says, for API tests that read it: its streams inflated (the
// platform's PDFs compress everything) and the Unicode strings of its fonts decoded. Shared by the
// tests that read PDFs (tenant isolation, audit summaries); inline so each includes it alone.
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace simpul::api_test {

/// The streams of a PDF, inflated (the platform's PDFs compress everything, text included).
inline std::string inflated_pdf_streams(const std::string& pdf) {
  std::string out;
  for (std::size_t at = pdf.find("stream"); at != std::string::npos; at = pdf.find("stream", at + 6)) {
    auto begin = pdf.find('\n', at);
    auto end = pdf.find("endstream", at);
    bool keyword_of_endstream = at >= 3 && pdf.compare(at - 3, 3, "end") == 0;
    if (begin == std::string::npos || end == std::string::npos || keyword_of_endstream) continue;
    z_stream z{};
    if (inflateInit(&z) != Z_OK) continue;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(pdf.data() + begin + 1));
    z.avail_in = static_cast<uInt>(end - begin - 1);
    char buf[16384];
    int rc = Z_OK;
    while (rc == Z_OK) {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      rc = inflate(&z, Z_NO_FLUSH);
      out.append(buf, sizeof buf - z.avail_out);
    }
    inflateEnd(&z);
    out.push_back('\n');
  }
  return out;
}

inline void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

/// The text a PDF shows: its streams inflated (literal strings of the standard fonts appear as
/// they are), plus the hex strings of its Unicode fonts (<0052...> Tj) decoded from UTF-16BE.
inline std::string pdf_text(const std::string& pdf) {
  auto streams = inflated_pdf_streams(pdf);
  std::string out = streams;
  for (auto open = streams.find('<'); open != std::string::npos; open = streams.find('<', open + 1)) {
    auto close = streams.find('>', open);
    if (close == std::string::npos) break;
    std::string_view hex(streams.data() + open + 1, close - open - 1);
    if (hex.empty() || hex.size() % 4 != 0 ||
        !std::all_of(hex.begin(), hex.end(), [](unsigned char c) { return std::isxdigit(c); }))
      continue;
    out.push_back('\n');
    for (std::size_t k = 0; k < hex.size(); k += 4)
      append_utf8(out, std::stoul(std::string(hex.substr(k, 4)), nullptr, 16));
  }
  return out;
}

}  // namespace simpul::api_test
