#pragma once
// SQL of the Layanan SPBE catalogue (docs/service-desk.md, "Layanan SPBE catalogue"): the services
// the desk offers, each with its owning PD, the architecture elements it runs on and its SLA class.
#include <optional>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::servicedesk {

struct DeskService {
  std::string id, code, name, name_en, agency_id, agency_name, sla_class;
  std::vector<std::string> element_ids;
  std::string kind;           // administrasi | publik | "" (not yet classified)
  std::string area;           // an item of the kind's enumeration (administration_service_areas, service_sectors)
  std::string khusus_reason;  // why the service needs an Aplikasi Khusus (e.g. Balikpapan Pasal 27 ayat (4))
  std::string created_at, updated_at;
  std::vector<std::string> element_labels;  // "code name" of each element, filled by the catalogue
  bool uses_aplikasi_umum = false;          // one of its elements is an Aplikasi Umum (filled by the catalogue)
};

class CatalogueRepository {
 public:
  explicit CatalogueRepository(storage::Connection& c) : c_(c) {}
  /// Versions 1107 and 1111.
  static std::vector<storage::Migration> migrations();

  /// Every service of the tenant, by code, with its elements.
  std::vector<DeskService> services(const Scope& s) const;
  std::optional<DeskService> service(const Scope& s, const std::string& id) const;
  bool code_taken(const Scope& s, const std::string& code, const std::string& except_id) const;
  void insert(const Scope& s, const DeskService& d);
  void update(const Scope& s, const DeskService& d);
  void remove(const Scope& s, const std::string& id);
  /// The service a ticket names (sd_ticket_services), written when the ticket opens.
  void link_ticket(const Scope& s, const std::string& ticket_id, const std::string& service_id);
  /// The service a ticket names from now on (empty: none), when its classification changes.
  void set_ticket_service(const Scope& s, const std::string& ticket_id, const std::string& service_id);
  /// The service a ticket names, as the catalogue holds it now (none when it names none, or the
  /// service was removed since).
  std::optional<DeskService> service_of_ticket(const Scope& s, const std::string& ticket_id) const;

 private:
  void save_elements(const Scope& s, const DeskService& d);
  storage::Connection& c_;
};

}  // namespace simpul::servicedesk
