#pragma once
// Internal to persistence/: the suggestions table (migration 4) as rows. Writing is shared by
// work_queue::commit_success (inside its fenced transaction) and tests; reading by the review
// repository. Filters are bound as parameters, never spliced into SQL.
#include <soci/soci.h>

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "domain/review/review_cursor.hpp"
#include "domain/review/review_model.hpp"

namespace galley::persistence::detail {

/// Inserts `records` of one document as pending suggestions of `run_id` at run position
/// `doc_position`; a record whose id is already stored for the run is skipped.
void insert_suggestions(soci::session& s, const std::string& run_id, int doc_position,
                        const std::vector<suggestion_record>& records);

/// A WHERE clause with its bound values, built piece by piece (positional :pN placeholders).
class bound_where {
public:
    /// Appends " AND <sql>" where <sql> holds "?" for each value given next, in order.
    bound_where& text(const std::string& sql, std::string value);
    bound_where& real(const std::string& sql, double value);
    /// The keyset condition "(doc_position, story, paragraph, char_offset, id) > cursor".
    bound_where& after(const suggestion_position& p);
    const std::string& sql() const { return sql_; }
    /// Binds every value to `st` in order. REQUIRES: *this outlives the statement's execution.
    void bind(soci::statement& st) const;

private:
    std::string next_placeholder();
    std::string sql_ = "1 = 1";
    std::deque<std::string> texts_;
    std::deque<double> reals_;
    std::deque<int> ints_;
    std::vector<std::pair<char, const void*>> order_;  // 't', 'r' or 'i' and the value
    int count_ = 0;
};

/// The filter as conditions on table alias `s` (run_id included).
bound_where suggestion_where(const std::string& run_id, const suggestion_filter& f);

/// A stored suggestion with its document's run position (for cursors).
struct suggestion_row {
    suggestion_record record;
    int doc_position = 0;
};

/// Up to `limit` suggestions matching `where`, in document order.
std::vector<suggestion_row> select_suggestions(soci::session& s, const bound_where& where,
                                               int limit);

/// The cursor position of a row.
suggestion_position position_of(const suggestion_row& r);

}  // namespace galley::persistence::detail
