// The consolidated SPBE budget of a cycle as a workbook: one sheet of detail lines shaped like an
// RKA export (for entry into SIPD), one of totals per Perangkat Daerah.
#include <map>

#include "interchange/xlsx.hpp"
#include "planning/errors.hpp"
#include "planning/repository.hpp"
#include "planning/service.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::planning {

std::string Service::consolidated_xlsx(const Scope& s, const std::string& cycle_id) const {
  const auto& p = profile_of(s);
  const auto& plan = planning_profile(p);
  auto label_of = [](const std::vector<Choice>& items, const std::string& id) {
    for (const auto& c : items)
      if (c.id == id) return c.name;
    return id;
  };
  auto step_label = [](const std::string& state) -> std::string {
    if (state == "diajukan") return "Diajukan";
    if (state == "diverifikasi") return "Diverifikasi";
    if (state == "disetujui") return "Disetujui";
    return state;
  };
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto cy = repo.cycle(s, cycle_id);
    if (!cy) throw Error(ErrorCode::PlanCycleNotFound);
    std::map<std::string, std::string> agencies, initiatives;
    for (const auto& a : tenancy_.agencies(c, s)) agencies[a.id] = a.name;
    for (const auto& i : roadmap_.all(c, s)) initiatives[i.id] = i.code + " " + i.name;
    interchange::Sheet lines{"Rincian",
                             {{"Perangkat Daerah", "Tahap", "Sub kegiatan", "Kode rekening", "Uraian", "Spesifikasi",
                               "Kode SSH", "Koefisien", "Volume", "Satuan", "Harga satuan", "Jumlah", "Sumber dana",
                               "Kategori", "Inisiatif Peta Rencana"}}};
    interchange::Sheet totals{"Ringkasan", {{"Perangkat Daerah", "Tahap", "Jumlah rincian", "Jumlah"}}};
    std::int64_t all = 0;
    for (const auto& pr : repo.proposals(s, cycle_id, "")) {
      if (pr.state == "draf") continue;
      const auto& agency = agencies[pr.agency_id];
      for (const auto& l : repo.lines_of_proposal(s, pr.id))
        lines.rows.push_back({agency, step_label(pr.state), l.sub_activity, l.account_code, l.name, l.specification,
                              l.ssh_code, l.volume_text, std::to_string(l.volume), l.unit, std::to_string(l.unit_price),
                              std::to_string(l.total), label_of(plan.funding_sources, l.funding_source),
                              l.category.empty() ? "" : label_of(plan.categories, l.category),
                              l.initiative_id ? initiatives[*l.initiative_id] : ""});
      totals.rows.push_back({agency, step_label(pr.state), std::to_string(pr.line_count), std::to_string(pr.total)});
      all += pr.total;
    }
    totals.rows.push_back({"Jumlah " + cy->title, "", "", std::to_string(all)});
    return interchange::write_xlsx({lines, totals});
  });
}

}  // namespace simpul::planning
