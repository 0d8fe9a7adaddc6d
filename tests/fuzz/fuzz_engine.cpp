// libFuzzer target: the engine on arbitrary text. The input is made valid UTF-8 (invalid
// sequences become U+FFFD, as no reader would pass them), cut into paragraphs at line breaks,
// and checked in Spanish or English (the first byte chooses). Every suggestion must lie inside
// its paragraph and quote it exactly.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "domain/engine/engine.hpp"
#include "domain/utf8.hpp"

using namespace galley;

namespace {

std::unique_ptr<engine> shared;

std::string valid_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    std::size_t i = 0;
    while (i < bytes.size()) {
        std::size_t n = 1;
        while (n <= 4 && i + n <= bytes.size() && !utf8::is_valid(bytes.substr(i, n))) ++n;
        if (n <= 4 && i + n <= bytes.size()) {
            out.append(bytes.substr(i, n));
            i += n;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    auto e = engine::load();
    if (!e) {
        std::fprintf(stderr, "fuzz_engine: %s\n", e.err().message.c_str());
        std::abort();
    }
    shared = std::make_unique<engine>(std::move(*e));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string text = valid_utf8(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
    document_text doc;
    std::size_t begin = 0;
    for (std::size_t end; begin <= text.size(); begin = end + 1) {
        end = text.find('\n', begin);
        if (end == std::string::npos) end = text.size();
        doc.paragraphs.push_back({story_kind::body, static_cast<std::uint32_t>(doc.paragraphs.size()),
                                  text.substr(begin, end - begin)});
    }
    check_options options;
    options.language = data[0] % 2 ? "es" : "en";
    for (const suggestion& s : shared->check(doc, options)) {
        const std::u32string para = utf8::decode(doc.paragraphs.at(s.paragraph).text);
        if (s.offset + s.length > para.size() ||
            utf8::encode(para.substr(s.offset, s.length)) != s.original) {
            std::fprintf(stderr, "fuzz_engine: %s quotes outside its paragraph\n", s.rule_id.c_str());
            std::abort();
        }
    }
    return 0;
}
