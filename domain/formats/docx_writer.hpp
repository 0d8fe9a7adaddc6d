#pragma once
// Writes corrections back into a DOCX package (DESIGN.md, Artefacts). Both writers take the
// package bytes, the docx_document that read_docx produced from those same bytes, and edits on
// its text (any order; validated by plan_edits). Only the parts holding edited paragraphs are
// re-serialised; every other zip entry is copied byte for byte, in its original order.
//
// Where an edit lands: the replacement goes into the first w:t the edit covers (keeping that
// run's formatting) and the rest of the covered text is removed from the following elements;
// an insertion joins the text just before it (or, at a paragraph start, just after it).
// Covered one-character elements (w:tab, w:br, w:sym, w:noBreakHyphen) are removed, unless an
// unchanged one sits at the edit's edge, which is left alone. "\t" and "\n" in a replacement
// become w:tab and w:br. Edited w:t get xml:space="preserve". When edited text sits in the
// mc:Choice of an mc:AlternateContent (text boxes), the stale mc:Fallback copy is dropped.
#include <span>
#include <string>
#include <string_view>

#include "domain/formats/docx_map.hpp"
#include "domain/formats/stop_check.hpp"
#include "domain/result.hpp"
#include "domain/text_model.hpp"

namespace galley::formats {

/// The corrected document: `edits` applied as plain text changes. Fails with invalid_argument
/// for bad edits (plan_edits) or a `source` that does not belong to `docx`. Both writers poll
/// `stop` between parts and edited paragraphs (stop_check.hpp).
result<std::string> write_corrected_docx(std::string_view docx, const docx_document& source,
                                         std::span<const text_edit> edits, const stop_check& stop = {});

struct tracked_change_options {
    std::string author = "galley";
    std::string date;  // RFC 3339, e.g. 2024-05-01T12:00:00Z
};

/// The same edits as Word tracked changes: each covered run is split at the edit's edges and
/// wrapped in w:del (its w:t turned into w:delText), followed by a w:ins run carrying the first
/// covered run's properties. Accepting every change gives write_corrected_docx's text;
/// rejecting every change gives the original. w:id values start above every id already in the
/// story parts. Edges that fall inside an indivisible element (text in mc:AlternateContent)
/// widen the change to the whole element. Fails like write_corrected_docx, and with
/// invalid_argument (field `date`) when options.date is not RFC 3339.
result<std::string> write_tracked_docx(std::string_view docx, const docx_document& source,
                                       std::span<const text_edit> edits,
                                       const tracked_change_options& options, const stop_check& stop = {});

}  // namespace galley::formats
