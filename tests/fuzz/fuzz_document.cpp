// libFuzzer target: any upload's bytes through the inspector and the readers, and, when they
// are accepted, through the writers with edits on every paragraph. Accepted input must never
// make a writer fail, and the corrected copy must read back as the edited text.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "domain/formats/docx_reader.hpp"
#include "domain/formats/docx_writer.hpp"
#include "domain/formats/document_inspector.hpp"
#include "domain/formats/txt_document.hpp"
#include "domain/utf8.hpp"

using namespace galley;

namespace {

// One replacement at the start of each paragraph of two or more code points, one insertion at
// the end of each other one: the shapes the engine's suggestions take.
std::vector<text_edit> edits_for(const document_text& text) {
    std::vector<text_edit> edits;
    for (const paragraph& p : text.paragraphs) {
        const auto length = static_cast<std::uint32_t>(utf8::count(p.text));
        if (length >= 2)
            edits.push_back({p.story, p.index, 0, 1, "Ñ"});
        else
            edits.push_back({p.story, p.index, length, 0, " ok"});
    }
    return edits;
}

// The text with `edits` applied, as a reader should find it in the corrected copy.
document_text edited(document_text text, const std::vector<text_edit>& edits) {
    for (std::size_t i = 0; i < edits.size(); ++i) {
        std::u32string t = utf8::decode(text.paragraphs[i].text);
        t.replace(edits[i].offset, edits[i].length, utf8::decode(edits[i].replacement));
        text.paragraphs[i].text = utf8::encode(t);
    }
    return text;
}

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_document: %s: %s\n", what, detail.c_str());
    std::abort();
}

void check_docx(std::string_view bytes) {
    auto docx = formats::read_docx(bytes);
    if (!docx) return;  // refused: fine, as long as nothing crashed
    const std::vector<text_edit> edits = edits_for(docx->text);
    auto corrected = formats::write_corrected_docx(bytes, *docx, edits);
    if (!corrected) fail("write_corrected_docx refused edits on accepted input", corrected.err().message);
    auto tracked = formats::write_tracked_docx(bytes, *docx, edits, {"galley", "2026-01-01T00:00:00Z"});
    if (!tracked) fail("write_tracked_docx refused edits on accepted input", tracked.err().message);
    auto reread = formats::read_docx(*corrected);
    if (!reread) fail("the corrected copy does not read back", reread.err().message);
    const document_text want = edited(docx->text, edits);
    if (reread->text.paragraphs.size() != want.paragraphs.size())
        fail("the corrected copy has another paragraph count", "");
    for (std::size_t i = 0; i < want.paragraphs.size(); ++i)
        if (reread->text.paragraphs[i].text != want.paragraphs[i].text)
            fail("a corrected paragraph reads back differently", want.paragraphs[i].text);
}

void check_txt(std::string_view bytes) {
    auto txt = formats::txt_document::parse(bytes);
    if (!txt) return;
    const std::vector<text_edit> edits = edits_for(txt->text());
    auto corrected = txt->apply_edits(bytes, edits);
    if (!corrected) fail("apply_edits refused edits on accepted text", corrected.err().message);
    if (!formats::txt_document::parse(*corrected))
        fail("the corrected text does not read back", "");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto inspected = formats::inspect_document(bytes);
    if (!inspected) return 0;
    if (inspected->format == formats::document_format::docx)
        check_docx(bytes);
    else
        check_txt(bytes);
    return 0;
}
