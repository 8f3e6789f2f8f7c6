#include "architecture/document_kinds.hpp"

#include "tenancy/profile_architecture.hpp"
#include "tenancy/profile_reader.hpp"

namespace simpul::architecture {
namespace {

const char* const kBuiltInKinds[] = {"arsitektur", "peta_rencana"};

std::optional<std::string> kind_rule(const tenancy::Reader& r, const tenancy::Profile& p, const YAML::Node& n,
                                     const std::string& key, const std::string& path) {
  auto id = r.opt_str(n, key, path);
  tenancy::check_rule_ref(r, p, n[key], path + key, id);
  return id;
}

ExtraDocumentKind read_kind(const tenancy::Reader& r, const tenancy::Profile& p, const YAML::Node& n,
                            const std::string& path, const std::vector<ExtraDocumentKind>& earlier) {
  ExtraDocumentKind k;
  k.id = r.str(n, "id", path);
  for (const char* built_in : kBuiltInKinds)
    if (k.id == built_in)
      r.fail(n["id"], path + "id", "'" + k.id + "' is read from architecture.document or architecture.roadmap");
  for (const auto& e : earlier)
    if (e.id == k.id) r.fail(n["id"], path + "id", "is given twice");
  if (k.id.size() > 20) r.fail(n["id"], path + "id", "must be at most 20 characters");
  k.label = r.str(n, "label", path);
  k.label_en = r.str(n, "label_en", path);
  k.spec = tenancy::read_plan_document(r, p, n, path, false);
  if (auto parts = n["parts"]; parts.IsDefined() && !parts.IsNull()) {
    if (!parts.IsSequence()) r.fail(parts, path + "parts", "must be a list of document kinds");
    for (const auto& part : parts) {
      std::string id = part.Scalar();
      bool known = false;
      for (const char* built_in : kBuiltInKinds) known = known || id == built_in;
      for (const auto& e : earlier) known = known || e.id == id;
      if (!known) r.fail(part, path + "parts", "names '" + id + "', which is not a document kind listed before it");
      k.parts.push_back(id);
    }
  }
  k.parts_rule = kind_rule(r, p, n, "parts_rule", path);
  k.in_force_rule = kind_rule(r, p, n, "in_force_rule", path);
  return k;
}

DocumentKindsSection parse_document_kinds(const tenancy::Reader& r, const tenancy::Profile& p, const YAML::Node& node) {
  DocumentKindsSection out;
  if (!node.IsDefined() || node.IsNull()) return out;
  auto kinds = node["kinds"];
  if (!kinds.IsDefined() || kinds.IsNull()) return out;
  if (!kinds.IsSequence()) r.fail(kinds, "architecture.kinds", "must be a list");
  std::size_t i = 0;
  for (const auto& k : kinds)
    out.extra.push_back(read_kind(r, p, k, "architecture.kinds[" + std::to_string(i++) + "].", out.extra));
  return out;
}

}  // namespace

void add_document_kinds_section(tenancy::ProfileSections& sections) {
  sections.add("architecture", [](const tenancy::Reader& r, const tenancy::Profile& p, const YAML::Node& node) {
    return std::any(parse_document_kinds(r, p, node));
  });
}

std::vector<DocumentKind> document_kinds(const tenancy::Profile& p) {
  std::vector<DocumentKind> out{
      {"arsitektur", "Arsitektur SPBE", "SPBE architecture", &p.architecture.document, {}, std::nullopt, std::nullopt},
      {"peta_rencana", "Peta Rencana SPBE", "SPBE roadmap", &p.architecture.roadmap, {}, std::nullopt, std::nullopt}};
  if (const auto* section = p.section<DocumentKindsSection>("architecture"))
    for (const auto& k : section->extra)
      out.push_back({k.id, k.label, k.label_en, &k.spec, k.parts, k.parts_rule, k.in_force_rule});
  return out;
}

std::optional<DocumentKind> document_kind(const tenancy::Profile& p, const std::string& id) {
  for (auto& k : document_kinds(p))
    if (k.id == id) return k;
  return std::nullopt;
}

}  // namespace simpul::architecture
