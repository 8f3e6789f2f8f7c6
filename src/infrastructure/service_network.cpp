// PD LANs with their versioned diagrams, and network devices with their change reports (the
// Jaringan Intra part of infrastructure::Service; backups are service_backup.cpp).
#include <algorithm>
#include <string_view>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"
#include "infrastructure/facts.hpp"
#include "infrastructure/repository.hpp"
#include "infrastructure/service.hpp"
#include "storage/blob_store.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::infrastructure {
namespace {

constexpr std::size_t kMaxDiagramBytes = 10 * 1024 * 1024;

void require_network_date(const std::string& value, const char* field) {
  if (!clock::is_iso_date(value)) throw Error(ErrorCode::ValidationInvalidValue, field, "must be YYYY-MM-DD");
}

/// The diagram's type from its first bytes, never from its name or the client's header: PDF, PNG,
/// SVG or a draw.io file; empty when it is none of them.
std::string sniff_diagram(const std::string& content) {
  std::string_view head(content.data(), std::min<std::size_t>(content.size(), 2048));
  if (head.starts_with("%PDF-")) return "application/pdf";
  if (head.starts_with("\x89PNG\r\n\x1a\n")) return "image/png";
  if (!text::is_valid_utf8(content)) return "";
  auto pos = head.find_first_not_of(" \t\r\n\xef\xbb\xbf");
  if (pos == std::string_view::npos) return "";
  head.remove_prefix(pos);
  if (head.starts_with("<?xml")) {
    auto end = head.find("?>");
    if (end == std::string_view::npos) return "";
    head.remove_prefix(end + 2);
    auto next = head.find_first_not_of(" \t\r\n");
    if (next == std::string_view::npos) return "";
    head.remove_prefix(next);
    while (head.starts_with("<!--") || head.starts_with("<!DOCTYPE")) {
      auto close = head.find('>');
      if (close == std::string_view::npos) return "";
      head.remove_prefix(close + 1);
      next = head.find_first_not_of(" \t\r\n");
      if (next == std::string_view::npos) return "";
      head.remove_prefix(next);
    }
  }
  if (head.starts_with("<svg")) return "image/svg+xml";
  if (head.starts_with("<mxfile") || head.starts_with("<mxGraphModel")) return "application/vnd.jgraph.mxfile";
  return "";
}

}  // namespace

void Service::check_lan(storage::Connection& c, const Scope& s, const Lan& in) const {
  if (in.built_by != "dinas" && in.built_by != "pd_mandiri_tik")
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "built_by"}, {"allowed", boost::json::array{"dinas", "pd_mandiri_tik"}}});
  require_network_date(in.registered_on, "registered_on");
  require_agency(c, s, in.agency_id, "agency_id");
  // A LAN built by the PD itself is for a PD Mandiri TIK only (Balikpapan Pasal 17 ayat (1) huruf b, Madiun Pasal 18
  // ayat (6) huruf b).
  if (in.built_by == "pd_mandiri_tik" && !compliance_.tenant_facts(c, s).agency_has_flag(in.agency_id, "mandiri_tik")) {
    const auto& p = profile_of(s);
    if (const auto& rule = spec_of(p).lan_built_by_rule)
      throw Error(ErrorCode::InfraGateRefused,
                  {{"field", "built_by"},
                   {"rule_title", "LAN dibangun dan dioperasikan sendiri hanya oleh Perangkat Daerah Mandiri TIK"},
                   {"rule_title_en", "Only a PD Mandiri TIK builds and runs its own LAN"}},
                  tenancy::rule_ref(p, rule));
    throw Error(ErrorCode::ValidationInvalidValue, "built_by", "the agency is not a PD Mandiri TIK");
  }
}

Lan Service::create_lan(const Scope& s, Lan in, const Actor& actor) {
  in.id = crypto::new_id();
  in.created_at = clock::now_iso();
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    check_lan(c, s, in);
    Repository repo(c);
    repo.insert(s, in);
    ledger_.append(c, ledger::change_in(s, actor, "infrastructure.lan.create", "infra_lan", in.id,
                                        {{"agency_id", in.agency_id}, {"name", in.name}, {"built_by", in.built_by}}));
    return *repo.lan(s, in.id);
  });
}

std::vector<Lan> Service::lans(const Scope& s, const std::string& agency_id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).lans(s, agency_id); });
}

Lan Service::lan(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto l = Repository(c).lan(s, id);
    if (!l) throw Error(ErrorCode::InfraLanNotFound);
    return *l;
  });
}

Diagram Service::upload_diagram(const Scope& s, const std::string& lan_id, const std::string& filename,
                                const std::string& content, const Actor& actor) {
  auto l = lan(s, lan_id);
  if (content.size() > kMaxDiagramBytes)
    throw Error(ErrorCode::InfraDiagramTooLarge, {{"max_bytes", kMaxDiagramBytes}});
  auto type = sniff_diagram(content);
  if (type.empty()) throw Error(ErrorCode::InfraDiagramType);
  Diagram d;
  d.id = crypto::new_id();
  d.lan_id = l.id;
  d.filename = filename;
  d.content_type = type;
  d.size = static_cast<std::int64_t>(content.size());
  d.sha256 = crypto::sha256_hex(content);
  d.uploaded_by_name = actor.name;
  d.uploaded_at = clock::now_iso();
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto previous = repo.diagrams(s, lan_id);
    d.version = previous.empty() ? 1 : previous.front().version + 1;
    storage::put_blob(c, s.tenant_id, d.sha256, d.size, crypto::to_base64(content), d.uploaded_at);
    repo.insert(s, d);
    ledger_.append(c,
                   ledger::change_in(
                       s, actor, "infrastructure.lan.diagram", "infra_lan", lan_id,
                       {{"diagram_id", d.id}, {"version", d.version}, {"filename", filename}, {"sha256", d.sha256}}));
  });
  return d;
}

std::vector<Diagram> Service::diagrams(const Scope& s, const std::string& lan_id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).diagrams(s, lan_id); });
}

std::pair<Diagram, std::string> Service::download_diagram(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto d = Repository(c).diagram(s, id);
    if (!d) throw Error(ErrorCode::InfraDiagramNotFound);
    auto text = storage::blob_base64(c, s.tenant_id, d->sha256);
    std::string bytes;
    if (!text || !crypto::from_base64(*text, bytes)) throw Error(ErrorCode::InfraDiagramNotFound);
    return std::make_pair(*d, bytes);
  });
}

void check_device(const Device& d, const std::string& today) {
  bool known = false;
  for (const auto& k : device_kinds()) known = known || k.id == d.kind;
  if (!known) throw Error(ErrorCode::ValidationInvalidValue, "kind", "not a device kind");
  require_network_date(d.last_change_on, "installed_on");
  if (d.last_change_on > today) throw Error(ErrorCode::ValidationInvalidValue, "installed_on", "is in the future");
}

Device Service::create_device(const Scope& s, Device in, const Actor& actor) {
  check_device(in, profile_of(s).today());
  in.id = crypto::new_id();
  in.last_change = "pemasangan";
  in.created_at = clock::now_iso();
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    require_agency(c, s, in.agency_id, "agency_id");
    Repository repo(c);
    repo.insert(s, in);
    ledger_.append(
        c, ledger::change_in(
               s, actor, "infrastructure.device.create", "infra_device", in.id,
               {{"agency_id", in.agency_id}, {"name", in.name}, {"kind", in.kind}, {"coordination", in.coordination}}));
    return *repo.device(s, in.id);
  });
}

Device Service::device(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto d = Repository(c).device(s, id);
    if (!d) throw Error(ErrorCode::InfraDeviceNotFound);
    return *d;
  });
}

std::vector<Device> Service::devices(const Scope& s, const std::string& agency_id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).devices(s, agency_id); });
}

Device Service::change_device(const Scope& s, const std::string& id, const std::string& date, const std::string& what,
                              const Actor& actor) {
  auto d = device(s, id);
  require_network_date(date, "date");
  if (date > profile_of(s).today()) throw Error(ErrorCode::ValidationInvalidValue, "date", "is in the future");
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    repo.record_change(s, id, date, what);
    ledger_.append(c, ledger::change_in(s, actor, "infrastructure.device.change", "infra_device", id,
                                        {{"date", date}, {"change", what}}));
    return *repo.device(s, id);
  });
}

Device Service::report_change(const Scope& s, const std::string& id, const std::string& date,
                              const std::string& summary, const Actor& actor) {
  auto d = device(s, id);
  require_network_date(date, "date");
  if (date > profile_of(s).today()) throw Error(ErrorCode::ValidationInvalidValue, "date", "is in the future");
  if (date < d.last_change_on)
    throw Error(ErrorCode::ValidationInvalidValue, "date", "is before the change it reports");
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    repo.record_report(s, id, date, summary);
    ledger_.append(c, ledger::change_in(s, actor, "infrastructure.device.report", "infra_device", id,
                                        {{"date", date}, {"summary", summary}}));
    return *repo.device(s, id);
  });
}

}  // namespace simpul::infrastructure
