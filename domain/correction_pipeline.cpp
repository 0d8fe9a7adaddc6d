#include "domain/correction_pipeline.hpp"

#include <utility>

#include "domain/document_stats.hpp"
#include "domain/formats/docx_reader.hpp"
#include "domain/formats/docx_writer.hpp"
#include "domain/formats/txt_document.hpp"
#include "domain/sha256.hpp"

namespace galley {

namespace {

bool stop_requested(const correction_options& options) {
    return options.check.should_stop && options.check.should_stop();
}

// A writer refusing edits the engine produced is our bug, not the user's input.
error writer_failure(const char* what, const error& e) {
    return make_error(errc::internal, std::string(what) + ": " + e.message);
}

// Checks `text` and fills the report and the jsonl; false when stopped.
bool check_text(const engine& eng, const document_text& text, std::string_view bytes,
                const correction_options& options, correction_output& out) {
    check_result checked = eng.check_detailed(text, options.check);
    out.budget_chars = budget_chars(text);
    out.report.document_id = options.document_id;
    out.report.sha256 = sha256_hex(bytes);
    out.report.name = options.name;
    out.report.language = checked.language.language;
    out.report.suggestions = std::move(checked.suggestions);
    if (checked.stopped) {
        out.stopped = true;
        return false;
    }
    out.corrections_jsonl = corrections_jsonl(out.report, text);
    return !(out.stopped = stop_requested(options));
}

result<correction_output> correct_txt(const engine& eng, std::string_view bytes,
                                      const correction_options& options) {
    auto txt = formats::txt_document::parse(bytes);
    if (!txt) return txt.err();
    correction_output out;
    out.format = formats::document_format::txt;
    if (!check_text(eng, txt->text(), bytes, options, out)) return out;
    auto corrected = txt->apply_edits(bytes, edits_of(out.report.suggestions, options.min_confidence));
    if (!corrected) return writer_failure("corrected text", corrected.err());
    out.corrected = std::move(*corrected);
    return out;
}

// A reader or writer that failed because the check asked it to stop (formats/stop_check.hpp).
bool stopped_inside(const correction_options& options, correction_output& out) {
    return (out.stopped = stop_requested(options));
}

result<correction_output> correct_docx(const engine& eng, std::string_view bytes,
                                       const correction_options& options) {
    const formats::stop_check& stop = options.check.should_stop;
    correction_output out;
    out.format = formats::document_format::docx;
    auto docx = formats::read_docx(bytes, stop);
    if (!docx) {
        if (stopped_inside(options, out)) return out;
        return docx.err();
    }
    if (!check_text(eng, docx->text, bytes, options, out)) return out;
    const std::vector<text_edit> edits = edits_of(out.report.suggestions, options.min_confidence);
    auto corrected = formats::write_corrected_docx(bytes, *docx, edits, stop);
    if (!corrected) {
        if (stopped_inside(options, out)) return out;
        return writer_failure("corrected DOCX", corrected.err());
    }
    out.corrected = std::move(*corrected);
    if (!options.tracked) return out;
    if ((out.stopped = stop_requested(options))) return out;
    auto tracked = formats::write_tracked_docx(bytes, *docx, edits, {options.author, options.date}, stop);
    if (!tracked) {
        if (stopped_inside(options, out)) return out;
        if (tracked.err().field == "date" || tracked.err().field == "author") return tracked.err();
        return writer_failure("tracked DOCX", tracked.err());
    }
    out.tracked = std::move(*tracked);
    return out;
}

}  // namespace

result<correction_output> correct_document(const engine& eng, std::string_view bytes,
                                           const correction_options& options) {
    // Like read_document: a zip goes straight to read_docx, which runs the inspector itself.
    if (bytes.substr(0, 2) == "PK") return correct_docx(eng, bytes, options);
    auto inspected = formats::inspect_document(bytes);
    if (!inspected) return inspected.err();
    if (inspected->format != formats::document_format::txt)
        return make_error(errc::unsupported_media, "the file is neither DOCX nor text");
    return correct_txt(eng, bytes, options);
}

bool is_refusal(const error& e) {
    return e.code == errc::unsafe_input || e.code == errc::unsupported_media ||
           (e.code == errc::invalid_argument && e.field == "file");
}

}  // namespace galley
