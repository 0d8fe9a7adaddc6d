// End-to-end: webhooks (API.md, Operations) on SQLite and PostgreSQL, against a real receiver.
// Nothing is sent before the user has a secret; each run end sends one signed event within 5 s;
// failed deliveries are retried with the same event id and body, also across a hard restart;
// private addresses are refused unless allowed, and redirects are not followed.
#include <botan/hex.h>
#include <botan/mac.h>

#include "domain/clock.hpp"
#include "tests/e2e/runs_fixture.hpp"
#include "tests/support/webhook_receiver.hpp"

using namespace galley::testing;

namespace {
std::string expected_signature(const std::string& secret, const std::string& timestamp, const std::string& body) {
    auto mac = Botan::MessageAuthenticationCode::create_or_throw("HMAC(SHA-256)");
    mac->set_key(reinterpret_cast<const std::uint8_t*>(secret.data()), secret.size());
    mac->update(timestamp + "." + body);
    return "v1=" + Botan::hex_encode(mac->final(), false);
}
}  // namespace

class webhooks : public runs {
protected:
    // Webhook settings pointing at `url`; returns the user's new secret (empty: none created).
    std::string subscribe(const api_user& u, const std::string& url, bool with_secret = true) {
        auto put = g->request("PUT", "/api/v1/users/me/settings", json{{"webhook_url", url}}.dump(), u.access_token);
        EXPECT_EQ(put.status, 200) << put.body;
        if (!with_secret) return {};
        return create_secret(u);
    }
    std::string create_secret(const api_user& u) {
        auto r = g->request("POST", "/api/v1/users/me/webhook-secret", {}, u.access_token);
        EXPECT_EQ(r.status, 201) << r.body;
        return json_of(r)["data"].value("secret", "");
    }
    std::string finished_run(const api_user& u, const std::string& project, const std::vector<std::string>& ids) {
        auto created = start_run(u, project, ids);
        EXPECT_EQ(created.status, 202) << created.body;
        std::string id = json_of(created)["data"]["id"];
        EXPECT_TRUE(is_final(wait_final(u, id)["status"]));
        return id;
    }
    json deliveries(const api_user& u) {
        auto r = g->request("GET", "/api/v1/users/me/webhook-deliveries", {}, u.access_token);
        EXPECT_EQ(r.status, 200) << r.body;
        json items = json_of(r)["data"]["items"];
        return items;
    }
    // Polls the deliveries list until it holds `n` attempts (60 s at most).
    json wait_deliveries(const api_user& u, std::size_t n) {
        json items;
        for (auto until = std::chrono::steady_clock::now() + 60s; std::chrono::steady_clock::now() < until;) {
            items = deliveries(u);
            if (items.size() >= n) break;
            std::this_thread::sleep_for(200ms);
        }
        return items;
    }
};

TEST_P(webhooks, each_run_end_sends_one_signed_event_once_a_secret_exists) {
    webhook_receiver receiver;
    launch({{"GALLEY_WEBHOOK_ALLOW_PRIVATE", "1"},
            {"GALLEY_FAULTS", "throw_on=broken:99,slow_ms=slow:30000"},
            {"GALLEY_MAX_WORKERS", "1"}});
    auto u = register_user(*g, "hooks@example.com");
    std::string project = create_project(*g, u, "Avisos");
    auto ids = upload_texts(u, project, {"fine.txt", "broken.txt", "slow.txt"});

    subscribe(u, receiver.url(), /*with_secret=*/false);
    std::string unsigned_run = finished_run(u, project, {ids[0]});
    const std::string secret = create_secret(u);
    ASSERT_EQ(secret.rfind("whsec_", 0), 0u) << secret;

    std::string finished = finished_run(u, project, {ids[0]});
    std::string failed = finished_run(u, project, {ids[1]});
    auto created = start_run(u, project, {ids[2]});
    std::string cancelled = json_of(created)["data"]["id"];
    wait_run(u, cancelled, [](const json& r) { return r["counts"]["running"] == 1; });
    ASSERT_EQ(g->request("POST", "/api/v1/runs/" + cancelled + "/cancel", {}, u.access_token).status, 200);
    ASSERT_EQ(wait_final(u, cancelled)["status"], "cancelled");

    auto got = receiver.wait_for(3, 60s);
    ASSERT_EQ(got.size(), 3u);
    std::map<std::string, std::string> type_of_run;
    for (const auto& r : got) {
        EXPECT_EQ(r.method, "POST");
        EXPECT_EQ(r.target, "/hook");
        EXPECT_EQ(r.headers.at("content-type"), "application/json");
        json event = json::parse(r.body);
        EXPECT_EQ(r.headers.at("galley-event-id"), event["id"]);
        const std::string& ts = r.headers.at("galley-timestamp");
        EXPECT_EQ(r.headers.at("galley-signature"), expected_signature(secret, ts, r.body));
        EXPECT_NE(r.headers.at("galley-signature"), expected_signature(secret + "x", ts, r.body));
        // The first attempt follows the transition within 5 s.
        auto finished_at = galley::parse_rfc3339(event["data"]["finished_at"].get<std::string>());
        ASSERT_TRUE(finished_at.has_value());
        EXPECT_LE(std::stoll(ts) - *finished_at / 1'000'000, 5) << r.body;
        EXPECT_TRUE(event["created_at"].is_string());
        type_of_run[event["data"]["id"]] = event["type"];
    }
    EXPECT_EQ(type_of_run[finished], "run.finished");
    EXPECT_EQ(type_of_run[failed], "run.failed");
    EXPECT_EQ(type_of_run[cancelled], "run.cancelled");
    EXPECT_FALSE(type_of_run.contains(unsigned_run)) << "nothing is sent for a run that ended before the secret";

    json seen = wait_deliveries(u, 3);
    ASSERT_EQ(seen.size(), 3u) << seen.dump();
    for (const auto& d : seen) {
        EXPECT_EQ(d["attempt"], 1);
        EXPECT_EQ(d["status_code"], 200);
        EXPECT_TRUE(d["error"].is_null());
    }
    auto stranger = register_user(*g, "other-hooks@example.com");
    EXPECT_EQ(deliveries(stranger).size(), 0u);
    EXPECT_EQ(receiver.received().size(), 3u) << "exactly one event per run end";
}

TEST_P(webhooks, failed_deliveries_are_retried_with_the_same_event_across_a_hard_restart) {
    webhook_receiver receiver;
    std::map<std::string, std::string> env = {{"GALLEY_WEBHOOK_ALLOW_PRIVATE", "1"},
                                              {"GALLEY_WEBHOOK_FIRST_RETRY_SECONDS", "1"}};
    launch(env);
    auto u = register_user(*g, "retry-hooks@example.com");
    std::string project = create_project(*g, u, "Reintentos");
    auto ids = upload_texts(u, project, {"fine.txt"});
    const std::string secret = subscribe(u, receiver.url());
    receiver.answer_next({500, 503});
    std::string run = finished_run(u, project, ids);
    ASSERT_EQ(receiver.wait_for(2, 60s).size(), 2u);
    ASSERT_EQ(wait_deliveries(u, 2).size(), 2u);

    // Killed between attempts: the outbox is in the database, so the next process sends it.
    g->kill_hard();
    ASSERT_TRUE(g->start()) << g->log();
    auto got = receiver.wait_for(3, 60s);
    ASSERT_EQ(got.size(), 3u);
    for (const auto& r : got) {
        EXPECT_EQ(r.headers.at("galley-event-id"), got[0].headers.at("galley-event-id"));
        EXPECT_EQ(r.body, got[0].body) << "every attempt carries the same bytes";
        EXPECT_EQ(r.headers.at("galley-signature"), expected_signature(secret, r.headers.at("galley-timestamp"), r.body));
    }
    EXPECT_EQ(json::parse(got[0].body)["data"]["id"], run);
    json seen = wait_deliveries(u, 3);
    ASSERT_EQ(seen.size(), 3u) << seen.dump();
    EXPECT_EQ(seen[0]["status_code"], 500);
    EXPECT_EQ(seen[0]["error"], "HTTP 500");
    EXPECT_EQ(seen[1]["status_code"], 503);
    EXPECT_EQ(seen[2]["status_code"], 200);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(seen[i]["attempt"], i + 1);
    EXPECT_EQ(receiver.received().size(), 3u) << "no attempt after the delivery";
}

TEST_P(webhooks, private_addresses_are_refused_and_redirects_not_followed) {
    webhook_receiver receiver;
    launch({});  // GALLEY_WEBHOOK_ALLOW_PRIVATE unset: 127.0.0.1 is out of reach
    auto u = register_user(*g, "ssrf@example.com");
    std::string project = create_project(*g, u, "Prohibido");
    auto ids = upload_texts(u, project, {"fine.txt"});
    subscribe(u, receiver.url());
    finished_run(u, project, ids);
    json seen = wait_deliveries(u, 1);
    ASSERT_GE(seen.size(), 1u);
    EXPECT_TRUE(seen[0]["status_code"].is_null());
    EXPECT_NE(seen[0]["error"].get<std::string>().find("private"), std::string::npos) << seen.dump();
    EXPECT_EQ(receiver.received().size(), 0u);

    g->stop();
    launch({{"GALLEY_WEBHOOK_ALLOW_PRIVATE", "1"}});
    auto v = register_user(*g, "redirect@example.com");
    std::string other = create_project(*g, v, "Redirigido");
    auto more = upload_texts(v, other, {"fine.txt"});
    subscribe(v, receiver.url());
    receiver.answer_next({302});
    finished_run(v, other, more);
    json redirected = wait_deliveries(v, 1);
    ASSERT_GE(redirected.size(), 1u);
    EXPECT_EQ(redirected[0]["status_code"], 302);
    EXPECT_EQ(redirected[0]["error"], "redirects are not followed (HTTP 302)");
    for (const auto& r : receiver.received()) EXPECT_EQ(r.target, "/hook") << "the Location was not followed";
}

INSTANTIATE_TEST_SUITE_P(backends, webhooks, ::testing::Values(backend_kind::sqlite, backend_kind::postgresql),
                         [](const auto& info) { return backend_label(info.param); });
