// The XML gate: hostile parts are refused by a linear scan before any parser or tree walk.
#include <gtest/gtest.h>

#include "domain/formats/xml_guard.hpp"

using namespace galley;
using namespace galley::formats;

namespace {
std::string nested(std::size_t depth) {
    std::string xml;
    for (std::size_t i = 0; i < depth; ++i) xml += "<a>";
    for (std::size_t i = 0; i < depth; ++i) xml += "</a>";
    return xml;
}

std::string utf16le(std::string_view ascii, bool bom) {
    std::string out = bom ? std::string("\xFF\xFE") : std::string();
    for (char c : ascii) { out += c; out += '\0'; }
    return out;
}
}  // namespace

TEST(xml_guard, deep_nesting_is_refused_naming_the_limit) {
    EXPECT_TRUE(check_xml_bounds(nested(256), "word/document.xml").ok());
    auto s = check_xml_bounds(nested(60'000), "word/document.xml");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.err().code, errc::unsafe_input);
    EXPECT_NE(s.err().message.find("nesting depth"), std::string::npos) << s.err().message;
    EXPECT_NE(s.err().message.find("word/document.xml"), std::string::npos);
}

TEST(xml_guard, self_closing_and_closed_elements_do_not_deepen) {
    std::string flat;
    for (int i = 0; i < 10'000; ++i) flat += "<p><r a=\"x>y\"/><t>z</t></p>";
    EXPECT_TRUE(check_xml_bounds("<doc>" + flat + "</doc>", "x").ok());
}

TEST(xml_guard, element_count_and_size_are_bounded) {
    std::string many = "<doc>";
    for (int i = 0; i < 1'001; ++i) many += "<b/>";
    many += "</doc>";
    xml_limits limits;
    limits.max_elements = 1'000;
    auto s = check_xml_bounds(many, "x", limits);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.err().message.find("element count"), std::string::npos);
    limits = {};
    limits.max_bytes = 100;
    EXPECT_FALSE(check_xml_bounds(many, "x", limits).ok());
}

TEST(xml_guard, doctype_and_entities_are_refused_but_not_inside_comments_or_cdata) {
    EXPECT_FALSE(check_xml_bounds("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x/>", "x").ok());
    EXPECT_FALSE(check_xml_bounds("<!doctype x><x/>", "x").ok());
    EXPECT_TRUE(check_xml_bounds("<x><!-- <!DOCTYPE> --><![CDATA[<!ENTITY>]]></x>", "x").ok());
}

TEST(xml_guard, utf16_parts_are_decoded_before_the_scans) {
    auto decoded = xml_as_utf8(utf16le("<x>\xC3</x>", true), "p");  // U+00C3 as one UTF-16 unit
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(*decoded, "<x>\xC3\x83</x>");
    EXPECT_FALSE(guard_xml_part(utf16le("<!DOCTYPE x><x/>", true), "p").ok());
    EXPECT_FALSE(guard_xml_part(utf16le("<!DOCTYPE x><x/>", false), "p").ok());  // no BOM
    EXPECT_EQ(guard_xml_part(utf16le(nested(300), true), "p").err().code, errc::unsafe_input);
    EXPECT_TRUE(guard_xml_part(utf16le("<x>hola</x>", true), "p").ok());
}

TEST(xml_guard, unreadable_encodings_are_refused) {
    EXPECT_EQ(guard_xml_part("<x>caf\xE9</x>", "p").err().code, errc::unsupported_media);
    EXPECT_EQ(guard_xml_part(std::string("\xFF\xFE\0\0<\0\0\0", 8), "p").err().code,
              errc::unsupported_media);
    EXPECT_EQ(guard_xml_part(std::string("\xFF\xFE\x00\xD8<\0", 6), "p").err().code,
              errc::unsupported_media);  // a high surrogate followed by '<'
}
