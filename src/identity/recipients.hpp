#pragma once
// Who of a Perangkat Daerah is told of something it must act on (docs/notifications.md,
// "Who is told"): a read port for the modules that notify.
#include <string>
#include <vector>

#include "identity/service.hpp"

namespace simpul::identity {

/// The active users of the agency who can act: every role but the read-only viewer and the
/// independent auditor. With an empty agency id (a duty of the tenant as a whole), the tenant's
/// administrators. Reads in its own transaction: call it before the caller's write transaction.
std::vector<User> users_who_act(const Service& identity, const Scope& s, const std::string& agency_id);

}  // namespace simpul::identity
