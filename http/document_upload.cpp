#include "http/document_upload.hpp"

#include <charconv>
#include <cstdio>

#include "domain/formats/document_inspector.hpp"
#include "domain/ids.hpp"
#include "domain/text_stats.hpp"
#include "domain/validation.hpp"
#include "domain/document_stats.hpp"
#include "http/multipart.hpp"

namespace galley::http {

status check_upload_size(const http_request& req, const plan& tier) {
    std::int64_t limit = tier.max_upload_bytes();
    if (limit == 0) return {};
    auto too_large = [&] {
        return make_error(errc::payload_too_large,
                          "the upload exceeds your plan's limit of " + std::to_string(tier.max_upload_mb) + " MB");
    };
    if (auto cl = req.header("content-length")) {
        std::int64_t declared = 0;
        auto [p, ec] = std::from_chars(cl->data(), cl->data() + cl->size(), declared);
        // Multipart framing adds a little; allow 64 KiB of it over the file limit.
        if (ec == std::errc() && declared > limit + 65'536) return too_large();
    }
    if (static_cast<std::int64_t>(req.body.size()) > limit + 65'536) return too_large();
    return {};
}

result<upload> extract_upload(const http_request& req) {
    upload up;
    auto ct = req.header("content-type");
    if (ct) {
        if (auto boundary = multipart_boundary(*ct)) {
            auto parts = parse_multipart(req.body, *boundary);
            if (!parts) return parts.err();
            for (const auto& part : *parts) {
                if (part.name != "file") continue;
                up.filename = sanitize_filename(part.filename.value_or(
                    std::string(req.query_param("filename").value_or("document"))));
                up.bytes = part.body;
                if (up.bytes.empty()) return make_error(errc::invalid_argument, "the file is empty", "file");
                return up;
            }
            return make_error(errc::invalid_argument, "the multipart body has no part named file", "file");
        }
    }
    up.filename = sanitize_filename(req.query_param("filename").value_or("document"));
    up.bytes = req.body;
    if (up.bytes.empty()) return make_error(errc::invalid_argument, "the file is empty", "file");
    return up;
}

result<document> store_document(service_context& ctx, const std::string& user_id,
                                const std::string& project_id, const upload& up, const plan& tier) {
    auto inspected = formats::inspect_document(up.bytes, formats::limits_for_upload(tier.max_upload_bytes()));
    if (!inspected) return inspected.err();
    // Scanned before it is stored: an infected file never reaches the blob store or a run.
    if (auto clean = ctx.scanner.scan(up.bytes); !clean) {
        if (clean.err().code == errc::unsafe_input)
            std::fprintf(stderr, "{\"level\":\"warn\",\"msg\":\"upload refused by the malware scanner\",\"user_id\":\"%s\",\"cause\":\"%s\"}\n",
                         user_id.c_str(), clean.err().message.c_str());
        return clean.err();
    }
    document d;
    d.id = new_uuid();
    d.project_id = project_id;
    d.user_id = user_id;
    d.filename = up.filename;
    d.format = std::string(formats::format_name(inspected->format));
    d.size = static_cast<std::int64_t>(up.bytes.size());
    d.created_at = now_micros();
    auto stats = measure_document(up.bytes, *inspected);
    d.word_count = stats.words;
    d.language = stats.language;
    d.char_count = stats.chars;
    auto sha = ctx.blobs.put(user_id, project_id, up.bytes);
    if (!sha) return sha.err();
    d.sha256 = *sha;
    // A refused row leaves its file to app/blob_collector: another upload may share it.
    if (auto s = ctx.documents.create(d, {tier.max_documents, tier.max_stored_bytes()}); !s) return s.err();
    return d;
}

std::string content_disposition(std::string_view filename) {
    std::string ascii, encoded;
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (unsigned char c : filename) {
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     c == '.' || c == '-' || c == '_';
        ascii += (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
        if (plain) {
            encoded += static_cast<char>(c);
        } else {
            encoded += '%';
            encoded += kHex[c >> 4];
            encoded += kHex[c & 15];
        }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace galley::http
