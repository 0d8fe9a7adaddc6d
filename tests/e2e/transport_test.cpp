// End-to-end: the transport options of #13 item 6. HTTPS with --tls-cert/--tls-key (a certificate
// made by `openssl` for 127.0.0.1, checked by curl against it), start-up refusals for a half or
// unreadable TLS configuration, and CORS: an allow-list answering preflights, echoing allowed
// origins with credentials, never a wildcard with credentials, nothing for other origins.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "tests/support/api_session.hpp"

using namespace galley::testing;

namespace {
// Runs a shell command and returns its standard output.
std::string output_of(const std::string& command) {
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    if (!pipe) return out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe.get())) out.append(buf, n);
    return out;
}

// A self-signed certificate for 127.0.0.1 in `dir`: cert.pem and key.pem.
bool make_certificate(const std::string& dir) {
    const std::string cmd = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1"
                            " -addext subjectAltName=IP:127.0.0.1 -keyout " + dir + "/key.pem -out " + dir +
                            "/cert.pem >/dev/null 2>&1";
    return std::system(cmd.c_str()) == 0;
}

// The status curl gets for `method target` over HTTPS trusting only `dir`/cert.pem ("000" when
// the TLS handshake or connection fails).
std::string https_status(const std::string& dir, std::uint16_t port, const std::string& method,
                         const std::string& target, const std::string& body = {}) {
    std::string cmd = "curl -s -o /dev/null -w '%{http_code}' --max-time 10 --cacert " + dir + "/cert.pem -X " +
                      method + " https://127.0.0.1:" + std::to_string(port) + target;
    if (!body.empty()) cmd += " -H 'Content-Type: application/json' --data '" + body + "'";
    return output_of(cmd);
}

std::string start_failure(const std::string& dir, const std::string& args) {
    return output_of(galley_binary() + " serve --http 127.0.0.1:" + std::to_string(free_port()) + " --db sqlite://" +
                     dir + "/galley.db --storage " + dir + "/storage " + args + " 2>&1; echo \"exit=$?\"");
}
}  // namespace

TEST(transport, https_serves_the_api_with_the_operators_certificate) {
    std::string dir = make_temp_dir("galley-tls");
    ASSERT_TRUE(make_certificate(dir)) << "openssl is needed (scripts/deps.sh installs it)";
    galley_process g(dir);
    g.set_extra_args({"--tls-cert", dir + "/cert.pem", "--tls-key", dir + "/key.pem"});
    g.set_ready_check([&] { return https_status(dir, g.port(), "GET", "/healthz") == "200"; });
    ASSERT_TRUE(g.start()) << g.log();
    EXPECT_EQ(https_status(dir, g.port(), "POST", "/api/v1/auth/register",
                           R"({"email": "tls@example.com", "password": "correct horse battery"})"),
              "201");
    EXPECT_EQ(https_status(dir, g.port(), "GET", "/api/v1/projects"), "401") << "the API, not only /healthz";
    EXPECT_EQ(g.request("GET", "/healthz").status, 0) << "no plain HTTP on a TLS port";
    auto untrusted = output_of("curl -s -o /dev/null -w '%{http_code}' --max-time 10 https://127.0.0.1:" +
                               std::to_string(g.port()) + "/healthz");
    EXPECT_EQ(untrusted, "000") << "a client that does not trust the certificate is refused by its TLS check";
    EXPECT_NE(g.log().find("\"url\":\"https://"), std::string::npos);
}

TEST(transport, a_half_or_unreadable_tls_configuration_stops_start_up) {
    std::string dir = make_temp_dir("galley-tls-bad");
    ASSERT_TRUE(make_certificate(dir));
    auto half = start_failure(dir, "--tls-cert " + dir + "/cert.pem");
    EXPECT_NE(half.find("--tls-cert and --tls-key go together"), std::string::npos) << half;
    EXPECT_NE(half.find("exit=2"), std::string::npos) << half;
    auto missing = start_failure(dir, "--tls-cert " + dir + "/cert.pem --tls-key " + dir + "/nothing.pem");
    EXPECT_NE(missing.find("cannot read"), std::string::npos) << missing;
    auto swapped = start_failure(dir, "--tls-cert " + dir + "/key.pem --tls-key " + dir + "/cert.pem");
    EXPECT_NE(swapped.find("cannot serve HTTPS"), std::string::npos) << swapped;
    auto bad_origin = start_failure(dir, "--cors-origins https://app.example.com/path");
    EXPECT_NE(bad_origin.find("--cors-origins"), std::string::npos) << bad_origin;
}

TEST(transport, cors_answers_allowed_origins_only_and_never_wildcards_credentials) {
    std::string dir = make_temp_dir("galley-cors");
    galley_process g(dir, {}, {{"GALLEY_CORS_ORIGINS", "https://app.example.com, http://localhost:5173"}});
    ASSERT_TRUE(g.start()) << g.log();
    const std::vector<std::pair<std::string, std::string>> preflight = {
        {"Origin", "https://app.example.com"},
        {"Access-Control-Request-Method", "POST"},
        {"Access-Control-Request-Headers", "authorization, content-type"}};
    auto ok = g.request("OPTIONS", "/api/v1/projects", {}, {}, preflight);
    EXPECT_EQ(ok.status, 204) << ok.body;
    EXPECT_EQ(ok.header("access-control-allow-origin"), "https://app.example.com");
    EXPECT_EQ(ok.header("access-control-allow-credentials"), "true");
    EXPECT_NE(ok.header("access-control-allow-methods").find("POST"), std::string::npos);
    EXPECT_NE(ok.header("access-control-allow-headers").find("Authorization"), std::string::npos);
    EXPECT_EQ(ok.header("vary"), "Origin");

    auto evil = g.request("OPTIONS", "/api/v1/projects", {}, {},
                          {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "POST"}});
    EXPECT_EQ(evil.status, 403);
    EXPECT_EQ(evil.header("access-control-allow-origin"), "");

    auto user = register_user(g, "cors@example.com");
    auto listed = g.request("GET", "/api/v1/projects", {}, user.access_token, {{"Origin", "http://localhost:5173"}});
    EXPECT_EQ(listed.status, 200);
    EXPECT_EQ(listed.header("access-control-allow-origin"), "http://localhost:5173");
    EXPECT_NE(listed.header("access-control-expose-headers").find("X-Request-Id"), std::string::npos);
    auto other = g.request("GET", "/api/v1/projects", {}, user.access_token, {{"Origin", "https://evil.example"}});
    EXPECT_EQ(other.header("access-control-allow-origin"), "") << "the browser keeps the response from that page";
    auto same_origin = g.request("GET", "/healthz");
    EXPECT_EQ(same_origin.header("access-control-allow-origin"), "");
}

TEST(transport, a_wildcard_allows_any_origin_without_credentials_and_no_list_allows_none) {
    std::string dir = make_temp_dir("galley-cors-any");
    galley_process any(dir, {}, {{"GALLEY_CORS_ORIGINS", "*"}});
    ASSERT_TRUE(any.start()) << any.log();
    auto r = any.request("GET", "/healthz", {}, {}, {{"Origin", "https://anywhere.example"}});
    EXPECT_EQ(r.header("access-control-allow-origin"), "*");
    EXPECT_EQ(r.header("access-control-allow-credentials"), "");
    any.stop();

    std::string dir2 = make_temp_dir("galley-cors-none");
    galley_process none(dir2);
    ASSERT_TRUE(none.start()) << none.log();
    auto plain = none.request("GET", "/healthz", {}, {}, {{"Origin", "https://app.example.com"}});
    EXPECT_EQ(plain.status, 200);
    EXPECT_EQ(plain.header("access-control-allow-origin"), "");
    EXPECT_EQ(none.request("OPTIONS", "/api/v1/projects", {}, {},
                           {{"Origin", "https://app.example.com"}, {"Access-Control-Request-Method", "GET"}})
                  .status,
              403);
}
