#pragma once
// HttpRequest / HttpResponse: one HTTP/1.1 exchange as plain values, the unit the transport
// sends and the parser produces. Header names compare case-insensitively.
//
// Plain value types; any thread. Requests may carry secrets (Authorization): never log a
// request's headers.

#include <QByteArray>
#include <QList>
#include <QPair>

namespace kube {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// The value of the first header called name (case-insensitive); empty when absent.
QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name);
void setHeader(HttpHeaders &headers, const QByteArray &name, const QByteArray &value);

struct HttpRequest {
    QByteArray method = "GET";
    QByteArray target;  // path and query, already percent-encoded ("/api/v1/pods?limit=5")
    HttpHeaders headers; // besides Host, Content-Length, auth and User-Agent (the transport adds those)
    QByteArray body;

    // GET, HEAD, PUT, DELETE, OPTIONS: safe to send twice (RFC 9110 §9.2.2).
    bool isIdempotent() const;
};

struct HttpResponse {
    int statusCode = 0;
    QByteArray reasonPhrase;
    HttpHeaders headers;
    QByteArray body; // empty for streamed responses (the stream delivers the body)

    QByteArray header(QByteArrayView name) const { return headerValue(headers, name); }
    bool isSuccess() const { return statusCode >= 200 && statusCode < 300; }
};

} // namespace kube
