#include "domain/formats/docx_text_ops.hpp"

#include <algorithm>

#include "domain/utf8.hpp"

namespace galley::formats::detail {

std::size_t byte_of(std::string_view s, std::size_t chars) {
    std::size_t i = 0;
    while (chars > 0 && i < s.size()) {
        ++i;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
        --chars;
    }
    return i;
}


std::size_t segment_at(std::span<const docx_segment> segments, std::uint32_t pos) {
    auto it = std::upper_bound(segments.begin(), segments.end(), pos,
                               [](std::uint32_t p, const docx_segment& s) { return p < s.begin; });
    return static_cast<std::size_t>(it - segments.begin()) - 1;
}

void trim_fixed_edges(std::span<const docx_segment> segments, std::u32string_view text,
                      std::uint32_t& a, std::uint32_t& b, std::u32string& repl) {
    while (a < b && !repl.empty() && !segments[segment_at(segments, a)].is_text &&
           repl.front() == text[a]) {
        ++a;
        repl.erase(0, 1);
    }
    while (a < b && !repl.empty() && !segments[segment_at(segments, b - 1)].is_text &&
           repl.back() == text[b - 1]) {
        --b;
        repl.pop_back();
    }
}

void preserve_space(pugi::xml_node t) {
    pugi::xml_attribute a = t.attribute("xml:space");
    if (!a) a = t.append_attribute("xml:space");
    a.set_value("preserve");
}

namespace {
void set_plain(pugi::xml_node t, std::string_view text) {
    t.text().set(std::string(text).c_str());
    preserve_space(t);
}

// Inserts after `after` the elements for `rest`, which starts with "\t" or "\n".
void insert_specials(pugi::xml_node after, std::string_view rest, const wordml::names& ns) {
    pugi::xml_node parent = after.parent();
    while (!rest.empty()) {
        char c = rest.front();
        rest.remove_prefix(1);
        after = parent.insert_child_after(ns.element(c == '\t' ? "tab" : "br").c_str(), after);
        std::size_t next = std::min(rest.find_first_of("\t\n"), rest.size());
        if (next > 0) {
            after = parent.insert_child_after(ns.element("t").c_str(), after);
            set_plain(after, rest.substr(0, next));
        }
        rest.remove_prefix(next);
    }
}
}  // namespace

void set_run_text(pugi::xml_node t, std::string_view text, const wordml::names& ns) {
    std::size_t cut = std::min(text.find_first_of("\t\n"), text.size());
    set_plain(t, text.substr(0, cut));
    if (cut < text.size()) insert_specials(t, text.substr(cut), ns);
}

void make_text_element(pugi::xml_node n, std::string_view text, const wordml::names& ns) {
    n.set_name(ns.element("t").c_str());
    while (n.first_attribute()) n.remove_attribute(n.first_attribute());
    while (n.first_child()) n.remove_child(n.first_child());
    set_run_text(n, text, ns);
}

void insert_text_after(pugi::xml_node anchor, std::string_view text, const wordml::names& ns) {
    pugi::xml_node t = anchor.parent().insert_child_after(ns.element("t").c_str(), anchor);
    set_run_text(t, text, ns);
}

void insert_text_before(pugi::xml_node anchor, std::string_view text, const wordml::names& ns) {
    pugi::xml_node t = anchor.parent().insert_child_before(ns.element("t").c_str(), anchor);
    set_run_text(t, text, ns);
}

void append_run_text(pugi::xml_node run, std::string_view text, const wordml::names& ns) {
    pugi::xml_node t = run.append_child(ns.element("t").c_str());
    set_run_text(t, text, ns);
}

void note_alternate(pugi::xml_node n, const wordml::names& ns, std::vector<pugi::xml_node>& out) {
    for (pugi::xml_node p = n.parent(); p; p = p.parent()) {
        if (ns.mc_local(p) == "Choice" && ns.mc_local(p.parent()) == "AlternateContent") {
            if (std::find(out.begin(), out.end(), p.parent()) == out.end())
                out.push_back(p.parent());
        }
    }
}

void drop_fallbacks(std::vector<pugi::xml_node>& alternates, const wordml::names& ns) {
    for (pugi::xml_node alt : alternates) {
        for (pugi::xml_node c = alt.first_child(); c;) {
            pugi::xml_node next = c.next_sibling();
            if (ns.mc_local(c) == "Fallback") alt.remove_child(c);
            c = next;
        }
    }
    alternates.clear();
}

}  // namespace galley::formats::detail
