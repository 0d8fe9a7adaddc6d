#include "domain/formats/edit_plan.hpp"

#include <algorithm>
#include <array>
#include <limits>

#include "domain/utf8.hpp"

namespace galley::formats {

namespace {
error bad_edit(std::string message) {
    return make_error(errc::invalid_argument, std::move(message), "edits");
}
}  // namespace

result<std::vector<located_edit>> plan_edits(const document_text& text,
                                             std::span<const text_edit> edits) {
    constexpr std::size_t kStories = 6;
    constexpr auto kNone = std::numeric_limits<std::size_t>::max();
    std::array<std::size_t, kStories> first{};
    std::array<std::size_t, kStories> count{};
    first.fill(kNone);
    for (std::size_t i = 0; i < text.paragraphs.size(); ++i) {
        auto s = static_cast<std::size_t>(text.paragraphs[i].story);
        if (first[s] == kNone) first[s] = i;
        ++count[s];
    }
    std::vector<located_edit> out;
    out.reserve(edits.size());
    std::vector<std::size_t> lengths(text.paragraphs.size(), kNone);
    for (const text_edit& e : edits) {
        auto s = static_cast<std::size_t>(e.story);
        if (s >= kStories || e.paragraph >= count[s])
            return bad_edit("an edit names a paragraph the document does not have");
        std::size_t pos = first[s] + e.paragraph;
        if (text.paragraphs[pos].story != e.story || text.paragraphs[pos].index != e.paragraph)
            return bad_edit("the document's paragraphs are not grouped by story in order");
        if (lengths[pos] == kNone) lengths[pos] = utf8::count(text.paragraphs[pos].text);
        if (static_cast<std::uint64_t>(e.offset) + e.length > lengths[pos])
            return bad_edit("an edit reaches past the end of its paragraph");
        if (!utf8::is_valid(e.replacement) || e.replacement.find('\0') != std::string::npos)
            return bad_edit("an edit's replacement is not valid UTF-8 text");
        out.push_back({pos, e.offset, e.length, e.replacement});
    }
    std::stable_sort(out.begin(), out.end(), [](const located_edit& a, const located_edit& b) {
        if (a.paragraph != b.paragraph) return a.paragraph < b.paragraph;
        if (a.offset != b.offset) return a.offset < b.offset;
        return a.length < b.length;
    });
    for (std::size_t i = 1; i < out.size(); ++i) {
        const located_edit& p = out[i - 1];
        const located_edit& c = out[i];
        if (p.paragraph != c.paragraph) continue;
        bool both_insert_here = p.length == 0 && c.length == 0 && p.offset == c.offset;
        if (c.offset < p.offset + p.length || both_insert_here)
            return bad_edit("two edits overlap");
    }
    return out;
}

}  // namespace galley::formats
