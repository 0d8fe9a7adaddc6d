#pragma once
// The review of a run (API.md, Suggestions and review): its stored suggestions in document order,
// decisions single and in bulk with their history, and the versioned final exports. Every method
// checks that the run belongs to `user_id` (another user's run is not_found); members of a shared
// project reach it through the owner's id (member_repository::access). Suggestions are
// written by work_queue::commit_success, never here. Blocking: call from a handler-pool thread.
#include <optional>
#include <string>
#include <vector>

#include "domain/cursor.hpp"
#include "domain/entities.hpp"
#include "domain/result.hpp"
#include "domain/review/review_cursor.hpp"
#include "domain/review/review_model.hpp"
#include "domain/run_model.hpp"
#include "persistence/database.hpp"

namespace galley::persistence {

/// One change a batch made.
struct review_change {
    std::string suggestion_id;
    review_state decision = review_state::pending;
    std::optional<std::string> replacement;  // the edited text accepted, if any
    review_state previous = review_state::pending;
};

/// One POST that changed something: who, when, how many and what.
struct review_batch {
    std::string id;
    std::string user_id;
    std::string kind;         // "single" | "bulk"
    std::string filter_json;  // bulk: the filter and decision as sent (normalized); else empty
    int count = 0;
    micros at = 0;
    std::vector<review_change> changes;  // in the order applied, at most kMaxChangesShown
    bool truncated = false;              // more changes than shown
};

class review_repository {
public:
    static constexpr int kMaxChangesShown = 1000;

    explicit review_repository(database& db) : db_(db) {}

    /// Suggestions matching `filter` in document order (run position of the document, story
    /// body..comment, paragraph, offset, id), `limit` per page after `after`.
    result<page<suggestion_record>> list(const std::string& user_id, const std::string& run_id,
                                         const suggestion_filter& filter, int limit,
                                         const std::optional<suggestion_position>& after);

    /// Every suggestion of one document of the run, in document order.
    result<std::vector<suggestion_record>> document_suggestions(const std::string& user_id,
                                                                const std::string& run_id,
                                                                const std::string& document_id);

    /// Applies `decisions` in one transaction and returns how many suggestions changed; the same
    /// decision again changes nothing and records no batch. not_found (nothing applied) when an
    /// id is not a suggestion of the run; conflict when its document was cancelled or failed.
    /// When an id appears twice the later entry wins. The history names `decided_by` (a member
    /// of a shared project), or the owner when it is empty.
    result<int> decide(const std::string& user_id, const std::string& run_id,
                       const std::vector<review_decision>& decisions,
                       const std::string& decided_by = {});

    /// Sets `decision` (edits cleared) on every suggestion matching `filter`; returns how many
    /// changed. not_found when filter.document_id is not a document of the run; conflict when
    /// that document was cancelled or failed. `filter_json` is kept in the history, with
    /// `decided_by` as in decide.
    result<int> decide_bulk(const std::string& user_id, const std::string& run_id,
                            const suggestion_filter& filter, review_state decision,
                            const std::string& filter_json, const std::string& decided_by = {});

    /// Batches oldest first by (created_at, id).
    result<page<review_batch>> history(const std::string& user_id, const std::string& run_id,
                                       int limit, const std::optional<cursor_key>& after);

    /// The version the next finalize takes: 1 + the highest final_* export version of the run.
    result<int> next_final_version(const std::string& user_id, const std::string& run_id);

    /// Records `exports` (final_docx / final_txt, blobs already stored, versions set) in one
    /// transaction; conflict (nothing written) when a concurrent finalize took that version.
    status add_final_exports(const std::string& user_id, const std::string& run_id,
                             const std::vector<export_record>& exports);

private:
    database& db_;
};

}  // namespace galley::persistence
