#pragma once
// Run a piece of work in one transaction on a pooled connection: commit on return, roll back on throw.
#include <type_traits>

#include "storage/database.hpp"

namespace simpul::storage {

template <typename F>
auto write_transaction(Database& db, F&& work) {
  auto conn = db.acquire_writer();
  Transaction tx(*conn, Transaction::Write);
  if constexpr (std::is_void_v<decltype(work(*conn))>) {
    work(*conn);
    tx.commit();
  } else {
    auto result = work(*conn);
    tx.commit();
    return result;
  }
}

template <typename F>
auto read(Database& db, F&& work) {
  auto conn = db.acquire();
  return work(*conn);
}

}  // namespace simpul::storage
