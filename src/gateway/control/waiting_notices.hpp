#pragma once
// Access requests waiting for a decision (docs/notifications.md, "Access requests"): whoever must
// act next is told when a request starts waiting on them (the owner PD's Wali Data where the
// region makes it recommend, then the deciders), and reminded once if it still waits after
// kRequestReminderDays.
#include <string>

#include "gateway/control/requests.hpp"
#include "identity/service.hpp"
#include "notification/service.hpp"

namespace simpul::gateway::control {

inline constexpr int kRequestReminderDays = 3;

/// Tells those who act next on `r` (inside the caller's transaction); `reminder` words it as one.
/// Returns how many were told.
std::size_t tell_who_acts(storage::Connection& c, const Scope& s, const tenancy::Profile& p,
                          const identity::Service& identity, const notification::Service& notifications,
                          const AccessRequest& r, bool reminder);

/// The job `gateway.request_reminders`: every request waiting longer than kRequestReminderDays on
/// the same step reminds those who act next, once per request and step. Returns the reminders.
int remind_waiting(ControlPlane& plane, const AccessRequests& requests, const tenancy::Service& tenancy,
                   const identity::Service& identity, notification::Service& notifications);

}  // namespace simpul::gateway::control
