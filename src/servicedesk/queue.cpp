// Bulk actions on a queue (docs/service-desk.md, "Queues"): the same step on many tickets, each
// authorized and written in its own transaction exactly as one ticket's step is, so one refusal
// (another queue's ticket, a wrong state) leaves the others done and is reported per ticket.
#include "servicedesk/service.hpp"

namespace simpul::servicedesk {

std::vector<BulkResult> Service::bulk(const Caller& who, const std::vector<std::string>& ids, const ActionInput& in) {
  if (ids.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "ids"}});
  if (ids.size() > 100) throw Error(ErrorCode::SdBulkTooMany, {{"max", 100}});
  static const std::set<std::string> kBulkActions = {"assign", "start", "pend", "resume", "resolve", "close"};
  if (!kBulkActions.count(in.action))
    throw Error(ErrorCode::ValidationInvalidValue,
                {{"field", "action"}, {"reason", "assign, start, pend, resume, resolve or close"}});
  std::vector<BulkResult> out;
  for (const auto& id : ids) {
    BulkResult r{id, 200, ""};
    try {
      act(who, id, in);
    } catch (const Error& e) {
      r.status = error_http_status(e.code());
      r.code = std::string(error_code_string(e.code()));
    }
    out.push_back(r);
  }
  return out;
}

}  // namespace simpul::servicedesk
