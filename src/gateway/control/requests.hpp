#pragma once
// Access requests and the grants they create (docs/gateway.md "Control plane"). The steps follow
// the tenant's profile: where the regulation names a recommender (Balikpapan Pasal 9 ayat (8): the
// PD Wali Data) the decision waits for the recommendation; approval creates the grant the data
// plane enforces.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/list_query.hpp"
#include "gateway/control/control_plane.hpp"

namespace simpul::gateway::control {

class AccessRequests {
 public:
  explicit AccessRequests(ControlPlane& plane) : plane_(plane) {}

  /// `inside` runs in the transaction that stores a new access request (e.g. to notify its
  /// addressees, Balikpapan Pasal 9 ayat (5)) and in the one that records its recommendation (it
  /// then waits for the decider); `after` runs once it is committed. Set before serving.
  using SubmitHook = std::function<void(storage::Connection&, const Scope&, const AccessRequest&)>;
  void on_submit(SubmitHook inside, std::function<void()> after);

  std::vector<AccessRequest> requests(const Scope& s, const RequestFilter& f, const ListQuery& q,
                                      std::int64_t& total) const;
  AccessRequest request(const Scope& s, const std::string& id) const;
  AccessRequest submit(const Scope& s, const RequestInput& in, const Actor& actor);
  AccessRequest recommend(const Scope& s, const std::string& id, bool recommend, const std::string& note,
                          const Actor& actor);
  /// Approval creates the grant citing the request and the profile's rule.
  /// The decider approves or refuses. Where refusal grounds are flagged (Balikpapan Pasal 9 ayat
  /// (7), "dapat ditolak") approving them needs a stated reason; a refusal may name its ground.
  AccessRequest decide(const Scope& s, const std::string& id, bool approve, const std::string& note, const Actor& actor,
                       const std::optional<std::string>& ground = std::nullopt);
  AccessRequest cancel(const Scope& s, const std::string& id, const Actor& actor);

  std::vector<Grant> grants(const Scope& s, const GrantFilter& f, const ListQuery& q, std::int64_t& total) const;
  Grant grant(const Scope& s, const std::string& id) const;
  Grant revoke_grant(const Scope& s, const std::string& id, const std::string& reason, const Actor& actor);

 private:
  ControlPlane& plane_;
  SubmitHook submitted_;
  std::function<void()> after_submit_;
};

}  // namespace simpul::gateway::control
