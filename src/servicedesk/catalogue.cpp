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
          {"agency_id", d.agency_id}, {"sla_class", d.sla_class}, {"element_ids", elements}};
}

}  // namespace

const DeskRules& Catalogue::rules(const Scope& s) const { return rules_of(desk_.profile_of(s)); }

void Catalogue::label(storage::Connection& c, const Scope& s, std::vector<DeskService>& list) const {
  std::map<std::string, std::string> labels;
  for (const auto& e : elements_.all_elements(c, s)) labels[e.id] = e.code + " " + e.name;
  for (auto& d : list) {
    d.element_labels.clear();
    for (const auto& id : d.element_ids) d.element_labels.push_back(labels.count(id) ? labels[id] : id);
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

}  // namespace simpul::servicedesk
