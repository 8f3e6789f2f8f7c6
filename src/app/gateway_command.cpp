#include "app/gateway_command.hpp"

#include <fstream>
#include <ostream>
#include <sstream>
#include <stdexcept>

#include "core/crypto.hpp"
#include "gateway/message_log.hpp"

namespace simpul::app {
namespace {

constexpr const char* kUsage =
    "usage: simpul gateway verify --log-dir DIR --public-key HEX [--live] [--head FILE]\n"
    "       simpul gateway prove --log-dir DIR --seq N                 print the proof of one exchange (JSON)\n"
    "       simpul gateway verify-proof --proof FILE --public-key HEX  check an exported proof\n";

std::string public_key(const CliArgs& args) {
  std::string key;
  if (!args.get("public-key") || !crypto::from_hex(*args.get("public-key"), key) || key.size() != 32)
    throw std::invalid_argument(std::string("--public-key must be the gateway's Ed25519 public key (64 hex digits)\n") +
                                kUsage);
  return key;
}

std::string log_dir(const CliArgs& args) {
  if (!args.get("log-dir")) throw std::invalid_argument(kUsage);
  return *args.get("log-dir");
}

}  // namespace

int gateway_command(const CliArgs& args, std::ostream& out) {
  // The common options are accepted (and ignored) so one alias can run every subcommand.
  args.allow_only({"log-dir", "public-key", "seq", "proof", "live", "head", "database", "data-dir", "profiles-dir"});
  const auto& what = args.word(1);
  if (what == "verify") {
    // --head: the high-water mark to check against; by default the one beside the log directory,
    // or e.g. a copy kept off the host (docs/gateway.md, "High-water mark").
    auto report = gateway::verify_log(log_dir(args), public_key(args), args.flag("live"), args.get_or("head", ""));
    out << "segments: " << report.segments << "\nbatches: " << report.batches << "\nrecords: " << report.records
        << "\n";
    if (report.head)
      out << "high-water mark: seq " << report.head->last_seq << ", batch " << report.head->batch << ", signed at "
          << gateway::utc_time(report.head->time_us) << " (" << report.head_path.string() << ")\n";
    else
      out << "high-water mark: none at " << report.head_path.string() << "\n";
    if (report.ok()) {
      out << "message log OK: chain intact, every batch root and signature valid"
          << (report.head ? ", nothing missing below the high-water mark" : "") << "\n";
      return 0;
    }
    const auto& p = *report.problem;
    if (p.line == 0)  // the high-water mark, a key or a whole file: no line to point at
      out << "message log BROKEN (" << p.segment << "): " << p.what << "\n";
    else
      out << "message log BROKEN in " << p.segment << " line " << p.line << " (seq " << p.seq << "): " << p.what
          << "\n";
    return 1;
  }
  if (what == "prove") {
    std::uint64_t seq = 0;
    try {
      seq = std::stoull(args.get_or("seq", ""));
    } catch (const std::exception&) {
      throw std::invalid_argument(std::string("--seq must be a record number\n") + kUsage);
    }
    std::string why;
    auto proof = gateway::prove(log_dir(args), seq, &why);
    if (!proof) {
      out << "no proof for seq " << seq << ": " << why << "\n";
      return 1;
    }
    out << gateway::to_json(*proof) << "\n";
    return 0;
  }
  if (what == "verify-proof") {
    std::ifstream in(args.get_or("proof", ""), std::ios::binary);
    if (!in) throw std::invalid_argument(std::string("--proof must name a readable file\n") + kUsage);
    std::stringstream text;
    text << in.rdbuf();
    auto proof = gateway::proof_from_json(text.str());
    if (!proof) {
      out << "not a proof document\n";
      return 1;
    }
    auto check = gateway::verify_proof(*proof, public_key(args));
    out << (check.ok ? "proof OK: the exchange is in a batch signed by this key\n"
                     : "proof INVALID: " + check.problem + "\n");
    return check.ok ? 0 : 1;
  }
  throw std::invalid_argument(kUsage);
}

}  // namespace simpul::app
