#pragma once
// HttpStream: one long-lived request on a dedicated connection — a watch or a followed log —
// whose body is handed over piece by piece as it arrives instead of being collected. It starts
// asynchronously after the rate limiter allows it; a 401 with a CredentialSource is retried once
// with a refreshed credential; any other non-2xx answer ends it with the server's Status. No
// request timeout applies (the server's timeoutSeconds ends a watch).
//
// Thread affinity: the transport's thread; callbacks run there, never from the constructor.
// Owned by the caller; destroying it (or stop()) closes the connection without callbacks.
// The transport must outlive it. Memory: an error body is kept up to 64 KiB; data is not kept.

#include "clustertransport.h"

#include <QObject>
#include <QPointer>

namespace kube {

class HttpConnection;

class HttpStream : public QObject
{
    Q_OBJECT
public:
    HttpStream(ClusterTransport *transport, HttpRequest request, QObject *parent = nullptr);
    ~HttpStream() override;

    // Set before returning to the event loop. data gets body pieces of a 2xx answer; finished
    // runs once: success when the server ended the body, otherwise why.
    std::function<void(const HttpResponse &head)> onHead;
    std::function<void(QByteArrayView data)> onData;
    std::function<void(const Status &status)> onFinished;

    void stop();
    bool isFinished() const { return m_finished; }

private:
    void start();
    void finish(const Status &status);

    QPointer<ClusterTransport> m_transport;
    HttpRequest m_request;
    HttpConnection *m_connection = nullptr;
    ClusterTransport::CredentialMode m_credentialMode = ClusterTransport::CredentialMode::Cached;
    HttpResponse m_head;
    QByteArray m_errorBody;
    bool m_authRetried = false;
    bool m_finished = false;
};

} // namespace kube
