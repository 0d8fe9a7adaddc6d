#pragma once
// Decides what an uploaded file is by its content and refuses hostile files before any
// expensive work: the single gate every upload and every engine input passes through.
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace galley::formats {

enum class document_format { docx, txt };

std::string_view format_name(document_format f);

/// Bounds that stop zip bombs before anything is inflated.
struct package_limits {
    std::uint64_t max_entries = 5'000;
    std::uint64_t max_total_uncompressed = 512ull << 20;  // sum of declared entry sizes
    std::uint64_t max_entry_uncompressed = 256ull << 20;
    double max_compression_ratio = 200.0;  // for entries larger than ratio_floor
    std::uint64_t ratio_floor = 1ull << 20;
    std::uint64_t max_relationships = 10'000;  // per .rels part
};

/// The bounds for an upload under a plan whose largest upload is `max_upload_bytes` (0: no
/// limit): a part may inflate to 32 times that and the package to 64 times (real documents
/// compress their text about 17:1), within the defaults above. A guest's 2 MB allowance thus
/// admits 64 MB per part, not 256 MiB.
package_limits limits_for_upload(std::int64_t max_upload_bytes);

struct inspected_document {
    document_format format;
    std::string main_part;  // docx: the main document part found through _rels/.rels
};

/// Classifies `bytes`:
/// - a zip holding a WordprocessingML main part → docx, after checking that no entry is encrypted,
///   has an absolute or `..` path, or carries macros (vbaProject.bin, macro content types), that the
///   declared sizes stay within `limits`, that no two entries share a name, and that every XML
///   part (by name, and every part galley parses whatever its name) passes guard_xml_part: no
///   DOCTYPE or entity, bounded depth, element count and size (errc::unsafe_input for each);
/// - an encrypted Office package (OLE container with an EncryptedPackage stream) → unsafe_input;
/// - well-formed UTF-8 text (BOM optional, no NUL bytes) → txt;
/// - anything else (PDF, legacy .doc, binary, invalid UTF-8, zip without a document) →
///   unsupported_media. An empty file is invalid_argument (field `file`).
result<inspected_document> inspect_document(std::string_view bytes,
                                            const package_limits& limits = {});

}  // namespace galley::formats
