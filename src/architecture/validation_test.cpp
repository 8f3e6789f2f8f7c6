// The rules every element and relation must satisfy, checked through the Validator the API and
// the importer share, against the shipped reference architecture and Balikpapan's profile. Facts
// come from an in-memory Lookup (the same seam the importer uses), so each rule is seen alone.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>

#include "architecture/domains.hpp"
#include "architecture/reference.hpp"
#include "architecture/service.hpp"
#include "architecture/validation.hpp"
#include "core/error.hpp"
#include "tenancy/profile_loader.hpp"
#include "testing/test_database.hpp"

using namespace simpul;
using namespace simpul::architecture;

namespace {

const std::filesystem::path kSource = SIMPUL_SOURCE_DIR;

const tenancy::Profile& balikpapan() {
  static const auto p = tenancy::load_profile(kSource / "profiles" / "balikpapan.yaml");
  return p;
}

const ReferenceArchitecture& reference() {
  static const auto r =
      ReferenceArchitecture::load(kSource / "profiles" / "frameworks" / "reference-architecture.yaml");
  return r;
}

class MemoryLookup : public Lookup {
 public:
  std::map<std::string, Element> elements;  // by id
  std::set<std::string> agencies{"agency-1"};
  std::set<std::string> relations;  // "source|type|target"

  std::optional<Element> element(const std::string& id) override {
    auto it = elements.find(id);
    return it == elements.end() ? std::nullopt : std::optional(it->second);
  }
  std::optional<Element> element_by_code(const std::string& code) override {
    for (const auto& [id, e] : elements)
      if (e.code == code) return e;
    return std::nullopt;
  }
  bool agency_exists(const std::string& id) override { return agencies.count(id) > 0; }
  bool relation_exists(const std::string& s, const std::string& t, const std::string& d) override {
    return relations.count(s + "|" + t + "|" + d) > 0;
  }
  const Element& add(Element e) { return elements[e.id] = std::move(e); }
};

Element element(std::string id, std::string domain, std::string code, int level = 3) {
  Element e;
  e.id = std::move(id);
  e.domain = std::move(domain);
  e.code = std::move(code);
  e.name = "Elemen " + e.code;
  e.level = level;
  e.owner_agency_id = "agency-1";
  return e;
}

/// The catalogue error the validation throws, or nullopt when it accepts.
std::optional<Error> refusal(MemoryLookup& lookup, Element e, bool allow_read_only = false) {
  try {
    Validator(lookup, balikpapan(), reference()).element(e, allow_read_only);
  } catch (const Error& err) {
    return err;
  }
  return std::nullopt;
}

std::string field_of(const std::optional<Error>& e) {
  if (!e) return "(accepted)";
  const auto* f = e->details().if_contains("field");
  return f && f->is_string() ? std::string(f->as_string()) : "";
}

}  // namespace

TEST(ArchitectureDomains, RelationTypesJoinOnlyTheDomainsTheyName) {
  EXPECT_TRUE(relation_allowed("realised_by", "layanan", "proses_bisnis"));
  EXPECT_FALSE(relation_allowed("realised_by", "proses_bisnis", "layanan")) << "relations have a direction";
  EXPECT_TRUE(relation_allowed("supported_by", "proses_bisnis", "aplikasi"));
  EXPECT_FALSE(relation_allowed("supported_by", "aplikasi", "layanan"));
  EXPECT_TRUE(relation_allowed("runs_on", "data_informasi", "infrastruktur"));
  EXPECT_FALSE(relation_allowed("runs_on", "layanan", "infrastruktur"));
  EXPECT_TRUE(relation_allowed("integrates_with", "aplikasi", "aplikasi"));
  EXPECT_FALSE(relation_allowed("protected_by", "keamanan", "keamanan"));
  EXPECT_FALSE(relation_allowed("teleports_to", "aplikasi", "aplikasi"));
  // Every relation joins known domains, and every domain maps to its ArchiMate type and back, so
  // an export can always be imported again.
  for (const auto& r : relation_types()) {
    for (auto d : r.sources) EXPECT_NE(find_domain(d), nullptr) << r.type << " source " << d;
    for (auto d : r.targets) EXPECT_NE(find_domain(d), nullptr) << r.type << " target " << d;
  }
  for (const auto& d : domains()) EXPECT_EQ(domain_for_archimate(d.archimate), &d) << d.id;
  for (const auto& a : attributes()) EXPECT_NE(find_domain(a.domain), nullptr) << a.key;
}

TEST(ArchitectureCodes, AreUpperCasedAndRefusedOutsideTheirAlphabet) {
  EXPECT_EQ(normalised_code("l-01.a_b"), "L-01.A_B");
  EXPECT_EQ(normalised_code(std::string(40, 'a')), std::string(40, 'A'));
  for (const std::string& bad :
       std::vector<std::string>{"", "-L1", ".L1", "L 1", "L'1", "L;DROP", std::string(41, 'A'), "KÖDE"}) {
    try {
      normalised_code(bad);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::ValidationInvalidValue) << bad;
    }
  }
}

TEST(ReferenceArchitecture, ShippedFileNestsLevelTwoUnderALevelOneOfItsDomain) {
  const auto& ra = reference();
  ASSERT_GT(ra.items().size(), 100u);
  std::set<std::string> domains_seen;
  for (const auto& item : ra.items()) {
    domains_seen.insert(item.domain);
    if (item.level == 1) continue;
    const ReferenceItem* parent = ra.find(item.parent);
    ASSERT_NE(parent, nullptr) << item.code;
    EXPECT_EQ(parent->level, 1) << item.code;
    EXPECT_EQ(parent->domain, item.domain) << item.code;
    EXPECT_EQ(item.code.rfind(parent->code + ".", 0), 0u) << item.code << " under " << parent->code;
  }
  EXPECT_EQ(domains_seen.size(), domains().size()) << "every domain has its reference";
  ASSERT_NE(ra.find("RAL.01"), nullptr);
  EXPECT_EQ(ra.find("RAL.01")->domain, "layanan");
  EXPECT_EQ(ra.find("RAL.99"), nullptr);
  EXPECT_TRUE(ReferenceArchitecture::load(kSource / "no-such-file.yaml").items().empty());
}

TEST(ReferenceArchitecture, ABadFileIsRefusedWithItsLine) {
  test_support::TempDir dir;
  auto load_error = [&](const std::string& yaml) -> std::string {
    auto file = dir.path() / "ra.yaml";
    std::ofstream(file) << yaml;
    try {
      ReferenceArchitecture::load(file);
    } catch (const tenancy::ProfileError& e) {
      return e.what();
    }
    return "(loaded)";
  };
  std::string head = "domains:\n  - domain: layanan\n    items:\n";
  EXPECT_NE(load_error(head + "      - {code: RAL.01.01, level: 2, parent: RAL.01, name: x}\n")
                .find("ra.yaml:4: parent: 'RAL.01'"),
            std::string::npos);
  EXPECT_NE(load_error(head + "      - {code: RAL.01, level: 1, name: x}\n      - {code: RAL.01, level: 1, name: y}\n")
                .find("ra.yaml:5: code: duplicate 'RAL.01'"),
            std::string::npos);
  EXPECT_NE(load_error(head + "      - {code: RAL.01, level: 3, name: x}\n").find("level: must be 1 or 2"),
            std::string::npos);
  EXPECT_NE(load_error("domains:\n  - domain: sihir\n    items: []\n").find("unknown domain 'sihir'"),
            std::string::npos);
}

TEST(ArchitectureValidator, ALevelFourElementHangsUnderALevelThreeOfItsDomainAndInheritsItsReference) {
  MemoryLookup lookup;
  auto parent = element("p", "layanan", "L-1");
  parent.reference_code = "RAL.01";
  lookup.add(parent);
  lookup.add(element("app", "aplikasi", "A-1"));
  auto deep = element("deep", "layanan", "L-1-1", 4);
  deep.parent_id = "p";
  lookup.add(deep);

  auto child = element("c", "layanan", "L-1-2", 4);
  child.parent_id = "p";
  Validator(lookup, balikpapan(), reference()).element(child);
  EXPECT_EQ(child.reference_code.value_or(""), "RAL.01") << "a child without its own reference takes its parent's";

  for (std::string bad_parent : {"app", "deep", "nobody"}) {
    auto e = element("c", "layanan", "L-1-2", 4);
    e.parent_id = bad_parent;
    EXPECT_EQ(field_of(refusal(lookup, e)), "parent_id") << bad_parent;
  }
  auto orphan = element("c", "layanan", "L-1-2", 4);
  EXPECT_EQ(refusal(lookup, orphan)->code(), ErrorCode::ValidationMissingField);
  auto level3_with_parent = element("c", "layanan", "L-2");
  level3_with_parent.parent_id = "p";
  EXPECT_EQ(field_of(refusal(lookup, level3_with_parent)), "parent_id");
  EXPECT_EQ(field_of(refusal(lookup, element("c", "layanan", "L-2", 2))), "level") << "levels 1-2 are national";
}

TEST(ArchitectureValidator, AReferenceCodeMustExistInTheElementsOwnDomain) {
  MemoryLookup lookup;
  auto ok = element("e", "layanan", "L-1");
  ok.reference_code = "RAL.01";
  EXPECT_FALSE(refusal(lookup, ok).has_value());
  auto wrong_domain = element("e", "aplikasi", "A-1");
  wrong_domain.reference_code = "RAL.01";
  EXPECT_EQ(refusal(lookup, wrong_domain)->code(), ErrorCode::ElementReferenceUnknown);
  auto unknown = element("e", "layanan", "L-1");
  unknown.reference_code = "RAL.99";
  EXPECT_EQ(refusal(lookup, unknown)->code(), ErrorCode::ElementReferenceUnknown);
}

TEST(ArchitectureValidator, AttributesFollowTheirDomainAndTheTenantsProfile) {
  MemoryLookup lookup;
  auto with = [](std::string domain, std::string key, boost::json::value v) {
    auto e = element("e", std::move(domain), "X-1");
    e.attributes[key] = std::move(v);
    return e;
  };
  EXPECT_FALSE(refusal(lookup, with("layanan", "service_type", "publik")).has_value());
  EXPECT_FALSE(refusal(lookup, with("layanan", "sector", "pendidikan")).has_value()) << "an item of service_sectors";
  EXPECT_FALSE(refusal(lookup, with("layanan", "sector", "perencanaan")).has_value()) << "an administration area";
  EXPECT_EQ(refusal(lookup, with("layanan", "category", "umum"))->code(), ErrorCode::ValidationUnknownField)
      << "category belongs to applications";
  EXPECT_EQ(refusal(lookup, with("layanan", "service_type", 7))->code(), ErrorCode::ValidationWrongType);
  EXPECT_EQ(field_of(refusal(lookup, with("layanan", "service_type", ""))), "attributes.service_type");
  EXPECT_EQ(refusal(lookup, with("layanan", "service_type", "rahasia"))->code(), ErrorCode::ValidationInvalidValue);
  EXPECT_EQ(refusal(lookup, with("layanan", "url", boost::json::string(std::string(301, 'u'))))->code(),
            ErrorCode::ValidationTooLong);

  // A sector outside the profile's lists is refused citing the article that lists them.
  auto sector = refusal(lookup, with("layanan", "sector", "astrologi"));
  ASSERT_TRUE(sector.has_value());
  ASSERT_TRUE(sector->rule().has_value());
  EXPECT_EQ(sector->rule()->id, "BPN-27-1");
  EXPECT_EQ(sector->rule()->citation, balikpapan().rule("BPN-27-1")->citation);

  // The lifecycle stage belongs to the application lifecycle: only its owner may set it.
  auto stage = with("aplikasi", "lifecycle_stage", "implementasi");
  EXPECT_EQ(field_of(refusal(lookup, stage)), "attributes.lifecycle_stage");
  EXPECT_FALSE(refusal(lookup, stage, true).has_value());
}

TEST(ArchitectureValidator, CodesAreUniqueAfterNormalisingAndOwnersMustBeAgenciesOfTheTenant) {
  MemoryLookup lookup;
  lookup.add(element("first", "layanan", "L-1"));
  auto same_code = element("second", "aplikasi", "l-1");
  EXPECT_EQ(refusal(lookup, same_code)->code(), ErrorCode::ElementDuplicateCode) << "codes are unique across domains";
  auto itself = element("first", "layanan", "l-1");
  EXPECT_FALSE(refusal(lookup, itself).has_value()) << "an element keeps its own code";
  Validator(lookup, balikpapan(), reference()).element(itself);
  EXPECT_EQ(itself.code, "L-1");

  auto stranger = element("third", "layanan", "L-3");
  stranger.owner_agency_id = "agency-of-another-tenant";
  EXPECT_EQ(field_of(refusal(lookup, stranger)), "owner_agency_id");
  EXPECT_EQ(field_of(refusal(lookup, element("x", "sihir", "S-1"))), "domain");
  auto nameless = element("x", "layanan", "L-4");
  nameless.name.clear();
  EXPECT_EQ(field_of(refusal(lookup, nameless)), "name");
  auto state = element("x", "layanan", "L-5");
  state.state = "planned";
  EXPECT_EQ(field_of(refusal(lookup, state)), "state");
}

TEST(ArchitectureValidator, RelationsRefuseSelfLoopsWrongDomainsAndDuplicates) {
  MemoryLookup lookup;
  auto service = lookup.add(element("s", "layanan", "L-1"));
  auto app = lookup.add(element("a", "aplikasi", "A-1"));
  Validator v(lookup, balikpapan(), reference());
  auto code_of = [&](const Relation& r, const Element& from, const Element& to) -> std::optional<ErrorCode> {
    try {
      v.relation(r, from, to);
    } catch (const Error& e) {
      return e.code();
    }
    return std::nullopt;
  };
  EXPECT_EQ(code_of({"r", "s", "supported_by", "a"}, service, app), std::nullopt);
  EXPECT_EQ(code_of({"r", "a", "supported_by", "s"}, app, service), ErrorCode::RelationNotAllowed);
  EXPECT_EQ(code_of({"r", "a", "integrates_with", "a"}, app, app), ErrorCode::RelationNotAllowed);
  EXPECT_EQ(code_of({"r", "s", "teleports_to", "a"}, service, app), ErrorCode::ValidationInvalidValue);
  lookup.relations.insert("s|supported_by|a");
  EXPECT_EQ(code_of({"r", "s", "supported_by", "a"}, service, app), ErrorCode::RelationExists);
}

TEST(ArchitectureElements, ApplyMergesAttributesAndANullRemovesOne) {
  auto e = element("e", "layanan", "L-1");
  e.attributes = {{"service_type", "publik"}, {"url", "https://a.go.id"}};
  ElementInput in;
  in.name = "Nama Baru";
  in.attributes = boost::json::object{{"url", nullptr}, {"sector", "pendidikan"}};
  apply(e, in);
  EXPECT_EQ(e.name, "Nama Baru");
  EXPECT_EQ(e.code, "L-1") << "fields left unset keep their value";
  EXPECT_EQ(e.attributes, (boost::json::object{{"service_type", "publik"}, {"sector", "pendidikan"}}));
  ElementInput clear_reference;
  e.reference_code = "RAL.01";
  clear_reference.reference_code = std::optional<std::string>{};
  apply(e, clear_reference);
  EXPECT_FALSE(e.reference_code.has_value()) << "an explicit null clears the reference";
}
