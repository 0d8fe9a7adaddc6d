#pragma once
// Cancellation inside the DOCX reader and writers: the caller's check is polled between story
// parts and every few dozen edited paragraphs, so a cancelled attempt does not first finish
// parsing or re-serialising a large document. When it says stop, the function fails with
// `stopped()` (errc::unavailable), which the caller, knowing it asked, reads as a stop.
#include <functional>

#include "domain/result.hpp"

namespace galley::formats {

using stop_check = std::function<bool()>;

inline bool stop_now(const stop_check& stop) { return stop && stop(); }

inline error stopped() { return make_error(errc::unavailable, "stopped on request"); }

}  // namespace galley::formats
