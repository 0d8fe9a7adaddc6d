#include "persistence/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cctype>
#include <filesystem>

#include "persistence/detail/sql.hpp"

namespace galley::persistence {

namespace {
std::string percent_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

// libpq conninfo value: single-quoted, with quotes and backslashes escaped.
std::string conninfo_value(const std::string& v) {
    std::string out = "'";
    for (char c : v) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    return out + "'";
}

// SOCI 4.0.3 re-tokenises the connect string as key=value pairs, which mangles libpq URIs, so a
// postgresql://user:pass@host:port/db?k=v URL becomes a conninfo string here.
result<std::string> pg_conninfo(std::string_view url) {
    auto bad = [] { return make_error(errc::invalid_argument, "malformed postgresql:// URL", "db"); };
    std::string_view rest = url.substr(url.find("://") + 3);
    std::string_view query;
    if (auto q = rest.find('?'); q != std::string_view::npos) {
        query = rest.substr(q + 1);
        rest = rest.substr(0, q);
    }
    std::string_view authority = rest, dbname;
    if (auto slash = rest.find('/'); slash != std::string_view::npos) {
        authority = rest.substr(0, slash);
        dbname = rest.substr(slash + 1);
    }
    std::string_view userinfo, hostport = authority;
    if (auto at = authority.rfind('@'); at != std::string_view::npos) {
        userinfo = authority.substr(0, at);
        hostport = authority.substr(at + 1);
    }
    std::string info;
    auto add = [&](const char* key, std::string value) {
        if (!value.empty()) info += std::string(info.empty() ? "" : " ") + key + "=" + conninfo_value(value);
    };
    if (!userinfo.empty()) {
        auto colon = userinfo.find(':');
        add("user", percent_decode(userinfo.substr(0, colon)));
        if (colon != std::string_view::npos) add("password", percent_decode(userinfo.substr(colon + 1)));
    }
    std::string_view host = hostport, port;
    if (!hostport.empty() && hostport.front() == '[') {
        auto close = hostport.find(']');
        if (close == std::string_view::npos) return bad();
        host = hostport.substr(1, close - 1);
        if (close + 1 < hostport.size() && hostport[close + 1] == ':') port = hostport.substr(close + 2);
    } else if (auto colon = hostport.rfind(':'); colon != std::string_view::npos) {
        host = hostport.substr(0, colon);
        port = hostport.substr(colon + 1);
    }
    add("host", percent_decode(host));
    add("port", std::string(port));
    add("dbname", percent_decode(dbname));
    while (!query.empty()) {
        auto amp = query.find('&');
        std::string_view kv = query.substr(0, amp);
        auto eq = kv.find('=');
        if (eq == std::string_view::npos || eq == 0) return bad();
        std::string key(kv.substr(0, eq));
        for (char c : key)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return bad();
        add(key.c_str(), percent_decode(kv.substr(eq + 1)));
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    }
    return info;
}
}  // namespace

result<db_url> parse_db_url(std::string_view url) {
    constexpr std::string_view kSqlite = "sqlite://";
    if (url.substr(0, kSqlite.size()) == kSqlite) {
        std::string path(url.substr(kSqlite.size()));
        if (path.empty())
            return make_error(errc::invalid_argument, "sqlite:// needs a file path", "db");
        if (path.find_first_of(" '\"") != std::string::npos)
            return make_error(errc::invalid_argument, "the SQLite path must not contain spaces or quotes", "db");
        return db_url{db_backend::sqlite, "db=" + path + " timeout=10", path};  // until the pragma sets it
    }
    if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
        auto info = pg_conninfo(url);
        if (!info) return info.err();
        return db_url{db_backend::postgresql, *info, {}};
    }
    return make_error(errc::invalid_argument,
                      "the database URL must start with sqlite:// or postgresql://", "db");
}

database::database(db_url url, std::size_t size, std::chrono::milliseconds sqlite_busy_timeout)
    : url_(std::move(url)),
      size_(size),
      sqlite_busy_timeout_(sqlite_busy_timeout),
      pool_(std::make_unique<soci::connection_pool>(size)),
      broken_(size, 0),
      kept_(size) {}

database::~database() = default;

void database::apply_settings(soci::session& s) {
    if (url_.backend == db_backend::sqlite) {
        s << "PRAGMA foreign_keys=ON";
        s << "PRAGMA synchronous=NORMAL";
        s << "PRAGMA busy_timeout=" + std::to_string(sqlite_busy_timeout_.count());
    } else {
        s << "SET client_min_messages=warning";
        // A node that stalls or loses its link inside a transaction (a pause, a network
        // partition) must not hold row locks the others wait on: the server ends a session
        // idle in a transaction after 3 s (below any lease TTL), and notices a vanished peer
        // within about 11 s by keepalives instead of the kernel's two hours.
        s << "SET idle_in_transaction_session_timeout = '3s'";
        // Nothing waits on another session's lock for long (a renewal or recovery behind a
        // stalled commit fails and is tried again), and no statement runs away.
        s << "SET lock_timeout = '5s'";
        s << "SET statement_timeout = '60s'";
        s << "SET tcp_keepalives_idle = 5";
        s << "SET tcp_keepalives_interval = 2";
        s << "SET tcp_keepalives_count = 3";
    }
}

void database::prepare_session(std::size_t pos) {
    if (!broken_[pos]) return;
    soci::session& s = pool_->at(pos);
    kept_[pos].clear();  // prepared on the connection being replaced
    s.reconnect();
    apply_settings(s);
    broken_[pos] = 0;
}

bool database::still_connected(std::size_t pos) {
    bool connected = false;
    try {
        connected = pool_->at(pos).is_connected();
    } catch (...) {
    }
    if (!connected) broken_[pos] = 1;
    return connected;
}

result<std::unique_ptr<database>> database::open(std::string_view url, std::size_t pool_size,
                                                 std::chrono::milliseconds sqlite_busy_timeout) {
    auto parsed = parse_db_url(url);
    if (!parsed) return parsed.err();
    if (pool_size == 0) pool_size = 1;
    if (parsed->backend == db_backend::sqlite) {
        std::error_code ec;
        auto dir = std::filesystem::path(parsed->path).parent_path();
        if (!dir.empty()) std::filesystem::create_directories(dir, ec);
    }
    std::unique_ptr<database> db(new database(*parsed, pool_size, sqlite_busy_timeout));
    try {
        for (std::size_t i = 0; i < pool_size; ++i) {
            soci::session& s = db->pool_->at(i);
            if (parsed->backend == db_backend::sqlite) {
                s.open(soci::sqlite3, parsed->connect);
                if (i == 0) s << "PRAGMA journal_mode=WAL";
            } else {
                s.open(soci::postgresql, parsed->connect);
            }
            db->apply_settings(s);
        }
    } catch (const std::exception& e) {
        return make_error(errc::unavailable, std::string("cannot open the database: ") + e.what());
    }
    return db;
}

status database::ping() {
    return detail::with_session(*this, [](soci::session& s) -> status {
        int one = 0;
        s << "SELECT 1", soci::into(one);
        return {};
    });
}

}  // namespace galley::persistence
