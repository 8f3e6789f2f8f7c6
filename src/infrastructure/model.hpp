#pragma once
// Records of Infrastruktur SPBE (docs/infrastructure.md): Pusat Data sites and rooms, racks, the
// operational record of a server (the server itself is an architecture element of the domain
// infrastruktur), colocation and VPS requests, backup duties with their runs and restore tests,
// PD LANs with their diagrams, network devices and their change reports.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "architecture/model.hpp"

namespace simpul::infrastructure {

/// A place servers stand: the Pemda's data centre, the national one (PDN link), or a PD's own room.
struct Site {
  std::string id;
  std::string code;
  std::string name;
  std::string kind;    // pusat_data_pemda | pdn | ruang_server_pd | pusat_pemulihan_data | pusat_pengelolaan_jaringan
  std::string status;  // operasi | rencana (a planned facility)
  std::string agency_id;
  std::string agency_name;  // joined for display
  std::string location;
  std::string standard;  // latest assessment: memenuhi | tidak_memenuhi | "" (not assessed)
  std::string assessed_on;
  std::string created_at;
};

/// An assessment of a room against the standard (Lampung Timur Pasal 17 ayat (5)-(7)).
struct Assessment {
  std::string id;
  std::string site_id;
  std::string date;
  std::string result;  // memenuhi | tidak_memenuhi
  std::string assessor;
  std::string note;
  std::string recorded_by_name;
  std::string recorded_at;
};

struct Rack {
  std::string id;
  std::string site_id;
  std::string code;
  int units = 42;
  std::string created_at;
};

/// Where a server or network device stands in a rack: its lowest unit (U1 at the bottom) and its
/// height in units. A server or device without one is "belum ditempatkan" (not yet placed).
struct RackPlacement {
  std::string rack_id;
  std::string object_kind;  // server | device
  std::string object_id;
  int unit = 1;
  int height = 1;
  std::string code, name, agency_id, agency_name;  // the occupant, joined for display (a device has no code)
  std::string placed_at;
};

/// The operational record of a server element.
struct ServerRecord {
  std::string kind = "fisik";            // fisik | virtual
  std::string hosting = "kolokasi";      // kolokasi | vps | ruang_pd | luar
  std::string environment = "produksi";  // produksi | pengembangan | uji
  std::string managed_by = "dinas";      // dinas | pd (configured, run and maintained by whom)
  std::optional<std::string> site_id, rack_id;
  std::string hostname;
  std::string operating_system;
  std::string updated_at;
};

/// A server: its architecture element and its record, with the site it stands in.
struct Server {
  architecture::Element element;
  ServerRecord record;
  std::optional<Site> site;
};

struct HostingRequest {
  std::string id;
  std::string agency_id;
  std::string agency_name;
  std::string kind;  // kolokasi | vps
  std::string purpose;
  std::string specification;
  std::string state = "diajukan";  // diajukan | disetujui | ditolak
  std::string requested_by, requested_by_name, requested_at;
  std::string reasons;
  std::string decided_by_name;
  std::optional<std::string> decided_at;
};

struct BackupDuty {
  std::string id;
  std::string agency_id;
  std::string agency_name;
  std::string name;
  std::optional<std::string> data_element_id;  // a data set of the architecture (domain data_informasi)
  int schedule_days = 1;
  int retention_days = 30;
  std::optional<std::string> target_site_id;
  int restore_test_days = 180;
  std::string performed_by = "pd";  // pd | dinas
  std::string owner_approval;       // the owner's approval when the Dinas backs up (Balikpapan Pasal 15 ayat (2))
  std::string exception_basis;  // the law governing this data (Bandar Lampung Pasal 17 ayat (1)); empty: no exception
  std::string created_at;
};

struct BackupRun {
  std::string id;
  std::string duty_id;
  std::string started_at, finished_at;
  std::string result;  // ok | partial | failed
  std::int64_t size_bytes = 0;
  std::string tool;
  std::string note;
  std::string source;  // api | manual
  std::string recorded_by_name, recorded_at;
};

struct RestoreTest {
  std::string id;
  std::string duty_id;
  std::string date;
  std::string result;  // berhasil | gagal
  std::string note;
  std::string recorded_by_name, recorded_at;
};

/// A duty's state as the board and the compliance engine see it.
struct BackupStatus {
  std::optional<std::string> last_run_on, last_result, last_ok_on, last_restore_on;  // dates in the tenant's time
  bool target_in_pusat_data = false;
  bool overdue = false, last_failed = false, restore_overdue = false;
  /// The first problem, in the order a user resolves them: target_di_luar_pusat_data, belum_pernah,
  /// terlambat, gagal, tanpa_uji_pemulihan; "ok" when none; "dikecualikan" with a legal basis.
  std::string state;
};

struct Lan {
  std::string id;
  std::string agency_id;
  std::string agency_name;
  std::string name;
  std::string built_by;  // dinas | pd_mandiri_tik
  std::string registered_on;
  std::string created_at;
};

struct Diagram {
  std::string id;
  std::string lan_id;
  int version = 1;
  std::string filename;
  std::string content_type;
  std::int64_t size = 0;
  std::string sha256;
  std::string uploaded_by_name, uploaded_at;
};

struct Device {
  std::string id;
  std::string agency_id;
  std::string agency_name;
  std::string name;
  std::string kind;            // router | switch | access_point | firewall | lainnya
  std::string coordination;    // the Dinas's coordination reference (Bandar Lampung Pasal 20 ayat (2)); may be empty
  std::string last_change_on;  // registration or the latest change
  std::string last_change;     // what changed
  std::string last_report_on;  // the latest change report, or empty
  std::string last_report;     // its details
  std::string created_at;
};

}  // namespace simpul::infrastructure
