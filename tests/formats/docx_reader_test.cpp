#include "domain/formats/docx_reader.hpp"
#include "domain/document_stats.hpp"
#include "domain/formats/document_inspector.hpp"

#include <gtest/gtest.h>
#include <zip.h>

#include "tests/formats/test_support.hpp"

namespace galley::formats {
namespace {

using namespace testing;

document_text read_ok(const std::string& bytes) {
    auto doc = read_docx(bytes);
    EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.err().message);
    return doc.ok() ? doc->text : document_text{};
}

document_text read_corpus(const std::string& name) {
    return read_ok(read_file(corpus_dir() + "/docx/" + name));
}

using strings = std::vector<std::string>;

TEST(docx_reader, runs_tables_and_special_characters) {
    auto text = read_ok(make_docx(
        "<w:p><w:r><w:t>Hel</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">lo "
        "</w:t><w:tab/><w:t>x</w:t><w:br/><w:t>y</w:t><w:noBreakHyphen/><w:softHyphen/>"
        "<w:sym w:font=\"Symbol\" w:char=\"03A9\"/></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>nested</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "</w:tc></w:tr></w:tbl><w:p/>"));
    EXPECT_EQ(story_texts(text, story_kind::body),
              (strings{"Hello \tx\ny-Ω", "cell", "nested", ""}));
    EXPECT_EQ(text.paragraphs[2].index, 2u);
}

TEST(docx_reader, hyperlinks_smart_tags_sdt_fields_and_revisions) {
    auto text = read_ok(make_docx(
        "<w:p><w:hyperlink r:id=\"x\" xmlns:r=\"r\"><w:r><w:t>link</w:t></w:r></w:hyperlink>"
        "<w:smartTag><w:smartTag><w:r><w:t> tag</w:t></w:r></w:smartTag></w:smartTag>"
        "<w:sdt><w:sdtPr><w:alias w:val=\"no\"/></w:sdtPr><w:sdtContent><w:r><w:t> sdt</w:t>"
        "</w:r></w:sdtContent></w:sdt>"
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText>"
        "</w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t> 7</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        "<w:fldSimple w:instr=\"DATE\"><w:r><w:t> today</w:t></w:r></w:fldSimple>"
        "<w:ins w:id=\"1\" w:author=\"a\"><w:r><w:t> in</w:t></w:r></w:ins>"
        "<w:del w:id=\"2\" w:author=\"a\"><w:r><w:delText> gone</w:delText></w:r></w:del>"
        "<w:moveFrom w:id=\"3\"><w:r><w:t> from</w:t></w:r></w:moveFrom>"
        "<w:moveTo w:id=\"4\"><w:r><w:t> to</w:t></w:r></w:moveTo></w:p>"
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>block sdt</w:t></w:r></w:p></w:sdtContent></w:sdt>"));
    EXPECT_EQ(story_texts(text, story_kind::body),
              (strings{"link tag sdt 7 today in to", "block sdt"}));
}

TEST(docx_reader, text_box_paragraphs_follow_their_anchor_and_are_read_once) {
    auto text = read_ok(make_docx(
        "<w:p><w:r><w:t>anchor</w:t><mc:AlternateContent><mc:Choice Requires=\"wps\">"
        "<w:drawing><x:box xmlns:x=\"x\"><w:txbxContent><w:p><w:r><w:t>in box</w:t></w:r></w:p>"
        "</w:txbxContent></x:box></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
        "<w:p><w:r><w:t>in box</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p><w:p><w:r><w:t>after</w:t></w:r></w:p>"));
    EXPECT_EQ(story_texts(text, story_kind::body), (strings{"anchor", "in box", "after"}));
}

TEST(docx_reader, stories_in_order_with_separator_notes_skipped) {
    std::string wrap_open = "<?xml version=\"1.0\"?>";
    auto part = [&](std::string root, std::string inner) {
        return wrap_open + "<w:" + root + " " + std::string(w_ns) + ">" + inner + "</w:" + root +
               ">";
    };
    auto p = [](std::string t) { return "<w:p><w:r><w:t>" + t + "</w:t></w:r></w:p>"; };
    auto text = read_ok(make_docx(
        p("body"),
        {{"footer", "word/footer1.xml", part("ftr", p("foot"))},
         {"header", "word/header1.xml", part("hdr", p("head 1"))},
         {"header", "word/header2.xml", part("hdr", p("head 2") + p("head 2b"))},
         {"footnotes", "word/footnotes.xml",
          part("footnotes", "<w:footnote w:type=\"separator\" w:id=\"-1\">" + p("---") +
                                "</w:footnote><w:footnote w:id=\"1\">" + p("note") +
                                "</w:footnote>")},
         {"endnotes", "word/endnotes.xml",
          part("endnotes", "<w:endnote w:type=\"continuationSeparator\" w:id=\"0\">" + p("--") +
                               "</w:endnote><w:endnote w:id=\"2\">" + p("end") + "</w:endnote>")},
         {"comments", "word/comments.xml",
          part("comments",
               "<w:comment w:id=\"0\" w:author=\"x\">" + p("remark") + "</w:comment>")}}));
    ASSERT_EQ(text.paragraphs.size(), 8u);
    EXPECT_EQ(story_texts(text, story_kind::body), strings{"body"});
    EXPECT_EQ(story_texts(text, story_kind::header), (strings{"head 1", "head 2", "head 2b"}));
    EXPECT_EQ(story_texts(text, story_kind::footer), strings{"foot"});
    EXPECT_EQ(story_texts(text, story_kind::footnote), strings{"note"});
    EXPECT_EQ(story_texts(text, story_kind::endnote), strings{"end"});
    EXPECT_EQ(story_texts(text, story_kind::comment), strings{"remark"});
    EXPECT_EQ(text.paragraphs[3].index, 2u);  // header paragraphs count across header parts
    EXPECT_EQ(text.paragraphs[4].story, story_kind::footer);
}

// The monthly budget counts every story the engine corrects, not the body alone.
TEST(docx_reader, the_budget_counts_every_story) {
    auto p = [](std::string t) { return "<w:p><w:r><w:t>" + t + "</w:t></w:r></w:p>"; };
    std::string bytes = make_docx(
        p("body text"),
        {{"header", "word/header1.xml", "<?xml version=\"1.0\"?><w:hdr " + std::string(w_ns) + ">" + p("a header") + "</w:hdr>"},
         {"footnotes", "word/footnotes.xml",
          "<?xml version=\"1.0\"?><w:footnotes " + std::string(w_ns) + "><w:footnote w:id=\"1\">" + p("a note") +
              "</w:footnote></w:footnotes>"}});
    auto inspected = galley::formats::inspect_document(bytes);
    ASSERT_TRUE(inspected.ok());
    auto stats = galley::measure_document(bytes, *inspected);
    EXPECT_EQ(stats.words, 2) << "the word count is the manuscript's body";
    EXPECT_EQ(stats.chars, 9 + 1 + 8 + 1 + 6 + 1) << "body, header and note, one break each";
    EXPECT_EQ(stats.chars, galley::budget_chars(read_ok(bytes)));
}

TEST(docx_reader, default_namespace_and_unusual_prefixes) {
    std::string xml =
        "<?xml version=\"1.0\"?><document xmlns=\"http://schemas.openxmlformats.org/"
        "wordprocessingml/2006/main\"><body><p><r><t>plain</t></r></p></body></document>";
    auto zip = make_zip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", xml}});
    EXPECT_EQ(story_texts(read_ok(zip), story_kind::body), strings{"plain"});
}

TEST(docx_reader, hostile_and_foreign_input_is_refused) {
    auto doctype = read_docx(make_docx("<w:p/>").replace(0, 0, ""));
    EXPECT_TRUE(doctype.ok());
    std::string evil = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><w:document " +
                       std::string(w_ns) + "><w:body/></w:document>";
    auto refused = read_docx(make_zip({{"word/document.xml", evil}}));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.err().code, errc::unsafe_input);
    auto text = read_docx("just some text");
    ASSERT_FALSE(text.ok());
    EXPECT_EQ(text.err().code, errc::unsupported_media);
    auto broken = read_docx(make_zip(
        {{"word/document.xml", "<w:document " + std::string(w_ns) + "><w:body><w:p></w:body>"}}));
    ASSERT_FALSE(broken.ok());
    EXPECT_EQ(broken.err().code, errc::unsupported_media);
}

// ---- corpus files with one feature each ----

TEST(docx_reader_corpus, strict_format) {
    EXPECT_EQ(story_texts(read_corpus("mammoth__strict-format.docx"), story_kind::body),
              strings{"Test"});
}

TEST(docx_reader_corpus, ns0_prefix) {
    EXPECT_EQ(story_texts(read_corpus("pandoc__ns0-reference.docx"), story_kind::body),
              strings{"ref"});
}

TEST(docx_reader_corpus, renamed_main_part) {
    auto text = read_corpus("docx2python__renamed_document_xml.docx");
    ASSERT_FALSE(text.paragraphs.empty());
    EXPECT_FALSE(text.paragraphs[0].text.empty());
}

// pandoc__alternate_document_path.docx (main part word/document2.xml) has gaps between its zip
// entries that zip_reader refuses; repacked without them, its content reads.
TEST(docx_reader_corpus, alternate_main_part_repacked) {
    std::string bytes = read_file(corpus_dir() + "/docx/pandoc__alternate_document_path.docx");
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
    ASSERT_NE(z, nullptr);
    std::vector<std::pair<std::string, std::string>> entries;
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
        zip_stat_t st;
        zip_stat_index(z, i, 0, &st);
        std::string data(st.size, '\0');
        zip_file_t* f = zip_fopen_index(z, i, 0);
        zip_fread(f, data.data(), data.size());
        zip_fclose(f);
        entries.push_back({st.name, data});
    }
    zip_discard(z);
    zip_error_fini(&err);
    auto text = read_ok(make_zip(entries));
    ASSERT_FALSE(text.paragraphs.empty());
    EXPECT_EQ(text.paragraphs[0].text, "Test");
}

TEST(docx_reader_corpus, footnotes_endnotes_comments_headers) {
    auto notes = read_corpus("pandoc__notes.docx");
    EXPECT_EQ(story_texts(notes, story_kind::footnote).size(), 1u);
    EXPECT_EQ(story_texts(notes, story_kind::endnote).size(), 1u);
    auto comments = read_corpus("mammoth__comments.docx");
    EXPECT_EQ(story_texts(comments, story_kind::comment).size(), 2u);
    auto headers = read_corpus("python-docx__doc-odd-even-hdrs.docx");
    EXPECT_EQ(story_texts(headers, story_kind::header).size(), 3u);
    EXPECT_EQ(story_texts(headers, story_kind::footer).size(), 3u);
    auto endnotes = read_corpus("mammoth__endnotes.docx");
    EXPECT_EQ(story_texts(endnotes, story_kind::endnote).size(), 2u);
}

TEST(docx_reader_corpus, sdt_in_footnote) {
    auto text = read_corpus("pandoc__sdt_in_footnote.docx");
    auto notes = story_texts(text, story_kind::footnote);
    ASSERT_FALSE(notes.empty());
    bool any = false;
    for (const auto& n : notes) any = any || !n.empty();
    EXPECT_TRUE(any);
}

TEST(docx_reader_corpus, field_instructions_are_not_text) {
    for (const char* name : {"pandoc__instrText_hyperlink.docx", "pandoc__nested_instrText.docx",
                             "pandoc__zotero_citations.docx", "docx4j__toc.docx"}) {
        for (const auto& p : read_corpus(name).paragraphs) {
            EXPECT_EQ(p.text.find("HYPERLINK"), std::string::npos) << name << ": " << p.text;
            EXPECT_EQ(p.text.find("ZOTERO_ITEM"), std::string::npos) << name << ": " << p.text;
            EXPECT_EQ(p.text.find("PAGEREF"), std::string::npos) << name << ": " << p.text;
        }
    }
}

TEST(docx_reader_corpus, tracked_changes_count_insertions_not_deletions) {
    auto move = story_texts(read_corpus("pandoc__track_changes_move.docx"), story_kind::body);
    EXPECT_EQ(std::count(move.begin(), move.end(), "Here is the text to be moved."), 1);
    auto del = read_corpus("pandoc__track_changes_deletion.docx");
    auto ins = read_corpus("pandoc__track_changes_insertion.docx");
    ASSERT_FALSE(del.paragraphs.empty());
    ASSERT_FALSE(ins.paragraphs.empty());
    EXPECT_EQ(del.paragraphs[0].text, "This is a text with a deletion.");
    EXPECT_EQ(ins.paragraphs[0].text, "This is a text with two exciting insertions.");
}

TEST(docx_reader_corpus, emoji_from_alternate_content_fallback) {
    auto text = read_corpus("wordextractor__bad-xml.docx");
    ASSERT_FALSE(text.paragraphs.empty());
    EXPECT_NE(text.paragraphs[0].text.find("😀"), std::string::npos) << text.paragraphs[0].text;
}

TEST(docx_reader_corpus, hyperlinks_and_text_boxes) {
    auto links = story_texts(read_corpus("python-docx__par-hlink-frags.docx"), story_kind::body);
    ASSERT_FALSE(links.empty());
    auto box = story_texts(read_corpus("mammoth__text-box.docx"), story_kind::body);
    EXPECT_EQ(std::count(box.begin(), box.end(), "Datum plane"), 1);
}

}  // namespace
}  // namespace galley::formats
