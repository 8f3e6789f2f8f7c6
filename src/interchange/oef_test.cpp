#include <gtest/gtest.h>

#include <regex>
#include <stdexcept>

#include "interchange/file_error.hpp"
#include "interchange/oef.hpp"

using namespace simpul::interchange;

namespace {

FileError oef_error(std::string_view xml, const Limits& limits = {}) {
  try {
    read_oef(xml, limits);
  } catch (const FileError& e) {
    return e;
  }
  ADD_FAILURE() << "expected a FileError";
  return FileError(FileErrorKind::Malformed, "none");
}

OefModel sample_model() {
  OefModel m;
  m.name = "Arsitektur SPBE Kota Contoh & <Sekitarnya>";
  m.elements.push_back(
      {"LB.01",
       "BusinessService",
       "Layanan \"Perizinan\" Terpadu",
       "Melayani izin usaha.\nBaris kedua dengan tab\tdan CR\r\nselesai; 'kutip' & <tag> 🚀",
       {{"simpul:code", "LB.01"}, {"simpul:domain", "layanan"}, {"simpul:attr.sla", "3 hari & <24 jam>"}}});
  m.elements.push_back(
      {"42", "BusinessProcess", "Verifikasi berkas", "", {{"simpul:code", "PB.07"}, {"simpul:empty", ""}}});
  m.elements.push_back({"kode dengan spasi:dan/garis_miring", "ApplicationComponent", "SIMBG Désa", "", {}});
  m.elements.push_back({"id-sudah-berawalan", "DataObject", "", "", {}});
  m.relationships.push_back({"rel 1",
                             "Serving",
                             "kode dengan spasi:dan/garis_miring",
                             "LB.01",
                             "melayani",
                             "catatan \"relasi\"",
                             {{"simpul:description", "A > B"}}});
  m.relationships.push_back({"r2", "Realization", "42", "LB.01", "", "", {}});
  return m;
}

}  // namespace

TEST(Oef, RoundTripKeepsModelPropertiesIdsAndSpecialCharacters) {
  OefModel m = sample_model();
  EXPECT_EQ(read_oef(write_oef(m)), m);
}

TEST(Oef, WritesTheExchangeFormatArchiExpects) {
  std::string xml = write_oef(sample_model());
  EXPECT_NE(xml.find(R"(<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/")"), std::string::npos);
  EXPECT_NE(xml.find(R"(xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance")"), std::string::npos);
  EXPECT_NE(xml.find(R"(<element identifier="id-LB.01" xsi:type="BusinessService">)"), std::string::npos);
  EXPECT_NE(xml.find(R"(<relationship identifier="id-r2" source="id-42" target="id-LB.01" xsi:type="Realization">)"),
            std::string::npos);
  EXPECT_NE(xml.find(R"(<propertyDefinition identifier="propid-1" type="string">)"), std::string::npos);
  EXPECT_NE(xml.find("<name>simpul:code</name>"), std::string::npos);
  EXPECT_NE(xml.find(R"(<property propertyDefinitionRef="propid-1">)"), std::string::npos);
  EXPECT_NE(xml.find(R"(<name xml:lang="id">Arsitektur SPBE Kota Contoh &amp; &lt;Sekitarnya&gt;</name>)"),
            std::string::npos);
  // Order required by the schema: elements, relationships, then property definitions.
  EXPECT_LT(xml.find("<elements>"), xml.find("<relationships>"));
  EXPECT_LT(xml.find("<relationships>"), xml.find("<propertyDefinitions>"));
  // One definition per key, numbered in order of first use.
  EXPECT_EQ(xml.find("<name>simpul:code</name>"), xml.rfind("<name>simpul:code</name>"));

  // Every identifier is a valid xs:ID (an NCName), whatever the caller's ids contained.
  std::regex identifier(R"re((identifier|source|target)="([^"]*)")re");
  std::regex ncname(R"([A-Za-z_][A-Za-z0-9_.\-]*)");
  int count = 0;
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), identifier); it != std::sregex_iterator();
       ++it, ++count) {
    EXPECT_TRUE(std::regex_match((*it)[2].str(), ncname)) << (*it)[2].str();
  }
  EXPECT_GT(count, 10);
}

TEST(Oef, ReadsArchiFilesAndIgnoresViewsAndOrganizations) {
  const char* archi = R"(<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
       xsi:schemaLocation="http://www.opengroup.org/xsd/archimate/3.0/ http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"
       identifier="id-9d1c">
  <name xml:lang="en">City model</name>
  <name xml:lang="id">Model Kota</name>
  <documentation xml:lang="en">Model documentation is not an element.</documentation>
  <properties><property propertyDefinitionRef="propid-2"><value xml:lang="en">model-level</value></property></properties>
  <elements>
    <element identifier="id-a1" xsi:type="BusinessActor">
      <name xml:lang="en">Mayor</name>
      <documentation xml:lang="en">Head of region</documentation>
      <documentation xml:lang="id">Kepala daerah</documentation>
      <properties>
        <property propertyDefinitionRef="propid-1"><value xml:lang="en">A-1</value></property>
      </properties>
    </element>
    <element identifier="id-b_2" xsi:type="archimate:ApplicationComponent"><name xml:lang="en">e-Office</name></element>
  </elements>
  <relationships>
    <relationship identifier="id-r1" source="id-b_2" target="id-a1" xsi:type="Serving" />
  </relationships>
  <organizations>
    <item><label xml:lang="en">Business</label><item identifierRef="id-a1" /></item>
  </organizations>
  <propertyDefinitions>
    <propertyDefinition identifier="propid-1" type="string"><name xml:lang="en">code</name></propertyDefinition>
    <propertyDefinition identifier="propid-2" type="string"><name xml:lang="en">owner</name></propertyDefinition>
  </propertyDefinitions>
  <views>
    <diagrams>
      <view identifier="id-v1" xsi:type="Diagram">
        <name xml:lang="en">View</name>
        <node identifier="id-n1" elementRef="id-a1" xsi:type="Element" x="10" y="10" w="120" h="55">
          <style><fillColor r="255" g="255" b="181" /></style>
        </node>
      </view>
    </diagrams>
  </views>
</model>)";
  OefModel m = read_oef(archi);
  EXPECT_EQ(m.name, "Model Kota") << "the Indonesian name wins";
  ASSERT_EQ(m.elements.size(), 2u);
  EXPECT_EQ(m.elements[0], (OefElement{"a1", "BusinessActor", "Mayor", "Kepala daerah", {{"code", "A-1"}}}));
  EXPECT_EQ(m.elements[1].id, "id-b_2") << "ids that write_oef did not encode come back unchanged";
  EXPECT_EQ(m.elements[1].type, "ApplicationComponent");
  ASSERT_EQ(m.relationships.size(), 1u);
  EXPECT_EQ(m.relationships[0], (OefRelationship{"r1", "Serving", "id-b_2", "a1", "", "", {}}));
}

TEST(Oef, NotXmlOrNotArchimateIsNotOef) {
  EXPECT_EQ(oef_error(R"({"elements": []})").kind(), FileErrorKind::NotOef);
  EXPECT_EQ(oef_error("").kind(), FileErrorKind::NotOef);
  EXPECT_EQ(oef_error(R"(<model xmlns="http://example.org/other"/>)").kind(), FileErrorKind::NotOef);
  EXPECT_EQ(oef_error(R"(<html><body/></html>)").kind(), FileErrorKind::NotOef);
  EXPECT_EQ(to_string(oef_error("x").kind()), "not_oef");
}

TEST(Oef, DoctypeWithEntitiesIsRefused) {
  const char* laughs = R"(<?xml version="1.0"?>
<!DOCTYPE model [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"><name>&c;</name></model>)";
  FileError e = oef_error(laughs);
  EXPECT_EQ(e.kind(), FileErrorKind::Malformed);
  EXPECT_NE(e.message().find("DOCTYPE"), std::string::npos);
  EXPECT_EQ(e.where().rfind("line 2, column ", 0), 0u) << e.where();

  const char* external = R"(<?xml version="1.0"?><!DOCTYPE model SYSTEM "http://example.org/evil.dtd">
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/"/>)";
  EXPECT_EQ(oef_error(external).kind(), FileErrorKind::Malformed);
}

TEST(Oef, TruncatedFileIsMalformedWithPosition) {
  std::string xml = write_oef(sample_model());
  FileError e = oef_error(std::string_view(xml).substr(0, xml.size() / 2));
  EXPECT_EQ(e.kind(), FileErrorKind::Malformed);
  EXPECT_EQ(e.where().rfind("line ", 0), 0u) << e.what();
}

TEST(Oef, StructuralProblemsAreMalformed) {
  auto model = [](const std::string& body) {
    return R"(<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">)" +
           body + "</model>";
  };
  EXPECT_EQ(oef_error(model(R"(<elements><element xsi:type="Node"><name>x</name></element></elements>)")).kind(),
            FileErrorKind::Malformed);
  EXPECT_EQ(oef_error(model(R"(<elements><element identifier="id-1"><name>x</name></element></elements>)")).kind(),
            FileErrorKind::Malformed);
  EXPECT_EQ(
      oef_error(
          model(R"(<relationships><relationship identifier="id-1" source="id-2" xsi:type="Serving"/></relationships>)"))
          .kind(),
      FileErrorKind::Malformed);
  FileError undefined = oef_error(model(
      R"(<elements><element identifier="id-1" xsi:type="Node"><name>x</name><properties><property propertyDefinitionRef="propid-9"><value>v</value></property></properties></element></elements>)"));
  EXPECT_EQ(undefined.kind(), FileErrorKind::Malformed);
  EXPECT_NE(undefined.message().find("propid-9"), std::string::npos);
  FileError duplicate = oef_error(model(
      R"(<elements><element identifier="id-1" xsi:type="Node"><name>x</name></element><element identifier="id-1" xsi:type="Device"><name>y</name></element></elements>)"));
  EXPECT_EQ(duplicate.kind(), FileErrorKind::Malformed);
}

TEST(Oef, ElementCountIsLimited) {
  OefModel m;
  for (int i = 0; i < 6; ++i) m.elements.push_back({std::to_string(i), "Node", "n", "", {}});
  Limits limits;
  limits.max_rows = 5;
  EXPECT_EQ(oef_error(write_oef(m), limits).kind(), FileErrorKind::TooLarge);
  limits.max_rows = 6;
  EXPECT_EQ(read_oef(write_oef(m), limits).elements.size(), 6u);
  limits.max_uncompressed_bytes = 100;
  EXPECT_EQ(oef_error(write_oef(m), limits).kind(), FileErrorKind::TooLarge);
}

TEST(Oef, TextXmlCannotCarryBecomesReplacementCharacter) {
  OefModel m;
  m.elements.push_back({"1", "Node", "bel\x07 and bad \xC3(", "", {}});
  EXPECT_EQ(read_oef(write_oef(m)).elements.at(0).name, "bel\xEF\xBF\xBD and bad \xEF\xBF\xBD(");
}

TEST(Oef, WriterRejectsTypesThatAreNotArchimateNames) {
  OefModel m;
  m.elements.push_back({"1", "Business Process\" onload=\"x", "n", "", {}});
  EXPECT_THROW(write_oef(m), std::invalid_argument);
}
