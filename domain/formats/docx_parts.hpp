#pragma once
// The story parts of a DOCX package: the main part and the header, footer, footnote, endnote
// and comment parts related from it, each parsed with wordml::parse_flags.
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "domain/formats/zip_reader.hpp"
#include "domain/result.hpp"
#include "domain/text_model.hpp"

namespace galley::formats {

inline constexpr std::uint64_t max_part_bytes = 256ull << 20;

struct story_part {
    std::string name;  // zip entry name
    story_kind story = story_kind::body;
};

/// The main part, then headers, footers, footnotes, endnotes and comments in the order of the
/// main part's .rels file (external targets and missing entries skipped, duplicates once).
std::vector<story_part> list_story_parts(const zip_reader& zip, const std::string& main_part);

/// Reads and parses one part. Fails with unsupported_media when it is not well-formed XML, and
/// with zip_reader::read's errors.
result<std::unique_ptr<pugi::xml_document>> parse_part(const zip_reader& zip,
                                                       std::string_view name);

}  // namespace galley::formats
