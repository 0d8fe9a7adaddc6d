#include "actors/corrector.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "persistence/dictionary_repository.hpp"

namespace galley::actors {

namespace {
std::string rfc3339_seconds(micros t) {
    std::string s = to_rfc3339(t);  // ...T04:36:54.123Z
    return s.substr(0, 19) + "Z";
}

// slow_ms faults: wait in short slices so a cancel is still seen within ~20 ms.
void injected_delay(int millis, const cancel_flag& flag) {
    auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(millis);
    while (std::chrono::steady_clock::now() < until && !flag->load())
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

void run_attempt(const runtime_context& ctx, const claimed_document& doc, const cancel_flag& flag,
                 correction_job& out) {
    auto started = std::chrono::steady_clock::now();
    auto bytes = ctx.blobs->get(doc.user_id, doc.project_id, doc.sha256);
    if (!bytes) throw std::runtime_error("the original file cannot be read: " + bytes.err().message);
    if (ctx.options.faults.should_throw(doc.filename, doc.attempts))
        throw std::runtime_error("injected fault (throw_on) at attempt " + std::to_string(doc.attempts));
    if (int ms = ctx.options.faults.slow_millis(doc.filename); ms > 0) injected_delay(ms, flag);
    // After any slow_ms, so a test can have neighbours running when the process dies.
    if (ctx.options.faults.should_crash(doc.filename, doc.attempts)) {
        std::fprintf(stderr, "{\"level\":\"error\",\"msg\":\"injected fault (crash_on): aborting\",\"document_id\":\"%s\"}\n",
                     doc.document_id.c_str());
        std::abort();
    }

    auto opts = parse_run_options(doc.options_json);
    run_options ro = opts ? *opts : run_options{};
    correction_options co;
    co.document_id = doc.document_id;
    co.name = doc.filename;
    co.check.language = ro.language;
    co.check.rules_disabled = ro.rules_disabled;
    // The project dictionary as it is when this attempt starts (API.md: used by later runs).
    auto words = persistence::dictionary_repository(*ctx.db).words_of_project(doc.project_id);
    if (!words) throw std::runtime_error("the project dictionary cannot be read: " + words.err().message);
    co.check.dictionary = std::move(*words);
    co.check.should_stop = [flag] { return flag->load(); };
    co.tracked = ro.tracked_changes;
    co.date = rfc3339_seconds(now_micros());
    out.outcome = correct_document(*ctx.eng, *bytes, co);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}
}  // namespace

caf::behavior corrector(caf::event_based_actor* self, context_ptr ctx, claimed_document doc, cancel_flag flag,
                        correction_job_ptr out) {
    self->set_exception_handler([out](caf::scheduled_actor*, std::exception_ptr& eptr) -> caf::error {
        try {
            std::rethrow_exception(eptr);
        } catch (const std::exception& e) {
            out->crash = e.what();
        } catch (...) {
            out->crash = "the corrector crashed";
        }
        return caf::make_error(caf::sec::runtime_error);
    });
    return {
        // From the document actor, once: do the work, then quit normally.
        [=](correct_atom) {
            run_attempt(*ctx, doc, flag, *out);
            self->quit();
        },
    };
}

}  // namespace galley::actors
