#include <algorithm>
#include <map>
#include <stdexcept>

#include "interchange/oef.hpp"
#include "interchange/oef_ids.hpp"
#include "interchange/xml_escape.hpp"

namespace simpul::interchange {
namespace {

/// Builds the document text; every piece of caller text goes through xml::append_escaped.
class OefWriter {
 public:
  explicit OefWriter(const OefModel& model) : model_(model) { number_property_keys(); }

  std::string write() {
    out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out_ +=
        "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\""
        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        " xsi:schemaLocation=\"http://www.opengroup.org/xsd/archimate/3.0/"
        " http://www.opengroup.org/xsd/archimate/3.1/archimate3_Model.xsd\""
        // Not "id-...": encoded caller ids all start that way, so this one cannot collide.
        " identifier=\"simpul-model\">\n";
    text_element(1, "name", model_.name, true);
    if (!model_.elements.empty()) {
      out_ += "  <elements>\n";
      for (const OefElement& e : model_.elements) element(e);
      out_ += "  </elements>\n";
    }
    if (!model_.relationships.empty()) {
      out_ += "  <relationships>\n";
      for (const OefRelationship& r : model_.relationships) relationship(r);
      out_ += "  </relationships>\n";
    }
    if (!keys_in_order_.empty()) {
      out_ += "  <propertyDefinitions>\n";
      for (std::size_t i = 0; i < keys_in_order_.size(); ++i) {
        out_ += "    <propertyDefinition identifier=\"" + definition_id(i) + "\" type=\"string\">\n";
        text_element(3, "name", keys_in_order_[i], false);
        out_ += "    </propertyDefinition>\n";
      }
      out_ += "  </propertyDefinitions>\n";
    }
    out_ += "</model>\n";
    return std::move(out_);
  }

 private:
  static std::string definition_id(std::size_t index) { return "propid-" + std::to_string(index + 1); }

  void number_property_keys() {
    auto add = [&](const std::vector<OefProperty>& properties) {
      for (const OefProperty& p : properties) {
        if (key_index_.emplace(p.key, keys_in_order_.size()).second) keys_in_order_.push_back(p.key);
      }
    };
    for (const OefElement& e : model_.elements) add(e.properties);
    for (const OefRelationship& r : model_.relationships) add(r.properties);
  }

  static const std::string& checked_type(const std::string& type) {
    // xsi:type is a QName; ArchiMate's type names are plain ASCII words.
    if (type.empty() || !std::all_of(type.begin(), type.end(),
                                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); })) {
      throw std::invalid_argument("invalid ArchiMate type '" + type + "'");
    }
    return type;
  }

  void indent(int level) { out_.append(static_cast<std::size_t>(level) * 2, ' '); }

  void attribute(std::string_view name, std::string_view value) {
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    xml::append_escaped(out_, value, true);
    out_ += '"';
  }

  void text_element(int level, std::string_view tag, std::string_view text, bool indonesian) {
    indent(level);
    out_ += '<';
    out_ += tag;
    if (indonesian) out_ += " xml:lang=\"id\"";
    out_ += '>';
    xml::append_escaped(out_, text, false);
    out_ += "</";
    out_ += tag;
    out_ += ">\n";
  }

  void properties(int level, const std::vector<OefProperty>& list) {
    if (list.empty()) return;
    indent(level);
    out_ += "<properties>\n";
    for (const OefProperty& p : list) {
      indent(level + 1);
      out_ += "<property";
      attribute("propertyDefinitionRef", definition_id(key_index_.at(p.key)));
      out_ += ">\n";
      text_element(level + 2, "value", p.value, true);
      indent(level + 1);
      out_ += "</property>\n";
    }
    indent(level);
    out_ += "</properties>\n";
  }

  void element(const OefElement& e) {
    out_ += "    <element";
    attribute("identifier", oef::encode_id(e.id));
    attribute("xsi:type", checked_type(e.type));
    out_ += ">\n";
    text_element(3, "name", e.name, true);  // the schema requires a name for elements
    if (!e.documentation.empty()) text_element(3, "documentation", e.documentation, true);
    properties(3, e.properties);
    out_ += "    </element>\n";
  }

  void relationship(const OefRelationship& r) {
    out_ += "    <relationship";
    attribute("identifier", oef::encode_id(r.id));
    attribute("source", oef::encode_id(r.source));
    attribute("target", oef::encode_id(r.target));
    attribute("xsi:type", checked_type(r.type));
    out_ += ">\n";
    if (!r.name.empty()) text_element(3, "name", r.name, true);
    if (!r.documentation.empty()) text_element(3, "documentation", r.documentation, true);
    properties(3, r.properties);
    out_ += "    </relationship>\n";
  }

  const OefModel& model_;
  std::map<std::string, std::size_t> key_index_;
  std::vector<std::string> keys_in_order_;
  std::string out_;
};

}  // namespace

std::string write_oef(const OefModel& model) { return OefWriter(model).write(); }

}  // namespace simpul::interchange
