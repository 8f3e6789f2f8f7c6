#pragma once
// Internal: a small SAX layer over expat shared by the XLSX and OEF readers. It refuses DOCTYPE
// (the door to entity expansion and external entities) and turns every failure into a FileError
// with a line and column.
#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include "interchange/file_error.hpp"

namespace simpul::interchange::xml {

/// Names arrive as "namespace-uri|local", or just "local" outside any namespace.
std::string_view local_name(std::string_view name);
std::string_view namespace_of(std::string_view name);

class Attributes {
 public:
  explicit Attributes(const char** pairs) : pairs_(pairs) {}
  /// The value of the attribute with this local name, in any namespace.
  std::optional<std::string_view> get(std::string_view local) const;
  /// The value of the attribute with this exact namespace and local name.
  std::optional<std::string_view> get(std::string_view ns, std::string_view local) const;

 private:
  const char** pairs_;
};

/// Handlers may throw FileError; a FileError without a location gets the current line and column.
class Handler {
 public:
  virtual ~Handler() = default;
  virtual void start(std::string_view name, const Attributes& attributes) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view data) {}
};

class Parser {
 public:
  /// document names the file in messages ("xl/workbook.xml"; empty for a plain XML upload);
  /// not_xml is the error kind when the very first element never comes (the input is not XML).
  Parser(Handler& handler, std::string document, FileErrorKind not_xml);
  ~Parser();
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  void feed(std::string_view chunk);
  void finish();

 private:
  struct Callbacks;
  void run(std::string_view chunk, bool last);
  std::string position() const;
  void fail(std::exception_ptr error);

  void* parser_;  // XML_Parser, kept out of this header so expat stays a private dependency
  Handler& handler_;
  std::string document_;
  FileErrorKind not_xml_;
  bool seen_root_ = false;
  std::exception_ptr error_;
};

/// Parses a complete document held in memory.
void parse(std::string_view xml, Handler& handler, std::string document, FileErrorKind not_xml);

}  // namespace simpul::interchange::xml
