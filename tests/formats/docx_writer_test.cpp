#include "domain/formats/docx_writer.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <pugixml.hpp>
#include <set>

#include "domain/formats/docx_reader.hpp"
#include "domain/formats/zip_reader.hpp"
#include "tests/formats/test_support.hpp"

namespace galley::formats {
namespace {

using namespace testing;

const tracked_change_options kTracked{"galley", "2024-05-01T12:00:00Z"};

text_edit body_edit(std::uint32_t p, std::uint32_t off, std::uint32_t len, std::string r) {
    return {story_kind::body, p, off, len, std::move(r)};
}

struct written {
    std::string corrected, tracked;
    std::string corrected_xml, tracked_xml;  // word/document.xml
    document_text corrected_text, tracked_text, rejected_text;
};

written write_both(const std::string& docx, const std::vector<text_edit>& edits,
                   const std::string& part = "word/document.xml") {
    written w;
    auto doc = read_docx(docx);
    EXPECT_TRUE(doc.ok());
    if (!doc.ok()) return w;
    auto c = write_corrected_docx(docx, *doc, edits);
    auto t = write_tracked_docx(docx, *doc, edits, kTracked);
    EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.err().message);
    EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.err().message);
    if (!c.ok() || !t.ok()) return w;
    w.corrected = *c;
    w.tracked = *t;
    w.corrected_xml = entry_bytes(*c, part);
    w.tracked_xml = entry_bytes(*t, part);
    w.corrected_text = read_docx(*c)->text;
    w.tracked_text = read_docx(*t)->text;
    w.rejected_text = read_docx(reject_all(*t, doc->map))->text;
    return w;
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto i = s.find(what); i != std::string::npos; i = s.find(what, i + 1)) ++n;
    return n;
}

TEST(docx_writer, edit_spanning_two_runs_keeps_the_first_runs_formatting) {
    std::string docx = make_docx(
        "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Hel</w:t></w:r>"
        "<w:r><w:rPr><w:i/></w:rPr><w:t>lo world</w:t></w:r></w:p>");
    auto w = write_both(docx, {body_edit(0, 1, 5, "ELLO-")});
    EXPECT_EQ(w.corrected_text.paragraphs[0].text, "HELLO-world");
    EXPECT_NE(w.corrected_xml.find("<w:b/></w:rPr><w:t xml:space=\"preserve\">HELLO-</w:t>"),
              std::string::npos)
        << w.corrected_xml;
    EXPECT_NE(w.corrected_xml.find("<w:i/></w:rPr><w:t xml:space=\"preserve\">world</w:t>"),
              std::string::npos)
        << w.corrected_xml;

    EXPECT_EQ(w.tracked_text.paragraphs[0].text, "HELLO-world");
    EXPECT_EQ(w.rejected_text.paragraphs[0].text, "Hello world");
    EXPECT_EQ(count(w.tracked_xml, "<w:del "), 2u) << w.tracked_xml;
    EXPECT_EQ(count(w.tracked_xml, "<w:ins "), 1u);
    EXPECT_NE(w.tracked_xml.find("<w:b/></w:rPr><w:delText xml:space=\"preserve\">el</w:delText>"),
              std::string::npos)
        << w.tracked_xml;
    EXPECT_NE(w.tracked_xml.find("<w:i/></w:rPr><w:delText xml:space=\"preserve\">lo "
                                 "</w:delText>"),
              std::string::npos);
    EXPECT_NE(w.tracked_xml.find("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">ELLO-"),
              std::string::npos);
    EXPECT_NE(w.tracked_xml.find("w:author=\"galley\" w:date=\"2024-05-01T12:00:00Z\""),
              std::string::npos);
}

TEST(docx_writer, tracked_ids_are_unique_and_above_existing_ones) {
    std::string docx = make_docx(
        "<w:p><w:bookmarkStart w:id=\"41\" w:name=\"b\"/><w:r><w:t>one two three</w:t></w:r>"
        "<w:bookmarkEnd w:id=\"41\"/></w:p>");
    auto w = write_both(
        docx, {body_edit(0, 0, 3, "1"), body_edit(0, 4, 3, "2"), body_edit(0, 13, 0, "!")});
    EXPECT_EQ(w.tracked_text.paragraphs[0].text, "1 2 three!");
    EXPECT_EQ(w.rejected_text.paragraphs[0].text, "one two three");
    pugi::xml_document x;
    ASSERT_TRUE(x.load_string(w.tracked_xml.c_str()));
    std::set<int> ids;
    std::size_t revisions = 0;
    for (const auto& n : x.select_nodes("//w:ins | //w:del")) {
        ++revisions;
        int id = n.node().attribute("w:id").as_int();
        EXPECT_GT(id, 41);
        ids.insert(id);
    }
    EXPECT_EQ(revisions, 5u);
    EXPECT_EQ(ids.size(), revisions);
}

TEST(docx_writer, insertions_deletions_and_one_character_elements) {
    std::string docx = make_docx("<w:p><w:r><w:t>a b</w:t><w:tab/><w:t>c</w:t></w:r></w:p>");
    // "a b\tc": delete " b", replace the tab by a space, insert at the start.
    auto w = write_both(docx,
                        {body_edit(0, 0, 0, "<"), body_edit(0, 1, 2, ""), body_edit(0, 3, 1, " ")});
    EXPECT_EQ(w.corrected_text.paragraphs[0].text, "<a c");
    EXPECT_EQ(w.tracked_text.paragraphs[0].text, "<a c");
    EXPECT_EQ(w.rejected_text.paragraphs[0].text, "a b\tc");
    EXPECT_EQ(w.corrected_xml.find("<w:tab"), std::string::npos) << w.corrected_xml;
    // An unchanged tab at an edit's edge stays a tab.
    auto kept = write_both(docx, {body_edit(0, 2, 2, "B\t")});
    EXPECT_EQ(kept.corrected_text.paragraphs[0].text, "a B\tc");
    EXPECT_NE(kept.corrected_xml.find("<w:tab/>"), std::string::npos);
    // A tab in a replacement becomes w:tab.
    auto tab = write_both(docx, {body_edit(0, 1, 1, "\t")});
    EXPECT_EQ(tab.corrected_text.paragraphs[0].text, "a\tb\tc");
    EXPECT_EQ(tab.tracked_text.paragraphs[0].text, "a\tb\tc");
}

TEST(docx_writer, empty_paragraph_gets_a_run) {
    auto w = write_both(make_docx("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr></w:p>"),
                        {body_edit(0, 0, 0, "new")});
    EXPECT_EQ(w.corrected_text.paragraphs[0].text, "new");
    EXPECT_EQ(w.tracked_text.paragraphs[0].text, "new");
    EXPECT_EQ(w.rejected_text.paragraphs[0].text, "");
}

TEST(docx_writer, hyperlinks_fields_and_existing_revisions_keep_their_structure) {
    std::string docx = make_docx(
        "<w:p><w:r><w:t xml:space=\"preserve\">see </w:t></w:r><w:hyperlink w:anchor=\"x\">"
        "<w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr><w:t>teh link</w:t></w:r>"
        "</w:hyperlink><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE"
        "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>7</w:t>"
        "</w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:ins w:id=\"3\" w:author=\"x\">"
        "<w:r><w:t xml:space=\"preserve\"> addd</w:t></w:r></w:ins></w:p>");
    // "see teh link7 addd"
    auto w = write_both(docx, {body_edit(0, 4, 3, "the"), body_edit(0, 14, 4, "add")});
    EXPECT_EQ(w.corrected_text.paragraphs[0].text, "see the link7 add");
    EXPECT_EQ(w.tracked_text.paragraphs[0].text, "see the link7 add");
    EXPECT_EQ(w.rejected_text.paragraphs[0].text, "see teh link7 addd");
    EXPECT_NE(w.corrected_xml.find("<w:hyperlink w:anchor=\"x\"><w:r><w:rPr><w:rStyle "
                                   "w:val=\"Hyperlink\"/></w:rPr><w:t xml:space=\"preserve\">the "
                                   "link</w:t></w:r></w:hyperlink>"),
              std::string::npos)
        << w.corrected_xml;
    EXPECT_NE(w.corrected_xml.find("<w:instrText>PAGE</w:instrText>"), std::string::npos);
    EXPECT_NE(w.corrected_xml.find("<w:ins w:id=\"3\" w:author=\"x\">"), std::string::npos);
    // Tracked: the revision sits inside the hyperlink, the old insertion keeps its wrapper.
    auto link = w.tracked_xml.find("<w:hyperlink");
    auto link_end = w.tracked_xml.find("</w:hyperlink>");
    auto del = w.tracked_xml.find("<w:del ");
    EXPECT_TRUE(link < del && del < link_end) << w.tracked_xml;
    auto theirs = w.tracked_xml.find("<w:ins w:id=\"3\" w:author=\"x\">");
    auto ours = w.tracked_xml.find("<w:del ", theirs);
    EXPECT_TRUE(theirs != std::string::npos && ours < w.tracked_xml.find("</w:p>"))
        << w.tracked_xml;
}

TEST(docx_writer, text_box_edit_drops_the_stale_fallback) {
    std::string docx = make_docx(
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
        "<w:txbxContent><w:p><w:r><w:t>in box</w:t></w:r></w:p></w:txbxContent></w:drawing>"
        "</mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>in box</w:t></w:r>"
        "</w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>");
    auto w = write_both(docx, {body_edit(1, 0, 2, "IN")});
    EXPECT_EQ(w.corrected_text.paragraphs[1].text, "IN box");
    EXPECT_EQ(w.tracked_text.paragraphs[1].text, "IN box");
    EXPECT_EQ(w.corrected_xml.find("Fallback"), std::string::npos);
    EXPECT_EQ(w.tracked_xml.find("Fallback"), std::string::npos);
}

TEST(docx_writer, edits_in_headers_footnotes_and_comments) {
    auto part = [](std::string root, std::string inner) {
        return "<w:" + root + " " + std::string(w_ns) + ">" + inner + "</w:" + root + ">";
    };
    auto p = [](std::string t) { return "<w:p><w:r><w:t>" + t + "</w:t></w:r></w:p>"; };
    std::string docx = make_docx(
        p("body"), {{"header", "word/header1.xml", part("hdr", p("head"))},
                    {"footnotes", "word/footnotes.xml",
                     part("footnotes", "<w:footnote w:id=\"1\">" + p("note") + "</w:footnote>")},
                    {"comments", "word/comments.xml",
                     part("comments", "<w:comment w:id=\"0\">" + p("remark") + "</w:comment>")}});
    std::vector<text_edit> edits{{story_kind::header, 0, 0, 1, "H"},
                                 {story_kind::footnote, 0, 0, 1, "N"},
                                 {story_kind::comment, 0, 0, 1, "R"}};
    auto w = write_both(docx, edits);
    EXPECT_EQ(story_texts(w.corrected_text, story_kind::header), std::vector<std::string>{"Head"});
    EXPECT_EQ(story_texts(w.tracked_text, story_kind::footnote), std::vector<std::string>{"Note"});
    EXPECT_EQ(story_texts(w.tracked_text, story_kind::comment), std::vector<std::string>{"Remark"});
    EXPECT_EQ(entry_bytes(w.corrected, "word/document.xml"),
              entry_bytes(docx, "word/document.xml"));
}

TEST(docx_writer, uses_the_documents_own_prefix) {
    std::string docx = read_file(corpus_dir() + "/docx/pandoc__ns0-reference.docx");
    auto w = write_both(docx, {body_edit(0, 0, 3, "Ref")});
    EXPECT_EQ(w.tracked_text.paragraphs[0].text, "Ref");
    EXPECT_NE(w.tracked_xml.find("<ns0:del ns0:id="), std::string::npos) << w.tracked_xml;
    EXPECT_NE(w.tracked_xml.find("<ns0:delText"), std::string::npos);
    EXPECT_EQ(w.tracked_xml.find("<w:"), std::string::npos);
    auto strict = write_both(read_file(corpus_dir() + "/docx/mammoth__strict-format.docx"),
                             {body_edit(0, 0, 4, "Best")});
    EXPECT_EQ(strict.tracked_text.paragraphs[0].text, "Best");
    EXPECT_EQ(strict.rejected_text.paragraphs[0].text, "Test");
}

TEST(docx_writer, untouched_entries_are_copied_raw_and_declarations_kept) {
    std::string docx = read_file(corpus_dir() + "/docx/mammoth__utf8-bom.docx");
    auto doc = read_docx(docx);
    ASSERT_TRUE(doc.ok());
    ASSERT_FALSE(doc->text.paragraphs.empty());
    auto out = write_corrected_docx(docx, *doc, std::vector<text_edit>{body_edit(0, 0, 1, "X")});
    ASSERT_TRUE(out.ok());
    auto before = zip_reader::open(docx);
    auto after = zip_reader::open(*out);
    ASSERT_EQ(before->entries().size(), after->entries().size());
    for (std::size_t i = 0; i < before->entries().size(); ++i) {
        const auto& b = before->entries()[i];
        const auto& a = after->entries()[i];
        EXPECT_EQ(a.name, b.name);
        if (b.name != "word/document.xml") {
            EXPECT_EQ(a.compressed_size, b.compressed_size) << b.name;
        }
    }
    std::string xml = entry_bytes(*out, "word/document.xml");
    EXPECT_EQ(xml.substr(0, 9), "\xEF\xBB\xBF<?xml ");
}

TEST(docx_writer, bad_edits_and_dates_are_refused) {
    std::string docx = make_docx("<w:p><w:r><w:t>abc</w:t></w:r></w:p>");
    auto doc = read_docx(docx);
    ASSERT_TRUE(doc.ok());
    auto overlap = write_corrected_docx(
        docx, *doc, std::vector<text_edit>{body_edit(0, 0, 2, "x"), body_edit(0, 1, 1, "y")});
    ASSERT_FALSE(overlap.ok());
    EXPECT_EQ(overlap.err().code, errc::invalid_argument);
    auto date = write_tracked_docx(docx, *doc, std::vector<text_edit>{body_edit(0, 0, 1, "x")},
                                   {"galley", "yesterday"});
    ASSERT_FALSE(date.ok());
    EXPECT_EQ(date.err().field, "date");
    auto other = write_corrected_docx(make_docx("<w:p/><w:p/>"), *doc,
                                      std::vector<text_edit>{body_edit(0, 0, 1, "x")});
    EXPECT_FALSE(other.ok());
}

// A 300-page manuscript (~90 000 words in 3 000 paragraphs of 3 runs each) is read, corrected
// and tracked well under the budget. Timings are printed; the bound is loose on purpose.
TEST(docx_writer, large_document_is_fast) {
    const char* vocabulary[] = {"lorem",       "ipsum",      "dolor",      "sit",    "amet",
                                "consectetur", "adipiscing", "elit",       "sed",    "do",
                                "eiusmod",     "tempor",     "incididunt", "ut",     "labore",
                                "et",          "dolore",     "magna",      "aliqua", "enim",
                                "ad",          "minim",      "veniam",     "quis",   "nostrud"};
    std::uint32_t seed = 12345;
    auto words = [&](int n) {
        std::string s;
        for (int i = 0; i < n; ++i) {
            seed = seed * 1103515245u + 12345u;
            s += vocabulary[(seed >> 16) % 25];
            s += ' ';
        }
        return s;
    };
    std::string body;
    for (int i = 0; i < 3000; ++i)
        body += "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" + words(8) +
                "</w:t></w:r><w:r><w:t xml:space=\"preserve\">" + words(14) +
                "</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>" + words(8) + "end.</w:t></w:r></w:p>";
    std::string docx = make_docx(body);
    auto t0 = std::chrono::steady_clock::now();
    auto doc = read_docx(docx);
    ASSERT_TRUE(doc.ok());
    auto t1 = std::chrono::steady_clock::now();
    std::vector<text_edit> edits;
    for (const paragraph& p : doc->text.paragraphs) {
        auto e = synthetic_edits(p);
        edits.insert(edits.end(), e.begin(), e.end());
    }
    auto corrected = write_corrected_docx(docx, *doc, edits);
    auto t2 = std::chrono::steady_clock::now();
    auto tracked = write_tracked_docx(docx, *doc, edits, kTracked);
    auto t3 = std::chrono::steady_clock::now();
    ASSERT_TRUE(corrected.ok());
    ASSERT_TRUE(tracked.ok());
    auto ms = [](auto a, auto b) {
        return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count();
    };
    std::printf("90k words, %zu edits: read %lld ms, corrected %lld ms, tracked %lld ms\n",
                edits.size(), static_cast<long long>(ms(t0, t1)),
                static_cast<long long>(ms(t1, t2)), static_cast<long long>(ms(t2, t3)));
    EXPECT_LT(ms(t0, t3), 5000);
}

}  // namespace
}  // namespace galley::formats

namespace galley::formats {
namespace {
using namespace testing;

// A cancel reaches inside reading and writing: the reader looks before each story part, the
// writers before each part they rewrite and every 64 edited paragraphs, and each gives up with
// stopped() as soon as the check says so.
TEST(docx_writer, a_stop_request_is_seen_inside_reading_and_writing) {
    std::string body;
    for (int i = 0; i < 200; ++i) body += "<w:p><w:r><w:t>Linea " + std::to_string(i) + " con texto.</w:t></w:r></w:p>";
    const std::string docx = make_docx(body, {{"header", "word/header1.xml",
                                               std::string("<w:hdr ") + std::string(w_ns) +
                                                   "><w:p><w:r><w:t>Cabecera</w:t></w:r></w:p></w:hdr>"}});
    int looks = 0;
    stop_check counting = [&] { return ++looks, false; };
    auto doc = read_docx(docx, counting);
    ASSERT_TRUE(doc.ok()) << doc.err().message;
    EXPECT_EQ(looks, 2) << "one look per story part (body, header)";
    stop_check after_first = [n = 0]() mutable { return ++n > 1; };
    auto cut = read_docx(docx, after_first);
    ASSERT_FALSE(cut.ok());
    EXPECT_EQ(cut.err().message, stopped().message);

    std::vector<text_edit> edits;
    for (const paragraph& p : doc->text.paragraphs) {
        auto e = synthetic_edits(p);
        edits.insert(edits.end(), e.begin(), e.end());
    }
    looks = 0;
    ASSERT_TRUE(write_corrected_docx(docx, *doc, edits, counting).ok());
    // Two parts (a look before each), three looks among the body's 200 paragraphs, one before
    // the package is rebuilt.
    EXPECT_EQ(looks, 6);
    stop_check inside_body = [n = 0]() mutable { return ++n > 2; };  // a look among the paragraphs
    auto corrected = write_corrected_docx(docx, *doc, edits, inside_body);
    ASSERT_FALSE(corrected.ok());
    EXPECT_EQ(corrected.err().message, stopped().message);
    stop_check at_once = [] { return true; };
    auto tracked = write_tracked_docx(docx, *doc, edits, kTracked, at_once);
    ASSERT_FALSE(tracked.ok());
    EXPECT_EQ(tracked.err().message, stopped().message);
}

}  // namespace
}  // namespace galley::formats
