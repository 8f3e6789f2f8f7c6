#pragma once
// The service desk's records: tickets and their events, desks and their agents, categories,
// holidays, periodic reports, and the region's rules for them (profile section `servicedesk:`).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace simpul::servicedesk {

/// A choice with its Indonesian and English label.
struct Choice {
  std::string id, name, name_en;
};

/// A priority and its SLA targets, in working minutes.
struct Priority {
  std::string id, name, name_en;
  int own_minutes = 0;
  int resolve_minutes = 0;
};

/// What the region's regulation says about the desk (profile `servicedesk:`).
struct DeskRules {
  /// 2: Pelayanan Level 1 in every PD and Level 2 at the Dinas (Balikpapan, Madiun);
  /// 1: one desk per PD without tiers (Lampung Timur, Bontang, Bandar Lampung).
  int tiers = 1;
  std::string types_rule;  // the article listing the ticket types
  std::vector<Choice> types;
  std::optional<std::string> structure_rule;      // the article defining the desk (cited when no Level 2 exists)
  std::optional<std::string> level1_rule;         // Level 1 is the single point of contact
  std::optional<std::string> level2_rule;         // what Level 2 is contacted for
  bool level2_direct_for_dinas_services = false;  // users may contact Level 2 directly for the Dinas's own services
  /// The Layanan SPBE catalogue says which services the Dinas provides: a ticket naming a service
  /// is the Dinas's own when the service's owning PD is the Dinas (else the affected element's owner decides).
  bool dinas_services_from_catalogue = false;
  std::optional<std::string> escalation_rule;  // Level 1 -> Level 2
  /// Who works a ticket at each tier (Balikpapan Pasal 37 ayat (8) and (10)): cited when anyone but
  /// the staff of the queue holding the ticket tries to work it.
  std::optional<std::string> level1_duty_rule;
  std::optional<std::string> level2_duty_rule;
  std::optional<std::string> level1_staffing_rule;
  std::optional<std::string> level2_staffing_rule;
  std::optional<std::string> desk_required_rule;  // a desk in every PD running SPBE services
  std::optional<std::string> sop_rule;
  std::optional<std::string> report_rule;
  int report_every_months = 0;  // 0: the region states no periodic report
  std::optional<std::string> knowledge_rule;
  /// The article dividing Layanan SPBE into administrasi pemerintahan and publik (e.g. Balikpapan Pasal 25 ayat (1));
  /// the areas and sectors are the profile's enumerations `administration_service_areas` and `service_sectors`.
  std::optional<std::string> service_kinds_rule;
  /// The article saying e-public services prioritise an Aplikasi Umum (Balikpapan Pasal 27 ayat (3)); unset where
  /// the region's text has no such sentence.
  std::optional<std::string> aplikasi_umum_rule;
  int reopen_days = 7;
  /// The share of an SLA target after which the queue is warned (sla_watch.cpp); the regulations
  /// state none: a product default the Dinas may change (profile `sla_warning_percent`).
  int sla_warning_percent = 75;
  std::vector<Choice> levels;                                        // urgency and impact levels, highest first
  std::map<std::string, std::map<std::string, std::string>> matrix;  // urgency -> impact -> priority id
  std::vector<Priority> priorities;
  std::vector<int> working_days;  // ISO weekday 1 (Monday) .. 7
  int day_start_minute = 8 * 60;
  int day_end_minute = 16 * 60;

  const Priority* priority(const std::string& id) const;
  const Choice* type(const std::string& id) const;
  bool level(const std::string& id) const;
};

struct Ticket {
  std::string id, number;
  std::string agency_id, agency_name;  // the requester's Perangkat Daerah
  std::string requester_id, requester_name;
  std::string type, category_id, category_name;
  std::string element_id, element_label;  // the affected application, server or network element
  std::string title, description;
  std::string urgency, impact, priority;
  int tier = 1;
  std::string queue_agency_id, queue_agency_name;  // whose queue holds it: the PD (Level 1) or the Dinas (Level 2)
  std::string state = "new";
  std::string pending_reason;
  std::string assignee_id, assignee_name;
  bool shared = false;
  std::string resolution;
  std::optional<int> rating;
  std::string rating_comment;
  std::string created_at, updated_at;
  std::optional<std::string> resolved_at, closed_at;
};

/// One step of a ticket's history; the SLA clocks are recomputed from these.
struct Event {
  std::string id, ticket_id;
  std::int64_t seq = 0;
  std::string at;
  std::string kind;  // created, assigned, state, comment, note, escalated, returned, redirected, reopened, rated
  std::string from_state, to_state;
  int tier = 1;
  std::string body;
  std::string rule_id, citation;
  bool internal = false;
  std::string actor_id, actor_name;
};

/// The SLA notices recorded for each clock of a ticket: 0 none, 1 the warning, 2 the breach (the
/// own clock's since its last change of tier: that clock starts afresh in the new queue).
struct SlaTold {
  int own = 0, resolve = 0;
};

/// A ticket's SLA clocks as of its last event that moves them (stored on the ticket, updated in
/// the transaction of each event): the clocks at any later instant add only the working minutes
/// since `since` (sla.hpp, sla_at), so no list has to read the events again.
struct SlaState {
  std::string state;                            // the ticket's state at `since`
  std::string since;                            // the instant of that event (ISO); empty: no event yet
  std::int64_t own_used = 0, resolve_used = 0;  // working minutes up to `since`
  /// What the SLA watch has recorded of each clock (sla_watch.cpp): none when unknown (a ticket
  /// whose warnings were recorded before migration 1113 stored them; read from its events).
  std::optional<SlaTold> told;
};

struct Agent {
  std::string id, user_id, user_name, agency_id, agency_name;
  int tier = 1;
  std::string created_at;
};

struct Desk {
  std::string agency_id;
  std::string unit_name;
  std::string sop_reference;
  std::string since;  // YYYY-MM-DD
};

struct Category {
  std::string id, parent_id, name;
};

/// The SLA targets the Dinas sets for one priority of tickets in a category (and its subcategories
/// that set none), in working minutes; they replace the priority's own targets there.
struct CategoryTarget {
  std::string category_id, priority;
  int own_minutes = 0, resolve_minutes = 0;
};

struct Holiday {
  std::string date, name;
};

/// A knowledge base article (Markdown): the record of the region's knowledge management process
/// (e.g. Balikpapan Pasal 35), often written from a resolved ticket.
struct Article {
  std::string id, title, body, category_id;
  std::string visibility = "public";     // public: every staff member; technicians: desk staff only
  std::string ticket_id, ticket_number;  // the resolved ticket it was written from, if any
  std::string author_id, author_name, created_at, updated_at;
};

/// A file attached to a ticket; the content is in the tenant's blob store under its SHA-256.
struct Attachment {
  std::string id, ticket_id, filename, content_type, sha256;
  std::int64_t size = 0;
  std::string uploaded_by_id, uploaded_by_name, uploaded_at;
};

struct Report {
  std::string id, agency_id, period_start, period_end, submitted_on, submitted_by_name;
  std::int64_t opened = 0, resolved = 0, open_now = 0;
};

}  // namespace simpul::servicedesk
