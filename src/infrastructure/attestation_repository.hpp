#pragma once
// SQL of the attestations (attestation.hpp); every query is confined to the tenant.
#include <string>
#include <vector>

#include "core/context.hpp"
#include "infrastructure/attestation.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::infrastructure {

class AttestationRepository {
 public:
  explicit AttestationRepository(storage::Connection& c) : c_(c) {}
  static std::vector<storage::Migration> migrations();

  void insert(const Scope& s, const Attestation& a);
  /// Of one subject (and object, when given), newest first.
  std::vector<Attestation> list(const Scope& s, const std::string& subject, const std::string& subject_id) const;
  LatestAttestations latest(const Scope& s) const;

 private:
  storage::Connection& c_;
};

}  // namespace simpul::infrastructure
