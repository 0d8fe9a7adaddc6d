#include "domain/review/decisions.hpp"

#include <algorithm>
#include <tuple>

#include "domain/utf8.hpp"

namespace galley {

bool spans_clash(std::uint32_t a, std::uint32_t alen, std::uint32_t b, std::uint32_t blen) {
    if (alen == 0 && blen == 0) return a == b;
    if (alen == 0) return a > b && a < b + blen;
    if (blen == 0) return b > a && b < a + alen;
    return a < b + blen && b < a + alen;
}

std::vector<const suggestion_record*> select_accepted(std::span<const suggestion_record> records) {
    std::vector<const suggestion_record*> candidates;
    for (const auto& r : records)
        if (r.state == review_state::accepted && final_replacement(r)) candidates.push_back(&r);
    auto key = [](const suggestion_record* r) {
        return std::tie(r->s.story, r->s.paragraph, r->s.offset, r->s.length, r->id);
    };
    std::sort(candidates.begin(), candidates.end(),
              [&](auto* a, auto* b) { return key(a) < key(b); });
    std::vector<const suggestion_record*> kept;
    for (const auto* r : candidates) {
        if (!kept.empty()) {
            const auto* last = kept.back();
            // Kept spans of a paragraph are sorted and disjoint: the last one reaches furthest.
            if (last->s.story == r->s.story && last->s.paragraph == r->s.paragraph &&
                spans_clash(last->s.offset, last->s.length, r->s.offset, r->s.length))
                continue;
        }
        kept.push_back(r);
    }
    return kept;
}

std::vector<text_edit> accepted_edits(std::span<const suggestion_record> records) {
    std::vector<text_edit> out;
    for (const auto* r : select_accepted(records))
        out.push_back(
            {r->s.story, r->s.paragraph, r->s.offset, r->s.length, *final_replacement(*r)});
    return out;
}

std::vector<std::size_t> code_point_offsets(std::string_view text) {
    std::vector<std::size_t> out;
    std::size_t i = 0;
    while (i < text.size()) {
        out.push_back(i);
        utf8::next(text, i);
    }
    out.push_back(text.size());
    return out;
}

std::string apply_edits_to_text(std::string_view text, std::span<const text_edit> edits) {
    auto at = code_point_offsets(text);
    const std::size_t cps = at.size() - 1;
    std::string out;
    std::size_t copied = 0;  // code points of `text` already handled
    for (const auto& e : edits) {
        std::size_t begin = std::min<std::size_t>(e.offset, cps);
        std::size_t end = std::min<std::size_t>(begin + e.length, cps);
        if (begin < copied) continue;  // REQUIRES says this cannot happen; never write twice
        out.append(text.substr(at[copied], at[begin] - at[copied]));
        out += e.replacement;
        copied = end;
    }
    out.append(text.substr(at[copied]));
    return out;
}

std::map<paragraph_key, std::vector<text_edit>> edits_by_paragraph(
    std::span<const text_edit> edits) {
    std::map<paragraph_key, std::vector<text_edit>> out;
    for (const auto& e : edits) out[{e.story, e.paragraph}].push_back(e);
    for (auto& [key, list] : out)
        std::stable_sort(list.begin(), list.end(), [](const text_edit& a, const text_edit& b) {
            return std::tie(a.offset, a.length) < std::tie(b.offset, b.length);
        });
    return out;
}

}  // namespace galley
