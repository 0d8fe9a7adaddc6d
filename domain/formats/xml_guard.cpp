#include "domain/formats/xml_guard.hpp"

#include "domain/utf8.hpp"

namespace galley::formats {

namespace {

error not_readable(std::string_view part, std::string_view why) {
    return make_error(errc::unsupported_media,
                      "the part " + std::string(part) + " is " + std::string(why));
}

error too_much(std::string_view part, std::string_view what) {
    return make_error(errc::unsafe_input,
                      "the part " + std::string(part) + " exceeds the limit on " + std::string(what));
}

result<std::string> decode_utf16(std::string_view raw, bool little_endian, std::string_view part) {
    if (raw.size() % 2 != 0) return not_readable(part, "truncated UTF-16");
    std::string out;
    out.reserve(raw.size());  // a BMP character takes at most 3 bytes for 2: close enough
    auto unit = [&](std::size_t i) {
        auto a = static_cast<unsigned char>(raw[i]);
        auto b = static_cast<unsigned char>(raw[i + 1]);
        return static_cast<char32_t>(little_endian ? (b << 8 | a) : (a << 8 | b));
    };
    for (std::size_t i = 0; i < raw.size(); i += 2) {
        char32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 2 >= raw.size()) return not_readable(part, "UTF-16 with an unpaired surrogate");
            char32_t low = unit(i + 2);
            if (low < 0xDC00 || low > 0xDFFF)
                return not_readable(part, "UTF-16 with an unpaired surrogate");
            u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            return not_readable(part, "UTF-16 with an unpaired surrogate");
        }
        utf8::append(out, u);
    }
    return out;
}

bool is_utf16_or_32(std::string_view raw) {
    return raw.substr(0, 2) == "\xFF\xFE" || raw.substr(0, 2) == "\xFE\xFF" ||
           raw.substr(0, 2) == std::string_view("<\0", 2) ||
           raw.substr(0, 2) == std::string_view("\0<", 2) ||
           raw.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4);
}

}  // namespace

result<std::string> xml_as_utf8(std::string_view raw, std::string_view part) {
    if (raw.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4) ||
        raw.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4))
        return not_readable(part, "UTF-32, which galley does not read");
    if (raw.substr(0, 2) == "\xFF\xFE") return decode_utf16(raw.substr(2), true, part);
    if (raw.substr(0, 2) == "\xFE\xFF") return decode_utf16(raw.substr(2), false, part);
    if (raw.substr(0, 2) == std::string_view("<\0", 2)) return decode_utf16(raw, true, part);
    if (raw.substr(0, 2) == std::string_view("\0<", 2)) return decode_utf16(raw, false, part);
    if (utf8::has_bom(raw)) raw.remove_prefix(3);
    if (!utf8::is_valid(raw)) return not_readable(part, "neither UTF-8 nor UTF-16");
    return std::string(raw);
}

status check_xml_bounds(std::string_view xml, std::string_view part, const xml_limits& limits) {
    if (xml.size() > limits.max_bytes)
        return too_much(part, "part size (" + std::to_string(limits.max_bytes >> 20) + " MB)");
    std::uint32_t depth = 0;
    std::uint64_t elements = 0;
    const std::size_t n = xml.size();
    auto skip_past = [&](std::size_t from, std::string_view end) {
        std::size_t j = xml.find(end, from);
        return j == std::string_view::npos ? n : j + end.size();
    };
    std::size_t i = 0;
    while ((i = xml.find('<', i)) != std::string_view::npos && i + 1 < n) {
        char c = xml[i + 1];
        if (c == '?') {
            i = skip_past(i + 2, "?>");
        } else if (c == '!') {
            if (xml.compare(i, 4, "<!--") == 0) {
                i = skip_past(i + 4, "-->");
            } else if (xml.compare(i, 9, "<![CDATA[") == 0) {
                i = skip_past(i + 9, "]]>");
            } else {
                // Outside comments and CDATA, "<!" only opens DOCTYPE and its declarations.
                return make_error(errc::unsafe_input, "the part " + std::string(part) +
                                                          " declares a DOCTYPE or entities");
            }
        } else if (c == '/') {
            if (depth > 0) --depth;
            i = skip_past(i + 2, ">");
        } else {
            // A start tag: '>' may appear inside quoted attribute values.
            std::size_t j = i + 1;
            char quote = 0;
            for (; j < n; ++j) {
                char ch = xml[j];
                if (quote) {
                    if (ch == quote) quote = 0;
                } else if (ch == '"' || ch == '\'') {
                    quote = ch;
                } else if (ch == '>') {
                    break;
                }
            }
            if (j == n) break;
            if (++elements > limits.max_elements)
                return too_much(part, "element count (" + std::to_string(limits.max_elements) + ")");
            if (xml[j - 1] != '/' && ++depth > limits.max_depth)
                return too_much(part, "nesting depth (" + std::to_string(limits.max_depth) + ")");
            i = j + 1;
        }
    }
    return {};
}

status guard_xml_part(std::string_view raw, std::string_view part, const xml_limits& limits) {
    if (!is_utf16_or_32(raw)) {  // the common case, checked in place without a copy
        if (utf8::has_bom(raw)) raw.remove_prefix(3);
        if (!utf8::is_valid(raw)) return not_readable(part, "neither UTF-8 nor UTF-16");
        return check_xml_bounds(raw, part, limits);
    }
    auto xml = xml_as_utf8(raw, part);
    if (!xml) return xml.err();
    return check_xml_bounds(*xml, part, limits);
}

}  // namespace galley::formats
