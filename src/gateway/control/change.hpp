#pragma once
// ControlPlane::change and found(), shared by the sources of the control plane's workflows.
#include <optional>

#include "gateway/control/control_plane.hpp"
#include "gateway/control/repository.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::gateway::control {

template <typename F>
auto ControlPlane::change(bool affects_config, F&& work) {
  auto run = [&](storage::Connection& c) {
    auto result = work(c);
    if (affects_config) Repository(c).bump_version();
    return result;
  };
  auto result = storage::write_transaction(db_, run);
  if (affects_config) notify();
  return result;
}

/// Throws `code` unless the optional holds a value.
template <typename T>
T found(std::optional<T> v, ErrorCode code) {
  if (!v) throw Error(code);
  return std::move(*v);
}

}  // namespace simpul::gateway::control
