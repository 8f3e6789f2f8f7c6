#include "tenancy/profile_reader.hpp"

#include <regex>

namespace simpul::tenancy {

boost::json::value yaml_to_json(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return nullptr;
    case YAML::NodeType::Sequence: {
      boost::json::array a;
      for (const auto& item : n) a.push_back(yaml_to_json(item));
      return a;
    }
    case YAML::NodeType::Map: {
      boost::json::object o;
      for (const auto& kv : n) o[kv.first.Scalar()] = yaml_to_json(kv.second);
      return o;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      if (n.Tag() == "!") return boost::json::string(s);  // quoted in the file
      static const std::regex kInt("-?[0-9]{1,15}");
      if (std::regex_match(s, kInt)) return std::stoll(s);
      if (s == "true") return true;
      if (s == "false") return false;
      if (s == "null" || s == "~") return nullptr;
      return boost::json::string(s);
    }
  }
  return nullptr;
}

}  // namespace simpul::tenancy
