// The consolidated SPBE budget of a cycle: totals by category, PD, architecture domain and
// initiative, and the roadmap gaps (docs/plan-and-budget.md, "Consolidated view").
#include <algorithm>
#include <map>
#include <set>

#include "architecture/domains.hpp"
#include "planning/errors.hpp"
#include "planning/line_rules.hpp"
#include "planning/repository.hpp"
#include "planning/service.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::planning {

Consolidated Service::consolidated(const Scope& s, const std::string& cycle_id) const {
  const auto& p = profile_of(s);
  const auto& plan = planning_profile(p);
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto cy = repo.cycle(s, cycle_id);
    if (!cy) throw Error(ErrorCode::PlanCycleNotFound);
    Consolidated out;
    out.cycle = *cy;
    out.without_initiative = {"", "Tanpa inisiatif Peta Rencana", 0, 0};
    std::map<std::string, std::string> agency_names;
    for (const auto& a : tenancy_.agencies(c, s)) agency_names[a.id] = a.name;
    std::map<std::string, std::string> element_domain;
    for (const auto& e : elements_.all_elements(c, s)) element_domain[e.id] = e.domain;
    std::map<std::string, const architecture::Initiative*> initiative_of;
    auto initiatives = roadmap_.all(c, s);
    for (const auto& i : initiatives) initiative_of[i.id] = &i;
    std::map<std::string, Amount> by_category, by_agency, by_domain, by_initiative;
    // Summed in the database by PD, category, initiative and element list (a few hundred groups for
    // thousands of lines); a line serving elements of two domains counts in both.
    std::map<std::string, std::string> category_label;
    for (const auto& ch : plan.categories) category_label[ch.id] = ch.name;
    for (const auto& g : repo.submitted_totals(s, cycle_id)) {
      out.total += g.total;
      auto label = category_label.find(g.category);
      auto add_group = [&](std::map<std::string, Amount>& m, const std::string& key, const std::string& name) {
        auto& a = m[key];
        a.key = key;
        a.label = name;
        a.total += g.total;
        a.lines += g.lines;
      };
      add_group(by_category, g.category, label == category_label.end() ? "Tanpa kategori" : label->second);
      add_group(by_agency, g.agency_id, agency_names[g.agency_id]);
      std::set<std::string> domains;
      for (const auto& e : g.element_ids)
        if (auto it = element_domain.find(e); it != element_domain.end()) domains.insert(it->second);
      for (const auto& d : domains) {
        const auto* def = architecture::find_domain(d);
        add_group(by_domain, d, def ? std::string(def->name_id) : d);
      }
      if (!g.initiative_id.empty() && initiative_of.count(g.initiative_id)) {
        const auto* i = initiative_of[g.initiative_id];
        add_group(by_initiative, i->id, i->code + " " + i->name);
      } else {
        out.without_initiative.total += g.total;
        out.without_initiative.lines += g.lines;
      }
    }
    auto sorted = [](std::map<std::string, Amount>& m) {
      std::vector<Amount> v;
      for (auto& [k, a] : m) v.push_back(std::move(a));
      std::stable_sort(v.begin(), v.end(), [](const Amount& a, const Amount& b) { return a.total > b.total; });
      return v;
    };
    out.by_category = sorted(by_category);
    out.by_agency = sorted(by_agency);
    out.by_domain = sorted(by_domain);
    out.by_initiative = sorted(by_initiative);
    for (const auto& i : initiatives)
      if (i.start_year <= cy->fiscal_year && cy->fiscal_year <= i.target_year && i.status != "batal" &&
          !by_initiative.count(i.id))
        out.initiatives_without_budget.push_back({i.id, i.code + " " + i.name, 0, 0});
    return out;
  });
}

}  // namespace simpul::planning
