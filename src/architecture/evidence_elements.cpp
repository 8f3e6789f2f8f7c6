// The architecture evidence of the elements of the six domains: their counts, the services with the
// applications behind them, the data sets and the infrastructure (evidence_topics.hpp).
#include <algorithm>
#include <map>

#include <boost/json/parse.hpp>

#include "architecture/domains.hpp"
#include "architecture/evidence_repository.hpp"
#include "architecture/evidence_topics.hpp"
#include "tenancy/service.hpp"

namespace simpul::architecture {
namespace {

using evaluation::EvidenceQuery;
using evaluation::joined;
using evaluation::kMaxListedRecords;
using evaluation::owned_by;
using evaluation::ProposalSink;

struct Item {
  std::string id, code, name, agency, attribute;
  std::string label() const { return code + " " + name; }
  std::string link() const { return "/arsitektur/elemen/" + id; }
};

/// Agency id -> name, for the owner shown next to each record.
std::map<std::string, std::string> agency_names(const EvidenceReader& r, const Scope& s) {
  std::map<std::string, std::string> out;
  for (auto& a : r.tenancy.agencies(r.c, s)) out.emplace(std::move(a.id), std::move(a.name));
  return out;
}

/// Elements of one domain in force (not retired), owned by q.agency_id when set, with one attribute.
std::vector<Item> elements(const EvidenceReader& reader, const EvidenceQuery& q, const char* domain,
                           const char* attribute) {
  auto names = agency_names(reader, q.scope);
  std::vector<Item> out;
  for (auto& e : EvidenceRepository(reader.c).live_elements(q.scope, domain, q.agency_id)) {
    auto agency = names.find(e.owner_agency_id);
    if (agency == names.end()) continue;  // every element has an owner of the tenant; nothing else is listed
    Item it{std::move(e.id), std::move(e.code), std::move(e.name), agency->second, ""};
    boost::system::error_code ec;
    auto attrs = boost::json::parse(e.attributes, ec);
    if (!ec && attrs.is_object())
      if (const auto* v = attrs.as_object().if_contains(attribute); v && v->is_string())
        it.attribute = std::string(v->as_string());
    out.push_back(std::move(it));
  }
  return out;
}

/// "Pusat Data 1 · Jaringan Intra 2 · tanpa jenis 1" in the order of `names`.
std::string breakdown(const std::vector<Item>& items, const std::vector<std::pair<std::string, std::string>>& names) {
  std::map<std::string, int> counts;
  for (const auto& it : items) ++counts[it.attribute];
  std::vector<std::string> parts;
  for (const auto& [id, name] : names)
    if (counts.count(id)) parts.push_back(name + " " + std::to_string(counts[id]));
  int other = 0;
  for (const auto& [type, n] : counts) {
    const std::string& counted = type;  // a lambda cannot capture a structured binding
    if (std::none_of(names.begin(), names.end(), [&](const auto& p) { return p.first == counted; })) other += n;
  }
  if (other) parts.push_back("tanpa jenis " + std::to_string(other));
  return joined(parts);
}

std::string name_of(const std::vector<std::pair<std::string, std::string>>& names, const std::string& id) {
  for (const auto& [k, v] : names)
    if (k == id) return v;
  return id.empty() ? "tanpa jenis" : id;
}

/// Data sets or infrastructure: one aggregate by type, then the elements themselves (returned).
std::vector<Item> propose_domain(const EvidenceReader& reader, const EvidenceQuery& q, const char* domain,
                                 const char* attribute, const std::string& title,
                                 const std::vector<std::pair<std::string, std::string>>& types, ProposalSink& out) {
  auto items = elements(reader, q, domain, attribute);
  std::string link = std::string("/arsitektur?domain=") + domain;
  if (items.empty()) {
    out.add("elements", "", "Belum ada elemen " + title + owned_by(q),
            "Domain " + title + " dalam Arsitektur SPBE masih kosong.", link, false);
    return items;
  }
  std::string detail = breakdown(items, types);
  if (items.size() > kMaxListedRecords) detail += " (" + std::to_string(kMaxListedRecords) + " pertama ditampilkan)";
  out.add("elements", "", title + owned_by(q) + ": " + std::to_string(items.size()) + " elemen", detail, link, true);
  for (std::size_t i = 0; i < items.size() && i < kMaxListedRecords; ++i)
    out.add("element", items[i].id, items[i].label(), name_of(types, items[i].attribute) + " · " + items[i].agency,
            items[i].link(), true);
  return items;
}

}  // namespace

void propose_element_counts(storage::Connection& c, const EvidenceQuery& q, ProposalSink& out) {
  auto counts = EvidenceRepository(c).live_counts_by_domain(q.scope, q.agency_id);
  std::int64_t total = 0;
  for (const auto& [domain, n] : counts) total += n;
  if (total == 0) {
    out.add("elements", "", "Belum ada elemen Arsitektur SPBE" + owned_by(q), "Keenam domain arsitektur masih kosong.",
            "/arsitektur", false);
    return;
  }
  std::vector<std::string> parts;
  for (const auto& d : domains())
    parts.push_back(std::string(d.name_id) + " " + std::to_string(counts[std::string(d.id)]));
  out.add("elements", "", "Elemen Arsitektur SPBE" + owned_by(q) + ": " + std::to_string(total) + " elemen",
          joined(parts), "/arsitektur", true);
}

/// Services and the applications behind them (directly, or through a process that realises the
/// service), so a service indicator can point at the service that meets it. Retired applications
/// support nothing.
void propose_services(const EvidenceReader& reader, const EvidenceQuery& q, ProposalSink& out) {
  auto services = elements(reader, q, "layanan", "service_type");
  auto apps = EvidenceRepository(reader.c).applications_per_service(q.scope);  // service id -> application codes
  if (services.empty()) {
    out.add("services", "", "Belum ada layanan dalam Arsitektur SPBE" + owned_by(q), "Domain Layanan masih kosong.",
            "/arsitektur?domain=layanan", false);
    return;
  }
  std::vector<const Item*> without, with;
  for (const auto& s : services) (apps.count(s.id) ? with : without).push_back(&s);
  static const std::vector<std::pair<std::string, std::string>> kTypes = {{"publik", "publik"},
                                                                          {"administrasi", "administrasi"}};
  std::string detail = breakdown(services, kTypes);
  if (services.size() > kMaxListedRecords) detail += " (" + std::to_string(kMaxListedRecords) + " pertama ditampilkan)";
  out.add("services", "",
          "Layanan SPBE" + owned_by(q) + ": " + std::to_string(services.size()) + " layanan, " +
              std::to_string(with.size()) + " didukung aplikasi",
          detail, "/arsitektur?domain=layanan", true);
  std::size_t shown = 0;
  for (const auto* s : without)  // gaps first: they are what the assessor acts on
    if (shown++ < kMaxListedRecords)
      out.add("element", s->id, s->label(), "Belum didukung aplikasi · " + s->agency, s->link(), false);
  for (const auto* s : with)
    if (shown++ < kMaxListedRecords) {
      std::vector<std::string> codes(apps[s->id].begin(), apps[s->id].end());
      out.add("element", s->id, s->label(), "Didukung " + joined(codes, ", ") + " · " + s->agency, s->link(), true);
    }
}

void propose_data(const EvidenceReader& reader, const EvidenceQuery& q, ProposalSink& out) {
  static const std::vector<std::pair<std::string, std::string>> kKinds = {{"data_induk", "data induk"},
                                                                          {"data_referensi", "data referensi"},
                                                                          {"data_transaksional", "data transaksional"},
                                                                          {"data_statistik", "data statistik"}};
  propose_domain(reader, q, "data_informasi", "data_kind", "Data dan Informasi", kKinds, out);
}

void propose_infrastructure(const EvidenceReader& reader, const EvidenceQuery& q, ProposalSink& out) {
  static const std::vector<std::pair<std::string, std::string>> kTypes = {
      {"pusat_data", "Pusat Data"},
      {"jaringan_intra", "Jaringan Intra"},
      {"sistem_penghubung_layanan", "Sistem Penghubung Layanan"},
      {"perangkat_keras", "perangkat keras"},
      {"perangkat_lunak", "perangkat lunak"},
      {"cloud", "cloud"}};
  auto items = propose_domain(reader, q, "infrastruktur", "infra_type", "Infrastruktur SPBE", kTypes, out);
  if (!q.agency_id.empty()) return;  // a Pemda has one Pusat Data and one network, not one per agency
  for (const char* type : {"pusat_data", "jaringan_intra"})
    if (std::none_of(items.begin(), items.end(), [&](const Item& it) { return it.attribute == type; }))
      out.add("elements", "", name_of(kTypes, type) + " belum tercatat dalam Arsitektur SPBE",
              "Tidak ada elemen Infrastruktur berjenis " + name_of(kTypes, type) + ".",
              "/arsitektur?domain=infrastruktur", false);
}

}  // namespace simpul::architecture
