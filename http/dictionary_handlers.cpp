// /api/v1/projects/{project_id}/dictionary and /dictionary/words: the words the engine accepts
// in the project's later runs.
#include "domain/review/dictionary.hpp"
#include "http/auth_support.hpp"
#include "http/errors.hpp"
#include "http/handlers.hpp"
#include "http/json_input.hpp"
#include "http/project_access.hpp"

namespace galley::http {

namespace {
http_response words_reply(const std::vector<std::string>& words, const http_request& req,
                          const caller& who) {
    auto r = json_ok({{"words", words}}, req.request_id);
    r.user_id = who.account.id;
    return r;
}
}  // namespace

http_response get_dictionary(const http_request& req, service_context& ctx) {
    auto scope = authorize(req, ctx, access_target::project, req.param(0), project_action::read);
    if (!scope) return json_error(scope.err(), req.request_id);
    const caller* who = &scope->who;
    auto words = ctx.dictionaries.words(scope->owner(), req.param(0));
    if (!words) return json_error(words.err(), req.request_id);
    return words_reply(*words, req, *who);
}

http_response put_dictionary(const http_request& req, service_context& ctx) {
    auto scope = authorize(req, ctx, access_target::project, req.param(0), project_action::edit);
    if (!scope) return json_error(scope.err(), req.request_id);
    const caller* who = &scope->who;
    auto body = parse_json_object(req);
    if (!body) return json_error(body.err(), req.request_id);
    auto list = body->find("words");
    if (list == body->end() || !list->is_array())
        return json_error(
            make_error(errc::invalid_argument, "words must be a list of strings", "words"),
            req.request_id);
    if (list->size() > 2 * kMaxDictionaryWords)
        return json_error(
            make_error(errc::invalid_argument, "a dictionary holds at most 10000 words", "words"),
            req.request_id);
    std::vector<std::string> words;
    for (std::size_t i = 0; i < list->size(); ++i) {
        if (!(*list)[i].is_string())
            return json_error(make_error(errc::invalid_argument, "words must be strings",
                                         "words[" + std::to_string(i) + "]"),
                              req.request_id);
        words.push_back((*list)[i].get<std::string>());
    }
    auto normalized = normalize_dictionary(std::move(words));
    if (!normalized) return json_error(normalized.err(), req.request_id);
    if (auto s = ctx.dictionaries.replace(scope->owner(), req.param(0), *normalized); !s)
        return json_error(s.err(), req.request_id);
    return words_reply(*normalized, req, *who);
}

http_response add_dictionary_word(const http_request& req, service_context& ctx) {
    auto scope = authorize(req, ctx, access_target::project, req.param(0), project_action::review);
    if (!scope) return json_error(scope.err(), req.request_id);
    const caller* who = &scope->who;
    auto body = parse_json_object(req);
    if (!body) return json_error(body.err(), req.request_id);
    auto word = required_string(*body, "word", 1024);
    if (!word) return json_error(word.err(), req.request_id);
    if (auto ok = validate_dictionary_word(*word, "word"); !ok)
        return json_error(ok.err(), req.request_id);
    auto words = ctx.dictionaries.add(scope->owner(), req.param(0), *word);
    if (!words) return json_error(words.err(), req.request_id);
    return words_reply(*words, req, *who);
}

}  // namespace galley::http
