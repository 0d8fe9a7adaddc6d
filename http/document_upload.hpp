#pragma once
// The upload pipeline: size against the plan, multipart or raw body, content inspection, then
// blob and row. A refused upload leaves nothing behind in the database; a file stored before
// its row was refused (over a quota) is removed by app/blob_collector after its grace period.
#include <string>
#include <string_view>

#include "domain/entities.hpp"
#include "domain/plans.hpp"
#include "domain/result.hpp"
#include "http/http_types.hpp"
#include "http/service_context.hpp"

namespace galley::http {

struct upload {
    std::string filename;   // sanitised
    std::string_view bytes;  // into the request body
};

/// payload_too_large when Content-Length (or the body, for chunked uploads) exceeds the plan.
status check_upload_size(const http_request& req, const plan& tier);

/// The `file` part of a multipart/form-data body, or the raw body named by ?filename=.
/// bad_request when the multipart framing is broken; invalid_argument (field `file`) when there
/// is no file part or the file is empty.
result<upload> extract_upload(const http_request& req);

/// Inspects, measures and stores the upload as a new document of the project; quota_exceeded
/// when the user would hold more documents or bytes than `tier` allows.
result<document> store_document(service_context& ctx, const std::string& user_id,
                                const std::string& project_id, const upload& up, const plan& tier);

/// A Content-Disposition attachment header value with an ASCII fallback and RFC 5987 filename*.
std::string content_disposition(std::string_view filename);

}  // namespace galley::http
