#pragma once
// ApiRequest and ApiResponder: a request as the API's handlers see it, and the way they answer
// (a whole response, a Status error, or a chunked stream that outlives the handler).
//
// Thread affinity: the API server's thread. An ApiResponder is valid only during the handler
// call; a stream it starts is owned by the caller (parented to nothing) and lives on.

#include "httpresponse.h"
#include "requestinfo.h"

#include <QStringList>
#include <QUrlQuery>

class QTcpSocket;

namespace kube {

class Status;

struct ApiRequest {
    QByteArray method;   // "GET", "POST", …
    QString path;        // decoded path, no query
    QUrlQuery query;
    HttpHeaders headers; // as received
    QByteArray body;
    RequestInfo info;

    // Case-insensitive header lookup; empty when absent.
    QByteArray header(QByteArrayView name) const;
    // The query parameter, fully decoded; empty when absent.
    QString param(const QString &name) const { return query.queryItemValue(name, QUrl::FullyDecoded); }
    bool hasParam(const QString &name) const { return query.hasQueryItem(name); }
};

class ApiResponder
{
public:
    explicit ApiResponder(QTcpSocket *socket) : m_socket(socket) {}

    void respond(int status, const QByteArray &contentType, const QByteArray &body, const HttpHeaders &headers = {});
    void respondJson(int status, const QByteArray &json, const HttpHeaders &headers = {});
    // The Status as JSON with its code as the HTTP status (Retry-After added when set).
    void respondStatus(const Status &status);
    // Starts a chunked response; the caller owns the returned stream.
    ChunkedStream *startStream(int status, const QByteArray &contentType, const HttpHeaders &headers = {});
    bool hasResponded() const { return m_responded; }
    QTcpSocket *socket() const { return m_socket; }
    // A warning for the client (RFC 7234 `Warning: 299 - "text"`), sent with whatever response
    // follows, as kube-apiserver sends fieldValidation=Warn findings. kubectl prints each. Repeats are sent once.
    void addWarning(const QString &text) { if (!m_warnings.contains(text)) m_warnings.append(text); }
    const QStringList &warnings() const { return m_warnings; }

private:
    HttpHeaders withWarnings(const HttpHeaders &headers) const;
    QTcpSocket *m_socket;
    bool m_responded = false;
    QStringList m_warnings;
};

// What the HTTP layer hands authenticated, well-formed requests to.
class RequestHandler
{
public:
    virtual ~RequestHandler() = default;
    virtual void handle(const ApiRequest &request, ApiResponder &responder) = 0;
};

} // namespace kube
