// The rack elevation (unit positions of servers and devices) and the edit routes of racks, backup
// duties, LANs and WAN links (docs/infrastructure.md, "Rack elevation", "Editing"). Edits run the
// same checks as creation and write their ledger entry with the record before and after.
#include <algorithm>

#include "core/clock.hpp"
#include "infrastructure/bandwidth.hpp"
#include "infrastructure/bandwidth_repository.hpp"
#include "infrastructure/profile_section.hpp"
#include "infrastructure/rack_repository.hpp"
#include "infrastructure/repository.hpp"
#include "infrastructure/service.hpp"
#include "storage/storage_error.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::infrastructure {
namespace {

boost::json::object edit_occupant_json(const RackPlacement& p) {
  return {{"kind", p.object_kind}, {"id", p.object_id}, {"code", p.code},
          {"name", p.name},        {"unit", p.unit},    {"height", p.height}};
}

boost::json::object edit_duty_json(const BackupDuty& d) {
  return {{"agency_id", d.agency_id},
          {"name", d.name},
          {"data_element_id", d.data_element_id ? boost::json::value(*d.data_element_id) : nullptr},
          {"schedule_days", d.schedule_days},
          {"retention_days", d.retention_days},
          {"target_site_id", d.target_site_id ? boost::json::value(*d.target_site_id) : nullptr},
          {"restore_test_days", d.restore_test_days},
          {"performed_by", d.performed_by},
          {"owner_approval", d.owner_approval},
          {"exception_basis", d.exception_basis}};
}

boost::json::object edit_lan_json(const Lan& l) {
  return {{"agency_id", l.agency_id}, {"name", l.name}, {"built_by", l.built_by}, {"registered_on", l.registered_on}};
}

boost::json::object edit_wan_json(const std::string& from, const std::string& to, const std::string& medium,
                                  int capacity, const std::string& operated_by, const std::string& provider) {
  return {{"from_agency_id", from},    {"to_agency_id", to},         {"medium", medium},
          {"capacity_mbps", capacity}, {"operated_by", operated_by}, {"provider", provider}};
}

boost::json::object edit_device_json(const Device& d) {
  return {{"agency_id", d.agency_id}, {"name", d.name}, {"kind", d.kind}, {"coordination", d.coordination}};
}

/// The highest unit a placement occupies.
int edit_top(const RackPlacement& p) { return p.unit + p.height - 1; }

}  // namespace

Rack Service::rack(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto r = Repository(c).rack(s, id);
    if (!r) throw Error(ErrorCode::InfraRackNotFound);
    return *r;
  });
}

RackElevation Service::rack_elevation(const Scope& s, const std::string& rack_id) const {
  auto r = rack(s, rack_id);
  RackElevation out{r, site(s, r.site_id), {}, {}};
  out.placed = storage::read(db_, [&](storage::Connection& c) { return RackRepository(c).placements(s, rack_id); });
  for (auto& x : servers(s, "", r.site_id)) {
    if (x.record.rack_id != rack_id) continue;
    bool placed = std::any_of(out.placed.begin(), out.placed.end(), [&](const RackPlacement& p) {
      return p.object_kind == "server" && p.object_id == x.element.id;
    });
    if (!placed) out.unplaced.push_back(std::move(x));
  }
  return out;
}

Rack Service::update_rack(const Scope& s, const std::string& id, const RackInput& in, const Actor& actor) {
  auto before = rack(s, id);
  Rack after = before;
  if (in.code) after.code = *in.code;
  if (in.units) after.units = *in.units;
  if (after.code == before.code && after.units == before.units) return before;
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    if (after.code != before.code)
      for (const auto& other : repo.racks(s, before.site_id))
        if (other.id != id && other.code == after.code) throw Error(ErrorCode::InfraDuplicateCode, {{"field", "code"}});
    // A rack cannot shrink below what stands in it: the occupant above the new height is named.
    for (const auto& p : RackRepository(c).placements(s, id))
      if (edit_top(p) > after.units)
        throw Error(ErrorCode::InfraRackUnitsOutOfRange,
                    {{"field", "units"}, {"rack_units", after.units}, {"occupant", edit_occupant_json(p)}});
    RackRepository(c).update_rack(s, after);
    ledger_.append(c, ledger::change_in(s, actor, "infrastructure.rack.update", "infra_site", before.site_id,
                                        {{"rack_id", id},
                                         {"before", {{"code", before.code}, {"units", before.units}}},
                                         {"after", {{"code", after.code}, {"units", after.units}}}}));
    return after;
  });
}

std::optional<RackPlacement> Service::placement_of(const Scope& s, const std::string& kind,
                                                   const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) { return RackRepository(c).placement(s, kind, id); });
}

RackPlacement Service::place(const Scope& s, const std::string& kind, const std::string& id, const std::string& rack_id,
                             int unit, int height, const Actor& actor) {
  std::string where = rack_id;
  if (kind == "server") {
    auto x = server(s, id);
    if (!x.record.rack_id)
      throw Error(ErrorCode::ValidationInvalidValue, "rack_id", "the server has no rack: choose its rack first");
    where = *x.record.rack_id;
  } else {
    device(s, id);
  }
  auto r = storage::read(db_, [&](storage::Connection& c) { return Repository(c).rack(s, where); });
  if (!r) throw Error(ErrorCode::ValidationInvalidValue, "rack_id", "not a rack of this tenant");
  if (height < 1) throw Error(ErrorCode::ValidationInvalidValue, "height", "at least one unit");
  // Units are numbered from U1 at the bottom to the rack's height at the top.
  if (unit < 1 || unit + height - 1 > r->units)
    throw Error(
        ErrorCode::InfraRackUnitsOutOfRange,
        {{"field", "unit"}, {"unit", unit}, {"height", height}, {"rack_units", r->units}, {"rack_code", r->code}});
  RackPlacement p;
  p.rack_id = where;
  p.object_kind = kind;
  p.object_id = id;
  p.unit = unit;
  p.height = height;
  p.placed_at = clock::now_iso();
  auto taken = [&](const RackPlacement& other) {
    return Error(ErrorCode::InfraRackUnitsTaken,
                 {{"field", "unit"}, {"rack_code", r->code}, {"occupant", edit_occupant_json(other)}});
  };
  auto overlaps = [&](const RackPlacement& other) {
    return !(other.object_kind == kind && other.object_id == id) && unit <= edit_top(other) &&
           other.unit <= edit_top(p);
  };
  try {
    return storage::write_transaction(db_, [&](storage::Connection& c) {
      RackRepository repo(c);
      auto live = repo.placements(s, where);
      for (const auto& other : live)
        if (overlaps(other)) throw taken(other);  // moving within the rack overlaps only its own units
      // Units still held by a server or device that is gone are freed first. Each statement reads the
      // newest committed rows (READ COMMITTED): a holder missing from `live` may be a placement
      // committed since, so it is looked up again and, if it stands, refused like any occupant.
      for (const auto& holder : repo.holders(s, where, unit, edit_top(p))) {
        const auto& [held_kind, held_id] = holder;
        if (held_kind == kind && held_id == id) continue;
        if (std::any_of(live.begin(), live.end(), [&holder](const RackPlacement& x) {
              return x.object_kind == holder.first && x.object_id == holder.second;
            }))
          continue;
        if (auto standing = repo.placement(s, held_kind, held_id); standing && standing->rack_id == where)
          throw taken(*standing);
        repo.unplace(s, held_kind, held_id);
      }
      auto before = repo.placement(s, kind, id);
      repo.place(s, p);
      auto stored = *repo.placement(s, kind, id);
      boost::json::object details{{"rack_id", where},
                                  {"rack_code", r->code},
                                  {"name", stored.name},
                                  {"after", {{"unit", unit}, {"height", height}}}};
      if (before)
        details["before"] = {{"rack_id", before->rack_id}, {"unit", before->unit}, {"height", before->height}};
      ledger_.append(c, ledger::change_in(s, actor, "infrastructure.rack.place",
                                          kind == "server" ? "element" : "infra_device", id, std::move(details)));
      return stored;
    });
  } catch (const storage::StorageError& e) {
    // Another placement took these units after the check above (the database's UNIQUE (rack, unit)):
    // nothing of this one was written; the answer names the occupant that won.
    if (e.kind() != storage::StorageError::Kind::UniqueViolation) throw;
    auto now = storage::read(db_, [&](storage::Connection& c) { return RackRepository(c).placements(s, where); });
    for (const auto& other : now)
      if (overlaps(other)) throw taken(other);
    throw Error(ErrorCode::InfraRackUnitsTaken, {{"field", "unit"}, {"rack_code", r->code}});
  }
}

void Service::unplace(const Scope& s, const std::string& kind, const std::string& id, const Actor& actor) {
  if (kind == "server")
    server(s, id);
  else
    device(s, id);
  storage::write_transaction(db_, [&](storage::Connection& c) {
    RackRepository repo(c);
    auto before = repo.placement(s, kind, id);
    if (!before) return;  // not placed: nothing changes, nothing is written
    repo.unplace(s, kind, id);
    ledger_.append(
        c, ledger::change_in(s, actor, "infrastructure.rack.unplace", kind == "server" ? "element" : "infra_device", id,
                             {{"rack_id", before->rack_id},
                              {"name", before->name},
                              {"before", {{"unit", before->unit}, {"height", before->height}}}}));
  });
}

BackupDuty Service::update_duty(const Scope& s, const std::string& id, const DutyInput& in, const Actor& actor) {
  auto before = duty(s, id);
  BackupDuty after = before;
  if (in.agency_id) after.agency_id = *in.agency_id;
  if (in.name) after.name = *in.name;
  if (in.performed_by) after.performed_by = *in.performed_by;
  if (in.owner_approval) after.owner_approval = *in.owner_approval;
  if (in.exception_basis) after.exception_basis = *in.exception_basis;
  if (in.data_element_id) after.data_element_id = *in.data_element_id;
  if (in.target_site_id) after.target_site_id = *in.target_site_id;
  if (in.schedule_days) after.schedule_days = *in.schedule_days;
  if (in.retention_days) after.retention_days = *in.retention_days;
  if (in.restore_test_days) after.restore_test_days = *in.restore_test_days;
  if (edit_duty_json(after) == edit_duty_json(before)) return before;  // nothing changes: nothing is written
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    check_duty(c, s, after);
    RackRepository(c).update_duty(s, after);
    ledger_.append(c, ledger::change_in(s, actor, "infrastructure.backup_duty.update", "infra_backup_duty", id,
                                        {{"before", edit_duty_json(before)}, {"after", edit_duty_json(after)}}));
    return *Repository(c).duty(s, id);
  });
}

Lan Service::update_lan(const Scope& s, const std::string& id, const LanInput& in, const Actor& actor) {
  auto before = lan(s, id);
  Lan after = before;
  if (in.agency_id) after.agency_id = *in.agency_id;
  if (in.name) after.name = *in.name;
  if (in.built_by) after.built_by = *in.built_by;
  if (in.registered_on) after.registered_on = *in.registered_on;
  if (edit_lan_json(after) == edit_lan_json(before)) return before;
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    check_lan(c, s, after);
    RackRepository(c).update_lan(s, after);
    ledger_.append(c, ledger::change_in(s, actor, "infrastructure.lan.update", "infra_lan", id,
                                        {{"before", edit_lan_json(before)}, {"after", edit_lan_json(after)}}));
    return *Repository(c).lan(s, id);
  });
}

Device Service::update_device(const Scope& s, const std::string& id, const DeviceInput& in, const Actor& actor) {
  auto before = device(s, id);
  Device after = before;
  if (in.agency_id) after.agency_id = *in.agency_id;
  if (in.name) after.name = *in.name;
  if (in.kind) after.kind = *in.kind;
  if (in.coordination) after.coordination = *in.coordination;
  if (edit_device_json(after) == edit_device_json(before)) return before;  // nothing changes: nothing is written
  check_device(after, profile_of(s).today());                              // the checks of creation
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    require_agency(c, s, after.agency_id, "agency_id");
    RackRepository(c).update_device(s, after);
    ledger_.append(c, ledger::change_in(s, actor, "infrastructure.device.update", "infra_device", id,
                                        {{"before", edit_device_json(before)}, {"after", edit_device_json(after)}}));
    return *Repository(c).device(s, id);
  });
}

void Service::update_wan(const Scope& s, const std::string& id, const WanInput& in, const Actor& actor) {
  const auto& p = profile_of(s);
  // The checks of creation (BandwidthService::create_wan), on edit as on creation.
  auto owner =
      storage::read(db_, [&](storage::Connection& c) { return checked_wan_owner(c, s, p, in, tenancy_, compliance_); });
  auto before = storage::read(db_, [&](storage::Connection& c) {
    auto links = BandwidthRepository(c).wan_links(s);
    auto it = links.find(id);
    if (it == links.end()) throw Error(ErrorCode::InfraWanLinkNotFound);
    return it->second;
  });
  architecture::ElementInput element = in.element;
  element.domain.reset();
  element.owner_agency_id = owner;
  auto old_record = edit_wan_json(before.from_agency_id, before.to_agency_id, before.medium, before.capacity_mbps,
                                  before.operated_by, before.provider);
  auto new_record =
      edit_wan_json(in.from_agency_id, in.to_agency_id, in.medium, in.capacity_mbps, in.operated_by, in.provider);
  elements_.update(s, id, element, actor,
                   [&](storage::Connection& c, const architecture::Element&, const architecture::Element&) {
                     if (old_record == new_record) return;  // the element alone changed (its own ledger entry)
                     BandwidthRepository(c).save_wan(s, id, in, clock::now_iso());
                     ledger_.append(c, ledger::change_in(s, actor, "infrastructure.wan.update", "element", id,
                                                         {{"before", old_record}, {"after", new_record}}));
                   });
}

}  // namespace simpul::infrastructure
