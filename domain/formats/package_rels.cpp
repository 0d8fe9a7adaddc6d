#include "domain/formats/package_rels.hpp"

#include <pugixml.hpp>

#include <vector>

namespace galley::formats {

namespace {
constexpr std::uint64_t kMaxRelsBytes = 4u << 20;

std::string_view local_name(std::string_view qname) {
    auto colon = qname.find(':');
    return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

bool is_office_document_type(std::string_view type) {
    // Transitional: .../officeDocument/2006/relationships/officeDocument
    // Strict:       http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument
    auto slash = type.rfind('/');
    return slash != std::string_view::npos && type.substr(slash + 1) == "officeDocument";
}
// The root element's local name, found by scanning past the declaration and comments, so the
// main part is not parsed twice.
std::string_view root_local_name(std::string_view xml) {
    std::size_t i = 0;
    while ((i = xml.find('<', i)) != std::string_view::npos) {
        if (i + 1 < xml.size() && (xml[i + 1] == '?' || xml[i + 1] == '!')) { ++i; continue; }
        std::size_t end = xml.find_first_of(" \t\r\n/>", i + 1);
        if (end == std::string_view::npos) return {};
        return local_name(xml.substr(i + 1, end - i - 1));
    }
    return {};
}

bool is_wordprocessing_part(const zip_reader& zip, const std::string& name) {
    const zip_entry* e = zip.find(name);
    if (!e) return false;
    auto xml = zip.read(*e, 512u << 20);
    return xml && root_local_name(*xml) == "document";
}
}  // namespace

std::string resolve_part_target(std::string_view source_part, std::string_view target) {
    if (!target.empty() && target.front() == '/') return std::string(target.substr(1));
    std::string base(source_part.substr(0, source_part.rfind('/') + 1));
    if (source_part.find('/') == std::string_view::npos) base.clear();
    std::vector<std::string> segs;
    std::string joined = base + std::string(target);
    std::size_t start = 0;
    while (start <= joined.size()) {
        std::size_t end = joined.find('/', start);
        if (end == std::string::npos) end = joined.size();
        std::string seg = joined.substr(start, end - start);
        if (seg == "..") {
            if (!segs.empty()) segs.pop_back();
        } else if (!seg.empty() && seg != ".") {
            segs.push_back(seg);
        }
        start = end + 1;
    }
    std::string out;
    for (const auto& s : segs) out += (out.empty() ? "" : "/") + s;
    return out;
}

std::optional<std::string> find_main_document_part(const zip_reader& zip) {
    if (const zip_entry* rels = zip.find("_rels/.rels")) {
        auto xml = zip.read(*rels, kMaxRelsBytes);
        pugi::xml_document doc;
        if (xml && doc.load_buffer(xml->data(), xml->size())) {
            for (pugi::xml_node rel : doc.document_element().children()) {
                if (local_name(rel.name()) != "Relationship") continue;
                if (!is_office_document_type(rel.attribute("Type").value())) continue;
                std::string target = resolve_part_target("", rel.attribute("Target").value());
                if (is_wordprocessing_part(zip, target)) return target;
            }
        }
    }
    if (is_wordprocessing_part(zip, "word/document.xml")) return std::string("word/document.xml");
    return std::nullopt;
}

}  // namespace galley::formats
