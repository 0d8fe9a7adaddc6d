#include "tests/formats/test_support.hpp"

#include <zip.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "domain/formats/zip_reader.hpp"

namespace galley::formats::testing {

std::string corpus_dir() { return GALLEY_CORPUS_DIR; }

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> corpus_docx_files() {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(corpus_dir() + "/docx"))
        if (e.path().extension() == ".docx") out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
    zip_source_keep(src);
    zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
    for (const auto& [name, bytes] : entries) {
        zip_source_t* s = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
        zip_file_add(z, name.c_str(), s, 0);
    }
    zip_close(z);
    std::string out;
    zip_source_open(src);
    zip_source_seek(src, 0, SEEK_END);
    out.resize(static_cast<std::size_t>(zip_source_tell(src)));
    zip_source_seek(src, 0, SEEK_SET);
    zip_source_read(src, out.data(), out.size());
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&err);
    return out;
}

std::string make_docx(const std::string& body_xml, const std::vector<extra_part>& extras) {
    std::string types =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    std::string rels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
    std::string doc =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document " +
        std::string(w_ns) +
        " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>" +
        body_xml + "</w:body></w:document>";
    std::vector<std::pair<std::string, std::string>> entries{
        {"[Content_Types].xml", types}, {"_rels/.rels", rels}, {"word/document.xml", doc}};
    if (!extras.empty()) {
        std::string doc_rels =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships "
            "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
        int id = 10;
        for (const extra_part& p : extras) {
            doc_rels += "<Relationship Id=\"rId" + std::to_string(id++) +
                        "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                        "relationships/" +
                        p.type + "\" Target=\"" + p.name.substr(5) + "\"/>";
            entries.push_back({p.name, p.xml});
        }
        doc_rels += "</Relationships>";
        entries.push_back({"word/_rels/document.xml.rels", doc_rels});
    }
    return make_zip(entries);
}

std::string entry_bytes(std::string_view zip, const std::string& name) {
    auto z = zip_reader::open(zip);
    if (!z) return {};
    const auto* e = z->find(name);
    if (!e) return {};
    auto bytes = z->read(*e, 1u << 30);
    return bytes ? *bytes : std::string();
}

std::vector<std::string> zip_names(std::string_view zip) {
    std::vector<std::string> out;
    auto z = zip_reader::open(zip);
    if (!z) return out;
    for (const auto& e : z->entries()) out.push_back(e.name);
    return out;
}

std::vector<std::string> story_texts(const document_text& text, story_kind story) {
    std::vector<std::string> out;
    for (const auto& p : text.paragraphs)
        if (p.story == story) out.push_back(p.text);
    return out;
}

}  // namespace galley::formats::testing

#include <pugixml.hpp>

#include "domain/formats/wordml.hpp"
#include "domain/utf8.hpp"

namespace galley::formats::testing {

namespace {
std::u32string to32(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) out.push_back(utf8::next(s, i));
    return out;
}
std::string to8(std::u32string_view s) {
    std::string out;
    for (char32_t c : s) utf8::append(out, c);
    return out;
}
bool is_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char32_t next_letter(char32_t c) {
    if (c == 'z') return 'a';
    if (c == 'Z') return 'A';
    return c + 1;
}
}  // namespace

std::string apply_on_text(const std::string& text, std::vector<text_edit> edits) {
    std::sort(edits.begin(), edits.end(),
              [](const text_edit& a, const text_edit& b) { return a.offset > b.offset; });
    std::u32string t = to32(text);
    for (const text_edit& e : edits) t.replace(e.offset, e.length, to32(e.replacement));
    return to8(t);
}

std::vector<text_edit> synthetic_edits(const paragraph& p) {
    std::vector<text_edit> out;
    std::u32string t = to32(p.text);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> words;  // [begin, end)
    for (std::uint32_t i = 0; i < t.size();) {
        if (!is_letter(t[i])) {
            ++i;
            continue;
        }
        std::uint32_t j = i;
        while (j < t.size() && is_letter(t[j])) ++j;
        words.push_back({i, j});
        i = j;
    }
    std::uint32_t used_until = 0;
    for (std::size_t w = 0; w < words.size(); ++w) {
        auto [b, e] = words[w];
        if (b < used_until) continue;
        if (w % 7 == 3 && w + 1 < words.size() && words[w + 1].first == e + 1) {
            // spans the boundary: last letter, the space, first letter of the next word
            out.push_back({p.story, p.index, e - 1, 3, "<#>"});
            used_until = e + 2;
        } else if (w % 7 == 5) {
            out.push_back({p.story, p.index, e, 0, "+ins"});
            used_until = e + 1;
        } else if (w % 3 == 0) {
            out.push_back({p.story, p.index, b, 1, to8(std::u32string(1, next_letter(t[b])))});
            used_until = b + 1;
        }
    }
    return out;
}

std::string reject_all(std::string_view docx, const docx_map& map) {
    std::vector<std::pair<std::string, std::string>> entries;
    for (const std::string& name : zip_names(docx)) {
        std::string bytes = entry_bytes(docx, name);
        if (std::find(map.parts.begin(), map.parts.end(), name) != map.parts.end()) {
            pugi::xml_document doc;
            doc.load_buffer(bytes.data(), bytes.size(), wordml::parse_flags);
            wordml::names ns(doc.document_element());
            std::vector<pugi::xml_node> ins, del;
            for (const pugi::xpath_node& x : doc.select_nodes("//*")) {
                pugi::xml_node n = x.node();
                if (std::string_view(ns.w_attr(n, "author").value()) != "galley") continue;
                if (ns.w_local(n) == "ins") ins.push_back(n);
                if (ns.w_local(n) == "del") del.push_back(n);
            }
            for (auto n : ins) n.parent().remove_child(n);
            for (auto d : del) {
                for (const pugi::xpath_node& x : d.select_nodes(".//*"))
                    if (ns.w_local(x.node()) == "delText")
                        x.node().set_name(ns.element("t").c_str());
                while (d.first_child()) d.parent().insert_move_before(d.first_child(), d);
                d.parent().remove_child(d);
            }
            std::ostringstream s;
            doc.save(s, "", pugi::format_raw);
            bytes = s.str();
        }
        entries.push_back({name, bytes});
    }
    return make_zip(entries);
}

}  // namespace galley::formats::testing
