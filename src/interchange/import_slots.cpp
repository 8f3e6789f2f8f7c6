#include "interchange/import_slots.hpp"

#include "core/error.hpp"

namespace simpul::interchange {
namespace {
std::atomic<int> running{0};
}

std::optional<ImportSlot> ImportSlot::try_acquire() {
  int now = running.load();
  while (now < kMaxConcurrent)
    if (running.compare_exchange_weak(now, now + 1)) return ImportSlot();
  return std::nullopt;
}

ImportSlot ImportSlot::acquire() {
  auto slot = try_acquire();
  if (!slot) throw Error(ErrorCode::ImportBusy, {{"retry_after_seconds", 5}, {"max_concurrent", kMaxConcurrent}});
  return std::move(*slot);
}

ImportSlot::~ImportSlot() {
  if (held_) running.fetch_sub(1);
}

}  // namespace simpul::interchange
