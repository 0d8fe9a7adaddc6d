#pragma once
// Suggestions as stored for review (API.md, Suggestions and review): the engine's suggestion with
// its stable id, its context and the editor's decision, plus the filters and decisions the review
// endpoints take. Plain values and validation only.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/engine/suggestion.hpp"
#include "domain/result.hpp"

namespace galley {

enum class review_state : std::uint8_t { pending, accepted, rejected };

/// API.md spelling: "pending", "accepted", "rejected".
std::string_view review_state_name(review_state s);
std::optional<review_state> parse_review_state(std::string_view s);

struct suggestion_context {
    std::string text;          // the paragraph, or a window of it (corrections_jsonl)
    std::uint32_t offset = 0;  // code points into `text` where the suggestion starts
};

struct suggestion_record {
    std::string id;  // suggestion_id(): 32 lower-case hex digits
    std::string run_id;
    std::string document_id;
    suggestion s;
    suggestion_context context;
    review_state state = review_state::pending;
    std::optional<std::string> edited_replacement;  // accepted with an edited text
};

/// What an accepted record puts in place of its original: the edited text, else the suggested
/// replacement; nullopt for a note accepted without an edit (it changes nothing).
std::optional<std::string> final_replacement(const suggestion_record& r);

/// True for 32 lower-case hex digits (the shape suggestion_id() produces).
bool is_suggestion_id(std::string_view s);

/// The filters of GET /suggestions and POST /reviews/bulk; unset fields match everything.
struct suggestion_filter {
    std::optional<std::string> document_id;
    std::optional<category> cat;
    std::optional<std::string> rule_id;
    std::optional<double> confidence_min;
    std::optional<review_state> state;
};

/// One entry of POST /reviews. `replacement` only with accepted (an edited text).
struct review_decision {
    std::string suggestion_id;
    review_state decision = review_state::pending;
    std::optional<std::string> replacement;
};

/// An edited replacement: valid UTF-8, at most 1000 code points, no control characters other
/// than tab and newline. invalid_argument naming `field` otherwise.
status validate_replacement(std::string_view text, const std::string& field);

/// A rule id as the catalogue spells them: 1..100 of [A-Za-z0-9_.-]. For filters.
bool is_rule_id_shape(std::string_view s);

}  // namespace galley
