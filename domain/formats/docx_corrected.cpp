// write_corrected_docx: edits applied in place inside the runs they touch.
#include "domain/formats/docx_rewrite.hpp"
#include "domain/formats/docx_text_ops.hpp"
#include "domain/formats/docx_writer.hpp"

namespace galley::formats {

namespace {

using detail::paragraph_job;

class corrected_editor final : public detail::paragraph_editor {
public:
    status edit(paragraph_job& job, const wordml::names& ns) override {
        std::u32string text = detail::decode(job.text);
        for (auto e = job.edits.rbegin(); e != job.edits.rend(); ++e) {
            std::uint32_t a = e->offset, b = e->offset + e->length;
            std::u32string repl = detail::decode(e->replacement);
            if (!job.segments.empty()) detail::trim_fixed_edges(job.segments, text, a, b, repl);
            if (a == b && repl.empty()) continue;
            std::string r = detail::encode(repl);
            if (a == b)
                insert(job, a, r, ns);
            else
                replace(job, a, b, r, ns);
        }
        detail::drop_fallbacks(alternates_, ns);
        return {};
    }

private:
    void insert(paragraph_job& job, std::uint32_t a, const std::string& r,
                const wordml::names& ns) {
        const auto& segs = job.segments;
        if (segs.empty()) {
            pugi::xml_node run = job.paragraph.append_child(ns.element("r").c_str());
            detail::append_run_text(run, r, ns);
            return;
        }
        std::uint32_t end = segs.back().begin + segs.back().length;
        if (a > 0) {
            std::size_t i = detail::segment_at(segs, a - 1);
            if (segs[i].is_text) return splice(job, i, a - segs[i].begin, 0, r, ns);
        }
        if (a < end) {
            std::size_t j = detail::segment_at(segs, a);
            if (segs[j].is_text) return splice(job, j, a - segs[j].begin, 0, r, ns);
        }
        if (a > 0) {
            std::size_t i = detail::segment_at(segs, a - 1);
            detail::insert_text_after(job.nodes[i], r, ns);
            detail::note_alternate(job.nodes[i], ns, alternates_);
        } else {
            detail::insert_text_before(job.nodes[0], r, ns);
            detail::note_alternate(job.nodes[0], ns, alternates_);
        }
    }

    void replace(paragraph_job& job, std::uint32_t a, std::uint32_t b, const std::string& r,
                 const wordml::names& ns) {
        const auto& segs = job.segments;
        std::size_t first = detail::segment_at(segs, a);
        std::size_t last = detail::segment_at(segs, b - 1);
        for (std::size_t k = last; k > first; --k) {
            detail::note_alternate(job.nodes[k], ns, alternates_);
            if (segs[k].is_text) {
                splice(job, k, 0, std::min(b, segs[k].begin + segs[k].length) - segs[k].begin, {},
                       ns);
            } else {
                job.nodes[k].parent().remove_child(job.nodes[k]);
            }
        }
        const docx_segment& f = segs[first];
        detail::note_alternate(job.nodes[first], ns, alternates_);
        if (f.is_text) {
            splice(job, first, a - f.begin, std::min(b, f.begin + f.length) - a, r, ns);
        } else if (r.empty()) {
            job.nodes[first].parent().remove_child(job.nodes[first]);
        } else {
            detail::make_text_element(job.nodes[first], r, ns);
        }
    }

    // Replaces `length` code points at `offset` of segment k's w:t by `r`.
    void splice(paragraph_job& job, std::size_t k, std::uint32_t offset, std::uint32_t length,
                std::string_view r, const wordml::names& ns) {
        pugi::xml_node t = job.nodes[k];
        std::string_view old = t.text().get();
        std::size_t from = detail::byte_of(old, offset);
        std::size_t to = from + detail::byte_of(old.substr(from), length);
        std::string now;
        now.reserve(old.size() + r.size());
        now.append(old.substr(0, from)).append(r).append(old.substr(to));
        detail::set_run_text(t, now, ns);
        detail::note_alternate(t, ns, alternates_);
    }

    std::vector<pugi::xml_node> alternates_;
};

}  // namespace

result<std::string> write_corrected_docx(std::string_view docx, const docx_document& source,
                                         std::span<const text_edit> edits, const stop_check& stop) {
    corrected_editor editor;
    return detail::rewrite_docx(docx, source, edits, editor, stop);
}

}  // namespace galley::formats
