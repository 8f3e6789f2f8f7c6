// GET /api/audit/calendar: a year view of what falls due per audit type (docs/ict-audit.md).
#include <boost/json/array.hpp>

#include "audit/json.hpp"
#include "audit/routes.hpp"
#include "http/json_io.hpp"
#include "http/request_params.hpp"

namespace simpul::audit {
namespace {

boost::json::object calendar_programme_json(const CalendarProgramme& x) {
  return {{"id", x.id},
          {"type", x.type},
          {"kind", x.kind},
          {"title", x.title},
          {"state", x.state},
          {"planned_start", x.planned_start},
          {"planned_end", x.planned_end},
          {"started_on", x.started_on ? boost::json::value(*x.started_on) : boost::json::value(nullptr)}};
}

boost::json::object calendar_json(const tenancy::Profile& p, const Calendar& cal, const std::string& type) {
  std::vector<const AuditType*> types;
  boost::json::array type_list;
  for (const auto& t : audit_profile(p).types) {
    if (!type.empty() && t.id != type) continue;
    types.push_back(&t);
    auto rule = tenancy::rule_ref(p, t.cadence_rule);
    auto unscheduled = cal.unscheduled.find(t.id);
    type_list.push_back(boost::json::object{
        {"id", t.id},
        {"name", t.name},
        {"months", t.months > 0 ? boost::json::value(t.months) : boost::json::value(nullptr)},
        {"rule", rule ? boost::json::value(boost::json::object{{"id", rule->id}, {"citation", rule->citation}})
                      : boost::json::value(nullptr)},
        {"unscheduled", unscheduled == cal.unscheduled.end() ? boost::json::value(nullptr)
                                                             : boost::json::value(unscheduled->second)}});
  }
  boost::json::array months;
  int m = 1;
  for (const auto& [first, last] : calendar_months(cal.year)) {
    boost::json::array cells;
    for (const auto* t : types) {
      std::int64_t due = 0, overdue = 0;
      for (const auto& n : cal.counts)
        if (n.month == m && n.type == t->id) due = n.due, overdue = n.overdue;
      boost::json::array objects, programmes;
      for (const auto& d : cal.objects)
        if (d.type == t->id && d.due && d.due->substr(0, 7) == first.substr(0, 7))
          objects.push_back(to_json(p, d, cal.today));
      for (const auto& x : cal.programmes)
        if (x.month == m && x.type == t->id) programmes.push_back(calendar_programme_json(x));
      cells.push_back(boost::json::object{{"type", t->id},
                                          {"due", due},
                                          {"overdue", overdue},
                                          {"objects", std::move(objects)},
                                          {"programmes", std::move(programmes)}});
    }
    months.push_back(
        boost::json::object{{"month", m}, {"first_day", first}, {"last_day", last}, {"cells", std::move(cells)}});
    ++m;
  }
  return {{"year", cal.year}, {"today", cal.today}, {"types", std::move(type_list)}, {"months", std::move(months)}};
}

}  // namespace

void register_calendar_routes(http::Router& router, Service& m) {
  // Per month of the year and per audit type: the objects falling due, the programmes planned or
  // running, and the counts (filters as the due list: type, agency).
  router.add("GET", "/api/audit/calendar", [&m](http::Request& req) {
    const auto& p = req.require("audit.read");
    const auto& profile = m.profile_of(p.scope());
    std::vector<std::string_view> types;
    for (const auto& t : audit_profile(profile).types) types.push_back(t.id);
    CalendarQuery q;
    q.year = http::query_int(req, "year", 2000, 2100).value_or(std::stoi(profile.today().substr(0, 4)));
    q.type = http::query_choice(req, "type", types);
    q.agency_id = http::query_id(req, "agency");
    return http::json_response(200, calendar_json(profile, m.calendar(p.scope(), q), q.type));
  });
}

}  // namespace simpul::audit
