#include "architecture/reference.hpp"

#include <yaml-cpp/yaml.h>

#include <set>

#include "architecture/domains.hpp"
#include "tenancy/profile_loader.hpp"

namespace simpul::architecture {
namespace {

[[noreturn]] void fail(const std::filesystem::path& file, const YAML::Node& at, const std::string& problem) {
  int line = at.IsDefined() ? at.Mark().line + 1 : 0;
  throw tenancy::ProfileError(file.string() + ":" + std::to_string(line) + ": " + problem);
}

std::string text(const std::filesystem::path& file, const YAML::Node& n, const char* key) {
  auto v = n[key];
  if (!v.IsDefined() || !v.IsScalar() || v.Scalar().empty()) fail(file, n, std::string(key) + ": is required");
  return v.Scalar();
}

boost::json::value yaml_json(const YAML::Node& n) {
  if (n.IsSequence()) {
    boost::json::array a;
    for (const auto& i : n) a.push_back(yaml_json(i));
    return a;
  }
  if (n.IsMap()) {
    boost::json::object o;
    for (const auto& kv : n) o[kv.first.Scalar()] = yaml_json(kv.second);
    return o;
  }
  if (n.IsScalar()) return boost::json::string(n.Scalar());
  return nullptr;
}

}  // namespace

ReferenceArchitecture ReferenceArchitecture::load(const std::filesystem::path& file) {
  ReferenceArchitecture ra;
  if (!std::filesystem::exists(file)) return ra;
  YAML::Node root;
  try {
    root = YAML::LoadFile(file.string());
  } catch (const YAML::ParserException& e) {
    throw tenancy::ProfileError(file.string() + ":" + std::to_string(e.mark.line + 1) + ": syntax: " + e.msg);
  }
  std::set<std::string> codes;
  auto doms = root["domains"];
  if (!doms.IsSequence()) fail(file, root, "domains: must be a list");
  boost::json::array domains_json;
  for (const auto& d : doms) {
    std::string domain = text(file, d, "domain");
    if (!find_domain(domain)) fail(file, d, "domain: unknown domain '" + domain + "'");
    boost::json::array items_json;
    for (const auto& i : d["items"]) {
      ReferenceItem item{domain, text(file, i, "code"), 1, "", text(file, i, "name")};
      try {
        item.level = i["level"].as<int>();
      } catch (const YAML::Exception&) {
        fail(file, i, "level: must be 1 or 2");
      }
      if (item.level != 1 && item.level != 2) fail(file, i, "level: must be 1 or 2");
      if (item.level == 2) {
        item.parent = text(file, i, "parent");
        if (!codes.count(item.parent))
          fail(file, i, "parent: '" + item.parent + "' is not a level-1 code listed before it");
      }
      if (!codes.insert(item.code).second) fail(file, i, "code: duplicate '" + item.code + "'");
      items_json.push_back(boost::json::object{
          {"code", item.code},
          {"level", item.level},
          {"parent", item.parent.empty() ? boost::json::value(nullptr) : boost::json::value(item.parent)},
          {"name", item.name}});
      ra.items_.push_back(std::move(item));
    }
    auto dj = yaml_json(d).as_object();
    dj["items"] = std::move(items_json);
    domains_json.push_back(std::move(dj));
  }
  for (const char* key : {"id", "title", "source", "confidence", "notes"})
    ra.document_[key] = root[key].IsScalar() ? boost::json::value(root[key].Scalar()) : boost::json::value(nullptr);
  ra.document_["domains"] = std::move(domains_json);
  return ra;
}

const ReferenceItem* ReferenceArchitecture::find(const std::string& code) const {
  for (const auto& i : items_)
    if (i.code == code) return &i;
  return nullptr;
}

}  // namespace simpul::architecture
