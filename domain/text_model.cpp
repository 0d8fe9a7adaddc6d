#include "domain/text_model.hpp"

#include <array>

namespace galley {

namespace {
constexpr std::array<std::string_view, 6> kStoryNames = {"body",     "header",  "footer",
                                                         "footnote", "endnote", "comment"};
}

std::string_view story_name(story_kind s) { return kStoryNames[static_cast<std::size_t>(s)]; }

std::optional<story_kind> parse_story(std::string_view s) {
    for (std::size_t i = 0; i < kStoryNames.size(); ++i)
        if (kStoryNames[i] == s) return static_cast<story_kind>(i);
    return std::nullopt;
}

}  // namespace galley
