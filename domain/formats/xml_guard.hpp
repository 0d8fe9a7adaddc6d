#pragma once
// The gate every XML part passes before pugixml or a tree walk sees it: the part is brought to
// UTF-8 (UTF-16 is legal XML) and scanned once, linearly and without recursion, for DOCTYPE and
// entity declarations and for nesting depth, element count and size beyond fixed limits. After
// this gate no walk over a parsed part can exhaust the stack or the memory.
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace galley::formats {

struct xml_limits {
    std::uint32_t max_depth = 256;             // elements open at once
    std::uint64_t max_elements = 2'000'000;    // start tags in one part
    std::uint64_t max_bytes = 256ull << 20;    // the part as UTF-8
};

/// `raw` as UTF-8 without a byte-order mark: UTF-8 is checked, UTF-16 (LE or BE, by BOM or by the
/// bytes of a leading '<') is decoded. Fails with unsupported_media naming `part` when the bytes
/// are in no UTF encoding we read (UTF-32, invalid sequences, unpaired surrogates).
result<std::string> xml_as_utf8(std::string_view raw, std::string_view part);

/// Scans UTF-8 XML: unsafe_input naming `part` and the limit when the part declares a DOCTYPE or
/// an entity, nests deeper than max_depth, has more than max_elements elements or is larger than
/// max_bytes. Malformed markup is left to the parser, which reports it.
status check_xml_bounds(std::string_view xml, std::string_view part, const xml_limits& limits = {});

/// Both of the above, as every caller wants them.
status guard_xml_part(std::string_view raw, std::string_view part, const xml_limits& limits = {});

}  // namespace galley::formats
