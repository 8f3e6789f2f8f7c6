#include "interchange/xml_parser.hpp"

#include <expat.h>

#include <algorithm>
#include <climits>
#include <cstring>

namespace simpul::interchange::xml {

std::string_view local_name(std::string_view name) {
  auto bar = name.rfind('|');
  return bar == std::string_view::npos ? name : name.substr(bar + 1);
}

std::string_view namespace_of(std::string_view name) {
  auto bar = name.rfind('|');
  return bar == std::string_view::npos ? std::string_view{} : name.substr(0, bar);
}

std::optional<std::string_view> Attributes::get(std::string_view local) const {
  for (const char** p = pairs_; p && *p; p += 2) {
    if (local_name(p[0]) == local) return std::string_view(p[1]);
  }
  return std::nullopt;
}

std::optional<std::string_view> Attributes::get(std::string_view ns, std::string_view local) const {
  for (const char** p = pairs_; p && *p; p += 2) {
    std::string_view name = p[0];
    if (local_name(name) == local && namespace_of(name) == ns) return std::string_view(p[1]);
  }
  return std::nullopt;
}

// Exceptions must not unwind through expat's C frames, so each callback catches, records the
// error and stops the parser; run() rethrows once XML_Parse has returned.
struct Parser::Callbacks {
  static Parser& self(void* data) { return *static_cast<Parser*>(data); }

  static void start(void* data, const XML_Char* name, const XML_Char** attributes) {
    Parser& p = self(data);
    p.seen_root_ = true;
    if (p.error_) return;
    try {
      p.handler_.start(name, Attributes(attributes));
    } catch (...) {
      p.fail(std::current_exception());
    }
  }

  // After a failure expat may still report the end of the same tag (<a/>); handlers never see it.
  static void end(void* data, const XML_Char* name) {
    Parser& p = self(data);
    if (p.error_) return;
    try {
      p.handler_.end(name);
    } catch (...) {
      p.fail(std::current_exception());
    }
  }

  static void text(void* data, const XML_Char* s, int len) {
    Parser& p = self(data);
    if (p.error_) return;
    try {
      p.handler_.text(std::string_view(s, static_cast<std::size_t>(len)));
    } catch (...) {
      p.fail(std::current_exception());
    }
  }

  static void doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    Parser& p = self(data);
    p.fail(std::make_exception_ptr(
        FileError(FileErrorKind::Malformed, "XML with a document type declaration (DOCTYPE) is not accepted")));
  }
};

Parser::Parser(Handler& handler, std::string document, FileErrorKind not_xml)
    : parser_(XML_ParserCreateNS(nullptr, '|')), handler_(handler), document_(std::move(document)), not_xml_(not_xml) {
  if (!parser_) throw std::bad_alloc();
  auto p = static_cast<XML_Parser>(parser_);
  XML_SetUserData(p, this);
  XML_SetElementHandler(p, &Callbacks::start, &Callbacks::end);
  XML_SetCharacterDataHandler(p, &Callbacks::text);
  XML_SetStartDoctypeDeclHandler(p, &Callbacks::doctype);
  XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
}

Parser::~Parser() { XML_ParserFree(static_cast<XML_Parser>(parser_)); }

std::string Parser::position() const {
  auto p = static_cast<XML_Parser>(parser_);
  std::string where = document_.empty() ? "" : document_ + " ";
  return where + "line " + std::to_string(XML_GetCurrentLineNumber(p)) + ", column " +
         std::to_string(XML_GetCurrentColumnNumber(p) + 1);
}

void Parser::fail(std::exception_ptr error) {
  if (!error_) {
    // Locate handler errors here, while expat still knows the position.
    try {
      std::rethrow_exception(error);
    } catch (const FileError& e) {
      error_ = e.where().empty() ? std::make_exception_ptr(FileError(e.kind(), e.message(), position())) : error;
    } catch (...) {
      error_ = error;
    }
  }
  XML_StopParser(static_cast<XML_Parser>(parser_), XML_FALSE);
}

void Parser::run(std::string_view chunk, bool last) {
  auto p = static_cast<XML_Parser>(parser_);
  if (error_) std::rethrow_exception(error_);
  constexpr std::size_t kPiece = 16u * 1024 * 1024;  // XML_Parse takes an int length
  do {
    std::size_t n = std::min(chunk.size(), kPiece);
    bool final_piece = last && n == chunk.size();
    if (XML_Parse(p, chunk.data(), static_cast<int>(n), final_piece ? XML_TRUE : XML_FALSE) != XML_STATUS_OK) {
      if (error_) std::rethrow_exception(error_);
      std::string message = XML_ErrorString(XML_GetErrorCode(p));
      if (!seen_root_) {
        throw FileError(not_xml_, "the content is not XML (" + message + ")", position());
      }
      throw FileError(FileErrorKind::Malformed, "broken XML: " + message, position());
    }
    chunk.remove_prefix(n);
  } while (!chunk.empty());
}

void Parser::feed(std::string_view chunk) {
  if (!chunk.empty()) run(chunk, false);
}

void Parser::finish() { run({}, true); }

void parse(std::string_view xml, Handler& handler, std::string document, FileErrorKind not_xml) {
  Parser parser(handler, std::move(document), not_xml);
  parser.feed(xml);
  parser.finish();
}

}  // namespace simpul::interchange::xml
