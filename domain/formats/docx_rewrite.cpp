#include "domain/formats/docx_rewrite.hpp"

#include <zip.h>

#include <algorithm>
#include <deque>
#include <map>
#include <memory>

#include "domain/formats/docx_parts.hpp"

namespace galley::formats::detail {

namespace {

struct string_sink : pugi::xml_writer {
    std::string out;
    void write(const void* data, std::size_t size) override {
        out.append(static_cast<const char*>(data), size);
    }
};

// Serialises `doc` the way the original part was stored: same encoding, BOM kept.
std::string serialise(const pugi::xml_document& doc, std::string_view original) {
    unsigned flags = pugi::format_raw;
    pugi::xml_encoding encoding = pugi::encoding_utf8;
    if (original.substr(0, 2) == "\xFF\xFE") {
        encoding = pugi::encoding_utf16_le;
        flags |= pugi::format_write_bom;
    } else if (original.substr(0, 2) == "\xFE\xFF") {
        encoding = pugi::encoding_utf16_be;
        flags |= pugi::format_write_bom;
    } else if (original.substr(0, 3) == "\xEF\xBB\xBF") {
        flags |= pugi::format_write_bom;
    }
    string_sink sink;
    doc.save(sink, "", flags, encoding);
    return std::move(sink.out);
}

error mismatch() {
    return make_error(errc::invalid_argument, "the map does not belong to this document", "map");
}

// Edits one part in place; returns its new bytes.
result<std::string> edit_part(const zip_reader& zip, const docx_document& source,
                              std::uint32_t part, std::span<const located_edit> edits,
                              paragraph_editor& editor, const stop_check& stop) {
    const std::string& name = source.map.parts[part];
    const zip_entry* entry = zip.find(name);
    if (!entry) return mismatch();
    auto raw = zip.read(*entry, max_part_bytes);
    if (!raw) return raw.err();
    pugi::xml_document doc;
    if (!doc.load_buffer(raw->data(), raw->size(), wordml::parse_flags, pugi::encoding_auto))
        return mismatch();
    wordml::names ns(doc.document_element());

    std::vector<paragraph_job> jobs;
    std::vector<std::uint32_t> wanted;
    for (std::size_t i = 0; i < edits.size();) {
        std::size_t j = i;
        while (j < edits.size() && edits[j].paragraph == edits[i].paragraph) ++j;
        const docx_paragraph_source& src = source.map.paragraphs[edits[i].paragraph];
        paragraph_job job;
        job.segments = std::span<const docx_segment>(source.map.segments)
                           .subspan(src.first_segment, src.segment_count);
        job.text = source.text.paragraphs[edits[i].paragraph].text;
        job.edits.assign(edits.begin() + i, edits.begin() + j);
        wanted.push_back(src.node);
        for (const docx_segment& s : job.segments) wanted.push_back(s.node);
        jobs.push_back(std::move(job));
        i = j;
    }
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::vector<pugi::xml_node> found = wordml::find_by_offsets(doc, wanted);
    auto lookup = [&](std::uint32_t offset) {
        auto it = std::lower_bound(wanted.begin(), wanted.end(), offset);
        return found[static_cast<std::size_t>(it - wanted.begin())];
    };
    for (std::size_t k = 0; k < jobs.size(); ++k) {
        paragraph_job& job = jobs[k];
        job.paragraph = lookup(source.map.paragraphs[job.edits.front().paragraph].node);
        if (!job.paragraph || ns.w_local(job.paragraph) != "p") return mismatch();
        job.nodes.reserve(job.segments.size());
        for (const docx_segment& s : job.segments) {
            pugi::xml_node n = lookup(s.node);
            if (!n) return mismatch();
            job.nodes.push_back(n);
        }
    }
    editor.begin_part(doc, ns);
    constexpr std::size_t kPollEvery = 64;  // edited paragraphs between two looks at `stop`
    for (std::size_t k = 0; k < jobs.size(); ++k) {
        if (k % kPollEvery == kPollEvery - 1 && stop_now(stop)) return stopped();
        if (auto s = editor.edit(jobs[k], ns); !s) return s.err();
    }
    return serialise(doc, *raw);
}

// Builds the new package: `replaced` entries get new bytes, all others are copied raw.
result<std::string> rebuild_zip(std::string_view docx,
                                const std::map<std::string, std::string>& replaced) {
    zip_error_t zerr;
    zip_error_init(&zerr);
    zip_source_t* in_src = zip_source_buffer_create(docx.data(), docx.size(), 0, &zerr);
    zip_t* in = in_src ? zip_open_from_source(in_src, ZIP_RDONLY, &zerr) : nullptr;
    if (!in) {
        if (in_src) zip_source_free(in_src);
        zip_error_fini(&zerr);
        return make_error(errc::unsupported_media, "the file is not a readable zip archive");
    }
    zip_source_t* out_src = zip_source_buffer_create(nullptr, 0, 0, &zerr);
    zip_source_keep(out_src);
    zip_t* out = zip_open_from_source(out_src, ZIP_TRUNCATE, &zerr);
    zip_error_fini(&zerr);
    auto fail = [&](const char* what) {
        if (out) zip_discard(out);
        zip_source_free(out_src);
        zip_discard(in);
        return make_error(errc::internal, std::string("cannot write the DOCX package: ") + what);
    };
    if (!out) return fail("open");
    zip_int64_t n = zip_get_num_entries(in, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(in, static_cast<zip_uint64_t>(i), 0, &st) != 0) return fail("stat");
        auto it = replaced.find(st.name);
        zip_source_t* src = it == replaced.end()
                                ? zip_source_zip(out, in, static_cast<zip_uint64_t>(i), 0, 0, -1)
                                : zip_source_buffer(out, it->second.data(), it->second.size(), 0);
        if (!src) return fail("source");
        zip_int64_t idx = zip_file_add(out, st.name, src, 0);
        if (idx < 0) {
            zip_source_free(src);
            return fail("add");
        }
        if (it != replaced.end()) {
            zip_set_file_compression(out, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 0);
            if (st.valid & ZIP_STAT_MTIME)
                zip_file_set_mtime(out, static_cast<zip_uint64_t>(idx), st.mtime, 0);
        }
    }
    if (zip_close(out) != 0) {
        std::string why = zip_strerror(out);
        zip_discard(out);
        out = nullptr;
        return fail(why.c_str());
    }
    out = nullptr;
    std::string bytes;
    if (zip_source_open(out_src) == 0) {
        zip_source_seek(out_src, 0, SEEK_END);
        zip_int64_t size = zip_source_tell(out_src);
        zip_source_seek(out_src, 0, SEEK_SET);
        if (size > 0) {
            bytes.resize(static_cast<std::size_t>(size));
            zip_int64_t got = zip_source_read(out_src, bytes.data(), bytes.size());
            if (got != size) bytes.clear();
        }
        zip_source_close(out_src);
    }
    zip_source_free(out_src);
    zip_discard(in);
    if (bytes.empty()) return make_error(errc::internal, "cannot write the DOCX package");
    return bytes;
}

}  // namespace

result<std::string> rewrite_docx(std::string_view docx, const docx_document& source,
                                 std::span<const text_edit> edits, paragraph_editor& editor,
                                 const stop_check& stop) {
    if (source.map.paragraphs.size() != source.text.paragraphs.size()) return mismatch();
    auto plan = plan_edits(source.text, edits);
    if (!plan) return plan.err();
    auto zip = zip_reader::open(docx);
    if (!zip) return zip.err();
    if (auto s = editor.begin(*zip, source.map); !s) return s.err();

    // Group edits by part (the plan is sorted by paragraph, and paragraphs of one part are
    // contiguous), keeping them in paragraph order inside each part.
    std::map<std::uint32_t, std::vector<located_edit>> by_part;
    for (const located_edit& e : *plan)
        by_part[source.map.paragraphs[e.paragraph].part].push_back(e);
    std::map<std::string, std::string> replaced;
    for (auto& [part, part_edits] : by_part) {
        if (part >= source.map.parts.size()) return mismatch();
        if (stop_now(stop)) return stopped();
        auto bytes = edit_part(*zip, source, part, part_edits, editor, stop);
        if (!bytes) return bytes.err();
        replaced.emplace(source.map.parts[part], std::move(*bytes));
    }
    if (stop_now(stop)) return stopped();
    return rebuild_zip(docx, replaced);
}

}  // namespace galley::formats::detail
