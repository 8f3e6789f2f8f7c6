#pragma once
// The message log's line format as the writer, the prover and the verifier read it back
// (docs/gateway.md): internal to src/gateway.
#include <boost/json/object.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <type_traits>

#include "gateway/merkle.hpp"
#include "gateway/message_log.hpp"

namespace simpul::gateway::detail {

/// The Merkle leaf of a record hash.
merkle::Hash leaf_of(const merkle::Hash& record_hash);

/// One parsed line of a segment: a record, a batch, or an unreadable line.
struct Line {
  enum Kind { record, batch, bad } kind = bad;
  ExchangeRecord rec;
  std::string prev_hash, hash;  // record lines
  std::uint64_t batch_no = 0, first_seq = 0, last_seq = 0;
  std::string root, key_id, signature;  // batch lines
  std::string error;
};

std::string str(const boost::json::object& o, const char* k);
std::uint64_t u64(const boost::json::object& o, const char* k);
ExchangeRecord record_from(const boost::json::object& o);
boost::json::object record_json(const ExchangeRecord& r);
Line parse_line(std::string_view text);
/// Record lines end with "hash":"<64 hex>"} and start with {"seq":N, — prove() reads only these
/// two fields of the records it does not return (the proof is checked by verify_proof anyway).
bool quick_record(std::string_view t, std::uint64_t& seq, merkle::Hash& h);

// Calls f(line_number, Line) for each line of `path` — or f(line_number, Line, terminated), where
// `terminated` is false for a last line without '\n' (one being written) — until f returns false;
// false if the file cannot be opened.
template <typename F>
bool for_each_line(const std::filesystem::path& path, F&& f) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string text;
  std::size_t n = 0;
  while (std::getline(in, text)) {
    ++n;
    if constexpr (std::is_invocable_v<F, std::size_t, const Line&, bool>) {
      if (!f(n, parse_line(text), !in.eof())) break;
    } else {
      if (!f(n, parse_line(text))) break;
    }
  }
  return true;
}

}  // namespace simpul::gateway::detail
