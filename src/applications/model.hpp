#pragma once
// An Aplikasi SPBE: the architecture element plus the record its lifecycle needs
// (docs/applications.md).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "architecture/model.hpp"

namespace simpul::applications {

/// The stage after the profile's last one: a retired application (every region uses the word).
inline constexpr const char* kRetiredStage = "pensiun";

struct Record {
  std::optional<std::string> operator_agency_id;
  std::string builder;  // dinas | pd_mandiri_tik | perangkat_daerah | vendor | ""
  std::string vendor_name;
  std::string source_model;  // terbuka | tertutup | ""
  std::string hosting;  // service.cpp hosting_options(): pusat_data_* | server_pd_di_pusat_data | server_di_kantor_pd |
                        // luar_pusat_data | ""
  std::string subdomain;
  std::string contact_email;
  bool similar_to_umum = false;
  boost::json::object justification;  // condition id -> bool
  std::optional<std::string> last_audit_date;
  std::optional<std::string> live_since;
};

struct RecordInput {
  std::optional<std::optional<std::string>> operator_agency_id, last_audit_date;
  std::optional<std::string> builder, vendor_name, source_model, hosting, subdomain, contact_email;
  std::optional<bool> similar_to_umum;
  std::optional<boost::json::object> justification;
};

struct Application {
  architecture::Element element;
  Record record;
  std::int64_t open_findings = 0;
};

struct Recommendation {
  std::string id;
  std::string application_id, application_code, application_name, owner_agency_id, owner_agency_name;
  std::string state = "diajukan";  // diajukan | disetujui | ditolak
  std::string purpose, justification;
  std::string requested_by, requested_by_name, requested_at;
  std::string reasons;
  std::string decided_by_name;
  std::optional<std::string> decided_at;
};

struct Consideration {
  std::string id;
  std::string kind;  // kebutuhan_aplikasi_khusus | kode_sumber_tertutup | aplikasi_sejenis
  std::string reference, date, decision, note, recorded_by_name, recorded_at;
};

struct TestRecord {
  std::string id;
  std::string date, release, result, summary, recorded_by_name, recorded_at;
};

struct Artifact {
  std::string id;
  std::string application_id;
  std::string kind, release, filename, sha256, uploaded_by_name, uploaded_at;
  std::int64_t size = 0;
  /// A Dinas reviewer's confirmation that the source code explains each procedure (Madiun Pasal 24
  /// ayat (4)); empty until given.
  std::string explanations_confirmed_by_name, explanations_confirmed_at, explanations_note;
};

/// A text attribute of the application's element ("" when absent): category, url, lifecycle stage.
inline std::string text_attribute(const architecture::Element& e, std::string_view key) {
  const auto* v = e.attributes.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

inline std::string stage_of(const architecture::Element& e) { return text_attribute(e, "lifecycle_stage"); }

}  // namespace simpul::applications
