#pragma once
// The Arsitektur SPBE and Peta Rencana on the module seam (docs/spbe-architecture.md).
#include <filesystem>

#include "architecture/module.hpp"
#include "architecture/reference.hpp"
#include "seam/module.hpp"
#include "tenancy/profile_sections.hpp"

namespace simpul::architecture {

class ArchitectureModule : public seam::Module {
 public:
  /// Needs storage::Database, tenancy::Service and ledger::Ledger; reads the reference architecture
  /// from the frameworks folder; provides architecture::Module and its Service, Documents, Roadmap.
  ArchitectureModule(seam::Services& services, const std::filesystem::path& profiles_dir);
  std::string_view id() const override { return "architecture"; }
  static std::vector<storage::Migration> schema() { return architecture::Module::migrations(); }
  /// `architecture:`'s further document kinds (document_kinds.hpp).
  static void profile_sections(tenancy::ProfileSections& sections);
  std::vector<seam::Permission> permissions() const override;
  void register_routes(http::Router& router) override;
  void register_facts(regulation::FactRegistry& facts) override;
  void register_evidence(evaluation::EvidenceSources& sources) override;
  void add_coverage(const tenancy::Profile& p, seam::CoverageRows& rows) const override;

 private:
  tenancy::Service& tenancy_;
  ReferenceArchitecture reference_;
  architecture::Module core_;  // qualified: inside this class, Module names the seam base
};

}  // namespace simpul::architecture
