#include "httpstream.h"

#include "httpconnection.h"
#include "httperror.h"

#include <QTimer>

namespace kube {

namespace {
constexpr qsizetype kMaxErrorBody = 64 * 1024;
}

HttpStream::HttpStream(ClusterTransport *transport, HttpRequest request, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_request(std::move(request))
{
    if (!transport->configurationError().isSuccess()) {
        const Status error = transport->configurationError();
        QTimer::singleShot(0, this, [this, error] { finish(error); });
        return;
    }
    transport->whenAllowed(this, [this] { start(); });
}

HttpStream::~HttpStream()
{
    stop();
}

void HttpStream::stop()
{
    m_finished = true;
    if (m_connection) {
        m_connection->abort();
        m_connection->deleteLater();
        m_connection = nullptr;
    }
}

void HttpStream::start()
{
    if (m_finished)
        return;
    if (!m_transport) {
        finish(transportError(u"the transport was closed"_qs));
        return;
    }
    auto wire = m_transport->serialize(m_request, m_credentialMode);
    if (!wire) {
        finish(wire.error());
        return;
    }
    if (m_connection) {
        m_connection->abort();
        m_connection->deleteLater();
    }
    // Not a child: the stream may be destroyed from inside the connection's callbacks, so the
    // connection always goes through deleteLater().
    m_connection = new HttpConnection(m_transport->settings());
    m_head = HttpResponse();
    m_errorBody.clear();
    HttpConnection::Sink sink;
    sink.head = [this](const HttpResponse &head) {
        m_head = head;
        if (head.isSuccess() && onHead)
            onHead(head);
    };
    sink.body = [this](QByteArrayView data) {
        if (m_head.isSuccess()) {
            if (onData)
                onData(data);
            return;
        }
        if (m_errorBody.size() < kMaxErrorBody)
            m_errorBody.append(data.first(std::min(data.size(), kMaxErrorBody - m_errorBody.size())));
    };
    sink.finished = [this](const Status &status) {
        if (m_finished)
            return;
        if (!status.isSuccess()) {
            finish(redacted(status, m_transport ? m_transport->secrets() : QList<QByteArray>()));
            return;
        }
        if (m_head.isSuccess()) {
            finish(Status());
            return;
        }
        if (m_head.statusCode == 401 && !m_authRetried && m_transport && m_transport->hasCredentialSource()) {
            m_authRetried = true;
            m_credentialMode = ClusterTransport::CredentialMode::ForceRefresh;
            QTimer::singleShot(0, this, &HttpStream::start);
            return;
        }
        HttpResponse response = m_head;
        response.body = m_errorBody;
        finish(redacted(statusFromResponse(response), m_transport ? m_transport->secrets() : QList<QByteArray>()));
    };
    m_connection->send(std::move(wire).value(), HttpResponseParser::RequestMethod::Other, std::move(sink));
}

void HttpStream::finish(const Status &status)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_connection) {
        m_connection->abort();
        m_connection->deleteLater();
        m_connection = nullptr;
    }
    if (onFinished)
        onFinished(status);
}

} // namespace kube
