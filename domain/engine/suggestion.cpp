#include "domain/engine/suggestion.hpp"

#include <botan/hash.h>
#include <botan/hex.h>

#include <array>

namespace galley {

namespace {

constexpr std::array<std::string_view, 5> kNames = {"spelling", "typography", "punctuation",
                                                    "grammar", "style"};

// Length-prefixed field: "<decimal length>:<bytes>;" can never be confused with a neighbour.
void add_field(Botan::HashFunction& h, std::string_view field) {
    std::string prefix = std::to_string(field.size()) + ":";
    h.update(prefix);
    h.update(reinterpret_cast<const std::uint8_t*>(field.data()), field.size());
    h.update(";");
}

}  // namespace

std::string_view category_name(category c) { return kNames[static_cast<std::size_t>(c)]; }

std::optional<category> parse_category(std::string_view s) {
    for (std::size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i] == s) return static_cast<category>(i);
    return std::nullopt;
}

std::string suggestion_id(std::string_view document_id, std::string_view document_sha256,
                          const suggestion& s) {
    auto h = Botan::HashFunction::create_or_throw("SHA-256");
    add_field(*h, "galley-suggestion-v1");
    add_field(*h, document_id);
    add_field(*h, document_sha256);
    add_field(*h, story_name(s.story));
    add_field(*h, std::to_string(s.paragraph));
    add_field(*h, std::to_string(s.offset));
    add_field(*h, s.original);
    // A note (no replacement) and an empty replacement (a deletion) must differ.
    add_field(*h, s.replacement ? "r" : "n");
    add_field(*h, s.replacement ? *s.replacement : std::string_view{});
    add_field(*h, s.rule_id);
    return Botan::hex_encode(h->final(), false).substr(0, 32);
}

}  // namespace galley
