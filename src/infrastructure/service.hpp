#pragma once
// Infrastruktur SPBE workflows (docs/infrastructure.md): the Pusat Data register (sites, racks,
// servers as architecture elements with their operational record, room assessments), colocation
// and VPS requests decided by the Dinas, backup duties with runs and restore tests, PD LANs with
// versioned diagrams, network devices with change reports. No HTTP, no SQL.
#include <optional>
#include <string>
#include <vector>

#include "architecture/service.hpp"
#include "infrastructure/attestation.hpp"
#include "infrastructure/model.hpp"
#include "infrastructure/profile_section.hpp"
#include "ledger/ledger.hpp"
#include "regulation/service.hpp"
#include "storage/database.hpp"
#include "tenancy/service.hpp"

namespace simpul::infrastructure {

struct SiteInput {
  std::string code, name, kind, status = "operasi", agency_id, location;
};

/// Fields of a server's record; unset ones keep their value on update.
struct ServerInput {
  std::optional<std::string> kind, hosting, environment, managed_by, hostname, operating_system;
  std::optional<std::optional<std::string>> site_id, rack_id;
};

struct RunInput {
  std::string started_at, finished_at, result, tool, note, source;
  std::int64_t size_bytes = 0;
};

/// A duty with its state, for the board.
struct DutyView {
  BackupDuty duty;
  BackupStatus status;
};

/// What the Dinas owes a PD whose request it approves, with the article (or none where the text is silent).
struct Duty {
  std::string modal;  // wajib | dapat | none
  std::string text_id, text_en;
  std::optional<std::string> rule;
};

/// Fields of a rack; unset ones keep their value.
struct RackInput {
  std::optional<std::string> code;
  std::optional<int> units;
};

/// A rack seen from the front: what occupies which units, and the servers recorded in the rack
/// that have no unit position yet.
struct RackElevation {
  Rack rack;
  Site site;
  std::vector<RackPlacement> placed;  // lowest unit first
  std::vector<Server> unplaced;
};

/// Fields of a backup duty; unset ones keep their value (null clears an optional reference).
struct DutyInput {
  std::optional<std::string> agency_id, name, performed_by, owner_approval, exception_basis;
  std::optional<std::optional<std::string>> data_element_id, target_site_id;
  std::optional<int> schedule_days, retention_days, restore_test_days;
};

/// Fields of a LAN; unset ones keep their value.
struct LanInput {
  std::optional<std::string> agency_id, name, built_by, registered_on;
};

/// Fields of a network device; unset ones keep their value.
struct DeviceInput {
  std::optional<std::string> agency_id, name, kind, coordination;
};

class Repository;
struct ImportFile;
struct ImportResult;
struct WanInput;

/// The record is consistent: known choices, the site and rack exist in the tenant, and the hosting
/// mode matches where it stands (colocation and VPS are in a Pusat Data, a PD room is a PD room).
/// Throws ValidationInvalidValue naming the field. Shared by the API and the server import.
void check_server_record(Repository& repo, const Scope& s, const ServerRecord& r);

class Service {
 public:
  Service(storage::Database& db, const tenancy::Service& tenancy, architecture::Service& elements,
          regulation::Compliance& compliance, const ledger::Ledger& ledger)
      : db_(db), tenancy_(tenancy), elements_(elements), compliance_(compliance), ledger_(ledger) {}

  const tenancy::Profile& profile_of(const Scope& s) const { return elements_.profile_of(s); }
  regulation::Compliance& compliance() { return compliance_; }
  architecture::Service& elements() { return elements_; }

  /// The tenant's agencies (demo data, agency pickers).
  std::vector<tenancy::Agency> agencies(const Scope& s) const;

  // Pusat Data sites and rooms.
  Site create_site(const Scope& s, const SiteInput& in, const Actor& actor);
  std::vector<Site> sites(const Scope& s, const std::string& agency_id) const;
  Site site(const Scope& s, const std::string& id) const;
  std::vector<Rack> racks(const Scope& s, const std::string& site_id) const;
  std::vector<Assessment> assessments(const Scope& s, const std::string& site_id) const;
  Rack add_rack(const Scope& s, const std::string& site_id, const std::string& code, int units, const Actor& actor);
  Assessment assess(const Scope& s, const std::string& site_id, Assessment in, const Actor& actor);

  /// Records an attestation of a site, a LAN or the Jaringan Intra (attestation.hpp); the date is not in the future.
  Attestation attest(const Scope& s, Attestation in, const Actor& actor);
  /// Of one subject (site | lan | jaringan_intra), of one object when `subject_id` is given, newest first.
  std::vector<Attestation> attestations(const Scope& s, const std::string& subject,
                                        const std::string& subject_id) const;

  // Servers: architecture elements of the domain infrastruktur with their record.
  Server create_server(const Scope& s, const architecture::ElementInput& element, const ServerInput& record,
                       const Actor& actor);
  Server update_server(const Scope& s, const std::string& id, const architecture::ElementInput& element,
                       const ServerInput& record, const Actor& actor);
  Server server(const Scope& s, const std::string& id) const;
  std::vector<Server> servers(const Scope& s, const std::string& agency_id, const std::string& site_id) const;
  /// Applications and data sets that run on the server (architecture relations `runs_on`).
  std::vector<architecture::Element> hosted(const Scope& s, const std::string& id) const;
  /// Checks every row of a server import (server_import.hpp) and, unless `dry_run` or a problem was
  /// found, creates all of them in one transaction with one ledger entry.
  ImportResult import_servers(const Scope& s, const ImportFile& file, bool dry_run, const Actor& actor,
                              const std::string& file_digest);

  // Rack elevation and the edit routes (service_edit.cpp).
  Rack rack(const Scope& s, const std::string& id) const;
  RackElevation rack_elevation(const Scope& s, const std::string& rack_id) const;
  /// Changes a rack's code or height; a height below an occupied unit is refused.
  Rack update_rack(const Scope& s, const std::string& id, const RackInput& in, const Actor& actor);
  /// Places (or moves) a server — in the rack its record names — or a device — in `rack_id` — at its
  /// lowest `unit` with `height` units. Refused outside the rack's height (rack_units_out_of_range)
  /// or over another occupant (rack_units_taken, naming it).
  RackPlacement place(const Scope& s, const std::string& kind, const std::string& id, const std::string& rack_id,
                      int unit, int height, const Actor& actor);
  /// The server or device is no longer placed (it stays in its rack's list as unplaced).
  void unplace(const Scope& s, const std::string& kind, const std::string& id, const Actor& actor);
  std::optional<RackPlacement> placement_of(const Scope& s, const std::string& kind, const std::string& id) const;
  /// The same checks as creation, with the ledger entry holding before and after.
  BackupDuty update_duty(const Scope& s, const std::string& id, const DutyInput& in, const Actor& actor);
  Lan update_lan(const Scope& s, const std::string& id, const LanInput& in, const Actor& actor);
  /// A network device's own fields, checked as on creation; the ledger keeps the record before and after.
  Device update_device(const Scope& s, const std::string& id, const DeviceInput& in, const Actor& actor);
  /// `in` is the whole link after the change (the route merges the request into the current link).
  void update_wan(const Scope& s, const std::string& id, const WanInput& in, const Actor& actor);
  /// Network devices from a spreadsheet (device_import.cpp), all rows or none, like the servers.
  ImportResult import_devices(const Scope& s, const ImportFile& file, bool dry_run, const Actor& actor,
                              const std::string& file_digest);

  // Colocation and VPS requests.
  HostingRequest request(const Scope& s, const std::string& agency_id, const std::string& kind,
                         const std::string& purpose, const std::string& specification, const Actor& actor);
  HostingRequest decide(const Scope& s, const std::string& id, bool approve, const std::string& reasons,
                        const Actor& actor);
  std::vector<HostingRequest> requests(const Scope& s, const std::string& state, const std::string& agency_id) const;
  HostingRequest get_request(const Scope& s, const std::string& id) const;
  /// The Dinas's duty for a request of this kind, as the profile states it.
  static Duty duty_for(const tenancy::Profile& p, const std::string& kind);

  // Backups.
  BackupDuty create_duty(const Scope& s, BackupDuty in, const Actor& actor);
  BackupDuty duty(const Scope& s, const std::string& id) const;
  BackupRun record_run(const Scope& s, const std::string& duty_id, const RunInput& in, const Actor& actor);
  RestoreTest record_restore_test(const Scope& s, const std::string& duty_id, RestoreTest in, const Actor& actor);
  std::vector<BackupRun> runs(const Scope& s, const std::string& duty_id) const;
  std::vector<RestoreTest> restore_tests(const Scope& s, const std::string& duty_id) const;
  /// Every duty (of one agency, or all) with its state as of `today` (the tenant's date).
  std::vector<DutyView> board(const Scope& s, const std::string& agency_id, const std::string& today) const;

  // Jaringan Intra.
  Lan create_lan(const Scope& s, Lan in, const Actor& actor);
  std::vector<Lan> lans(const Scope& s, const std::string& agency_id) const;
  Lan lan(const Scope& s, const std::string& id) const;
  Diagram upload_diagram(const Scope& s, const std::string& lan_id, const std::string& filename,
                         const std::string& content, const Actor& actor);
  std::vector<Diagram> diagrams(const Scope& s, const std::string& lan_id) const;
  std::pair<Diagram, std::string> download_diagram(const Scope& s, const std::string& id) const;
  Device create_device(const Scope& s, Device in, const Actor& actor);
  Device device(const Scope& s, const std::string& id) const;
  std::vector<Device> devices(const Scope& s, const std::string& agency_id) const;
  Device change_device(const Scope& s, const std::string& id, const std::string& date, const std::string& what,
                       const Actor& actor);
  Device report_change(const Scope& s, const std::string& id, const std::string& date, const std::string& summary,
                       const Actor& actor);

 private:
  /// Throws InfraGateRefused (with the rule) when the object breaks a gate rule of the profile.
  void check_gate(storage::Connection& c, const Scope& s, const regulation::Fact& after) const;
  void require_agency(storage::Connection& c, const Scope& s, const std::string& agency_id, const char* field) const;
  /// The checks of a backup duty and of a LAN, shared by creation and edit.
  void check_duty(storage::Connection& c, const Scope& s, const BackupDuty& d) const;
  void check_lan(storage::Connection& c, const Scope& s, const Lan& l) const;

  storage::Database& db_;
  const tenancy::Service& tenancy_;
  architecture::Service& elements_;
  regulation::Compliance& compliance_;
  const ledger::Ledger& ledger_;
};

/// Fixed choices with Indonesian names (docs/infrastructure.md).
const std::vector<tenancy::EnumItem>& site_kinds();
const std::vector<tenancy::EnumItem>& server_kinds();
const std::vector<tenancy::EnumItem>& hosting_modes();
const std::vector<tenancy::EnumItem>& environments();
const std::vector<tenancy::EnumItem>& device_kinds();
/// The name of a choice, or the id when unknown.
std::string name_of(const std::vector<tenancy::EnumItem>& items, const std::string& id);

/// The state of a backup duty as of `today`. Dates are the tenant's: `created_on` the duty's,
/// `last_run` (date, result) its newest run, `last_ok_on` its newest good run, `last_restore_on` its
/// newest successful restore test; `in_pusat_data`: its target site counts as the Pusat Data.
BackupStatus backup_status(const BackupDuty& d, const std::string& created_on,
                           const std::optional<std::pair<std::string, std::string>>& last_run,
                           const std::optional<std::string>& last_ok_on,
                           const std::optional<std::string>& last_restore_on, bool in_pusat_data,
                           const std::string& today);
/// A device's fields as creation and the device import check them (kind, installation date not
/// after `today`); throws ValidationInvalidValue naming the field.
void check_device(const Device& d, const std::string& today);

}  // namespace simpul::infrastructure
