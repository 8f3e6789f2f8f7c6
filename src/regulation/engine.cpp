#include "regulation/engine.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include <boost/json/array.hpp>

#include "core/text.hpp"

namespace simpul::regulation {
namespace {

bool ends_with_domain(std::string_view host, std::string_view domain) {
  if (domain.empty() || host.empty()) return false;
  if (host == domain) return true;
  return host.size() > domain.size() + 1 && host.substr(host.size() - domain.size()) == domain &&
         host[host.size() - domain.size() - 1] == '.';
}

/// "https://Sipd.Kota.go.id:8443/x" → "sipd.kota.go.id": people paste URLs into host fields.
std::string host_of(std::string_view value) {
  if (auto p = value.find("://"); p != std::string_view::npos) value.remove_prefix(p + 3);
  if (auto p = value.find_first_of("/:?#"); p != std::string_view::npos) value = value.substr(0, p);
  while (!value.empty() && value.back() == '.') value.remove_suffix(1);
  return text::to_lower_ascii(std::string(value));
}

int to_int(std::string_view s, int fallback) {
  int v = fallback;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

bool matches_when(const tenancy::ComplianceRuleSpec& spec, const Fact& f) {
  for (const auto& [field, values] : spec.when) {
    auto v = f.field(field);
    bool any = false;
    for (const auto& allowed : values) any = any || v == allowed;
    if (!any) return false;
  }
  return true;
}

boost::json::array to_array(const std::vector<std::string>& items) {
  boost::json::array a;
  for (const auto& i : items) a.emplace_back(i);
  return a;
}

/// Evaluates one rule on one object; true and `out` filled when the object breaks it. The
/// deadline kind with `nonconforming_with` is decided by the caller, which knows the other rules'
/// violations.
bool breaks(const CompiledRule& r, const TenantFacts& t, const Fact& f, const std::string& today, Violation& out) {
  switch (r.kind) {
    case Kind::ValuePattern: {
      auto value = f.field(r.field);
      bool ok = false;
      switch (r.pattern) {
        case Pattern::Present:
          ok = !value.empty() && value != "0";
          break;
        case Pattern::SubdomainOfDomain:
          ok = ends_with_domain(host_of(value), t.domain);
          break;
        case Pattern::EmailDomain: {
          auto at = value.rfind('@');
          ok = at != std::string_view::npos && at > 0 &&
               ends_with_domain(text::to_lower_ascii(std::string(value.substr(at + 1))), t.email_domain);
          break;
        }
        case Pattern::None:
          for (const auto& allowed : r.one_of) ok = ok || value == allowed;
          break;
      }
      if (ok) return false;
      out.details = {{"field", r.field}, {"value", value}};
      if (r.pattern == Pattern::SubdomainOfDomain)
        out.details["expected"] = "*." + t.domain;
      else if (r.pattern == Pattern::EmailDomain)
        out.details["expected"] = "@" + t.email_domain;
      else if (!r.one_of.empty())
        out.details["expected"] = to_array(r.one_of);
      return true;
    }
    case Kind::RequiredDocuments:
    case Kind::PreconditionOfTransition: {
      bool precondition = r.kind == Kind::PreconditionOfTransition;
      if (precondition && to_int(f.field("stage_index"), -1) < r.to_stage) return false;
      std::vector<std::string> missing;
      const std::string& set = precondition ? std::string("has") : r.set;
      for (const auto& item : r.items)
        if (!f.in_set(set, item)) missing.push_back(item);
      if (missing.empty()) return false;
      out.details = {{"missing", to_array(missing)}};
      return true;
    }
    case Kind::DeadlineSinceEvent: {
      std::string event = r.event == "regulation.enacted" ? t.enacted : std::string(f.field(r.event));
      if (event.empty()) return false;
      if (!r.existed_by.empty()) {
        // Only objects known to exist on the event's date are given its window.
        std::string since(f.field(r.existed_by));
        if (since.empty() || since > event) return false;
      }
      out.due = add_months(event, r.months);
      if (today <= out.due) return false;
      out.details = {{"event_date", event}};
      return true;
    }
    case Kind::PeriodicDuty: {
      std::string base(f.field(r.last));
      bool never = base.empty();
      if (never && !r.start.empty()) base = f.field(r.start);
      if (base.empty()) return false;
      out.due = add_months(base, r.months);
      if (today <= out.due) return false;
      out.details = {{"last", never ? boost::json::value(nullptr) : boost::json::value(base)}, {"months", r.months}};
      return true;
    }
    case Kind::ApprovalChain: {
      auto requester = f.field("requested_by"), decider = f.field("decided_by");
      if (r.distinct_from_requester && !decider.empty() && requester == decider) {
        out.details = {{"reason", "self"}};
        return true;
      }
      std::string holder = t.agency_for_role(r.by);
      if (holder.empty()) {
        out.details = {{"reason", "role_unassigned"}, {"role", r.by}};
        return true;
      }
      if (f.field("decider_agency") != holder) {
        out.details = {{"reason", "role"}, {"role", r.by}};
        return true;
      }
      return false;
    }
  }
  return false;
}

}  // namespace

std::string add_months(const std::string& date, int months) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(date.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return date;
  int total = y * 12 + (m - 1) + months;
  y = total / 12;
  m = total % 12 + 1;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int last = kDays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 1 : 0);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d > last ? last : d);
  return buf;
}

std::vector<Violation> Engine::evaluate(const tenancy::Profile& profile, const Facts& facts,
                                        const std::string& today) const {
  const auto& compiled = rules(profile.id);
  std::vector<Violation> out;
  std::vector<const CompiledRule*> deferred;
  for (const auto& r : compiled) {
    if (r.kind == Kind::ApprovalChain) continue;  // decided at the moment of a decision, never later
    if (r.kind == Kind::DeadlineSinceEvent && !r.nonconforming_with.empty()) {
      deferred.push_back(&r);
      continue;
    }
    for (std::size_t i = 0; i < facts.objects.size(); ++i) {
      const Fact& f = facts.objects[i];
      if (f.subject != r.spec->subject || !matches_when(*r.spec, f)) continue;
      Violation v;
      if (breaks(r, facts.tenant, f, today, v)) {
        v.rule = &r;
        v.object = i;
        out.push_back(std::move(v));
      }
    }
  }
  if (deferred.empty()) return out;
  // Transition deadlines: an object is late when it still breaks one of the listed rules.
  std::vector<std::vector<const std::string*>> broken(facts.objects.size());
  for (const auto& v : out) broken[v.object].push_back(&v.rule->spec->rule);
  for (const auto* r : deferred) {
    for (std::size_t i = 0; i < facts.objects.size(); ++i) {
      const Fact& f = facts.objects[i];
      if (broken[i].empty() || f.subject != r->spec->subject || !matches_when(*r->spec, f)) continue;
      Violation v;
      if (!breaks(*r, facts.tenant, f, today, v)) continue;
      boost::json::array which;
      for (const auto* id : broken[i])
        for (const auto& listed : r->nonconforming_with)
          if (*id == listed) which.emplace_back(*id);
      if (which.empty()) continue;
      v.details["nonconforming"] = std::move(which);
      v.rule = r;
      v.object = i;
      out.push_back(std::move(v));
    }
  }
  return out;
}

std::optional<Violation> Engine::gate(const tenancy::Profile& profile, const TenantFacts& tenant, const Fact& object,
                                      const std::string& today) const {
  auto all = gates(profile, tenant, object, today);
  if (all.empty()) return std::nullopt;
  return std::move(all.front());
}

std::vector<Violation> Engine::gates(const tenancy::Profile& profile, const TenantFacts& tenant, const Fact& object,
                                     const std::string& today) const {
  std::vector<Violation> out;
  for (const auto& r : rules(profile.id)) {
    if (!r.spec->gate || r.spec->subject != object.subject || !matches_when(*r.spec, object)) continue;
    if (r.kind == Kind::DeadlineSinceEvent && !r.nonconforming_with.empty()) continue;
    Violation v;
    if (breaks(r, tenant, object, today, v)) {
      v.rule = &r;
      out.push_back(std::move(v));
    }
  }
  return out;
}

std::vector<Violation> Engine::early_warnings(const tenancy::Profile& profile, const TenantFacts& tenant,
                                              const Fact& object, const std::string& today) const {
  std::vector<Violation> out;
  for (const auto& r : rules(profile.id)) {
    if (r.kind != Kind::ValuePattern || r.spec->subject != object.subject) continue;
    // Rules that wait for the application to be live (their findings come then): a wrong host is
    // wrong from the day it is registered. Rules that apply already raise findings themselves.
    bool applies = true, waits_for_live = false;
    for (const auto& [field, values] : r.spec->when) {
      bool met = std::find(values.begin(), values.end(), object.field(field)) != values.end();
      if (field == "live")
        waits_for_live = !met;
      else
        applies = applies && met;
    }
    Violation v;
    if (applies && waits_for_live && breaks(r, tenant, object, today, v)) {
      v.rule = &r;
      out.push_back(std::move(v));
    }
  }
  return out;
}

}  // namespace simpul::regulation
