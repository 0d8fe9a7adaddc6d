#pragma once
// The per-document correction pipeline shared by `galley correct` and the corrector actors:
// original bytes in; suggestions, corrections.jsonl, the corrected document and (DOCX) the
// tracked-changes copy out (DESIGN.md, Artefacts of a run). Pure: no I/O, no clock, no globals.
//
// Steps: inspect (refuse hostile or unsupported bytes) → read the text (TXT or DOCX) →
// engine::check_detailed → corrections_jsonl → write the corrected bytes → write the tracked
// DOCX. options.check.should_stop is polled between paragraphs by the engine, between the
// steps, and inside the DOCX reader and writers between story parts and every 64 edited
// paragraphs, so a cancel is seen within one paragraph's or one part's parse time.
#include <string>
#include <string_view>

#include "domain/engine/artefacts.hpp"
#include "domain/engine/engine.hpp"
#include "domain/formats/document_inspector.hpp"
#include "domain/result.hpp"

namespace galley {

struct correction_options {
    std::string document_id;        // part of every suggestion id (API.md); stable per document
    std::string name;               // the filename people see (report, changelog, summary)
    check_options check;            // language, variant, rules, dictionary, should_stop
    bool tracked = true;            // also build the tracked-changes DOCX (ignored for TXT)
    double min_confidence = 0.0;    // replacements below it stay suggestions, not applied
    std::string author = "galley";  // of the tracked changes
    std::string date;               // of the tracked changes, RFC 3339 (e.g. ...T12:00:00Z)
};

struct correction_output {
    formats::document_format format = formats::document_format::txt;
    bool stopped = false;    // should_stop() said true: every field below is partial or empty
    document_report report;  // id, sha256 of the bytes, name, language, suggestions
    std::int64_t budget_chars = 0;  // what the budget is charged: every story the engine read
    std::string corrections_jsonl;  // one line per suggestion, API.md fields minus run_id/state
    std::string corrected;          // every replacement applied; same format as the input
    std::string tracked;            // DOCX with every replacement as w:ins/w:del; empty for TXT
                                    // or when options.tracked is false
};

/// Corrects one document. `bytes` is the whole original file; the result owns copies of
/// everything it returns. On success with `stopped == false` every artefact is complete and
/// consistent: `corrected` equals the text of accepting every change in `tracked`, and TXT bytes
/// outside the suggestions' spans are unchanged. When should_stop returns true the function
/// returns early with `stopped == true` (nothing there may be stored).
/// Failures (nothing is partially returned):
/// - refusals, from inspect_document/readers: errc::unsafe_input (macros, encryption, zip bomb,
///   DOCTYPE/entities, path traversal), errc::unsupported_media (not DOCX/UTF-8 text, broken
///   XML), errc::invalid_argument with field `file` (empty input);
/// - errc::invalid_argument with field `date` (or `author`) when a tracked copy is wanted and
///   options.date is not RFC 3339 (or the author is empty): found only after the engine ran;
/// - errc::internal when a writer refuses the engine's own edits (a bug; report it).
/// Thread safety: re-entrant; `eng` may be shared by concurrent calls (see engine.hpp). CPU-bound
/// and blocking for as long as the engine runs (about a second per 100 000 words): call it from a
/// thread that may block (a detached actor), never from an I/O thread. Does not throw by
/// design; an exception (std::bad_alloc, a bug) propagates and counts as a crashed attempt.
result<correction_output> correct_document(const engine& eng, std::string_view bytes,
                                           const correction_options& options);

/// True for the error classes that mean "this input is refused" rather than "we failed":
/// unsafe_input, unsupported_media, and invalid_argument on field `file`.
bool is_refusal(const error& e);

}  // namespace galley
