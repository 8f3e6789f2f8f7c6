// Turns a profile's rule instances into CompiledRule, checking each kind's parameters so that a
// wrong profile stops the service at start with the file and line, never at evaluation time.
#include <set>

#include "regulation/engine.hpp"
#include "tenancy/profile_loader.hpp"

namespace simpul::regulation {
namespace {

class ParamReader {
 public:
  ParamReader(const tenancy::Profile& p, const tenancy::ComplianceRuleSpec& spec) : profile_(p), spec_(spec) {}

  [[noreturn]] void fail(const std::string& field, const std::string& problem) const {
    throw tenancy::ProfileError(profile_.source_path + ":" + std::to_string(spec_.line) + ": compliance(" + spec_.rule +
                                ").params." + field + ": " + problem);
  }
  std::string text(const char* key, bool required = true) const {
    auto* v = spec_.params.if_contains(key);
    if (!v || v->is_null()) {
      if (required) fail(key, "is required");
      return {};
    }
    if (!v->is_string() || v->as_string().empty()) fail(key, "must be non-empty text");
    return std::string(v->as_string());
  }
  std::vector<std::string> list(const char* key, bool required = true) const {
    std::vector<std::string> out;
    auto* v = spec_.params.if_contains(key);
    if (!v || v->is_null()) {
      if (required) fail(key, "is required");
      return out;
    }
    if (!v->is_array() || v->as_array().empty()) fail(key, "must be a non-empty list");
    for (const auto& item : v->as_array()) {
      if (!item.is_string()) fail(key, "items must be text");
      out.emplace_back(item.as_string());
    }
    return out;
  }
  int integer(const char* key) const {
    auto* v = spec_.params.if_contains(key);
    if (!v || !v->is_int64() || v->as_int64() < 0 || v->as_int64() > 240) fail(key, "must be an integer 0-240");
    return static_cast<int>(v->as_int64());
  }
  void only(std::initializer_list<const char*> keys) const {
    std::set<std::string> allowed(keys.begin(), keys.end());
    for (const auto& kv : spec_.params)
      if (!allowed.count(std::string(kv.key()))) fail(std::string(kv.key()), "is not a parameter of " + spec_.kind);
  }

 private:
  const tenancy::Profile& profile_;
  const tenancy::ComplianceRuleSpec& spec_;
};

CompiledRule compile(const tenancy::Profile& p, const tenancy::ComplianceRuleSpec& spec) {
  ParamReader r(p, spec);
  CompiledRule c;
  c.spec = &spec;
  const auto& apps = p.applications;
  if (spec.kind == "value-must-match-pattern") {
    r.only({"field", "pattern", "one_of"});
    c.kind = Kind::ValuePattern;
    c.field = r.text("field");
    c.one_of = r.list("one_of", false);
    std::string pattern = r.text("pattern", false);
    if (pattern == "subdomain_of_domain")
      c.pattern = Pattern::SubdomainOfDomain;
    else if (pattern == "email_domain")
      c.pattern = Pattern::EmailDomain;
    else if (pattern == "present")
      c.pattern = Pattern::Present;
    else if (!pattern.empty())
      r.fail("pattern", "must be subdomain_of_domain, email_domain or present");
    if ((c.pattern == Pattern::None) == c.one_of.empty()) r.fail("pattern", "give exactly one of pattern and one_of");
    if (c.pattern == Pattern::EmailDomain && !p.email_domain) r.fail("pattern", "the profile states no email_domain");
  } else if (spec.kind == "required-documents") {
    r.only({"set", "items"});
    c.kind = Kind::RequiredDocuments;
    if (auto set = r.text("set", false); !set.empty()) c.set = set;
    c.items = r.list("items");
  } else if (spec.kind == "precondition-of-transition") {
    r.only({"to_stage", "requires"});
    c.kind = Kind::PreconditionOfTransition;
    std::string stage = r.text("to_stage");
    c.to_stage = apps.stage_index(stage);
    if (c.to_stage < 0) r.fail("to_stage", "'" + stage + "' is not a stage of applications.lifecycle");
    c.items = r.list("requires");
    static const std::set<std::string> kKnown = {"recommendation", "ministry_consideration",
                                                 "closed_source_consideration", "similar_consideration", "test_passed"};
    for (const auto& item : c.items)
      if (!kKnown.count(item)) r.fail("requires", "unknown requirement '" + item + "'");
  } else if (spec.kind == "deadline-since-event") {
    r.only({"event", "months", "nonconforming_with", "existed_by"});
    c.kind = Kind::DeadlineSinceEvent;
    c.event = r.text("event");
    c.months = r.integer("months");
    // A transition window covers only what existed at the event ("yang telah memiliki aplikasi",
    // Bontang Pasal 51): the object's date field that shows when it came to be.
    c.existed_by = r.text("existed_by", false);
    if (c.event == "regulation.enacted" && !p.regulation_enacted)
      r.fail("event", "the profile has no regulation.enacted date");
    c.nonconforming_with = r.list("nonconforming_with", false);
    for (const auto& id : c.nonconforming_with) {
      bool enforced = false;
      for (const auto& other : p.compliance) enforced = enforced || (other.rule == id && &other != &spec);
      if (!enforced) r.fail("nonconforming_with", "rule '" + id + "' has no other compliance instance");
    }
  } else if (spec.kind == "periodic-duty") {
    r.only({"last", "start", "months"});
    c.kind = Kind::PeriodicDuty;
    c.last = r.text("last");
    c.start = r.text("start", false);
    c.months = r.integer("months");
    if (c.months == 0) r.fail("months", "must be at least 1");
  } else if (spec.kind == "approval-chain") {
    r.only({"by", "distinct_from_requester"});
    c.kind = Kind::ApprovalChain;
    c.by = r.text("by");
    bool known = false;
    for (const auto& role : p.roles) known = known || role.id == c.by;
    if (!known) r.fail("by", "'" + c.by + "' is not a role of this profile");
    if (auto* d = spec.params.if_contains("distinct_from_requester")) {
      if (!d->is_bool()) r.fail("distinct_from_requester", "must be true or false");
      c.distinct_from_requester = d->as_bool();
    }
    if (!spec.gate) r.fail("by", "an approval-chain instance must be a gate (gate: true)");
  } else {
    throw tenancy::ProfileError(p.source_path + ":" + std::to_string(spec.line) + ": compliance(" + spec.rule +
                                ").kind: unknown kind '" + spec.kind + "'");
  }
  return c;
}

}  // namespace

Engine::Engine(const std::vector<const tenancy::Profile*>& profiles) {
  for (const auto* p : profiles) {
    auto& list = rules_[p->id];
    for (const auto& spec : p->compliance) list.push_back(compile(*p, spec));
  }
}

const std::vector<CompiledRule>& Engine::rules(const std::string& profile_id) const {
  static const std::vector<CompiledRule> kNone;
  auto it = rules_.find(profile_id);
  return it == rules_.end() ? kNone : it->second;
}

}  // namespace simpul::regulation
