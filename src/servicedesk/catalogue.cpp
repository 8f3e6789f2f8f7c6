// The Layanan SPBE catalogue's workflows (catalogue.hpp).
#include "servicedesk/catalogue.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "servicedesk/profile_section.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::servicedesk {
namespace {

void require_manager(const Caller& who) {
  if (!who.manage) throw Error(ErrorCode::AuthForbidden, {{"permission", "servicedesk.manage"}});
}

bool service_code_shape(const std::string& code) {
  if (code.empty() || code.size() > 40) return false;
  return std::all_of(code.begin(), code.end(), [](char ch) {
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' ||
           ch == '_';
  });
}

boost::json::object service_audit(const DeskService& d) {
  boost::json::array elements;
  for (const auto& e : d.element_ids) elements.push_back(boost::json::value(e));
  return {{"code", d.code},           {"name", d.name},           {"name_en", d.name_en},
          {"agency_id", d.agency_id}, {"sla_class", d.sla_class}, {"element_ids", elements},
          {"kind", d.kind},           {"area", d.area},           {"khusus_reason", d.khusus_reason}};
}

/// The profile enumeration listing the areas (administrasi) or sectors (publik) of a kind.
const char* kind_enumeration(const std::string& kind) {
  return kind == "administrasi" ? "administration_service_areas" : "service_sectors";
}

/// A kind is one of the two the regulations name; its area is an item of the region's list, or
/// empty where the region lists none (Lampung Timur names no public-service sectors).
void check_kind(const tenancy::Profile& p, const DeskService& d) {
  if (d.kind.empty()) {
    if (!d.area.empty()) throw Error(ErrorCode::ValidationInvalidValue, "area", "needs a kind");
    return;
  }
  if (d.kind != "administrasi" && d.kind != "publik")
    throw Error(ErrorCode::ValidationInvalidValue, "kind", "administrasi or publik");
  const auto* list = p.enumeration(kind_enumeration(d.kind));
  bool listed = list && !list->items.empty();
  if (listed && d.area.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "area"}});
  if (listed && !list->contains(d.area))
    throw Error(ErrorCode::ValidationInvalidValue, "area", "one of the areas or sectors the region's text lists");
  if (!listed && !d.area.empty())
    throw Error(ErrorCode::ValidationInvalidValue, "area", "the region's text lists no areas for this kind");
}

}  // namespace

const DeskRules& Catalogue::rules(const Scope& s) const { return rules_of(desk_.profile_of(s)); }

void Catalogue::label(storage::Connection& c, const Scope& s, std::vector<DeskService>& list) const {
  std::map<std::string, std::string> labels;
  std::set<std::string> umum;  // live Aplikasi Umum elements
  const std::string& umum_category = desk_.profile_of(s).applications.umum_category;
  for (const auto& e : elements_.all_elements(c, s)) {
    labels[e.id] = e.code + " " + e.name;
    const auto* category = e.attributes.if_contains("category");
    if (e.domain == "aplikasi" && e.state != "retired" && !umum_category.empty() && category && category->is_string() &&
        category->as_string() == umum_category)
      umum.insert(e.id);
  }
  for (auto& d : list) {
    d.element_labels.clear();
    d.uses_aplikasi_umum = false;
    for (const auto& id : d.element_ids) {
      d.element_labels.push_back(labels.count(id) ? labels[id] : id);
      if (umum.count(id)) d.uses_aplikasi_umum = true;
    }
  }
}

std::vector<DeskService> Catalogue::services(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto list = CatalogueRepository(c).services(s);
    label(c, s, list);
    return list;
  });
}

DeskService Catalogue::service(const Scope& s, const std::string& id) const {
  auto d = storage::read(db_, [&](storage::Connection& c) {
    std::vector<DeskService> one;
    if (auto found = CatalogueRepository(c).service(s, id)) one.push_back(*found);
    label(c, s, one);
    return one;
  });
  if (d.empty()) throw Error(ErrorCode::SdServiceNotFound);
  return d[0];
}

void Catalogue::check(storage::Connection& c, const Scope& s, DeskService& d) const {
  if (d.code.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "code"}});
  if (!service_code_shape(d.code))
    throw Error(ErrorCode::ValidationInvalidValue, "code", "1-40 letters, digits, '-', '.' or '_'");
  if (d.name.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "name"}});
  if (d.agency_id.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "agency_id"}});
  if (!tenancy_.agency(c, s, d.agency_id))
    throw Error(ErrorCode::ValidationInvalidValue, "agency_id", "not an agency of this tenant");
  if (d.sla_class.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "sla_class"}});
  if (!rules(s).priority(d.sla_class))
    throw Error(ErrorCode::ValidationInvalidValue, "sla_class", "one of the region's priorities");
  check_kind(desk_.profile_of(s), d);
  if (d.khusus_reason.size() > 1000)
    throw Error(ErrorCode::ValidationInvalidValue, "khusus_reason", "at most 1000 characters");
  static const std::set<std::string> kRunsOn = {"aplikasi", "infrastruktur", "layanan"};
  std::set<std::string> unique(d.element_ids.begin(), d.element_ids.end());
  for (const auto& id : unique) {
    auto e = elements_.find(c, s, id);
    if (!e || !kRunsOn.count(e->domain))
      throw Error(ErrorCode::ValidationInvalidValue, "element_ids",
                  "not an application, infrastructure or service element of the architecture");
  }
  d.element_ids.assign(unique.begin(), unique.end());
  if (CatalogueRepository(c).code_taken(s, d.code, d.id)) throw Error(ErrorCode::SdServiceExists, {{"field", "code"}});
}

DeskService Catalogue::add(const Caller& who, const DeskServiceInput& in) {
  require_manager(who);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    DeskService d;
    d.id = crypto::new_id();
    d.code = in.code.value_or("");
    d.name = in.name.value_or("");
    d.name_en = in.name_en.value_or("");
    d.agency_id = in.agency_id.value_or("");
    d.sla_class = in.sla_class.value_or("");
    d.kind = in.kind.value_or("");
    d.area = in.area.value_or("");
    d.khusus_reason = in.khusus_reason.value_or("");
    d.element_ids = in.element_ids.value_or(std::vector<std::string>{});
    d.created_at = d.updated_at = clock::now_iso();
    check(c, who.scope, d);
    CatalogueRepository repo(c);
    repo.insert(who.scope, d);
    ledger_.append(
        c, ledger::change_in(who.scope, who.actor, "servicedesk.service_create", "sd_service", d.id, service_audit(d)));
    std::vector<DeskService> one{*repo.service(who.scope, d.id)};
    label(c, who.scope, one);
    return one[0];
  });
}

DeskService Catalogue::edit(const Caller& who, const std::string& id, const DeskServiceInput& in) {
  require_manager(who);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    CatalogueRepository repo(c);
    auto before = repo.service(who.scope, id);
    if (!before) throw Error(ErrorCode::SdServiceNotFound);
    auto d = *before;
    if (in.code) d.code = *in.code;
    if (in.name) d.name = *in.name;
    if (in.name_en) d.name_en = *in.name_en;
    if (in.agency_id) d.agency_id = *in.agency_id;
    if (in.sla_class) d.sla_class = *in.sla_class;
    if (in.kind) d.kind = *in.kind;
    if (in.area) d.area = *in.area;
    if (in.khusus_reason) d.khusus_reason = *in.khusus_reason;
    if (in.element_ids) d.element_ids = *in.element_ids;
    check(c, who.scope, d);
    if (service_audit(d) == service_audit(*before)) {  // nothing changes: nothing is written
      std::vector<DeskService> one{*before};
      label(c, who.scope, one);
      return one[0];
    }
    d.updated_at = clock::now_iso();
    repo.update(who.scope, d);
    ledger_.append(c, ledger::change_in(who.scope, who.actor, "servicedesk.service_update", "sd_service", id,
                                        {{"before", service_audit(*before)}, {"after", service_audit(d)}}));
    std::vector<DeskService> one{*repo.service(who.scope, id)};
    label(c, who.scope, one);
    return one[0];
  });
}

void Catalogue::remove(const Caller& who, const std::string& id) {
  require_manager(who);
  storage::write_transaction(db_, [&](storage::Connection& c) {
    CatalogueRepository repo(c);
    auto before = repo.service(who.scope, id);
    if (!before) throw Error(ErrorCode::SdServiceNotFound);
    repo.remove(who.scope, id);
    ledger_.append(c, ledger::change_in(who.scope, who.actor, "servicedesk.service_delete", "sd_service", id,
                                        service_audit(*before)));
  });
}

regulation::FactProvider Catalogue::facts() const {
  return [this](storage::Connection& c, const regulation::FactQuery& q, std::vector<regulation::Fact>& out) {
    auto list = CatalogueRepository(c).services(q.scope);
    label(c, q.scope, list);
    auto yes = [](bool b) { return std::string(b ? "ya" : "tidak"); };
    for (const auto& d : list) {
      regulation::Fact f;
      f.subject = "desk_service";
      f.id = d.id;
      f.label = d.code + " " + d.name;
      f.agency_id = d.agency_id;
      f.fields = {{"kind", d.kind},
                  {"area", d.area},
                  {"uses_aplikasi_umum", yes(d.uses_aplikasi_umum)},
                  {"khusus_reason_given", yes(!d.khusus_reason.empty())}};
      out.push_back(std::move(f));
    }
  };
}

}  // namespace simpul::servicedesk
