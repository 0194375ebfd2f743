#pragma once
// ApiRequest and ApiResponder: a request as the API's handlers see it, and the way they answer
// (a whole response, a Status error, or a chunked stream that outlives the handler).
//
// Thread affinity: an ApiRequest is a value (copied off the socket), read by whichever thread
// handles it. A socket ApiResponder lives on the API server's thread and is valid only during
// the handler call; a stream it starts is owned by the caller (parented to nothing) and lives on.
// A deferred ApiResponder (no socket) is for a handler on a worker thread: it keeps the answer,
// which the server's thread writes afterwards (ApiHttpServer); it cannot start a stream.

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
    // Writes to the socket as the handler answers.
    explicit ApiResponder(QTcpSocket *socket) : m_socket(socket) {}
    // Deferred: keeps the answer (answer()) for the server's thread to write.
    ApiResponder() : m_socket(nullptr), m_deferred(true) {}

    // What a deferred responder was answered with; status 0 until it was.
    struct Answer {
        int status = 0;
        QByteArray contentType;
        QByteArray body;
        HttpHeaders headers; // warnings included
    };
    bool isDeferred() const { return m_deferred; }
    const Answer &answer() const { return m_answer; }

    void respond(int status, const QByteArray &contentType, const QByteArray &body, const HttpHeaders &headers = {});
    void respondJson(int status, const QByteArray &json, const HttpHeaders &headers = {});
    // The Status as JSON with its code as the HTTP status (Retry-After added when set).
    void respondStatus(const Status &status);
    // Starts a chunked response; the caller owns the returned stream. A deferred responder
    // answers 500 instead and returns a stream that is already closed.
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
    bool m_deferred = false;
    bool m_responded = false;
    Answer m_answer;
    QStringList m_warnings;
};

// What the HTTP layer hands authenticated, well-formed requests to.
class RequestHandler
{
public:
    virtual ~RequestHandler() = default;
    // On the server's thread with a socket responder, or — when runsOnWorker() said so — on a
    // worker thread with a deferred one, concurrently with other calls.
    virtual void handle(const ApiRequest &request, ApiResponder &responder) = 0;
    // Whether handle() may run this request on a worker thread: work that blocks (a store
    // write waits for its commit to be durable) and touches nothing bound to the server's
    // thread. Called on the server's thread. Default: none.
    virtual bool runsOnWorker(const ApiRequest &request) const
    {
        Q_UNUSED(request);
        return false;
    }
    // On the server's thread after a worker's handle() returned, before its answer is written:
    // whatever must be in place before the client can act on the answer.
    virtual void afterWorker(const ApiRequest &request) { Q_UNUSED(request); }
    // Whether a bearer token other than the cluster's own authenticates (a service account
    // token). Called on the server's thread. Default: none does.
    virtual bool authenticatesToken(QByteArrayView token) const
    {
        Q_UNUSED(token);
        return false;
    }
};

} // namespace kube
