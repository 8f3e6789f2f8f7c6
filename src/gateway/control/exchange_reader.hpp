#pragma once
// Reads the newest records of the data plane's message log for the console (the writer, proofs
// and verification are in gateway/message_log.hpp).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "gateway/message_log.hpp"

namespace simpul::gateway::control {

/// One record and whether a signed batch line covers it (then a proof can be exported).
struct ExchangeView {
  ExchangeRecord record;
  bool signed_batch = false;
  bool path_masked = false;  // record.path had personal identifiers masked (gateway/personal_ids.hpp)
};

struct ExchangeFilter {
  std::string service_id, consumer_id;
  std::optional<int> status;
  std::size_t limit = 100;
};

/// The newest records, newest first, that `keep` accepts, at most `limit`; reads segments from the
/// newest back and stops after `max_segments` of them. Unreadable lines are skipped. Never throws
/// for a missing directory (empty result).
std::vector<ExchangeView> read_recent_exchanges(const std::filesystem::path& dir, std::size_t limit,
                                                const std::function<bool(const ExchangeRecord&)>& keep,
                                                std::size_t max_segments = 16);

/// The record `seq`, if the log has it.
std::optional<ExchangeRecord> find_exchange(const std::filesystem::path& dir, std::uint64_t seq);

}  // namespace simpul::gateway::control
