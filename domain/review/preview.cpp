#include "domain/review/preview.hpp"

#include <algorithm>
#include <tuple>

namespace galley {

namespace {
constexpr std::string_view kHtmlHead =
    "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Preview</title></head><body>\n";
constexpr std::string_view kHtmlTail = "</body></html>\n";

struct span_to_show {
    const suggestion_record* record;
    bool applied;  // accepted and applied; otherwise a pending mark
};

std::vector<span_to_show> spans_of(std::span<const suggestion_record> records) {
    std::vector<span_to_show> shown;
    for (const auto* r : select_accepted(records)) shown.push_back({r, true});
    std::vector<const suggestion_record*> pending;
    for (const auto& r : records)
        if (r.state == review_state::pending) pending.push_back(&r);
    auto key = [](const suggestion_record* r) { return std::tie(r->s.offset, r->s.length, r->id); };
    std::sort(pending.begin(), pending.end(), [&](auto* a, auto* b) { return key(a) < key(b); });
    for (const auto* p : pending) {
        bool clash = std::any_of(shown.begin(), shown.end(), [&](const span_to_show& s) {
            return spans_clash(s.record->s.offset, s.record->s.length, p->s.offset, p->s.length);
        });
        if (!clash) shown.push_back({p, false});
    }
    std::sort(shown.begin(), shown.end(), [&](const span_to_show& a, const span_to_show& b) {
        return key(a.record) < key(b.record);
    });
    return shown;
}
}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string paragraph_html(std::string_view text, std::span<const suggestion_record> records) {
    auto at = code_point_offsets(text);
    const std::size_t cps = at.size() - 1;
    auto slice = [&](std::size_t from, std::size_t to) {
        return text.substr(at[from], at[to] - at[from]);
    };
    std::string out;
    std::size_t done = 0;  // code points already written
    for (const auto& span : spans_of(records)) {
        const suggestion& s = span.record->s;
        std::size_t begin = std::min<std::size_t>(s.offset, cps);
        std::size_t end = std::min<std::size_t>(begin + s.length, cps);
        if (begin < done) continue;
        out += html_escape(slice(done, begin));
        const std::string id = html_escape(span.record->id);
        if (span.applied) {
            if (end > begin)
                out += "<del data-id=\"" + id + "\">" + html_escape(slice(begin, end)) + "</del>";
            std::string repl = *final_replacement(*span.record);
            if (!repl.empty()) out += "<ins data-id=\"" + id + "\">" + html_escape(repl) + "</ins>";
        } else {
            out += "<mark data-id=\"" + id + "\" title=\"" + html_escape(s.message) + "\">" +
                   html_escape(slice(begin, end)) + "</mark>";
        }
        done = end;
    }
    out += html_escape(slice(done, cps));
    return out;
}

preview_renderer::preview_renderer(const document_text& text,
                                   std::vector<suggestion_record> records, preview_format format)
    : format_(format) {
    for (const auto& p : text.paragraphs)
        if (p.story == story_kind::body) body_.push_back(p);
    for (auto& r : records)
        if (r.s.story == story_kind::body) by_paragraph_[r.s.paragraph].push_back(std::move(r));
}

void preview_renderer::render_paragraph(std::size_t i, std::string& out) const {
    const paragraph& p = body_[i];
    auto it = by_paragraph_.find(p.index);
    std::span<const suggestion_record> records;
    if (it != by_paragraph_.end()) records = it->second;
    if (format_ == preview_format::txt) {
        if (i > 0) out += '\n';
        auto edits = accepted_edits(records);
        out += apply_edits_to_text(p.text, edits);
    } else {
        out += "<p>" + paragraph_html(p.text, records) + "</p>\n";
    }
}

bool preview_renderer::next(std::string& out, std::size_t chunk_bytes) {
    if (finished_) return false;
    const std::size_t start = out.size();
    if (!started_ && format_ == preview_format::html) out += kHtmlHead;
    started_ = true;
    while (next_ < body_.size() && out.size() - start < chunk_bytes) render_paragraph(next_++, out);
    if (next_ == body_.size()) {
        if (format_ == preview_format::html) out += kHtmlTail;
        finished_ = true;
    }
    return true;
}

std::string preview_renderer::render_all() {
    std::string out;
    while (next(out, static_cast<std::size_t>(-1) / 2)) {
    }
    return out;
}

}  // namespace galley
