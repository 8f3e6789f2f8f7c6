#include "gateway/control/exchange_reader.hpp"

#include <algorithm>

#include "gateway/log_lines.hpp"

namespace simpul::gateway::control {
namespace {

/// The records of one segment in file order, each marked when a later batch line covers it.
std::vector<ExchangeView> read_segment(const std::filesystem::path& file) {
  std::vector<ExchangeView> out;
  std::uint64_t signed_up_to = 0;
  detail::for_each_line(file, [&](std::size_t, const detail::Line& line) {
    if (line.kind == detail::Line::record)
      out.push_back({line.rec, false});
    else if (line.kind == detail::Line::batch)
      signed_up_to = std::max(signed_up_to, line.last_seq);
    return true;
  });
  for (auto& v : out) v.signed_batch = v.record.seq <= signed_up_to;
  return out;
}

}  // namespace

std::vector<ExchangeView> read_recent_exchanges(const std::filesystem::path& dir, std::size_t limit,
                                                const std::function<bool(const ExchangeRecord&)>& keep,
                                                std::size_t max_segments) {
  std::vector<ExchangeView> out;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return out;
  auto segments = list_segments(dir);
  std::size_t read = 0;
  for (auto it = segments.rbegin(); it != segments.rend() && out.size() < limit && read < max_segments; ++it, ++read) {
    auto records = read_segment(*it);
    for (auto r = records.rbegin(); r != records.rend() && out.size() < limit; ++r)
      if (keep(r->record)) out.push_back(std::move(*r));
  }
  return out;
}

std::optional<ExchangeRecord> find_exchange(const std::filesystem::path& dir, std::uint64_t seq) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return std::nullopt;
  // Segments hold ascending seqs: only the last one starting at or before `seq` can hold it, and
  // its first record line tells where each segment starts (as prove() finds its segment).
  std::optional<std::filesystem::path> candidate;
  for (const auto& file : list_segments(dir)) {
    std::uint64_t first = 0;
    detail::for_each_line(file, [&](std::size_t, const detail::Line& line) {
      if (line.kind == detail::Line::record) first = line.rec.seq;
      return first == 0;
    });
    if (first == 0) continue;
    if (first > seq) break;
    candidate = file;
  }
  std::optional<ExchangeRecord> found;
  if (candidate)
    detail::for_each_line(*candidate, [&](std::size_t, const detail::Line& line) {
      if (line.kind == detail::Line::record && line.rec.seq == seq) found = line.rec;
      return !found && !(line.kind == detail::Line::record && line.rec.seq > seq);
    });
  return found;
}

}  // namespace simpul::gateway::control
