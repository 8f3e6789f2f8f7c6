#include <map>
#include <set>

#include "interchange/file_error.hpp"
#include "interchange/oef.hpp"
#include "interchange/oef_ids.hpp"
#include "interchange/xml_parser.hpp"

namespace simpul::interchange {
namespace {

using xml::local_name;

constexpr std::string_view kArchimateNamespacePrefix = "http://www.opengroup.org/xsd/archimate/3.";
constexpr std::string_view kXsi = "http://www.w3.org/2001/XMLSchema-instance";
constexpr std::string_view kXmlNamespace = "http://www.w3.org/XML/1998/namespace";

/// Keeps one of several language variants of a text: Indonesian if present, else the first.
struct LangText {
  std::string* target = nullptr;
  bool have = false;
  bool indonesian = false;

  void offer(std::string value, std::string_view lang) {
    bool is_id = lang == "id" || lang.starts_with("id-");
    if (have && (indonesian || !is_id)) return;
    *target = std::move(value);
    have = true;
    indonesian = is_id;
  }
};

/// "archimate:BusinessActor" and "BusinessActor" name the same type.
std::string type_name(std::string_view qname) {
  auto colon = qname.rfind(':');
  return std::string(colon == std::string_view::npos ? qname : qname.substr(colon + 1));
}

class OefHandler : public xml::Handler {
 public:
  explicit OefHandler(const Limits& limits) : limits_(limits) { model_name_.target = &model.name; }

  OefModel model;
  std::map<std::string, std::string> definitions;  // propertyDefinition identifier -> key

  void start(std::string_view name, const xml::Attributes& a) override {
    std::string_view local = local_name(name);
    if (path_.empty()) check_root(name);
    path_.emplace_back(local);
    const std::size_t depth = path_.size();

    if (depth == 2 && local == "name") {
      begin_text(model_name_, a);
    } else if (depth == 3 && at("elements") && local == "element") {
      count_item();
      OefElement& e = model.elements.emplace_back();
      e.id = required(a.get("identifier"), "an element without an identifier");
      e.type = type_name(required(a.get(kXsi, "type"), "an element without xsi:type"));
      begin_concept(e.name, e.documentation, e.properties);
    } else if (depth == 3 && at("relationships") && local == "relationship") {
      count_item();
      OefRelationship& r = model.relationships.emplace_back();
      r.id = required(a.get("identifier"), "a relationship without an identifier");
      r.type = type_name(required(a.get(kXsi, "type"), "a relationship without xsi:type"));
      r.source = required(a.get("source"), "a relationship without a source");
      r.target = required(a.get("target"), "a relationship without a target");
      begin_concept(r.name, r.documentation, r.properties);
    } else if (depth == 3 && at("propertyDefinitions") && local == "propertyDefinition") {
      definition_id_ = required(a.get("identifier"), "a property definition without an identifier");
      definition_name_ = LangText{&definitions[definition_id_]};
      // ArchiMate 3.0 files carry the name as an attribute rather than a child element.
      if (auto n = a.get("name")) definition_name_.offer(std::string(*n), "");
    } else if (depth == 4 && path_[2] == "propertyDefinition" && local == "name") {
      begin_text(definition_name_, a);
    } else if (depth == 4 && concept_.name && (local == "name" || local == "documentation")) {
      begin_text(local == "name" ? concept_name_ : concept_documentation_, a);
    } else if (depth == 5 && concept_.name && at("properties") && local == "property") {
      OefProperty& p = concept_.properties->emplace_back();
      // Definitions come after the model content, so the key is resolved at the end.
      p.key = required(a.get("propertyDefinitionRef"), "a property without propertyDefinitionRef");
      property_value_ = LangText{&p.value};
    } else if (depth == 6 && concept_.name && path_[4] == "property" && local == "value") {
      begin_text(property_value_, a);
    }
  }

  void end(std::string_view name) override {
    if (path_.empty()) return;
    if (capturing_ && path_.size() == capture_depth_) {
      capturing_->offer(std::move(text_), lang_);
      capturing_ = nullptr;
      text_.clear();
    }
    if (path_.size() == 3 && (path_[2] == "element" || path_[2] == "relationship")) {
      concept_ = Concept{};
    }
    path_.pop_back();
  }

  void text(std::string_view data) override {
    if (capturing_ && path_.size() == capture_depth_) text_.append(data);
  }

 private:
  /// The element or relationship being read; name is null outside one.
  struct Concept {
    std::string* name = nullptr;
    std::vector<OefProperty>* properties = nullptr;
  };

  bool at(std::string_view parent) const { return path_.size() >= 2 && path_[path_.size() - 2] == parent; }

  void check_root(std::string_view name) {
    if (local_name(name) != "model" || !xml::namespace_of(name).starts_with(kArchimateNamespacePrefix)) {
      throw FileError(FileErrorKind::NotOef,
                      "not an ArchiMate 3.x Open Exchange file (the root element is not an ArchiMate <model>)");
    }
  }

  void count_item() {
    if (model.elements.size() + model.relationships.size() >= limits_.max_rows) {
      throw FileError(FileErrorKind::TooLarge,
                      "more than " + std::to_string(limits_.max_rows) + " elements and relationships");
    }
  }

  static std::string required(std::optional<std::string_view> value, const char* problem) {
    if (!value || value->empty()) throw FileError(FileErrorKind::Malformed, problem);
    return std::string(*value);
  }

  void begin_concept(std::string& name, std::string& documentation, std::vector<OefProperty>& properties) {
    concept_ = Concept{&name, &properties};
    concept_name_ = LangText{&name};
    concept_documentation_ = LangText{&documentation};
  }

  void begin_text(LangText& into, const xml::Attributes& a) {
    capturing_ = &into;
    capture_depth_ = path_.size();
    lang_ = std::string(a.get(kXmlNamespace, "lang").value_or(""));
    text_.clear();
  }

  const Limits& limits_;
  std::vector<std::string> path_;
  LangText model_name_;
  Concept concept_;
  LangText concept_name_, concept_documentation_, property_value_, definition_name_;
  std::string definition_id_;
  LangText* capturing_ = nullptr;
  std::size_t capture_depth_ = 0;
  std::string lang_, text_;
};

void resolve_properties(std::vector<OefProperty>& properties, const std::map<std::string, std::string>& definitions) {
  for (OefProperty& p : properties) {
    auto found = definitions.find(p.key);
    if (found == definitions.end()) {
      throw FileError(FileErrorKind::Malformed,
                      "a property refers to the undefined property definition '" + p.key + "'");
    }
    p.key = found->second;
  }
}

}  // namespace

OefModel read_oef(std::string_view xml, const Limits& limits) {
  if (xml.size() > limits.max_uncompressed_bytes) {
    throw FileError(FileErrorKind::TooLarge,
                    "the file is larger than " + std::to_string(limits.max_uncompressed_bytes / (1024 * 1024)) + " MB");
  }
  OefHandler handler(limits);
  xml::parse(xml, handler, "", FileErrorKind::NotOef);
  OefModel model = std::move(handler.model);

  std::set<std::string> ids;
  auto unique = [&](std::string& id) {
    id = oef::decode_id(id);
    if (!ids.insert(id).second) throw FileError(FileErrorKind::Malformed, "the identifier '" + id + "' is used twice");
  };
  for (OefElement& e : model.elements) {
    unique(e.id);
    resolve_properties(e.properties, handler.definitions);
  }
  for (OefRelationship& r : model.relationships) {
    unique(r.id);
    r.source = oef::decode_id(r.source);
    r.target = oef::decode_id(r.target);
    resolve_properties(r.properties, handler.definitions);
  }
  return model;
}

}  // namespace simpul::interchange
