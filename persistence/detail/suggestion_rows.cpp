#include "persistence/detail/suggestion_rows.hpp"

#include <algorithm>

namespace galley::persistence::detail {

namespace {
constexpr const char* kColumns =
    "s.id, s.run_id, s.document_id, s.doc_position, s.story, s.paragraph, s.char_offset, "
    "s.span_length,"
    " s.original, s.replacement, s.rule_id, s.category, s.confidence, s.message, s.context_text,"
    " s.context_offset, s.state, s.edited_replacement";
constexpr const char* kOrder =
    " ORDER BY s.doc_position, s.story, s.paragraph, s.char_offset, s.id";

// SQLite: one prepared statement run over vectors (in-process, ~15 µs a row; a statement with
// thousands of parameters is slower there).
void insert_rowwise(soci::session& s, const std::string& run_id, int doc_position,
                    const std::vector<suggestion_record>& records) {
    const std::size_t n = records.size();
    std::vector<std::string> ids(n), docs(n), originals(n), replacements(n), rules(n), cats(n),
        messages(n), contexts(n), runs(n, run_id);
    std::vector<int> positions(n, doc_position), stories(n), paragraphs(n), offsets(n), lengths(n),
        ctx_offsets(n);
    std::vector<double> confidences(n);
    std::vector<soci::indicator> repl_ind(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& r = records[i];
        ids[i] = r.id;
        docs[i] = r.document_id;
        stories[i] = static_cast<int>(r.s.story);
        paragraphs[i] = static_cast<int>(r.s.paragraph);
        offsets[i] = static_cast<int>(r.s.offset);
        lengths[i] = static_cast<int>(r.s.length);
        originals[i] = r.s.original;
        replacements[i] = r.s.replacement.value_or("");
        repl_ind[i] = r.s.replacement ? soci::i_ok : soci::i_null;
        rules[i] = r.s.rule_id;
        cats[i] = std::string(category_name(r.s.cat));
        confidences[i] = r.s.confidence;
        messages[i] = r.s.message;
        contexts[i] = r.context.text;
        ctx_offsets[i] = static_cast<int>(r.context.offset);
    }
    s << "INSERT INTO suggestions(run_id, id, document_id, doc_position, story, paragraph, "
         "char_offset,"
         " span_length, original, replacement, rule_id, category, confidence, message, "
         "context_text,"
         " context_offset) VALUES(:r, :i, :d, :p, :s, :g, :o, :l, :orig, :repl, :rule, :cat, "
         ":conf, :msg,"
         " :ctx, :co) ON CONFLICT (run_id, id) DO NOTHING",
        soci::use(runs), soci::use(ids), soci::use(docs), soci::use(positions), soci::use(stories),
        soci::use(paragraphs), soci::use(offsets), soci::use(lengths), soci::use(originals),
        soci::use(replacements, repl_ind), soci::use(rules), soci::use(cats),
        soci::use(confidences), soci::use(messages), soci::use(contexts), soci::use(ctx_offsets);
}

// PostgreSQL: multi-row INSERTs, one round trip per kRows suggestions (a vector bind runs one
// statement per row, ~76 µs each: 12 s for 100 000 suggestions; this takes about half).
void insert_multirow(soci::session& s, const std::string& run_id, int doc_position,
                     const std::vector<suggestion_record>& records) {
    constexpr std::size_t kRows = 200;
    struct row_values {
        std::string cat;
        int story, paragraph, offset, length, ctx_offset;
        std::string replacement;
        soci::indicator repl_ind;
    };
    std::vector<row_values> values(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto& r = records[i];
        values[i] = {
            std::string(category_name(r.s.cat)), static_cast<int>(r.s.story),
            static_cast<int>(r.s.paragraph),     static_cast<int>(r.s.offset),
            static_cast<int>(r.s.length),        static_cast<int>(r.context.offset),
            r.s.replacement.value_or(""),        r.s.replacement ? soci::i_ok : soci::i_null};
    }
    int position = doc_position;
    for (std::size_t begin = 0; begin < records.size(); begin += kRows) {
        const std::size_t end = std::min(records.size(), begin + kRows);
        std::string sql =
            "INSERT INTO suggestions(run_id, id, document_id, doc_position, story, paragraph, "
            "char_offset,"
            " span_length, original, replacement, rule_id, category, confidence, message, "
            "context_text,"
            " context_offset) VALUES";
        soci::statement st(s);
        int n = 0;
        auto ph = [&n] { return ":v" + std::to_string(n++); };
        for (std::size_t i = begin; i < end; ++i) {
            const auto& r = records[i];
            auto& v = values[i];
            sql += i == begin ? " (" : ", (";
            for (int k = 0; k < 16; ++k) sql += (k ? ", " : "") + ph();
            sql += ")";
            st.exchange(soci::use(run_id));
            st.exchange(soci::use(r.id));
            st.exchange(soci::use(r.document_id));
            st.exchange(soci::use(position));
            st.exchange(soci::use(v.story));
            st.exchange(soci::use(v.paragraph));
            st.exchange(soci::use(v.offset));
            st.exchange(soci::use(v.length));
            st.exchange(soci::use(r.s.original));
            st.exchange(soci::use(v.replacement, v.repl_ind));
            st.exchange(soci::use(r.s.rule_id));
            st.exchange(soci::use(v.cat));
            st.exchange(soci::use(r.s.confidence));
            st.exchange(soci::use(r.s.message));
            st.exchange(soci::use(r.context.text));
            st.exchange(soci::use(v.ctx_offset));
        }
        sql += " ON CONFLICT (run_id, id) DO NOTHING";
        st.alloc();
        st.prepare(sql);
        st.define_and_bind();
        st.execute(true);
    }
}
}  // namespace

void insert_suggestions(soci::session& s, const std::string& run_id, int doc_position,
                        const std::vector<suggestion_record>& records) {
    if (records.empty()) return;
    if (s.get_backend_name() == "postgresql")
        insert_multirow(s, run_id, doc_position, records);
    else
        insert_rowwise(s, run_id, doc_position, records);
}

std::string bound_where::next_placeholder() { return ":p" + std::to_string(++count_); }

bound_where& bound_where::text(const std::string& sql, std::string value) {
    texts_.push_back(std::move(value));
    order_.emplace_back('t', &texts_.back());
    std::string clause = sql;
    clause.replace(clause.find('?'), 1, next_placeholder());
    sql_ += " AND " + clause;
    return *this;
}

bound_where& bound_where::real(const std::string& sql, double value) {
    reals_.push_back(value);
    order_.emplace_back('r', &reals_.back());
    std::string clause = sql;
    clause.replace(clause.find('?'), 1, next_placeholder());
    sql_ += " AND " + clause;
    return *this;
}

bound_where& bound_where::after(const suggestion_position& p) {
    std::string clause = " AND (s.doc_position, s.story, s.paragraph, s.char_offset, s.id) > (";
    for (int v : {p.document_position, p.story, p.paragraph, p.offset}) {
        ints_.push_back(v);
        order_.emplace_back('i', &ints_.back());
        clause += next_placeholder() + ", ";
    }
    texts_.push_back(p.id);
    order_.emplace_back('t', &texts_.back());
    sql_ += clause + next_placeholder() + ")";
    return *this;
}

void bound_where::bind(soci::statement& st) const {
    for (const auto& [kind, ptr] : order_) {
        if (kind == 't') st.exchange(soci::use(*static_cast<const std::string*>(ptr)));
        if (kind == 'r') st.exchange(soci::use(*static_cast<const double*>(ptr)));
        if (kind == 'i') st.exchange(soci::use(*static_cast<const int*>(ptr)));
    }
}

bound_where suggestion_where(const std::string& run_id, const suggestion_filter& f) {
    bound_where w;
    w.text("s.run_id = ?", run_id);
    if (f.document_id) w.text("s.document_id = ?", *f.document_id);
    if (f.cat) w.text("s.category = ?", std::string(category_name(*f.cat)));
    if (f.rule_id) w.text("s.rule_id = ?", *f.rule_id);
    if (f.confidence_min) w.real("s.confidence >= ?", *f.confidence_min);
    if (f.state) w.text("s.state = ?", std::string(review_state_name(*f.state)));
    return w;
}

std::vector<suggestion_row> select_suggestions(soci::session& s, const bound_where& where,
                                               int limit) {
    std::vector<suggestion_row> out;
    const std::string sql = std::string("SELECT ") + kColumns + " FROM suggestions s WHERE " +
                            where.sql() + kOrder + " LIMIT " + std::to_string(limit);
    soci::row row;
    soci::statement st(s);
    where.bind(st);
    st.exchange(soci::into(row));
    st.alloc();
    st.prepare(sql);
    st.define_and_bind();
    st.execute(false);
    while (st.fetch()) {
        suggestion_row r;
        auto& rec = r.record;
        rec.id = row.get<std::string>(0);
        rec.run_id = row.get<std::string>(1);
        rec.document_id = row.get<std::string>(2);
        r.doc_position = row.get<int>(3);
        rec.s.story = static_cast<story_kind>(row.get<int>(4));
        rec.s.paragraph = static_cast<std::uint32_t>(row.get<int>(5));
        rec.s.offset = static_cast<std::uint32_t>(row.get<int>(6));
        rec.s.length = static_cast<std::uint32_t>(row.get<int>(7));
        rec.s.original = row.get<std::string>(8);
        if (row.get_indicator(9) == soci::i_ok) rec.s.replacement = row.get<std::string>(9);
        rec.s.rule_id = row.get<std::string>(10);
        rec.s.cat = parse_category(row.get<std::string>(11)).value_or(category::style);
        rec.s.confidence = row.get<double>(12);
        rec.s.message = row.get<std::string>(13);
        rec.context.text = row.get<std::string>(14);
        rec.context.offset = static_cast<std::uint32_t>(row.get<int>(15));
        rec.state = parse_review_state(row.get<std::string>(16)).value_or(review_state::pending);
        if (row.get_indicator(17) == soci::i_ok) rec.edited_replacement = row.get<std::string>(17);
        out.push_back(std::move(r));
    }
    return out;
}

suggestion_position position_of(const suggestion_row& r) {
    return {r.doc_position, static_cast<std::int32_t>(r.record.s.story),
            static_cast<std::int32_t>(r.record.s.paragraph),
            static_cast<std::int32_t>(r.record.s.offset), r.record.id};
}

}  // namespace galley::persistence::detail
