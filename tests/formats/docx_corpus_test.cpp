// Every DOCX of the shared corpus: read (or refused for a stated reason), corrected and
// tracked with synthetic edits, then re-read.
#include <gtest/gtest.h>

#include <map>
#include <pugixml.hpp>

#include "domain/formats/docx_reader.hpp"
#include "domain/formats/docx_writer.hpp"
#include "domain/formats/read_document.hpp"
#include "tests/formats/test_support.hpp"

namespace galley::formats {
namespace {

using namespace testing;

// Corpus files the inspector or reader must refuse, with the error class. None today: the three
// packages with gaps between zip entries (docx4j__MERGEFIELD, docx4j__separator_missing,
// pandoc__alternate_document_path) are valid and read since zip_reader dropped ZIP_CHECKCONS.
const std::map<std::string, errc>& expected_refusals() {
    static const std::map<std::string, errc> refusals = {};
    return refusals;
}

class corpus_docx : public ::testing::TestWithParam<std::string> {};

TEST_P(corpus_docx, reads_corrects_and_tracks) {
    const std::string name = GetParam();
    const std::string bytes = read_file(corpus_dir() + "/docx/" + name);
    ASSERT_FALSE(bytes.empty());
    auto doc = read_docx(bytes);
    auto refusal = expected_refusals().find(name);
    if (refusal != expected_refusals().end()) {
        ASSERT_FALSE(doc.ok()) << name << " should be refused";
        EXPECT_EQ(doc.err().code, refusal->second) << doc.err().message;
        return;
    }
    ASSERT_TRUE(doc.ok()) << name << ": " << doc.err().message;
    ASSERT_EQ(doc->map.paragraphs.size(), doc->text.paragraphs.size());

    std::vector<text_edit> edits;
    std::vector<std::string> expected;
    for (const paragraph& p : doc->text.paragraphs) {
        auto e = synthetic_edits(p);
        expected.push_back(apply_on_text(p.text, e));
        edits.insert(edits.end(), e.begin(), e.end());
    }
    auto corrected = write_corrected_docx(bytes, *doc, edits);
    ASSERT_TRUE(corrected.ok()) << corrected.err().message;
    auto tracked = write_tracked_docx(bytes, *doc, edits, {"galley", "2024-05-01T12:00:00Z"});
    ASSERT_TRUE(tracked.ok()) << tracked.err().message;

    for (const std::string* out : {&*corrected, &*tracked}) {
        const char* kind = out == &*corrected ? "corrected" : "tracked";
        auto again = read_docx(*out);
        ASSERT_TRUE(again.ok()) << kind << ": " << again.err().message;
        ASSERT_EQ(again->text.paragraphs.size(), doc->text.paragraphs.size()) << kind;
        for (std::size_t i = 0; i < expected.size(); ++i)
            ASSERT_EQ(again->text.paragraphs[i].text, expected[i])
                << kind << " paragraph " << i << " (" << story_name(doc->text.paragraphs[i].story)
                << " " << doc->text.paragraphs[i].index << ")";
        // Same entries in the same order; untouched ones identical, rewritten ones well-formed.
        ASSERT_EQ(zip_names(*out), zip_names(bytes)) << kind;
        for (const std::string& entry : zip_names(bytes)) {
            std::string before = entry_bytes(bytes, entry), after = entry_bytes(*out, entry);
            if (before == after) continue;
            EXPECT_NE(std::find(doc->map.parts.begin(), doc->map.parts.end(), entry),
                      doc->map.parts.end())
                << kind << " changed a part that holds no edited text: " << entry;
            pugi::xml_document x;
            EXPECT_TRUE(x.load_buffer(after.data(), after.size())) << kind << " " << entry;
        }
    }
    // Rejecting every tracked change gives the original text back.
    auto rejected = read_docx(reject_all(*tracked, doc->map));
    ASSERT_TRUE(rejected.ok()) << rejected.err().message;
    ASSERT_EQ(rejected->text.paragraphs.size(), doc->text.paragraphs.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        ASSERT_EQ(rejected->text.paragraphs[i].text, doc->text.paragraphs[i].text) << i;
}

TEST_P(corpus_docx, read_document_dispatches_to_docx) {
    const std::string bytes = read_file(corpus_dir() + "/docx/" + GetParam());
    auto text = read_document(bytes);
    EXPECT_EQ(text.ok(), !expected_refusals().contains(GetParam()));
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
    std::string n = info.param.substr(0, info.param.size() - 5);
    for (char& c : n)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return n;
}

INSTANTIATE_TEST_SUITE_P(all, corpus_docx, ::testing::ValuesIn(corpus_docx_files()), test_name);

}  // namespace
}  // namespace galley::formats
