#include "domain/formats/docx_parts.hpp"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "domain/formats/package_rels.hpp"
#include "domain/formats/wordml.hpp"

namespace galley::formats {

namespace {
std::string rels_path_of(std::string_view part) {
    std::size_t slash = part.rfind('/');
    std::string dir = slash == std::string_view::npos ? "" : std::string(part.substr(0, slash + 1));
    std::string file(slash == std::string_view::npos ? part : part.substr(slash + 1));
    return dir + "_rels/" + file + ".rels";
}

// The story a relationship type leads to, by the type's last path segment (transitional and
// Strict types differ only before it).
bool story_of_type(std::string_view type, story_kind& story) {
    std::string_view kind = type.substr(type.rfind('/') + 1);
    if (kind == "header")
        story = story_kind::header;
    else if (kind == "footer")
        story = story_kind::footer;
    else if (kind == "footnotes")
        story = story_kind::footnote;
    else if (kind == "endnotes")
        story = story_kind::endnote;
    else if (kind == "comments")
        story = story_kind::comment;
    else
        return false;
    return true;
}

std::string_view local_name(std::string_view qname) {
    auto colon = qname.find(':');
    return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}
}  // namespace

std::vector<story_part> list_story_parts(const zip_reader& zip, const std::string& main_part) {
    std::vector<story_part> out{{main_part, story_kind::body}};
    const zip_entry* rels = zip.find(rels_path_of(main_part));
    if (!rels) return out;
    auto xml = zip.read(*rels, max_part_bytes);
    pugi::xml_document doc;
    if (!xml || !doc.load_buffer(xml->data(), xml->size())) return out;
    std::vector<story_part> related;
    std::unordered_set<std::string> seen = {main_part};  // each part read once, however often related
    for (pugi::xml_node rel : doc.document_element().children()) {
        if (local_name(rel.name()) != "Relationship") continue;
        if (std::string_view(rel.attribute("TargetMode").value()) == "External") continue;
        story_kind story;
        if (!story_of_type(rel.attribute("Type").value(), story)) continue;
        std::string target = resolve_part_target(main_part, rel.attribute("Target").value());
        if (!zip.find(target) || !seen.insert(target).second) continue;
        related.push_back({std::move(target), story});
    }
    std::stable_sort(related.begin(), related.end(),
                     [](const story_part& a, const story_part& b) { return a.story < b.story; });
    out.insert(out.end(), related.begin(), related.end());
    return out;
}

result<std::unique_ptr<pugi::xml_document>> parse_part(const zip_reader& zip,
                                                       std::string_view name) {
    const zip_entry* e = zip.find(name);
    if (!e)
        return make_error(errc::unsupported_media, "the package has no part " + std::string(name));
    auto xml = zip.read(*e, max_part_bytes);
    if (!xml) return xml.err();
    auto doc = std::make_unique<pugi::xml_document>();
    pugi::xml_parse_result parsed =
        doc->load_buffer(xml->data(), xml->size(), wordml::parse_flags, pugi::encoding_auto);
    if (!parsed)
        return make_error(errc::unsupported_media, "the document part " + std::string(name) +
                                                       " is not well-formed XML (" +
                                                       parsed.description() + ")");
    return doc;
}

}  // namespace galley::formats
