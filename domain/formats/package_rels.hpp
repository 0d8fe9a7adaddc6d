#pragma once
// Finds parts of an OPC package (DOCX) through its relationships, never by assuming paths.
#include <optional>
#include <string>
#include <string_view>

#include "domain/formats/zip_reader.hpp"

namespace galley::formats {

/// The zip entry name of the main document part: the target of the officeDocument relationship in
/// `_rels/.rels` (transitional or strict), falling back to `word/document.xml`. nullopt when the
/// package has no WordprocessingML main part.
std::optional<std::string> find_main_document_part(const zip_reader& zip);

/// Resolves a relationship target relative to the part that holds the relationship
/// (`word/document.xml` + `media/a.png` → `word/media/a.png`; `/word/x.xml` → `word/x.xml`).
std::string resolve_part_target(std::string_view source_part, std::string_view target);

}  // namespace galley::formats
