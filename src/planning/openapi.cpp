// The routes of this module as the API contract states them (http/api_description.hpp); every
// answer the API tests receive is checked against it. Built from small helpers, then serialised
// once.
#include <string>
#include <string_view>

#include <boost/json.hpp>

namespace simpul::planning {
namespace {

namespace json = boost::json;

json::object ref(const char* name) { return {{"$ref", std::string("#/components/schemas/") + name}}; }
json::object str() { return {{"type", "string"}}; }
json::object nstr() { return {{"type", "string"}, {"nullable", true}}; }
json::object integer() { return {{"type", "integer"}}; }
json::object boolean() { return {{"type", "boolean"}}; }
json::object number() { return {{"type", "number"}}; }
json::object array_of(json::object items) { return {{"type", "array"}, {"items", std::move(items)}}; }
json::object nullable(json::object o) {
  o["nullable"] = true;
  return o;
}

json::object object_of(std::initializer_list<std::pair<std::string_view, json::value>> props, bool closed = true) {
  json::object p;
  json::array required;
  for (const auto& [k, v] : props) {
    p[k] = v;
    required.emplace_back(k);
  }
  json::object o{{"type", "object"}, {"properties", std::move(p)}, {"required", std::move(required)}};
  if (closed) o["additionalProperties"] = false;
  return o;
}

json::object rule_ref() { return nullable(object_of({{"id", str()}, {"citation", str()}})); }

json::object op(const char* summary, const char* permission, json::object response, int status = 200,
                json::object request = {}) {
  json::object o{
      {"tags", json::array{"Rencana dan Anggaran"}},
      {"summary", summary},
      {"description", std::string("Requires: ") + permission + "."},
      {"responses",
       json::object{{std::to_string(status),
                     json::object{{"description", "success"},
                                  {"content", json::object{{"application/json",
                                                            json::object{{"schema", std::move(response)}}}}}}}}}};
  if (!request.empty())
    o["requestBody"] =
        json::object{{"required", true},
                     {"content", json::object{{"application/json", json::object{{"schema", std::move(request)}}}}}};
  return o;
}

json::object no_content_op(const char* summary, const char* permission) {
  return {{"tags", json::array{"Rencana dan Anggaran"}},
          {"summary", summary},
          {"description", std::string("Requires: ") + permission + "."},
          {"responses", json::object{{"204", json::object{{"description", "removed"}}}}}};
}

json::object page_of(const char* item) { return object_of({{"items", array_of(ref(item))}, {"total", integer()}}); }

json::object line_request() {
  json::object o{
      {"type", "object"},
      {"properties",
       json::object{{"sub_activity", str()},
                    {"account_code", str()},
                    {"name", str()},
                    {"specification", str()},
                    {"ssh_code", str()},
                    {"volume", array_of(object_of({{"quantity", integer()}, {"unit", str()}}))},
                    {"unit_price", json::object{{"oneOf", json::array{integer(), str()}},
                                                {"description", "integer Rupiah, or text such as \"Rp 1.250.000\""}}},
                    {"funding_source", str()},
                    {"category", str()},
                    {"element_ids", array_of(str())},
                    {"initiative_id", nstr()}}}};
  return o;
}

json::object components() {
  auto amount = object_of({{"key", str()}, {"label", str()}, {"total", integer()}, {"lines", integer()}});
  auto check = object_of({{"kind", str()}, {"kind_name", str()}, {"message", str()}, {"rule", rule_ref()}});
  auto choice = object_of({{"id", str()}, {"name", str()}});
  auto cycle = object_of({{"id", str()},
                          {"fiscal_year", integer()},
                          {"title", str()},
                          {"submission_deadline", str()},
                          {"verification_deadline", str()},
                          {"state", json::object{{"type", "string"}, {"enum", json::array{"dibuka", "ditutup"}}}},
                          {"state_name", str()},
                          {"opened_by_name", str()},
                          {"opened_at", str()},
                          {"closed_at", nstr()}});
  std::initializer_list<std::pair<std::string_view, json::value>> proposal_props = {
      {"id", str()},
      {"cycle_id", str()},
      {"agency_id", str()},
      {"agency_name", str()},
      {"state",
       json::object{{"type", "string"}, {"enum", json::array{"draf", "diajukan", "diverifikasi", "disetujui"}}}},
      {"state_name", str()},
      {"recommendation", str()},
      {"recommended_at", nstr()},
      {"recommended_by_name", nstr()},
      {"submitted_at", nstr()},
      {"verified_at", nstr()},
      {"verified_by_name", nstr()},
      {"approved_at", nstr()},
      {"approved_by_name", nstr()},
      {"total", integer()},
      {"line_count", integer()},
      {"created_at", str()}};
  auto proposal = object_of(proposal_props);
  auto line = object_of({{"id", str()},
                         {"proposal_id", str()},
                         {"cycle_id", str()},
                         {"agency_id", str()},
                         {"sub_activity", str()},
                         {"account_code", str()},
                         {"name", str()},
                         {"specification", str()},
                         {"ssh_code", str()},
                         {"volume_text", str()},
                         {"volume", integer()},
                         {"unit", str()},
                         {"unit_price", integer()},
                         {"total", integer()},
                         {"funding_source", str()},
                         {"funding_source_name", str()},
                         {"category", str()},
                         {"category_name", str()},
                         {"element_ids", array_of(str())},
                         {"initiative_id", nstr()},
                         {"checks", array_of(check)},
                         {"reserved_class", nstr()},
                         {"reserved_class_name", nstr()},
                         {"class_corrected", boolean()},
                         {"created_at", str()},
                         {"updated_at", str()}});
  // A line shown in a candidate pair carries its agency's name too.
  auto side = line;
  side["properties"].as_object()["agency_name"] = str();
  side["required"].as_array().emplace_back("agency_name");
  auto detail = proposal;
  detail["properties"].as_object()["lines"] = array_of(ref("PlanningLine"));
  detail["properties"].as_object()["unresolved_candidates"] = integer();
  detail["required"].as_array().emplace_back("lines");
  detail["required"].as_array().emplace_back("unresolved_candidates");
  detail["properties"].as_object()["corrections"] = array_of(object_of({{"id", str()},
                                                                        {"line_id", str()},
                                                                        {"line_name", str()},
                                                                        {"field", str()},
                                                                        {"field_name", str()},
                                                                        {"from", str()},
                                                                        {"from_name", str()},
                                                                        {"to", str()},
                                                                        {"to_name", str()},
                                                                        {"reason", str()},
                                                                        {"by_name", str()},
                                                                        {"at", str()}}));
  detail["required"].as_array().emplace_back("corrections");
  auto candidate = object_of(
      {{"id", str()},
       {"cycle_id", str()},
       {"score", number()},
       {"reasons", array_of(object_of({{"id", str()}, {"name", str()}}))},
       {"decision",
        json::object{{"type", "string"}, {"nullable", true}, {"enum", json::array{"duplikat", "berbeda", nullptr}}}},
       {"decision_name", str()},
       {"reason", str()},
       {"decided_by_name", str()},
       {"decided_at", nstr()},
       {"found_at", str()},
       {"line_a", side},
       {"line_b", side}});
  auto price_list = object_of({{"id", str()},
                               {"year", integer()},
                               {"decree_number", str()},
                               {"decree_date", str()},
                               {"item_count", integer()},
                               {"created_at", str()}});
  auto import = object_of({{"dry_run", boolean()},
                           {"items", integer()},
                           {"problems", array_of(object_of({{"row", integer()}, {"problems", array_of(str())}}))},
                           {"list", nullable(price_list)}});
  auto live = object_of(
      {{"refusal", nullable(object_of({{"code", str()},
                                       {"details", json::object{{"type", "object"}, {"additionalProperties", true}}},
                                       {"rule", rule_ref()}}))},
       {"checks", array_of(check)},
       {"total", integer()},
       {"possible_duplicates", array_of(ref("PlanningLine"))}});
  auto consolidated = object_of({{"cycle", ref("PlanningCycle")},
                                 {"total", integer()},
                                 {"by_category", array_of(amount)},
                                 {"by_agency", array_of(amount)},
                                 {"by_domain", array_of(amount)},
                                 {"by_initiative", array_of(amount)},
                                 {"initiatives_without_budget", array_of(amount)},
                                 {"without_initiative", amount}});
  auto options = object_of(
      {{"coordinators", array_of(str())},
       {"coordinator_rule", rule_ref()},
       {"link_rule", rule_ref()},
       {"categories", array_of(choice)},
       {"category_required", boolean()},
       {"categories_rule", rule_ref()},
       {"funding_sources", array_of(choice)},
       {"funding_rule", rule_ref()},
       {"price_rule", rule_ref()},
       {"duplicate_rule", rule_ref()},
       {"approval_rule", rule_ref()},
       {"recommender", nstr()},
       {"recommendation_rule", rule_ref()},
       {"recommendation_required", boolean()},
       {"reserved", array_of(object_of({{"id", str()}, {"name", str()}, {"holder", str()}, {"rule", rule_ref()}}))}});
  return {{"PlanningCycle", cycle},
          {"PlanningCyclePage", page_of("PlanningCycle")},
          {"PlanningProposal", proposal},
          {"PlanningProposalPage", page_of("PlanningProposal")},
          {"PlanningProposalDetail", detail},
          {"PlanningLine", line},
          {"PlanningLiveCheck", live},
          {"PlanningCandidate", candidate},
          {"PlanningCandidatePage", page_of("PlanningCandidate")},
          {"PlanningPriceList", price_list},
          {"PlanningPriceListPage", page_of("PlanningPriceList")},
          {"PlanningSynonym", object_of({{"term", str()}, {"canonical", str()}})},
          {"PlanningSynonymPage", page_of("PlanningSynonym")},
          {"PlanningPriceImport", import},
          {"PlanningConsolidated", consolidated},
          {"PlanningOptions", options}};
}

json::object paths() {
  json::object cycles{{"get", op("Budget cycles, newest fiscal year first", "planning.read", ref("PlanningCyclePage"))},
                      {"post", op("Open the cycle of a fiscal year (the coordinating PD only)", "planning.coordinate",
                                  ref("PlanningCycle"), 201,
                                  object_of({{"fiscal_year", integer()},
                                             {"title", str()},
                                             {"submission_deadline", str()},
                                             {"verification_deadline", str()}},
                                            false))}};
  cycles["post"]
      .as_object()["requestBody"]
      .as_object()["content"]
      .as_object()["application/json"]
      .as_object()["schema"]
      .as_object()["required"] = json::array{"fiscal_year", "submission_deadline", "verification_deadline"};
  json::object proposals{{"get", op("The PDs' proposals of a cycle", "planning.read", ref("PlanningProposalPage"))},
                         {"post", op("Start (or reopen) an agency's proposal as a draft",
                                     "planning.propose (own agency: planning.propose.own)", ref("PlanningProposal"),
                                     201, object_of({{"agency_id", str()}}))}};
  proposals["get"].as_object()["parameters"] = json::array{json::object{
      {"name", "agency"}, {"in", "query"}, {"required", false}, {"schema", str()}, {"description", "agency id"}}};
  auto candidates_all = json::object{{"get", op("Duplicate candidate pairs of every cycle (or of one), side by side",
                                                "planning.read", ref("PlanningCandidatePage"))}};
  candidates_all["get"].as_object()["parameters"] = json::array{json::object{
      {"name", "cycle"}, {"in", "query"}, {"required", false}, {"schema", str()}, {"description", "cycle id"}}};
  auto import = op("Import a standard unit price list (CSV or XLSX; dry run by default)", "planning.prices",
                   ref("PlanningPriceImport"));
  import["parameters"] = json::array{json::object{{"name", "dry_run"},
                                                  {"in", "query"},
                                                  {"required", false},
                                                  {"schema", str()},
                                                  { "description",
                                                    "true (default) or false" }},
                                     json::object{{"name", "year"},
                                                  {"in", "query"},
                                                  {"required", true},
                                                  { "schema",
                                                    integer() }},
                                     json::object{{"name", "decree_number"},
                                                  {"in", "query"},
                                                  {"required", true},
                                                  { "schema",
                                                    str() }},
                                     json::object {
                                       {"name", "decree_date"},
                                       {"in", "query"},
                                       {"required", true},
                                       { "schema",
                                         str() }
                                     }};
  import["requestBody"] = json::object{{"required", true},
                                       { "content",
                                         json::object {
                                           { "application/octet-stream",
                                             json::object {
                                               { "schema",
                                                 json::object {
                                                   {"type", "string"},
                                                   { "format",
                                                     "binary" }
                                                 } }
                                             } }
                                         } }};
  return {
      {"/api/planning/options",
       json::object{{"get", op("The region's plan-and-budget rules: coordinators, categories, funding, gates",
                               "planning.read", ref("PlanningOptions"))}}},
      {"/api/planning/cycles", cycles},
      {"/api/planning/cycles/{id}",
       json::object{{"get", op("One budget cycle", "planning.read", ref("PlanningCycle"))}}},
      {"/api/planning/cycles/{id}/closing", json::object{{"post", op("Close a cycle (the coordinating PD only)",
                                                                     "planning.coordinate", ref("PlanningCycle"))}}},
      {"/api/planning/cycles/{id}/proposals", proposals},
      {"/api/planning/proposals/{id}",
       json::object{{"get", op("A proposal with its lines", "planning.read", ref("PlanningProposalDetail"))}}},
      {"/api/planning/proposals/{id}/lines",
       json::object{{"post", op("Add a line to a draft proposal, checked as the region's articles say",
                                "planning.propose (own agency: planning.propose.own)", ref("PlanningLine"), 201,
                                line_request())}}},
      {"/api/planning/proposals/{id}/check",
       json::object{
           {"post",
            op("Live check of a line being typed: refusal, flags and possible duplicates (nothing is written)",
               "planning.propose (own agency: planning.propose.own)", ref("PlanningLiveCheck"), 200, line_request())}}},
      {"/api/planning/lines/{id}",
       json::object{
           {"patch", op("Change a line of a draft proposal", "planning.propose (own agency: planning.propose.own)",
                        ref("PlanningLine"), 200, line_request())},
           {"delete", no_content_op("Remove a line of a draft proposal",
                                    "planning.propose (own agency: planning.propose.own)")}}},
      {"/api/planning/lines/{id}/classification",
       json::object{
           {"post", op("Correct another PD's line's class (reserved to the Dinas or not: reserved_class \"\" is none; "
                       "spending category), with a reason; recorded and ledgered",
                       "planning.coordinate (the coordinating PD, not on its own lines)", ref("PlanningLine"), 200,
                       json::object{{"type", "object"},
                                    {"properties",
                                     json::object{{"reserved_class", str()}, {"category", str()}, {"reason", str()}}},
                                    {"required", json::array{"reason"}},
                                    {"additionalProperties", false}})}}},
      {"/api/planning/proposals/{id}/recommendation",
       json::object{
           {"post", op("Record the Dinas's technical recommendation / the prior coordination with the Kominfo PD",
                       "planning.recommend", ref("PlanningProposal"), 200, object_of({{"recommendation", str()}}))}}},
      {"/api/planning/proposals/{id}/submission",
       json::object{{"post", op("Submit a proposal to the coordinating PD",
                                "planning.propose (own agency: planning.propose.own)", ref("PlanningProposal"))}}},
      {"/api/planning/proposals/{id}/verification",
       json::object{
           {"post", op("Verify a submitted proposal (blocked by unresolved duplicates where the region says so)",
                       "planning.coordinate", ref("PlanningProposal"))}}},
      {"/api/planning/proposals/{id}/approval",
       json::object{{"post", op("Approve a verified proposal", "planning.coordinate", ref("PlanningProposal"))}}},
      {"/api/planning/proposals/{id}/return",
       json::object{{"post", op("Send a proposal back to its PD as a draft, with the reason", "planning.coordinate",
                                ref("PlanningProposal"), 200, object_of({{"reason", str()}}))}}},
      {"/api/planning/cycles/{id}/candidates",
       json::object{{"get", op("Duplicate candidate pairs of a cycle, side by side", "planning.read",
                               ref("PlanningCandidatePage"))}}},
      {"/api/planning/candidates", candidates_all},
      {"/api/planning/cycles/{id}/candidates/search",
       json::object{{"post", op("Search the submitted lines of a cycle for duplicates now", "planning.coordinate",
                                object_of({{"new_candidates", integer()}}))}}},
      {"/api/planning/candidates/{id}/decision",
       json::object{
           {"post", op("Mark a candidate pair duplicate (one line changes) or distinct (with a reason)",
                       "planning.coordinate", ref("PlanningCandidate"), 200,
                       object_of({{"decision", str()}, {"reason", str()}, {"line_to_change", str()}}, false))}}},
      {"/api/planning/prices", json::object{{"get", op("Standard unit price lists, newest first", "planning.read",
                                                       ref("PlanningPriceListPage"))}}},
      {"/api/planning/prices/import", json::object{{"post", import}}},
      {"/api/planning/synonyms",
       json::object{
           {"get", op("The duplicate finder's synonym list of the tenant (defaults and the Dinas's changes), folded",
                      "planning.read", ref("PlanningSynonymPage"))},
           {"post",
            op("Add or replace a synonym (term -> canonical); lines mentioning the term are compared anew",
               "planning.synonyms", ref("PlanningSynonym"), 201, object_of({{"term", str()}, {"canonical", str()}}))},
           {"delete", no_content_op("Remove a synonym (query: term); a default one stays removed for this tenant",
                                    "planning.synonyms")}}},
      {"/api/planning/proposals/{id}/verification.pdf",
       json::object{
           {"get",
            json::object{
                {"tags", json::array{"Rencana dan Anggaran"}},
                {"summary", "A PD's verification result as a PDF: lines and flags, duplicate decisions, steps"},
                {"description", "Requires: planning.read."},
                {"responses",
                 json::object{
                     {"200", json::object{{"description", "the PDF"},
                                          {"content",
                                           json::object{{"application/pdf",
                                                         json::object{{"schema",
                                                                       json::object{{"type", "string"},
                                                                                    {"format", "binary"}}}}}}}}}}}}}}},
      {"/api/planning/cycles/{id}/consolidated.xlsx",
       json::object{
           {"get",
            json::object{
                {"tags", json::array{"Rencana dan Anggaran"}},
                {"summary", "The consolidated budget of a cycle as an XLSX workbook (detail lines and totals per PD)"},
                {"description", "Requires: planning.read."},
                {"responses",
                 json::object{
                     {"200",
                      json::object{
                          {"description", "the workbook"},
                          {"content",
                           json::object{{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                         json::object{{"schema", json::object{{"type", "string"},
                                                                              {"format", "binary"}}}}}}}}}}}}}}},
      {"/api/planning/cycles/{id}/consolidated",
       json::object{
           {"get",
            op("The consolidated SPBE budget of a cycle by category, PD, domain and initiative, with the roadmap gaps",
               "planning.read", ref("PlanningConsolidated"))}}},
  };
}

}  // namespace

std::string_view openapi_fragment() {
  static const std::string k =
      json::serialize(json::object{{"paths", paths()}, {"components", json::object{{"schemas", components()}}}});
  return k;
}

}  // namespace simpul::planning
