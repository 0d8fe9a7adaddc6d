#pragma once
// The review page (http/web/index.html, app.js, app.css), embedded at build time.
#include <string_view>

namespace galley::http {

std::string_view web_index_html();
std::string_view web_app_js();
std::string_view web_app_css();

}  // namespace galley::http
