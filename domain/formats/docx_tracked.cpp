// write_tracked_docx: edits as w:del / w:ins revisions around split runs.
#include <cctype>

#include "domain/formats/docx_rewrite.hpp"
#include "domain/formats/docx_text_ops.hpp"
#include "domain/formats/docx_writer.hpp"

namespace galley::formats {

namespace {

using detail::paragraph_job;

bool is_rfc3339(std::string_view s) {
    // YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)
    auto digits = [&](std::size_t at, std::size_t n) {
        if (at + n > s.size()) return false;
        for (std::size_t i = at; i < at + n; ++i)
            if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
        return true;
    };
    if (s.size() < 20 || !digits(0, 4) || s[4] != '-' || !digits(5, 2) || s[7] != '-' ||
        !digits(8, 2) || (s[10] != 'T' && s[10] != 't') || !digits(11, 2) || s[13] != ':' ||
        !digits(14, 2) || s[16] != ':' || !digits(17, 2))
        return false;
    std::size_t i = 19;
    if (s[i] == '.') {
        ++i;
        if (!digits(i, 1)) return false;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    }
    std::string_view zone = s.substr(i);
    if (zone == "Z" || zone == "z") return true;
    return zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && digits(i + 1, 2) &&
           zone[3] == ':' && digits(i + 4, 2);
}

// Largest decimal value of any `id="..."` attribute in `xml` (w:id and its kin).
std::uint64_t max_id(std::string_view xml) {
    std::uint64_t best = 0;
    for (std::size_t i = xml.find("id=\""); i != std::string_view::npos;
         i = xml.find("id=\"", i + 4)) {
        std::uint64_t v = 0;
        std::size_t j = i + 4;
        while (j < xml.size() && j < i + 14 && std::isdigit(static_cast<unsigned char>(xml[j])))
            v = v * 10 + static_cast<unsigned>(xml[j++] - '0');
        if (j < xml.size() && xml[j] == '"' && j > i + 4) best = std::max(best, v);
    }
    return best;
}

class tracked_editor final : public detail::paragraph_editor {
public:
    explicit tracked_editor(const tracked_change_options& o) : options_(o) {}

    status begin(const zip_reader& zip, const docx_map& map) override {
        std::uint64_t top = 0;
        for (const std::string& part : map.parts) {
            const zip_entry* e = zip.find(part);
            if (!e) continue;
            auto xml = zip.read(*e, 256ull << 20);
            if (xml) top = std::max(top, max_id(*xml));
        }
        next_id_ = top + 1;
        return {};
    }

    void begin_part(pugi::xml_document& doc, const wordml::names& ns) override {
        ns.declare_attribute_prefix(doc.document_element());
    }

    status edit(paragraph_job& job, const wordml::names& ns) override;

private:
    struct change {
        std::uint32_t a = 0, b = 0;
        std::string repl;
    };
    std::vector<change> plan(paragraph_job& job, const std::vector<pugi::xml_node>& units);
    void apply(paragraph_job& job, const std::vector<pugi::xml_node>& units, const change& c,
               const wordml::names& ns);

    pugi::xml_node split_text(pugi::xml_node t, std::uint32_t chars);
    pugi::xml_node clone_run_shell(pugi::xml_node run, const wordml::names& ns);
    void split_run_after(pugi::xml_node unit, const wordml::names& ns);
    void split_run_before(pugi::xml_node unit, const wordml::names& ns);
    void mark(pugi::xml_node revision, const wordml::names& ns);
    void renumber(pugi::xml_node n, const wordml::names& ns);
    pugi::xml_node add_ins(pugi::xml_node ins, pugi::xml_node rpr, std::string_view text,
                           const wordml::names& ns);
    void to_deleted(pugi::xml_node n, const wordml::names& ns);

    const tracked_change_options& options_;
    std::uint64_t next_id_ = 1;
    std::vector<pugi::xml_node> alternates_;
};

// The child of the nearest w:r ancestor that holds `n` (n itself when it is a run child).
pugi::xml_node unit_of(pugi::xml_node n, const wordml::names& ns) {
    for (pugi::xml_node c = n; c.parent(); c = c.parent())
        if (ns.w_local(c.parent()) == "r") return c;
    return {};
}

pugi::xml_node child_named(pugi::xml_node n, std::string_view local, const wordml::names& ns) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && ns.w_local(c) == local) return c;
    return {};
}

status tracked_editor::edit(paragraph_job& job, const wordml::names& ns) {
    std::vector<pugi::xml_node> units;
    units.reserve(job.nodes.size());
    for (pugi::xml_node n : job.nodes) {
        units.push_back(unit_of(n, ns));
        if (!units.back()) return make_error(errc::internal, "document text outside a run");
    }
    std::vector<change> changes = plan(job, units);
    for (auto c = changes.rbegin(); c != changes.rend(); ++c) apply(job, units, *c, ns);
    detail::drop_fallbacks(alternates_, ns);
    return {};
}

// Trims each edit, widens it to whole indivisible elements and merges edits that then overlap.
std::vector<tracked_editor::change> tracked_editor::plan(paragraph_job& job,
                                                         const std::vector<pugi::xml_node>& units) {
    const auto& segs = job.segments;
    std::u32string text = detail::decode(job.text);
    auto len = static_cast<std::uint32_t>(text.size());
    // Start of the indivisible span holding code point `pos` (pos itself when divisible).
    auto span_begin = [&](std::uint32_t pos) {
        std::size_t i = detail::segment_at(segs, pos);
        if (units[i] == job.nodes[i]) return pos;
        while (i > 0 && units[i - 1] == units[i]) --i;
        return segs[i].begin;
    };
    auto span_end = [&](std::uint32_t pos) {  // pos inside the span
        std::size_t i = detail::segment_at(segs, pos);
        if (units[i] == job.nodes[i]) return pos;
        while (i + 1 < segs.size() && units[i + 1] == units[i]) ++i;
        return segs[i].begin + segs[i].length;
    };
    std::vector<change> out;
    std::uint32_t raw_end = 0;  // out.back().repl spells the new text of [a, raw_end)
    auto close = [&] {
        change& c = out.back();
        c.repl += detail::encode(std::u32string_view(text).substr(raw_end, c.b - raw_end));
    };
    for (const located_edit& e : job.edits) {
        std::uint32_t a = e.offset, b = e.offset + e.length;
        std::u32string repl = detail::decode(e.replacement);
        if (!segs.empty()) detail::trim_fixed_edges(segs, text, a, b, repl);
        if (a == b && repl.empty()) continue;
        std::uint32_t wa = a, wb = b;
        if (wa > 0 && wa < len && span_begin(wa) < wa) wa = span_begin(wa);
        if (wb > 0 && wb < len && span_begin(wb) < wb) wb = span_end(wb);
        if (out.empty() || wa >= out.back().b) {
            if (!out.empty()) close();
            out.push_back({wa, wb, {}});
            raw_end = wa;
        }
        change& c = out.back();
        c.repl += detail::encode(std::u32string_view(text).substr(raw_end, a - raw_end));
        c.repl += detail::encode(repl);
        raw_end = b;
        c.b = std::max(c.b, wb);
    }
    if (!out.empty()) close();
    return out;
}

void tracked_editor::apply(paragraph_job& job, const std::vector<pugi::xml_node>& units,
                           const change& c, const wordml::names& ns) {
    const auto& segs = job.segments;
    if (segs.empty()) {
        pugi::xml_node ins = job.paragraph.append_child(ns.element("ins").c_str());
        add_ins(ins, {}, c.repl, ns);
        return;
    }
    if (c.a == c.b) {  // insertion: after the character before it, else before the first
        if (c.a > 0) {
            std::size_t i = detail::segment_at(segs, c.a - 1);
            std::uint32_t local = c.a - segs[i].begin;
            if (segs[i].is_text && local < segs[i].length) split_text(job.nodes[i], local);
            split_run_after(units[i], ns);
            detail::note_alternate(units[i], ns, alternates_);
            pugi::xml_node run = units[i].parent();
            pugi::xml_node ins = run.parent().insert_child_after(ns.element("ins").c_str(), run);
            add_ins(ins, child_named(run, "rPr", ns), c.repl, ns);
        } else {
            split_run_before(units[0], ns);
            detail::note_alternate(units[0], ns, alternates_);
            pugi::xml_node run = units[0].parent();
            pugi::xml_node ins = run.parent().insert_child_before(ns.element("ins").c_str(), run);
            add_ins(ins, child_named(run, "rPr", ns), c.repl, ns);
        }
        return;
    }
    std::size_t first = detail::segment_at(segs, c.a);
    std::size_t last = detail::segment_at(segs, c.b - 1);
    if (segs[last].is_text && c.b - segs[last].begin < segs[last].length)
        split_text(job.nodes[last], c.b - segs[last].begin);
    pugi::xml_node first_unit = units[first];
    if (segs[first].is_text && c.a > segs[first].begin)
        first_unit = split_text(job.nodes[first], c.a - segs[first].begin);
    pugi::xml_node last_unit = first == last ? first_unit : units[last];
    split_run_after(last_unit, ns);
    split_run_before(first_unit, ns);

    std::vector<pugi::xml_node> runs;
    auto add_run = [&](pugi::xml_node unit) {
        detail::note_alternate(unit, ns, alternates_);
        if (runs.empty() || runs.back() != unit.parent()) runs.push_back(unit.parent());
    };
    add_run(first_unit);
    for (std::size_t k = first + 1; k <= last; ++k) add_run(k == last ? last_unit : units[k]);

    pugi::xml_node first_del;
    for (pugi::xml_node run : runs) {
        pugi::xml_node del = run.parent().insert_child_before(ns.element("del").c_str(), run);
        mark(del, ns);
        del.append_move(run);
        to_deleted(run, ns);
        if (!first_del) first_del = del;
    }
    if (!c.repl.empty()) {
        pugi::xml_node ins =
            first_del.parent().insert_child_after(ns.element("ins").c_str(), first_del);
        add_ins(ins, child_named(runs.front(), "rPr", ns), c.repl, ns);
    }
}

// `t` keeps its first `chars` code points; a new w:t after it takes the rest and is returned.
pugi::xml_node tracked_editor::split_text(pugi::xml_node t, std::uint32_t chars) {
    std::string old = t.text().get();
    std::size_t cut = detail::byte_of(old, chars);
    pugi::xml_node tail = t.parent().insert_child_after(t.name(), t);
    tail.text().set(old.c_str() + cut);
    detail::preserve_space(tail);
    old.resize(cut);
    t.text().set(old.c_str());
    detail::preserve_space(t);
    return tail;
}

// A new empty run after `run` with the same attributes and a copy of its properties.
pugi::xml_node tracked_editor::clone_run_shell(pugi::xml_node run, const wordml::names& ns) {
    pugi::xml_node shell = run.parent().insert_child_after(run.name(), run);
    for (pugi::xml_attribute a : run.attributes())
        shell.append_attribute(a.name()).set_value(a.value());
    if (pugi::xml_node rpr = child_named(run, "rPr", ns)) renumber(shell.append_copy(rpr), ns);
    return shell;
}

// Moves whatever follows `unit` in its run into a new run just after it.
void tracked_editor::split_run_after(pugi::xml_node unit, const wordml::names& ns) {
    bool more = false;
    for (pugi::xml_node s = unit.next_sibling(); s && !more; s = s.next_sibling())
        more = s.type() == pugi::node_element;
    if (!more) return;
    pugi::xml_node shell = clone_run_shell(unit.parent(), ns);
    while (unit.next_sibling()) shell.append_move(unit.next_sibling());
}

// Moves `unit` and whatever follows it into a new run, unless only properties precede it.
void tracked_editor::split_run_before(pugi::xml_node unit, const wordml::names& ns) {
    bool content_before = false;
    for (pugi::xml_node s = unit.previous_sibling(); s && !content_before; s = s.previous_sibling())
        content_before = s.type() == pugi::node_element && ns.w_local(s) != "rPr";
    if (!content_before) return;
    pugi::xml_node shell = clone_run_shell(unit.parent(), ns);
    for (pugi::xml_node n = unit; n;) {
        pugi::xml_node next = n.next_sibling();
        shell.append_move(n);
        n = next;
    }
}

void tracked_editor::mark(pugi::xml_node revision, const wordml::names& ns) {
    revision.append_attribute(ns.attribute("id").c_str())
        .set_value(std::to_string(next_id_++).c_str());
    revision.append_attribute(ns.attribute("author").c_str()).set_value(options_.author.c_str());
    revision.append_attribute(ns.attribute("date").c_str()).set_value(options_.date.c_str());
}

// Copied properties may carry revision marks (w:rPrChange) whose ids must stay unique.
void tracked_editor::renumber(pugi::xml_node n, const wordml::names& ns) {
    auto one = [&](pugi::xml_node e) {
        if (pugi::xml_attribute id = ns.w_attr(e, "id"))
            id.set_value(std::to_string(next_id_++).c_str());
        return true;
    };
    one(n);
    wordml::for_each_element_below(n, one);
}

pugi::xml_node tracked_editor::add_ins(pugi::xml_node ins, pugi::xml_node rpr,
                                       std::string_view text, const wordml::names& ns) {
    mark(ins, ns);
    pugi::xml_node run = ins.append_child(ns.element("r").c_str());
    if (rpr) {
        pugi::xml_node copy = run.append_copy(rpr);
        if (pugi::xml_node change = child_named(copy, "rPrChange", ns)) copy.remove_child(change);
        renumber(copy, ns);
    }
    detail::append_run_text(run, text, ns);
    return ins;
}

void tracked_editor::to_deleted(pugi::xml_node n, const wordml::names& ns) {
    wordml::for_each_element_below(n, [&](pugi::xml_node c) {
        std::string_view local = ns.w_local(c);
        if (local == "t") {
            c.set_name(ns.element("delText").c_str());
            return false;
        }
        if (local == "instrText") {
            c.set_name(ns.element("delInstrText").c_str());
            return false;
        }
        return true;
    });
}

}  // namespace

result<std::string> write_tracked_docx(std::string_view docx, const docx_document& source,
                                       std::span<const text_edit> edits,
                                       const tracked_change_options& options, const stop_check& stop) {
    if (!is_rfc3339(options.date))
        return make_error(errc::invalid_argument, "the date is not RFC 3339", "date");
    if (options.author.empty())
        return make_error(errc::invalid_argument, "the author is empty", "author");
    tracked_editor editor(options);
    return detail::rewrite_docx(docx, source, edits, editor, stop);
}

}  // namespace galley::formats
