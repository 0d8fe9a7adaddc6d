#include "domain/formats/txt_document.hpp"

#include <gtest/gtest.h>

#include "domain/formats/read_document.hpp"
#include "domain/utf8.hpp"
#include "tests/formats/test_support.hpp"

namespace galley::formats {
namespace {

using namespace testing;

text_edit body_edit(std::uint32_t p, std::uint32_t off, std::uint32_t len, std::string r) {
    return {story_kind::body, p, off, len, std::move(r)};
}

std::string apply_ok(std::string_view bytes, std::vector<text_edit> edits) {
    auto out = apply_txt_edits(bytes, edits);
    EXPECT_TRUE(out.ok()) << (out.ok() ? "" : out.err().message);
    return out.ok() ? *out : std::string();
}

TEST(txt_document, paragraphs_are_blocks_of_lines_and_wraps_read_as_one_space) {
    auto doc =
        txt_document::parse("\xEF\xBB\xBF  First line \r\n  wraps here.\r\n \t \r\n\r\nSecond\n");
    ASSERT_TRUE(doc.ok());
    ASSERT_EQ(doc->text().paragraphs.size(), 2u);
    EXPECT_EQ(doc->text().paragraphs[0].text, "First line wraps here.");
    EXPECT_EQ(doc->text().paragraphs[1].text, "Second");
    EXPECT_EQ(doc->text().paragraphs[1].index, 1u);
    EXPECT_EQ(doc->text().paragraphs[1].story, story_kind::body);
}

TEST(txt_document, no_edits_gives_the_same_bytes) {
    std::string s = "\xEF\xBB\xBF  a  \r\n b\r\n\r\n\r\n   \n c \n";
    EXPECT_EQ(apply_ok(s, {}), s);
}

TEST(txt_document, edits_land_in_place_with_crlf_and_bom) {
    std::string s = "\xEF\xBB\xBFLa  casa\r\n   es   \r\n  roja.\r\n\r\nOtra vez\r\n";
    // paragraph 0 text: "La  casa es roja."
    auto out = apply_ok(
        s, {body_edit(0, 2, 2, " "), body_edit(0, 4, 4, "CASA"), body_edit(1, 5, 3, "día")});
    EXPECT_EQ(out, "\xEF\xBB\xBFLa CASA\r\n   es   \r\n  roja.\r\n\r\nOtra día\r\n");
}

TEST(txt_document, offsets_count_code_points) {
    std::string s = "¿Qué pasó?\n";
    EXPECT_EQ(apply_ok(s, {body_edit(0, 6, 3, "ASÓ")}), "¿Qué pASÓ?\n");
}

TEST(txt_document, edit_over_a_wrap_keeps_the_break_when_the_space_stays) {
    std::string s = "one two  \n  three four\n";  // text: "one two three four"
    EXPECT_EQ(apply_ok(s, {body_edit(0, 4, 9, "TWO THREE")}), "one TWO  \n  THREE four\n");
    EXPECT_EQ(apply_ok(s, {body_edit(0, 4, 9, "two, three")}), "one two,  \n  three four\n");
    // No space left: the lines are joined.
    EXPECT_EQ(apply_ok(s, {body_edit(0, 4, 9, "twothree")}), "one twothree four\n");
    // Only the break itself.
    EXPECT_EQ(apply_ok(s, {body_edit(0, 7, 1, "")}), "one twothree four\n");
    EXPECT_EQ(apply_ok(s, {body_edit(0, 7, 1, " ")}), s);
    // Insertions at either side of the break stay on their line.
    EXPECT_EQ(apply_ok(s, {body_edit(0, 7, 0, "!"), body_edit(0, 8, 0, "¡")}),
              "one two!  \n  ¡three four\n");
}

TEST(txt_document, two_breaks_in_one_edit) {
    std::string s = "a b\nc d\ne f\n";  // "a b c d e f"
    EXPECT_EQ(apply_ok(s, {body_edit(0, 2, 7, "B C D E")}), "a B\nC D\nE f\n");
    EXPECT_EQ(apply_ok(s, {body_edit(0, 2, 7, "X Y")}), "a X\nY f\n");
}

TEST(txt_document, rejects_overlapping_and_out_of_range_edits) {
    std::string s = "hello world\n";
    auto overlap = apply_txt_edits(
        s, std::vector<text_edit>{body_edit(0, 0, 5, "x"), body_edit(0, 4, 2, "y")});
    ASSERT_FALSE(overlap.ok());
    EXPECT_EQ(overlap.err().code, errc::invalid_argument);
    auto past = apply_txt_edits(s, std::vector<text_edit>{body_edit(0, 10, 5, "x")});
    ASSERT_FALSE(past.ok());
    EXPECT_EQ(past.err().code, errc::invalid_argument);
    auto missing = apply_txt_edits(s, std::vector<text_edit>{body_edit(3, 0, 1, "x")});
    EXPECT_FALSE(missing.ok());
    auto header = apply_txt_edits(s, std::vector<text_edit>{{story_kind::header, 0, 0, 1, "x"}});
    EXPECT_FALSE(header.ok());
}

TEST(txt_document, invalid_utf8_is_refused) {
    auto doc = txt_document::parse("caf\xE9\n");
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.err().code, errc::unsupported_media);
}

// La Regenta's first paragraphs, each joined onto one line (blank-line blocks, lines joined).
std::vector<std::string> regenta_paragraphs(std::size_t n) {
    auto doc = txt_document::parse(read_file(corpus_dir() + "/text/es__la_regenta.txt"));
    std::vector<std::string> out;
    for (const auto& p : doc->text().paragraphs) {
        if (out.size() == n) break;
        out.push_back(p.text);
    }
    return out;
}

// `file` reads as exactly `paragraphs` and is written back byte for byte.
void expect_read_as(const std::string& file, const std::vector<std::string>& paragraphs) {
    auto doc = txt_document::parse(file);
    ASSERT_TRUE(doc.ok());
    ASSERT_EQ(doc->text().paragraphs.size(), paragraphs.size());
    for (std::size_t i = 0; i < paragraphs.size(); ++i)
        EXPECT_EQ(doc->text().paragraphs[i].text, paragraphs[i]) << i;
    EXPECT_EQ(apply_ok(file, {}), file);
}

TEST(txt_document, editors_one_paragraph_per_line_is_read_line_by_line) {
    auto paragraphs = regenta_paragraphs(300);
    std::string file;
    for (const auto& p : paragraphs) file += p + "\r\n";
    expect_read_as(file, paragraphs);
    EXPECT_EQ(apply_ok(file, {body_edit(1, 0, 1, "X")}).substr(file.find('\n') + 1, 1), "X");
}

TEST(txt_document, hard_wrapped_text_without_blank_lines_starts_paragraphs_at_indents) {
    auto paragraphs = regenta_paragraphs(300);
    std::string file;
    for (const auto& p : paragraphs) {
        // Wrap at 70 columns (by words), the first line indented.
        std::string line = "    ";
        std::size_t start = 0;
        while (start < p.size()) {
            std::size_t space = p.find(' ', start);
            std::string word = p.substr(start, space == std::string::npos ? std::string::npos : space - start);
            if (line.size() > 4 && utf8::count(line) + 1 + utf8::count(word) > 70) {
                file += line + "\n";
                line.clear();
            }
            line += (line.empty() || line == "    " ? "" : " ") + word;
            start = space == std::string::npos ? p.size() : space + 1;
        }
        file += line + "\n";
    }
    expect_read_as(file, paragraphs);
}

class novel : public ::testing::TestWithParam<std::string> {};

TEST_P(novel, round_trips_byte_exact) {
    std::string bytes = read_file(corpus_dir() + "/text/" + GetParam());
    ASSERT_FALSE(bytes.empty());
    auto doc = txt_document::parse(bytes);
    ASSERT_TRUE(doc.ok());
    ASSERT_GT(doc->text().paragraphs.size(), 100u);
    EXPECT_EQ(apply_ok(bytes, {}), bytes);
    auto via_dispatch = read_document(bytes);
    ASSERT_TRUE(via_dispatch.ok());
    EXPECT_EQ(via_dispatch->paragraphs.size(), doc->text().paragraphs.size());

    // Synthetic edits everywhere; re-reading gives exactly the expected paragraphs.
    std::vector<text_edit> edits;
    std::vector<std::string> expected;
    for (const paragraph& p : doc->text().paragraphs) {
        auto e = synthetic_edits(p);
        for (text_edit& x : e)  // boundary edits keep a space, so wrapped lines stay wrapped
            if (x.replacement == "<#>") x.replacement = "< >";
        expected.push_back(apply_on_text(p.text, e));
        edits.insert(edits.end(), e.begin(), e.end());
    }
    std::string out = apply_ok(bytes, edits);
    auto again = txt_document::parse(out);
    ASSERT_TRUE(again.ok());
    ASSERT_EQ(again->text().paragraphs.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        ASSERT_EQ(again->text().paragraphs[i].text, expected[i]) << i;
    // Line structure survives: same number of line ends of the same kind.
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'),
              std::count(bytes.begin(), bytes.end(), '\n'));
    EXPECT_EQ(std::count(out.begin(), out.end(), '\r'),
              std::count(bytes.begin(), bytes.end(), '\r'));
}

INSTANTIATE_TEST_SUITE_P(corpus, novel,
                         ::testing::Values("en__frankenstein.txt", "en__pride_and_prejudice.txt",
                                           "es__don_quijote_parte1.txt", "es__la_regenta.txt"),
                         [](const auto& info) {
                             std::string n = info.param.substr(0, info.param.size() - 4);
                             for (char& c : n)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return n;
                         });

}  // namespace
}  // namespace galley::formats
