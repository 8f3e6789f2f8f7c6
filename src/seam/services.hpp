#pragma once
// How modules find each other's services without the composition root wiring each pair: a module
// provides the services it owns when it is constructed, and later modules look them up by type
// (the pattern of userver's FindComponent). Lookups of a service nobody provided fail at start.
#include <stdexcept>
#include <string>
#include <typeindex>
#include <typeinfo>
#include <unordered_map>

namespace simpul::seam {

class Services {
 public:
  template <typename T>
  void provide(T& service) {
    services_[std::type_index(typeid(T))] = &service;
  }
  template <typename T>
  T& get() const {
    auto it = services_.find(std::type_index(typeid(T)));
    if (it == services_.end())
      throw std::logic_error(std::string("no module provides ") + typeid(T).name() +
                             " (module order in app/platform.cpp)");
    return *static_cast<T*>(it->second);
  }

 private:
  std::unordered_map<std::type_index, void*> services_;
};

}  // namespace simpul::seam
