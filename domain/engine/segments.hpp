#pragma once
// Where the engine cuts a paragraph too long to check as one piece. Rules see one segment at a
// time, so memory stays bounded by the segment, not the paragraph: a one-line 8 MB TXT is
// checked in pieces of at most `max_bytes`. Cuts fall after a sentence end when one exists in
// the second half of the window, else after a space, else at a code-point boundary.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace galley::engine_detail {

/// Paragraphs up to this size are one segment; longer ones are cut into pieces this size or less.
inline constexpr std::size_t max_segment_bytes = 32 * 1024;

struct segment {
    std::size_t begin = 0;          // bytes into the paragraph's UTF-8 text, [begin, end)
    std::size_t end = 0;
    std::uint32_t code_points = 0;  // code points before `begin`: the offset of its findings
};

/// The segments of `utf8_text` (valid UTF-8) in order; they cover it exactly. One segment
/// (possibly empty) when it fits in `max_bytes`.
std::vector<segment> cut_segments(std::string_view utf8_text,
                                  std::size_t max_bytes = max_segment_bytes);

}  // namespace galley::engine_detail
