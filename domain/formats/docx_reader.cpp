#include "domain/formats/docx_reader.hpp"

#include <array>
#include <charconv>

#include "domain/formats/document_inspector.hpp"
#include "domain/formats/docx_parts.hpp"
#include "domain/formats/wordml.hpp"
#include "domain/utf8.hpp"

namespace galley::formats {

namespace {

bool is_one_of(std::string_view s, std::initializer_list<std::string_view> list) {
    for (std::string_view x : list)
        if (s == x) return true;
    return false;
}

// Walks one story part and appends its paragraphs and segments to `out`. The walk keeps its own
// stack instead of recursing, so no document can exhaust the thread's stack whatever its depth;
// it visits elements in document order, as a recursive descent would.
class story_reader {
public:
    story_reader(const wordml::names& ns, std::uint32_t part, docx_document& out,
                 std::array<std::uint32_t, 6>& counters)
        : ns_(ns), part_(part), out_(out), counters_(counters) {}

    /// Reads every paragraph under `container` (a body, header, note or comment) as `story`.
    void block(pugi::xml_node container, story_kind story) {
        story_ = story;
        stack_.clear();
        stack_.push_back({mode::block, container.first_child()});
        while (!stack_.empty()) {
            frame& top = stack_.back();
            const mode m = top.m;
            pugi::xml_node c = top.next;
            if (m == mode::paragraph_end) {
                stack_.pop_back();
                end_paragraph();
                continue;
            }
            if (!c) {
                stack_.pop_back();
                continue;
            }
            top.next = c.next_sibling();  // advance before visit() pushes and moves the stack
            if (c.type() == pugi::node_element) visit(m, c);
        }
    }

private:
    // What the children of an element are read as.
    enum class mode { block, inline_content, run, boxes, paragraph_end };
    struct frame {
        mode m;
        pugi::xml_node next;  // the next child to visit; for paragraph_end, unused
    };

    void descend(mode m, pugi::xml_node parent) { stack_.push_back({m, parent.first_child()}); }

    void visit(mode m, pugi::xml_node c) {
        std::string_view local = ns_.w_local(c);
        bool alternate = ns_.mc_local(c) == "AlternateContent";
        pugi::xml_node inner = alternate ? wordml::chosen_branch(ns_, c) : c;
        switch (m) {
            case mode::block:
                if (local == "p") {
                    begin_paragraph(c);
                } else if (!is_one_of(local, {"sectPr", "tblPr", "tblGrid", "trPr", "tcPr",
                                              "sdtPr", "sdtEndPr", "del", "moveFrom",
                                              "customXmlPr", "rPr"}) && inner) {
                    descend(mode::block, inner);  // tables, rows, cells, sdt, w:ins, boxes...
                }
                break;
            case mode::inline_content:
                if (local == "r") {
                    descend(mode::run, c);
                } else if (local == "txbxContent") {
                    boxes_.push_back(c);
                } else if (!is_one_of(local, {"p", "pPr", "rPr", "sdtPr", "sdtEndPr", "del",
                                              "moveFrom", "customXmlPr", "smartTagPr"}) && inner) {
                    descend(mode::inline_content, inner);  // hyperlink, smartTag, sdt, ins...
                }
                break;
            case mode::run:
                if (alternate) {
                    if (inner) descend(mode::run, inner);
                } else {
                    run_child(c, local);
                }
                break;
            case mode::boxes:
                if (local == "txbxContent")
                    boxes_.push_back(c);
                else if (inner)
                    descend(mode::boxes, inner);
                break;
            case mode::paragraph_end:
                break;
        }
    }

    void begin_paragraph(pugi::xml_node p) {
        auto s = static_cast<std::size_t>(story_);
        out_.text.paragraphs.push_back({story_, counters_[s]++, {}});
        paragraph_ = docx_paragraph_source{};
        paragraph_.part = part_;
        paragraph_.node = wordml::offset_of(p);
        paragraph_.first_segment = static_cast<std::uint32_t>(out_.map.segments.size());
        text_ = &out_.text.paragraphs.back().text;
        chars_ = 0;
        boxes_.clear();
        stack_.push_back({mode::paragraph_end, p});
        descend(mode::inline_content, p);
    }

    // Text boxes anchored in a paragraph are read after it, as paragraphs of the same story.
    void end_paragraph() {
        paragraph_.segment_count =
            static_cast<std::uint32_t>(out_.map.segments.size()) - paragraph_.first_segment;
        out_.map.paragraphs.push_back(paragraph_);
        text_ = nullptr;
        for (auto box = boxes_.rbegin(); box != boxes_.rend(); ++box) descend(mode::block, *box);
        boxes_.clear();
    }

    void run_child(pugi::xml_node c, std::string_view local) {
        if (local == "t") {
            add_text(c, c.text().get());
        } else if (local == "tab" || local == "ptab") {
            add_text(c, "\t");
        } else if (local == "br" || local == "cr") {
            add_text(c, "\n");
        } else if (local == "noBreakHyphen") {
            add_text(c, "-");
        } else if (local == "sym") {
            add_symbol(c);
        } else if (!is_one_of(local, {"rPr", "delText", "instrText", "delInstrText", "softHyphen",
                                      "fldChar"})) {
            descend(mode::boxes, c);  // drawings and pictures may hold text boxes
        }
    }

    void add_symbol(pugi::xml_node sym) {
        std::string_view hex = ns_.w_attr(sym, "char").value();
        unsigned value = 0;
        auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
        if (ec != std::errc{} || end != hex.data() + hex.size() || value == 0 || value > 0x10FFFF ||
            (value >= 0xD800 && value <= 0xDFFF))
            return;
        std::string s;
        utf8::append(s, static_cast<char32_t>(value));
        add_text(sym, s);
    }

    void add_text(pugi::xml_node node, std::string_view s) {
        if (s.empty() || !text_) return;
        auto n = static_cast<std::uint32_t>(utf8::count(s));
        bool is_text = ns_.w_local(node) == "t";
        out_.map.segments.push_back({wordml::offset_of(node), chars_, n, is_text});
        text_->append(s);
        chars_ += n;
    }

    const wordml::names& ns_;
    std::uint32_t part_;
    docx_document& out_;
    std::array<std::uint32_t, 6>& counters_;
    story_kind story_ = story_kind::body;
    std::vector<frame> stack_;
    docx_paragraph_source paragraph_;
    std::vector<pugi::xml_node> boxes_;
    std::string* text_ = nullptr;
    std::uint32_t chars_ = 0;
};

status read_part(pugi::xml_node root, const wordml::names& ns, story_kind story,
                 story_reader& reader) {
    if (story == story_kind::body) {
        for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling())
            if (ns.w_local(c) == "body") reader.block(c, story);
        return {};
    }
    if (story == story_kind::header || story == story_kind::footer) {
        reader.block(root, story);
        return {};
    }
    std::string_view item = story == story_kind::footnote  ? "footnote"
                            : story == story_kind::endnote ? "endnote"
                                                           : "comment";
    for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
        if (ns.w_local(c) != item) continue;
        std::string_view type = ns.w_attr(c, "type").value();
        if (!type.empty() && type != "normal") continue;  // separator notes
        reader.block(c, story);
    }
    return {};
}

}  // namespace

result<docx_document> read_docx(std::string_view bytes, const stop_check& stop) {
    auto inspected = inspect_document(bytes);
    if (!inspected) return inspected.err();
    return read_inspected_docx(bytes, *inspected, stop);
}

result<docx_document> read_inspected_docx(std::string_view bytes, const inspected_document& inspected,
                                          const stop_check& stop) {
    if (inspected.format != document_format::docx)
        return make_error(errc::unsupported_media, "the file is not a DOCX document");
    auto zip = zip_reader::open(bytes);
    if (!zip) return zip.err();
    docx_document out;
    std::array<std::uint32_t, 6> counters{};
    for (const story_part& part : list_story_parts(*zip, inspected.main_part)) {
        if (stop_now(stop)) return stopped();
        auto doc = parse_part(*zip, part.name);
        if (!doc) return doc.err();
        pugi::xml_node root = (*doc)->document_element();
        wordml::names ns(root);
        if (!ns.has_w()) {
            if (part.story == story_kind::body)
                return make_error(errc::unsupported_media,
                                  "the main part is not WordprocessingML: " + part.name);
            continue;
        }
        auto index = static_cast<std::uint32_t>(out.map.parts.size());
        out.map.parts.push_back(part.name);
        std::size_t first_paragraph = out.text.paragraphs.size();
        story_reader reader(ns, index, out, counters);
        if (auto s = read_part(root, ns, part.story, reader); !s) return s.err();
        for (std::size_t i = first_paragraph; i < out.text.paragraphs.size(); ++i)
            if (!utf8::is_valid(out.text.paragraphs[i].text))
                return make_error(errc::unsupported_media, "the document text is not valid UTF-8");
    }
    return out;
}

}  // namespace galley::formats
