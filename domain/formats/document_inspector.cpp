#include "domain/formats/document_inspector.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "domain/formats/docx_parts.hpp"
#include "domain/formats/package_rels.hpp"
#include "domain/formats/xml_guard.hpp"
#include "domain/formats/zip_reader.hpp"
#include "domain/utf8.hpp"

namespace galley::formats {

std::string_view format_name(document_format f) {
    return f == document_format::docx ? "docx" : "txt";
}

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_traversal(std::string_view name) {
    if (name.empty() || name.front() == '/' || name.front() == '\\') return true;
    if (name.size() >= 2 && name[1] == ':') return true;  // C:\...
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find_first_of("/\\", start);
        if (end == std::string_view::npos) end = name.size();
        if (name.substr(start, end - start) == "..") return true;
        start = end + 1;
    }
    return false;
}

bool is_xml_part(std::string_view lname) {
    return ends_with(lname, ".xml") || ends_with(lname, ".rels") || ends_with(lname, ".vml");
}

bool is_macro_entry(std::string_view lname) {
    return ends_with(lname, "vbaproject.bin") || ends_with(lname, "vbadata.xml") ||
           lname.find("activex/") != std::string_view::npos;
}

status check_entries(const zip_reader& zip, std::uint64_t archive_size, const package_limits& limits) {
    if (zip.entries().size() > limits.max_entries)
        return make_error(errc::unsafe_input, "the package has too many entries");
    std::uint64_t total = 0, stored = 0;
    std::unordered_set<std::string_view> names;
    names.reserve(zip.entries().size());
    for (const auto& e : zip.entries()) {
        if (!names.insert(e.name).second)
            return make_error(errc::unsafe_input, "the package has two entries named " + e.name);
        if (e.encrypted) return make_error(errc::unsafe_input, "the document is encrypted");
        if (is_traversal(e.name))
            return make_error(errc::unsafe_input, "the package has an entry outside its root: " + e.name);
        if (is_macro_entry(utf8::ascii_lower(e.name)))
            return make_error(errc::unsafe_input, "the document contains macros");
        if (e.size > limits.max_entry_uncompressed)
            return make_error(errc::unsafe_input, "a package entry inflates too much (zip bomb)");
        // Compressed data the archive cannot hold is a lie (or entries overlap): inflating may
        // stop early and pass, but copying the entry as it is would read past the end.
        stored += e.compressed_size;
        if (e.compressed_size > archive_size || stored > archive_size)
            return make_error(errc::unsafe_input, "a package entry claims more data than the file holds: " + e.name);
        total += e.size;
        if (total > limits.max_total_uncompressed)
            return make_error(errc::unsafe_input, "the package inflates too much (zip bomb)");
        if (e.size > limits.ratio_floor &&
            static_cast<double>(e.size) >
                limits.max_compression_ratio * static_cast<double>(std::max<std::uint64_t>(e.compressed_size, 1)))
            return make_error(errc::unsafe_input, "a package entry is compressed suspiciously well (zip bomb)");
    }
    return {};
}

status has_macro_content_types(std::string_view raw) {
    auto xml = xml_as_utf8(raw, "[Content_Types].xml");
    if (!xml) return xml.err();
    std::string lxml = utf8::ascii_lower(*xml);
    if (lxml.find("macroenabled") != std::string::npos ||
        lxml.find("vbaproject") != std::string::npos)
        return make_error(errc::unsafe_input, "the document contains macros");
    return {};
}

result<inspected_document> inspect_zip(std::string_view bytes, const package_limits& limits) {
    auto zip = zip_reader::open(bytes);
    if (!zip) return zip.err();
    if (auto s = check_entries(*zip, bytes.size(), limits); !s) return s.err();
    // The corrected copies copy every entry's stored bytes as they are: each must be there.
    for (const auto& e : zip->entries())
        if (auto s = zip->check_stored_bytes(e); !s) return s.err();

    xml_limits bounds;
    bounds.max_bytes = limits.max_entry_uncompressed;
    // A relationships part lists a document's parts: thousands are plenty; 100 000 is an attack
    // on every walk over them.
    xml_limits rels_bounds = bounds;
    rels_bounds.max_elements = limits.max_relationships + 1;  // the root holds them
    std::unordered_set<std::string> guarded;
    auto guard = [&](const zip_entry& e) -> status {
        auto raw = zip->read(e, limits.max_entry_uncompressed);
        if (!raw) return raw.err();
        const bool rels = ends_with(utf8::ascii_lower(e.name), ".rels");
        if (auto s = guard_xml_part(*raw, e.name, rels ? rels_bounds : bounds); !s) return s;
        guarded.insert(e.name);
        if (utf8::ascii_lower(e.name) == "[content_types].xml") return has_macro_content_types(*raw);
        return {};
    };
    for (const auto& e : zip->entries())
        if (is_xml_part(utf8::ascii_lower(e.name)))
            if (auto s = guard(e); !s) return s.err();

    auto main = find_main_document_part(*zip);
    if (!main) return make_error(errc::unsupported_media, "the zip archive is not a Word document");
    // Parts galley parses whatever their names: the main part and the stories it relates.
    for (const story_part& part : list_story_parts(*zip, *main)) {
        if (guarded.count(part.name)) continue;
        if (const zip_entry* e = zip->find(part.name))
            if (auto s = guard(*e); !s) return s.err();
    }
    // Every other part is copied into the corrected copies as it is: a damaged one would only
    // fail there, after the engine ran, so it is refused now.
    for (const auto& e : zip->entries())
        if (!guarded.count(e.name))
            if (auto s = zip->verify(e); !s) return s.err();
    return inspected_document{document_format::docx, *main};
}

bool is_encrypted_ole(std::string_view bytes) {
    // Encrypted OOXML lives in an OLE compound file whose directory names "EncryptedPackage"
    // (UTF-16LE).
    static const std::string needle = [] {
        std::string n;
        for (char c : std::string_view("EncryptedPackage")) { n.push_back(c); n.push_back('\0'); }
        return n;
    }();
    return bytes.find(needle) != std::string_view::npos;
}

bool has_nul(std::string_view s) { return s.find('\0') != std::string_view::npos; }

}  // namespace

package_limits limits_for_upload(std::int64_t max_upload_bytes) {
    package_limits limits;
    if (max_upload_bytes <= 0) return limits;
    const auto upload = static_cast<std::uint64_t>(max_upload_bytes);
    limits.max_entry_uncompressed = std::min(limits.max_entry_uncompressed, 32 * upload);
    limits.max_total_uncompressed = std::min(limits.max_total_uncompressed, 64 * upload);
    return limits;
}

result<inspected_document> inspect_document(std::string_view bytes, const package_limits& limits) {
    if (bytes.empty()) return make_error(errc::invalid_argument, "the file is empty", "file");
    if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
        bytes.substr(0, 4) == std::string_view("PK\x05\x06", 4))
        return inspect_zip(bytes, limits);
    if (bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
        if (is_encrypted_ole(bytes))
            return make_error(errc::unsafe_input, "the document is encrypted");
        return make_error(errc::unsupported_media, "legacy .doc files are not supported; save as DOCX");
    }
    if (bytes.substr(0, 5) == "%PDF-")
        return make_error(errc::unsupported_media, "PDF files are not supported; upload DOCX or TXT");
    if (has_nul(bytes) || !utf8::is_valid(bytes))
        return make_error(errc::unsupported_media, "the file is neither a DOCX document nor UTF-8 text");
    return inspected_document{document_format::txt, {}};
}

}  // namespace galley::formats
