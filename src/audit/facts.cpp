#include "audit/facts.hpp"

namespace simpul::audit {

const std::vector<std::string>& fact_subjects() {
  static const std::vector<std::string> k = {"audit_infrastruktur", "audit_aplikasi", "audit_keamanan"};
  return k;
}

regulation::FactProvider audit_object_facts(const Service& service) {
  return [&service](storage::Connection& c, const regulation::FactQuery& q, std::vector<regulation::Fact>& out) {
    for (const auto& d : service.objects(c, q.scope, "")) {
      regulation::Fact f;
      f.subject = "audit_" + d.type;
      f.id = d.object_id;
      f.label = d.object_code + " " + d.object_name;
      f.agency_id = d.agency_id;
      // `since` is the last completed audit or, never audited, the day the object was registered.
      f.fields = {{"type", d.type},
                  {"domain", d.object_domain},
                  {"last_audit_date", d.last_audit.value_or("")},
                  {"since", d.since},
                  {"audited", d.last_audit ? "ya" : "tidak"}};
      out.push_back(std::move(f));
    }
  };
}

}  // namespace simpul::audit
