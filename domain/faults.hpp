#pragma once
// Fault injection for tests and benchmarks (DESIGN.md, Fault injection): GALLEY_FAULTS holds
// comma-separated faults, empty in production.
//   throw_on=SUBSTR:N  the corrector throws on its first N attempts at documents whose filename
//                      contains SUBSTR (N=99: always)
//   slow_ms=SUBSTR:MS  correcting such a document takes at least MS milliseconds, spread over its
//                      paragraphs and still honouring cancel
//   crash_on=SUBSTR:N  the whole process aborts while correcting such a document on its first N
//                      attempts (N=99: always) — a poison document as the queue meets it
//   slow_commit=SUBSTR:MS  storing the outcome of such a document takes at least MS milliseconds
//                      before its transaction (a large outcome on a slow disk)
//   hold_commit=SUBSTR:MS  the commit transaction of such a document stays open MS milliseconds
//                      once it holds the document's row (a node paused mid-commit)
//   delay_forward=KIND:MS  a command of that kind (create, cancel) forwarded from another node
//                      waits MS milliseconds before this node looks at it (a slow link)
//   slow_member=NODE:MS  each round of cluster membership work (failure detection, the member
//                      list) on a node whose id contains NODE takes at least MS milliseconds
//                      (a database slow to answer)
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace galley {

struct fault_plan {
    struct throw_on { std::string substring; int attempts; };
    struct slow { std::string substring; int millis; };
    std::vector<throw_on> throws;
    std::vector<slow> slows;
    std::vector<throw_on> crashes;  // same shape: substring and attempts
    std::vector<slow> slow_commits;
    std::vector<slow> held_commits;
    std::vector<slow> forward_delays;
    std::vector<slow> slow_members;

    /// True when attempt number `attempt` (1-based) at `filename` must throw.
    bool should_throw(std::string_view filename, int attempt) const;
    /// True when attempt number `attempt` at `filename` must abort the process.
    bool should_crash(std::string_view filename, int attempt) const;
    /// The minimum correction time for `filename` in milliseconds (0: none).
    int slow_millis(std::string_view filename) const;
    /// The minimum time to store the outcome of `filename` in milliseconds (0: none).
    int slow_commit_millis(std::string_view filename) const;
    /// How long the commit transaction of `filename` stays open in milliseconds (0: not held).
    int hold_commit_millis(std::string_view filename) const;
    /// How long a forwarded command of `kind` is held back in milliseconds (0: not).
    int forward_delay_millis(std::string_view kind) const;
    /// The minimum time of one round of membership work on node `node_id` in milliseconds.
    int membership_millis(std::string_view node_id) const;
};

/// invalid_argument (field `faults`) for anything that is not one of the forms above.
result<fault_plan> parse_faults(std::string_view spec);

}  // namespace galley
