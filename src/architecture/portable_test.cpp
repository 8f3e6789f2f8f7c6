// The portable model (codes instead of ids) and the diffs built on it: what a reviewer reads when
// comparing two versions of the Arsitektur SPBE.
#include <gtest/gtest.h>

#include "architecture/portable.hpp"

using namespace simpul::architecture;
namespace json = boost::json;

namespace {

PortableElement pe(std::string code, std::string domain, std::string name = "") {
  PortableElement e;
  e.code = std::move(code);
  e.domain = std::move(domain);
  e.name = name.empty() ? "Elemen " + e.code : std::move(name);
  e.owner_agency_code = "DISKOMINFO";
  e.state = "as_is";
  return e;
}

const json::array& list(const json::object& diff, const char* part, const char* kind) {
  return diff.at(part).at(kind).as_array();
}

}  // namespace

TEST(ArchitectureDiff, ElementsMatchByCodeAndListEveryChangedField) {
  PortableModel before{{pe("L-1", "layanan"), pe("A-1", "aplikasi"), pe("A-OLD", "aplikasi")}, {}};
  PortableModel after{{pe("L-1", "layanan", "Layanan Perizinan"), pe("A-1", "aplikasi"), pe("A-NEW", "aplikasi")}, {}};
  after.elements[0].state = "to_be";
  after.elements[1].attributes["url"] = "https://a.go.id";
  auto d = diff(before, after);

  ASSERT_EQ(list(d, "elements", "added").size(), 1u);
  EXPECT_EQ(list(d, "elements", "added")[0].at("code"), "A-NEW");
  ASSERT_EQ(list(d, "elements", "removed").size(), 1u);
  EXPECT_EQ(list(d, "elements", "removed")[0].at("code"), "A-OLD");
  const auto& changed = list(d, "elements", "changed");
  ASSERT_EQ(changed.size(), 2u);  // ordered by code: A-1, L-1
  EXPECT_EQ(changed[0].at("code"), "A-1");
  ASSERT_EQ(changed[0].at("fields").as_array().size(), 1u);
  EXPECT_EQ(changed[0].at("fields").at(0).at("field"), "attributes");
  EXPECT_EQ(changed[1].at("code"), "L-1");
  EXPECT_EQ(changed[1].at("name"), "Layanan Perizinan") << "a change is named as it is now";
  json::array fields = changed[1].at("fields").as_array();
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0], (json::object{{"field", "name"}, {"before", "Elemen L-1"}, {"after", "Layanan Perizinan"}}));
  EXPECT_EQ(fields[1], (json::object{{"field", "state"}, {"before", "as_is"}, {"after", "to_be"}}));
}

TEST(ArchitectureDiff, ARelationIsItsEndsAndTypeSoRetypingIsARemovalAndAnAddition) {
  PortableModel before{{pe("L-1", "layanan"), pe("A-1", "aplikasi"), pe("D-1", "data_informasi")},
                       {{"L-1", "supported_by", "A-1", "lama"}, {"A-1", "uses_data", "D-1", ""}}};
  PortableModel after = before;
  after.relations[0].description = "keterangan baru";  // not part of a relation's identity
  after.relations[1].type = "runs_on";
  auto d = diff(before, after);
  EXPECT_TRUE(list(d, "elements", "changed").empty());
  ASSERT_EQ(list(d, "relations", "added").size(), 1u);
  EXPECT_EQ(list(d, "relations", "added")[0],
            (json::object{{"source_code", "A-1"}, {"type", "runs_on"}, {"target_code", "D-1"}}));
  ASSERT_EQ(list(d, "relations", "removed").size(), 1u);
  EXPECT_EQ(list(d, "relations", "removed")[0].at("type"), "uses_data");
  auto same = diff(before, before);
  for (const char* kind : {"added", "removed", "changed"}) EXPECT_TRUE(list(same, "elements", kind).empty());
}

TEST(ArchitectureDiff, SnapshotsAlsoCompareTheirRoadmapInitiatives) {
  PortableModel m{{pe("L-1", "layanan")}, {}};
  auto before = to_json(m), after = to_json(m);
  // An old snapshot may carry no initiatives at all: every initiative is then new.
  after["initiatives"] = json::array{json::object{{"code", "INI-1"}, {"name", "Satu Data"}, {"status", "rencana"}},
                                     json::object{{"code", "INI-2"}, {"name", "SPLP"}, {"status", "rencana"}}};
  auto d = diff_models(before, after);
  EXPECT_EQ(d.at("initiatives").at("added").as_array().size(), 2u);
  auto later = after;
  later["initiatives"].as_array()[0].as_object()["status"] = "selesai";
  later["initiatives"].as_array().pop_back();
  auto d2 = diff_models(after, later);
  EXPECT_EQ(d2.at("initiatives").at("removed").at(0).at("code"), "INI-2");
  ASSERT_EQ(d2.at("initiatives").at("changed").as_array().size(), 1u);
  EXPECT_EQ(d2.at("initiatives").at("changed").at(0).at("fields").at(0).at("after"), "selesai");
}

TEST(ArchitecturePortable, IdsBecomeCodesAndTheSameModelAlwaysGivesTheSameOrder) {
  Element parent, child, app;
  parent.id = "id-p", parent.code = "L-1", parent.domain = "layanan";
  child.id = "id-c", child.code = "L-1-1", child.domain = "layanan", child.level = 4, child.parent_id = "id-p";
  child.reference_code = "RAL.01";
  app.id = "id-a", app.code = "A-1", app.domain = "aplikasi";
  std::vector<Relation> relations{{"r2", "id-p", "supported_by", "id-a", "", ""},
                                  {"r1", "id-c", "supported_by", "id-a", "", ""}};
  auto m = to_portable({parent, child, app}, relations);
  EXPECT_EQ(m.elements[1].parent_code, "L-1");
  EXPECT_EQ(m.elements[1].reference_code, "RAL.01");
  EXPECT_EQ(m.elements[0].reference_code, "") << "no reference is an empty text, not null";
  ASSERT_EQ(m.relations.size(), 2u);
  EXPECT_EQ(m.relations[0].source_code, "L-1");  // sorted by codes, whatever order the ids came in
  EXPECT_EQ(m.relations[1].source_code, "L-1-1");
  std::reverse(relations.begin(), relations.end());
  EXPECT_EQ(to_portable({parent, child, app}, relations).relations, m.relations);

  auto back = portable_from_json(to_json(m));
  EXPECT_EQ(back.elements, m.elements);
  EXPECT_EQ(back.relations, m.relations);
}
