#include "http/multipart.hpp"

#include <algorithm>
#include <cctype>

#include "domain/utf8.hpp"

namespace galley::http {

namespace {
std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// The value of `param` in a header like: form-data; name="file"; filename="a.docx".
std::optional<std::string> header_param(std::string_view header, std::string_view param) {
    std::string lh = utf8::ascii_lower(header);
    std::string key = std::string(param) + "=";
    std::size_t pos = 0;
    while ((pos = lh.find(key, pos)) != std::string::npos) {
        bool at_boundary = pos == 0 || lh[pos - 1] == ';' || lh[pos - 1] == ' ' || lh[pos - 1] == '\t';
        if (!at_boundary) { pos += key.size(); continue; }
        std::size_t v = pos + key.size();
        if (v < header.size() && header[v] == '"') {
            std::string out;
            for (std::size_t i = v + 1; i < header.size(); ++i) {
                if (header[i] == '\\' && i + 1 < header.size()) { out += header[++i]; continue; }
                if (header[i] == '"') return out;
                out += header[i];
            }
            return std::nullopt;
        }
        std::size_t end = header.find(';', v);
        return std::string(trim(header.substr(v, end == std::string_view::npos ? end : end - v)));
    }
    return std::nullopt;
}
}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
    std::string lt = utf8::ascii_lower(content_type);
    if (lt.rfind("multipart/form-data", 0) != 0) return std::nullopt;
    auto b = header_param(content_type, "boundary");
    if (!b || b->empty() || b->size() > 200) return std::nullopt;
    return b;
}

result<std::vector<form_part>> parse_multipart(std::string_view body, std::string_view boundary) {
    auto bad = [](const char* why) { return make_error(errc::bad_request, why); };
    const std::string delimiter = "--" + std::string(boundary);
    std::size_t pos = body.find(delimiter);
    if (pos == std::string_view::npos) return bad("the multipart body has no boundary");
    std::vector<form_part> parts;
    while (true) {
        pos += delimiter.size();
        if (body.substr(pos, 2) == "--") return parts;  // closing delimiter
        if (body.substr(pos, 2) != "\r\n") return bad("malformed multipart delimiter");
        pos += 2;
        std::size_t headers_end = body.find("\r\n\r\n", pos);
        if (headers_end == std::string_view::npos) return bad("a multipart part has no header end");
        form_part part;
        std::string_view headers = body.substr(pos, headers_end - pos);
        std::size_t line_start = 0;
        while (line_start <= headers.size()) {
            std::size_t line_end = headers.find("\r\n", line_start);
            if (line_end == std::string_view::npos) line_end = headers.size();
            std::string_view line = headers.substr(line_start, line_end - line_start);
            auto colon = line.find(':');
            if (colon != std::string_view::npos) {
                std::string name = utf8::ascii_lower(trim(line.substr(0, colon)));
                std::string_view value = trim(line.substr(colon + 1));
                if (name == "content-disposition") {
                    part.name = header_param(value, "name").value_or("");
                    part.filename = header_param(value, "filename");
                } else if (name == "content-type") {
                    part.content_type = std::string(value);
                }
            }
            line_start = line_end + 2;
        }
        std::size_t data_start = headers_end + 4;
        std::size_t next = body.find("\r\n" + delimiter, data_start);
        if (next == std::string_view::npos) return bad("the multipart body is not closed");
        part.body = body.substr(data_start, next - data_start);
        parts.push_back(std::move(part));
        if (parts.size() > 64) return bad("too many multipart parts");
        pos = next + 2;
    }
}

}  // namespace galley::http
