#pragma once
// The module seam (docs/adding-a-module.md). A domain module describes itself once — its
// migrations, routes, permissions and the roles that hold them by default, the facts it offers the
// compliance engine, its evaluation evidence, its coverage rows, its demo data and its scheduled
// jobs — and the composition root (app/platform.cpp) holds one list of modules. Error codes live in
// the module's own errors.def, found by the build; the console's entry is web/src/modules/<id>.ts.
//
// The seam knows the registries only by name, so it depends on nothing but the HTTP router and the
// storage layer, and the lowest modules (tenancy, identity) can sit on it too.
#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/context.hpp"
#include "http/router.hpp"
#include "seam/services.hpp"
#include "storage/migrations.hpp"

namespace simpul::tenancy {
struct Profile;
}
namespace simpul::regulation {
class FactRegistry;
}
namespace simpul::evaluation {
class EvidenceSources;
}

namespace simpul::seam {

/// A permission the module defines and the roles that hold it by default ("x.own": only on records
/// of the holder's own Perangkat Daerah).
struct Permission {
  std::string id;
  std::vector<std::string> roles;  // role ids, or "*" for every role
  std::string label_id;            // what it allows, in Indonesian and English (console, docs)
  std::string label_en;
};

/// How one rule of a profile is enforced (docs/regulation-coverage.md). The tests that prove it are
/// the ones that declare SIMPUL_PROVES(region, rule) (testing/proves.hpp), not named here.
struct Enforcement {
  std::string how;
};
/// Rule id -> enforcement; modules add to one map per profile.
using CoverageRows = std::map<std::string, Enforcement>;
/// Adds `how` to the rule's row, keeping what other modules said about it.
void add_enforcement(CoverageRows& rows, const std::string& rule, const std::string& how);

/// Work the platform repeats on its own: compliance evaluation, reminders, month closings.
struct Job {
  std::string id;
  std::chrono::minutes every;
  std::function<void()> run;  // failures are logged by the scheduler, never fatal
};

/// What the demo seeding knows about the tenant it fills.
struct DemoTenant {
  Scope scope;
  std::string profile_id;
  std::string
      demo_upstream_base;  // where the stand-in agency systems answer, e.g. http://127.0.0.1:8080/api/demo-upstream
  /// Filled by modules that issue a secret the operator sees once (the gateway's demo consumer key).
  std::map<std::string, std::string>* shown_once = nullptr;
};

/// Besides these virtual functions, a module class has a static `schema()` returning its
/// migrations (versions in its own hundred), so the schema can be built without constructing it.
class Module {
 public:
  virtual ~Module() = default;
  /// Stable id, the folder name: "architecture", "gateway", ...
  virtual std::string_view id() const = 0;
  virtual std::vector<Permission> permissions() const { return {}; }
  virtual void register_routes(http::Router&) {}
  virtual void register_facts(regulation::FactRegistry&) {}
  virtual void register_evidence(evaluation::EvidenceSources&) {}
  virtual void add_coverage(const tenancy::Profile&, CoverageRows&) const {}
  /// Demo records for a new demo tenant (after the organisation and the users exist).
  virtual void seed_demo(const DemoTenant&) {}
  virtual std::vector<Job> jobs() { return {}; }
};

}  // namespace simpul::seam
