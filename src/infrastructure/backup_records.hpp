#pragma once
// What the backup board and the compliance facts both read to state each backup duty
// (docs/infrastructure.md, "Backups"): the latest run, good run and restore test per duty, read
// once per tenant, and the state of one duty from them (service_backup.cpp).
#include <map>
#include <string>
#include <utility>

#include "infrastructure/model.hpp"
#include "infrastructure/service.hpp"

namespace simpul::infrastructure {

class Repository;

struct BackupRecords {
  std::map<std::string, std::pair<std::string, std::string>> last;  // duty id -> (started_at UTC, result)
  std::map<std::string, std::string> ok;                            // duty id -> latest good run, UTC
  std::map<std::string, std::string> restored;                      // duty id -> latest good restore test date
};

BackupRecords backup_records(const Repository& repo, const Scope& s);

/// One duty's state as of `today` (the tenant's local date); `sites` by id, for its target.
BackupStatus duty_status(const BackupDuty& d, const tenancy::Profile& p, const BackupRecords& records,
                         const std::map<std::string, Site>& sites, const std::string& today);

}  // namespace simpul::infrastructure
