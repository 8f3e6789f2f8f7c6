#include "evaluation/registry.hpp"

#include <algorithm>

#include <boost/json/serialize.hpp>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "evaluation/framework_json.hpp"
#include "evaluation/repository.hpp"

namespace simpul::evaluation {

FrameworkRegistry::FrameworkRegistry(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  if (std::filesystem::is_directory(dir))
    for (const auto& entry : std::filesystem::directory_iterator(dir))
      if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) builtin_.push_back(std::make_shared<const Framework>(load_framework(f)));
}

FrameworkPtr FrameworkRegistry::parsed(const Scope& s, const std::string& id, int version,
                                       const std::string& definition) const {
  // Keyed by content too: a correction whose transaction rolled back must not shadow the next one.
  std::string key = s.tenant_id + "/" + id + "/" + std::to_string(version) + "/" + crypto::sha256_hex(definition);
  std::lock_guard lock(mutex_);
  auto it = cache_.find(key);
  if (it != cache_.end()) return it->second;
  auto f = std::make_shared<const Framework>(parse_framework(definition, id + " v" + std::to_string(version)));
  cache_.emplace(key, f);
  return f;
}

std::vector<FrameworkVersion> FrameworkRegistry::versions(storage::Connection& c, const Scope& s) const {
  std::vector<FrameworkVersion> out;
  for (const auto& f : builtin_) out.push_back({f, true, "", "", ""});
  for (const auto& stored : Repository(c).frameworks(s))
    out.push_back({parsed(s, stored.framework_id, stored.version, stored.definition), false, stored.note,
                   stored.created_by_name, stored.created_at});
  std::sort(out.begin(), out.end(), [](const FrameworkVersion& a, const FrameworkVersion& b) {
    return std::tie(a.framework->id, a.framework->version) < std::tie(b.framework->id, b.framework->version);
  });
  return out;
}

FrameworkPtr FrameworkRegistry::get(storage::Connection& c, const Scope& s, const std::string& id, int version) const {
  // Every request on a period lands here: shipped versions need no query, a tenant version one row.
  for (const auto& f : builtin_)
    if (f->id == id && f->version == version) return f;
  if (auto stored = Repository(c).framework(s, id, version)) return parsed(s, id, version, stored->definition);
  throw Error(ErrorCode::EvaluationFrameworkNotFound);
}

FrameworkPtr FrameworkRegistry::latest(storage::Connection& c, const Scope& s, const std::string& id) const {
  FrameworkPtr best;
  for (const auto& v : versions(c, s))
    if (v.framework->id == id) best = v.framework;  // sorted by version
  if (!best) throw Error(ErrorCode::EvaluationFrameworkNotFound);
  return best;
}

FrameworkPtr FrameworkRegistry::for_year(storage::Connection& c, const Scope& s, int year) const {
  FrameworkPtr best;
  for (const auto& v : versions(c, s)) {
    const auto& f = *v.framework;
    if (f.valid_from > year) continue;
    if (!best || f.valid_from > best->valid_from || (f.id == best->id && f.version > best->version)) best = v.framework;
  }
  if (!best) throw Error(ErrorCode::EvaluationFrameworkNotFound);
  return best;
}

FrameworkPtr FrameworkRegistry::save_correction(storage::Connection& c, const Scope& s, const std::string& id,
                                                int base_version, const boost::json::object& corrections,
                                                const std::string& note, const Actor& actor) const {
  auto base = get(c, s, id, base_version);
  int next = latest(c, s, id)->version + 1;
  boost::json::object definition;
  try {
    definition = corrected(*base, corrections, next);
  } catch (const FrameworkError& e) {
    throw Error(ErrorCode::EvaluationFrameworkInvalid, {{"problem", e.what()}});
  }
  StoredFramework stored{id, next, boost::json::serialize(definition), note, actor.name, clock::now_iso()};
  Repository(c).insert(s, stored);
  return parsed(s, id, next, stored.definition);
}

}  // namespace simpul::evaluation
