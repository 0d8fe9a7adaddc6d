// Field validation, cursors, UTF-8 and plan tables.
#include <gtest/gtest.h>

#include "app/plans_file.hpp"
#include "domain/cursor.hpp"
#include "domain/ids.hpp"
#include "domain/plans.hpp"
#include "domain/text_stats.hpp"
#include "domain/utf8.hpp"
#include "domain/validation.hpp"

using namespace galley;

TEST(email, is_lower_cased_and_checked) {
    EXPECT_EQ(*normalize_email("Ana.Lopez@Example.COM"), "ana.lopez@example.com");
    for (const char* bad : {"", "a", "no-at.example.com", "@example.com", "a@b", "a@@b.com", "a b@c.com",
                            "a@example.", "a@.com", "guest-1@guest.invalid"}) {
        auto r = normalize_email(bad);
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_EQ(r.err().field, "email");
    }
}

TEST(password_rules, length_is_enforced) {
    EXPECT_FALSE(validate_password("short").ok());
    EXPECT_TRUE(validate_password("longenough").ok());
    EXPECT_FALSE(validate_password(std::string(2000, 'a')).ok());
}

TEST(labels, are_trimmed_and_bounded) {
    EXPECT_EQ(*validate_label("  Mi novela  ", "name", 200), "Mi novela");
    EXPECT_FALSE(validate_label("   ", "name", 200).ok());
    EXPECT_FALSE(validate_label("a\x01" "b", "name", 200).ok());
    EXPECT_FALSE(validate_label(std::string(201, 'x'), "name", 200).ok());
    EXPECT_TRUE(validate_label("ñandú", "name", 5).ok()) << "the limit counts characters, not bytes";
}

TEST(filenames, lose_paths_and_control_characters) {
    EXPECT_EQ(sanitize_filename("../../etc/passwd"), "passwd");
    EXPECT_EQ(sanitize_filename("C:\\Users\\x\\libro.docx"), "libro.docx");
    EXPECT_EQ(sanitize_filename("a\nb\"c.txt"), "abc.txt");
    EXPECT_EQ(sanitize_filename(""), "document");
    EXPECT_EQ(sanitize_filename(".."), "document");
}

TEST(cursor, round_trips_and_rejects_tampering) {
    cursor_key k{1'795'000'000'123'456, new_uuid()};
    auto back = decode_cursor(encode_cursor(k));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->created_at, k.created_at);
    EXPECT_EQ(back->id, k.id);
    EXPECT_FALSE(decode_cursor("123.not-a-uuid"));
    EXPECT_FALSE(decode_cursor("abc." + k.id));
    EXPECT_FALSE(decode_cursor("'; DROP TABLE users; --"));
}

TEST(utf8, validation_rejects_malformed_sequences) {
    EXPECT_TRUE(utf8::is_valid("canción ñ €"));
    EXPECT_FALSE(utf8::is_valid("\xC3"));
    EXPECT_FALSE(utf8::is_valid("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(utf8::is_valid("\xED\xA0\x80"));      // surrogate
    EXPECT_FALSE(utf8::is_valid("\xF4\x90\x80\x80"));  // past U+10FFFF
    EXPECT_EQ(utf8::count("añ€𝄞"), 4u);
}

TEST(text_stats, counts_words_and_tells_spanish_from_english) {
    EXPECT_EQ(count_words("Hola, ¿qué tal? It's well-known."), 5u);
    EXPECT_EQ(detect_language("En un lugar de la Mancha, de cuyo nombre no quiero acordarme").language, "es");
    EXPECT_EQ(detect_language("It is a truth universally acknowledged that a single man").language, "en");
    EXPECT_EQ(detect_language("12345 67890").language, "und");
}

TEST(plans, defaults_match_the_design_table) {
    auto t = plan_table::defaults();
    EXPECT_EQ(t.find("guest")->max_upload_mb, 2);
    EXPECT_EQ(t.find("free")->max_docs_per_run, 10);
    EXPECT_EQ(t.find("pro")->weight, 4);
    EXPECT_EQ(t.find("pro")->chars_per_month, 20'000'000);
    EXPECT_EQ(t.largest_upload_bytes(), 50'000'000);
    // What one user may hold (#11): storage, documents, queued documents, event streams.
    EXPECT_EQ(t.find("guest")->max_stored_mb, 20);
    EXPECT_EQ(t.find("free")->max_stored_mb, 1024);
    EXPECT_EQ(t.find("pro")->max_stored_mb, 10240);
    EXPECT_EQ(t.find("guest")->max_documents, 50);
    EXPECT_EQ(t.find("free")->max_documents, 5000);
    EXPECT_EQ(t.find("pro")->max_documents, 100'000);
    EXPECT_EQ(t.find("guest")->max_queued_docs, 20);
    EXPECT_EQ(t.find("free")->max_queued_docs, 1000);
    EXPECT_EQ(t.find("pro")->max_queued_docs, 10'000);
    for (const char* name : {"guest", "free", "pro"}) EXPECT_EQ(t.find(name)->max_event_streams, 4);
}

TEST(plans, a_plans_file_replaces_and_adds_plans) {
    auto t = app::parse_plans(R"({"free": {"weight": 2, "max_upload_mb": 1},
                                  "team": {"weight": 8, "max_concurrent": 16, "max_upload_mb": 0}})");
    ASSERT_TRUE(t.ok()) << t.err().message;
    EXPECT_EQ(t->find("free")->weight, 2);
    EXPECT_EQ(t->find("free")->max_docs_per_run, 10) << "unspecified fields keep their defaults";
    EXPECT_EQ(t->find("team")->max_concurrent, 16);
    EXPECT_EQ(t->largest_upload_bytes(), 0) << "0 means unlimited";
    EXPECT_EQ(t->find("team")->max_documents, 5000) << "a new plan holds what free holds unless told";
    auto limits = app::parse_plans(R"({"free": {"max_stored_mb": 0, "max_documents": 3, "max_queued_docs": 2,
                                                "max_event_streams": 1}})");
    ASSERT_TRUE(limits.ok()) << limits.err().message;
    EXPECT_EQ(limits->find("free")->max_stored_bytes(), 0);
    EXPECT_EQ(limits->find("free")->max_documents, 3);
    EXPECT_EQ(limits->find("free")->max_queued_docs, 2);
    EXPECT_EQ(limits->find("free")->max_event_streams, 1);
    EXPECT_FALSE(app::parse_plans(R"({"free": {"max_documents": -1}})").ok());
}

TEST(plans, invalid_plans_files_are_refused_with_a_reason) {
    EXPECT_FALSE(app::parse_plans("not json").ok());
    EXPECT_FALSE(app::parse_plans(R"({"free": {"wieght": 2}})").ok());
    EXPECT_FALSE(app::parse_plans(R"({"free": {"weight": -1}})").ok());
    EXPECT_FALSE(app::parse_plans(R"({"free": {"weight": "a lot"}})").ok());
    EXPECT_FALSE(app::parse_plans(R"({"Bad Name": {"weight": 1}})").ok());
}
