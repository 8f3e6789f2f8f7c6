#include "servicedesk/sla_targets.hpp"

namespace simpul::servicedesk {

int priority_rank(const DeskRules& rules, const std::string& id) {
  for (std::size_t i = 0; i < rules.priorities.size(); ++i)
    if (rules.priorities[i].id == id) return static_cast<int>(i);
  return -1;
}

SlaTargets::SlaTargets(const DeskRules& rules, const std::vector<Category>& categories,
                       const std::vector<CategoryTarget>& targets, const std::vector<ServiceClass>& services)
    : rules_(rules) {
  for (const auto& c : categories) categories_.emplace(c.id, c);
  for (const auto& t : targets) targets_.emplace(std::make_pair(t.category_id, t.priority), t);
  for (const auto& v : services) services_.emplace(v.id, v);
}

std::optional<SlaTarget> SlaTargets::of(const std::string& priority, const std::string& category_id,
                                        const std::string& service_id) const {
  const Priority* p = rules_.priority(priority);
  if (!p) return std::nullopt;
  SlaTarget out;
  if (auto it = services_.find(service_id); !service_id.empty() && it != services_.end()) {
    int rank = priority_rank(rules_, it->second.sla_class);
    if (rank >= 0 && rank < priority_rank(rules_, p->id)) {
      p = &rules_.priorities[static_cast<std::size_t>(rank)];
      out.service = it->second;
    }
  }
  out.priority = p->id;
  out.priority_name = p->name;
  out.priority_name_en = p->name_en;
  out.own_minutes = p->own_minutes;
  out.resolve_minutes = p->resolve_minutes;
  // The nearest category up the tree that sets targets for this priority (the depth bound guards
  // against a cycle, which the desk never writes).
  std::string at = category_id;
  for (int depth = 0; !at.empty() && depth < 64; ++depth) {
    auto c = categories_.find(at);
    if (c == categories_.end()) break;
    if (auto t = targets_.find({at, p->id}); t != targets_.end()) {
      out.own_minutes = t->second.own_minutes;
      out.resolve_minutes = t->second.resolve_minutes;
      out.category_id = c->second.id;
      out.category_name = c->second.name;
      break;
    }
    at = c->second.parent_id;
  }
  return out;
}

const Priority* SlaTargets::clock_targets(const std::string& priority, const std::string& category_id,
                                          const std::string& service_id) const {
  auto it = memo_.find(std::tie(priority, category_id, service_id));
  if (it == memo_.end()) {
    auto t = of(priority, category_id, service_id);
    it = memo_
             .emplace(std::make_tuple(priority, category_id, service_id),
                      t ? std::optional<Priority>(t->as_priority()) : std::nullopt)
             .first;
  }
  return it->second ? &*it->second : nullptr;
}

}  // namespace simpul::servicedesk
