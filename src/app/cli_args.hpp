#pragma once
// A small command-line reader: positional words, "--key value" options and "--flag" switches.
// A switch never takes the next argument as a value: an option followed by another option (or by
// nothing) is a switch even when the caller did not declare it.
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace simpul::app {

class CliArgs {
 public:
  /// `flags` are the options that take no value.
  CliArgs(int argc, char** argv, const std::set<std::string>& flags);
  const std::vector<std::string>& words() const { return words_; }
  std::string word(std::size_t i) const { return i < words_.size() ? words_[i] : ""; }
  /// The value of --key; nullopt when absent. Throws when --key was given without a value.
  std::optional<std::string> get(const std::string& key) const;
  std::string get_or(const std::string& key, const std::string& fallback) const { return get(key).value_or(fallback); }
  /// Whether the switch --key was given. Throws when it was given a value ("--live yes"): a word
  /// taken as its value would otherwise be lost without a word.
  bool flag(const std::string& key) const;
  /// Throws when an option was given that the command does not know (typos must not pass silently).
  void allow_only(const std::set<std::string>& keys) const;

 private:
  std::vector<std::string> words_;
  std::map<std::string, std::string> options_;
  std::set<std::string> flags_;
};

/// "http://host:port" for printing and links; an IPv6 host gets its brackets.
std::string base_url(bool tls, const std::string& host, unsigned port);

}  // namespace simpul::app
