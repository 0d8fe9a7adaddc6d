#pragma once
// The one result type of domain/ and persistence/: a value or a typed error.
// Fallible functions return result<T> (or status for no value); exceptions stay at the edges.
#include <string>
#include <utility>
#include <variant>

namespace galley {

/// Error classes shared by every layer; http/errors.cpp maps each to an API.md code.
enum class errc {
    not_found,
    invalid_argument,  // a field is invalid: error::field names it (422 validation_error)
    bad_request,       // the request itself is malformed (400)
    conflict,
    forbidden,
    unauthorized,
    quota_exceeded,
    payload_too_large,
    unsupported_media,
    unsafe_input,
    rate_limited,
    over_capacity,
    unavailable,  // a dependency (database, storage) does not answer
    internal,
};

struct error {
    errc code = errc::internal;
    std::string message;
    std::string field;  // set for invalid_argument: which input field is wrong
    int retry_after_seconds = 0;  // rate_limited: when the client may retry (0: a minute)
};

inline error make_error(errc code, std::string message, std::string field = {}) {
    return error{code, std::move(message), std::move(field)};
}

template <class T>
class [[nodiscard]] result {
public:
    result(T value) : v_(std::move(value)) {}  // NOLINT: implicit on purpose, like expected
    result(error e) : v_(std::move(e)) {}      // NOLINT

    bool ok() const noexcept { return v_.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    // REQUIRES: ok()
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    // REQUIRES: !ok()
    const error& err() const { return std::get<1>(v_); }

private:
    std::variant<T, error> v_;
};

/// result<void>: success carries nothing.
class [[nodiscard]] status {
public:
    status() = default;
    status(error e) : err_(std::move(e)), failed_(true) {}  // NOLINT
    bool ok() const noexcept { return !failed_; }
    explicit operator bool() const noexcept { return ok(); }
    const error& err() const { return err_; }

private:
    error err_;
    bool failed_ = false;
};

}  // namespace galley
