#pragma once
// A cap on imports running at once, across every module: parsing a spreadsheet is the one request
// whose memory grows with its input, so a burst of uploads must queue at the client, not in RAM.
#include <atomic>
#include <optional>

namespace simpul::interchange {

class ImportSlot {
 public:
  static constexpr int kMaxConcurrent = 2;
  /// A slot, or nullopt when kMaxConcurrent imports are already running.
  static std::optional<ImportSlot> try_acquire();
  /// A slot, or Error(ImportBusy) asking the client to retry in a few seconds.
  static ImportSlot acquire();
  ImportSlot(ImportSlot&& other) noexcept : held_(other.held_) { other.held_ = false; }
  ImportSlot& operator=(ImportSlot&&) = delete;
  ~ImportSlot();

 private:
  ImportSlot() = default;
  bool held_ = true;
};

}  // namespace simpul::interchange
