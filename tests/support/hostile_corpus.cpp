#include "tests/support/hostile_corpus.hpp"

#include <cstdint>
#include <cstring>
#include <string_view>

#include "tests/support/zip_builder.hpp"

namespace galley::testing {

namespace {

const char* const kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::string document_xml(const std::string& body) {
    return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"") + kW +
           "\"><w:body>" + body + "</w:body></w:document>";
}

std::string paragraph(const std::string& text) {
    return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

const std::string kRels =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/></Relationships>";

std::string docx(const std::string& document, std::vector<zip_item> extra = {}) {
    std::vector<zip_item> items = {{"[Content_Types].xml", "<Types/>"}, {"_rels/.rels", kRels},
                                   {"word/document.xml", document}};
    for (auto& e : extra) items.push_back(std::move(e));
    return build_zip(items);
}

std::uint32_t u32(const std::string& z, std::size_t at) {
    std::uint32_t v;
    std::memcpy(&v, z.data() + at, 4);
    return v;
}
std::uint16_t u16(const std::string& z, std::size_t at) {
    std::uint16_t v;
    std::memcpy(&v, z.data() + at, 2);
    return v;
}
void put32(std::string& z, std::size_t at, std::uint32_t v) { std::memcpy(z.data() + at, &v, 4); }
void put16(std::string& z, std::size_t at, std::uint16_t v) { std::memcpy(z.data() + at, &v, 2); }

// The central directory record of entry `name`, or npos.
std::size_t central_record(const std::string& z, std::string_view name) {
    for (std::size_t at = 0; (at = z.find("PK\x01\x02", at)) != std::string::npos; at += 4)
        if (z.compare(at + 46, u16(z, at + 28), name) == 0) return at;
    return std::string::npos;
}

std::size_t end_record(const std::string& z) { return z.rfind("PK\x05\x06"); }

// Central directory fields by offset: 16 CRC, 20 compressed size, 24 uncompressed size.
std::string patched(std::string z, std::string_view name, std::size_t field, std::uint32_t value) {
    const std::size_t at = central_record(z, name);
    if (at != std::string::npos) put32(z, at + field, value);
    return z;
}

// A second central record for `name`'s data under another name of the same length.
std::string overlapping(std::string z, std::string_view name, std::string_view alias) {
    const std::size_t at = central_record(z, name), end = end_record(z);
    if (at == std::string::npos || end == std::string::npos || alias.size() != name.size()) return z;
    const std::size_t length = 46 + u16(z, at + 28) + u16(z, at + 30) + u16(z, at + 32);
    std::string record = z.substr(at, length);
    record.replace(46, alias.size(), alias);
    z.insert(end, record);
    const std::size_t moved = end + record.size();
    put16(z, moved + 8, static_cast<std::uint16_t>(u16(z, moved + 8) + 1));
    put16(z, moved + 10, static_cast<std::uint16_t>(u16(z, moved + 10) + 1));
    put32(z, moved + 12, u32(z, moved + 12) + static_cast<std::uint32_t>(record.size()));
    return z;
}

// Pseudo-random letters: text that does not compress, so size checks meet real bytes.
std::string noise(std::size_t n, std::uint32_t seed) {
    static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::string out(n, ' ');
    for (char& c : out) c = letters[((seed = seed * 1103515245u + 12345u) >> 16) % 62];
    return out;
}

std::string utf16le(std::string_view ascii) {
    std::string out = "\xFF\xFE";
    for (char c : ascii) {
        out += c;
        out += '\0';
    }
    return out;
}

// Combining marks stacked on letters, Arabic and Hebrew, bidi controls, joiners.
std::string mixed_scripts() {
    std::string s = "Za\xCC\x81";
    for (int i = 0; i < 300; ++i) s += "\xCC\x81\xCC\xA3";  // U+0301, U+0323
    s += "lgo. \xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9 \xD7\xA2\xD7\x91\xD7\xA8\xD7\x99\xD7\xAA ";
    s += "\xE2\x80\xAE" "desrever\xE2\x80\xAC \xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB ";
    s += "la casa es es bonita y tambien grande.";
    return s;
}

}  // namespace

std::vector<hostile_file> hostile_corpus(int big_line_mb) {
    using o = hostile_outcome;
    std::vector<hostile_file> out;
    const std::string plain = document_xml(paragraph("Hola, mundo.") + paragraph("Una frase normal."));

    std::string deep;
    for (int i = 0; i < 30'000; ++i) deep += "<w:sdt><w:sdtContent>";
    out.push_back({"deep_nesting.docx", docx(document_xml(deep)), o::refused});

    std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"haha\">";
    for (char c = 'b'; c <= 'k'; ++c)
        laughs += std::string("<!ENTITY ") + c + " \"&" + char(c - 1) + ";&" + char(c - 1) + ";&" +
                  char(c - 1) + ";&" + char(c - 1) + ";\">";
    laughs += std::string("]><w:document xmlns:w=\"") + kW + "\"><w:body>" + paragraph("&k;") + "</w:body></w:document>";
    out.push_back({"entity_expansion.docx", docx(laughs), o::refused});

    out.push_back({"huge_attribute.docx",
                   docx(document_xml("<w:p w:rsidR=\"" + noise(900'000, 1) + "\">" +
                                     "<w:r><w:t>Texto.</w:t></w:r></w:p>")),
                   o::either});

    std::string rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    for (int i = 0; i < 100'000; ++i)
        rels += "<Relationship Id=\"r" + std::to_string(i) +
                "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"f" +
                std::to_string(i % 7) + ".xml\"/>";
    rels += "</Relationships>";
    out.push_back({"relationships_100k.docx", docx(plain, {{"word/_rels/document.xml.rels", rels}}), o::refused});

    std::string twice = docx(plain, {{"word/documenX.xml", plain}});
    for (std::size_t at; (at = twice.find("word/documenX.xml")) != std::string::npos;)
        twice.replace(at, 17, "word/document.xml");
    out.push_back({"duplicate_entries.docx", twice, o::refused});

    out.push_back({"overlapping_entries.docx", overlapping(docx(plain), "word/document.xml", "word/documenY.xml"),
                   o::either});
    out.push_back({"zip64_markers.docx", patched(patched(docx(plain), "word/document.xml", 20, 0xFFFFFFFF),
                                                 "word/document.xml", 24, 0xFFFFFFFF),
                   o::refused});
    out.push_back({"uncompressed_size_lie.docx", patched(docx(plain), "word/document.xml", 24, 10), o::refused});
    out.push_back({"compressed_size_lie.docx", patched(docx(plain), "word/document.xml", 20, 0x7FFFFFFF),
                   o::refused});
    out.push_back({"crc_mismatch.docx", patched(docx(plain), "word/document.xml", 16, 0x12345678), o::refused});
    std::string truncated = docx(plain);
    truncated.resize(truncated.size() - 30);
    out.push_back({"truncated_directory.docx", truncated, o::refused});

    const std::string utf16_doc =
        utf16le(std::string("<?xml version=\"1.0\" encoding=\"UTF-16\"?><w:document xmlns:w=\"") + kW +
                "\"><w:body><w:p><w:r><w:t>Hola desde UTF-16.</w:t></w:r></w:p></w:body></w:document>");
    out.push_back({"utf16_part.docx", docx(utf16_doc), o::either});

    out.push_back({"nul_bytes.txt", std::string("Hola\0mundo.\n", 12), o::refused});
    out.push_back({"invalid_utf8.txt", "caf\xE9 \xC3\x28 \xF0\x28\x8C\x28\n", o::refused});

    const std::string sentence = "El tren sali\xC3\xB3 tarde y la la gente esperaba en el anden sin saber nada. ";
    std::string line;
    line.reserve(static_cast<std::size_t>(big_line_mb) * 1'000'000 + sentence.size());
    while (line.size() < static_cast<std::size_t>(big_line_mb) * 1'000'000) line += sentence;
    out.push_back({"one_line.txt", std::move(line), o::accepted});

    out.push_back({"mixed_scripts.txt", mixed_scripts() + "\n", o::accepted});
    out.push_back({"mixed_scripts.docx", docx(document_xml(paragraph(mixed_scripts()))), o::accepted});
    return out;
}

}  // namespace galley::testing
