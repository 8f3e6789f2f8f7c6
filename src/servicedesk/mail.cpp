#include "servicedesk/mail.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include "core/crypto.hpp"
#include "core/text.hpp"

namespace simpul::servicedesk {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string trimmed(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string without_cr(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != '\r') out += c;
  return out;
}

/// Header block -> lower-case name -> unfolded value (the first occurrence of each name).
bool split_message(const std::string& text, std::map<std::string, std::string>& headers, std::string& body) {
  auto end = text.find("\n\n");
  if (end == std::string::npos) {
    if (text.empty() || text.back() != '\n') return false;
    end = text.size() - 1;  // headers only
  }
  body = end + 2 <= text.size() ? text.substr(end + 2) : "";
  std::string name, value;
  auto flush = [&] {
    if (!name.empty() && !headers.count(name)) headers[name] = trimmed(value);
    name.clear();
    value.clear();
  };
  std::size_t pos = 0;
  std::string block = text.substr(0, end);
  while (pos <= block.size()) {
    auto nl = block.find('\n', pos);
    std::string line = block.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? block.size() + 1 : nl + 1;
    if (line.empty()) continue;
    if (line[0] == ' ' || line[0] == '\t') {
      if (name.empty()) return false;  // a continuation before any header
      value += " " + trimmed(line);
      continue;
    }
    auto colon = line.find(':');
    if (colon == std::string::npos || colon == 0) return false;
    flush();
    name = lower(trimmed(line.substr(0, colon)));
    value = line.substr(colon + 1);
  }
  flush();
  return !headers.empty();
}

/// A parameter of a structured header value: boundary, charset.
std::string parameter(const std::string& value, const std::string& key) {
  auto l = lower(value);
  auto at = l.find(key + "=");
  if (at == std::string::npos) return "";
  auto v = value.substr(at + key.size() + 1);
  if (!v.empty() && v[0] == '"') {
    auto close = v.find('"', 1);
    return close == std::string::npos ? "" : v.substr(1, close - 1);
  }
  auto stop = v.find_first_of("; \t");
  return v.substr(0, stop);
}

/// ISO-8859-1 bytes to UTF-8.
std::string latin1_to_utf8(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

/// Text in `charset` to UTF-8; false when the charset is unknown or the text is not what it says.
bool to_utf8(const std::string& charset, const std::string& in, std::string& out) {
  auto cs = lower(charset);
  if (cs.empty() || cs == "utf-8" || cs == "us-ascii" || cs == "utf8") {
    out = in;
    return text::is_valid_utf8(out);
  }
  if (cs == "iso-8859-1" || cs == "latin1" || cs == "windows-1252") {
    out = latin1_to_utf8(in);
    return true;
  }
  return false;
}

bool decode_base64_text(const std::string& in, std::string& out) {
  std::string compact;
  for (char c : in)
    if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
  return crypto::from_base64(compact, out);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

/// Quoted-printable (RFC 2045); `header` for RFC 2047's Q encoding, where '_' is a space.
bool decode_quoted_printable(const std::string& in, std::string& out, bool header) {
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (header && c == '_') {
      out += ' ';
    } else if (c == '=') {
      if (i + 1 < in.size() && in[i + 1] == '\n') {  // soft line break
        ++i;
        continue;
      }
      if (i + 2 >= in.size()) return false;
      int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += c;
    }
  }
  return true;
}

/// RFC 2047 encoded words in a header value.
bool decode_words(const std::string& value, std::string& out) {
  out.clear();
  std::size_t pos = 0;
  bool last_was_word = false;
  while (pos < value.size()) {
    auto start = value.find("=?", pos);
    if (start == std::string::npos) {
      out += value.substr(pos);
      break;
    }
    std::string between = value.substr(pos, start - pos);
    if (!(last_was_word && trimmed(between).empty())) out += between;  // whitespace between two words is dropped
    auto q1 = value.find('?', start + 2);
    auto q2 = q1 == std::string::npos ? q1 : value.find('?', q1 + 1);
    auto end = q2 == std::string::npos ? q2 : value.find("?=", q2 + 1);
    if (end == std::string::npos) return false;
    std::string charset = value.substr(start + 2, q1 - start - 2);
    char enc = static_cast<char>(std::toupper(static_cast<unsigned char>(value[q1 + 1])));
    std::string data = value.substr(q2 + 1, end - q2 - 1), raw, utf8;
    bool ok = enc == 'B'   ? decode_base64_text(data, raw)
              : enc == 'Q' ? decode_quoted_printable(data, raw, true)
                           : false;
    if (!ok || !to_utf8(charset, raw, utf8)) return false;
    out += utf8;
    pos = end + 2;
    last_was_word = true;
  }
  return text::is_valid_utf8(out);
}

/// The address of a From value: "Name <a@b>" or "a@b".
std::string address_of(const std::string& from) {
  std::string a;
  auto lt = from.rfind('<');
  if (lt != std::string::npos) {
    auto gt = from.find('>', lt);
    if (gt == std::string::npos) return "";
    a = from.substr(lt + 1, gt - lt - 1);
  } else {
    a = trimmed(from);
  }
  a = lower(trimmed(a));
  auto at = a.find('@');
  if (at == std::string::npos || at == 0 || at + 1 == a.size() || a.find('@', at + 1) != std::string::npos) return "";
  for (unsigned char c : a)
    if (c <= ' ' || c >= 0x7f || c == '"' || c == ',' || c == '<' || c == '>') return "";
  return a;
}

/// The decoded text of one part, or false.
bool part_text(const std::map<std::string, std::string>& headers, const std::string& body, std::string& out,
               std::string& problem, int depth) {
  auto type_it = headers.find("content-type");
  std::string type = type_it == headers.end() ? "text/plain" : type_it->second;
  auto ltype = lower(type);
  if (ltype.rfind("multipart/", 0) == 0) {
    if (depth > 3) {
      problem = "multipart nested too deeply";
      return false;
    }
    auto boundary = parameter(type, "boundary");
    if (boundary.empty()) {
      problem = "multipart without a boundary";
      return false;
    }
    std::string delimiter = "--" + boundary;
    std::size_t pos = body.find(delimiter);
    while (pos != std::string::npos) {
      pos += delimiter.size();
      if (body.compare(pos, 2, "--") == 0) break;  // the closing delimiter
      auto next = body.find("\n" + delimiter, pos);
      if (next == std::string::npos) break;
      std::string part = body.substr(pos, next - pos);
      if (!part.empty() && part[0] == '\n') part.erase(0, 1);
      std::map<std::string, std::string> ph;
      std::string pb;
      if (split_message(part, ph, pb) && part_text(ph, pb, out, problem, depth + 1)) return true;
      pos = next + 1;
    }
    if (problem.empty()) problem = "no plain-text part";
    return false;
  }
  if (ltype.rfind("text/plain", 0) != 0) {
    problem = "not plain text";
    return false;
  }
  auto cte_it = headers.find("content-transfer-encoding");
  std::string cte = cte_it == headers.end() ? "7bit" : lower(cte_it->second);
  std::string raw;
  if (cte == "base64") {
    if (!decode_base64_text(body, raw)) {
      problem = "bad base64";
      return false;
    }
  } else if (cte == "quoted-printable") {
    if (!decode_quoted_printable(body, raw, false)) {
      problem = "bad quoted-printable";
      return false;
    }
  } else if (cte == "7bit" || cte == "8bit" || cte == "binary") {
    raw = body;
  } else {
    problem = "unknown transfer encoding";
    return false;
  }
  if (!to_utf8(parameter(type, "charset"), without_cr(raw), out)) {
    problem = "not valid text in its charset";
    return false;
  }
  return true;
}

/// The text without quoted lines of earlier messages.
std::string without_quotes(const std::string& text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
    if (!line.empty() && line[0] == '>') continue;
    out += line + "\n";
  }
  return trimmed(out);
}

}  // namespace

std::optional<InboundMail> parse_mail(const std::string& raw, std::string& problem) {
  problem.clear();
  if (raw.size() > kMaxInboundMailBytes) {
    problem = "larger than 1 MB";
    return std::nullopt;
  }
  std::map<std::string, std::string> headers;
  std::string body;
  if (!split_message(without_cr(raw), headers, body)) {
    problem = "no header block";
    return std::nullopt;
  }
  InboundMail m;
  auto from = headers.find("from");
  if (from == headers.end() || (m.from = address_of(from->second)).empty()) {
    problem = "no sender address";
    return std::nullopt;
  }
  auto subject = headers.find("subject");
  if (subject != headers.end() && !decode_words(subject->second, m.subject)) {
    problem = "undecodable subject";
    return std::nullopt;
  }
  m.subject = trimmed(m.subject);
  std::string text;
  if (!part_text(headers, body, text, problem, 0)) return std::nullopt;
  m.body = without_quotes(text);
  return m;
}

std::string ticket_number_in(const std::string& subject) {
  auto open = subject.find("[#");
  if (open == std::string::npos) return "";
  auto close = subject.find(']', open);
  if (close == std::string::npos) return "";
  auto number = subject.substr(open + 2, close - open - 2);
  for (unsigned char c : number)
    if (!std::isalnum(c) && c != '-') return "";
  return number;
}

}  // namespace simpul::servicedesk
