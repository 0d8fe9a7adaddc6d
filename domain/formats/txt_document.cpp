#include "domain/formats/txt_document.hpp"

#include <algorithm>
#include <limits>

#include "domain/formats/edit_plan.hpp"
#include "domain/utf8.hpp"

namespace galley::formats {

namespace {
bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte offset reached after advancing `chars` code points from byte `i` of `s`.
std::size_t advance(std::string_view s, std::size_t i, std::size_t chars) {
    while (chars > 0 && i < s.size()) {
        ++i;
        while (i < s.size() && is_continuation(s[i])) ++i;
        --chars;
    }
    return i;
}

std::size_t common_prefix(std::string_view a, std::string_view b) {
    std::size_t n = 0, m = std::min(a.size(), b.size());
    while (n < m && a[n] == b[n]) ++n;
    while (n > 0 && n < a.size() && is_continuation(a[n])) --n;  // stay on a character boundary
    return n;
}

std::size_t common_suffix(std::string_view a, std::string_view b, std::size_t limit) {
    std::size_t n = 0;
    while (n < limit && a[a.size() - 1 - n] == b[b.size() - 1 - n]) ++n;
    while (n > 0 && is_continuation(a[a.size() - n])) --n;
    return n;
}
}  // namespace

namespace {

struct line_info {
    std::size_t b = 0, end = 0;  // the line without its leading/trailing blanks
    std::size_t next = 0;        // where the next line starts
    bool blank = false;
    bool indented = false;
    std::uint32_t width = 0;  // code points
};

enum class layout { blocks, wrapped, one_per_line };

// How the file lays out paragraphs (domain/formats/README.md): blocks separated by blank lines;
// or no blank lines between paragraphs, with one paragraph per line (as editors save TXT) or
// hard-wrapped lines of similar width near one column.
layout detect_layout(const std::vector<line_info>& lines, std::uint32_t& column) {
    std::vector<std::uint32_t> widths;
    std::size_t continued = 0;  // non-blank lines followed by a non-blank line
    std::size_t blocks = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].blank) continue;
        widths.push_back(lines[i].width);
        blocks += i == 0 || lines[i - 1].blank;
        continued += i + 1 < lines.size() && !lines[i + 1].blank;
    }
    if (continued < 5) return layout::blocks;  // too little evidence: blank lines decide
    // Blank lines separate paragraphs when blocks are paragraph-sized (a few lines each), not
    // scenes of hundreds of lines.
    if (blocks >= 2 && widths.size() <= blocks * 20) return layout::blocks;
    std::sort(widths.begin(), widths.end());
    column = widths[widths.size() * 9 / 10];
    std::size_t near_column = 0;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
        if (!lines[i].blank && !lines[i + 1].blank && lines[i].width * 4 >= column * 3)
            ++near_column;
    const bool wrapped = column <= 100 && near_column * 10 >= continued * 6;
    return wrapped ? layout::wrapped : layout::one_per_line;
}

}  // namespace

result<txt_document> txt_document::parse(std::string_view bytes) {
    if (bytes.size() >= std::numeric_limits<std::uint32_t>::max())
        return make_error(errc::payload_too_large, "the text file is too large");
    if (!utf8::is_valid(bytes))
        return make_error(errc::unsupported_media, "the text file is not valid UTF-8");
    txt_document doc;
    doc.size_ = bytes.size();
    std::vector<line_info> lines;
    std::size_t indented = 0, nonblank = 0;
    for (std::size_t pos = utf8::has_bom(bytes) ? 3 : 0; pos < bytes.size();) {
        std::size_t nl = bytes.find('\n', pos);
        line_info l;
        l.end = nl == std::string_view::npos ? bytes.size() : nl;
        l.next = nl == std::string_view::npos ? bytes.size() : nl + 1;
        if (nl != std::string_view::npos && l.end > pos && bytes[l.end - 1] == '\r') --l.end;
        l.b = pos;
        while (l.b < l.end && is_blank(bytes[l.b])) ++l.b;
        while (l.end > l.b && is_blank(bytes[l.end - 1])) --l.end;
        l.blank = l.b == l.end;
        l.indented = l.b > pos;
        if (!l.blank) {
            l.width = static_cast<std::uint32_t>(utf8::count(bytes.substr(l.b, l.end - l.b)));
            ++nonblank;
            indented += l.indented;
        }
        pos = l.next;
        lines.push_back(l);
    }
    std::uint32_t column = 0;
    const layout mode = detect_layout(lines, column);
    // Indentation marks a paragraph only where it is the exception, not every line's margin.
    const bool indent_starts = indented * 2 < nonblank;
    bool open = false;
    std::uint32_t chars = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const line_info& l = lines[i];
        if (l.blank) {
            open = false;
            continue;
        }
        if (open && mode == layout::one_per_line) open = false;
        if (open && mode == layout::wrapped &&
            ((l.indented && indent_starts) || lines[i - 1].width * 10 < column * 6))
            open = false;  // an indented line, or one after a line ending well short
        if (!open) {
            doc.first_piece_.push_back(static_cast<std::uint32_t>(doc.pieces_.size()));
            auto index = static_cast<std::uint32_t>(doc.text_.paragraphs.size());
            doc.text_.paragraphs.push_back({story_kind::body, index, {}});
            chars = 0;
            open = true;
        } else {
            doc.text_.paragraphs.back().text.push_back(' ');
            ++chars;
        }
        std::string_view line = bytes.substr(l.b, l.end - l.b);
        doc.text_.paragraphs.back().text.append(line);
        std::uint32_t begin = chars;
        chars += l.width;
        doc.pieces_.push_back(
            {static_cast<std::uint32_t>(l.b), static_cast<std::uint32_t>(l.end), begin, chars});
    }
    doc.first_piece_.push_back(static_cast<std::uint32_t>(doc.pieces_.size()));
    return doc;
}

std::uint32_t txt_document::byte_at(std::size_t paragraph, std::uint32_t offset,
                                    std::string_view original, walk_cache& cache) const {
    auto first = pieces_.begin() + first_piece_[paragraph];
    auto last = pieces_.begin() + first_piece_[paragraph + 1];
    auto it = std::upper_bound(first, last, offset, [](std::uint32_t off, const line_piece& p) {
        return off < p.char_begin;
    });
    const line_piece& p = *(it - 1);
    if (offset >= p.char_end) return p.byte_end;
    const auto piece = static_cast<std::size_t>(it - 1 - pieces_.begin());
    if (cache.piece != piece || offset < cache.chars) {
        cache.piece = piece;
        cache.chars = p.char_begin;
        cache.byte = p.byte_begin;
    }
    std::string_view line = original.substr(0, p.byte_end);
    cache.byte = advance(line, cache.byte, offset - cache.chars);
    cache.chars = offset;
    return static_cast<std::uint32_t>(cache.byte);
}

std::size_t txt_document::text_byte_at(std::size_t paragraph, std::uint32_t offset,
                                       walk_cache& cache) const {
    if (cache.paragraph != paragraph || offset < cache.text_chars) {
        cache.paragraph = paragraph;
        cache.text_chars = 0;
        cache.text_byte = 0;
    }
    cache.text_byte = advance(text_.paragraphs[paragraph].text, cache.text_byte, offset - cache.text_chars);
    cache.text_chars = offset;
    return cache.text_byte;
}

void txt_document::write_replacement(std::string& out, std::size_t paragraph, std::uint32_t offset,
                                     std::uint32_t length, std::string_view replacement,
                                     std::string_view original, walk_cache& cache) const {
    struct kept_break {
        std::size_t at;  // byte in the replacement that stands for the break
        std::uint32_t glue_begin, glue_end;
    };
    struct covered_break {
        std::size_t at;  // byte in the covered old text
        std::uint32_t glue_begin, glue_end;
    };
    std::vector<covered_break> breaks;
    const std::string& text = text_.paragraphs[paragraph].text;
    std::size_t old_begin = 0, old_end = 0;
    // The line breaks the edit covers: pieces are in text order, so search for the first one.
    auto first = pieces_.begin() + first_piece_[paragraph];
    auto last = pieces_.begin() + first_piece_[paragraph + 1] - 1;  // the last has no break
    auto from_piece = std::lower_bound(first, std::max(first, last), offset,
                                       [](const line_piece& p, std::uint32_t off) { return p.char_end < off; });
    for (auto i = static_cast<std::uint32_t>(from_piece - pieces_.begin());
         i + 1 < first_piece_[paragraph + 1]; ++i) {
        std::uint32_t sep = pieces_[i].char_end;
        if (sep >= offset + length) break;
        if (sep < offset) continue;
        if (breaks.empty()) {
            old_begin = text_byte_at(paragraph, offset, cache);
            old_end = advance(text, old_begin, length);
        }
        std::size_t at = advance(text, old_begin, sep - offset) - old_begin;
        breaks.push_back({at, pieces_[i].byte_end, pieces_[i + 1].byte_begin});
    }
    if (breaks.empty()) {
        out.append(replacement);
        return;
    }
    std::string_view old = std::string_view(text).substr(old_begin, old_end - old_begin);
    std::size_t prefix = common_prefix(old, replacement);
    std::size_t suffix =
        common_suffix(old, replacement, std::min(old.size(), replacement.size()) - prefix);
    std::vector<kept_break> kept;
    std::size_t next_space = prefix;  // middle spaces before this one are taken
    const std::size_t limit = replacement.size() - suffix;
    for (const covered_break& br : breaks) {
        if (br.at < prefix) {
            kept.push_back({br.at, br.glue_begin, br.glue_end});
        } else if (br.at >= old.size() - suffix) {
            kept.push_back({replacement.size() - (old.size() - br.at), br.glue_begin, br.glue_end});
        } else {
            // The free middle space nearest to the break's old place (earlier one on a tie).
            std::size_t best = limit;
            for (std::size_t j = next_space; j < limit; ++j) {
                if (replacement[j] != ' ') continue;
                auto distance = [&](std::size_t k) { return k > br.at ? k - br.at : br.at - k; };
                if (best == limit || distance(j) < distance(best)) best = j;
                if (j > br.at) break;  // later spaces are only farther
            }
            if (best < limit) {
                kept.push_back({best, br.glue_begin, br.glue_end});
                next_space = best + 1;
            }
        }
    }
    std::sort(kept.begin(), kept.end(),
              [](const kept_break& a, const kept_break& b) { return a.at < b.at; });
    std::size_t from = 0;
    for (const kept_break& k : kept) {
        out.append(replacement.substr(from, k.at - from));
        out.append(original.substr(k.glue_begin, k.glue_end - k.glue_begin));
        from = k.at + 1;
    }
    out.append(replacement.substr(from));
}

result<std::string> txt_document::apply_edits(std::string_view original,
                                              std::span<const text_edit> edits) const {
    if (original.size() != size_)
        return make_error(errc::invalid_argument, "the text is not the one that was parsed");
    auto plan = plan_edits(text_, edits);
    if (!plan) return plan.err();
    std::string out;
    std::size_t extra = 0;
    for (const located_edit& e : *plan) extra += e.replacement.size();
    out.reserve(original.size() + extra);
    std::size_t cursor = 0;
    walk_cache cache;
    for (const located_edit& e : *plan) {
        std::uint32_t a = byte_at(e.paragraph, e.offset, original, cache);
        std::uint32_t b = byte_at(e.paragraph, e.offset + e.length, original, cache);
        out.append(original.substr(cursor, a - cursor));
        write_replacement(out, e.paragraph, e.offset, e.length, e.replacement, original, cache);
        cursor = b;
    }
    out.append(original.substr(cursor));
    return out;
}

result<std::string> apply_txt_edits(std::string_view original, std::span<const text_edit> edits) {
    auto doc = txt_document::parse(original);
    if (!doc) return doc.err();
    return doc->apply_edits(original, edits);
}

}  // namespace galley::formats
