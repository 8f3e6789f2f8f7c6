#pragma once
// Pemantauan dan Evaluasi SPBE on the module seam (docs/evaluation.md). Other modules offer live
// evidence through the EvidenceSources this module owns.
#include <filesystem>

#include "evaluation/evidence.hpp"
#include "evaluation/registry.hpp"
#include "evaluation/service.hpp"
#include "seam/module.hpp"

namespace simpul::evaluation {

class EvaluationModule : public seam::Module {
 public:
  /// Needs storage::Database, tenancy::Service, identity::Service and ledger::Ledger; reads the frameworks from
  /// <profiles>/frameworks/evaluation; provides FrameworkRegistry, EvidenceSources and Service.
  EvaluationModule(seam::Services& services, const std::filesystem::path& profiles_dir, Options options);
  std::string_view id() const override { return "evaluation"; }
  static std::vector<storage::Migration> schema();
  std::vector<seam::Permission> permissions() const override;
  void register_routes(http::Router& router) override;
  void add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const override;

 private:
  FrameworkRegistry frameworks_;
  EvidenceSources sources_;
  Service service_;
};

}  // namespace simpul::evaluation
