#include "domain/formats/document_inspector.hpp"

#include <algorithm>
#include <cctype>

#include "domain/formats/package_rels.hpp"
#include "domain/formats/zip_reader.hpp"
#include "domain/utf8.hpp"

namespace galley::formats {

std::string_view format_name(document_format f) {
    return f == document_format::docx ? "docx" : "txt";
}

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

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

// A DOCTYPE or ENTITY declaration anywhere in the part, case-insensitively.
bool declares_doctype(std::string_view xml) {
    for (std::size_t i = xml.find("<!"); i != std::string_view::npos; i = xml.find("<!", i + 2)) {
        std::string head = lower(xml.substr(i + 2, 7));
        if (head.rfind("doctype", 0) == 0 || head.rfind("entity", 0) == 0) return true;
    }
    return false;
}

bool is_macro_entry(std::string_view lname) {
    return ends_with(lname, "vbaproject.bin") || ends_with(lname, "vbadata.xml") ||
           lname.find("activex/") != std::string_view::npos;
}

status check_entries(const zip_reader& zip, const package_limits& limits) {
    if (zip.entries().size() > limits.max_entries)
        return make_error(errc::unsafe_input, "the package has too many entries");
    std::uint64_t total = 0;
    for (const auto& e : zip.entries()) {
        if (e.encrypted) return make_error(errc::unsafe_input, "the document is encrypted");
        if (is_traversal(e.name))
            return make_error(errc::unsafe_input, "the package has an entry outside its root: " + e.name);
        if (is_macro_entry(lower(e.name)))
            return make_error(errc::unsafe_input, "the document contains macros");
        if (e.size > limits.max_entry_uncompressed)
            return make_error(errc::unsafe_input, "a package entry inflates too much (zip bomb)");
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

result<inspected_document> inspect_zip(std::string_view bytes, const package_limits& limits) {
    auto zip = zip_reader::open(bytes);
    if (!zip) return zip.err();
    if (auto s = check_entries(*zip, limits); !s) return s.err();

    for (const auto& e : zip->entries()) {
        std::string lname = lower(e.name);
        if (!is_xml_part(lname)) continue;
        auto xml = zip->read(e, limits.max_entry_uncompressed);
        if (!xml) return xml.err();
        if (declares_doctype(*xml))
            return make_error(errc::unsafe_input, "the document declares a DOCTYPE or entities");
        if (lname == "[content_types].xml") {
            std::string lxml = lower(*xml);
            if (lxml.find("macroenabled") != std::string::npos ||
                lxml.find("vbaproject") != std::string::npos)
                return make_error(errc::unsafe_input, "the document contains macros");
        }
    }
    auto main = find_main_document_part(*zip);
    if (!main) return make_error(errc::unsupported_media, "the zip archive is not a Word document");
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
