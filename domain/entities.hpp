#pragma once
// The records galley stores: users, projects and documents. Plain values, no behaviour; the
// repositories in persistence/ load and save them, http/ turns them into API.md JSON.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/clock.hpp"

namespace galley {

struct user {
    std::string id;
    std::string email;  // lower-cased; unique
    std::string name;
    std::string password_hash;
    std::string role = "user";  // "user" | "admin"
    std::string plan = "free";
    micros created_at = 0;
    micros expires_at = 0;  // guests only (POST /auth/guest): gone after this instant; 0 = never
    bool disabled = false;  // by an admin: no sign-in, no token accepted
    // Access tokens carry the generation they were issued in; revoking a user's sessions bumps
    // it, so every older token is refused by the user-row read each request makes anyway.
    std::int64_t session_generation = 0;
    bool guest() const { return expires_at != 0; }
};

struct project {
    std::string id;
    std::string user_id;
    std::string name;
    std::string language = "auto";  // "auto" | "es" | "en"
    micros created_at = 0;
    std::int64_t document_count = 0;  // filled by reads
    std::string role = "owner";       // the reader's role in it (project_roles.hpp); filled by reads
};

/// One line of the audit log (API.md, Operations): who did what, when, from where.
struct audit_entry {
    std::string id;
    micros at = 0;
    std::string actor_id;  // empty: nobody signed in (a failed sign-in)
    std::string action;    // dotted, e.g. "document.upload"
    std::string target;    // what it was done to: an id, or an e-mail for sign-ins
    std::string request_id;
    std::string client_address;
    std::string details = "{}";  // a JSON object
};

/// Someone a project is shared with (or its owner, listed with role "owner").
struct project_member {
    std::string user_id;
    std::string email;
    std::string role;  // "owner" | "editor" | "reviewer" | "viewer"
    micros added_at = 0;
};

struct document {
    std::string id;
    std::string project_id;
    std::string user_id;
    std::string filename;
    std::string format;  // "docx" | "txt"
    std::int64_t size = 0;
    std::string sha256;
    std::string language = "und";
    std::int64_t word_count = 0;
    micros created_at = 0;
    std::int64_t char_count = 0;  // code points of the text the engine reads (quota estimates)
};

/// One page of a list ordered by (created_at, id): `next_cursor` is empty on the last page.
template <class T>
struct page {
    std::vector<T> items;
    std::string next_cursor;
};

}  // namespace galley
