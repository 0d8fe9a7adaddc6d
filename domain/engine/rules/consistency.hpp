#pragma once
// Document-wide consistency: straight and typographic quotes mixed; Spanish dialogue opened
// with em dashes in some paragraphs and hyphens in others. One note each, on the first place of
// the minority style. The document is seen one segment at a time (segments.hpp), so no more than
// one segment's view is alive at once.
#include <cstddef>
#include <cstdint>

#include "domain/engine/paragraph_view.hpp"
#include "domain/engine/rule_context.hpp"

namespace galley::engine_detail {

class consistency_scan {
public:
    /// Segment number `index` (counting over the whole document, in order); `opens_paragraph`:
    /// it is the first segment of its paragraph, where dialogue opens.
    void see(std::size_t index, const paragraph_view& segment, bool opens_paragraph);
    /// After every segment was seen: emits the notes that fall in segment `index`.
    void emit_into(std::size_t index, rule_context& cx) const;

private:
    struct first_seen {
        std::size_t count = 0;
        std::size_t segment = 0;
        std::uint32_t offset = 0;
        void see(std::size_t at_segment, std::uint32_t at) {
            if (count++ == 0) {
                segment = at_segment;
                offset = at;
            }
        }
    };
    static void note_minority(std::size_t index, rule_context& cx, const char* rule,
                              const first_seen& a, const first_seen& b, const char* es,
                              const char* en);

    first_seen straight_, typographic_, em_dialogue_, hyphen_dialogue_;
};

}  // namespace galley::engine_detail
