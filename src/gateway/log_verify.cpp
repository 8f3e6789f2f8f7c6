// Inclusion proofs and whole-log verification (docs/gateway.md, "Proofs" and "Verification"):
// reading only, never throwing.
#include <sodium.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "gateway/log_lines.hpp"
#include "gateway/message_log.hpp"

namespace simpul::gateway {

namespace fs = std::filesystem;
using namespace detail;

// ---------------------------------------------------------------------------------------------
// Proofs

std::string to_json(const InclusionProof& p) {
  boost::json::array path;
  for (const auto& s : p.path) path.push_back({{"sibling", s.sibling}, {"side", s.sibling_on_left ? "left" : "right"}});
  boost::json::object o{{"record", record_json(p.record)},
                        {"prev_hash", p.prev_hash},
                        {"hash", p.hash},
                        {"batch",
                         {{"number", p.batch},
                          {"first_seq", p.first_seq},
                          {"last_seq", p.last_seq},
                          {"root", p.root},
                          {"signature", p.signature},
                          {"key_id", p.key_id}}},
                        {"path", std::move(path)}};
  return boost::json::serialize(o);
}

std::optional<InclusionProof> proof_from_json(std::string_view json) {
  try {
    auto v = boost::json::parse(json);
    const auto& o = v.as_object();
    InclusionProof p;
    p.record = record_from(o.at("record").as_object());
    p.prev_hash = str(o, "prev_hash");
    p.hash = str(o, "hash");
    const auto& b = o.at("batch").as_object();
    p.batch = u64(b, "number");
    p.first_seq = u64(b, "first_seq");
    p.last_seq = u64(b, "last_seq");
    p.root = str(b, "root");
    p.signature = str(b, "signature");
    p.key_id = str(b, "key_id");
    for (const auto& s : o.at("path").as_array()) {
      const auto& so = s.as_object();
      auto side = str(so, "side");
      if (side != "left" && side != "right") return std::nullopt;
      p.path.push_back({str(so, "sibling"), side == "left"});
    }
    return p;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<InclusionProof> prove(const fs::path& dir, std::uint64_t seq, std::string* why) {
  auto fail = [&](std::string w) -> std::optional<InclusionProof> {
    if (why) *why = std::move(w);
    return std::nullopt;
  };
  try {
    // The segment to read: the last one whose first record is not after `seq`.
    fs::path target;
    for (const auto& seg : list_segments(dir)) {
      std::optional<std::uint64_t> first;
      for_each_line(seg, [&](std::size_t, const Line& l) {
        if (l.kind == Line::record) first = l.rec.seq;
        return l.kind == Line::bad ? false : !first;
      });
      if (first && *first <= seq) target = seg;
      if (first && *first > seq) break;
    }
    if (target.empty()) return fail("no record " + std::to_string(seq));
    std::vector<merkle::Hash> leaves;
    std::optional<InclusionProof> found;
    std::size_t index = 0;
    bool done = false, bad = false;
    std::string problem;
    std::ifstream in(target, std::ios::binary);
    if (!in) return fail("cannot read " + target.string());
    std::string text;
    for (std::size_t n = 1; !done && !bad && std::getline(in, text); ++n) {
      merkle::Hash h;
      std::uint64_t s = 0;
      if (quick_record(text, s, h) && s != seq) {
        leaves.push_back(leaf_of(h));
        continue;
      }
      auto l = parse_line(text);
      if (l.kind == Line::bad) {
        problem = target.filename().string() + " line " + std::to_string(n) + ": " + l.error;
        bad = true;
      } else if (l.kind == Line::record) {
        if (!merkle::from_hex(l.hash, h)) {
          problem = target.filename().string() + " line " + std::to_string(n) + ": bad hash";
          bad = true;
          continue;
        }
        if (l.rec.seq == seq) {
          found.emplace();
          found->record = l.rec;
          found->prev_hash = l.prev_hash;
          found->hash = l.hash;
          index = leaves.size();
        }
        leaves.push_back(leaf_of(h));
      } else if (found) {  // the batch line that closes the record's batch
        auto& p = *found;
        p.batch = l.batch_no;
        p.first_seq = l.first_seq;
        p.last_seq = l.last_seq;
        p.root = l.root;
        p.signature = l.signature;
        p.key_id = l.key_id;
        for (const auto& st : merkle::path(leaves, index))
          p.path.push_back({merkle::to_hex(st.sibling), st.sibling_on_left});
        done = true;
      } else {
        leaves.clear();
      }
    }
    if (bad) return fail(problem);
    if (!found) return fail("no record " + std::to_string(seq));
    if (!done) return fail("record " + std::to_string(seq) + " is not in a signed batch yet");
    return found;
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}

ProofCheck verify_proof(const InclusionProof& p, std::string_view public_key) {
  auto no = [](std::string w) { return ProofCheck{false, std::move(w)}; };
  try {
    if (public_key.size() != 32) return no("the public key is not 32 bytes");
    merkle::Hash prev, stored, root;
    if (!merkle::from_hex(p.prev_hash, prev) || !merkle::from_hex(p.hash, stored) || !merkle::from_hex(p.root, root))
      return no("malformed hash");
    auto h = record_hash(prev, p.record);
    if (h != stored) return no("the record does not match its hash");
    if (p.record.seq < p.first_seq || p.record.seq > p.last_seq) return no("the record is outside its batch");
    std::vector<merkle::Step> steps;
    for (const auto& s : p.path) {
      merkle::Step st;
      if (!merkle::from_hex(s.sibling, st.sibling)) return no("malformed path");
      st.sibling_on_left = s.sibling_on_left;
      steps.push_back(st);
    }
    if (merkle::fold(leaf_of(h), steps) != root) return no("the path does not lead to the batch root");
    if (p.key_id != key_id(public_key)) return no("the batch names another key");
    std::string sig;
    if (!crypto::from_hex(p.signature, sig) || sig.size() != 64) return no("malformed signature");
    if (!crypto::verify_detached(public_key, batch_message(p.batch, p.first_seq, p.last_seq, root), sig))
      return no("the batch signature is not valid for this key");
    return {true, {}};
  } catch (const std::exception& e) {
    return no(e.what());
  }
}

// ---------------------------------------------------------------------------------------------
// Whole-log verification

LogReport verify_log(const fs::path& dir, std::string_view public_key, bool allow_open_batch,
                     const fs::path& head_path) {
  LogReport rep;
  auto problem = [&](const fs::path& seg, std::size_t line, std::uint64_t seq, std::string what) {
    rep.problem = LogProblem{seg.filename().string(), line, seq, std::move(what)};
  };
  auto num = [](std::uint64_t v) { return std::to_string(v); };
  try {
    crypto::init();
    if (public_key.size() != 32) {
      problem(dir, 0, 0, "the public key is not 32 bytes");
      return rep;
    }
    const std::string kid = key_id(public_key);

    // The high-water mark first: a live log only grows after the mark was written, so everything
    // it names is already on disk when the segments are read.
    rep.head_path = head_path.empty() ? head_path_of(dir) : head_path;
    std::optional<LogHead> head;
    std::error_code ec;
    const bool head_exists = fs::exists(rep.head_path, ec);
    if (head_exists) {
      std::ifstream in(rep.head_path, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      if (in) head = head_from_json(text.str());
      std::string sig;
      if (!head) {
        problem(rep.head_path, 0, 0, "the high-water mark " + rep.head_path.string() + " is unreadable");
        return rep;
      }
      if (head->key_id != kid) {
        problem(rep.head_path, 0, head->last_seq,
                "the high-water mark is signed by another key (" + head->key_id + ")");
        return rep;
      }
      if (!crypto::from_hex(head->signature, sig) || sig.size() != 64 ||
          !crypto::verify_detached(public_key, head_message(*head), sig)) {
        problem(rep.head_path, 0, head->last_seq,
                "the high-water mark's signature is not valid (the mark was forged or edited)");
        return rep;
      }
      rep.head = head;
    }
    const std::string head_said = head ? "the high-water mark signed at " + utc_time(head->time_us) + " says " +
                                             num(head->last_seq) + " (batch " + num(head->batch) + ", in " +
                                             head->segment + ")"
                                       : std::string();

    auto segments = list_segments(dir);
    std::uint64_t expected_seq = 1, expected_batch = 1;
    merkle::Hash prev{};
    std::vector<merkle::Hash> leaves;
    std::uint64_t first_pending = 0;
    std::size_t last_line = 0;
    for (std::size_t si = 0; si < segments.size() && !rep.problem; ++si) {
      const auto& seg = segments[si];
      ++rep.segments;
      last_line = 0;
      const bool newest = si + 1 == segments.size();
      bool readable = for_each_line(seg, [&](std::size_t n, const Line& l, bool terminated) {
        // A live log's newest segment may end inside a line the writer is still writing.
        if (!terminated && allow_open_batch && newest) return false;
        last_line = n;
        if (l.kind == Line::bad) {
          problem(seg, n, expected_seq, l.error);
          return false;
        }
        if (l.kind == Line::record) {
          const auto seq = l.rec.seq;
          if (seq > expected_seq) {
            problem(seg, n, expected_seq,
                    "gap: record " + num(expected_seq) + (seq - 1 > expected_seq ? " to " + num(seq - 1) : "") +
                        " missing (next is " + num(seq) + ")");
            return false;
          }
          if (seq < expected_seq) {
            problem(seg, n, seq,
                    "record " + num(seq) + " repeated or out of order (expected " + num(expected_seq) + ")");
            return false;
          }
          merkle::Hash lp, lh;
          if (!merkle::from_hex(l.prev_hash, lp) || !merkle::from_hex(l.hash, lh)) {
            problem(seg, n, seq, "malformed hash in record " + num(seq));
            return false;
          }
          if (lp != prev) {
            problem(seg, n, seq, "chain broken: record " + num(seq) + " does not follow the previous record");
            return false;
          }
          if (record_hash(prev, l.rec) != lh) {
            problem(seg, n, seq, "record " + num(seq) + " does not match its hash (edited)");
            return false;
          }
          if (leaves.empty()) first_pending = seq;
          leaves.push_back(leaf_of(lh));
          prev = lh;
          ++expected_seq;
          ++rep.records;
          return true;
        }
        // batch line
        std::uint64_t at = leaves.empty() ? l.first_seq : first_pending;
        if (l.batch_no != expected_batch) {
          problem(seg, n, at, "batch " + num(l.batch_no) + " out of order (expected " + num(expected_batch) + ")");
          return false;
        }
        if (leaves.empty() || l.first_seq != first_pending || l.last_seq != expected_seq - 1) {
          problem(seg, n, at,
                  "batch " + num(l.batch_no) + " covers " + num(l.first_seq) + ".." + num(l.last_seq) +
                      " but the records before it are " +
                      (leaves.empty() ? std::string("none") : num(first_pending) + ".." + num(expected_seq - 1)));
          return false;
        }
        merkle::Hash root;
        std::string sig;
        if (!merkle::from_hex(l.root, root) || root != merkle::root(leaves)) {
          problem(seg, n, at, "batch " + num(l.batch_no) + ": Merkle root does not match its records");
          return false;
        }
        if (l.key_id != kid) {
          problem(seg, n, at, "batch " + num(l.batch_no) + " is signed by another key (" + l.key_id + ")");
          return false;
        }
        if (!crypto::from_hex(l.signature, sig) || sig.size() != 64 ||
            !crypto::verify_detached(public_key, batch_message(l.batch_no, l.first_seq, l.last_seq, root), sig)) {
          problem(seg, n, at, "batch " + num(l.batch_no) + ": signature is not valid");
          return false;
        }
        if (head && l.batch_no == head->batch &&
            (l.last_seq != head->last_seq || l.root != head->root || merkle::to_hex(prev) != head->last_hash)) {
          // Both signed by the key, yet different: a log rewritten by someone holding it.
          problem(seg, n, at,
                  "batch " + num(l.batch_no) + " is not the one the high-water mark names (" + head_said + ")");
          return false;
        }
        leaves.clear();
        ++expected_batch;
        ++rep.batches;
        return true;
      });
      if (!readable && !rep.problem) problem(seg, 0, expected_seq, "cannot read the segment");
      // The writer closes the batch before it leaves a segment; only a live log's last one is open
      // (judged below, after the mark).
      if (!rep.problem && !leaves.empty() && !newest)
        problem(seg, last_line, first_pending,
                "records " + num(first_pending) + ".." + num(expected_seq - 1) + " are not covered by a signed batch");
    }
    if (rep.problem) return rep;
    const fs::path last_segment = segments.empty() ? fs::path(head ? head->segment : "") : segments.back();
    const std::uint64_t last_seq = expected_seq - 1;
    if (head && rep.batches < head->batch) {
      // Cut off below the mark: the newest records, batches or segments were removed.
      if (last_seq < head->last_seq)
        problem(last_segment, last_line, last_seq + 1, "records after " + num(last_seq) + " are missing; " + head_said);
      else
        problem(last_segment, last_line, first_pending,
                "batch " + num(head->batch) + " is missing: records up to " + num(last_seq) +
                    " are there but not the batch line that signed them; " + head_said);
    } else if (!head && rep.batches > 0) {
      problem(rep.head_path, 0, 0,
              "no high-water mark at " + rep.head_path.string() +
                  ": the end of the log cannot be checked (its newest records, batches or segments could have "
                  "been removed). A running gateway writes a new mark when it next signs a batch, a starting one "
                  "at once (warning gateway.log_head_missing); a copy of the mark from a backup can be checked "
                  "with --head");
    } else if (!leaves.empty() && !allow_open_batch) {
      problem(last_segment, last_line, first_pending,
              "records " + num(first_pending) + ".." + num(last_seq) + " are not covered by a signed batch");
    }
  } catch (const std::exception& e) {
    problem(dir, 0, 0, e.what());
  }
  return rep;
}

}  // namespace simpul::gateway
