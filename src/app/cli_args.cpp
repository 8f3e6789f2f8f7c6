#include "app/cli_args.hpp"

#include <string_view>

namespace simpul::app {

CliArgs::CliArgs(int argc, char** argv, const std::set<std::string>& flags) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--", 0) != 0) {
      words_.push_back(a);
      continue;
    }
    std::string key = a.substr(2);
    if (auto eq = key.find('='); eq != std::string::npos) {
      options_[key.substr(0, eq)] = key.substr(eq + 1);
    } else if (!flags.count(key) && i + 1 < argc && std::string_view(argv[i + 1]).rfind("--", 0) != 0) {
      options_[key] = argv[++i];
    } else {
      // A declared switch; or an option followed by another option or by nothing: a switch the caller
      // did not declare (such as `gateway verify --live`), never the next option swallowed as its
      // value. An option that needed a value says so when it is read.
      flags_.insert(key);
    }
  }
}

std::optional<std::string> CliArgs::get(const std::string& key) const {
  auto it = options_.find(key);
  if (it == options_.end()) {
    if (flags_.count(key)) throw std::invalid_argument("option --" + key + " needs a value");
    return std::nullopt;
  }
  return it->second;
}

bool CliArgs::flag(const std::string& key) const {
  if (auto it = options_.find(key); it != options_.end())
    throw std::invalid_argument("option --" + key + " takes no value (got \"" + it->second + "\")");
  return flags_.count(key) > 0;
}

void CliArgs::allow_only(const std::set<std::string>& keys) const {
  for (const auto& [k, v] : options_)
    if (!keys.count(k)) throw std::invalid_argument("unknown option --" + k);
  for (const auto& k : flags_)
    if (!keys.count(k)) throw std::invalid_argument("unknown option --" + k);
}

std::string base_url(bool tls, const std::string& host, unsigned port) {
  const bool ipv6 = host.find(':') != std::string::npos;
  return std::string(tls ? "https" : "http") + "://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

}  // namespace simpul::app
