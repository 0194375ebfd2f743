#pragma once
// Turning what went wrong on the wire into kube::Status values, as client-go does: a Status
// body the server sent is returned as is (with the HTTP code when it lacks one); any other body
// becomes a Status with the HTTP code, the upstream reason for that code and a short message.
// Failures below HTTP (connect, TLS, reset, timeout) are Status values with code 0.
//
// Pure functions; any thread. Cost: one JSON parse of an error body (bounded by the caller).

#include "httpmessage.h"

#include "kube/api/status.h"

namespace kube {

// The Status for a non-2xx response (also sets retryAfterSeconds from a Retry-After header).
Status statusFromResponse(const HttpResponse &response);
// upstream's reason for an HTTP code ("NotFound" for 404, "InternalError" for 500…).
QString reasonForHttpCode(int code);
// A failure below HTTP: code 0, the given reason (often empty) and message.
Status transportError(const QString &message, const QString &reason = QString());
// Seconds from a Retry-After header (delta-seconds form only, as client-go); -1 when absent.
int retryAfterSeconds(const HttpResponse &response);
// A copy of status whose texts have every occurrence of each secret replaced by "<redacted>".
Status redacted(const Status &status, const QList<QByteArray> &secrets);

} // namespace kube
